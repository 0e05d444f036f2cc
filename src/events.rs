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
use crate::normalize::Normalizer;
use crate::tokenize::{Gap, Tokens};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    Agent,
    Mutual,
    Host,
    Noun,
    /// A noun with a pronoun suffix (تقديره، زيارته): its owner is named before it.
    Owned,
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
    /// Trigger forms as the file spells them (not derived pronoun forms).
    explicit: std::collections::HashSet<String>,
}

/// Verbs that convey a message or an invitation on someone's behalf.
const CONVEY: &[&str] = &[
    "بعثتها",
    "بعثها",
    "بعثه",
    "ارسلها",
    "ارسلته",
    "ارسله",
    "نقله",
    "حملها",
    "حمله",
    "وجهها",
    "وجهه",
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
/// Words before a visit that make it a wish, not an event (سعيدا بزيارة).
const WISH: &[&str] = &[
    "سعيدا",
    "سعيد",
    "يتطلع",
    "تطلعه",
    "تطلعها",
    "رغبته",
    "رغبتها",
    "يرغب",
    "ترحيبه",
    "يامل",
    "امله",
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
        let nz = Normalizer::matching();
        let mut b = GazetteerBuilder::default();
        let mut triggers = Vec::new();
        let mut explicit = std::collections::HashSet::new();
        let mut derived: Vec<(String, usize)> = Vec::new();
        for t in &lex.triggers {
            let kind = EventKind::parse(&t.event).expect("validated at load");
            let frame = match t.frame.as_str() {
                "mutual" => Frame::Mutual,
                "host" => Frame::Host,
                "noun" => Frame::Noun,
                "owned" => Frame::Owned,
                _ => Frame::Agent,
            };
            let key = form_key(nz, &t.form);
            triggers.push(TriggerInfo {
                kind,
                frame,
                planned: t.status.as_deref() == Some("planned"),
                verb: t.pos == "verb",
                form: key.clone(),
            });
            let id = triggers.len() - 1;
            b.add(&key, id, true);
            explicit.insert(key.clone());
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
                derived.push((format!("{head}{stem}{suf}"), id));
                if stem != last {
                    derived.push((format!("{head}{last}{suf}"), id));
                }
            }
        }
        // pronoun forms only where no row of the file spells the same word
        for (k, id) in derived {
            if !explicit.contains(k.as_str()) {
                b.add(&k, id, true);
            }
        }
        EventExtractor {
            gaz: b.build(),
            triggers,
            explicit,
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
    /// What is talked about (بين X و Y، حول X): not a party.
    Topic,
}

struct Sent<'a> {
    tokens: &'a Tokens,
    actors: Vec<(&'a Actor, Mark)>,
}

fn mark_of(tokens: &Tokens, a: &Actor) -> Mark {
    let t = &tokens.tokens[a.first];
    let w = t.text.as_str();
    // a proclitic on the actor's first token: its last letter is the preposition
    let clitics: String = w.chars().take(a.prefix).collect();
    if w.starts_with("لل") || clitics.ends_with('ل') {
        return Mark::To;
    }
    if clitics.ends_with('ب') {
        return if a.kind == ActorKind::Place {
            Mark::In
        } else {
            Mark::With
        };
    }
    if clitics.starts_with('و') || (a.prefix == 0 && w.starts_with("وال")) {
        return Mark::And;
    }
    if a.first == 0 || t.gap == Gap::Break {
        return Mark::None;
    }
    // look past "العاصمة"/"مدينة" (إلى العاصمة بغداد)
    let mut j = a.first - 1;
    if matches!(
        tokens.tokens[j].text.as_str(),
        "العاصمه" | "مدينه" | "عاصمه"
    ) && j > 0
        && tokens.tokens[j].gap == Gap::Space
    {
        j -= 1;
    }
    match tokens.tokens[j].text.as_str() {
        "من" | "عن" => Mark::From,
        "الي" | "لدي" | "نحو" => Mark::To,
        "مع" | "ومع" => Mark::With,
        "بين" | "وبين" | "حول" | "بشان" | "ضد" => Mark::Topic,
        "في" => Mark::In,
        _ => Mark::None,
    }
}

impl EventExtractor {
    pub fn extract(
        &self,
        tokens: &Tokens,
        stream: &Stream,
        ann: &Annotations,
        doc_date: Option<Date>,
        is_common: &dyn Fn(&str) -> bool,
    ) -> Vec<RawEvent> {
        let hits = self.gaz.find_all(stream);
        let mut out: Vec<RawEvent> = Vec::new();
        let mut focus: Option<(Party, Party)> = None;
        let mut last_sentence_focus = usize::MAX;
        let mut sentence_triggers: Vec<(usize, usize, EventKind)> = Vec::new();
        type DateFound = (Option<Date>, Option<(usize, usize)>);
        let mut date_cache: (Option<usize>, DateFound) = (None, (None, None));
        for h in &hits {
            let trig = &self.triggers[h.targets[0]];
            sentence_triggers.push((tokens.tokens[h.first].sentence, h.first, trig.kind));
        }
        for h in hits {
            // a proclitic reading of a known whole word is no trigger (وزارة is not و + زاره)
            // (a pronoun form read after a proclitic is the riskiest: وزارة is not و + زاره)
            if h.prefix > 0
                && is_common(&tokens.tokens[h.first].text)
                && (!is_common(h.form.split(' ').next().unwrap_or(""))
                    || !self.explicit.contains(h.form))
            {
                continue;
            }
            let trig = &self.triggers[h.targets[0]];
            let tok = &tokens.tokens[h.first];
            let si = tok.sentence;
            let sent = &tokens.sentences[si];
            // a visit that is the object of an invitation or a wish is not a visit
            if matches!(trig.kind, EventKind::Visit | EventKind::Meeting) {
                let lo = sentence_triggers.partition_point(|&(s, _, _)| s < si);
                let invited = sentence_triggers[lo..]
                    .iter()
                    .take_while(|&&(s, _, _)| s == si)
                    .any(|&(s, f, k)| {
                        s == si
                            && k == EventKind::Invitation
                            && f < h.first
                            && (h.first - f <= 8 || h.prefix > 0)
                    });
                let lo = h.first.saturating_sub(3).max(sent.first);
                let wish = (lo..h.first)
                    .any(|i| WISH.contains(&strip_conj(&tokens.tokens[i].text).as_str()));
                if (invited && trig.kind == EventKind::Visit) || wish {
                    continue;
                }
            }
            // the sentence's actors (ann.actors is sorted by position)
            let lo = ann.actors.partition_point(|a| a.first < sent.first);
            let actors: Vec<(&Actor, Mark)> = ann.actors[lo..]
                .iter()
                .take_while(|a| a.first <= sent.last)
                .filter(|a| {
                    a.first >= sent.first
                        && a.last <= sent.last
                        && (a.last < h.first || a.first > h.last)
                })
                .map(|a| (a, mark_of(tokens, a)))
                .collect();
            let s = Sent { tokens, actors };
            let owned =
                trig.frame == Frame::Owned || (!trig.verb && !self.explicit.contains(h.form));
            let focus_here = out.last().is_some_and(|e| e.sentence == si);
            if let Some(mut ev) =
                self.arguments(trig, owned, focus_here, h.first, h.last, &s, &focus)
            {
                ev.status = status(tokens, trig, h.first, h.last, sent.first, sent.last);
                if date_cache.0 != Some(si) {
                    date_cache = (
                        Some(si),
                        event_date(tokens, sent.first, sent.last, doc_date),
                    );
                }
                let (d, span) = date_cache.1;
                // a planned event is not dated by a past expression of its report
                if !(ev.status == Status::Planned
                    && span.is_some()
                    && d.is_some_and(|d| Some(d) < doc_date))
                {
                    ev.date = d;
                    ev.date_span = span;
                }
                // the same conversation goes on: inherit the date of the event just before
                if ev.date.is_none() {
                    if let Some(prev) = out.last() {
                        let same_pair = (prev.source.country == ev.source.country
                            && prev.target.country == ev.target.country)
                            || (prev.source.country == ev.target.country
                                && prev.target.country == ev.source.country);
                        if same_pair
                            && si <= prev.sentence + 2
                            && prev.date.is_some()
                            && ev.status == prev.status
                        {
                            ev.date = prev.date;
                        }
                    }
                }
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

    #[allow(clippy::too_many_arguments)]
    fn arguments(
        &self,
        trig: &TriggerInfo,
        owned: bool,
        focus_here: bool,
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
            .filter(|(a, m)| a.kind != ActorKind::Place && a.country.is_some() && *m != Mark::Topic)
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
        let first_of = |a: Option<&Actor>| a.map(|a| a.first);

        let mut rule = format!("trigger '{}' ({})", trig.form, trig.kind.name());
        let receive = near(RECEIVE, tf.saturating_sub(4).max(sent.first), tf).is_some();
        let conveys = matches!(
            trig.kind,
            EventKind::Message | EventKind::Invitation | EventKind::Praise
        );
        let convey = if conveys {
            near(CONVEY, tf.saturating_sub(14).max(sent.first), tf)
        } else {
            None
        };
        // "الرسالة التي بعثتها X إلى Y": a conveying verb right after the noun
        let convey_after = if conveys && !trig.verb {
            ((tl + 1)..=(tl + 3).min(sent.last))
                .find(|&i| CONVEY.contains(&strip_conj(&toks[i].text).as_str()))
        } else {
            None
        };
        // من X: after the trigger first, else the actor just before it
        // من X: the actor right after the trigger (or right before it)
        let from = after
            .first()
            .filter(|(_, m)| *m == Mark::From)
            .or_else(|| {
                after
                    .get(1)
                    .filter(|(_, m)| *m == Mark::From)
                    .filter(|_| after[0].1 == Mark::To)
            })
            .or_else(|| before.last().filter(|(_, m)| *m == Mark::From))
            .map(|x| x.0);
        let to_after = after.iter().find(|(_, m)| *m == Mark::To).map(|x| x.0);
        let to_before = before
            .iter()
            .rev()
            .find(|(_, m)| *m == Mark::To)
            .map(|x| x.0);
        let with = after
            .iter()
            .find(|(_, m)| matches!(m, Mark::With | Mark::And))
            .map(|x| x.0);
        // the object: the nearest actor after the trigger that can be one
        let object = |skip: Option<usize>| {
            after
                .iter()
                .find(|(a, m)| {
                    Some(a.first) != skip
                        && matches!(m, Mark::None | Mark::To | Mark::With | Mark::And)
                })
                .map(|x| x.0)
        };
        let passive = tf > sent.first
            && matches!(
                strip_conj(&toks[tf - 1].text).as_str(),
                "تم" | "جري" | "جرت" | "يتم" | "سيتم"
            );
        let subject_after = after.iter().find(|(_, m)| *m == Mark::None).map(|x| x.0);
        let subject_before = before
            .iter()
            .rev()
            .find(|(_, m)| *m == Mark::None)
            .map(|x| x.0);
        // SVO: the subject right before the verb (أن الأسد استقبل الفياض)
        let adjacent_subject = subject_before.filter(|a| {
            (a.last + 1 == tf && (toks[tf].gap == Gap::Space || toks[tf].punct == Some(',')))
                || (a.last + 2 == tf
                    && matches!(
                        strip_conj(&toks[tf - 1].text).as_str(),
                        "قد" | "ان" | "انه" | "لقد"
                    ))
        });

        let mut source: Option<&Actor>;
        let mut target: Option<&Actor>;
        let mut via: Option<&Actor> = None;

        if let Some(cv) = convey_after {
            source = after
                .iter()
                .find(|(a, m)| a.first > cv && *m == Mark::None)
                .map(|x| x.0);
            target = after
                .iter()
                .find(|(a, m)| a.first > cv && *m == Mark::To)
                .map(|x| x.0);
            rule.push_str(", sent by the subject of the relative clause");
        } else if let Some(cv) = convey {
            // [convey-verb] CARRIER ... [إلى TARGET] ... message من SOURCE
            let carrier = parties
                .iter()
                .find(|(a, m)| a.first > cv && a.last < tf && *m == Mark::None)
                .map(|x| x.0)
                .or(subject_before.filter(|a| a.last < cv))
                .or_else(|| before.iter().rev().find(|(a, _)| a.last < cv).map(|x| x.0));
            if let Some(src) = from.filter(|f| first_of(Some(f)) != first_of(carrier)) {
                source = Some(src);
                via = carrier.filter(|c| c.person != src.person || c.country != src.country);
                rule.push_str(", conveyed by an envoy (من ... via carrier)");
            } else {
                source = carrier;
                rule.push_str(", sent by the conveying subject");
            }
            target = to_after.or(to_before).or(with).or_else(|| {
                after
                    .iter()
                    .find(|(a, m)| *m == Mark::None && Some(a.first) != first_of(carrier))
                    .map(|x| x.0)
            });
        } else if receive {
            target = subject_before.or(subject_after);
            source = from.or_else(|| {
                after
                    .iter()
                    .find(|(a, _)| Some(a.first) != first_of(target))
                    .map(|x| x.0)
            });
            rule.push_str(", received (subject is the target)");
        } else {
            match trig.frame {
                Frame::Agent | Frame::Host | Frame::Mutual => {
                    source = if trig.verb {
                        adjacent_subject
                            .or(subject_after.filter(|a| a.first <= tl + 3))
                            .or(subject_before)
                            .or(subject_after)
                    } else {
                        subject_before.or(subject_after)
                    };
                    let src_first = first_of(source);
                    target = object(src_first);
                    if target.is_none() {
                        target = to_before.filter(|a| Some(a.first) != src_first);
                    }
                    // بحثوا، بحث الجانبان: the two parties just named
                    if trig.frame == Frame::Mutual && trig.verb {
                        let mut distinct: Vec<&Actor> = Vec::new();
                        for (a, _) in before.iter().rev() {
                            if !distinct.iter().any(|d| d.country == a.country) {
                                distinct.push(a);
                            }
                        }
                        if distinct.len() >= 2 && (target.is_none_or(|t| t.first > tl + 6)) {
                            source = Some(distinct[1]);
                            target = Some(distinct[0]);
                        }
                    }
                    // تم بحث ... في العراق: a country named as where it happens
                    if target.is_none() && trig.frame == Frame::Mutual {
                        target = after
                            .iter()
                            .find(|(a, m)| {
                                *m == Mark::In
                                    && a.kind == ActorKind::Country
                                    && Some(a.first) != src_first
                            })
                            .map(|x| x.0);
                    }
                    rule.push_str(match trig.frame {
                        Frame::Host => ", host receives guest",
                        Frame::Mutual => ", two parties together",
                        _ => ", subject acts on object",
                    });
                }
                Frame::Noun | Frame::Owned => {
                    // the genitive right after the noun: its agent (زيارة الرئيس), but
                    // the invitee of an invitation (دعوة بوتين لزيارة بغداد)
                    let genitive = if owned {
                        None
                    } else {
                        after
                            .iter()
                            .find(|(a, m)| *m == Mark::None && a.first == tl + 1)
                            .map(|x| x.0)
                    };
                    // ... unless the invitee follows with لـ/إلى (دعوة الحكومة العراقية للرئيس السوري)
                    let (gen_source, gen_target) =
                        if trig.kind == EventKind::Invitation && to_after.is_none() {
                            (None, genitive)
                        } else {
                            (genitive, None)
                        };
                    source = if owned {
                        from.or(subject_before)
                    } else {
                        from.or(gen_source).or(subject_before)
                    };
                    let src_first = first_of(source);
                    target = gen_target
                        .or(to_after)
                        .or(with)
                        .or(to_before)
                        .filter(|a| Some(a.first) != src_first);
                    if target.is_none() && trig.kind != EventKind::Visit {
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
        // visits: the host is where the visitor goes (زيارة دمشق، وصل إلى بغداد)
        if trig.kind == EventKind::Visit {
            let place_like = |a: &Actor| matches!(a.kind, ActorKind::Place | ActorKind::Country);
            let dest = s
                .actors
                .iter()
                .find(|(a, m)| {
                    a.first > tl && a.first <= tl + 4 && place_like(a) && *m == Mark::None
                })
                .or_else(|| {
                    s.actors
                        .iter()
                        .find(|(a, m)| a.first > tl && place_like(a) && *m == Mark::To)
                })
                .map(|x| x.0);
            match (dest, trig.frame) {
                (Some(d), _) => {
                    target = Some(d);
                    if source.is_some_and(|x| x.country == d.country) {
                        source = before
                            .iter()
                            .rev()
                            .find(|(a, _)| a.country != d.country)
                            .map(|x| x.0);
                    }
                    rule.push_str(", destination named after the trigger");
                }
                (None, Frame::Agent)
                    if trig.verb && target.is_some_and(|t| t.kind == ActorKind::Person) => {}
                _ => return None,
            }
        }
        let mut src = source.map(Party::of).unwrap_or_default();
        let mut tgt = target.map(Party::of).unwrap_or_default();
        // بحثوا after a reception in the same sentence, تم بحث: the interaction in focus
        if let Some((fa, fb)) = focus {
            let within = |p: &Party| {
                p.country.is_none() || p.country == fa.country || p.country == fb.country
            };
            let mutual_here = trig.frame == Frame::Mutual && focus_here && with.is_none();
            if (mutual_here || passive) && within(&src) && within(&tgt) {
                src = fa.clone();
                tgt = fb.clone();
                rule.push_str(", the interaction in focus");
            }
        }
        // same country on both sides: look for a different one in the sentence
        if src.country.is_some() && src.country == tgt.country {
            if let Some(o) = parties
                .iter()
                .find(|(a, _)| a.country != src.country && via.is_none_or(|v| v.first != a.first))
            {
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
    // a refutation just before the trigger (غير معنية بهذه الدعوة), or a denial verb earlier in the sentence
    let near: Vec<String> = (tf.saturating_sub(5).max(sf)..tf).map(word).collect();
    let near = near.join(" ");
    if near.contains("غير معني") || near.contains("لا صحه") || near.contains("عار عن الصحه")
    {
        return Status::Denied;
    }
    if (sf..tf).any(|i| {
        matches!(
            word(i).as_str(),
            "نفي" | "نفت" | "ينفي" | "تنفي" | "نافيا" | "نفى"
        )
    }) {
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
    // a future verb governing a noun trigger (سيبحث الزيارة، المباحثات ستتركز)
    let future = |i: usize| {
        let w = word(i);
        (w.starts_with("سي") || w.starts_with("ست"))
            && w.chars().count() >= 5
            && !w.starts_with("سيا")
            && !w.starts_with("ستي")
            && !w.starts_with("سيد")
    };
    if !trig.verb && ((lo..tf).any(future) || ((tl + 1)..=(tl + 2).min(sl)).any(future)) {
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
