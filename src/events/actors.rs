//! Who the two sides of an event are once its arguments are read: the
//! discourse focus (the last pair of parties) fills a side left open by
//! "الجانبان", a pronoun, an impersonal trigger or a one-sided mention, and
//! a side that names the other side's country again is replaced by another
//! party of the sentence.

use super::arguments::{Mark, Reading};
use super::cues::{Cue, Cues};
use super::{strip_conj, Frame, Party, TriggerInfo};
use crate::entities::Actor;
use crate::model::EventKind;
use crate::tokenize::{Gap, Tokens};

/// The last pair of parties the article spoke of.
pub(super) type Focus = Option<(Party, Party)>;

/// The two sides of an event, or `None` when they are not two known,
/// different countries.
pub(super) fn resolve(
    trig: &TriggerInfo,
    reading: &Reading,
    tokens: &Tokens,
    sentence: usize,
    (focus_here, focus, topic): (bool, &Focus, Option<&Party>),
    rule: &mut String,
) -> Option<(Party, Party)> {
    let cues = Cues::builtin();
    let toks = &tokens.tokens;
    let sent = &tokens.sentences[sentence];
    let tf = reading.trigger.0;
    let anaphoric = toks[tf].text.starts_with("ال")
        || toks[tf].text.starts_with("وال")
        || toks[tf].text.starts_with("بال")
        || toks[tf].text.starts_with("خلال");
    let mut src = reading.source.map(Party::of).unwrap_or_default();
    let mut tgt = reading.target.map(Party::of).unwrap_or_default();
    // بحثوا after a reception in the same sentence, تم بحث: the interaction in focus
    if let Some((fa, fb)) = focus {
        let within =
            |p: &Party| p.country.is_none() || p.country == fa.country || p.country == fb.country;
        let mutual_here = trig.frame == Frame::Mutual && focus_here && !reading.with;
        if (mutual_here || reading.passive) && within(&src) && within(&tgt) {
            src = fa.clone();
            tgt = fb.clone();
            rule.push_str(", the interaction in focus");
        }
    }
    // same country on both sides: look for a different one in the sentence
    if src.country.is_some() && src.country == tgt.country {
        let via_first = reading.via.map(|v| v.first);
        if let Some(o) = reading
            .parties
            .iter()
            .find(|(a, _)| a.country != src.country && via_first.is_none_or(|v| v != a.first))
        {
            tgt = Party::of(o.0);
        } else {
            tgt = Party::default();
        }
    }
    // "الجانبان", pronouns, one-sided mentions: the discourse focus
    let both = (sent.first..=sent.last).any(|i| cues.is_written_or_bare(Cue::Both, &toks[i].text));
    // an agreement names its parties: "الاتفاقية" alone is most often an
    // agreement already in force (the nuclear deal), not a new one; so does
    // a summit (its host and the participants named with it)
    let focus = if matches!(trig.kind, EventKind::Agreement | EventKind::Summit) {
        &None
    } else {
        focus
    };
    // دعا هذه اللجنة: the object is named, and no state
    let object_named = trig.verb
        && toks
            .get(tf + 1)
            .is_some_and(|t| t.gap == Gap::Space && cues.is(Cue::Demonstrative, &t.text));
    // اجتماع اللجنة المركزية، الاجتماع الطارئ لمجلسها: a body's own session,
    // but a joint committee is the two states' (اجتماع اللجنة المشتركة)
    let tl = reading.trigger.1;
    let session = !trig.verb
        && matches!(trig.kind, EventKind::Meeting | EventKind::Talks)
        && ((tl + 1)..=(tl + 2).min(sent.last))
            .take_while(|&i| toks[i].gap == Gap::Space)
            .any(|i| {
                let w = strip_conj(&toks[i].text);
                cues.is(Cue::Body, w) || w.strip_prefix('ل').is_some_and(|b| cues.is(Cue::Body, b))
            })
        && !((tl + 1)..=(tl + 4).min(sent.last)).any(|i| toks[i].text.starts_with("المشترك"));
    let open = src.country.is_none() || tgt.country.is_none();
    let named = object_named || reading.counterpart_named;
    if open && !session && !(tgt.country.is_none() && named) {
        if let Some((fa, fb)) = focus {
            let known = src.country.clone().or(tgt.country.clone());
            let fill = match &known {
                Some(k) if fa.country.as_ref() == Some(k) => Some((fa.clone(), fb.clone())),
                Some(k) if fb.country.as_ref() == Some(k) => Some((fb.clone(), fa.clone())),
                // no party named: only an anaphoric trigger (المباحثات، اللقاء،
                // تم بحث) or "الجانبان" speaks of the pair in focus
                None if both || (reading.parties.is_empty() && (anaphoric || reading.passive)) => {
                    Some((fa.clone(), fb.clone()))
                }
                _ => None,
            };
            if let Some((same, other)) = fill {
                if src.country.is_none() && tgt.country.is_none() {
                    src = same;
                    tgt = other;
                } else if src.country.is_none() {
                    src = if tgt.country == same.country {
                        other
                    } else {
                        same
                    };
                } else {
                    tgt = if src.country == same.country {
                        other
                    } else {
                        same
                    };
                }
                rule.push_str(", a party resolved from the discourse focus");
            }
        }
    }
    // وستزور في الأيام المقبلة باريس: a verb with no subject in its sentence
    // has the person the text was speaking of as its subject
    // ... and so has a noun with a counterpart after مع and no party before
    // it (وقال للصحفيين بعد اجتماع مع نظيره من طاجيكستان)
    let subjectless = ((trig.verb && trig.frame == Frame::Agent) || (!trig.verb && reading.with))
        && reading.source.is_none()
        && !reading.parties.iter().any(|(a, _)| a.last < tf);
    if subjectless && src.country.is_none() && tgt.country.is_some() {
        if let Some(t) = topic.filter(|t| t.country.is_some() && t.country != tgt.country) {
            src = t.clone();
            rule.push_str(", the subject carried from the sentence before");
        }
    }
    if src.country.is_none() || tgt.country.is_none() || src.country == tgt.country {
        return None;
    }
    Some((src, tgt))
}

/// The parties of the encounter a definite or demonstrative trigger (اللقاء،
/// هذا الاجتماع، المحادثات) speaks of: the last event of its family
/// (meetings, talks and summits are one family) reported before it, and
/// whether a demonstrative points at it (هذا اللقاء: the parties named
/// around it are those who speak of it).
pub(super) fn antecedent(
    trig: &TriggerInfo,
    tokens: &Tokens,
    first: usize,
    sentence_first: usize,
    before: &[super::RawEvent],
) -> (Focus, bool) {
    use crate::model::EventKind::*;
    let family = |k| match k {
        Meeting | Talks | Summit => 0,
        Visit => 1,
        Call => 2,
        Message => 3,
        Invitation => 4,
        _ => 5,
    };
    if trig.verb || family(trig.kind) == 5 {
        return (None, false);
    }
    let t = strip_conj(&tokens.tokens[first].text);
    let demonstrative = first > sentence_first
        && Cues::builtin().is(
            Cue::Demonstrative,
            strip_conj(&tokens.tokens[first - 1].text),
        );
    if !(t.starts_with("ال") || demonstrative) {
        return (None, false);
    }
    // the same kind first (الاجتماع after a meeting and a planned summit)
    let found = before
        .iter()
        .rev()
        .find(|e| e.kind == trig.kind)
        .or_else(|| {
            before
                .iter()
                .rev()
                .find(|e| family(e.kind) == family(trig.kind))
        })
        .map(|e| (e.source.clone(), e.target.clone()));
    (found, demonstrative)
}

/// The person the text speaks of before a trigger at token `at` of
/// sentence `si`: the first person (with a country) of the sentence
/// before, or of the one before that when the sentence before names none.
pub(super) fn topic_before(
    tokens: &Tokens,
    actors: &[Actor],
    si: usize,
    at: usize,
) -> Option<Party> {
    let _ = at;
    for back in 1..=2 {
        let Some(s) = si.checked_sub(back).map(|k| &tokens.sentences[k]) else {
            break;
        };
        let lo = actors.partition_point(|a| a.first < s.first);
        let first = actors[lo..]
            .iter()
            .take_while(|a| a.first <= s.last)
            .find(|a| a.kind == crate::entities::ActorKind::Person && a.country.is_some());
        if let Some(a) = first {
            return Some(Party::of(a));
        }
    }
    None
}

/// A sentence with no event that names exactly two foreign parties sets the focus.
pub(super) fn focus_of_sentence(actors: &[(&Actor, Mark)]) -> Focus {
    let mut cs: Vec<&Actor> = actors
        .iter()
        .map(|x| x.0)
        .filter(|a| a.country.is_some() && a.kind != crate::entities::ActorKind::Place)
        .collect();
    cs.dedup_by(|a, b| a.country == b.country);
    (cs.len() == 2 && cs[0].country != cs[1].country).then(|| (Party::of(cs[0]), Party::of(cs[1])))
}
