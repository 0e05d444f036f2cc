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

use crate::analyze::{Engine, RecordMeta};
use crate::decode::{decode, unify_line_endings, Decoded};
use crate::input::{io_reason, FileFilter, Source};
use crate::model::Document;
use serde_json::Value;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

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
                if is_zip_file(p) {
                    // a zip file on disk is read in place (it needs to seek)
                    return match std::fs::File::open(p) {
                        Ok(f) => {
                            let counted = Counted {
                                inner: f,
                                count: &self.bytes_read,
                            };
                            self.read_zip_archive(&name, counted, emit)
                        }
                        Err(e) => emit(failed(&name, io_reason(&e))),
                    };
                }
                match std::fs::File::open(p) {
                    Ok(f) => {
                        let size = f.metadata().map_or(u64::MAX, |m| m.len());
                        let counted = Counted {
                            inner: f,
                            count: &self.bytes_read,
                        };
                        let mut r = BufReader::with_capacity(member_buffer(size), counted);
                        self.dispatch(&name, &mut r, emit)
                    }
                    Err(e) => emit(failed(&name, io_reason(&e))),
                }
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

    /// Read JSON Lines from a stream without sniffing it first (mapper mode:
    /// a line is handed over as soon as it arrives).
    pub fn read_jsonl(&self, name: &str, reader: &mut dyn BufRead, emit: &mut Emit) -> bool {
        let mut line_no = 0;
        let mut record = 0;
        loop {
            let mut line = Vec::new();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => return true,
                Ok(_) => {}
                Err(e) => return emit(unreadable(name, record + 1, line_no + 1, &e)),
            }
            line_no += 1;
            let blank = line.iter().all(|b| b.is_ascii_whitespace());
            if blank && !self.blank_lines_are_records {
                continue;
            }
            record += 1;
            let body = if blank {
                Body::Failed("empty line, not a JSON record".into())
            } else if let Some(e) = over_limit("record", line.len(), self.max_bytes) {
                Body::Failed(e)
            } else {
                Body::JsonLine(line)
            };
            let unit = Unit {
                file: name.to_string(),
                record,
                line: Some(line_no),
                body,
            };
            if !emit(unit) {
                return false;
            }
        }
    }

    fn read_json(
        &self,
        name: &str,
        head: &[u8],
        reader: &mut dyn BufRead,
        emit: &mut Emit,
    ) -> bool {
        let first = head
            .iter()
            .skip(if head.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            })
            .find(|b| !b.is_ascii_whitespace());
        let mut reader = SkipBom::new(reader);
        let mut record = 0usize;
        let mut stopped = false;
        let result: Result<(), serde_json::Error> = if first == Some(&b'[') {
            use serde::Deserializer as _;
            let mut de = serde_json::Deserializer::from_reader(&mut reader);
            let r = de.deserialize_seq(ArrayVisitor {
                on_record: &mut |v: Value| {
                    record += 1;
                    if !emit(record_unit(name, record, v)) {
                        stopped = true;
                    }
                    !stopped
                },
            });
            r.and_then(|_| if stopped { Ok(()) } else { de.end() })
        } else {
            let mut r = Ok(());
            for v in serde_json::Deserializer::from_reader(&mut reader).into_iter::<Value>() {
                match v {
                    Ok(v) => {
                        record += 1;
                        if !emit(record_unit(name, record, v)) {
                            stopped = true;
                            break;
                        }
                    }
                    Err(e) => {
                        r = Err(e);
                        break;
                    }
                }
            }
            r
        };
        if stopped {
            return false;
        }
        match result {
            Ok(()) => true,
            Err(e) => emit(Unit {
                file: name.to_string(),
                record: record + 1,
                line: Some(e.line()),
                body: Body::Failed(format!(
                    "invalid JSON: {e}; the rest of the file is skipped"
                )),
            }),
        }
    }

    fn read_trec(&self, name: &str, reader: &mut dyn BufRead, emit: &mut Emit) -> bool {
        let mut line_no = 0usize;
        let mut record = 0usize;
        // the open block: its bytes and the line it started on
        let mut open: Option<(Vec<u8>, usize)> = None;
        let mut line = Vec::new();
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return emit(unreadable(name, record + 1, line_no + 1, &e)),
            }
            line_no += 1;
            let mut rest: &[u8] = &line;
            loop {
                match open.take() {
                    None => match find_doc_open(rest) {
                        Some(i) => {
                            open = Some((Vec::new(), line_no));
                            rest = &rest[i..];
                            // step past "<DOC" so the search for the next
                            // opening tag does not find this one again
                            if let Some((buf, _)) = open.as_mut() {
                                buf.extend_from_slice(&rest[..4]);
                            }
                            rest = &rest[4..];
                        }
                        None => break,
                    },
                    Some((mut buf, start)) => {
                        let close = DOC_CLOSE.find(rest);
                        let reopen = find_doc_open(rest);
                        match (close, reopen) {
                            (Some(c), r) if r.is_none_or(|r| c < r) => {
                                buf.extend_from_slice(&rest[..c + 6]);
                                rest = &rest[c + 6..];
                                record += 1;
                                let body = if let Some(e) =
                                    over_limit("record", buf.len(), self.max_bytes)
                                {
                                    Body::Failed(e)
                                } else {
                                    Body::TrecDoc(buf)
                                };
                                if !emit(Unit {
                                    file: name.to_string(),
                                    record,
                                    line: Some(start),
                                    body,
                                }) {
                                    return false;
                                }
                            }
                            (_, Some(r)) => {
                                record += 1;
                                if !emit(Unit {
                                    file: name.to_string(),
                                    record,
                                    line: Some(start),
                                    body: Body::Failed("<DOC> without </DOC>".into()),
                                }) {
                                    return false;
                                }
                                rest = &rest[r..];
                            }
                            (None, None) => {
                                buf.extend_from_slice(rest);
                                open = Some((buf, start));
                                break;
                            }
                            (Some(_), None) => unreachable!("handled by the first arm"),
                        }
                    }
                }
            }
        }
        if let Some((_, start)) = open {
            return emit(Unit {
                file: name.to_string(),
                record: record + 1,
                line: Some(start),
                body: Body::Failed("<DOC> without </DOC> at the end of the file".into()),
            });
        }
        true
    }

    fn read_zip(&self, name: &str, reader: &mut dyn BufRead, emit: &mut Emit) -> bool {
        // a zip inside a stream (stdin, another archive) must be held in
        // memory to seek in it
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return emit(failed(name, io_reason(&e)));
        }
        self.read_zip_archive(name, Cursor::new(bytes), emit)
    }

    fn read_zip_archive<R: Read + io::Seek>(
        &self,
        name: &str,
        archive: R,
        emit: &mut Emit,
    ) -> bool {
        let mut zip = match zip::ZipArchive::new(archive) {
            Ok(z) => z,
            Err(e) => return emit(failed(name, format!("not a readable zip archive: {e}"))),
        };
        for i in 0..zip.len() {
            let mut member = match zip.by_index(i) {
                Ok(m) => m,
                Err(e) => {
                    if !emit(failed(name, format!("zip member {}: {e}", i + 1))) {
                        return false;
                    }
                    continue;
                }
            };
            if !member.is_file() {
                continue;
            }
            let member_name = member.name().to_string();
            if !self.filter.accepts(std::path::Path::new(&member_name)) {
                continue;
            }
            let full = format!("{name}!{member_name}");
            let mut r = BufReader::with_capacity(member_buffer(member.size()), &mut member);
            if !self.dispatch(&full, &mut r, emit) {
                return false;
            }
        }
        true
    }

    fn read_tar(&self, name: &str, reader: &mut dyn BufRead, emit: &mut Emit) -> bool {
        let mut archive = tar::Archive::new(reader);
        let entries = match archive.entries() {
            Ok(e) => e,
            Err(e) => return emit(failed(name, format!("not a readable tar archive: {e}"))),
        };
        for entry in entries {
            let mut entry = match entry {
                Ok(e) => e,
                Err(e) => return emit(failed(name, format!("tar archive: {e}"))),
            };
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let member_name = match entry.path() {
                Ok(p) => p.to_string_lossy().into_owned(),
                Err(e) => return emit(failed(name, format!("tar member name: {e}"))),
            };
            if !self.filter.accepts(std::path::Path::new(&member_name)) {
                continue;
            }
            let full = format!("{name}!{member_name}");
            let mut r = BufReader::with_capacity(member_buffer(entry.size()), &mut entry);
            if !self.dispatch(&full, &mut r, emit) {
                return false;
            }
        }
        true
    }
}

/// The read buffer for a file or archive member of `size` bytes: no larger than
/// the member (a buffer is zeroed when first filled; archives of many small
/// articles would spend their time clearing 64 KiB per member).
fn member_buffer(size: u64) -> usize {
    (size as usize).saturating_add(1).clamp(1 << 10, 1 << 16)
}

/// Does the file start with a zip signature?
fn is_zip_file(p: &std::path::Path) -> bool {
    let mut magic = [0u8; 4];
    std::fs::File::open(p)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06")
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

fn record_unit(name: &str, record: usize, v: Value) -> Unit {
    Unit {
        file: name.to_string(),
        record,
        line: None,
        body: Body::JsonValue(v),
    }
}

struct ArrayVisitor<'a> {
    on_record: &'a mut dyn FnMut(Value) -> bool,
}

impl<'de> serde::de::Visitor<'de> for ArrayVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON array of records")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(v) = seq.next_element::<Value>()? {
            if !(self.on_record)(v) {
                // stop early: the caller does not read further
                return Ok(());
            }
        }
        Ok(())
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

/// A reader that drops a leading UTF-8 byte order mark.
struct SkipBom<R> {
    inner: R,
    checked: bool,
}

impl<R: BufRead> SkipBom<R> {
    fn new(inner: R) -> SkipBom<R> {
        SkipBom {
            inner,
            checked: false,
        }
    }
}

impl<R: BufRead> Read for SkipBom<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if !self.checked {
            self.checked = true;
            let head = self.inner.fill_buf()?;
            if head.starts_with(b"\xEF\xBB\xBF") {
                self.inner.consume(3);
            }
        }
        self.inner.read(buf)
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

/// Does the stream open with a `<DOC>` block (after a BOM, whitespace and
/// an XML declaration)?
fn starts_with_doc(head: &[u8]) -> bool {
    let mut h = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    h = trim_start(h);
    if h.starts_with(b"<?xml") {
        match find(h, b"?>") {
            Some(i) => h = trim_start(&h[i + 2..]),
            None => return false,
        }
    }
    if h.starts_with(b"<!DOCTYPE") {
        match find(h, b">") {
            Some(i) => h = trim_start(&h[i + 1..]),
            None => return false,
        }
    }
    find_doc_open(h) == Some(0)
}

fn trim_start(h: &[u8]) -> &[u8] {
    let n = h.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &h[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(hay, needle)
}

/// The searchers for the tags of every line of a TREC file, built once.
static DOC_OPEN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"<DOC"));
static DOC_CLOSE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"</DOC>"));

/// Position of a `<DOC>` or `<DOC attr=...>` opening tag (not `<DOCNO>`).
fn find_doc_open(hay: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = DOC_OPEN.find(&hay[from..]) {
        let at = from + i;
        match hay.get(at + 4) {
            Some(b'>') | Some(b' ') | Some(b'\t') | Some(b'\n') | Some(b'\r') => return Some(at),
            None => return Some(at),
            _ => from = at + 4,
        }
    }
    None
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

fn string_field(obj: &serde_json::Map<String, Value>, names: &[String]) -> Option<String> {
    names.iter().find_map(|n| match obj.get(n) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(x)) => Some(x.to_string()),
        _ => None,
    })
}

/// The text and metadata of a JSON record.
fn json_record(
    engine: &Engine,
    fields: &FieldNames,
    v: Value,
    default_id: String,
) -> Result<(Decoded, RecordMeta), String> {
    let Value::Object(mut obj) = v else {
        return Err("not a JSON object".into());
    };
    let html = fields.html.iter().find_map(|n| match obj.remove(n) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    });
    let is_html = html.is_some();
    let text = html.map_or_else(|| text_field(fields, &mut obj), Ok)?;
    if let Some(e) = over_limit("text", text.len(), engine.settings.max_bytes) {
        return Err(e);
    }
    let id = string_field(&obj, &fields.id).unwrap_or(default_id);
    let title = string_field(&obj, &fields.title);
    let date = string_field(&obj, &fields.date).and_then(|d| engine.record_date(&d));
    let source = string_field(&obj, &fields.source);
    if is_html || crate::html::is_markup(&text) {
        // the record's own fields first, then what the page says
        let (d, page) = html_page(engine, &text, "utf-8".into());
        let meta = RecordMeta {
            id: Some(id),
            title: title.or(page.title),
            date: date.or(page.date),
            source: source.or(page.source),
        };
        return Ok((d, meta));
    }
    let meta = RecordMeta {
        id: Some(id),
        title,
        date,
        source,
    };
    Ok((
        Decoded {
            text: unify_line_endings(&text),
            encoding: "utf-8".into(),
            bom: false,
            replacements: 0,
        },
        meta,
    ))
}

/// The value of a record's text field (the first of the names present).
fn text_field(
    fields: &FieldNames,
    obj: &mut serde_json::Map<String, Value>,
) -> Result<String, String> {
    fields
        .text
        .iter()
        .find_map(|n| match obj.remove(n) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        })
        .ok_or_else(|| {
            let html = fields.html.iter().map(|h| format!("{h}, "));
            format!(
                "no text field (looked for {}{}; see --text-field)",
                html.collect::<String>(),
                fields.text.join(", ")
            )
        })
}

/// The inner markup of the first `<TAG>…</TAG>` element named in `tags`.
fn element<'a>(doc: &'a str, tags: &[&str]) -> Option<&'a str> {
    for tag in tags {
        let close = format!("</{tag}>");
        let mut from = 0;
        // every '<' (a fast byte search), then the tag name after it
        while let Some(i) = doc[from..].find('<') {
            let lt = from + i;
            if !doc[lt + 1..].starts_with(tag) {
                from = lt + 1;
                continue;
            }
            let at = lt + 1 + tag.len();
            // `<TAG>` or `<TAG attr="...">`, not `<TAGLONGER>`
            match doc[at..].chars().next() {
                Some('>') | Some(' ') | Some('\t') | Some('\n') => {
                    let Some(gt) = doc[at..].find('>') else {
                        break;
                    };
                    let start = at + gt + 1;
                    if doc[at..at + gt].ends_with('/') {
                        return Some("");
                    }
                    // an ASCII tag: found at a char boundary
                    let end = memchr::memmem::find(&doc.as_bytes()[start..], close.as_bytes())
                        .map(|e| start + e)?;
                    return Some(&doc[start..end]);
                }
                _ => from = at,
            }
        }
    }
    None
}

/// Markup removed, the XML entities decoded, surrounding whitespace trimmed.
pub fn plain_text(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    // '<' and '&' are ASCII: a byte search finds them on char boundaries
    while let Some(i) = memchr::memchr2(b'<', b'&', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        let r = &rest[i..];
        if r.starts_with('<') {
            match r.find('>') {
                Some(j) => rest = &r[j + 1..],
                None => {
                    out.push_str(r);
                    rest = "";
                }
            }
        } else {
            let (ch, used) = entity(r);
            out.push_str(ch.as_deref().unwrap_or("&"));
            rest = &r[used..];
        }
    }
    out.push_str(rest);
    out.trim().to_string()
}

/// Decode an entity at the start of `s` (which begins with `&`).
fn entity(s: &str) -> (Option<String>, usize) {
    let Some(semi) = s.bytes().take(12).position(|b| b == b';') else {
        return (None, 1);
    };
    let name = &s[1..semi];
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let n = if let Some(h) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()
            } else if let Some(d) = name.strip_prefix('#') {
                d.parse().ok()
            } else {
                None
            };
            n.and_then(char::from_u32)
        }
    };
    match c {
        Some(c) => (Some(c.to_string()), semi + 1),
        None => (None, 1),
    }
}

/// The `id="..."` attribute of the `<DOC ...>` tag.
fn doc_id_attribute(doc: &str) -> Option<String> {
    let start = doc.find("<DOC")?;
    let tag = &doc[start..start + doc[start..].find('>')?];
    let i = tag.find("id=")?;
    let v = &tag[i + 3..];
    let q = v.chars().next()?;
    if q == '"' || q == '\'' {
        let end = v[1..].find(q)?;
        Some(v[1..1 + end].to_string())
    } else {
        Some(v.split_whitespace().next()?.to_string())
    }
}

/// A date written as eight digits in an id (`AFP_ARB_20000101.0001`,
/// `AL-culture-1-20180218`).
fn date_in_id(engine: &Engine, id: &str) -> Option<crate::dates::Date> {
    let b = id.as_bytes();
    (0..b.len().saturating_sub(7)).rev().find_map(|i| {
        let run = &b[i..i + 8];
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 8).is_none_or(|c| !c.is_ascii_digit());
        if !bounded || !run.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let s = std::str::from_utf8(run).ok()?;
        engine.record_date(&format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..]))
    })
}

/// The text and metadata of a `<DOC>` block.
fn trec_record(
    engine: &Engine,
    d: Decoded,
    default_id: String,
) -> Result<(Decoded, RecordMeta), String> {
    let doc = d.text.as_str();
    let text = element(doc, &["TEXT", "BODY"]).ok_or("no <TEXT> element in the <DOC> block")?;
    let field = |tags: &[&str]| element(doc, tags).map(plain_text).filter(|s| !s.is_empty());
    let id = field(&["DOCNO", "DOCID"]).or_else(|| doc_id_attribute(doc));
    let date = field(&["DATE", "DATE_TIME", "TIME"])
        .and_then(|s| engine.record_date(&s))
        .or_else(|| field(&["DATELINE"]).and_then(|s| engine.record_date(&s)))
        .or_else(|| id.as_deref().and_then(|i| date_in_id(engine, i)));
    let meta = RecordMeta {
        title: field(&["TITLE", "HEADLINE", "HL"]),
        date,
        source: field(&["SRC", "SOURCE", "AUTHOR"]),
        id: Some(id.unwrap_or(default_id)),
    };
    Ok((
        Decoded {
            text: plain_text(text),
            ..d
        },
        meta,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_entities_are_removed() {
        assert_eq!(
            plain_text("\n<P>\nأ &amp; ب\n</P>\n<P>ج&#x41;</P>\n"),
            "أ & ب\n\nجA"
        );
        assert_eq!(plain_text("a & b"), "a & b");
        assert_eq!(plain_text("&ستايل، لكن; x"), "&ستايل، لكن; x");
    }

    #[test]
    fn elements_are_found_by_exact_tag() {
        let d = "<DOC id=\"X_1\">\n<DOCNO> N1 </DOCNO><DOCID>z</DOCID><TEXT>t</TEXT></DOC>";
        assert_eq!(element(d, &["DOC"]), None.or(element(d, &["DOC"])));
        assert_eq!(element(d, &["DOCNO"]), Some(" N1 "));
        assert_eq!(element(d, &["TEXT"]), Some("t"));
        assert_eq!(doc_id_attribute(d).as_deref(), Some("X_1"));
    }

    #[test]
    fn doc_opening_tags_are_not_docno() {
        assert_eq!(find_doc_open(b"<DOCNO>1</DOCNO><DOC>"), Some(16));
        assert!(starts_with_doc(
            b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<DOC>"
        ));
        assert!(!starts_with_doc(b"<DOCNO>"));
    }

    #[test]
    fn extensions_and_suffixes() {
        assert_eq!(extension("a/b.tar.gz!x/y.JSONL"), "jsonl");
        assert_eq!(extension("a/.hidden"), "");
        assert_eq!(strip_suffix_ci("x.TGZ", ".tgz"), Some("x"));
    }
}
