//! Decoding: the best tag sequence (first-order Viterbi under the BIO
//! constraints, packed and branch-free) and the entity spans it makes, with
//! their confidence.

use super::features::breaks_at;
use super::model::Tagger;
use super::{allowed, class, tag_kind, EntityType, Span, NT};
use crate::normalize::Normalizer;
use crate::tokenize::{tokenize, Token};

/// Temperature of the span score: margins are divided by it before the logistic.
const SCORE_T: f32 = 8.0;

impl Tagger {
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
    use crate::tokenize::Gap;

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
