//! Titles and the people they introduce: the phrase after a title (its
//! descriptors, state, institution, then a name) gives the person found
//! there a role and a country, or, with no name, makes an office actor.

use super::names::{name_span, new_person};
use super::{Actor, ActorKind, Annotations, Ctx, HashMap, Item};
use crate::lexicon::TitleKind;
use crate::tokenize::Gap;

/// Read the phrase after a title: descriptors, a country (adjective or
/// name), a place, then a name. Records the person (with role and country)
/// or an office actor.
pub(super) fn title_phrase(
    ctx: &mut Ctx,
    ann: &mut Annotations,
    tf: usize,
    tl: usize,
    ti: usize,
    person_of_lex: &mut HashMap<usize, usize>,
) {
    let r = ctx.r;
    let title = &r.lex.titles[ti];
    let role = title.role.clone();
    let tprefix = ctx.item_at(tf).map(|x| x.0.prefix).unwrap_or(0);
    // a title that names its state (خادم الحرمين الشريفين) gives it
    let mut country: Option<String> = title.country.clone();
    let mut country_weight = if country.is_some() { 2 } else { 0 };
    // the state of a capital named right after the office (مبعوث سيول، ولي عهد
    // أبوظبي): its holder's, when nothing else names one
    let mut capital_of: Option<String> = None;
    let mut i = tl + 1;
    let n = ctx.tokens.len();
    let mut steps = 0;
    let mut after_comma = false;
    // the last token that belongs to the office (title, country, institution)
    let mut office_last = tl;
    // an office of an international body (الأمين العام للأمم المتحدة، مدير
    // الوكالة الدولية للطاقة الذرية): its holder acts for no state
    let mut international = false;
    // where the last state read in the phrase (an adjective or a name) ends
    let mut named_last: Option<usize> = None;
    while i < n && steps < 8 {
        steps += 1;
        let tok = &ctx.tokens[i];
        if tok.gap == Gap::Break {
            break;
        }
        if tok.gap == Gap::Punct {
            if tok.punct == Some(',') && !after_comma {
                after_comma = true;
            } else {
                break;
            }
        }
        match ctx.item_at(i).cloned() {
            // a state's name right after the office's own state starts the
            // next phrase (يزور الرئيس الروسي فرنسا، زيارة الرئيس الفرنسي
            // للسعودية: where he goes), as does a bare one past descriptors
            // (سيزور وزير الخارجية الأمريكي الجديد إسرائيل)
            Some((at, Item::Country(..)))
                if at.first == i
                    && named_last.is_some_and(|l| {
                        l + 1 == i
                            || (at.prefix == 0
                                && ctx.word(i - 1).starts_with("ال")
                                && ctx.word(i - 1) != "الي")
                    }) =>
            {
                break
            }
            Some((at, Item::Adjective(c))) if at.first == i && !after_comma => {
                named_last = Some(at.last);
                if country.is_none() {
                    country = Some(r.lex.countries[c].code.clone());
                    country_weight = 2;
                }
                office_last = at.last;
                i = at.last + 1;
                continue;
            }
            Some((at, Item::Country(c, _))) if at.first == i && !after_comma => {
                named_last = Some(at.last);
                if country.is_none() {
                    country = Some(r.lex.countries[c].code.clone());
                    country_weight = 2;
                }
                office_last = at.last;
                i = at.last + 1;
                continue;
            }
            Some((at, Item::Institution(_))) if at.first == i && !after_comma => {
                // رئيس جهاز المخابرات العراقي: the institution's adjective follows
                office_last = at.last;
                i = at.last + 1;
                continue;
            }
            Some((at, Item::Org(o))) if at.first == i && !after_comma => {
                international |= r.lex.organizations[o].kind == "international";
                if country.is_none() {
                    if let Some(c) = &r.lex.organizations[o].country {
                        country = Some(c.clone());
                        country_weight = 1;
                    }
                }
                office_last = at.last;
                i = at.last + 1;
                continue;
            }
            Some((at, Item::Place(p))) if at.first == i && !after_comma => {
                // a capital right after the office is whose office it is
                // (مبعوث سيول إلى بيونغيانغ، سفير واشنطن); after a preposition it
                // says where (سفير فرنسا ببغداد، سفيره في موسكو)
                let place = &r.lex.places[p];
                let preposition = at.first > 0
                    && matches!(ctx.word(at.first - 1), "في" | "الي" | "لدي" | "من" | "عن");
                if at.prefix == 0
                    && !preposition
                    && place.kind == crate::lexicon::PlaceKind::Capital
                    && !place.ambiguous
                {
                    capital_of = capital_of.or_else(|| place.country.clone());
                }
                i = at.last + 1;
                continue;
            }
            // a title after the country is named starts a new phrase (the
            // object: استقبل الرئيس السوري وزير الخارجية العراقي)
            Some((at, Item::Title(_))) if at.first == i && !after_comma && country.is_none() => {
                // مستشار الرئيس اللبناني: nested title, keep reading
                office_last = at.last;
                i = at.last + 1;
                continue;
            }
            Some((at, Item::Person(..) | Item::Found(_))) if at.first == i => {
                let p = match ctx.items[ctx.cover[i].unwrap_or(0)].1 {
                    Item::Found(p) => Some(p),
                    Item::Person(pi, _) => person_of_lex.get(&pi).copied(),
                    _ => None,
                };
                if let Some(p) = p {
                    let (country, weight) =
                        office_country(international, country, capital_of, country_weight);
                    attach_title(ann, p, &role, &country, weight, (tf, tprefix), at.last);
                }
                return;
            }
            _ => {}
        }
        let w = ctx.word(i);
        // another entity ends the phrase
        if ctx.item_at(i).is_some() {
            break;
        }
        // descriptors and definite noun phrases before the comma (في الإدارة الجديدة، ...)
        // (إلى, written الي once normalized, and relative pronouns are no
        // definite nouns: زيارة الرئيس المصري إلى بريطانيا)
        // ... but an envoy's office names where he is sent (المبعوث الخاص
        // للرئيس الروسي إلى سوريا)
        let sent = matches!(
            role.as_deref(),
            Some("envoy" | "special representative" | "coordinator")
        );
        let function_word = (w == "الي" && !sent)
            || matches!(
                w,
                "التي"
                    | "الذي"
                    | "الذين"
                    | "اللذين"
                    | "اللتين"
                    | "اللذان"
                    | "اللتان"
                    | "الا"
                    | "الان"
            );
        if !after_comma
            && !function_word
            && (r.descriptors.contains(w) || (w.starts_with("ال") && !r.is_given(w)))
        {
            international |= INTERNATIONAL_WORDS.contains(&w);
            i += 1;
            continue;
        }
        // the name itself
        // after the comma of an apposition, one unknown word is too little
        if let Some(end) =
            name_span(ctx, i, true).filter(|&e| !after_comma || e > i || r.is_given(ctx.word(i)))
        {
            let p = new_person(ctx, ann, i, end, "title + name");
            let (country, weight) =
                office_country(international, country, capital_of, country_weight);
            attach_title(ann, p, &role, &country, weight, (tf, tprefix), end);
            return;
        }
        break;
    }
    // no name: an office holder (رئيس الوزراء العراقي) still acts for its country
    let country = country.or(capital_of);
    if matches!(title.kind, TitleKind::Office | TitleKind::Royal) && country.is_some() {
        ann.actors.push(Actor {
            first: tf,
            last: office_last,
            kind: ActorKind::Office,
            country,
            person: None,
            role,
            place: None,
            prefix: tprefix,
        });
    }
}

/// Words of an office phrase that make it the office of an international
/// body (match normalization: ة is written ه).
const INTERNATIONAL_WORDS: &[&str] = &["الدوليه", "الدولي", "الامميه", "الاممي", "الامم"];

/// The country an office gives its holder: the state named in it, else the
/// state of a capital named right after it (weight 1); an office of an
/// international body with no state named in it gives none, surely (weight 4
/// overrides the lexicon's country: ElBaradei as head of the IAEA does not act
/// for Egypt).
fn office_country(
    international: bool,
    country: Option<String>,
    capital_of: Option<String>,
    weight: u8,
) -> (Option<String>, u8) {
    let (country, weight) = match country {
        Some(c) => (Some(c), weight),
        None => (capital_of, weight.max(1)),
    };
    if international && country.is_none() {
        (None, 4)
    } else {
        (country, weight)
    }
}

fn attach_title(
    ann: &mut Annotations,
    p: usize,
    role: &Option<String>,
    country: &Option<String>,
    weight: u8,
    (tf, tprefix): (usize, usize),
    last: usize,
) {
    let e = &mut ann.people[p];
    if let Some(r) = role {
        if !e.roles.contains(r) {
            e.roles.push(r.clone());
        }
    }
    if weight > e.country_weight && (country.is_some() || weight == 4) {
        e.country = country.clone();
        e.country_weight = weight;
    }
    // the person actor spans the title too
    // the actor of a person just found is the last one pushed; a lexicon
    // person's is in the sorted prefix, ending at `last`
    let n = ann.actors.len();
    let recent = (n.saturating_sub(4)..n)
        .rev()
        .find(|&k| ann.actors[k].person == Some(p) && ann.actors[k].last == last);
    let sorted = &ann.actors[..ann.sorted_prefix.min(n)];
    let lo = sorted.partition_point(|a| a.first + 64 < last);
    let hi = sorted.partition_point(|a| a.first <= last);
    let found = recent.or_else(|| {
        (lo..hi).find(|&k| ann.actors[k].person == Some(p) && ann.actors[k].last == last)
    });
    if let Some(a) = found.map(|k| &mut ann.actors[k]) {
        if tf < a.first {
            a.first = tf;
            a.prefix = tprefix;
        }
        a.country = ann.people[p].country.clone();
        a.role = role.clone();
    } else {
        ann.actors.push(Actor {
            first: tf,
            last,
            kind: ActorKind::Person,
            country: ann.people[p].country.clone(),
            person: Some(p),
            role: role.clone(),
            place: None,
            prefix: tprefix,
        });
    }
}
