//! Main-content extraction: which text of a page is the article.
//!
//! One pass over the tree (iterative: depth costs no stack) cuts the
//! visible text into blocks (a paragraph, a heading, a list item, text
//! between `<br>`s) and sums the text and link characters under every
//! element, leaving out what is never article text: scripts, styles,
//! navigation, asides, footers, forms' controls, figures and captions,
//! hidden elements, and elements whose class or id says sidebar, related,
//! share, comments, menu, tags, meta, date... Then, as Mozilla's
//! Readability does, each block of 25 characters or more scores its
//! container (and half its container's container) by its length and its
//! commas; a container's score grows for `<article>`, `itemprop=
//! articleBody` and content-like classes and shrinks with its link density.
//! The best container, with its siblings that score nearly as well, holds
//! the article; its blocks, in order, less the ones made mostly of links
//! and a repeat of the headline, are the paragraphs.

use crate::gazetteer::FxBuild;
use aho_corasick::AhoCorasick;
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Elements whose whole subtree is never article text.
const SKIPPED: &[&str] = &[
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "nav",
    "aside",
    "footer",
    "header",
    "button",
    "select",
    "input",
    "textarea",
    "figure",
    "figcaption",
    "dialog",
    "amp-ad",
    "amp-sidebar",
    "amp-social-share",
    "amp-analytics",
    "amp-consent",
    "amp-carousel",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "center",
    "hr",
    "br",
    "body",
    "html",
    "details",
    "summary",
    "fieldset",
    "form",
    "hgroup",
    "menu",
];

/// Words in a class or id that mark page furniture, not the article.
const FURNITURE: &[&str] = &[
    "related",
    "comment",
    "share",
    "sharing",
    "social",
    "sidebar",
    "widget",
    "breadcrumb",
    "newsletter",
    "subscribe",
    "cookie",
    "gdpr",
    "promo",
    "sponsor",
    "advert",
    "popular",
    "most-read",
    "mostread",
    "most-viewed",
    "trending",
    "read-also",
    "readmore",
    "read-more",
    "more-news",
    "latest",
    "tags",
    "footer",
    "header",
    "navbar",
    "nav-",
    "menu",
    "meta",
    "byline",
    "author",
    "date",
    "caption",
    "credit",
    "pagination",
    "pager",
    "print",
    "toolbar",
    "ticker",
    "breaking",
    "disqus",
    "banner",
    "popup",
    "modal",
    "views",
    "counter",
    "-info",
    "info-",
];

/// Class or id words of the article's own container.
const CONTENT: &[&str] = &[
    "article-body",
    "articlebody",
    "article-content",
    "article__body",
    "article__content",
    "entry-content",
    "post-content",
    "post-body",
    "story-body",
    "story-content",
    "news-content",
    "news-details",
    "content-body",
    "td-post-content",
];

/// Class or id words that make a container more likely (Readability's).
const LIKELY: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
];

/// The lowercase tag name of an element node.
pub fn tag_name<'a>(node: NodeRef<'a, Node>) -> Option<&'a str> {
    node.value().as_element().map(Element::name)
}

/// Whitespace runs (line breaks, no-break spaces: Unicode `White_Space`)
/// as one space, trimmed. Reads the bytes: only a few lead bytes can start
/// a non-ASCII space.
pub fn collapse(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut word: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        let (space, len) = match b[i] {
            c @ 0..=0x7F => (matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = s[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            }
            c => (false, (c.leading_ones() as usize).max(1)),
        };
        match (space, word) {
            (true, Some(w)) => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[w..i]);
                word = None;
            }
            (false, None) => word = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(w) = word {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[w..]);
    }
    out
}

/// One run of text between block boundaries.
struct Block {
    text: String,
    /// The innermost block element around it.
    owner: NodeId,
    chars: usize,
    link_chars: usize,
}

/// Text and link characters under an element.
#[derive(Clone, Copy, Default)]
struct Sums {
    chars: usize,
    links: usize,
}

struct Pass {
    blocks: Vec<Block>,
    sums: HashMap<NodeId, Sums, FxBuild>,
}

/// The article paragraphs of a page, in order, without `headline`.
pub fn paragraphs(html: &Html, headline: Option<&str>) -> Vec<String> {
    let pass = cut_blocks(html);
    let chosen = choose(html, &pass);
    let headline = headline.map(collapse);
    pass.blocks
        .into_iter()
        .filter(|b| chosen.as_ref().is_none_or(|c| c.contains(&b.owner)))
        .filter(|b| b.link_chars * 2 <= b.chars)
        .filter(|b| headline.as_deref() != Some(b.text.as_str()))
        .map(|b| b.text)
        .collect()
}

fn cut_blocks(html: &Html) -> Pass {
    let root = html.tree.root();
    let mut blocks = Vec::new();
    let mut sums: HashMap<NodeId, Sums, FxBuild> = HashMap::default();
    let mut skip: Option<NodeId> = None;
    let mut owners: Vec<NodeId> = vec![root.id()];
    let mut open: Vec<(NodeId, Sums)> = vec![(root.id(), Sums::default())];
    let mut links = 0usize;
    let mut text = String::new();
    let mut block_links = 0usize;
    let mut flush = |text: &mut String, block_links: &mut usize, owner: NodeId| {
        let t = collapse(text);
        if !t.is_empty() {
            let chars = t.chars().count();
            blocks.push(Block {
                text: t,
                owner,
                chars,
                link_chars: (*block_links).min(chars),
            });
        }
        text.clear();
        *block_links = 0;
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        if is_furniture(el) {
                            skip = Some(node.id());
                            continue;
                        }
                        open.push((node.id(), Sums::default()));
                        let name = el.name();
                        if BLOCKS.contains(&name) {
                            flush(
                                &mut text,
                                &mut block_links,
                                *owners.last().unwrap_or(&root.id()),
                            );
                            owners.push(node.id());
                        }
                        if name == "a" {
                            links += 1;
                        }
                    }
                    Node::Text(t) => {
                        let n = t.chars().filter(|c| !c.is_whitespace()).count();
                        if let Some(top) = open.last_mut() {
                            top.1.chars += n;
                            if links > 0 {
                                top.1.links += n;
                            }
                        }
                        if links > 0 {
                            block_links += n;
                        }
                        text.push_str(t);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(s) = skip {
                    if s == node.id() {
                        skip = None;
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else {
                    continue;
                };
                if let Some((id, s)) = open.pop() {
                    if s.chars > 0 {
                        sums.insert(id, s);
                        if let Some(parent) = open.last_mut() {
                            parent.1.chars += s.chars;
                            parent.1.links += s.links;
                        }
                    }
                }
                let name = el.name();
                if BLOCKS.contains(&name) {
                    flush(&mut text, &mut block_links, node.id());
                    owners.pop();
                }
                if name == "a" {
                    links = links.saturating_sub(1);
                }
            }
        }
    }
    flush(&mut text, &mut block_links, root.id());
    Pass { blocks, sums }
}

/// Never article text: by tag, by being hidden, by role, by class or id.
fn is_furniture(el: &Element) -> bool {
    let name = el.name();
    if SKIPPED.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            let s = s.to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
        || el.attr("role").is_some_and(|r| {
            matches!(
                r,
                "navigation" | "complementary" | "contentinfo" | "banner" | "menu" | "menubar"
            )
        })
    {
        return true;
    }
    if matches!(name, "html" | "body" | "article" | "main")
        || el.attr("itemprop") == Some("articleBody")
    {
        return false;
    }
    // (one automaton over the furniture words first: most words are none)
    static FURNISHED: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(FURNITURE).expect("furniture words"));
    words(el).any(|w| {
        (FURNISHED.is_match(w.as_ref()) || is_ad(&w))
            && !w.starts_with("has-")
            && !w.starts_with("with-")
            && !CONTENT.iter().any(|c| w.starts_with(c))
            && !w.starts_with("content")
    })
}

/// An advertisement's class or id: `ad`, `ads`, `ad-slot`, `top-ad`, `adsbygoogle`.
fn is_ad(w: &str) -> bool {
    w == "ad"
        || w == "ads"
        || w.starts_with("ad-")
        || w.starts_with("ads-")
        || w.ends_with("-ad")
        || w.ends_with("-ads")
        || w.starts_with("adsbygoogle")
        || w.contains("-ad-")
}

/// The lowercase words of an element's class and id (copied only when
/// they are not lowercase already).
fn words(el: &Element) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    el.attr("class")
        .into_iter()
        .chain(el.attr("id"))
        .flat_map(|s| s.split_ascii_whitespace())
        .map(|w| {
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(w.to_ascii_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
}

/// Readability's weight of a container, from its tag and its class and id.
fn weight(el: &Element) -> f64 {
    let mut w = match el.name() {
        "article" => 10.0,
        "main" | "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    if el.attr("itemprop") == Some("articleBody") {
        w += 50.0;
    }
    for word in words(el) {
        if CONTENT.iter().any(|c| word.contains(c)) {
            w += 25.0;
        }
        if LIKELY.iter().any(|l| word.contains(l)) {
            w += 25.0;
        }
    }
    w
}

/// The elements whose blocks are the article: the best-scoring container
/// and its siblings that score nearly as well (`None`: no block is long
/// enough to tell, every block is kept).
fn choose(html: &Html, pass: &Pass) -> Option<HashSet<NodeId, FxBuild>> {
    let mut scores: HashMap<NodeId, f64, FxBuild> = HashMap::default();
    let tree = &html.tree;
    for b in pass.blocks.iter().filter(|b| b.chars >= 25) {
        let Some(owner) = tree.get(b.owner) else {
            continue;
        };
        let commas = b.text.chars().filter(|c| matches!(c, ',' | '،')).count();
        let score = 1.0 + commas as f64 + (b.chars as f64 / 100.0).min(3.0);
        // a paragraph scores its container; a container's own text scores it
        let first = if is_paragraph(owner) {
            owner.parent()
        } else {
            Some(owner)
        };
        let mut at = first;
        for share in [1.0, 0.5] {
            let Some(n) = at.filter(|n| n.value().is_element()) else {
                break;
            };
            *scores.entry(n.id()).or_insert_with(|| initial(n)) += score * share;
            at = n.parent();
        }
    }
    let final_score = |id: NodeId, s: f64| {
        let sums = pass.sums.get(&id).copied().unwrap_or_default();
        let density = sums.links as f64 / sums.chars.max(1) as f64;
        s * (1.0 - density)
    };
    let (top, best) = scores
        .iter()
        .map(|(&id, &s)| (id, final_score(id, s)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let top_node = tree.get(top)?;
    let mut roots = vec![top];
    if let Some(parent) = top_node.parent() {
        let bar = (best * 0.2).max(10.0);
        for sib in parent.children().filter(|c| c.id() != top) {
            let good = scores
                .get(&sib.id())
                .is_some_and(|&s| final_score(sib.id(), s) >= bar)
                || (tag_name(sib) == Some("p")
                    && pass
                        .sums
                        .get(&sib.id())
                        .is_some_and(|s| s.chars > 80 && (s.links as f64) < 0.25 * s.chars as f64));
            if good {
                roots.push(sib.id());
            }
        }
    }
    let mut inside: HashSet<NodeId, FxBuild> = HashSet::default();
    for r in roots {
        if let Some(n) = tree.get(r) {
            inside.extend(n.descendants().map(|d| d.id()));
        }
    }
    Some(inside)
}

/// A paragraph-like element: its text scores the element around it.
fn is_paragraph(node: NodeRef<Node>) -> bool {
    match tag_name(node) {
        Some(
            "p" | "pre" | "blockquote" | "li" | "dd" | "td" | "h2" | "h3" | "h4" | "h5" | "h6",
        ) => true,
        // a div holding only text and inline elements is a paragraph too
        Some(_) => !node
            .children()
            .any(|c| tag_name(c).is_some_and(|t| BLOCKS.contains(&t) && t != "br")),
        None => false,
    }
}

fn initial(node: NodeRef<Node>) -> f64 {
    node.value().as_element().map_or(0.0, weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(page: &str) -> Vec<String> {
        paragraphs(&Html::parse_document(page), Some("العنوان"))
    }

    const P1: &str =
        "استقبل وزير الخارجية نظيره العراقي في العاصمة، وبحث الجانبان العلاقات الثنائية.";
    const P2: &str = "وأكد الوزيران، خلال المؤتمر الصحفي، أهمية تعزيز التعاون بين البلدين الشقيقين.";

    #[test]
    fn the_article_container_wins_over_the_sidebar() {
        let page = format!(
            "<body><header><a href=/>الموقع</a></header>\
             <div class=\"entry-content\"><h1>العنوان</h1><p>{P1}</p><p>{P2}</p>\
             <p>اقرأ أيضا: <a href=/x>خبر آخر طويل العنوان عن موضوع مختلف تماما</a></p></div>\
             <div class=\"sidebar\"><ul><li><a href=/1>خبر جانبي أول عن زيارة الرئيس إلى الصين</a></li></ul></div>\
             <div class=\"col\"><h3>الأكثر قراءة</h3><ul><li><a href=/2>عنوان</a></li></ul></div>\
             <footer>جميع الحقوق محفوظة</footer><script>var x = '<p>لا</p>';</script></body>"
        );
        assert_eq!(paras(&page), [P1, P2]);
    }

    #[test]
    fn text_between_line_breaks_is_paragraphs() {
        let page = format!("<body><td><font>{P1}<br><br>{P2}</font></td></body>");
        assert_eq!(paras(&page), [P1, P2]);
    }

    #[test]
    fn hidden_and_inline_markup() {
        let page = format!(
            "<body><article><p style=\"display: none\">مخفي</p>\
             <p>استقبل <b>وزير</b> <a href=/w>الخارجية</a>\n   نظيره العراقي في العاصمة، وبحث الجانبان العلاقات الثنائية.</p>\
             <p>{P2}</p></article></body>"
        );
        assert_eq!(paras(&page), [P1, P2]);
    }

    #[test]
    fn collapse_is_split_on_white_space() {
        for s in [
            "",
            " ",
            "أ",
            "  أ  ب\u{a0}\u{a0}ج\n\tد\u{3000}ه\u{2009}و ",
            "x\u{200b}y \u{85}z\u{1680}",
            "€ 中文 𝄞\u{2028}🙂",
        ] {
            let want: Vec<&str> = s
                .split(char::is_whitespace)
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(collapse(s), want.join(" "), "{s:?}");
        }
    }

    #[test]
    fn nothing_long_enough_keeps_every_block() {
        assert_eq!(paras("<p>قصير</p><p>أقصر</p>"), ["قصير", "أقصر"]);
        assert!(paras("<script>x()</script>").is_empty());
    }
}
