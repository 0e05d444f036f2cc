//! Article structure: headline, byline/source, publication date, body
//! paragraphs, and the boilerplate that is not article text.
//!
//! Works line by line on the decoded text. Each line is classified once; the
//! recognizers later read only the headline and the body paragraphs, and the
//! output lists every dropped span so a user can check what was removed.

use crate::dates::{find_dates, Date};
use crate::normalize::{NormalizedText, Normalizer};

/// A `[start, end)` range of characters in the decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Why a span was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    CookieNotice,
    ReadAlso,
    RelatedHeadlines,
    RepeatedHeadline,
    Footer,
    Caption,
    Ticker,
    Share,
    DateLine,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boilerplate {
    pub kind: BoilerplateKind,
    pub span: Span,
}

/// The structure of one article.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    pub headline: Option<Span>,
    /// The byline line, when there is one.
    pub byline: Option<Span>,
    /// The outlet or author named in the byline.
    pub source: Option<String>,
    pub date: Option<Date>,
    /// Where the publication date was read.
    pub date_span: Option<Span>,
    pub body: Vec<Span>,
    pub boilerplate: Vec<Boilerplate>,
}

impl Structure {
    /// The spans recognizers read: headline, then body paragraphs, in order.
    pub fn content(&self) -> Vec<Span> {
        let mut v: Vec<Span> = self
            .headline
            .into_iter()
            .chain(self.body.iter().copied())
            .collect();
        v.sort();
        v
    }
}

struct Line {
    /// Trimmed span in the text.
    span: Span,
    /// Match-normalized, trimmed.
    norm: String,
    words: usize,
    /// Whether `norm` has an ASCII letter (every Latin boilerplate pattern
    /// has one: most Arabic lines have none).
    latin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Blank,
    Text,
    Headline,
    Byline,
    Date,
    Drop(BoilerplateKind),
}

const AGENCIES: &[&str] = &[
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

/// Analyze the structure of a decoded article.
pub fn structure(text: &str, nz: &Normalizer) -> Structure {
    let orig = crate::decode::chars_of(text);
    structure_normalized(text, &orig, &nz.normalize(text))
}

/// [`structure`] of an article given also as its characters (`orig` is
/// `text.chars()`) and their normalization (`nt` normalizes `orig` with the
/// matching profile): the engine has all three already, every line is read
/// from `nt`, and the scans that need no normalization run over the bytes.
pub fn structure_normalized(text: &str, orig: &[char], nt: &NormalizedText) -> Structure {
    let lines = split_lines(text, orig, nt);
    let mut class: Vec<Class> = lines
        .iter()
        .map(|l| {
            if l.norm.is_empty() {
                Class::Blank
            } else {
                Class::Text
            }
        })
        .collect();
    let mut st = Structure::default();

    let (arabic_letters, latin_letters) = letter_counts(text);
    let mostly_arabic = arabic_letters > latin_letters;

    // Line-local boilerplate.
    for (i, l) in lines.iter().enumerate() {
        if class[i] != Class::Text {
            continue;
        }
        if let Some(k) = boilerplate_kind(l, mostly_arabic) {
            class[i] = Class::Drop(k);
        }
    }

    // Related-headline lists: runs of (short line, date-only line) pairs.
    // (a date with its weekday, time and a few allowed words is short: long
    // paragraphs are not searched for dates here)
    let date_only: Vec<bool> = lines
        .iter()
        .map(|l| l.words <= DATE_LINE_MAX_WORDS && is_date_only(&l.norm))
        .collect();
    mark_related_lists(&lines, &date_only, &mut class);

    // Head of the article: byline, date and headline among the first lines.
    let head: Vec<usize> = (0..lines.len())
        .filter(|&i| class[i] != Class::Blank)
        .take(6)
        .collect();
    for (k, &i) in head.iter().enumerate() {
        if class[i] != Class::Text {
            continue;
        }
        if k < 4 && st.source.is_none() {
            if let Some(src) = byline_source(orig, &lines[i]) {
                class[i] = Class::Byline;
                st.byline = Some(lines[i].span);
                st.source = Some(src);
                continue;
            }
        }
        if st.date.is_none() && date_only[i] {
            let chars: Vec<char> = lines[i].norm.chars().collect();
            if let Some(f) = find_dates(&chars).first() {
                class[i] = Class::Date;
                st.date = Some(f.date);
                st.date_span = Some(lines[i].span);
            }
        }
    }
    // Headline: the first content line, unless the file opens with a byline.
    if let Some(&first) = head.first() {
        if class[first] == Class::Text && looks_like_headline(&lines[first]) {
            class[first] = Class::Headline;
            st.headline = Some(lines[first].span);
        }
    }
    // Repeated headlines and other date-only lines.
    if let Some(h) = st.headline {
        let hn = lines
            .iter()
            .find(|l| l.span == h)
            .map(|l| l.norm.clone())
            .unwrap_or_default();
        for (i, l) in lines.iter().enumerate() {
            if class[i] == Class::Text && l.norm == hn {
                class[i] = Class::Drop(BoilerplateKind::RepeatedHeadline);
            }
        }
    }
    for i in 0..lines.len() {
        if class[i] == Class::Text && date_only[i] {
            class[i] = Class::Drop(BoilerplateKind::DateLine);
        }
    }
    mark_related_leads(&lines, &mut class);
    for (i, l) in lines.iter().enumerate() {
        match class[i] {
            Class::Text => st.body.push(l.span),
            Class::Drop(kind) => st.boilerplate.push(Boilerplate { kind, span: l.span }),
            _ => {}
        }
    }
    st
}

/// The characters of the Arabic block (U+0600-U+06FF) and the ASCII
/// letters of `text`, counted over its bytes (branch-free: the loop
/// vectorizes). The Arabic block is exactly the characters whose UTF-8
/// lead byte is D8-DB.
fn letter_counts(text: &str) -> (usize, usize) {
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

fn split_lines(text: &str, orig: &[char], nt: &NormalizedText) -> Vec<Line> {
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
fn is_space(c: char) -> bool {
    match c {
        '\u{0}'..='\u{7f}' => c.is_ascii_whitespace() || c == '\u{0b}',
        '\u{0600}'..='\u{06ff}' => false,
        _ => c.is_whitespace(),
    }
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
        is_space(*c)
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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

/// The line's letters and digits with single spaces between its words
/// (every other character removed), cut after `cap` bytes; true when cut.
/// A cut keeps a prefix of the whole, so `starts_with` a shorter pattern
/// reads the same on it.
fn letters_prefix(n: &str, cap: usize) -> (String, bool) {
    let mut out = String::with_capacity(cap.min(n.len()) + 4);
    let mut pending = false;
    for c in n.chars() {
        if c == ' ' {
            pending = true;
        } else if crate::tokenize::is_word_char(c) {
            if out.len() >= cap {
                return (out, true);
            }
            if pending && !out.is_empty() {
                out.push(' ');
            }
            pending = false;
            out.push(c);
        }
    }
    (out, false)
}

fn boilerplate_kind(line: &Line, mostly_arabic: bool) -> Option<BoilerplateKind> {
    use BoilerplateKind::*;
    let (n, words, latin_text) = (line.norm.as_str(), line.words, line.latin);
    // the Arabic patterns are looked for in every paragraph: vectorized searchers
    static ARABIC: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        std::sync::LazyLock::new(|| {
            ["ملفات تعريف الارتباط", "الكوكيز", "جميع الحقوق محفوظه"]
                .map(memchr::memmem::Finder::new)
        });
    let has = |k: usize| ARABIC[k].find(n.as_bytes()).is_some();
    if has(0) || has(1) || (latin_text && n.contains("cookie")) {
        return Some(CookieNotice);
    }
    // longer than every pattern the letters are compared with
    const CAP: usize = 64;
    let (letters, cut) = letters_prefix(n, CAP);
    for p in [
        "اقرا ايضا",
        "اقرا ايضً",
        "اقرا كذلك",
        "اقرا المزيد",
        "شاهد ايضا",
        "طالع ايضا",
        "اقرأ ايضا",
        "read also",
        "read more",
        "اقرا ايض",
        "مواضيع ذات صله",
        "اخبار ذات صله",
        "المزيد من الاخبار",
    ] {
        if letters.starts_with(p) {
            return Some(ReadAlso);
        }
    }
    if (latin_text
        && (n.contains("powered by")
            || n.contains("design by")
            || n.contains("designed by")
            || n.contains("all rights reserved")
            || n.starts_with("copyright")))
        || has(2)
        || n.contains('©')
    {
        return Some(Footer);
    }
    if words <= 3
        && !cut
        && (letters == "عاجل"
            || letters == "خبر عاجل"
            || letters == "عاجل عاجل"
            || letters == "breaking news"
            || letters == "breaking")
    {
        return Some(Ticker);
    }
    if words <= 4
        && !cut
        && [
            "شارك",
            "شارك الخبر",
            "مشاركه",
            "share",
            "تويتر فيسبوك",
            "طباعه",
            "ارسل لصديق",
            "تابعونا",
        ]
        .contains(&letters.as_str())
    {
        return Some(Share);
    }
    if latin_text
        && (n.contains("photo by")
            || n.contains("afp photo")
            || n.contains("getty images")
            || n.contains("(photo")
            || n.contains("mandatory credit"))
    {
        return Some(Caption);
    }
    if mostly_arabic && latin_text && words >= 4 {
        let (mut latin, mut arabic) = (0usize, 0usize);
        for c in n.chars() {
            if c.is_ascii_alphabetic() {
                latin += 1;
            } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
                arabic += 1;
            }
        }
        if latin >= 20 && latin * 10 >= (latin + arabic) * 7 {
            return Some(Caption);
        }
    }
    if words <= 8
        && (letters.starts_with("تصوير")
            || letters.starts_with("صوره ارشيفيه")
            || letters.starts_with("مصدر الصوره"))
    {
        return Some(Caption);
    }
    None
}

/// A line that is only a date, maybe with a weekday, a time and a label.
/// More words than a date line ever has.
const DATE_LINE_MAX_WORDS: usize = 24;

fn is_date_only(n: &str) -> bool {
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

fn mark_related_lists(lines: &[Line], date_only: &[bool], class: &mut [Class]) {
    // indices of non-blank lines
    let idx: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].norm.is_empty())
        .collect();
    let mut k = 0;
    while k + 1 < idx.len() {
        // count consecutive (text, date) pairs starting at k
        let mut pairs = 0;
        let mut j = k;
        while j + 1 < idx.len()
            && !date_only[idx[j]]
            && date_only[idx[j + 1]]
            && lines[idx[j]].words <= 20
            && matches!(class[idx[j]], Class::Text)
        {
            pairs += 1;
            j += 2;
        }
        if pairs >= 2 {
            for &i in &idx[k..j] {
                class[i] = Class::Drop(BoilerplateKind::RelatedHeadlines);
            }
            k = j;
        } else {
            k += 1;
        }
    }
}

/// Perfect verbs that open a news lead ("قال ...", "أعلنت ..."), in the
/// match normalization; the feminine form adds ت. A paragraph that opens
/// with one of them bare (no و/ف before it) starts a story of its own.
const LEAD_VERBS: &[&str] = &[
    "قال",
    "اعلن",
    "اكد",
    "اعتبر",
    "اشاد",
    "كشف",
    "روي",
    "افاد",
    "ذكر",
    "نفي",
    "دعا",
    "طالب",
    "شبه",
    "علق",
    "جدد",
    "اصدر",
    "رفض",
    "حذر",
    "وصف",
    "انتقد",
    "اثار",
    "تعهد",
    "هدد",
    "اتهم",
    "نشر",
    "اظهر",
    "بث",
    "استقبل",
    "التقي",
    "بحث",
    "زار",
    "وصل",
    "هنا",
    "اجري",
    "تلقي",
    "ادان",
    "عبر",
    "شن",
    "سخر",
    "تسبب",
    "وجه",
    "تظاهر",
    "لقي",
    "قتل",
    "اصيب",
    "اندلع",
    "شهد",
    "عاد",
    "تمكن",
    "اقدم",
    "اختار",
    "توفي",
    "فاز",
    "اطلق",
    "اقر",
    "وافق",
    "صادق",
];

/// Leads of other stories after the article: a page often ends with the
/// opening paragraphs of related stories, one sentence each, each opening
/// with a bare lead verb (no و), with few content words from the article
/// before them. The trailing run of such paragraphs is dropped when it
/// shares little with the article (under 30% of its content words for one
/// paragraph, under half on average for several); the article keeps its
/// first two paragraphs (three when one lone paragraph would go).
fn mark_related_leads(lines: &[Line], class: &mut [Class]) {
    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| class[i] == Class::Text)
        .collect();
    let run = body
        .iter()
        .skip(2)
        .rev()
        .take_while(|&&i| is_lead_paragraph(&lines[i].norm))
        .count();
    let start = body.len() - run;
    if run == 0 || (run == 1 && start < 3) {
        return;
    }
    let mut before = std::collections::HashSet::new();
    for (i, l) in lines.iter().enumerate() {
        if class[i] == Class::Headline || body[..start].contains(&i) {
            before.extend(content_words(&l.norm));
        }
    }
    let overlap: f64 = body[start..]
        .iter()
        .map(|&i| {
            let w = content_words(&lines[i].norm);
            let shared = w.iter().filter(|x| before.contains(*x)).count();
            shared as f64 / w.len().max(1) as f64
        })
        .sum::<f64>()
        / run as f64;
    let limit = if run == 1 { 0.3 } else { 0.5 };
    if overlap < limit {
        for &i in &body[start..] {
            class[i] = Class::Drop(BoilerplateKind::RelatedHeadlines);
        }
    }
}

/// One sentence that opens with a bare lead verb.
fn is_lead_paragraph(norm: &str) -> bool {
    let first = norm.split(' ').next().unwrap_or("");
    let verb = LEAD_VERBS
        .iter()
        .any(|v| first == *v || first.strip_suffix('ت') == Some(v));
    let sentences = norm
        .split(['.', '!', '؟', '?'])
        .filter(|s| s.split_whitespace().count() > 3)
        .count();
    verb && sentences <= 1
}

/// The content words of a normalized line: Arabic words of four letters
/// or more once a leading article or conjunction is taken off.
fn content_words(norm: &str) -> Vec<&str> {
    norm.split(|c: char| !('\u{0621}'..='\u{064A}').contains(&c))
        .map(|w| {
            ["وال", "بال", "لل", "ال", "و"]
                .iter()
                .find_map(|p| w.strip_prefix(p).filter(|r| r.chars().count() >= 3))
                .unwrap_or(w)
        })
        .filter(|w| w.chars().count() >= 4)
        .collect()
}

fn byline_source(text: &[char], l: &Line) -> Option<String> {
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

fn looks_like_headline(l: &Line) -> bool {
    l.words > 0 && (l.words <= 30 || !l.norm.ends_with('.')) && l.words <= 60
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Profile;

    #[test]
    fn fast_whitespace_test_agrees_with_unicode() {
        for c in (0..0x3100).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "U+{:04X}", c as u32);
        }
    }

    fn st(text: &str) -> Structure {
        structure(text, &Normalizer::profile(Profile::Match))
    }

    fn slice(text: &str, s: Span) -> String {
        text.chars().skip(s.start).take(s.end - s.start).collect()
    }

    #[test]
    fn headline_date_body() {
        let t =
            "وفد سوري إلى العراق قريبا\n12-كانون الثاني-2025\n\nكشفت مصادر سياسية عن الزيارة.\n";
        let s = st(t);
        assert_eq!(slice(t, s.headline.unwrap()), "وفد سوري إلى العراق قريبا");
        assert_eq!(s.date.unwrap().to_string(), "2025-01-12");
        assert_eq!(s.body.len(), 1);
        assert_eq!(slice(t, s.body[0]), "كشفت مصادر سياسية عن الزيارة.");
    }

    #[test]
    fn byline_first_means_no_headline() {
        let t = "\nخاص /كل الاخبار\nنقل رئيس الهيئة رسالة.\n";
        let s = st(t);
        assert_eq!(s.headline, None);
        assert_eq!(s.source.as_deref(), Some("كل الاخبار"));
    }

    #[test]
    fn agency_dateline_byline() {
        let s = st("عنوان الخبر\nباريس - رويترز\nقال الرئيس.\n");
        assert_eq!(s.source.as_deref(), Some("رويترز"));
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

    #[test]
    fn boilerplate_kinds() {
        let t = "عنوان\nنص الخبر هنا.\nاقرأ أيضاً : شيء آخر\nعاجــــــل\nPowered by x Design by y\nيستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.\nعنوان\n";
        let s = st(t);
        let kinds: Vec<_> = s.boilerplate.iter().map(|b| b.kind).collect();
        use BoilerplateKind::*;
        assert_eq!(
            kinds,
            [ReadAlso, Ticker, Footer, CookieNotice, RepeatedHeadline]
        );
        assert_eq!(s.body.len(), 1);
    }

    #[test]
    fn rfc2822_date_line() {
        let s = st("عنوان\nWed, 06 Jun 2018 10:49:46 +0400\nنص.\n");
        assert_eq!(s.date.unwrap().to_string(), "2018-06-06");
    }

    #[test]
    fn related_headline_list_is_dropped() {
        let t = "عنوان\nنص.\nخبر أول\n12-كانون الثاني-2025\nخبر ثان\n12-كانون الثاني-2025\nخبر ثالث\n11-كانون الثاني-2025\n";
        let s = st(t);
        assert_eq!(s.body.len(), 1);
        assert!(s
            .boilerplate
            .iter()
            .all(|b| b.kind == BoilerplateKind::RelatedHeadlines));
        assert_eq!(s.boilerplate.len(), 6);
    }

    #[test]
    fn leads_of_other_stories_at_the_end_are_dropped() {
        let t = "الرئيس يفتتح مصنعا للسيارات في العاصمة\n\
                 افتتح الرئيس اليوم مصنعا جديدا للسيارات في العاصمة بحضور الوزراء.\n\
                 وقال الرئيس إن المصنع الجديد سيوفر آلاف الوظائف للشباب في العاصمة.\n\
                 أعلنت وزارة الدفاع، الثلاثاء، سقوط طائرة تدريب قرب الحدود الشمالية.\n\
                 طالبت أسرة الصحفي المفقود بتحقيق دولي مستقل في ملابسات اختفائه.\n";
        let s = st(t);
        assert_eq!(s.body.len(), 2);
        assert_eq!(s.boilerplate.len(), 2);
        assert!(s
            .boilerplate
            .iter()
            .all(|b| b.kind == BoilerplateKind::RelatedHeadlines));
    }

    #[test]
    fn a_short_article_keeps_a_closing_lead_paragraph() {
        let t = "زيارة\nنص أول طويل بما يكفي.\nقال وزير الخارجية العراقي إن الرئيس السوري سيزور بغداد.\n";
        assert_eq!(st(t).body.len(), 2);
    }

    #[test]
    fn a_closing_paragraph_on_the_same_story_is_kept() {
        let t = "الرئيس يفتتح مصنعا للسيارات في العاصمة\n\
                 افتتح الرئيس اليوم مصنعا جديدا للسيارات في العاصمة بحضور الوزراء.\n\
                 أكد الرئيس أن المصنع الجديد للسيارات سيوفر الوظائف في العاصمة.\n";
        assert_eq!(st(t).body.len(), 2);
    }
}
