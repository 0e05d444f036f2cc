//! The arguments of one trigger: which of its sentence's actors is the
//! source, the target and the envoy, read from the trigger's frame (agent,
//! host, mutual, noun, owned), the preposition before each actor (من، إلى/لـ،
//! مع، بـ), conveying and receiving verbs (نقل، سلّم، تلقى) and the word order
//! (a subject right before its verb, a genitive right after its noun).

use super::{Frame, TriggerInfo};
use crate::entities::Actor;
use crate::model::EventKind;
use crate::tokenize::Tokens;

mod candidates;
mod conveyed;
mod coordination;
mod destination;
mod directed;
mod frames;
mod marks;
mod noun;
mod parties;
mod settled;
mod summit;
mod visit;

pub(super) use coordination::conjuncts;
pub(super) use marks::mark_of;
pub(super) use summit::host_named;

use candidates::Candidates;
use directed::counterpart_named;
use parties::parties;

/// Role a preposition gives the actor that follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    None,
    From,
    To,
    With,
    And,
    In,
    /// What is talked about (بين X و Y، حول X): not a party.
    Topic,
}

/// A trigger's sentence: its tokens and the actors in it (the trigger's own
/// tokens left out), each with its mark.
pub(super) struct Sent<'a> {
    pub tokens: &'a Tokens,
    pub actors: Vec<(&'a Actor, Mark)>,
    /// By lexicon place: a capital.
    pub capitals: &'a [bool],
    /// The host of the summit the article spoke of before this sentence
    /// (قمة ... التي احتضنتها الظهران), for a definite summit noun that
    /// names only its participants (في كلماتهم أمام القمة).
    pub summit_host: Option<&'a Actor>,
}

/// What the frame reading found for one trigger.
pub(super) struct Reading<'a> {
    pub source: Option<&'a Actor>,
    pub target: Option<&'a Actor>,
    pub via: Option<&'a Actor>,
    /// The parties of the sentence (actors with a country, not places or topics).
    pub parties: Vec<(&'a Actor, Mark)>,
    /// An impersonal trigger (تم بحث، جرى): its parties are the ones in focus.
    pub passive: bool,
    /// A party after the trigger introduced by مع or و.
    pub with: bool,
    /// The counterpart is named right after the trigger and is no state
    /// (ناقش الاتفاقيات مع شركائنا، أشاد بما قاله): the pair in focus does
    /// not fill it.
    pub counterpart_named: bool,
    /// The trigger's token range.
    pub trigger: (usize, usize),
}

/// A source and a target, either of them maybe unread.
type Pair<'a> = (Option<&'a Actor>, Option<&'a Actor>);

/// How far (in tokens) a verb's bare-adjective object may stand from it.
const OBJECT_REACH: usize = 4;

/// How far (in tokens) a noun trigger's arguments may stand from it.
const NOUN_REACH: usize = 8;

/// How far (in tokens) before a noun trigger its agent may stand.
const AGENT_REACH: usize = 12;

/// Read the source, target and envoy of the trigger at `tf..=tl`, or why
/// the trigger cannot be an event here (a visit with no destination).
pub(super) fn read<'a>(
    trig: &TriggerInfo,
    owned: bool,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    rule: &mut String,
) -> Result<Reading<'a>, &'static str> {
    let sent = &s.tokens.sentences[s.tokens.tokens[tf].sentence];
    if let Some(reading) = settled::sides_named(trig, (tf, tl), s, rule) {
        return reading;
    }
    settled::no_state_met(trig, (tf, tl), s)?;
    let c = Candidates::new(trig, (tf, tl), s, parties(trig, tl, s));
    // the frame: a conveying verb after or before the trigger, a receiving
    // verb before it, or else the frame's subject and object
    let (pair, via) = if let Some(cv) = c.convey_after {
        (conveyed::sent_by_relative(cv, &c, rule), None)
    } else if let Some(cv) = c.convey {
        conveyed::conveyed(cv, tf, &c, rule)
    } else if c.receive {
        (conveyed::received(&c, rule), None)
    } else if matches!(trig.frame, Frame::Agent | Frame::Host | Frame::Mutual) {
        (frames::subject_acts(trig, (tf, tl), s, &c, rule), None)
    } else {
        (
            noun::noun_reading(trig, owned, (tf, tl), s, &c, rule)?,
            None,
        )
    };
    let pair = summit::hosted_by(trig, (tf, tl), s, &c, pair, rule);
    let pair = summit::hosted_where_held(trig, tl, s, pair, rule);
    let pair = summit::hosted_before(trig, (tf, tl), s, &c, pair, rule);
    let pair = together(trig, s, pair, rule);
    // visits: the host is where the visitor goes (زيارة دمشق، وصل إلى بغداد)
    let (source, target) = if trig.kind == EventKind::Visit {
        visit::read_visit(trig, (tf, tl), s, &c, pair, rule)?
    } else {
        pair
    };
    let target = directed::counterpart_apart(trig, (tf, tl), s, (source, target), rule);
    Ok(Reading {
        source,
        target,
        via,
        passive: c.passive,
        with: c.with.is_some(),
        parties: c.parties,
        counterpart_named: counterpart_named(trig, (tl, sent.last), s),
        trigger: (tf, tl),
    })
}

/// A joint encounter (meeting, talks, summit, agreement) with one side read
/// and none across: the side's conjunct of another state is the other
/// (اجتمع ممثلون عن مصر والسودان، يستعد ممثلون عن أوكرانيا وروسيا للاجتماع).
fn together<'a>(trig: &TriggerInfo, s: &Sent<'a>, pair: Pair<'a>, rule: &mut String) -> Pair<'a> {
    let (Some(source), None) = pair else {
        return pair;
    };
    if !matches!(
        trig.kind,
        EventKind::Meeting | EventKind::Talks | EventKind::Summit | EventKind::Agreement
    ) || source.country.is_none()
    {
        return pair;
    }
    let other = conjuncts(source, &s.actors, s.tokens)
        .into_iter()
        .find(|a| a.country.is_some() && a.country != source.country);
    match other {
        Some(o) => {
            rule.push_str(", the other side coordinated with the first");
            (Some(source), Some(o))
        }
        None => pair,
    }
}
