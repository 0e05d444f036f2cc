//! The run loop: discover inputs, analyze them in parallel in input order,
//! print, and decide the exit code. Knows nothing of clap.

use crate::analyze::{Engine, Settings};
use crate::corpus::Corpus;
use crate::input::{discover, read_bytes, FileFilter, Source};
use crate::lexicon::Lexicon;
use crate::model::{Document, InputFailure};
use crate::output::{Format, JsonPrinter, NdjsonPrinter, Printer};
use rayon::prelude::*;
use std::io::{self, Write};

/// A ready analysis configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub paths: Vec<String>,
    pub filter: FileFilter,
    pub format: Format,
    pub output: Option<String>,
    pub pretty: bool,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub lexicons: Vec<String>,
    pub explain: bool,
    pub jobs: Option<usize>,
    pub max_bytes: usize,
    pub quiet: bool,
    /// NDJSON: end with a `{"kind":"corpus"}` line (stories, summary).
    pub corpus_line: bool,
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
}

/// Exit codes.
pub const EXIT_OK: i32 = 0;
pub const EXIT_INPUT_ERRORS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// Documents analyzed per parallel batch: bounds memory, keeps order.
const BATCH: usize = 256;

pub fn run(job: Job) -> i32 {
    match job {
        Job::Normalize(n) => run_normalize(n),
        Job::Analyze(c) => run_analyze(c),
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

fn run_analyze(c: Config) -> i32 {
    let lex = match load_lexicon(&c.lexicons) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("analyze: {e}");
            return EXIT_USAGE;
        }
    };
    let engine = Engine::new(
        lex,
        Settings {
            explain: c.explain,
            encoding: c.encoding,
            max_bytes: c.max_bytes,
        },
    );
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(c.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("analyze: cannot start worker threads: {e}");
            return EXIT_USAGE;
        }
    };
    let mut printer: Box<dyn Printer> = match c.format {
        Format::Json => Box::new(JsonPrinter::new(c.pretty)),
        Format::Ndjson => Box::new(NdjsonPrinter {
            corpus_line: c.corpus_line,
        }),
    };
    // the sink: stdout, or a temporary file renamed into place at the end
    let mut sink = match Sink::open(c.output.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("analyze: {e}");
            return EXIT_USAGE;
        }
    };
    let items = discover(&c.paths, &c.filter);
    let mut corpus = Corpus::default();
    let mut failed = false;
    let result: io::Result<()> = (|| {
        for batch in items.chunks(BATCH) {
            let results: Vec<Result<Document, InputFailure>> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|item| match item {
                        Err(e) => Err(InputFailure {
                            file: e.file.clone(),
                            error: e.error.clone(),
                        }),
                        Ok(src) => {
                            let name = src.display_name();
                            read_bytes(src)
                                .and_then(|b| engine.analyze_bytes(&name, &b))
                                .map_err(|error| InputFailure { file: name, error })
                        }
                    })
                    .collect()
            });
            for r in results {
                match r {
                    Ok(doc) => {
                        corpus.add(&doc);
                        printer.document(sink.writer(), &doc)?;
                    }
                    Err(f) => {
                        failed = true;
                        if !c.quiet {
                            eprintln!("analyze: {}: {}", f.file, f.error);
                        }
                        printer.failure(sink.writer(), &f)?;
                    }
                }
            }
        }
        printer.finish(sink.writer(), &corpus)
    })();
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
    if failed {
        EXIT_INPUT_ERRORS
    } else {
        EXIT_OK
    }
}

/// Where output goes. A file is written to a temporary sibling and renamed
/// on success, so a failed run never leaves a half-written file.
enum Sink {
    Stdout(io::BufWriter<io::Stdout>),
    File {
        tmp: io::BufWriter<tempfile::NamedTempFile>,
        path: String,
    },
}

impl Sink {
    fn open(path: Option<&str>) -> Result<Sink, String> {
        match path {
            None | Some("-") => Ok(Sink::Stdout(io::BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            ))),
            Some(p) => {
                let dir = std::path::Path::new(p)
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(std::path::Path::new("."));
                let tmp = tempfile::Builder::new()
                    .prefix(".analyze-")
                    .suffix(".tmp")
                    .tempfile_in(dir)
                    .map_err(|e| {
                        format!("{p}: cannot create output: {}", crate::input::io_reason(&e))
                    })?;
                Ok(Sink::File {
                    tmp: io::BufWriter::new(tmp),
                    path: p.to_string(),
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
                let f = tmp
                    .into_inner()
                    .map_err(|e| format!("{path}: {}", e.error()))?;
                f.persist(&path)
                    .map_err(|e| format!("{path}: {}", e.error))?;
                Ok(())
            }
        }
    }
}
