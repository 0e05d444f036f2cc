//! One event per interaction in an article: repeated reports of the same
//! type and parties are merged (direction ignored for meetings, talks,
//! summits and agreements), keeping the fullest arguments and the strongest
//! status.

use super::RawEvent;
use crate::model::{EventKind, Status};

pub(super) fn merge(events: Vec<RawEvent>) -> Vec<RawEvent> {
    let mut out: Vec<RawEvent> = Vec::new();
    for e in events {
        let undirected = matches!(
            e.kind,
            EventKind::Meeting | EventKind::Talks | EventKind::Summit | EventKind::Agreement
        );
        let same = |o: &RawEvent| {
            o.kind == e.kind
                && ((o.source.country == e.source.country && o.target.country == e.target.country)
                    || (undirected
                        && o.source.country == e.target.country
                        && o.target.country == e.source.country))
        };
        // a planned interaction and one that took place are two events;
        // a denial is about the interaction it denies
        let compatible = |o: &RawEvent| {
            o.status == e.status || (o.status != Status::Planned && e.status != Status::Planned)
        };
        if let Some(o) = out.iter_mut().find(|o| same(o) && compatible(o)) {
            o.mentions += 1;
            o.status = merge_status(o.status, e.status);
            for p in e.people {
                if !o.people.contains(&p) {
                    o.people.push(p);
                }
            }
            if o.source.person.is_none() && o.source.country == e.source.country {
                o.source.person = e.source.person;
            }
            if o.target.person.is_none() && o.target.country == e.target.country {
                o.target.person = e.target.person;
            }
            if o.via.is_none() {
                o.via = e.via;
            }
            if o.location.is_none() {
                o.location = e.location;
            }
            if o.date.is_none() && e.date.is_some() {
                o.date = e.date;
                o.date_span = e.date_span;
            }
        } else {
            out.push(e);
        }
    }
    out
}

fn merge_status(a: Status, b: Status) -> Status {
    use Status::*;
    match (a, b) {
        (Denied, _) | (_, Denied) => Denied,
        (Planned, _) | (_, Planned) => Planned,
        _ => Occurred,
    }
}
