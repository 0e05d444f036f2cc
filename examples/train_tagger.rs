//! Train the statistical entity tagger ([`analyze::tagger`]) offline, and
//! tag files with it for evaluation.
//!
//! ```text
//! cargo run --release --example train_tagger -- CONLL OUT [--epochs N] [--min-count N]
//!     train an averaged structured perceptron on a CoNLL file ("token TAG"
//!     lines, blank line between sentences; ANERcorp) and write the model
//!     to OUT (src/data/tagger.model for the built-in one)
//! cargo run --release --example train_tagger -- --tag-dir DIR [--model FILE]
//!     tag every DIR/*.txt (sorted) and print one JSON object
//!     {"documents": [{"file", "people", "places", "organizations"}]} with
//!     mentions as character offsets, the shape ner_score.py reads; the
//!     tagging speed goes to standard error
//! ```
use analyze::normalize::Normalizer;
use analyze::tagger::{self, Tagger, NT};
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
    let pos: Vec<&String> = {
        let mut v = Vec::new();
        let mut skip = false;
        for a in &args {
            if skip {
                skip = false;
            } else if a.starts_with("--") {
                skip = true;
            } else {
                v.push(a);
            }
        }
        v
    };
    if pos.len() != 2 {
        eprintln!("usage: train_tagger CONLL OUT [--epochs N] [--min-count N] | --tag-dir DIR [--model FILE]");
        std::process::exit(2);
    }
    let epochs: usize = opt("--epochs").map(|s| s.parse().unwrap()).unwrap_or(10);
    let min_count: u32 = opt("--min-count").map(|s| s.parse().unwrap()).unwrap_or(2);
    let bytes = train(pos[0], epochs, min_count);
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

fn train(path: &str, epochs: usize, min_count: u32) -> Vec<u8> {
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
    let mut max = 0f64;
    for k in 0..nf {
        for t in 0..NT {
            max = max.max(avg(w[k][t], wa[k][t]).abs());
        }
    }
    for a in 0..=NT {
        for t in 0..NT {
            max = max.max(avg(tr[a][t], tra[a][t]).abs());
        }
    }
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    let q = |x: f64| (x * scale).round().clamp(-32767.0, 32767.0) as i16;
    let features: Vec<(u32, [i16; NT])> = (0..nf)
        .map(|k| {
            let mut r = [0i16; NT];
            for t in 0..NT {
                r[t] = q(avg(w[k][t], wa[k][t]));
            }
            (ids[k], r)
        })
        .collect();
    let mut trans = [[0i16; NT]; NT + 1];
    for a in 0..=NT {
        for t in 0..NT {
            trans[a][t] = q(avg(tr[a][t], tra[a][t]));
        }
    }
    tagger::write_model(&features, &trans, scale as f32)
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
