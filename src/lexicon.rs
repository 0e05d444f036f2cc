//! Lexicons: the built-in data files (compiled into the binary) and user
//! additions, parsed and validated into typed entries.
//!
//! Formats are described in `src/data/README.md`. A malformed line is an
//! error naming the file and the line number.

use std::collections::HashMap;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub code: String,
    pub iso3: String,
    pub name_en: String,
    pub name: String,
    pub variants: Vec<String>,
    /// Masculine singular adjectives, without ال.
    pub adjectives: Vec<String>,
    /// Irregular adjective forms, written in full.
    pub adjective_forms: Vec<String>,
    pub ambiguous: bool,
    /// The bare name is also an everyday word (مالي "financial").
    pub homograph: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Capital,
    City,
    Region,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub variants: Vec<String>,
    pub name_en: String,
    pub country: Option<String>,
    pub kind: PlaceKind,
    pub ambiguous: bool,
}

#[derive(Debug, Clone)]
pub struct PersonEntry {
    pub name: String,
    pub variants: Vec<String>,
    pub aliases: Vec<String>,
    pub weak_aliases: Vec<String>,
    pub name_en: String,
    pub country: Option<String>,
    pub roles: Vec<String>,
}

/// Roles of people who act for no state: sport, arts, letters, science,
/// business, and figures of history (a footballer or a poet named with his
/// nationality is no side of a diplomatic event).
const PRIVATE_ROLES: &[&str] = &[
    "footballer",
    "coach",
    "writer",
    "poet",
    "novelist",
    "singer",
    "musician",
    "composer",
    "actor",
    "actress",
    "film director",
    "artist",
    "playwright",
    "historical figure",
    "philosopher",
    "thinker",
    "historian",
    "scientist",
    "physicist",
    "mathematician",
    "astronomer",
    "inventor",
    "physician",
    "economist",
    "sociologist",
    "journalist",
    "businessman",
    "businesswoman",
    "athlete",
    "tennis player",
    "basketball player",
    "chess player",
    "racing driver",
    "boxer",
    "swimmer",
    "club president",
    "companion",
    "caliph",
    "pharaoh",
    "mystic",
];

/// Roles that say nothing of whom one acts for.
const NEUTRAL_ROLES: &[&str] = &["Nobel laureate"];

impl PersonEntry {
    /// Whether every role of the person is a private one (sport, arts,
    /// letters...), former or current, and there is at least one.
    pub fn is_private(&self) -> bool {
        let mut any = false;
        for r in &self.roles {
            let r = r.strip_prefix("former ").unwrap_or(r);
            if NEUTRAL_ROLES.contains(&r) {
                continue;
            }
            if !PRIVATE_ROLES.contains(&r) {
                return false;
            }
            any = true;
        }
        any
    }
}

#[derive(Debug, Clone)]
pub struct Organization {
    pub name: String,
    pub variants: Vec<String>,
    pub name_en: String,
    pub kind: String,
    pub country: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Institution {
    pub head: String,
    pub variants: Vec<String>,
    pub name_en: String,
    pub feminine: bool,
    /// Head + adjective names one body of a state (وزارة الخارجية العراقية:
    /// the Iraqi Ministry of Foreign Affairs) and is reported as an
    /// organization; `false` when it only describes the state's organ
    /// (الحكومة اللبنانية "the Lebanese government", الجيش، السلطات), which
    /// stays an actor of events but is no named organization.
    pub named: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    Office,
    Honorific,
    Royal,
    /// A profession (اللاعب، الكاتب): introduces a name, is no state actor.
    Profession,
}

#[derive(Debug, Clone)]
pub struct Title {
    pub title: String,
    pub variants: Vec<String>,
    pub role: Option<String>,
    pub kind: TitleKind,
    /// The state the title names by itself (خادم الحرمين الشريفين: SA).
    pub country: Option<String>,
}

/// A diplomatic event trigger (see `triggers.tsv`).
#[derive(Debug, Clone)]
pub struct Trigger {
    pub form: String,
    pub event: String,
    pub pos: String,
    /// How the trigger's arguments are laid out (`active`, `passive`, `noun`...).
    pub frame: String,
    pub status: Option<String>,
    pub note: String,
}

/// All lexicons, built-in and user-supplied.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub countries: Vec<Country>,
    pub places: Vec<Place>,
    pub people: Vec<PersonEntry>,
    pub organizations: Vec<Organization>,
    pub institutions: Vec<Institution>,
    pub titles: Vec<Title>,
    pub triggers: Vec<Trigger>,
    /// Words that are never part of a name (function words, frequent verbs and nouns).
    pub common_words: Vec<String>,
    /// Given names that start a person's name.
    pub given_names: Vec<String>,
}

macro_rules! builtin {
    ($name:expr) => {
        ($name, include_str!(concat!("data/", $name)))
    };
}

/// The built-in data files, by name.
pub const BUILTIN: &[(&str, &str)] = &[
    builtin!("countries.tsv"),
    builtin!("places.tsv"),
    builtin!("people.tsv"),
    builtin!("organizations.tsv"),
    builtin!("institutions.tsv"),
    builtin!("titles.tsv"),
    builtin!("triggers.tsv"),
    builtin!("common_words.txt"),
    builtin!("given_names.txt"),
];

/// One parsed TSV row: cells by column name, and the line number.
pub struct Row<'a> {
    pub line: usize,
    cells: HashMap<&'a str, &'a str>,
    file: &'a str,
}

impl<'a> Row<'a> {
    pub fn get(&self, col: &str) -> &'a str {
        self.cells.get(col).copied().unwrap_or("").trim()
    }

    pub fn required(&self, col: &str) -> Result<&'a str, LexiconError> {
        let v = self.get(col);
        if v.is_empty() {
            Err(self.error(format!("empty required column '{col}'")))
        } else {
            Ok(v)
        }
    }

    pub fn list(&self, col: &str) -> Vec<String> {
        split_list(self.get(col))
    }

    pub fn country(&self, col: &str) -> Result<Option<String>, LexiconError> {
        let v = self.get(col);
        if v.is_empty() {
            return Ok(None);
        }
        if v.len() == 2 && v.chars().all(|c| c.is_ascii_uppercase()) {
            Ok(Some(v.to_string()))
        } else {
            Err(self.error(format!(
                "'{v}' in column '{col}' is not an ISO 3166-1 alpha-2 code"
            )))
        }
    }

    pub fn flag(&self, col: &str) -> Result<bool, LexiconError> {
        match self.get(col) {
            "" | "no" | "false" | "0" => Ok(false),
            "yes" | "true" | "1" => Ok(true),
            v => Err(self.error(format!("'{v}' in column '{col}' is not yes/no"))),
        }
    }

    pub fn error(&self, message: String) -> LexiconError {
        LexiconError {
            file: self.file.to_string(),
            line: self.line,
            message,
        }
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(|x| x.trim())
        .filter(|x| !x.is_empty())
        .map(|x| x.to_string())
        .collect()
}

/// Parse a TSV file: comments, a header, rows. `required` columns must be in the header.
pub fn parse_tsv<'a>(
    file: &'a str,
    text: &'a str,
    required: &[&str],
) -> Result<Vec<Row<'a>>, LexiconError> {
    let mut header: Option<Vec<&str>> = None;
    let mut rows = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        match &header {
            None => {
                for r in required {
                    if !cells.iter().any(|c| c.trim() == *r) {
                        return Err(LexiconError {
                            file: file.into(),
                            line: line_no,
                            message: format!(
                                "header lacks required column '{r}' (header: {})",
                                cells.join(", ")
                            ),
                        });
                    }
                }
                header = Some(cells.iter().map(|c| c.trim()).collect());
            }
            Some(h) => {
                if cells.len() > h.len() {
                    return Err(LexiconError {
                        file: file.into(),
                        line: line_no,
                        message: format!("{} columns, the header has {}", cells.len(), h.len()),
                    });
                }
                let map = h.iter().copied().zip(cells.iter().copied()).collect();
                rows.push(Row {
                    line: line_no,
                    cells: map,
                    file,
                });
            }
        }
    }
    Ok(rows)
}

/// Kind of a data file, from its name or its `#! kind:` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Countries,
    Places,
    People,
    Organizations,
    Institutions,
    Titles,
    Triggers,
    CommonWords,
    GivenNames,
}

impl FileKind {
    pub fn parse(s: &str) -> Option<FileKind> {
        Some(
            match s.trim().trim_end_matches(".tsv").trim_end_matches(".txt") {
                "countries" => FileKind::Countries,
                "places" => FileKind::Places,
                "people" => FileKind::People,
                "organizations" => FileKind::Organizations,
                "institutions" => FileKind::Institutions,
                "titles" => FileKind::Titles,
                "triggers" => FileKind::Triggers,
                "common_words" => FileKind::CommonWords,
                "given_names" => FileKind::GivenNames,
                _ => return None,
            },
        )
    }
}

impl Lexicon {
    /// The built-in lexicons. Panics only if the embedded data is malformed,
    /// which the test suite rules out.
    pub fn builtin() -> Lexicon {
        Lexicon::try_builtin().unwrap_or_else(|e| panic!("built-in lexicon: {e}"))
    }

    pub fn try_builtin() -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (name, text) in BUILTIN {
            let kind = FileKind::parse(name).expect("builtin names are kinds");
            lex.add_file(kind, name, text, false)?;
        }
        Ok(lex)
    }

    /// Add a user lexicon file. Its kind comes from a `#! kind: NAME` line,
    /// or else from the file name (`people.tsv`...).
    pub fn add_user_file(&mut self, path: &str, text: &str) -> Result<(), LexiconError> {
        let declared = text.lines().find_map(|l| {
            l.strip_prefix("#!")
                .and_then(|r| r.trim().strip_prefix("kind:"))
                .map(|k| k.trim().to_string())
        });
        let base = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kind = declared
            .as_deref()
            .and_then(FileKind::parse)
            .or_else(|| FileKind::parse(&base))
            .ok_or_else(|| LexiconError {
                file: path.into(),
                line: 1,
                message: "unknown lexicon kind: add a first line '#! kind: countries|places|people|organizations|institutions|titles|triggers'".into(),
            })?;
        self.add_file(kind, path, text, true)
    }

    fn add_file(
        &mut self,
        kind: FileKind,
        file: &str,
        text: &str,
        replace: bool,
    ) -> Result<(), LexiconError> {
        match kind {
            FileKind::CommonWords | FileKind::GivenNames => {
                let words = text
                    .lines()
                    .map(|l| l.trim())
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(|l| l.to_string());
                if kind == FileKind::CommonWords {
                    self.common_words.extend(words);
                } else {
                    self.given_names.extend(words);
                }
            }
            FileKind::Countries => {
                for r in parse_tsv(file, text, &["code", "name"])? {
                    let code = r
                        .country("code")?
                        .ok_or_else(|| r.error("empty required column 'code'".into()))?;
                    let c = Country {
                        code,
                        iso3: r.get("iso3").to_string(),
                        name_en: r.get("name_en").to_string(),
                        name: r.required("name")?.to_string(),
                        variants: r.list("variants"),
                        adjectives: r.list("adjectives"),
                        adjective_forms: r.list("adjective_forms"),
                        ambiguous: r.flag("ambiguous")?,
                        homograph: r.flag("homograph")?,
                    };
                    upsert(&mut self.countries, c, replace, |a, b| a.code == b.code);
                }
            }
            FileKind::Places => {
                for r in parse_tsv(file, text, &["name", "country"])? {
                    let kind = match r.get("kind") {
                        "capital" => PlaceKind::Capital,
                        "city" | "" => PlaceKind::City,
                        "region" => PlaceKind::Region,
                        k => {
                            return Err(r.error(format!(
                                "unknown place kind '{k}' (capital, city, region)"
                            )))
                        }
                    };
                    let p = Place {
                        name: r.required("name")?.to_string(),
                        variants: r.list("variants"),
                        name_en: r.get("name_en").to_string(),
                        country: r.country("country")?,
                        kind,
                        ambiguous: r.flag("ambiguous")?,
                    };
                    upsert(&mut self.places, p, replace, |a, b| {
                        a.name == b.name && a.country == b.country
                    });
                }
            }
            FileKind::People => {
                for r in parse_tsv(file, text, &["name"])? {
                    let p = PersonEntry {
                        name: r.required("name")?.to_string(),
                        variants: r.list("variants"),
                        aliases: r.list("aliases"),
                        weak_aliases: r.list("weak_aliases"),
                        name_en: r.get("name_en").to_string(),
                        country: r.country("country")?,
                        roles: r.list("roles"),
                    };
                    upsert(&mut self.people, p, replace, |a, b| a.name == b.name);
                }
            }
            FileKind::Organizations => {
                for r in parse_tsv(file, text, &["name"])? {
                    let o = Organization {
                        name: r.required("name")?.to_string(),
                        variants: r.list("variants"),
                        name_en: r.get("name_en").to_string(),
                        kind: if r.get("kind").is_empty() {
                            "other".into()
                        } else {
                            r.get("kind").to_string()
                        },
                        country: r.country("country")?,
                    };
                    upsert(&mut self.organizations, o, replace, |a, b| a.name == b.name);
                }
            }
            FileKind::Institutions => {
                for r in parse_tsv(file, text, &["head"])? {
                    let feminine = match r.get("gender") {
                        "f" | "" => true,
                        "m" => false,
                        g => return Err(r.error(format!("gender '{g}' is not f or m"))),
                    };
                    let named = match r.get("named") {
                        "yes" | "" => true,
                        "no" => false,
                        n => return Err(r.error(format!("named '{n}' is not yes or no"))),
                    };
                    let i = Institution {
                        head: r.required("head")?.to_string(),
                        variants: r.list("variants"),
                        name_en: r.get("name_en").to_string(),
                        feminine,
                        named,
                    };
                    upsert(&mut self.institutions, i, replace, |a, b| a.head == b.head);
                }
            }
            FileKind::Titles => {
                for r in parse_tsv(file, text, &["title"])? {
                    let kind = match r.get("kind") {
                        "office" | "" => TitleKind::Office,
                        "honorific" => TitleKind::Honorific,
                        "royal" => TitleKind::Royal,
                        "profession" => TitleKind::Profession,
                        k => {
                            return Err(r.error(format!(
                                "unknown title kind '{k}' (office, honorific, royal, profession)"
                            )))
                        }
                    };
                    let role = r.get("role");
                    let country = r.get("country");
                    let t = Title {
                        title: r.required("title")?.to_string(),
                        variants: r.list("variants"),
                        role: (!role.is_empty()).then(|| role.to_string()),
                        kind,
                        country: (!country.is_empty()).then(|| country.to_string()),
                    };
                    upsert(&mut self.titles, t, replace, |a, b| a.title == b.title);
                }
            }
            FileKind::Triggers => {
                for r in parse_tsv(file, text, &["form", "event"])? {
                    let event = r.required("event")?;
                    if crate::model::EventKind::parse(event).is_none() {
                        return Err(r.error(format!("unknown event type '{event}'")));
                    }
                    let status = r.get("status");
                    let t = Trigger {
                        form: r.required("form")?.to_string(),
                        event: event.to_string(),
                        pos: r.get("pos").to_string(),
                        frame: r.get("frame").to_string(),
                        status: (!status.is_empty()).then(|| status.to_string()),
                        note: r.get("note").to_string(),
                    };
                    upsert(&mut self.triggers, t, replace, |a, b| {
                        a.form == b.form && a.event == b.event
                    });
                }
            }
        }
        Ok(())
    }
}

fn upsert<T>(list: &mut Vec<T>, item: T, replace: bool, same: impl Fn(&T, &T) -> bool) {
    if replace {
        if let Some(slot) = list.iter_mut().find(|x| same(x, &item)) {
            *slot = item;
            return;
        }
    }
    list.push(item);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_load() {
        let lex = Lexicon::try_builtin().unwrap();
        assert!(lex.countries.len() >= 240, "all ISO 3166-1 codes");
        assert!(lex.places.len() > 200);
        assert!(lex.people.len() > 100);
        assert!(lex.organizations.len() > 50);
        assert!(!lex.titles.is_empty() && !lex.institutions.is_empty() && !lex.triggers.is_empty());
    }

    #[test]
    fn malformed_line_names_its_line() {
        let text = "# comment\nname\tcountry\tkind\nبغداد\tIQ\tcapital\nالموصل\tIraq\tcity\n";
        let mut lex = Lexicon::default();
        let err = lex
            .add_user_file("my-places.tsv", &format!("#! kind: places\n{text}"))
            .unwrap_err();
        assert_eq!(err.line, 5);
        assert!(err.message.contains("alpha-2"), "{}", err.message);
        let err = lex
            .add_user_file("x.tsv", "#! kind: people\nname\tcountry\nفلان\tIQ\textra\n")
            .unwrap_err();
        assert_eq!(
            (err.line, err.message.as_str()),
            (3, "3 columns, the header has 2")
        );
    }

    #[test]
    fn user_entry_overrides_builtin() {
        let mut lex = Lexicon::try_builtin().unwrap();
        let n = lex.people.len();
        lex.add_user_file(
            "people.tsv",
            "name\tcountry\troles\nبشار الأسد\tSY\tformer president\nفلان الفلاني\tJO\tminister\n",
        )
        .unwrap();
        assert_eq!(lex.people.len(), n + 1);
        let assad = lex.people.iter().find(|p| p.name == "بشار الأسد").unwrap();
        assert_eq!(assad.roles, ["former president"]);
    }
}
