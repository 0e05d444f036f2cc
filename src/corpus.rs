//! Corpus level: stories (one interaction reported by several articles)
//! and aggregate counts per country pair and per event type.
//!
//! Only a compact key per event is kept (type, countries, date, people),
//! so memory stays small whatever the number of documents.

use crate::dates::Date;
use crate::model::{Document, EventKind, Status};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
struct EventKey {
    doc: String,
    event: String,
    kind: EventKind,
    source: String,
    target: String,
    source_person: Option<String>,
    target_person: Option<String>,
    status: Status,
    date: Option<Date>,
    people: Vec<String>,
}

impl EventKey {
    /// Do two reports describe the same interaction? Same type and
    /// countries, no conflicting dates, and the named parties agree: where
    /// both name a side's person it is the same person, and at least one
    /// side is named by both, or else both carry the same date.
    fn same_story(&self, o: &EventKey) -> bool {
        if self.kind != o.kind || self.doc == o.doc {
            return false;
        }
        let direct = self.source == o.source && self.target == o.target;
        let reverse = undirected(self.kind) && self.source == o.target && self.target == o.source;
        if !direct && !reverse {
            return false;
        }
        if self.date.is_some() && o.date.is_some() && self.date != o.date {
            return false;
        }
        let (os, ot) = if direct {
            (&o.source_person, &o.target_person)
        } else {
            (&o.target_person, &o.source_person)
        };
        let side = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(x), Some(y)) => Some(x == y),
            _ => None,
        };
        let (s1, s2) = (side(&self.source_person, os), side(&self.target_person, ot));
        if s1 == Some(false) || s2 == Some(false) {
            return false;
        }
        s1 == Some(true) || s2 == Some(true) || (self.date.is_some() && self.date == o.date)
    }
}

/// Accumulates compact event keys as documents stream by.
#[derive(Debug, Default)]
pub struct Corpus {
    keys: Vec<EventKey>,
    documents: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Story {
    pub id: String,
    pub r#type: EventKind,
    pub source: String,
    pub target: String,
    pub status: Status,
    pub date: Option<Date>,
    pub people: Vec<String>,
    /// How many documents report it (GDELT's NumArticles).
    pub num_documents: usize,
    pub documents: Vec<StoryRef>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StoryRef {
    pub document: String,
    pub event: String,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PairCount {
    pub source: String,
    pub target: String,
    pub r#type: EventKind,
    pub events: usize,
    pub documents: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Summary {
    pub documents: usize,
    pub events: usize,
    pub by_type: BTreeMap<&'static str, usize>,
    pub pairs: Vec<PairCount>,
}

fn undirected(k: EventKind) -> bool {
    matches!(
        k,
        EventKind::Meeting | EventKind::Talks | EventKind::Summit | EventKind::Agreement
    )
}

impl Corpus {
    pub fn add(&mut self, d: &Document) {
        self.documents += 1;
        for e in &d.events {
            let (Some(s), Some(t)) = (e.source.country.clone(), e.target.country.clone()) else {
                continue;
            };
            self.keys.push(EventKey {
                doc: d.id.clone(),
                event: e.id.clone(),
                kind: e.r#type,
                source: s,
                target: t,
                source_person: e.source.person.clone(),
                target_person: e.target.person.clone(),
                status: e.status,
                date: e.date,
                people: e.people.clone(),
            });
        }
    }

    /// Events reported by two or more documents, merged (see
    /// `EventKey::same_story`; direction is ignored for meetings, talks,
    /// summits and agreements).
    pub fn stories(&self) -> Vec<Story> {
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        for (i, k) in self.keys.iter().enumerate() {
            let found = clusters.iter_mut().find(|c| {
                c.iter().all(|&j| self.keys[j].doc != k.doc)
                    && c.iter().any(|&j| self.keys[j].same_story(k))
            });
            match found {
                Some(c) => c.push(i),
                None => clusters.push(vec![i]),
            }
        }
        clusters
            .into_iter()
            .filter(|c| c.len() >= 2)
            .map(|c| {
                let f = &self.keys[c[0]];
                let (a, b) = if undirected(f.kind) && f.source > f.target {
                    (&f.target, &f.source)
                } else {
                    (&f.source, &f.target)
                };
                let date = c.iter().find_map(|&j| self.keys[j].date);
                let mut people: Vec<String> = Vec::new();
                for &j in &c {
                    for p in &self.keys[j].people {
                        if !people.contains(p) {
                            people.push(p.clone());
                        }
                    }
                }
                let docs: Vec<StoryRef> = c
                    .iter()
                    .map(|&j| StoryRef {
                        document: self.keys[j].doc.clone(),
                        event: self.keys[j].event.clone(),
                    })
                    .collect();
                let id_src = format!(
                    "{}|{}|{}|{}",
                    f.kind.name(),
                    a,
                    b,
                    docs.iter()
                        .map(|d| format!("{}#{}", d.document, d.event))
                        .collect::<Vec<_>>()
                        .join(",")
                );
                Story {
                    id: format!("S{:016x}", fnv1a(id_src.as_bytes())),
                    r#type: f.kind,
                    source: a.clone(),
                    target: b.clone(),
                    status: f.status,
                    date,
                    people,
                    num_documents: c.len(),
                    documents: docs,
                }
            })
            .collect()
    }

    pub fn summary(&self) -> Summary {
        let mut by_type: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut pairs: BTreeMap<(String, String, EventKind), (usize, Vec<String>)> =
            BTreeMap::new();
        for k in &self.keys {
            *by_type.entry(k.kind.name()).or_default() += 1;
            let e = pairs
                .entry((k.source.clone(), k.target.clone(), k.kind))
                .or_default();
            e.0 += 1;
            if !e.1.contains(&k.doc) {
                e.1.push(k.doc.clone());
            }
        }
        Summary {
            documents: self.documents,
            events: self.keys.len(),
            by_type,
            pairs: pairs
                .into_iter()
                .map(|((source, target, t), (n, docs))| PairCount {
                    source,
                    target,
                    r#type: t,
                    events: n,
                    documents: docs.len(),
                })
                .collect(),
        }
    }
}

/// FNV-1a 64: a stable, dependency-free hash for deterministic ids.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}
