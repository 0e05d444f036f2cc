//! A small statistical named-entity tagger: a linear-chain model
//! (first-order, Viterbi decoding; trained as a CRF) that predicts BIO tags for
//! PERS, LOC, ORG (and MISC, used only internally) over match-normalized
//! [`Token`]s. It complements the lexicon and rule based recognizer in
//! [`crate::entities`]: no neural model, no external data at run time.
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

use crate::gazetteer::form_key;
use crate::lexicon::Lexicon;
use crate::normalize::Normalizer;
use crate::tokenize::{tokenize, Gap, Token};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Number of BIO tags: O, then B/I for PERS, LOC, ORG, MISC.
pub const NT: usize = 9;
/// Tag names, by tag id.
pub const TAGS: [&str; NT] = [
    "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];
/// Version of the feature templates: a model trained with other templates is refused.
pub const FEATURE_VERSION: u32 = 2;
const MAGIC: &[u8; 8] = b"ANTAGGR1";
/// Temperature of the span score: margins are divided by it before the logistic.
const SCORE_T: f32 = 8.0;

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

// ---------------------------------------------------------------------------
// Lexicon flags

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
const N_FLAGS: u32 = 10;

/// Word → lexicon flags, built once from the built-in lexicon.
struct Flags {
    /// Keyed by the FNV hash of the word.
    map: HashMap<u64, u16, IdBuild>,
}

impl Flags {
    fn builtin() -> &'static Flags {
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
    fn get(&self, word_hash: u64) -> u16 {
        self.map.get(&word_hash).copied().unwrap_or(0)
    }
}

// ---------------------------------------------------------------------------
// Hashing

/// FNV-1a, 64 bits, of a string's UTF-8 bytes: the word hash (stable across
/// platforms and versions). `extend` continues a hash over more bytes.
#[inline]
fn fnv(s: &[u8]) -> u64 {
    fnv_extend(0xcbf2_9ce4_8422_2325, s)
}

#[inline]
fn fnv_extend(mut h: u64, s: &[u8]) -> u64 {
    for &b in s {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The splitmix64 finalizer.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The 32-bit id of feature template `t` with value `x` (never 0, the
/// empty-slot marker of the weight table).
#[inline]
fn fid(t: u32, x: u64) -> u32 {
    let z = mix(x ^ (t as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    ((z >> 32) as u32 ^ z as u32).max(1)
}

/// Two values combined (bigrams).
#[inline]
fn pair(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_mul(0xff51_afd7_ed55_8ccd))
}

/// Identity hasher for maps keyed by an already mixed u64.
#[derive(Default, Clone, Copy)]
struct IdBuild;
struct IdHasher(u64);
impl std::hash::BuildHasher for IdBuild {
    type Hasher = IdHasher;
    fn build_hasher(&self) -> IdHasher {
        IdHasher(0)
    }
}
impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv_extend(self.0, bytes);
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = mix(x);
    }
}

// ---------------------------------------------------------------------------
// Features

/// Per-token values the features of the token and of its neighbours use.
#[derive(Default, Clone, Copy)]
struct TokInfo {
    word: u64,
    /// The most stripped proclitic reading (the word itself if none).
    stem: u64,
    flags: u16,
    /// Flags of the proclitic readings that the word itself lacks.
    stem_flags: u16,
    /// Hashes of the proclitic readings ([`crate::tokenize::clitic_splits`] without the bare
    /// word) and of the most stripped reading without the article.
    stems: [u64; 5],
    n_stems: u8,
    /// Word clusters ([`Clusters`]) of the word, at each granularity
    /// ([`NO_CLUSTER`]: a word the clusters do not know).
    cl: [u16; N_LEVELS],
    /// Clusters of the core (the word without proclitics and article),
    /// when it differs from the word and the clusters know it.
    core_cl: Option<[u16; N_LEVELS]>,
}

const BOS: u64 = 0x5354_4152_5442_4f53;
const EOS: u64 = 0x5354_4f50_454f_5321;
const ALEF_LAM: &str = "ال";

/// The proclitic readings of `w`, as [`crate::tokenize::clitic_splits`] gives them (bare word
/// excluded), hashed without allocating: `(hash, chars stripped)`.
fn stem_hashes(w: &str, n_chars: usize, out: &mut [(u64, usize); 4]) -> usize {
    let mut k = 0;
    let b = w.as_bytes();
    // Arabic letters are two bytes in UTF-8
    let starts_with = |at: usize, c: char| w.get(at..).is_some_and(|r| r.starts_with(c));
    let conj = n_chars > 3 && (starts_with(0, 'و') || starts_with(0, 'ف'));
    for c in [0usize, 1] {
        if c == 1 && !conj {
            break;
        }
        let rest_len = n_chars - c;
        let at = 2 * c;
        if c == 1 {
            out[k] = (fnv(&b[at..]), 1);
            k += 1;
        }
        if rest_len > 3 && (starts_with(at, 'ب') || starts_with(at, 'ك') || starts_with(at, 'ل'))
        {
            if starts_with(at, 'ل') && starts_with(at + 2, 'ل') {
                // ل + ال written لل: the stem is ال + the rest
                let h = fnv_extend(fnv(ALEF_LAM.as_bytes()), &b[at + 4..]);
                out[k] = (h, c + 1);
            } else {
                out[k] = (fnv(&b[at + 2..]), c + 1);
            }
            k += 1;
        }
    }
    k
}

// ---------------------------------------------------------------------------
// Word clusters

/// Granularities of the word clusters (fine to coarse).
pub const N_LEVELS: usize = 3;
/// The cluster id of a word the clusters do not know.
pub const NO_CLUSTER: u16 = u16::MAX;
const CLUSTER_MAGIC: &[u8; 8] = b"ANTCLUS1";

/// Distributional word clusters learned from unlabeled news text
/// (`train_tagger --clusters`, see `src/data/README.md`): a sorted table of
/// 32-bit word keys and their cluster at each granularity.
pub struct Clusters {
    keys: Vec<u32>,
    ids: Vec<[u16; N_LEVELS]>,
}

static BUILTIN_CLUSTERS: &[u8] = include_bytes!("data/tagger.clusters");

/// The 32-bit key of a word in the cluster table, from its FNV hash.
#[inline]
pub fn cluster_key(word_hash: u64) -> u32 {
    (word_hash >> 32) as u32 ^ word_hash as u32
}

impl Clusters {
    /// The embedded clusters (loaded and validated once).
    pub fn builtin() -> &'static Clusters {
        static C: OnceLock<Clusters> = OnceLock::new();
        C.get_or_init(|| {
            Clusters::from_bytes(BUILTIN_CLUSTERS)
                .unwrap_or_else(|e| panic!("built-in word clusters: {e}"))
        })
    }

    /// Serialize: (word, clusters) pairs; words whose keys collide are left out.
    pub fn write(words: &[(&str, [u16; N_LEVELS])]) -> Vec<u8> {
        let mut rows: Vec<(u32, [u16; N_LEVELS])> = words
            .iter()
            .map(|(w, c)| (cluster_key(fnv(w.as_bytes())), *c))
            .collect();
        rows.sort_by_key(|r| r.0);
        let mut keep: Vec<(u32, [u16; N_LEVELS])> = Vec::with_capacity(rows.len());
        let mut k = 0;
        while k < rows.len() {
            let mut j = k + 1;
            while j < rows.len() && rows[j].0 == rows[k].0 {
                j += 1;
            }
            if j == k + 1 {
                keep.push(rows[k]);
            }
            k = j;
        }
        let mut b = Vec::with_capacity(16 + keep.len() * (4 + 2 * N_LEVELS));
        b.extend_from_slice(CLUSTER_MAGIC);
        b.extend_from_slice(&(N_LEVELS as u32).to_le_bytes());
        b.extend_from_slice(&(keep.len() as u32).to_le_bytes());
        for (key, _) in &keep {
            b.extend_from_slice(&key.to_le_bytes());
        }
        for (_, c) in &keep {
            for x in c {
                b.extend_from_slice(&x.to_le_bytes());
            }
        }
        let c = checksum(&b);
        b.extend_from_slice(&c.to_le_bytes());
        b
    }

    /// Load and validate a cluster file.
    pub fn from_bytes(b: &[u8]) -> Result<Clusters, ModelError> {
        if b.len() < 20 || &b[..8] != CLUSTER_MAGIC {
            return Err(bad("not a word cluster file (bad magic)"));
        }
        let (body, sum) = b.split_at(b.len() - 4);
        if checksum(body) != u32::from_le_bytes(sum.try_into().unwrap()) {
            return Err(bad("cluster file checksum mismatch"));
        }
        let mut r = Reader { b: body, at: 8 };
        if r.u32()? as usize != N_LEVELS {
            return Err(bad("cluster levels mismatch"));
        }
        let n = r.u32()? as usize;
        if body.len() != 16 + n * (4 + 2 * N_LEVELS) {
            return Err(bad("cluster file size mismatch"));
        }
        let mut keys = Vec::with_capacity(n);
        for _ in 0..n {
            keys.push(r.u32()?);
        }
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(bad("cluster keys not sorted and unique"));
        }
        let mut ids = Vec::with_capacity(n);
        for _ in 0..n {
            let mut c = [0u16; N_LEVELS];
            for x in c.iter_mut() {
                *x = r.u16()?;
            }
            ids.push(c);
        }
        Ok(Clusters { keys, ids })
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The clusters of the word with FNV hash `word_hash`, if known.
    #[inline]
    pub fn get(&self, word_hash: u64) -> Option<[u16; N_LEVELS]> {
        let k = cluster_key(word_hash);
        self.keys.binary_search(&k).ok().map(|i| self.ids[i])
    }
}

fn info(flags: &Flags, w: &str) -> TokInfo {
    let n_chars = w.chars().count();
    let mut splits = [(0u64, 0usize); 4];
    let k = stem_hashes(w, n_chars, &mut splits);
    let word = fnv(w.as_bytes());
    let mut t = TokInfo {
        word,
        stem: word,
        flags: flags.get(word),
        ..TokInfo::default()
    };
    let mut sf = 0;
    for &(h, _) in &splits[..k] {
        sf |= flags.get(h);
        t.stems[t.n_stems as usize] = h;
        t.n_stems += 1;
    }
    t.stem_flags = sf & !t.flags;
    // the most stripped reading, and it without the article (الرييس → رييس)
    let last = splits[..k].iter().max_by_key(|s| s.1).copied();
    if let Some((h, _)) = last {
        t.stem = h;
    }
    let stripped = last.map(|s| s.1).unwrap_or(0);
    let rest = stem_text_after_article(w, stripped);
    if let Some(r) = rest {
        t.stems[t.n_stems as usize] = fnv(r.as_bytes()) ^ 0x5a5a;
        t.n_stems += 1;
    }
    // the word's clusters, and those of its core (without proclitics and
    // article: وبغداد → بغداد) when the core is shorter
    let clusters = Clusters::builtin();
    t.cl = clusters.get(word).unwrap_or([NO_CLUSTER; N_LEVELS]);
    let core = rest.or_else(|| w.get(2 * stripped..)).unwrap_or(w);
    if core.len() < w.len() {
        t.core_cl = clusters.get(fnv(core.as_bytes()));
    }
    t
}

/// The stem after `stripped` proclitic letters, without a leading article,
/// if at least two letters remain (for لل, the letters after لل).
fn stem_text_after_article(w: &str, stripped: usize) -> Option<&str> {
    let at = 2 * stripped;
    let s = w.get(at..)?;
    // a stripped ل before ل is the لل spelling of ل + ال: what follows لل is the stem
    let after = if stripped > 0
        && w.get(at - 2..).is_some_and(|x| x.starts_with("لل"))
        && s.starts_with('ل')
    {
        s.get(2..)
    } else {
        s.strip_prefix(ALEF_LAM)
    }?;
    (after.chars().count() >= 2).then_some(after)
}

fn shape(w: &str) -> u64 {
    let (mut ar, mut lat, mut dig, mut other, mut n) = (0, 0, 0, 0, 0u64);
    for c in w.chars() {
        n += 1;
        match c {
            '\u{0621}'..='\u{064A}' => ar += 1,
            'a'..='z' | 'A'..='Z' => lat += 1,
            '0'..='9' => dig += 1,
            _ => other += 1,
        }
    }
    let class = if ar == n {
        0
    } else if lat == n {
        1
    } else if dig == n {
        2
    } else if other == n {
        3
    } else {
        4
    };
    class * 16 + n.min(8)
}

fn gap_code(t: &Token) -> u64 {
    match t.gap {
        Gap::Space => 0,
        Gap::Break => 1,
        Gap::Punct => 2 + t.punct.map(|c| c as u64).unwrap_or(0),
    }
}

/// The feature ids of a document's tokens: token `i` has
/// `ids[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Default, Clone)]
pub struct Features {
    pub ids: Vec<u32>,
    pub offsets: Vec<u32>,
}

impl Features {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn token(&self, i: usize) -> &[u32] {
        &self.ids[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// The segment (sentence, region) bounds of every token: `[start, end)`.
fn segments(tokens: &[Token]) -> (Vec<usize>, Vec<usize>) {
    let n = tokens.len();
    let mut seg_start = vec![0usize; n];
    let mut seg_end = vec![n; n];
    let mut s = 0;
    for (i, start) in seg_start.iter_mut().enumerate() {
        if breaks_at(tokens, i) {
            for e in seg_end.iter_mut().take(i).skip(s) {
                *e = i;
            }
            s = i;
        }
        *start = s;
    }
    (seg_start, seg_end)
}

/// Push the bits of lexicon flags `x` as features of template `t`.
#[inline]
fn flag_features(t: u32, x: u16, push: &mut impl FnMut(u32)) {
    for b in 0..N_FLAGS {
        if x & (1 << b) != 0 {
            push(fid(t, b as u64));
        }
    }
}

/// The features of a token that depend on its own word only (templates 1-12).
fn word_features(w: &str, ti: &TokInfo, push: &mut impl FnMut(u32)) {
    push(fid(1, 0));
    push(fid(2, ti.word));
    for &h in &ti.stems[..ti.n_stems as usize] {
        push(fid(3, h));
    }
    // prefixes and suffixes of 1-3 characters (of words longer than that)
    let mut starts = [0usize; 4];
    let mut nc = 0;
    for (b, _) in w.char_indices() {
        if nc < 4 {
            starts[nc] = b;
        }
        nc += 1;
    }
    let bytes = w.as_bytes();
    for k in 1..=3usize {
        if nc > k {
            push(fid(3 + k as u32, fnv(&bytes[..starts[k]])));
        }
    }
    for (k, (b, _)) in w.char_indices().rev().take(3).enumerate() {
        if nc > k + 1 {
            push(fid(7 + k as u32, fnv(&bytes[b..])));
        }
    }
    push(fid(10, shape(w)));
    for (g, &c) in ti.cl.iter().enumerate() {
        push(fid(40 + g as u32, c as u64));
    }
    if let Some(cc) = ti.core_cl {
        for (g, &c) in cc.iter().enumerate() {
            push(fid(43 + g as u32, c as u64));
        }
    }
    flag_features(11, ti.flags, push);
    flag_features(12, ti.stem_flags, push);
    if ti.flags == 0 && ti.stem_flags == 0 {
        push(fid(11, 99));
    }
}

/// The neighbour templates: (word template, offset). Flags use template + 4,
/// the stem of a ±1 neighbour template + 12.
const NEIGHBOURS: [(u32, isize); 4] = [(13, -1), (14, 1), (15, -2), (16, 2)];

/// The features a token gets from the neighbour `o` at offset `d` (within the segment).
fn neighbour_features(t: u32, d: isize, o: &TokInfo, push: &mut impl FnMut(u32)) {
    push(fid(t, o.word));
    flag_features(t + 4, o.flags | o.stem_flags, push);
    if d.abs() == 1 && o.stem != o.word {
        push(fid(t + 12, o.stem));
    }
    // the neighbour's clusters (of its core if the word is unknown)
    let cl = match (o.cl[0], o.core_cl) {
        (NO_CLUSTER, Some(cc)) => cc,
        _ => o.cl,
    };
    let levels = if d.abs() == 1 { 0..2 } else { 1..2 };
    for g in levels {
        push(fid(t + 40, (g as u64) << 16 | cl[g] as u64));
    }
}

/// What the context features read of a token: its word hash and its flags
/// (with those of its proclitic readings).
#[derive(Clone, Copy)]
struct Near {
    word: u64,
    flags: u16,
}

impl From<&TokInfo> for Near {
    fn from(t: &TokInfo) -> Near {
        Near {
            word: t.word,
            flags: t.flags | t.stem_flags,
        }
    }
}

/// A feature with few values: (template, raw value, value).
type FewValued = (u32, u64, u64);

/// The features of token `i` that join it with its neighbours or its gaps:
/// the word bigrams as (template, value), and the features with few values
/// as (template, raw value, value): the punctuation gaps before and after
/// it, and the previous word's flags with this one's ("title + unknown",
/// "given + given").
fn context_values(
    tokens: &[Token],
    i: usize,
    this: Near,
    prev: Option<Near>,
    next: Option<Near>,
) -> ([(u32, u64); 2], [FewValued; 3]) {
    let bigrams = [
        (21, pair(prev.map_or(BOS, |o| o.word), this.word)),
        (22, pair(this.word, next.map_or(EOS, |o| o.word))),
    ];
    let gap = gap_code(&tokens[i]);
    let next_gap = tokens.get(i + 1).map_or(1, gap_code);
    let pf = prev.map_or(0xffff, |o| o.flags as u64);
    let own = this.flags as u64;
    let few = [
        (23, gap, gap),
        (24, next_gap, next_gap),
        (27, pf << 16 | own, pair(pf, own)),
    ];
    (bigrams, few)
}

/// The feature ids of [`context_values`].
fn context_features(
    tokens: &[Token],
    i: usize,
    this: Near,
    prev: Option<Near>,
    next: Option<Near>,
    push: &mut impl FnMut(u32),
) {
    let (bigrams, few) = context_values(tokens, i, this, prev, next);
    for (t, v) in bigrams {
        push(fid(t, v));
    }
    for (t, _, v) in few {
        push(fid(t, v));
    }
}

/// Compute the features of every token of one document. Neighbour features
/// stop at segment ends (a [`Gap::Break`] or a new `Token::sentence`).
pub fn features(tokens: &[Token]) -> Features {
    let flags = Flags::builtin();
    let n = tokens.len();
    let infos: Vec<TokInfo> = tokens.iter().map(|t| info(flags, &t.text)).collect();
    let (seg_start, seg_end) = segments(tokens);
    let mut out = Features {
        ids: Vec::with_capacity(n * 40),
        offsets: Vec::with_capacity(n + 1),
    };
    out.offsets.push(0);
    for i in 0..n {
        let ti = &infos[i];
        let (lo, hi) = (seg_start[i] as isize, seg_end[i] as isize);
        let at = |j: isize| -> Option<&TokInfo> { (j >= lo && j < hi).then(|| &infos[j as usize]) };
        let mut push = |id: u32| out.ids.push(id);
        word_features(&tokens[i].text, ti, &mut push);
        for (t, d) in NEIGHBOURS {
            let j = i as isize + d;
            match at(j) {
                Some(o) => neighbour_features(t, d, o, &mut push),
                None => push(fid(t, if j < lo { BOS } else { EOS })),
            }
        }
        let (prev, next) = (at(i as isize - 1), at(i as isize + 1));
        context_features(
            tokens,
            i,
            ti.into(),
            prev.map(Near::from),
            next.map(Near::from),
            &mut push,
        );
        out.offsets.push(out.ids.len() as u32);
    }
    out
}

// ---------------------------------------------------------------------------
// Model

/// A loaded model.
pub struct Tagger {
    /// Open-addressing table of feature ids (0: empty). The keys are apart
    /// from the weights: most features looked up are absent, and the keys
    /// alone (4 bytes a slot) stay in the processor's cache.
    keys: Vec<u32>,
    /// The weights per tag of the feature in the same slot of `keys`.
    weights: Vec<[i16; NT]>,
    mask: usize,
    /// `trans[a][b]`: a previous tag (NT = start), b this tag.
    trans: [[i32; NT]; NT + 1],
    /// Weight units per 1.0 of the trained (float) weights.
    scale: f32,
    n_features: usize,
    /// Identity of this model for the per-thread word cache.
    id: u64,
    /// The scores of each [`NEIGHBOURS`] template when that neighbour lies
    /// outside the segment (sequence start or end).
    outside: [[i32; NT]; 4],
}

/// Why a model file is refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("tagger model: {0}")]
    Invalid(String),
}

fn bad(s: impl Into<String>) -> ModelError {
    ModelError::Invalid(s.into())
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        if self.at + n > self.b.len() {
            return Err(bad(format!("truncated at byte {}", self.at)));
        }
        let s = &self.b[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
}

/// FNV-1a 32 over the bytes: the model's checksum.
pub fn checksum(b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &x in b {
        h = (h ^ x as u32).wrapping_mul(0x0100_0193);
    }
    h
}

/// Serialize a model (the inverse of [`Tagger::from_bytes`]): `features`
/// are (id, quantized weights per tag), `trans` the quantized transitions.
pub fn write_model(
    features: &[(u32, [i16; NT])],
    trans: &[[i16; NT]; NT + 1],
    scale: f32,
) -> Vec<u8> {
    let mut feats: Vec<&(u32, [i16; NT])> = features
        .iter()
        .filter(|(_, w)| w.iter().any(|&x| x != 0))
        .collect();
    feats.sort_by_key(|f| f.0);
    feats.dedup_by_key(|f| f.0);
    let mut b = Vec::new();
    b.extend_from_slice(MAGIC);
    b.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    b.extend_from_slice(&(NT as u32).to_le_bytes());
    b.extend_from_slice(&scale.to_bits().to_le_bytes());
    b.extend_from_slice(&(feats.len() as u32).to_le_bytes());
    for row in trans {
        for w in row {
            b.extend_from_slice(&w.to_le_bytes());
        }
    }
    for (id, w) in feats {
        b.extend_from_slice(&id.to_le_bytes());
        let mut m: u16 = 0;
        for (t, x) in w.iter().enumerate() {
            if *x != 0 {
                m |= 1 << t;
            }
        }
        b.extend_from_slice(&m.to_le_bytes());
        for x in w.iter().filter(|x| **x != 0) {
            b.extend_from_slice(&x.to_le_bytes());
        }
    }
    let c = checksum(&b);
    b.extend_from_slice(&c.to_le_bytes());
    b
}

static NEXT_TAGGER_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

#[inline]
fn add_all(e: &mut [i32; NT], x: &[i32; NT]) {
    for t in 0..NT {
        e[t] += x[t];
    }
}

/// What one word contributes to the emission scores: to its own token, and
/// to the token that has it as neighbour at each [`NEIGHBOURS`] offset.
#[derive(Clone, Copy)]
struct WordScores {
    /// The cache key: [`WordCache::key`] of the word.
    key: u64,
    word: u64,
    flags: u16,
    stem_flags: u16,
    own: [i32; NT],
    near: [[i32; NT]; 4],
}

/// A direct-mapped per-thread cache of [`WordScores`], keyed by a fast
/// 64-bit hash of the word (the features use another, byte by byte). Bounded
/// (about 13 MB per thread) and cleared when another model uses it, so it
/// only ever saves work: results are the same with or without it.
struct WordCache {
    owner: u64,
    slots: Vec<Option<WordScores>>,
    /// Scores of single features with few values (gaps, flag pairs), keyed
    /// by template and raw value.
    small: Vec<(u64, [i32; NT])>,
}

const SMALL_CACHE_BITS: u32 = 10;

const WORD_CACHE_BITS: u32 = 16;

/// At most this many features depend on one word: its own (templates
/// 1-12 and the clusters: 40 at most) and those it lends its four neighbours
/// (14 each at most).
const MAX_WORD_FEATURES: usize = 112;

/// How many tokens ahead a word's cache slot is asked for.
const PREFETCH_AHEAD: usize = 4;

impl WordCache {
    fn prepare(&mut self, owner: u64) {
        if self.owner != owner || self.slots.is_empty() {
            self.owner = owner;
            self.slots = vec![None; 1 << WORD_CACHE_BITS];
            self.small = vec![(u64::MAX, [0; NT]); 1 << SMALL_CACHE_BITS];
        }
    }

    /// The key of a word: the Fx hash of its bytes (eight at a time; its
    /// last step is a multiplication, so its high bits choose the slot).
    #[inline]
    fn key(word: &str) -> u64 {
        use std::hash::BuildHasher;
        crate::gazetteer::FxBuild::default().hash_one(word)
    }

    /// The slot of a key: its high bits.
    #[inline]
    fn slot(key: u64) -> usize {
        (key >> (64 - WORD_CACHE_BITS)) as usize
    }

    /// Ask for the slot of `key` ahead of its [`WordCache::get`]: the slots
    /// are far apart in a table larger than the processor's near caches,
    /// and the word after next is known before this one is scored.
    #[inline]
    fn prefetch(&self, key: u64) {
        let slot = &self.slots[Self::slot(key)];
        let p = (slot as *const Option<WordScores>).cast::<i8>();
        for line in 0..std::mem::size_of::<Option<WordScores>>().div_ceil(64) {
            prefetch(p.wrapping_add(64 * line));
        }
    }

    #[inline]
    fn get(&mut self, key: u64, make: impl FnOnce() -> WordScores) -> &WordScores {
        let slot = &mut self.slots[Self::slot(key)];
        match slot {
            Some(ws) if ws.key == key => {}
            _ => *slot = Some(make()),
        }
        slot.as_ref().unwrap_or_else(|| unreachable!("just filled"))
    }

    /// The scores of feature template `t` with a value whose raw form
    /// (before hashing; under 2^48) is `raw`.
    #[inline]
    fn small(&mut self, t: u32, raw: u64, make: impl FnOnce() -> [i32; NT]) -> &[i32; NT] {
        let key = (t as u64) << 48 | raw;
        let at = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SMALL_CACHE_BITS)) as usize;
        let slot = &mut self.small[at];
        if slot.0 != key {
            *slot = (key, make());
        }
        &slot.1
    }
}

/// A hint to bring the cache line at `p` into the processor's caches.
#[inline(always)]
fn prefetch(p: *const i8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing into the program and never faults,
    // whatever the address; SSE is part of every x86_64 processor.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> =
        const { std::cell::RefCell::new(WordCache { owner: 0, slots: Vec::new(), small: Vec::new() }) };
}

static BUILTIN_MODEL: &[u8] = include_bytes!("data/tagger.model");

/// The environment variable naming a model file to use instead of the embedded one.
pub const MODEL_ENV: &str = "ANALYZE_TAGGER_MODEL";

/// Load the embedded model and the lexicon flags it reads, which the first
/// document would otherwise wait for: a process can do this on a thread of
/// its own while it builds the rest of the engine.
pub fn prepare() {
    Tagger::builtin();
    Flags::builtin();
    Clusters::builtin();
}

impl Tagger {
    /// The embedded model (loaded and validated once). For evaluation only,
    /// the environment variable `ANALYZE_TAGGER_MODEL` names a model file
    /// used instead (cross-validation runs the whole analyzer with a model
    /// trained without the fold it scores: `scripts/tagger_cv.py`).
    pub fn builtin() -> &'static Tagger {
        static T: OnceLock<Tagger> = OnceLock::new();
        T.get_or_init(|| {
            if let Some(path) = std::env::var_os(MODEL_ENV) {
                let b = std::fs::read(&path)
                    .unwrap_or_else(|e| panic!("{MODEL_ENV}={}: {e}", path.to_string_lossy()));
                return Tagger::from_bytes(&b)
                    .unwrap_or_else(|e| panic!("{MODEL_ENV}={}: {e}", path.to_string_lossy()));
            }
            Tagger::from_bytes(BUILTIN_MODEL).unwrap_or_else(|e| panic!("built-in {e}"))
        })
    }

    /// Load and validate a model file.
    pub fn from_bytes(b: &[u8]) -> Result<Tagger, ModelError> {
        if b.len() < MAGIC.len() + 20 || &b[..8] != MAGIC {
            return Err(bad("not a tagger model (bad magic)"));
        }
        let (body, sum) = b.split_at(b.len() - 4);
        if checksum(body) != u32::from_le_bytes(sum.try_into().unwrap()) {
            return Err(bad("checksum mismatch"));
        }
        let mut r = Reader { b: body, at: 8 };
        let version = r.u32()?;
        if version != FEATURE_VERSION {
            return Err(bad(format!(
                "feature version {version}, this build expects {FEATURE_VERSION}: retrain"
            )));
        }
        if r.u32()? as usize != NT {
            return Err(bad("tag set mismatch"));
        }
        let scale = f32::from_bits(r.u32()?);
        if !(scale.is_finite() && scale > 0.0) {
            return Err(bad("bad scale"));
        }
        let n = r.u32()? as usize;
        if n > body.len() / 6 {
            return Err(bad("feature count larger than the file"));
        }
        let mut trans = [[0i32; NT]; NT + 1];
        for row in trans.iter_mut() {
            for w in row.iter_mut() {
                *w = r.i16()? as i32;
            }
        }
        // load factor at most 0.8, mostly near 0.5: 256 KB of keys for 35k features
        let cap = (n + n / 4).next_power_of_two().max(16);
        let mut keys = vec![0u32; cap];
        let mut weights = vec![[0i16; NT]; cap];
        let mask = cap - 1;
        let mut prev = 0u32;
        for k in 0..n {
            let id = r.u32()?;
            if id == 0 || (k > 0 && id <= prev) {
                return Err(bad("feature ids not sorted and unique"));
            }
            prev = id;
            let m = r.u16()?;
            if m >> NT != 0 {
                return Err(bad("bad tag mask"));
            }
            let mut w = [0i16; NT];
            for (t, x) in w.iter_mut().enumerate() {
                if m & (1 << t) != 0 {
                    *x = r.i16()?;
                }
            }
            let mut s = id as usize & mask;
            while keys[s] != 0 {
                s = (s + 1) & mask;
            }
            keys[s] = id;
            weights[s] = w;
        }
        if r.at != body.len() {
            return Err(bad("trailing bytes"));
        }
        let mut t = Tagger {
            keys,
            weights,
            mask,
            trans,
            scale,
            n_features: n,
            id: NEXT_TAGGER_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            outside: [[0; NT]; 4],
        };
        for (k, (tpl, d)) in NEIGHBOURS.into_iter().enumerate() {
            let mut e = [0; NT];
            t.add(&mut e, fid(tpl, if d < 0 { BOS } else { EOS }));
            t.outside[k] = e;
        }
        Ok(t)
    }

    pub fn n_features(&self) -> usize {
        self.n_features
    }

    /// Ask for the slot of feature `id` ahead of its lookup.
    #[inline]
    fn prefetch(&self, id: u32) {
        let s = id as usize & self.mask;
        prefetch((&self.keys[s] as *const u32).cast());
        prefetch((&self.weights[s] as *const [i16; NT]).cast());
    }

    #[inline]
    fn lookup(&self, id: u32) -> Option<&[i16; NT]> {
        let mut s = id as usize & self.mask;
        loop {
            let key = self.keys[s];
            if key == id {
                return Some(&self.weights[s]);
            }
            if key == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Per-token emission scores of every tag, from materialized features
    /// (the reference the word-cached path is tested against).
    #[cfg(test)]
    fn emissions(&self, feats: &Features) -> Vec<[i32; NT]> {
        (0..feats.len())
            .map(|i| {
                let mut e = [0i32; NT];
                for &id in feats.token(i) {
                    self.add(&mut e, id);
                }
                e
            })
            .collect()
    }

    /// Add the weights of feature `id` (if the model has it) to `e`.
    #[inline]
    fn add(&self, e: &mut [i32; NT], id: u32) {
        if let Some(w) = self.lookup(id) {
            for t in 0..NT {
                e[t] += w[t] as i32;
            }
        }
    }

    /// The scores a word contributes to itself and to its neighbours.
    fn word_scores(&self, flags: &Flags, w: &str, key: u64) -> WordScores {
        let ti = info(flags, w);
        // the feature ids first, each with where its weights go (0: own,
        // 1 + k: the neighbour at NEIGHBOURS[k]); their slots in the weight
        // table are asked for all at once, then read
        let mut sums = [[0i32; NT]; 5];
        let mut ids = [(0u32, 0u8); MAX_WORD_FEATURES];
        let mut n = 0;
        let mut put = |id: u32, to: u8| match ids.get_mut(n) {
            Some(slot) => {
                *slot = (id, to);
                n += 1;
            }
            // (more features than the templates make: added at once)
            None => self.add(&mut sums[to as usize], id),
        };
        word_features(w, &ti, &mut |id| put(id, 0));
        for (k, (t, d)) in NEIGHBOURS.into_iter().enumerate() {
            neighbour_features(t, d, &ti, &mut |id| put(id, 1 + k as u8));
        }
        let ids = &ids[..n];
        for &(id, _) in ids {
            self.prefetch(id);
        }
        for &(id, to) in ids {
            self.add(&mut sums[to as usize], id);
        }
        let [own, near @ ..] = sums;
        WordScores {
            key,
            word: ti.word,
            flags: ti.flags,
            stem_flags: ti.stem_flags,
            own,
            near,
        }
    }

    /// Per-token emission scores, equal to those of [`features`]: the
    /// features that depend on one word only (its own and those it lends its
    /// neighbours, most of the ~40 per token) are summed once per word and
    /// kept in a per-thread cache; only bigram and gap features are looked
    /// up per token.
    fn word_cached_emissions(&self, tokens: &[Token]) -> Vec<[i32; NT]> {
        let n = tokens.len();
        let mut em = vec![[0i32; NT]; n];
        if n == 0 {
            return em;
        }
        let flags = Flags::builtin();
        // segment number of every token: neighbours count only within one
        let mut seg = Vec::with_capacity(n);
        let mut s = 0u32;
        for i in 0..n {
            if breaks_at(tokens, i) {
                s += 1;
            }
            seg.push(s);
        }
        // the parts of TokInfo the context features read
        let mut infos: Vec<Near> = Vec::with_capacity(n);
        WORD_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            cache.prepare(self.id);
            let keys: Vec<u64> = tokens.iter().map(|t| WordCache::key(&t.text)).collect();
            for (i, tok) in tokens.iter().enumerate() {
                if let Some(&ahead) = keys.get(i + PREFETCH_AHEAD) {
                    cache.prefetch(ahead);
                }
                let key = keys[i];
                let ws = cache.get(key, || self.word_scores(flags, &tok.text, key));
                add_all(&mut em[i], &ws.own);
                for (k, (_, d)) in NEIGHBOURS.into_iter().enumerate() {
                    // token j = i - d sees this word at offset d
                    let j = i as isize - d;
                    if j >= 0 && (j as usize) < n && seg[j as usize] == seg[i] {
                        add_all(&mut em[j as usize], &ws.near[k]);
                    }
                    // this token's own neighbour at offset d lies outside its segment
                    let o = i as isize + d;
                    if o < 0 || o as usize >= n || seg[o as usize] != seg[i] {
                        add_all(&mut em[i], &self.outside[k]);
                    }
                }
                infos.push(Near {
                    word: ws.word,
                    flags: ws.flags | ws.stem_flags,
                });
            }
        });
        // the context features: word bigrams looked up (their slots in the
        // weight table asked for when they are known, read a few tokens
        // later), the few-valued ones (gaps, flag pairs) from a small cache
        WORD_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            // the bigram ids of the last tokens, by token index modulo
            let mut pending = [[0u32; 2]; PREFETCH_AHEAD];
            for i in 0..n + PREFETCH_AHEAD {
                let ring = i % PREFETCH_AHEAD;
                if let Some(k) = i.checked_sub(PREFETCH_AHEAD) {
                    for &id in &pending[ring] {
                        self.add(&mut em[k], id);
                    }
                }
                if i >= n {
                    continue;
                }
                let near = |j: usize| (seg[j] == seg[i]).then_some(infos[j]);
                let prev = i.checked_sub(1).and_then(near);
                let next = (i + 1 < n).then(|| near(i + 1)).flatten();
                let (bigrams, few) = context_values(tokens, i, infos[i], prev, next);
                for (t, raw, value) in few {
                    add_all(
                        &mut em[i],
                        cache.small(t, raw, || {
                            let mut x = [0; NT];
                            self.add(&mut x, fid(t, value));
                            x
                        }),
                    );
                }
                pending[ring] = bigrams.map(|(t, v)| fid(t, v));
                for &id in &pending[ring] {
                    self.prefetch(id);
                }
            }
        });
        em
    }

    /// The best tag sequence (tag ids, see [`TAGS`]).
    pub fn tag_ids(&self, tokens: &[Token]) -> Vec<usize> {
        let em = self.word_cached_emissions(tokens);
        viterbi(&em, tokens, &self.trans)
    }

    /// Tag the tokens of one document: PERS, LOC and ORG spans in token order.
    pub fn tag(&self, tokens: &[Token]) -> Vec<Span> {
        let em = self.word_cached_emissions(tokens);
        let tags = viterbi(&em, tokens, &self.trans);
        let mut out = Vec::new();
        let mut i = 0;
        while i < tags.len() {
            let Some((kind, _)) = tag_kind(tags[i]) else {
                i += 1;
                continue;
            };
            // the I- tag continuing this span (B-X is odd, I-X = B-X + 1)
            let cont = if tags[i] % 2 == 1 {
                tags[i] + 1
            } else {
                tags[i]
            };
            let mut j = i;
            while j + 1 < tags.len() && tags[j + 1] == cont && !breaks_at(tokens, j + 1) {
                j += 1;
            }
            if let Some(kind) = kind {
                let margin = (i..=j)
                    .map(|k| {
                        let t = tags[k];
                        // B-X and I-X are one class: the margin is over O and other types
                        let best_other = (0..NT)
                            .filter(|&u| class(u) != class(t))
                            .map(|u| em[k][u])
                            .max()
                            .unwrap_or(0);
                        em[k][t] - best_other
                    })
                    .min()
                    .unwrap_or(0);
                let score = 1.0 / (1.0 + (-(margin as f32) / (self.scale * SCORE_T)).exp());
                out.push(Span {
                    first: i,
                    last: j,
                    kind,
                    score,
                });
            }
            i = j + 1;
        }
        out
    }

    /// Convenience: normalize and tokenize `text` (one region), tag it, and
    /// return spans as `[start, end)` character offsets into `text`.
    pub fn tag_text(&self, text: &str) -> Vec<(usize, usize, EntityType, f32)> {
        let nt = Normalizer::matching().normalize(text);
        let toks = tokenize(&nt, &[(0, nt.chars.len())]);
        self.tag(&toks.tokens)
            .into_iter()
            .map(|s| {
                let (a, b) = nt.original_range(toks.tokens[s.first].start, toks.tokens[s.last].end);
                (a, b, s.kind, s.score)
            })
            .collect()
    }
}

/// First-order Viterbi with the BIO constraints ([`allowed`]); a token after
/// a sentence break starts from the start row. Ties go to the lower tag id.
pub fn viterbi(em: &[[i32; NT]], tokens: &[Token], trans: &[[i32; NT]; NT + 1]) -> Vec<usize> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: i32 = i32::MIN / 4;
    // Candidates are packed as `(score << 4) | (15 - p)`: the largest packed
    // value is the best score, ties going to the lowest previous tag `p`, so
    // the inner loop is branch-free adds and maxima. Forbidden transitions
    // and unreachable tags weigh `FAR`, far below any real score.
    const FAR: i64 = i64::MIN / 4;
    let mut packed_trans = [[FAR; NT]; NT];
    for (t, row) in packed_trans.iter_mut().enumerate() {
        for (p, x) in row.iter_mut().enumerate() {
            if allowed(p, t) {
                *x = ((trans[p][t] as i64) << 4) | (15 - p as i64);
            }
        }
    }
    let mut back = vec![[0u8; NT]; n];
    let mut score = [NEG; NT];
    for t in 0..NT {
        if allowed(NT, t) {
            score[t] = trans[NT][t] + em[0][t];
        }
    }
    for i in 1..n {
        let brk = breaks_at(tokens, i);
        let mut next = [NEG; NT];
        if brk {
            // the best previous tag closes the segment; start again, from
            // zero: adding the closed segment's score would change no choice
            // ahead, and sums over a huge document would overflow
            let (bp, _) = best(&score);
            for t in 0..NT {
                if allowed(NT, t) {
                    next[t] = trans[NT][t] + em[i][t];
                    back[i][t] = bp as u8;
                }
            }
        } else {
            let from = score.map(|s| if s > NEG { (s as i64) << 4 } else { FAR });
            for t in 0..NT {
                let row = &packed_trans[t];
                let bs = if t % 2 == 1 || t == 0 {
                    // O and B-X may follow any tag
                    let mut bs = i64::MIN;
                    for p in 0..NT {
                        bs = bs.max(from[p] + row[p]);
                    }
                    bs
                } else {
                    // I-X only B-X or I-X (every other tag is forbidden: FAR)
                    (from[t - 1] + row[t - 1]).max(from[t] + row[t])
                };
                // a path through a forbidden or unreachable tag is no path
                if (bs >> 4) > NEG as i64 {
                    next[t] = (bs >> 4) as i32 + em[i][t];
                    back[i][t] = (15 - (bs & 15)) as u8;
                }
            }
        }
        score = next;
    }
    let mut tags = vec![0usize; n];
    tags[n - 1] = best(&score).0;
    for i in (1..n).rev() {
        tags[i - 1] = back[i][tags[i]] as usize;
    }
    tags
}

/// Does a new segment (sentence, region) start at token `i`?
#[inline]
fn breaks_at(tokens: &[Token], i: usize) -> bool {
    i > 0 && (tokens[i].gap == Gap::Break || tokens[i].sentence != tokens[i - 1].sentence)
}

fn best(s: &[i32; NT]) -> (usize, i32) {
    let mut b = 0;
    for t in 1..NT {
        if s[t] > s[b] {
            b = t;
        }
    }
    (b, s[b])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    #[test]
    fn stem_hashes_agree_with_clitic_splits() {
        for w in [
            "وبغداد",
            "للعراق",
            "بالاسد",
            "وللعراق",
            "فالعراق",
            "كالعاده",
            "وبالعراق",
            "لبنان",
            "بيروت",
            "ولد",
            "وزير",
            "فلسطين",
            "والرييس",
            "لل",
            "ب",
            "abc",
        ] {
            let want: Vec<(u64, usize)> = crate::tokenize::clitic_splits(w)
                .into_iter()
                .skip(1)
                .map(|(p, s)| (fnv(s.as_bytes()), p))
                .collect();
            let mut got = [(0u64, 0usize); 4];
            let k = stem_hashes(w, w.chars().count(), &mut got);
            assert_eq!(&got[..k], &want[..], "{w}");
        }
    }

    /// The word cache is an optimization only: it gives the scores of the
    /// materialized features, sentence breaks, regions and word repeats included.
    #[test]
    fn word_cached_emissions_equal_the_feature_sums() {
        let t = Tagger::builtin();
        let nz = Normalizer::matching();
        let texts = [
            "وقال الرئيس المصري حسني مبارك في القاهرة إن الاتحاد الأوروبي يدعم المفاوضات.",
            "التقى وزير الخارجية. وزير الخارجية! ثم، في بيروت؛ وللعراق بالعراق فالعراق",
            "a b c 123 ، . ؟ x",
            "كلمة",
            "",
        ];
        for text in texts {
            let nt = nz.normalize(text);
            let half = nt.chars.len() / 2;
            for regions in [
                vec![(0, nt.chars.len())],
                vec![(0, half), (half, nt.chars.len())],
            ] {
                let toks = tokenize(&nt, &regions).tokens;
                // twice: the second run reads every word from the cache
                for _ in 0..2 {
                    assert_eq!(
                        t.word_cached_emissions(&toks),
                        t.emissions(&features(&toks)),
                        "{text}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// The same, for arbitrary sequences of news words, letters and punctuation.
        #[test]
        fn word_cached_emissions_equal_the_feature_sums_for_any_text(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "الرئيس", "وزير", "محمد", "بن", "سلمان", "في", "بيروت", "،", ".",
                        "\n\n", "وللعراق", "الأسد", "ل", "و", "!", "2024",
                    ]).prop_map(String::from),
                    "[\u{0621}-\u{064A}a-z0-9 ]{1,6}",
                ],
                0..60,
            )
        ) {
            let text = words.join(" ");
            let nt = Normalizer::matching().normalize(&text);
            let toks = tokenize(&nt, &[(0, nt.chars.len())]).tokens;
            let t = Tagger::builtin();
            proptest::prop_assert_eq!(t.word_cached_emissions(&toks), t.emissions(&features(&toks)));
        }
    }

    /// The plain Viterbi the packed one must equal.
    #[allow(clippy::needless_range_loop)]
    fn viterbi_reference(
        em: &[[i32; NT]],
        tokens: &[Token],
        trans: &[[i32; NT]; NT + 1],
    ) -> Vec<usize> {
        let n = em.len();
        if n == 0 {
            return Vec::new();
        }
        const NEG: i32 = i32::MIN / 4;
        let mut back = vec![[0u8; NT]; n];
        let mut score = [NEG; NT];
        for t in 0..NT {
            if allowed(NT, t) {
                score[t] = trans[NT][t] + em[0][t];
            }
        }
        for i in 1..n {
            let brk = breaks_at(tokens, i);
            let mut next = [NEG; NT];
            if brk {
                // the best previous tag closes the segment; start again
                let (bp, bs) = best(&score);
                for t in 0..NT {
                    if allowed(NT, t) {
                        next[t] = bs + trans[NT][t] + em[i][t];
                        back[i][t] = bp as u8;
                    }
                }
            } else {
                for t in 0..NT {
                    let mut bs = NEG;
                    let mut bp = 0;
                    for p in 0..NT {
                        if score[p] > NEG && allowed(p, t) {
                            let s = score[p] + trans[p][t];
                            if s > bs {
                                bs = s;
                                bp = p;
                            }
                        }
                    }
                    if bs > NEG {
                        next[t] = bs + em[i][t];
                        back[i][t] = bp as u8;
                    }
                }
            }
            score = next;
        }
        let mut tags = vec![0usize; n];
        tags[n - 1] = best(&score).0;
        for i in (1..n).rev() {
            tags[i - 1] = back[i][tags[i]] as usize;
        }
        tags
    }

    proptest::proptest! {
        /// Packed, branch-free Viterbi = the plain one: same tags, ties
        /// included (small score ranges make ties frequent), with breaks.
        #[test]
        fn packed_viterbi_equals_the_plain_one(
            em in proptest::collection::vec(proptest::array::uniform9(-20i32..20), 1..40),
            trans in proptest::array::uniform10(proptest::array::uniform9(-20i32..20)),
            breaks in proptest::collection::vec(proptest::bool::weighted(0.15), 40),
        ) {
            let nt = Normalizer::matching().normalize(&"ب ".repeat(em.len()));
            let mut toks = tokenize(&nt, &[(0, nt.chars.len())]).tokens;
            for (t, &b) in toks.iter_mut().zip(&breaks) {
                if b {
                    t.gap = Gap::Break;
                }
            }
            let em = &em[..toks.len().min(em.len())];
            proptest::prop_assert_eq!(viterbi(em, &toks, &trans), viterbi_reference(em, &toks, &trans));
        }
    }

    /// Regression: Viterbi carried each closed segment's score into the
    /// next, so over a huge document the sums left the i32 range (wrong tags
    /// in release builds, a panic with overflow checks). Segments are now
    /// tagged from zero: a long document tags as its segments do apart.
    #[test]
    fn viterbi_scores_do_not_accumulate_across_segments() {
        let seg = 40;
        let nt = Normalizer::matching().normalize(&"ب ".repeat(seg));
        let one = tokenize(&nt, &[(0, nt.chars.len())]).tokens;
        let mut em1 = vec![[0i32; NT]; seg];
        for (i, e) in em1.iter_mut().enumerate() {
            *e = [
                30_000,
                29_000 + (i as i32 % 7) * 500,
                0,
                29_500,
                0,
                0,
                0,
                0,
                0,
            ];
            e[2 + (i % 3) * 2] = 29_800;
        }
        let trans = [[7i32; NT]; NT + 1];
        let want = viterbi(&em1, &one, &trans);
        // 5,000 segments: 200,000 tokens of scores near 30,000
        let repeats = 5_000;
        let mut toks = Vec::with_capacity(seg * repeats);
        for r in 0..repeats {
            for (k, t) in one.iter().enumerate() {
                let mut t = t.clone();
                t.sentence = r;
                if k == 0 {
                    t.gap = Gap::Break;
                }
                toks.push(t);
            }
        }
        let em: Vec<[i32; NT]> = em1.iter().copied().cycle().take(toks.len()).collect();
        let got = viterbi(&em, &toks, &trans);
        for r in 0..repeats {
            assert_eq!(&got[r * seg..(r + 1) * seg], &want[..], "segment {r}");
        }
    }

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

    #[test]
    fn model_roundtrip_and_validation() {
        let trans = [[1i16; NT]; NT + 1];
        let b = write_model(
            &[(7, [1, 0, 0, 0, 0, 0, 0, 0, -3]), (3, [0; NT])],
            &trans,
            100.0,
        );
        let t = Tagger::from_bytes(&b).unwrap();
        assert_eq!(t.n_features(), 1);
        assert_eq!(t.lookup(7).unwrap()[8], -3);
        assert!(t.lookup(3).is_none());
        let mut c = b.clone();
        c[30] ^= 1;
        assert!(Tagger::from_bytes(&c).is_err());
        assert!(Tagger::from_bytes(&b[..b.len() - 1]).is_err());
        assert!(Tagger::from_bytes(b"nonsense").is_err());
    }

    #[test]
    fn builtin_tags_a_person() {
        let t = Tagger::builtin();
        let text = "وقال الرئيس المصري حسني مبارك في القاهرة إن الاتحاد الأوروبي يدعم المفاوضات.";
        let spans = t.tag_text(text);
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<(String, &str)> = spans
            .iter()
            .map(|(a, b, k, _)| (chars[*a..*b].iter().collect(), k.label()))
            .collect();
        assert!(
            got.iter().any(|(s, k)| s == "حسني مبارك" && *k == "PERS"),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(s, k)| s == "القاهرة" && *k == "LOC"),
            "{got:?}"
        );
        for (_, _, _, s) in &spans {
            assert!(*s > 0.0 && *s < 1.0);
        }
    }

    #[test]
    fn deterministic() {
        let t = Tagger::builtin();
        let text = "التقى وزير الخارجية الأمريكي كولن باول نظيره الفرنسي دومينيك دوفيلبان في باريس.";
        let a = t.tag_text(text);
        for _ in 0..3 {
            assert_eq!(t.tag_text(text), a);
        }
    }
}
