//! Names with their lineage: a mention grows over the بن chain that goes on
//! after it or stands inside it, and what was read as other people inside
//! the grown name goes.

use super::words::{is_kunya, is_son_of};
use super::{Annotations, Ctx};
use crate::tokenize::Gap;

/// A known name written with its lineage inside it: "عادل بن أحمد الجبير"
/// for the lexicon's "عادل الجبير" is one mention of that person (not
/// "عادل بن أحمد" and "الجبير"): a mention of the family name preceded by
/// the person's given name and a بن chain grows back over them.
pub(super) fn inserted_lineage(ctx: &Ctx, ann: &mut Annotations) {
    let is_link = is_son_of;
    let mut grown: Vec<(usize, usize, usize)> = Vec::new();
    for (p, e) in ann.people.iter().enumerate() {
        let (Some(given), Some(family)) = (e.key.first(), e.key.last()) else {
            continue;
        };
        if e.lexicon.is_none() || e.key.len() != 2 {
            continue;
        }
        for (k, m) in e.mentions.iter().enumerate() {
            if m.first != m.last || ctx.word(m.first) != family || m.prefix > 0 {
                continue;
            }
            // G بن X [بن Y] FAMILY: walk back over pairs (link, name)
            let mut j = m.first;
            let mut start = None;
            while j >= 3 && m.first - j < 6 {
                if ctx.tokens[j].gap != Gap::Space || !is_link(ctx.word(j - 2)) {
                    break;
                }
                if ctx.tokens[j - 1].gap != Gap::Space || ctx.tokens[j - 2].gap != Gap::Space {
                    break;
                }
                if ctx.word(j - 3) == given.as_str() {
                    start = Some(j - 3);
                    break;
                }
                j -= 2;
            }
            if let Some(first) = start {
                grown.push((p, k, first));
            }
        }
    }
    for &(p, k, first) in &grown {
        let m = &mut ann.people[p].mentions[k];
        for a in ann.actors.iter_mut() {
            if a.person == Some(p) && a.first == m.first {
                a.first = first;
                a.prefix = 0;
            }
        }
        m.first = first;
        m.rule = "lexicon name with its lineage inside (عادل بن أحمد الجبير)";
    }
    let spans: Vec<(usize, usize, usize)> = grown
        .iter()
        .map(|&(p, k, _)| {
            let m = &ann.people[p].mentions[k];
            (m.first, m.last, p)
        })
        .collect();
    if spans.is_empty() {
        return;
    }
    // the pieces the lineage was read as (a context person "عادل بن أحمد") go
    drop_others_inside(ann, &spans);
}

/// A name goes on through its lineage: "محمد بن سلمان" followed by "بن
/// عبدالعزيز آل سعود" is one mention of the fuller name, and a name that
/// stops on بن is completed ("خالد بن" + "سلطان بن عبد العزيز": Khalid bin
/// Sultan, not Sultan bin Abdulaziz). Another person's mention inside the
/// lineage is part of it and goes.
pub(super) fn extend_lineage(ctx: &Ctx, ann: &mut Annotations) {
    let n = ctx.tokens.len();
    let r = ctx.r;
    let name_word = |j: usize| {
        j < n
            && ctx.tokens[j].gap == Gap::Space
            && ctx.word(j).chars().count() >= 2
            && !r.is_common(ctx.word(j))
            && !ctx.word(j).chars().any(|c| c.is_ascii_digit())
    };
    let is_link = |w: &str| is_son_of(w) || w == "ال";
    // (person, mention index, new last token)
    let mut grown: Vec<(usize, usize, usize)> = Vec::new();
    for (p, e) in ann.people.iter().enumerate() {
        for (k, m) in e.mentions.iter().enumerate() {
            let mut last = m.last;
            // a name cut on its link word (خالد بن) resumes after it
            let mut j = if is_link(ctx.word(last)) && last > m.first {
                last
            } else {
                last + 1
            };
            while j + 1 < n && j < m.last + 12 && is_link(ctx.word(j)) && name_word(j) {
                let mut next = j + 1;
                if !name_word(next) {
                    break;
                }
                // عبد الله, أبو بكر: two words
                if (ctx.word(next) == "عبد" || is_kunya(ctx.word(next))) && name_word(next + 1) {
                    next += 1;
                }
                last = next;
                j = next + 1;
            }
            if last > m.last {
                grown.push((p, k, last));
            }
        }
    }
    if grown.is_empty() {
        return;
    }
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    for &(p, k, last) in &grown {
        let m = &mut ann.people[p].mentions[k];
        spans.push((m.first, last, p));
        for a in ann.actors.iter_mut() {
            if a.person == Some(p) && a.last == m.last && a.first <= m.first {
                a.last = last;
            }
        }
        m.last = last;
        m.rule = "name + lineage (بن ... آل ...)";
        let key: Vec<String> = (m.first..=last).map(|t| ctx.word(t).to_string()).collect();
        if key.len() > ann.people[p].key.len() && ann.people[p].lexicon.is_none() {
            ann.people[p].key = key;
        }
    }
    // mentions of others inside a grown lineage are part of it
    drop_others_inside(ann, &spans);
}

/// Mentions and actors of other people inside the spans `(first, last,
/// person)` of a person's grown name are part of that name: they go.
fn drop_others_inside(ann: &mut Annotations, spans: &[(usize, usize, usize)]) {
    for (q, e) in ann.people.iter_mut().enumerate() {
        e.mentions.retain(|m| {
            !spans
                .iter()
                .any(|&(f, l, p)| p != q && f <= m.first && m.last <= l)
        });
    }
    ann.actors.retain(|a| {
        a.person.is_none_or(|q| {
            !spans
                .iter()
                .any(|&(f, l, p)| p != q && f <= a.first && a.last <= l)
        })
    });
}
