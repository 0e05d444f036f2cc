//! Helpers shared by the event specifications: one engine with explanations
//! on, an article built from a body, and ways to look at its events.
#![allow(dead_code)]

use analyze::analyze::{Engine, RecordMeta, Settings};
use analyze::dates::Date;
use analyze::decode::Decoded;
use analyze::lexicon::Lexicon;
use analyze::model::{Document, Event, EventKind};
use std::sync::OnceLock;

pub fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        Engine::new(
            Lexicon::builtin(),
            Settings {
                explain: true,
                ..Settings::default()
            },
        )
    })
}

pub fn analyze(name: &str, body: &str, date: Option<Date>) -> Document {
    analyze_text(name, &format!("خبر\n{body}\n"), date)
}

/// A whole article, its first line the headline.
pub fn analyze_text(name: &str, text: &str, date: Option<Date>) -> Document {
    let d = Decoded {
        text: text.to_string(),
        encoding: "utf-8".into(),
        bom: false,
        replacements: 0,
    };
    let meta = RecordMeta {
        date,
        ..RecordMeta::default()
    };
    engine().analyze_decoded(name, d, &meta)
}

pub fn events(body: &str) -> Vec<Event> {
    analyze("t.txt", body, None).events
}

pub fn pair(e: &Event) -> (EventKind, &str, &str) {
    (
        e.r#type,
        e.source.country.as_deref().unwrap_or("-"),
        e.target.country.as_deref().unwrap_or("-"),
    )
}

/// Whether any event is of that kind.
pub fn any_of(evs: &[Event], kind: EventKind) -> bool {
    evs.iter().any(|e| e.r#type == kind)
}

pub fn has(evs: &[Event], kind: EventKind, src: &str, tgt: &str) -> bool {
    evs.iter().any(|e| pair(e) == (kind, src, tgt))
}

pub fn find(evs: &[Event], kind: EventKind) -> &Event {
    evs.iter().find(|e| e.r#type == kind).unwrap_or_else(|| {
        panic!(
            "no {kind:?} in {:?}",
            evs.iter().map(pair).collect::<Vec<_>>()
        )
    })
}

pub fn pairs(body: &str) -> Vec<(EventKind, String, String)> {
    events(body)
        .iter()
        .map(|e| {
            let (k, s, t) = pair(e);
            (k, s.to_string(), t.to_string())
        })
        .collect()
}

pub fn holds(got: &[(EventKind, String, String)], want: &[(EventKind, &str, &str)]) {
    for (k, s, t) in want {
        assert!(
            got.iter().any(|g| g.0 == *k && g.1 == *s && g.2 == *t),
            "missing {k:?} {s}->{t} in {got:?}"
        );
    }
}

/// The date and the date words of the first event of a body dated Sunday
/// 2025-01-12.
pub fn dated(body: &str) -> (Option<String>, Option<String>) {
    let d = analyze("t.txt", body, Date::new(2025, 1, 12)); // a Sunday
    let e = d
        .events
        .first()
        .unwrap_or_else(|| panic!("no event in {body}"));
    (e.date.map(|d| d.to_string()), e.date_text.clone())
}
