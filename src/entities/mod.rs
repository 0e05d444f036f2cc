//! Entity recognition and resolution: people, countries, places and
//! organizations, from the lexicons and from context (titles, name shapes),
//! with ambiguous words resolved by their surroundings and every mention of
//! one person tied to one entity.
//!
//! The output of this stage is an [`Annotations`] value: resolved entities
//! plus a token-ordered list of *actors* (people, office holders, countries,
//! institutions, places) that the events stage reads.
//!
//! This module holds that surface and the pipeline ([`recognize`]); each
//! step is a module of its own, in the order the pipeline runs them:
//! `recognizer` (the lexicons compiled once), `readings` (the reading of
//! each lexicon hit), `mentions` (the lexicon's mentions and actors),
//! `titles` (the people and offices titles introduce), `names` (people
//! from the shape of a name), `statistical` (the statistical tagger's vote),
//! `lineage` (names grown over their بن chain), `coreference` (one entity
//! per person) and `countries` (countries the article implies); `words`
//! holds the word helpers they share.

mod coreference;
mod countries;
mod lineage;
mod mentions;
mod names;
mod readings;
mod recognizer;
mod statistical;
mod titles;
mod words;

pub use coreference::similar_foreign;
pub use recognizer::Recognizer;

use coreference::{merge_given_names, merge_people};
use countries::{main_country_for_people, the_kingdom};
use lineage::{extend_lineage, inserted_lineage};
use names::name_shapes;
use readings::classify;
use statistical::statistical_people;
use titles::title_phrase;
pub(crate) use words::bare_word;

use crate::gazetteer::{Hit, Stream};
use crate::tokenize::Token;
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
        let mut at = MentionRef {
            first: h.first,
            last: h.last,
            prefix: h.prefix,
            rule: "lexicon",
        };
        if let Some(item) = classify(r, &ctx, &hits, hi, &full_people, &mut ann) {
            // a surname after the person's given name in another spelling
            // (جاستين ترودو for جاستن ترودو) is a mention of the full name
            if let Item::Person(i, Strength::Alias | Strength::Weak) = item {
                if let Some(g) = spelled_given_name(&ctx, h, i) {
                    at.first = g;
                }
            }
            let idx = ctx.items.len();
            for t in at.first..=at.last {
                ctx.cover[t] = Some(idx);
            }
            ctx.items.push((at, item));
        }
    }
    resolve(&mut ctx, &mut ann);
    ann
}

/// The token before a one-word lexicon form that writes the person's given
/// name in another spelling, if there is one.
fn spelled_given_name(ctx: &Ctx, h: &Hit<Target>, person: usize) -> Option<usize> {
    let g = h.first.checked_sub(1)?;
    let given = ctx.word(g);
    let ok = h.first == h.last
        && h.prefix == 0
        && !(g >= 1 && words::is_son_of(ctx.word(g - 1)))
        && ctx.tokens[h.first].gap == crate::tokenize::Gap::Space
        && ctx.cover[g].is_none()
        && ctx.r.is_given(given)
        && readings::given_name_agrees(ctx.r, person, given) == Some(true);
    ok.then_some(g)
}

/// After classification: build people (lexicon and context), countries,
/// places, organizations and actors.
fn resolve(ctx: &mut Ctx, ann: &mut Annotations) {
    let mut person_of_lex = mentions::lexicon_mentions(ctx, ann);
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
    private_people(ctx, ann);
}

/// A person the lexicon knows only in a private capacity (a footballer, a
/// poet) and with no title here acts for no state: their actor's role is
/// `private`, and so is that of the nationality adjective right before
/// them (البرازيلي رونالدينيو).
fn private_people(ctx: &Ctx, ann: &mut Annotations) {
    for k in 0..ann.actors.len() {
        let a = &ann.actors[k];
        let private = a.kind == ActorKind::Person
            && a.role.is_none()
            && a.person
                .and_then(|p| ann.people[p].lexicon)
                .is_some_and(|l| ctx.r.lex.people[l].is_private());
        if !private {
            continue;
        }
        let first = a.first;
        ann.actors[k].role = Some("private".into());
        if let Some(j) = k.checked_sub(1) {
            let b = &ann.actors[j];
            if b.kind == ActorKind::Adjective && b.last + 1 == first && b.role.is_none() {
                ann.actors[j].role = Some("private".into());
            }
        }
    }
}

/// A one-paragraph article analyzed with the built-in lexicon (for the
/// specifications of this module's steps).
#[cfg(test)]
fn test_doc(body: &str) -> crate::model::Document {
    use crate::analyze::{Engine, RecordMeta, Settings};
    static E: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    let e = E.get_or_init(|| Engine::new(crate::lexicon::Lexicon::builtin(), Settings::default()));
    let d = crate::decode::Decoded {
        text: format!("خبر\n{body}\n"),
        encoding: "utf-8".into(),
        bom: false,
        replacements: 0,
    };
    e.analyze_decoded("t.txt", d, &RecordMeta::default())
}
