//! The JSON Schema of the output (`analyze --schema`), generated from the
//! model types with schemars, so it cannot drift from what is serialized.

use crate::dates::Date;
use crate::model::{Document, SCHEMA_VERSION};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

/// One line of `--format ndjson`: a document, an error or the final corpus line.
#[derive(JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(dead_code, clippy::large_enum_variant)]
enum Line {
    Document {
        schema_version: String,
        #[serde(flatten)]
        document: Document,
    },
    Error {
        schema_version: String,
        #[serde(flatten)]
        error: crate::run::RecordFailure,
    },
    Corpus {
        schema_version: String,
        stories: Vec<crate::corpus::Story>,
        summary: crate::corpus::Summary,
    },
}

fn finish(mut s: Schema, title: &str) -> String {
    s.insert("title".into(), title.into());
    s.insert(
        "$comment".into(),
        format!("analyze output, schema_version {SCHEMA_VERSION}").into(),
    );
    let mut out = serde_json::to_string_pretty(&s).expect("a schema serializes");
    out.push('\n');
    out
}

/// The schema of `--format json` (the default).
pub fn json() -> String {
    finish(crate::output::report_schema(), "analyze report")
}

/// The schema of one line of `--format ndjson` (and of `analyze map`).
pub fn ndjson_line() -> String {
    finish(schemars::schema_for!(Line), "analyze NDJSON line")
}
