//! What a trigger's frame is read from: the parties before and after the
//! trigger, the actors each preposition marks (من، إلى/لـ، مع/و), the
//! subjects before and after it, and the conveying and receiving verbs
//! near it.

use super::{Mark, Sent, NOUN_REACH, OBJECT_REACH};
use crate::entities::{Actor, ActorKind};
use crate::events::cues::{Cue, Cues};
use crate::events::{clauses, strip_conj, TriggerInfo};
use crate::model::EventKind;
use crate::tokenize::Gap;

/// The candidates for a trigger's source, target and envoy.
pub(super) struct Candidates<'a> {
    /// The parties of the sentence (see `parties::parties`).
    pub(super) parties: Vec<(&'a Actor, Mark)>,
    /// The parties that end before the trigger.
    pub(super) before: Vec<(&'a Actor, Mark)>,
    /// The parties that start after the trigger.
    pub(super) after: Vec<(&'a Actor, Mark)>,
    /// A receiving verb (تلقى) right before the trigger.
    pub(super) receive: bool,
    /// A conveying verb (نقل، سلّم) before a message, an invitation or praise.
    pub(super) convey: Option<usize>,
    /// A conveying verb right after a message noun (الرسالة التي بعثتها).
    pub(super) convey_after: Option<usize>,
    /// The actor after من right after the trigger (or right before it).
    pub(super) from: Option<&'a Actor>,
    /// The first actor after إلى/لـ after the trigger.
    pub(super) to_after: Option<&'a Actor>,
    /// The last actor after إلى/لـ before the trigger.
    pub(super) to_before: Option<&'a Actor>,
    /// The first actor after مع/بـ or و after the trigger.
    pub(super) with: Option<&'a Actor>,
    /// An impersonal trigger (تم بحث، جرى).
    pub(super) passive: bool,
    /// The first bare actor after the trigger.
    pub(super) subject_after: Option<&'a Actor>,
    /// The last bare actor before the trigger, in its clause.
    pub(super) subject_before: Option<&'a Actor>,
    /// The subject right before the verb (SVO).
    pub(super) adjacent_subject: Option<&'a Actor>,
}

impl<'a> Candidates<'a> {
    pub(super) fn new(
        trig: &TriggerInfo,
        (tf, tl): (usize, usize),
        s: &Sent<'a>,
        parties: Vec<(&'a Actor, Mark)>,
    ) -> Self {
        let cues = Cues::builtin();
        let toks = &s.tokens.tokens;
        let sent = &s.tokens.sentences[toks[tf].sentence];
        let before: Vec<(&Actor, Mark)> = parties
            .iter()
            .copied()
            .filter(|(a, _)| a.last < tf)
            .collect();
        let after: Vec<(&Actor, Mark)> = parties
            .iter()
            .copied()
            .filter(|(a, _)| a.first > tl)
            .collect();
        // a cue word as written or without its conjunction (the و of وجهها
        // is its root's)
        let cue_at = |cue: Cue, i: usize| cues.is_written_or_bare(cue, &toks[i].text);
        let near = |cue: Cue, from: usize, to: usize| -> Option<usize> {
            (from..to).rev().find(|&i| cue_at(cue, i))
        };

        let receive = near(Cue::Receive, tf.saturating_sub(4).max(sent.first), tf).is_some();
        let conveys = matches!(
            trig.kind,
            EventKind::Message | EventKind::Invitation | EventKind::Praise
        );
        let convey = if conveys {
            near(Cue::Convey, tf.saturating_sub(14).max(sent.first), tf)
        } else {
            None
        };
        // "الرسالة التي بعثتها X إلى Y": a conveying verb right after the noun
        let convey_after = if conveys && !trig.verb {
            ((tl + 1)..=(tl + 3).min(sent.last)).find(|&i| cue_at(Cue::Convey, i))
        } else {
            None
        };
        // من X: the actor right after the trigger (or right before it)
        let from = after
            .first()
            .filter(|(_, m)| *m == Mark::From)
            .or_else(|| {
                after
                    .get(1)
                    .filter(|(_, m)| *m == Mark::From)
                    .filter(|_| after[0].1 == Mark::To)
            })
            .filter(|(a, _)| a.first <= tl + NOUN_REACH)
            // (جولة يستهلها من بكين: the first stop of a tour, not where the
            // traveller comes from)
            .filter(|(a, _)| {
                !((tl + 1)..a.first).any(|i| cues.is(Cue::Start, strip_conj(&toks[i].text)))
            })
            .or_else(|| {
                before
                    .last()
                    .filter(|(a, m)| *m == Mark::From && a.last + 4 >= tf)
            })
            .map(|x| x.0);
        let to_after = after.iter().find(|(_, m)| *m == Mark::To).map(|x| x.0);
        let to_before = before
            .iter()
            .rev()
            .find(|(_, m)| *m == Mark::To)
            .map(|x| x.0);
        let with = after
            .iter()
            .find(|(_, m)| matches!(m, Mark::With | Mark::And))
            .map(|x| x.0);
        let passive = tf > sent.first && cues.is(Cue::Passive, strip_conj(&toks[tf - 1].text));
        let subject_after = after.iter().find(|(_, m)| *m == Mark::None).map(|x| x.0);
        // the subject before the trigger stands in its clause (not before a
        // quote, a colon or a "قال"): clauses::opens_between
        let subject_before = before
            .iter()
            .rev()
            .find(|(_, m)| *m == Mark::None)
            .map(|x| x.0)
            .filter(|a| !clauses::opens_between(s.tokens, a.last, tf));
        // SVO: the subject right before the verb (أن الأسد استقبل الفياض)
        let adjacent_subject = subject_before.filter(|a| {
            (a.last + 1 == tf && (toks[tf].gap == Gap::Space || toks[tf].punct == Some(',')))
                || (a.last + 2 == tf && cues.is(Cue::Particle, strip_conj(&toks[tf - 1].text)))
        });
        Candidates {
            parties,
            before,
            after,
            receive,
            convey,
            convey_after,
            from,
            to_after,
            to_before,
            with,
            passive,
            subject_after,
            subject_before,
            adjacent_subject,
        }
    }

    /// The object: the nearest actor after the trigger ending at `tl` that
    /// can be one, past the subject's appositions (هنأ العاهل السعودي الملك
    /// سلمان رؤساء مصر)
    pub(super) fn object(&self, subject: Option<&Actor>, tl: usize) -> Option<&'a Actor> {
        let after = &self.after;
        // an object stands close to its verb, or to the subject after it,
        // past the subject's appositions (ولي العهد السعودي الأمير محمد بن
        // سلمان); a bare adjective further on belongs to some other noun
        // (أشاد بوتين بالجهود الأوروبية لإنقاذ الاتفاق النووي الإيراني),
        // while a person or an office may stand after a parenthesis
        // (استقبل الملك سلمان - حفظه الله - في قصر السلام أمس، وزير ...)
        let mut from = subject.filter(|s| s.first > tl).map_or(tl, |s| s.last);
        if let Some(sub) = subject.filter(|s| s.first > tl) {
            for (b, _) in after.iter().filter(|(b, _)| b.first > sub.last) {
                if b.country != sub.country || b.first > from + 2 {
                    break;
                }
                from = b.last;
            }
        }
        after
            .iter()
            .find(|(a, m)| {
                Some(a.first) != subject.map(|s| s.first)
                    && !subject.is_some_and(|s| s.first > tl && s.country == a.country)
                    && matches!(m, Mark::None | Mark::To | Mark::With | Mark::And)
                    && (a.first <= from + OBJECT_REACH
                        || matches!(a.kind, ActorKind::Person | ActorKind::Office)
                        || (a.kind != ActorKind::Adjective && a.first <= from + NOUN_REACH))
            })
            .map(|x| x.0)
    }
}

/// The first token of an actor, if any.
pub(super) fn first_of(a: Option<&Actor>) -> Option<usize> {
    a.map(|a| a.first)
}
