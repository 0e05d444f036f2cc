//! Where a visit goes: a bare place right after the trigger or the visitor
//! (زيارة دمشق), one after إلى/لـ close to it or past the visitor's titles,
//! the place where the visitor is before a visit noun, or what a tour takes
//! in; never where one comes back to.

use super::coordination::conjuncts;
use super::{Mark, Sent, NOUN_REACH};
use crate::entities::{Actor, ActorKind};
use crate::events::cues::{Cue, Cues};
use crate::events::{clauses, strip_conj, TriggerInfo};
use crate::tokenize::{Gap, Sentence, Token};

/// The destination of the visit at `tf..=tl` whose visitor is `source`.
pub(super) fn destination<'a>(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    source: Option<&'a Actor>,
) -> Option<&'a Actor> {
    let sent = &s.tokens.sentences[s.tokens.tokens[tf].sentence];
    let (visitors, visitors_last) = visitors(trig, tl, s, source);
    // a To-destination stands close to the trigger or to the visitor named after it
    let reach_from = visitors_last
        .or(source.filter(|v| v.first > tl).map(|v| v.last))
        .unwrap_or(tl);
    let bare = bare(tl, s, sent, &visitors, visitors_last);
    let marked = marked(tl, s, reach_from).or_else(|| far(trig, tl, s, source, reach_from));
    match (bare, marked) {
        (Some(b), Some(m)) => Some(if m.first < b.first { m } else { b }),
        (b, m) => b.or(m),
    }
    .or_else(|| where_visitor_is(trig, tf, s, source))
    .or_else(|| tour_stop(tl, s, sent))
}

/// A place, or a capital named by its state's adjective (إلى العاصمة التركية).
fn place_like(toks: &[Token], a: &Actor) -> bool {
    // (إلى العاصمة التركية: the capital named by its state's adjective)
    matches!(a.kind, ActorKind::Place | ActorKind::Country)
        || (a.kind == ActorKind::Adjective
            && a.first > 0
            && toks[a.first].gap == Gap::Space
            && Cues::builtin().is(Cue::PlaceHead, strip_conj(&toks[a.first - 1].text)))
}

/// The first tokens of the visitor named after a visit verb and of those
/// coordinated with it, and the last token of the last of them.
fn visitors(
    trig: &TriggerInfo,
    tl: usize,
    s: &Sent,
    source: Option<&Actor>,
) -> (Vec<usize>, Option<usize>) {
    // never the visitor itself or those coordinated with it (وصل قادة مصر
    // والأردن إلى الرياض); a bare object right after the visitor
    // (يزور رئيس الوزراء الهندي الإمارات)
    let mut visitors: Vec<usize> = Vec::new();
    let mut visitors_last = None;
    if let Some(v) = source.filter(|v| trig.verb && v.first > tl) {
        visitors.push(v.first);
        visitors_last = Some(v.last);
        for c in conjuncts(v, &s.actors, s.tokens) {
            visitors.push(c.first);
            visitors_last = Some(c.last);
        }
    }
    (visitors, visitors_last)
}

/// A day of the week at token `i` of the sentence.
fn day_at(toks: &[Token], sent: &Sentence, i: usize) -> bool {
    i <= sent.last && Cues::builtin().is(Cue::Day, &toks[i].text)
}

/// A comma that closes or opens a day (يزور الرئيس الروسي بوتين، الثلاثاء، تركيا).
fn day_comma(toks: &[Token], sent: &Sentence, i: usize) -> bool {
    (day_at(toks, sent, i) && i < sent.last && toks[i + 1].punct == Some(','))
        || (i > sent.first && day_at(toks, sent, i - 1) && toks[i - 1].punct == Some(','))
}

/// A bare place close after the trigger ending at `tl` or after the
/// visitors, with no comma between but around a day.
fn bare<'a>(
    tl: usize,
    s: &Sent<'a>,
    sent: &Sentence,
    visitors: &[usize],
    visitors_last: Option<usize>,
) -> Option<&'a Actor> {
    let cues = Cues::builtin();
    let toks = &s.tokens.tokens;
    // a day between commas (يزور الرئيس الروسي بوتين، الثلاثاء، تركيا)
    let day_between = |l: usize, f: usize| {
        f == l + 2 && day_at(toks, sent, l + 1) && day_comma(toks, sent, l + 1)
    };
    // the nearer of a bare place (زيارة دمشق) and one after إلى/لـ (خلال
    // زيارة لموسكو مؤخرا، بأن واشنطن): a bare one past a comma is not
    s.actors
        .iter()
        .find(|(a, m)| {
            a.first > tl
                && !visitors.contains(&a.first)
                && place_like(toks, a)
                && *m == Mark::None
                && (a.first <= tl + 4
                    || visitors_last.is_some_and(|l| {
                        l + 1 == a.first
                            || day_between(l, a.first)
                            // one descriptor after the visitor's office (سيزور
                            // وزير الخارجية الأمريكي الجديد إسرائيل)
                            || (l + 2 == a.first
                                && toks[l + 1].text.starts_with("ال")
                                && !cues.is(Cue::PlaceHead, &toks[l + 1].text))
                    }))
                && !((tl + 1)..=a.first)
                    .any(|i| toks[i].punct == Some(',') && !day_comma(toks, sent, i))
        })
        .map(|x| x.0)
}

/// ... not where one comes back to (اختصر جولته وعاد إلى واشنطن)
fn back(toks: &[Token], a: &Actor) -> bool {
    (a.first.saturating_sub(3)..a.first)
        .any(|i| Cues::builtin().is(Cue::Return, strip_conj(&toks[i].text)))
}

/// A place after إلى/لـ close to the trigger ending at `tl` or to the
/// visitor (ending at `reach_from`).
fn marked<'a>(tl: usize, s: &Sent<'a>, reach_from: usize) -> Option<&'a Actor> {
    let toks = &s.tokens.tokens;
    s.actors
        .iter()
        .find(|(a, m)| {
            a.first > tl
                && a.first <= reach_from + NOUN_REACH
                && place_like(toks, a)
                && *m == Mark::To
                && !back(toks, a)
        })
        .map(|x| x.0)
}

/// A place after إلى/لـ past the titles of a noun's visitor.
fn far<'a>(
    trig: &TriggerInfo,
    tl: usize,
    s: &Sent<'a>,
    source: Option<&'a Actor>,
    reach_from: usize,
) -> Option<&'a Actor> {
    let toks = &s.tokens.tokens;
    // ... or further on, past the visitor's titles (بزيارة الأمير محمد بن
    // سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع
    // للأردن), when nothing but words stands between: no comma, no other
    // actor, no new clause
    // (a noun's visitor named after it: its titles may run long)
    if trig.verb || source.is_none_or(|v| v.first <= tl) {
        return None;
    }
    // (the visitor's own offices and bodies on the way are his titles)
    let own = source.and_then(|v| v.country.clone());
    let far = s.actors.iter().find(|(a, _)| {
        a.first > reach_from
            && !(a.country == own
                || (a.country.is_none()
                    && matches!(
                        a.kind,
                        ActorKind::Office | ActorKind::Organization | ActorKind::Person
                    )))
    })?;
    let (a, m) = far;
    (a.first <= reach_from + 2 * NOUN_REACH
        && place_like(toks, a)
        && *m == Mark::To
        && !back(toks, a)
        // (commas only around an apposition, the destination right
        // after the last: ولي العهد، وزير الدفاع الأمير محمد، لمصر)
        && !((reach_from + 1)..=a.first).any(|i| {
            toks[i].punct.is_some()
                && !(clauses::after_comma(&toks[i]) && clauses::after_comma(&toks[a.first]))
        })
        && !clauses::opens_between(s.tokens, reach_from, a.first))
    .then_some(*a)
}

/// أجرى محادثات في الخرطوم ... في مستهل زيارة رسمية: the place where the
/// visitor is, named before a visit noun, is its host.
fn where_visitor_is<'a>(
    trig: &TriggerInfo,
    tf: usize,
    s: &Sent<'a>,
    source: Option<&'a Actor>,
) -> Option<&'a Actor> {
    if trig.verb {
        return None;
    }
    s.actors
        .iter()
        .rev()
        .find(|(a, m)| {
            a.last < tf
                && a.last + NOUN_REACH + 2 >= tf
                && *m == Mark::In
                && a.kind == ActorKind::Place
                && source.is_some_and(|v| v.country.is_some() && v.country != a.country)
                && !clauses::opens_between(s.tokens, a.last, tf)
        })
        .map(|x| x.0)
}

/// جولة شملت السعودية والأردن: what a tour takes in.
fn tour_stop<'a>(tl: usize, s: &Sent<'a>, sent: &Sentence) -> Option<&'a Actor> {
    let toks = &s.tokens.tokens;
    let inc = ((tl + 1)..=(tl + 4).min(sent.last))
        .find(|&i| Cues::builtin().is(Cue::Includes, strip_conj(&toks[i].text)))?;
    s.actors
        .iter()
        .find(|(a, _)| a.first > inc && a.first <= inc + 4 && place_like(toks, a))
        .map(|x| x.0)
}
