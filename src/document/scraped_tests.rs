//! Spec tests of the rules for scraped text: one small page per rule, in
//! the shapes a copied news page takes (page chrome written here, no corpus
//! text).

use super::{structure, BoilerplateKind, Span, Structure};
use crate::normalize::{Normalizer, Profile};
use BoilerplateKind::*;

fn st(text: &str) -> Structure {
    structure(text, &Normalizer::profile(Profile::Match))
}

fn slice(text: &str, s: Span) -> String {
    text.chars().skip(s.start).take(s.end - s.start).collect()
}

fn headline(text: &str) -> Option<String> {
    st(text).headline.map(|h| slice(text, h))
}

fn date(text: &str) -> Option<String> {
    st(text).date.map(|d| d.to_string())
}

/// The kinds of the dropped lines whose text is `line`.
fn kind_of(text: &str, line: &str) -> Option<BoilerplateKind> {
    let s = st(text);
    s.boilerplate
        .iter()
        .find(|b| slice(text, b.span) == line)
        .map(|b| b.kind)
}

const BODY: &str = "أجرى وزير الخارجية اتصالا هاتفيا مع نظيره العراقي بحثا خلاله العلاقات الثنائية بين البلدين.\n\
                    وأكد الجانبان أهمية تعزيز التعاون المشترك في مختلف المجالات خلال المرحلة المقبلة.\n";
const TITLE: &str = "وزير الخارجية يبحث مع نظيره العراقي العلاقات الثنائية";

#[test]
fn a_breadcrumb_line_before_the_title_is_not_the_headline() {
    let t = format!("الرئيسية > أخبار > عربي ودولي\n{TITLE}\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
    assert_eq!(
        kind_of(&t, "الرئيسية > أخبار > عربي ودولي"),
        Some(Breadcrumb)
    );
    let t = format!("الرئيسية » أخبار عاجلة » عرب وعالم\n{TITLE}\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
}

#[test]
fn a_header_date_line_before_the_title_is_the_date_and_not_the_headline() {
    let t = format!("الجمعة 2024-09-20 15:24 م\n{TITLE}\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
    assert_eq!(date(&t).as_deref(), Some("2024-09-20"));
}

#[test]
fn a_menu_above_the_title_is_navigation() {
    let t = format!("الرئيسية\nمحليات\nعربي ودولي\nرياضة\n\n{TITLE}\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
    assert_eq!(kind_of(&t, "عربي ودولي"), Some(Navigation));
}

#[test]
fn a_short_title_follows_the_site_name() {
    let t = format!("المدى\n\nوداعا للصيف\n2015/07/21 08:34 ص\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some("وداعا للصيف"));
}

#[test]
fn an_outlet_glued_to_the_first_sentence_is_a_byline() {
    let t = format!("{TITLE}\nالوكيل الإخباري- {BODY}");
    let s = st(&t);
    assert_eq!(s.source.as_deref(), Some("الوكيل الإخباري"));
    assert_eq!(kind_of(&t, "الوكيل الإخباري-"), Some(Byline));
    assert!(slice(&t, s.body[0]).starts_with("أجرى وزير"));
    let t = format!("{TITLE}\n(كونا) -- {BODY}");
    assert_eq!(st(&t).source.as_deref(), Some("كونا"));
    assert_eq!(kind_of(&t, "(كونا) --"), Some(Byline));
}

#[test]
fn a_place_before_the_outlet_stays_in_the_body() {
    let t = format!("{TITLE}\nعمان - الوكيل الإخباري - {BODY}");
    let s = st(&t);
    assert_eq!(s.source.as_deref(), Some("الوكيل الإخباري"));
    assert!(slice(&t, s.body[0]).starts_with("عمان - "));
    // an agency before a place: the dateline is kept whole
    let t = format!("{TITLE}\nواس - عمان :{BODY}");
    assert!(slice(&t, st(&t).body[0]).starts_with("واس - عمان"));
}

#[test]
fn a_dash_inside_a_word_is_no_outlet() {
    let t =
        format!("{TITLE}\nسانا-دمشق أجرى الوزير اتصالا هاتفيا مع نظيره بحثا العلاقات الثنائية.\n");
    assert!(st(&t).boilerplate.is_empty());
}

#[test]
fn share_and_comment_counters_are_boilerplate() {
    let t = format!("{TITLE}\n12 تعليق\nشارك\ngnews\nعدد القراءات: 1636\n{BODY}قراءة 3 دقائق\n");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
    assert_eq!(kind_of(&t, "12 تعليق"), Some(Counter));
    assert_eq!(kind_of(&t, "عدد القراءات: 1636"), Some(Counter));
    assert_eq!(kind_of(&t, "gnews"), Some(Share));
    assert_eq!(kind_of(&t, "قراءة 3 دقائق"), Some(Counter));
    assert_eq!(st(&t).body.len(), 2);
}

#[test]
fn a_visit_is_not_a_counter() {
    let t = format!("زيارة\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some("زيارة"));
}

#[test]
fn credits_and_tags_are_boilerplate() {
    let t = format!("{TITLE}\n{BODY}تحرير: خالد يوسف\nالكلمات المفتاحية: العراق، الأردن\n");
    assert_eq!(kind_of(&t, "تحرير: خالد يوسف"), Some(Credit));
    assert_eq!(kind_of(&t, "الكلمات المفتاحية: العراق، الأردن"), Some(Tags));
}

#[test]
fn latest_and_most_read_blocks_are_related_headlines_and_their_dates_not_the_article_s() {
    let t = format!(
        "{TITLE}\n{BODY}\ngnews\nأحدث الأخبار\nانطلاق مهرجان الزيتون في إربد\n2024-09-19 10:00 ص\n\
         الأكثر مشاهدة\nارتفاع أسعار الذهب في السوق المحلية\n"
    );
    let s = st(&t);
    assert_eq!(s.date, None);
    assert_eq!(
        kind_of(&t, "انطلاق مهرجان الزيتون في إربد"),
        Some(RelatedHeadlines)
    );
    assert_eq!(
        kind_of(&t, "ارتفاع أسعار الذهب في السوق المحلية"),
        Some(RelatedHeadlines)
    );
    assert_eq!(s.body.len(), 2);
}

#[test]
fn a_read_also_line_is_dropped() {
    let t = format!("{TITLE}\n{BODY}إقرأ أيضًا: انطلاق مهرجان الزيتون في إربد\n");
    assert_eq!(
        kind_of(&t, "إقرأ أيضًا: انطلاق مهرجان الزيتون في إربد"),
        Some(ReadAlso)
    );
}

#[test]
fn a_ticker_headline_before_the_title_is_not_the_headline() {
    let t = format!("عاجل\nوزير الخارجية العراقي يصل إلى عمان في زيارة رسمية\n\n{TITLE}\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
}

#[test]
fn a_related_headline_above_the_title_is_not_the_headline() {
    let t = format!("انطلاق مهرجان الزيتون في إربد\n{TITLE}\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
}

#[test]
fn a_byline_with_a_date_is_not_the_headline_and_gives_the_date() {
    let t = format!("{TITLE}\nبواسطة admin | 26 يوليو، 2018 | دولي | 3 تعليقات\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
    assert_eq!(date(&t).as_deref(), Some("2018-07-26"));
}

#[test]
fn a_bullet_line_is_not_a_title() {
    let t = "نشرة الظهيرة\n2015-07-21\n* الأردن يدعو إلى اجتماع عربي طارئ لبحث التطورات\nدعا الأردن إلى عقد اجتماع عربي طارئ على مستوى وزراء الخارجية لبحث التطورات الأخيرة.\n";
    assert_eq!(headline(t).as_deref(), Some("نشرة الظهيرة"));
}

#[test]
fn the_publication_date_wins_over_the_update() {
    let t = format!("{TITLE}\nآخر تحديث: 01/10/2018 - 09:00 | نشر في: 30/09/2018 - 14:22\n{BODY}");
    assert_eq!(date(&t).as_deref(), Some("2018-09-30"));
}

#[test]
fn a_date_labelled_published_wins_over_today_s_date_above_the_page() {
    let t = format!("الجمعة 6 سبتمبر 2019\nالرئيسية\nأخبار\nاقتصاد\n\n{TITLE}\n{BODY}تاريخ النشر: الأحد 30 سبتمبر 2018 14:22\n");
    assert_eq!(date(&t).as_deref(), Some("2018-09-30"));
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
}

#[test]
fn the_date_nearest_the_title_wins() {
    let t = format!("الجمعة 6 سبتمبر 2019\nالرئيسية\nأخبار\nاقتصاد\n\n{TITLE}\n30/9/2018\n{BODY}");
    assert_eq!(date(&t).as_deref(), Some("2018-09-30"));
}

#[test]
fn a_date_at_the_end_is_read_when_there_is_no_other() {
    let t = format!("{TITLE}\n{BODY}(النهاية)\nع ب / ا م ع\n30/09/2018 14:22\n");
    assert_eq!(date(&t).as_deref(), Some("2018-09-30"));
    assert_eq!(kind_of(&t, "ع ب / ا م ع"), Some(Footer));
}

#[test]
fn a_relative_time_is_a_date_line() {
    let t = format!("منذ 3 ساعات\n{TITLE}\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
    assert_eq!(kind_of(&t, "منذ 3 ساعات"), Some(DateLine));
    assert_eq!(date(&t), None);
}

#[test]
fn a_hijri_and_gregorian_dateline_gives_the_gregorian_date() {
    let t = format!("{TITLE}\nالرياض 20 محرم 1440 هـ الموافق 30 سبتمبر 2018 م واس\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
    assert_eq!(date(&t).as_deref(), Some("2018-09-30"));
}

#[test]
fn a_title_that_asks_a_question_is_not_the_body() {
    let t = "هل تنجح الوساطة الإقليمية في إعادة العلاقات بين البلدين إلى سابق عهدها قبل نهاية العام؟\n2018-10-01\nتواصل الوساطة الإقليمية جهودها لإعادة العلاقات بين البلدين إلى سابق عهدها قبل نهاية العام.\n";
    assert!(headline(t).unwrap().starts_with("هل تنجح"));
    assert_eq!(date(t).as_deref(), Some("2018-10-01"));
}

#[test]
fn a_short_sentence_with_a_date_is_not_a_date_line() {
    let t = "خبر\nزار الوزير المصري بغداد في 3 كانون الثاني 2025.\n";
    let s = st(t);
    assert_eq!(s.date, None);
    assert_eq!(s.body.len(), 1);
}

#[test]
fn a_line_of_section_names_is_navigation() {
    let t = format!("أخبار عربية ودولية\n\n{TITLE}\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some(TITLE));
    assert_eq!(kind_of(&t, "أخبار عربية ودولية"), Some(Navigation));
}

#[test]
fn a_short_title_may_close_the_menu_above_it() {
    let t = format!("المدى\nسياسة\nمحليات\nوداعا للصيف\n2015/07/21 08:34 ص\n{BODY}");
    assert_eq!(headline(&t).as_deref(), Some("وداعا للصيف"));
    assert_eq!(date(&t).as_deref(), Some("2015-07-21"));
}
