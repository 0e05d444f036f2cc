//! Word helpers the steps share: the words that link or open the parts of
//! an Arabic name, and a word without its conjunction.

/// أبو, أبي, أبا, أم, بو: a kunya starts a name (أبو بكر، أبي هريرة).
pub(super) fn is_kunya(w: &str) -> bool {
    matches!(w, "ابو" | "ابي" | "ابا" | "بو")
}

/// بن، ابن، بنت: the word that links a name to the father's.
pub(super) fn is_son_of(w: &str) -> bool {
    matches!(w, "بن" | "ابن" | "بنت")
}

/// A word that binds the next one into a name (عبد, a kunya, بن, آل, ولد,
/// دو, فان...): a name never ends with it.
pub(super) fn is_name_link(w: &str) -> bool {
    w == "عبد"
        || is_kunya(w)
        || matches!(
            w,
            "بن" | "ابن" | "بنت" | "ال" | "ولد" | "دو" | "دي" | "فان" | "فون"
        )
}

/// `w` without a leading و/ف conjunction (when longer than three letters).
pub(crate) fn bare_word(w: &str) -> &str {
    if w.chars().nth(3).is_some() {
        w.strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .unwrap_or(w)
    } else {
        w
    }
}

/// A preposition (ب ل ك) glued to a verbal noun (لإتمام، بإدارة، بإقناعه،
/// لإذاعة، بالاستقبال without its article, باجتماع، لاستكمال): the word opens a
/// phrase of its own, so a name before it has ended. The noun's shapes are
/// the derived masdars that open with alef (إفعال، إفالة، افتعال، انفعال،
/// استفعال), with or without a pronoun suffix; foreign names that start
/// alike (لافروف، باراك، لاريجاني) have other shapes.
pub(super) fn proclitic_verbal_noun(w: &str) -> bool {
    let mut cs = w.chars();
    if !matches!(cs.next(), Some('ب' | 'ل' | 'ك')) {
        return false;
    }
    let stem = cs.as_str();
    if !stem.starts_with('ا') {
        return false;
    }
    // the noun, or the noun before a pronoun suffix (ه، ها، هم، هما، نا), where
    // its ة is written ت (باستقالته)
    masdar_with_alef(stem, false)
        || ["هما", "ها", "هم", "نا", "ه"]
            .iter()
            .filter_map(|p| stem.strip_suffix(p))
            .any(|b| masdar_with_alef(b, true))
}

/// A definite feminine active participle of a three-letter root, الفاعلة
/// (normalized الفاعله: الكاذبه، الداعمه): an adjective, which no family
/// name is shaped like (العطيه is فعيلة).
pub(super) fn is_feminine_participle(w: &str) -> bool {
    w.starts_with("ال")
        && w.ends_with('ه')
        && w.chars().count() == 7
        && w.chars().nth(3) == Some('ا')
}

/// A noun with a possessive suffix (ها، هما، هم، هن) that no family name is:
/// its stem is a common word (حديثها، قولها، ظروفها) or a feminine noun
/// whose ة is written ت before the suffix (علاقتها، نيتها، ضيافتهم). Family
/// names that end alike (براهم، كونها، سيبيها) have other stems.
pub(super) fn possessed_noun(w: &str, is_common: impl Fn(&str) -> bool) -> bool {
    ["هما", "ها", "هم", "هن"]
        .iter()
        .filter_map(|p| w.strip_suffix(p))
        .filter(|stem| stem.chars().nth(1).is_some())
        .any(|stem| {
            is_common(stem)
                || stem
                    .strip_suffix('ت')
                    .is_some_and(|b| b.chars().nth(1).is_some())
        })
}

/// A preposition or conjunction before and a pronoun after (بلقائك،
/// ليوصلها، بزيارتك، وبينهم; ئ may be normalized to ي): a word no name is
/// made of.
pub(super) fn clitics_both_sides(w: &str) -> bool {
    w.chars().count() >= 5
        && w.starts_with(['و', 'ب', 'ل', 'ف', 'ك'])
        && ["ائك", "ايك", "تك", "كم", "كما", "ها", "هم", "هما"]
            .iter()
            .any(|p| w.ends_with(p))
}

/// إفعال (اتمام)، إفالة (اداره)، افتعال (اجتماع)، انفعال (انسحاب)، استفعال
/// (استكمال)، استفالة (استقاله), each optionally closed by ه (ة) or ه as a
/// pronoun.
fn masdar_with_alef(b: &str, suffixed: bool) -> bool {
    let mut c = [' '; 8];
    let mut n = 0;
    for ch in b.chars() {
        if n == c.len() {
            return false;
        }
        c[n] = ch;
        n += 1;
    }
    let feminine = n > 0 && (c[n - 1] == 'ه' || (suffixed && c[n - 1] == 'ت'));
    let c = if feminine { &c[..n - 1] } else { &c[..n] };
    let cons = |x: char| !matches!(x, 'ا' | 'و' | 'ي' | 'ه');
    matches!(c,
        // ا C C ا C: اتمام، اقناع، اعلان، اجراء
        ['ا', a, b, 'ا', d] if cons(*a) && cons(*b) && cons(*d))
        // ا C ا C (+ة): اداره، اذاعه، اقامه (the ة is required: امار، اراك are names)
        || matches!(c, ['ا', a, 'ا', d] if feminine && cons(*a) && cons(*d))
        // است C C ا C: استكمال; است C ا C (+ة): استقاله
        || matches!(c, ['ا', 'س', 'ت', a, b, 'ا', d] if cons(*a) && cons(*b) && cons(*d))
        || matches!(c, ['ا', 'س', 'ت', a, 'ا', d] if feminine && cons(*a) && cons(*d))
        // ا C ت C ا C، ا ن C C ا C: اجتماع، انسحاب، استلام
        || matches!(c, ['ا', a, m, b, 'ا', d] if cons(*a) && cons(*m) && cons(*b) && cons(*d))
}

#[cfg(test)]
mod tests {
    use super::{is_feminine_participle, possessed_noun, proclitic_verbal_noun};

    #[test]
    fn a_definite_feminine_participle_is_an_adjective() {
        for w in ["الكاذبه", "الداعمه", "الراعيه"] {
            assert!(is_feminine_participle(w), "{w}");
        }
        for w in ["العطيه", "الخليفه", "الكاذب", "الصباح"] {
            assert!(!is_feminine_participle(w), "{w}");
        }
    }

    #[test]
    fn a_noun_with_a_possessive_suffix_is_no_family_name() {
        let common = |w: &str| matches!(w, "حديث" | "قول");
        for w in ["حديثها", "قولها", "علاقتها", "نيتها", "ضيافتهم", "مدتهما"]
        {
            assert!(possessed_noun(w, common), "{w}");
        }
        for w in ["براهم", "كونها", "سيبيها", "فيسيها", "ساهم", "طه"] {
            assert!(!possessed_noun(w, common), "{w}");
        }
    }

    #[test]
    fn clitics_on_both_sides_make_no_name() {
        use super::clitics_both_sides;
        for w in ["بلقائك", "ليوصلها", "بزيارتك", "وبينهم"] {
            assert!(clitics_both_sides(w), "{w}");
        }
        for w in ["باراك", "بهاء", "لينا", "وليد", "كمال", "فيصل", "بشار"]
        {
            assert!(!clitics_both_sides(w), "{w}");
        }
    }

    #[test]
    fn a_preposition_on_a_verbal_noun_is_no_name() {
        // normalized spellings (إ → ا, ة → ه)
        for w in [
            "لاتمام",
            "باداره",
            "باقناعه",
            "لاذاعه",
            "باجتماع",
            "لاستكمال",
            "باستقالته",
        ] {
            assert!(proclitic_verbal_noun(w), "{w}");
        }
        for w in ["لافروف", "باراك", "لاريجاني", "لامار", "بانون", "كامل", "باسم"]
        {
            assert!(!proclitic_verbal_noun(w), "{w}");
        }
    }
}
