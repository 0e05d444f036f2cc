//! The ordered parallel pipeline: a reader thread cuts the inputs into
//! units and sends them in batches, the workers analyze them, and the
//! calling thread hands the outcomes on in input order; a window bounds how
//! far the reader runs ahead of the printer.

use crate::analyze::Engine;
use crate::formats::{analyze_unit, Body, FieldNames, Unit};
use crate::model::Document;
use crate::output::{NdjsonPrinter, Printer};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::{mpsc, Condvar, Mutex};

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

pub(super) fn write_failure_line(out: &mut dyn Write, f: &RecordFailure) -> io::Result<()> {
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
