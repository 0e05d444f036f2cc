//! Actors read together: the ones coordinated after a head (X و Y، Z) and
//! the two nationality adjectives after a noun (المباحثات السعودية الأمريكية).

use super::marks::head_word;
use super::Mark;
use crate::entities::{Actor, ActorKind};
use crate::tokenize::{Gap, Tokens};

/// The actors coordinated after `head` (X و Y، Z): each joined to the one
/// before it by و or a comma, with at most three head nouns between them
/// (وزيري خارجية مصر ووزير خارجية الأردن).
pub(in crate::events) fn conjuncts<'a>(
    head: &Actor,
    actors: &[(&'a Actor, Mark)],
    tokens: &Tokens,
) -> Vec<&'a Actor> {
    let toks = &tokens.tokens;
    let mut out: Vec<&'a Actor> = Vec::new();
    let mut prev_last = head.last;
    let mut prev_country = head.country.as_ref();
    let mut prev_adjective = head.kind == ActorKind::Adjective;
    for (a, m) in actors.iter().filter(|(a, _)| a.first > head.last) {
        if a.first <= prev_last {
            continue;
        }
        let between = (prev_last + 1)..a.first;
        if between.len() > 3 || toks[a.first].gap == Gap::Break {
            break;
        }
        // an office and the name of its holder (وأمير الكويت الشيخ صباح
        // الأحمد، الروسي فلاديمير بوتين): one conjunct, the list goes on
        // after the name
        if between.is_empty()
            && a.kind == ActorKind::Person
            && *m == Mark::None
            && toks[a.first].gap == Gap::Space
            && a.country.is_some()
            && a.country.as_ref() == prev_country
        {
            prev_last = a.last;
            continue;
        }
        // where each one is (الحريري في لبنان، ووزير الطاقة الإسرائيلي): passed over
        if *m == Mark::In
            && between.len() <= 1
            && matches!(a.kind, ActorKind::Place | ActorKind::Country)
        {
            prev_last = a.last;
            continue;
        }
        let linked = if between.is_empty() {
            // (a comma alone links no other preposition's actor: ولي العهد
            // الأمير محمد، لمصر; adjectives in a row are one list: اجتماع
            // مصري سوداني إثيوبي)
            *m == Mark::And
                || (prev_adjective
                    && a.kind == ActorKind::Adjective
                    && *m == Mark::None
                    && toks[a.first].gap == Gap::Space)
                || (toks[a.first].punct == Some(',')
                    && !matches!(m, Mark::To | Mark::From | Mark::With))
        } else {
            // بين X وبين Y: the repeated بين links the second side
            let first = &toks[prev_last + 1];
            between
                .clone()
                .all(|i| head_word(&toks[i].text).is_some() || toks[i].text == "وبين")
                && (first.text.starts_with('و') || first.punct == Some(','))
        };
        if !linked {
            break;
        }
        out.push(a);
        prev_last = a.last;
        prev_country = a.country.as_ref();
        prev_adjective = a.kind == ActorKind::Adjective;
    }
    out
}

/// Two nationality adjectives right after a noun trigger (المباحثات
/// السعودية الأمريكية): `Some((a, b))` with the two sides when they differ,
/// `Some((None, None))` when they name one state twice (an internal affair),
/// `None` when the noun is not followed by two adjectives.
#[allow(clippy::type_complexity)]
pub(super) fn nationality_pair<'a>(
    actors: &[(&'a Actor, Mark)],
    tl: usize,
) -> Option<(Option<&'a Actor>, Option<&'a Actor>)> {
    // السعودية is a name and an adjective: the first may be either
    let adj = |at: usize, name: bool| {
        actors
            .iter()
            .find(|(a, _)| {
                a.first == at
                    && (a.kind == ActorKind::Adjective || (name && a.kind == ActorKind::Country))
            })
            .map(|x| x.0)
    };
    let a = adj(tl + 1, true)?;
    let b = adj(a.last + 1, false).or_else(|| adj(a.last + 2, false))?;
    Some(if a.country == b.country {
        (None, None)
    } else {
        (Some(a), Some(b))
    })
}
