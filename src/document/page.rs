//! The layout of a scraped page around its article: where the body starts
//! and ends, menus above and below it, the related-link blocks of its tail,
//! which line of the head is the title, which date is the publication date,
//! and an outlet glued before the first sentence.

use super::boilerplate::{content_words, letters_prefix};
use super::chrome::{is_related_header, is_wire_end};
use super::head::AGENCIES;
use super::{BoilerplateKind, Class, Line, Span};
use crate::dates::{find_dates, Date};
use crate::gazetteer::FxHashSet;
use std::collections::HashSet;

/// A paragraph of running text: a sentence's length, ending with a full
/// stop (titles, menus and link lists do not; a title may ask a question).
pub(crate) fn is_body_like(l: &Line) -> bool {
    let end = l
        .norm
        .trim_end_matches(['"', '\'', '»', '”', ')', ']', ' '])
        .chars()
        .last();
    (l.words >= 10 && matches!(end, Some('.' | '…')))
        || (l.words >= 20 && matches!(end, Some('!' | '؟' | '?')))
        || l.words > 40
}

/// The first and last body paragraphs (lines of running text not dropped).
pub(crate) fn body_bounds(lines: &[Line], class: &[Class]) -> Option<(usize, usize)> {
    let body = |i: &usize| class[*i] == Class::Text && is_body_like(&lines[*i]);
    let first = (0..lines.len()).find(body)?;
    let last = (0..lines.len()).rev().find(body)?;
    Some((first, last))
}

/// Menus outside the body: runs of three or more consecutive short lines
/// (three words at most, no sentence; a blank line ends a run) before its
/// first paragraph or after its last.
pub(crate) fn mark_menus(
    lines: &[Line],
    class: &mut [Class],
    date_only: &[bool],
    bounds: (usize, usize),
) {
    let member = |i: usize, class: &[Class]| match class[i] {
        Class::Text => lines[i].words <= 3 && !date_only[i] && !lines[i].norm.ends_with('.'),
        Class::Drop(BoilerplateKind::Navigation | BoilerplateKind::Share) => true,
        _ => false,
    };
    let outside = |i: usize| i < bounds.0 || i > bounds.1;
    let mut k = 0;
    while k < lines.len() {
        // a run: consecutive lines (a blank line ends it) outside the body
        let mut j = k;
        while j < lines.len() && outside(j) && member(j, class) {
            j += 1;
        }
        if j - k >= 3 {
            for c in &mut class[k..j] {
                if *c == Class::Text {
                    *c = Class::Drop(BoilerplateKind::Navigation);
                }
            }
        }
        k = j.max(k + 1);
    }
}

/// After the article, a block header ("الأكثر قراءة", "أخبار ذات صلة",
/// "اقرأ أيضا:") makes the short lines that follow it related links, up to
/// the next paragraph of running text; a wire service's closing codes after
/// the last paragraph are its footer.
pub(crate) fn mark_tail(lines: &[Line], class: &mut [Class], bounds: (usize, usize)) {
    let header = |i: usize, class: &[Class]| match class[i] {
        Class::Drop(BoilerplateKind::RelatedHeadlines) => {
            is_related_header(&letters_prefix(&lines[i].norm, 64).0, lines[i].words)
        }
        Class::Drop(BoilerplateKind::ReadAlso) => lines[i].words <= 3,
        _ => false,
    };
    let mut in_block = false;
    for i in bounds.0 + 1..lines.len() {
        if header(i, class) {
            in_block = true;
            continue;
        }
        if class[i] == Class::Text {
            if is_body_like(&lines[i]) {
                in_block = false;
            } else if in_block {
                class[i] = Class::Drop(BoilerplateKind::RelatedHeadlines);
            } else if i > bounds.1 && is_wire_end(&lines[i]) {
                class[i] = Class::Drop(BoilerplateKind::Footer);
            }
        }
    }
}

/// The title among the lines above the body. Titles read like headlines
/// of three words or more, with no full stop and no date: the first that
/// shares half its content words with the body's first paragraphs (a
/// related headline, a ticker or a site's name above it share few), else
/// the first that shares one, else the first. A title of one or two words
/// is the last such line above the body (a site's name and its sections
/// come first); else the first candidate without a date.
pub(crate) fn pick_headline<'a>(
    lines: &'a [Line],
    candidates: &[usize],
    body_words: impl FnOnce() -> FxHashSet<&'a str>,
) -> Option<usize> {
    let titles: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| !lines[i].norm.ends_with('.') && !has_date(&lines[i]))
        .collect();
    let long: Vec<usize> = titles
        .iter()
        .copied()
        .filter(|&i| lines[i].words >= 3)
        .collect();
    if long.is_empty() {
        return titles
            .last()
            .or_else(|| candidates.iter().find(|&&i| !has_date(&lines[i])))
            .copied();
    }
    // the body's words are gathered only when a title of three words or
    // more is there to be compared with them
    let body_words = body_words();
    let share = |i: usize| {
        let w = content_words(&lines[i].norm);
        let shared = w.iter().filter(|x| body_words.contains(*x)).count();
        (shared, w.len())
    };
    long.iter()
        .find(|&&i| {
            let (s, n) = share(i);
            s >= 1 && s * 2 >= n
        })
        .or_else(|| long.iter().find(|&&i| share(i).0 >= 1))
        .or_else(|| long.first())
        .copied()
}

/// A calendar date on the line.
fn has_date(l: &Line) -> bool {
    l.norm.bytes().any(|b| b.is_ascii_digit()) && {
        let chars: Vec<char> = l.norm.chars().collect();
        !find_dates(&chars).is_empty()
    }
}

/// What labels a date on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Label {
    Published,
    None,
    Updated,
}

/// A date read on a line of the page, with the line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DateChoice {
    pub(crate) line: usize,
    pub(crate) date: Date,
}

/// The publication date among the short lines around the article: a date
/// labelled as published (نشر، تاريخ النشر) first, then an unlabelled one,
/// then one labelled as an update; above the body before below it; nearest
/// the title (or the body's start) first. `candidates` are the lines
/// looked at (short, not in the body, not related links).
pub(crate) fn pick_date(
    lines: &[Line],
    candidates: &[usize],
    anchor: usize,
    body_start: Option<usize>,
) -> Option<DateChoice> {
    let mut best: Option<((Label, bool, usize), DateChoice)> = None;
    for &i in candidates {
        let l = &lines[i];
        if !l.norm.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let chars: Vec<char> = l.norm.chars().collect();
        let mut from = 0;
        for f in find_dates(&chars) {
            let before: String = chars[from..f.start].iter().collect();
            from = f.end;
            let label = if before.contains("تحديث") || before.contains("updated") {
                Label::Updated
            } else if before.contains("نشر") || before.contains("published") {
                Label::Published
            } else {
                Label::None
            };
            let below = body_start.is_some_and(|b| i > b);
            let key = (label, below, i.abs_diff(anchor));
            if best.as_ref().is_none_or(|(k, _)| key < *k) {
                best = Some((
                    key,
                    DateChoice {
                        line: i,
                        date: f.date,
                    },
                ));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The letters of the page's lines of four words or less (a site's name
/// stands on such a line), looked up by [`outlet_prefix`].
pub(crate) fn short_lines(lines: &[Line]) -> HashSet<String> {
    lines
        .iter()
        .filter(|l| (1..=4).contains(&l.words))
        .map(|l| letters_prefix(&l.norm, 64).0)
        .collect()
}

/// An outlet glued before the first sentence: the text before its first
/// dash ("الوكيل الإخباري- ", "(كونا) -- ", "عمون - ") when it names an
/// outlet (an agency, a name in parentheses, a word such as الإخباري or
/// نيوز, or a line of the page on its own, the site's name). Returns the
/// outlet (as written), and the span to drop when nothing but the outlet
/// precedes the sentence; a place before it ("عمان - الوكيل الإخباري -",
/// "دبي (CNN) -") stays: it is the dateline.
pub(crate) fn outlet_prefix(
    orig: &[char],
    lines: &[Line],
    i: usize,
    short_lines: &HashSet<String>,
) -> Option<(String, Option<Span>)> {
    let l = &lines[i];
    let text = &orig[l.span.start..l.span.end];
    let is_dash = |c: char| matches!(c, '-' | '–' | '—');
    // the first two dash-separated pieces of the line's opening
    let head: &[char] = &text[..text.len().min(80)];
    let d1 = head.iter().position(|&c| is_dash(c))?;
    let piece = |a: usize, b: usize| -> String { head[a..b].iter().collect() };
    let p1 = piece(0, d1);
    let mut after1 = d1;
    while after1 < head.len() && is_dash(head[after1]) {
        after1 += 1;
    }
    let words = |s: &str| s.split_whitespace().count();
    if words(&p1) == 0 || words(&p1) > 4 {
        return None;
    }
    let standalone = |s: &str| {
        let key = letters_prefix(&norm_of(s), 64).0;
        !key.is_empty() && short_lines.contains(&key)
    };
    let outlet = |s: &str| -> Option<String> {
        let t = s.trim();
        let inner = t
            .strip_prefix('(')
            .and_then(|x| x.strip_suffix(')'))
            .map(str::trim);
        let n = norm_of(inner.unwrap_or(t));
        let letters = letters_prefix(&n, 64).0;
        let marker = [
            "الاخباري",
            "الاخباريه",
            "نيوز",
            "news",
            "اونلاين",
            "online",
            "24",
            "نت",
            "الالكترونيه",
            "الالكتروني",
            "بوست",
        ];
        let ok = (inner.is_some() && (1..=3).contains(&words(inner.unwrap_or(""))))
            || AGENCIES.contains(&letters.as_str())
            || letters.split(' ').any(|w| marker.contains(&w))
            || (words(t) <= 3 && standalone(t));
        ok.then(|| inner.unwrap_or(t).to_string())
    };
    // the outlet alone before the sentence: dropped
    if let Some(o) = outlet(&p1) {
        // a dash between words ("سانا-دمشق") is no separator; a place
        // after the outlet ("واس - عمان :") keeps it: the dateline is read
        let next: String = head[after1..].iter().take(30).collect();
        let dateline = next
            .split_whitespace()
            .take(3)
            .any(|w| w.starts_with([':', '-', '–', '/']) || w.ends_with([':', '-', '/']));
        if dateline {
            return Some((o, None));
        }
        if head.get(after1).is_some_and(|c| c.is_whitespace()) {
            let mut end = after1;
            while end < text.len() && text[end].is_whitespace() {
                end += 1;
            }
            if end < text.len() {
                let span = Span {
                    start: l.span.start,
                    end: l.span.start + after1,
                };
                return Some((o, Some(span)));
            }
        }
        return None;
    }
    // a place, then the outlet: "عمان - الوكيل الإخباري -", "دبي (CNN) -"
    if let Some(open) = p1.rfind('(') {
        if p1.trim_end().ends_with(')') {
            let inner = p1[open + 1..].trim_end().trim_end_matches(')').trim();
            if (1..=3).contains(&words(inner)) {
                return Some((inner.to_string(), None));
            }
        }
    }
    let d2 = head[after1..].iter().position(|&c| is_dash(c))? + after1;
    let p2 = piece(after1, d2);
    if words(&p2) <= 4 && words(&p1) <= 3 {
        if let Some(o) = outlet(&p2) {
            return Some((o, None));
        }
    }
    None
}

/// A light match normalization for a short piece of a line: bare alefs,
/// taa marbuta as haa, alef maqsura as yaa, no diacritics, Latin lowercased.
fn norm_of(s: &str) -> String {
    s.chars()
        .filter(|c| !('\u{064B}'..='\u{0652}').contains(c) && *c != 'ـ')
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            _ => c.to_ascii_lowercase(),
        })
        .collect()
}
