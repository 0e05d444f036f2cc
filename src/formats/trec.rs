//! TREC/SGML input (Arabic Gigaword, ANT): a file of `<DOC>` blocks, cut
//! into one unit a block as it is read; and the text and metadata of one
//! block (its `<TEXT>`, `<DOCNO>`, `<TITLE>`, date), with markup and XML
//! entities removed.

use super::{over_limit, unreadable, Body, Emit, Reader, Unit};
use crate::analyze::{Engine, RecordMeta};
use crate::decode::Decoded;
use std::io::BufRead;

impl Reader {
    pub(super) fn read_trec(&self, name: &str, reader: &mut dyn BufRead, emit: &mut Emit) -> bool {
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
}

/// Does the stream open with a `<DOC>` block (after a BOM, whitespace and
/// an XML declaration)?
pub(super) fn starts_with_doc(head: &[u8]) -> bool {
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
pub(super) fn trec_record(
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
}
