//! Corpus formats: how one input file (or standard input) becomes a sequence
//! of records to analyze.
//!
//! A file is one of: a plain article (`text`), a web page (`html`), JSON
//! Lines (`jsonl`), a JSON array of records or a stream of JSON objects
//! (`json`), or a TREC/SGML file of `<DOC>` blocks (`trec`). Gzip files, zip archives and tar archives
//! (also `.tar.gz`/`.tgz`) are recognized by their magic bytes and read
//! directly; each archive member is dispatched by its own name and content.
//!
//! Reading is split in two so that it parallelizes: [`Reader`] (one thread)
//! only decompresses and cuts the input into [`Unit`]s — a whole article, one
//! JSON line, one parsed JSON value, or the bytes of one `<DOC>` block — and
//! [`analyze_unit`] (any worker thread) parses a unit and analyzes it.
//! Records are numbered from 1 in each file; a record without an id of its
//! own is named `file#n` (`archive!member#n` inside an archive).
//!
//! This module holds that surface: the reader's sniffing and dispatch
//! (gzip undone here), whole articles and web pages, the limits and
//! errors, and the parsing of a unit. Each record format is a module of
//! its own, cutting and parsing alike: `json` (JSON Lines, arrays and
//! streams of records), `trec` (`<DOC>` blocks); `archives` reads the
//! members of zip and tar archives.

mod archives;
mod json;
mod trec;

pub use trec::plain_text;

use crate::analyze::{Engine, RecordMeta};
use crate::decode::{decode, Decoded};
use crate::input::{io_reason, FileFilter, Source};
use crate::model::Document;
use archives::{is_zip_file, member_buffer, starts_with_zip};
use json::json_record;
use serde_json::Value;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use trec::{starts_with_doc, trec_record};

/// The `--input` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension, then by content.
    Auto,
    /// One article per file.
    Text,
    /// One JSON record per line.
    Jsonl,
    /// A JSON array of records (or a stream of JSON objects).
    Json,
    /// `<DOC>` blocks (TREC, Arabic Gigaword, ANT).
    Trec,
    /// One web page per file.
    Html,
}

/// The JSON field names tried, in order, for each part of a record.
#[derive(Debug, Clone)]
pub struct FieldNames {
    pub text: Vec<String>,
    pub title: Vec<String>,
    pub date: Vec<String>,
    pub id: Vec<String>,
    pub source: Vec<String>,
    /// Fields holding an HTML page, tried before the text fields (none by
    /// default: a text field holding markup is recognized as HTML anyway).
    pub html: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for FieldNames {
    fn default() -> FieldNames {
        FieldNames {
            text: names(&["text", "content", "body", "article"]),
            title: names(&["title", "headline"]),
            date: names(&[
                "date",
                "published",
                "publish_date",
                "date_published",
                "date_extracted",
            ]),
            id: names(&["id", "url", "doc_id"]),
            source: names(&["source", "author", "site"]),
            html: Vec::new(),
        }
    }
}

impl FieldNames {
    /// The defaults, with each field given explicitly replacing its list.
    pub fn with(
        text: Option<String>,
        title: Option<String>,
        date: Option<String>,
        id: Option<String>,
        source: Option<String>,
    ) -> FieldNames {
        let mut f = FieldNames::default();
        for (slot, given) in [
            (&mut f.text, text),
            (&mut f.title, title),
            (&mut f.date, date),
            (&mut f.id, id),
            (&mut f.source, source),
        ] {
            if let Some(g) = given {
                *slot = vec![g];
            }
        }
        f
    }
}

/// One piece of input to analyze, in input order.
#[derive(Debug)]
pub struct Unit {
    /// The file it comes from (`archive!member` inside an archive, `-` for stdin).
    pub file: String,
    /// Record number in the file, from 1 (0: the whole file is one article).
    pub record: usize,
    /// Line number in the file, when known.
    pub line: Option<usize>,
    pub body: Body,
}

#[derive(Debug)]
pub enum Body {
    /// A whole file holding one article, still to be decoded.
    Article(Vec<u8>),
    /// A whole file holding one web page, still to be decoded and parsed.
    Html(Vec<u8>),
    /// One line of JSON Lines, still to be parsed.
    JsonLine(Vec<u8>),
    /// One record of a JSON array or object stream.
    JsonValue(Value),
    /// The bytes of one `<DOC>…</DOC>` block, still to be decoded.
    TrecDoc(Vec<u8>),
    /// A record or file that could not be read.
    Failed(String),
}

impl Unit {
    /// Where the unit is, for error messages: `line 12`, `record 3 (line 40)`.
    pub fn location(&self) -> Option<String> {
        match (self.record, self.line) {
            (0, None) => None,
            (_, Some(l)) if matches!(self.body, Body::JsonLine(_)) => Some(format!("line {l}")),
            (0, Some(l)) => Some(format!("line {l}")),
            (r, Some(l)) => Some(format!("record {r} (line {l})")),
            (r, None) => Some(format!("record {r}")),
        }
    }
}

/// Cuts sources into units. One per run; used from one thread.
#[derive(Debug, Clone)]
pub struct Reader {
    pub format: InputFormat,
    /// Which archive members are read (the directory filter).
    pub filter: FileFilter,
    /// Largest article or record accepted, in bytes (0: no limit).
    pub max_bytes: usize,
    /// JSON Lines: report blank lines as errors instead of skipping them
    /// (mapper mode: one output line per input line).
    pub blank_lines_are_records: bool,
    /// Bytes read from files so far (compressed bytes for archives), for
    /// progress reports.
    pub bytes_read: Arc<AtomicU64>,
}

/// Bytes sniffed at the start of a stream to recognize its format.
const HEAD: usize = 1024;

impl Reader {
    /// A reader of `format` that skips blank JSON lines and counts from zero.
    pub fn new(format: InputFormat, filter: FileFilter, max_bytes: usize) -> Reader {
        Reader {
            format,
            filter,
            max_bytes,
            blank_lines_are_records: false,
            bytes_read: Arc::new(AtomicU64::new(0)),
        }
    }
}

/// Receives units; returns false to stop reading.
pub type Emit<'a> = dyn FnMut(Unit) -> bool + 'a;

impl Reader {
    /// Read one source, handing every unit to `emit` in order. Returns false
    /// when `emit` asked to stop.
    pub fn read_source(&self, src: &Source, emit: &mut Emit) -> bool {
        match src {
            Source::Stdin => {
                let stdin = io::stdin();
                let mut lock = stdin.lock();
                self.dispatch("-", &mut lock, emit)
            }
            Source::File(p) => {
                let name = p.to_string_lossy().into_owned();
                let mut f = match std::fs::File::open(p) {
                    Ok(f) => f,
                    Err(e) => return emit(failed(&name, io_reason(&e))),
                };
                let meta = f.metadata().ok();
                let size = meta.as_ref().map_or(u64::MAX, |m| m.len());
                // a regular file is opened once: its first bytes, read and
                // then read again from its start, tell a zip archive
                let zip = match meta {
                    Some(m) if m.is_file() => match starts_with_zip(&mut f) {
                        Ok(zip) => zip,
                        Err(e) => return emit(failed(&name, io_reason(&e))),
                    },
                    _ => is_zip_file(p),
                };
                let counted = Counted {
                    inner: f,
                    count: &self.bytes_read,
                };
                if zip {
                    // a zip file on disk is read in place (it needs to seek)
                    return self.read_zip_archive(&name, counted, emit);
                }
                let mut r = BufReader::with_capacity(member_buffer(size), counted);
                self.dispatch(&name, &mut r, emit)
            }
        }
    }

    /// Recognize a stream (container or format) and read it.
    fn dispatch(&self, name: &str, reader: &mut dyn BufRead, emit: &mut Emit) -> bool {
        let mut head = Vec::with_capacity(HEAD);
        if let Err(e) = Read::take(&mut *reader, HEAD as u64).read_to_end(&mut head) {
            return emit(failed(name, io_reason(&e)));
        }
        // the sniffed head, then the rest (both buffered already)
        let mut stream = Cursor::new(&head[..]).chain(reader);
        if head.starts_with(&[0x1f, 0x8b]) {
            let inner = strip_suffix_ci(name, ".gz")
                .map(str::to_string)
                .or_else(|| strip_suffix_ci(name, ".tgz").map(|b| format!("{b}.tar")))
                .unwrap_or_else(|| name.to_string());
            let mut gz =
                BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(stream));
            return self.dispatch_named(name, &inner, &mut gz, emit);
        }
        self.dispatch_named(name, name, &mut stream, emit)
    }

    /// After decompression: `name` is what errors say, `inner` the name
    /// the format is guessed from (without `.gz`).
    fn dispatch_named(
        &self,
        name: &str,
        inner: &str,
        reader: &mut dyn BufRead,
        emit: &mut Emit,
    ) -> bool {
        let mut head = Vec::with_capacity(HEAD);
        if let Err(e) = Read::take(&mut *reader, HEAD as u64).read_to_end(&mut head) {
            return emit(failed(name, io_reason(&e)));
        }
        let mut stream = Cursor::new(&head[..]).chain(reader);
        if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            return self.read_zip(name, &mut stream, emit);
        }
        if head.len() >= 262 && &head[257..262] == b"ustar" {
            return self.read_tar(name, &mut stream, emit);
        }
        if head.starts_with(&[0x1f, 0x8b]) {
            // a gzip inside a gzip: unwrap again
            return self.dispatch(name, &mut stream, emit);
        }
        match self.detect(inner, &head) {
            InputFormat::Jsonl => self.read_jsonl(name, &mut stream, emit),
            InputFormat::Json => self.read_json(name, &head, &mut stream, emit),
            InputFormat::Trec => self.read_trec(name, &mut stream, emit),
            InputFormat::Html => self.read_article(name, &mut stream, emit, Body::Html),
            InputFormat::Text | InputFormat::Auto => {
                self.read_article(name, &mut stream, emit, Body::Article)
            }
        }
    }

    /// The format of a (decompressed) stream.
    pub fn detect(&self, name: &str, head: &[u8]) -> InputFormat {
        if self.format != InputFormat::Auto {
            return self.format;
        }
        let ext = extension(name);
        match ext.as_str() {
            "jsonl" | "ndjson" => return InputFormat::Jsonl,
            "json" => return InputFormat::Json,
            "xml" | "sgml" | "sgm" | "trec" => return InputFormat::Trec,
            "html" | "htm" | "xhtml" => return InputFormat::Html,
            _ => {}
        }
        if starts_with_doc(head) {
            InputFormat::Trec
        } else if crate::html::looks_like_html(head) {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }

    fn limit(&self) -> u64 {
        if self.max_bytes == 0 {
            u64::MAX
        } else {
            self.max_bytes as u64 + 1
        }
    }

    /// Read a whole file as one unit (`body` wraps its bytes).
    fn read_article(
        &self,
        name: &str,
        reader: &mut dyn BufRead,
        emit: &mut Emit,
        body: fn(Vec<u8>) -> Body,
    ) -> bool {
        let mut bytes = Vec::new();
        match reader.take(self.limit()).read_to_end(&mut bytes) {
            Ok(_) if self.max_bytes > 0 && bytes.len() > self.max_bytes => {
                // over the limit: free what was read, count the rest to say how large it is
                let read = bytes.len() as u64;
                drop(bytes);
                let size = match io::copy(reader, &mut io::sink()) {
                    Ok(rest) => format!("{} bytes", read + rest),
                    Err(_) => format!("more than {} bytes", self.max_bytes),
                };
                emit(failed(name, size_error("document", &size, self.max_bytes)))
            }
            Ok(_) => emit(Unit {
                file: name.to_string(),
                record: 0,
                line: None,
                body: body(bytes),
            }),
            Err(e) => emit(failed(name, io_reason(&e))),
        }
    }
}

/// The error for `what` (document, record, text) of `len` bytes, when
/// `--max-bytes` (`max`, 0: none) is exceeded.
pub fn over_limit(what: &str, len: usize, max: usize) -> Option<String> {
    (max > 0 && len > max).then(|| size_error(what, &format!("{len} bytes"), max))
}

/// `size` says how large, e.g. "123 bytes".
fn size_error(what: &str, size: &str, max: usize) -> String {
    format!("{what} of {size} exceeds the limit of {max} bytes (--max-bytes)")
}

/// The unit of record `record`, starting at line `line`, that could not be read.
fn unreadable(name: &str, record: usize, line: usize, e: &io::Error) -> Unit {
    Unit {
        file: name.to_string(),
        record,
        line: Some(line),
        body: Body::Failed(io_reason(e)),
    }
}

fn failed(name: &str, error: String) -> Unit {
    Unit {
        file: name.to_string(),
        record: 0,
        line: None,
        body: Body::Failed(error),
    }
}

/// A reader that adds the bytes it reads to a shared counter.
struct Counted<'a, R> {
    inner: R,
    count: &'a AtomicU64,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: io::Seek> io::Seek for Counted<'_, R> {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}

fn strip_suffix_ci<'a>(name: &'a str, suffix: &str) -> Option<&'a str> {
    let n = name.len().checked_sub(suffix.len())?;
    (name.is_char_boundary(n) && name[n..].eq_ignore_ascii_case(suffix)).then(|| &name[..n])
}

/// Lowercase extension of the last path component (after any `!`).
fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '!']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(i) if i > 0 => base[i + 1..].to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Parse one unit and analyze it. The error names the record (its line or
/// number) but not the file, which the caller adds.
pub fn analyze_unit(engine: &Engine, fields: &FieldNames, unit: Unit) -> Result<Document, String> {
    let file = unit.file.clone();
    let (d, meta) = unit_text(engine, fields, unit)?;
    Ok(engine.analyze_decoded(&file, d, &meta))
}

/// Parse one unit: the document's text (the one its offsets count in) and
/// the metadata the record or page states. Errors as [`analyze_unit`]'s.
pub fn unit_text(
    engine: &Engine,
    fields: &FieldNames,
    unit: Unit,
) -> Result<(Decoded, RecordMeta), String> {
    let location = unit.location();
    let located = |e: String| match &location {
        Some(l) => format!("{l}: {e}"),
        None => e,
    };
    let file = unit.file.as_str();
    let default_id = || format!("{}#{}", file, unit.record);
    let limit = |bytes: &[u8]| match over_limit("document", bytes.len(), engine.settings.max_bytes)
    {
        Some(e) => Err(located(e)),
        None => Ok(()),
    };
    match unit.body {
        Body::Failed(e) => Err(located(e)),
        Body::Article(bytes) => {
            limit(&bytes)?;
            let d = decode(&bytes, engine.settings.encoding).map_err(|e| located(e.to_string()))?;
            Ok((d, RecordMeta::default()))
        }
        Body::Html(bytes) => {
            limit(&bytes)?;
            let d = crate::html::decode_html(&bytes, engine.settings.encoding)
                .map_err(|e| located(e.to_string()))?;
            Ok(html_page(engine, &d.text, d.encoding))
        }
        Body::JsonLine(bytes) => {
            let v: Value = serde_json::from_slice(&bytes)
                .map_err(|e| located(format!("invalid JSON: {e}")))?;
            json_record(engine, fields, v, default_id()).map_err(located)
        }
        Body::JsonValue(v) => json_record(engine, fields, v, default_id()).map_err(located),
        Body::TrecDoc(bytes) => {
            let d = decode(&bytes, engine.settings.encoding).map_err(|e| located(e.to_string()))?;
            trec_record(engine, d, default_id()).map_err(located)
        }
    }
}

/// The article of a decoded web page and what the page says about itself.
fn html_page(engine: &Engine, markup: &str, encoding: String) -> (Decoded, RecordMeta) {
    let page = crate::html::extract(markup);
    let meta = RecordMeta {
        id: None,
        title: page.headline,
        date: page.dates.iter().find_map(|d| engine.record_date(d)),
        source: page.source,
    };
    let d = Decoded {
        text: page.text,
        encoding,
        bom: false,
        replacements: 0,
    };
    (d, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_suffixes() {
        assert_eq!(extension("a/b.tar.gz!x/y.JSONL"), "jsonl");
        assert_eq!(extension("a/.hidden"), "");
        assert_eq!(strip_suffix_ci("x.TGZ", ".tgz"), Some("x"));
    }
}
