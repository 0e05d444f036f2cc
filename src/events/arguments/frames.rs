//! The subject and the object of a trigger read from its frame: an agent
//! acting on an object, a host receiving a guest, two parties together.

use super::candidates::{first_of, Candidates};
use super::coordination::conjuncts;
use super::{Mark, Pair, Sent};
use crate::entities::{Actor, ActorKind};
use crate::events::cues::{Cue, Cues};
use crate::events::{pronoun_suffixed, strip_conj, Frame, TriggerInfo};

/// The subject and the object of a verb or a noun whose frame is an agent's,
/// a host's or two parties' together: `(source, target)`.
pub(super) fn subject_acts<'a>(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    c: &Candidates<'a>,
    rule: &mut String,
) -> Pair<'a> {
    if let Some((source, target)) = implicit_subject(trig, tf, s, &c.before, &c.after) {
        rule.push_str(", the subject of the clause before حيث or the relative pronoun");
        return (Some(source), Some(target));
    }
    let mut source = if trig.verb {
        c.adjacent_subject
            .or(c.subject_after.filter(|a| a.first <= tl + 3))
            .or(c.subject_before)
            .or(c.subject_after)
    } else {
        c.subject_before.or(c.subject_after)
    };
    let src_first = first_of(source);
    let mut target = c.object(source, tl);
    if target.is_none() {
        target = c.to_before.filter(|a| Some(a.first) != src_first);
    }
    // بحثوا، بحث الجانبان: the two parties just named
    if trig.frame == Frame::Mutual && trig.verb {
        let mut distinct: Vec<&Actor> = Vec::new();
        for (a, _) in c.before.iter().rev() {
            if !distinct.iter().any(|d| d.country == a.country) {
                distinct.push(a);
            }
        }
        if distinct.len() >= 2 && (target.is_none_or(|t| t.first > tl + 6)) {
            source = Some(distinct[1]);
            target = Some(distinct[0]);
        }
    }
    // تم بحث ... في العراق: a country named as where it happens
    if target.is_none() && trig.frame == Frame::Mutual {
        target = c
            .after
            .iter()
            .find(|(a, m)| {
                *m == Mark::In
                    && a.kind == ActorKind::Country
                    && a.first <= tl + 2
                    && Some(a.first) != src_first
            })
            .map(|x| x.0);
    }
    rule.push_str(match trig.frame {
        Frame::Host => ", host receives guest",
        Frame::Mutual => ", two parties together",
        _ => ", subject acts on object",
    });
    (source, target)
}

/// A verb right after حيث with no subject of its own (… ساترفيلد، حيث
/// التقى الحريري في لبنان، ووزير الطاقة الإسرائيلي): its subject is the
/// person or office the clause before حيث spoke of, the actor after the verb
/// its object. So too a verb right after a relative pronoun (اتصل بالرئيس
/// الكوري الجنوبي الذي التقى كيم): its subject is the antecedent right
/// before the pronoun, whatever marks it. `Some((source, target))` when the
/// sentence reads so.
fn implicit_subject<'a>(
    trig: &TriggerInfo,
    tf: usize,
    s: &Sent<'a>,
    before: &[(&'a Actor, Mark)],
    after: &[(&'a Actor, Mark)],
) -> Option<(&'a Actor, &'a Actor)> {
    let toks = &s.tokens.tokens;
    if !trig.verb || tf == 0 {
        return None;
    }
    // (a verb with an object pronoun speaks of the antecedent as its object:
    // الصين التي زارها ماكرون)
    let relative =
        Cues::builtin().is(Cue::Relative, &toks[tf - 1].text) && !pronoun_suffixed(&toks[tf].text);
    if !relative && strip_conj(&toks[tf - 1].text) != "حيث" {
        return None;
    }
    let bare: Vec<&Actor> = after
        .iter()
        .filter(|(_, m)| *m == Mark::None)
        .map(|x| x.0)
        .collect();
    let object = *bare.first()?;
    // two bare actors apart are a subject and its object (حيث التقى الرئيس
    // السيسي نظيره الروسي)
    let group = conjuncts(object, &s.actors, s.tokens);
    if bare[1..]
        .iter()
        .any(|b| !group.iter().any(|g| g.first == b.first))
        || after.iter().any(|(_, m)| *m == Mark::With)
    {
        return None;
    }
    let subject = if relative {
        before
            .last()
            .filter(|(a, _)| a.last + 2 == tf && a.kind != ActorKind::Adjective)
            .map(|x| x.0)?
    } else {
        before
            .iter()
            .rev()
            .find(|(a, m)| {
                *m == Mark::None
                    && matches!(a.kind, ActorKind::Person | ActorKind::Office)
                    && a.country.is_some()
            })
            .map(|x| x.0)?
    };
    (subject.country != object.country).then_some((subject, object))
}
