//! The proclitic readings of a word (و، ف before ب، ك، ل, and لل for ل +
//! ال) as [`crate::tokenize::clitic_splits`] gives them, hashed without
//! allocating, and the stem without its article.

use super::hash::{fnv, fnv_extend};

const ALEF_LAM: &str = "ال";

/// The proclitic readings of `w`, as [`crate::tokenize::clitic_splits`] gives them (bare word
/// excluded), hashed without allocating: `(hash, chars stripped)`.
pub(super) fn stem_hashes(w: &str, n_chars: usize, out: &mut [(u64, usize); 4]) -> usize {
    let mut k = 0;
    let b = w.as_bytes();
    // Arabic letters are two bytes in UTF-8
    let starts_with = |at: usize, c: char| w.get(at..).is_some_and(|r| r.starts_with(c));
    let conj = n_chars > 3 && (starts_with(0, 'و') || starts_with(0, 'ف'));
    for c in [0usize, 1] {
        if c == 1 && !conj {
            break;
        }
        let rest_len = n_chars - c;
        let at = 2 * c;
        if c == 1 {
            out[k] = (fnv(&b[at..]), 1);
            k += 1;
        }
        if rest_len > 3 && (starts_with(at, 'ب') || starts_with(at, 'ك') || starts_with(at, 'ل'))
        {
            if starts_with(at, 'ل') && starts_with(at + 2, 'ل') {
                // ل + ال written لل: the stem is ال + the rest
                let h = fnv_extend(fnv(ALEF_LAM.as_bytes()), &b[at + 4..]);
                out[k] = (h, c + 1);
            } else {
                out[k] = (fnv(&b[at + 2..]), c + 1);
            }
            k += 1;
        }
    }
    k
}

/// The stem after `stripped` proclitic letters, without a leading article,
/// if at least two letters remain (for لل, the letters after لل).
pub(super) fn stem_text_after_article(w: &str, stripped: usize) -> Option<&str> {
    let at = 2 * stripped;
    let s = w.get(at..)?;
    // a stripped ل before ل is the لل spelling of ل + ال: what follows لل is the stem
    let after = if stripped > 0
        && w.get(at - 2..).is_some_and(|x| x.starts_with("لل"))
        && s.starts_with('ل')
    {
        s.get(2..)
    } else {
        s.strip_prefix(ALEF_LAM)
    }?;
    (after.chars().count() >= 2).then_some(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stem_hashes_agree_with_clitic_splits() {
        for w in [
            "وبغداد",
            "للعراق",
            "بالاسد",
            "وللعراق",
            "فالعراق",
            "كالعاده",
            "وبالعراق",
            "لبنان",
            "بيروت",
            "ولد",
            "وزير",
            "فلسطين",
            "والرييس",
            "لل",
            "ب",
            "abc",
        ] {
            let want: Vec<(u64, usize)> = crate::tokenize::clitic_splits(w)
                .into_iter()
                .skip(1)
                .map(|(p, s)| (fnv(s.as_bytes()), p))
                .collect();
            let mut got = [(0u64, 0usize); 4];
            let k = stem_hashes(w, w.chars().count(), &mut got);
            assert_eq!(&got[..k], &want[..], "{w}");
        }
    }
}
