//! Clause boundaries inside a sentence: where a quotation, a colon, a
//! bracket or a clause-opening word (قال، فيما، بينما، حيث، إذ) begins a new
//! clause, so that a trigger's subject is looked for in its own clause.

use super::cues::{Cue, Cues};
use super::strip_conj;
use crate::tokenize::{Gap, Tokens};

/// Whether a new clause opens after token `a` and at or before token `b`.
pub(super) fn opens_between(tokens: &Tokens, a: usize, b: usize) -> bool {
    let cues = Cues::builtin();
    let toks = &tokens.tokens;
    ((a + 1)..=b.min(toks.len().saturating_sub(1))).any(|i| {
        let t = &toks[i];
        // a plain quote often wraps one word ("شكره"): only these open a clause
        (t.gap == Gap::Punct && matches!(t.punct, Some('«' | ':' | '(')))
            || (i < b && cues.is(Cue::Clause, &strip_conj(&t.text)))
    })
}

/// Whether the person before token `a` cannot be the one a pronoun on the
/// trigger at `b` speaks of: as [`opens_between`], except that his own verb
/// of saying does not part them, while what is said (أن، إن) does until a
/// comma closes it:
/// "الرئيس التركي قد أكد أثناء زيارته" speaks of the president's visit.
pub(super) fn parts_owner(tokens: &Tokens, a: usize, b: usize) -> bool {
    let cues = Cues::builtin();
    let toks = &tokens.tokens;
    for i in (a + 1)..=b.min(toks.len().saturating_sub(1)) {
        let t = &toks[i];
        if t.gap == Gap::Punct && matches!(t.punct, Some('«' | ':' | '(')) {
            return true;
        }
        if i == b {
            break;
        }
        let w = strip_conj(&t.text);
        // what is said, his or another's (قال الرئيس إن الوزير أكد خلال زيارته),
        // unless a comma closes it first (طلب منه أن تواصل إيران دعمها، وذلك
        // خلال اجتماعه)
        let closed = |from: usize| {
            ((from + 1)..=b).any(|j| matches!(toks[j].punct, Some(',' | '،' | '؛' | ';')))
        };
        // (... and only with a subject of its own: أعرب عن أمله في أن يزور
        // الكويت لإبداء امتنانه is his gratitude)
        let own_subject = toks
            .get(i + 1)
            .is_some_and(|n| !n.text.starts_with(['ي', 'ت', 'ن']));
        if w == "ان" && own_subject && !closed(i) {
            return true;
        }
        // a conjunction (فيما، حيث) parts them, a verb of saying (قال، أكد) not
        if cues.is(Cue::Clause, &w)
            && matches!(w.as_str(), "فيما" | "بينما" | "حيث" | "اذ" | "قوله")
        {
            return true;
        }
    }
    false
}
