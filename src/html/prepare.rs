//! Markup made ready for the parser, in one pass over the bytes: what the
//! extraction never reads is dropped before html5ever tokenizes it, and
//! what would make its tree builder slow is flattened.
//!
//! - The contents of scripts (but JSON-LD), styles, `<noscript>`,
//!   `<iframe>`, `<svg>` and `<math>`, and comments, are dropped: on a
//!   news page they are most of the bytes, and none is article text.
//! - Attributes other than those the extraction reads (class, id, role,
//!   style, hidden, itemprop, `<meta>`'s, `<time>`'s...) are dropped: URLs,
//!   `data-*` and `srcset` values are long, and html5ever reads them a
//!   character at a time.
//! - The content of navigation, asides, option lists and templates is
//!   dropped too (unless one of them is never closed): menus and sidebars
//!   are the most markup a page has after its scripts, and never article
//!   text.
//! - Elements nested deeper than [`MAX_DEPTH`] lose their tags (their text
//!   and a few levels of the article's own elements are kept): the tree
//!   builder checks the open elements on each tag, quadratic on thousands
//!   of nested elements (100,000 nested divs took about 25 s).
//!
//! Tags are read as the HTML tokenizer reads them (quoted attribute values
//! may hold `>`); a `<` that opens no tag is text. Nothing else changes:
//! text, entities and the tags kept are copied as they are.

/// Deepest element nesting kept; real pages stay under a hundred.
pub const MAX_DEPTH: usize = 512;

/// What an element is to the preparation (bits of a `u8`).
const RAW: u8 = 1; // its content is raw text: the parser reads no tag inside
const EMPTIED: u8 = 2; // its content is dropped (a script's unless JSON-LD)
const NO_DEPTH: u8 = 4; // void, or closed implicitly: adds no depth
const VOID: u8 = 8; // never has content
const KEEP: u8 = 16; // the article's structure: kept a little past the limit
const HIDE: u8 = 32; // its content (markup) is dropped: never read

/// The bits of a lowercase element name. `svg` and `math` hold foreign
/// markup, never article text.
fn kind(name: &str) -> u8 {
    match name {
        "script" | "style" | "noscript" | "iframe" | "noembed" | "noframes" => RAW | EMPTIED,
        "textarea" | "title" | "xmp" => RAW,
        "svg" | "math" => RAW | EMPTIED,
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta"
        | "param" | "source" | "track" | "wbr" => VOID | NO_DEPTH,
        "p" | "li" | "dt" | "dd" | "option" | "optgroup" | "tr" | "td" | "th" | "thead"
        | "tbody" | "tfoot" | "colgroup" | "caption" | "rb" | "rt" | "rtc" | "rp" | "html"
        | "head" | "body" => NO_DEPTH,
        "nav" | "aside" => KEEP | HIDE,
        "select" | "template" => HIDE,
        "article" | "main" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "a" | "ul" | "ol"
        | "blockquote" | "time" | "header" | "footer" => KEEP,
        _ => 0,
    }
}

/// How many levels of `KEEP` elements may stand past the limit.
const KEPT_PAST: usize = 64;

/// The attributes the extraction reads (lowercase).
fn is_read(name: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return false;
    }
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"class"
            | b"id"
            | b"role"
            | b"style"
            | b"hidden"
            | b"aria-hidden"
            | b"itemprop"
            | b"property"
            | b"name"
            | b"content"
            | b"charset"
            | b"http-equiv"
            | b"type"
            | b"datetime"
            | b"pubdate"
    )
}

/// One tag as the tokenizer reads it.
struct Tag {
    /// Lowercase name (up to 16 bytes; longer names are no element the
    /// preparation knows).
    name: [u8; 16],
    name_len: usize,
    /// Where the name ends (`markup[lt..name_end]` is `<name` or `</name`).
    name_end: usize,
    closing: bool,
    self_closing: bool,
    /// Some attribute was dropped (the kept ones are in the scratch list).
    dropped: bool,
    /// Ended by `>` (a tag cut off by the end of the input is no tag).
    complete: bool,
    /// Where the tag ends (after `>`, or the end of the input).
    end: usize,
    /// A `type` attribute saying JSON-LD.
    json_ld: bool,
}

impl Tag {
    fn name(&self) -> &str {
        std::str::from_utf8(&self.name[..self.name_len]).unwrap_or("")
    }
}

/// An element whose content is being dropped.
struct Hiding {
    name: [u8; 16],
    name_len: usize,
    /// Open elements of the same name inside it, itself included.
    same: usize,
    /// Open elements of other names inside it: a closing tag that finds
    /// none closes an ancestor, and the hidden element with it.
    other: usize,
}

/// The markup ready for parsing (see the module comment); `max` is the
/// deepest nesting kept.
pub fn prepare(markup: &str, max: usize) -> String {
    // an element to hide that is never closed: hide nothing
    prepare_with(markup, max, true)
        .unwrap_or_else(|| prepare_with(markup, max, false).unwrap_or_else(|| markup.to_string()))
}

/// [`prepare`]; with `hide`, the content of navigation, asides, option
/// lists and templates is dropped (`None` when one of them runs to the end).
fn prepare_with(markup: &str, max: usize, hide: bool) -> Option<String> {
    let b = markup.as_bytes();
    let mut hiding: Option<Hiding> = None;
    let mut out = String::with_capacity(markup.len());
    let mut depth = 0usize;
    // past the limit: whether each open tag was kept, and how many were
    let mut past: Vec<bool> = Vec::new();
    let mut kept = 0usize;
    let mut attrs: Vec<(usize, usize)> = Vec::new();
    let mut from = 0; // copied up to here
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &b[at..]) {
        let lt = at + i;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            out.push_str(&markup[from..lt]);
            at = if rest.starts_with(b"<!-->") {
                lt + 5
            } else if rest.starts_with(b"<!--->") {
                lt + 6
            } else {
                memchr::memmem::find(&rest[4..], b"-->").map_or(b.len(), |e| lt + e + 7)
            };
            from = at;
            continue;
        }
        let Some(tag) = read_tag(b, lt, &mut attrs) else {
            at = lt + 1;
            continue;
        };
        at = tag.end;
        let k = kind(tag.name());
        if let Some(h) = &mut hiding {
            if h.name[..h.name_len] == tag.name[..tag.name_len] {
                if tag.closing {
                    h.same -= 1;
                } else {
                    h.same += 1;
                }
            } else if k & NO_DEPTH == 0 && tag.complete {
                if !tag.closing {
                    h.other += 1;
                } else if h.other == 0 {
                    h.same = 0;
                } else {
                    h.other -= 1;
                }
            }
            if h.same == 0 {
                // the hidden element ends here; this tag is read as usual
                hiding = None;
                from = lt;
            } else {
                if !tag.closing && k & RAW != 0 {
                    at = raw_end(b, at, &tag);
                }
                continue;
            }
        }
        // depth: tags past the limit are cut, their closing tags with them
        let mut cut = !tag.complete;
        if k & NO_DEPTH == 0 {
            if tag.closing {
                if depth > max {
                    let was_kept = past.pop().unwrap_or(false);
                    kept -= usize::from(was_kept);
                    cut = !was_kept;
                }
                depth = depth.saturating_sub(1);
            } else {
                // (a self-closing div opens a div, as the parser reads it)
                depth += 1;
                if depth > max {
                    let keep = k & KEEP != 0 && kept < KEPT_PAST;
                    past.push(keep);
                    kept += usize::from(keep);
                    cut = !keep;
                }
            }
        }
        if cut || tag.dropped {
            out.push_str(&markup[from..lt]);
            if !cut {
                out.push_str(&markup[lt..tag.name_end]);
                for &(s, e) in &attrs {
                    out.push(' ');
                    out.push_str(&markup[s..e]);
                }
                out.push_str(if tag.self_closing { "/>" } else { ">" });
            }
            from = tag.end;
        }
        if hide && !cut && !tag.closing && !tag.self_closing && k & HIDE != 0 {
            out.push_str(&markup[from..at]);
            from = at;
            hiding = Some(Hiding {
                name: tag.name,
                name_len: tag.name_len,
                same: 1,
                other: 0,
            });
            continue;
        }
        if tag.closing || k & RAW == 0 {
            continue;
        }
        // raw text: to the matching end tag, whatever is inside
        let end = raw_end(b, at, &tag);
        if k & EMPTIED != 0 && !tag.json_ld {
            out.push_str(&markup[from..at]);
            from = end;
        }
        at = end;
    }
    if hiding.is_some() {
        return None;
    }
    out.push_str(&markup[from..]);
    Some(out)
}

/// Where the raw text of `tag`, from `at`, ends: at its closing tag.
fn raw_end(b: &[u8], at: usize, tag: &Tag) -> usize {
    let mut close = [0u8; 18];
    close[..2].copy_from_slice(b"</");
    close[2..2 + tag.name_len].copy_from_slice(&tag.name[..tag.name_len]);
    find_ci(&b[at..], &close[..2 + tag.name_len]).map_or(b.len(), |e| at + e)
}

/// The tag starting at `lt` (a `<`), or `None` when no tag starts there;
/// the ranges of the attributes kept go to `attrs`.
fn read_tag(b: &[u8], lt: usize, attrs: &mut Vec<(usize, usize)>) -> Option<Tag> {
    attrs.clear();
    let closing = b.get(lt + 1) == Some(&b'/');
    let name_start = lt + 1 + usize::from(closing);
    if !b.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = name_start
        + b[name_start..]
            .iter()
            .take_while(|c| !c.is_ascii_whitespace() && **c != b'/' && **c != b'>')
            .count();
    let mut tag = Tag {
        name: [0; 16],
        name_len: 0,
        name_end,
        closing,
        self_closing: false,
        dropped: false,
        complete: false,
        end: b.len(),
        json_ld: false,
    };
    if name_end - name_start <= tag.name.len() {
        tag.name_len = name_end - name_start;
        tag.name[..tag.name_len].copy_from_slice(&b[name_start..name_end]);
        tag.name[..tag.name_len].make_ascii_lowercase();
    }
    let mut i = name_end;
    while i < b.len() {
        match b[i] {
            b'>' => {
                tag.end = i + 1;
                tag.complete = true;
                return Some(tag);
            }
            c if c.is_ascii_whitespace() => i += 1,
            b'/' => {
                tag.self_closing = b.get(i + 1) == Some(&b'>');
                i += 1;
            }
            _ => {
                let start = i;
                // an attribute name runs to white space, '/', '>' or '='
                // (a '=' that starts it belongs to it)
                i += 1;
                while i < b.len()
                    && !matches!(b[i], b'/' | b'>' | b'=')
                    && !b[i].is_ascii_whitespace()
                {
                    i += 1;
                }
                let name = &b[start..i];
                let mut j = i;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                let mut value = None;
                if b.get(j) == Some(&b'=') {
                    j += 1;
                    while j < b.len() && b[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    match b.get(j) {
                        Some(&q @ (b'"' | b'\'')) => {
                            let close =
                                memchr::memchr(q, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e);
                            value = Some((j + 1, close));
                            i = (close + 1).min(b.len());
                        }
                        _ => {
                            let v = j;
                            while j < b.len() && b[j] != b'>' && !b[j].is_ascii_whitespace() {
                                j += 1;
                            }
                            value = Some((v, j));
                            i = j;
                        }
                    }
                }
                if is_read(name) {
                    attrs.push((start, i));
                    if name.eq_ignore_ascii_case(b"type") {
                        tag.json_ld = value.is_some_and(|(s, e)| {
                            b[s..e]
                                .windows(7)
                                .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
                        });
                    }
                } else {
                    tag.dropped = true;
                }
            }
        }
    }
    Some(tag)
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

    fn p(s: &str) -> String {
        prepare(s, 512)
    }

    #[test]
    fn scripts_styles_comments_and_unread_attributes_go() {
        assert_eq!(
            p("<head><script src=x.js>var a = '<p>';</script><style>p{}</style><!-- <p>x</p> --></head>"),
            "<head><script></script><style></style></head>"
        );
        assert_eq!(
            p("<script type=\"application/ld+json\">{\"a\": \"</p>\"}</script>"),
            "<script type=\"application/ld+json\">{\"a\": \"</p>\"}</script>"
        );
        assert_eq!(
            p("<a href=\"/x?a>b\" class='c d' data-x=1 hidden>نص</a><br/><img src=a.png>"),
            "<a class='c d' hidden>نص</a><br/><img>"
        );
        assert_eq!(
            p("<meta property=og:title content=\"عنوان > آخر\"><p class=x>أ < ب</p>"),
            "<meta property=og:title content=\"عنوان > آخر\"><p class=x>أ < ب</p>"
        );
        assert_eq!(p("<title>أ <b> ب</title>"), "<title>أ <b> ب</title>");
        assert_eq!(p("<svg><path d=\"M0\"/></svg>نص"), "<svg></svg>نص");
        // menus and sidebars, nested or closed by an ancestor
        assert_eq!(
            p("<nav class=m><ul><li><a href=/>أ</a><nav>ب</nav></ul></nav><p>نص</p>"),
            "<nav class=m></nav><p>نص</p>"
        );
        assert_eq!(
            p("<div><aside><b>ج<script>'</aside>'</script></b></div><p>نص</p>"),
            "<div><aside></div><p>نص</p>"
        );
        // never closed (or not told closed): kept
        assert_eq!(p("<aside><p>نص</p>"), "<aside><p>نص</p>");
        assert_eq!(
            p("<div><aside><span>ج</div><p>نص</p>"),
            "<div><aside><span>ج</div><p>نص</p>"
        );
        assert_eq!(p("نص <a href=\"x"), "نص ");
        assert_eq!(p("<p>أ</P >ب</p>"), "<p>أ</P >ب</p>");
        assert_eq!(p("أ<!-->ب<!--->ج"), "أبج");
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let deep = "<div>".repeat(600) + "نص" + &"</div>".repeat(600);
        assert_eq!(p(&deep), "<div>".repeat(512) + "نص" + &"</div>".repeat(512));
        // the article's own elements stay, while they nest little
        let deep = "<span>".repeat(600) + "<article><h1>عنوان</h1><p>نص</p></article>";
        assert_eq!(
            p(&deep),
            "<span>".repeat(512) + "<article><h1>عنوان</h1><p>نص</p></article>"
        );
        assert_eq!(p(&"<a>".repeat(600)), "<a>".repeat(512 + KEPT_PAST));
        // a self-closing div opens a div (as the parser reads it)
        assert_eq!(p(&"<div/>".repeat(600)), "<div/>".repeat(512));
        let s = "<div><p>x</div>";
        assert_eq!(p(s), s);
        // tags inside scripts and comments do not count
        let s = format!(
            "<textarea>{}</textarea><!--{}-->",
            "<div>".repeat(600),
            "<div>".repeat(600)
        );
        assert_eq!(
            p(&s),
            format!("<textarea>{}</textarea>", "<div>".repeat(600))
        );
    }
}
