//! Fuzz target: `decode::decode` on arbitrary bytes, detected and forced.
//!
//! Invariants: never panics; decoded text has unified line endings (no CR);
//! the reported encoding is a known WHATWG name; forcing any encoding never
//! fails (only detection may refuse binary).
#![no_main]

use analyze::decode::{decode, encoding_for_label, unify_line_endings, DecodeError};
use libfuzzer_sys::fuzz_target;

const FORCED: &[&str] = &[
    "utf-8",
    "utf-16le",
    "utf-16be",
    "windows-1256",
    "iso-8859-6",
    "cp1256",
    "windows-1252",
    "shift_jis",
];

fn check(d: &analyze::decode::Decoded) {
    assert!(!d.text.contains('\r'), "CR left in decoded text");
    assert!(
        encoding_rs::Encoding::for_label(d.encoding.as_bytes()).is_some(),
        "unknown encoding name {}",
        d.encoding
    );
    assert!(d.replacements <= d.text.chars().count());
    assert_eq!(
        unify_line_endings(&d.text),
        d.text,
        "line endings idempotent"
    );
}

fuzz_target!(|data: &[u8]| {
    match decode(data, None) {
        Ok(d) => check(&d),
        Err(DecodeError::Binary) => assert!(data.contains(&0)),
        Err(e) => panic!("detection returned {e:?}"),
    }
    if let Some((&sel, rest)) = data.split_first() {
        let label = FORCED[sel as usize % FORCED.len()];
        let enc = encoding_for_label(label).expect("label known");
        let d = decode(rest, Some(enc)).expect("forced decoding never fails");
        check(&d);
        // arbitrary labels are looked up without panicking
        let _ = encoding_for_label(&String::from_utf8_lossy(rest));
    }
});
