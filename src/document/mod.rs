//! Article structure: headline, byline/source, publication date, body
//! paragraphs, and the boilerplate that is not article text.
//!
//! Works line by line on the decoded text. Each line is classified once; the
//! recognizers later read only the headline and the body paragraphs, and the
//! output lists every dropped span so a user can check what was removed.

mod boilerplate;
mod chrome;
mod head;
mod lines;
mod page;
#[cfg(test)]
mod scraped_tests;

use crate::dates::Date;
use crate::normalize::{NormalizedText, Normalizer};
use boilerplate::{boilerplate_kind, content_words, mark_related_leads, mark_related_lists};
use chrome::chrome_kind;
use head::{byline_source, is_date_only, looks_like_headline, DATE_LINE_MAX_WORDS};
use lines::{letter_counts, split_lines};
use page::{
    body_bounds, mark_menus, mark_tail, outlet_prefix, pick_date, pick_headline, short_lines,
};

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
    /// A path of sections ("الرئيسية > أخبار > عربي ودولي").
    Breadcrumb,
    /// Menu entries, a site's name above the title, page furniture.
    Navigation,
    /// Share, view, comment and reading-time counters.
    Counter,
    /// Author, editor, translator and photographer credits.
    Credit,
    /// A tags line ("الكلمات المفتاحية: ...").
    Tags,
    /// An outlet or agency glued before the first sentence ("الوكيل الإخباري- ").
    Byline,
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

    // Line-local boilerplate, then page chrome.
    for (i, l) in lines.iter().enumerate() {
        if class[i] != Class::Text {
            continue;
        }
        if let Some(k) = boilerplate_kind(l, mostly_arabic).or_else(|| chrome_kind(l)) {
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

    // The article's place on the page: chrome above and below its body.
    let bounds = body_bounds(&lines, &class);
    if let Some(b) = bounds {
        mark_menus(&lines, &mut class, &date_only, b);
        mark_tail(&lines, &mut class, b);
    }
    // Head of the article: the lines above its first paragraph (the first
    // six lines when it has none).
    let head: Vec<usize> = match bounds {
        Some((first, _)) => (0..first).filter(|&i| class[i] != Class::Blank).collect(),
        None => (0..lines.len())
            .filter(|&i| class[i] != Class::Blank)
            .take(6)
            .collect(),
    };
    for &i in &head {
        let credit = class[i] == Class::Drop(BoilerplateKind::Credit);
        if (class[i] == Class::Text || credit) && st.source.is_none() {
            if let Some(src) = byline_source(orig, &lines[i]) {
                class[i] = Class::Byline;
                st.byline = Some(lines[i].span);
                st.source = Some(src);
            }
        }
    }
    // An outlet glued before the first sentence.
    let short = short_lines(&lines);
    let mut prefix: Option<(usize, Span)> = None;
    if let Some((first, _)) = bounds {
        if let Some((outlet, cut)) = outlet_prefix(orig, &lines, first, &short) {
            if st.source.is_none() {
                st.source = Some(outlet);
            }
            prefix = cut.map(|c| (first, c));
        }
    }
    // Headline: the title line above the body, unless the article opens
    // with a byline.
    let opening = head
        .iter()
        .copied()
        .find(|&i| !matches!(class[i], Class::Drop(_)) && !date_only[i]);
    if opening.is_none_or(|i| class[i] != Class::Byline) {
        let mut candidates: Vec<usize> = head
            .iter()
            .copied()
            .filter(|&i| {
                class[i] == Class::Text
                    && !date_only[i]
                    && looks_like_headline(&lines[i])
                    && !lines[i].norm.ends_with(':')
                    && !lines[i].norm.starts_with(['*', '•', '-', '–'])
                    && outlet_prefix(orig, &lines, i, &short).is_none_or(|(_, cut)| cut.is_none())
            })
            .collect();
        // the headline after a bare "عاجل" is a ticker's, when a title follows
        let after_ticker = |i: usize| {
            (0..i)
                .rev()
                .find(|&j| class[j] != Class::Blank)
                .is_some_and(|j| class[j] == Class::Drop(BoilerplateKind::Ticker))
        };
        if let Some(k) = candidates.iter().position(|&i| after_ticker(i)) {
            if k + 1 < candidates.len() {
                class[candidates[k]] = Class::Drop(BoilerplateKind::Ticker);
                candidates.remove(k);
            }
        }
        let body_words = || -> crate::gazetteer::FxHashSet<&str> {
            bounds
                .map(|(first, _)| {
                    (first..lines.len())
                        .filter(|&i| class[i] == Class::Text)
                        .take(3)
                        .flat_map(|i| content_words(&lines[i].norm))
                        .collect()
                })
                .unwrap_or_default()
        };
        // with no paragraph of running text, nothing tells the page's lines
        // from the article's: the first line is the title
        let pick = match bounds {
            Some(_) => pick_headline(&lines, &candidates, body_words),
            None => head
                .first()
                .copied()
                .filter(|&i| class[i] == Class::Text && looks_like_headline(&lines[i])),
        };
        // a title of two or three words may close the menu above it: the
        // last line of a menu run, right above the date, byline or body
        let pick = pick.or_else(|| {
            bounds?;
            let last = head.iter().copied().rfind(|&i| {
                !matches!(class[i], Class::Drop(_) | Class::Byline) && !date_only[i]
                    || class[i] == Class::Drop(BoilerplateKind::Navigation)
            })?;
            (class[last] == Class::Drop(BoilerplateKind::Navigation)
                && lines[last].words >= 2
                && chrome_kind(&lines[last]).is_none())
            .then_some(last)
        });
        if let Some(h) = pick {
            class[h] = Class::Headline;
            st.headline = Some(lines[h].span);
            // what stands above the title is the page's
            for &i in head.iter().take_while(|&&i| i != h) {
                if class[i] == Class::Text && !date_only[i] {
                    class[i] = Class::Drop(BoilerplateKind::Navigation);
                }
            }
        }
    }
    // Date: the publication date among the short lines above the body and
    // below it (not in related links), nearest the title.
    let around: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let outside = match bounds {
                Some((first, last)) => i < first || i > last,
                None => head.contains(&i),
            };
            let kind_ok = match class[i] {
                Class::Text | Class::Byline => true,
                Class::Drop(k) => matches!(
                    k,
                    BoilerplateKind::DateLine
                        | BoilerplateKind::Credit
                        | BoilerplateKind::Counter
                        | BoilerplateKind::Navigation
                        | BoilerplateKind::Tags
                ),
                _ => false,
            };
            // a sentence is the article's, though short, unless only a date
            let meta = date_only[i] || !lines[i].norm.ends_with('.');
            outside && kind_ok && meta && lines[i].words <= DATE_LINE_MAX_WORDS
        })
        .collect();
    let anchor = st
        .headline
        .and_then(|h| lines.iter().position(|l| l.span == h))
        .or(bounds.map(|b| b.0))
        .unwrap_or(0);
    if let Some(c) = pick_date(&lines, &around, anchor, bounds.map(|b| b.0)) {
        st.date = Some(c.date);
        st.date_span = Some(lines[c.line].span);
        if matches!(
            class[c.line],
            Class::Text | Class::Drop(BoilerplateKind::DateLine)
        ) {
            class[c.line] = Class::Date;
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
            Class::Text => match prefix {
                Some((p, cut)) if p == i => {
                    st.boilerplate.push(Boilerplate {
                        kind: BoilerplateKind::Byline,
                        span: cut,
                    });
                    let start = (cut.end..l.span.end)
                        .find(|&k| !orig[k].is_whitespace())
                        .unwrap_or(l.span.end);
                    st.body.push(Span {
                        start,
                        end: l.span.end,
                    });
                }
                _ => st.body.push(l.span),
            },
            Class::Drop(kind) => st.boilerplate.push(Boilerplate { kind, span: l.span }),
            _ => {}
        }
    }
    // the title as printed keeps the direction marks around it (a line that
    // opens with U+202B RIGHT-TO-LEFT EMBEDDING)
    if let Some(h) = st.headline.as_mut() {
        while h.start > 0 && lines::is_direction_mark(orig[h.start - 1]) {
            h.start -= 1;
        }
        while h.end < orig.len() && lines::is_direction_mark(orig[h.end]) {
            h.end += 1;
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

    /// A headline and two paragraphs of one story, then `tail`, a paragraph
    /// a line.
    fn story_then(tail: &[&str]) -> Structure {
        let mut t = String::from(
            "الرئيس يفتتح مصنعا للسيارات في العاصمة\n\
             افتتح الرئيس اليوم مصنعا جديدا للسيارات في العاصمة بحضور الوزراء.\n\
             وقال الرئيس إن المصنع الجديد سيوفر آلاف الوظائف للشباب في العاصمة.\n",
        );
        for p in tail {
            t.push_str(p);
            t.push('\n');
        }
        st(&t)
    }

    #[test]
    fn leads_of_other_stories_at_the_end_are_dropped() {
        let s = story_then(&[
            "أعلنت وزارة الدفاع، الثلاثاء، سقوط طائرة تدريب قرب الحدود الشمالية.",
            "طالبت أسرة الصحفي المفقود بتحقيق دولي مستقل في ملابسات اختفائه.",
        ]);
        assert_eq!(s.body.len(), 2);
        assert_eq!(s.boilerplate.len(), 2);
        assert!(s
            .boilerplate
            .iter()
            .all(|b| b.kind == BoilerplateKind::RelatedHeadlines));
    }

    #[test]
    fn leads_opening_with_a_reply_or_a_dateline_are_other_stories() {
        let s = story_then(&[
            "رد وزير العدل على منتقدي القضاء مؤكدا أن المحاكمات عادلة.",
            "دبي، الإمارات العربية المتحدة (CNN)- تراهن شركة مشروبات عالمية على المقاهي.",
            "لفت وزير الدولة إلى إشادة رئيس اللجنة الثورية بوزير خارجية مجاور.",
        ]);
        assert_eq!(s.body.len(), 2);
        assert_eq!(s.boilerplate.len(), 3);
    }

    #[test]
    fn one_plain_paragraph_between_two_leads_is_another_story_too() {
        let s = story_then(&[
            "أعلنت وزارة الدفاع، الثلاثاء، سقوط طائرة تدريب قرب الحدود الشمالية.",
            "في أول رد فعل له على التقرير نفى المتحدث وجود أي خلافات داخل الحكومة.",
            "طالبت أسرة الصحفي المفقود بتحقيق دولي مستقل في ملابسات اختفائه.",
        ]);
        assert_eq!(s.body.len(), 2);
        assert_eq!(s.boilerplate.len(), 3);
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
