//! Emission scores, what the model gives each tag of each token: the
//! features that depend on one word only are summed once per word and kept
//! in a per-thread cache; the scores equal the sums over the materialized
//! features (tested).

#[cfg(test)]
use super::features::Features;
use super::features::{
    breaks_at, context_values, info, neighbour_features, word_features, Near, NEIGHBOURS,
};
use super::flags::Flags;
use super::hash::fid;
use super::model::{prefetch, Tagger};
use super::NT;
use crate::tokenize::Token;

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

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> =
        const { std::cell::RefCell::new(WordCache { owner: 0, slots: Vec::new(), small: Vec::new() }) };
}

impl Tagger {
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
    pub(super) fn word_cached_emissions(&self, tokens: &[Token]) -> Vec<[i32; NT]> {
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
}

#[cfg(test)]
mod tests {
    use super::super::features;
    use super::*;
    use crate::normalize::Normalizer;
    use crate::tokenize::tokenize;
    use proptest::strategy::Strategy;

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
}
