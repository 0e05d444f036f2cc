//! Which actors of a trigger's sentence can be its parties: states and their
//! people, offices and bodies, not news agencies, companies, teams or topics.

use super::{Mark, Sent};
use crate::entities::{Actor, ActorKind};
use crate::events::cues::{Cue, Cues};
use crate::events::{strip_conj, TriggerInfo};
use crate::model::EventKind;
use crate::tokenize::{Gap, Tokens};

/// The parties of the sentence of the trigger ending at `tl`: actors with a
/// country, not places (but capitals), venues, topics or non-state actors.
pub(super) fn parties<'a>(trig: &TriggerInfo, tl: usize, s: &Sent<'a>) -> Vec<(&'a Actor, Mark)> {
    s.actors
        .iter()
        .copied()
        .filter(|(a, m)| {
            // a capital stands for its government when it is no mere location
            // (not a venue naming the talks: مفاوضات أستانا، محادثات جنيف)
            let capital = a.kind == ActorKind::Place
                && *m != Mark::In
                && (trig.verb || a.first != tl + 1)
                && !(a.first > 0
                    && Cues::builtin().is(
                        Cue::VenueHead,
                        strip_conj(&s.tokens.tokens[a.first - 1].text),
                    ))
                && a.place
                    .is_some_and(|p| s.capitals.get(p).copied().unwrap_or(false));
            // التقى الرئيسان بفيتنام، لقاءهما التاريخي صباح الثلاثاء في
            // سنغافورة: people meet in a country, not with it
            // (... and a summit: قمة سنغافورة spoken of at a base in Japan)
            let venue = matches!(
                trig.kind,
                EventKind::Meeting | EventKind::Talks | EventKind::Summit
            ) && a.kind == ActorKind::Country
                && ((a.prefix > 0
                    && s.tokens.tokens[a.first]
                        .text
                        .chars()
                        .nth(a.prefix - 1)
                        .is_some_and(|c| c == 'ب'))
                    || (*m == Mark::In && a.first > tl + 2));
            (a.kind != ActorKind::Place || capital)
                && !venue
                && a.country.is_some()
                && *m != Mark::Topic
                && !non_state(s.tokens, a)
        })
        .collect()
}

/// An actor that is not a state's side: a news agency or a company, or a
/// country adjective that belongs to one, or to a club or a team (شركة
/// توتال الفرنسية، فريق الهلال السعودي).
pub(super) fn non_state(tokens: &Tokens, a: &Actor) -> bool {
    let cues = Cues::builtin();
    let toks = &tokens.tokens;
    // a footballer or a poet, and the nationality adjective before them
    if a.role.as_deref() == Some("private") {
        return true;
    }
    match a.kind {
        // news agencies report, companies trade: neither is a state's side
        ActorKind::Organization if matches!(a.role.as_deref(), Some("agency" | "company")) => {
            return true
        }
        // المعارض السوري رياض الترك: the descriptor opens the person's span
        // (الفريق before a person's name is a general's rank, not a team)
        // (... or a word of it: رجل الأعمال الأمريكي إليوت برويدي; but المنتخب
        // in a title is "elected": الرئيس المكسيكي المنتخب)
        ActorKind::Person
            if (a.first..=a.last).any(|i| {
                let w = strip_conj(&toks[i].text);
                cues.is(Cue::NonState, w)
                    && !matches!(w, "الفريق" | "فريق")
                    && !(i > a.first && matches!(w, "المنتخب" | "منتخب" | "المنتخبه"))
            }) =>
        {
            return true
        }
        ActorKind::Adjective | ActorKind::Country | ActorKind::Person => {}
        ActorKind::Organization if cues.is(Cue::NonState, strip_conj(&toks[a.first].text)) => {
            return true
        }
        ActorKind::Organization => {}
        _ => return false,
    }
    // ... or a topic's (الملفات السورية والإيرانية، الأزمة الليبية), for an
    // adjective: a name after a topic noun is a genitive (أزمة سوريا) too,
    // but also a party's (الملف مع إيران), so names stay
    // ... a name right after the topic noun is its genitive (قضية كوريا الشمالية)
    let topic_too = a.kind == ActorKind::Adjective;
    // ... and a state named as where the topic is (ناقشا الوضع في سوريا
    // وأوكرانيا), itself or coordinated with the first
    if a.kind == ActorKind::Country {
        let coordinated = a.prefix > 0 && toks[a.first].text.starts_with('و');
        let mut j = a.first;
        while j > a.first.saturating_sub(4) && j > 1 && toks[j].gap == Gap::Space {
            j -= 1;
            let w = strip_conj(&toks[j].text);
            if w == "في"
                && (j + 1 == a.first || coordinated)
                && cues.is(Cue::TopicHead, strip_conj(&toks[j - 1].text))
            {
                return true;
            }
            if matches!(w, "مع" | "من" | "الي" | "بين" | "عن") {
                break;
            }
        }
    }
    let lo = a.first.saturating_sub(3);
    let mut i = a.first;
    while i > lo && toks[i].gap == Gap::Space {
        i -= 1;
        let w = strip_conj(&toks[i].text);
        let topic =
            (topic_too || (i + 1 == a.first && a.prefix == 0)) && cues.is(Cue::TopicHead, w);
        if cues.is(Cue::NonState, w) || topic {
            return true;
        }
    }
    false
}
