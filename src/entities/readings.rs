//! The reading of one lexicon hit: which of the things its form can stand
//! for (a full name, an organization, an institution, a title, a short
//! name, a country, a place, a nationality) the context allows, and the
//! readings rejected, with the reason, for `--explain`.

use super::coreference::similar_foreign;
use super::words::{bare_word, is_name_link, is_son_of};
use super::{Annotations, Ctx, HashSet, Item, MentionRef, Recognizer, Strength, Target};
use crate::gazetteer::form_key;
use crate::gazetteer::Hit;
use crate::tokenize::Gap;

/// Words before a weak alias that make it a name.
const NAME_CUES: &[&str] = &["نظام", "عهد", "حكم", "حكومه", "عايله", "اداره", "قوات"];

/// Words after which a state's name that is also an everyday word (مالي،
/// بنين) names the state: prepositions, points of the compass and nouns
/// that head a state (في مالي، شمال مالي، جمهورية مالي، حكومة مالي).
const STATE_CONTEXT: &[&str] = &[
    "في",
    "من",
    "الي",
    "مع",
    "بين",
    "علي",
    "عن",
    "امام",
    "داخل",
    "خارج",
    "نحو",
    "لدي",
    "حول",
    "عبر",
    "ضد",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "شرقي",
    "غربي",
    "دوله",
    "جمهوريه",
    "حكومه",
    "شعب",
    "جيش",
    "سفاره",
    "سفير",
    "قنصل",
    "منتخب",
    "عاصمه",
    "حدود",
    "اراضي",
    "سلطات",
    "رييس",
    "وزير",
    "وزراء",
    "خارجيه",
    "دفاع",
    "داخليه",
];

/// Words after which a place's name that is also a common word or another
/// thing's name (الرياض the gardens, a club, a newspaper) names the place:
/// prepositions, nouns of places, verbs of visiting and leaving, and ثم in a
/// list of stops (يزور الرياض ثم عمان).
const PLACE_CONTEXT: &[&str] = &[
    "في",
    "الي",
    "من",
    "مدينه",
    "العاصمه",
    "محافظه",
    "بلده",
    "ولايه",
    "منطقه",
    "زار",
    "زارت",
    "زارا",
    "يزور",
    "تزور",
    "سيزور",
    "ستزور",
    "يزوران",
    "غادر",
    "غادرت",
    "يغادر",
    "تغادر",
    "ثم",
];

/// Record why a hit's reading was rejected (for `--explain`); no reading.
fn reject(ann: &mut Annotations, at: MentionRef, why: String) -> Option<Item> {
    ann.rejected.push((at, why));
    None
}

/// Choose the reading of one hit from its targets and context.
pub(super) fn classify(
    r: &Recognizer,
    ctx: &Ctx,
    hits: &[Hit<Target>],
    hi: usize,
    full_people: &HashSet<u32>,
    ann: &mut Annotations,
) -> Option<Item> {
    let h = &hits[hi];
    let prev_hit = hi
        .checked_sub(1)
        .map(|j| &hits[j])
        .filter(|p| p.last + 1 == h.first);
    let next_hit = hits
        .get(hi + 1)
        .filter(|n| n.first == h.last + 1 && ctx.tokens[n.first].gap == Gap::Space);
    let prev_word = if h.first > 0 && h.prefix == 0 && ctx.tokens[h.first].gap == Gap::Space {
        ctx.word(h.first - 1)
    } else {
        ""
    };
    let next_word = if ctx
        .tokens
        .get(h.last + 1)
        .is_some_and(|t| t.gap == Gap::Space)
    {
        ctx.word(h.last + 1)
    } else {
        ""
    };
    let at = MentionRef {
        first: h.first,
        last: h.last,
        prefix: h.prefix,
        rule: "lexicon",
    };
    let has = |f: &dyn Fn(&Target) -> bool| h.targets.iter().copied().find(|t| f(t));

    // 1. full person names
    if let Some(Target::Person(i, Strength::Full)) =
        has(&|t| matches!(t, Target::Person(_, Strength::Full)))
    {
        return Some(Item::Person(i as usize, Strength::Full));
    }
    // 2. organizations
    if let Some(Target::Organization(i)) = has(&|t| matches!(t, Target::Organization(_))) {
        return Some(Item::Org(i as usize));
    }
    // 3. institution heads (need an agreeing adjective or a country after them)
    if let Some(Target::Institution(i)) = has(&|t| matches!(t, Target::Institution(_))) {
        if let Some(n) = next_hit {
            if n.targets
                .iter()
                .any(|t| matches!(t, Target::CountryAdjective(..) | Target::CountryName(_)))
                && n.prefix == 0
            {
                return Some(Item::Institution(i as usize));
            }
        }
        if has(&|t| matches!(t, Target::Title(_))).is_none() && h.targets.len() == 1 {
            return None;
        }
    }
    // 4. titles
    if let Some(Target::Title(i)) = has(&|t| matches!(t, Target::Title(_))) {
        return Some(Item::Title(i as usize));
    }
    let person_short = has(&|t| matches!(t, Target::Person(_, Strength::Alias | Strength::Weak)));
    let country = has(&|t| matches!(t, Target::CountryName(_)));
    let place = has(&|t| matches!(t, Target::Place(_)));
    let adjective = has(&|t| matches!(t, Target::CountryAdjective(..)));

    // a short person form preceded by a title, or whose full name is in the document
    if let Some(Target::Person(i, s)) = person_short {
        // a one-word alias that is also a common word after normalization
        // (تراس = ترأس "presided") or of three letters or fewer (روج in روج
        // آفا) needs context like a weak one
        let s = if s == Strength::Alias
            && h.first == h.last
            && (r.is_common(h.form) || h.form.chars().count() <= 3)
        {
            Strength::Weak
        } else {
            s
        };
        // (a name right after its title carries no proclitic: رئيس ومشرف عام is
        // a list of offices, not Musharraf)
        let titled = h.prefix == 0
            && prev_hit.is_some_and(|p| p.targets.iter().any(|t| matches!(t, Target::Title(_))))
            || (prev_hit.is_some_and(|p| {
                p.targets
                    .iter()
                    .any(|t| matches!(t, Target::CountryAdjective(..)))
            }) && hi >= 2
                && hits[hi - 2].last + 2 == h.first
                && hits[hi - 2]
                    .targets
                    .iter()
                    .any(|t| matches!(t, Target::Title(_))));
        // منصور الدوسري: a one-word form followed by a family name or بن is
        // another person's given name (not عدلي منصور)
        let next_is_family = is_son_of(next_word)
            || (next_word.starts_with("ال")
                && next_word.chars().count() >= 5
                && next_hit.is_none_or(|n| {
                    n.targets
                        .iter()
                        .all(|t| matches!(t, Target::Person(_, Strength::Alias | Strength::Weak)))
                })
                && !r.is_common(next_word)
                && !r.is_common(&next_word[4..])
                && !r.adjective_keys.contains(next_word));
        if h.first == h.last && next_is_family && r.is_given(ctx.word(h.first)) {
            return None;
        }
        // محمد بن سلمان: after بن a one-word form names the father, not the person
        // (also in a hashtag: #الأمير_محمد_بن_سلمان)
        let after_bin = h.first > 0
            && h.prefix == 0
            && ctx.tokens[h.first].gap != Gap::Break
            && is_son_of(ctx.word(h.first - 1));
        if h.first == h.last && after_bin {
            return None;
        }
        // أندري ميدفيديف: a one-word form after a given name that is none of
        // the person's (nor a spelling of one) is another person's surname
        let prev_given = bare_word(prev_word);
        // (not a father's name: عادل بن أحمد الجبير)
        let lineage = h.first >= 2 && is_son_of(ctx.word(h.first - 2));
        if h.first == h.last
            && !lineage
            && !prev_word.is_empty()
            && prev_hit.is_none()
            && r.is_given(prev_given)
            && given_name_agrees(r, i as usize, prev_given) == Some(false)
        {
            return reject(
                ann,
                at,
                format!(
                    "'{}' not taken as {}: the given name '{prev_given}' before it is not theirs",
                    h.form, r.lex.people[i as usize].name
                ),
            );
        }
        let full_known = full_people.contains(&i);
        // (another person named in full here ends with this form: السفير
        // فريدمان after ديفيد فريدمان is he, not the economist of the lexicon)
        if s == Strength::Weak && !full_known && h.first == h.last {
            // (a father's name is no surname: محمد بن سلمان leaves الملك سلمان)
            let other = full_people.iter().any(|&q| {
                let key = form_key(r.nz, &r.lex.people[q as usize].name);
                let mut words = key.rsplit(' ');
                q != i
                    && words.next() == Some(h.form)
                    && words.next().is_some_and(|w| !is_name_link(w))
            });
            if other {
                return reject(
                    ann,
                    at,
                    format!(
                        "'{}' not taken as {}: another person named in full ends with it",
                        h.form, r.lex.people[i as usize].name
                    ),
                );
            }
        }
        let cue = NAME_CUES.contains(&prev_word);
        let is_adj = adjective.is_some();
        let ok = match s {
            Strength::Alias => !is_adj || full_known || titled,
            // a form that is also a state's name is the person's only when
            // the full name is in the document (رئيس مالي، حكومة مالي: Mali)
            _ => full_known || (!is_adj && country.is_none() && (titled || cue)),
        };
        if ok {
            return Some(Item::Person(i as usize, s));
        }
        ann.rejected.push((
            at,
            format!(
                "'{}' not taken as a person: no title before it and no full name in the document",
                h.form
            ),
        ));
    }
    // countries and places
    if let Some(Target::CountryName(c)) = country {
        let c = c as usize;
        let code = r.lex.countries[c].code.as_str();
        // a name that is also an everyday word, right after an indefinite
        // noun that no state follows: دعم مالي is financial support (but
        // في مالي، شمال مالي، وتشاد ومالي، رئيس مالي name the state)
        if r.lex.countries[c].homograph
            && prev_hit.is_none()
            && !prev_word.is_empty()
            && !prev_word.starts_with("ال")
            && !STATE_CONTEXT.contains(&bare_word(prev_word))
        {
            ann.rejected.push((
                at,
                format!(
                    "'{}' read as the everyday word after '{prev_word}', not the state",
                    h.form
                ),
            ));
            return None;
        }
        if r.lex.countries[c].ambiguous {
            // part of a person's name: أبو مصر, بن مصر
            if matches!(prev_word, "ابو" | "بن" | "ابن" | "بنت" | "ام" | "عبد") {
                ann.rejected.push((
                    at,
                    format!("'{}' read as part of a name after '{prev_word}'", h.form),
                ));
                return None;
            }
            if code == "OM" {
                if let Some(Target::Place(p)) = place {
                    if amman_reading(ctx, h, prev_word, next_word) {
                        return Some(Item::Place(p as usize));
                    }
                }
            }
        }
        // state and city alike (الكويت, جيبوتي, الجزائر): a city only with a city cue
        if let Some(Target::Place(p)) = place {
            let city_cue = matches!(prev_word, "مدينه" | "العاصمه") || next_word == "العاصمه";
            if city_cue {
                return Some(Item::Place(p as usize));
            }
        }
        return Some(Item::Country(c, "name"));
    }
    if let Some(Target::Place(p)) = place {
        let pl = &r.lex.places[p as usize];
        if pl.ambiguous {
            // an ambiguous place name needs a locative cue
            let cue = h.prefix > 0
                || PLACE_CONTEXT.contains(&bare_word(prev_word))
                || next_word == "العاصمه";
            if !cue {
                ann.rejected.push((
                    at,
                    format!("ambiguous place '{}' without a locative cue", h.form),
                ));
                return None;
            }
        }
        return Some(Item::Place(p as usize));
    }
    if let Some(Target::CountryAdjective(c, _)) = adjective {
        return Some(Item::Adjective(c as usize));
    }
    None
}

/// Whether `given` is one of the words of the lexicon person's names (or a
/// spelling of one: جاستين for جاستن): `None` when it is that very word.
pub(super) fn given_name_agrees(r: &Recognizer, person: usize, given: &str) -> Option<bool> {
    let e = &r.lex.people[person];
    let mut similar = false;
    for name in std::iter::once(&e.name).chain(e.variants.iter()) {
        for w in form_key(r.nz, name).split(' ') {
            if w == given {
                return None;
            }
            similar |= similar_foreign(w, given);
        }
    }
    Some(similar)
}

/// عمان: Amman (the Jordanian capital) rather than Oman?
fn amman_reading(ctx: &Ctx, h: &Hit<Target>, prev: &str, next: &str) -> bool {
    if matches!(prev, "سلطنه") || next.starts_with("العماني") {
        return false;
    }
    if matches!(prev, "العاصمه") && next.starts_with("الاردن") {
        return true;
    }
    // look around for Jordan vs Oman cues in the document
    let mut jordan = 0;
    let mut oman = 0;
    for t in ctx.tokens {
        let w = t.text.as_str();
        if w.contains("الاردن") || w.contains("اردني") {
            jordan += 1;
        }
        if w.contains("سلطنه") || w.contains("مسقط") || w.contains("عماني") {
            oman += 1;
        }
    }
    let _ = h;
    jordan > oman
}

#[cfg(test)]
mod tests {
    use super::super::test_doc as doc;

    fn countries(body: &str) -> Vec<String> {
        doc(body).countries.iter().map(|c| c.code.clone()).collect()
    }

    #[test]
    fn a_state_name_that_is_an_everyday_word_needs_a_state_context() {
        // مالي after an indefinite noun is "financial"
        assert!(countries("وقعت البحرين اتفاقية دعم مالي بقيمة مليار دولار.")
            .iter()
            .all(|c| c != "ML"));
        assert!(countries("وافتتحت الوزارة مدارس بنين وبنات.")
            .iter()
            .all(|c| c != "BJ"));
        // after a preposition, a point of the compass, a state word, a
        // conjunction or a title, it is the state
        for body in [
            "قتل جنود في مالي أمس.",
            "هاجم مسلحون قاعدة في شمال مالي.",
            "وأعلنت حكومة مالي الحداد.",
            "زار الوزير النيجر ومالي.",
            "استقبل رئيس مالي السفير.",
        ] {
            assert!(countries(body).iter().any(|c| c == "ML"), "{body}");
        }
    }
}
