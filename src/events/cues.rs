//! The cue words event extraction reads around a trigger (conveying and
//! receiving verbs, "both parties", planned, wished-for, negated and refuted
//! interactions, passive auxiliaries, prepositions): data in
//! `src/data/event_cues.tsv`, loaded once and normalized for matching.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::normalize::Normalizer;

/// What a cue word tells about the trigger near it (the `cue` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Convey,
    Receive,
    Both,
    Planned,
    Wish,
    Negation,
    Denial,
    Refutation,
    Passive,
    Particle,
    From,
    To,
    With,
    Topic,
    In,
    PlaceHead,
    Head,
    NonState,
    Sport,
    Clause,
    InviteObject,
    VenueHead,
    NotGuest,
    Figurative,
    AgreementObject,
    Demonstrative,
    Coming,
    Includes,
    TopicHead,
    AgreedObject,
    Idiom,
    Light,
    InForce,
    Grief,
    Abstract,
    HereBefore,
    HereAfter,
    Return,
    Recall,
    Relative,
    Undertake,
    Day,
    Pending,
    Conditional,
    Body,
    Held,
    Price,
    ContactOpener,
    Hosts,
    Start,
    AgreedUndertaking,
    Discusses,
    Aspect,
}

impl Cue {
    const ALL: [(&'static str, Cue); 53] = [
        ("convey", Cue::Convey),
        ("receive", Cue::Receive),
        ("both", Cue::Both),
        ("planned", Cue::Planned),
        ("wish", Cue::Wish),
        ("negation", Cue::Negation),
        ("denial", Cue::Denial),
        ("refutation", Cue::Refutation),
        ("passive", Cue::Passive),
        ("particle", Cue::Particle),
        ("from", Cue::From),
        ("to", Cue::To),
        ("with", Cue::With),
        ("topic", Cue::Topic),
        ("in", Cue::In),
        ("place_head", Cue::PlaceHead),
        ("head", Cue::Head),
        ("nonstate", Cue::NonState),
        ("sport", Cue::Sport),
        ("clause", Cue::Clause),
        ("invite_object", Cue::InviteObject),
        ("venue_head", Cue::VenueHead),
        ("not_guest", Cue::NotGuest),
        ("figurative", Cue::Figurative),
        ("agreement_object", Cue::AgreementObject),
        ("demonstrative", Cue::Demonstrative),
        ("coming", Cue::Coming),
        ("includes", Cue::Includes),
        ("topic_head", Cue::TopicHead),
        ("agreed_object", Cue::AgreedObject),
        ("idiom", Cue::Idiom),
        ("light", Cue::Light),
        ("in_force", Cue::InForce),
        ("grief", Cue::Grief),
        ("abstract", Cue::Abstract),
        ("here_before", Cue::HereBefore),
        ("here_after", Cue::HereAfter),
        ("return", Cue::Return),
        ("recall", Cue::Recall),
        ("relative", Cue::Relative),
        ("undertake", Cue::Undertake),
        ("day", Cue::Day),
        ("pending", Cue::Pending),
        ("conditional", Cue::Conditional),
        ("body", Cue::Body),
        ("held", Cue::Held),
        ("price", Cue::Price),
        ("contact_opener", Cue::ContactOpener),
        ("hosts", Cue::Hosts),
        ("start", Cue::Start),
        ("agreed_undertaking", Cue::AgreedUndertaking),
        ("discusses", Cue::Discusses),
        ("aspect", Cue::Aspect),
    ];

    fn parse(s: &str) -> Option<Cue> {
        Cue::ALL.iter().find(|(n, _)| *n == s).map(|(_, c)| *c)
    }

    /// One bit of a word's cue set: every cue must have its own.
    fn bit(self) -> u64 {
        1 << (self as u32)
    }
}

// a word's cues are the bits of one u64: a 65th cue would share a bit
const _: () = assert!(Cue::ALL.len() <= u64::BITS as usize);

/// The cue words, by normalized word.
pub struct Cues {
    words: HashMap<String, u64, crate::gazetteer::FxBuild>,
    /// The cues of the words whose hash falls in each of [`FILTER_SLOTS`]
    /// slots (their union): most questions are about a word with no cue
    /// of that kind (is this word of sport?), and one bit says so without
    /// looking the word up; a common word with other cues (في، من، مع)
    /// is not compared with the table's words either.
    filter: Vec<u64>,
    refutations: Vec<String>,
}

/// Slots of the cue filter (32 KB).
const FILTER_SLOTS: usize = 1 << 12;

/// The filter slot of a word: the top bits of its Fx hash.
#[inline]
fn filter_slot(word: &str) -> usize {
    use std::hash::BuildHasher;
    (crate::gazetteer::FxBuild::default().hash_one(word) >> (64 - FILTER_SLOTS.trailing_zeros()))
        as usize
}

const DATA: &str = include_str!("../data/event_cues.tsv");

impl Cues {
    /// The built-in cues (parsed once per process).
    pub fn builtin() -> &'static Cues {
        static CUES: OnceLock<Cues> = OnceLock::new();
        CUES.get_or_init(|| Cues::parse(DATA).expect("event_cues.tsv is valid (tested)"))
    }

    /// Parse a cue file; an error names the line.
    pub fn parse(text: &str) -> Result<Cues, String> {
        let nz = Normalizer::matching();
        let mut words: HashMap<String, u64, crate::gazetteer::FxBuild> = HashMap::default();
        let mut refutations = Vec::new();
        let mut header = false;
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !header {
                header = true;
                continue;
            }
            let mut cols = line.split('\t');
            let (word, cue) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
            let cue = Cue::parse(cue.trim())
                .ok_or_else(|| format!("event_cues.tsv:{}: unknown cue '{cue}'", n + 1))?;
            let key = crate::gazetteer::form_key(nz, word);
            if key.is_empty() {
                return Err(format!("event_cues.tsv:{}: empty word", n + 1));
            }
            if cue == Cue::Refutation {
                refutations.push(key);
            } else if key.contains(' ') {
                return Err(format!(
                    "event_cues.tsv:{}: only a refutation may be a phrase",
                    n + 1
                ));
            } else {
                *words.entry(key).or_default() |= cue.bit();
            }
        }
        let mut filter = vec![0u64; FILTER_SLOTS];
        for (w, &bits) in &words {
            filter[filter_slot(w)] |= bits;
        }
        Ok(Cues {
            words,
            filter,
            refutations,
        })
    }

    /// Whether the normalized `word` is a cue of that kind.
    #[inline]
    pub fn is(&self, cue: Cue, word: &str) -> bool {
        self.filter[filter_slot(word)] & cue.bit() != 0
            && self.words.get(word).is_some_and(|b| b & cue.bit() != 0)
    }

    /// Whether the normalized `word`, as written or without its conjunction,
    /// is a cue of that kind: the و of وجهها and the ف of فيها are their
    /// roots', the و of والجانبان a conjunction.
    pub fn is_written_or_bare(&self, cue: Cue, word: &str) -> bool {
        self.is(cue, word) || self.is(cue, crate::entities::bare_word(word))
    }

    /// The refuting phrases (normalized, words joined by one space).
    pub fn refutations(&self) -> &[String] {
        &self.refutations
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_file_parses_and_is_normalized() {
        let c = Cues::parse(DATA).unwrap();
        // written تلقى, matched as the normalizer spells it
        assert!(c.is(Cue::Receive, "تلقي"));
        assert!(c.is(Cue::Both, "الرييسان"));
        assert!(c.is(Cue::Planned, "المرتقبه"));
        // one word can carry two cues
        assert!(c.is(Cue::Negation, "نفي") && c.is(Cue::Denial, "نفي"));
        assert!(!c.is(Cue::Convey, "تلقي"));
        assert!(c.refutations().iter().any(|p| p == "لا صحه"));
    }

    /// The filter only saves lookups: every word of the table has each of
    /// its cues and no other, through it.
    #[test]
    fn the_filter_keeps_every_cue_of_every_word() {
        let c = Cues::parse(DATA).unwrap();
        for (w, &bits) in &c.words {
            for (_, cue) in Cue::ALL {
                assert_eq!(c.is(cue, w), bits & cue.bit() != 0, "{w}");
            }
        }
        for w in ["", "ا", "الرييس", "zzz", "مباراه", "في"] {
            for (_, cue) in Cue::ALL {
                let want = c.words.get(w).is_some_and(|b| b & cue.bit() != 0);
                assert_eq!(c.is(cue, w), want, "{w}");
            }
        }
    }

    #[test]
    fn a_bad_line_is_an_error_naming_it() {
        let e = Cues::parse("word\tcue\nقال\tspeech\n").err().unwrap();
        assert!(e.contains(":2:") && e.contains("speech"), "{e}");
        assert!(Cues::parse("word\tcue\nلا بد\tplanned\n").is_err());
    }
}
