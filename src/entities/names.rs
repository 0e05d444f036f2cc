//! People found from context: the shape of a name (a given name, its
//! compounds and lineage, a family name) after a title, after a verb of
//! saying, or opening with a known given name.

use super::words::{
    bare_word, clitics_both_sides, is_feminine_participle, is_kunya, is_name_link, is_son_of,
    possessed_noun, proclitic_verbal_noun,
};
use super::{Actor, ActorKind, Annotations, Ctx, Item, MentionRef, PersonEntity};
use crate::tokenize::Gap;

/// Royal and papal numbers after a given name.
const ORDINALS: &[&str] = &[
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الحادي",
    "الثانيه",
    "الاولي",
];

/// Name tokens starting at `i`: returns the last token index.
/// `titled`: a title precedes, so the first token need not be a known given name.
pub(super) fn name_span(ctx: &Ctx, i: usize, titled: bool) -> Option<usize> {
    let r = ctx.r;
    let n = ctx.tokens.len();
    let ok_token = |j: usize| -> bool {
        let w = ctx.word(j);
        let chars = w.chars().count();
        chars >= 2
            && !w.chars().any(|c| c.is_ascii_digit())
            && !r.is_common(w)
            && !clitics_both_sides(w)
            && ctx.item_at(j).is_none()
            && !r.adjective_keys.contains(w)
    };
    if i >= n || !ok_token(i) || (ctx.tokens[i].written_last == 'ى' && ctx.word(i) == "علي") {
        return None;
    }
    let first = ctx.word(i);
    if (first.starts_with("ال")
        || first.starts_with("وال")
        || first.starts_with("بال")
        || first.starts_with("لل"))
        && !r.is_given(first)
    {
        return None;
    }
    // a proclitic (و ف ب ل ك) on the first word: only a known given name may look like that
    if matches!(first.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك')) && !r.is_given(first)
    {
        let rest: String = first.chars().skip(1).collect();
        if r.is_common(&rest) || r.is_given(&rest) || titled || rest.starts_with("ال") {
            return None;
        }
    }
    if !titled && !r.is_given(first) && !is_kunya(first) && first != "عبد" {
        return None;
    }
    // a name is a sequence of units: a given name, a compound (عبد X, أبو X,
    // بن X, آل X), an unknown word, and at most one final family name (ال...)
    let unit_end = |j: usize| -> usize {
        let w = ctx.word(j);
        let joins = is_name_link(w);
        // بن/آل bind the next word even when it is a common one (شلومو بن عامي),
        // and عبد its divine name (عبد الله، عبد الرحمن)
        let lineage = is_son_of(w)
            || w == "ال"
            || (w == "عبد" && j + 1 < n && ctx.word(j + 1).starts_with("ال"));
        let bound = |k: usize| {
            ok_token(k)
                || (lineage
                    && ctx.item_at(k).is_none()
                    && ctx.word(k).chars().count() >= 3
                    && !ctx.word(k).starts_with(['و', 'ف'])
                    && !ctx.word(k).chars().any(|c| c.is_ascii_digit()))
        };
        if joins && j + 1 < n && ctx.tokens[j + 1].gap == Gap::Space && bound(j + 1) {
            // بن أبي طالب, بن عبد الكريم: the joined word may itself join
            let nx = ctx.word(j + 1);
            if (nx == "عبد" || is_kunya(nx)) && j + 2 < n && ctx.tokens[j + 2].gap == Gap::Space
            {
                j + 2
            } else {
                j + 1
            }
        } else {
            j
        }
    };
    let mut end = unit_end(i);
    let mut units = 1;
    let mut all_given = r.is_given(first);
    while end + 1 < n && units < 6 {
        let j = end + 1;
        if ctx.tokens[j].gap != Gap::Space
            || (ctx.tokens[j].written_last == 'ى' && ctx.word(j) == "علي")
        {
            break;
        }
        let w = ctx.word(j);
        let prev_given = r.is_given(ctx.word(end));
        // a royal number after a given name (محمد الخامس، تشارلز الأول)
        if prev_given && ORDINALS.contains(&w) {
            end = j;
            if j + 1 < n && ctx.word(j + 1) == "عشر" {
                end += 1;
            }
            break;
        }
        if !ok_token(j) || possessed_noun(w, |s| r.is_common(s)) {
            break;
        }
        // a definite feminine nisba is an adjective, not a family name (مسيرة
        // صلاح الاحترافية)
        if w.starts_with("ال") && w.ends_with("يه") && w.chars().count() >= 6 && !r.is_given(w)
        {
            break;
        }
        // ... and so is a definite feminine active participle, فاعلة (جاستن
        // الكاذبة، سلمان الداعمة)
        if is_feminine_participle(w) && !r.is_given(w) {
            break;
        }
        // a proclitic starts the next phrase (… وسميرة, … فتقوم, … ببطولة), unless
        // the whole word is a given name (وليد, وائل)
        if matches!(w.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك'))
            && !r.is_given(w)
            && (w.starts_with("وال")
                || w.starts_with("بال")
                || w.starts_with("لل")
                || r.is_given(&w[2..])
                || r.is_common(&w[2..])
                || proclitic_verbal_noun(w)
                || w.starts_with('و')
                || w.starts_with('ف'))
        {
            break;
        }
        let joins = is_name_link(w);
        // beyond two units a name goes on through given names, compounds and a
        // final family name; after given names only, one unknown word may close it
        let unknown_tail = !r.is_given(w) && !joins && !w.starts_with("ال");
        if units >= 2 && unknown_tail && !all_given {
            break;
        }
        end = unit_end(j);
        units += 1;
        all_given &= r.is_given(w);
        if w.starts_with("ال") || (unknown_tail && units >= 3) {
            break;
        }
    }
    // a name never ends on a word that joins (… بن): it ends before it
    while end > i && matches!(ctx.word(end), "بن" | "ابن" | "بنت" | "ال" | "عبد") {
        end -= 1;
    }
    // one word alone is a name after a title (اللاعب رونالدو), or when it is a
    // known given name
    if end == i && !titled && !r.is_given(first) {
        return None;
    }
    if end == i && titled && first.chars().count() < 3 {
        return None;
    }
    // an imperfect verb after a title (الرئيس يستحق، المحامي سيبلغ)
    if !r.is_given(first)
        && (first.starts_with('ي')
            || first.starts_with('ت')
            || first.starts_with("سي")
            || first.starts_with("ست"))
    {
        return None;
    }
    // على written علي: before a definite or pronoun-suffixed word it is the preposition
    if first == "علي" && end > i {
        let next = ctx.word(i + 1);
        let suffixed = ["نا", "هم", "ها", "كم", "هما", "ه"]
            .iter()
            .any(|s| next.ends_with(s))
            && !r.is_given(next);
        if next.starts_with("ال") || suffixed {
            return None;
        }
    }
    Some(end)
}

pub(super) fn new_person(
    ctx: &mut Ctx,
    ann: &mut Annotations,
    first: usize,
    last: usize,
    rule: &'static str,
) -> usize {
    let key: Vec<String> = (first..=last).map(|t| ctx.word(t).to_string()).collect();
    ann.people.push(PersonEntity {
        name: String::new(),
        key,
        lexicon: None,
        country: None,
        country_weight: 0,
        roles: Vec::new(),
        mentions: vec![MentionRef {
            first,
            last,
            prefix: 0,
            rule,
        }],
    });
    let p = ann.people.len() - 1;
    ann.actors.push(Actor {
        first,
        last,
        kind: ActorKind::Person,
        country: None,
        person: Some(p),
        role: None,
        place: None,
        prefix: 0,
    });
    // mark the tokens so later passes skip them
    let idx = ctx.items.len();
    ctx.items.push((
        MentionRef {
            first,
            last,
            prefix: 0,
            rule,
        },
        Item::Found(p),
    ));
    for t in first..=last {
        ctx.cover[t] = Some(idx);
    }
    p
}

/// People without a title: a known given name followed by name tokens,
/// or any name-like words right after a verb of saying (قال فرويد).
pub(super) fn name_shapes(ctx: &mut Ctx, ann: &mut Annotations) {
    let n = ctx.tokens.len();
    let mut i = 0;
    while i < n {
        if ctx.item_at(i).is_some() {
            i += 1;
            continue;
        }
        if i > 0 && ctx.tokens[i].gap == Gap::Space && ctx.r.speech.contains(ctx.bare(i - 1)) {
            if let Some(end) =
                name_span(ctx, i, true).filter(|&e| e > i || ctx.r.is_given(ctx.word(i)))
            {
                new_person(ctx, ann, i, end, "name after a verb of saying");
                i = end + 1;
                continue;
            }
        }
        let tokens = ctx.tokens;
        let word = tokens[i].text.as_str();
        let w = bare_word(word);
        let prefix = word[..word.len() - w.len()].chars().count();
        if (ctx.r.is_given(w) || w == "عبد" || is_kunya(w)) && prefix <= 1 {
            // try the name without its conjunction
            if let Some(end) = name_span_from(ctx, i, w) {
                let p = new_person(ctx, ann, i, end, "given name + family name");
                if prefix > 0 {
                    ann.people[p].mentions[0].prefix = prefix;
                    ann.people[p].key[0] = w.to_string();
                }
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
}

fn name_span_from(ctx: &Ctx, i: usize, bare_first: &str) -> Option<usize> {
    if ctx.r.is_common(bare_first) {
        return None;
    }
    let end = name_span(ctx, i, true)?;
    if end == i {
        return None;
    }
    // the second token must not be a pronoun-suffixed or verb-like word
    let second = ctx.word(i + 1);
    if second.chars().count() < 2 {
        return None;
    }
    Some(end)
}
