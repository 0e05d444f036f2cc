//! Fuzz target: whole-document analysis (`Engine::analyze_bytes`).
//!
//! Invariants: never panics; every mention, trigger, evidence, boilerplate
//! and paragraph span lies inside the decoded text and its `text` equals the
//! original characters `[start, end)`; the document serializes to JSON that
//! parses back.
#![no_main]

use analyze::analyze::{Engine, Settings};
use analyze::decode::decode;
use analyze::lexicon::Lexicon;
use analyze::model::{Document, Mention};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engines() -> &'static [Engine; 2] {
    static E: OnceLock<[Engine; 2]> = OnceLock::new();
    E.get_or_init(|| {
        let mk = |explain| {
            Engine::new(
                Lexicon::try_builtin().expect("built-in lexicon"),
                Settings {
                    explain,
                    encoding: None,
                    max_bytes: 1 << 20,
                },
            )
        };
        [mk(false), mk(true)]
    })
}

fn check_mention(chars: &[char], m: &Mention) {
    assert!(
        m.start <= m.end && m.end <= chars.len(),
        "mention {}..{} outside {} chars",
        m.start,
        m.end,
        chars.len()
    );
    let got: String = chars[m.start..m.end].iter().collect();
    assert_eq!(got, m.text, "mention text differs from the original slice");
}

fn check(doc: &Document, chars: &[char]) {
    assert_eq!(doc.chars, chars.len());
    let mentions = doc
        .people
        .iter()
        .flat_map(|p| p.mentions.iter())
        .chain(doc.countries.iter().flat_map(|c| c.mentions.iter()))
        .chain(doc.places.iter().flat_map(|p| p.mentions.iter()))
        .chain(doc.organizations.iter().flat_map(|o| o.mentions.iter()))
        .chain(doc.events.iter().flat_map(|e| [&e.trigger, &e.evidence]));
    for m in mentions {
        check_mention(chars, m);
    }
    for b in &doc.boilerplate {
        assert!(b.start <= b.end && b.end <= chars.len());
        assert_eq!(chars[b.start..b.end].iter().collect::<String>(), b.text);
    }
    for p in &doc.paragraphs {
        assert!(p.start <= p.end && p.end <= chars.len());
    }
    let json = serde_json::to_string(doc).expect("serializes");
    let _: serde_json::Value = serde_json::from_str(&json).expect("parses back");
}

fuzz_target!(|data: &[u8]| {
    // the input is used whole (seeds stay valid text); its length picks
    // whether the explaining engine runs
    let bytes = data;
    let engine = &engines()[usize::from(data.len() % 4 == 0)];
    match engine.analyze_bytes("fuzz.txt", bytes) {
        Ok(doc) => {
            let text = decode(bytes, None).expect("decoded once already").text;
            let chars: Vec<char> = text.chars().collect();
            check(&doc, &chars);
        }
        Err(e) => assert!(!e.is_empty()),
    }
});
