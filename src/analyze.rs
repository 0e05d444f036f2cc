//! The analysis engine: from one decoded article to one output document.
//!
//! `Engine` is built once per process (lexicons, automata) and is shared by
//! all worker threads; `Engine::analyze` runs structure → normalization →
//! tokens → entities → events for one article and maps every mention back to
//! the original text.

use crate::decode::{decode, Decoded};
use crate::document::{structure_normalized, Span};
use crate::entities::{recognize, Annotations, MentionRef, Recognizer};
use crate::events::{Dropped, EventExtractor, RawEvent};
use crate::gazetteer::Stream;
use crate::lexicon::Lexicon;
use crate::model::{self, Actor, BoilerplateSpan, Document, Event, Location, Mention};
use crate::normalize::{NormalizedText, Normalizer};
use crate::tokenize::{tokenize, Tokens};
use std::collections::BTreeMap;

/// Settings that change what the engine reports.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Add the rule or lexicon entry behind each mention and event.
    pub explain: bool,
    /// Forced input encoding.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Documents larger than this many bytes are refused (0 = no limit).
    pub max_bytes: usize,
}

pub struct Engine {
    nz: &'static Normalizer,
    recognizer: Recognizer,
    events: EventExtractor,
    pub settings: Settings,
    /// Keep the decoded text in [`Document::text`] (for `--format html`).
    pub keep_text: bool,
}

/// Metadata a record carries itself (corpus formats), taking precedence
/// over what is read from the text.
#[derive(Debug, Clone, Default)]
pub struct RecordMeta {
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<crate::dates::Date>,
    pub source: Option<String>,
}

impl Engine {
    pub fn new(lex: Lexicon, settings: Settings) -> Engine {
        let events = EventExtractor::new(&lex);
        Engine {
            // the process-wide matching normalizer, which the recognizers use too
            nz: Normalizer::matching(),
            recognizer: Recognizer::new(lex),
            events,
            settings,
            keep_text: false,
        }
    }

    /// Read a date a record states in one of its fields (ISO, RFC 2822,
    /// `dd/mm/yyyy`, Arabic month names: whatever [`crate::dates::find_dates`]
    /// accepts); the first date found wins.
    pub fn record_date(&self, field: &str) -> Option<crate::dates::Date> {
        let chars: Vec<char> = self.nz.normalize_str(field).chars().collect();
        crate::dates::find_dates(&chars).first().map(|f| f.date)
    }

    /// Decode and analyze the bytes of one file.
    pub fn analyze_bytes(&self, file: &str, bytes: &[u8]) -> Result<Document, String> {
        if let Some(e) =
            crate::formats::over_limit("document", bytes.len(), self.settings.max_bytes)
        {
            return Err(e);
        }
        let d = decode(bytes, self.settings.encoding).map_err(|e| e.to_string())?;
        Ok(self.analyze_decoded(file, d, &RecordMeta::default()))
    }

    pub fn analyze_decoded(&self, file: &str, d: Decoded, meta: &RecordMeta) -> Document {
        let text = d.text;
        let orig = crate::decode::chars_of(&text);
        let nt = self.nz.normalize_chars(&orig);
        let st = structure_normalized(&text, &orig, &nt);
        let regions: Vec<(usize, usize)> =
            st.content().iter().map(|s| norm_range(&nt, *s)).collect();
        let mut tokens = tokenize(&nt, &regions);
        for t in tokens.tokens.iter_mut() {
            let last = nt.origin[t.end - 1] as usize;
            if let Some(&c) = orig.get(last) {
                t.written_last = c;
            }
        }
        let stream = Stream::new(&tokens.tokens);
        let ann = recognize(&self.recognizer, &tokens.tokens, &stream);
        let date = meta.date.or(st.date);
        let extraction = self.events.extract(
            &tokens,
            &stream,
            &ann,
            date,
            &|w| self.recognizer.is_common(w),
            self.settings.explain,
        );

        let out = Output {
            nz: self.nz,
            orig: &orig,
            nt: &nt,
            tokens: &tokens,
            explain: self.settings.explain,
        };
        let slice = |s: Span| -> String {
            orig[s.start.min(orig.len())..s.end.min(orig.len())]
                .iter()
                .collect()
        };
        let people = out.people(&ann, &self.recognizer);
        let events = out.events(&extraction.events, &ann, &people, &self.recognizer);
        let dropped_events = out.dropped(&extraction.dropped);
        Document {
            file: file.to_string(),
            id: meta.id.clone().unwrap_or_else(|| file.to_string()),
            encoding: d.encoding,
            headline: meta.title.clone().or_else(|| st.headline.map(slice)),
            date,
            source: meta.source.clone().or(st.source.clone()),
            chars: orig.len(),
            boilerplate: st
                .boilerplate
                .iter()
                .map(|b| BoilerplateSpan {
                    kind: b.kind,
                    text: slice(b.span),
                    start: b.span.start,
                    end: b.span.end,
                })
                .collect(),
            paragraphs: st
                .body
                .iter()
                .map(|s| model::TextSpan {
                    start: s.start,
                    end: s.end,
                })
                .collect(),
            countries: out.countries(&ann, &self.recognizer),
            places: out.places(&ann, &self.recognizer),
            organizations: out.organizations(&ann),
            people,
            events,
            dropped_events,
            text: self.keep_text.then_some(text),
        }
    }
}

/// Map an original span to the normalized range it covers.
fn norm_range(nt: &NormalizedText, s: Span) -> (usize, usize) {
    let a = nt.origin.partition_point(|&o| (o as usize) < s.start);
    let b = nt.origin.partition_point(|&o| (o as usize) < s.end);
    (a, b)
}

/// A name as written in a hashtag (#دونالد_ترامب) is the name: the mark
/// goes and the joiners are spaces.
fn hashtag_free(text: &str) -> String {
    if text.contains(['#', '_']) {
        text.replace('#', "").replace('_', " ")
    } else {
        text.to_string()
    }
}

struct Output<'a> {
    nz: &'a Normalizer,
    orig: &'a [char],
    nt: &'a NormalizedText,
    tokens: &'a Tokens,
    explain: bool,
}

impl Output<'_> {
    fn mention(&self, m: &MentionRef, form: Option<&'static str>) -> Mention {
        let toks = &self.tokens.tokens;
        let a = toks[m.first].start + m.prefix;
        let b = toks[m.last].end;
        self.span_mention(a, b, form, self.explain.then(|| m.rule.to_string()))
    }

    fn span_mention(
        &self,
        a: usize,
        b: usize,
        form: Option<&'static str>,
        rule: Option<String>,
    ) -> Mention {
        let (s, e) = self.nt.original_range(a, b);
        Mention {
            text: self.orig[s..e].iter().collect(),
            start: s,
            end: e,
            form,
            rule,
        }
    }

    fn people(&self, ann: &Annotations, r: &Recognizer) -> Vec<model::Person> {
        let mut out = Vec::new();
        for p in &ann.people {
            if p.mentions.is_empty() {
                out.push(None);
                continue;
            }
            let mut mentions: Vec<Mention> =
                p.mentions.iter().map(|m| self.mention(m, None)).collect();
            mentions.sort();
            mentions.dedup_by(|a, b| a.start == b.start && a.end == b.end);
            // the fullest form used in the article (most tokens, then longest)
            let fullest = mentions
                .iter()
                .max_by_key(|m| {
                    (
                        m.text.split_whitespace().count(),
                        m.text.chars().count(),
                        std::cmp::Reverse(m.start),
                    )
                })
                .map(|m| hashtag_free(&m.text))
                .unwrap_or_default();
            let lex = p.lexicon.map(|i| &r.lex.people[i]);
            let name = match lex {
                Some(e)
                    if e.name.split_whitespace().count() >= fullest.split_whitespace().count() =>
                {
                    e.name.clone()
                }
                _ => fullest.clone(),
            };
            let mut aliases: Vec<String> = Vec::new();
            for m in &mentions {
                let form = hashtag_free(&m.text);
                if form != name && !aliases.contains(&form) {
                    aliases.push(form);
                }
            }
            out.push(Some(model::Person {
                name,
                name_en: lex.map(|e| e.name_en.clone()).filter(|s| !s.is_empty()),
                country: p.country.clone(),
                roles: p.roles.clone(),
                aliases,
                origin: if lex.is_some() { "lexicon" } else { "context" },
                mentions,
            }));
        }
        // keep indices stable for events: empty entities are removed by the caller via `people_index`
        out.into_iter().flatten().collect()
    }

    fn countries(&self, ann: &Annotations, r: &Recognizer) -> Vec<model::Country> {
        let mut by: BTreeMap<usize, Vec<Mention>> = BTreeMap::new();
        for c in &ann.countries {
            let rule = self
                .explain
                .then(|| format!("country {}: {}", c.form, c.at.rule));
            let mut m = self.mention(&c.at, Some(c.form));
            m.rule = rule;
            by.entry(c.country).or_default().push(m);
        }
        let mut out: Vec<model::Country> = by
            .into_iter()
            .map(|(i, mut mentions)| {
                mentions.sort();
                mentions.dedup();
                let c = &r.lex.countries[i];
                model::Country {
                    code: c.code.clone(),
                    iso3: c.iso3.clone(),
                    name: c.name.clone(),
                    name_en: c.name_en.clone(),
                    mentions,
                }
            })
            .collect();
        out.sort_by_key(|c| c.mentions.first().map(|m| m.start));
        out
    }

    fn places(&self, ann: &Annotations, r: &Recognizer) -> Vec<model::Place> {
        let mut by: BTreeMap<usize, Vec<Mention>> = BTreeMap::new();
        for p in &ann.places {
            by.entry(p.place)
                .or_default()
                .push(self.mention(&p.at, None));
        }
        let mut out: Vec<model::Place> = by
            .into_iter()
            .map(|(i, mut mentions)| {
                mentions.sort();
                let p = &r.lex.places[i];
                model::Place {
                    name: p.name.clone(),
                    name_en: p.name_en.clone(),
                    country: p.country.clone(),
                    kind: p.kind,
                    mentions,
                }
            })
            .collect();
        out.sort_by_key(|c| c.mentions.first().map(|m| m.start));
        out
    }

    fn organizations(&self, ann: &Annotations) -> Vec<model::Organization> {
        let mut out: Vec<model::Organization> = Vec::new();
        let mut index: std::collections::HashMap<String, usize, crate::gazetteer::FxBuild> =
            Default::default();
        for o in &ann.organizations {
            let m = self.mention(&o.at, None);
            // an institution is named as written (without proclitics; the
            // article لل elided: للخارجية السورية is الخارجية السورية)
            let name = if !o.name.is_empty() {
                o.name.clone()
            } else if o.at.prefix > 0
                && self.tokens.tokens[o.at.first].text.starts_with("لل")
                && m.text.starts_with('ل')
            {
                format!("ا{}", m.text)
            } else {
                m.text.clone()
            };
            let key = self.nz.normalize_str(&name);
            if let Some(&i) = index.get(&key) {
                let e: &mut model::Organization = &mut out[i];
                e.mentions.push(m);
                continue;
            }
            index.insert(key, out.len());
            out.push(model::Organization {
                name,
                name_en: o.name_en.clone(),
                kind: o.kind.clone(),
                country: o.country.clone(),
                mentions: vec![m],
            });
        }
        out
    }

    /// The triggers that did not become events, with the reason (`--explain`).
    fn dropped(&self, dropped: &[Dropped]) -> Vec<model::DroppedEvent> {
        let toks = &self.tokens.tokens;
        dropped
            .iter()
            .map(|d| model::DroppedEvent {
                r#type: d.kind,
                trigger: self.span_mention(
                    toks[d.trigger.0].start,
                    toks[d.trigger.1].end,
                    None,
                    None,
                ),
                reason: d.reason.clone(),
            })
            .collect()
    }

    fn events(
        &self,
        raw: &[RawEvent],
        ann: &Annotations,
        people: &[model::Person],
        r: &Recognizer,
    ) -> Vec<Event> {
        // people index: entity index → output person (entities without mentions are skipped)
        let mut map = Vec::new();
        let mut k = 0;
        for p in &ann.people {
            if p.mentions.is_empty() {
                map.push(None);
            } else {
                map.push(Some(k));
                k += 1;
            }
        }
        let pname = |i: Option<usize>| -> Option<String> {
            i.and_then(|i| map.get(i).copied().flatten())
                .map(|j| people[j].name.clone())
        };
        let mut out = Vec::new();
        for (n, e) in raw.iter().enumerate() {
            let sent = &self.tokens.sentences[e.sentence];
            let toks = &self.tokens.tokens;
            let trig = self.span_mention(
                toks[e.trigger.0].start + e.trigger.2,
                toks[e.trigger.1].end,
                None,
                None,
            );
            let evidence = self.span_mention(sent.start, sent.end, None, None);
            let date_text = e.date_span.map(|(a, b)| {
                self.span_mention(toks[a].start, toks[b].end, None, None)
                    .text
            });
            out.push(Event {
                id: format!("E{}", n + 1),
                r#type: e.kind,
                cameo: e.kind.cameo(),
                plover: e.kind.plover(),
                status: e.status,
                source: Actor {
                    country: e.source.country.clone(),
                    person: pname(e.source.person),
                },
                target: Actor {
                    country: e.target.country.clone(),
                    person: pname(e.target.person),
                },
                via: e.via.as_ref().map(|v| Actor {
                    country: v.country.clone(),
                    person: pname(v.person),
                }),
                people: e.people.iter().filter_map(|p| pname(Some(*p))).collect(),
                location: e.location.map(|p| Location {
                    place: Some(r.lex.places[p].name.clone()),
                    country: r.lex.places[p].country.clone(),
                }),
                date: e.date,
                date_text,
                trigger: trig,
                evidence,
                mentions: e.mentions,
                rule: self.explain.then(|| e.rule.clone()),
            });
        }
        out
    }
}
