//! HTML pages: a saved or scraped web page becomes one article.
//!
//! The page is decoded ([`charset`]: BOM, `<meta charset>`, detection),
//! parsed by html5ever (through `scraper`) into a tree, its metadata read
//! ([`meta`]: headline, publication date, outlet) and its article text
//! extracted ([`content`]). The document's text — what every offset of the
//! output counts in, and what `analyze text PAGE.html` prints — is the
//! headline on the first line, then one line per paragraph: the shape of
//! a plain-text article, which the rest of the engine reads as any other.
//!
//! Markup nested deeper than [`MAX_DEPTH`] is flattened before parsing
//! (the tags past that depth are dropped, their text and a few levels of
//! the article's own elements kept): html5ever's tree builder checks the
//! open elements on each tag, quadratic on thousands of nested elements
//! (100,000 nested divs took about 25 s).

mod charset;
mod content;
mod meta;

pub use charset::{declared, decode_html};
pub use content::paragraphs;
pub use meta::{read_meta, Meta};

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

/// Deepest element nesting kept; real pages stay under a hundred.
pub const MAX_DEPTH: usize = 512;

/// Parse decoded markup and extract its article.
pub fn extract(markup: &str) -> Page {
    let flat = flatten(markup, MAX_DEPTH);
    let html = scraper::Html::parse_document(flat.as_deref().unwrap_or(markup));
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

/// Names of the elements whose content is raw text (no tags inside).
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "noscript",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Elements that are never closed or close themselves implicitly: they
/// add no depth.
const NO_DEPTH: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];

/// Elements kept past the depth limit (up to [`KEPT_PAST`] more levels):
/// the article's structure, when it sits under thousands of wrappers.
const KEEP: &[&str] = &[
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "ul",
    "ol",
    "blockquote",
    "time",
    "header",
    "footer",
    "nav",
    "aside",
];

/// How many levels of [`KEEP`] elements may stand past the limit.
const KEPT_PAST: usize = 64;

/// The markup without the tags nested deeper than `max` (their text kept,
/// and the article's own elements too while they nest little), or `None`
/// when nothing is that deep. One pass over the bytes; raw text elements
/// and comments are skipped whole. Tags are paired by count, not by name:
/// a closing tag past the limit goes the way of the opening tag it pairs.
pub fn flatten(markup: &str, max: usize) -> Option<String> {
    let b = markup.as_bytes();
    let mut depth = 0usize;
    // past the limit: whether each open tag was kept, and how many were
    let mut past: Vec<bool> = Vec::new();
    let mut kept = 0usize;
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &b[at..]) {
        let lt = at + i;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            at = lt + memchr::memmem::find(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            at = lt + 1;
            continue;
        }
        let gt = match memchr::memchr(b'>', &b[name_start..]) {
            Some(g) => name_start + g + 1,
            None => break,
        };
        let name = markup[name_start..name_start + name_len].to_ascii_lowercase();
        let self_closing = b[gt - 2] == b'/';
        at = gt;
        if !closing && RAW.contains(&name.as_str()) {
            // to the matching end tag, whatever is inside
            let end = format!("</{name}");
            at = find_ci(&b[gt..], end.as_bytes()).map_or(b.len(), |e| gt + e);
            continue;
        }
        if NO_DEPTH.contains(&name.as_str()) || self_closing && !closing {
            continue;
        }
        if closing {
            if depth > max {
                let was_kept = past.pop().unwrap_or(false);
                kept -= usize::from(was_kept);
                if !was_kept {
                    cut.push((lt, gt));
                }
            }
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > max {
                let keep = KEEP.contains(&name.as_str()) && kept < KEPT_PAST;
                past.push(keep);
                kept += usize::from(keep);
                if !keep {
                    cut.push((lt, gt));
                }
            }
        }
    }
    if cut.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(markup.len());
    let mut from = 0;
    for (s, e) in cut {
        out.push_str(&markup[from..s]);
        from = e;
    }
    out.push_str(&markup[from..]);
    Some(out)
}

/// Case-insensitive search for an ASCII needle.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0].to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[from..]) {
        let at = from + i;
        if hay.len() - at >= needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
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
    fn deep_nesting_is_flattened_and_text_kept() {
        let deep = "<div>".repeat(600) + "نص" + &"</div>".repeat(600);
        let flat = flatten(&deep, 512).unwrap();
        assert_eq!(flat, "<div>".repeat(512) + "نص" + &"</div>".repeat(512));
        // the article's own elements stay, while they nest little
        let deep = "<span>".repeat(600) + "<article><h1>عنوان</h1><p>نص</p></article>";
        let flat = flatten(&deep, 512).unwrap();
        assert_eq!(
            flat,
            "<span>".repeat(512) + "<article><h1>عنوان</h1><p>نص</p></article>"
        );
        let deep = "<a>".repeat(600);
        assert_eq!(flatten(&deep, 512).unwrap(), "<a>".repeat(512 + KEPT_PAST));
        assert_eq!(flatten("<div><p>x</div>", 512), None);
        // tags inside scripts and comments do not count
        let s = format!(
            "<script>{}</script><!--{}-->",
            "<div>".repeat(600),
            "<div>".repeat(600)
        );
        assert_eq!(flatten(&s, 512), None);
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
