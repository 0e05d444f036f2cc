//! Fuzz target: article structure (`document::structure`) on arbitrary text.
//!
//! Invariants: never panics; every span (headline, byline, date, body,
//! boilerplate) is a non-empty-or-empty `[start, end)` inside the text, body
//! paragraphs are in order and do not overlap.
#![no_main]

use analyze::document::{structure, Span};
use analyze::normalize::Normalizer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n = text.chars().count();
    let st = structure(&text, Normalizer::matching());
    let ok = |s: &Span| s.start <= s.end && s.end <= n;
    for s in st
        .headline
        .iter()
        .chain(st.byline.iter())
        .chain(st.date_span.iter())
        .chain(st.body.iter())
        .chain(st.boilerplate.iter().map(|b| &b.span))
    {
        assert!(ok(s), "span {s:?} outside text of {n} chars");
    }
    assert!(st.body.windows(2).all(|w| w[0].end <= w[1].start));
    let c = st.content();
    assert!(c.windows(2).all(|w| w[0].end <= w[1].start));
});
