//! Calendar dates: a small proleptic-Gregorian `Date`, and parsers for the
//! date expressions Arabic news files state (ISO, `dd/mm/yyyy`, Levantine,
//! Egyptian/Gulf, Algerian/Tunisian and Moroccan month names, RFC 2822 lines).
//!
//! Parsers work on match-normalized text (see `normalize`): digits are ASCII,
//! alefs are bare, taa marbuta is haa, alef maqsura is yaa.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !(1800..=2200).contains(&year) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = if m <= 2 { y + 1 } else { y };
        Date {
            year: y as i32,
            month: m as u32,
            day: d as u32,
        }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// 0 = Sunday ... 6 = Saturday.
    pub fn weekday(self) -> u32 {
        ((self.to_days() + 4).rem_euclid(7)) as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Month names, match-normalized, one or two words, with their number.
const MONTHS: &[(&str, u32)] = &[
    // Levantine / Iraqi
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    ("تشرين الاول", 10),
    ("تشرين الثاني", 11),
    ("كانون الاول", 12),
    // Egyptian / Gulf
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("ابربل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    // Maghrebi
    ("جانفي", 1),
    ("فيفري", 2),
    ("افريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويليه", 7),
    ("اوت", 8),
    // Moroccan
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
    // English (lowercased)
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Weekday names (match-normalized, without ال) with 0 = Sunday.
pub const WEEKDAYS: &[(&str, u32)] = &[
    ("احد", 0),
    ("اثنين", 1),
    ("ثلاثاء", 2),
    ("اربعاء", 3),
    ("خميس", 4),
    ("جمعه", 5),
    ("سبت", 6),
];

/// A token of a date expression: a number or a word, by its char range.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a [char],
    start: usize,
    end: usize,
}

fn date_tokens(chars: &[char]) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tok {
                text: &chars[s..i],
                start: s,
                end: i,
            });
        } else if crate::tokenize::is_letter(c) {
            let s = i;
            while i < chars.len() && crate::tokenize::is_letter(chars[i]) {
                i += 1;
            }
            out.push(Tok {
                text: &chars[s..i],
                start: s,
                end: i,
            });
        } else {
            i += 1;
        }
    }
    out
}

/// [`MONTHS`] as chars: the two-word names (first word, second word,
/// month) in order, and the one-word names (the first row of each).
struct MonthTable {
    two: Vec<(Vec<char>, Vec<char>, u32)>,
    one: std::collections::HashMap<Vec<char>, u32, crate::gazetteer::FxBuild>,
}

fn month_table() -> &'static MonthTable {
    static M: std::sync::OnceLock<MonthTable> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        let mut t = MonthTable {
            two: Vec::new(),
            one: Default::default(),
        };
        for (n, m) in MONTHS {
            match n.split_once(' ') {
                Some((a, b)) => t.two.push((a.chars().collect(), b.chars().collect(), *m)),
                None => {
                    t.one.entry(n.chars().collect()).or_insert(*m);
                }
            }
        }
        t
    })
}

/// The month a one-word month name names (يونيو، حزيران), match-normalized.
pub fn month_named(word: &str) -> Option<u32> {
    let w: Vec<char> = word.chars().collect();
    month_table().one.get(&w).copied()
}

fn month_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    let word = t.text;
    let months = month_table();
    if let Some(next) = toks.get(i + 1) {
        // a two-word name "a b": tokens hold no spaces, so "word next" spells
        // it exactly when word spells a and next spells b
        let two = months
            .two
            .iter()
            .find(|(a, b, _)| a[..] == *word && b[..] == *next.text);
        if let Some((_, _, m)) = two {
            return Some((*m, 2));
        }
    }
    months.one.get(word).map(|m| (*m, 1))
}

/// Length of a token in chars (its text is ASCII when it is a number).
fn tlen(t: &Tok) -> usize {
    t.text.len()
}

fn num(t: &Tok) -> Option<u32> {
    if t.text.iter().all(|c| c.is_ascii_digit()) && t.text.len() <= 4 && !t.text.is_empty() {
        Some(
            t.text
                .iter()
                .fold(0u32, |v, c| v * 10 + (*c as u32 - '0' as u32)),
        )
    } else {
        None
    }
}

/// A date found in text: the date and its char range in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub date: Date,
    pub start: usize,
    pub end: usize,
}

/// Find every explicit calendar date in match-normalized text.
pub fn find_dates(chars: &[char]) -> Vec<FoundDate> {
    let toks = date_tokens(chars);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((d, used)) = date_at(&toks, chars, i) {
            out.push(FoundDate {
                date: d,
                start: toks[i].start,
                end: toks[i + used - 1].end,
            });
            i += used;
        } else {
            i += 1;
        }
    }
    out
}

/// A day of a month with no year (في 20 مارس، يوم 3 كانون الثاني): the
/// year is the reader's to supply from the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayOfMonth {
    pub day: u32,
    pub month: u32,
    pub start: usize,
    pub end: usize,
}

impl DayOfMonth {
    /// The date this day names for an article of date `doc`: in the year
    /// that puts it nearest to `doc` (a December article's "5 يناير" is next
    /// January's).
    pub fn near(self, doc: Date) -> Option<Date> {
        let mut best: Option<Date> = None;
        for y in [doc.year - 1, doc.year, doc.year + 1] {
            if let Some(d) = Date::new(y, self.month, self.day) {
                let gap = |x: Date| (x.to_days() - doc.to_days()).abs();
                if best.is_none_or(|b| gap(d) < gap(b)) {
                    best = Some(d);
                }
            }
        }
        best
    }
}

/// Find every day-and-month expression without a year in match-normalized
/// text (the full dates of [`find_dates`] are not repeated here).
pub fn find_days_of_month(chars: &[char]) -> Vec<DayOfMonth> {
    let toks = date_tokens(chars);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((_, used)) = date_at(&toks, chars, i) {
            i += used;
            continue;
        }
        let day = num(&toks[i]).filter(|d| (1..=31).contains(d) && tlen(&toks[i]) <= 2);
        if let (Some(day), Some((month, used))) = (day, month_at(&toks, i + 1)) {
            out.push(DayOfMonth {
                day,
                month,
                start: toks[i].start,
                end: toks[i + used].end,
            });
            i += 1 + used;
            continue;
        }
        i += 1;
    }
    out
}

fn date_at(toks: &[Tok], chars: &[char], i: usize) -> Option<(Date, usize)> {
    let a = num(&toks[i]);
    // numeric: yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy, yyyy/mm/dd
    if let (Some(a), Some(b), Some(c)) = (
        a,
        toks.get(i + 1).and_then(num),
        toks.get(i + 2).and_then(num),
    ) {
        // the three numbers must be joined by - / or .
        let joined = |x: &Tok, y: &Tok| {
            y.start > x.end && y.start - x.end == 1 && matches!(chars[x.end], '-' | '/' | '.')
        };
        if joined(&toks[i], &toks[i + 1]) && joined(&toks[i + 1], &toks[i + 2]) {
            if tlen(&toks[i]) == 4 {
                if let Some(d) = Date::new(a as i32, b, c) {
                    return Some((d, 3));
                }
            } else if tlen(&toks[i + 2]) == 4 {
                if let Some(d) = Date::new(c as i32, b, a) {
                    return Some((d, 3));
                }
            }
        }
    }
    // day month year
    if let Some(day) = a {
        if let Some((m, used)) = month_at(toks, i + 1) {
            // "كانون الثاني/يناير": skip a second month name
            let mut j = i + 1 + used;
            if let Some((m2, u2)) = month_at(toks, j) {
                if m2 == m {
                    j += u2;
                }
            }
            if let Some(y) = toks.get(j).and_then(num) {
                if tlen(&toks[j]) == 4 {
                    if let Some(d) = Date::new(y as i32, m, day) {
                        return Some((d, j + 1 - i));
                    }
                }
            }
        }
    }
    // month day, year (English)
    if let Some((m, used)) = month_at(toks, i) {
        let j = i + used;
        if let (Some(day), Some(y)) = (toks.get(j).and_then(num), toks.get(j + 1).and_then(num)) {
            if tlen(&toks[j + 1]) == 4 {
                if let Some(d) = Date::new(y as i32, m, day) {
                    return Some((d, j + 2 - i));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{Normalizer, Profile};

    fn one(s: &str) -> Option<Date> {
        let n = Normalizer::profile(Profile::Match).normalize_str(s);
        let chars: Vec<char> = n.chars().collect();
        find_dates(&chars).first().map(|f| f.date)
    }

    fn d(y: i32, m: u32, dd: u32) -> Option<Date> {
        Date::new(y, m, dd)
    }

    #[test]
    fn formats() {
        assert_eq!(one("12-كانون الثاني-2025"), d(2025, 1, 12));
        assert_eq!(one("الأحد 12 يناير 2025"), d(2025, 1, 12));
        assert_eq!(one("٣ آذار ٢٠٢٤"), d(2024, 3, 3));
        assert_eq!(one("2018-06-06T10:49:46"), d(2018, 6, 6));
        assert_eq!(one("06/07/2018"), d(2018, 7, 6));
        assert_eq!(one("Wed, 06 Jun 2018 10:49:46 +0400"), d(2018, 6, 6));
        assert_eq!(one("5 تشرين الأول/أكتوبر 2023"), d(2023, 10, 5));
        assert_eq!(one("14 جويلية 2019"), d(2019, 7, 14));
        assert_eq!(one("January 5, 2020"), d(2020, 1, 5));
        assert_eq!(one("الجمعة 6 يوليوز 2018 - 19:03"), d(2018, 7, 6));
        assert_eq!(one("15 غشت 2000"), d(2000, 8, 15));
        assert_eq!(one("3 دجنبر 2019"), d(2019, 12, 3));
        assert_eq!(one("في 31/02/2020"), None);
        assert_eq!(one("قال 12 شخصا"), None);
    }

    #[test]
    fn a_day_of_a_month_takes_the_nearest_year() {
        let n = Normalizer::profile(Profile::Match)
            .normalize_str("يلتقيان في 20 مارس ثم في 5 يناير 2019");
        let chars: Vec<char> = n.chars().collect();
        let found = find_days_of_month(&chars);
        assert_eq!(found.len(), 1, "a full date is no day of a month");
        let june = Date::new(2018, 6, 1).unwrap();
        assert_eq!(found[0].near(june).unwrap().to_string(), "2018-03-20");
        let doc = Date::new(2018, 12, 28).unwrap();
        assert_eq!(found[0].near(doc).unwrap().to_string(), "2019-03-20");
        let jan = DayOfMonth {
            day: 5,
            month: 1,
            start: 0,
            end: 0,
        };
        assert_eq!(jan.near(doc).unwrap().to_string(), "2019-01-05");
    }

    #[test]
    fn calendar_arithmetic() {
        let x = Date::new(2025, 1, 12).unwrap();
        assert_eq!(x.weekday(), 0, "2025-01-12 is a Sunday");
        assert_eq!(x.add_days(-6).to_string(), "2025-01-06");
        assert_eq!(
            Date::new(2024, 2, 29).unwrap().add_days(1).to_string(),
            "2024-03-01"
        );
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
    }
}
