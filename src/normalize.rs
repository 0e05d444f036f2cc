//! Arabic text normalization with exact alignment back to the original text.
//!
//! Normalization is a pipeline of small named [`Step`]s. Every step maps one
//! character to zero or more characters, so the composition of a profile is
//! itself a per-character map, compiled once into a [`Normalizer`] table.
//! [`NormalizedText`] keeps, for every normalized character, the span of
//! original characters it came from, so any range of normalized text maps
//! back to an exact `[start, end)` range of the original (in Unicode scalar
//! values, the unit users see in Python's `text[start:end]`).

use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// One normalization step: maps a character to zero or more characters.
pub trait Step: Sync + Send {
    /// Short, stable name used on the command line (`--steps`).
    fn name(&self) -> &'static str;
    /// What the step does, for `--help` and documentation.
    fn description(&self) -> &'static str;
    /// Push the replacement of `c` onto `out` (nothing to delete it).
    fn map(&self, c: char, out: &mut Vec<char>);
}

macro_rules! simple_step {
    ($ty:ident, $name:expr, $desc:expr, |$c:ident, $out:ident| $body:block) => {
        #[doc = $desc]
        pub struct $ty;
        impl Step for $ty {
            fn name(&self) -> &'static str {
                $name
            }
            fn description(&self) -> &'static str {
                $desc
            }
            fn map(&self, $c: char, $out: &mut Vec<char>) $body
        }
    };
}

simple_step!(
    Nfkc,
    "nfkc",
    "Unicode NFKC per character: Arabic presentation forms and ligatures to letters, full-width forms, no-break spaces.",
    |c, out| {
        // a character that passes the NFKC quick check is its own NFKC form
        if c.is_ascii()
            || unicode_normalization::is_nfkc_quick(std::iter::once(c))
                == unicode_normalization::IsNormalized::Yes
        {
            out.push(c);
        } else {
            out.extend(std::iter::once(c).nfkc());
        }
    }
);

simple_step!(
    Controls,
    "controls",
    "Remove bidi controls (LRM, RLM, ALM, embeddings, isolates), zero-width characters and the BOM.",
    |c, out| {
        if !matches!(c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
            | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
        {
            out.push(c);
        }
    }
);

simple_step!(
    Tatweel,
    "tatweel",
    "Remove tatweel (kashida, U+0640).",
    |c, out| {
        if c != '\u{0640}' {
            out.push(c);
        }
    }
);

simple_step!(
    Diacritics,
    "diacritics",
    "Remove harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation marks.",
    |c, out| {
        if !is_diacritic(c) {
            out.push(c);
        }
    }
);

simple_step!(
    Alef,
    "alef",
    "Unify hamza-seated alefs, madda and alef wasla to bare alef (أ إ آ ٱ → ا).",
    |c, out| {
        out.push(match c {
            'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' | '\u{0675}' => 'ا',
            _ => c,
        });
    }
);

simple_step!(
    HamzaSeats,
    "hamza-seats",
    "Unify hamza on waw and yaa with the bare letters (ؤ → و, ئ → ي); for matching only.",
    |c, out| {
        out.push(match c {
            'ؤ' => 'و',
            'ئ' => 'ي',
            _ => c,
        });
    }
);

simple_step!(
    AlefMaqsura,
    "alef-maqsura",
    "Unify alef maqsura with yaa (ى → ي).",
    |c, out| {
        out.push(if c == 'ى' { 'ي' } else { c });
    }
);

simple_step!(
    TaaMarbuta,
    "taa-marbuta",
    "Unify taa marbuta with haa (ة → ه); for matching only.",
    |c, out| {
        out.push(if c == 'ة' { 'ه' } else { c });
    }
);

simple_step!(
    PersianLetters,
    "persian",
    "Map Persian and Urdu letter variants to Arabic letters (ک → ك, ی → ي, ە → ه ...).",
    |c, out| {
        out.push(match c {
            'ک' | 'ڪ' | 'ګ' => 'ك',
            'ی' | 'ې' | 'ۍ' | 'ے' | 'ۓ' | 'ێ' => 'ي',
            'ە' | 'ھ' | 'ہ' | 'ۂ' => 'ه',
            'ۀ' | 'ۃ' => 'ة',
            'ٹ' => 'ت',
            'ڈ' => 'د',
            'ڑ' => 'ر',
            'ں' => 'ن',
            'ۇ' | 'ۆ' | 'ۈ' | 'ۋ' => 'و',
            _ => c,
        });
    }
);

simple_step!(
    Digits,
    "digits",
    "Map Arabic-Indic and Persian digits to ASCII digits.",
    |c, out| {
        out.push(match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            _ => c,
        });
    }
);

simple_step!(
    Punctuation,
    "punctuation",
    "Map Arabic punctuation to ASCII (، → ,  ؛ → ;  ؟ → ?  ٪ → %  ٫ → .  ٬ → ,).",
    |c, out| {
        out.push(match c {
            '،' | '٬' => ',',
            '؛' => ';',
            '؟' => '?',
            '٪' => '%',
            '٫' => '.',
            '۔' => '.',
            _ => c,
        });
    }
);

simple_step!(
    Lowercase,
    "lowercase",
    "Lowercase Latin letters; for matching only.",
    |c, out| {
        if c.is_ascii_uppercase() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii() || !c.is_uppercase() {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
);

/// True for Arabic combining marks removed by the `diacritics` step.
pub fn is_diacritic(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}' | '\u{08E3}'..='\u{08FF}')
}

/// Every step, in pipeline order. The registry the CLI and profiles use.
pub fn all_steps() -> Vec<Box<dyn Step>> {
    vec![
        Box::new(Nfkc),
        Box::new(Controls),
        Box::new(Tatweel),
        Box::new(Diacritics),
        Box::new(Alef),
        Box::new(HamzaSeats),
        Box::new(AlefMaqsura),
        Box::new(TaaMarbuta),
        Box::new(PersianLetters),
        Box::new(Digits),
        Box::new(Punctuation),
        Box::new(Lowercase),
    ]
}

/// Named sets of steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// Readable clean text (like CAMeL Tools' `camel_arclean`): NFKC,
    /// controls, tatweel, diacritics, Persian letters, digits, punctuation.
    Clean,
    /// Everything: the form used to match lexicons.
    Match,
}

impl Profile {
    pub fn step_names(self) -> &'static [&'static str] {
        match self {
            Profile::Clean => &[
                "nfkc",
                "controls",
                "tatweel",
                "diacritics",
                "persian",
                "digits",
                "punctuation",
            ],
            Profile::Match => &[
                "nfkc",
                "controls",
                "tatweel",
                "diacritics",
                "alef",
                "hamza-seats",
                "alef-maqsura",
                "taa-marbuta",
                "persian",
                "digits",
                "punctuation",
                "lowercase",
            ],
        }
    }

    pub fn parse(s: &str) -> Option<Profile> {
        match s {
            "clean" => Some(Profile::Clean),
            "match" => Some(Profile::Match),
            _ => None,
        }
    }
}

/// A compiled pipeline: the per-character composition of its steps.
pub struct Normalizer {
    names: Vec<&'static str>,
    steps: Vec<Box<dyn Step>>,
    /// Result for every BMP character: `SAME`, `DROP`, a single char, or `MULTI`.
    table: Vec<u32>,
    multi: HashMap<char, Vec<char>>,
}

const SAME: u32 = u32::MAX;
const DROP: u32 = u32::MAX - 1;
const MULTI: u32 = u32::MAX - 2;

impl Normalizer {
    /// Build a normalizer from step names, in the order of [`all_steps`].
    pub fn from_names(names: &[&str]) -> Result<Normalizer, String> {
        let mut known = all_steps();
        for n in names {
            if !known.iter().any(|s| s.name() == *n) {
                let list: Vec<_> = known.iter().map(|s| s.name()).collect();
                return Err(format!(
                    "unknown normalization step '{n}' (known: {})",
                    list.join(", ")
                ));
            }
        }
        known.retain(|s| names.contains(&s.name()));
        let mut nz = Normalizer {
            names: known.iter().map(|s| s.name()).collect(),
            steps: known,
            table: Vec::new(),
            multi: HashMap::new(),
        };
        nz.compile();
        Ok(nz)
    }

    /// The process-wide matching normalizer (compiled once).
    pub fn matching() -> &'static Normalizer {
        static M: std::sync::OnceLock<Normalizer> = std::sync::OnceLock::new();
        M.get_or_init(|| Normalizer::profile(Profile::Match))
    }

    pub fn profile(p: Profile) -> Normalizer {
        Normalizer::from_names(p.step_names()).expect("profile steps exist")
    }

    pub fn step_names(&self) -> &[&'static str] {
        &self.names
    }

    /// The steps applied to `c` until nothing changes: steps feed each other
    /// (`persian` turns ۀ into ة, which `taa-marbuta` maps), and normalizing
    /// normalized text must change nothing.
    fn apply_steps(&self, c: char) -> Vec<char> {
        let (mut a, mut b) = (Vec::with_capacity(8), Vec::with_capacity(8));
        let mut cur = Vec::with_capacity(4);
        self.apply_once(c, &mut cur, &mut a, &mut b);
        if cur.len() == 1 && cur[0] == c {
            // unchanged: applying the steps again would change nothing either
            return cur;
        }
        let mut next = Vec::with_capacity(4);
        for _ in 0..8 {
            next.clear();
            for &ch in &cur {
                self.apply_once(ch, &mut next, &mut a, &mut b);
            }
            if next == cur {
                break;
            }
            std::mem::swap(&mut cur, &mut next);
        }
        cur
    }

    /// Every step once, in order, on `c`; the result is appended to `out`
    /// (`a` and `b` are scratch space).
    fn apply_once(&self, c: char, out: &mut Vec<char>, a: &mut Vec<char>, b: &mut Vec<char>) {
        a.clear();
        a.push(c);
        for s in &self.steps {
            b.clear();
            for &ch in a.iter() {
                s.map(ch, b);
            }
            std::mem::swap(a, b);
        }
        out.extend_from_slice(a);
    }

    fn compile(&mut self) {
        self.table = vec![SAME; 0x10000];
        for cp in 0u32..0x10000 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let r = self.apply_steps(c);
            self.table[cp as usize] = match r.as_slice() {
                [] => DROP,
                [x] if *x == c => SAME,
                [x] => *x as u32,
                _ => {
                    self.multi.insert(c, r);
                    MULTI
                }
            };
        }
    }

    /// Hand what `c` normalizes to (none, one or several characters) to `f`:
    /// the compiled table answers for the Basic Multilingual Plane.
    #[inline]
    fn map_char(&self, c: char, mut f: impl FnMut(char)) {
        let cp = c as u32;
        if cp < 0x10000 {
            match self.table[cp as usize] {
                SAME => f(c),
                DROP => {}
                MULTI => self.multi[&c].iter().for_each(|&n| f(n)),
                x => f(char::from_u32(x).unwrap_or(c)),
            }
        } else {
            self.apply_steps(c).into_iter().for_each(f);
        }
    }

    /// Normalize a whole text, keeping the alignment.
    pub fn normalize(&self, original: &str) -> NormalizedText {
        self.normalize_each(original.chars(), original.len() / 2)
    }

    /// [`Normalizer::normalize`] of text already split into characters (no
    /// second UTF-8 decoding).
    pub fn normalize_chars(&self, original: &[char]) -> NormalizedText {
        self.normalize_each(original.iter().copied(), original.len())
    }

    fn normalize_each(
        &self,
        original: impl Iterator<Item = char>,
        capacity: usize,
    ) -> NormalizedText {
        let mut chars = Vec::with_capacity(capacity);
        let mut origin = Vec::with_capacity(capacity);
        let mut original_len = 0;
        for (i, c) in original.enumerate() {
            original_len = i + 1;
            self.map_char(c, |n| {
                chars.push(n);
                origin.push(i as u32);
            });
        }
        NormalizedText {
            chars,
            origin,
            original_len,
        }
    }

    /// Normalize a short string (a lexicon form), without alignment.
    pub fn normalize_str(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            self.map_char(c, |n| out.push(n));
        }
        out
    }
}

/// Normalized text with, for each normalized character, the index of the
/// original character it came from.
#[derive(Debug, Clone)]
pub struct NormalizedText {
    pub chars: Vec<char>,
    /// `origin[i]`: index (in chars) of the original character that produced `chars[i]`.
    pub origin: Vec<u32>,
    pub original_len: usize,
}

impl NormalizedText {
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    /// Map a normalized range `[start, end)` back to the original text.
    /// An empty range maps to an empty range at its position; a range past
    /// the end of the normalized text is clamped to it.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= self.chars.len() {
            return (self.original_len, self.original_len);
        }
        let end = end.min(self.chars.len());
        let s = self.origin[start] as usize;
        if end <= start {
            return (s, s);
        }
        let e = self.origin[end - 1] as usize + 1;
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> String {
        Normalizer::profile(Profile::Match).normalize_str(s)
    }

    #[test]
    fn each_step_has_its_effect() {
        assert_eq!(m("ﻻ"), "لا", "nfkc: lam-alef ligature");
        assert_eq!(m("سو\u{200F}ريا\u{200B}"), "سوريا", "controls");
        assert_eq!(m("عاجــــــل"), "عاجل", "tatweel");
        assert_eq!(m("مُحَمَّدٌ"), "محمد", "diacritics");
        assert_eq!(m("أإآٱ"), "اااا", "alef");
        assert_eq!(m("مسؤول رئيس"), "مسوول رييس", "hamza seats");
        assert_eq!(m("مصطفى"), "مصطفي", "alef maqsura");
        assert_eq!(m("سورية"), "سوريه", "taa marbuta");
        assert_eq!(m("کی"), "كي", "persian letters");
        assert_eq!(m("٢٠٢٥ ۱۲"), "2025 12", "digits");
        assert_eq!(m("نعم، لا؛ ماذا؟"), "نعم, لا; ماذا?", "punctuation");
        assert_eq!(m("AFP"), "afp", "lowercase");
    }

    #[test]
    fn clean_profile_keeps_letters() {
        let n = Normalizer::profile(Profile::Clean);
        assert_eq!(n.normalize_str("أَسعد سورية"), "أسعد سورية");
    }

    #[test]
    fn alignment_maps_back_to_original() {
        let n = Normalizer::profile(Profile::Match);
        let orig = "الرَّئِيسُ ﻻ بُدَّ";
        let t = n.normalize(orig);
        let s = t.as_string();
        assert_eq!(s, "الرييس لا بد");
        let ochars: Vec<char> = orig.chars().collect();
        // "لا" came from one ligature character
        let pos = s.chars().position(|c| c == 'ل' && s.contains("لا")).unwrap();
        let _ = pos;
        let (a, b) = t.original_range(7, 9);
        assert_eq!(ochars[a..b].iter().collect::<String>(), "ﻻ");
        let (a, b) = t.original_range(0, 6);
        assert_eq!(
            ochars[a..b].iter().collect::<String>(),
            "الرَّئِيسُ".trim_end_matches('ُ')
        );
    }

    #[test]
    fn unknown_step_is_an_error() {
        assert!(Normalizer::from_names(&["nfkc", "bogus"]).is_err());
    }

    #[test]
    fn normalization_is_idempotent_on_samples() {
        let n = Normalizer::profile(Profile::Match);
        for s in ["ﷲ أكبر", "سُوريَّة٢", "ﻹﻷ", "Ａ١", "ۀ ۃ"] {
            let once = n.normalize_str(s);
            assert_eq!(n.normalize_str(&once), once);
        }
    }
}
