//! A summit's host: the state of the place where it is held (قمة مجموعة
//! السبع في كندا), the party read beside it taking part.

use super::{Mark, Pair, Sent};
use crate::entities::ActorKind;
use crate::events::TriggerInfo;
use crate::model::EventKind;

/// The `(source, target)` of a summit noun ending at `tl` held in a place:
/// its state hosts the guest read beside it; else the pair as read.
pub(super) fn hosted_where_held<'a>(
    trig: &TriggerInfo,
    tl: usize,
    s: &Sent<'a>,
    (source, target): Pair<'a>,
    rule: &mut String,
) -> Pair<'a> {
    if trig.kind != EventKind::Summit || trig.verb {
        return (source, target);
    }
    let toks = &s.tokens.tokens;
    // a summit held in a place (قمة مجموعة السبع في كندا): the place's state
    // hosts it, the party read beside it takes part
    let venue = s
        .actors
        .iter()
        .find(|(a, m)| {
            a.first > tl
                && a.first <= tl + 6
                && matches!(a.kind, ActorKind::Place | ActorKind::Country)
                && (*m == Mark::In || toks[a.first].text.starts_with('ب'))
                && a.country.is_some()
        })
        .map(|x| x.0);
    if let Some(v) = venue {
        let guest = [source, target]
            .into_iter()
            .flatten()
            .find(|a| a.country != v.country);
        if let Some(g) = guest {
            rule.push_str(", hosted where it is held");
            return (Some(v), Some(g));
        }
    }
    (source, target)
}
