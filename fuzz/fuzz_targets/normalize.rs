//! Fuzz target: normalization with offset alignment.
//!
//! Invariants: never panics; one origin per normalized char, non-decreasing
//! and inside the original; every normalized range maps back to a valid
//! original range; `normalize` and `normalize_str` agree; normalization is
//! idempotent for both profiles.
#![no_main]

use analyze::normalize::{Normalizer, Profile};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn profiles() -> &'static [Normalizer; 2] {
    static P: OnceLock<[Normalizer; 2]> = OnceLock::new();
    P.get_or_init(|| {
        [
            Normalizer::profile(Profile::Match),
            Normalizer::profile(Profile::Clean),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n_orig = text.chars().count();
    for nz in profiles() {
        let nt = nz.normalize(&text);
        assert_eq!(nt.original_len, n_orig);
        assert_eq!(nt.chars.len(), nt.origin.len());
        assert!(
            nt.origin.windows(2).all(|w| w[0] <= w[1]),
            "origin not monotone"
        );
        assert!(nt.origin.iter().all(|&o| (o as usize) < n_orig));
        let s = nt.as_string();
        assert_eq!(s, nz.normalize_str(&text));
        assert_eq!(nz.normalize_str(&s), s, "not idempotent");
        // a few ranges, chosen from the input
        let len = nt.chars.len();
        for (i, w) in data.windows(2).take(16).enumerate() {
            let a = (w[0] as usize * 7 + i) % (len + 2);
            let b = (w[1] as usize * 13 + i) % (len + 2);
            let (s, e) = nt.original_range(a.min(b), a.max(b));
            assert!(
                s <= e && e <= n_orig,
                "range {a}..{b} -> {s}..{e} of {n_orig}"
            );
        }
    }
});
