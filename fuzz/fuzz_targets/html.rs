//! Fuzz target: the HTML reader (`html::decode_html`, `html::prepare`,
//! `html::extract`) and a page's analysis (`analyze_unit` on `Body::Html`).
//!
//! Invariants: never panics; decoding a page never fails but for NUL bytes
//! (binary); preparing never lengthens the markup; the extracted text is
//! whole lines, opening with the headline when there is one; every span of
//! the analysis (mentions, triggers, evidence, boilerplate, paragraphs) lies
//! in the document's text (the extracted article) and its `text` equals
//! those characters; the document serializes to JSON that parses back.
#![no_main]

use analyze::analyze::{Engine, Settings};
use analyze::formats::{analyze_unit, Body, FieldNames, Unit};
use analyze::html::{decode_html, extract, prepare};
use analyze::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

mod common;
use common::check;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let mut e = Engine::new(
            Lexicon::try_builtin().expect("built-in lexicon"),
            Settings {
                explain: false,
                encoding: None,
                max_bytes: 1 << 20,
            },
        );
        e.keep_text = true;
        e
    })
}

fuzz_target!(|data: &[u8]| {
    let decoded = match decode_html(data, None) {
        Ok(d) => d,
        Err(e) => {
            assert!(data.contains(&0), "only binary input fails: {e}");
            return;
        }
    };
    // a small depth limit, so that short inputs reach the flattening too
    assert!(prepare(&decoded.text, 8).len() <= decoded.text.len());
    let page = extract(&decoded.text);
    assert!(page.text.is_empty() || page.text.ends_with('\n'));
    if let Some(h) = &page.headline {
        assert_eq!(page.text.lines().next(), Some(h.as_str()));
    }
    let unit = Unit {
        file: "fuzz.html".into(),
        record: 0,
        line: None,
        body: Body::Html(data.to_vec()),
    };
    let doc = analyze_unit(engine(), &FieldNames::default(), unit).expect("decoded once already");
    let text = doc.text.as_deref().expect("the engine keeps the text");
    assert_eq!(text, page.text);
    let chars: Vec<char> = text.chars().collect();
    check(&doc, &chars);
});
