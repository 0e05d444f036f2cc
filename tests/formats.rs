//! Corpus input formats end to end: JSON Lines, JSON arrays, TREC `<DOC>`
//! files, gzip, zip and tar.gz archives, malformed records, and output
//! order with one or two worker threads.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;

fn analyze() -> Command {
    Command::cargo_bin("analyze").unwrap()
}

/// NDJSON output lines, parsed.
fn lines(out: &[u8]) -> Vec<Value> {
    std::str::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

const BODY: &str = "قال وزير الخارجية العراقي إن الرئيس السوري سيزور بغداد الأسبوع المقبل.\nوبحث الجانبان العلاقات الثنائية.";

fn record(i: usize) -> Value {
    json!({
        "id": format!("r{i}"),
        "title": format!("عنوان {i}"),
        "date": "2024-03-0".to_string() + &(1 + i % 9).to_string(),
        "source": "وكالة",
        "content": format!("{BODY}\nالخبر رقم {i}."),
    })
}

fn jsonl(n: usize) -> String {
    (0..n).map(|i| record(i).to_string() + "\n").collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn documents(v: &[Value]) -> Vec<&Value> {
    v.iter().filter(|l| l["kind"] == "document").collect()
}

#[test]
fn json_lines_records_keep_their_own_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.jsonl");
    std::fs::write(&p, jsonl(3)).unwrap();
    let out = analyze().args(["-f", "ndjson"]).arg(&p).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = lines(&out.stdout);
    assert_eq!(v.len(), 3);
    assert_eq!(v[1]["id"], "r1");
    assert_eq!(v[1]["headline"], "عنوان 1");
    assert_eq!(v[1]["date"], "2024-03-02");
    assert_eq!(v[1]["source"], "وكالة");
    // offsets are into the record's text field
    let text: Vec<char> = record(1)["content"].as_str().unwrap().chars().collect();
    assert_eq!(v[1]["chars"], text.len());
    for c in v[1]["countries"].as_array().unwrap() {
        for m in c["mentions"].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                text[s..e].iter().collect::<String>(),
                m["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn field_names_are_configurable_and_ids_default_to_file_and_number() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("b.jsonl");
    std::fs::write(
        &p,
        format!("{}\n{}\n", json!({"txt": BODY}), json!({"txt": BODY})),
    )
    .unwrap();
    let out = analyze()
        .args(["-f", "ndjson", "--text-field", "txt"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v = lines(&out.stdout);
    assert_eq!(v[1]["id"], format!("{}#2", p.display()));
    // without the flag, no text field is found: both records fail
    let out = analyze().args(["-f", "ndjson"]).arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("b.jsonl: line 2: no text field"), "{err}");
}

#[test]
fn a_malformed_record_is_reported_skipped_and_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.jsonl");
    let mut s = jsonl(2);
    s.push_str("{\"id\": \"broken\", \"content\": \n");
    s.push_str(&(record(9).to_string() + "\n"));
    std::fs::write(&p, s).unwrap();
    let out = analyze().args(["-f", "ndjson"]).arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = lines(&out.stdout);
    let kinds: Vec<&str> = v.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["document", "document", "error", "document"]);
    assert_eq!(v[2]["line"], 3);
    assert!(v[2]["file"].as_str().unwrap().ends_with("c.jsonl"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("c.jsonl: line 3: invalid JSON"), "{err}");
    assert_eq!(v[3]["id"], "r9");
}

#[test]
fn json_arrays_like_saudinewsnet() {
    let dir = tempfile::tempdir().unwrap();
    let recs = json!([
        {"source": "aawsat", "url": "http://x/1", "date_extracted": "2015-07-21 02:51:32",
         "title": "عنوان", "author": "لندن", "content": BODY},
        {"source": "okaz", "url": "http://x/2", "date_extracted": "2015-07-22 10:00:00",
         "title": "", "author": "", "content": BODY},
        {"source": "okaz", "url": "http://x/3", "title": "بلا نص"}
    ]);
    let p = dir.path().join("2015-07-21.json");
    std::fs::write(&p, serde_json::to_string_pretty(&recs).unwrap()).unwrap();
    let out = analyze().args(["-f", "ndjson"]).arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the third record has no text");
    let v = lines(&out.stdout);
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["id"], "http://x/1");
    assert_eq!(v[0]["date"], "2015-07-21");
    assert_eq!(v[0]["source"], "aawsat");
    assert_eq!(v[1]["date"], "2015-07-22");
    assert_eq!(v[2]["kind"], "error");
    assert_eq!(v[2]["record"], 3);
}

const TREC: &str = "<DOC>\n<DOCNO>AL-politics-1-20180218</DOCNO>\n<SRC>alarabia</SRC>\n<TITLE>زيارة &amp; محادثات</TITLE>\n<TIME>Sun, 18 Feb 2018 21:35:43 +0400</TIME>\n<TEXT>\nقال وزير الخارجية العراقي إن الرئيس السوري سيزور بغداد.\n</TEXT>\n</DOC>\n<DOC id=\"AFP_ARB_20000101.0001\" type=\"story\">\n<HEADLINE>قمة</HEADLINE>\n<TEXT>\n<P>\nاستقبل الرئيس المصري وزير الخارجية الأردني في القاهرة.\n</P>\n</TEXT>\n</DOC>\n<DOC>\n<DOCNO>NO-TEXT</DOCNO>\n</DOC>\n";

#[test]
fn trec_doc_blocks_become_documents() {
    let dir = tempfile::tempdir().unwrap();
    // a .txt that opens with <DOC is recognized by its content
    let p = dir.path().join("gw.txt");
    std::fs::write(&p, TREC).unwrap();
    let out = analyze().args(["-f", "ndjson"]).arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the third block has no TEXT");
    let v = lines(&out.stdout);
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["id"], "AL-politics-1-20180218");
    assert_eq!(v[0]["headline"], "زيارة & محادثات");
    assert_eq!(v[0]["date"], "2018-02-18");
    assert_eq!(v[0]["source"], "alarabia");
    assert_eq!(v[1]["id"], "AFP_ARB_20000101.0001");
    assert_eq!(v[1]["date"], "2000-01-01", "date read from the Gigaword id");
    assert_eq!(v[1]["headline"], "قمة");
    assert_eq!(v[2]["kind"], "error");
    assert_eq!(v[2]["record"], 3);
    assert_eq!(v[2]["line"], 18);
    // --input text reads the same file as one article
    let out = analyze()
        .args(["-f", "ndjson", "--input", "text"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(lines(&out.stdout).len(), 1);
}

#[test]
fn gzip_zip_and_tar_gz_are_read_without_unpacking() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.jsonl.gz"), gzip(jsonl(2).as_bytes())).unwrap();
    // zip: a JSON array and a TREC file, each dispatched by its own name
    let mut zw = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zw.start_file("day/2015-07-21.json", opts).unwrap();
    zw.write_all(json!([record(5), record(6)]).to_string().as_bytes())
        .unwrap();
    zw.start_file("gw.sgml", opts).unwrap();
    zw.write_all(
        TREC.split("<DOC>\n<DOCNO>NO-TEXT")
            .next()
            .unwrap()
            .as_bytes(),
    )
    .unwrap();
    std::fs::write(d.join("b.zip"), zw.finish().unwrap().into_inner()).unwrap();
    // tar.gz of one-article text files
    let mut tb = tar::Builder::new(Vec::new());
    for (name, text) in [
        ("x/1.txt", BODY),
        ("x/2.txt", BODY),
        ("x/README.md", "# no"),
    ] {
        let mut h = tar::Header::new_gnu();
        h.set_size(text.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        tb.append_data(&mut h, name, text.as_bytes()).unwrap();
    }
    std::fs::write(d.join("c.tar.gz"), gzip(&tb.into_inner().unwrap())).unwrap();

    let out = analyze().args(["-f", "ndjson"]).arg(d).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = lines(&out.stdout);
    let ids: Vec<&str> = v.iter().map(|l| l["id"].as_str().unwrap()).collect();
    let base = d.display().to_string();
    assert_eq!(
        ids,
        [
            "r0".to_string(),
            "r1".into(),
            "r5".into(),
            "r6".into(),
            "AL-politics-1-20180218".into(),
            "AFP_ARB_20000101.0001".into(),
            format!("{base}/c.tar.gz!x/1.txt"),
            format!("{base}/c.tar.gz!x/2.txt"),
        ]
    );
    assert_eq!(v[2]["file"], format!("{base}/b.zip!day/2015-07-21.json"));
    assert_eq!(v[0]["file"], format!("{base}/a.jsonl.gz"));
}

#[test]
fn a_broken_archive_is_an_error_not_a_stop() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = gzip(jsonl(50).as_bytes());
    gz.truncate(gz.len() / 2);
    std::fs::write(dir.path().join("a.jsonl.gz"), gz).unwrap();
    std::fs::write(dir.path().join("b.jsonl"), jsonl(1)).unwrap();
    let out = analyze()
        .args(["-f", "ndjson"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = lines(&out.stdout);
    assert_eq!(v.last().unwrap()["kind"], "document", "b.jsonl still read");
    assert!(v.iter().any(|l| l["kind"] == "error"));
}

fn corpus(dir: &Path, files: usize, per_file: usize) {
    for f in 0..files {
        let mut s = String::new();
        for i in 0..per_file {
            let mut r = record(f * per_file + i);
            // vary the length so that workers finish out of order
            let extra = BODY.repeat((f * 7 + i * 3) % 11);
            r["content"] = Value::String(format!("{}\n{extra}", r["content"].as_str().unwrap()));
            s.push_str(&(r.to_string() + "\n"));
        }
        std::fs::write(dir.join(format!("{f:02}.jsonl")), s).unwrap();
    }
}

#[test]
fn output_order_is_input_order_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 6, 40);
    let run = |jobs: &str| {
        analyze()
            .args(["-f", "ndjson", "--corpus-summary", "--jobs", jobs])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let one = run("1");
    let two = run("2");
    let four = run("4");
    assert!(one.status.success());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
    let v = lines(&one.stdout);
    let ids: Vec<String> = documents(&v)
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..240).map(|i| format!("r{i}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(v.last().unwrap()["kind"], "corpus");
    // the single-object JSON output is identical too
    let a = analyze()
        .args(["--jobs", "1"])
        .arg(dir.path())
        .output()
        .unwrap();
    let b = analyze()
        .args(["--jobs", "2"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
}

/// The real corpora, when ../shared is there.
#[test]
fn saudinewsnet_zip_is_read_directly() {
    let p = Path::new("../shared/corpora/saudinewsnet/2015-07-23.zip");
    if !p.exists() {
        eprintln!("skipped: {} is absent", p.display());
        return;
    }
    let out = analyze()
        .args(["-f", "ndjson", "-q"])
        .arg(p)
        .output()
        .unwrap();
    let v = lines(&out.stdout);
    let docs = documents(&v);
    assert!(docs.len() > 100, "{} documents", docs.len());
    assert!(docs
        .iter()
        .all(|d| d["date"].as_str().is_some_and(|s| s.starts_with("2015-"))));
    assert!(docs[0]["id"].as_str().unwrap().starts_with("http"));
}
