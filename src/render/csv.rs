//! `--format csv`: one table (`--table`) as RFC 4180 CSV: UTF-8 (with a
//! byte order mark under `--bom`, for spreadsheet programs), CRLF line
//! ends, fields quoted when they hold a comma, a double quote or a line
//! break. One row per item of the JSON output: a person, country, place,
//! organization or event of a document, or a mention of an entity. Lists
//! (roles, aliases, people) are joined with "; ".

use super::{status_name, Table};
use crate::corpus::Corpus;
use crate::model::{Document, InputFailure, Mention};
use crate::output::Printer;
use std::io::{self, Write};

pub struct CsvPrinter {
    table: Table,
    bom: bool,
    started: bool,
}

impl CsvPrinter {
    pub fn new(table: Table, bom: bool) -> CsvPrinter {
        CsvPrinter {
            table,
            bom,
            started: false,
        }
    }

    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        if self.bom {
            out.write_all("\u{FEFF}".as_bytes())?;
        }
        write_row(out, header(self.table))
    }
}

/// The column names of a table.
pub fn header(t: Table) -> &'static [&'static str] {
    match t {
        Table::People => &[
            "document", "name", "name_en", "country", "roles", "aliases", "origin", "mentions",
        ],
        Table::Countries => &["document", "code", "iso3", "name", "name_en", "mentions"],
        Table::Places => &["document", "name", "name_en", "country", "kind", "mentions"],
        Table::Organizations => &["document", "name", "name_en", "kind", "country", "mentions"],
        Table::Events => &[
            "document",
            "event",
            "type",
            "status",
            "source_country",
            "source_person",
            "target_country",
            "target_person",
            "via_country",
            "via_person",
            "location_place",
            "location_country",
            "date",
            "date_text",
            "people",
            "cameo",
            "plover_type",
            "plover_mode",
            "mentions",
            "trigger",
            "evidence",
            "rule",
        ],
        Table::Mentions => &[
            "document",
            "entity_kind",
            "entity",
            "text",
            "start",
            "end",
            "form",
            "rule",
        ],
    }
}

/// Quote one field when RFC 4180 requires it.
pub fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

fn write_row<S: AsRef<str>>(out: &mut dyn Write, cells: &[S]) -> io::Result<()> {
    let mut line = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push_str(&field(c.as_ref()));
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// The rows of one document for a table.
pub fn rows(t: Table, d: &Document) -> Vec<Vec<String>> {
    let id = || d.id.clone();
    match t {
        Table::People => d
            .people
            .iter()
            .map(|p| {
                vec![
                    id(),
                    p.name.clone(),
                    opt(&p.name_en),
                    opt(&p.country),
                    p.roles.join("; "),
                    p.aliases.join("; "),
                    p.origin.to_string(),
                    p.mentions.len().to_string(),
                ]
            })
            .collect(),
        Table::Countries => d
            .countries
            .iter()
            .map(|c| {
                vec![
                    id(),
                    c.code.clone(),
                    c.iso3.clone(),
                    c.name.clone(),
                    c.name_en.clone(),
                    c.mentions.len().to_string(),
                ]
            })
            .collect(),
        Table::Places => d
            .places
            .iter()
            .map(|p| {
                vec![
                    id(),
                    p.name.clone(),
                    p.name_en.clone(),
                    opt(&p.country),
                    place_kind(p.kind).to_string(),
                    p.mentions.len().to_string(),
                ]
            })
            .collect(),
        Table::Organizations => d
            .organizations
            .iter()
            .map(|o| {
                vec![
                    id(),
                    o.name.clone(),
                    opt(&o.name_en),
                    o.kind.clone(),
                    opt(&o.country),
                    o.mentions.len().to_string(),
                ]
            })
            .collect(),
        Table::Events => d
            .events
            .iter()
            .map(|e| {
                let via = e.via.clone().unwrap_or_default();
                let (lp, lc) = e
                    .location
                    .as_ref()
                    .map(|l| (opt(&l.place), opt(&l.country)))
                    .unwrap_or_default();
                vec![
                    id(),
                    e.id.clone(),
                    e.r#type.name().to_string(),
                    status_name(e.status).to_string(),
                    opt(&e.source.country),
                    opt(&e.source.person),
                    opt(&e.target.country),
                    opt(&e.target.person),
                    opt(&via.country),
                    opt(&via.person),
                    lp,
                    lc,
                    e.date.map(|x| x.to_string()).unwrap_or_default(),
                    opt(&e.date_text),
                    e.people.join("; "),
                    e.cameo.to_string(),
                    e.plover.r#type.unwrap_or_default().to_string(),
                    e.plover.mode.unwrap_or_default().to_string(),
                    e.mentions.to_string(),
                    e.trigger.text.clone(),
                    e.evidence.text.clone(),
                    opt(&e.rule),
                ]
            })
            .collect(),
        Table::Mentions => {
            let mut v = Vec::new();
            let mut add = |kind: &str, entity: &str, ms: &[Mention]| {
                for m in ms {
                    v.push(vec![
                        id(),
                        kind.to_string(),
                        entity.to_string(),
                        m.text.clone(),
                        m.start.to_string(),
                        m.end.to_string(),
                        m.form.unwrap_or_default().to_string(),
                        opt(&m.rule),
                    ]);
                }
            };
            for p in &d.people {
                add("person", &p.name, &p.mentions);
            }
            for c in &d.countries {
                add("country", &c.code, &c.mentions);
            }
            for p in &d.places {
                add("place", &p.name, &p.mentions);
            }
            for o in &d.organizations {
                add("organization", &o.name, &o.mentions);
            }
            v
        }
    }
}

fn place_kind(k: crate::lexicon::PlaceKind) -> &'static str {
    match k {
        crate::lexicon::PlaceKind::Capital => "capital",
        crate::lexicon::PlaceKind::City => "city",
        crate::lexicon::PlaceKind::Region => "region",
    }
}

impl Printer for CsvPrinter {
    fn document(&mut self, out: &mut dyn Write, doc: &Document) -> io::Result<()> {
        self.start(out)?;
        for r in rows(self.table, doc) {
            write_row(out, &r)?;
        }
        Ok(())
    }

    fn failure(&mut self, _out: &mut dyn Write, _f: &InputFailure) -> io::Result<()> {
        // reported on stderr; a CSV table has no place for them
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _corpus: &Corpus) -> io::Result<()> {
        self.start(out)?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quoting() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("بغداد"), "بغداد");
    }
}
