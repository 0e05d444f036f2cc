//! The mapper contract (`analyze map`), as Hadoop Streaming, Spark's
//! `RDD.pipe` and GNU parallel expect it: N lines in, N lines out, in the
//! same order, a bad line answered by an error record, exit code 0.

use assert_cmd::Command;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

const BODY: &str = "قال وزير الخارجية العراقي إن الرئيس السوري سيزور بغداد الأسبوع المقبل.";

fn input(n: usize, bad: &[usize]) -> String {
    (1..=n)
        .map(|i| {
            if bad.contains(&i) {
                "{\"id\": \"oops\", \"text\": ".to_string() + "\n"
            } else {
                json!({"id": format!("line{i}"), "text": BODY.repeat(1 + i % 5)}).to_string() + "\n"
            }
        })
        .collect()
}

fn run(stdin: String, jobs: &str) -> (Vec<Value>, std::process::Output) {
    let out = Command::cargo_bin("analyze")
        .unwrap()
        .args(["map", "-q", "--jobs", jobs])
        .write_stdin(stdin)
        .output()
        .unwrap();
    let v = std::str::from_utf8(&out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    (v, out)
}

#[test]
fn n_lines_in_n_lines_out_in_order_with_one_bad_line() {
    let (v, out) = run(input(50, &[17]), "2");
    assert_eq!(
        out.status.code(),
        Some(0),
        "a bad line does not fail the task"
    );
    assert_eq!(v.len(), 50);
    for (i, l) in v.iter().enumerate() {
        let n = i + 1;
        if n == 17 {
            assert_eq!(l["kind"], "error");
            assert_eq!(l["line"], 17);
            assert!(l["error"].as_str().unwrap().contains("invalid JSON"));
        } else {
            assert_eq!(l["kind"], "document");
            assert_eq!(l["id"], format!("line{n}"));
        }
    }
}

#[test]
fn blank_lines_and_non_objects_still_get_one_line_each() {
    let stdin = format!(
        "{}\n\n[1,2]\n{}",
        json!({"text": BODY}),
        json!({"text": BODY})
    );
    let (v, _) = run(stdin, "1");
    let kinds: Vec<&str> = v.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["document", "error", "error", "document"]);
    assert_eq!(v[0]["id"], "-#1");
    assert_eq!(v[3]["id"], "-#4", "the last line needs no newline");
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let stdin = input(40, &[3, 30]);
    let (_, a) = run(stdin.clone(), "1");
    let (_, b) = run(stdin, "2");
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn each_line_is_answered_before_the_next_arrives() {
    // an interactive peer: write one line, wait for its answer, repeat
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("analyze"))
        .args(["map", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    for i in 0..3 {
        writeln!(stdin, "{}", json!({"id": i, "text": BODY})).unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], i.to_string());
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}
