//! Page metadata: the headline, the publication date and the outlet a page
//! states about itself: `<meta>` tags (Open Graph `og:title`,
//! `og:site_name`, `article:published_time`, Dublin Core, `itemprop`...),
//! JSON-LD (`headline`, `datePublished`, `publisher.name`), `<time
//! datetime>`, elements classed as dates, `<h1>` and `<title>`.

use super::content::{collapse, tag_name};
use ego_tree::NodeRef;
use scraper::{Html, Node};
use serde_json::Value;

/// What a page says about itself. Dates are still text: the caller reads
/// them with the date reader every other input uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub headline: Option<String>,
    /// Publication date candidates, the most reliable first.
    pub dates: Vec<String>,
    pub source: Option<String>,
}

/// `<meta>` names and properties giving the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "parsely-pub-date",
    "sailthru.date",
];

/// JSON-LD types of a news page's main object.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "WebPage",
];

/// How far up the tree an element's surroundings are looked at.
const ANCESTORS: usize = 32;

/// Dates shown on the page: `<time>` elements (`true`: marked as the
/// publication date) and elements classed as dates, each with whether it
/// comes after the first `<h1>` (a site's header shows today's date above
/// the article; the article's own date follows its headline).
#[derive(Default)]
struct Found {
    metas: Vec<(String, String)>,
    ld: Vec<Value>,
    times: Vec<(bool, bool, String)>,
    dated: Vec<(bool, String)>,
    h1: Option<String>,
    title: Option<String>,
}

/// Read the metadata of a parsed page.
pub fn read_meta(html: &Html) -> Meta {
    let f = collect(html);
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            f.metas
                .iter()
                .find(|(n, v)| n == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let article = f.ld.iter().find_map(article_object);
    let ld_str = |key: &str| {
        article
            .and_then(|a| a.get(key))
            .and_then(text_value)
            .filter(|s| !s.is_empty())
    };
    let source = meta(&["og:site_name"])
        .or_else(|| article.and_then(|a| a.get("publisher")).and_then(name_of))
        .or_else(|| meta(&["application-name"]));
    let clean = |t: String| strip_site(&t, source.as_deref(), f.h1.as_deref());
    let headline = ld_str("headline")
        .map(&clean)
        .or_else(|| meta(&["og:title"]).map(&clean))
        .or_else(|| meta(&["twitter:title"]).map(&clean))
        .or_else(|| f.h1.clone())
        .or_else(|| f.title.clone().map(&clean))
        .filter(|h| !h.is_empty());
    let mut dates: Vec<String> = Vec::new();
    let mut add = |d: String| {
        if !d.is_empty() && !dates.contains(&d) {
            dates.push(d);
        }
    };
    for k in &DATE_KEYS[..3] {
        meta(&[k]).into_iter().for_each(&mut add);
    }
    ld_str("datePublished").into_iter().for_each(&mut add);
    for k in &DATE_KEYS[3..] {
        meta(&[k]).into_iter().for_each(&mut add);
    }
    // a <time> marked as the publication first, then those after the
    // headline, then the others; then the same for elements named as dates
    for (marked, after) in [(true, true), (true, false), (false, true), (false, false)] {
        for (_, _, t) in f
            .times
            .iter()
            .filter(|(m, a, _)| (*m, *a) == (marked, after))
        {
            add(t.clone());
        }
    }
    for after in [true, false] {
        for (_, t) in f.dated.iter().filter(|(a, _)| *a == after) {
            add(t.clone());
        }
    }
    Meta {
        headline,
        dates,
        source: source.map(|s| collapse(&s)).filter(|s| !s.is_empty()),
    }
}

fn collect(html: &Html) -> Found {
    let mut f = Found::default();
    for node in html.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, el.attr("content")) {
                    f.metas.push((k.trim().to_ascii_lowercase(), collapse(v)));
                }
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Ok(v) = serde_json::from_str::<Value>(&text_of(node)) {
                    f.ld.push(v);
                }
            }
            "time" => {
                let marked = el.attr("pubdate").is_some()
                    || el.attr("itemprop") == Some("datePublished")
                    || el.attr("class").is_some_and(|c| c.contains("publish"));
                let t = el
                    .attr("datetime")
                    .map(collapse)
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| collapse(&text_of(node)));
                f.times.push((marked, f.h1.is_some(), t));
            }
            "h1" if f.h1.is_none() && !in_chrome(node) => {
                let t = collapse(&text_of(node));
                if !t.is_empty() {
                    f.h1 = Some(t);
                }
            }
            "title" if f.title.is_none() => f.title = Some(collapse(&text_of(node))),
            _ => {
                if el.attr("itemprop") == Some("datePublished") {
                    if let Some(c) = el.attr("content") {
                        f.metas.push(("datepublished".into(), collapse(c)));
                    }
                }
                let named = |s: Option<&str>| {
                    s.is_some_and(|s| {
                        [b"date".as_slice(), b"publish", b"posted"].iter().any(|n| {
                            s.as_bytes()
                                .windows(n.len())
                                .any(|w| w.eq_ignore_ascii_case(n))
                        })
                    })
                };
                if named(el.attr("class")) || named(el.attr("id")) {
                    let t = collapse(&text_of(node));
                    if !t.is_empty() && t.chars().count() <= 100 {
                        f.dated.push((f.h1.is_some(), t));
                    }
                }
            }
        }
    }
    f
}

/// The text of a node's subtree, from its first nodes only (an element
/// classed as a date may wrap a whole page, many times over).
fn text_of(node: NodeRef<Node>) -> String {
    const NODES: usize = 256;
    let mut s = String::new();
    for d in node.descendants().take(NODES) {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    s
}

/// Inside navigation, an aside or a footer (a site's logo or a related
/// story's title is not the headline).
fn in_chrome(node: NodeRef<Node>) -> bool {
    node.ancestors()
        .take(ANCESTORS)
        .any(|a| matches!(tag_name(a), Some("nav" | "aside" | "footer")))
}

/// The article object of a JSON-LD value: the value itself, an element of
/// an array, or of its `@graph`.
fn article_object(v: &Value) -> Option<&serde_json::Map<String, Value>> {
    match v {
        Value::Array(a) => a.iter().find_map(article_object),
        Value::Object(o) => {
            let typed = match o.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if typed && (o.contains_key("headline") || o.contains_key("datePublished")) {
                Some(o)
            } else {
                o.get("@graph").and_then(article_object)
            }
        }
        _ => None,
    }
}

fn text_value(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(collapse(s)),
        Value::Array(a) => a.first().and_then(text_value),
        _ => None,
    }
}

/// The `name` of a JSON-LD publisher (an object, a list of them, or a string).
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.get("name").and_then(text_value),
        Value::Array(a) => a.iter().find_map(name_of),
        Value::String(s) => Some(collapse(s)),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

/// A title without the site's name around it ("العنوان - الموقع",
/// "الموقع | العنوان"); a title that is the page's `<h1>` followed by a
/// separator and more is that `<h1>`.
fn strip_site(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    let title = collapse(title);
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » "];
    if let Some(h) = h1.filter(|h| !h.is_empty() && *h != title) {
        if let Some(rest) = title.strip_prefix(h) {
            if SEPARATORS.iter().any(|s| rest.starts_with(s)) {
                return h.to_string();
            }
        }
    }
    if let Some(site) = site.map(collapse).filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some(t) = title.strip_suffix(&format!("{sep}{site}")) {
                return t.trim().to_string();
            }
            if let Some(t) = title.strip_prefix(&format!("{site}{sep}")) {
                return t.trim().to_string();
            }
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(page: &str) -> Meta {
        read_meta(&Html::parse_document(page))
    }

    #[test]
    fn open_graph_and_article_tags() {
        let m = meta(
            "<html><head><title>عنوان - الموقع</title>\
             <meta property=\"og:title\" content=\"عنوان الخبر | الموقع\">\
             <meta property=\"og:site_name\" content=\"الموقع\">\
             <meta property=\"article:published_time\" content=\"2024-03-12T10:00:00+03:00\">\
             </head><body><h1>عنوان الخبر</h1></body></html>",
        );
        assert_eq!(m.headline.as_deref(), Some("عنوان الخبر"));
        assert_eq!(m.source.as_deref(), Some("الموقع"));
        assert_eq!(m.dates, ["2024-03-12T10:00:00+03:00"]);
    }

    #[test]
    fn json_ld_graph() {
        let m = meta(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
               {"@type":"WebSite","name":"x"},
               {"@type":["NewsArticle"],"headline":"وزير يزور","datePublished":"2023-05-01",
                "publisher":{"@type":"Organization","name":"الوكالة"}}]}</script>
               <script type="application/ld+json">{broken</script>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("وزير يزور"));
        assert_eq!(m.source.as_deref(), Some("الوكالة"));
        assert_eq!(m.dates, ["2023-05-01"]);
    }

    #[test]
    fn time_elements_h1_and_title() {
        let m = meta(
            "<title>العنوان</title><nav><h1>الموقع</h1></nav>\
             <time datetime=\"2020-01-02\">x</time><time pubdate>3 مايو 2021</time>\
             <h1> عنوان  المقال </h1><span class=\"post-date\">الأحد 4 مايو 2021</span>",
        );
        assert_eq!(m.headline.as_deref(), Some("عنوان المقال"));
        assert_eq!(m.dates, ["3 مايو 2021", "2020-01-02", "الأحد 4 مايو 2021"]);
        assert_eq!(m.source, None);
    }
}
