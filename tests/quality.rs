//! Quality gates measured with the shared scorers. Skips (with a message)
//! when `../shared` or python3 is absent, as on a bare clone.

use std::path::Path;
use std::process::Command;

fn shared() -> Option<&'static Path> {
    let p = Path::new("../shared");
    let ok = p.join("eval/score.py").exists()
        && Command::new("python3")
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipping: ../shared (gold, scorers) or python3 is absent");
    }
    ok.then_some(p)
}

#[test]
fn seeds_meet_the_quality_bar() {
    let Some(shared) = shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let st = Command::new(env!("CARGO_BIN_EXE_analyze"))
        .args(["seeds/", "-o"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(st.success());
    let res = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg(shared.join("gold/seeds.gold.json"))
        .arg(&out)
        .args(["--texts", "seeds", "--json"])
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&res.stdout).unwrap();
    let f = |k: &str| v[k]["f1"].as_f64().unwrap();
    let x = |k: &str| v[k].as_f64().unwrap();
    assert_eq!(x("headline_accuracy"), 1.0);
    assert_eq!(x("date_accuracy"), 1.0);
    assert_eq!(x("offsets_valid"), 1.0);
    assert!(f("people") >= 0.95, "people {}", f("people"));
    assert!(f("countries") >= 0.95, "countries {}", f("countries"));
    assert!(x("person_country_accuracy") >= 0.95);
    assert!(f("events") >= 0.85, "events {}", f("events"));
    assert!(
        f("events_directed") >= 0.75,
        "directed {}",
        f("events_directed")
    );
    assert!(x("event_status_accuracy") >= 0.9);
}
