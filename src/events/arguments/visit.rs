//! A visit's visitor and host: the visitor named after the place it goes to,
//! the traveller before متوجها, who has the visit (لـ X زيارة) or the person
//! after لـ, and the destination as the target.

use super::candidates::Candidates;
use super::destination::destination;
use super::{Mark, Pair, Sent, NOUN_REACH};
use crate::entities::{Actor, ActorKind};
use crate::events::{clauses, Frame, TriggerInfo};

/// The visitor and the host of the visit at `tf..=tl`, from the `source`
/// and `target` its frame gave, or why there is no visit.
pub(super) fn read_visit<'a>(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    c: &Candidates<'a>,
    (source, mut target): Pair<'a>,
    rule: &mut String,
) -> Result<Pair<'a>, &'static str> {
    let mut source = visitor(trig, (tf, tl), s, c, source, rule);
    let dest = destination(trig, (tf, tl), s, source);
    // زيارة لكيم في مارس إلى بكين: the person after لـ is the visitor
    // when the destination is named after إلى
    if let Some(d) = dest.filter(|_| !trig.verb) {
        let visitor = c.after.iter().find(|(a, m)| {
            a.first == tl + 1 && a.kind == ActorKind::Person && *m == Mark::To && a.last < d.first
        });
        if let Some((v, _)) = visitor.filter(|(v, _)| v.country != d.country) {
            source = Some(v);
            rule.push_str(", the visitor after لـ");
        }
    }
    match (dest, trig.frame) {
        (Some(d), _) => {
            target = Some(d);
            if source.is_some_and(|x| x.country == d.country) {
                source = c
                    .before
                    .iter()
                    .rev()
                    .find(|(a, _)| a.country != d.country)
                    .map(|x| x.0);
            }
            rule.push_str(", destination named after the trigger");
        }
        (None, Frame::Agent)
            if trig.verb && target.is_some_and(|t| t.kind == ActorKind::Person) => {}
        _ => return Err("a visit with no destination"),
    }
    Ok((source, target))
}

/// The visitor, from the `source` the frame gave: not a place it goes to.
fn visitor<'a>(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    c: &Candidates<'a>,
    mut source: Option<&'a Actor>,
    rule: &mut String,
) -> Option<&'a Actor> {
    // a city right after a visit verb is where the visit goes, not who
    // visits (وتزور باريس الأسبوع المقبل): the visitor is unnamed here
    // and the visitor is named after it (وزار أنقرة بعد القمة الرئيس
    // الفلسطيني ياسر عرفات)
    // the same for a country's name (الذي يزور مصر حاليا): the visitor
    // is then the subject before the verb
    if let Some(place) = source.filter(|v| {
        trig.verb
            && v.first > tl
            && (v.kind == ActorKind::Place || (v.kind == ActorKind::Country && v.first == tl + 1))
    }) {
        source = s
            .actors
            .iter()
            .find(|(a, m)| {
                a.first > place.last
                    && a.first <= place.last + NOUN_REACH
                    && matches!(a.kind, ActorKind::Person | ActorKind::Office)
                    && *m == Mark::None
                    && !clauses::opens_between(s.tokens, place.last, a.first)
            })
            .map(|x| x.0)
            .or(c.subject_before.filter(|v| v.country != place.country));
    }
    // غادر ووكر تركيا متوجها إلى المغرب: the traveller is the person the
    // clause speaks of, not the place he leaves; the first such (a later
    // one is his verb's object, نظيره)
    if trig.form.starts_with("متوجه") {
        source = c
            .before
            .iter()
            .find(|(a, m)| {
                *m == Mark::None
                    && matches!(a.kind, ActorKind::Person | ActorKind::Office)
                    && !clauses::opens_between(s.tokens, a.last, tf)
            })
            .map(|x| x.0)
            .filter(|a| a.country.is_some());
    }
    // لوزير الخارجية جبران باسيل زيارة إلى واشنطن: who has the visit makes it
    if !trig.verb && source.is_none() {
        if let Some((v, _)) = c.before.last().filter(|(a, m)| {
            *m == Mark::To
                && a.last + 1 == tf
                && matches!(a.kind, ActorKind::Person | ActorKind::Office)
        }) {
            source = Some(v);
            rule.push_str(", the visitor who has the visit (لـ X زيارة)");
        }
    }
    source
}
