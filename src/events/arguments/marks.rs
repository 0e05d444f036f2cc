//! The mark of an actor: the role the preposition or proclitic before it
//! gives it (من from, إلى/لـ to, مع/بـ with, و and, في in, بين/حول topic),
//! looking past the place heads and office heads between them.

use super::Mark;
use crate::entities::{Actor, ActorKind};
use crate::events::cues::{Cue, Cues};
use crate::events::strip_conj;
use crate::tokenize::{Gap, Tokens};

pub(in crate::events) fn mark_of(tokens: &Tokens, a: &Actor) -> Mark {
    let cues = Cues::builtin();
    let t = &tokens.tokens[a.first];
    let w = t.text.as_str();
    // a proclitic on the actor's first token: its last letter is the preposition
    let clitics: String = w.chars().take(a.prefix).collect();
    if w.starts_with("لل") || clitics.ends_with('ل') {
        return Mark::To;
    }
    if clitics.ends_with('ب') {
        return if a.kind == ActorKind::Place {
            Mark::In
        } else {
            Mark::With
        };
    }
    if clitics.starts_with('و') || (a.prefix == 0 && w.starts_with("وال")) {
        return Mark::And;
    }
    if a.first == 0 || t.gap == Gap::Break {
        return Mark::None;
    }
    // look past "العاصمة"/"مدينة" (إلى العاصمة بغداد)
    let mut j = a.first - 1;
    if cues.is(Cue::PlaceHead, &tokens.tokens[j].text)
        && j > 0
        && tokens.tokens[j].gap == Gap::Space
    {
        // في مينسك عاصمة روسيا البيضاء: the state a named place is the
        // capital of is where it is, like the place
        let of_place = tokens.tokens[j].text == "عاصمه"
            && preposition_mark(&tokens.tokens[j - 1].text) == Mark::None
            && head_word(&tokens.tokens[j - 1].text).is_none();
        if of_place {
            return Mark::In;
        }
        j -= 1;
    }
    // look past the office or body the country belongs to (إلى قادة السعودية،
    // لوزيري خارجية مصر): the preposition is before it, or a proclitic on it
    let mut heads = 0;
    while heads < 3 && tokens.tokens[j].gap != Gap::Break {
        let text = tokens.tokens[j].text.as_str();
        let Some(w) = head_word(text) else {
            break;
        };
        heads += 1;
        if let Some(m) = clitic_mark(&text[..text.len() - w.len()]) {
            return m;
        }
        if j == 0 || tokens.tokens[j].gap != Gap::Space {
            return Mark::None;
        }
        j -= 1;
    }
    let p = tokens.tokens[j].text.as_str();
    // نظيره من طاجيكستان: the country is the counterpart's, who has the
    // role the words before the counterpart give (مع نظيره → with)
    if cues.is(Cue::From, p) && j > 0 && tokens.tokens[j].gap == Gap::Space {
        let c = tokens.tokens[j - 1].text.as_str();
        if let Some(at) = c.find("نظير") {
            return clitic_mark(&c[..at]).unwrap_or_else(|| {
                if j >= 2 && tokens.tokens[j - 1].gap == Gap::Space {
                    match preposition_mark(tokens.tokens[j - 2].text.as_str()) {
                        m @ (Mark::With | Mark::To) => m,
                        _ => Mark::None,
                    }
                } else {
                    Mark::None
                }
            });
        }
    }
    // ممثلون عن مصر والسودان، وفد من مصر: the state a delegation is of,
    // who are its people, not a source of what follows; the delegation has
    // the role the preposition before it gives (مع مسؤولين من فرنسا → with).
    // (A delegation with a proclitic keeps من as the source: الزيارة لوفد
    // من وزارة الخارجية السورية is the Syrian delegation's.)
    if cues.is(Cue::From, p) && j > 0 && tokens.tokens[j].gap == Gap::Space {
        let d = tokens.tokens[j - 1].text.as_str();
        if head_word(d).is_some_and(|h| h.len() == d.len()) {
            return if j >= 2 && tokens.tokens[j - 1].gap == Gap::Space {
                preposition_mark(tokens.tokens[j - 2].text.as_str())
            } else {
                Mark::None
            };
        }
    }
    // شكر كل من فرنسا وبريطانيا: "both ... and", an object, no من of origin
    if cues.is(Cue::From, p) && j > 0 && strip_conj(&tokens.tokens[j - 1].text) == "كل" {
        return Mark::With;
    }
    preposition_mark(p)
}

/// The role a proclitic gives the word it is on (لـ to, بـ with, و and).
fn clitic_mark(clitic: &str) -> Option<Mark> {
    if clitic.ends_with('ل') {
        Some(Mark::To)
    } else if clitic.ends_with('ب') {
        Some(Mark::With)
    } else if clitic.starts_with('و') {
        Some(Mark::And)
    } else {
        None
    }
}

/// The role the preposition `p` gives the word after it.
fn preposition_mark(p: &str) -> Mark {
    let cues = Cues::builtin();
    if cues.is(Cue::From, p) {
        Mark::From
    } else if cues.is(Cue::To, p) {
        Mark::To
    } else if cues.is(Cue::With, p) {
        Mark::With
    } else if cues.is(Cue::Topic, p) {
        Mark::Topic
    } else if cues.is(Cue::In, p) {
        Mark::In
    } else {
        Mark::None
    }
}

/// The head noun (قادة، وزيري، حكومة) a word is, without its proclitics
/// (و ف ب ل), as a suffix of the word.
pub(super) fn head_word(w: &str) -> Option<&str> {
    let cues = Cues::builtin();
    let mut rest = w;
    for _ in 0..3 {
        if cues.is(Cue::Head, rest) {
            return Some(rest);
        }
        let mut cs = rest.chars();
        match cs.next() {
            Some('و' | 'ف' | 'ب' | 'ل') if rest.chars().count() > 3 => rest = cs.as_str(),
            _ => return None,
        }
    }
    None
}
