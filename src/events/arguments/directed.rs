//! The last checks on a directed pair: a counterpart named right after the
//! trigger that is no actor at all (ناقش الاتفاقيات مع شركائنا).

use super::Sent;
use crate::events::cues::{Cue, Cues};
use crate::events::{strip_conj, TriggerInfo};
use crate::model::EventKind;
use crate::tokenize::Gap;

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
            let back = ["ه", "ها", "هما", "هم"].iter().any(|p| w.ends_with(p));
            plain(i + 1) && !back && !cues.is(Cue::Head, &w)
        });
    // the first word past the subject
    let object = ((tl + 1)..=(tl + 5).min(last))
        .take_while(|&i| toks[i].gap == Gap::Space)
        .find(|&i| !in_actor(i));
    let praised = trig.kind == EventKind::Praise
        && object.is_some_and(|i| toks[i].text == "بما" || toks[i].text.starts_with("بال"));
    after_with || praised
}
