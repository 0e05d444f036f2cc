//! Fuzz target: the input-format readers of `formats` (plain, JSON Lines,
//! JSON, TREC/SGML, gzip, zip, tar) and record analysis (`analyze_unit`).
//!
//! The first byte picks the file name's extension and the `--input` choice;
//! the rest is written to a scratch file and read the way the CLI reads it.
//! Invariants: never panics; reading ends; every unit either analyzes or
//! fails with a non-empty error.
#![no_main]

use analyze::analyze::{Engine, Settings};
use analyze::formats::{analyze_unit, FieldNames, InputFormat, Reader};
use analyze::input::{FileFilter, Source};
use analyze::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, OnceLock};

const EXTS: &[&str] = &[
    "txt", "jsonl", "json", "xml", "gz", "zip", "tar", "tgz", "", "sgml",
];
const FORMATS: &[InputFormat] = &[
    InputFormat::Auto,
    InputFormat::Auto,
    InputFormat::Auto,
    InputFormat::Jsonl,
    InputFormat::Json,
    InputFormat::Trec,
    InputFormat::Text,
];

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        Engine::new(
            Lexicon::try_builtin().expect("built-in lexicon"),
            Settings {
                explain: false,
                encoding: None,
                max_bytes: 1 << 20,
            },
        )
    })
}

fn scratch() -> &'static std::path::Path {
    static D: OnceLock<tempfile::TempDir> = OnceLock::new();
    D.get_or_init(|| tempfile::tempdir().expect("scratch dir"))
        .path()
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let ext = EXTS[sel as usize % EXTS.len()];
    let format = FORMATS[(sel as usize / EXTS.len()) % FORMATS.len()];
    let path = scratch().join(if ext.is_empty() {
        "input".to_string()
    } else {
        format!("input.{ext}")
    });
    std::fs::write(&path, body).expect("scratch file");
    let reader = Reader {
        format,
        filter: FileFilter::CorpusLike,
        max_bytes: 1 << 20,
        blank_lines_are_records: sel & 0x80 != 0,
        bytes_read: Arc::new(AtomicU64::new(0)),
    };
    let fields = FieldNames::default();
    let mut units = 0usize;
    reader.read_source(&Source::File(path.clone()), &mut |unit| {
        units += 1;
        match analyze_unit(engine(), &fields, unit) {
            Ok(doc) => assert!(!doc.file.is_empty()),
            Err(e) => assert!(!e.is_empty()),
        }
        // a bounded number of records per input keeps each run short
        units < 64
    });
    let _ = analyze::formats::plain_text(&String::from_utf8_lossy(body));
});
