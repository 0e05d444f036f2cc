//! The run loop: discover inputs, cut them into records, analyze the
//! records on worker threads, print the results in input order, and decide
//! the exit code. Knows nothing of clap.
//!
//! The pipeline streams: one reader thread walks the inputs and cuts them
//! into [`Unit`]s, `jobs` workers analyze (and, for NDJSON, serialize) them,
//! and the calling thread prints them in input order through a reorder
//! buffer. The reader may run at most a window of units ahead of the
//! printer, so memory is bounded whatever the corpus size and however slow
//! one record is, and the output is byte-identical for any number of jobs.

use crate::analyze::{Engine, Settings};
use crate::corpus::Corpus;
use crate::formats::{analyze_unit, Body, FieldNames, InputFormat, Reader, Unit};
use crate::input::{discover_each, read_bytes, FileFilter, Source};
use crate::lexicon::Lexicon;
use crate::model::{Document, InputFailure};
use crate::output::{Format, JsonPrinter, NdjsonPrinter, Printer};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

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

pub fn run(job: Job) -> i32 {
    match job {
        Job::Normalize(n) => run_normalize(n),
        Job::Text(t) => crate::doctext::run(t),
        Job::Analyze(c) => run_analyze(c),
        Job::Map(m) => run_mapper(m),
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

fn run_normalize(job: NormalizeJob) -> i32 {
    let names: Vec<&str> = job.steps.iter().map(|s| s.as_str()).collect();
    let nz = match crate::normalize::Normalizer::from_names(&names) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("analyze: {e}");
            return EXIT_USAGE;
        }
    };
    let mut code = EXIT_OK;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for f in &job.files {
        let src = if f == "-" {
            Source::Stdin
        } else {
            Source::File(f.into())
        };
        let text = read_bytes(&src)
            .and_then(|b| crate::decode::decode(&b, job.encoding).map_err(|e| e.to_string()));
        match text {
            Ok(d) => {
                if let Err(e) = out.write_all(nz.normalize_str(&d.text).as_bytes()) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return code;
                    }
                    eprintln!("analyze: writing output: {e}");
                    return EXIT_INPUT_ERRORS;
                }
            }
            Err(e) => {
                eprintln!("analyze: {f}: {e}");
                code = EXIT_INPUT_ERRORS;
            }
        }
    }
    let _ = out.flush();
    code
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

fn run_analyze(c: Config) -> i32 {
    let mut engine = match build_engine(
        &c.lexicons,
        Settings {
            explain: c.explain,
            encoding: c.encoding,
            max_bytes: c.max_bytes,
        },
    ) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("analyze: {e}");
            return EXIT_USAGE;
        }
    };
    let ndjson = c.format == Format::Ndjson;
    engine.keep_text = c.format == Format::Html;
    let mut printer: Box<dyn Printer> = match c.format {
        Format::Json => {
            let mut p = JsonPrinter::new(c.pretty);
            p.only = c.select.only;
            Box::new(p)
        }
        Format::Ndjson => Box::new(NdjsonPrinter {
            corpus_line: c.corpus_line,
            only: c.select.only,
        }),
        f => crate::render::printer(f, &c.render, c.select.only),
    };
    let (mut documents, mut events) = (0usize, 0usize);
    // the sink: stdout, or a temporary file renamed into place at the end
    let mut sink = match Sink::open(c.output.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("analyze: {e}");
            return EXIT_USAGE;
        }
    };
    let reader = Reader::new(c.input, c.filter.clone(), c.max_bytes);
    let mut progress = Progress::new(
        !c.quiet && io::stderr().is_terminal(),
        reader.bytes_read.clone(),
    );
    if progress.enabled {
        progress.measure_total(&c.paths, &c.filter);
    }
    let keep_corpus = !ndjson || c.corpus_line;
    let mut corpus = Corpus::default();
    let mut failed = false;
    let paths = c.paths.clone();
    let filter = c.filter.clone();
    let produce = move |emit: &mut dyn FnMut(Unit) -> bool| {
        discover_each(&paths, &filter, &mut |item| match item {
            Err(e) => emit(Unit {
                file: e.file,
                record: 0,
                line: None,
                body: Body::Failed(e.error),
            }),
            Ok(src) => reader.read_source(&src, emit),
        });
    };
    let workers = Workers {
        engine: &engine,
        fields: &c.fields,
        select: &c.select,
        jobs: worker_count(c.jobs),
        ndjson,
        keep_docs: keep_corpus || !ndjson,
        batch: 64,
    };
    let result = pipeline(&workers, produce, &mut |outcome| {
        progress.tick(&outcome);
        match outcome {
            Outcome::Skipped { .. } => Ok(()),
            Outcome::Document {
                doc,
                line,
                events: n,
                ..
            } => {
                documents += 1;
                events += n;
                if let (true, Some(doc)) = (keep_corpus, &doc) {
                    corpus.add(doc);
                }
                match doc {
                    Some(doc) if !ndjson => printer.document(sink.writer(), &doc),
                    _ => sink.writer().write_all(&line),
                }
            }
            Outcome::Failure(f) => {
                failed = true;
                if !c.quiet {
                    progress.clear();
                    eprintln!("analyze: {}: {}", f.file, f.error);
                }
                if ndjson {
                    write_failure_line(sink.writer(), &f)
                } else {
                    printer.failure(
                        sink.writer(),
                        &InputFailure {
                            file: f.file,
                            error: f.error,
                        },
                    )
                }
            }
        }
    });
    progress.clear();
    let result = result.and_then(|()| printer.finish(sink.writer(), &corpus));
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            return if failed { EXIT_INPUT_ERRORS } else { EXIT_OK }
        }
        Err(e) => {
            eprintln!("analyze: writing output: {e}");
            return EXIT_INPUT_ERRORS;
        }
    }
    if let Err(e) = sink.commit() {
        eprintln!("analyze: {e}");
        return EXIT_INPUT_ERRORS;
    }
    let met: Vec<&str> = c
        .fail_on
        .iter()
        .filter(|f| match f {
            FailOn::Unreadable => failed,
            FailOn::NoDocuments => documents == 0,
            FailOn::NoEvents => events == 0,
            FailOn::Events => events > 0,
        })
        .map(|f| f.name())
        .collect();
    if !met.is_empty() {
        if !c.quiet {
            eprintln!(
                "analyze: --fail-on {}: {documents} documents, {events} events",
                met.join(",")
            );
        }
        return EXIT_FAIL_ON;
    }
    if failed {
        EXIT_INPUT_ERRORS
    } else {
        EXIT_OK
    }
}

/// Mapper mode: JSON Lines on stdin; exactly one output line per input
/// line, in order, flushed as it is written. A bad line gives an error
/// record, not a failed run: the exit code is 0 unless output fails.
fn run_mapper(m: MapperConfig) -> i32 {
    let engine = match build_engine(
        &m.lexicons,
        Settings {
            explain: m.explain,
            encoding: m.encoding,
            max_bytes: m.max_bytes,
        },
    ) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("analyze: {e}");
            return EXIT_USAGE;
        }
    };
    let reader = Reader {
        format: InputFormat::Jsonl,
        filter: FileFilter::All,
        max_bytes: m.max_bytes,
        blank_lines_are_records: true,
        bytes_read: Arc::new(AtomicU64::new(0)),
    };
    let produce = move |emit: &mut dyn FnMut(Unit) -> bool| {
        let stdin = io::stdin();
        let mut lock = stdin.lock();
        reader.read_jsonl("-", &mut lock, emit);
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let select = crate::select::Selection::default();
    let workers = Workers {
        engine: &engine,
        fields: &m.fields,
        select: &select,
        jobs: worker_count(m.jobs),
        ndjson: true,
        keep_docs: false,
        // one line in, one line out, at once
        batch: 1,
    };
    let result = pipeline(&workers, produce, &mut |outcome| {
        match outcome {
            Outcome::Skipped { .. } => {}
            Outcome::Document { line, .. } => out.write_all(&line)?,
            Outcome::Failure(f) => {
                if !m.quiet {
                    eprintln!("analyze: {}: {}", f.file, f.error);
                }
                write_failure_line(&mut out, &f)?;
            }
        }
        out.flush()
    });
    match result {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("analyze: writing output: {e}");
            EXIT_INPUT_ERRORS
        }
    }
}

/// A record or file that could not be analyzed, with where it is.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct RecordFailure {
    pub file: String,
    /// Line of the record in its file, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Record number in its file (from 1), when the file holds records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<usize>,
    /// The reason, starting with the record's location.
    pub error: String,
}

/// What the workers hand back for one unit.
pub enum Outcome {
    Document {
        /// The analysis, when the consumer needs it (not for plain NDJSON
        /// runs: the worker drops it there, the line is all that is printed).
        doc: Option<Box<Document>>,
        /// Number of events found (kept for `--fail-on` without the document).
        events: usize,
        /// The NDJSON line, when the run prints NDJSON.
        line: Vec<u8>,
        /// Input bytes the record came from.
        bytes: usize,
        file: String,
    },
    Failure(RecordFailure),
    /// A document the filters dropped (`--country`, `--event-type`...).
    Skipped {
        file: String,
    },
}

fn write_failure_line(out: &mut dyn Write, f: &RecordFailure) -> io::Result<()> {
    crate::output::write_tagged_line(out, "error", f)
}

fn unit_bytes(u: &Unit) -> usize {
    match &u.body {
        Body::Article(b) | Body::Html(b) | Body::JsonLine(b) | Body::TrecDoc(b) => b.len(),
        Body::JsonValue(v) => v.to_string().len(),
        Body::Failed(_) => 0,
    }
}

/// What the workers do: analyze with `engine`, keep or drop documents,
/// and how many units travel together between threads.
pub struct Workers<'a> {
    pub engine: &'a Engine,
    pub fields: &'a FieldNames,
    pub select: &'a crate::select::Selection,
    pub jobs: usize,
    /// Serialize each document as an NDJSON line on the worker.
    pub ndjson: bool,
    /// Hand the documents to the consumer (printers other than NDJSON, the
    /// corpus summary); otherwise they are dropped on the worker.
    pub keep_docs: bool,
    /// Units per batch: many amortize the hand-offs between threads; 1
    /// passes each unit on at once (the streaming mapper).
    pub batch: usize,
}

/// Input bytes after which a batch is sent even if it has fewer units.
const BATCH_BYTES: usize = 1 << 20;

impl Workers<'_> {
    /// Analyze one unit; a panic becomes a failure of that record.
    fn work(&self, unit: Unit) -> Outcome {
        let file = unit.file.clone();
        let line = unit.line;
        let record = (unit.record > 0).then_some(unit.record);
        let bytes = unit_bytes(&unit);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            analyze_unit(self.engine, self.fields, unit)
        }))
        .unwrap_or_else(|_| {
            Err("internal error while analyzing this record (please report it)".into())
        });
        match result.map(|doc| self.select.apply(doc)) {
            Ok(None) => Outcome::Skipped { file },
            Ok(Some(doc)) => {
                // a document's line is about as long as its input
                let mut out = Vec::with_capacity(if self.ndjson { bytes + 1024 } else { 0 });
                if self.ndjson {
                    let mut p = NdjsonPrinter {
                        corpus_line: false,
                        only: self.select.only,
                    };
                    if let Err(e) = p.document(&mut out, &doc) {
                        return Outcome::Failure(RecordFailure {
                            file,
                            line,
                            record,
                            error: format!("cannot serialize the document: {e}"),
                        });
                    }
                }
                Outcome::Document {
                    events: doc.events.len(),
                    doc: self.keep_docs.then(|| Box::new(doc)),
                    line: out,
                    bytes,
                    file,
                }
            }
            Err(error) => Outcome::Failure(RecordFailure {
                file,
                line,
                record,
                error,
            }),
        }
    }
}

/// How far the reader may run ahead of the printer, in units.
struct Window {
    /// (units printed so far, stopped)
    state: Mutex<(u64, bool)>,
    moved: Condvar,
    size: u64,
}

impl Window {
    fn new(size: u64) -> Window {
        Window {
            state: Mutex::new((0, false)),
            moved: Condvar::new(),
            size,
        }
    }

    /// Wait until unit `seq` may be read; false when the run stops.
    fn wait_turn(&self, seq: u64) -> bool {
        let mut g = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while !g.1 && seq >= g.0 + self.size {
            g = self.moved.wait(g).unwrap_or_else(|e| e.into_inner());
        }
        !g.1
    }

    fn printed(&self, n: u64) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).0 = n;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).1 = true;
        self.moved.notify_all();
    }
}

/// Run `produce` on a reader thread, analyze its units on the workers in
/// batches, and hand the outcomes to `consume` in input order on this
/// thread. Stops reading at the first error of `consume`, and returns it.
pub fn pipeline<P>(
    workers: &Workers,
    produce: P,
    consume: &mut dyn FnMut(Outcome) -> io::Result<()>,
) -> io::Result<()>
where
    P: FnOnce(&mut dyn FnMut(Unit) -> bool) + Send,
{
    let jobs = workers.jobs.max(1);
    let batch_units = workers.batch.max(1);
    // batches in flight: enough to keep every worker busy, few enough to bound memory
    let window = Window::new(if batch_units == 1 {
        16 * jobs as u64 + 16
    } else {
        2 * jobs as u64 + 2
    });
    let (work_tx, work_rx) = mpsc::channel::<(u64, Vec<Unit>)>();
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Vec<Outcome>)>();
    std::thread::scope(|s| {
        let window = &window;
        s.spawn(move || {
            let mut seq = 0u64;
            let mut batch = Vec::with_capacity(batch_units);
            let mut bytes = 0;
            let mut send = |batch: &mut Vec<Unit>, bytes: &mut usize| {
                *bytes = 0;
                let full = std::mem::replace(batch, Vec::with_capacity(batch_units));
                if !window.wait_turn(seq) || work_tx.send((seq, full)).is_err() {
                    return false;
                }
                seq += 1;
                true
            };
            let mut going = true;
            produce(&mut |unit| {
                bytes += unit_bytes(&unit);
                batch.push(unit);
                if batch.len() >= batch_units || bytes >= BATCH_BYTES {
                    going = send(&mut batch, &mut bytes);
                }
                going
            });
            if going && !batch.is_empty() {
                send(&mut batch, &mut bytes);
            }
            drop(work_tx);
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            s.spawn(move || loop {
                let next = work_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, units)) = next else { break };
                let outcomes = units.into_iter().map(|u| workers.work(u)).collect();
                if done_tx.send((seq, outcomes)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let mut pending: BTreeMap<u64, Vec<Outcome>> = BTreeMap::new();
        let mut next = 0u64;
        let mut result = Ok(());
        for (seq, outcomes) in done_rx.iter() {
            pending.insert(seq, outcomes);
            while let Some(batch) = pending.remove(&next) {
                next += 1;
                for o in batch {
                    if result.is_ok() {
                        result = consume(o);
                        if result.is_err() {
                            window.stop();
                        }
                    }
                }
            }
            window.printed(next);
        }
        result
    })
}

/// Progress on stderr: files, documents, MB read, MB/s, ETA.
struct Progress {
    enabled: bool,
    started: Instant,
    last: Instant,
    files: usize,
    documents: usize,
    last_file: String,
    bytes_read: Arc<AtomicU64>,
    total: Arc<AtomicU64>,
    total_known: Arc<AtomicBool>,
    shown: bool,
}

impl Progress {
    fn new(enabled: bool, bytes_read: Arc<AtomicU64>) -> Progress {
        let now = Instant::now();
        Progress {
            enabled,
            started: now,
            last: now,
            files: 0,
            documents: 0,
            last_file: String::new(),
            bytes_read,
            total: Arc::new(AtomicU64::new(0)),
            total_known: Arc::new(AtomicBool::new(false)),
            shown: false,
        }
    }

    /// Add up the input sizes on a background thread, for the ETA.
    fn measure_total(&self, paths: &[std::path::PathBuf], filter: &FileFilter) {
        let (paths, filter) = (paths.to_vec(), filter.clone());
        let (total, known) = (self.total.clone(), self.total_known.clone());
        std::thread::spawn(move || {
            discover_each(&paths, &filter, &mut |item| {
                if let Ok(Source::File(p)) = item {
                    if let Ok(m) = std::fs::metadata(&p) {
                        total.fetch_add(m.len(), Ordering::Relaxed);
                    }
                }
                true
            });
            known.store(true, Ordering::Relaxed);
        });
    }

    fn tick(&mut self, o: &Outcome) {
        if !self.enabled {
            return;
        }
        let file = match o {
            Outcome::Document { file, .. } => file,
            Outcome::Failure(f) => &f.file,
            Outcome::Skipped { file } => file,
        };
        if *file != self.last_file {
            self.files += 1;
            self.last_file.clone_from(file);
        }
        if matches!(o, Outcome::Document { .. }) {
            self.documents += 1;
        }
        let now = Instant::now();
        if now.duration_since(self.last) < Duration::from_millis(250) {
            return;
        }
        self.last = now;
        let secs = now.duration_since(self.started).as_secs_f64().max(1e-3);
        let read = self.bytes_read.load(Ordering::Relaxed) as f64;
        let mb = read / 1e6;
        let eta = if self.total_known.load(Ordering::Relaxed) && read > 0.0 {
            let total = self.total.load(Ordering::Relaxed) as f64;
            let left = (total - read).max(0.0) * secs / read;
            format!("ETA {}:{:02}", left as u64 / 60, left as u64 % 60)
        } else {
            "ETA ?".into()
        };
        eprint!(
            "\r\x1b[K{} files, {} documents, {:.1} MB, {:.1} MB/s, {}",
            self.files,
            self.documents,
            mb,
            mb / secs,
            eta
        );
        self.shown = true;
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
            self.shown = false;
        }
    }
}

/// Where output goes. A file is written to a temporary sibling and renamed
/// on success, so a failed run never leaves a half-written file.
/// The temporary file of the output being written, removed if the run is
/// interrupted (SIGINT, SIGTERM, SIGHUP) so that nothing is left behind.
static PENDING_OUTPUT: Mutex<Option<std::path::PathBuf>> = Mutex::new(None);

/// Exit code of a run ended by a signal (128 + SIGINT, as shells report it).
pub const EXIT_INTERRUPTED: i32 = 130;

/// On the first interruption: remove the pending temporary output, exit.
fn remove_output_on_interrupt() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let installed = ctrlc::set_handler(|| {
            let pending = PENDING_OUTPUT
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
            if let Some(p) = pending {
                let _ = std::fs::remove_file(p);
            }
            eprintln!("analyze: interrupted");
            std::process::exit(EXIT_INTERRUPTED);
        });
        if let Err(e) = installed {
            eprintln!("analyze: warning: cannot handle interruptions: {e}");
        }
    });
}

enum Sink {
    Stdout(io::BufWriter<io::Stdout>),
    File {
        tmp: io::BufWriter<tempfile::NamedTempFile>,
        path: std::path::PathBuf,
    },
}

impl Sink {
    fn open(path: Option<&std::path::Path>) -> Result<Sink, String> {
        match path {
            None => Ok(Sink::Stdout(io::BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            ))),
            Some(p) if p.as_os_str() == "-" => Sink::open(None),
            Some(p) => {
                let dir = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(std::path::Path::new("."));
                // the handler first, and the file created and registered
                // under the lock the handler takes: an interruption at any
                // moment finds the file registered or not yet made
                remove_output_on_interrupt();
                let mut pending = PENDING_OUTPUT.lock().unwrap_or_else(|e| e.into_inner());
                let tmp = tempfile::Builder::new()
                    .prefix(".analyze-")
                    .suffix(".tmp")
                    .tempfile_in(dir)
                    .map_err(|e| {
                        let p = p.display();
                        format!("{p}: cannot create output: {}", crate::input::io_reason(&e))
                    })?;
                *pending = Some(tmp.path().to_path_buf());
                drop(pending);
                Ok(Sink::File {
                    tmp: io::BufWriter::new(tmp),
                    path: p.to_path_buf(),
                })
            }
        }
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Stdout(w) => w,
            Sink::File { tmp, .. } => tmp,
        }
    }

    fn commit(self) -> Result<(), String> {
        match self {
            Sink::Stdout(mut w) => w.flush().map_err(|e| format!("writing output: {e}")),
            Sink::File { tmp, path } => {
                let shown = path.display();
                let f = tmp
                    .into_inner()
                    .map_err(|e| format!("{shown}: {}", e.error()))?;
                // hold the registry while renaming: an interruption now waits, then
                // finds nothing to remove (renamed) or the file still temporary
                let mut pending = PENDING_OUTPUT.lock().unwrap_or_else(|e| e.into_inner());
                let persisted = f
                    .persist(&path)
                    .map_err(|e| format!("{shown}: {}", e.error));
                *pending = None;
                persisted.map(|_| ())
            }
        }
    }
}
