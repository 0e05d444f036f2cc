//! The subject and the object of a trigger read from its frame: an agent
//! acting on an object, a host receiving a guest, two parties together.

use super::coordination::conjuncts;
use super::{Mark, Sent};
use crate::entities::{Actor, ActorKind};
use crate::events::{strip_conj, TriggerInfo};

/// A verb right after حيث with no subject of its own (… ساترفيلد، حيث
/// التقى الحريري في لبنان، ووزير الطاقة الإسرائيلي): its subject is the
/// person or office the clause before حيث spoke of, the actor after the verb
/// its object. `Some((source, target))` when the sentence reads so.
pub(super) fn implicit_subject<'a>(
    trig: &TriggerInfo,
    tf: usize,
    s: &Sent<'a>,
    before: &[(&'a Actor, Mark)],
    after: &[(&'a Actor, Mark)],
) -> Option<(&'a Actor, &'a Actor)> {
    let toks = &s.tokens.tokens;
    if !trig.verb || tf == 0 || strip_conj(&toks[tf - 1].text) != "حيث" {
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
    let subject = before
        .iter()
        .rev()
        .find(|(a, m)| {
            *m == Mark::None
                && matches!(a.kind, ActorKind::Person | ActorKind::Office)
                && a.country.is_some()
        })
        .map(|x| x.0)?;
    (subject.country != object.country).then_some((subject, object))
}
