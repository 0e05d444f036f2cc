//! Diplomatic events: the triggers of `triggers.tsv` found in an article and,
//! for each, its arguments, sides, status, date and evidence, then the
//! merging of repeated reports within the article. Each step is a module:
//!
//! - [`cues`]: the cue words read around a trigger (`event_cues.tsv`)
//! - [`arguments`]: source, target and envoy from the trigger's frame and the
//!   prepositions before each actor
//! - [`clauses`]: where a clause opens inside a sentence
//! - [`actors`]: the sides completed from the discourse focus (الجانبان،
//!   pronouns, impersonal triggers)
//! - [`status`]: occurred, planned or denied; the day it happened
//! - [`merge`]: one event per interaction

mod actors;
mod arguments;
mod clauses;
pub mod cues;
mod merge;
mod status;

use crate::dates::Date;
use crate::entities::{Actor, ActorKind, Annotations};
use crate::gazetteer::{form_key, Gazetteer, GazetteerBuilder, Stream};
use crate::lexicon::Lexicon;
use crate::model::{EventKind, Status};
use crate::normalize::Normalizer;
use crate::tokenize::Tokens;
use arguments::{mark_of, Mark, Sent};
use cues::{Cue, Cues};

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
    /// By lexicon place: whether it is a capital (it can stand for its
    /// government: سيول دعت بيونغ يانغ).
    capitals: Vec<bool>,
}

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
            // (a final hamza sits on ي or و before a suffix: لقائه، لقاؤه,
            // normalized لقايه، لقاوه)
            // (and a past verb's final alef maqsura is written ا before one:
            // التقى → التقاه، عزى → عزاها)
            let seated: Vec<String> = match last.strip_suffix('ء') {
                Some(b) => vec![format!("{b}ي"), format!("{b}و")],
                None => match last.strip_suffix('ي') {
                    Some(b)
                        if t.pos == "verb"
                            && head.is_empty()
                            && !b.starts_with(['ي', 'ت', 'س', 'ن']) =>
                    {
                        vec![format!("{b}ا")]
                    }
                    _ => Vec::new(),
                },
            };
            for suf in ["ه", "ها", "هما", "هم", "نا"] {
                derived.push((format!("{head}{stem}{suf}"), id));
                if stem != last {
                    derived.push((format!("{head}{last}{suf}"), id));
                }
                for s in &seated {
                    derived.push((format!("{head}{s}{suf}"), id));
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
            capitals: lex
                .places
                .iter()
                .map(|p| p.kind == crate::lexicon::PlaceKind::Capital)
                .collect(),
        }
    }
}

/// How many words of sport (مباراة، المنتخب، هدف...; at least one in 40 of
/// the document's words too) make a document a sports report.
const SPORTS_REPORT_WORDS: usize = 6;

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
    /// The trigger is a past-tense verb (its status is stated, not inferred).
    pub tense_plain: bool,
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

/// How many sentences after the one that set it the discourse focus holds.
const FOCUS_SPAN: usize = 4;

/// A trigger that did not become an event, and why (shown by `--explain`).
#[derive(Debug, Clone)]
pub struct Dropped {
    /// Token range of the trigger.
    pub trigger: (usize, usize),
    pub kind: EventKind,
    pub reason: String,
}

/// What extraction found in one article.
#[derive(Debug, Default)]
pub struct Extraction {
    pub events: Vec<RawEvent>,
    /// Filled only when asked for (`explain`).
    pub dropped: Vec<Dropped>,
}

impl EventExtractor {
    /// The events of one article. `explain` keeps the dropped candidates.
    pub fn extract(
        &self,
        tokens: &Tokens,
        stream: &Stream,
        ann: &Annotations,
        doc_date: Option<Date>,
        is_common: &dyn Fn(&str) -> bool,
        explain: bool,
    ) -> Extraction {
        let cues = Cues::builtin();
        let hits = self.gaz.find_all(stream);
        let mut out: Vec<RawEvent> = Vec::new();
        let mut dropped: Vec<Dropped> = Vec::new();
        let mut drop = |trig: &TriggerInfo, first: usize, last: usize, why: &dyn Fn() -> String| {
            if explain {
                dropped.push(Dropped {
                    trigger: (first, last),
                    kind: trig.kind,
                    reason: why(),
                });
            }
        };
        let mut focus: actors::Focus = None;
        let mut summit_host: Option<&Actor> = None;
        let mut last_sentence_focus = usize::MAX;
        let mut focus_sentence: Option<usize> = None;
        let mut sentence_triggers: Vec<(usize, usize, EventKind)> = Vec::new();
        type DateFound = (Option<Date>, Option<(usize, usize)>);
        let mut date_cache: (Option<usize>, DateFound) = (None, (None, None));
        for h in &hits {
            let trig = &self.triggers[h.targets[0]];
            sentence_triggers.push((tokens.tokens[h.first].sentence, h.first, trig.kind));
        }
        // a sports report (matches, teams, goals all through it): its
        // "meetings", "visits" and "congratulations" are between teams
        let sport_words = if hits.is_empty() {
            0
        } else {
            tokens
                .tokens
                .iter()
                .filter(|t| cues.is(Cue::Sport, strip_conj(&t.text)))
                .count()
        };
        let sports_report =
            sport_words >= SPORTS_REPORT_WORDS && sport_words * 40 >= tokens.tokens.len();
        for h in hits {
            let trig = &self.triggers[h.targets[0]];
            // a proclitic reading of a known whole word is no trigger (وزارة is not و + زاره)
            if h.prefix > 0
                && is_common(&tokens.tokens[h.first].text)
                && (!is_common(h.form.split(' ').next().unwrap_or(""))
                    || !self.explicit.contains(h.form))
            {
                drop(trig, h.first, h.last, &|| {
                    "a common word read as proclitic + trigger".into()
                });
                continue;
            }
            if sports_report {
                drop(trig, h.first, h.last, &|| {
                    format!("a sports report ({sport_words} words of sport): no diplomacy")
                });
                continue;
            }
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
                    })
                    // ... unless it is when something else happened (وجهت الدعوة
                    // لدى زيارتها سول): a visit that took place
                    && !(h.first > sent.first
                        && matches!(
                            strip_conj(&tokens.tokens[h.first - 1].text),
                            "لدي" | "خلال" | "اثناء" | "عقب" | "بعد"
                        ));
                let lo = h.first.saturating_sub(3).max(sent.first);
                let wish =
                    (lo..h.first).any(|i| cues.is(Cue::Wish, strip_conj(&tokens.tokens[i].text)));
                if invited && trig.kind == EventKind::Visit {
                    drop(trig, h.first, h.last, &|| {
                        "the visit an invitation is for, not a visit".into()
                    });
                    continue;
                }
                if wish {
                    drop(trig, h.first, h.last, &|| "only wished for".into());
                    continue;
                }
            }
            // استقبال اللاجئين is no meeting; أنها رسالة مهمة is no message
            {
                let toks = &tokens.tokens;
                let word = |i: usize| strip_conj(&toks[i].text);
                let next = (h.last < sent.last).then(|| word(h.last + 1));
                let prev = (h.first > sent.first).then(|| word(h.first - 1));
                // ... nor is meeting them (التقى المقداد بمفتشين من المنظمة)
                let not_guest = trig.kind == EventKind::Meeting
                    && next.is_some_and(|w| {
                        (!trig.verb && cues.is(Cue::NotGuest, w))
                            || w.strip_prefix('ب')
                                .is_some_and(|w| cues.is(Cue::NotGuest, w))
                    });
                let figurative = (trig.kind == EventKind::Message
                    && !trig.verb
                    && (next.is_some_and(|w| cues.is(Cue::Figurative, w))
                        || prev.is_some_and(|w| cues.is(Cue::Figurative, w))))
                    // على بساط البحث، قيد البحث: an idiom, no talks
                    // (بحث read as a verb too: no verb follows بساط or قيد)
                    || (trig.kind == EventKind::Talks
                        && prev.is_some_and(|w| cues.is(Cue::Idiom, w)));
                if not_guest || figurative {
                    drop(trig, h.first, h.last, &|| {
                        if not_guest {
                            "a reception of refugees, pilgrims...: no meeting".into()
                        } else {
                            "a figure of speech (أنها رسالة مهمة، على بساط البحث)".into()
                        }
                    });
                    continue;
                }
            }
            if let Some(why) = self.misread(trig, &h, tokens, (sent.first, sent.last)) {
                drop(trig, h.first, h.last, &|| why.into());
                continue;
            }
            // وقع without anything signed is "happened" (وقع الهجوم) or "impact"
            if trig.kind == EventKind::Agreement && trig.verb {
                let toks = &tokens.tokens;
                // اتفقا على ...: agreed on something concluded, not on a view
                let cue = if trig.form.contains("تفق") {
                    Cue::AgreedObject
                } else {
                    Cue::AgreementObject
                };
                // the verbal noun (تم الاتفاق على إنشاء) names what was agreed
                // right after its على: الاتفاق النووي is a deal spoken of
                // (كما تم الاتفاق عليه مع الزعيم كيم: what was agreed)
                let noun = trig.form.starts_with("ال");
                let next = toks.get(h.last + 1).map(|t| t.text.as_str());
                let agreed_on = noun && matches!(next, Some("عليه" | "عليها" | "عليهما"));
                let reach = if noun {
                    if !agreed_on && next != Some("علي") {
                        drop(trig, h.first, h.last, &|| "an agreement spoken of".into());
                        continue;
                    }
                    4
                } else {
                    8
                };
                // (a joint undertaking right after على: اتفقا على العمل، على
                // تعزيز التعاون)
                // (على may stand after a long subject: اتفق كيم ورئيس كوريا
                // الجنوبية مون جاي إن على العمل)
                let undertaking = ((h.last + 1)..(h.last + reach + 4).min(sent.last)).any(|i| {
                    toks[i].text == "علي"
                        && cues.is(Cue::AgreedUndertaking, &toks[i + 1].text)
                        && toks[i + 1].gap == crate::tokenize::Gap::Space
                });
                let signed = agreed_on
                    || (cue == Cue::AgreedObject && undertaking)
                    || ((h.last + 1)..=(h.last + reach).min(sent.last)).any(|i| {
                        let w = strip_conj(&toks[i].text);
                        // (على الأقل is "at least": وقعت ... إلى 27 قتيلا على الأقل)
                        if w == "علي" && toks.get(i + 1).is_some_and(|n| n.text == "الاقل")
                        {
                            return false;
                        }
                        cues.is(cue, &toks[i].text)
                            || cues.is(cue, w)
                            || cues.is(cue, w.strip_prefix('ل').unwrap_or(w))
                    });
                if !signed {
                    drop(trig, h.first, h.last, &|| {
                        "nothing signed: وقع is 'happened'".into()
                    });
                    continue;
                }
            }
            // a "لقاء" in sports news is a match
            if matches!(
                trig.kind,
                EventKind::Meeting
                    | EventKind::Invitation
                    | EventKind::Praise
                    | EventKind::Congratulation
            ) {
                let lo = h.first.saturating_sub(8).max(sent.first);
                let hi = (h.last + 8).min(sent.last);
                // (a rank in a person's title is no team: الفريق أول صلاح قوش)
                let titled = |i: usize| {
                    ann.actors.iter().any(|a| {
                        a.first <= i
                            && i <= a.last
                            && matches!(a.kind, ActorKind::Person | ActorKind::Office)
                    })
                };
                if (lo..=hi)
                    .any(|i| cues.is(Cue::Sport, strip_conj(&tokens.tokens[i].text)) && !titled(i))
                {
                    drop(trig, h.first, h.last, &|| {
                        "sports: a match, not a meeting".into()
                    });
                    continue;
                }
            }
            // the sentence's actors (ann.actors is sorted by position), less a
            // dateline's places (سيول - «الشرق الأوسط»: ، دبي، الإمارات (CNN) –)
            let lo = ann.actors.partition_point(|a| a.first < sent.first);
            let dateline_end = dateline(tokens, sent.first, sent.last, &ann.actors[lo..]);
            let actors: Vec<(&Actor, Mark)> = ann.actors[lo..]
                .iter()
                .take_while(|a| a.first <= sent.last)
                .filter(|a| {
                    a.first >= sent.first
                        && a.first >= dateline_end
                        && a.last <= sent.last
                        && (a.last < h.first || a.first > h.last)
                })
                .map(|a| (a, mark_of(tokens, a)))
                .collect();
            let s = Sent {
                tokens,
                actors,
                capitals: &self.capitals,
                summit_host,
            };
            // دعا، دعوة with nothing to invite to is a call for something
            // (دعا إلى تفعيل القانون), not an invitation
            if trig.kind == EventKind::Invitation {
                let toks = &tokens.tokens;
                let lo = h.first.saturating_sub(5).max(sent.first);
                let hi = (h.last + 10).min(sent.last);
                let object = (lo..=hi).any(|i| {
                    (i < h.first || i > h.last)
                        && (cues.is_written_or_bare(Cue::InviteObject, &toks[i].text)
                            || (i < h.first
                                && (cues.is(Cue::Receive, strip_conj(&toks[i].text))
                                    || cues.is(Cue::Convey, strip_conj(&toks[i].text)))))
                });
                // دعت اللجنة إلى وضع آلية: إلى + what is called for
                let call_for = trig.verb
                    && ((h.last + 1)..=(h.last + 12).min(sent.last)).any(|i| {
                        toks[i].text == "الي"
                            && i < sent.last
                            && !cues.is(Cue::InviteObject, &toks[i + 1].text)
                            && !s.actors.iter().any(|(a, _)| a.first == i + 1)
                    });
                let object = object && !call_for;
                let by_invitation = h.prefix > 0 && tok.text.starts_with('ب');
                // someone invited right after it (دعوة للرئيس السوري، دعا الرئيس)
                let invitee = s.actors.iter().any(|(a, m)| {
                    a.first > h.last
                        && a.first <= h.last + 4
                        && a.kind != ActorKind::Place
                        && a.country.is_some()
                        && matches!(m, Mark::To | Mark::None)
                });
                if call_for || (!object && !by_invitation && !invitee && !trig.form.contains(' ')) {
                    drop(trig, h.first, h.last, &|| {
                        "nothing to invite to: a call for something".into()
                    });
                    continue;
                }
            }
            let owned =
                trig.frame == Frame::Owned || (!trig.verb && !self.explicit.contains(h.form));
            let focus_here = out.last().is_some_and(|e| e.sentence == si);
            // the discourse focus holds for the sentence that set it and a few after
            if focus_sentence.is_some_and(|f| si > f + FOCUS_SPAN) {
                focus = None;
            }
            let mut rule = format!("trigger '{}' ({})", trig.form, trig.kind.name());
            let reading = arguments::read(trig, owned, (h.first, h.last), &s, &mut rule);
            // the summit the article speaks of from here on
            if let Some(host) = arguments::host_named(trig, (h.first, h.last), &s) {
                summit_host = Some(host);
            }
            let Ok(reading) = reading else {
                let why = reading.err().unwrap_or_default();
                drop(trig, h.first, h.last, &|| why.into());
                if last_sentence_focus != si {
                    if let Some(f) = actors::focus_of_sentence(&s.actors) {
                        focus = Some(f);
                        focus_sentence = Some(si);
                    }
                }
                continue;
            };
            let topic = actors::topic_before(tokens, &ann.actors, si, h.first);
            // هذا اللقاء، الاجتماع: a definite encounter is the last one of its
            // family reported, not whatever the text spoke of last (a call)
            // (an event read earlier in the same sentence is what it speaks of:
            // يصل اليوم إلى بيروت الوفد الروسي ... «إن المباحثات ستتركز»)
            // (a demonstrative points further back: هذا اللقاء)
            let (antecedent, pointed) =
                match actors::antecedent(trig, tokens, h.first, sent.first, &out) {
                    (_, false) if focus_here => (None, false),
                    found => found,
                };
            // the pair the trigger speaks of: its antecedent, else the focus
            let speaks_of = if antecedent.is_some() {
                &antecedent
            } else {
                &focus
            };
            // هذا اللقاء: the parties named around it are those who speak of it
            let pointed = antecedent
                .clone()
                .filter(|_| pointed && reading.source.is_none_or(|a| a.first < h.first));
            let resolved = match pointed {
                Some(pair) => {
                    rule.push_str(", the encounter a demonstrative points at");
                    Some(pair)
                }
                None => actors::resolve(
                    trig,
                    &reading,
                    tokens,
                    si,
                    (focus_here && *speaks_of == focus, speaks_of, topic.as_ref()),
                    &mut rule,
                ),
            };
            let Some((src, tgt)) = resolved else {
                drop(trig, h.first, h.last, &|| {
                    format!("{rule}: not two known, different countries")
                });
                if last_sentence_focus != si {
                    if let Some(f) = actors::focus_of_sentence(&s.actors) {
                        focus = Some(f);
                        focus_sentence = Some(si);
                    }
                }
                continue;
            };
            let location = s
                .actors
                .iter()
                .find(|(a, m)| {
                    a.kind == ActorKind::Place
                        && (matches!(m, Mark::In | Mark::To)
                            || tokens.tokens[a.first].text.starts_with('ب')
                            || trig.kind == EventKind::Visit)
                })
                .and_then(|(a, _)| a.place);
            let mut people: Vec<usize> = Vec::new();
            for p in [src.person, tgt.person, reading.via.and_then(|v| v.person)]
                .into_iter()
                .flatten()
            {
                if !people.contains(&p) {
                    people.push(p);
                }
            }
            let mut ev = RawEvent {
                kind: trig.kind,
                status: status::status(
                    tokens,
                    trig,
                    (h.first, h.last),
                    (sent.first, sent.last),
                    doc_date,
                    // (the triggers are in text order)
                    sentence_triggers
                        .get(sentence_triggers.partition_point(|&(_, f, _)| f <= h.last))
                        .map_or(usize::MAX, |&(_, f, _)| f),
                ),
                tense_plain: trig.verb && !trig.form.starts_with(['ي', 'ت']),
                source: src,
                target: tgt,
                via: reading.via.map(Party::of),
                people,
                location,
                date: None,
                date_span: None,
                trigger: (h.first, h.last, h.prefix),
                sentence: si,
                mentions: 1,
                rule,
            };
            if date_cache.0 != Some(si) {
                date_cache = (
                    Some(si),
                    status::event_date(tokens, sent.first, sent.last, doc_date),
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
            focus = Some((ev.source.clone(), ev.target.clone()));
            focus_sentence = Some(si);
            last_sentence_focus = si;
            // one event per counterpart: the actors coordinated with the
            // source or the target read (هنأ رؤساء مصر وقطر وتركيا)
            let side = |a: Option<&Actor>, p: &Party| {
                a.filter(|a| a.country == p.country)
                    .map(|a| arguments::conjuncts(a, &s.actors, tokens))
                    .unwrap_or_default()
            };
            let sources = side(reading.source, &ev.source);
            let targets = side(reading.target, &ev.target);
            let mut extra = Vec::new();
            for (i, c) in sources.iter().enumerate() {
                let mut e = ev.clone();
                e.source = Party::of(c);
                e.rule.push_str(&format!(", source coordinated #{}", i + 2));
                extra.push(e);
            }
            let with_sources: Vec<RawEvent> = std::iter::once(&ev).chain(&extra).cloned().collect();
            for (i, c) in targets.iter().enumerate() {
                for src in &with_sources {
                    let mut e = src.clone();
                    e.target = Party::of(c);
                    e.rule.push_str(&format!(", target coordinated #{}", i + 2));
                    extra.push(e);
                }
            }
            out.push(ev);
            for mut e in extra {
                if e.source.country.is_none()
                    || e.target.country.is_none()
                    || e.source.country == e.target.country
                {
                    continue;
                }
                e.people = [e.source.person, e.target.person]
                    .into_iter()
                    .flatten()
                    .collect();
                e.people.dedup();
                out.push(e);
            }
        }
        status::follow_the_body(&mut out, tokens);
        Extraction {
            events: merge::merge(out),
            dropped,
        }
    }
}

impl EventExtractor {
    /// Why a trigger word is read in another sense here, if it is: يعزي ...
    /// إلى with no death near it attributes, an agreement in force spoken of
    /// (الانسحاب من الاتفاق، الاتفاق النووي) is no new one, وصلت العلاقات is
    /// "reached", a talk or call only wished for (يرغب في مناقشة) is none.
    fn misread(
        &self,
        trig: &TriggerInfo,
        h: &crate::gazetteer::Hit<'_, usize>,
        tokens: &Tokens,
        (sf, sl): (usize, usize),
    ) -> Option<&'static str> {
        let cues = Cues::builtin();
        let toks = &tokens.tokens;
        let word = |i: usize| strip_conj(&toks[i].text);
        let any = |cue: Cue, lo: usize, hi: usize| (lo..=hi.min(sl)).any(|i| cues.is(cue, word(i)));
        match trig.kind {
            EventKind::Condolence if trig.verb => {
                let lo = h.first.saturating_sub(10).max(sf);
                (!any(Cue::Grief, lo, h.last + 12)).then_some("no death near it: 'attributes'")
            }
            EventKind::Agreement if !trig.verb => {
                let lo = h.first.saturating_sub(3).max(sf);
                let before = h.first > sf && any(Cue::InForce, lo, h.first - 1);
                let named = h.last < sl && any(Cue::InForce, h.last + 1, h.last + 2);
                (before || named).then_some("an agreement in force spoken of")
            }
            EventKind::Visit if trig.verb => (h.last < sl
                && cues.is(Cue::Abstract, word(h.last + 1)))
            .then_some("an arrival of relations or figures: 'reached'"),
            // هنأ loses its hamza to normalization: هنا كي، من هنا is "here",
            // unless the original wrote the hamza
            EventKind::Congratulation
                if word(h.first) == "هنا" && toks[h.first].written_last != 'أ' =>
            {
                let before = h.first > sf && cues.is(Cue::HereBefore, word(h.first - 1));
                let after = h.last >= sl
                    || cues.is(Cue::HereAfter, word(h.last + 1))
                    || toks[h.last + 1].punct.is_some();
                (before || after).then_some("هنا: 'here'")
            }
            // بحثا فيها القمة المقبلة، لبحث ترتيبات القمة: a summit discussed is
            // a topic (في القمة، خلال القمة، مباحثات القمة are no object),
            // unless it names its own sides (لمناقشة قمة مرتقبة بين كيم وترامب)
            EventKind::Summit if !trig.verb => {
                let lo = h.first.saturating_sub(3).max(sf);
                let own_sides =
                    ((h.last + 1)..=(h.last + 3).min(sl)).any(|i| matches!(word(i), "بين" | "مع"));
                let discussed = !own_sides
                    && (lo..h.first)
                        .rev()
                        .find(|&i| !cues.is_written_or_bare(Cue::Aspect, &toks[i].text))
                        .is_some_and(|i| cues.is(Cue::Discusses, word(i)));
                discussed.then_some("a summit discussed: a topic")
            }
            // ثمّن loses its shadda: بأي ثمن، دفع الثمن is "price"
            EventKind::Praise if word(h.first) == "ثمن" => {
                (h.first > sf && cues.is(Cue::Price, word(h.first - 1))).then_some("ثمن: 'price'")
            }
            // استدعت سفيرها للتشاور: an envoy called home for consultations
            EventKind::Talks
                if !trig.verb
                    && h.first > sf
                    && any(Cue::Recall, h.first.saturating_sub(12).max(sf), h.first - 1)
                    && !(h.last < sl && cues.is(Cue::With, word(h.last + 1))) =>
            {
                Some("an envoy called home for consultations")
            }
            // a bare اتصال is a call when a verb holds it (أجرى اتصالا) or when
            // it is spoken of with its other side (عن اتصال مع ولي العهد، خلال
            // اتصاله بنظيره); else a contact or a channel (على اتصال مع، قنوات
            // الاتصال، فقدان الاتصال معه). (تلقى اتصالا without هاتفيا is as
            // often a private call: from a coach, a singer, a kidnapper.)
            EventKind::Call if !trig.verb && is_contact_noun(h.form) => {
                let prev = (h.first > sf).then(|| word(h.first - 1));
                // (the verb that holds it may stand before its subject: أجرى
                // الرئيس التركي رجب طيب أردوغان اتصالا)
                let held = h.first > sf && {
                    let lo = clauses::clause_start(
                        tokens,
                        h.first.saturating_sub(8).max(sf),
                        h.first - 1,
                    );
                    any(Cue::Light, lo, h.first - 1)
                };
                let next = (h.last < sl).then(|| word(h.last + 1));
                // (the definite noun after في is the act of contacting: في
                // الاتصال بنظرائها)
                let other_side = !h.form.starts_with("ال")
                    && next.is_some_and(|w| cues.is(Cue::With, w) || w.starts_with('ب'));
                let opened = prev.is_some_and(|w| cues.is(Cue::ContactOpener, w));
                let spoken_of = opened && (other_side || next == Some("بين"));
                (!(held || spoken_of)).then_some("a contact or a channel, not a call")
            }
            EventKind::Talks | EventKind::Call => {
                let lo = h.first.saturating_sub(3).max(sf);
                (h.first > sf && any(Cue::Wish, lo, h.first - 1)).then_some("only wished for")
            }
            _ => None,
        }
    }
}

/// The bare noun of contact, without هاتفي: اتصال، اتصالا، الاتصال and
/// with a pronoun (اتصاله، اتصالهما).
fn is_contact_noun(form: &str) -> bool {
    let rest = form.strip_prefix("ال").unwrap_or(form);
    rest.strip_prefix("اتصال")
        .is_some_and(|s| matches!(s, "" | "ا" | "ه" | "ها" | "هما" | "هم"))
}

/// Where a sentence's dateline ends (the first token after it; the
/// sentence's first token when it has none): a place or two, then a dash,
/// a colon or a bracketed outlet within the first eight tokens.
fn dateline(tokens: &Tokens, first: usize, last: usize, actors: &[Actor]) -> usize {
    let toks = &tokens.tokens;
    let end = (first + 8).min(last);
    let Some(k) =
        ((first + 1)..=end).find(|&i| matches!(toks[i].punct, Some('-' | '–' | '—' | ':' | ')')))
    else {
        return first;
    };
    let before: Vec<&Actor> = actors
        .iter()
        .take_while(|a| a.first < k)
        .filter(|a| a.first >= first)
        .collect();
    let places = !before.is_empty()
        && before.iter().all(|a| {
            matches!(
                a.kind,
                ActorKind::Place | ActorKind::Country | ActorKind::Organization
            )
        });
    if places && before.iter().any(|a| a.kind != ActorKind::Organization) {
        k
    } else {
        first
    }
}

/// A word ending in an object or possessive pronoun (ه، ها، هما، هم) as
/// normalized text writes it (a ة, written ه, reads as one too).
fn pronoun_suffixed(w: &str) -> bool {
    ["ه", "ها", "هما", "هم"].iter().any(|p| w.ends_with(p))
}

/// A word without a leading conjunction (و، ف) when it is long enough to
/// carry one: the entities' [`bare_word`](crate::entities::bare_word),
/// borrowed, no string per word.
use crate::entities::bare_word as strip_conj;
