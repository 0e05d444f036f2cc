//! Distributional word clusters: the embedded table of word keys and their
//! cluster at each granularity, its file format, and lookup.

use super::binary::{bad, checksum, ModelError, Reader};
use super::hash::fnv;
use std::sync::OnceLock;

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
    /// Where the keys of each value of their top [`BUCKET_BITS`] bits
    /// start (and, one entry on, end): the keys are hashes, spread evenly,
    /// so a lookup searches the few keys of one bucket, in one or two
    /// cache lines, instead of halving the whole table (whose last steps
    /// each miss the processor's caches).
    buckets: Vec<u32>,
}

/// Bits of a key that choose its bucket: 16,384 buckets (64 KB) of about
/// five keys each for the built-in clusters.
const BUCKET_BITS: u32 = 14;

/// The start of every bucket of the sorted `keys`, and their end.
fn bucket_starts(keys: &[u32]) -> Vec<u32> {
    (0..=1u64 << BUCKET_BITS)
        .map(|b| keys.partition_point(|&k| (k as u64) >> (32 - BUCKET_BITS) < b) as u32)
        .collect()
}

static BUILTIN_CLUSTERS: &[u8] = include_bytes!("../data/tagger.clusters");

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
        let buckets = bucket_starts(&keys);
        Ok(Clusters { keys, ids, buckets })
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
        let b = (k >> (32 - BUCKET_BITS)) as usize;
        let (lo, hi) = (self.buckets[b] as usize, self.buckets[b + 1] as usize);
        self.keys[lo..hi]
            .binary_search(&k)
            .ok()
            .map(|i| self.ids[lo + i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bucketed lookup finds what a search of the whole table finds:
    /// every key of the built-in clusters, keys next to them, and the ends
    /// of the key range.
    #[test]
    fn bucketed_lookup_equals_the_whole_table_search() {
        let c = Clusters::builtin();
        let whole = |k: u32| c.keys.binary_search(&k).ok().map(|i| c.ids[i]);
        let probes = c
            .keys
            .iter()
            .flat_map(|&k| [k, k.wrapping_add(1), k.wrapping_sub(1)])
            .chain([0, 1, u32::MAX, u32::MAX - 1, 1 << 18, (1 << 18) - 1]);
        for k in probes {
            // a word hash whose cluster key is k
            let h = k as u64;
            assert_eq!(cluster_key(h), k);
            assert_eq!(c.get(h), whole(k), "{k:#x}");
        }
        assert_eq!(c.buckets.len(), (1 << BUCKET_BITS) + 1);
        assert_eq!(*c.buckets.last().unwrap() as usize, c.len());
    }
}
