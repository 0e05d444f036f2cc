//! Property tests (proptest) of issue 7: normalization is idempotent and
//! aligned; every reported offset lies inside the text, on a character
//! boundary, and `text[start:end]` is the mention's text, for arbitrary
//! Unicode mixed with Arabic news vocabulary; a document's analysis does not
//! depend on the other documents of the run nor on the thread count; the
//! output always parses as JSON.

use analyze::analyze::{Engine, Settings};
use analyze::lexicon::Lexicon;
use analyze::model::{Document, Mention};
use analyze::normalize::{Normalizer, Profile};
use proptest::prelude::*;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        Engine::new(
            Lexicon::try_builtin().unwrap(),
            Settings {
                explain: true,
                encoding: None,
                max_bytes: 0,
            },
        )
    })
}

fn normalizers() -> &'static [Normalizer; 2] {
    static N: OnceLock<[Normalizer; 2]> = OnceLock::new();
    N.get_or_init(|| {
        [
            Normalizer::profile(Profile::Match),
            Normalizer::profile(Profile::Clean),
        ]
    })
}

/// Words that make the recognizers fire: people, titles, countries,
/// adjectives, cities, triggers, dates, bylines, boilerplate.
const VOCAB: &[&str] = &[
    "الرئيس",
    "السوري",
    "بشار",
    "الأسد",
    "العراقي",
    "رئيس",
    "الوزراء",
    "مصطفى",
    "الكاظمي",
    "وزير",
    "الخارجية",
    "فؤاد",
    "حسين",
    "زار",
    "يزور",
    "سيزور",
    "استقبل",
    "التقى",
    "بحث",
    "اتصالا",
    "هاتفيا",
    "رسالة",
    "دعوة",
    "قمة",
    "هنأ",
    "عزى",
    "اتفاقية",
    "مع",
    "إلى",
    "من",
    "في",
    "بين",
    "و",
    "العراق",
    "سوريا",
    "سورية",
    "مصر",
    "السعودية",
    "إيران",
    "بغداد",
    "دمشق",
    "الرياض",
    "القاهرة",
    "طهران",
    "الملك",
    "سلمان",
    "الشيخ",
    "الأمير",
    "أمس",
    "اليوم",
    "الثلاثاء",
    "12",
    "كانون",
    "الثاني",
    "2025",
    "١٢",
    "يناير",
    "رويترز",
    "سانا",
    "-",
    "/",
    "،",
    ".",
    "؟",
    "«",
    "»",
    "(",
    ")",
    "اقرأ أيضاً",
    "عاجل",
    "مُحَمَّد",
    "ﻻ",
    "عاجــــل",
    "ی",
    "ک",
    "ۀ",
    "\u{200f}",
    "\u{202b}",
    "\u{feff}",
    "\u{0651}",
];

/// Any character, biased towards Arabic blocks and the characters that
/// normalization rewrites.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        4 => proptest::char::range('\u{0600}', '\u{06FF}'),
        1 => proptest::char::range('\u{FB50}', '\u{FDFF}'),
        1 => proptest::char::range('\u{FE70}', '\u{FEFF}'),
        1 => proptest::char::range('\u{2000}', '\u{206F}'),
        1 => proptest::sample::select(vec!['\n', '\r', ' ', '\t', '.', '،', '\u{a0}']),
    ]
}

fn junk() -> impl Strategy<Value = String> {
    proptest::collection::vec(any_char(), 0..6).prop_map(|v| v.into_iter().collect())
}

/// A generated article: vocabulary words, separators and arbitrary Unicode.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::sample::select(VOCAB).prop_map(|w| w.to_string()),
        2 => proptest::sample::select(vec![" ", " ", " ", "\n", ". ", "\n\n", "\r\n"])
            .prop_map(|s| s.to_string()),
        1 => junk(),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| {
        let mut s = String::new();
        for p in v {
            s.push_str(&p);
            s.push(' ');
        }
        // a NUL makes a binary file, refused before analysis
        s.replace('\0', " ")
    })
}

fn mentions(doc: &Document) -> Vec<&Mention> {
    doc.people
        .iter()
        .flat_map(|p| p.mentions.iter())
        .chain(doc.countries.iter().flat_map(|c| c.mentions.iter()))
        .chain(doc.places.iter().flat_map(|p| p.mentions.iter()))
        .chain(doc.organizations.iter().flat_map(|o| o.mentions.iter()))
        .chain(doc.events.iter().flat_map(|e| [&e.trigger, &e.evidence]))
        .collect()
}

fn to_json(doc: &Document) -> String {
    serde_json::to_string(doc).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn normalization_is_idempotent_and_aligned(v in proptest::collection::vec(any_char(), 0..200)) {
        let text: String = v.into_iter().collect();
        let n_orig = text.chars().count();
        for (nz, p) in normalizers().iter().zip([Profile::Match, Profile::Clean]) {
            let nt = nz.normalize(&text);
            let once = nt.as_string();
            prop_assert_eq!(nz.normalize_str(&once), once.clone(), "{:?} not idempotent", p);
            prop_assert_eq!(nz.normalize_str(&text), once);
            prop_assert_eq!(nt.origin.len(), nt.chars.len());
            prop_assert!(nt.origin.windows(2).all(|w| w[0] <= w[1]));
            prop_assert!(nt.origin.iter().all(|&o| (o as usize) < n_orig));
            for a in 0..=nt.chars.len() {
                let (s, e) = nt.original_range(a, nt.chars.len());
                prop_assert!(s <= e && e <= n_orig);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_offset_maps_back_to_the_original_text(text in article()) {
        let doc = engine().analyze_bytes("gen.txt", text.as_bytes()).unwrap();
        // offsets are into the decoded text (BOM dropped, line endings unified)
        let decoded = analyze::decode::decode(text.as_bytes(), None).unwrap().text;
        let chars: Vec<char> = decoded.chars().collect();
        prop_assert_eq!(doc.chars, chars.len());
        // char offsets → byte offsets: each must be a char boundary of the text
        let mut byte_at: Vec<usize> = decoded.char_indices().map(|(b, _)| b).collect();
        byte_at.push(decoded.len());
        for m in mentions(&doc) {
            prop_assert!(m.start <= m.end && m.end <= chars.len(), "{:?}", m);
            let (bs, be) = (byte_at[m.start], byte_at[m.end]);
            prop_assert!(decoded.is_char_boundary(bs) && decoded.is_char_boundary(be));
            prop_assert_eq!(&decoded[bs..be], m.text.as_str());
        }
        for b in &doc.boilerplate {
            prop_assert_eq!(&decoded[byte_at[b.start]..byte_at[b.end]], b.text.as_str());
        }
        for p in &doc.paragraphs {
            prop_assert!(p.start <= p.end && p.end <= chars.len());
        }
        // the output parses as JSON, and says the same thing
        let v: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
        prop_assert_eq!(v["chars"].as_u64(), Some(chars.len() as u64));
    }

    #[test]
    fn a_document_does_not_depend_on_the_others(a in article(), b in article(), c in article()) {
        let e = engine();
        let alone = to_json(&e.analyze_bytes("a.txt", a.as_bytes()).unwrap());
        let _ = e.analyze_bytes("b.txt", b.as_bytes()).unwrap();
        let _ = e.analyze_bytes("c.txt", c.as_bytes()).unwrap();
        let after = to_json(&e.analyze_bytes("a.txt", a.as_bytes()).unwrap());
        prop_assert_eq!(alone, after);
    }

    #[test]
    fn arbitrary_bytes_give_a_document_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        match engine().analyze_bytes("bytes.bin", &bytes) {
            Ok(doc) => {
                let _: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
            }
            Err(e) => prop_assert!(!e.is_empty()),
        }
    }
}

// The whole CLI: other documents of the run and the thread count change
// nothing about a document, and both output formats parse. Few cases: each
// one starts the binary several times.
fn cli_docs(args: &[&str], dir: &std::path::Path) -> (serde_json::Value, Vec<u8>) {
    let out = assert_cmd::Command::cargo_bin("analyze")
        .unwrap()
        .args(args)
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    (serde_json::from_slice(&out.stdout).unwrap(), out.stdout)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn cli_run_context_and_threads_change_nothing(docs in proptest::collection::vec(article(), 2..6)) {
        let all = tempfile::tempdir().unwrap();
        let one = tempfile::tempdir().unwrap();
        for (i, d) in docs.iter().enumerate() {
            std::fs::write(all.path().join(format!("{i}.txt")), d).unwrap();
        }
        std::fs::write(one.path().join("0.txt"), &docs[0]).unwrap();
        let (v1, raw1) = cli_docs(&["--compact", "-j", "1"], all.path());
        let (_, raw2) = cli_docs(&["--compact", "-j", "2"], all.path());
        prop_assert_eq!(raw1, raw2, "thread count changed the output");
        let (alone, _) = cli_docs(&["--compact", "-j", "2"], one.path());
        let strip = |mut d: serde_json::Value| {
            d["file"] = serde_json::Value::Null;
            d["id"] = serde_json::Value::Null;
            d
        };
        prop_assert_eq!(
            strip(v1["documents"][0].clone()),
            strip(alone["documents"][0].clone()),
            "the other documents changed this one"
        );
        // NDJSON: every line parses
        let out = assert_cmd::Command::cargo_bin("analyze")
            .unwrap()
            .args(["--format", "ndjson", "--corpus-summary"])
            .arg(all.path())
            .output()
            .unwrap();
        let lines: Vec<&[u8]> = out.stdout.split(|b| *b == b'\n').filter(|l| !l.is_empty()).collect();
        prop_assert_eq!(lines.len(), docs.len() + 1);
        for l in lines {
            let _: serde_json::Value = serde_json::from_slice(l).unwrap();
        }
    }
}
