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
