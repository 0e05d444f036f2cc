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
    Csv,
    Dot,
    Graphml,
    Html,
    Text,
}

pub trait Printer {
    fn document(&mut self, out: &mut dyn Write, doc: &Document) -> io::Result<()>;
    fn failure(&mut self, out: &mut dyn Write, f: &InputFailure) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, corpus: &Corpus) -> io::Result<()>;
}

#[derive(Serialize, schemars::JsonSchema)]
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
    /// `--only`: the parts of each document printed.
    pub only: crate::select::Only,
    documents: Vec<Document>,
    errors: Vec<InputFailure>,
}

impl JsonPrinter {
    pub fn new(pretty: bool) -> JsonPrinter {
        JsonPrinter {
            pretty,
            only: crate::select::Only::ALL,
            documents: Vec::new(),
            errors: Vec::new(),
        }
    }
}

#[derive(Serialize, schemars::JsonSchema)]
struct Report<'a> {
    schema_version: &'static str,
    tool: &'a Tool,
    documents: Vec<crate::select::Selected<'a>>,
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
            documents: self
                .documents
                .iter()
                .map(|doc| crate::select::Selected {
                    doc,
                    only: self.only,
                })
                .collect(),
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
    /// `--only`: the parts of each document printed.
    pub only: crate::select::Only,
}

/// Write one NDJSON line: `{"kind", "schema_version", ...inner}` (the
/// fields of `inner`, an object, after the two tags; written as serde's
/// `flatten` would, without its slower map path).
pub fn write_tagged_line<T: Serialize>(
    out: &mut dyn Write,
    kind: &'static str,
    inner: &T,
) -> io::Result<()> {
    let body = serde_json::to_vec(inner)?;
    let Some(fields) = body.strip_prefix(b"{") else {
        return Err(io::Error::other("a tagged line holds a JSON object"));
    };
    out.write_all(b"{\"kind\":")?;
    serde_json::to_writer(&mut *out, kind)?;
    out.write_all(b",\"schema_version\":")?;
    serde_json::to_writer(&mut *out, SCHEMA_VERSION)?;
    if fields != b"}" {
        out.write_all(b",")?;
    }
    out.write_all(fields)?;
    out.write_all(b"\n")
}

impl Printer for NdjsonPrinter {
    fn document(&mut self, out: &mut dyn Write, doc: &Document) -> io::Result<()> {
        let selected = crate::select::Selected {
            doc,
            only: self.only,
        };
        write_tagged_line(out, "document", &selected)
    }

    fn failure(&mut self, out: &mut dyn Write, f: &InputFailure) -> io::Result<()> {
        write_tagged_line(out, "error", f)
    }

    fn finish(&mut self, out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
        if self.corpus_line {
            #[derive(Serialize)]
            struct CorpusLine {
                stories: Vec<crate::corpus::Story>,
                summary: crate::corpus::Summary,
            }
            let line = CorpusLine {
                stories: corpus.stories(),
                summary: corpus.summary(),
            };
            write_tagged_line(out, "corpus", &line)?;
        }
        out.flush()
    }
}

/// The JSON Schema of the `--format json` report (see [`crate::schema`]).
pub fn report_schema() -> schemars::Schema {
    schemars::schema_for!(Report<'static>)
}
