//! The hashes the tagger computes: FNV-1a of words (stable across platforms
//! and versions), feature ids, value pairs, and an identity hasher for maps
//! keyed by an already mixed hash.

/// FNV-1a, 64 bits, of a string's UTF-8 bytes: the word hash (stable across
/// platforms and versions). `extend` continues a hash over more bytes.
#[inline]
pub(super) fn fnv(s: &[u8]) -> u64 {
    fnv_extend(0xcbf2_9ce4_8422_2325, s)
}

#[inline]
pub(super) fn fnv_extend(mut h: u64, s: &[u8]) -> u64 {
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
pub(super) fn fid(t: u32, x: u64) -> u32 {
    let z = mix(x ^ (t as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    ((z >> 32) as u32 ^ z as u32).max(1)
}

/// Two values combined (bigrams).
#[inline]
pub(super) fn pair(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_mul(0xff51_afd7_ed55_8ccd))
}

/// Identity hasher for maps keyed by an already mixed u64.
#[derive(Default, Clone, Copy)]
pub(super) struct IdBuild;
pub(super) struct IdHasher(u64);
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
