//! The head of an article: bylines and their source, date-only lines,
//! and what a headline looks like.

use super::Line;
use crate::dates::find_dates;

pub(crate) const AGENCIES: &[&str] = &[
    "رويترز",
    "ا ف ب",
    "اف ب",
    "فرانس برس",
    "واع",
    "سانا",
    "الاناضول",
    "واس",
    "وام",
    "قنا",
    "كونا",
    "بنا",
    "بترا",
    "وفا",
    "اش ا",
    "د ب ا",
    "شينخوا",
    "سبوتنيك",
    "ارنا",
    "تاس",
    "ريا نوفوستي",
    "الوكالات",
    "وكالات",
    "ا ب",
    "اسوشيتد برس",
    "يو بي اي",
    "cnn",
    "bbc",
    "afp",
    "reuters",
    "ap",
];

/// A line that is only a date, maybe with a weekday, a time and a label.
/// More words than a date line ever has.
pub(crate) const DATE_LINE_MAX_WORDS: usize = 24;

pub(crate) fn is_date_only(n: &str) -> bool {
    // every date form has digits (match-normalized text has ASCII digits)
    if n.is_empty() || !n.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let chars: Vec<char> = n.chars().collect();
    let found = find_dates(&chars);
    let Some(f) = found.first() else { return false };
    let rest: String = chars[..f.start]
        .iter()
        .chain(chars[f.end..].iter())
        .collect();
    const ALLOWED: &[&str] = &[
        "نشر",
        "في",
        "بتاريخ",
        "تاريخ",
        "النشر",
        "اخر",
        "تحديث",
        "date",
        "published",
        "gmt",
        "am",
        "pm",
        "الساعه",
        "ص",
        "م",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "utc",
        "updated",
        "الموافق",
        "هـ",
        "ه",
    ];
    rest.split(|c: char| !crate::tokenize::is_word_char(c))
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || ALLOWED.contains(&w)
                || crate::dates::WEEKDAYS.iter().any(|(d, _)| {
                    w == *d || w.strip_prefix("ال") == Some(d) || w.strip_prefix("يوم").is_some()
                })
        })
}

pub(crate) fn byline_source(text: &[char], l: &Line) -> Option<String> {
    if l.words == 0 || l.words > 7 {
        return None;
    }
    let orig: String = text[l.span.start..l.span.end].iter().collect();
    let n = &l.norm;
    let clean = |s: &str| -> Option<String> {
        let s = s.trim().trim_matches(|c: char| {
            c == ':' || c == '/' || c == '-' || c == '|' || c.is_whitespace()
        });
        if s.is_empty() {
            None
        } else {
            Some(s.to_string())
        }
    };
    // the original-text remainder after the first `k` words of the line
    let after_words = |k: usize| -> String {
        let mut seen = 0;
        let mut in_word = false;
        for (bi, c) in orig.char_indices() {
            let w = crate::tokenize::is_word_char(c);
            if w && !in_word {
                if seen == k {
                    return orig[bi..].to_string();
                }
                seen += 1;
            }
            in_word = w;
        }
        String::new()
    };
    for p in [
        "خاص",
        "متابعه",
        "بقلم",
        "كتب",
        "كتبت",
        "المصدر",
        "تقرير",
        "اعداد",
        "ترجمه",
    ] {
        if let Some(rest) = n.strip_prefix(p) {
            if rest.is_empty() || rest.starts_with([' ', '/', ':', '-', '|']) {
                let r = after_words(1);
                if let Some(s) = clean(&r) {
                    return Some(s);
                }
            }
        }
    }
    // "باريس - رويترز", "بغداد/ واع", "(رويترز)"
    for sep in [" - ", "-", "/", "|"] {
        if let Some((_, right)) = n.split_once(sep) {
            let r = right
                .trim()
                .trim_matches(|c: char| c == '(' || c == ')' || c == ':');
            if AGENCIES.contains(&r) {
                if let Some((_, ro)) = orig.split_once(sep.trim()) {
                    return clean(ro.trim().trim_matches(|c: char| c == '(' || c == ')'));
                }
            }
        }
    }
    None
}

pub(crate) fn looks_like_headline(l: &Line) -> bool {
    l.words > 0 && (l.words <= 30 || !l.norm.ends_with('.')) && l.words <= 60
}
