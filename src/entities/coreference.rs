//! One entity per person: surnames and short forms of a name used earlier,
//! spelling variants of foreign names, and given names that open a fuller
//! name are tied to the person they name.

use super::{Actor, ActorKind, Annotations, Ctx, HashMap, MentionRef, PersonEntity};

/// A context person named by the first word(s) of a fuller name used in the
/// article (مهاتير for مهاتير محمد, أشرف for أشرف القدرة, عبد الله for عبد الله
/// الثاني) is that person, when exactly one person's name starts so.
pub(super) fn merge_given_names(ctx: &Ctx, ann: &mut Annotations) {
    let forms: Vec<Vec<Vec<&str>>> = ann
        .people
        .iter()
        .map(|e| {
            e.mentions
                .iter()
                .map(|m| {
                    (m.first..=m.last)
                        .map(|t| {
                            let w = ctx.word(t);
                            if t == m.first {
                                w.char_indices().nth(m.prefix).map_or("", |(b, _)| &w[b..])
                            } else {
                                w
                            }
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let mut into: Vec<(usize, usize)> = Vec::new();
    for (p, e) in ann.people.iter().enumerate() {
        if e.lexicon.is_some() || e.mentions.is_empty() || e.key.is_empty() || e.key.len() > 2 {
            continue;
        }
        // every mention of p is its short form
        let short = &forms[p];
        if short.iter().any(|f| f.len() != e.key.len()) {
            continue;
        }
        // or a lexicon person named in the article whose name starts so
        // (الأمير سلطان for سلطان بن عبد العزيز, الملك عبدالله for عبد الله
        // الثاني), the compound written joined or apart
        let starts = |q: usize| {
            forms[q]
                .iter()
                .any(|f| f.len() > short[0].len() && f[..short[0].len()] == short[0][..])
                || (ann.people[q].lexicon.is_some()
                    && !ann.people[q].mentions.is_empty()
                    && key_starts_with(&ann.people[q].key, &short[0]))
        };
        let mut qs = (0..ann.people.len()).filter(|&q| q != p && starts(q));
        if let (Some(q), None) = (qs.next(), qs.next()) {
            into.push((p, q));
        }
    }
    for &(p, q) in &into {
        let moved = std::mem::take(&mut ann.people[p].mentions);
        ann.people[q].mentions.extend(moved);
        let country = ann.people[q].country.clone();
        for a in ann.actors.iter_mut() {
            if a.person == Some(p) {
                a.person = Some(q);
                if country.is_some() {
                    a.country = country.clone();
                }
            }
        }
    }
}

/// `key` (a lexicon name's words) starts with the words of `short`, read
/// without the spaces between them (عبدالله = عبد الله), and goes on after them.
fn key_starts_with(key: &[String], short: &[&str]) -> bool {
    let mut want = short.iter().flat_map(|w| w.chars());
    let mut words = key.iter();
    loop {
        let Some(word) = words.next() else {
            return false;
        };
        for c in word.chars() {
            if want.next() != Some(c) {
                return false;
            }
        }
        let mut rest = want.clone();
        if rest.next().is_none() {
            // the short form ends with this word: the name goes on after it
            return words.next().is_some();
        }
    }
}

/// Merge context people with each other and with lexicon people: short
/// forms (surname), spelling variants of foreign names.
pub(super) fn merge_people(ctx: &mut Ctx, ann: &mut Annotations) {
    // surname-only mentions of context people found later in the text
    let n = ctx.tokens.len();
    let mut surnames: Vec<(String, usize)> = Vec::new();
    for (p, e) in ann.people.iter().enumerate() {
        // context people, and lexicon people named in this document (their
        // surname in another transliteration: لافرينيتييف for لافرنتييف)
        if e.key.len() >= 2 && !e.mentions.is_empty() {
            let last = e.key.last().unwrap().clone();
            if last.chars().count() >= 4
                && !ctx.r.is_common(&last)
                && !ctx.r.is_common(last.strip_prefix("ال").unwrap_or(&last))
                && !ctx.r.adjective_keys.contains(&last)
            {
                surnames.push((last, p));
            }
        }
    }
    // surnames by first letter: a document's cost stays linear in its length
    let mut by_initial: HashMap<char, Vec<(String, usize)>> = HashMap::default();
    for (sname, p) in surnames {
        let list = by_initial
            .entry(sname.chars().next().unwrap_or(' '))
            .or_default();
        if !list.iter().any(|(x, _)| *x == sname) {
            list.push((sname, p));
        }
    }
    let mut buf = String::new();
    for i in 0..n {
        if by_initial.is_empty() {
            break;
        }
        if ctx.item_at(i).is_some() {
            continue;
        }
        let mut found = None;
        crate::tokenize::for_each_clitic_split(ctx.word(i), &mut buf, |bare_len, stem| {
            let Some(cands) = by_initial.get(&stem.chars().next().unwrap_or(' ')) else {
                return false;
            };
            // the very surname before another's spelling (بوتينا is Butina's,
            // not a spelling of بوتين when both are named)
            found = cands
                .iter()
                .find(|(s, _)| *s == stem)
                .or_else(|| {
                    cands
                        .iter()
                        .find(|(s, _)| stem.chars().count() >= 5 && similar_foreign(s, stem))
                })
                .map(|x| (bare_len, x.1));
            found.is_some()
        });
        if let Some((bare_len, p)) = found {
            let at = MentionRef {
                first: i,
                last: i,
                prefix: bare_len,
                rule: "surname of a person named earlier",
            };
            ann.people[p].mentions.push(at);
            ann.actors.push(Actor {
                first: i,
                last: i,
                kind: ActorKind::Person,
                country: ann.people[p].country.clone(),
                person: Some(p),
                role: None,
                place: None,
                prefix: 0,
            });
        }
    }
    // context people equal to (or a spelling variant of) another person
    // people with the same key are one at once; the pairwise comparison then
    // runs over distinct names only, not over every mention of a long document
    let mut first_with: HashMap<(Option<usize>, Vec<String>), usize> = HashMap::default();
    let mut reps: Vec<usize> = Vec::new();
    let mut target: Vec<usize> = Vec::with_capacity(ann.people.len());
    for (a, person) in ann.people.iter().enumerate() {
        let key = (person.lexicon, person.key.clone());
        let t = match first_with.get(&key) {
            Some(&b) => b,
            None => {
                // the same name written alike before another's spelling of it
                let t = reps
                    .iter()
                    .copied()
                    .find(|&b| same_person(person, &ann.people[b], false))
                    .or_else(|| {
                        reps.iter()
                            .copied()
                            .find(|&b| same_person(person, &ann.people[b], true))
                    })
                    .unwrap_or(a);
                if t == a {
                    reps.push(a);
                }
                first_with.insert(key, t);
                t
            }
        };
        target.push(t);
    }
    for (a, &b) in target.iter().enumerate() {
        if b == a {
            continue;
        }
        let moved = std::mem::take(&mut ann.people[a].mentions);
        let roles = std::mem::take(&mut ann.people[a].roles);
        let (c, w) = (ann.people[a].country.clone(), ann.people[a].country_weight);
        let pb = &mut ann.people[b];
        pb.mentions.extend(moved);
        for r in roles {
            if !pb.roles.contains(&r) {
                pb.roles.push(r);
            }
        }
        if w > pb.country_weight {
            pb.country = c;
            pb.country_weight = w;
        }
        if ann.people[a].key.len() > ann.people[b].key.len() && ann.people[b].lexicon.is_none() {
            ann.people[b].key = ann.people[a].key.clone();
        }
    }
    for act in ann.actors.iter_mut() {
        if let Some(p) = act.person {
            act.person = Some(target[p]);
        }
    }
    // propagate final countries to actors
    for act in ann.actors.iter_mut() {
        if let Some(p) = act.person {
            if ann.people[p].country.is_some() {
                act.country = ann.people[p].country.clone();
            }
        }
    }
}

/// `fuzzy`: a surname may also be another spelling of the other's.
fn same_person(a: &PersonEntity, b: &PersonEntity, fuzzy: bool) -> bool {
    let similar_foreign = |x: &str, y: &str| x == y || (fuzzy && similar_foreign(x, y));
    if a.lexicon.is_some() && a.lexicon == b.lexicon {
        return true;
    }
    if a.lexicon.is_some() && b.lexicon.is_some() {
        return false;
    }
    let (ka, kb) = (&a.key, &b.key);
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    // first and last tokens agree (أسعد الشيباني / أسعد حسن الشيباني)
    if ka.len() >= 2
        && kb.len() >= 2
        && ka[0] == kb[0]
        && (ka.last() == kb.last() || similar_foreign(ka.last().unwrap(), kb.last().unwrap()))
    {
        return true;
    }
    // one is the other's name from its particle or lineage on (دي نيكولو for
    // أنطونيو دي نيكولو, بن أحمد for خالد بن أحمد)
    let (short, long) = if ka.len() < kb.len() {
        (ka, kb)
    } else {
        (kb, ka)
    };
    if short.len() >= 2
        && short.len() < long.len()
        && long.ends_with(short)
        && matches!(
            short[0].as_str(),
            "بن" | "ابن" | "بنت" | "دي" | "دو" | "دا" | "ديلا" | "فان" | "فون"
        )
    {
        return true;
    }
    // one is the other's surname
    (ka.len() == 1
        && kb.len() >= 2
        && (kb.last() == ka.first() || similar_foreign(&ka[0], kb.last().unwrap())))
        || (kb.len() == 1
            && ka.len() >= 2
            && (ka.last() == kb.first() || similar_foreign(&kb[0], ka.last().unwrap())))
}

/// Transliteration variants of one foreign name: same consonant skeleton
/// (long vowels removed), or one letter apart when long enough.
pub fn similar_foreign(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 4 || lb < 4 {
        return false;
    }
    let consonant = |c: &char| !matches!(c, 'ا' | 'و' | 'ي' | 'ى');
    // (not Arabic nouns with the article: الدخول is no spelling of الدخيل)
    if la.min(lb) >= 6
        && !a.starts_with("ال")
        && !b.starts_with("ال")
        && a.chars().filter(consonant).count() >= 4
        && a.chars().filter(consonant).eq(b.chars().filter(consonant))
    {
        return true;
    }
    // one letter apart: only foreign-looking names, not Arabic nouns with the article
    la.min(lb) >= 5
        && la.abs_diff(lb) <= 1
        && !a.starts_with("ال")
        && !b.starts_with("ال")
        && within_one_edit(a, b)
}

/// Levenshtein distance at most 1, without allocating.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (a.chars(), b.chars());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p == q => continue,
            (p, q) => {
                // one substitution, insertion or deletion, then the rests are equal
                let (rx, ry) = (x.clone(), y.clone());
                let sub = rx.clone().eq(ry.clone());
                let del = q.is_some() && p.is_some() && {
                    let mut yy = std::iter::once(q.unwrap()).chain(ry.clone());
                    let xx = rx.clone();
                    xx.eq(yy.by_ref())
                };
                let ins = p.is_some() && q.is_some() && {
                    let xx = std::iter::once(p.unwrap()).chain(rx.clone());
                    xx.eq(ry.clone())
                };
                let tail = (p.is_none() && ry.clone().next().is_none())
                    || (q.is_none() && rx.clone().next().is_none());
                return sub || del || ins || tail;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_are_similar() {
        for v in ["لافرينيتييف", "لافرنتييف", "لافرينتيف"] {
            assert!(similar_foreign("لافرينتييف", v), "{v}");
        }
        assert!(similar_foreign("اوبير", "اويير"));
        assert!(!similar_foreign("الكاظمي", "الكعبي"));
        assert!(!similar_foreign("حسين", "حسن"));
        assert!(!similar_foreign("الدخيل", "الدخول"));
    }
}
