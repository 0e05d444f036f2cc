//! The last checks on a directed pair: a counterpart coordinated with the
//! source (سفراء السعودية والإمارات), and one named right after the trigger
//! that is no actor at all (ناقش الاتفاقيات مع شركائنا).

use super::coordination::conjuncts;
use super::{Pair, Sent};
use crate::entities::Actor;
use crate::events::cues::{Cue, Cues};
use crate::events::{pronoun_suffixed, strip_conj, TriggerInfo};
use crate::model::EventKind;
use crate::tokenize::Gap;

/// The target of a directed interaction, none when the counterpart read is
/// coordinated with the source.
pub(super) fn counterpart_apart<'a>(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    (source, target): Pair<'a>,
    rule: &mut String,
) -> Option<&'a Actor> {
    let toks = &s.tokens.tokens;
    let sent = &s.tokens.sentences[toks[tf].sentence];
    // رسالة رد فيها سفراء السعودية والإمارات: those coordinated with the
    // sender send with it; a directed interaction needs a counterpart apart
    let directed = !matches!(
        trig.kind,
        EventKind::Meeting | EventKind::Talks | EventKind::Summit | EventKind::Agreement
    );
    // (اتصال هاتفي بين ماكرون وماي: the two sides of بين are coordinated)
    let is_between = |i: usize| matches!(toks[i].text.as_str(), "بين" | "وبين");
    let after_between = ((tl + 1)..=(tl + 3).min(sent.last)).any(is_between);
    let sides = (directed && !after_between)
        .then_some((source, target))
        .and_then(|(s, t)| s.zip(t))
        .filter(|(src, _)| !(src.first.saturating_sub(3)..src.first).any(is_between));
    if let Some((src, tgt)) = sides {
        let with_source = s
            .actors
            .iter()
            .filter(|(a, _)| a.country.is_some() && a.country == src.country && a.first < tgt.first)
            .any(|(a, _)| {
                conjuncts(a, &s.actors, s.tokens)
                    .iter()
                    .any(|c| c.first == tgt.first)
            });
        if with_source {
            rule.push_str(", the counterpart read is coordinated with the source");
            return None;
        }
    }
    target
}

/// Whether the counterpart of the trigger ending at `tl` is named right
/// after it and is no actor at all: a noun after مع (ناقش الاتفاقيات مع
/// شركائنا, but not one that points back: مع حليفتها), a thing praised
/// (أشاد بما قاله، أشاد بالاتفاق). An office with no country (التقى بالرئيس)
/// or نظيره is an actor, and may take its state from the discourse.
pub(super) fn counterpart_named(trig: &TriggerInfo, (tl, last): (usize, usize), s: &Sent) -> bool {
    let cues = Cues::builtin();
    let toks = &s.tokens.tokens;
    let in_actor = |i: usize| s.actors.iter().any(|(a, _)| a.first <= i && i <= a.last);
    let plain = |i: usize| toks[i].gap == Gap::Space && !in_actor(i);
    let after_with = ((tl + 1)..=(tl + 6).min(last))
        .take_while(|&i| toks[i].gap == Gap::Space)
        .find(|&i| cues.is(Cue::With, &toks[i].text))
        .filter(|&i| i < last)
        .is_some_and(|i| {
            // ... not a noun that points back (مع حليفتها، مع نظيره)
            let w = strip_conj(&toks[i + 1].text);
            // ... nor a head noun a state follows (مع قادة السعودية); one
            // that no state follows names its side (مع قادة عسكريين: its ة,
            // written ه once normalized, is no pronoun)
            let head = cues.is(Cue::Head, w);
            let back = !head && pronoun_suffixed(w);
            // (a definite word after the head is more of the office: مع رئيسة
            // الوزراء تيريزا ماي)
            let unnamed_state =
                |j: usize| j <= last && plain(j) && !strip_conj(&toks[j].text).starts_with("ال");
            plain(i + 1) && !back && (!head || unnamed_state(i + 2))
        });
    // the first word past the subject
    let object = ((tl + 1)..=(tl + 5).min(last))
        .take_while(|&i| toks[i].gap == Gap::Space)
        .find(|&i| !in_actor(i));
    let praised = trig.kind == EventKind::Praise
        && object.is_some_and(|i| toks[i].text == "بما" || toks[i].text.starts_with("بال"));
    after_with || praised
}
