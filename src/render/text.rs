//! `--format text`: a compact summary per article for reading in a
//! terminal: headline, date, people, countries, places, organizations and
//! events, then the totals of the run.
//!
//! Right-to-left safe: every line starts with a Latin label or symbol, so
//! its base direction is left-to-right, and every Arabic value is wrapped
//! in Unicode directional isolates (FSI … PDI), so a bidi-aware terminal
//! lays out each name on its own and punctuation between names stays in
//! place. Colours (ANSI) only when asked: see [`crate::render::Options`].

use super::{truncate, CountryNames};
use crate::corpus::Corpus;
use crate::model::{Actor, Document, InputFailure, Status};
use crate::output::Printer;
use crate::select::{Only, Part};
use std::io::{self, Write};

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

pub struct TextPrinter {
    color: bool,
    only: Only,
    count: usize,
    names: CountryNames,
}

#[derive(Clone, Copy)]
enum Style {
    Bold,
    Dim,
    Person,
    Country,
    Place,
    Org,
    Event,
    Bad,
}

impl TextPrinter {
    pub fn new(color: bool, only: Only) -> TextPrinter {
        TextPrinter {
            color,
            only,
            count: 0,
            names: CountryNames::default(),
        }
    }

    fn paint(&self, style: Style, s: &str) -> String {
        if !self.color {
            return s.to_string();
        }
        let code = match style {
            Style::Bold => "1",
            Style::Dim => "2",
            Style::Person => "36",
            Style::Country => "32",
            Style::Place => "34",
            Style::Org => "35",
            Style::Event => "1;33",
            Style::Bad => "31",
        };
        format!("\x1b[{code}m{s}\x1b[0m")
    }

    /// An isolated (and painted) right-to-left-safe value.
    fn iso(&self, style: Style, s: &str) -> String {
        self.paint(style, &format!("{FSI}{s}{PDI}"))
    }

    fn label(&self, l: &str) -> String {
        self.paint(Style::Dim, &format!("  {l:<10} "))
    }

    fn actor(&self, a: &Actor) -> String {
        let mut parts = Vec::new();
        if let Some(c) = &a.country {
            parts.push(self.paint(Style::Country, c));
        }
        if let Some(p) = &a.person {
            parts.push(self.iso(Style::Person, p));
        }
        if parts.is_empty() {
            "?".into()
        } else {
            parts.join(" ")
        }
    }

    /// The lines of one document.
    pub fn render(&mut self, d: &Document) -> String {
        self.count += 1;
        self.names.add(d);
        let mut o = String::new();
        let mut head = vec![self.paint(Style::Bold, &format!("#{}", self.count))];
        head.push(self.iso(Style::Dim, &d.id));
        if let Some(date) = d.date {
            head.push(date.to_string());
        }
        if let Some(s) = &d.source {
            head.push(self.iso(Style::Dim, &truncate(s, 40)));
        }
        o.push_str(&head.join("  "));
        o.push('\n');
        let headline = d.headline.as_deref().unwrap_or("(no headline)");
        o.push_str(&format!(
            "  {}\n",
            self.paint(
                Style::Bold,
                &format!("{FSI}{}{PDI}", truncate(headline, 160))
            )
        ));
        let list = |o: &mut String, label: &str, items: Vec<String>| {
            if !items.is_empty() {
                o.push_str(&self.label(label));
                o.push_str(&items.join(", "));
                o.push('\n');
            }
        };
        if self.only.has(Part::People) {
            let items = d
                .people
                .iter()
                .map(|p| {
                    let mut extra: Vec<String> = Vec::new();
                    if let Some(c) = &p.country {
                        extra.push(c.clone());
                    }
                    if let Some(r) = p.roles.first() {
                        extra.push(format!("{FSI}{r}{PDI}"));
                    }
                    let extra = if extra.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", extra.join("; "))
                    };
                    format!("{}{extra}", self.iso(Style::Person, &p.name))
                })
                .collect();
            list(&mut o, "people", items);
        }
        if self.only.has(Part::Countries) {
            let items = d
                .countries
                .iter()
                .map(|c| {
                    format!(
                        "{} {} ×{}",
                        self.paint(Style::Country, &c.code),
                        self.iso(Style::Country, &c.name),
                        c.mentions.len()
                    )
                })
                .collect();
            list(&mut o, "countries", items);
        }
        if self.only.has(Part::Places) {
            let items = d
                .places
                .iter()
                .map(|p| self.iso(Style::Place, &p.name))
                .collect();
            list(&mut o, "places", items);
        }
        if self.only.has(Part::Organizations) {
            let items = d
                .organizations
                .iter()
                .map(|p| self.iso(Style::Org, &p.name))
                .collect();
            list(&mut o, "orgs", items);
        }
        if self.only.has(Part::Events) {
            for (i, e) in d.events.iter().enumerate() {
                o.push_str(&self.label(if i == 0 { "events" } else { "" }));
                let status = match e.status {
                    Status::Occurred => String::new(),
                    Status::Planned => format!(" {}", self.paint(Style::Dim, "(planned)")),
                    Status::Denied => format!(" {}", self.paint(Style::Bad, "(denied)")),
                };
                let arrow = if super::undirected(e.r#type) {
                    "—"
                } else {
                    "→"
                };
                o.push_str(&format!(
                    "{}{status} {} {arrow} {}",
                    self.paint(Style::Event, e.r#type.name()),
                    self.actor(&e.source),
                    self.actor(&e.target)
                ));
                if let Some(loc) = &e.location {
                    if let Some(p) = &loc.place {
                        o.push_str(&format!(" @ {}", self.iso(Style::Place, p)));
                    }
                }
                if let Some(date) = e.date {
                    o.push_str(&format!(" · {date}"));
                }
                if e.mentions > 1 {
                    o.push_str(&format!(" · ×{}", e.mentions));
                }
                o.push('\n');
                o.push_str(&format!(
                    "  {:<10} {}\n",
                    "",
                    self.paint(
                        Style::Dim,
                        &format!("│ {FSI}{}{PDI}", truncate(&e.evidence.text, 110))
                    )
                ));
            }
        }
        o.push('\n');
        o
    }

    /// The closing summary.
    pub fn render_summary(&self, corpus: &Corpus) -> String {
        let s = corpus.summary();
        let mut o = String::new();
        let by: Vec<String> = s
            .by_type
            .iter()
            .map(|(k, n)| format!("{} {n}", self.paint(Style::Event, k)))
            .collect();
        o.push_str(&format!(
            "{} {} documents, {} events{}\n",
            self.paint(Style::Bold, "Σ"),
            s.documents,
            s.events,
            if by.is_empty() {
                String::new()
            } else {
                format!(": {}", by.join(" · "))
            }
        ));
        let mut pairs = s.pairs.clone();
        pairs.sort_by(|a, b| {
            b.events
                .cmp(&a.events)
                .then_with(|| (&a.source, &a.target).cmp(&(&b.source, &b.target)))
        });
        if !pairs.is_empty() {
            o.push_str(&self.label("top pairs"));
            let items: Vec<String> = pairs
                .iter()
                .take(8)
                .map(|p| {
                    format!(
                        "{} → {} {} ×{}",
                        self.paint(Style::Country, &p.source),
                        self.paint(Style::Country, &p.target),
                        p.r#type.name(),
                        p.events
                    )
                })
                .collect();
            o.push_str(&items.join(", "));
            o.push('\n');
        }
        o
    }
}

impl Printer for TextPrinter {
    fn document(&mut self, out: &mut dyn Write, doc: &Document) -> io::Result<()> {
        let s = self.render(doc);
        out.write_all(s.as_bytes())
    }

    fn failure(&mut self, out: &mut dyn Write, f: &InputFailure) -> io::Result<()> {
        let s = format!(
            "{} {}: {}\n\n",
            self.paint(Style::Bad, "!"),
            f.file,
            self.paint(Style::Bad, &f.error)
        );
        out.write_all(s.as_bytes())
    }

    fn finish(&mut self, out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
        let s = self.render_summary(corpus);
        out.write_all(s.as_bytes())?;
        out.flush()
    }
}
