//! The lexicon flags of words: which lists of the built-in lexicon (given
//! names, common words, titles, people, countries and their adjectives,
//! places, organizations, institutions) a word takes part in.

use super::hash::{fnv, IdBuild};
use crate::gazetteer::form_key;
use crate::lexicon::Lexicon;
use crate::normalize::Normalizer;
use std::collections::HashMap;
use std::sync::OnceLock;

const F_GIVEN: u16 = 1;
const F_COMMON: u16 = 2;
const F_TITLE: u16 = 4;
const F_PERSON: u16 = 8;
const F_COUNTRY: u16 = 16;
const F_ADJ: u16 = 32;
const F_PLACE: u16 = 64;
const F_ORG: u16 = 128;
const F_INST: u16 = 256;
const F_TITLE1: u16 = 512;
pub(super) const N_FLAGS: u32 = 10;

/// Word → lexicon flags, built once from the built-in lexicon.
pub(super) struct Flags {
    /// Keyed by the FNV hash of the word.
    map: HashMap<u64, u16, IdBuild>,
}

impl Flags {
    pub(super) fn builtin() -> &'static Flags {
        static F: OnceLock<Flags> = OnceLock::new();
        F.get_or_init(|| Flags::new(&Lexicon::builtin()))
    }

    fn new(lex: &Lexicon) -> Flags {
        let nz = Normalizer::matching();
        let mut map: HashMap<u64, u16, IdBuild> = HashMap::default();
        let mut put = |form: &str, f: u16| {
            for w in form_key(nz, form).split(' ').filter(|w| !w.is_empty()) {
                *map.entry(fnv(w.as_bytes())).or_insert(0) |= f;
            }
        };
        for w in &lex.given_names {
            put(w, F_GIVEN);
        }
        for w in &lex.common_words {
            put(w, F_COMMON);
        }
        for t in &lex.titles {
            for f in std::iter::once(&t.title).chain(t.variants.iter()) {
                let k = form_key(nz, f);
                put(
                    &k,
                    if k.contains(' ') {
                        F_TITLE
                    } else {
                        F_TITLE | F_TITLE1
                    },
                );
            }
        }
        for p in &lex.people {
            for f in std::iter::once(&p.name)
                .chain(&p.variants)
                .chain(&p.aliases)
                .chain(&p.weak_aliases)
            {
                put(f, F_PERSON);
            }
        }
        for c in &lex.countries {
            for f in std::iter::once(&c.name).chain(&c.variants) {
                put(f, F_COUNTRY);
            }
            for a in &c.adjectives {
                let a = form_key(nz, a);
                for suf in ["", "ه", "ون", "ين", "ات", "ان"] {
                    for w in a.split(' ') {
                        put(&format!("{w}{suf}"), F_ADJ);
                        put(&format!("ال{w}{suf}"), F_ADJ);
                    }
                }
            }
            for f in &c.adjective_forms {
                put(f, F_ADJ);
            }
        }
        for p in &lex.places {
            for f in std::iter::once(&p.name).chain(&p.variants) {
                put(f, F_PLACE);
            }
        }
        for o in &lex.organizations {
            for f in std::iter::once(&o.name).chain(&o.variants) {
                put(f, F_ORG);
            }
        }
        for i in &lex.institutions {
            for f in std::iter::once(&i.head).chain(&i.variants) {
                put(f, F_INST);
            }
        }
        Flags { map }
    }

    #[inline]
    pub(super) fn get(&self, word_hash: u64) -> u16 {
        self.map.get(&word_hash).copied().unwrap_or(0)
    }
}
