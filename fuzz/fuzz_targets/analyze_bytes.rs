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
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

mod common;
use common::check;

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
