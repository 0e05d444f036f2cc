//! Event statuses, as a specification: occurred, planned (future forms,
//! coming days and months, purposes, conditions, things prepared for) and
//! denied (negations, denials, cancellations).

mod common;

use analyze::dates::Date;
use analyze::model::{EventKind, Status};
use common::*;

#[test]
fn planned_and_denied_status() {
    let e = events("سيزور وزير الخارجية التركي طهران الأسبوع المقبل.");
    assert_eq!(find(&e, EventKind::Visit).status, Status::Planned);
    let e = events("ومن المقرر أن يلتقي الرئيس المصري العاهل الأردني في القاهرة.");
    assert_eq!(find(&e, EventKind::Meeting).status, Status::Planned);
    let e = events("ونفت الخارجية العراقية توجيه دعوة إلى الرئيس السوري.");
    assert_eq!(find(&e, EventKind::Invitation).status, Status::Denied);
    let e = events("وكشف مصدر عن عدم دعوة الحكومة العراقية للرئيس السوري.");
    assert_eq!(find(&e, EventKind::Invitation).status, Status::Denied);
    let e = events("زار وزير الخارجية الإيراني دمشق.");
    assert_eq!(find(&e, EventKind::Visit).status, Status::Occurred);
}

#[test]
fn a_present_tense_verb_with_a_coming_day_is_planned() {
    let e =
        events("يلتقي الرئيس الأمريكي دونالد ترامب الجمعة في واشنطن وزير الخارجية الكوري الجنوبي.");
    assert_eq!(find(&e, EventKind::Meeting).status, Status::Planned);
    let e =
        events("التقى الرئيس الأمريكي دونالد ترامب الجمعة في واشنطن وزير الخارجية الكوري الجنوبي.");
    assert_eq!(find(&e, EventKind::Meeting).status, Status::Occurred);
}

#[test]
fn a_cancelled_visit_is_denied_and_an_opponent_is_no_state() {
    let e = events("وألغى وزير الدفاع الأميركي خططا لزيارة الصين في أكتوبر.");
    assert_eq!(find(&e, EventKind::Visit).status, Status::Denied);
    assert!(events("وصل المعارض السوري رياض الترك إلى فرنسا.").is_empty());
}

#[test]
fn a_headlines_present_tense_follows_the_body_and_a_purpose_its_visit() {
    let evs = analyze_text(
        "t.txt",
        "رئيس الوزراء الإثيوبي يزور الخرطوم لبحث التعاون الثنائي\n\
         يبدأ رئيس الوزراء الإثيوبي أبي أحمد غدا الأربعاء زيارة رسمية للسودان تستمر يومين.\n",
        None,
    )
    .events;
    let visits: Vec<_> = evs
        .iter()
        .filter(|e| e.r#type == EventKind::Visit)
        .collect();
    assert!(!visits.is_empty(), "{evs:?}");
    assert!(
        visits.iter().all(|e| e.status == Status::Planned),
        "{evs:?}"
    );
    assert!(
        evs.iter()
            .filter(|e| e.r#type == EventKind::Talks)
            .all(|e| e.status == Status::Planned),
        "{evs:?}"
    );
}

#[test]
fn the_invitation_a_planned_visit_answers_was_made() {
    let evs = events(
        "يبدأ رئيس الوزراء الإثيوبي غدا الأربعاء زيارة رسمية للسودان بدعوة من الرئيس السوداني عمر البشير.",
    );
    assert_eq!(find(&evs, EventKind::Visit).status, Status::Planned);
    assert_eq!(find(&evs, EventKind::Invitation).status, Status::Occurred);
}

#[test]
fn a_present_tense_verb_with_a_part_of_a_month_is_planned() {
    let evs = events("مسؤول صيني كبير يتوجه إلى الولايات المتحدة أواخر أغسطس لإجراء محادثات تجارية.");
    assert_eq!(find(&evs, EventKind::Visit).status, Status::Planned);
}

#[test]
fn a_day_after_the_articles_is_planned_and_dated_in_the_nearest_year() {
    let date = Date::new(2018, 3, 1);
    let body = "ويلتقي وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان يوم 20 مارس لبحث العلاقات الثنائية.";
    let evs = analyze("t.txt", body, date).events;
    let m = find(&evs, EventKind::Meeting);
    assert_eq!(m.status, Status::Planned);
    assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2018-03-20"));
    // a past verb keeps its tense: the later date is another matter's
    let body =
        "ووجه الرئيس الأمريكي رسالة إلى الزعيم الكوري الشمالي أعلن فيها إلغاء القمة في 12 يونيو.";
    let evs = analyze("t.txt", body, date).events;
    assert_eq!(find(&evs, EventKind::Message).status, Status::Occurred);
}

#[test]
fn a_future_verb_after_a_noun_trigger_makes_it_planned() {
    let evs = events("وأكد الوزير أن زيارة الرئيس التركي إلى القاهرة ستتم بعد الانتخابات.");
    assert_eq!(find(&evs, EventKind::Visit).status, Status::Planned);
    let evs = events("وبعد زيارة الرئيس التركي إلى القاهرة، سيتوجه الوزير إلى باريس.");
    assert_eq!(find(&evs, EventKind::Visit).status, Status::Occurred);
}

#[test]
fn a_summit_before_which_something_happens_is_still_to_come() {
    let evs = events("وأفرجت كوريا الشمالية عن ثلاثة معتقلين قبل انعقاد القمة بين الرئيس الأمريكي والزعيم الكوري الشمالي.");
    let e = find(&evs, EventKind::Summit);
    assert_eq!(e.status, Status::Planned, "{evs:?}");
    // ... unless a time gone by anchors it
    let evs = events("وطرحت الفكرة في العام الماضي قبل زيارة الرئيس الأمريكي للسعودية.");
    let e = find(&evs, EventKind::Visit);
    assert_eq!(e.status, Status::Occurred, "{evs:?}");
}

#[test]
fn a_meeting_agreed_on_or_under_a_condition_is_planned() {
    let evs = events("واتفق الرئيس الكوري الجنوبي والزعيم الكوري الشمالي على عقد اجتماع دوري.");
    assert_eq!(
        find(&evs, EventKind::Meeting).status,
        Status::Planned,
        "{evs:?}"
    );
    let evs = events("وقال الرئيس الأمريكي إنه سيدعو الزعيم الكوري الشمالي إذا سارت قمتهما مع الرئيس الأمريكي بشكل جيد.");
    assert!(
        evs.iter()
            .filter(|e| e.r#type == EventKind::Summit)
            .all(|e| e.status == Status::Planned),
        "{evs:?}"
    );
}

fn status_of(body: &str, date: Option<Date>, kind: EventKind) -> Status {
    let evs = analyze("t.txt", body, date).events;
    find(&evs, kind).status
}

#[test]
fn a_present_tense_verb_with_the_articles_own_weekday_is_today() {
    let body = "يزور الرئيس الروسي فلاديمير بوتين، الثلاثاء، تركيا.";
    // 2025-01-14 is a Tuesday, 2025-01-12 a Sunday
    assert_eq!(
        status_of(body, Date::new(2025, 1, 14), EventKind::Visit),
        Status::Occurred
    );
    assert_eq!(
        status_of(body, Date::new(2025, 1, 12), EventKind::Visit),
        Status::Planned
    );
}

#[test]
fn a_summit_named_by_a_month_to_come_is_planned() {
    let body = "وهددت كوريا الشمالية بإلغاء قمة يونيو مع الولايات المتحدة.";
    assert_eq!(
        status_of(body, Date::new(2025, 5, 10), EventKind::Summit),
        Status::Planned
    );
    // ... and spoken of after it, it is past
    assert_eq!(
        status_of(body, Date::new(2025, 8, 10), EventKind::Summit),
        Status::Occurred
    );
    let body = "وتمهد القمة الطريق أمام الزعيم الكوري الشمالي للقاء الرئيس الأميركي في أواخر مايو.";
    assert_eq!(
        status_of(body, Date::new(2025, 4, 27), EventKind::Meeting),
        Status::Planned
    );
}

#[test]
fn what_is_prepared_for_possible_or_may_be_held_is_planned() {
    for body in [
        "وذكرت الخارجية الأميركية أن الاتصالات مستمرة وسط استعدادات لقمة بين الرئيس الأمريكي والزعيم الكوري الشمالي.",
        "وعززت كوريا الشمالية احتمالات عقد قمة مع الولايات المتحدة.",
        "وقال الرئيس الأمريكي إن المحادثات مع كوريا الشمالية قد تعقد خلال أسابيع.",
    ] {
        let evs = events(body);
        assert!(!evs.is_empty(), "{body}");
        assert!(
            evs.iter().all(|e| e.status == Status::Planned),
            "{body}: {evs:?}"
        );
    }
}

#[test]
fn a_cue_of_another_clause_or_actor_leaves_the_trigger_occurred() {
    for (body, kind) in [
        // المرتقبة before the comma is the summit's
        (
            "وكان الوزير الأمريكي قد اجتمع بالزعيم الكوري الشمالي تحضيرا للقمة المرتقبة، كما أجرى لقاء مع وزير الخارجية الكوري الشمالي.",
            EventKind::Meeting,
        ),
        // القادم after an adjective is the delegation arriving
        (
            "وقال رئيس الوزراء الإسرائيلي خلال حفل استقبال أقيم على شرف الوفد الأمريكي القادم لحضور الافتتاح إن العلاقات قوية.",
            EventKind::Meeting,
        ),
        // a future verb after أن is what he said, not the visit's
        (
            "وأكد الرئيس التركي رجب طيب أردوغان أثناء زيارته إلى لندن أنه سيعين محافظا جديدا للبنك.",
            EventKind::Visit,
        ),
    ] {
        let evs = events(body);
        assert_eq!(find(&evs, kind).status, Status::Occurred, "{evs:?}");
    }
}

#[test]
fn a_negation_under_a_condition_is_no_denial() {
    let evs = events(
        "وقال الرئيس الأمريكي إنه إذا لم تكن محادثاته المقررة مع الزعيم الكوري الشمالي مثمرة فإنه سينسحب منها.",
    );
    assert_eq!(
        find(&evs, EventKind::Talks).status,
        Status::Planned,
        "{evs:?}"
    );
}

#[test]
fn tomorrow_set_off_by_commas_before_a_noun_trigger_makes_it_planned() {
    // the commas around a day do not part it from the visit the verb holds
    let e =
        events("يبدأ رئيس الوزراء الإثيوبي أبي أحمد، غدا الأربعاء، زيارة رسمية للسودان تستمر يومين.");
    assert_eq!(find(&e, EventKind::Visit).status, Status::Planned);
}

#[test]
fn a_visit_awaited_is_planned() {
    let e = events("وأرباب العمل الفرنسيون في حالة ترقب لزيارة ولي العهد السعودي إلى باريس.");
    assert_eq!(find(&e, EventKind::Visit).status, Status::Planned);
}

#[test]
fn the_stops_a_tour_still_includes_are_planned() {
    let e = events("وتشمل جولة وزير الخارجية الأمريكي زيارة إلى فيتنام.");
    assert_eq!(find(&e, EventKind::Visit).status, Status::Planned);
    // ... those it included were made
    let e = events("وكانت جولة وزير الخارجية الأمريكي قد شملت زيارة إلى فيتنام.");
    assert_eq!(find(&e, EventKind::Visit).status, Status::Occurred);
}
