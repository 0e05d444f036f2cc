//! Boilerplate recognized in an article's lines: notices, read-also lines,
//! footers, tickers, share buttons, captions, lists of related headlines
//! and the leads of other stories after the article.

use super::{BoilerplateKind, Class, Line};

/// The line's letters and digits with single spaces between its words
/// (every other character removed), cut after `cap` bytes; true when cut.
/// A cut keeps a prefix of the whole, so `starts_with` a shorter pattern
/// reads the same on it.
pub(crate) fn letters_prefix(n: &str, cap: usize) -> (String, bool) {
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

pub(crate) fn boilerplate_kind(line: &Line, mostly_arabic: bool) -> Option<BoilerplateKind> {
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
            || letters.starts_with("مصدر الصوره")
            || letters.starts_with("صدر الصوره")
            || letters.starts_with("التعليق علي الصوره"))
    {
        return Some(Caption);
    }
    None
}

pub(crate) fn mark_related_lists(lines: &[Line], date_only: &[bool], class: &mut [Class]) {
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
    "لفت",
    "رد",
    "حث",
    "ناشد",
    "اعرب",
    "غرد",
    "رحب",
    "ندد",
    "استنكر",
    "امر",
    "قرر",
    "عين",
    "اعتقل",
    "افتتح",
    "استضاف",
];

/// Leads of other stories after the article: a page often ends with the
/// opening paragraphs of related stories, one sentence each, each opening
/// with a bare lead verb (no و), with few content words from the article
/// before them. The trailing run of such paragraphs is dropped when it
/// shares little with the article (under 30% of its content words for one
/// paragraph, under half on average for several); the article keeps its
/// first two paragraphs (three when one lone paragraph would go).
pub(crate) fn mark_related_leads(lines: &[Line], class: &mut [Class]) {
    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| class[i] == Class::Text)
        .collect();
    // (one plain paragraph between two leads belongs to the run: في أول رد
    // فعل له ...، ملفات عديدة تحدث عنها ...)
    let tail = &body[2.min(body.len())..];
    let mut run = 0;
    while run < tail.len() {
        let i = tail[tail.len() - 1 - run];
        if is_lead_paragraph(&lines[i].norm) {
            run += 1;
        } else if run > 0
            && run + 1 < tail.len()
            && is_plain_sentence(&lines[i].norm)
            && is_lead_paragraph(&lines[tail[tail.len() - 2 - run]].norm)
        {
            run += 2;
        } else {
            break;
        }
    }
    let start = body.len() - run;
    if run == 0 || (run == 1 && start < 3) {
        return;
    }
    // the headline and the body before the run (a mask: one pass, not a
    // search of the body for every line)
    let mut kept = vec![false; lines.len()];
    for &i in &body[..start] {
        kept[i] = true;
    }
    let mut before = std::collections::HashSet::new();
    for (i, l) in lines.iter().enumerate() {
        if class[i] == Class::Headline || kept[i] {
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

/// At most one sentence of more than three words.
fn one_sentence(norm: &str) -> bool {
    norm.split(['.', '!', '؟', '?'])
        .filter(|s| s.split_whitespace().count() > 3)
        .count()
        <= 1
}

/// One sentence that opens with no conjunction, quote or list number.
fn is_plain_sentence(norm: &str) -> bool {
    let first = norm.split(' ').next().unwrap_or("");
    // (في is a preposition, not فـ "and so")
    let conjunction = first.starts_with('و') || (first.starts_with('ف') && first != "في");
    one_sentence(norm)
        && !conjunction
        && first
            .chars()
            .next()
            .is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// One sentence that opens with a bare lead verb, or with an outlet's
/// dateline (دبي، الإمارات العربية المتحدة (CNN)- ...).
fn is_lead_paragraph(norm: &str) -> bool {
    let first = norm.split(' ').next().unwrap_or("");
    let dateline = {
        let head = &norm[..norm.char_indices().nth(60).map_or(norm.len(), |(i, _)| i)];
        head.contains("(CNN)") || head.contains("(cnn)")
    };
    let verb = dateline
        || LEAD_VERBS
            .iter()
            .any(|v| first == *v || first.strip_suffix('ت') == Some(v));
    verb && one_sentence(norm)
}

/// The content words of a normalized line: Arabic words of four letters
/// or more once a leading article or conjunction is taken off.
pub(crate) fn content_words(norm: &str) -> Vec<&str> {
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
