//! A small statistical named-entity tagger: a linear-chain model
//! (first-order, Viterbi decoding; trained as a CRF) that predicts BIO tags for
//! PERS, LOC, ORG (and MISC, used only internally) over match-normalized
//! [`Token`](crate::tokenize::Token)s. It complements the lexicon and rule
//! based recognizer in [`crate::entities`]: no neural model, no external
//! data at run time.
//!
//! Features (all conjoined with the current tag; hashed to 32-bit ids, no
//! vocabulary is stored): the word, its proclitic-stripped stems
//! ([`crate::tokenize::clitic_splits`], and the stem without the article), prefixes and
//! suffixes of 1-3 characters, a shape class, lexicon flags of the word and
//! of its stems (given name, common word, title, part of a person /
//! country / place / organization / institution form, country adjective),
//! the words, stems and flags of the neighbours at ±1 and ±2 (within the
//! sentence), two word bigrams, the punctuation gaps before and after the
//! token, and distributional word clusters ([`Clusters`], learned from
//! unlabeled news text) of the word, of its core and of its neighbours.
//! Tag transitions are a 10×9 weight matrix (start row included).
//!
//! The model is trained offline (`cargo run --release --example
//! train_tagger -- CONLL OUT`) on ANERcorp and embedded from
//! `src/data/tagger.model`; its binary format is documented in
//! `src/data/README.md`. Tagging is deterministic.
//!
//! The parts: `features` (the templates) reads `stems` (the proclitic
//! readings of a word), `flags` (the lexicon flags of words) and `clusters`
//! (the word clusters), all hashed by `hash`; `model` loads and writes the
//! weights (`binary`: what the model and cluster files share); `emissions`
//! scores each tag of each token, with a per-thread word cache; `decode`
//! finds the best tags (Viterbi) and the spans. This module keeps the tag
//! set, the entity types and spans, and [`prepare`].

mod binary;
mod clusters;
mod decode;
mod emissions;
mod features;
mod flags;
mod hash;
mod model;
mod stems;

pub use binary::{checksum, ModelError};
pub use clusters::{cluster_key, Clusters, NO_CLUSTER, N_LEVELS};
pub use decode::viterbi;
pub use features::{features, Features, FEATURE_VERSION};
pub use model::{write_model, Tagger, MODEL_ENV};

use flags::Flags;

/// Number of BIO tags: O, then B/I for PERS, LOC, ORG, MISC.
pub const NT: usize = 9;
/// Tag names, by tag id.
pub const TAGS: [&str; NT] = [
    "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];

/// The type of an entity the tagger finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityType {
    Person,
    Location,
    Organization,
}

impl EntityType {
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "PERS",
            EntityType::Location => "LOC",
            EntityType::Organization => "ORG",
        }
    }
}

/// A tagged entity: tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub first: usize,
    pub last: usize,
    pub kind: EntityType,
    /// Confidence in (0, 1): a logistic of the smallest per-token margin of
    /// the chosen tag over the best tag of another type (O included).
    /// Heuristic, but monotone.
    pub score: f32,
}

/// Tag id → entity type and whether it begins (B) a span.
pub fn tag_kind(tag: usize) -> Option<(Option<EntityType>, bool)> {
    match tag {
        0 => None,
        1 | 2 => Some((Some(EntityType::Person), tag == 1)),
        3 | 4 => Some((Some(EntityType::Location), tag == 3)),
        5 | 6 => Some((Some(EntityType::Organization), tag == 5)),
        _ => Some((None, tag == 7)),
    }
}

/// The entity class of a tag: 0 O, 1 PERS, 2 LOC, 3 ORG, 4 MISC.
#[inline]
pub fn class(tag: usize) -> usize {
    tag.div_ceil(2)
}

/// Can tag `b` follow tag `a` (`a == NT`: sequence start or after a sentence break)?
#[inline]
pub fn allowed(a: usize, b: usize) -> bool {
    // I-X (even ids) only after B-X or I-X
    if b == 0 || b % 2 == 1 {
        return true;
    }
    a < NT && a != 0 && class(a) == class(b)
}

/// Parse a tag name (`B-PERS`, `I-LOC`, `O`...); unknown types are O.
pub fn tag_id(name: &str) -> usize {
    TAGS.iter().position(|t| *t == name).unwrap_or(0)
}

/// Load the embedded model and the lexicon flags it reads, which the first
/// document would otherwise wait for: a process can do this on a thread of
/// its own while it builds the rest of the engine.
pub fn prepare() {
    Tagger::builtin();
    Flags::builtin();
    Clusters::builtin();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        assert!(allowed(NT, 1));
        assert!(!allowed(NT, 2));
        assert!(allowed(1, 2));
        assert!(allowed(2, 2));
        assert!(!allowed(3, 2));
        assert!(allowed(3, 4));
        assert!(!allowed(0, 4));
        assert!(allowed(5, 6));
        assert!(allowed(7, 8));
    }
}
