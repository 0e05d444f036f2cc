//! Whether an interaction took place, is planned or is denied, and the day
//! it happened: read from the words around its trigger and from the date
//! expressions of its sentence, resolved against the article's date.

use super::clauses::{after_comma, clause_start};
use super::cues::{Cue, Cues};
use super::{strip_conj, TriggerInfo};
use crate::dates::{find_dates, find_days_of_month, Date, WEEKDAYS};
use crate::model::Status;
use crate::tokenize::{Token, Tokens};

/// The status of the trigger at tokens `tf..=tl` in the sentence `sf..=sl`;
/// `next_trigger` is where the sentence's next trigger starts (a date after
/// it is that one's).
pub(super) fn status(
    tokens: &Tokens,
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    (sf, sl): (usize, usize),
    doc: Option<Date>,
    next_trigger: usize,
) -> Status {
    let cues = Cues::builtin();
    let toks = &tokens.tokens;
    let word = |i: usize| strip_conj(&toks[i].text);
    // denial: a negation shortly before the trigger, or a refutation in the sentence
    let lo = tf.saturating_sub(4).max(sf);
    if let Some(n) = (lo..tf).find(|&i| cues.is(Cue::Negation, word(i))) {
        // (إذا لم تكن محادثاته المقررة مثمرة: a condition, not a denial)
        let conditional = n > sf && cues.is(Cue::Conditional, word(n - 1));
        if !conditional {
            return Status::Denied;
        }
    }
    // a refutation just before the trigger (غير معنية بهذه الدعوة)
    let near: Vec<&str> = (tf.saturating_sub(5).max(sf)..tf).map(word).collect();
    let near = near.join(" ");
    if cues.refutations().iter().any(|p| near.contains(p.as_str())) {
        return Status::Denied;
    }
    // a denial verb earlier in the sentence
    if (sf..tf).any(|i| cues.is(Cue::Denial, word(i))) {
        return Status::Denied;
    }
    if trig.planned {
        return Status::Planned;
    }
    // وتشمل جولته زيارة إلى فيتنام: the stops a tour still includes are to
    // come (التي شملت، تضمنت: were made; وتشمل زيارة ولي العهد توثيق العلاقات
    // is what a visit holds)
    if trig.kind == crate::model::EventKind::Visit && !trig.verb {
        let tour = toks[tf].text.contains("جول");
        let lo = clause_start(tokens, tf.saturating_sub(6).max(sf), tf);
        let still_includes = (lo..tf).any(|i| {
            let w = word(i);
            cues.is(Cue::Includes, w)
                && (w.starts_with(['ي', 'س']) || w.starts_with("تش") || w.starts_with("تت"))
                && (tour || i + 1 < tf)
        });
        if still_includes {
            return Status::Planned;
        }
    }
    // على أن يزور: "and is to visit"
    if trig.verb && tf >= sf + 2 && word(tf - 1) == "ان" && word(tf - 2) == "علي" {
        return Status::Planned;
    }
    // بدعوة من، تلبية لدعوة: the invitation a visit answers was made
    if trig.kind == crate::model::EventKind::Invitation
        && !trig.verb
        && (toks[tf].text.starts_with("بدعو")
            || (tf > sf && matches!(word(tf - 1), "تلبيه" | "تلبيا" | "علي")))
    {
        return Status::Occurred;
    }
    // (a cue before a comma is another clause's: تحضيرا للقمة المرتقبة، كما
    // أجرى لقاء; but not a day set off by commas: يبدأ رئيس الوزراء، غدا
    // الأربعاء، زيارة)
    let lo = clause_start(tokens, tf.saturating_sub(6).max(sf), tf);
    let lo = if lo > sf {
        let day_from = clause_start(tokens, lo.saturating_sub(3).max(sf), lo - 1);
        let days = (day_from..lo).all(|i| cues.is(Cue::Day, word(i)));
        if days && after_comma(&toks[day_from]) {
            day_from
        } else {
            lo
        }
    } else {
        lo
    };
    // (a cue past the next trigger is that one's: لقاء ... تحضيرا للقمة المرتقبة)
    let hi = (tl + 3).min(sl).min(next_trigger.saturating_sub(1));
    if (lo..=hi).any(|i| cues.is_written_or_bare(Cue::Planned, &toks[i].text)) {
        return Status::Planned;
    }
    // a noun still to come: قبل القمة، قبيل انعقاد الاجتماع، اتفقا على عقد قمة
    if !trig.verb && tf > sf {
        let held = matches!(word(tf - 1), "عقد" | "انعقاد");
        let at = if held && tf - 1 > sf { tf - 2 } else { tf - 1 };
        // (... في العام الماضي قبل زيارة ترامب: a time gone by anchors it)
        let gone = (tf.saturating_sub(6).max(sf)..tf).any(|i| {
            matches!(
                word(i),
                "الماضي" | "الماضيه" | "سابق" | "سابقا" | "انذاك" | "حينها"
            )
        });
        if !gone && cues.is(Cue::Pending, word(at)) && (held || !matches!(word(at), "علي")) {
            return Status::Planned;
        }
        // قبل 3 أيام من انعقاد اجتماع: a span of time before its holding
        let ahead = held
            && at > sf
            && word(at) == "من"
            && (at.saturating_sub(4).max(sf)..at).any(|i| matches!(word(i), "قبل" | "قبيل"));
        if !gone && ahead {
            return Status::Planned;
        }
    }
    // a noun named by a month still to come (قمة يونيو in May's paper): up
    // to half a year ahead
    if !trig.verb {
        // (... or a little further in its phrase: للقاء ترامب في أواخر مايو)
        let end = phrase_end(tokens, tl, (tl + 6).min(sl), |t| t.punct.is_some());
        let month = ((tl + 1)..end).find_map(|i| crate::dates::month_named(&toks[i].text));
        if let (Some(d), Some(m)) = (doc, month) {
            if (1..=6).contains(&((m + 12 - d.month) % 12)) {
                return Status::Planned;
            }
        }
    }
    // a condition (إذا سارت قمتهما بشكل جيد)
    // (في حال مر كل شيء بسلام في هذه القمة: the clause before the trigger)
    let start = clause_start(tokens, tf.saturating_sub(8).max(sf), tf);
    if (start..tf).any(|i| cues.is(Cue::Conditional, word(i))) {
        return Status::Planned;
    }
    // a time still to come later in the trigger's clause (بزيارة لسوريا خلال
    // الساعات القادمة)
    let clause_end = phrase_end(tokens, tl, (tl + 10).min(sl), |_| false).min(next_trigger);
    // (الوفد الأمريكي القادم لحضور: one arriving, no time)
    let of_actor = |i: usize| {
        let p = word(i - 1);
        p.starts_with("ال") && (p.ends_with('ي') || p.ends_with("يه"))
    };
    if ((tl + 1)..clause_end).any(|i| cues.is(Cue::Coming, word(i)) && !of_actor(i)) {
        return Status::Planned;
    }
    // ... or a day after the article's (يلتقي نظيره في عمان يوم 20 مارس)
    // (a past verb is not made planned by a later date in its clause: وجه
    // رسالة أعلن فيها إلغاء القمة في 12 حزيران)
    let past_verb = trig.verb && !trig.form.starts_with(['ي', 'ت']);
    if let Some(doc) = doc.filter(|_| !past_verb) {
        let far = (tl + 20).min(sl).min(next_trigger.saturating_sub(1));
        let end = phrase_end(tokens, tl, far, |t| after_comma(t) || t.punct == Some('.'));
        if clause_dates(tokens, tl + 1, end, doc).any(|d| d > doc) {
            return Status::Planned;
        }
    }
    // a present-tense verb with a coming day (يلتقي ترامب الجمعة، يزور غدا):
    // newswire's present for what is scheduled
    // ... or governing a noun trigger (يجري محادثات مع نظيره الأحد)
    let governed = !trig.verb
        && (tf.saturating_sub(3).max(sf)..tf).any(|i| {
            let w = word(i);
            w.starts_with('ي') && w.chars().count() >= 4 && !w.starts_with("يوم")
        });
    let imperfect =
        governed || (trig.verb && (trig.form.starts_with('ي') || trig.form.starts_with('ت')));
    if imperfect {
        let coming_day = ((tl + 1)..=(tl + 8).min(sl)).any(|i| {
            let w = word(i);
            let bare = w.strip_prefix("ال").unwrap_or(w).to_string();
            let past_after = toks
                .get(i + 1)
                .is_some_and(|t| t.text == "الماضي" || t.text == "الفايت");
            // ... or a part of a month to come (يتوجه إلى واشنطن أواخر أغسطس)
            // (the article's own weekday is today: يزور بوتين، الثلاثاء، تركيا
            // in Tuesday's paper)
            let today = |n: u32| doc.is_some_and(|d| d.weekday() == n);
            w == "غدا"
                || matches!(w, "اواخر" | "مطلع" | "منتصف" | "اوايل")
                || (WEEKDAYS.iter().any(|(d, n)| *d == bare && !today(*n)) && !past_after)
        });
        if coming_day {
            return Status::Planned;
        }
    }
    // a future verb governing a noun trigger (سيبحث الزيارة، المباحثات ستتركز)
    let future = |i: usize| {
        let w = word(i);
        matches!(w, "سيتم" | "ستتم")
            || (w.starts_with("سي") || w.starts_with("ست"))
                && w.chars().count() >= 5
                && !w.starts_with("سيا")
                && !w.starts_with("ستي")
                && !w.starts_with("سيد")
    };
    if !trig.verb && (lo..tf).any(future) {
        return Status::Planned;
    }
    // ... or the verb the noun phrase is the subject of (زيارة الرئيس التركي
    // إلى القاهرة ستتم بعد الانتخابات): no comma nor clause between them, no
    // أن (أثناء زيارته إلى لندن أنه سيتدخل)
    let end = phrase_end(tokens, tl, (tl + 7).min(sl), |t| {
        t.punct.is_some() || matches!(strip_conj(&t.text), "ان" | "انه" | "انها" | "انهم")
    });
    if !trig.verb && ((tl + 1)..end).any(future) {
        return Status::Planned;
    }
    // ... or one that may be (المحادثات مع كوريا الشمالية قد تعقد خلال أسابيع)
    let may =
        |i: usize| word(i) == "قد" && toks.get(i + 1).is_some_and(|t| cues.is(Cue::Held, &t.text));
    if !trig.verb && ((tl + 1)..end).any(may) {
        return Status::Planned;
    }
    Status::Occurred
}

/// Where the phrase after the trigger ending at token `tl` ends: the first
/// token after it, up to `far`, that opens a new clause or that `stop`
/// accepts (its punctuation, say); `far + 1` when none does.
fn phrase_end(tokens: &Tokens, tl: usize, far: usize, stop: impl Fn(&Token) -> bool) -> usize {
    ((tl + 1)..=far)
        .find(|&i| stop(&tokens.tokens[i]) || super::clauses::opens_between(tokens, i - 1, i))
        .unwrap_or(far + 1)
}

/// The text of tokens `from..to`, a space after each, as the date parsers read it.
fn tokens_text(tokens: &Tokens, from: usize, to: usize) -> Vec<char> {
    let mut text = String::new();
    for t in tokens.tokens.get(from..to).unwrap_or(&[]) {
        text.push_str(&t.text);
        text.push(' ');
    }
    text.chars().collect()
}

/// The dates stated in tokens `from..to`, days of a month taking the year
/// nearest the article's date.
fn clause_dates(tokens: &Tokens, from: usize, to: usize, doc: Date) -> impl Iterator<Item = Date> {
    let chars = tokens_text(tokens, from, to);
    let full = find_dates(&chars).into_iter().map(|f| f.date);
    let partial = find_days_of_month(&chars)
        .into_iter()
        .filter_map(move |d| d.near(doc));
    full.chain(partial)
}

/// Statuses a report states elsewhere. A headline's present tense or noun
/// (رئيس الوزراء الإثيوبي يزور الخرطوم) says nothing of the time: when the
/// body reports the same interaction as planned, so is the headline's. A
/// purpose (يزور الخرطوم لبحث التعاون، لإجراء محادثات) has the status of the
/// interaction it is the purpose of.
pub(super) fn follow_the_body(events: &mut [super::RawEvent], tokens: &Tokens) {
    let pair = |e: &super::RawEvent| {
        let (a, b) = (e.source.country.clone(), e.target.country.clone());
        if a <= b {
            (a, b)
        } else {
            (b, a)
        }
    };
    for i in 0..events.len() {
        let e = &events[i];
        if e.sentence == 0 && e.status == Status::Occurred && !e.tense_plain {
            let planned = events.iter().any(|o| {
                o.sentence > 0
                    && o.kind == e.kind
                    && o.status == Status::Planned
                    && pair(o) == pair(e)
            });
            if planned {
                events[i].status = Status::Planned;
            }
        }
    }
    for i in 1..events.len() {
        let (before, rest) = events.split_at_mut(i);
        let e = &mut rest[0];
        let tok = &tokens.tokens[e.trigger.0];
        let purpose = e.trigger.2 > 0 && tok.text.starts_with('ل') || {
            // لإجراء محادثات: the purpose verb noun before the trigger
            e.trigger.0 > 0 && {
                let prev = &tokens.tokens[e.trigger.0 - 1].text;
                prev.starts_with("لاجراء") || prev.starts_with("لعقد")
            }
        };
        if let Some(p) = before
            .last()
            .filter(|p| p.sentence == e.sentence && purpose)
        {
            if e.status == Status::Occurred && pair(p) == pair(e) {
                e.status = p.status;
            }
        }
    }
}

/// The date of an event from its sentence `sf..=sl`: explicit dates, أمس،
/// اليوم، weekdays (the last such day before the article's date). Returns the
/// date and the token range of a relative expression.
pub(super) fn event_date(
    tokens: &Tokens,
    sf: usize,
    sl: usize,
    doc: Option<Date>,
) -> (Option<Date>, Option<(usize, usize)>) {
    let toks = &tokens.tokens;
    // explicit date in the sentence
    let chars = tokens_text(tokens, sf, sl + 1);
    if let Some(f) = find_dates(&chars).first() {
        return (Some(f.date), None);
    }
    if let (Some(doc), Some(f)) = (doc, find_days_of_month(&chars).first()) {
        return (f.near(doc), None);
    }
    for i in sf..=sl {
        let w = strip_conj(&toks[i].text);
        let weekday = |j: usize| -> Option<u32> {
            let x = toks.get(j).map(|t| strip_conj(&t.text))?;
            let x = x.strip_prefix("ال").unwrap_or(x);
            WEEKDAYS.iter().find(|(d, _)| *d == x).map(|(_, n)| *n)
        };
        if w == "امس" || w == "البارحه" {
            let d = doc.map(|d| d.add_days(-1));
            let end = if weekday(i + 1).is_some() { i + 1 } else { i };
            return (d, Some((i, end)));
        }
        if w == "اليوم" && toks.get(i + 1).map(|t| t.text.as_str()) != Some("الذي") {
            let end = if weekday(i + 1).is_some() { i + 1 } else { i };
            return (doc, Some((i, end)));
        }
        if w == "يوم" || w == "اول" {
            if let Some(wd) = weekday(i + 1) {
                return (doc.map(|d| last_weekday(d, wd)), Some((i, i + 1)));
            }
        }
        if let Some(wd) = weekday(i) {
            if toks
                .get(i + 1)
                .is_some_and(|t| t.text == "الماضي" || t.text == "الفايت")
            {
                return (doc.map(|d| last_weekday(d, wd)), Some((i, i + 1)));
            }
        }
        if (w == "الاسبوع" || w == "الشهر") && toks.get(i + 1).is_some_and(|t| t.text == "الماضي")
        {
            return (None, Some((i, i + 1)));
        }
    }
    (None, None)
}

/// The last `weekday` strictly before `d` (a Sunday article's "Monday" is six days back).
pub(super) fn last_weekday(d: Date, weekday: u32) -> Date {
    let cur = d.weekday();
    let back = (cur + 7 - weekday) % 7;
    d.add_days(-(if back == 0 { 7 } else { back } as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_resolution() {
        let d = Date::new(2025, 1, 12).unwrap();
        assert_eq!(last_weekday(d, 1).to_string(), "2025-01-06");
        assert_eq!(last_weekday(d, 0).to_string(), "2025-01-05");
        assert_eq!(last_weekday(d, 6).to_string(), "2025-01-11");
    }
}
