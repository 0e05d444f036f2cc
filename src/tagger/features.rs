//! The feature templates: what the tagger reads of a token (its word,
//! stems, affixes, shape, lexicon flags and clusters), of its neighbours
//! within the segment and of the gaps around it, as 32-bit feature ids.

use super::clusters::{Clusters, NO_CLUSTER, N_LEVELS};
use super::flags::{Flags, N_FLAGS};
use super::hash::{fid, fnv, pair};
use super::stems::{stem_hashes, stem_text_after_article};
use crate::tokenize::{Gap, Token};

/// Version of the feature templates: a model trained with other templates is refused.
pub const FEATURE_VERSION: u32 = 2;

/// Per-token values the features of the token and of its neighbours use.
#[derive(Default, Clone, Copy)]
pub(super) struct TokInfo {
    pub(super) word: u64,
    /// The most stripped proclitic reading (the word itself if none).
    stem: u64,
    pub(super) flags: u16,
    /// Flags of the proclitic readings that the word itself lacks.
    pub(super) stem_flags: u16,
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

pub(super) const BOS: u64 = 0x5354_4152_5442_4f53;
pub(super) const EOS: u64 = 0x5354_4f50_454f_5321;

pub(super) fn info(flags: &Flags, w: &str) -> TokInfo {
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
pub(super) fn word_features(w: &str, ti: &TokInfo, push: &mut impl FnMut(u32)) {
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
pub(super) const NEIGHBOURS: [(u32, isize); 4] = [(13, -1), (14, 1), (15, -2), (16, 2)];

/// The features a token gets from the neighbour `o` at offset `d` (within the segment).
pub(super) fn neighbour_features(t: u32, d: isize, o: &TokInfo, push: &mut impl FnMut(u32)) {
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
pub(super) struct Near {
    pub(super) word: u64,
    pub(super) flags: u16,
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
pub(super) fn context_values(
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

/// Does a new segment (sentence, region) start at token `i`?
#[inline]
pub(super) fn breaks_at(tokens: &[Token], i: usize) -> bool {
    i > 0 && (tokens[i].gap == Gap::Break || tokens[i].sentence != tokens[i - 1].sentence)
}
