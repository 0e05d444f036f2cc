//! `--format html`: one self-contained HTML file (inline CSS and SVG, no
//! script, no external resource, no network access needed): a summary of
//! the run, the country-interaction graph drawn as inline SVG, a timeline
//! of the dated events, and one card per article with its text
//! right-to-left and the mentions highlighted.

use super::{status_name, undirected, xml_escape as esc, Network};
use crate::corpus::Corpus;
use crate::model::{Document, EventKind, InputFailure, Mention, Status, SCHEMA_VERSION};
use crate::output::Printer;
use crate::select::{Only, Part};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

pub struct HtmlPrinter {
    only: Only,
    docs: Vec<Document>,
    errors: Vec<InputFailure>,
    net: Network,
}

impl HtmlPrinter {
    pub fn new(only: Only) -> HtmlPrinter {
        HtmlPrinter {
            only,
            docs: Vec::new(),
            errors: Vec::new(),
            net: Network::default(),
        }
    }
}

/// A colour per event type (also used in the graph and the timeline).
fn colour(k: EventKind) -> &'static str {
    match k {
        EventKind::Visit => "#1f77b4",
        EventKind::Meeting => "#2ca02c",
        EventKind::Call => "#17becf",
        EventKind::Message => "#9467bd",
        EventKind::Invitation => "#8c564b",
        EventKind::Talks => "#ff7f0e",
        EventKind::Summit => "#d62728",
        EventKind::Congratulation => "#e377c2",
        EventKind::Condolence => "#7f7f7f",
        EventKind::Praise => "#bcbd22",
        EventKind::Agreement => "#393b79",
    }
}

const CSS: &str = r#"
:root { --fg:#1d2330; --muted:#5f6b7a; --line:#d8dee8; --bg:#f5f7fa; --card:#fff; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--fg);
  font: 15px/1.55 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2.section { font-size: 19px; margin: 32px 0 12px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.sub { color: var(--muted); margin: 0 0 16px; }
.ar, [lang="ar"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "DejaVu Sans", "Arial", sans-serif; }
.stats { display:flex; flex-wrap:wrap; gap:12px; }
.stat { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:10px 16px; min-width:120px; }
.stat b { display:block; font-size:24px; }
.stat span { color:var(--muted); font-size:13px; }
table { border-collapse: collapse; background: var(--card); }
td, th { border: 1px solid var(--line); padding: 4px 10px; text-align: left; }
th { background:#eef2f7; font-weight:600; }
.cols { display:flex; flex-wrap:wrap; gap:24px; align-items:flex-start; }
.badge { display:inline-block; color:#fff; border-radius:10px; padding:0 8px; font-size:12px; line-height:20px; }
.graph { background: var(--card); border:1px solid var(--line); border-radius:8px; }
.graph text { font-family: "DejaVu Sans", sans-serif; }
.timeline { list-style:none; padding:0; margin:0; background:var(--card); border:1px solid var(--line); border-radius:8px; }
.timeline li { padding:6px 12px; border-bottom:1px solid var(--line); display:flex; gap:10px; align-items:baseline; flex-wrap:wrap; }
.timeline li:last-child { border-bottom:0; }
.timeline time { font-variant-numeric: tabular-nums; color:var(--muted); min-width:92px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:16px 20px; margin:16px 0; }
.card h3 { font-size:22px; margin:0 0 6px; }
.meta { color:var(--muted); font-size:13px; margin-bottom:10px; }
.chips { margin:6px 0; }
.chips .k { color:var(--muted); font-size:13px; display:inline-block; min-width:100px; }
.chip { display:inline-block; border-radius:12px; padding:0 9px; margin:2px 3px; font-size:14px; }
.events { margin:8px 0; padding-left:20px; }
.events li { margin:3px 0; }
.evidence { color:var(--muted); font-size:14px; }
.text { direction: rtl; text-align: right; font-size: 18px; line-height: 1.9; border-top:1px solid var(--line); margin-top:12px; padding-top:8px; }
.text p { margin: 0 0 10px; }
mark { border-radius:3px; padding:0 2px; color:inherit; }
.m-person, .chip.person { background:#d9f0ff; }
.m-country, .chip.country { background:#daf5d7; }
.m-place, .chip.place { background:#fff1c9; }
.m-org, .chip.org { background:#f2dcf7; }
.m-trigger { background:#ffd9cc; border-bottom:2px solid #e4572e; }
.legend mark { margin-right: 8px; }
.err { color:#b00020; }
footer { color:var(--muted); font-size:12px; margin:32px 0 8px; }
"#;

impl HtmlPrinter {
    fn country_label(&self, code: &str) -> String {
        format!(
            "{} <span class=\"ar\" dir=\"rtl\">{}</span>",
            esc(code),
            esc(self.net.countries.arabic(code))
        )
    }

    /// A side of an event: the person with the country code, else the country.
    fn actor(&self, a: &crate::model::Actor) -> String {
        match (&a.person, &a.country) {
            (Some(p), c) => format!(
                "<bdi class=\"ar\" lang=\"ar\">{}</bdi>{}",
                esc(p),
                c.as_ref()
                    .map(|c| format!(" ({})", esc(c)))
                    .unwrap_or_default()
            ),
            (None, Some(c)) => self.country_label(c),
            (None, None) => "?".into(),
        }
    }

    /// An event's type badge, with its status unless it occurred.
    fn event_badge(e: &crate::model::Event) -> String {
        format!(
            "<span class=\"badge\" style=\"background:{}\">{}</span>{}",
            colour(e.r#type),
            e.r#type.name(),
            match e.status {
                Status::Occurred => String::new(),
                s => format!(" <i>({})</i>", status_name(s)),
            }
        )
    }

    /// An event's sides: source, an arrow (a dash when undirected), target.
    fn event_sides(&self, e: &crate::model::Event) -> String {
        format!(
            "{} {} {}",
            self.actor(&e.source),
            if undirected(e.r#type) { "—" } else { "→" },
            self.actor(&e.target)
        )
    }

    fn summary(&self, o: &mut String, corpus: &Corpus) {
        let s = corpus.summary();
        let stories = corpus.stories();
        o.push_str(
            "<section id=\"summary\"><h2 class=\"section\">Summary</h2><div class=\"stats\">",
        );
        for (n, label) in [
            (s.documents, "documents"),
            (s.events, "events between countries"),
            (
                self.docs.iter().map(|d| d.events.len()).sum::<usize>(),
                "events in all",
            ),
            (stories.len(), "stories (2+ documents)"),
            (self.errors.len(), "unreadable inputs"),
        ] {
            let _ = write!(
                o,
                "<div class=\"stat\"><b>{n}</b><span>{label}</span></div>"
            );
        }
        o.push_str("</div><div class=\"cols\" style=\"margin-top:16px\">");
        if !s.by_type.is_empty() {
            o.push_str("<table><tr><th>event type</th><th>events</th></tr>");
            for (k, n) in &s.by_type {
                let c = EventKind::parse(k).map(colour).unwrap_or("#555");
                let _ = write!(
                    o,
                    "<tr><td><span class=\"badge\" style=\"background:{c}\">{}</span></td><td>{n}</td></tr>",
                    esc(k)
                );
            }
            o.push_str("</table>");
        }
        if !s.pairs.is_empty() {
            let mut pairs = s.pairs.clone();
            pairs.sort_by_key(|p| std::cmp::Reverse(p.events));
            o.push_str("<table><tr><th>source</th><th>target</th><th>type</th><th>events</th><th>documents</th></tr>");
            for p in pairs.iter().take(15) {
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    self.country_label(&p.source),
                    self.country_label(&p.target),
                    p.r#type.name(),
                    p.events,
                    p.documents
                );
            }
            o.push_str("</table>");
        }
        o.push_str("</div></section>\n");
    }

    /// The country-interaction graph as inline SVG: countries on a circle,
    /// one curved arrow per ordered pair, width by number of events.
    fn graph(&self, o: &mut String) {
        o.push_str("<section id=\"graph\"><h2 class=\"section\">Country interactions</h2>");
        let nodes = self.net.country_nodes();
        if nodes.is_empty() {
            o.push_str(
                "<p class=\"sub\">No event with both sides' countries known.</p></section>\n",
            );
            return;
        }
        let (w, h) = (1000.0f64, 620.0f64);
        let (cx, cy) = (w / 2.0, h / 2.0);
        let r = if nodes.len() == 1 { 0.0 } else { 240.0 };
        let pos: BTreeMap<&str, (f64, f64)> = nodes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let a = std::f64::consts::TAU * i as f64 / nodes.len() as f64
                    - std::f64::consts::FRAC_PI_2;
                (*c, (cx + r * a.cos(), cy + r * a.sin()))
            })
            .collect();
        // ordered pairs → events by type
        let mut pairs: BTreeMap<(&str, &str), Vec<(EventKind, usize)>> = BTreeMap::new();
        for ((s, t, k), (n, _)) in &self.net.country_edges {
            pairs.entry((s, t)).or_default().push((*k, *n));
        }
        let _ = write!(
            o,
            "<svg class=\"graph\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-label=\"country interaction graph\">"
        );
        o.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"12\" markerHeight=\"12\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5f6b7a\"/></marker></defs>");
        let node_r = 26.0;
        for ((s, t), kinds) in &pairs {
            let total: usize = kinds.iter().map(|k| k.1).sum();
            let (x1, y1) = pos[s];
            let (x2, y2) = pos[t];
            let tip = kinds
                .iter()
                .map(|(k, n)| format!("{} ×{n}", k.name()))
                .collect::<Vec<_>>()
                .join(", ");
            let main = kinds
                .iter()
                .max_by_key(|k| k.1)
                .map(|k| k.0)
                .unwrap_or(EventKind::Meeting);
            let width = 1.5 + 1.5 * (total as f64).sqrt();
            let all_undirected = kinds.iter().all(|k| undirected(k.0));
            if s == t {
                // a loop above the node
                let _ = write!(
                    o,
                    "<path d=\"M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{width:.1}\" opacity=\"0.7\"><title>{s} → {t}: {}</title></path>",
                    x1 - 10.0, y1 - node_r, x1 - 40.0, y1 - 90.0, x1 + 40.0, y1 - 90.0, x1 + 10.0, y1 - node_r,
                    colour(main), esc(&tip)
                );
                continue;
            }
            let (dx, dy) = (x2 - x1, y2 - y1);
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            let (ux, uy) = (dx / len, dy / len);
            let (sx, sy) = (x1 + ux * node_r, y1 + uy * node_r);
            let (ex, ey) = (x2 - ux * (node_r + 2.0), y2 - uy * (node_r + 2.0));
            // bend to the right of the direction, so A→B and B→A separate
            let bend = 0.12 * len;
            let (mx, my) = ((sx + ex) / 2.0 - uy * bend, (sy + ey) / 2.0 + ux * bend);
            let _ = write!(
                o,
                "<path d=\"M{sx:.1},{sy:.1} Q{mx:.1},{my:.1} {ex:.1},{ey:.1}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{width:.1}\" opacity=\"0.75\"{}><title>{} → {}: {}</title></path>",
                colour(main),
                if all_undirected { "" } else { " marker-end=\"url(#arrow)\"" },
                esc(s),
                esc(t),
                esc(&tip)
            );
            let (lx, ly) = ((sx + ex) / 4.0 + mx / 2.0, (sy + ey) / 4.0 + my / 2.0);
            let _ = write!(
                o,
                "<text x=\"{lx:.1}\" y=\"{ly:.1}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#1d2330\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{total}</text>"
            );
        }
        for c in &nodes {
            let (x, y) = pos[c];
            let _ = write!(
                o,
                "<g><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{node_r}\" fill=\"#eef4ff\" stroke=\"#3b5b92\" stroke-width=\"2\"/><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"14\" font-weight=\"bold\" text-anchor=\"middle\">{}</text><text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"15\" text-anchor=\"middle\" direction=\"rtl\" class=\"ar\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text><title>{} {} ({})</title></g>",
                y + 5.0,
                esc(c),
                y + node_r + 18.0,
                esc(self.net.countries.arabic(c)),
                esc(c),
                esc(self.net.countries.english(c)),
                esc(self.net.countries.arabic(c)),
            );
        }
        o.push_str("</svg><p class=\"legend sub\">");
        let used: std::collections::BTreeSet<EventKind> =
            self.net.country_edges.keys().map(|k| k.2).collect();
        for k in used {
            let _ = write!(
                o,
                "<span class=\"badge\" style=\"background:{}\">{}</span> ",
                colour(k),
                k.name()
            );
        }
        o.push_str(" edge colour: the most frequent type; width and label: number of events; hover for details.</p></section>\n");
    }

    fn timeline(&self, o: &mut String) {
        o.push_str("<section id=\"timeline\"><h2 class=\"section\">Timeline of dated events</h2><p class=\"sub\">Each event at its own date, else at its article's date (<i>reported</i>).</p>");
        let mut items: Vec<(crate::dates::Date, usize, &crate::model::Event)> = Vec::new();
        for (i, d) in self.docs.iter().enumerate() {
            for e in &d.events {
                if let Some(date) = e.date.or(d.date) {
                    items.push((date, i, e));
                }
            }
        }
        items.sort_by_key(|a| (a.0, a.1));
        if items.is_empty() {
            o.push_str("<p class=\"sub\">No dated event.</p></section>\n");
            return;
        }
        // a strip: one dot per event on a date axis
        let (lo, hi) = (items[0].0.to_days(), items[items.len() - 1].0.to_days());
        let span = (hi - lo).max(1) as f64;
        o.push_str("<svg class=\"graph\" viewBox=\"0 0 1000 70\" width=\"100%\" role=\"img\" aria-label=\"timeline\"><line x1=\"30\" y1=\"35\" x2=\"970\" y2=\"35\" stroke=\"#9aa5b4\" stroke-width=\"2\"/>");
        let mut stack: BTreeMap<i64, usize> = BTreeMap::new();
        for (date, _, e) in &items {
            let days = date.to_days();
            let x = 30.0 + 940.0 * (days - lo) as f64 / span;
            let n = stack.entry(days).or_default();
            let y = 35.0 - 9.0 * (*n as f64 % 3.0) + if *n >= 3 { 9.0 } else { 0.0 };
            *n += 1;
            let _ = write!(
                o,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"{}\" stroke=\"#fff\"><title>{date} {}</title></circle>",
                colour(e.r#type),
                e.r#type.name()
            );
        }
        let _ = write!(
            o,
            "<text x=\"30\" y=\"64\" font-size=\"12\">{}</text><text x=\"970\" y=\"64\" font-size=\"12\" text-anchor=\"end\">{}</text></svg>",
            items[0].0,
            items[items.len() - 1].0
        );
        o.push_str("<ol class=\"timeline\">");
        for (date, i, e) in &items {
            let d = &self.docs[*i];
            let _ = write!(
                o,
                "<li><time datetime=\"{date}\">{date}{}</time>{} <span>{}</span> <a href=\"#doc-{}\" class=\"ar\" dir=\"rtl\">{}</a></li>",
                if e.date.is_none() { " <i>reported</i>" } else { "" },
                Self::event_badge(e),
                self.event_sides(e),
                i + 1,
                esc(d.headline.as_deref().unwrap_or(&d.id))
            );
        }
        o.push_str("</ol></section>\n");
    }

    fn card(&self, o: &mut String, i: usize, d: &Document) {
        let _ = write!(o, "<article class=\"card\" id=\"doc-{}\">", i + 1);
        let _ = write!(
            o,
            "<h3 dir=\"rtl\" lang=\"ar\">{}</h3>",
            esc(d.headline.as_deref().unwrap_or("(no headline)"))
        );
        let mut meta = vec![format!("#{} <bdi>{}</bdi>", i + 1, esc(&d.id))];
        if let Some(date) = d.date {
            meta.push(date.to_string());
        }
        if let Some(s) = &d.source {
            meta.push(format!("<bdi class=\"ar\">{}</bdi>", esc(s)));
        }
        meta.push(format!("{} characters, {}", d.chars, esc(&d.encoding)));
        let _ = write!(o, "<div class=\"meta\">{}</div>", meta.join(" · "));
        let chips = |o: &mut String, label: &str, class: &str, items: Vec<(String, String)>| {
            if items.is_empty() {
                return;
            }
            let _ = write!(o, "<div class=\"chips\"><span class=\"k\">{label}</span>");
            for (text, title) in items {
                let _ = write!(
                    o,
                    "<bdi class=\"chip {class} ar\" lang=\"ar\" title=\"{}\">{}</bdi>",
                    esc(&title),
                    esc(&text)
                );
            }
            o.push_str("</div>");
        };
        if self.only.has(Part::People) {
            chips(
                o,
                "people",
                "person",
                d.people
                    .iter()
                    .map(|p| {
                        let mut t = vec![p.name_en.clone().unwrap_or_default()];
                        t.extend(p.country.clone());
                        t.extend(p.roles.iter().cloned());
                        (p.name.clone(), t.join(" · "))
                    })
                    .collect(),
            );
        }
        if self.only.has(Part::Countries) {
            chips(
                o,
                "countries",
                "country",
                d.countries
                    .iter()
                    .map(|c| {
                        (
                            format!("{} {} ×{}", c.name, c.code, c.mentions.len()),
                            c.name_en.clone(),
                        )
                    })
                    .collect(),
            );
        }
        if self.only.has(Part::Places) {
            chips(
                o,
                "places",
                "place",
                d.places
                    .iter()
                    .map(|p| (p.name.clone(), p.name_en.clone()))
                    .collect(),
            );
        }
        if self.only.has(Part::Organizations) {
            chips(
                o,
                "organizations",
                "org",
                d.organizations
                    .iter()
                    .map(|p| (p.name.clone(), p.name_en.clone().unwrap_or_default()))
                    .collect(),
            );
        }
        if self.only.has(Part::Events) && !d.events.is_empty() {
            o.push_str("<ul class=\"events\">");
            for e in &d.events {
                let _ = write!(
                    o,
                    "<li>{} {}{} <div class=\"evidence ar\" dir=\"rtl\" lang=\"ar\">{}</div></li>",
                    Self::event_badge(e),
                    self.event_sides(e),
                    e.date.map(|x| format!(" · {x}")).unwrap_or_default(),
                    esc(&e.evidence.text)
                );
            }
            o.push_str("</ul>");
        }
        if let Some(text) = &d.text {
            o.push_str("<div class=\"text\" dir=\"rtl\" lang=\"ar\">");
            o.push_str(&highlighted(d, text, self.only));
            o.push_str("</div>");
        }
        o.push_str("</article>\n");
    }
}

/// The body paragraphs (or the whole text) with the mentions marked.
fn highlighted(d: &Document, text: &str, only: Only) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<(usize, usize, &'static str, String)> = Vec::new();
    let mut add = |ms: &[Mention], class: &'static str, title: String| {
        for m in ms {
            if m.start < m.end && m.end <= chars.len() {
                spans.push((m.start, m.end, class, title.clone()));
            }
        }
    };
    if only.has(Part::Events) {
        for e in &d.events {
            add(
                std::slice::from_ref(&e.trigger),
                "m-trigger",
                format!("event: {}", e.r#type.name()),
            );
        }
    }
    if only.has(Part::People) {
        for p in &d.people {
            add(&p.mentions, "m-person", format!("person: {}", p.name));
        }
    }
    if only.has(Part::Countries) {
        for c in &d.countries {
            add(
                &c.mentions,
                "m-country",
                format!("country: {} {}", c.code, c.name_en),
            );
        }
    }
    if only.has(Part::Places) {
        for p in &d.places {
            add(&p.mentions, "m-place", format!("place: {}", p.name_en));
        }
    }
    if only.has(Part::Organizations) {
        for g in &d.organizations {
            add(&g.mentions, "m-org", format!("organization: {}", g.name));
        }
    }
    // earliest first, longest first; drop overlaps
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<(usize, usize, &'static str, String)> = Vec::new();
    for s in spans {
        if kept.last().is_none_or(|k| s.0 >= k.1) {
            kept.push(s);
        }
    }
    let paragraphs: Vec<(usize, usize)> = if d.paragraphs.is_empty() {
        vec![(0, chars.len())]
    } else {
        d.paragraphs
            .iter()
            .map(|p| (p.start.min(chars.len()), p.end.min(chars.len())))
            .collect()
    };
    let mut o = String::new();
    let slice = |a: usize, b: usize| -> String { esc(&chars[a..b].iter().collect::<String>()) };
    for (ps, pe) in paragraphs {
        o.push_str("<p>");
        let mut at = ps;
        for (s, e, class, title) in kept.iter().filter(|k| k.0 >= ps && k.1 <= pe) {
            if *s < at {
                continue;
            }
            o.push_str(&slice(at, *s));
            let _ = write!(
                o,
                "<mark class=\"{class}\" title=\"{}\">{}</mark>",
                esc(title),
                slice(*s, *e)
            );
            at = *e;
        }
        o.push_str(&slice(at, pe));
        o.push_str("</p>");
    }
    o
}

impl Printer for HtmlPrinter {
    fn document(&mut self, _out: &mut dyn Write, doc: &Document) -> io::Result<()> {
        self.net.add(doc);
        self.docs.push(doc.clone());
        Ok(())
    }

    fn failure(&mut self, _out: &mut dyn Write, f: &InputFailure) -> io::Result<()> {
        self.errors.push(f.clone());
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
        let mut o = String::new();
        o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>analyze report</title>\n<style>");
        o.push_str(CSS);
        o.push_str("</style>\n</head>\n<body>\n<main>\n<h1>analyze report</h1>\n");
        let _ = writeln!(
            o,
            "<p class=\"sub\">{} documents · people, countries, places, organizations and diplomatic events found in Arabic news</p>",
            self.docs.len()
        );
        self.summary(&mut o, corpus);
        self.graph(&mut o);
        self.timeline(&mut o);
        o.push_str("<section id=\"articles\"><h2 class=\"section\">Articles</h2><p class=\"legend sub\"><mark class=\"m-person\">person</mark><mark class=\"m-country\">country</mark><mark class=\"m-place\">place</mark><mark class=\"m-org\">organization</mark><mark class=\"m-trigger\">event trigger</mark></p>\n");
        for (i, d) in self.docs.iter().enumerate() {
            self.card(&mut o, i, d);
        }
        o.push_str("</section>\n");
        if !self.errors.is_empty() {
            o.push_str("<section id=\"errors\"><h2 class=\"section\">Unreadable inputs</h2><ul>");
            for e in &self.errors {
                let _ = write!(
                    o,
                    "<li class=\"err\"><bdi>{}</bdi>: {}</li>",
                    esc(&e.file),
                    esc(&e.error)
                );
            }
            o.push_str("</ul></section>\n");
        }
        let _ = writeln!(
            o,
            "<footer>analyze {} · schema {SCHEMA_VERSION}</footer>\n</main>\n</body>\n</html>",
            env!("CARGO_PKG_VERSION")
        );
        out.write_all(o.as_bytes())?;
        out.flush()
    }
}
