//! Entity recognition and resolution: people, countries, places and
//! organizations, from the lexicons and from context (titles, name shapes),
//! with ambiguous words resolved by their surroundings and every mention of
//! one person tied to one entity.
//!
//! The output of this stage is an [`Annotations`] value: resolved entities
//! plus a token-ordered list of *actors* (people, office holders, countries,
//! institutions, places) that the events stage reads.

use crate::gazetteer::{form_key, FxHashSet, Gazetteer, GazetteerBuilder, Hit, Stream, WordSet};
use crate::lexicon::{Lexicon, TitleKind};
use crate::normalize::Normalizer;
use crate::tokenize::{Gap, Token};
/// Maps and sets keyed by small integers and words: the fast
/// [`crate::gazetteer::FxHasher`] (nothing here iterates them for output).
type HashMap<K, V> = std::collections::HashMap<K, V, crate::gazetteer::FxBuild>;
type HashSet<T> = std::collections::HashSet<T, crate::gazetteer::FxBuild>;

/// What a lexicon form can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    CountryName(u32),
    CountryAdjective(u32, Gender),
    Place(u32),
    Person(u32, Strength),
    Organization(u32),
    Institution(u32),
    Title(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
    Plural,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Needs context: a title before it, or the full name in the document.
    Weak,
    /// A short form that identifies the person on its own.
    Alias,
    /// The full name or a full-name variant.
    Full,
}

/// "المملكة " (match-normalized) opening a kingdom's formal name.
const KINGDOM: &str = "المملكه ";

/// The compiled entity recognizer: built once per process.
pub struct Recognizer {
    pub lex: Lexicon,
    nz: &'static Normalizer,
    pub gaz: Gazetteer<Target>,
    common: WordSet,
    given: WordSet,
    /// Every inflected country adjective (match-normalized).
    adjective_keys: WordSet,
    /// Words allowed between a title and a name (normalized [`DESCRIPTORS`]).
    descriptors: WordSet,
    /// Verbs of saying whose subject follows them (normalized [`SPEECH`]).
    speech: WordSet,
    /// The countries whose formal name is a kingdom (المملكة العربية
    /// السعودية، المملكة الأردنية الهاشمية): what a bare "المملكة" can be.
    kingdoms: Vec<usize>,
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
/// Prepositions that introduce a place or country inside a title phrase.
const TITLE_PREPS: &[&str] = &["في", "لدي", "الي", "من", "لشوون", "للشوون", "لدى"];
/// Royal and papal numbers after a given name.
const ORDINALS: &[&str] = &[
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الحادي",
    "الثانيه",
    "الاولي",
];

/// أبو, أبي, أبا, أم, بو: a kunya starts a name (أبو بكر، أبي هريرة).
fn is_kunya(w: &str) -> bool {
    matches!(w, "ابو" | "ابي" | "ابا" | "بو")
}

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
/// Words before a weak alias that make it a name.
const NAME_CUES: &[&str] = &["نظام", "عهد", "حكم", "حكومه", "عايله", "اداره", "قوات"];

impl Recognizer {
    pub fn new(lex: Lexicon) -> Recognizer {
        let nz = Normalizer::matching();
        let mut b: GazetteerBuilder<Target> = GazetteerBuilder::default();
        let mut adjective_keys = FxHashSet::default();
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
        for (i, o) in lex.organizations.iter().enumerate() {
            for f in std::iter::once(&o.name).chain(o.variants.iter()) {
                b.add(&form_key(nz, f), Target::Organization(i as u32), true);
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

    fn is_given(&self, w: &str) -> bool {
        self.given.contains(w)
    }
}

/// A participant the events stage can use, in token order.
#[derive(Debug, Clone)]
pub struct Actor {
    pub first: usize,
    pub last: usize,
    pub kind: ActorKind,
    pub country: Option<String>,
    /// Index into [`Annotations::people`].
    pub person: Option<usize>,
    /// For offices: the role (president, ambassador, envoy...); for
    /// organizations: their kind (agency, company, international...).
    pub role: Option<String>,
    /// For places: index into the lexicon's places.
    pub place: Option<usize>,
    /// Proclitic letters on the first token (و ف ب ك ل), as matched.
    pub prefix: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Person,
    /// An office holder named by title and country (رئيس الوزراء العراقي).
    Office,
    Country,
    /// A nationality adjective not attached to anything we know (وفد سوري).
    Adjective,
    Institution,
    Organization,
    Place,
}

/// A resolved person in one document.
#[derive(Debug, Clone)]
pub struct PersonEntity {
    pub name: String,
    pub key: Vec<String>,
    pub lexicon: Option<usize>,
    pub country: Option<String>,
    /// How sure the country is: 3 lexicon, 2 title adjective, 1 weaker.
    pub country_weight: u8,
    pub roles: Vec<String>,
    pub mentions: Vec<MentionRef>,
}

/// A mention by token range (plus proclitic chars to skip in the first token).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MentionRef {
    pub first: usize,
    pub last: usize,
    pub prefix: usize,
    pub rule: &'static str,
}

#[derive(Debug, Clone)]
pub struct CountryMention {
    pub country: usize,
    pub form: &'static str,
    pub at: MentionRef,
}

#[derive(Debug, Clone)]
pub struct PlaceMention {
    pub place: usize,
    pub at: MentionRef,
}

#[derive(Debug, Clone)]
pub struct OrgMention {
    pub name: String,
    pub name_en: Option<String>,
    pub kind: String,
    pub country: Option<String>,
    pub at: MentionRef,
}

#[derive(Debug, Default)]
pub struct Annotations {
    pub people: Vec<PersonEntity>,
    pub countries: Vec<CountryMention>,
    pub places: Vec<PlaceMention>,
    pub organizations: Vec<OrgMention>,
    pub actors: Vec<Actor>,
    /// Titles found (token range, title index).
    pub titles: Vec<(usize, usize, usize)>,
    /// Rejected readings, for `--explain`: (token range, reason).
    pub rejected: Vec<(MentionRef, String)>,
    /// How many of `actors` (from the start) are sorted by position while
    /// the titles are read: lets `attach_title` search them in log time.
    sorted_prefix: usize,
}

/// One classified hit, before resolution.
#[derive(Debug, Clone)]
enum Item {
    Country(usize, &'static str),
    Adjective(usize),
    Place(usize),
    Person(usize, Strength),
    Org(usize),
    Institution(usize),
    Title(usize),
    /// A person found from context: index into `Annotations::people`.
    Found(usize),
}

struct Ctx<'a> {
    r: &'a Recognizer,
    tokens: &'a [Token],
    /// Per token: index into `items` of the item covering it.
    cover: Vec<Option<usize>>,
    items: Vec<(MentionRef, Item)>,
}

impl Ctx<'_> {
    fn item_at(&self, tok: usize) -> Option<&(MentionRef, Item)> {
        self.cover
            .get(tok)
            .copied()
            .flatten()
            .map(|i| &self.items[i])
    }
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.text.as_str()).unwrap_or("")
    }
    /// The word without a leading و/ف conjunction.
    fn bare(&self, i: usize) -> &str {
        bare_word(self.word(i))
    }
}

/// بن، ابن، بنت: the word that links a name to the father's.
fn is_son_of(w: &str) -> bool {
    matches!(w, "بن" | "ابن" | "بنت")
}

/// `w` without a leading و/ف conjunction (when longer than three letters).
fn bare_word(w: &str) -> &str {
    if w.chars().nth(3).is_some() {
        w.strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .unwrap_or(w)
    } else {
        w
    }
}

pub fn recognize(r: &Recognizer, tokens: &[Token], stream: &Stream) -> Annotations {
    // a proclitic reading that turns a known word into another one is no entity
    let hits: Vec<Hit<Target>> = r
        .gaz
        .find_all(stream)
        .into_iter()
        .filter(|h| {
            h.prefix == 0
                || h.last > h.first
                || !r.is_common(&tokens[h.first].text)
                || r.is_common(h.form)
        })
        .collect();
    let mut ctx = Ctx {
        r,
        tokens,
        cover: vec![None; tokens.len()],
        items: Vec::new(),
    };
    let full_people: HashSet<u32> = hits
        .iter()
        .flat_map(|h| h.targets.iter())
        .filter_map(|t| match t {
            Target::Person(i, Strength::Full) => Some(*i),
            _ => None,
        })
        .collect();
    let mut ann = Annotations::default();
    for (hi, h) in hits.iter().enumerate() {
        let at = MentionRef {
            first: h.first,
            last: h.last,
            prefix: h.prefix,
            rule: "lexicon",
        };
        if let Some(item) = classify(r, &ctx, &hits, hi, &full_people, &mut ann) {
            let idx = ctx.items.len();
            for t in h.first..=h.last {
                ctx.cover[t] = Some(idx);
            }
            ctx.items.push((at, item));
        }
    }
    resolve(&mut ctx, &mut ann);
    ann
}

/// Choose the reading of one hit from its targets and context.
fn classify(
    r: &Recognizer,
    ctx: &Ctx,
    hits: &[Hit<Target>],
    hi: usize,
    full_people: &HashSet<u32>,
    ann: &mut Annotations,
) -> Option<Item> {
    let h = &hits[hi];
    let prev_hit = hi
        .checked_sub(1)
        .map(|j| &hits[j])
        .filter(|p| p.last + 1 == h.first);
    let next_hit = hits
        .get(hi + 1)
        .filter(|n| n.first == h.last + 1 && ctx.tokens[n.first].gap == Gap::Space);
    let prev_word = if h.first > 0 && h.prefix == 0 && ctx.tokens[h.first].gap == Gap::Space {
        ctx.word(h.first - 1)
    } else {
        ""
    };
    let next_word = if ctx
        .tokens
        .get(h.last + 1)
        .is_some_and(|t| t.gap == Gap::Space)
    {
        ctx.word(h.last + 1)
    } else {
        ""
    };
    let at = MentionRef {
        first: h.first,
        last: h.last,
        prefix: h.prefix,
        rule: "lexicon",
    };
    let has = |f: &dyn Fn(&Target) -> bool| h.targets.iter().copied().find(|t| f(t));

    // 1. full person names
    if let Some(Target::Person(i, Strength::Full)) =
        has(&|t| matches!(t, Target::Person(_, Strength::Full)))
    {
        return Some(Item::Person(i as usize, Strength::Full));
    }
    // 2. organizations
    if let Some(Target::Organization(i)) = has(&|t| matches!(t, Target::Organization(_))) {
        return Some(Item::Org(i as usize));
    }
    // 3. institution heads (need an agreeing adjective or a country after them)
    if let Some(Target::Institution(i)) = has(&|t| matches!(t, Target::Institution(_))) {
        if let Some(n) = next_hit {
            if n.targets
                .iter()
                .any(|t| matches!(t, Target::CountryAdjective(..) | Target::CountryName(_)))
                && n.prefix == 0
            {
                return Some(Item::Institution(i as usize));
            }
        }
        if has(&|t| matches!(t, Target::Title(_))).is_none() && h.targets.len() == 1 {
            return None;
        }
    }
    // 4. titles
    if let Some(Target::Title(i)) = has(&|t| matches!(t, Target::Title(_))) {
        return Some(Item::Title(i as usize));
    }
    let person_short = has(&|t| matches!(t, Target::Person(_, Strength::Alias | Strength::Weak)));
    let country = has(&|t| matches!(t, Target::CountryName(_)));
    let place = has(&|t| matches!(t, Target::Place(_)));
    let adjective = has(&|t| matches!(t, Target::CountryAdjective(..)));

    // a short person form preceded by a title, or whose full name is in the document
    if let Some(Target::Person(i, s)) = person_short {
        let titled = prev_hit
            .is_some_and(|p| p.targets.iter().any(|t| matches!(t, Target::Title(_))))
            || (prev_hit.is_some_and(|p| {
                p.targets
                    .iter()
                    .any(|t| matches!(t, Target::CountryAdjective(..)))
            }) && hi >= 2
                && hits[hi - 2].last + 2 == h.first
                && hits[hi - 2]
                    .targets
                    .iter()
                    .any(|t| matches!(t, Target::Title(_))));
        // منصور الدوسري: a one-word form followed by a family name or بن is
        // another person's given name (not عدلي منصور)
        let next_is_family = is_son_of(next_word)
            || (next_word.starts_with("ال")
                && next_word.chars().count() >= 5
                && next_hit.is_none_or(|n| {
                    n.targets
                        .iter()
                        .all(|t| matches!(t, Target::Person(_, Strength::Alias | Strength::Weak)))
                })
                && !r.is_common(next_word)
                && !r.is_common(&next_word[4..])
                && !r.adjective_keys.contains(next_word));
        if h.first == h.last && next_is_family && r.is_given(ctx.word(h.first)) {
            return None;
        }
        // محمد بن سلمان: after بن a one-word form names the father, not the person
        // (also in a hashtag: #الأمير_محمد_بن_سلمان)
        let after_bin = h.first > 0
            && h.prefix == 0
            && ctx.tokens[h.first].gap != Gap::Break
            && is_son_of(ctx.word(h.first - 1));
        if h.first == h.last && after_bin {
            return None;
        }
        let full_known = full_people.contains(&i);
        let cue = NAME_CUES.contains(&prev_word);
        let is_adj = adjective.is_some();
        let ok = match s {
            Strength::Alias => !is_adj || full_known || titled,
            _ => full_known || (!is_adj && (titled || cue)),
        };
        if ok {
            return Some(Item::Person(i as usize, s));
        }
        ann.rejected.push((
            at,
            format!(
                "'{}' not taken as a person: no title before it and no full name in the document",
                h.form
            ),
        ));
    }
    // countries and places
    if let Some(Target::CountryName(c)) = country {
        let c = c as usize;
        let code = r.lex.countries[c].code.as_str();
        if r.lex.countries[c].ambiguous {
            // part of a person's name: أبو مصر, بن مصر
            if matches!(prev_word, "ابو" | "بن" | "ابن" | "بنت" | "ام" | "عبد") {
                ann.rejected.push((
                    at,
                    format!("'{}' read as part of a name after '{prev_word}'", h.form),
                ));
                return None;
            }
            if code == "OM" {
                if let Some(Target::Place(p)) = place {
                    if amman_reading(ctx, h, prev_word, next_word) {
                        return Some(Item::Place(p as usize));
                    }
                }
            }
        }
        // state and city alike (الكويت, جيبوتي, الجزائر): a city only with a city cue
        if let Some(Target::Place(p)) = place {
            let city_cue = matches!(prev_word, "مدينه" | "العاصمه") || next_word == "العاصمه";
            if city_cue {
                return Some(Item::Place(p as usize));
            }
        }
        return Some(Item::Country(c, "name"));
    }
    if let Some(Target::Place(p)) = place {
        let pl = &r.lex.places[p as usize];
        if pl.ambiguous {
            // an ambiguous place name needs a locative cue
            let cue = h.prefix > 0
                || matches!(
                    prev_word,
                    "في" | "الي"
                        | "من"
                        | "مدينه"
                        | "العاصمه"
                        | "محافظه"
                        | "بلده"
                        | "ولايه"
                        | "منطقه"
                        | "مدينة"
                )
                || next_word == "العاصمه";
            if !cue {
                ann.rejected.push((
                    at,
                    format!("ambiguous place '{}' without a locative cue", h.form),
                ));
                return None;
            }
        }
        return Some(Item::Place(p as usize));
    }
    if let Some(Target::CountryAdjective(c, _)) = adjective {
        return Some(Item::Adjective(c as usize));
    }
    None
}

/// عمان: Amman (the Jordanian capital) rather than Oman?
fn amman_reading(ctx: &Ctx, h: &Hit<Target>, prev: &str, next: &str) -> bool {
    if matches!(prev, "سلطنه") || next.starts_with("العماني") {
        return false;
    }
    if matches!(prev, "العاصمه") && next.starts_with("الاردن") {
        return true;
    }
    // look around for Jordan vs Oman cues in the document
    let mut jordan = 0;
    let mut oman = 0;
    for t in ctx.tokens {
        let w = t.text.as_str();
        if w.contains("الاردن") || w.contains("اردني") {
            jordan += 1;
        }
        if w.contains("سلطنه") || w.contains("مسقط") || w.contains("عماني") {
            oman += 1;
        }
    }
    let _ = h;
    jordan > oman
}

/// After classification: build people (lexicon and context), countries,
/// places, organizations and actors.
fn resolve(ctx: &mut Ctx, ann: &mut Annotations) {
    let r = ctx.r;
    let mut person_of_lex: HashMap<usize, usize> = HashMap::default();
    let items = ctx.items.clone();
    // titles: find the person or office they introduce
    let consumed: HashSet<usize> = HashSet::default();
    for (k, (at, item)) in items.iter().enumerate() {
        match item {
            Item::Person(i, s) => {
                let p = *person_of_lex.entry(*i).or_insert_with(|| {
                    let e = &r.lex.people[*i];
                    ann.people.push(PersonEntity {
                        name: e.name.clone(),
                        key: form_key(r.nz, &e.name)
                            .split(' ')
                            .map(String::from)
                            .collect(),
                        lexicon: Some(*i),
                        country: e.country.clone(),
                        country_weight: if e.country.is_some() { 3 } else { 0 },
                        roles: e
                            .roles
                            .iter()
                            .filter(|r| !r.starts_with("former"))
                            .cloned()
                            .collect(),
                        mentions: Vec::new(),
                    });
                    ann.people.len() - 1
                });
                let rule = match s {
                    Strength::Full => "lexicon: full name",
                    Strength::Alias => "lexicon: alias",
                    Strength::Weak => "lexicon: ambiguous alias, resolved by context",
                };
                ann.people[p].mentions.push(MentionRef { rule, ..*at });
                if !consumed.contains(&k) {
                    ann.actors.push(Actor {
                        first: at.first,
                        last: at.last,
                        kind: ActorKind::Person,
                        country: ann.people[p].country.clone(),
                        person: Some(p),
                        role: None,
                        place: None,
                        prefix: at.prefix,
                    });
                }
            }
            Item::Country(c, form) => {
                ann.countries.push(CountryMention {
                    country: *c,
                    form,
                    at: *at,
                });
                ann.actors.push(Actor {
                    first: at.first,
                    last: at.last,
                    kind: ActorKind::Country,
                    country: Some(r.lex.countries[*c].code.clone()),
                    person: None,
                    role: None,
                    place: None,
                    prefix: at.prefix,
                });
            }
            Item::Adjective(c) => {
                ann.countries.push(CountryMention {
                    country: *c,
                    form: "adjective",
                    at: *at,
                });
                // an adjective right after a title or institution belongs to it
                let attached = k > 0
                    && items[k - 1].0.last + 1 == at.first
                    && matches!(items[k - 1].1, Item::Title(_) | Item::Institution(_));
                if !attached {
                    ann.actors.push(Actor {
                        first: at.first,
                        last: at.last,
                        kind: ActorKind::Adjective,
                        country: Some(r.lex.countries[*c].code.clone()),
                        person: None,
                        role: None,
                        place: None,
                        prefix: at.prefix,
                    });
                }
            }
            Item::Place(p) => {
                ann.places.push(PlaceMention { place: *p, at: *at });
                let pl = &r.lex.places[*p];
                if let Some(code) = &pl.country {
                    if let Some(ci) = r.lex.countries.iter().position(|c| &c.code == code) {
                        ann.countries.push(CountryMention {
                            country: ci,
                            form: "city",
                            at: *at,
                        });
                    }
                }
                ann.actors.push(Actor {
                    first: at.first,
                    last: at.last,
                    kind: ActorKind::Place,
                    country: pl.country.clone(),
                    person: None,
                    role: None,
                    place: Some(*p),
                    prefix: at.prefix,
                });
            }
            Item::Org(o) => {
                let e = &r.lex.organizations[*o];
                ann.organizations.push(OrgMention {
                    name: e.name.clone(),
                    name_en: (!e.name_en.is_empty()).then(|| e.name_en.clone()),
                    kind: e.kind.clone(),
                    country: e.country.clone(),
                    at: *at,
                });
                ann.actors.push(Actor {
                    first: at.first,
                    last: at.last,
                    kind: ActorKind::Organization,
                    country: e.country.clone(),
                    person: None,
                    // the organization's kind (agency, company, international...)
                    role: Some(e.kind.clone()),
                    place: None,
                    prefix: at.prefix,
                });
            }
            Item::Institution(i) => {
                // head + the adjective (or country name) that follows
                if let Some((nat, Item::Adjective(c) | Item::Country(c, _))) = items.get(k + 1) {
                    let inst = &r.lex.institutions[*i];
                    let code = r.lex.countries[*c].code.clone();
                    let first_tok = at.first;
                    let text_key: Vec<&str> = (first_tok..=nat.last)
                        .map(|t| ctx.tokens[t].text.as_str())
                        .collect();
                    let _ = text_key;
                    ann.organizations.push(OrgMention {
                        name: String::new(), // filled from the original text later
                        name_en: Some(format!("{} ({})", inst.name_en, code)),
                        kind: "government".into(),
                        country: Some(code.clone()),
                        at: MentionRef {
                            first: at.first,
                            last: nat.last,
                            prefix: at.prefix,
                            rule: "institution + country adjective",
                        },
                    });
                    ann.actors.push(Actor {
                        first: at.first,
                        last: nat.last,
                        kind: ActorKind::Institution,
                        country: Some(code),
                        person: None,
                        role: Some(inst.name_en.clone()),
                        place: None,
                        prefix: at.prefix,
                    });
                }
            }
            Item::Title(t) => {
                ann.titles.push((at.first, at.last, *t));
            }
            Item::Found(_) => {}
        }
    }
    // titles introduce people: known (lexicon) or new (context)
    ann.sorted_prefix = ann.actors.len();
    let titles = ann.titles.clone();
    for &(tf, tl, ti) in &titles {
        title_phrase(ctx, ann, tf, tl, ti, &mut person_of_lex);
    }
    // name shapes without a title: given name + name tokens
    name_shapes(ctx, ann);
    statistical_people(ctx, ann);
    extend_lineage(ctx, ann);
    inserted_lineage(ctx, ann);
    merge_people(ctx, ann);
    merge_given_names(ctx, ann);
    main_country_for_people(ann, &ctx.r.lex.countries);
    the_kingdom(ctx, ann);
    ann.actors.sort_by_key(|a| (a.first, a.last));
    // an actor inside a longer one (سوريا in "المبعوث الخاص للرئيس الروسي إلى سوريا، لافرنتييف") is part of it
    // (sorted by position: only actors starting a few tokens before can contain one)
    let spans: Vec<(usize, usize)> = ann.actors.iter().map(|a| (a.first, a.last)).collect();
    let inside: Vec<bool> = spans
        .iter()
        .map(|&(af, al)| {
            let lo = spans.partition_point(|&(f, _)| f + 48 < af);
            let hi = spans.partition_point(|&(f, _)| f <= af);
            spans[lo..hi]
                .iter()
                .any(|&(f, l)| f <= af && al <= l && (l - f) > (al - af))
        })
        .collect();
    let mut k = 0;
    ann.actors.retain(|_| {
        k += 1;
        !inside[k - 1]
    });
}

/// A bare "المملكة" (بالمملكة، للمملكة) is the kingdom the article names:
/// the one of its kingdoms (by formal name) mentioned most, none when the
/// article names no kingdom or two equally often.
fn the_kingdom(ctx: &Ctx, ann: &mut Annotations) {
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

/// A known name written with its lineage inside it: "عادل بن أحمد الجبير"
/// for the lexicon's "عادل الجبير" is one mention of that person (not
/// "عادل بن أحمد" and "الجبير"): a mention of the family name preceded by
/// the person's given name and a بن chain grows back over them.
fn inserted_lineage(ctx: &Ctx, ann: &mut Annotations) {
    let is_link = is_son_of;
    let mut grown: Vec<(usize, usize, usize)> = Vec::new();
    for (p, e) in ann.people.iter().enumerate() {
        let (Some(given), Some(family)) = (e.key.first(), e.key.last()) else {
            continue;
        };
        if e.lexicon.is_none() || e.key.len() != 2 {
            continue;
        }
        for (k, m) in e.mentions.iter().enumerate() {
            if m.first != m.last || ctx.word(m.first) != family || m.prefix > 0 {
                continue;
            }
            // G بن X [بن Y] FAMILY: walk back over pairs (link, name)
            let mut j = m.first;
            let mut start = None;
            while j >= 3 && m.first - j < 6 {
                if ctx.tokens[j].gap != Gap::Space || !is_link(ctx.word(j - 2)) {
                    break;
                }
                if ctx.tokens[j - 1].gap != Gap::Space || ctx.tokens[j - 2].gap != Gap::Space {
                    break;
                }
                if ctx.word(j - 3) == given.as_str() {
                    start = Some(j - 3);
                    break;
                }
                j -= 2;
            }
            if let Some(first) = start {
                grown.push((p, k, first));
            }
        }
    }
    for &(p, k, first) in &grown {
        let m = &mut ann.people[p].mentions[k];
        for a in ann.actors.iter_mut() {
            if a.person == Some(p) && a.first == m.first {
                a.first = first;
                a.prefix = 0;
            }
        }
        m.first = first;
        m.rule = "lexicon name with its lineage inside (عادل بن أحمد الجبير)";
    }
    let spans: Vec<(usize, usize, usize)> = grown
        .iter()
        .map(|&(p, k, _)| {
            let m = &ann.people[p].mentions[k];
            (m.first, m.last, p)
        })
        .collect();
    if spans.is_empty() {
        return;
    }
    // the pieces the lineage was read as (a context person "عادل بن أحمد") go
    drop_others_inside(ann, &spans);
}

/// A name goes on through its lineage: "محمد بن سلمان" followed by "بن
/// عبدالعزيز آل سعود" is one mention of the fuller name, and a name that
/// stops on بن is completed ("خالد بن" + "سلطان بن عبد العزيز": Khalid bin
/// Sultan, not Sultan bin Abdulaziz). Another person's mention inside the
/// lineage is part of it and goes.
fn extend_lineage(ctx: &Ctx, ann: &mut Annotations) {
    let n = ctx.tokens.len();
    let r = ctx.r;
    let name_word = |j: usize| {
        j < n
            && ctx.tokens[j].gap == Gap::Space
            && ctx.word(j).chars().count() >= 2
            && !r.is_common(ctx.word(j))
            && !ctx.word(j).chars().any(|c| c.is_ascii_digit())
    };
    let is_link = |w: &str| is_son_of(w) || w == "ال";
    // (person, mention index, new last token)
    let mut grown: Vec<(usize, usize, usize)> = Vec::new();
    for (p, e) in ann.people.iter().enumerate() {
        for (k, m) in e.mentions.iter().enumerate() {
            let mut last = m.last;
            // a name cut on its link word (خالد بن) resumes after it
            let mut j = if is_link(ctx.word(last)) && last > m.first {
                last
            } else {
                last + 1
            };
            while j + 1 < n && j < m.last + 12 && is_link(ctx.word(j)) && name_word(j) {
                let mut next = j + 1;
                if !name_word(next) {
                    break;
                }
                // عبد الله, أبو بكر: two words
                if (ctx.word(next) == "عبد" || is_kunya(ctx.word(next))) && name_word(next + 1) {
                    next += 1;
                }
                last = next;
                j = next + 1;
            }
            if last > m.last {
                grown.push((p, k, last));
            }
        }
    }
    if grown.is_empty() {
        return;
    }
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for &(p, k, last) in &grown {
        let m = &mut ann.people[p].mentions[k];
        spans.push((m.first, last, p));
        for a in ann.actors.iter_mut() {
            if a.person == Some(p) && a.last == m.last && a.first <= m.first {
                a.last = last;
            }
        }
        m.last = last;
        m.rule = "name + lineage (بن ... آل ...)";
        let key: Vec<String> = (m.first..=last).map(|t| ctx.word(t).to_string()).collect();
        if key.len() > ann.people[p].key.len() && ann.people[p].lexicon.is_none() {
            ann.people[p].key = key;
        }
    }
    // mentions of others inside a grown lineage are part of it
    drop_others_inside(ann, &spans);
}

/// Mentions and actors of other people inside the spans `(first, last,
/// person)` of a person's grown name are part of that name: they go.
fn drop_others_inside(ann: &mut Annotations, spans: &[(usize, usize, usize)]) {
    for (q, e) in ann.people.iter_mut().enumerate() {
        e.mentions.retain(|m| {
            !spans
                .iter()
                .any(|&(f, l, p)| p != q && f <= m.first && m.last <= l)
        });
    }
    ann.actors.retain(|a| {
        a.person.is_none_or(|q| {
            !spans
                .iter()
                .any(|&(f, l, p)| p != q && f <= a.first && a.last <= l)
        })
    });
}

/// A context person named by the first word(s) of a fuller name used in the
/// article (مهاتير for مهاتير محمد, أشرف for أشرف القدرة, عبد الله for عبد الله
/// الثاني) is that person, when exactly one person's name starts so.
fn merge_given_names(ctx: &Ctx, ann: &mut Annotations) {
    let forms: Vec<Vec<Vec<&str>>> = ann
        .people
        .iter()
        .map(|e| {
            e.mentions
                .iter()
                .map(|m| {
                    (m.first..=m.last)
                        .map(|t| {
                            let w = ctx.word(t);
                            if t == m.first {
                                w.char_indices().nth(m.prefix).map_or("", |(b, _)| &w[b..])
                            } else {
                                w
                            }
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let mut into: Vec<(usize, usize)> = Vec::new();
    for (p, e) in ann.people.iter().enumerate() {
        if e.lexicon.is_some() || e.mentions.is_empty() || e.key.is_empty() || e.key.len() > 2 {
            continue;
        }
        // every mention of p is its short form
        let short = &forms[p];
        if short.iter().any(|f| f.len() != e.key.len()) {
            continue;
        }
        let starts = |q: usize| {
            forms[q]
                .iter()
                .any(|f| f.len() > short[0].len() && f[..short[0].len()] == short[0][..])
        };
        let mut qs = (0..ann.people.len()).filter(|&q| q != p && starts(q));
        if let (Some(q), None) = (qs.next(), qs.next()) {
            into.push((p, q));
        }
    }
    for &(p, q) in &into {
        let moved = std::mem::take(&mut ann.people[p].mentions);
        ann.people[q].mentions.extend(moved);
        let country = ann.people[q].country.clone();
        for a in ann.actors.iter_mut() {
            if a.person == Some(p) {
                a.person = Some(q);
                if country.is_some() {
                    a.country = country.clone();
                }
            }
        }
    }
}

/// A person whose state neither the lexicon nor a title says (a lawyer, a
/// player, a citizen quoted; not a lexicon person without a state, like the
/// UN secretary-general) is taken to be of the article's main country:
/// the country of at least 40% of the country mentions (names, adjectives,
/// capitals). On the development set this guess is right about three times
/// in four where it applies. It gives the person's country only: the
/// actors of events keep the countries their own text gives them.
fn main_country_for_people(ann: &mut Annotations, countries: &[crate::lexicon::Country]) {
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

/// Read the phrase after a title: descriptors, a country (adjective or
/// name), a place, then a name. Records the person (with role and country)
/// or an office actor.
fn title_phrase(
    ctx: &mut Ctx,
    ann: &mut Annotations,
    tf: usize,
    tl: usize,
    ti: usize,
    person_of_lex: &mut HashMap<usize, usize>,
) {
    let r = ctx.r;
    let title = &r.lex.titles[ti];
    let role = title.role.clone();
    let tprefix = ctx.item_at(tf).map(|x| x.0.prefix).unwrap_or(0);
    // a title that names its state (خادم الحرمين الشريفين) gives it
    let mut country: Option<String> = title.country.clone();
    let mut country_weight = if country.is_some() { 2 } else { 0 };
    let mut i = tl + 1;
    let n = ctx.tokens.len();
    let mut steps = 0;
    let mut after_comma = false;
    // the last token that belongs to the office (title, country, institution)
    let mut office_last = tl;
    // an office of an international body (الأمين العام للأمم المتحدة، مدير
    // الوكالة الدولية للطاقة الذرية): its holder acts for no state
    let mut international = false;
    while i < n && steps < 8 {
        steps += 1;
        let tok = &ctx.tokens[i];
        if tok.gap == Gap::Break {
            break;
        }
        if tok.gap == Gap::Punct {
            if tok.punct == Some(',') && !after_comma {
                after_comma = true;
            } else {
                break;
            }
        }
        match ctx.item_at(i).cloned() {
            Some((at, Item::Adjective(c))) if at.first == i && !after_comma => {
                if country.is_none() {
                    country = Some(r.lex.countries[c].code.clone());
                    country_weight = 2;
                }
                office_last = at.last;
                i = at.last + 1;
                continue;
            }
            Some((at, Item::Country(c, _))) if at.first == i && !after_comma => {
                if country.is_none() {
                    country = Some(r.lex.countries[c].code.clone());
                    country_weight = 2;
                }
                office_last = at.last;
                i = at.last + 1;
                continue;
            }
            Some((at, Item::Institution(_))) if at.first == i && !after_comma => {
                // رئيس جهاز المخابرات العراقي: the institution's adjective follows
                office_last = at.last;
                i = at.last + 1;
                continue;
            }
            Some((at, Item::Org(o))) if at.first == i && !after_comma => {
                international |= r.lex.organizations[o].kind == "international";
                if country.is_none() {
                    if let Some(c) = &r.lex.organizations[o].country {
                        country = Some(c.clone());
                        country_weight = 1;
                    }
                }
                office_last = at.last;
                i = at.last + 1;
                continue;
            }
            Some((at, Item::Place(p))) if at.first == i && !after_comma => {
                if country.is_none() && at.prefix == 0 {
                    // سفير فرنسا ببغداد: the place says where, not whose
                }
                let _ = p;
                i = at.last + 1;
                continue;
            }
            // a title after the country is named starts a new phrase (the
            // object: استقبل الرئيس السوري وزير الخارجية العراقي)
            Some((at, Item::Title(_))) if at.first == i && !after_comma && country.is_none() => {
                // مستشار الرئيس اللبناني: nested title, keep reading
                office_last = at.last;
                i = at.last + 1;
                continue;
            }
            Some((at, Item::Person(..) | Item::Found(_))) if at.first == i => {
                let p = match ctx.items[ctx.cover[i].unwrap_or(0)].1 {
                    Item::Found(p) => Some(p),
                    Item::Person(pi, _) => person_of_lex.get(&pi).copied(),
                    _ => None,
                };
                if let Some(p) = p {
                    let (country, weight) = office_country(international, country, country_weight);
                    attach_title(ann, p, &role, &country, weight, (tf, tprefix), at.last);
                }
                return;
            }
            _ => {}
        }
        let w = ctx.word(i);
        // another entity ends the phrase
        if ctx.item_at(i).is_some() {
            break;
        }
        // descriptors and definite noun phrases before the comma (في الإدارة الجديدة، ...)
        if !after_comma && (r.descriptors.contains(w) || (w.starts_with("ال") && !r.is_given(w)))
        {
            international |= INTERNATIONAL_WORDS.contains(&w);
            i += 1;
            continue;
        }
        // the name itself
        // after the comma of an apposition, one unknown word is too little
        if let Some(end) =
            name_span(ctx, i, true).filter(|&e| !after_comma || e > i || r.is_given(ctx.word(i)))
        {
            let p = new_person(ctx, ann, i, end, "title + name");
            let (country, weight) = office_country(international, country, country_weight);
            attach_title(ann, p, &role, &country, weight, (tf, tprefix), end);
            return;
        }
        break;
    }
    // no name: an office holder (رئيس الوزراء العراقي) still acts for its country
    if matches!(title.kind, TitleKind::Office | TitleKind::Royal) && country.is_some() {
        ann.actors.push(Actor {
            first: tf,
            last: office_last,
            kind: ActorKind::Office,
            country,
            person: None,
            role,
            place: None,
            prefix: tprefix,
        });
    }
}

/// Words of an office phrase that make it the office of an international
/// body (match normalization: ة is written ه).
const INTERNATIONAL_WORDS: &[&str] = &["الدوليه", "الدولي", "الامميه", "الاممي", "الامم"];

/// The country an office gives its holder: an office of an international
/// body with no state named in it gives none, surely (weight 4 overrides the
/// lexicon's country: ElBaradei as head of the IAEA does not act for Egypt).
fn office_country(
    international: bool,
    country: Option<String>,
    weight: u8,
) -> (Option<String>, u8) {
    if international && country.is_none() {
        (None, 4)
    } else {
        (country, weight)
    }
}

fn attach_title(
    ann: &mut Annotations,
    p: usize,
    role: &Option<String>,
    country: &Option<String>,
    weight: u8,
    (tf, tprefix): (usize, usize),
    last: usize,
) {
    let e = &mut ann.people[p];
    if let Some(r) = role {
        if !e.roles.contains(r) {
            e.roles.push(r.clone());
        }
    }
    if weight > e.country_weight && (country.is_some() || weight == 4) {
        e.country = country.clone();
        e.country_weight = weight;
    }
    // the person actor spans the title too
    // the actor of a person just found is the last one pushed; a lexicon
    // person's is in the sorted prefix, ending at `last`
    let n = ann.actors.len();
    let recent = (n.saturating_sub(4)..n)
        .rev()
        .find(|&k| ann.actors[k].person == Some(p) && ann.actors[k].last == last);
    let sorted = &ann.actors[..ann.sorted_prefix.min(n)];
    let lo = sorted.partition_point(|a| a.first + 64 < last);
    let hi = sorted.partition_point(|a| a.first <= last);
    let found = recent.or_else(|| {
        (lo..hi).find(|&k| ann.actors[k].person == Some(p) && ann.actors[k].last == last)
    });
    if let Some(a) = found.map(|k| &mut ann.actors[k]) {
        if tf < a.first {
            a.first = tf;
            a.prefix = tprefix;
        }
        a.country = ann.people[p].country.clone();
        a.role = role.clone();
    } else {
        ann.actors.push(Actor {
            first: tf,
            last,
            kind: ActorKind::Person,
            country: ann.people[p].country.clone(),
            person: Some(p),
            role: role.clone(),
            place: None,
            prefix: tprefix,
        });
    }
}

/// Name tokens starting at `i`: returns the last token index.
/// `titled`: a title precedes, so the first token need not be a known given name.
fn name_span(ctx: &Ctx, i: usize, titled: bool) -> Option<usize> {
    let r = ctx.r;
    let n = ctx.tokens.len();
    let ok_token = |j: usize| -> bool {
        let w = ctx.word(j);
        let chars = w.chars().count();
        chars >= 2
            && !w.chars().any(|c| c.is_ascii_digit())
            && !r.is_common(w)
            && ctx.item_at(j).is_none()
            && !r.adjective_keys.contains(w)
    };
    if i >= n || !ok_token(i) || (ctx.tokens[i].final_maqsura && ctx.word(i) == "علي") {
        return None;
    }
    let first = ctx.word(i);
    if (first.starts_with("ال")
        || first.starts_with("وال")
        || first.starts_with("بال")
        || first.starts_with("لل"))
        && !r.is_given(first)
    {
        return None;
    }
    // a proclitic (و ف ب ل ك) on the first word: only a known given name may look like that
    if matches!(first.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك')) && !r.is_given(first)
    {
        let rest: String = first.chars().skip(1).collect();
        if r.is_common(&rest) || r.is_given(&rest) || titled || rest.starts_with("ال") {
            return None;
        }
    }
    if !titled && !r.is_given(first) && !is_kunya(first) && first != "عبد" {
        return None;
    }
    // a name is a sequence of units: a given name, a compound (عبد X, أبو X,
    // بن X, آل X), an unknown word, and at most one final family name (ال...)
    let unit_end = |j: usize| -> usize {
        let w = ctx.word(j);
        let joins = w == "عبد"
            || is_kunya(w)
            || matches!(
                w,
                "بن" | "ابن" | "بنت" | "ال" | "ولد" | "دو" | "دي" | "فان" | "فون"
            );
        // بن/آل bind the next word even when it is a common one (شلومو بن عامي)
        let lineage = is_son_of(w) || w == "ال";
        let bound = |k: usize| {
            ok_token(k)
                || (lineage
                    && ctx.item_at(k).is_none()
                    && ctx.word(k).chars().count() >= 3
                    && !ctx.word(k).starts_with(['و', 'ف'])
                    && !ctx.word(k).chars().any(|c| c.is_ascii_digit()))
        };
        if joins && j + 1 < n && ctx.tokens[j + 1].gap == Gap::Space && bound(j + 1) {
            // بن أبي طالب, بن عبد الكريم: the joined word may itself join
            let nx = ctx.word(j + 1);
            if (nx == "عبد" || is_kunya(nx)) && j + 2 < n && ctx.tokens[j + 2].gap == Gap::Space
            {
                j + 2
            } else {
                j + 1
            }
        } else {
            j
        }
    };
    let mut end = unit_end(i);
    let mut units = 1;
    let mut all_given = r.is_given(first);
    while end + 1 < n && units < 6 {
        let j = end + 1;
        if ctx.tokens[j].gap != Gap::Space || (ctx.tokens[j].final_maqsura && ctx.word(j) == "علي")
        {
            break;
        }
        let w = ctx.word(j);
        let prev_given = r.is_given(ctx.word(end));
        // a royal number after a given name (محمد الخامس، تشارلز الأول)
        if prev_given && ORDINALS.contains(&w) {
            end = j;
            if j + 1 < n && ctx.word(j + 1) == "عشر" {
                end += 1;
            }
            break;
        }
        if !ok_token(j) {
            break;
        }
        // a proclitic starts the next phrase (… وسميرة, … فتقوم, … ببطولة), unless
        // the whole word is a given name (وليد, وائل)
        if matches!(w.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك'))
            && !r.is_given(w)
            && (w.starts_with("وال")
                || w.starts_with("بال")
                || w.starts_with("لل")
                || r.is_given(&w[2..])
                || r.is_common(&w[2..])
                || w.starts_with('و')
                || w.starts_with('ف'))
        {
            break;
        }
        let joins = w == "عبد"
            || is_kunya(w)
            || matches!(
                w,
                "بن" | "ابن" | "بنت" | "ال" | "ولد" | "دو" | "دي" | "فان" | "فون"
            );
        // beyond two units a name goes on through given names, compounds and a
        // final family name; after given names only, one unknown word may close it
        let unknown_tail = !r.is_given(w) && !joins && !w.starts_with("ال");
        if units >= 2 && unknown_tail && !all_given {
            break;
        }
        end = unit_end(j);
        units += 1;
        all_given &= r.is_given(w);
        if w.starts_with("ال") || (unknown_tail && units >= 3) {
            break;
        }
    }
    // a name never ends on a word that joins (… بن): it ends before it
    while end > i && matches!(ctx.word(end), "بن" | "ابن" | "بنت" | "ال" | "عبد") {
        end -= 1;
    }
    // one word alone is a name after a title (اللاعب رونالدو), or when it is a
    // known given name
    if end == i && !titled && !r.is_given(first) {
        return None;
    }
    if end == i && titled && first.chars().count() < 3 {
        return None;
    }
    // an imperfect verb after a title (الرئيس يستحق، المحامي سيبلغ)
    if !r.is_given(first)
        && (first.starts_with('ي')
            || first.starts_with('ت')
            || first.starts_with("سي")
            || first.starts_with("ست"))
    {
        return None;
    }
    // على written علي: before a definite or pronoun-suffixed word it is the preposition
    if first == "علي" && end > i {
        let next = ctx.word(i + 1);
        let suffixed = ["نا", "هم", "ها", "كم", "هما", "ه"]
            .iter()
            .any(|s| next.ends_with(s))
            && !r.is_given(next);
        if next.starts_with("ال") || suffixed {
            return None;
        }
    }
    Some(end)
}

fn new_person(
    ctx: &mut Ctx,
    ann: &mut Annotations,
    first: usize,
    last: usize,
    rule: &'static str,
) -> usize {
    let key: Vec<String> = (first..=last).map(|t| ctx.word(t).to_string()).collect();
    ann.people.push(PersonEntity {
        name: String::new(),
        key,
        lexicon: None,
        country: None,
        country_weight: 0,
        roles: Vec::new(),
        mentions: vec![MentionRef {
            first,
            last,
            prefix: 0,
            rule,
        }],
    });
    let p = ann.people.len() - 1;
    ann.actors.push(Actor {
        first,
        last,
        kind: ActorKind::Person,
        country: None,
        person: Some(p),
        role: None,
        place: None,
        prefix: 0,
    });
    // mark the tokens so later passes skip them
    let idx = ctx.items.len();
    ctx.items.push((
        MentionRef {
            first,
            last,
            prefix: 0,
            rule,
        },
        Item::Found(p),
    ));
    for t in first..=last {
        ctx.cover[t] = Some(idx);
    }
    p
}

/// People without a title: a known given name followed by name tokens,
/// or any name-like words right after a verb of saying (قال فرويد).
fn name_shapes(ctx: &mut Ctx, ann: &mut Annotations) {
    let n = ctx.tokens.len();
    let mut i = 0;
    while i < n {
        if ctx.item_at(i).is_some() {
            i += 1;
            continue;
        }
        if i > 0 && ctx.tokens[i].gap == Gap::Space && ctx.r.speech.contains(ctx.bare(i - 1)) {
            if let Some(end) =
                name_span(ctx, i, true).filter(|&e| e > i || ctx.r.is_given(ctx.word(i)))
            {
                new_person(ctx, ann, i, end, "name after a verb of saying");
                i = end + 1;
                continue;
            }
        }
        let tokens = ctx.tokens;
        let word = tokens[i].text.as_str();
        let w = bare_word(word);
        let prefix = word[..word.len() - w.len()].chars().count();
        if (ctx.r.is_given(w) || w == "عبد" || is_kunya(w)) && prefix <= 1 {
            // try the name without its conjunction
            if let Some(end) = name_span_from(ctx, i, w) {
                let p = new_person(ctx, ann, i, end, "given name + family name");
                if prefix > 0 {
                    ann.people[p].mentions[0].prefix = prefix;
                    ann.people[p].key[0] = w.to_string();
                }
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
}

fn name_span_from(ctx: &Ctx, i: usize, bare_first: &str) -> Option<usize> {
    if ctx.r.is_common(bare_first) {
        return None;
    }
    let end = name_span(ctx, i, true)?;
    if end == i {
        return None;
    }
    // the second token must not be a pronoun-suffixed or verb-like word
    let second = ctx.word(i + 1);
    if second.chars().count() < 2 {
        return None;
    }
    Some(end)
}

/// Organizations only the statistical tagger found (a ministry, a party, a
/// company the lexicons do not list): reported as organizations of unknown
/// kind where no entity of the rules covers any of their words. They are
/// mentions only, never an event's side (they have no state).
fn statistical_organizations(ctx: &Ctx, ann: &mut Annotations, tagged: &[crate::tagger::Span]) {
    use crate::tagger::EntityType;
    for s in tagged.iter().filter(|s| s.kind == EntityType::Organization) {
        let free = (s.first..=s.last).all(|t| ctx.cover[t].is_none())
            && !ann
                .organizations
                .iter()
                .any(|o| o.at.first <= s.last && s.first <= o.at.last);
        // one short word alone is too little
        let enough = s.last > s.first || ctx.word(s.first).chars().count() >= 3;
        if free && enough {
            ann.organizations.push(OrgMention {
                name: String::new(),
                name_en: None,
                kind: "other".into(),
                country: None,
                at: MentionRef {
                    first: s.first,
                    last: s.last,
                    prefix: 0,
                    rule: "statistical tagger",
                },
            });
        }
    }
}

/// The statistical tagger (see `tagger`) checks and completes the people
/// found from context: a context name it does not see as a person is
/// dropped, a name it sees longer is widened, and a person name it finds
/// where no rule found anything is added. Lexicon people are kept as they are.
fn statistical_people(ctx: &mut Ctx, ann: &mut Annotations) {
    use crate::tagger::{EntityType, Tagger};
    let tagged = Tagger::builtin().tag(ctx.tokens);
    statistical_organizations(ctx, ann, &tagged);
    let spans: Vec<(usize, usize)> = tagged
        .into_iter()
        .filter(|s| s.kind == EntityType::Person)
        .map(|s| (s.first, s.last))
        .collect();
    // spans are sorted and disjoint: the one that can overlap [f, l] is the last starting at or before l
    let around = |l: usize| {
        spans
            .partition_point(|&(a, _)| a <= l)
            .checked_sub(1)
            .map(|k| spans[k])
    };
    let touches = |f: usize, l: usize| around(l).is_some_and(|(_, b)| f <= b);
    // widen, then drop
    let mut by_person: HashMap<usize, Vec<usize>> = HashMap::default();
    for (k, a) in ann.actors.iter().enumerate() {
        if let Some(p) = a.person {
            by_person.entry(p).or_default().push(k);
        }
    }
    let mut dropped_any = false;
    for p in 0..ann.people.len() {
        if ann.people[p].lexicon.is_some() {
            continue;
        }
        let mut kept = Vec::new();
        for m in std::mem::take(&mut ann.people[p].mentions) {
            if !touches(m.first, m.last) {
                for t in m.first..=m.last {
                    ctx.cover[t] = None;
                }
                continue;
            }
            let mut m = m;
            if let Some((a, b)) = around(m.first)
                .filter(|&(a, b)| a <= m.first && m.last <= b && (b - a) > (m.last - m.first))
            {
                let free =
                    (a..=b).all(|t| (m.first..=m.last).contains(&t) || ctx.cover[t].is_none());
                if free {
                    for &k in by_person.get(&p).into_iter().flatten() {
                        let act = &mut ann.actors[k];
                        if act.first == m.first {
                            act.first = act.first.min(a);
                            act.last = act.last.max(b);
                        }
                    }
                    m.first = a;
                    m.last = b;
                    m.prefix = 0;
                    m.rule = "context name widened by the statistical tagger";
                }
            }
            kept.push(m);
        }
        if kept.is_empty() {
            for &k in by_person.get(&p).into_iter().flatten() {
                ann.actors[k].person = None;
            }
            dropped_any = true;
        } else {
            let key: Vec<String> = (kept[0].first..=kept[0].last)
                .map(|t| ctx.word(t).to_string())
                .collect();
            if key.len() > ann.people[p].key.len() {
                ann.people[p].key = key;
            }
        }
        ann.people[p].mentions = kept;
    }
    if dropped_any {
        ann.actors.retain(|x| {
            !(x.kind == ActorKind::Person && x.person.is_none() && x.country.is_none())
        });
    }
    // add what only the tagger found
    let mut rejected_spans: Vec<(usize, usize)> = ann
        .rejected
        .iter()
        .map(|(m, _)| (m.first, m.last))
        .collect();
    rejected_spans.sort();
    for &(a, b) in &spans {
        let free = (a..=b).all(|t| match ctx.item_at(t) {
            None => true,
            Some((_, Item::Title(_))) => false,
            Some(_) => false,
        });
        // a reading the rules rejected (رئيسي = "main") stays rejected
        let k = rejected_spans.partition_point(|&(f, _)| f <= b);
        let rejected = k > 0 && rejected_spans[k - 1].1 >= a;
        let common_alone = a == b && ctx.r.is_common(ctx.word(a));
        if !(free && !rejected && !common_alone) {
            continue;
        }
        if let Some((a, b, bare)) = tagger_name_bounds(ctx, a, b) {
            let p = new_person(ctx, ann, a, b, "statistical tagger");
            if let Some(bare) = bare {
                let prefix = ctx.word(a).chars().count() - bare.chars().count();
                ann.people[p].mentions[0].prefix = prefix;
                ann.people[p].key[0] = bare;
            }
        }
    }
}

/// The name inside a person span of the tagger: a conjunction or
/// preposition glued to the first word is left out when what follows it
/// is a name (وعبد الحليم، ولينا، after another name: مارتان براديل
/// وفنسنت برينغارت), and a last word that is a definite preposition
/// phrase (بالقاهرة، للإذاعة) or, after two name words, an imperfect verb
/// (يتعثر) is cut.
/// Returns the span and the first word without its proclitic, if cut.
fn tagger_name_bounds(ctx: &Ctx, a: usize, mut b: usize) -> Option<(usize, usize, Option<String>)> {
    let r = ctx.r;
    let first = ctx.word(a);
    let mut bare = None;
    let mut chars = first.chars();
    if let Some(c @ ('و' | 'ف' | 'ب' | 'ل')) = chars.next() {
        let rest = chars.as_str();
        let name_follows = r.is_given(rest) || rest == "عبد" || is_kunya(rest);
        let after_name = c == 'و'
            && a > 0
            && matches!(
                ctx.item_at(a - 1),
                Some((_, Item::Found(_) | Item::Person(..)))
            );
        if !r.is_given(first) && rest.chars().count() >= 3 && (name_follows || after_name) {
            if r.is_common(rest) {
                return None;
            }
            bare = Some(rest.to_string());
        }
    }
    while b > a {
        let last = ctx.word(b);
        let mut cs = last.chars();
        let lead = cs.next();
        let long = cs.as_str().chars().count() >= 3;
        let phrase = (last.starts_with("بال") || last.starts_with("لل")) && long;
        let verb = matches!(lead, Some('ي' | 'ت')) && long && b - a >= 2;
        // a name does not end on a common word (رحمه الله), but عبد الله does
        let prev = ctx.word(b - 1);
        let common = r.is_common(last) && prev != "عبد" && !is_kunya(prev);
        if (phrase || verb || common) && !r.is_given(last) {
            b -= 1;
        } else {
            break;
        }
    }
    // a name in Latin letters only is not an Arabic article's person
    let latin = (a..=b).all(|t| ctx.word(t).is_ascii());
    let common_alone = a == b && r.is_common(bare.as_deref().unwrap_or(ctx.word(a)));
    if latin || common_alone {
        return None;
    }
    Some((a, b, bare))
}

/// Merge context people with each other and with lexicon people: short
/// forms (surname), spelling variants of foreign names.
fn merge_people(ctx: &mut Ctx, ann: &mut Annotations) {
    // surname-only mentions of context people found later in the text
    let n = ctx.tokens.len();
    let mut surnames: Vec<(String, usize)> = Vec::new();
    for (p, e) in ann.people.iter().enumerate() {
        // context people, and lexicon people named in this document (their
        // surname in another transliteration: لافرينيتييف for لافرنتييف)
        if e.key.len() >= 2 && !e.mentions.is_empty() {
            let last = e.key.last().unwrap().clone();
            if last.chars().count() >= 4
                && !ctx.r.is_common(&last)
                && !ctx.r.is_common(last.strip_prefix("ال").unwrap_or(&last))
                && !ctx.r.adjective_keys.contains(&last)
            {
                surnames.push((last, p));
            }
        }
    }
    // surnames by first letter: a document's cost stays linear in its length
    let mut by_initial: HashMap<char, Vec<(String, usize)>> = HashMap::default();
    for (sname, p) in surnames {
        let list = by_initial
            .entry(sname.chars().next().unwrap_or(' '))
            .or_default();
        if !list.iter().any(|(x, _)| *x == sname) {
            list.push((sname, p));
        }
    }
    let mut buf = String::new();
    for i in 0..n {
        if by_initial.is_empty() {
            break;
        }
        if ctx.item_at(i).is_some() {
            continue;
        }
        let mut found = None;
        crate::tokenize::for_each_clitic_split(ctx.word(i), &mut buf, |bare_len, stem| {
            let Some(cands) = by_initial.get(&stem.chars().next().unwrap_or(' ')) else {
                return false;
            };
            found = cands
                .iter()
                .find(|(s, _)| {
                    *s == stem || (stem.chars().count() >= 5 && similar_foreign(s, stem))
                })
                .map(|x| (bare_len, x.1));
            found.is_some()
        });
        if let Some((bare_len, p)) = found {
            let at = MentionRef {
                first: i,
                last: i,
                prefix: bare_len,
                rule: "surname of a person named earlier",
            };
            ann.people[p].mentions.push(at);
            ann.actors.push(Actor {
                first: i,
                last: i,
                kind: ActorKind::Person,
                country: ann.people[p].country.clone(),
                person: Some(p),
                role: None,
                place: None,
                prefix: 0,
            });
        }
    }
    // context people equal to (or a spelling variant of) another person
    // people with the same key are one at once; the pairwise comparison then
    // runs over distinct names only, not over every mention of a long document
    let mut first_with: HashMap<(Option<usize>, Vec<String>), usize> = HashMap::default();
    let mut reps: Vec<usize> = Vec::new();
    let mut target: Vec<usize> = Vec::with_capacity(ann.people.len());
    for (a, person) in ann.people.iter().enumerate() {
        let key = (person.lexicon, person.key.clone());
        let t = match first_with.get(&key) {
            Some(&b) => b,
            None => {
                let t = reps
                    .iter()
                    .copied()
                    .find(|&b| same_person(person, &ann.people[b]))
                    .unwrap_or(a);
                if t == a {
                    reps.push(a);
                }
                first_with.insert(key, t);
                t
            }
        };
        target.push(t);
    }
    for (a, &b) in target.iter().enumerate() {
        if b == a {
            continue;
        }
        let moved = std::mem::take(&mut ann.people[a].mentions);
        let roles = std::mem::take(&mut ann.people[a].roles);
        let (c, w) = (ann.people[a].country.clone(), ann.people[a].country_weight);
        let pb = &mut ann.people[b];
        pb.mentions.extend(moved);
        for r in roles {
            if !pb.roles.contains(&r) {
                pb.roles.push(r);
            }
        }
        if w > pb.country_weight {
            pb.country = c;
            pb.country_weight = w;
        }
        if ann.people[a].key.len() > ann.people[b].key.len() && ann.people[b].lexicon.is_none() {
            ann.people[b].key = ann.people[a].key.clone();
        }
    }
    for act in ann.actors.iter_mut() {
        if let Some(p) = act.person {
            act.person = Some(target[p]);
        }
    }
    // propagate final countries to actors
    for act in ann.actors.iter_mut() {
        if let Some(p) = act.person {
            if ann.people[p].country.is_some() {
                act.country = ann.people[p].country.clone();
            }
        }
    }
}

fn same_person(a: &PersonEntity, b: &PersonEntity) -> bool {
    if a.lexicon.is_some() && a.lexicon == b.lexicon {
        return true;
    }
    if a.lexicon.is_some() && b.lexicon.is_some() {
        return false;
    }
    let (ka, kb) = (&a.key, &b.key);
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    // first and last tokens agree (أسعد الشيباني / أسعد حسن الشيباني)
    if ka.len() >= 2
        && kb.len() >= 2
        && ka[0] == kb[0]
        && (ka.last() == kb.last() || similar_foreign(ka.last().unwrap(), kb.last().unwrap()))
    {
        return true;
    }
    // one is the other's surname
    (ka.len() == 1
        && kb.len() >= 2
        && (kb.last() == ka.first() || similar_foreign(&ka[0], kb.last().unwrap())))
        || (kb.len() == 1
            && ka.len() >= 2
            && (ka.last() == kb.first() || similar_foreign(&kb[0], ka.last().unwrap())))
}

/// Transliteration variants of one foreign name: same consonant skeleton
/// (long vowels removed), or one letter apart when long enough.
pub fn similar_foreign(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 4 || lb < 4 {
        return false;
    }
    let consonant = |c: &char| !matches!(c, 'ا' | 'و' | 'ي' | 'ى');
    if la.min(lb) >= 6
        && a.chars().filter(consonant).count() >= 4
        && a.chars().filter(consonant).eq(b.chars().filter(consonant))
    {
        return true;
    }
    // one letter apart: only foreign-looking names, not Arabic nouns with the article
    la.min(lb) >= 5
        && la.abs_diff(lb) <= 1
        && !a.starts_with("ال")
        && !b.starts_with("ال")
        && within_one_edit(a, b)
}

/// Levenshtein distance at most 1, without allocating.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (a.chars(), b.chars());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p == q => continue,
            (p, q) => {
                // one substitution, insertion or deletion, then the rests are equal
                let (rx, ry) = (x.clone(), y.clone());
                let sub = rx.clone().eq(ry.clone());
                let del = q.is_some() && p.is_some() && {
                    let mut yy = std::iter::once(q.unwrap()).chain(ry.clone());
                    let xx = rx.clone();
                    xx.eq(yy.by_ref())
                };
                let ins = p.is_some() && q.is_some() && {
                    let xx = std::iter::once(p.unwrap()).chain(rx.clone());
                    xx.eq(ry.clone())
                };
                let tail = (p.is_none() && ry.clone().next().is_none())
                    || (q.is_none() && rx.clone().next().is_none());
                return sub || del || ins || tail;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_are_similar() {
        for v in ["لافرينيتييف", "لافرنتييف", "لافرينتيف"] {
            assert!(similar_foreign("لافرينتييف", v), "{v}");
        }
        assert!(similar_foreign("اوبير", "اويير"));
        assert!(!similar_foreign("الكاظمي", "الكعبي"));
        assert!(!similar_foreign("حسين", "حسن"));
    }
}
