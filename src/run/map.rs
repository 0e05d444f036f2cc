//! The mapper job (`analyze map`): JSON Lines on stdin, one output line
//! per input line, in order.

use super::pipeline::{pipeline, write_failure_line, Outcome, Workers};
use super::{build_engine, worker_count, MapperConfig, EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::analyze::Settings;
use crate::formats::{InputFormat, Reader, Unit};
use crate::input::FileFilter;
use std::io::{self, Write};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// Mapper mode: JSON Lines on stdin; exactly one output line per input
/// line, in order, flushed as it is written. A bad line gives an error
/// record, not a failed run: the exit code is 0 unless output fails.
pub(super) fn run_mapper(m: MapperConfig) -> i32 {
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
