//! The arguments of one trigger: which of its sentence's actors is the
//! source, the target and the envoy, read from the trigger's frame (agent,
//! host, mutual, noun, owned), the preposition before each actor (من، إلى/لـ،
//! مع، بـ), conveying and receiving verbs (نقل، سلّم، تلقى) and the word order
//! (a subject right before its verb, a genitive right after its noun).

use super::cues::{Cue, Cues};
use super::{strip_conj, Frame, TriggerInfo};
use crate::entities::{Actor, ActorKind};
use crate::model::EventKind;
use crate::tokenize::{Gap, Tokens};

mod coordination;
mod directed;
mod frames;
mod marks;
mod parties;

pub(super) use coordination::conjuncts;
pub(super) use marks::mark_of;

use coordination::nationality_pair;
use directed::counterpart_named;
use frames::implicit_subject;
use parties::non_state;

/// Role a preposition gives the actor that follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    None,
    From,
    To,
    With,
    And,
    In,
    /// What is talked about (بين X و Y، حول X): not a party.
    Topic,
}

/// A trigger's sentence: its tokens and the actors in it (the trigger's own
/// tokens left out), each with its mark.
pub(super) struct Sent<'a> {
    pub tokens: &'a Tokens,
    pub actors: Vec<(&'a Actor, Mark)>,
    /// By lexicon place: a capital.
    pub capitals: &'a [bool],
}

/// What the frame reading found for one trigger.
pub(super) struct Reading<'a> {
    pub source: Option<&'a Actor>,
    pub target: Option<&'a Actor>,
    pub via: Option<&'a Actor>,
    /// The parties of the sentence (actors with a country, not places or topics).
    pub parties: Vec<(&'a Actor, Mark)>,
    /// An impersonal trigger (تم بحث، جرى): its parties are the ones in focus.
    pub passive: bool,
    /// A party after the trigger introduced by مع or و.
    pub with: bool,
    /// The counterpart is named right after the trigger and is no state
    /// (ناقش الاتفاقيات مع شركائنا، أشاد بما قاله): the pair in focus does
    /// not fill it.
    pub counterpart_named: bool,
    /// The trigger's token range.
    pub trigger: (usize, usize),
}

/// How far (in tokens) a verb's bare-adjective object may stand from it.
const OBJECT_REACH: usize = 4;

/// How far (in tokens) a noun trigger's arguments may stand from it.
const NOUN_REACH: usize = 8;

/// How far (in tokens) before a noun trigger its agent may stand.
const AGENT_REACH: usize = 12;

/// Read the source, target and envoy of the trigger at `tf..=tl`, or why
/// the trigger cannot be an event here (a visit with no destination).
pub(super) fn read<'a>(
    trig: &TriggerInfo,
    owned: bool,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    rule: &mut String,
) -> Result<Reading<'a>, &'static str> {
    let cues = Cues::builtin();
    let toks = &s.tokens.tokens;
    let sent = &s.tokens.sentences[toks[tf].sentence];
    let parties: Vec<(&Actor, Mark)> = s
        .actors
        .iter()
        .copied()
        .filter(|(a, m)| {
            // a capital stands for its government when it is no mere location
            // (not a venue naming the talks: مفاوضات أستانا، محادثات جنيف)
            let capital = a.kind == ActorKind::Place
                && *m != Mark::In
                && (trig.verb || a.first != tl + 1)
                && !(a.first > 0
                    && Cues::builtin().is(
                        Cue::VenueHead,
                        &strip_conj(&s.tokens.tokens[a.first - 1].text),
                    ))
                && a.place
                    .is_some_and(|p| s.capitals.get(p).copied().unwrap_or(false));
            // التقى الرئيسان بفيتنام، لقاءهما التاريخي صباح الثلاثاء في
            // سنغافورة: people meet in a country, not with it
            // (... and a summit: قمة سنغافورة spoken of at a base in Japan)
            let venue = matches!(
                trig.kind,
                EventKind::Meeting | EventKind::Talks | EventKind::Summit
            ) && a.kind == ActorKind::Country
                && ((a.prefix > 0
                    && s.tokens.tokens[a.first]
                        .text
                        .chars()
                        .nth(a.prefix - 1)
                        .is_some_and(|c| c == 'ب'))
                    || (*m == Mark::In && a.first > tl + 2));
            (a.kind != ActorKind::Place || capital)
                && !venue
                && a.country.is_some()
                && *m != Mark::Topic
                && !non_state(s.tokens, a)
        })
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
    let near = |cue: Cue, from: usize, to: usize| -> Option<usize> {
        (from..to).rev().find(|&i| {
            cues.is(cue, toks[i].text.as_str()) || cues.is(cue, &strip_conj(&toks[i].text))
        })
    };
    let first_of = |a: Option<&Actor>| a.map(|a| a.first);

    let receive = near(Cue::Receive, tf.saturating_sub(4).max(sent.first), tf).is_some();
    let conveys = matches!(
        trig.kind,
        EventKind::Message | EventKind::Invitation | EventKind::Praise
    );
    let convey = if conveys {
        near(Cue::Convey, tf.saturating_sub(14).max(sent.first), tf)
    } else {
        None
    };
    // "الرسالة التي بعثتها X إلى Y": a conveying verb right after the noun
    let convey_after = if conveys && !trig.verb {
        ((tl + 1)..=(tl + 3).min(sent.last))
            .find(|&i| cues.is(Cue::Convey, &strip_conj(&toks[i].text)))
    } else {
        None
    };
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
        .filter(|(a, _)| a.first <= tl + NOUN_REACH)
        .or_else(|| {
            before
                .last()
                .filter(|(a, m)| *m == Mark::From && a.last + 4 >= tf)
        })
        .map(|x| x.0);
    // سيبحث الجانبان ... سوريا وإيران: the two sides are the pair spoken of,
    // the countries after them are what they talk about
    if trig.verb
        && tl < sent.last
        && cues.is(Cue::Both, &toks[tl + 1].text)
        && toks[tl + 1].gap == Gap::Space
    {
        rule.push_str(", the two sides spoken of (الجانبان)");
        return Ok(Reading {
            source: None,
            target: None,
            via: None,
            parties: vec![],
            passive: true,
            with: false,
            counterpart_named: false,
            trigger: (tf, tl),
        });
    }
    // مفاوضات بين X و Y: the two sides, both states or no event
    let joint = matches!(
        trig.kind,
        EventKind::Talks | EventKind::Meeting | EventKind::Agreement | EventKind::Summit
    );
    if joint {
        if let Some(b) = ((tl + 1)..=(tl + 3).min(sent.last))
            .find(|&i| matches!(toks[i].text.as_str(), "بين" | "وبين"))
        {
            let first = s
                .actors
                .iter()
                .find(|(a, _)| a.first > b && a.first <= b + 3)
                .map(|x| x.0);
            if let Some(x) = first.filter(|a| a.country.is_some() && !non_state(s.tokens, a)) {
                let next = conjuncts(x, &s.actors, s.tokens)
                    .into_iter()
                    .find(|y| y.country.is_some() && y.country != x.country);
                // a second side that no actor covers is not a state (ممثلي محافظة درعا)
                let Some(y) = next.filter(|y| !non_state(s.tokens, y)) else {
                    return Err("between a state and a side that is not one");
                };
                rule.push_str(", the two sides after بين");
                return Ok(Reading {
                    source: Some(x),
                    target: Some(y),
                    via: None,
                    parties: vec![],
                    passive: false,
                    with: true,
                    counterpart_named: false,
                    trigger: (tf, tl),
                });
            }
        }
    }
    // في اتصال هاتفي مع "الوطن": a name in quotes is an outlet's, never a state's
    if !trig.verb {
        let with_at = ((tl + 1)..=(tl + 2).min(sent.last))
            .find(|&i| cues.is(Cue::With, &strip_conj(&toks[i].text)));
        if let Some(w) = with_at.filter(|&w| w < sent.last) {
            let next = &toks[w + 1];
            if next.gap == Gap::Punct && matches!(next.punct, Some('"' | '«' | '“')) {
                return Err("with a name in quotes: an outlet, not a state");
            }
        }
    }
    // a meeting or talks of an international body (اجتماع مجلس الأمن، اجتماع
    // اليوم في مجلس الأمن): a session, not an encounter of two states
    if matches!(trig.kind, EventKind::Meeting | EventKind::Talks)
        && !trig.verb
        && s.actors.iter().any(|(a, m)| {
            a.first > tl
                && a.first <= tl + 4
                && a.kind == ActorKind::Organization
                && a.role.as_deref() == Some("international")
                && matches!(m, Mark::None | Mark::In | Mark::To | Mark::With)
        })
    {
        return Err("a session of an international body");
    }
    // في لقاء مع بي بي سي: an interview; a meeting with a company: business
    if !trig.verb
        && s.actors.iter().any(|(a, m)| {
            a.first > tl && a.first <= tl + 2 && *m == Mark::With && non_state(s.tokens, a)
        })
    {
        return Err("with a news outlet or a company, not a state");
    }
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
    // the object: the nearest actor after the trigger that can be one, past
    // the subject's appositions (هنأ العاهل السعودي الملك سلمان رؤساء مصر)
    let object = |subject: Option<&Actor>| {
        // an object stands close to its verb, or to the subject after it,
        // past the subject's appositions (ولي العهد السعودي الأمير محمد بن
        // سلمان); a bare adjective further on belongs to some other noun
        // (أشاد بوتين بالجهود الأوروبية لإنقاذ الاتفاق النووي الإيراني),
        // while a person or an office may stand after a parenthesis
        // (استقبل الملك سلمان - حفظه الله - في قصر السلام أمس، وزير ...)
        let mut from = subject.filter(|s| s.first > tl).map_or(tl, |s| s.last);
        if let Some(sub) = subject.filter(|s| s.first > tl) {
            for (b, _) in after.iter().filter(|(b, _)| b.first > sub.last) {
                if b.country != sub.country || b.first > from + 2 {
                    break;
                }
                from = b.last;
            }
        }
        after
            .iter()
            .find(|(a, m)| {
                Some(a.first) != subject.map(|s| s.first)
                    && !subject.is_some_and(|s| s.first > tl && s.country == a.country)
                    && matches!(m, Mark::None | Mark::To | Mark::With | Mark::And)
                    && (a.first <= from + OBJECT_REACH
                        || matches!(a.kind, ActorKind::Person | ActorKind::Office)
                        || (a.kind != ActorKind::Adjective && a.first <= from + NOUN_REACH))
            })
            .map(|x| x.0)
    };
    let passive = tf > sent.first && cues.is(Cue::Passive, &strip_conj(&toks[tf - 1].text));
    let subject_after = after.iter().find(|(_, m)| *m == Mark::None).map(|x| x.0);
    // the subject before the trigger stands in its clause (not before a
    // quote, a colon or a "قال"): clauses::opens_between
    let subject_before = before
        .iter()
        .rev()
        .find(|(_, m)| *m == Mark::None)
        .map(|x| x.0)
        .filter(|a| !super::clauses::opens_between(s.tokens, a.last, tf));
    // SVO: the subject right before the verb (أن الأسد استقبل الفياض)
    let adjacent_subject = subject_before.filter(|a| {
        (a.last + 1 == tf && (toks[tf].gap == Gap::Space || toks[tf].punct == Some(',')))
            || (a.last + 2 == tf && cues.is(Cue::Particle, &strip_conj(&toks[tf - 1].text)))
    });

    let mut source: Option<&Actor>;
    let mut target: Option<&Actor>;
    let mut via: Option<&Actor> = None;

    if let Some(cv) = convey_after {
        // بعثها، أرسله: the pronoun is the message; the sender is named
        // after the verb, or before the noun (أكد أمير قطر في رسالة بعثها إلى)
        source = after
            .iter()
            .find(|(a, m)| a.first > cv && *m == Mark::None)
            .map(|x| x.0)
            .or(subject_before);
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
        let implicit = implicit_subject(trig, tf, s, &before, &after);
        match trig.frame {
            Frame::Agent | Frame::Host | Frame::Mutual if implicit.is_some() => {
                (source, target) = implicit.unzip();
                rule.push_str(", the subject of the clause before حيث");
            }
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
                target = object(source);
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
                                && a.first <= tl + 2
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
            Frame::Noun | Frame::Owned if !owned && nationality_pair(&s.actors, tl).is_some() => {
                // المباحثات السعودية الأمريكية: the two adjectives are the sides
                let (a, b) = nationality_pair(&s.actors, tl).unwrap_or_default();
                if a.is_none() {
                    return Err("one state's own affair (اللقاءات الفلسطينية الفلسطينية)");
                }
                source = a;
                target = b;
                rule.push_str(", the sides named by two adjectives after the noun");
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
                // a noun's agent before it stands within a clause's reach of it
                // (عقد الرئيس الروسي ... محادثات), a bare adjective close to it
                // (عقد الوفد السوري مباحثات): further back they belong to
                // another noun (الانسحاب الأميركي من الاتفاق ... والمشاورات);
                // a visit's destination anchors it, so its visitor may be far
                let agent_before = subject_before.filter(|a| {
                    if a.kind == ActorKind::Adjective {
                        a.last + OBJECT_REACH >= tf
                    } else {
                        trig.kind == EventKind::Visit || a.last + AGENT_REACH >= tf
                    }
                });
                // a verb that holds the noun with no subject after it (بعد أن
                // أجرت محادثات مع بريطانيا): the clause's subject, however far back
                let held_by = (tf.saturating_sub(2).max(sent.first)..tf)
                    .find(|&i| cues.is(Cue::Light, &strip_conj(&toks[i].text)))
                    .filter(|&lv| !before.iter().any(|(a, _)| a.first > lv))
                    // تم عقد مباحثات: a verbal noun after an auxiliary, no verb
                    .filter(|&lv| {
                        lv == sent.first || !cues.is(Cue::Passive, &strip_conj(&toks[lv - 1].text))
                    })
                    .and_then(|lv| {
                        before
                            .iter()
                            .find(|(a, m)| {
                                *m == Mark::None
                                    && a.last < lv
                                    && a.kind != ActorKind::Adjective
                                    && !super::clauses::opens_between(s.tokens, a.last, tf)
                            })
                            .map(|x| x.0)
                    });
                // الزيارة التي قام بها X، المحادثات التي أجراها X: the agent of
                // the relative clause right after the noun
                let relative_agent = ((tl + 1)..=(tl + 3).min(sent.last))
                    .find(|&i| cues.is(Cue::Relative, &toks[i].text))
                    .filter(|&r| {
                        r < sent.last && cues.is(Cue::Undertake, &strip_conj(&toks[r + 1].text))
                    })
                    .and_then(|r| {
                        // (past the agent's titles: التي قام بها ولي ولي العهد،
                        // النائب الثاني لرئيس مجلس الوزراء وزير الدفاع السعودي)
                        after
                            .iter()
                            .find(|(a, _)| a.first > r + 1)
                            .filter(|(a, m)| {
                                *m == Mark::None
                                    && a.first <= r + NOUN_REACH + 4
                                    && !super::clauses::opens_between(s.tokens, r + 1, a.first)
                            })
                            .map(|x| x.0)
                    });
                if from.is_none() && gen_source.is_none() && !owned {
                    if relative_agent.is_some() {
                        rule.push_str(", the agent of the relative clause after the noun");
                    } else if held_by.is_some() {
                        rule.push_str(", the subject of the verb that holds the noun");
                    }
                }
                let held_by = relative_agent.or(held_by);
                // a pronoun suffix speaks of the clause's subject (بومبيو يتحدث عن
                // مطالب من إيران خلال زيارته): a من-phrase before it is another noun's
                // ... a person's, past the objects of its verb (وصف ترامب روسيا
                // والصين بالأعداء عشية قمته)
                let his = {
                    let t = toks[tl].text.as_str();
                    t.ends_with('ه')
                        && !t.ends_with("ها")
                        && !t.ends_with("هما")
                        && !t.ends_with("هم")
                };
                let owner = before
                    .iter()
                    .rev()
                    .filter(|_| his)
                    .find(|(a, m)| {
                        *m == Mark::None
                            && matches!(a.kind, ActorKind::Person | ActorKind::Office)
                            && !super::clauses::parts_owner(s.tokens, a.last, tf)
                    })
                    .map(|x| x.0);
                source = if owned {
                    owner.or(subject_before).or(from)
                } else {
                    from.or(gen_source).or(held_by).or(agent_before)
                };
                // a fronted phrase (وخلال استقباله الوزير الأردني، أكد الرئيس
                // السوري): the owner is the subject of the clause after the comma
                if owned && source.is_none() && tf <= sent.first + 3 && before.is_empty() {
                    let comma = ((tl + 1)..=sent.last).find(|&i| toks[i].punct == Some(','));
                    source = comma.and_then(|c| {
                        after
                            .iter()
                            .find(|(a, m)| a.first >= c && *m == Mark::None)
                            .map(|x| x.0)
                    });
                    if source.is_some() {
                        rule.push_str(", owned by the subject after the fronted phrase");
                    }
                }
                let src_first = first_of(source);
                // a noun's arguments stand close to it
                let close = |a: &&Actor| a.first <= tl + NOUN_REACH;
                target = gen_target
                    .or(to_after.filter(close))
                    .or(with.filter(close))
                    .or(to_before)
                    .filter(|a| Some(a.first) != src_first);
                if target.is_none() && trig.kind != EventKind::Visit {
                    target = after
                        .iter()
                        .filter(|(a, m)| a.first <= tl + NOUN_REACH && *m != Mark::From)
                        .chain(
                            before
                                .iter()
                                .rev()
                                .filter(|(a, _)| a.last + NOUN_REACH >= tf),
                        )
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
    // a summit held in a place (قمة مجموعة السبع في كندا): the place's state
    // hosts it, the party read beside it takes part
    if trig.kind == EventKind::Summit && !trig.verb {
        let venue = s
            .actors
            .iter()
            .find(|(a, m)| {
                a.first > tl
                    && a.first <= tl + 6
                    && matches!(a.kind, ActorKind::Place | ActorKind::Country)
                    && (*m == Mark::In || toks[a.first].text.starts_with('ب'))
                    && a.country.is_some()
            })
            .map(|x| x.0);
        if let Some(v) = venue {
            let guest = [source, target]
                .into_iter()
                .flatten()
                .find(|a| a.country != v.country);
            if let Some(g) = guest {
                source = Some(v);
                target = Some(g);
                rule.push_str(", hosted where it is held");
            }
        }
    }
    // visits: the host is where the visitor goes (زيارة دمشق، وصل إلى بغداد)
    if trig.kind == EventKind::Visit {
        // (إلى العاصمة التركية: the capital named by its state's adjective)
        let place_like = |a: &Actor| {
            matches!(a.kind, ActorKind::Place | ActorKind::Country)
                || (a.kind == ActorKind::Adjective
                    && a.first > 0
                    && toks[a.first].gap == Gap::Space
                    && cues.is(Cue::PlaceHead, &strip_conj(&toks[a.first - 1].text)))
        };
        // never the visitor itself or those coordinated with it (وصل قادة مصر
        // والأردن إلى الرياض); a bare object right after the visitor
        // (يزور رئيس الوزراء الهندي الإمارات)
        // a city right after a visit verb is where the visit goes, not who
        // visits (وتزور باريس الأسبوع المقبل): the visitor is unnamed here
        // and the visitor is named after it (وزار أنقرة بعد القمة الرئيس
        // الفلسطيني ياسر عرفات)
        // the same for a country's name (الذي يزور مصر حاليا): the visitor
        // is then the subject before the verb
        if let Some(place) = source.filter(|v| {
            trig.verb
                && v.first > tl
                && (v.kind == ActorKind::Place
                    || (v.kind == ActorKind::Country && v.first == tl + 1))
        }) {
            source = s
                .actors
                .iter()
                .find(|(a, m)| {
                    a.first > place.last
                        && a.first <= place.last + NOUN_REACH
                        && matches!(a.kind, ActorKind::Person | ActorKind::Office)
                        && *m == Mark::None
                        && !super::clauses::opens_between(s.tokens, place.last, a.first)
                })
                .map(|x| x.0)
                .or(subject_before.filter(|v| v.country != place.country));
        }
        // a day between commas (يزور الرئيس الروسي بوتين، الثلاثاء، تركيا)
        let day_at = |i: usize| i <= sent.last && cues.is(Cue::Day, &toks[i].text);
        let day_comma = |i: usize| {
            (day_at(i) && i < sent.last && toks[i + 1].punct == Some(','))
                || (i > sent.first && day_at(i - 1) && toks[i - 1].punct == Some(','))
        };
        let day_between = |l: usize, f: usize| f == l + 2 && day_at(l + 1) && day_comma(l + 1);
        // غادر ووكر تركيا متوجها إلى المغرب: the traveller is the person the
        // clause speaks of, not the place he leaves; the first such (a later
        // one is his verb's object, نظيره)
        if trig.form.starts_with("متوجه") {
            source = before
                .iter()
                .find(|(a, m)| {
                    *m == Mark::None
                        && matches!(a.kind, ActorKind::Person | ActorKind::Office)
                        && !super::clauses::opens_between(s.tokens, a.last, tf)
                })
                .map(|x| x.0)
                .filter(|a| a.country.is_some());
        }
        // لوزير الخارجية جبران باسيل زيارة إلى واشنطن: who has the visit makes it
        if !trig.verb && source.is_none() {
            if let Some((v, _)) = before.last().filter(|(a, m)| {
                *m == Mark::To
                    && a.last + 1 == tf
                    && matches!(a.kind, ActorKind::Person | ActorKind::Office)
            }) {
                source = Some(v);
                rule.push_str(", the visitor who has the visit (لـ X زيارة)");
            }
        }
        let mut visitors: Vec<usize> = Vec::new();
        let mut visitors_last = None;
        if let Some(v) = source.filter(|v| trig.verb && v.first > tl) {
            visitors.push(v.first);
            visitors_last = Some(v.last);
            for c in conjuncts(v, &s.actors, s.tokens) {
                visitors.push(c.first);
                visitors_last = Some(c.last);
            }
        }
        // a To-destination stands close to the trigger or to the visitor named after it
        let reach_from = visitors_last
            .or(source.filter(|v| v.first > tl).map(|v| v.last))
            .unwrap_or(tl);
        // the nearer of a bare place (زيارة دمشق) and one after إلى/لـ (خلال
        // زيارة لموسكو مؤخرا، بأن واشنطن): a bare one past a comma is not
        let bare = s.actors.iter().find(|(a, m)| {
            a.first > tl
                && !visitors.contains(&a.first)
                && place_like(a)
                && *m == Mark::None
                && (a.first <= tl + 4
                    || visitors_last.is_some_and(|l| {
                        l + 1 == a.first
                            || day_between(l, a.first)
                            // one descriptor after the visitor's office (سيزور
                            // وزير الخارجية الأمريكي الجديد إسرائيل)
                            || (l + 2 == a.first
                                && toks[l + 1].text.starts_with("ال")
                                && !cues.is(Cue::PlaceHead, &toks[l + 1].text))
                    }))
                && !((tl + 1)..=a.first).any(|i| toks[i].punct == Some(',') && !day_comma(i))
        });
        // ... not where one comes back to (اختصر جولته وعاد إلى واشنطن)
        let back = |a: &Actor| {
            (a.first.saturating_sub(3)..a.first)
                .any(|i| cues.is(Cue::Return, &strip_conj(&toks[i].text)))
        };
        let marked = s.actors.iter().find(|(a, m)| {
            a.first > tl
                && a.first <= reach_from + NOUN_REACH
                && place_like(a)
                && *m == Mark::To
                && !back(a)
        });
        // ... or further on, past the visitor's titles (بزيارة الأمير محمد بن
        // سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع
        // للأردن), when nothing but words stands between: no comma, no other
        // actor, no new clause
        let marked = marked.or_else(|| {
            // (a noun's visitor named after it: its titles may run long)
            if trig.verb || source.is_none_or(|v| v.first <= tl) {
                return None;
            }
            // (the visitor's own offices and bodies on the way are his titles)
            let own = source.and_then(|v| v.country.clone());
            let far = s.actors.iter().find(|(a, _)| {
                a.first > reach_from
                    && !(a.country == own
                        || (a.country.is_none()
                            && matches!(
                                a.kind,
                                ActorKind::Office | ActorKind::Organization | ActorKind::Person
                            )))
            })?;
            let (a, m) = far;
            (a.first <= reach_from + 2 * NOUN_REACH
                && place_like(a)
                && *m == Mark::To
                && !back(a)
                // (commas only around an apposition, the destination right
                // after the last: ولي العهد، وزير الدفاع الأمير محمد، لمصر)
                && !((reach_from + 1)..=a.first).any(|i| {
                    toks[i].punct.is_some()
                        && !(super::clauses::after_comma(&toks[i])
                            && super::clauses::after_comma(&toks[a.first]))
                })
                && !super::clauses::opens_between(s.tokens, reach_from, a.first))
            .then_some(far)
        });
        let dest = match (bare, marked) {
            (Some(b), Some(m)) => Some(if m.0.first < b.0.first { m } else { b }),
            (b, m) => b.or(m),
        }
        .map(|x| x.0)
        // أجرى محادثات في الخرطوم ... في مستهل زيارة رسمية: the place
        // where the visitor is, named before a visit noun, is its host
        .or_else(|| {
            if trig.verb {
                return None;
            }
            s.actors
                .iter()
                .rev()
                .find(|(a, m)| {
                    a.last < tf
                        && a.last + NOUN_REACH + 2 >= tf
                        && *m == Mark::In
                        && a.kind == ActorKind::Place
                        && source.is_some_and(|v| v.country.is_some() && v.country != a.country)
                        && !super::clauses::opens_between(s.tokens, a.last, tf)
                })
                .map(|x| x.0)
        })
        // جولة شملت السعودية والأردن: what a tour takes in
        .or_else(|| {
            let inc = ((tl + 1)..=(tl + 4).min(sent.last))
                .find(|&i| cues.is(Cue::Includes, &strip_conj(&toks[i].text)))?;
            s.actors
                .iter()
                .find(|(a, _)| a.first > inc && a.first <= inc + 4 && place_like(a))
                .map(|x| x.0)
        });
        // زيارة لكيم في مارس إلى بكين: the person after لـ is the visitor
        // when the destination is named after إلى
        if let Some(d) = dest.filter(|_| !trig.verb) {
            let visitor = after.iter().find(|(a, m)| {
                a.first == tl + 1
                    && a.kind == ActorKind::Person
                    && *m == Mark::To
                    && a.last < d.first
            });
            if let Some((v, _)) = visitor.filter(|(v, _)| v.country != d.country) {
                source = Some(v);
                rule.push_str(", the visitor after لـ");
            }
        }
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
            _ => return Err("a visit with no destination"),
        }
    }
    // رسالة رد فيها سفراء السعودية والإمارات: those coordinated with the
    // sender send with it; a directed interaction needs a counterpart apart
    let directed = !matches!(
        trig.kind,
        EventKind::Meeting | EventKind::Talks | EventKind::Summit | EventKind::Agreement
    );
    // (اتصال هاتفي بين ماكرون وماي: the two sides of بين are coordinated)
    let is_between = |i: usize| matches!(toks[i].text.as_str(), "بين" | "وبين");
    let after_between = ((tl + 1)..=(tl + 3).min(sent.last)).any(is_between);
    let sides = (directed && !after_between)
        .then_some((source, target))
        .and_then(|(s, t)| s.zip(t))
        .filter(|(src, _)| !(src.first.saturating_sub(3)..src.first).any(is_between));
    if let Some((src, tgt)) = sides {
        let with_source = s
            .actors
            .iter()
            .filter(|(a, _)| a.country.is_some() && a.country == src.country && a.first < tgt.first)
            .any(|(a, _)| {
                conjuncts(a, &s.actors, s.tokens)
                    .iter()
                    .any(|c| c.first == tgt.first)
            });
        if with_source {
            target = None;
            rule.push_str(", the counterpart read is coordinated with the source");
        }
    }
    Ok(Reading {
        source,
        target,
        via,
        parties,
        passive,
        with: with.is_some(),
        counterpart_named: counterpart_named(trig, (tl, sent.last), s),
        trigger: (tf, tl),
    })
}
