//! The model: the weights of the feature ids in an open-addressing table
//! and the tag transitions; loading (the embedded file, or the one
//! [`MODEL_ENV`] names) with validation, and the writer training uses.

use super::binary::{bad, checksum, ModelError, Reader};
use super::features::{BOS, EOS, FEATURE_VERSION, NEIGHBOURS};
use super::hash::fid;
use super::NT;
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"ANTAGGR1";

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
    pub(super) trans: [[i32; NT]; NT + 1],
    /// Weight units per 1.0 of the trained (float) weights.
    pub(super) scale: f32,
    n_features: usize,
    /// Identity of this model for the per-thread word cache.
    pub(super) id: u64,
    /// The scores of each [`NEIGHBOURS`] template when that neighbour lies
    /// outside the segment (sequence start or end).
    pub(super) outside: [[i32; NT]; 4],
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

static BUILTIN_MODEL: &[u8] = include_bytes!("../data/tagger.model");

/// The environment variable naming a model file to use instead of the embedded one.
pub const MODEL_ENV: &str = "ANALYZE_TAGGER_MODEL";

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
    pub(super) fn prefetch(&self, id: u32) {
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

    /// Add the weights of feature `id` (if the model has it) to `e`.
    #[inline]
    pub(super) fn add(&self, e: &mut [i32; NT], id: u32) {
        if let Some(w) = self.lookup(id) {
            for t in 0..NT {
                e[t] += w[t] as i32;
            }
        }
    }
}

/// A hint to bring the cache line at `p` into the processor's caches.
#[inline(always)]
pub(super) fn prefetch(p: *const i8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing into the program and never faults,
    // whatever the address; SSE is part of every x86_64 processor.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
