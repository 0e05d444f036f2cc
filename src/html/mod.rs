//! HTML pages: a saved or scraped web page becomes one article.
//!
//! The page is decoded ([`charset`]: BOM, `<meta charset>`, detection),
//! stripped of what is never read and flattened where it nests too deep
//! ([`prepare`]), parsed by html5ever (through `scraper`) into a tree, its
//! metadata read ([`meta`]: headline, publication date, outlet) and its
//! article text extracted ([`content`]). The document's text — what every
//! offset of the output counts in, and what `analyze text PAGE.html`
//! prints — is the headline on the first line, then one line per
//! paragraph: the shape of a plain-text article, which the rest of the
//! engine reads as any other.

mod charset;
mod content;
mod meta;
mod prepare;

pub use charset::{declared, decode_html};
pub use content::paragraphs;
pub use meta::{read_meta, Meta};
pub use prepare::{prepare, MAX_DEPTH};

/// The article of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The headline line, then one line per paragraph.
    pub text: String,
    pub headline: Option<String>,
    /// Publication date candidates, most reliable first (unparsed).
    pub dates: Vec<String>,
    pub source: Option<String>,
}

/// Parse decoded markup and extract its article.
pub fn extract(markup: &str) -> Page {
    let html = scraper::Html::parse_document(&prepare(markup, MAX_DEPTH));
    let meta = read_meta(&html);
    let paras = paragraphs(&html, meta.headline.as_deref());
    let mut text = String::new();
    for line in meta.headline.iter().chain(paras.iter()) {
        text.push_str(line);
        text.push('\n');
    }
    Page {
        text,
        headline: meta.headline,
        dates: meta.dates,
        source: meta.source,
    }
}

/// Does a file's first bytes look like an HTML page (a doctype, `<html`,
/// `<head` or `<body` first, after a BOM, white space and comments)?
pub fn looks_like_html(head: &[u8]) -> bool {
    let mut h = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    loop {
        h = &h[h.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
        if !h.starts_with(b"<!--") {
            break;
        }
        match memchr::memmem::find(h, b"-->") {
            Some(i) => h = &h[i + 3..],
            None => return false,
        }
    }
    let starts = |p: &[u8]| h.len() >= p.len() && h[..p.len()].eq_ignore_ascii_case(p);
    starts(b"<!doctype html") || starts(b"<html") || starts(b"<head") || starts(b"<body")
}

/// Does a record's text hold an HTML page or fragment rather than plain
/// text? It must open with a tag and hold paragraph or page markup: plain
/// articles never do.
pub fn is_markup(text: &str) -> bool {
    let t = text.trim_start();
    if looks_like_html(t.as_bytes()) {
        return true;
    }
    if !t.starts_with('<') {
        return false;
    }
    let head = &t.as_bytes()[..t.len().min(4096)];
    [
        b"</p>".as_slice(),
        b"</div>",
        b"<br",
        b"</h1>",
        b"</h2>",
        b"</article>",
    ]
    .iter()
    .any(|tag| head.windows(tag.len()).any(|w| w.eq_ignore_ascii_case(tag)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_recognized_by_their_first_tag() {
        assert!(looks_like_html(b"\xEF\xBB\xBF <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<!-- saved --> \n<HTML lang=ar>"));
        assert!(!looks_like_html(b"<DOC>\n<DOCNO>"));
        assert!(!looks_like_html("زار الوزير".as_bytes()));
        assert!(is_markup("  <div class=x><p>نص</p></div>"));
        assert!(!is_markup("<رأي> نص عادي"));
        assert!(!is_markup("نص فيه </p> وسط الكلام"));
    }

    #[test]
    fn a_page_becomes_headline_and_paragraphs() {
        let page = "<html><head><title>العنوان - الموقع</title>\
            <meta property=og:site_name content=الموقع></head>\
            <body><article><h1>العنوان</h1><p>استقبل وزير الخارجية نظيره العراقي في العاصمة، وبحث الجانبان العلاقات.</p></article></body></html>";
        let p = extract(page);
        assert_eq!(
            p.text,
            "العنوان\nاستقبل وزير الخارجية نظيره العراقي في العاصمة، وبحث الجانبان العلاقات.\n"
        );
        assert_eq!(p.source.as_deref(), Some("الموقع"));
    }
}
