//! Criterion benchmarks of the hot stages, on the bundled seed articles:
//! decode, normalize, structure, tokenize, match (entities), events,
//! serialize, the whole engine, and record parsing (JSON Lines, TREC).
//!
//! `cargo bench --bench stages` (add `-- STAGE` to run one).

use analyze::analyze::{Engine, Settings};
use analyze::document::structure;
use analyze::entities::{recognize, Recognizer};
use analyze::events::EventExtractor;
use analyze::formats::{analyze_unit, Body, FieldNames, Unit};
use analyze::gazetteer::Stream;
use analyze::lexicon::Lexicon;
use analyze::normalize::{Normalizer, Profile};
use analyze::tokenize::tokenize;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// The seed articles, concatenated bytes of each.
fn seeds() -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir("seeds")
        .expect("run from the project root")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn total(v: &[Vec<u8>]) -> u64 {
    v.iter().map(|b| b.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let raw = seeds();
    let texts: Vec<String> = raw
        .iter()
        .map(|b| analyze::decode::decode(b, None).unwrap().text)
        .collect();
    let bytes = total(&raw);
    let nz = Normalizer::profile(Profile::Match);
    let lex = Lexicon::try_builtin().unwrap();
    let events = EventExtractor::new(&lex);
    let recognizer = Recognizer::new(lex);

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("decode", |b| {
        b.iter(|| {
            for r in &raw {
                black_box(analyze::decode::decode(r, None).unwrap());
            }
        })
    });
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(nz.normalize(t));
            }
        })
    });
    g.bench_function("structure", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(structure(t, &nz));
            }
        })
    });
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let nt = nz.normalize(t);
            let regions = vec![(0, nt.chars.len())];
            (nt, regions)
        })
        .collect();
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            for (nt, regions) in &prepared {
                black_box(tokenize(nt, regions));
            }
        })
    });
    let tokenized: Vec<_> = prepared.iter().map(|(nt, r)| tokenize(nt, r)).collect();
    g.bench_function("match", |b| {
        b.iter(|| {
            for t in &tokenized {
                let stream = Stream::new(&t.tokens);
                black_box(recognize(&recognizer, &t.tokens, &stream));
            }
        })
    });
    let annotated: Vec<_> = tokenized
        .iter()
        .map(|t| {
            let stream = Stream::new(&t.tokens);
            let ann = recognize(&recognizer, &t.tokens, &stream);
            (stream, ann)
        })
        .collect();
    g.bench_function("events", |b| {
        b.iter(|| {
            for (t, (stream, ann)) in tokenized.iter().zip(&annotated) {
                black_box(events.extract(
                    t,
                    stream,
                    ann,
                    None,
                    &|w| recognizer.is_common(w),
                    false,
                ));
            }
        })
    });
    g.finish();

    let engine = Engine::new(Lexicon::try_builtin().unwrap(), Settings::default());
    let docs: Vec<_> = raw
        .iter()
        .map(|r| engine.analyze_bytes("seed", r).unwrap())
        .collect();
    let mut g = c.benchmark_group("whole");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("serialize", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for d in &docs {
                serde_json::to_writer(&mut out, d).unwrap();
                out.push(b'\n');
            }
            black_box(out)
        })
    });
    g.bench_function("engine", |b| {
        b.iter(|| {
            for r in &raw {
                black_box(engine.analyze_bytes("seed", r).unwrap());
            }
        })
    });
    let fields = FieldNames::default();
    let lines: Vec<Vec<u8>> = texts
        .iter()
        .map(|t| serde_json::to_vec(&serde_json::json!({"id": "x", "text": t})).unwrap())
        .collect();
    g.bench_function("jsonl_record", |b| {
        b.iter(|| {
            for l in &lines {
                let unit = Unit {
                    file: "bench.jsonl".into(),
                    record: 1,
                    line: Some(1),
                    body: Body::JsonLine(l.clone()),
                };
                black_box(analyze_unit(&engine, &fields, unit).unwrap());
            }
        })
    });
    g.bench_function("trec_record", |b| {
        let docs: Vec<Vec<u8>> = texts
            .iter()
            .map(|t| format!("<DOC>\n<DOCNO>x</DOCNO>\n<TEXT>\n{t}\n</TEXT>\n</DOC>").into_bytes())
            .collect();
        b.iter(|| {
            for d in &docs {
                let unit = Unit {
                    file: "bench.xml".into(),
                    record: 1,
                    line: Some(1),
                    body: Body::TrecDoc(d.clone()),
                };
                black_box(analyze_unit(&engine, &fields, unit).unwrap());
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = stages
}
criterion_main!(benches);
