//! Lines of an article: each line's trimmed span and its match-normalized
//! text, read from the aligned normalization (never normalized again).

use super::{Line, Span};
use crate::normalize::NormalizedText;

/// The characters of the Arabic block (U+0600-U+06FF) and the ASCII
/// letters of `text`, counted over its bytes (branch-free: the loop
/// vectorizes). The Arabic block is exactly the characters whose UTF-8
/// lead byte is D8-DB.
pub(crate) fn letter_counts(text: &str) -> (usize, usize) {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for chunk in text.as_bytes().chunks(1 << 16) {
        let (mut a, mut l) = (0u32, 0u32);
        for &b in chunk {
            a += (b.wrapping_sub(0xD8) < 4) as u32;
            l += ((b | 0x20).wrapping_sub(b'a') < 26) as u32;
        }
        arabic += a as usize;
        latin += l as usize;
    }
    (arabic, latin)
}

pub(crate) fn split_lines(text: &str, orig: &[char], nt: &NormalizedText) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0usize;
    // the normalized text is aligned: lines are read from it, not normalized again
    let mut from = 0usize;
    // a line ends at every newline (found in the bytes, counted in chars)
    // and at the end of the text
    let mut byte = 0usize;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let pos = start + text[byte..nl].chars().count();
        out.push(make_line(orig, start, pos, nt, &mut from));
        start = pos + 1;
        byte = nl + 1;
    }
    out.push(make_line(orig, start, orig.len(), nt, &mut from));
    // the end of the text adds one line past a final newline; drop it if empty
    if orig.last() == Some(&'\n') {
        out.pop();
    }
    out
}

/// The line `orig[start..end)`; `from` is where the search for its
/// normalized range starts (lines come in order).
/// `char::is_whitespace`, answered without the Unicode tables for ASCII
/// and the Arabic block (most characters here).
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    match c {
        '\u{0}'..='\u{7f}' => c.is_ascii_whitespace() || c == '\u{0b}',
        '\u{0600}'..='\u{06ff}' => false,
        _ => c.is_whitespace(),
    }
}

/// A bidi control that only sets the direction of the text around it: LRM,
/// RLM, the embeddings and overrides (U+202A-U+202E), the isolates
/// (U+2066-U+2069).
pub(crate) fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn make_line(
    orig: &[char],
    start: usize,
    end: usize,
    nt: &NormalizedText,
    from: &mut usize,
) -> Line {
    let chars = &orig[start..end];
    let invisible = |c: &char| {
        is_space(*c) || is_direction_mark(*c) || matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}')
    };
    let lead = chars.iter().take_while(|c| invisible(c)).count();
    let trail = chars[lead..]
        .iter()
        .rev()
        .take_while(|c| invisible(c))
        .count();
    let span = Span {
        start: start + lead,
        end: start + chars.len() - trail,
    };
    // the normalization of the trimmed line: the normalized chars whose
    // origin lies in the span (origins are sorted)
    let rest = &nt.origin[*from..];
    let a = *from + rest.partition_point(|&o| (o as usize) < span.start);
    let b = a + nt.origin[a..].partition_point(|&o| (o as usize) < span.end);
    *from = b;
    // whitespace runs become one space, none at the ends; count the words
    // (space-separated pieces with a letter or digit)
    let mut norm = String::with_capacity((b - a) * 2);
    let mut words = 0;
    let mut latin = false;
    let mut pending = false;
    let mut in_word = false;
    let mut counted = false;
    for &c in &nt.chars[a..b] {
        if is_space(c) {
            pending = true;
            continue;
        }
        if pending {
            if in_word {
                norm.push(' ');
            }
            counted = false;
            pending = false;
        }
        in_word = true;
        norm.push(c);
        latin |= c.is_ascii_alphabetic();
        if !counted && crate::tokenize::is_word_char(c) {
            words += 1;
            counted = true;
        }
    }
    Line {
        span,
        norm,
        words,
        latin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_whitespace_test_agrees_with_unicode() {
        for c in (0..0x3100).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn letter_counts_agree_with_the_chars() {
        for text in [
            "",
            "abc",
            "مصر",
            "Égypte مصر 123",
            "ۀ ی ـ ، ؟ ٩",
            "\u{5d0}\u{700}\u{5ff}zZ@[`{",
        ] {
            let arabic = text
                .chars()
                .filter(|c| ('\u{600}'..='\u{6ff}').contains(c))
                .count();
            let latin = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
            assert_eq!(letter_counts(text), (arabic, latin), "{text}");
        }
    }
}
