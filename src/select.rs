//! Selection: which documents, events and fields a run prints.
//!
//! Filters (`--country`, `--event-type`, `--since`, `--until`) are applied
//! to each [`Document`] on the worker, before it is printed or counted in the
//! corpus summary; `--only` keeps just some parts of each document in the
//! output ([`Selected`] serializes a document without the others).

use crate::dates::Date;
use crate::model::{Document, Event, EventKind};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// The parts of a document `--only` can keep. The metadata (`file`, `id`,
/// `encoding`, `headline`, `date`, `source`, `chars`) is always kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Boilerplate,
    Paragraphs,
    People,
    Countries,
    Places,
    Organizations,
    Events,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Boilerplate,
        Part::Paragraphs,
        Part::People,
        Part::Countries,
        Part::Places,
        Part::Organizations,
        Part::Events,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Part::Boilerplate => "boilerplate",
            Part::Paragraphs => "paragraphs",
            Part::People => "people",
            Part::Countries => "countries",
            Part::Places => "places",
            Part::Organizations => "organizations",
            Part::Events => "events",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of [`Part`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Only(u8);

impl Default for Only {
    fn default() -> Only {
        Only::ALL
    }
}

impl Only {
    pub const ALL: Only = Only(0x7f);

    /// `people,countries,events` (singular forms accepted too).
    pub fn parse(list: &str) -> Result<Only, String> {
        let mut bits = 0u8;
        for w in list.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let w = w.to_ascii_lowercase();
            let p = Part::ALL
                .into_iter()
                .find(|p| {
                    let n = p.name();
                    w == n
                        || (n.ends_with('s') && w == n[..n.len() - 1])
                        || (n == "people" && w == "person")
                        || (n == "countries" && w == "country")
                })
                .ok_or_else(|| {
                    format!(
                        "--only: unknown part '{w}' (expected {})",
                        Part::ALL.map(|p| p.name()).join(", ")
                    )
                })?;
            bits |= p.bit();
        }
        if bits == 0 {
            return Err("--only: give at least one part".into());
        }
        Ok(Only(bits))
    }

    pub fn has(self, p: Part) -> bool {
        self.0 & p.bit() != 0
    }

    pub fn is_all(self) -> bool {
        self == Only::ALL
    }
}

/// What to keep of the analysis.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub only: Only,
    /// Country codes (ISO 3166 alpha-2 or alpha-3, upper case).
    pub countries: Vec<String>,
    pub event_types: Vec<EventKind>,
    pub since: Option<Date>,
    pub until: Option<Date>,
}

impl Selection {
    /// Do the filters drop anything?
    pub fn filters(&self) -> bool {
        !self.countries.is_empty()
            || !self.event_types.is_empty()
            || self.since.is_some()
            || self.until.is_some()
    }

    fn in_range(&self, d: Date) -> bool {
        self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u)
    }

    fn country_matches(&self, doc: &Document, code: &str) -> bool {
        self.countries.iter().any(|c| {
            c == code
                || doc
                    .countries
                    .iter()
                    .any(|k| k.code == code && k.iso3.eq_ignore_ascii_case(c))
        })
    }

    fn event_has_country(&self, doc: &Document, e: &Event) -> bool {
        let sides = [
            e.source.country.as_deref(),
            e.target.country.as_deref(),
            e.via.as_ref().and_then(|v| v.country.as_deref()),
            e.location.as_ref().and_then(|l| l.country.as_deref()),
        ];
        sides
            .into_iter()
            .flatten()
            .any(|c| self.country_matches(doc, c))
    }

    /// Apply the filters to one document: `None` when it is dropped.
    ///
    /// * `--event-type`: only events of these types are kept, and only
    ///   documents with at least one of them.
    /// * `--country`: only events with a party (source, target, envoy or
    ///   location) in one of these countries are kept, and only documents
    ///   that mention one of them or keep an event.
    /// * `--since`/`--until`: the date of an event is its own date, else the
    ///   document's; events whose date is unknown or out of range are
    ///   dropped. A dated document is kept when its date is in range, an
    ///   undated one when it keeps an event.
    pub fn apply(&self, mut doc: Document) -> Option<Document> {
        if !self.filters() {
            return Some(doc);
        }
        let doc_date = doc.date;
        let events = std::mem::take(&mut doc.events);
        let kept: Vec<Event> = events
            .into_iter()
            .filter(|e| self.event_types.is_empty() || self.event_types.contains(&e.r#type))
            .filter(|e| self.countries.is_empty() || self.event_has_country(&doc, e))
            .filter(|e| {
                (self.since.is_none() && self.until.is_none())
                    || e.date.or(doc_date).is_some_and(|d| self.in_range(d))
            })
            .collect();
        doc.events = kept;
        if !self.event_types.is_empty() && doc.events.is_empty() {
            return None;
        }
        if !self.countries.is_empty()
            && doc.events.is_empty()
            && !doc
                .countries
                .iter()
                .any(|c| self.country_matches(&doc, &c.code))
        {
            return None;
        }
        if self.since.is_some() || self.until.is_some() {
            let keep = match doc_date {
                Some(d) => self.in_range(d),
                None => !doc.events.is_empty(),
            };
            if !keep {
                return None;
            }
        }
        Some(doc)
    }
}

/// Parse `--since`/`--until`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a partial
/// date means its first day (`end = false`) or its last (`end = true`).
pub fn parse_date(s: &str, end: bool) -> Result<Date, String> {
    let bad = || format!("invalid date '{s}' (expected YYYY-MM-DD, YYYY-MM or YYYY)");
    let parts: Vec<&str> = s.trim().split('-').collect();
    let num = |p: &str| -> Result<u32, String> {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4 {
            return Err(bad());
        }
        p.parse().map_err(|_| bad())
    };
    let year = num(parts[0])? as i32;
    let (month, day) = match parts.len() {
        1 => (if end { 12 } else { 1 }, None),
        2 => (num(parts[1])?, None),
        3 => (num(parts[1])?, Some(num(parts[2])?)),
        _ => return Err(bad()),
    };
    let day = match day {
        Some(d) => d,
        None if end => (28..=31)
            .rev()
            .find(|&d| Date::new(year, month, d).is_some())
            .unwrap_or(31),
        None => 1,
    };
    Date::new(year, month, day).ok_or_else(bad)
}

/// A document serialized with only the selected parts: with [`Only::ALL`]
/// exactly the bytes of the document's own serialization.
pub struct Selected<'a> {
    pub doc: &'a Document,
    pub only: Only,
}

impl Serialize for Selected<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.only.is_all() {
            return self.doc.serialize(s);
        }
        let d = self.doc;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("file", &d.file)?;
        m.serialize_entry("id", &d.id)?;
        m.serialize_entry("encoding", &d.encoding)?;
        m.serialize_entry("headline", &d.headline)?;
        m.serialize_entry("date", &d.date)?;
        m.serialize_entry("source", &d.source)?;
        m.serialize_entry("chars", &d.chars)?;
        let o = self.only;
        if o.has(Part::Boilerplate) {
            m.serialize_entry("boilerplate", &d.boilerplate)?;
        }
        if o.has(Part::Paragraphs) {
            m.serialize_entry("paragraphs", &d.paragraphs)?;
        }
        if o.has(Part::People) {
            m.serialize_entry("people", &d.people)?;
        }
        if o.has(Part::Countries) {
            m.serialize_entry("countries", &d.countries)?;
        }
        if o.has(Part::Places) {
            m.serialize_entry("places", &d.places)?;
        }
        if o.has(Part::Organizations) {
            m.serialize_entry("organizations", &d.organizations)?;
        }
        if o.has(Part::Events) {
            m.serialize_entry("events", &d.events)?;
        }
        m.end()
    }
}

impl schemars::JsonSchema for Selected<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        Document::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        Document::schema_id()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Document::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts() {
        let o = Only::parse("people, country,events").unwrap();
        assert!(o.has(Part::People) && o.has(Part::Countries) && o.has(Part::Events));
        assert!(!o.has(Part::Places) && !o.is_all());
        assert!(Only::parse("nope").is_err());
        assert!(Only::parse("").is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024", false).unwrap().to_string(), "2024-01-01");
        assert_eq!(parse_date("2024", true).unwrap().to_string(), "2024-12-31");
        assert_eq!(
            parse_date("2024-02", true).unwrap().to_string(),
            "2024-02-29"
        );
        assert_eq!(
            parse_date("2023-02-28", true).unwrap().to_string(),
            "2023-02-28"
        );
        assert!(parse_date("2023-02-30", false).is_err());
        assert!(parse_date("yesterday", false).is_err());
    }
}
