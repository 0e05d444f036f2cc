//! What settles a trigger before its frame is read: the sides it names
//! outright (الجانبان، بين X و Y), or a counterpart that is no state (an
//! outlet in quotes, a session of an international body, a news outlet or a
//! company).

use super::coordination::conjuncts;
use super::parties::non_state;
use super::{Mark, Reading, Sent};
use crate::entities::{Actor, ActorKind};
use crate::events::cues::{Cue, Cues};
use crate::events::{strip_conj, TriggerInfo};
use crate::model::EventKind;
use crate::tokenize::Gap;

/// The reading of a trigger whose sides are named outright, if they are.
pub(super) fn sides_named<'a>(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    rule: &mut String,
) -> Option<Result<Reading<'a>, &'static str>> {
    let cues = Cues::builtin();
    let toks = &s.tokens.tokens;
    let sent = &s.tokens.sentences[toks[tf].sentence];
    // سيبحث الجانبان ... سوريا وإيران: the two sides are the pair spoken of,
    // the countries after them are what they talk about
    if trig.verb
        && tl < sent.last
        && cues.is(Cue::Both, &toks[tl + 1].text)
        && toks[tl + 1].gap == Gap::Space
    {
        rule.push_str(", the two sides spoken of (الجانبان)");
        return Some(Ok(outright((None, None), true, (tf, tl))));
    }
    // مفاوضات بين X و Y: the two sides, both states or no event
    let joint = matches!(
        trig.kind,
        EventKind::Talks | EventKind::Meeting | EventKind::Agreement | EventKind::Summit
    );
    if !joint {
        return None;
    }
    let b = ((tl + 1)..=(tl + 3).min(sent.last))
        .find(|&i| matches!(toks[i].text.as_str(), "بين" | "وبين"))?;
    let first = s
        .actors
        .iter()
        .find(|(a, _)| a.first > b && a.first <= b + 3)
        .map(|x| x.0);
    let x = first.filter(|a| a.country.is_some() && !non_state(s.tokens, a))?;
    let next = conjuncts(x, &s.actors, s.tokens)
        .into_iter()
        .find(|y| y.country.is_some() && y.country != x.country);
    // a second side that no actor covers is not a state (ممثلي محافظة درعا)
    let Some(y) = next.filter(|y| !non_state(s.tokens, y)) else {
        return Some(Err("between a state and a side that is not one"));
    };
    rule.push_str(", the two sides after بين");
    Some(Ok(outright((Some(x), Some(y)), false, (tf, tl))))
}

/// The reading of sides named outright: the pair in focus (`passive`,
/// الجانبان) or the two sides of بين, with no other parties.
fn outright<'a>(
    (source, target): (Option<&'a Actor>, Option<&'a Actor>),
    passive: bool,
    trigger: (usize, usize),
) -> Reading<'a> {
    Reading {
        source,
        target,
        via: None,
        parties: vec![],
        passive,
        with: !passive,
        counterpart_named: false,
        trigger,
    }
}

/// Why the counterpart of a noun trigger is no state, if it is not one.
pub(super) fn no_state_met(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    s: &Sent,
) -> Result<(), &'static str> {
    let cues = Cues::builtin();
    let toks = &s.tokens.tokens;
    let sent = &s.tokens.sentences[toks[tf].sentence];
    // في اتصال هاتفي مع "الوطن": a name in quotes is an outlet's, never a state's
    if !trig.verb {
        let with_at = ((tl + 1)..=(tl + 2).min(sent.last))
            .find(|&i| cues.is(Cue::With, strip_conj(&toks[i].text)));
        if let Some(w) = with_at.filter(|&w| w < sent.last) {
            let next = &toks[w + 1];
            if next.gap == Gap::Punct && matches!(next.punct, Some('"' | '«' | '“')) {
                return Err("with a name in quotes: an outlet, not a state");
            }
        }
    }
    // a meeting or talks of an international body (اجتماع مجلس الأمن، اجتماع
    // اليوم في مجلس الأمن): a session, not an encounter of two states
    if matches!(trig.kind, EventKind::Meeting | EventKind::Talks)
        && !trig.verb
        && s.actors.iter().any(|(a, m)| {
            a.first > tl
                && a.first <= tl + 4
                && a.kind == ActorKind::Organization
                && a.role.as_deref() == Some("international")
                && matches!(m, Mark::None | Mark::In | Mark::To | Mark::With)
        })
    {
        return Err("a session of an international body");
    }
    // في لقاء مع بي بي سي: an interview; a meeting with a company: business
    if !trig.verb
        && s.actors.iter().any(|(a, m)| {
            a.first > tl && a.first <= tl + 2 && *m == Mark::With && non_state(s.tokens, a)
        })
    {
        return Err("with a news outlet or a company, not a state");
    }
    Ok(())
}
