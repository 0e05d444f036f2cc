//! Countries the article implies: the kingdom a bare "المملكة" stands for,
//! and the main country given to people no lexicon or title places.

use super::words::bare_word;
use super::{Actor, ActorKind, Annotations, CountryMention, Ctx, HashMap, MentionRef};
use crate::tokenize::Gap;

/// "المملكة " (match-normalized) opening a kingdom's formal name.
pub(super) const KINGDOM: &str = "المملكه ";

/// A bare "المملكة" (بالمملكة، للمملكة) is the kingdom the article names:
/// the one of its kingdoms (by formal name) mentioned most, none when the
/// article names no kingdom or two equally often.
pub(super) fn the_kingdom(ctx: &Ctx, ann: &mut Annotations) {
    let word = KINGDOM.trim_end();
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (i, t) in ctx.tokens.iter().enumerate() {
        if ctx.cover[i].is_some() || !t.text.ends_with(&word["ال".len()..]) {
            continue;
        }
        let w = bare_word(&t.text);
        let conj = t.text.chars().count() - w.chars().count();
        let prefix = match w.strip_suffix(word) {
            Some("" | "ب" | "ك") => conj + w.chars().count() - word.chars().count(),
            // للمملكة: ل + المملكة with its alef dropped
            _ if w == "للمملكه" => conj + 1,
            _ => continue,
        };
        // not the opening of a formal name (المملكة المغربية)
        if ctx.tokens.get(i + 1).is_some_and(|n| {
            n.gap == Gap::Space
                && n.text.starts_with("ال")
                && ctx.r.adjective_keys.contains(&n.text)
        }) {
            continue;
        }
        found.push((i, prefix));
    }
    if found.is_empty() {
        return;
    }
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in &ann.countries {
        if ctx.r.kingdoms.contains(&m.country) {
            match counts.iter_mut().find(|(c, _)| *c == m.country) {
                Some(x) => x.1 += 1,
                None => counts.push((m.country, 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let kingdom = match counts.as_slice() {
        [(_, n), (_, m), ..] if n == m => return,
        [(c, _), ..] => *c,
        [] => return,
    };
    let code = ctx.r.lex.countries[kingdom].code.clone();
    for (i, prefix) in found {
        let at = MentionRef {
            first: i,
            last: i,
            prefix,
            rule: "the kingdom the article names",
        };
        ann.countries.push(CountryMention {
            country: kingdom,
            form: "name",
            at,
        });
        ann.actors.push(Actor {
            first: i,
            last: i,
            kind: ActorKind::Country,
            country: Some(code.clone()),
            person: None,
            role: None,
            place: None,
            prefix,
        });
    }
}

/// A person whose state neither the lexicon nor a title says (a lawyer, a
/// player, a citizen quoted; not a lexicon person without a state, like the
/// UN secretary-general) is taken to be of the article's main country:
/// the country of at least 40% of the country mentions (names, adjectives,
/// capitals). On the development set this guess is right about three times
/// in four where it applies. It gives the person's country only: the
/// actors of events keep the countries their own text gives them.
pub(super) fn main_country_for_people(
    ann: &mut Annotations,
    countries: &[crate::lexicon::Country],
) {
    let mut counts: HashMap<usize, usize> = HashMap::default();
    for c in &ann.countries {
        *counts.entry(c.country).or_default() += 1;
    }
    let total: usize = counts.values().sum();
    // the most mentioned, the first in the lexicon on a tie (deterministic)
    let Some((&main, &n)) = counts
        .iter()
        .max_by_key(|(&c, &n)| (n, std::cmp::Reverse(c)))
    else {
        return;
    };
    if n * 10 < total * 4 {
        return;
    }
    for p in &mut ann.people {
        if p.country.is_none() && p.country_weight == 0 && p.lexicon.is_none() {
            p.country = Some(countries[main].code.clone());
        }
    }
}
