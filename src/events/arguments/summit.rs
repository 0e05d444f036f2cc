//! A summit's host: the state of the place where it is held (قمة مجموعة
//! السبع في كندا) or the subject of the verb of hosting that holds it
//! (الذي تستضيف بلاده القمة), the party read beside it taking part.

use super::candidates::Candidates;
use super::{Mark, Pair, Sent};
use crate::entities::ActorKind;
use crate::events::cues::{Cue, Cues};
use crate::events::{strip_conj, TriggerInfo};
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

/// The `(source, target)` of a summit noun at `tf..=tl` that a verb of hosting
/// holds (بوريسوف الذي تستضيف بلاده القمة، استضافت السعودية القمة): the host is
/// named between the verb and the noun, or right before the verb (its
/// relative clause or pronoun speaks of him); another state of the sentence
/// takes part. Else the pair as read.
pub(super) fn hosted_by<'a>(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    c: &Candidates<'a>,
    pair: Pair<'a>,
    rule: &mut String,
) -> Pair<'a> {
    if trig.kind != EventKind::Summit || trig.verb {
        return pair;
    }
    let cues = Cues::builtin();
    let toks = &s.tokens.tokens;
    let sent = &s.tokens.sentences[toks[tf].sentence];
    let lo = tf.saturating_sub(3).max(sent.first);
    let Some(v) = (lo..tf)
        .rev()
        .find(|&i| cues.is(Cue::Hosts, &strip_conj(&toks[i].text)))
    else {
        return pair;
    };
    let host = c
        .parties
        .iter()
        .find(|(a, _)| a.first > v && a.last < tf)
        .or_else(|| {
            c.before
                .iter()
                .rev()
                .find(|(a, _)| a.last < v && a.last + 3 >= v)
        })
        .map(|x| x.0);
    let Some(h) = host else {
        return pair;
    };
    // (the guest: the first other state of the sentence, before or after)
    let guest = c
        .parties
        .iter()
        .map(|x| x.0)
        .find(|a| a.country.is_some() && a.country != h.country && a.first != tl + 1);
    match guest {
        Some(g) => {
            rule.push_str(", hosted by the subject of the verb of hosting");
            (Some(h), Some(g))
        }
        None => pair,
    }
}
