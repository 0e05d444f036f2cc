//! The analyze job: the inputs read, analyzed on the workers and printed
//! in input order in the chosen format, the corpus summary, and the exit
//! code (with `--fail-on`).

use super::pipeline::{pipeline, write_failure_line, Outcome, Workers};
use super::progress::Progress;
use super::sink::Sink;
use super::{
    build_engine, worker_count, Config, FailOn, EXIT_FAIL_ON, EXIT_INPUT_ERRORS, EXIT_OK,
    EXIT_USAGE,
};
use crate::analyze::Settings;
use crate::corpus::Corpus;
use crate::formats::{Body, Reader, Unit};
use crate::input::discover_each;
use crate::model::InputFailure;
use crate::output::{Format, JsonPrinter, NdjsonPrinter, Printer};
use std::io::{self, IsTerminal};

pub(super) fn run_analyze(c: Config) -> i32 {
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
