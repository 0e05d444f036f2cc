//! Output formats beyond JSON: CSV tables, interaction graphs (DOT,
//! GraphML), a self-contained HTML report and a terminal view. Each
//! implements [`crate::output::Printer`].

pub mod csv;
pub mod graph;
pub mod html;
pub mod text;

use crate::model::{Document, EventKind, Status};
use crate::output::{Format, Printer};
use crate::select::Only;
use std::collections::BTreeMap;

/// The tables `--format csv` can print (`--table`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Table {
    People,
    Countries,
    Places,
    Organizations,
    #[default]
    Events,
    Mentions,
}

/// Options of the formats in this module.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--table` (csv).
    pub table: Table,
    /// Start CSV output with a UTF-8 byte order mark (`--bom`).
    pub bom: bool,
    /// Colour the text view (a terminal, no `NO_COLOR`, or `--color always`).
    pub color: bool,
}

/// The printer of a format of this module (not json or ndjson).
pub fn printer(format: Format, opts: &Options, only: Only) -> Box<dyn Printer> {
    match format {
        Format::Csv => Box::new(csv::CsvPrinter::new(opts.table, opts.bom)),
        Format::Dot => Box::new(graph::GraphPrinter::new(graph::Flavor::Dot)),
        Format::Graphml => Box::new(graph::GraphPrinter::new(graph::Flavor::Graphml)),
        Format::Html => Box::new(html::HtmlPrinter::new(only)),
        Format::Text => Box::new(text::TextPrinter::new(opts.color, only)),
        Format::Json | Format::Ndjson => {
            unreachable!("json and ndjson are printed by crate::output")
        }
    }
}

/// Meetings, talks, summits and agreements have no direction.
pub fn undirected(k: EventKind) -> bool {
    matches!(
        k,
        EventKind::Meeting | EventKind::Talks | EventKind::Summit | EventKind::Agreement
    )
}

pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Occurred => "occurred",
        Status::Planned => "planned",
        Status::Denied => "denied",
    }
}

/// Escape text for XML and HTML (element content and quoted attributes).
pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            // characters XML 1.0 forbids
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => o.push('\u{FFFD}'),
            '\u{FFFE}' | '\u{FFFF}' => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

/// Names of the countries met so far: code → (Arabic name, English name).
#[derive(Debug, Default, Clone)]
pub struct CountryNames(pub BTreeMap<String, (String, String)>);

impl CountryNames {
    pub fn add(&mut self, d: &Document) {
        for c in &d.countries {
            self.0
                .entry(c.code.clone())
                .or_insert_with(|| (c.name.clone(), c.name_en.clone()));
        }
    }

    pub fn arabic<'a>(&'a self, code: &'a str) -> &'a str {
        self.0.get(code).map(|n| n.0.as_str()).unwrap_or(code)
    }

    pub fn english<'a>(&'a self, code: &'a str) -> &'a str {
        self.0.get(code).map(|n| n.1.as_str()).unwrap_or(code)
    }
}

/// Interactions between countries and between people, counted by type.
#[derive(Debug, Default, Clone)]
pub struct Network {
    pub countries: CountryNames,
    /// person → country
    pub people: BTreeMap<String, Option<String>>,
    /// (source, target, type) → (events, documents)
    pub country_edges: BTreeMap<(String, String, EventKind), (usize, usize)>,
    pub person_edges: BTreeMap<(String, String, EventKind), (usize, usize)>,
}

impl Network {
    pub fn add(&mut self, d: &Document) {
        self.countries.add(d);
        let mut seen_c = std::collections::BTreeSet::new();
        let mut seen_p = std::collections::BTreeSet::new();
        for e in &d.events {
            if let (Some(s), Some(t)) = (&e.source.country, &e.target.country) {
                let k = (s.clone(), t.clone(), e.r#type);
                let v = self.country_edges.entry(k.clone()).or_default();
                v.0 += 1;
                if seen_c.insert(k) {
                    v.1 += 1;
                }
            }
            if let (Some(s), Some(t)) = (&e.source.person, &e.target.person) {
                for (p, c) in [(s, &e.source.country), (t, &e.target.country)] {
                    let entry = self.people.entry(p.clone()).or_default();
                    if entry.is_none() {
                        entry.clone_from(c);
                    }
                }
                let k = (s.clone(), t.clone(), e.r#type);
                let v = self.person_edges.entry(k.clone()).or_default();
                v.0 += 1;
                if seen_p.insert(k) {
                    v.1 += 1;
                }
            }
        }
    }

    /// The countries that take part in an interaction, sorted by code.
    pub fn country_nodes(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .country_edges
            .keys()
            .flat_map(|(s, t, _)| [s.as_str(), t.as_str()])
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Truncate to at most `n` characters, with an ellipsis.
pub fn truncate(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        return s;
    }
    let mut o: String = s.chars().take(n.saturating_sub(1)).collect();
    o.push('…');
    o
}
