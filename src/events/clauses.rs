//! Clause boundaries inside a sentence: where a quotation, a colon, a
//! bracket or a clause-opening word (قال، فيما، بينما، حيث، إذ) begins a new
//! clause, so that a trigger's subject is looked for in its own clause.

use super::cues::{Cue, Cues};
use super::strip_conj;
use crate::tokenize::{Gap, Token, Tokens};

/// Whether a new clause opens after token `a` and at or before token `b`.
pub(super) fn opens_between(tokens: &Tokens, a: usize, b: usize) -> bool {
    let cues = Cues::builtin();
    let toks = &tokens.tokens;
    ((a + 1)..=b.min(toks.len().saturating_sub(1))).any(|i| {
        let t = &toks[i];
        opens_quote(t) || (i < b && cues.is(Cue::Clause, strip_conj(&t.text)))
    })
}

/// A guillemet, a colon or a bracket before the token (a plain quote often
/// wraps one word, "شكره": it opens no clause).
fn opens_quote(t: &Token) -> bool {
    t.gap == Gap::Punct && matches!(t.punct, Some('«' | ':' | '('))
}

/// A comma (or semicolon) before the token.
pub(super) fn after_comma(t: &Token) -> bool {
    matches!(t.punct, Some(',' | '،' | '؛' | ';'))
}

/// Where the clause holding token `b` starts, looking back no further than
/// `floor`: the last token at or before `b` a comma stands before, else
/// `floor` (تحضيرا للقمة المرتقبة، كما أجرى لقاء: the لقاء's clause starts at
/// كما).
pub(super) fn clause_start(tokens: &Tokens, floor: usize, b: usize) -> usize {
    (floor..=b)
        .rev()
        .find(|&i| after_comma(&tokens.tokens[i]))
        .unwrap_or(floor)
}

/// Whether the person before token `a` cannot be the one a pronoun on the
/// trigger at `b` speaks of: as [`opens_between`], except that his own verb
/// of saying does not part them, while what is said (أن، إن) does until a
/// comma closes it:
/// "الرئيس التركي قد أكد أثناء زيارته" speaks of the president's visit.
pub(super) fn parts_owner(tokens: &Tokens, a: usize, b: usize) -> bool {
    let toks = &tokens.tokens;
    for i in (a + 1)..=b.min(toks.len().saturating_sub(1)) {
        let t = &toks[i];
        if opens_quote(t) {
            return true;
        }
        if i == b {
            break;
        }
        let w = strip_conj(&t.text);
        // what is said, his or another's (قال الرئيس إن الوزير أكد خلال زيارته),
        // only with a subject of its own (أعرب عن أمله في أن يزور الكويت لإبداء
        // امتنانه is his gratitude), unless a comma closes it first (طلب منه أن
        // تواصل إيران دعمها، وذلك خلال اجتماعه)
        let said = w == "ان"
            && toks
                .get(i + 1)
                .is_some_and(|n| !n.text.starts_with(['ي', 'ت', 'ن']))
            && !((i + 1)..=b).any(|j| after_comma(&toks[j]));
        // a conjunction of the clause cues (فيما، حيث) parts them, a verb of
        // saying (قال، أكد) does not
        let conjunction = matches!(w, "فيما" | "بينما" | "حيث" | "اذ" | "قوله");
        if said || conjunction {
            return true;
        }
    }
    false
}
