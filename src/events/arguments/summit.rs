//! A summit's host: the state of the place where it is held (قمة مجموعة
//! السبع في كندا) or the subject of the verb of hosting that holds it
//! (الذي تستضيف بلاده القمة), the party read beside it taking part; a
//! summit spoken of again (في كلماتهم أمام القمة) keeps the host named
//! before.

use super::candidates::Candidates;
use super::{Mark, Pair, Sent};
use crate::entities::{Actor, ActorKind};
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
    let Some(v) = hosting_verb_before(tf, s) else {
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

/// The verb of hosting (استضافت، تستضيف...) among the three words before a
/// summit noun at `tf`, in its sentence: its subject hosts the summit.
fn hosting_verb_before(tf: usize, s: &Sent) -> Option<usize> {
    let cues = Cues::builtin();
    let toks = &s.tokens.tokens;
    let sent = &s.tokens.sentences[toks[tf].sentence];
    let lo = tf.saturating_sub(3).max(sent.first);
    (lo..tf)
        .rev()
        .find(|&i| cues.is(Cue::Hosts, strip_conj(&toks[i].text)))
}

/// The host a summit noun at `tf..=tl` names in its own sentence, whatever
/// its participants: the subject of a verb of hosting before it (استضافت
/// السعودية القمة) or of one in the relative clause after it (قمة الجامعة
/// العربية التي احتضنتها الظهران السعودية).
pub(in crate::events) fn host_named<'a>(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
) -> Option<&'a Actor> {
    if trig.kind != EventKind::Summit || trig.verb {
        return None;
    }
    let cues = Cues::builtin();
    let toks = &s.tokens.tokens;
    let sent = &s.tokens.sentences[toks[tf].sentence];
    let hosts = |i: usize| cues.is(Cue::Hosts, strip_conj(&toks[i].text));
    let state = |a: &&(&'a Actor, Mark)| {
        a.0.country.is_some()
            && matches!(
                a.0.kind,
                ActorKind::Country | ActorKind::Place | ActorKind::Adjective | ActorKind::Office
            )
    };
    // before: the verb, then its subject before the noun
    if let Some(v) = hosting_verb_before(tf, s) {
        return s
            .actors
            .iter()
            .filter(state)
            .find(|(a, _)| a.first > v && a.last < tf)
            .map(|x| x.0);
    }
    // after: a relative pronoun and the verb, then its subject
    let hi = (tl + 6).min(sent.last);
    let v = ((tl + 1)..=hi)
        .find(|&i| hosts(i) && i > 0 && matches!(strip_conj(&toks[i - 1].text), "التي" | "الذي"))?;
    s.actors
        .iter()
        .filter(state)
        .find(|(a, _)| a.first > v && a.first <= v + 2)
        .map(|x| x.0)
}

/// The `(source, target)` of a definite summit noun at `tf..=tl` whose host
/// was named before (the article's summit spoken of again) and that names
/// none of its own: its host hosts the first party before the word that
/// places it at the summit (ندد عباس وأمير الكويت في كلماتهم أمام القمة،
/// شارك في القمة); a party only after it (بالقرار الأمريكي) is what is
/// spoken of. Else the pair as read.
pub(super) fn hosted_before<'a>(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    c: &Candidates<'a>,
    pair: Pair<'a>,
    rule: &mut String,
) -> Pair<'a> {
    let Some(host) = s.summit_host else {
        return pair;
    };
    if trig.kind != EventKind::Summit || trig.verb || tf == 0 {
        return pair;
    }
    let toks = &s.tokens.tokens;
    let word = strip_conj(&toks[tf].text);
    if !word.starts_with("ال") || tl > tf {
        return pair;
    }
    // the host named in this sentence, or a state after the noun that is
    // its genitive or venue, reads as usual
    if c.parties.iter().any(|(a, _)| a.country == host.country) {
        return pair;
    }
    let at = strip_conj(&toks[tf - 1].text);
    if toks[tf].gap != crate::tokenize::Gap::Space
        || !matches!(at, "امام" | "في" | "خلال" | "اثناء" | "هامش")
    {
        return pair;
    }
    let participant = c.parties.iter().map(|x| x.0).find(|a| {
        a.last < tf
            && matches!(a.kind, ActorKind::Person | ActorKind::Office)
            && a.country.is_some()
    });
    match participant {
        Some(p) => {
            rule.push_str(", the summit hosted by the state named before, a participant");
            (Some(host), Some(p))
        }
        None => pair,
    }
}
