//! Words and sentences of normalized Arabic news text, and proclitics.
//!
//! Tokens are maximal runs of letters and digits in the normalized text of
//! the article's content regions (headline, body paragraphs). Sentences end
//! at `. ! ? ;` and at region (paragraph) ends; a full stop inside a number
//! (`3.5`) or after a list number (`1.`) does not end one.

use crate::normalize::NormalizedText;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Only whitespace since the previous token.
    Space,
    /// Punctuation inside the sentence (`,`, quotes, brackets, dashes...).
    Punct,
    /// A sentence or region boundary.
    Break,
}

#[derive(Debug, Clone)]
pub struct Token {
    /// Range in normalized chars.
    pub start: usize,
    pub end: usize,
    pub text: compact_str::CompactString,
    pub sentence: usize,
    /// What separates this token from the previous one.
    pub gap: Gap,
    /// The first non-space character of the gap, if punctuation.
    pub punct: Option<char>,
    /// The token's last letter as the original text wrote it, before
    /// normalization folded it: an alef maqsura (ى) tells على (a preposition)
    /// from علي (a name), a hamza on alef (أ) tells هنأ (congratulated) from
    /// هنا (here). The normalized last letter when unknown.
    pub written_last: char,
}

#[derive(Debug, Clone, Copy)]
pub struct Sentence {
    /// Range in normalized chars.
    pub start: usize,
    pub end: usize,
    /// Token index range.
    pub first: usize,
    pub last: usize,
}

#[derive(Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

#[inline]
pub fn is_word_char(c: char) -> bool {
    // fast paths for ASCII and the Arabic letters (U+0621–U+064A, all
    // alphabetic); everything else asks the Unicode tables, whose lookup is
    // slow for non-Latin scripts
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{0621}'..='\u{064A}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphanumeric(),
    }
}

/// A sentence longer than this many tokens is cut: real sentences are far
/// shorter, and per-sentence work (dates, actors, arguments) must stay
/// bounded on a run-on line with no punctuation (linear time on any input).
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// A letter (no digits), with the same fast paths as [`is_word_char`].
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{0621}'..='\u{064A}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphabetic(),
    }
}

/// Tokenize the given normalized ranges (sorted, non-overlapping).
pub fn tokenize(nt: &NormalizedText, regions: &[(usize, usize)]) -> Tokens {
    let chars = &nt.chars;
    // about one word in six characters of news text
    let content: usize = regions.iter().map(|&(s, e)| e.saturating_sub(s)).sum();
    let mut out = Tokens {
        tokens: Vec::with_capacity(content / 5 + 8),
        sentences: Vec::with_capacity(content / 80 + 4),
    };
    // a token's text is encoded here first (one char at a time, in place),
    // then copied into the token once
    let mut word = String::with_capacity(64);
    for &(rs, re) in regions {
        let mut i = rs;
        let mut gap = Gap::Break;
        let mut punct = None;
        let mut sent_start_tok = out.tokens.len();
        while i < re {
            let c = chars[i];
            if is_word_char(c) {
                let s = i;
                while i < re && is_word_char(chars[i]) {
                    i += 1;
                }
                // most words fit in the string inline: no allocation per token
                word.clear();
                word.extend(&chars[s..i]);
                let text = compact_str::CompactString::new(&word);
                out.tokens.push(Token {
                    start: s,
                    end: i,
                    text,
                    sentence: out.sentences.len(),
                    gap,
                    punct,
                    written_last: chars[i - 1],
                });
                gap = Gap::Space;
                punct = None;
                if out.tokens.len() - sent_start_tok >= MAX_SENTENCE_TOKENS {
                    close_sentence(&mut out, chars, sent_start_tok);
                    sent_start_tok = out.tokens.len();
                    gap = Gap::Break;
                }
            } else {
                if matches!(c, '.' | '!' | '?' | ';' | '\n' | '…')
                    && !in_number_or_list(chars, i, &out.tokens, sent_start_tok)
                {
                    if out.tokens.len() > sent_start_tok {
                        close_sentence(&mut out, chars, sent_start_tok);
                    }
                    sent_start_tok = out.tokens.len();
                    gap = Gap::Break;
                } else if !c.is_whitespace() && gap != Gap::Break && !hashtag_mark(chars, i, rs) {
                    gap = Gap::Punct;
                    if punct.is_none() {
                        punct = Some(c);
                    }
                }
                i += 1;
            }
        }
        if out.tokens.len() > sent_start_tok {
            close_sentence(&mut out, chars, sent_start_tok);
        }
    }
    out
}

/// The marks of an inline hashtag are no punctuation: `#` opening a word
/// after a space, `_` between the words of one (الرئيس #دونالد_ترامب reads
/// as الرئيس دونالد ترامب), so names and phrases go on through them.
fn hashtag_mark(chars: &[char], i: usize, region_start: usize) -> bool {
    let next_is_word = chars.get(i + 1).is_some_and(|&c| is_word_char(c));
    match chars[i] {
        '#' => next_is_word && (i == region_start || chars[i - 1].is_whitespace()),
        '_' => next_is_word && i > region_start && is_word_char(chars[i - 1]),
        _ => false,
    }
}

fn close_sentence(out: &mut Tokens, chars: &[char], first: usize) {
    let last = out.tokens.len() - 1;
    let mut end = out.tokens[last].end;
    // include closing quotes/brackets and the final stop mark
    while end < chars.len() && matches!(chars[end], '.' | '!' | '?' | '»' | '"' | '”' | ')' | '…')
    {
        end += 1;
    }
    out.sentences.push(Sentence {
        start: out.tokens[first].start,
        end,
        first,
        last,
    });
}

fn in_number_or_list(chars: &[char], i: usize, tokens: &[Token], sent_first: usize) -> bool {
    if chars[i] != '.' {
        return false;
    }
    let prev_digit = i > 0 && chars[i - 1].is_ascii_digit();
    let next_digit = i + 1 < chars.len() && chars[i + 1].is_ascii_digit();
    if prev_digit && next_digit {
        return true;
    }
    // "1." at the start of a sentence: a list number
    prev_digit
        && tokens.len() == sent_first + 1
        && tokens[sent_first].text.chars().all(|c| c.is_ascii_digit())
}

/// Proclitic analyses of a token: `(prefix_len_in_chars, stem)` pairs, the
/// bare token first. Conjunctions و ف, then prepositions ب ك ل; ل before
/// the article is written لل (للعراق = ل + العراق).
pub fn clitic_splits(word: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for_each_clitic_split(word, &mut String::new(), |n, stem| {
        out.push((n, stem.to_string()));
        false
    });
    out
}

/// [`clitic_splits`] without allocating: calls `f(prefix_len, stem)` for
/// each analysis in the same order until it returns true (then returns
/// true). `buf` holds the one stem that is not a slice of `word` (لل).
pub fn for_each_clitic_split(
    word: &str,
    buf: &mut String,
    mut f: impl FnMut(usize, &str) -> bool,
) -> bool {
    if f(0, word) {
        return true;
    }
    // more than `n` chars
    let longer = |s: &str, n: usize| s.chars().nth(n).is_some();
    let conj = longer(word, 3) && word.starts_with(['و', 'ف']);
    for c in [false, true] {
        if c && !conj {
            break;
        }
        // the rest after the conjunction (both are two-byte letters)
        let rest = if c { &word[2..] } else { word };
        let n = usize::from(c);
        if c && f(n, rest) {
            return true;
        }
        if longer(rest, 3) && rest.starts_with(['ب', 'ك', 'ل']) {
            let after = &rest[2..];
            let stem = if after.starts_with('ل') && rest.starts_with('ل') {
                buf.clear();
                buf.push('ا');
                buf.push_str(after);
                buf.as_str()
            } else {
                after
            };
            if f(n + 1, stem) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_char_fast_path_agrees_with_unicode() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            assert_eq!(super::is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    use super::*;
    use crate::normalize::{Normalizer, Profile};

    #[test]
    fn words_and_sentences() {
        let n = Normalizer::profile(Profile::Match)
            .normalize("زار الرئيس بغداد. وقال: «نعم»! 3.5 مليون\nسطر ثان");
        let len = n.chars.len();
        let t = tokenize(&n, &[(0, len)]);
        let words: Vec<_> = t.tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            words,
            [
                "زار",
                "الرييس",
                "بغداد",
                "وقال",
                "نعم",
                "3",
                "5",
                "مليون",
                "سطر",
                "ثان"
            ]
        );
        assert_eq!(t.sentences.len(), 4);
        assert_eq!(t.tokens[4].gap, Gap::Punct);
        assert_eq!(t.tokens[3].gap, Gap::Break);
    }

    #[test]
    fn clitic_combinations() {
        let has = |w: &str, stem: &str| clitic_splits(w).iter().any(|(_, s)| s == stem);
        assert!(has("وبغداد", "بغداد"));
        assert!(has("للعراق", "العراق"));
        assert!(has("بالاسد", "الاسد"));
        assert!(has("وللعراق", "العراق"));
        assert!(has("فالعراق", "العراق"));
        assert!(has("كالعاده", "العاده"));
        assert!(has("وبالعراق", "العراق"));
        // the bare word always comes first, so لبنان stays لبنان
        assert_eq!(clitic_splits("لبنان")[0].1, "لبنان");
        assert_eq!(clitic_splits("بيروت")[0].1, "بيروت");
    }

    #[test]
    fn run_on_line_is_cut_into_bounded_sentences() {
        let n = Normalizer::profile(Profile::Match);
        let text = "كلمة ".repeat(MAX_SENTENCE_TOKENS * 2 + 10);
        let nt = n.normalize(&text);
        let t = tokenize(&nt, &[(0, nt.chars.len())]);
        assert_eq!(t.sentences.len(), 3);
        assert!(t
            .sentences
            .iter()
            .all(|s| s.last - s.first < MAX_SENTENCE_TOKENS));
        assert_eq!(t.tokens[MAX_SENTENCE_TOKENS].gap, Gap::Break);
        assert_eq!(t.tokens[MAX_SENTENCE_TOKENS].sentence, 1);
    }
}
