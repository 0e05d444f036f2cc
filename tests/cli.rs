//! End-to-end behaviour of the `analyze` binary: inputs, decoding, exit
//! codes, output shapes.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn analyze() -> Command {
    Command::cargo_bin("analyze").unwrap()
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("output is JSON")
}

const ARTICLE: &str = "زيارة مرتقبة\nقال وزير الخارجية العراقي إن الرئيس السوري سيزور بغداد.\n";

#[test]
fn seeds_give_five_documents() {
    let out = analyze().arg("seeds/").output().unwrap();
    assert!(out.status.success());
    let v = json(&out.stdout);
    assert_eq!(v["schema_version"], "1.0");
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
    assert_eq!(v["errors"].as_array().unwrap().len(), 0);
}

#[test]
fn ndjson_gives_one_line_per_document() {
    let out = analyze()
        .args(["--format", "ndjson", "seeds/"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = out
        .stdout
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(json)
        .collect();
    assert_eq!(lines.len(), 5);
    assert!(lines
        .iter()
        .all(|l| l["kind"] == "document" && l["file"].is_string()));
}

#[test]
fn ndjson_corpus_summary_is_opt_in() {
    let out = analyze()
        .args(["--format", "ndjson", "--corpus-summary", "seeds/"])
        .output()
        .unwrap();
    let last = out
        .stdout
        .split(|b| *b == b'\n')
        .rfind(|l| !l.is_empty())
        .unwrap();
    assert_eq!(json(last)["kind"], "corpus");
}

#[test]
fn every_mention_maps_back_to_the_original_text() {
    let out = analyze().arg("seeds/").output().unwrap();
    let v = json(&out.stdout);
    let mut checked = 0;
    for d in v["documents"].as_array().unwrap() {
        let text = std::fs::read_to_string(d["file"].as_str().unwrap()).unwrap();
        let chars: Vec<char> = text.trim_start_matches('\u{feff}').chars().collect();
        for kind in ["people", "countries", "places", "organizations"] {
            for e in d[kind].as_array().unwrap() {
                for m in e["mentions"].as_array().unwrap() {
                    let (s, t) = (
                        m["start"].as_u64().unwrap() as usize,
                        m["end"].as_u64().unwrap() as usize,
                    );
                    assert_eq!(
                        chars[s..t].iter().collect::<String>(),
                        m["text"].as_str().unwrap()
                    );
                    checked += 1;
                }
            }
        }
        for e in d["events"].as_array().unwrap() {
            for key in ["evidence", "trigger"] {
                let m = &e[key];
                let (s, t) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(
                    chars[s..t].iter().collect::<String>(),
                    m["text"].as_str().unwrap()
                );
            }
        }
    }
    assert!(checked > 50);
}

#[test]
fn stdin_is_one_article() {
    let out = analyze().arg("-").write_stdin(ARTICLE).output().unwrap();
    assert!(out.status.success());
    let v = json(&out.stdout);
    assert_eq!(v["documents"][0]["file"], "-");
    assert_eq!(v["documents"][0]["headline"], "زيارة مرتقبة");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut out = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in s.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

#[test]
fn every_encoding_is_decoded_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(ARTICLE.as_bytes());
    write(d, "a_utf8.txt", ARTICLE.as_bytes());
    write(d, "b_utf8_bom.txt", &bom);
    write(d, "c_utf16le.txt", &utf16(ARTICLE, true));
    write(d, "d_utf16be.txt", &utf16(ARTICLE, false));
    write(
        d,
        "e_cp1256.txt",
        &encoding_rs::WINDOWS_1256.encode(ARTICLE).0,
    );
    write(
        d,
        "f_iso8859_6.txt",
        &encoding_rs::ISO_8859_6.encode(ARTICLE).0,
    );
    write(d, "g_crlf.txt", ARTICLE.replace('\n', "\r\n").as_bytes());
    let out = analyze().arg(d).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out.stdout);
    let docs = v["documents"].as_array().unwrap();
    let encodings: Vec<&str> = docs
        .iter()
        .map(|d| d["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(
        encodings,
        [
            "utf-8",
            "utf-8",
            "utf-16le",
            "utf-16be",
            "windows-1256",
            "iso-8859-6",
            "utf-8"
        ]
    );
    for doc in docs {
        assert_eq!(doc["headline"], "زيارة مرتقبة", "{}", doc["file"]);
        let codes: Vec<&str> = doc["countries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["code"].as_str().unwrap())
            .collect();
        assert!(
            codes.contains(&"SY") && codes.contains(&"IQ"),
            "{}: {codes:?}",
            doc["file"]
        );
    }
}

#[test]
fn binary_and_missing_inputs_fail_alone_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    write(
        d,
        "image.txt",
        &[
            0x89, b'P', b'N', b'G', 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0xFF,
        ],
    );
    let missing = d.join("missing.txt");
    let out = analyze().arg(d).arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out.stdout);
    assert_eq!(v["documents"].as_array().unwrap().len(), 1);
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("image.txt: binary file"), "{stderr}");
    assert!(
        stderr.contains("missing.txt: no such file or directory"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 2, "one line per failure");
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported_and_the_run_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", ARTICLE.as_bytes());
    write(d, "b.txt", ARTICLE.as_bytes());
    std::fs::set_permissions(d.join("b.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read(d.join("b.txt")).is_ok(); // root can read anyway
    let out = analyze().arg(d).output().unwrap();
    let v = json(&out.stdout);
    if readable {
        assert_eq!(out.status.code(), Some(0));
    } else {
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(v["documents"].as_array().unwrap().len(), 1);
        assert!(String::from_utf8_lossy(&out.stderr).contains("permission denied"));
    }
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_not_followed_forever() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    write(d, "sub/a.txt", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
    let out = analyze().arg(d).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("symlink loop"));
    assert_eq!(json(&out.stdout)["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(analyze().output().unwrap().status.code(), Some(2));
    assert_eq!(
        analyze()
            .args(["--format", "yaml", "seeds/"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        analyze()
            .args(["--encoding", "klingon", "seeds/"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    let out = analyze()
        .arg("seeds/")
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let v: Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
    // no temporary file left behind
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let a = analyze()
        .args(["--jobs", "1", "seeds/"])
        .output()
        .unwrap()
        .stdout;
    let b = analyze()
        .args(["--jobs", "2", "seeds/"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(a, b);
}

#[test]
fn normalize_subcommand_prints_clean_text() {
    let out = analyze()
        .args(["normalize", "-"])
        .write_stdin("عاجــــــل: مُحَمَّد ٢٠٢٥\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "عاجل: محمد 2025\n");
    let out = analyze()
        .args(["normalize", "--profile", "match", "-"])
        .write_stdin("أسعد سورية\n")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "اسعد سوريه\n");
}

#[test]
fn seed_boilerplate_never_reaches_the_body() {
    let out = analyze().arg("seeds/").output().unwrap();
    let v = json(&out.stdout);
    for d in v["documents"].as_array().unwrap() {
        let text: Vec<char> = std::fs::read_to_string(d["file"].as_str().unwrap())
            .unwrap()
            .chars()
            .collect();
        let body: String = d["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                text[p["start"].as_u64().unwrap() as usize..p["end"].as_u64().unwrap() as usize]
                    .iter()
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        let file = d["file"].as_str().unwrap();
        if file.contains("002_") {
            assert!(
                !body.contains("ملفات تعريف الارتباط"),
                "cookie notice in body"
            );
            assert!(!body.contains("اقرأ أيضاً"));
            assert!(!body.contains("عاجــــــل"));
        }
        if file.contains("004_") {
            for related in [
                "ائتلاف المالكي يرفض الانتخابات المبكرة",
                "طيف سامي",
                "Powered by",
                "12-كانون الثاني-2025",
            ] {
                assert!(!body.contains(related), "{related} in body");
            }
            let people: Vec<&str> = d["people"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["name"].as_str().unwrap())
                .collect();
            assert!(
                !people
                    .iter()
                    .any(|p| p.contains("المالكي") || p.contains("طيف")),
                "{people:?}"
            );
        }
        if file.contains("003_") {
            assert!(!body.contains("MANDATORY CREDIT"));
        }
    }
}
