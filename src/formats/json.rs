//! JSON input: JSON Lines (one record a line) and a JSON array of records
//! or a stream of JSON objects, cut into units as they are read; and the
//! text and metadata of one record, by the field names configured.

use super::{html_page, over_limit, unreadable, Body, Emit, FieldNames, Reader, Unit};
use crate::analyze::{Engine, RecordMeta};
use crate::decode::{unify_line_endings, Decoded};
use serde_json::Value;
use std::io::{self, BufRead, Read};

impl Reader {
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

    pub(super) fn read_json(
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

fn string_field(obj: &serde_json::Map<String, Value>, names: &[String]) -> Option<String> {
    names.iter().find_map(|n| match obj.get(n) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(x)) => Some(x.to_string()),
        _ => None,
    })
}

/// The text and metadata of a JSON record.
pub(super) fn json_record(
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
