//! Article structure: headline, byline/source, publication date, body
//! paragraphs, and the boilerplate that is not article text.
//!
//! Works line by line on the decoded text. Each line is classified once; the
//! recognizers later read only the headline and the body paragraphs, and the
//! output lists every dropped span so a user can check what was removed.

mod boilerplate;
mod head;
mod lines;

use crate::dates::{find_dates, Date};
use crate::normalize::{NormalizedText, Normalizer};
use boilerplate::{boilerplate_kind, mark_related_leads, mark_related_lists};
use head::{byline_source, is_date_only, looks_like_headline, DATE_LINE_MAX_WORDS};
use lines::{letter_counts, split_lines};

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

pub(crate) struct Line {
    /// Trimmed span in the text.
    pub(crate) span: Span,
    /// Match-normalized, trimmed.
    pub(crate) norm: String,
    pub(crate) words: usize,
    /// Whether `norm` has an ASCII letter (every Latin boilerplate pattern
    /// has one: most Arabic lines have none).
    pub(crate) latin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Blank,
    Text,
    Headline,
    Byline,
    Date,
    Drop(BoilerplateKind),
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Profile;

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
