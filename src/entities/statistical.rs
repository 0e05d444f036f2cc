//! The statistical tagger's vote: it checks, widens and completes the
//! people found from context, and adds the organizations only it finds.

use super::names::new_person;
use super::words::{bare_word, is_kunya, is_name_link, is_son_of, proclitic_verbal_noun};
use super::{ActorKind, Annotations, Ctx, HashMap, Item, MentionRef, OrgMention};

/// Organizations only the statistical tagger found (a ministry, a party, a
/// company the lexicons do not list): reported as organizations of unknown
/// kind where no entity of the rules covers any of their words. They are
/// mentions only, never an event's side (they have no state).
///
/// A city the tagger reads, from its context, as an organization (فاز
/// برشلونة على ليفربول: the clubs) is one: the tagger's span wins over the
/// places inside it, which are dropped with the country they implied.
/// Capitals and regions stay places (أعلنت موسكو is the state speaking), and
/// so does a city after "in" (في برشلونة، ببرشلونة).
fn statistical_organizations(ctx: &Ctx, ann: &mut Annotations, tagged: &[crate::tagger::Span]) {
    use crate::lexicon::PlaceKind;
    use crate::tagger::EntityType;
    for s in tagged.iter().filter(|s| s.kind == EntityType::Organization) {
        let mut cities = false;
        let free = (s.first..=s.last).all(|t| match ctx.item_at(t) {
            None => true,
            Some((at, Item::Place(p))) => {
                // في برشلونة، ببرشلونة: in the city
                let located = ctx.word(at.first).starts_with('ب') && at.prefix > 0
                    || at.first > 0 && ctx.word(at.first - 1) == "في";
                let city = matches!(ctx.r.lex.places[*p].kind, PlaceKind::City)
                    && !located
                    && s.first <= at.first
                    && at.last <= s.last;
                cities |= city;
                city
            }
            Some(_) => false,
        }) && !ann
            .organizations
            .iter()
            .any(|o| o.at.first <= s.last && s.first <= o.at.last);
        // one short word alone is too little
        let enough = s.last > s.first || ctx.word(s.first).chars().count() >= 3;
        if !(free && enough) {
            continue;
        }
        if cities {
            let inside = |at: &MentionRef| s.first <= at.first && at.last <= s.last;
            ann.places.retain(|p| !inside(&p.at));
            ann.countries
                .retain(|c| !(c.form == "city" && inside(&c.at)));
            ann.actors.retain(|a| {
                !(a.kind == ActorKind::Place && s.first <= a.first && a.last <= s.last)
            });
        }
        ann.organizations.push(OrgMention {
            name: String::new(),
            name_en: None,
            kind: "other".into(),
            country: None,
            at: MentionRef {
                first: s.first,
                last: s.last,
                prefix: 0,
                rule: if cities {
                    "statistical tagger, over a city"
                } else {
                    "statistical tagger"
                },
            },
        });
    }
}

/// The statistical tagger (see `tagger`) checks and completes the people
/// found from context: a context name it does not see as a person is
/// dropped, a name it sees longer is widened, and a person name it finds
/// where no rule found anything is added. Lexicon people are kept as they are.
pub(super) fn statistical_people(ctx: &mut Ctx, ann: &mut Annotations) {
    use crate::tagger::{EntityType, Tagger};
    let tagged = Tagger::builtin().tag(ctx.tokens);
    statistical_organizations(ctx, ann, &tagged);
    let spans: Vec<(usize, usize)> = tagged
        .into_iter()
        .filter(|s| s.kind == EntityType::Person)
        .map(|s| (s.first, s.last))
        .collect();
    // spans are sorted and disjoint: the one that can overlap [f, l] is the last starting at or before l
    let around = |l: usize| {
        spans
            .partition_point(|&(a, _)| a <= l)
            .checked_sub(1)
            .map(|k| spans[k])
    };
    let touches = |f: usize, l: usize| around(l).is_some_and(|(_, b)| f <= b);
    // widen, then drop
    let mut by_person: HashMap<usize, Vec<usize>> = HashMap::default();
    for (k, a) in ann.actors.iter().enumerate() {
        if let Some(p) = a.person {
            by_person.entry(p).or_default().push(k);
        }
    }
    let mut dropped_any = false;
    let mut nisbas: Vec<(usize, usize)> = Vec::new();
    for p in 0..ann.people.len() {
        if ann.people[p].lexicon.is_some() {
            continue;
        }
        let mut kept = Vec::new();
        let mut recut = false;
        for m in std::mem::take(&mut ann.people[p].mentions) {
            if !touches(m.first, m.last) {
                for t in m.first..=m.last {
                    ctx.cover[t] = None;
                }
                continue;
            }
            let mut m = m;
            // a name of the rules that goes on past the tagger's, which starts
            // with it, ends with the tagger's (هوانغ يصمم: "Huang designs",
            // الشيخ محمد يزبك المسؤول)
            let cut = around(m.first).filter(|&(a, b)| {
                a == m.first
                    && b < m.last
                    && !is_name_link(ctx.word(b))
                    && matches!(m.rule, "given name + family name" | "title + name")
                    && no_family_name(ctx, b + 1)
            });
            if let Some((_, b)) = cut {
                for t in b + 1..=m.last {
                    ctx.cover[t] = None;
                }
                for &k in by_person.get(&p).into_iter().flatten() {
                    let act = &mut ann.actors[k];
                    if act.first == m.first && act.last == m.last {
                        act.last = b;
                    }
                }
                m.last = b;
                m.rule = "context name cut by the statistical tagger";
                recut = true;
                kept.push(m);
                continue;
            }
            // the tagger's span is cut before a word that opens another
            // phrase (الأمير سلطان وليكوتا: "and Lekota")
            let span = around(m.first)
                .map(|(a, b)| (widened_start(ctx, m.first, a), widened_end(ctx, m.last, b)));
            if let Some((a, b)) =
                span.filter(|&(a, b)| a <= m.first && m.last <= b && (b - a) > (m.last - m.first))
            {
                // a nationality adjective after the name that the tagger
                // takes into it is a family name (فيصل السويدي، أبو حمزة المصري)
                let nisba = |t: usize| {
                    t > m.last
                        && matches!(ctx.item_at(t), Some((at, Item::Adjective(_))) if at.first == t && at.last == t && at.prefix == 0)
                };
                let free = (a..=b)
                    .all(|t| (m.first..=m.last).contains(&t) || ctx.cover[t].is_none() || nisba(t));
                if free {
                    if (m.last + 1..=b).any(nisba) {
                        nisbas.push((m.last + 1, b));
                    }
                    for &k in by_person.get(&p).into_iter().flatten() {
                        let act = &mut ann.actors[k];
                        if act.first == m.first {
                            act.first = act.first.min(a);
                            act.last = act.last.max(b);
                        }
                    }
                    // the words it takes are its own (no surname mention
                    // of it inside it later)
                    let item = ctx.cover[m.first];
                    for t in a..=b {
                        ctx.cover[t] = item;
                    }
                    m.first = a;
                    m.last = b;
                    m.prefix = 0;
                    m.rule = "context name widened by the statistical tagger";
                }
            }
            kept.push(m);
        }
        if kept.is_empty() {
            for &k in by_person.get(&p).into_iter().flatten() {
                ann.actors[k].person = None;
            }
            dropped_any = true;
        } else {
            // the name is the longest mention, once one was cut
            let m = if recut {
                *kept
                    .iter()
                    .max_by_key(|m| m.last - m.first)
                    .unwrap_or(&kept[0])
            } else {
                kept[0]
            };
            let key: Vec<String> = (m.first..=m.last)
                .map(|t| ctx.word(t).to_string())
                .collect();
            if recut || key.len() > ann.people[p].key.len() {
                ann.people[p].key = key;
            }
        }
        ann.people[p].mentions = kept;
    }
    // a nisba taken into a name is no mention of its country (its actor,
    // inside the person's, goes with the other actors inside longer ones)
    if !nisbas.is_empty() {
        ann.countries.retain(|c| {
            !(c.form == "adjective"
                && nisbas
                    .iter()
                    .any(|&(f, l)| f <= c.at.first && c.at.last <= l))
        });
    }
    if dropped_any {
        ann.actors.retain(|x| {
            !(x.kind == ActorKind::Person && x.person.is_none() && x.country.is_none())
        });
    }
    // add what only the tagger found
    let mut rejected_spans: Vec<(usize, usize)> = ann
        .rejected
        .iter()
        .map(|(m, _)| (m.first, m.last))
        .collect();
    rejected_spans.sort();
    for &(a, b) in &spans {
        let free = (a..=b).all(|t| match ctx.item_at(t) {
            None => true,
            Some((_, Item::Title(_))) => false,
            Some(_) => false,
        });
        // a reading the rules rejected (رئيسي = "main") stays rejected
        let k = rejected_spans.partition_point(|&(f, _)| f <= b);
        let rejected = k > 0 && rejected_spans[k - 1].1 >= a;
        let common_alone = a == b && ctx.r.is_common(ctx.word(a));
        if !(free && !rejected && !common_alone) {
            continue;
        }
        if let Some((a, b, bare)) = tagger_name_bounds(ctx, a, b) {
            if a == b && !lone_word_person(ctx, a, bare.as_deref()) {
                continue;
            }
            let p = new_person(ctx, ann, a, b, "statistical tagger");
            if let Some(bare) = bare {
                let prefix = ctx.word(a).chars().count() - bare.chars().count();
                ann.people[p].mentions[0].prefix = prefix;
                ann.people[p].key[0] = bare;
            }
        }
    }
}

/// The word at `t`, which the tagger leaves out of a name, is no family
/// name: a verb (يصمم، تشعر، ليعوض) or أو.
fn no_family_name(ctx: &Ctx, t: usize) -> bool {
    let w = ctx.word(t);
    let stem = w.strip_prefix('ل').unwrap_or(w);
    let verb = matches!(stem.chars().next(), Some('ي' | 'ت')) && stem.chars().count() >= 4;
    (verb && !ctx.r.is_given(w)) || w == "او"
}

/// Where a context name widened to the tagger's span ending at `b` ends: at
/// the word before one that opens another phrase, a conjunction (و، ف) or a
/// preposition on a verbal noun (لإتمام), unless that word is a given name.
/// Where a context name widened to the tagger's span starting at `a`
/// starts: a name that opens with a given name (or عبد، أبو) takes before it
/// only another given name (محمد علي ...) or a lineage (بن), not a noun (حبس صفوت الشريف،
/// لحنا محمد المغيص), and never across punctuation.
fn widened_start(ctx: &Ctx, first: usize, a: usize) -> usize {
    let r = ctx.r;
    let opens = |w: &str| r.is_given(w) || w == "عبد" || is_kunya(w) || is_son_of(w);
    // a noun: a common word, a definite one, a preposition on a verbal noun
    let noun = |w: &str| {
        !opens(bare_word(w))
            && (r.is_common(w)
                || r.is_common(bare_word(w))
                || w.starts_with("ال")
                || proclitic_verbal_noun(w))
    };
    let mut s = first;
    while s > a {
        let w = ctx.word(s - 1);
        let joined = ctx.tokens[s].gap == crate::tokenize::Gap::Space;
        if !joined || (opens(ctx.word(s)) && noun(w)) {
            break;
        }
        s -= 1;
    }
    s
}

/// A conjunction is told from a foreign name's first letter (ويليامز،
/// فيلدس) by what follows it: a given name, a common word, a definite word,
/// or a word the article writes alone elsewhere (و + ليكوتا).
fn widened_end(ctx: &Ctx, last: usize, b: usize) -> usize {
    let r = ctx.r;
    ((last + 1)..=b)
        .find(|&t| {
            let w = ctx.word(t);
            // not across punctuation (a comma, a bracket), but on through a
            // hyphen inside a name (تشونغ إيوي-يونغ، كيم يو -جونغ)
            let tok = &ctx.tokens[t];
            let joined = tok.gap == crate::tokenize::Gap::Space || tok.punct == Some('-');
            if !joined {
                return true;
            }
            if r.is_given(w) {
                return false;
            }
            let rest = w
                .strip_prefix('و')
                .or_else(|| w.strip_prefix('ف'))
                .filter(|rest| rest.chars().count() >= 3);
            let conjunction = rest.is_some_and(|rest| {
                r.is_given(rest)
                    || r.is_common(rest)
                    || rest.starts_with("ال")
                    || ctx.tokens.iter().any(|k| k.text == rest)
            });
            conjunction || proclitic_verbal_noun(w)
        })
        .map_or(b, |t| t - 1)
}

/// Nouns that name what the word after them is: a family, a club, a paper,
/// a company (normalized: ة is written ه, ئ ي).
const NOT_A_PERSON_BEFORE: &[&str] = &[
    "عائله",
    "اسره",
    "نادي",
    "فريق",
    "منتخب",
    "صحيفه",
    "جريده",
    "مجله",
    "قناه",
    "شركه",
    "مجموعه",
    "مصرف",
    "بنك",
    "وكاله",
    "حزب",
    "حركه",
    "ملعب",
    "استاد",
    "مطار",
    "جامعه",
    "مدينه",
    "بلده",
    "قريه",
    "عمليه",
    "مناوره",
    "مناورات",
    "مشروع",
    "برنامج",
    "فندق",
];

/// One word the tagger alone reads as a person is none in quotes (a paper,
/// a product, an operation: صحيفة "جوان") or after a noun that says what it
/// is (عائلة، نادي، شركة); a known given name always is one.
fn lone_word_person(ctx: &Ctx, a: usize, bare: Option<&str>) -> bool {
    let word = bare.unwrap_or(ctx.word(a));
    if ctx.r.is_given(word) {
        return true;
    }
    let quote = |c: Option<char>| matches!(c, Some('"' | '«' | '»' | '“' | '”' | '\'' | '‘' | '’'));
    let quoted = quote(ctx.tokens[a].punct)
        && ctx
            .tokens
            .get(a + 1)
            .is_none_or(|t| quote(t.punct) || t.gap == crate::tokenize::Gap::Break);
    let named_by = a > 0
        && ctx.tokens[a].gap == crate::tokenize::Gap::Space
        && NOT_A_PERSON_BEFORE.contains(&ctx.bare(a - 1));
    !(quoted || named_by)
}

/// The name inside a person span of the tagger: a conjunction or
/// preposition glued to the first word is left out when what follows it
/// is a name (وعبد الحليم، ولينا، after another name: مارتان براديل
/// وفنسنت برينغارت), and a last word that is a definite preposition
/// phrase (بالقاهرة، للإذاعة) or, after two name words, an imperfect verb
/// (يتعثر) is cut.
/// Returns the span and the first word without its proclitic, if cut.
fn tagger_name_bounds(ctx: &Ctx, a: usize, mut b: usize) -> Option<(usize, usize, Option<String>)> {
    let r = ctx.r;
    let first = ctx.word(a);
    let mut bare = None;
    let mut chars = first.chars();
    if let Some(c @ ('و' | 'ب' | 'ل')) = chars.next() {
        let rest = chars.as_str();
        let name_follows = r.is_given(rest) || rest == "عبد" || is_kunya(rest);
        let after_name = c == 'و'
            && a > 0
            && matches!(
                ctx.item_at(a - 1),
                Some((_, Item::Found(_) | Item::Person(..)))
            );
        if !r.is_given(first) && rest.chars().count() >= 3 && (name_follows || after_name) {
            if r.is_common(rest) {
                return None;
            }
            bare = Some(rest.to_string());
        }
    }
    while b > a {
        let last = ctx.word(b);
        let mut cs = last.chars();
        let lead = cs.next();
        let long = cs.as_str().chars().count() >= 3;
        let phrase = ((last.starts_with("بال") || last.starts_with("لل")) && long)
            || proclitic_verbal_noun(last);
        let verb = matches!(lead, Some('ي' | 'ت')) && long && b - a >= 2;
        // a name does not end on a common word (رحمه الله), but عبد الله does
        let prev = ctx.word(b - 1);
        let common = r.is_common(last) && prev != "عبد" && !is_kunya(prev);
        if (phrase || verb || common) && !r.is_given(last) {
            b -= 1;
        } else {
            break;
        }
    }
    // a name in Latin letters only is not an Arabic article's person
    let latin = (a..=b).all(|t| ctx.word(t).is_ascii());
    let common_alone = a == b && r.is_common(bare.as_deref().unwrap_or(ctx.word(a)));
    if latin || common_alone {
        return None;
    }
    Some((a, b, bare))
}

#[cfg(test)]
mod tests {
    use super::super::test_doc as doc;
    use crate::model::Document;

    #[test]
    fn a_city_the_tagger_reads_as_a_club_is_an_organization_but_not_in_the_city() {
        let d = doc(
            "وفاز برشلونة على ريال مدريد بهدفين في الدوري الإسباني. وأقيمت المباراة في برشلونة.",
        );
        let orgs: Vec<(&str, usize)> = d
            .organizations
            .iter()
            .flat_map(|o| o.mentions.iter().map(|m| (m.text.as_str(), m.start)))
            .collect();
        let places: Vec<&str> = d
            .places
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| m.text.as_str()))
            .collect();
        assert!(orgs.iter().any(|&(t, _)| t == "برشلونة"), "{orgs:?}");
        assert_eq!(places, ["برشلونة"], "{orgs:?}");
    }

    fn people(d: &Document) -> Vec<(&str, Vec<&str>)> {
        d.people
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.mentions.iter().map(|m| m.text.as_str()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_name_does_not_take_the_verb_after_it() {
        let d = doc("وقال المصمم العالمي هوانغ يصمم شعارات كثيرة للشركات الكبرى منذ سنوات.");
        assert_eq!(people(&d), [("هوانغ", vec!["هوانغ"])]);
    }

    #[test]
    fn a_name_the_tagger_widened_holds_its_surname() {
        // no second, surname-only mention inside the widened one
        let d =
            doc("وقال الوزير كويرالا إن الحكومة مستعدة. وأكد جيريجا براساد كويرالا أن الحوار مستمر.");
        let p = people(&d);
        assert_eq!(p.len(), 1, "{p:?}");
        let mut m = p[0].1.clone();
        m.sort();
        assert_eq!(m, ["جيريجا براساد كويرالا", "كويرالا"], "{p:?}");
    }

    #[test]
    fn a_nisba_the_tagger_takes_into_a_name_is_no_country() {
        let d = doc("وقال الشيخ فيصل السويدي نائب رئيس المركز إن المشروع مهم.");
        assert_eq!(people(&d), [("فيصل السويدي", vec!["فيصل السويدي"])]);
        assert!(d.countries.is_empty(), "{:?}", d.countries);
    }
}
