//! Multi-word, clitic-aware phrase matching over a document's tokens.
//!
//! Lexicon forms are normalized like the text, then compiled, with every
//! proclitic combination (و ف ب ك ل, لل for ل + ال), into a trie of words.
//! The document's tokens are laid out as a *stream* (tokens joined by one
//! space, a `\u{1}` before a token that follows punctuation), every pattern
//! ends with a space, and matches are anchored at token starts: a match
//! therefore always starts and ends on token boundaries and never crosses
//! punctuation. At each token start the longest form wins
//! (leftmost-longest), and the search resumes after it. (This is exactly
//! an anchored leftmost-longest Aho-Corasick search of the patterns over
//! the stream, done a word at a time.)

use crate::normalize::Normalizer;
use crate::tokenize::{Gap, Token};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash (rustc's): a fast, non-cryptographic hash for the short
/// words of a document looked up in sets built from the embedded lexicons.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        // the last 1-7 bytes, zero-padded, read in at most three steps (a
        // copy of a variable length would call memcpy)
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let (mut x, mut k) = (0u64, 0usize);
            if let Some(four) = rest.first_chunk::<4>() {
                x = u32::from_le_bytes(*four) as u64;
                k = 4;
            }
            if let Some(two) = rest[k..].first_chunk::<2>() {
                x |= (u16::from_le_bytes(*two) as u64) << (8 * k);
                k += 2;
            }
            if let Some(&one) = rest.get(k) {
                x |= (one as u64) << (8 * k);
            }
            self.add(x);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// A `HashSet` with the [`FxHasher`].
pub type FxHashSet<T> = HashSet<T, FxBuild>;

/// A set of (match-normalized) words with a one-hash Bloom filter in
/// front: most words asked about are not in it, and one bit in a small
/// table says so without probing the set.
pub struct WordSet {
    set: FxHashSet<String>,
    filter: Vec<u64>,
}

impl WordSet {
    pub fn new(set: FxHashSet<String>) -> WordSet {
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for w in &set {
            let b = filter_bit(w);
            filter[b / 64] |= 1 << (b % 64);
        }
        WordSet { set, filter }
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        let b = filter_bit(w);
        self.filter[b / 64] & (1 << (b % 64)) != 0 && self.set.contains(w)
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> WordSet {
        WordSet::new(words.into_iter().collect())
    }
}

/// Bits of the first-word filter.
const FILTER_BITS: usize = 1 << 16;

/// The filter bit of a word.
#[inline]
fn filter_bit(w: &str) -> usize {
    use std::hash::BuildHasher;
    (FxBuild::default().hash_one(w) >> 48) as usize % FILTER_BITS
}

/// Whether `c` (its UTF-8 bytes) is one of the proclitics و ف (`conj`) or
/// ب ل ك (`!conj`).
#[inline]
fn is_proclitic(c: [u8; 2], conj: bool) -> bool {
    match c {
        [0xD9, 0x88] | [0xD9, 0x81] => conj,                 // و ف
        [0xD8, 0xA8] | [0xD9, 0x84] | [0xD9, 0x83] => !conj, // ب ل ك
        _ => false,
    }
}

/// The byte lengths of the proclitic sequences `word` starts with (و or ف,
/// then ب ل or ك; or one of the five alone), longest first, each leaving
/// more than two bytes (a letter) of the word after it.
#[inline]
fn proclitic_lengths(word: &str) -> [Option<usize>; 2] {
    let b = word.as_bytes();
    let at = |k: usize| -> [u8; 2] { [b[k], b[k + 1]] };
    if b.len() <= 4 {
        return [None, None];
    }
    let first = at(0);
    if is_proclitic(first, true) {
        let two = (b.len() > 6 && is_proclitic(at(2), false)).then_some(4);
        [two, Some(2)]
    } else if is_proclitic(first, false) {
        [Some(2), None]
    } else {
        [None, None]
    }
}
const LAM: u8 = 1;

/// A compiled set of forms, each pointing at one or more targets.
pub struct Gazetteer<T> {
    /// Per pattern: (form id, LAM for the لل reading of an ال form).
    patterns: Vec<(u32, u8)>,
    clitics: Vec<bool>,
    /// Per form: its targets.
    targets: Vec<Vec<T>>,
    forms: Vec<String>,
    /// The first word of every pattern, to its trie node: a match at a
    /// token (after `skip` proclitic bytes) needs the rest of the token to
    /// be one of them.
    first_words: HashMap<Box<str>, u32, FxBuild>,
    /// A bit per hash of the first words (8 KB, a one-hash Bloom filter):
    /// most tokens are no pattern's first word, and one bit says so without
    /// probing the map.
    first_filter: Vec<u64>,
    /// The trie of the patterns' words.
    nodes: Vec<Node>,
}

/// A node of the word trie: the words read so far from a first word.
#[derive(Debug, Default)]
struct Node {
    /// The pattern these words form, if any.
    pattern: Option<u32>,
    /// The next words, sorted, with their nodes.
    next: Vec<(Box<str>, u32)>,
}

/// One match over the token sequence.
#[derive(Debug, Clone)]
pub struct Hit<'a, T> {
    pub first: usize,
    pub last: usize,
    /// Proclitic characters at the start of the first token.
    pub prefix: usize,
    pub form: &'a str,
    pub targets: &'a [T],
}

/// Normalize a lexicon form into its match key (`word word`).
pub fn form_key(nz: &Normalizer, form: &str) -> String {
    let n = nz.normalize_str(form);
    n.split(|c: char| !crate::tokenize::is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Accumulates forms before compiling.
pub struct GazetteerBuilder<T> {
    index: HashMap<String, usize, FxBuild>,
    targets: Vec<Vec<T>>,
    forms: Vec<String>,
    clitics: Vec<bool>,
}

impl<T: Clone + PartialEq> Default for GazetteerBuilder<T> {
    fn default() -> Self {
        GazetteerBuilder {
            index: HashMap::default(),
            targets: Vec::new(),
            forms: Vec::new(),
            clitics: Vec::new(),
        }
    }
}

impl<T: Clone + PartialEq> GazetteerBuilder<T> {
    /// Add a form (already a key from [`form_key`]) for a target.
    /// `clitics`: whether proclitic variants are generated.
    pub fn add(&mut self, key: &str, target: T, clitics: bool) {
        if key.is_empty() {
            return;
        }
        let id = *self.index.entry(key.to_string()).or_insert_with(|| {
            self.targets.push(Vec::new());
            self.forms.push(key.to_string());
            self.clitics.push(false);
            self.forms.len() - 1
        });
        if !self.targets[id].contains(&target) {
            self.targets[id].push(target);
        }
        self.clitics[id] |= clitics;
    }

    pub fn build(self) -> Gazetteer<T> {
        // pattern string -> (form id, prefix chars); bare forms win over clitic readings
        let mut pats: HashMap<String, (u32, u8), FxBuild> = HashMap::default();
        let mut put = |p: String, id: usize, lam: u8| {
            let e = pats.entry(p).or_insert((id as u32, lam));
            if lam < e.1 {
                *e = (id as u32, lam);
            }
        };
        for (id, form) in self.forms.iter().enumerate() {
            put(format!("{form} "), id, 0);
            if self.clitics[id] {
                // ل + ال + rest is written لل + rest: after a stripped ل the token reads ل + rest
                if let Some(rest) = form.strip_prefix("ال") {
                    put(format!("ل{rest} "), id, LAM);
                }
            }
        }
        let mut list: Vec<(String, (u32, u8))> = pats.into_iter().collect();
        // the pattern strings are distinct: the order is total
        list.sort_unstable();
        let patterns: Vec<(u32, u8)> = list.iter().map(|(_, v)| *v).collect();
        let mut first_words: HashMap<Box<str>, u32, FxBuild> = HashMap::default();
        let mut nodes: Vec<Node> = Vec::new();
        for (k, (p, _)) in list.iter().enumerate() {
            let mut words = p.trim_end_matches(' ').split(' ');
            let first = words.next().unwrap_or("");
            let mut node = *first_words.entry(first.into()).or_insert_with(|| {
                nodes.push(Node::default());
                nodes.len() as u32 - 1
            });
            for w in words {
                let at = &mut nodes[node as usize].next;
                node = match at.iter().find(|(x, _)| **x == *w) {
                    Some(&(_, n)) => n,
                    None => {
                        let n = nodes.len() as u32;
                        nodes[node as usize].next.push((w.into(), n));
                        nodes.push(Node::default());
                        n
                    }
                };
            }
            nodes[node as usize].pattern = Some(k as u32);
        }
        for n in nodes.iter_mut() {
            n.next.sort_unstable();
        }
        let mut first_filter = vec![0u64; FILTER_BITS / 64];
        for w in first_words.keys() {
            let b = filter_bit(w);
            first_filter[b / 64] |= 1 << (b % 64);
        }
        Gazetteer {
            patterns,
            clitics: self.clitics,
            targets: self.targets,
            forms: self.forms,
            first_words,
            first_filter,
            nodes,
        }
    }
}

/// Whether `t` follows `prev` after a bare hyphen and nothing else: the
/// two halves of one written name (كيم جونغ-أون، مون جيه-إن), which a
/// lexicon form may spell with a hyphen or a space.
fn joined_by_hyphen(prev: &Token, t: &Token) -> bool {
    t.gap == Gap::Punct && t.punct == Some('-') && t.start == prev.end + 1
}

/// Tokens laid out for matching.
pub struct Stream {
    pub text: String,
    /// Byte offset of each token's start in `text`.
    pub starts: Vec<usize>,
    /// Byte offset just past each token's trailing space.
    pub ends: Vec<usize>,
}

impl Stream {
    pub fn new(tokens: &[Token]) -> Stream {
        let mut text = String::with_capacity(tokens.iter().map(|t| t.text.len() + 2).sum());
        let mut starts = Vec::with_capacity(tokens.len());
        let mut ends = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 && t.gap != Gap::Space && !joined_by_hyphen(&tokens[i - 1], t) {
                text.push('\u{1}');
            }
            starts.push(text.len());
            text.push_str(&t.text);
            text.push(' ');
            ends.push(text.len());
        }
        Stream { text, starts, ends }
    }
}

impl<T> Gazetteer<T> {
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The longest match starting at token `i`, if any: the bare token
    /// first, else after the proclitics it starts with (و ف ب ك ل).
    pub fn match_at<'a>(&'a self, stream: &Stream, i: usize) -> Option<Hit<'a, T>> {
        let start = stream.starts[i];
        let end_tok = stream.ends[i] - 1;
        let word = &stream.text[start..end_tok];
        let try_at = |skip: usize| -> Option<(usize, u32, usize)> {
            // patterns end with a space and tokens hold none: the pattern's
            // first word is the rest of the token, then whole tokens follow,
            // each after one space (not after punctuation)
            let first = &word[skip..];
            let b = filter_bit(first);
            if self.first_filter[b / 64] & (1 << (b % 64)) == 0 {
                return None;
            }
            let mut node = &self.nodes[*self.first_words.get(first)? as usize];
            let mut best = node.pattern.map(|p| (p, stream.ends[i]));
            let mut j = i + 1;
            while !node.next.is_empty()
                && j < stream.starts.len()
                && stream.starts[j] == stream.ends[j - 1]
            {
                let w = &stream.text[stream.starts[j]..stream.ends[j] - 1];
                let Ok(k) = node.next.binary_search_by(|(x, _)| (**x).cmp(w)) else {
                    break;
                };
                node = &self.nodes[node.next[k].1 as usize];
                if let Some(p) = node.pattern {
                    best = Some((p, stream.ends[j]));
                }
                j += 1;
            }
            let (pattern, mend) = best?;
            let (form, lam) = self.patterns[pattern as usize];
            if skip == 0 && lam == LAM {
                return None;
            }
            if skip > 0
                && (!self.clitics[form as usize] || (lam == LAM && !word[..skip].ends_with('ل')))
            {
                return None;
            }
            Some((mend, form, skip))
        };
        let mut best = try_at(0);
        if best.is_none() {
            // the proclitic sequences the token starts with, longest first
            for skip in proclitic_lengths(word).into_iter().flatten() {
                if let Some(c) = try_at(skip) {
                    if best.is_none_or(|b| c.0 > b.0) {
                        best = Some(c);
                    }
                }
            }
        }
        let (mend, form, skip) = best?;
        // the match ends just past a token's trailing space
        let last = stream.ends[i..].binary_search(&mend).ok()? + i;
        Some(Hit {
            first: i,
            last,
            prefix: word[..skip].chars().count(),
            form: &self.forms[form as usize],
            targets: &self.targets[form as usize],
        })
    }

    /// Leftmost-longest, non-overlapping matches over all tokens.
    pub fn find_all<'a>(&'a self, stream: &Stream) -> Vec<Hit<'a, T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < stream.starts.len() {
            if let Some(h) = self.match_at(stream, i) {
                i = h.last + 1;
                out.push(h);
            } else {
                i += 1;
            }
        }
        out
    }

    /// Every match at every token start (overlapping starts allowed).
    pub fn find_each<'a>(&'a self, stream: &Stream) -> Vec<Hit<'a, T>> {
        (0..stream.starts.len())
            .filter_map(|i| self.match_at(stream, i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{Normalizer, Profile};
    use crate::tokenize::tokenize;

    fn run(forms: &[&str], text: &str) -> Vec<(String, usize)> {
        let nz = Normalizer::profile(Profile::Match);
        let mut b = GazetteerBuilder::default();
        for (i, f) in forms.iter().enumerate() {
            b.add(&form_key(&nz, f), i, true);
        }
        let g = b.build();
        let nt = nz.normalize(text);
        let toks = tokenize(&nt, &[(0, nt.chars.len())]);
        let s = Stream::new(&toks.tokens);
        g.find_all(&s)
            .into_iter()
            .map(|h| {
                let a = toks.tokens[h.first].start + h.prefix;
                let b = toks.tokens[h.last].end;
                let (oa, ob) = nt.original_range(a, b);
                (text.chars().skip(oa).take(ob - oa).collect(), h.targets[0])
            })
            .collect()
    }

    #[test]
    fn clitics_and_boundaries() {
        let forms = ["العراق", "بغداد", "الولايات المتحدة", "لبنان", "الأسد"];
        let got = run(
            &forms,
            "وللعراق وبغداد والولايات المتحدة، لبنان بالأسد البغدادي",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["لعراق", "بغداد", "الولايات المتحدة", "لبنان", "الأسد"]
        );
    }

    /// Proclitic sequences that may start a token, longest first.
    const PREFIXES: &[&str] = &["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ك", "ل"];

    #[test]
    fn proclitic_lengths_follow_the_prefix_list() {
        for word in [
            "وبالعراق",
            "ولبنان",
            "فكان",
            "بغداد",
            "كالعادة",
            "لمصر",
            "وب",
            "وبه",
            "وا",
            "مصر",
            "و",
            "",
        ] {
            let want: Vec<usize> = PREFIXES
                .iter()
                .filter(|p| word.len() > p.len() + 2 && word.starts_with(*p))
                .map(|p| p.len())
                .collect();
            let got: Vec<usize> = proclitic_lengths(word).into_iter().flatten().collect();
            assert_eq!(got, want, "{word}");
        }
    }

    #[test]
    fn fx_hash_reads_the_tail_as_zero_padded_bytes() {
        use std::hash::Hasher;
        let data: Vec<u8> = (1..=23).collect();
        for len in 0..=data.len() {
            let bytes = &data[..len];
            let mut fast = FxHasher::default();
            fast.write(bytes);
            let mut plain = FxHasher::default();
            for c in bytes.chunks(8) {
                let mut b = [0u8; 8];
                b[..c.len()].copy_from_slice(c);
                plain.add(u64::from_le_bytes(b));
            }
            assert_eq!(fast.finish(), plain.finish(), "{len} bytes");
        }
    }

    #[test]
    fn does_not_cross_punctuation() {
        assert!(run(&["الولايات المتحدة"], "الولايات، المتحدة").is_empty());
    }

    #[test]
    fn a_bare_hyphen_joins_the_halves_of_a_name() {
        assert_eq!(
            run(&["مون جيه إن"], "قال مون جيه-إن إن"),
            [("مون جيه-إن".to_string(), 0)]
        );
        // a hyphen between spaces is a dash: it still separates
        assert!(run(&["مون جيه إن"], "قال مون جيه - إن").is_empty());
    }

    #[test]
    fn longest_wins() {
        let got = run(&["الأمم", "الأمم المتحدة"], "في الأمم المتحدة");
        assert_eq!(got, [("الأمم المتحدة".to_string(), 1)]);
    }
}
