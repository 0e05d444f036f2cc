//! Criterion benchmark: what reading a web page adds to the analysis of a
//! document. For each page of `tests/html/`, and for a page of typical size
//! (the WordPress page carrying what a real one carries besides its article:
//! about 120 KB of inline styles and scripts, a mega menu, footer links),
//! three timings of one document, from its bytes:
//!
//! - `page/NAME`: the page (decode, parse, extract, analyze: `analyze_unit`),
//! - `text/NAME`: its plain-text twin (`analyze_unit` on the article alone),
//! - `extract/NAME`: decoding, parsing and extracting the page only.
//!
//! `cargo bench --bench html` (add `-- typical` for the typical page). The
//! overhead of HTML is `page / text - 1`.

use analyze::analyze::{Engine, Settings};
use analyze::formats::{analyze_unit, Body, FieldNames, Unit};
use analyze::lexicon::Lexicon;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// The binary's allocator: html5ever allocates a node, its name and its
/// attributes at a time, and the figures should be the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PAGES: &[&str] = &["wordpress", "portal", "amp", "jsonld", "cp1256"];

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/html/{name}")).expect("run from the project root")
}

/// A news page of typical weight around an article of typical length: a
/// seed article (4 KB, about 700 words) in the WordPress page, with what a
/// real page carries besides (about 100 KB of inline styles and scripts, a
/// menu of 200 links, a ticker, six related-post cards, a sidebar, a footer
/// of 80 links: 170 KB in all). Its plain-text twin is the seed itself.
fn typical() -> (Vec<u8>, Vec<u8>) {
    let seed = std::fs::read_to_string("seeds/000_5c1ebc6c5eba7174.txt").unwrap();
    let mut lines = seed.lines().filter(|l| !l.trim().is_empty());
    let headline = lines.next().unwrap();
    let body: String = lines.map(|l| format!("<p>{l}</p>\n")).collect();
    let page = String::from_utf8(read("wordpress.html")).unwrap();
    let (head, rest) = page.split_once("<div class=\"entry-content\">").unwrap();
    let (_, tail) = rest.split_once("<div class=\"sharedaddy").unwrap();
    let old_title = "شكري يستقبل الصفدي في القاهرة ويبحثان تطورات الأوضاع في غزة";
    let head = head.replace(old_title, headline);
    let tail = format!("<div class=\"sharedaddy{tail}").replace(old_title, headline);
    let css: String = (0..500)
        .map(|i| {
            format!(
                ".wp-block-{i} .item-{i}>a:hover{{color:#1a{:04x};margin:0 {}px;padding:{}px}}\n",
                i * 7,
                i % 13,
                i % 5
            )
        })
        .collect();
    let js: String = (0..500)
        .map(|i| format!("window.dataLayer.push({{'event':'view','slot':'ad-slot-{i}','size':[300,250],'targeting':{{'section':'arab','pos':{i}}}}});\n"))
        .collect();
    let menu: String = (0..200)
        .map(|i| format!("<li class=\"menu-item menu-item-type-taxonomy menu-item-{i}\"><a href=\"https://example.com/category/section-{i}/\">قسم {i}</a></li>"))
        .collect();
    let ticker: String = (0..10)
        .map(|i| format!("<li><a href=\"https://example.com/2024/05/14/breaking-{i}/\">خبر عاجل رقم {i} عن تطورات الأحداث في المنطقة</a></li>"))
        .collect();
    let cards: String = (0..6)
        .map(|i| format!("<div class=\"col-md-4 card\"><a href=\"https://example.com/2024/05/1{i}/story/\"><img src=\"https://example.com/wp-content/uploads/2024/05/story-{i}-300x200.jpg\" srcset=\"https://example.com/wp-content/uploads/2024/05/story-{i}-600x400.jpg 2x\" alt=\"\" loading=\"lazy\"></a><h3 class=\"card-title\"><a href=\"https://example.com/2024/05/1{i}/story/\">عنوان قصة أخرى رقم {i} عن الشأن العربي</a></h3><p class=\"card-excerpt\">مقتطف من الخبر يصف ما جرى في الاجتماع الذي عقد أمس بين المسؤولين وما تلاه من تصريحات.</p></div>"))
        .collect();
    let latest: String = (0..20)
        .map(|i| format!("<li><a href=\"https://example.com/2024/05/13/latest-{i}/\">خبر من أحدث الأخبار رقم {i}</a><span class=\"date\">منذ {i} ساعات</span></li>"))
        .collect();
    let footer: String = (0..80)
        .map(|i| format!("<li><a href=\"https://example.com/page/{i}/\">رابط {i}</a></li>"))
        .collect();
    let page = format!("{head}<div class=\"entry-content\">\n{body}{tail}")
        .replacen("</head>", &format!("<style>{css}</style><script>{js}</script></head>"), 1)
        .replacen("<ul id=\"primary-menu\" class=\"menu\">", &format!("<ul id=\"primary-menu\" class=\"menu\">{menu}"), 1)
        .replacen("<div id=\"content\" class=\"site-content\">", &format!("<div class=\"ticker\"><ul>{ticker}</ul></div><div id=\"content\" class=\"site-content\">"), 1)
        .replacen("<div id=\"comments\"", &format!("<div class=\"related-posts row\">{cards}</div><div id=\"comments\""), 1)
        .replacen("<ul>\n\t\t\t<li><a href=\"/2024/05/14/a/\">", &format!("<ul>{latest}<li><a href=\"/2024/05/14/a/\">"), 1)
        .replacen("<div class=\"site-info\">", &format!("<div class=\"footer-links\"><ul>{footer}</ul></div><div class=\"site-info\">"), 1);
    (page.into_bytes(), seed.into_bytes())
}

fn unit(body: Body) -> Unit {
    Unit {
        file: "bench".into(),
        record: 0,
        line: None,
        body,
    }
}

fn pages(c: &mut Criterion) {
    let engine = Engine::new(Lexicon::try_builtin().unwrap(), Settings::default());
    let fields = FieldNames::default();
    let mut cases: Vec<(String, Vec<u8>, Vec<u8>)> = PAGES
        .iter()
        .map(|p| {
            let html = read(&format!("{p}.html"));
            (p.to_string(), html, read(&format!("{p}.txt")))
        })
        .collect();
    let (page, text) = typical();
    // the twin is the page's article, line for line
    let d = analyze::html::decode_html(&page, None).unwrap();
    let got = analyze::html::extract(&d.text).text;
    let want = String::from_utf8_lossy(&text);
    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    assert_eq!(lines(&got), lines(&want), "the typical page's text");
    cases.push(("typical".into(), page, text));
    let mut g = c.benchmark_group("html");
    for (name, html, text) in &cases {
        g.bench_function(format!("page/{name}"), |b| {
            b.iter(|| {
                black_box(analyze_unit(
                    &engine,
                    &fields,
                    unit(Body::Html(html.clone())),
                ))
            })
        });
        g.bench_function(format!("text/{name}"), |b| {
            b.iter(|| {
                black_box(analyze_unit(
                    &engine,
                    &fields,
                    unit(Body::Article(text.clone())),
                ))
            })
        });
        g.bench_function(format!("extract/{name}"), |b| {
            b.iter(|| {
                let d = analyze::html::decode_html(html, None).unwrap();
                black_box(analyze::html::extract(&d.text))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, pages);
criterion_main!(benches);
