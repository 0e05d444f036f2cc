//! Train the statistical entity tagger ([`analyze::tagger`]) offline, and
//! tag files with it for evaluation.
//!
//! ```text
//! cargo run --release --example train_tagger -- CONLL OUT [--epochs N] [--min-count N]
//!         [--l2 X | --perceptron] [--prune X]
//!     train a linear-chain CRF (L2-regularized, SGD; 15 epochs, l2 1.0 by
//!     default; weights under 0.05 in absolute value are dropped) or, with
//!     --perceptron, an averaged structured perceptron
//!     (10 epochs) on a CoNLL file ("token TAG" lines, blank line between
//!     sentences; ANERcorp) and write the model to OUT
//!     (src/data/tagger.model for the built-in one)
//! cargo run --release --example train_tagger -- --clusters OUT DIR... [--vocab N]
//!     learn the word clusters the tagger's features read from unlabeled
//!     text (every *.txt under the DIRs; lines starting with '<' are
//!     markup and skipped) and write them to OUT (src/data/tagger.clusters
//!     for the built-in ones); the model must be retrained after
//! cargo run --release --example train_tagger -- --tag-dir DIR [--model FILE]
//!     tag every DIR/*.txt (sorted) and print one JSON object
//!     {"documents": [{"file", "people", "places", "organizations"}]} with
//!     mentions as character offsets, the shape ner_score.py reads; the
//!     tagging speed goes to standard error
//! ```
use analyze::normalize::Normalizer;
use analyze::tagger::{self, Clusters, Tagger, NT};
use analyze::tokenize::{tokenize, Gap, Token};
use std::collections::HashMap;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    if let Some(dir) = opt("--tag-dir") {
        let model = opt("--model").map(|p| std::fs::read(p).expect("read model"));
        let owned;
        let t = match &model {
            Some(b) => {
                owned = Tagger::from_bytes(b).unwrap_or_else(|e| panic!("{e}"));
                &owned
            }
            None => Tagger::builtin(),
        };
        tag_dir(t, &dir);
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--clusters") {
        let vocab: usize = opt("--vocab")
            .map(|s| s.parse().unwrap())
            .unwrap_or(100_000);
        let rest: Vec<&String> = args[i + 1..]
            .iter()
            .take_while(|a| !a.starts_with("--"))
            .collect();
        if rest.len() < 2 {
            eprintln!("usage: train_tagger --clusters OUT DIR... [--vocab N]");
            std::process::exit(2);
        }
        let bytes = clusters(&rest[1..], vocab);
        std::fs::write(rest[0], &bytes).expect("write clusters");
        let c = Clusters::from_bytes(&bytes).expect("the written clusters load");
        eprintln!(
            "wrote {} ({} bytes, {} words)",
            rest[0],
            bytes.len(),
            c.len()
        );
        return;
    }
    let pos: Vec<&String> = {
        let mut v = Vec::new();
        let mut skip = false;
        for a in &args {
            if skip {
                skip = false;
            } else if a.starts_with("--") {
                skip = a != "--perceptron";
            } else {
                v.push(a);
            }
        }
        v
    };
    if pos.len() != 2 {
        eprintln!("usage: train_tagger CONLL OUT [--epochs N] [--min-count N] [--l2 X | --perceptron] | --tag-dir DIR [--model FILE] | --clusters OUT DIR... [--vocab N]");
        std::process::exit(2);
    }
    let perceptron = args.iter().any(|a| a == "--perceptron");
    let epochs: usize = opt("--epochs")
        .map(|s| s.parse().unwrap())
        .unwrap_or(if perceptron { 10 } else { 15 });
    let min_count: u32 = opt("--min-count").map(|s| s.parse().unwrap()).unwrap_or(2);
    let l2: f64 = opt("--l2").map(|s| s.parse().unwrap()).unwrap_or(1.0);
    let crf = (!perceptron).then_some(l2);
    let prune: f64 = opt("--prune")
        .map(|s| s.parse().unwrap())
        .unwrap_or(if perceptron { 0.0 } else { 0.05 });
    let bytes = train(pos[0], epochs, min_count, crf, prune);
    std::fs::write(pos[1], &bytes).expect("write model");
    let t = Tagger::from_bytes(&bytes).expect("the written model loads");
    eprintln!(
        "wrote {} ({} bytes, {} features)",
        pos[1],
        bytes.len(),
        t.n_features()
    );
}

/// CoNLL sentences as (token, tag) pairs.
fn read_conll(path: &str) -> Vec<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).expect("read CoNLL file");
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in text.trim_start_matches('\u{feff}').lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let tag = if parts.len() > 1 {
            parts[parts.len() - 1]
        } else {
            "O"
        };
        cur.push((parts[0].to_string(), tag.to_string()));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// One CoNLL sentence as our tokens and their gold tags: the sentence text is
/// the CoNLL tokens joined by spaces, normalized and tokenized exactly as the
/// tool does. A CoNLL token that splits into several of our tokens gives its
/// tag to the first and I- to the rest; punctuation-only tokens vanish; the
/// BIO sequence is then repaired (an I- after a break or another type is B-).
fn sentence(s: &[(String, String)]) -> (Vec<Token>, Vec<usize>) {
    let mut text = String::new();
    let mut starts = Vec::new(); // char offset where each CoNLL token starts
    let mut n = 0usize;
    for (i, (tok, _)) in s.iter().enumerate() {
        if i > 0 {
            text.push(' ');
            n += 1;
        }
        starts.push(n);
        text.push_str(tok);
        n += tok.chars().count();
    }
    let nt = Normalizer::matching().normalize(&text);
    let toks = tokenize(&nt, &[(0, nt.chars.len())]).tokens;
    let mut tags = Vec::with_capacity(toks.len());
    let mut prev_src = usize::MAX;
    for (k, t) in toks.iter().enumerate() {
        let o = nt.origin[t.start] as usize;
        let src = starts.partition_point(|&x| x <= o) - 1;
        let mut tag = tagger::tag_id(&s[src].1);
        if src == prev_src && tag != 0 && tag % 2 == 1 {
            tag += 1; // a later piece of a B- token
        }
        let prev = if k == 0 || t.gap == Gap::Break || t.sentence != toks[k - 1].sentence {
            NT
        } else {
            tags[k - 1]
        };
        if !tagger::allowed(prev, tag) {
            tag -= 1; // I-X → B-X
        }
        tags.push(tag);
        prev_src = src;
    }
    (toks, tags)
}

struct Xorshift(u64);
impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn train(path: &str, epochs: usize, min_count: u32, crf: Option<f64>, prune: f64) -> Vec<u8> {
    let t0 = Instant::now();
    let sents = read_conll(path);
    let data: Vec<(Vec<Token>, Vec<usize>)> = sents.iter().map(|s| sentence(s)).collect();
    let feats: Vec<tagger::Features> = data.iter().map(|(t, _)| tagger::features(t)).collect();
    // prune features seen fewer than min_count times
    let mut count: HashMap<u32, u32> = HashMap::new();
    for s in &feats {
        for f in &s.ids {
            *count.entry(*f).or_insert(0) += 1;
        }
    }
    let mut ids: Vec<u32> = count
        .iter()
        .filter(|(_, c)| **c >= min_count)
        .map(|(k, _)| *k)
        .collect();
    ids.sort_unstable();
    let index: HashMap<u32, usize> = ids.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let dense: Vec<Vec<Vec<usize>>> = feats
        .iter()
        .map(|s| {
            (0..s.len())
                .map(|i| {
                    s.token(i)
                        .iter()
                        .filter_map(|f| index.get(f).copied())
                        .collect()
                })
                .collect()
        })
        .collect();
    eprintln!(
        "{} sentences, {} tokens, {} features ({} before pruning), {:.1}s",
        data.len(),
        data.iter().map(|d| d.0.len()).sum::<usize>(),
        ids.len(),
        count.len(),
        t0.elapsed().as_secs_f64()
    );
    let nf = ids.len();
    let (mut wf, trf) = match crf {
        Some(l2) => crf_train(&data, &dense, nf, epochs, l2, t0),
        None => perceptron(&data, &dense, nf, epochs, t0),
    };
    // weights too small to matter are left out: a smaller table, read faster
    for r in wf.iter_mut() {
        for x in r.iter_mut() {
            if x.abs() < prune {
                *x = 0.0;
            }
        }
    }
    let mut max = 0f64;
    for r in wf.iter().chain(trf.iter()) {
        for x in r {
            max = max.max(x.abs());
        }
    }
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    let q = |x: f64| (x * scale).round().clamp(-32767.0, 32767.0) as i16;
    let features: Vec<(u32, [i16; NT])> = (0..nf).map(|k| (ids[k], wf[k].map(q))).collect();
    let trans = trf.map(|r| r.map(q));
    tagger::write_model(&features, &trans, scale as f32)
}

type Data = [(Vec<Token>, Vec<usize>)];
type Dense = [Vec<Vec<usize>>];
type Weights = (Vec<[f64; NT]>, [[f64; NT]; NT + 1]);

/// Does token `i` start a segment (its transition is from the start row)?
fn starts(toks: &[Token], i: usize) -> bool {
    i == 0 || toks[i].gap == Gap::Break || toks[i].sentence != toks[i - 1].sentence
}

fn logsumexp(xs: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = xs.collect();
    let m = v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + v.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

/// A linear-chain CRF (the same features, transitions and BIO constraints
/// as the perceptron; Viterbi decoding unchanged), trained by stochastic
/// gradient descent on the L2-regularized log-likelihood (learning rate
/// 1 / (l2 * (t0 + t)), weights kept as scale * v so that the decay costs
/// nothing per step).
fn crf_train(
    data: &Data,
    dense: &Dense,
    nf: usize,
    epochs: usize,
    l2: f64,
    t0: Instant,
) -> Weights {
    let n = data.len() as f64;
    let lambda = l2 / n;
    let mut v = vec![[0f64; NT]; nf];
    let mut tr = [[0f64; NT]; NT + 1];
    let mut scale = 1f64;
    let eta0 = 0.1;
    let tt0 = 1.0 / (lambda * eta0);
    let mut t = 0f64;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Xorshift(0x9e37_79b9_7f4a_7c15);
    const NEG: f64 = f64::NEG_INFINITY;
    for ep in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut loss = 0f64;
        for &si in &order {
            let (toks, gold) = &data[si];
            let fs = &dense[si];
            let m = toks.len();
            if m == 0 {
                continue;
            }
            let eta = 1.0 / (lambda * (tt0 + t));
            t += 1.0;
            let em: Vec<[f64; NT]> = fs
                .iter()
                .map(|f| {
                    let mut e = [0f64; NT];
                    for &k in f {
                        for x in 0..NT {
                            e[x] += v[k][x];
                        }
                    }
                    e.map(|x| x * scale)
                })
                .collect();
            let trv = |p: usize, x: usize| if tagger::allowed(p, x) { tr[p][x] } else { NEG };
            // forward
            let mut alpha = vec![[NEG; NT]; m];
            for i in 0..m {
                for x in 0..NT {
                    alpha[i][x] = em[i][x]
                        + if starts(toks, i) {
                            let prev = if i == 0 {
                                0.0
                            } else {
                                logsumexp(alpha[i - 1].iter().cloned())
                            };
                            prev + trv(NT, x)
                        } else {
                            logsumexp((0..NT).map(|p| alpha[i - 1][p] + trv(p, x)))
                        };
                }
            }
            let logz = logsumexp(alpha[m - 1].iter().cloned());
            // backward
            let mut beta = vec![[0f64; NT]; m];
            for i in (0..m - 1).rev() {
                for p in 0..NT {
                    beta[i][p] = if starts(toks, i + 1) {
                        logsumexp((0..NT).map(|x| trv(NT, x) + em[i + 1][x] + beta[i + 1][x]))
                    } else {
                        logsumexp((0..NT).map(|x| trv(p, x) + em[i + 1][x] + beta[i + 1][x]))
                    };
                }
            }
            // gold score
            let mut gs = 0f64;
            for i in 0..m {
                gs += em[i][gold[i]];
                gs += if starts(toks, i) {
                    tr[NT][gold[i]]
                } else {
                    tr[gold[i - 1]][gold[i]]
                };
            }
            loss += logz - gs;
            // decay, then the gradient step
            scale *= 1.0 - eta * lambda;
            let g = eta / scale;
            let mut gtr = [[0f64; NT]; NT + 1];
            for i in 0..m {
                let mut pm = [0f64; NT];
                for x in 0..NT {
                    pm[x] = (alpha[i][x] + beta[i][x] - logz).exp();
                }
                for &k in &fs[i] {
                    v[k][gold[i]] += g;
                    for x in 0..NT {
                        v[k][x] -= g * pm[x];
                    }
                }
                if starts(toks, i) {
                    gtr[NT][gold[i]] += 1.0;
                    for x in 0..NT {
                        gtr[NT][x] -= pm[x];
                    }
                } else {
                    gtr[gold[i - 1]][gold[i]] += 1.0;
                    for p in 0..NT {
                        for x in 0..NT {
                            if tagger::allowed(p, x) {
                                let e = (alpha[i - 1][p] + tr[p][x] + em[i][x] + beta[i][x] - logz)
                                    .exp();
                                gtr[p][x] -= e;
                            }
                        }
                    }
                }
            }
            // transitions are few: plain SGD with the same decay
            for p in 0..=NT {
                for x in 0..NT {
                    tr[p][x] = tr[p][x] * (1.0 - eta * lambda) + eta * gtr[p][x];
                }
            }
            if scale < 1e-9 {
                for r in v.iter_mut() {
                    for x in r.iter_mut() {
                        *x *= scale;
                    }
                }
                scale = 1.0;
            }
        }
        eprintln!(
            "epoch {}: loss {:.1}, {:.1}s",
            ep + 1,
            loss,
            t0.elapsed().as_secs_f64()
        );
    }
    let w = v.into_iter().map(|r| r.map(|x| x * scale)).collect();
    (w, tr)
}

fn perceptron(data: &Data, dense: &Dense, nf: usize, epochs: usize, t0: Instant) -> Weights {
    // perceptron with averaging: avg = w - wa / c
    let mut w = vec![[0i32; NT]; nf];
    let mut wa = vec![[0i64; NT]; nf];
    let mut tr = [[0i32; NT]; NT + 1];
    let mut tra = [[0i64; NT]; NT + 1];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Xorshift(0x9e37_79b9_7f4a_7c15);
    let prev_of = |toks: &[Token], tags: &[usize], i: usize| {
        if i == 0 || toks[i].gap == Gap::Break || toks[i].sentence != toks[i - 1].sentence {
            NT
        } else {
            tags[i - 1]
        }
    };
    for ep in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut wrong = 0usize;
        for &si in &order {
            let (toks, gold) = &data[si];
            let fs = &dense[si];
            let em: Vec<[i32; NT]> = fs
                .iter()
                .map(|f| {
                    let mut e = [0i32; NT];
                    for &k in f {
                        for t in 0..NT {
                            e[t] += w[k][t];
                        }
                    }
                    e
                })
                .collect();
            let pred = tagger::viterbi(&em, toks, &tr);
            if pred != *gold {
                for i in 0..toks.len() {
                    let (g, p) = (gold[i], pred[i]);
                    if g != p {
                        wrong += 1;
                        for &k in &fs[i] {
                            w[k][g] += 1;
                            wa[k][g] += c;
                            w[k][p] -= 1;
                            wa[k][p] -= c;
                        }
                    }
                    let (gp, pp) = (prev_of(toks, gold, i), prev_of(toks, &pred, i));
                    if (gp, g) != (pp, p) {
                        tr[gp][g] += 1;
                        tra[gp][g] += c;
                        tr[pp][p] -= 1;
                        tra[pp][p] -= c;
                    }
                }
            }
            c += 1;
        }
        eprintln!(
            "epoch {}: {} token errors, {:.1}s",
            ep + 1,
            wrong,
            t0.elapsed().as_secs_f64()
        );
    }
    let avg = |w: i32, wa: i64| w as f64 - wa as f64 / c as f64;
    let wf = (0..nf)
        .map(|k| {
            let mut r = [0f64; NT];
            for t in 0..NT {
                r[t] = avg(w[k][t], wa[k][t]);
            }
            r
        })
        .collect();
    let mut trf = [[0f64; NT]; NT + 1];
    for a in 0..=NT {
        for t in 0..NT {
            trf[a][t] = avg(tr[a][t], tra[a][t]);
        }
    }
    (wf, trf)
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn tag_dir(t: &Tagger, dir: &str) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let nz = Normalizer::matching();
    let mut spent = 0f64;
    let mut ntok = 0usize;
    let mut docs = Vec::new();
    for p in &files {
        let text = std::fs::read_to_string(p).expect("read file");
        let nt = nz.normalize(&text);
        let toks = tokenize(&nt, &[(0, nt.chars.len())]).tokens;
        let t0 = Instant::now();
        let spans = t.tag(&toks);
        spent += t0.elapsed().as_secs_f64();
        ntok += toks.len();
        let mut by: [Vec<String>; 3] = Default::default();
        for s in spans {
            let (a, b) = nt.original_range(toks[s.first].start, toks[s.last].end);
            let k = match s.kind {
                tagger::EntityType::Person => 0,
                tagger::EntityType::Location => 1,
                tagger::EntityType::Organization => 2,
            };
            by[k].push(format!(
                "{{\"mentions\":[{{\"start\":{a},\"end\":{b}}}],\"score\":{:.3}}}",
                s.score
            ));
        }
        let name = p.file_name().unwrap().to_string_lossy();
        docs.push(format!(
            "{{\"file\":{},\"people\":[{}],\"places\":[{}],\"organizations\":[{}]}}",
            json_str(&name),
            by[0].join(","),
            by[1].join(","),
            by[2].join(",")
        ));
    }
    println!("{{\"documents\":[{}]}}", docs.join(",\n"));
    eprintln!(
        "tagged {} tokens in {:.3}s: {:.0} tokens/s ({:.2} µs/token)",
        ntok,
        spent,
        ntok as f64 / spent.max(1e-9),
        spent * 1e6 / ntok.max(1) as f64
    );
}

/// Every `*.txt` file under `dir`, sorted.
fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

/// Granularities of the clusters, fine to coarse (at most 65,535 each).
const CLUSTER_KS: [usize; tagger::N_LEVELS] = [1024, 256, 64];
/// Words of context read at each position (the most frequent ones).
const CONTEXT_WORDS: usize = 2000;
/// Dimensions of the random projection of the context counts.
const DIMS: usize = 128;

/// Distributional word clusters: each of the `vocab` most frequent words
/// (seen at least 5 times) is described by the words around it (positions
/// -2..+2 within a sentence, among the 2,000 most frequent; a context word
/// weighs 1/sqrt of its frequency, positions ±2 half), randomly projected to
/// 128 dimensions and normalized, then grouped by spherical k-means at each
/// granularity of [`CLUSTER_KS`]. Deterministic (fixed seeds, sorted files).
fn clusters(dirs: &[&String], vocab: usize) -> Vec<u8> {
    let t0 = Instant::now();
    let mut files = Vec::new();
    for d in dirs {
        walk(std::path::Path::new(d.as_str()), &mut files);
    }
    let nz = Normalizer::matching();
    const BREAK: u32 = u32::MAX;
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let mut freq: Vec<u64> = Vec::new();
    let mut seq: Vec<u32> = Vec::new();
    for p in &files {
        let raw = std::fs::read(p).expect("read file");
        let text = String::from_utf8_lossy(&raw);
        let body: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with('<'))
            .collect::<Vec<_>>()
            .join("\n");
        let nt = nz.normalize(&body);
        let toks = tokenize(&nt, &[(0, nt.chars.len())]).tokens;
        for (k, t) in toks.iter().enumerate() {
            if k == 0 || t.gap == Gap::Break || t.sentence != toks[k - 1].sentence {
                seq.push(BREAK);
            }
            let id = match ids.get(t.text.as_str()) {
                Some(&id) => id,
                None => {
                    let id = words.len() as u32;
                    ids.insert(t.text.to_string(), id);
                    words.push(t.text.to_string());
                    freq.push(0);
                    id
                }
            };
            freq[id as usize] += 1;
            seq.push(id);
        }
    }
    seq.push(BREAK);
    eprintln!(
        "{} files, {} tokens, {} distinct words, {:.1}s",
        files.len(),
        seq.len(),
        words.len(),
        t0.elapsed().as_secs_f64()
    );
    // words by decreasing frequency (ties by the word: deterministic)
    let mut order: Vec<u32> = (0..words.len() as u32).collect();
    order.sort_by(|&a, &b| {
        freq[b as usize]
            .cmp(&freq[a as usize])
            .then_with(|| words[a as usize].cmp(&words[b as usize]))
    });
    let v: Vec<u32> = order
        .iter()
        .copied()
        .filter(|&w| freq[w as usize] >= 5)
        .take(vocab)
        .collect();
    let nv = v.len();
    let mut row = vec![u32::MAX; words.len()];
    for (r, &w) in v.iter().enumerate() {
        row[w as usize] = r as u32;
    }
    let mut ctx = vec![u32::MAX; words.len()];
    for (r, &w) in order.iter().take(CONTEXT_WORDS).enumerate() {
        ctx[w as usize] = r as u32;
    }
    // the random projection: one ±1 vector per (position, context word)
    let mut rng = Xorshift(0x2545_f491_4f6c_dd1d);
    let positions: [(isize, f32); 4] = [(-2, 0.5), (-1, 1.0), (1, 1.0), (2, 0.5)];
    let proj: Vec<[f32; DIMS]> = (0..positions.len() * CONTEXT_WORDS)
        .map(|k| {
            let c = order[k % CONTEXT_WORDS] as usize;
            let wt = positions[k / CONTEXT_WORDS].1 / (freq[c] as f32).sqrt();
            let mut x = [0f32; DIMS];
            for d in x.iter_mut() {
                *d = if rng.next() & 1 == 0 { wt } else { -wt };
            }
            x
        })
        .collect();
    let mut vecs = vec![[0f32; DIMS]; nv];
    for i in 0..seq.len() {
        let w = seq[i];
        if w == BREAK || row[w as usize] == u32::MAX {
            continue;
        }
        let r = row[w as usize] as usize;
        for (pk, &(d, _)) in positions.iter().enumerate() {
            let j = i as isize + d;
            if j < 0 || j as usize >= seq.len() {
                continue;
            }
            // stay within the sentence
            let (lo, hi) = if d < 0 {
                (j as usize, i)
            } else {
                (i + 1, j as usize + 1)
            };
            if seq[lo..hi].contains(&BREAK) {
                continue;
            }
            let c = seq[j as usize];
            let ci = ctx[c as usize];
            if ci == u32::MAX {
                continue;
            }
            let p = &proj[pk * CONTEXT_WORDS + ci as usize];
            let x = &mut vecs[r];
            for k in 0..DIMS {
                x[k] += p[k];
            }
        }
    }
    for x in vecs.iter_mut() {
        normalize(x);
    }
    eprintln!("{} word vectors, {:.1}s", nv, t0.elapsed().as_secs_f64());
    let mut assign = vec![[0u16; tagger::N_LEVELS]; nv];
    for (g, &k) in CLUSTER_KS.iter().enumerate() {
        let a = kmeans(&vecs, k, 0x9e37_79b9 + g as u64);
        for (r, c) in a.into_iter().enumerate() {
            assign[r][g] = c;
        }
        eprintln!("k = {k}: {:.1}s", t0.elapsed().as_secs_f64());
    }
    let rows: Vec<(&str, [u16; tagger::N_LEVELS])> = v
        .iter()
        .enumerate()
        .map(|(r, &w)| (words[w as usize].as_str(), assign[r]))
        .collect();
    Clusters::write(&rows)
}

fn normalize(x: &mut [f32; DIMS]) {
    let n = x.iter().map(|a| a * a).sum::<f32>().sqrt();
    if n > 0.0 {
        for a in x.iter_mut() {
            *a /= n;
        }
    }
}

#[inline]
fn dot(a: &[f32; DIMS], b: &[f32; DIMS]) -> f32 {
    // eight partial sums: the compiler vectorizes them
    let mut s = [0f32; 8];
    for k in (0..DIMS).step_by(8) {
        for l in 0..8 {
            s[l] += a[k + l] * b[k + l];
        }
    }
    s.iter().sum()
}

/// Spherical k-means (cosine), `k` centres drawn from the vectors with a
/// fixed seed, 12 rounds.
fn kmeans(vecs: &[[f32; DIMS]], k: usize, seed: u64) -> Vec<u16> {
    let n = vecs.len();
    let k = k.min(n).max(1);
    let mut rng = Xorshift(seed | 1);
    let mut picked = std::collections::HashSet::new();
    let mut centres = Vec::with_capacity(k);
    while centres.len() < k {
        let i = (rng.next() % n as u64) as usize;
        if picked.insert(i) {
            centres.push(vecs[i]);
        }
    }
    let mut assign = vec![0u16; n];
    for _round in 0..12 {
        let mut changed = 0;
        for (i, x) in vecs.iter().enumerate() {
            let mut best = 0;
            let mut bs = f32::MIN;
            for (c, m) in centres.iter().enumerate() {
                let s = dot(x, m);
                if s > bs {
                    bs = s;
                    best = c;
                }
            }
            if assign[i] != best as u16 {
                changed += 1;
            }
            assign[i] = best as u16;
        }
        let mut sums = vec![[0f32; DIMS]; k];
        for (i, x) in vecs.iter().enumerate() {
            let s = &mut sums[assign[i] as usize];
            for d in 0..DIMS {
                s[d] += x[d];
            }
        }
        for (c, s) in sums.iter_mut().enumerate() {
            if s.iter().any(|&a| a != 0.0) {
                normalize(s);
                centres[c] = *s;
            }
        }
        if changed == 0 {
            break;
        }
    }
    assign
}
