//! The lexicon's mentions: each classified hit becomes its mention (a
//! person of the lexicon, a country, a place, an organization, an
//! institution with the state its adjective names, a title to read later)
//! and, where it can take part in an event, an actor.

use super::{
    Actor, ActorKind, Annotations, CountryMention, Ctx, HashMap, HashSet, Item, MentionRef,
    OrgMention, PersonEntity, PlaceMention, Strength,
};
use crate::gazetteer::form_key;

/// Record the mentions and actors of the classified hits. Returns, for each
/// lexicon person named, the person of the document.
pub(super) fn lexicon_mentions(ctx: &Ctx, ann: &mut Annotations) -> HashMap<usize, usize> {
    let r = ctx.r;
    let mut person_of_lex: HashMap<usize, usize> = HashMap::default();
    let items = ctx.items.clone();
    // titles: find the person or office they introduce
    let consumed: HashSet<usize> = HashSet::default();
    for (k, (at, item)) in items.iter().enumerate() {
        match item {
            Item::Person(i, s) => {
                let p = *person_of_lex.entry(*i).or_insert_with(|| {
                    let e = &r.lex.people[*i];
                    ann.people.push(PersonEntity {
                        name: e.name.clone(),
                        key: form_key(r.nz, &e.name)
                            .split(' ')
                            .map(String::from)
                            .collect(),
                        lexicon: Some(*i),
                        country: e.country.clone(),
                        country_weight: if e.country.is_some() { 3 } else { 0 },
                        roles: e
                            .roles
                            .iter()
                            .filter(|r| !r.starts_with("former"))
                            .cloned()
                            .collect(),
                        mentions: Vec::new(),
                    });
                    ann.people.len() - 1
                });
                let rule = match s {
                    Strength::Full => "lexicon: full name",
                    Strength::Alias => "lexicon: alias",
                    Strength::Weak => "lexicon: ambiguous alias, resolved by context",
                };
                ann.people[p].mentions.push(MentionRef { rule, ..*at });
                if !consumed.contains(&k) {
                    ann.actors.push(Actor {
                        first: at.first,
                        last: at.last,
                        kind: ActorKind::Person,
                        country: ann.people[p].country.clone(),
                        person: Some(p),
                        role: None,
                        place: None,
                        prefix: at.prefix,
                    });
                }
            }
            Item::Country(c, form) => {
                ann.countries.push(CountryMention {
                    country: *c,
                    form,
                    at: *at,
                });
                ann.actors.push(Actor {
                    first: at.first,
                    last: at.last,
                    kind: ActorKind::Country,
                    country: Some(r.lex.countries[*c].code.clone()),
                    person: None,
                    role: None,
                    place: None,
                    prefix: at.prefix,
                });
            }
            Item::Adjective(c) => {
                ann.countries.push(CountryMention {
                    country: *c,
                    form: "adjective",
                    at: *at,
                });
                // an adjective right after a title or institution belongs to it
                let attached = k > 0
                    && items[k - 1].0.last + 1 == at.first
                    && matches!(items[k - 1].1, Item::Title(_) | Item::Institution(_));
                if !attached {
                    ann.actors.push(Actor {
                        first: at.first,
                        last: at.last,
                        kind: ActorKind::Adjective,
                        country: Some(r.lex.countries[*c].code.clone()),
                        person: None,
                        role: None,
                        place: None,
                        prefix: at.prefix,
                    });
                }
            }
            Item::Place(p) => {
                ann.places.push(PlaceMention { place: *p, at: *at });
                let pl = &r.lex.places[*p];
                if let Some(code) = &pl.country {
                    if let Some(ci) = r.lex.countries.iter().position(|c| &c.code == code) {
                        ann.countries.push(CountryMention {
                            country: ci,
                            form: "city",
                            at: *at,
                        });
                    }
                }
                ann.actors.push(Actor {
                    first: at.first,
                    last: at.last,
                    kind: ActorKind::Place,
                    country: pl.country.clone(),
                    person: None,
                    role: None,
                    place: Some(*p),
                    prefix: at.prefix,
                });
            }
            Item::Org(o) => {
                let e = &r.lex.organizations[*o];
                ann.organizations.push(OrgMention {
                    name: e.name.clone(),
                    name_en: (!e.name_en.is_empty()).then(|| e.name_en.clone()),
                    kind: e.kind.clone(),
                    country: e.country.clone(),
                    at: name_after_noun(ctx, *at),
                });
                ann.actors.push(Actor {
                    first: at.first,
                    last: at.last,
                    kind: ActorKind::Organization,
                    country: e.country.clone(),
                    person: None,
                    // the organization's kind (agency, company, international...)
                    role: Some(e.kind.clone()),
                    place: None,
                    prefix: at.prefix,
                });
            }
            Item::Institution(i) => {
                // head + the adjective (or country name) that follows
                if let Some((nat, Item::Adjective(c) | Item::Country(c, _))) = items.get(k + 1) {
                    let inst = &r.lex.institutions[*i];
                    let code = r.lex.countries[*c].code.clone();
                    // الحكومة اللبنانية describes an organ of the state: an
                    // actor, not a named organization
                    if inst.named {
                        ann.organizations.push(OrgMention {
                            name: String::new(), // filled from the original text later
                            name_en: Some(format!("{} ({})", inst.name_en, code)),
                            kind: "government".into(),
                            country: Some(code.clone()),
                            at: MentionRef {
                                first: at.first,
                                last: nat.last,
                                prefix: at.prefix,
                                rule: "institution + country adjective",
                            },
                        });
                    }
                    ann.actors.push(Actor {
                        first: at.first,
                        last: nat.last,
                        kind: ActorKind::Institution,
                        country: Some(code),
                        person: None,
                        role: Some(inst.name_en.clone()),
                        place: None,
                        prefix: at.prefix,
                    });
                }
            }
            Item::Title(t) => {
                ann.titles.push((at.first, at.last, *t));
            }
            Item::Found(_) => {}
        }
    }
    person_of_lex
}

/// An organization written as a noun and its name (حركة حماس "the Hamas
/// movement", صحيفة هآرتس، وكالة فرانس برس) is mentioned by its name: the
/// lexicon lists the name alone as a form of the same organization. The
/// actor keeps the whole phrase.
fn name_after_noun(ctx: &Ctx, at: MentionRef) -> MentionRef {
    let r = ctx.r;
    if at.last == at.first {
        return at;
    }
    let first = ctx.word(at.first);
    let noun = first
        .char_indices()
        .nth(at.prefix)
        .map_or("", |(b, _)| &first[b..]);
    if !r.org_nouns.contains(noun) {
        return at;
    }
    let mut key = noun.to_string();
    for t in at.first + 1..=at.last {
        key.push(' ');
        key.push_str(ctx.word(t));
    }
    if !r.org_after_noun.contains(&key) {
        return at;
    }
    MentionRef {
        first: at.first + 1,
        prefix: 0,
        rule: "lexicon: the name after its noun",
        ..at
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_doc as doc;

    /// The organizations of a one-paragraph article, as (mention, country).
    fn orgs(body: &str) -> Vec<(String, Option<String>)> {
        doc(body)
            .organizations
            .iter()
            .flat_map(|o| {
                o.mentions
                    .iter()
                    .map(|m| (m.text.clone(), o.country.clone()))
            })
            .collect()
    }

    #[test]
    fn a_named_state_body_is_an_organization_a_described_organ_is_not() {
        let o =
            orgs("وقالت وزارة الخارجية العراقية إن الحكومة اللبنانية والجيش الإسرائيلي لم يردا.");
        assert_eq!(
            o,
            [(
                "وزارة الخارجية العراقية".to_string(),
                Some("IQ".to_string())
            )]
        );
    }

    #[test]
    fn an_institution_after_li_is_named_with_its_article() {
        let d = doc("وفي بيان للخارجية السورية أمس.");
        let names: Vec<&str> = d.organizations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["الخارجية السورية"]);
        assert_eq!(d.organizations[0].mentions[0].text, "لخارجية السورية");
    }

    #[test]
    fn an_organization_after_a_noun_of_its_kind_is_mentioned_by_its_name() {
        let o = orgs("ونقلت صحيفة هآرتس عن حركة حماس ولوكالة فرانس برس أن حزب الليكود رفض.");
        let texts: Vec<&str> = o.iter().map(|(t, _)| t.as_str()).collect();
        // حزب is part of the party's name, صحيفة، حركة، وكالة are not
        assert_eq!(texts, ["هآرتس", "حماس", "فرانس برس", "حزب الليكود"]);
    }
}
