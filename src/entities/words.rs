//! Word helpers the steps share: the words that link or open the parts of
//! an Arabic name, and a word without its conjunction.

/// أبو, أبي, أبا, أم, بو: a kunya starts a name (أبو بكر، أبي هريرة).
pub(super) fn is_kunya(w: &str) -> bool {
    matches!(w, "ابو" | "ابي" | "ابا" | "بو")
}

/// بن، ابن، بنت: the word that links a name to the father's.
pub(super) fn is_son_of(w: &str) -> bool {
    matches!(w, "بن" | "ابن" | "بنت")
}

/// `w` without a leading و/ف conjunction (when longer than three letters).
pub(super) fn bare_word(w: &str) -> &str {
    if w.chars().nth(3).is_some() {
        w.strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .unwrap_or(w)
    } else {
        w
    }
}
