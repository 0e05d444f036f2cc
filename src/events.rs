//! Diplomatic events: triggers (from `triggers.tsv`), their arguments
//! (source, target, envoy, people, location), status, date, evidence, and
//! the merging of repeated reports within one article.
//!
//! Arguments are read from the actors the entity stage found in the
//! trigger's sentence, using the trigger's frame (agent, host, mutual, noun),
//! the prepositions before each actor (من، إلى/لـ، مع، بـ), conveying and
//! receiving verbs (نقل، سلّم، تلقى), and a discourse focus (the last pair of
//! parties) for "الجانبان", pronouns and one-sided mentions.

use crate::dates::{find_dates, Date, WEEKDAYS};
use crate::entities::{Actor, ActorKind, Annotations};
use crate::gazetteer::{form_key, Gazetteer, GazetteerBuilder, Stream};
use crate::lexicon::Lexicon;
use crate::model::{EventKind, Status};
use crate::normalize::{Normalizer, Profile};
use crate::tokenize::{Gap, Tokens};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    Agent,
    Mutual,
    Host,
    Noun,
}

#[derive(Debug, Clone)]
pub struct TriggerInfo {
    pub kind: EventKind,
    pub frame: Frame,
    pub planned: bool,
    pub verb: bool,
    pub form: String,
}

pub struct EventExtractor {
    gaz: Gazetteer<usize>,
    triggers: Vec<TriggerInfo>,
}

/// Verbs that convey a message or an invitation on someone's behalf.
const CONVEY: &[&str] = &[
    "نقل",
    "ينقل",
    "نقلها",
    "سلم",
    "سلمه",
    "سلمها",
    "يسلم",
    "حمل",
    "يحمل",
    "بعث",
    "ارسل",
    "وجه",
    "قدم",
    "قدمت",
    "وجهت",
    "ابلغ",
    "نقلت",
];
/// Verbs whose subject receives (the target).
const RECEIVE: &[&str] = &[
    "تلقي",
    "تلقت",
    "يتلقي",
    "تسلم",
    "تسلمت",
    "استلم",
    "يستلم",
    "تلقيه",
    "تلقاها",
    "تلقاه",
    "تلقيا",
];
/// Words that mean "both parties", resolved from the discourse.
const BOTH: &[&str] = &[
    "الجانبان",
    "الجانبين",
    "الطرفان",
    "الطرفين",
    "البلدان",
    "البلدين",
    "الوزيران",
    "الوزيرين",
    "الرييسان",
    "الرييسين",
    "الزعيمان",
    "الزعيمين",
    "المسوولان",
    "المسوولين",
    "تبادلا",
    "اكدا",
    "بحثا",
    "ناقشا",
    "شددا",
    "الثنايي",
    "الثنايية",
];
const PLANNED: &[&str] = &[
    "المرتقبه",
    "المرتقب",
    "المقرر",
    "المقرره",
    "المزمع",
    "المزمعه",
    "المقبل",
    "المقبله",
    "قريبا",
    "سوف",
    "مرتقبه",
    "مرتقب",
    "المنتظر",
    "المنتظره",
    "يعتزم",
    "تعتزم",
    "سيقوم",
    "ستجري",
    "سيجري",
    "ستكون",
    "سيكون",
    "ستعقد",
    "سيعقد",
    "ستركز",
    "سيبحث",
    "سيبحثان",
    "ستتطرق",
];
const NEGATION: &[&str] = &[
    "لم",
    "لن",
    "عدم",
    "نفي",
    "نفت",
    "ينفي",
    "تنفي",
    "نافيا",
    "نافيه",
    "ليس",
    "ليست",
];

impl EventExtractor {
    pub fn new(lex: &Lexicon) -> EventExtractor {
        let nz = Normalizer::profile(Profile::Match);
        let mut b = GazetteerBuilder::default();
        let mut triggers = Vec::new();
        for t in &lex.triggers {
            let kind = EventKind::parse(&t.event).expect("validated at load");
            let frame = match t.frame.as_str() {
                "mutual" => Frame::Mutual,
                "host" => Frame::Host,
                "noun" => Frame::Noun,
                _ => Frame::Agent,
            };
            let key = form_key(&nz, &t.form);
            triggers.push(TriggerInfo {
                kind,
                frame,
                planned: t.status.as_deref() == Some("planned"),
                verb: t.pos == "verb",
                form: key.clone(),
            });
            let id = triggers.len() - 1;
            b.add(&key, id, true);
            // pronoun suffixes on the last word: زيارته، استقباله، سلمه
            let (head, last) = match key.rsplit_once(' ') {
                Some((h, l)) => (format!("{h} "), l.to_string()),
                None => (String::new(), key.clone()),
            };
            let stem = last
                .strip_suffix('ه')
                .map(|s| format!("{s}ت"))
                .unwrap_or(last.clone());
            for suf in ["ه", "ها", "هما", "هم", "نا"] {
                b.add(&format!("{head}{stem}{suf}"), id, true);
                if stem != last {
                    b.add(&format!("{head}{last}{suf}"), id, true);
                }
            }
        }
        EventExtractor {
            gaz: b.build(),
            triggers,
        }
    }
}

/// An event before output: token positions and resolved parties.
#[derive(Debug, Clone)]
pub struct RawEvent {
    pub kind: EventKind,
    pub status: Status,
    pub source: Party,
    pub target: Party,
    pub via: Option<Party>,
    pub people: Vec<usize>,
    pub location: Option<usize>,
    pub date: Option<Date>,
    /// Normalized token range of the date expression.
    pub date_span: Option<(usize, usize)>,
    pub trigger: (usize, usize, usize),
    pub sentence: usize,
    pub mentions: usize,
    pub rule: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Party {
    pub country: Option<String>,
    pub person: Option<usize>,
}

impl Party {
    fn of(a: &Actor) -> Party {
        Party {
            country: a.country.clone(),
            person: a.person,
        }
    }
}

/// Role a preposition gives the actor that follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    None,
    From,
    To,
    With,
    And,
    In,
}

struct Sent<'a> {
    tokens: &'a Tokens,
    actors: Vec<(&'a Actor, Mark)>,
}

fn mark_of(tokens: &Tokens, a: &Actor) -> Mark {
    let t = &tokens.tokens[a.first];
    let w = t.text.as_str();
    // a proclitic on the actor's first token
    if w.starts_with("لل")
        || (w.starts_with('ل')
            && !w.starts_with("لا")
            && a.kind != ActorKind::Place
            && is_clitic_l(w))
    {
        return Mark::To;
    }
    if w.starts_with("ول") && w.chars().nth(2) == Some('ل') {
        return Mark::To;
    }
    if w.starts_with("بال") {
        return Mark::With;
    }
    if w.starts_with("وال") || (w.starts_with('و') && a.first > 0 && t.gap == Gap::Space) {
        return Mark::And;
    }
    if a.first == 0 || t.gap == Gap::Break {
        return Mark::None;
    }
    match tokens.tokens[a.first - 1].text.as_str() {
        "من" | "عن" => Mark::From,
        "الي" | "لدي" | "نحو" => Mark::To,
        "مع" | "ومع" | "وبين" | "بين" => Mark::With,
        "في" => Mark::In,
        _ => Mark::None,
    }
}

fn is_clitic_l(w: &str) -> bool {
    // ل + noun with article is written لل; ل + other word: only when short words are unlikely names
    w.starts_with("لل")
}

impl EventExtractor {
    pub fn extract(
        &self,
        tokens: &Tokens,
        stream: &Stream,
        ann: &Annotations,
        doc_date: Option<Date>,
    ) -> Vec<RawEvent> {
        let hits = self.gaz.find_all(stream);
        let mut out: Vec<RawEvent> = Vec::new();
        let mut focus: Option<(Party, Party)> = None;
        let mut last_sentence_focus = usize::MAX;
        for h in hits {
            let ti = h.targets[0];
            let trig = &self.triggers[ti];
            let tok = &tokens.tokens[h.first];
            let si = tok.sentence;
            let sent = &tokens.sentences[si];
            let actors: Vec<(&Actor, Mark)> = ann
                .actors
                .iter()
                .filter(|a| {
                    a.first >= sent.first
                        && a.last <= sent.last
                        && (a.last < h.first || a.first > h.last)
                })
                .map(|a| (a, mark_of(tokens, a)))
                .collect();
            let s = Sent { tokens, actors };
            if let Some(mut ev) = self.arguments(trig, h.first, h.last, &s, &focus) {
                ev.status = status(tokens, trig, h.first, h.last, sent.first, sent.last);
                let (d, span) = event_date(tokens, sent.first, sent.last, doc_date);
                ev.date = d;
                ev.date_span = span;
                ev.trigger = (h.first, h.last, h.prefix);
                ev.sentence = si;
                focus = Some((ev.source.clone(), ev.target.clone()));
                last_sentence_focus = si;
                out.push(ev);
            } else if last_sentence_focus != si {
                // a sentence with two named foreign parties sets the focus too
                let mut cs: Vec<&Actor> = s
                    .actors
                    .iter()
                    .map(|x| x.0)
                    .filter(|a| a.country.is_some() && a.kind != ActorKind::Place)
                    .collect();
                cs.dedup_by(|a, b| a.country == b.country);
                if cs.len() == 2 && cs[0].country != cs[1].country {
                    focus = Some((Party::of(cs[0]), Party::of(cs[1])));
                }
            }
        }
        merge(out)
    }

    fn arguments(
        &self,
        trig: &TriggerInfo,
        tf: usize,
        tl: usize,
        s: &Sent,
        focus: &Option<(Party, Party)>,
    ) -> Option<RawEvent> {
        let toks = &s.tokens.tokens;
        let sentence = toks[tf].sentence;
        let sent = &s.tokens.sentences[sentence];
        let parties: Vec<(&Actor, Mark)> = s
            .actors
            .iter()
            .copied()
            .filter(|(a, _)| a.kind != ActorKind::Place && a.country.is_some())
            .collect();
        let before: Vec<(&Actor, Mark)> = parties
            .iter()
            .copied()
            .filter(|(a, _)| a.last < tf)
            .collect();
        let after: Vec<(&Actor, Mark)> = parties
            .iter()
            .copied()
            .filter(|(a, _)| a.first > tl)
            .collect();
        let near = |w: &[&str], from: usize, to: usize| -> Option<usize> {
            (from..to).rev().find(|&i| {
                w.contains(&toks[i].text.as_str())
                    || w.contains(&strip_conj(&toks[i].text).as_str())
            })
        };

        let mut rule = format!("trigger '{}' ({})", trig.form, trig.kind.name());
        let receive = near(RECEIVE, tf.saturating_sub(4).max(sent.first), tf).is_some();
        let convey = if matches!(
            trig.kind,
            EventKind::Message | EventKind::Invitation | EventKind::Praise
        ) {
            near(CONVEY, tf.saturating_sub(14).max(sent.first), tf)
        } else {
            None
        };
        let from = after.iter().find(|(_, m)| *m == Mark::From).map(|x| x.0);
        let to = after
            .iter()
            .find(|(_, m)| *m == Mark::To)
            .map(|x| x.0)
            .or_else(|| {
                before
                    .iter()
                    .rev()
                    .find(|(_, m)| *m == Mark::To)
                    .map(|x| x.0)
            });
        let with = after
            .iter()
            .find(|(_, m)| matches!(m, Mark::With | Mark::And))
            .map(|x| x.0);

        let source: Option<&Actor>;
        let mut target: Option<&Actor>;
        let mut via: Option<&Actor> = None;

        // the grammatical subject: right after a verb (VSO) or before the trigger (SVO)
        let subject_after = after.iter().find(|(_, m)| *m == Mark::None).map(|x| x.0);
        let subject_before = before
            .iter()
            .rev()
            .find(|(_, m)| matches!(m, Mark::None))
            .map(|x| x.0);

        if let Some(cv) = convey {
            // [convey-verb] CARRIER ... [إلى TARGET] ... message من SOURCE
            let carrier = parties
                .iter()
                .find(|(a, m)| a.first > cv && a.last < tf && *m == Mark::None)
                .map(|x| x.0)
                .or(subject_before.filter(|a| a.last < cv));
            let carrier =
                carrier.or_else(|| before.iter().rev().find(|(a, _)| a.last < cv).map(|x| x.0));
            if let Some(src) = from {
                source = Some(src);
                via = carrier.filter(|c| c.person != src.person || c.country != src.country);
                rule.push_str(", conveyed by an envoy (من ... via carrier)");
            } else {
                source = carrier;
                rule.push_str(", sent by the conveying subject");
            }
            target = to.or(with).or_else(|| {
                after
                    .iter()
                    .find(|(a, m)| *m == Mark::None && Some(a.first) != carrier.map(|c| c.first))
                    .map(|x| x.0)
            });
        } else if receive {
            target = subject_before.or(subject_after);
            source = from.or_else(|| {
                after
                    .iter()
                    .find(|(a, _)| Some(a.first) != target.map(|t| t.first))
                    .map(|x| x.0)
            });
            rule.push_str(", received (subject is the target)");
        } else {
            match trig.frame {
                Frame::Agent | Frame::Host | Frame::Mutual => {
                    if trig.verb {
                        source = subject_after
                            .filter(|a| a.first <= tl + 3)
                            .or(subject_before)
                            .or(subject_after);
                    } else {
                        source = subject_before.or(subject_after);
                    }
                    let src_first = source.map(|a| a.first);
                    target = to.or(with).or_else(|| {
                        after
                            .iter()
                            .find(|(a, m)| {
                                Some(a.first) != src_first && matches!(m, Mark::None | Mark::And)
                            })
                            .map(|x| x.0)
                    });
                    if target.is_none() && trig.kind == EventKind::Visit {
                        target = s
                            .actors
                            .iter()
                            .find(|(a, m)| {
                                a.first > tl
                                    && a.kind == ActorKind::Place
                                    && matches!(m, Mark::None | Mark::To)
                            })
                            .map(|x| x.0);
                    }
                    rule.push_str(match trig.frame {
                        Frame::Host => ", host receives guest",
                        Frame::Mutual => ", two parties together",
                        _ => ", subject acts on object",
                    });
                }
                Frame::Noun => {
                    source = from
                        .or_else(|| {
                            after
                                .iter()
                                .find(|(a, m)| *m == Mark::None && a.first <= tl + 2)
                                .map(|x| x.0)
                        })
                        .or(subject_before);
                    let src_first = source.map(|a| a.first);
                    target = to.or(with).filter(|a| Some(a.first) != src_first);
                    if trig.kind == EventKind::Visit && target.is_none() {
                        target = s
                            .actors
                            .iter()
                            .find(|(a, m)| {
                                a.first > tl
                                    && matches!(a.kind, ActorKind::Place | ActorKind::Country)
                                    && matches!(m, Mark::None | Mark::To)
                            })
                            .map(|x| x.0);
                    }
                    if target.is_none() {
                        target = after
                            .iter()
                            .chain(before.iter().rev())
                            .find(|(a, _)| {
                                Some(a.first) != src_first
                                    && a.country != source.and_then(|s| s.country.clone())
                            })
                            .map(|x| x.0);
                    }
                    rule.push_str(", noun with من/إلى/مع arguments");
                }
            }
        }
        let mut src = source.map(Party::of).unwrap_or_default();
        let mut tgt = target.map(Party::of).unwrap_or_default();
        // same country on both sides: look for a different one in the sentence
        if src.country.is_some() && src.country == tgt.country {
            if let Some(o) = parties.iter().find(|(a, _)| a.country != src.country) {
                tgt = Party::of(o.0);
            } else {
                tgt = Party::default();
            }
        }
        // "الجانبان", pronouns, one-sided mentions: the discourse focus
        let both = (sent.first..=sent.last).any(|i| {
            BOTH.contains(&toks[i].text.as_str())
                || BOTH.contains(&strip_conj(&toks[i].text).as_str())
        });
        if src.country.is_none() || tgt.country.is_none() {
            if let Some((fa, fb)) = focus {
                let known = src.country.clone().or(tgt.country.clone());
                let fill = match &known {
                    Some(k) if fa.country.as_ref() == Some(k) => Some((fa.clone(), fb.clone())),
                    Some(k) if fb.country.as_ref() == Some(k) => Some((fb.clone(), fa.clone())),
                    None if both || parties.is_empty() => Some((fa.clone(), fb.clone())),
                    _ => None,
                };
                if let Some((same, other)) = fill {
                    if src.country.is_none() && tgt.country.is_none() {
                        src = same;
                        tgt = other;
                    } else if src.country.is_none() {
                        src = if tgt.country == same.country {
                            other
                        } else {
                            same
                        };
                    } else {
                        tgt = if src.country == same.country {
                            other
                        } else {
                            same
                        };
                    }
                    rule.push_str(", a party resolved from the discourse focus");
                }
            }
        }
        if src.country.is_none() || tgt.country.is_none() || src.country == tgt.country {
            return None;
        }
        // visits: the host is where the visitor goes
        if trig.kind == EventKind::Visit && trig.frame == Frame::Host {
            std::mem::swap(&mut src, &mut tgt);
        }
        let location = s
            .actors
            .iter()
            .find(|(a, m)| {
                a.kind == ActorKind::Place
                    && (matches!(m, Mark::In | Mark::To)
                        || s.tokens.tokens[a.first].text.starts_with('ب')
                        || trig.kind == EventKind::Visit)
            })
            .and_then(|(a, _)| a.place);
        let mut people: Vec<usize> = Vec::new();
        for p in [src.person, tgt.person, via.and_then(|v| v.person)]
            .into_iter()
            .flatten()
        {
            if !people.contains(&p) {
                people.push(p);
            }
        }
        Some(RawEvent {
            kind: trig.kind,
            status: Status::Occurred,
            source: src,
            target: tgt,
            via: via.map(Party::of),
            people,
            location,
            date: None,
            date_span: None,
            trigger: (tf, tl, 0),
            sentence,
            mentions: 1,
            rule,
        })
    }
}

fn strip_conj(w: &str) -> String {
    if w.chars().count() > 3 {
        w.strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .unwrap_or(w)
            .to_string()
    } else {
        w.to_string()
    }
}

fn status(
    tokens: &Tokens,
    trig: &TriggerInfo,
    tf: usize,
    tl: usize,
    sf: usize,
    sl: usize,
) -> Status {
    let toks = &tokens.tokens;
    let word = |i: usize| strip_conj(&toks[i].text);
    // denial: a negation shortly before the trigger, or a refutation in the sentence
    let lo = tf.saturating_sub(4).max(sf);
    if (lo..tf).any(|i| NEGATION.contains(&word(i).as_str())) {
        return Status::Denied;
    }
    let text: Vec<String> = (sf..=sl).map(word).collect();
    let joined = text.join(" ");
    if joined.contains("غير معني") || joined.contains("لا صحه") || joined.contains("عار عن الصحه")
    {
        return Status::Denied;
    }
    if trig.planned {
        return Status::Planned;
    }
    let lo = tf.saturating_sub(6).max(sf);
    let hi = (tl + 3).min(sl);
    if (lo..=hi)
        .any(|i| PLANNED.contains(&word(i).as_str()) || PLANNED.contains(&toks[i].text.as_str()))
    {
        return Status::Planned;
    }
    // a future verb governing a noun trigger: سيبحث، ستتناول
    if !trig.verb
        && (lo..tf).any(|i| {
            let w = word(i);
            (w.starts_with("سي") || w.starts_with("ست"))
                && w.chars().count() >= 5
                && !w.starts_with("سيا")
                && !w.starts_with("ستي")
        })
    {
        return Status::Planned;
    }
    Status::Occurred
}

/// The date of an event from its sentence: explicit dates, أمس، اليوم،
/// weekdays (the last such day before the article's date).
fn event_date(
    tokens: &Tokens,
    sf: usize,
    sl: usize,
    doc: Option<Date>,
) -> (Option<Date>, Option<(usize, usize)>) {
    let toks = &tokens.tokens;
    // explicit date in the sentence
    let chars: Vec<char> = {
        let mut s = String::new();
        for t in &toks[sf..=sl] {
            s.push_str(&t.text);
            s.push(' ');
        }
        s.chars().collect()
    };
    if let Some(f) = find_dates(&chars).first() {
        let _ = f;
        return (Some(f.date), None);
    }
    for i in sf..=sl {
        let w = strip_conj(&toks[i].text);
        let w = w.as_str();
        let weekday = |j: usize| -> Option<u32> {
            let x = toks.get(j).map(|t| strip_conj(&t.text))?;
            let x = x.strip_prefix("ال").unwrap_or(&x).to_string();
            WEEKDAYS.iter().find(|(d, _)| *d == x).map(|(_, n)| *n)
        };
        if w == "امس" || w == "البارحه" {
            let d = doc.map(|d| d.add_days(-1));
            let end = if weekday(i + 1).is_some() { i + 1 } else { i };
            return (d, Some((i, end)));
        }
        if w == "اليوم" && toks.get(i + 1).map(|t| t.text.as_str()) != Some("الذي") {
            let end = if weekday(i + 1).is_some() { i + 1 } else { i };
            return (doc, Some((i, end)));
        }
        if w == "يوم" || w == "اول" {
            if let Some(wd) = weekday(i + 1) {
                return (doc.map(|d| last_weekday(d, wd)), Some((i, i + 1)));
            }
        }
        if let Some(wd) = weekday(i) {
            if toks
                .get(i + 1)
                .is_some_and(|t| t.text == "الماضي" || t.text == "الفايت")
            {
                return (doc.map(|d| last_weekday(d, wd)), Some((i, i + 1)));
            }
        }
        if (w == "الاسبوع" || w == "الشهر") && toks.get(i + 1).is_some_and(|t| t.text == "الماضي")
        {
            return (None, Some((i, i + 1)));
        }
    }
    (None, None)
}

/// The last `weekday` strictly before `d` (a Sunday article's "Monday" is six days back).
fn last_weekday(d: Date, weekday: u32) -> Date {
    let cur = d.weekday();
    let back = (cur + 7 - weekday) % 7;
    d.add_days(-(if back == 0 { 7 } else { back } as i64))
}

/// One event per interaction: same type and parties (direction ignored
/// for meetings, talks, summits and agreements).
fn merge(events: Vec<RawEvent>) -> Vec<RawEvent> {
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
        if let Some(o) = out.iter_mut().find(|o| same(o)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_resolution() {
        let d = Date::new(2025, 1, 12).unwrap();
        assert_eq!(last_weekday(d, 1).to_string(), "2025-01-06");
        assert_eq!(last_weekday(d, 0).to_string(), "2025-01-05");
        assert_eq!(last_weekday(d, 6).to_string(), "2025-01-11");
    }
}
