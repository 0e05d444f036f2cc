//! Web pages end to end (issue 14), on the pages of `tests/html/`, written
//! in the shape of real Arabic news sites: headline, date, source and
//! encoding exact; the first body sentence where it should be; no related
//! headline or page furniture in the body; every offset exact in the text
//! `analyze text` prints; the same people, countries, places,
//! organizations and events as the plain-text twin of each page; and the
//! same analysis when a page comes inside an archive or a JSON record.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

fn analyze() -> Command {
    Command::cargo_bin("analyze").unwrap()
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/html")
}

fn expected() -> Vec<Value> {
    let text = std::fs::read_to_string(dir().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The documents of one run over `paths`, in order.
fn documents(args: &[&str], paths: &[PathBuf]) -> Vec<Value> {
    let out = analyze()
        .arg("--compact")
        .args(args)
        .args(paths)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["documents"].as_array().unwrap().clone()
}

fn pages() -> (Vec<Value>, Vec<PathBuf>) {
    let exp = expected();
    let paths = exp
        .iter()
        .map(|e| dir().join(e["page"].as_str().unwrap()))
        .collect();
    (exp, paths)
}

/// The text `analyze text` prints for one file.
fn text_of(path: &Path) -> String {
    let out = analyze().arg("text").arg(path).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn slice(chars: &[char], v: &Value) -> String {
    let (s, e) = (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    );
    chars[s..e].iter().collect()
}

/// Every `{text, start, end}` item under `v`.
fn spans<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(o) => {
            if o.contains_key("start") && o.contains_key("text") {
                out.push(v);
            }
            o.values().for_each(|x| spans(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        _ => {}
    }
}

#[test]
fn headline_date_source_and_encoding_are_exact() {
    let (exp, paths) = pages();
    let docs = documents(&[], &paths);
    assert_eq!(docs.len(), exp.len());
    for (e, d) in exp.iter().zip(&docs) {
        let page = &e["page"];
        for key in ["headline", "date", "source", "encoding"] {
            assert_eq!(d[key], e[key], "{page}: {key}");
        }
    }
}

#[test]
fn the_body_is_the_article_and_offsets_index_the_printed_text() {
    let (exp, paths) = pages();
    let docs = documents(&[], &paths);
    for ((e, d), path) in exp.iter().zip(&docs).zip(&paths) {
        let page = &e["page"];
        let text = text_of(path);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(d["chars"].as_u64().unwrap() as usize, chars.len(), "{page}");
        // the headline is the first line, the body starts with the first sentence
        assert_eq!(text.lines().next(), e["headline"].as_str(), "{page}");
        let first = slice(&chars, &d["paragraphs"][0]);
        let sentence = e["first_sentence"].as_str().unwrap();
        assert!(
            first.starts_with(sentence),
            "{page}: body opens with {first}"
        );
        for furniture in e["not_in_body"].as_array().unwrap() {
            let f = furniture.as_str().unwrap();
            assert!(!text.contains(f), "{page}: '{f}' reached the text");
        }
        let mut all = Vec::new();
        spans(d, &mut all);
        assert!(all.len() > 10, "{page}: mentions and events found");
        for m in all {
            assert_eq!(slice(&chars, m), m["text"].as_str().unwrap(), "{page}");
        }
    }
}

/// What was found, without where: offsets differ between a page's text
/// (headline, paragraphs) and its twin's (headline, date line, paragraphs).
fn found(doc: &Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(o) => {
                o.remove("start");
                o.remove("end");
                o.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::json!({});
    for key in ["people", "countries", "places", "organizations", "events"] {
        v[key] = doc[key].clone();
    }
    strip(&mut v);
    v
}

#[test]
fn a_page_and_its_plain_text_twin_give_the_same_analysis() {
    let (exp, paths) = pages();
    let twins: Vec<PathBuf> = paths.iter().map(|p| p.with_extension("txt")).collect();
    let html = documents(&[], &paths);
    let plain = documents(&[], &twins);
    for ((e, h), p) in exp.iter().zip(&html).zip(&plain) {
        let page = &e["page"];
        assert!(!h["events"].as_array().unwrap().is_empty(), "{page}");
        assert_eq!(found(h), found(p), "{page}");
        assert_eq!((&h["headline"], &h["date"]), (&p["headline"], &p["date"]));
    }
}

#[test]
fn pages_in_archives_and_json_records_are_read_the_same() {
    let (exp, paths) = pages();
    let files = documents(&[], &paths);
    let tmp = tempfile::tempdir().unwrap();
    // a tar.gz of the pages
    let tgz = tmp.path().join("pages.tar.gz");
    let gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&tgz).unwrap(),
        flate2::Compression::fast(),
    );
    let mut tar = tar::Builder::new(gz);
    for p in &paths {
        tar.append_path_with_name(p, p.file_name().unwrap())
            .unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap();
    let members = documents(&[], std::slice::from_ref(&tgz));
    assert_eq!(members.len(), files.len());
    for (m, f) in members.iter().zip(&files) {
        assert_eq!(found(m), found(f));
        for key in ["headline", "date", "source", "chars", "encoding"] {
            assert_eq!(m[key], f[key], "{key}");
        }
    }
    // JSON Lines: the page in the text field (recognized as markup), or in
    // the --html-field one; the record's own title wins over the page's
    let utf8: Vec<(usize, String)> = paths
        .iter()
        .enumerate()
        .filter(|(i, _)| exp[*i]["encoding"] == "utf-8")
        .map(|(i, p)| (i, std::fs::read_to_string(p).unwrap()))
        .collect();
    let jsonl = tmp.path().join("pages.jsonl");
    let mut f = std::fs::File::create(&jsonl).unwrap();
    for (i, page) in &utf8 {
        writeln!(
            f,
            "{}",
            serde_json::json!({"id": format!("p{i}"), "content": page})
        )
        .unwrap();
    }
    drop(f);
    let records = documents(&[], std::slice::from_ref(&jsonl));
    assert_eq!(records.len(), utf8.len());
    for (r, (i, _)) in records.iter().zip(&utf8) {
        let f = &files[*i];
        assert_eq!(found(r), found(f));
        for key in ["headline", "date", "source", "chars"] {
            assert_eq!(r[key], f[key], "{key}");
        }
    }
    let (i, page) = &utf8[0];
    let jsonl = tmp.path().join("field.jsonl");
    let record = serde_json::json!({"title": "عنوان السجل", "page": page, "text": "نص عادي"});
    std::fs::write(&jsonl, format!("{record}\n")).unwrap();
    let d = &documents(&["--html-field", "page"], std::slice::from_ref(&jsonl))[0];
    assert_eq!(d["headline"], "عنوان السجل");
    assert_eq!(
        (&d["date"], &d["source"]),
        (&files[*i]["date"], &files[*i]["source"])
    );
    assert_eq!(found(d), found(&files[*i]));
}

#[test]
fn input_html_reads_any_file_as_a_page() {
    let (_, paths) = pages();
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("saved-page");
    std::fs::copy(&paths[0], &p).unwrap();
    let sniffed = documents(&[], std::slice::from_ref(&p));
    let told = documents(&["--input", "html"], std::slice::from_ref(&p));
    let file = documents(&[], &paths[..1]);
    assert_eq!(found(&sniffed[0]), found(&file[0]));
    assert_eq!(found(&told[0]), found(&file[0]));
    assert_eq!(sniffed[0]["headline"], file[0]["headline"]);
}

/// `analyze text` heads each document with its id when there are several,
/// and prints a lone plain file as it is decoded.
#[test]
fn text_prints_each_document_with_its_id() {
    let (_, paths) = pages();
    let out = analyze().arg("text").args(&paths[..2]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let heads: Vec<&str> = text.lines().filter(|l| l.starts_with("==> ")).collect();
    assert_eq!(heads.len(), 2);
    assert!(heads[0].ends_with("wordpress.html <=="), "{}", heads[0]);
    let twin = paths[0].with_extension("txt");
    assert_eq!(text_of(&twin), std::fs::read_to_string(&twin).unwrap());
    let missing = analyze().args(["text", "/no/such.html"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
}
