//! The compiled recognizer: every lexicon form (countries and their
//! inflected adjectives, places, people, organizations, institutions,
//! titles) in one gazetteer, and the word sets the context rules consult
//! (common words, given names, descriptors of a title, verbs of saying).

use super::countries::KINGDOM;
use super::{Gender, Strength, Target};
use crate::gazetteer::{form_key, FxHashSet, Gazetteer, GazetteerBuilder, WordSet};
use crate::lexicon::Lexicon;
use crate::normalize::Normalizer;

/// The compiled entity recognizer: built once per process.
pub struct Recognizer {
    pub lex: Lexicon,
    pub(super) nz: &'static Normalizer,
    pub gaz: Gazetteer<Target>,
    pub(super) common: WordSet,
    pub(super) given: WordSet,
    /// Every inflected country adjective (match-normalized).
    pub(super) adjective_keys: WordSet,
    /// Words allowed between a title and a name (normalized [`DESCRIPTORS`]).
    pub(super) descriptors: WordSet,
    /// Verbs of saying whose subject follows them (normalized [`SPEECH`]).
    pub(super) speech: WordSet,
    /// Organization forms that are a noun and another form of the same
    /// organization (حركة حماس، صحيفة هآرتس، وكالة فرانس برس): the name is
    /// what follows the noun.
    pub(super) org_after_noun: FxHashSet<String>,
    /// The first words of [`Recognizer::org_after_noun`].
    pub(super) org_nouns: WordSet,
    /// The countries whose formal name is a kingdom (المملكة العربية
    /// السعودية، المملكة الأردنية الهاشمية): what a bare "المملكة" can be.
    pub(super) kingdoms: Vec<usize>,
}

/// Words that may stand between a title and a name without ending the title phrase.
const DESCRIPTORS: &[&str] = &[
    "الخاص",
    "الجديد",
    "السابق",
    "الحالي",
    "الاسبق",
    "المؤقت",
    "الاعلي",
    "الاول",
    "العام",
    "المكلف",
    "الدايم",
    "المفوض",
    "الرسمي",
    "الشخصي",
    "الاممي",
    "الدولي",
    "الاسبق",
    "السابقه",
    "الجديده",
];
/// Common nouns of a kind that stand before an organization's name in
/// apposition (صحيفة هآرتس "the newspaper Haaretz", حركة حماس، وكالة فرانس
/// برس، نادي ريال مدريد), not part of it as حزب in حزب الليكود or منظمة in
/// منظمة أوبك are.
const KIND_NOUNS: &[&str] = &[
    "صحيفة",
    "جريدة",
    "مجلة",
    "قناة",
    "فضائية",
    "وكالة",
    "شبكة",
    "موقع",
    "نادي",
    "فريق",
    "شركة",
    "مجموعة",
    "حركة",
    "تنظيم",
];
/// Prepositions that introduce a place or country inside a title phrase.
const TITLE_PREPS: &[&str] = &["في", "لدي", "الي", "من", "لشوون", "للشوون", "لدى"];

/// Verbs of saying and reporting, after which the subject's name comes.
const SPEECH: &[&str] = &[
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "أضاف",
    "أضافت",
    "أكد",
    "أكدت",
    "أوضح",
    "أوضحت",
    "صرح",
    "صرحت",
    "أعلن",
    "أعلنت",
    "ذكر",
    "ذكرت",
    "أشار",
    "أشارت",
    "رأى",
    "اعتبر",
    "اعتبرت",
    "كشف",
    "كشفت",
    "طالب",
    "طالبت",
    "أعرب",
    "أعربت",
    "شدد",
    "شددت",
    "نفى",
    "نفت",
    "أفاد",
    "أفادت",
    "تابع",
    "تابعت",
    "لفت",
    "لفتت",
    "يرى",
    "ترى",
];

impl Recognizer {
    pub fn new(lex: Lexicon) -> Recognizer {
        let nz = Normalizer::matching();
        let mut b: GazetteerBuilder<Target> = GazetteerBuilder::default();
        let mut adjective_keys = FxHashSet::default();
        // the accusative of an indefinite adjective (وفدا أميركيا) is written
        // with alif, often as the country's own name (روسيا، ألمانيا): that
        // stays a name only
        let names: FxHashSet<String> = lex
            .countries
            .iter()
            .flat_map(|c| std::iter::once(&c.name).chain(c.variants.iter()))
            .map(|f| form_key(nz, f))
            .collect();
        for (i, c) in lex.countries.iter().enumerate() {
            let i = i as u32;
            for f in std::iter::once(&c.name).chain(c.variants.iter()) {
                b.add(&form_key(nz, f), Target::CountryName(i), true);
            }
            for adj in &c.adjectives {
                let a = form_key(nz, adj);
                if a.is_empty() {
                    continue;
                }
                // a multi-word adjective (كوري جنوبي) inflects on every word
                for (suffix, g) in [
                    ("", Gender::Masculine),
                    ("ه", Gender::Feminine),
                    ("ون", Gender::Plural),
                    ("ين", Gender::Plural),
                    ("ات", Gender::Plural),
                    ("ان", Gender::Plural),
                    ("تان", Gender::Plural),
                    ("تين", Gender::Plural),
                ] {
                    let words: Vec<String> = a.split(' ').map(|w| format!("{w}{suffix}")).collect();
                    let bare = words.join(" ");
                    let def = words
                        .iter()
                        .map(|w| format!("ال{w}"))
                        .collect::<Vec<_>>()
                        .join(" ");
                    adjective_keys.insert(bare.clone());
                    adjective_keys.insert(def.clone());
                    b.add(&bare, Target::CountryAdjective(i, g), true);
                    b.add(&def, Target::CountryAdjective(i, g), true);
                }
                let accusative: Vec<String> = a.split(' ').map(|w| format!("{w}ا")).collect();
                let accusative = accusative.join(" ");
                if !names.contains(&accusative) {
                    adjective_keys.insert(accusative.clone());
                    b.add(
                        &accusative,
                        Target::CountryAdjective(i, Gender::Masculine),
                        true,
                    );
                }
            }
            for f in &c.adjective_forms {
                let k = form_key(nz, f);
                adjective_keys.insert(k.clone());
                b.add(&k, Target::CountryAdjective(i, Gender::Plural), true);
            }
        }
        for (i, p) in lex.places.iter().enumerate() {
            for f in std::iter::once(&p.name).chain(p.variants.iter()) {
                b.add(&form_key(nz, f), Target::Place(i as u32), true);
            }
        }
        for (i, p) in lex.people.iter().enumerate() {
            let i = i as u32;
            for f in std::iter::once(&p.name).chain(p.variants.iter()) {
                b.add(&form_key(nz, f), Target::Person(i, Strength::Full), true);
            }
            for f in &p.aliases {
                b.add(&form_key(nz, f), Target::Person(i, Strength::Alias), true);
            }
            for f in &p.weak_aliases {
                b.add(&form_key(nz, f), Target::Person(i, Strength::Weak), true);
            }
        }
        let mut org_after_noun = FxHashSet::default();
        let mut org_nouns = FxHashSet::default();
        let kind_nouns: Vec<String> = KIND_NOUNS.iter().map(|n| form_key(nz, n)).collect();
        for (i, o) in lex.organizations.iter().enumerate() {
            let keys: Vec<String> = std::iter::once(&o.name)
                .chain(o.variants.iter())
                .map(|f| form_key(nz, f))
                .collect();
            for k in &keys {
                b.add(k, Target::Organization(i as u32), true);
                if let Some((noun, rest)) = k.split_once(' ') {
                    let kind_noun = kind_nouns.iter().any(|n| n == noun);
                    if kind_noun && keys.iter().any(|x| x == rest) {
                        org_nouns.insert(noun.to_string());
                        org_after_noun.insert(k.clone());
                    }
                }
            }
        }
        for (i, o) in lex.institutions.iter().enumerate() {
            for f in std::iter::once(&o.head).chain(o.variants.iter()) {
                b.add(&form_key(nz, f), Target::Institution(i as u32), true);
            }
        }
        for (i, t) in lex.titles.iter().enumerate() {
            for f in std::iter::once(&t.title).chain(t.variants.iter()) {
                b.add(&form_key(nz, f), Target::Title(i as u32), true);
            }
        }
        let mut common: FxHashSet<String> =
            lex.common_words.iter().map(|w| form_key(nz, w)).collect();
        // trigger words (and their pronoun forms) never belong to a name
        for t in &lex.triggers {
            for w in form_key(nz, &t.form).split(' ') {
                common.insert(w.to_string());
                for suf in ["ه", "ها", "هما", "هم"] {
                    common.insert(format!("{w}{suf}"));
                    if let Some(stem) = w.strip_suffix('ه') {
                        common.insert(format!("{stem}ت{suf}"));
                    }
                }
            }
        }
        let descriptors = DESCRIPTORS
            .iter()
            .chain(TITLE_PREPS.iter())
            .map(|w| form_key(nz, w))
            .collect();
        let given = lex.given_names.iter().map(|w| form_key(nz, w)).collect();
        let kingdoms = lex
            .countries
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                std::iter::once(&c.name).chain(c.variants.iter()).any(|f| {
                    let k = form_key(nz, f);
                    k.starts_with(KINGDOM) || k.starts_with(&KINGDOM["ال".len()..])
                })
            })
            .map(|(i, _)| i)
            .collect();
        Recognizer {
            kingdoms,
            org_after_noun,
            org_nouns: WordSet::new(org_nouns),
            gaz: b.build(),
            nz,
            lex,
            common: WordSet::new(common),
            given,
            adjective_keys: WordSet::new(adjective_keys),
            descriptors,
            speech: SPEECH.iter().map(|w| form_key(nz, w)).collect(),
        }
    }

    /// Is `w` (match-normalized) a frequent word that is never a name?
    pub fn is_common(&self, w: &str) -> bool {
        self.common.contains(w)
    }

    pub(super) fn is_given(&self, w: &str) -> bool {
        self.given.contains(w)
    }
}
