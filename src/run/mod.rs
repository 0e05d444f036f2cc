//! The run loop: discover inputs, cut them into records, analyze the
//! records on worker threads, print the results in input order, and decide
//! the exit code. Knows nothing of clap.
//!
//! The pipeline streams: one reader thread walks the inputs and cuts them
//! into [`Unit`](crate::formats::Unit)s, `jobs` workers analyze (and, for
//! NDJSON, serialize) them, and the calling thread prints them in input
//! order through a reorder buffer. The reader may run at most a window of
//! units ahead of the printer, so memory is bounded whatever the corpus
//! size and however slow one record is, and the output is byte-identical
//! for any number of jobs.
//!
//! The parts: `analyze`, `map` and `normalize` run those jobs; `pipeline`
//! holds the ordered parallel workers, `progress` the progress line on
//! stderr, `sink` where the output goes (and the handler that removes a
//! half-written file on interruption). This module keeps the job
//! configurations, the exit codes and [`run`].

mod analyze;
mod map;
mod normalize;
mod pipeline;
mod progress;
mod sink;

pub use pipeline::{pipeline, Outcome, RecordFailure, Workers};

use crate::analyze::{Engine, Settings};
use crate::formats::{FieldNames, InputFormat};
use crate::input::FileFilter;
use crate::lexicon::Lexicon;
use crate::output::Format;
use std::io::{self, Write};

/// A ready analysis configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub paths: Vec<std::path::PathBuf>,
    pub filter: FileFilter,
    pub format: Format,
    pub output: Option<std::path::PathBuf>,
    pub pretty: bool,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub lexicons: Vec<String>,
    pub explain: bool,
    pub jobs: Option<usize>,
    pub max_bytes: usize,
    pub quiet: bool,
    /// NDJSON: end with a `{"kind":"corpus"}` line (stories, summary).
    pub corpus_line: bool,
    /// How files are cut into records.
    pub input: InputFormat,
    /// JSON field names of records.
    pub fields: FieldNames,
    /// Which documents, events and parts are printed (`--only`, filters).
    pub select: crate::select::Selection,
    /// Options of the csv, dot, graphml, html and text formats.
    pub render: crate::render::Options,
    /// `--fail-on`: conditions that make the run exit with [`EXIT_FAIL_ON`].
    pub fail_on: Vec<FailOn>,
}

/// `--fail-on` conditions, for CI pipelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Some input or record could not be read, decoded or parsed.
    Unreadable,
    /// No document was analyzed (or all were filtered out).
    NoDocuments,
    /// No event was found (after the filters).
    NoEvents,
    /// At least one event was found (after the filters): an alert.
    Events,
}

impl FailOn {
    pub const ALL: [FailOn; 4] = [
        FailOn::Unreadable,
        FailOn::NoDocuments,
        FailOn::NoEvents,
        FailOn::Events,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FailOn::Unreadable => "unreadable",
            FailOn::NoDocuments => "no-documents",
            FailOn::NoEvents => "no-events",
            FailOn::Events => "events",
        }
    }
}

/// Mapper mode: JSON Lines on stdin, one output line per input line.
#[derive(Debug, Clone)]
pub struct MapperConfig {
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub lexicons: Vec<String>,
    pub explain: bool,
    pub jobs: Option<usize>,
    pub max_bytes: usize,
    pub quiet: bool,
    pub fields: FieldNames,
}

#[derive(Debug, Clone)]
pub struct NormalizeJob {
    pub files: Vec<String>,
    pub steps: Vec<String>,
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

#[derive(Debug, Clone)]
pub enum Job {
    Analyze(Config),
    Normalize(NormalizeJob),
    Text(crate::doctext::TextJob),
    Map(MapperConfig),
    /// Print fixed text (schema, completions, man page) and exit 0.
    Print(Vec<u8>),
}

/// Exit codes.
pub const EXIT_OK: i32 = 0;
pub const EXIT_INPUT_ERRORS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;
/// A `--fail-on` condition was met (takes precedence over 1).
pub const EXIT_FAIL_ON: i32 = 3;

/// Exit code of a run ended by a signal (128 + SIGINT, as shells report it).
pub const EXIT_INTERRUPTED: i32 = 130;

pub fn run(job: Job) -> i32 {
    match job {
        Job::Normalize(n) => normalize::run_normalize(n),
        Job::Text(t) => crate::doctext::run(t),
        Job::Analyze(c) => analyze::run_analyze(c),
        Job::Map(m) => map::run_mapper(m),
        Job::Print(bytes) => {
            let mut out = io::stdout().lock();
            match out.write_all(&bytes).and_then(|()| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    eprintln!("analyze: writing output: {e}");
                    EXIT_INPUT_ERRORS
                }
                _ => EXIT_OK,
            }
        }
    }
}

/// Build the lexicon: built-in plus user files.
pub fn load_lexicon(files: &[String]) -> Result<Lexicon, String> {
    let mut lex = Lexicon::try_builtin().map_err(|e| format!("built-in lexicon: {e}"))?;
    for f in files {
        let text = std::fs::read_to_string(f)
            .map_err(|e| format!("{f}: {}", crate::input::io_reason(&e)))?;
        lex.add_user_file(f, &text).map_err(|e| e.to_string())?;
    }
    Ok(lex)
}

/// Build the engine (once per process) from the lexicon files and settings;
/// the tagger's model and flags are loaded beside it, on another thread.
fn build_engine(lexicons: &[String], settings: Settings) -> Result<Engine, String> {
    let tagger = std::thread::spawn(crate::tagger::prepare);
    let engine = load_lexicon(lexicons).map(|lex| Engine::new(lex, settings));
    // (a panic there is a broken build, and the first document would meet it again)
    let _ = tagger.join();
    engine
}

/// Worker threads: the user's choice, else every core.
fn worker_count(jobs: Option<usize>) -> usize {
    jobs.filter(|&n| n > 0).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    })
}
