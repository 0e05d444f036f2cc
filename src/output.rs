//! Printers: turn analyzed documents into bytes. Each format implements
//! [`Printer`]; the run loop feeds it documents in input order, failures,
//! and finally the corpus aggregates.

use crate::corpus::Corpus;
use crate::model::{Document, InputFailure, SCHEMA_VERSION};
use serde::Serialize;
use std::io::{self, Write};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Ndjson,
}

pub trait Printer {
    fn document(&mut self, out: &mut dyn Write, doc: &Document) -> io::Result<()>;
    fn failure(&mut self, out: &mut dyn Write, f: &InputFailure) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, corpus: &Corpus) -> io::Result<()>;
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

const TOOL: Tool = Tool {
    name: "analyze",
    version: env!("CARGO_PKG_VERSION"),
};

/// One JSON object for the whole run, written at the end.
pub struct JsonPrinter {
    pretty: bool,
    documents: Vec<Document>,
    errors: Vec<InputFailure>,
}

impl JsonPrinter {
    pub fn new(pretty: bool) -> JsonPrinter {
        JsonPrinter {
            pretty,
            documents: Vec::new(),
            errors: Vec::new(),
        }
    }
}

#[derive(Serialize)]
struct Report<'a> {
    schema_version: &'static str,
    tool: &'a Tool,
    documents: &'a [Document],
    errors: &'a [InputFailure],
    stories: Vec<crate::corpus::Story>,
    summary: crate::corpus::Summary,
}

impl Printer for JsonPrinter {
    fn document(&mut self, _out: &mut dyn Write, doc: &Document) -> io::Result<()> {
        self.documents.push(doc.clone());
        Ok(())
    }

    fn failure(&mut self, _out: &mut dyn Write, f: &InputFailure) -> io::Result<()> {
        self.errors.push(f.clone());
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
        let r = Report {
            schema_version: SCHEMA_VERSION,
            tool: &TOOL,
            documents: &self.documents,
            errors: &self.errors,
            stories: corpus.stories(),
            summary: corpus.summary(),
        };
        if self.pretty {
            serde_json::to_writer_pretty(&mut *out, &r)?;
        } else {
            serde_json::to_writer(&mut *out, &r)?;
        }
        out.write_all(b"\n")?;
        out.flush()
    }
}

/// One JSON object per line: documents as they finish (in input order),
/// `{"kind":"error"}` lines for failures, and a final `{"kind":"corpus"}` line.
pub struct NdjsonPrinter {
    pub corpus_line: bool,
}

#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    kind: &'static str,
    schema_version: &'static str,
    #[serde(flatten)]
    inner: &'a T,
}

impl Printer for NdjsonPrinter {
    fn document(&mut self, out: &mut dyn Write, doc: &Document) -> io::Result<()> {
        serde_json::to_writer(
            &mut *out,
            &Tagged {
                kind: "document",
                schema_version: SCHEMA_VERSION,
                inner: doc,
            },
        )?;
        out.write_all(b"\n")
    }

    fn failure(&mut self, out: &mut dyn Write, f: &InputFailure) -> io::Result<()> {
        serde_json::to_writer(
            &mut *out,
            &Tagged {
                kind: "error",
                schema_version: SCHEMA_VERSION,
                inner: f,
            },
        )?;
        out.write_all(b"\n")
    }

    fn finish(&mut self, out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
        if self.corpus_line {
            #[derive(Serialize)]
            struct CorpusLine {
                stories: Vec<crate::corpus::Story>,
                summary: crate::corpus::Summary,
            }
            serde_json::to_writer(
                &mut *out,
                &Tagged {
                    kind: "corpus",
                    schema_version: SCHEMA_VERSION,
                    inner: &CorpusLine {
                        stories: corpus.stories(),
                        summary: corpus.summary(),
                    },
                },
            )?;
            out.write_all(b"\n")?;
        }
        out.flush()
    }
}
