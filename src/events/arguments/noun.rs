//! The arguments of a noun trigger (زيارة، محادثات، دعوة) and of one with a
//! pronoun suffix (زيارته): its genitive, the adjectives after it, the agent
//! before it or of the verb that holds it, its owner, and the من/إلى/مع
//! phrases close to it.

use super::candidates::{first_of, Candidates};
use super::coordination::nationality_pair;
use super::{Mark, Pair, Sent, AGENT_REACH, NOUN_REACH, OBJECT_REACH};
use crate::entities::{Actor, ActorKind};
use crate::events::cues::{Cue, Cues};
use crate::events::{clauses, strip_conj, TriggerInfo};
use crate::model::EventKind;

/// The source and target of the noun trigger at `tf..=tl` (`owned` when it
/// has a pronoun suffix), or why it is no event.
pub(super) fn noun_reading<'a>(
    trig: &TriggerInfo,
    owned: bool,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    c: &Candidates<'a>,
    rule: &mut String,
) -> Result<Pair<'a>, &'static str> {
    if !owned && nationality_pair(&s.actors, tl).is_some() {
        // المباحثات السعودية الأمريكية: the two adjectives are the sides
        let (a, b) = nationality_pair(&s.actors, tl).unwrap_or_default();
        if a.is_none() {
            return Err("one state's own affair (اللقاءات الفلسطينية الفلسطينية)");
        }
        rule.push_str(", the sides named by two adjectives after the noun");
        return Ok((a, b));
    }
    // the genitive right after the noun: its agent (زيارة الرئيس), but
    // the invitee of an invitation (دعوة بوتين لزيارة بغداد)
    let genitive = if owned {
        None
    } else {
        c.after
            .iter()
            .find(|(a, m)| *m == Mark::None && a.first == tl + 1)
            .map(|x| x.0)
    };
    // ... unless the invitee follows with لـ/إلى (دعوة الحكومة العراقية للرئيس السوري)
    let (gen_source, gen_target) = if trig.kind == EventKind::Invitation && c.to_after.is_none() {
        (None, genitive)
    } else {
        (genitive, None)
    };
    let source = noun_source(trig, owned, (tf, tl), s, c, gen_source, rule);
    let target = noun_target(trig, (tf, tl), c, source, gen_target);
    // what a speaker says of an interaction (وقالت الصين، حليف كوريا
    // الشمالية، إن الاجتماع خلق تاريخا): both sides named before the إن that
    // opens the noun's clause are the speaker and his apposition, not the
    // noun's sides (the speaker's own لقاءاته is his)
    if let (false, Some(a), Some(b)) = (owned, source, target) {
        let toks = &s.tokens.tokens;
        let last = a.last.max(b.last);
        if last < tf
            && (tf.saturating_sub(2).max(last + 1)..tf).any(|i| strip_conj(&toks[i].text) == "ان")
        {
            return Err("an interaction spoken of: both sides before what is said");
        }
    }
    rule.push_str(", noun with من/إلى/مع arguments");
    Ok((source, target))
}

/// The agent of a noun: after من, its genitive, the agent of the verb or
/// relative clause that holds it, or the subject before it; an owned noun's
/// owner.
fn noun_source<'a>(
    trig: &TriggerInfo,
    owned: bool,
    (tf, tl): (usize, usize),
    s: &Sent<'a>,
    c: &Candidates<'a>,
    gen_source: Option<&'a Actor>,
    rule: &mut String,
) -> Option<&'a Actor> {
    let toks = &s.tokens.tokens;
    let sent = &s.tokens.sentences[toks[tf].sentence];
    // a noun's agent before it stands within a clause's reach of it
    // (عقد الرئيس الروسي ... محادثات), a bare adjective close to it
    // (عقد الوفد السوري مباحثات): further back they belong to
    // another noun (الانسحاب الأميركي من الاتفاق ... والمشاورات);
    // a visit's destination anchors it, so its visitor may be far
    let agent_before = c.subject_before.filter(|a| {
        if a.kind == ActorKind::Adjective {
            a.last + OBJECT_REACH >= tf
        } else {
            trig.kind == EventKind::Visit || a.last + AGENT_REACH >= tf
        }
    });
    let held_by = held_by(tf, s, c);
    let relative_agent = relative_agent(tl, s, c);
    if c.from.is_none() && gen_source.is_none() && !owned {
        if relative_agent.is_some() {
            rule.push_str(", the agent of the relative clause after the noun");
        } else if held_by.is_some() {
            rule.push_str(", the subject of the verb that holds the noun");
        }
    }
    let held_by = relative_agent.or(held_by);
    let mut source = if owned {
        owner((tf, tl), s, c).or(c.subject_before).or(c.from)
    } else {
        c.from.or(gen_source).or(held_by).or(agent_before)
    };
    // a fronted phrase (وخلال استقباله الوزير الأردني، أكد الرئيس
    // السوري): the owner is the subject of the clause after the comma
    if owned && source.is_none() && tf <= sent.first + 3 && c.before.is_empty() {
        let comma = ((tl + 1)..=sent.last).find(|&i| toks[i].punct == Some(','));
        source = comma.and_then(|comma| {
            c.after
                .iter()
                .find(|(a, m)| a.first >= comma && *m == Mark::None)
                .map(|x| x.0)
        });
        if source.is_some() {
            rule.push_str(", owned by the subject after the fronted phrase");
        }
    }
    source
}

/// A verb that holds the noun starting at `tf` with no subject after it
/// (بعد أن أجرت محادثات مع بريطانيا): the clause's subject, however far back.
fn held_by<'a>(tf: usize, s: &Sent<'a>, c: &Candidates<'a>) -> Option<&'a Actor> {
    let cues = Cues::builtin();
    let toks = &s.tokens.tokens;
    let sent = &s.tokens.sentences[toks[tf].sentence];
    (tf.saturating_sub(2).max(sent.first)..tf)
        .find(|&i| cues.is(Cue::Light, strip_conj(&toks[i].text)))
        .filter(|&lv| !c.before.iter().any(|(a, _)| a.first > lv))
        // تم عقد مباحثات: a verbal noun after an auxiliary, no verb
        .filter(|&lv| lv == sent.first || !cues.is(Cue::Passive, strip_conj(&toks[lv - 1].text)))
        // (a subject right before the verb first: الرئيس ترمب ... مضيفا أن
        // الرئيس الفرنسي ماكرون سيجري اتصالا is Macron's call)
        .and_then(|lv| {
            let subject = |a: &Actor, m: Mark| {
                m == Mark::None && a.kind != ActorKind::Adjective && a.last < lv
            };
            let adjacent = c
                .before
                .iter()
                .find(|(a, m)| subject(a, *m) && a.last + 1 == lv)
                .map(|x| x.0);
            adjacent.or_else(|| {
                c.before
                    .iter()
                    .find(|(a, m)| {
                        *m == Mark::None
                            && a.last < lv
                            && a.kind != ActorKind::Adjective
                            && !clauses::opens_between(s.tokens, a.last, tf)
                    })
                    .map(|x| x.0)
            })
        })
}

/// الزيارة التي قام بها X، المحادثات التي أجراها X: the agent of the
/// relative clause right after the noun ending at `tl`.
fn relative_agent<'a>(tl: usize, s: &Sent<'a>, c: &Candidates<'a>) -> Option<&'a Actor> {
    let cues = Cues::builtin();
    let toks = &s.tokens.tokens;
    let sent = &s.tokens.sentences[toks[tl].sentence];
    ((tl + 1)..=(tl + 3).min(sent.last))
        .find(|&i| cues.is(Cue::Relative, &toks[i].text))
        .filter(|&r| r < sent.last && cues.is(Cue::Undertake, strip_conj(&toks[r + 1].text)))
        .and_then(|r| {
            // (past the agent's titles: التي قام بها ولي ولي العهد،
            // النائب الثاني لرئيس مجلس الوزراء وزير الدفاع السعودي)
            c.after
                .iter()
                .find(|(a, _)| a.first > r + 1)
                .filter(|(a, m)| {
                    *m == Mark::None
                        && a.first <= r + NOUN_REACH + 4
                        && !clauses::opens_between(s.tokens, r + 1, a.first)
                })
                .map(|x| x.0)
        })
}

/// The owner a noun's pronoun suffix speaks of.
fn owner<'a>((tf, tl): (usize, usize), s: &Sent<'a>, c: &Candidates<'a>) -> Option<&'a Actor> {
    let toks = &s.tokens.tokens;
    // a pronoun suffix speaks of the clause's subject (بومبيو يتحدث عن
    // مطالب من إيران خلال زيارته): a من-phrase before it is another noun's
    // ... a person's, past the objects of its verb (وصف ترامب روسيا
    // والصين بالأعداء عشية قمته)
    let his = {
        let t = toks[tl].text.as_str();
        t.ends_with('ه') && !t.ends_with("ها") && !t.ends_with("هما") && !t.ends_with("هم")
    };
    c.before
        .iter()
        .rev()
        .filter(|_| his)
        .find(|(a, m)| {
            *m == Mark::None
                && matches!(a.kind, ActorKind::Person | ActorKind::Office)
                && !clauses::parts_owner(s.tokens, a.last, tf)
        })
        .map(|x| x.0)
}

/// The counterpart of a noun whose agent is `source`.
fn noun_target<'a>(
    trig: &TriggerInfo,
    (tf, tl): (usize, usize),
    c: &Candidates<'a>,
    source: Option<&'a Actor>,
    gen_target: Option<&'a Actor>,
) -> Option<&'a Actor> {
    let src_first = first_of(source);
    // a noun's arguments stand close to it
    let close = |a: &&Actor| a.first <= tl + NOUN_REACH;
    let target = gen_target
        .or(c.to_after.filter(close))
        .or(c.with.filter(close))
        .or(c.to_before)
        .filter(|a| Some(a.first) != src_first);
    if target.is_some() || trig.kind == EventKind::Visit {
        return target;
    }
    c.after
        .iter()
        .filter(|(a, m)| a.first <= tl + NOUN_REACH && *m != Mark::From)
        .chain(
            c.before
                .iter()
                .rev()
                .filter(|(a, _)| a.last + NOUN_REACH >= tf),
        )
        .find(|(a, _)| {
            Some(a.first) != src_first && a.country != source.and_then(|s| s.country.clone())
        })
        .map(|x| x.0)
}
