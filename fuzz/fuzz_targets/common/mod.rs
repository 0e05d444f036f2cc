//! Checks shared by the fuzz targets that analyze whole documents: every
//! span of a document lies in its text and says what the text says there.

use analyze::model::{Document, Mention};

pub fn check_mention(chars: &[char], m: &Mention) {
    assert!(
        m.start <= m.end && m.end <= chars.len(),
        "mention {}..{} outside {} chars",
        m.start,
        m.end,
        chars.len()
    );
    let got: String = chars[m.start..m.end].iter().collect();
    assert_eq!(got, m.text, "mention text differs from the original slice");
}

pub fn check(doc: &Document, chars: &[char]) {
    assert_eq!(doc.chars, chars.len());
    let mentions = doc
        .people
        .iter()
        .flat_map(|p| p.mentions.iter())
        .chain(doc.countries.iter().flat_map(|c| c.mentions.iter()))
        .chain(doc.places.iter().flat_map(|p| p.mentions.iter()))
        .chain(doc.organizations.iter().flat_map(|o| o.mentions.iter()))
        .chain(doc.events.iter().flat_map(|e| [&e.trigger, &e.evidence]));
    for m in mentions {
        check_mention(chars, m);
    }
    for b in &doc.boilerplate {
        assert!(b.start <= b.end && b.end <= chars.len());
        assert_eq!(chars[b.start..b.end].iter().collect::<String>(), b.text);
    }
    for p in &doc.paragraphs {
        assert!(p.start <= p.end && p.end <= chars.len());
    }
    let json = serde_json::to_string(doc).expect("serializes");
    let _: serde_json::Value = serde_json::from_str(&json).expect("parses back");
}
