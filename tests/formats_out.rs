//! Output formats on the seed articles: snapshots of the text, csv and dot
//! views, CSV that parses back row for row, GraphML that is valid XML, a
//! self-contained HTML report (rendered by headless Chromium when it is
//! installed), the JSON Schema validating the real output, selection
//! filters, `--fail-on` exit codes, completions and the man page.
//!
//! The snapshots follow the engine: when the analysis of the seeds changes
//! on purpose, refresh them with
//! `INSTA_UPDATE=always cargo test --release --test formats_out` and review
//! the diff of `tests/snapshots/`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn analyze() -> Command {
    let mut c = Command::cargo_bin("analyze").unwrap();
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> (i32, String) {
    let out = analyze().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

fn stdout(args: &[&str]) -> String {
    let (code, s) = run(args);
    assert_eq!(code, 0, "analyze {args:?} exited {code}");
    s
}

fn seeds_json(extra: &[&str]) -> Value {
    let mut args = vec!["--compact"];
    args.extend_from_slice(extra);
    args.push("seeds/");
    serde_json::from_str(&stdout(&args)).unwrap()
}

fn documents(v: &Value) -> &Vec<Value> {
    v["documents"].as_array().unwrap()
}

// ---------------------------------------------------------------- snapshots

#[test]
fn text_view_snapshot() {
    let out = stdout(&["-f", "text", "--color", "never", "seeds/"]);
    assert!(!out.contains('\x1b'), "no colour when asked not to");
    insta::assert_snapshot!("text", out);
}

#[test]
fn csv_events_snapshot() {
    insta::assert_snapshot!("csv_events", stdout(&["-f", "csv", "seeds/"]));
}

#[test]
fn csv_people_snapshot() {
    insta::assert_snapshot!(
        "csv_people",
        stdout(&["-f", "csv", "--table", "people", "seeds/"])
    );
}

#[test]
fn dot_snapshot() {
    insta::assert_snapshot!("dot", stdout(&["-f", "dot", "seeds/"]));
}

// ---------------------------------------------------------------- text

#[test]
fn text_colour_only_when_asked() {
    // stdout is a pipe here: auto means no colour
    let plain = stdout(&["-f", "text", "seeds/"]);
    assert!(!plain.contains('\x1b'));
    let coloured = stdout(&["-f", "text", "--color", "always", "seeds/"]);
    assert!(coloured.contains("\x1b["));
    // every Arabic value is isolated
    assert!(plain.contains('\u{2068}') && plain.contains('\u{2069}'));
    assert_eq!(
        plain.matches('\u{2068}').count(),
        plain.matches('\u{2069}').count()
    );
}

// ---------------------------------------------------------------- csv

fn csv_rows(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(|x| x.expect("valid CSV record")).collect();
    (header, rows)
}

#[test]
fn csv_parses_back_with_one_row_per_json_item() {
    let v = seeds_json(&[]);
    let docs = documents(&v);
    let count = |k: &str| -> usize { docs.iter().map(|d| d[k].as_array().unwrap().len()).sum() };
    let mentions: usize = docs
        .iter()
        .map(|d| {
            ["people", "countries", "places", "organizations"]
                .iter()
                .flat_map(|k| d[*k].as_array().unwrap())
                .map(|e| e["mentions"].as_array().unwrap().len())
                .sum::<usize>()
        })
        .sum();
    for (table, expected) in [
        ("people", count("people")),
        ("countries", count("countries")),
        ("places", count("places")),
        ("organizations", count("organizations")),
        ("events", count("events")),
        ("mentions", mentions),
    ] {
        let out = stdout(&["-f", "csv", "--table", table, "seeds/"]);
        assert!(out.ends_with("\r\n"), "{table}: CRLF line ends");
        let (header, rows) = csv_rows(&out);
        assert_eq!(header[0], "document", "{table}");
        assert!(expected > 0, "{table}: the seeds have some");
        assert_eq!(rows.len(), expected, "{table}: one row per JSON item");
        assert!(rows.iter().all(|r| r.len() == header.len()), "{table}");
    }
    // events keep their evidence (with commas and quotes) intact
    let (header, rows) = csv_rows(&stdout(&["-f", "csv", "--table", "events", "seeds/"]));
    let ev = header.iter().position(|h| h == "evidence").unwrap();
    let json_ev: Vec<&str> = docs
        .iter()
        .flat_map(|d| d["events"].as_array().unwrap())
        .map(|e| e["evidence"]["text"].as_str().unwrap())
        .collect();
    let csv_ev: Vec<&str> = rows.iter().map(|r| r.get(ev).unwrap()).collect();
    assert_eq!(csv_ev, json_ev);
}

#[test]
fn csv_bom() {
    let out = stdout(&["-f", "csv", "--bom", "--table", "countries", "seeds/"]);
    assert!(out.starts_with("\u{FEFF}document,code,"));
    let plain = stdout(&["-f", "csv", "--table", "countries", "seeds/"]);
    assert!(plain.starts_with("document,code,"));
}

// ---------------------------------------------------------------- graphs

#[test]
fn graphml_is_valid_xml_with_the_interactions() {
    let out = stdout(&["-f", "graphml", "seeds/"]);
    let doc = roxmltree::Document::parse(&out).expect("valid XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    let nodes: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    let edges: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    assert!(nodes.iter().any(|n| n.attribute("id") == Some("c:IQ")));
    assert!(!edges.is_empty());
    let ids: std::collections::HashSet<&str> =
        nodes.iter().filter_map(|n| n.attribute("id")).collect();
    for e in &edges {
        assert!(ids.contains(e.attribute("source").unwrap()));
        assert!(ids.contains(e.attribute("target").unwrap()));
    }
    // edge weights add up to the events with both countries known
    let v = seeds_json(&[]);
    let weight: usize = edges
        .iter()
        .filter(|e| e.attribute("source").unwrap().starts_with("c:"))
        .flat_map(|e| e.children())
        .filter(|d| d.attribute("key") == Some("weight"))
        .map(|d| d.text().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(weight as u64, v["summary"]["events"].as_u64().unwrap());
}

// ---------------------------------------------------------------- html

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn html_is_one_self_contained_file_with_every_headline() {
    let html = stdout(&["-f", "html", "seeds/"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<link",
        "<script",
        "<iframe",
        "@import",
        "src=\"http",
        "href=\"http",
        "src=\"//",
        "href=\"//",
    ] {
        assert!(!lower.contains(bad), "external resource: {bad}");
    }
    for (i, _) in lower.match_indices("url(") {
        assert!(lower[i + 4..].starts_with('#'), "{}", &html[i..i + 40]);
    }
    // every href is a fragment inside the page
    for (i, _) in lower.match_indices("href=\"") {
        assert!(lower[i + 6..].starts_with('#'), "{}", &html[i..i + 40]);
    }
    assert!(lower.contains("<svg"), "inline SVG graph");
    assert!(html.contains("dir=\"rtl\""));
    let v = seeds_json(&[]);
    for d in documents(&v) {
        if let Some(h) = d["headline"].as_str() {
            assert!(html.contains(&html_escape(h)), "headline {h}");
        }
    }
    assert!(html.contains("<mark class=\"m-person\""));
    assert!(html.contains("<mark class=\"m-country\""));
}

#[test]
fn html_opens_in_headless_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("SKIPPED html_opens_in_headless_chromium: /usr/bin/chromium is not installed (apt-get install chromium)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.html");
    let shot = dir.path().join("report.png");
    analyze()
        .args(["-f", "html", "-o"])
        .arg(&report)
        .arg("seeds/")
        .assert()
        .success();
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1280,2000")
        .arg(format!("file://{}", report.display()))
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(png.len() > 20_000, "a real page, not a blank one");
}

// ---------------------------------------------------------------- schema

fn validator(args: &[&str]) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&stdout(args)).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
}

#[test]
fn schema_validates_the_seeds_output() {
    let v = validator(&["--schema"]);
    for extra in [&[][..], &["--explain"][..]] {
        let out = seeds_json(extra);
        assert_valid(&v, &out);
    }
    // and it is not vacuous: a broken document fails
    let mut broken = seeds_json(&[]);
    broken["documents"][0]["events"][0]["type"] = Value::from("war");
    assert!(!v.is_valid(&broken));
    broken = seeds_json(&[]);
    broken["documents"][0]["chars"] = Value::from("many");
    assert!(!v.is_valid(&broken));
}

#[test]
fn ndjson_schema_validates_every_line() {
    let v = validator(&["--schema", "-f", "ndjson"]);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{not json\n").unwrap();
    let out = analyze()
        .args(["-f", "ndjson", "--corpus-summary", "--quiet", "seeds/"])
        .arg(&bad)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let kinds: Vec<String> = text
        .lines()
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            assert_valid(&v, &line);
            line["kind"].as_str().unwrap().to_string()
        })
        .collect();
    assert!(kinds.contains(&"document".into()));
    assert!(kinds.contains(&"error".into()));
    assert_eq!(kinds.last().unwrap(), "corpus");
}

// ---------------------------------------------------------------- selection

#[test]
fn only_keeps_the_named_parts() {
    let v = seeds_json(&["--only", "people,events"]);
    for d in documents(&v) {
        let keys: Vec<&str> = d.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert!(keys.contains(&"people") && keys.contains(&"events"));
        assert!(keys.contains(&"headline") && keys.contains(&"id"));
        for gone in [
            "countries",
            "places",
            "organizations",
            "paragraphs",
            "boilerplate",
        ] {
            assert!(!keys.contains(&gone), "{gone}");
        }
    }
    // all parts named: the same bytes as no --only
    let all = stdout(&[
        "--compact",
        "--only",
        "boilerplate,paragraphs,people,countries,places,organizations,events",
        "seeds/",
    ]);
    assert_eq!(all, stdout(&["--compact", "seeds/"]));
    let nd = stdout(&["-f", "ndjson", "--only", "countries", "seeds/"]);
    for l in nd.lines() {
        let line: Value = serde_json::from_str(l).unwrap();
        assert!(line.get("countries").is_some() && line.get("people").is_none());
    }
    let (code, _) = run(&["--only", "weather", "seeds/"]);
    assert_eq!(code, 2);
}

#[test]
fn event_type_and_country_filters() {
    let v = seeds_json(&["--event-type", "visit"]);
    let docs = documents(&v);
    assert!(!docs.is_empty());
    for d in docs {
        let evs = d["events"].as_array().unwrap();
        assert!(!evs.is_empty());
        assert!(evs.iter().all(|e| e["type"] == "visit"));
    }
    assert_eq!(
        v["summary"]["events"], v["summary"]["by_type"]["visit"],
        "the summary counts the selection"
    );

    let v = seeds_json(&["--country", "ru"]);
    let docs = documents(&v);
    assert!(!docs.is_empty());
    for d in docs {
        let mentions = d["countries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "RU");
        assert!(mentions);
        for e in d["events"].as_array().unwrap() {
            let sides = [
                &e["source"]["country"],
                &e["target"]["country"],
                &e["via"]["country"],
                &e["location"]["country"],
            ];
            assert!(sides.iter().any(|c| *c == "RU"), "{e}");
        }
    }
    let none = seeds_json(&["--country", "ZZ"]);
    assert!(documents(&none).is_empty());
    let (code, _) = run(&["--event-type", "war", "seeds/"]);
    assert_eq!(code, 2);
}

#[test]
fn date_filters() {
    let v = seeds_json(&["--since", "2025-01-10"]);
    let docs = documents(&v);
    assert!(!docs.is_empty());
    for d in docs {
        assert!(d["date"].as_str().is_none_or(|x| x >= "2025-01-10"));
        for e in d["events"].as_array().unwrap() {
            let date = e["date"].as_str().or(d["date"].as_str()).unwrap();
            assert!(date >= "2025-01-10", "{date}");
        }
    }
    let v = seeds_json(&["--until", "2025-01"]);
    for d in documents(&v) {
        for e in d["events"].as_array().unwrap() {
            let date = e["date"].as_str().or(d["date"].as_str()).unwrap();
            assert!(date <= "2025-01-31", "{date}");
        }
    }
    let v = seeds_json(&["--until", "1999"]);
    assert!(documents(&v).is_empty());
    let (code, _) = run(&["--since", "last week", "seeds/"]);
    assert_eq!(code, 2);
}

// ---------------------------------------------------------------- CI

#[test]
fn fail_on_conditions_exit_3() {
    let (code, _) = run(&["--fail-on", "no-events", "seeds/"]);
    assert_eq!(code, 0);
    let (code, _) = run(&["--fail-on", "events", "seeds/"]);
    assert_eq!(code, 3);
    let (code, out) = run(&["--fail-on", "no-events", "--country", "ZZ", "seeds/"]);
    assert_eq!(code, 3);
    assert!(
        out.contains("\"documents\":[]"),
        "the output is still written"
    );
    let (code, _) = run(&["--fail-on", "no-documents", "--country", "ZZ", "seeds/"]);
    assert_eq!(code, 3);
    // an unreadable input: 1 by default, 3 when asked to fail on it
    let (code, _) = run(&["-q", "seeds/", "does/not/exist"]);
    assert_eq!(code, 1);
    let (code, _) = run(&["-q", "--fail-on", "unreadable", "seeds/", "does/not/exist"]);
    assert_eq!(code, 3);
    let (code, _) = run(&["--fail-on", "sometimes", "seeds/"]);
    assert_eq!(code, 2);
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let out = stdout(&["completions", shell]);
        assert!(out.contains("analyze"), "{shell}");
        assert!(out.contains("event-type"), "{shell}");
    }
    let man = stdout(&["man"]);
    assert!(man.starts_with(".ie") || man.contains(".TH"), "roff");
    assert!(man.contains("analyze"));
    let help = stdout(&["--help"]);
    assert!(help.contains("Examples:") && help.contains("Exit codes"));
    assert!(help.contains("--fail-on"));
}
