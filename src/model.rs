//! The output data model: what one analyzed document and a whole run look
//! like in JSON. Field names and shapes here are the public schema
//! (`SCHEMA_VERSION`); change them only with a version bump.

use crate::dates::Date;
use schemars::JsonSchema;
use serde::Serialize;

pub const SCHEMA_VERSION: &str = "1.0";

/// A span of the decoded original text: `text == original[start..end]`
/// in Unicode scalar values.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord, JsonSchema)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// For country mentions: `name`, `adjective`, `city` (or `institution`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<&'static str>,
    /// With `--explain`: the rule or lexicon entry that produced it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Person {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub country: Option<String>,
    pub roles: Vec<String>,
    /// The other forms the article uses (surname alone, spelling variants).
    pub aliases: Vec<String>,
    /// `lexicon` when the person is in a lexicon, `context` when found from titles or name shapes.
    pub origin: &'static str,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Country {
    pub code: String,
    pub iso3: String,
    pub name: String,
    pub name_en: String,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Place {
    pub name: String,
    pub name_en: String,
    pub country: Option<String>,
    pub kind: crate::lexicon::PlaceKind,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Organization {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    pub kind: String,
    pub country: Option<String>,
    pub mentions: Vec<Mention>,
}

/// The diplomatic event types (see `GUIDELINES.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Visit,
    Meeting,
    Call,
    Message,
    Invitation,
    Talks,
    Summit,
    Congratulation,
    Condolence,
    Praise,
    Agreement,
}

impl EventKind {
    pub const ALL: [EventKind; 11] = [
        EventKind::Visit,
        EventKind::Meeting,
        EventKind::Call,
        EventKind::Message,
        EventKind::Invitation,
        EventKind::Talks,
        EventKind::Summit,
        EventKind::Congratulation,
        EventKind::Condolence,
        EventKind::Praise,
        EventKind::Agreement,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EventKind::Visit => "visit",
            EventKind::Meeting => "meeting",
            EventKind::Call => "call",
            EventKind::Message => "message",
            EventKind::Invitation => "invitation",
            EventKind::Talks => "talks",
            EventKind::Summit => "summit",
            EventKind::Congratulation => "congratulation",
            EventKind::Condolence => "condolence",
            EventKind::Praise => "praise",
            EventKind::Agreement => "agreement",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// CAMEO code from the source's point of view.
    pub fn cameo(self) -> &'static str {
        match self {
            EventKind::Visit => "042",
            EventKind::Meeting => "040",
            EventKind::Call => "041",
            EventKind::Message => "040",
            EventKind::Invitation => "036",
            EventKind::Talks => "040",
            EventKind::Summit => "044",
            EventKind::Congratulation => "051",
            EventKind::Condolence => "018",
            EventKind::Praise => "051",
            EventKind::Agreement => "057",
        }
    }

    /// PLOVER event type and mode.
    pub fn plover(self) -> Plover {
        let (t, m) = match self {
            EventKind::Visit => (Some("CONSULT"), Some("visit")),
            EventKind::Meeting => (Some("CONSULT"), None),
            EventKind::Call => (Some("CONSULT"), Some("phone")),
            EventKind::Message => (Some("CONSULT"), None),
            EventKind::Invitation => (Some("AGREE"), None),
            EventKind::Talks => (Some("CONSULT"), None),
            EventKind::Summit => (Some("CONSULT"), Some("multilateral")),
            EventKind::Congratulation => (Some("SUPPORT"), None),
            EventKind::Condolence => (None, None),
            EventKind::Praise => (Some("SUPPORT"), None),
            EventKind::Agreement => (Some("AGREE"), None),
        };
        Plover { r#type: t, mode: m }
    }
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, JsonSchema)]
pub struct Plover {
    pub r#type: Option<&'static str>,
    pub mode: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Occurred,
    Planned,
    Denied,
}

/// One side of an event.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash, JsonSchema)]
pub struct Actor {
    pub country: Option<String>,
    pub person: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, JsonSchema)]
pub struct Location {
    pub place: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Event {
    pub id: String,
    pub r#type: EventKind,
    pub cameo: &'static str,
    pub plover: Plover,
    pub status: Status,
    pub source: Actor,
    pub target: Actor,
    /// An envoy or ambassador carrying the interaction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Actor>,
    pub people: Vec<String>,
    pub location: Option<Location>,
    pub date: Option<Date>,
    /// The time expression as written, when there is one.
    pub date_text: Option<String>,
    pub trigger: Mention,
    pub evidence: Mention,
    /// How many times the article reports this interaction.
    pub mentions: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// A trigger word that did not become an event (`--explain` only).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DroppedEvent {
    pub r#type: EventKind,
    pub trigger: Mention,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct BoilerplateSpan {
    pub kind: crate::document::BoilerplateKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A `[start, end)` character range of the decoded text.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, JsonSchema)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
}

/// The analysis of one article.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Document {
    pub file: String,
    pub id: String,
    pub encoding: String,
    pub headline: Option<String>,
    pub date: Option<Date>,
    pub source: Option<String>,
    /// Length of the decoded text in characters.
    pub chars: usize,
    pub boilerplate: Vec<BoilerplateSpan>,
    /// The body paragraphs the recognizers read (headline excluded).
    pub paragraphs: Vec<TextSpan>,
    pub people: Vec<Person>,
    pub countries: Vec<Country>,
    pub places: Vec<Place>,
    pub organizations: Vec<Organization>,
    pub events: Vec<Event>,
    /// With `--explain`: the triggers that did not become events, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped_events: Vec<DroppedEvent>,
    /// The decoded text, kept only for formats that show it (`--format
    /// html`); never serialized.
    #[serde(skip)]
    pub text: Option<String>,
}

/// An input that could not be analyzed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, JsonSchema)]
pub struct InputFailure {
    pub file: String,
    pub error: String,
}
