//! Messages, invitations and praise conveyed or received: the sender after
//! a conveying verb (بعثها، نقل), the envoy who carries it, and the subject
//! of a receiving verb (تلقى) as its target.

use super::candidates::{first_of, Candidates};
use super::{Mark, Pair};
use crate::entities::Actor;

/// A message noun followed by its conveying verb (أكد أمير قطر في رسالة
/// بعثها إلى), the verb at `cv`: `(source, target)`.
pub(super) fn sent_by_relative<'a>(cv: usize, c: &Candidates<'a>, rule: &mut String) -> Pair<'a> {
    // بعثها، أرسله: the pronoun is the message; the sender is named
    // after the verb, or before the noun (أكد أمير قطر في رسالة بعثها إلى)
    let source = c
        .after
        .iter()
        .find(|(a, m)| a.first > cv && *m == Mark::None)
        .map(|x| x.0)
        .or(c.subject_before);
    let target = c
        .after
        .iter()
        .find(|(a, m)| a.first > cv && *m == Mark::To)
        .map(|x| x.0);
    rule.push_str(", sent by the subject of the relative clause");
    (source, target)
}

/// A conveying verb at `cv` before the trigger starting at `tf`: `(source,
/// target)` and the envoy.
pub(super) fn conveyed<'a>(
    cv: usize,
    tf: usize,
    c: &Candidates<'a>,
    rule: &mut String,
) -> (Pair<'a>, Option<&'a Actor>) {
    let source;
    let mut via = None;
    // [convey-verb] CARRIER ... [إلى TARGET] ... message من SOURCE
    let carrier = c
        .parties
        .iter()
        .find(|(a, m)| a.first > cv && a.last < tf && *m == Mark::None)
        .map(|x| x.0)
        .or(c.subject_before.filter(|a| a.last < cv))
        .or_else(|| {
            c.before
                .iter()
                .rev()
                .find(|(a, _)| a.last < cv)
                .map(|x| x.0)
        });
    if let Some(src) = c.from.filter(|f| first_of(Some(f)) != first_of(carrier)) {
        source = Some(src);
        via = carrier.filter(|c| c.person != src.person || c.country != src.country);
        rule.push_str(", conveyed by an envoy (من ... via carrier)");
    } else {
        source = carrier;
        rule.push_str(", sent by the conveying subject");
    }
    let target = c.to_after.or(c.to_before).or(c.with).or_else(|| {
        c.after
            .iter()
            .find(|(a, m)| *m == Mark::None && Some(a.first) != first_of(carrier))
            .map(|x| x.0)
    });
    ((source, target), via)
}

/// A receiving verb before the trigger: its subject is the target.
pub(super) fn received<'a>(c: &Candidates<'a>, rule: &mut String) -> Pair<'a> {
    let target = c.subject_before.or(c.subject_after);
    let source = c.from.or_else(|| {
        c.after
            .iter()
            .find(|(a, _)| Some(a.first) != first_of(target))
            .map(|x| x.0)
    });
    rule.push_str(", received (subject is the target)");
    (source, target)
}
