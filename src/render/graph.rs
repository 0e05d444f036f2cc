//! `--format dot` and `--format graphml`: the networks of interactions
//! between countries and between people over the whole run. Nodes are the
//! countries (`c:IQ`) and people (`p:NAME`) that take part in an event with
//! both sides known; one directed edge per (source, target, event type),
//! whose weight is the number of events (and `documents` the number of
//! documents reporting them). Meetings, talks, summits and agreements have
//! no direction: their edges keep the reported order and are drawn
//! without arrowheads (`dir=none`) in DOT, `directed="false"` in GraphML.

use super::{undirected, xml_escape, Network};
use crate::corpus::Corpus;
use crate::model::{Document, EventKind, InputFailure};
use crate::output::Printer;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Dot,
    Graphml,
}

pub struct GraphPrinter {
    flavor: Flavor,
    net: Network,
}

impl GraphPrinter {
    pub fn new(flavor: Flavor) -> GraphPrinter {
        GraphPrinter {
            flavor,
            net: Network::default(),
        }
    }
}

type Edges = BTreeMap<(String, String, EventKind), (usize, usize)>;

fn dot_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => {}
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// The DOT text of a network.
pub fn dot(net: &Network) -> String {
    let mut o = String::new();
    o.push_str("digraph interactions {\n");
    o.push_str("  graph [rankdir=LR, fontname=\"DejaVu Sans\", label=\"analyze: interactions (edge weight = events)\"];\n");
    o.push_str("  node [fontname=\"DejaVu Sans\"];\n");
    o.push_str("  edge [fontname=\"DejaVu Sans\", fontsize=10];\n");
    o.push_str("  subgraph cluster_countries {\n    label=\"countries\";\n    node [shape=box];\n");
    for c in net.country_nodes() {
        let _ = writeln!(
            o,
            "    {} [label={}, kind=\"country\", code={}, name={}, name_en={}];",
            dot_str(&format!("c:{c}")),
            dot_str(&format!(
                "{}\n{} ({c})",
                net.countries.arabic(c),
                net.countries.english(c)
            )),
            dot_str(c),
            dot_str(net.countries.arabic(c)),
            dot_str(net.countries.english(c)),
        );
    }
    o.push_str("  }\n");
    o.push_str("  subgraph cluster_people {\n    label=\"people\";\n    node [shape=ellipse];\n");
    for (p, country) in &net.people {
        let _ = writeln!(
            o,
            "    {} [label={}, kind=\"person\", country={}];",
            dot_str(&format!("p:{p}")),
            dot_str(p),
            dot_str(country.as_deref().unwrap_or("")),
        );
    }
    o.push_str("  }\n");
    let mut edges = |prefix: &str, edges: &Edges| {
        for ((s, t, k), (n, docs)) in edges {
            let _ = writeln!(
                o,
                "  {} -> {} [label={}, type={}, weight={n}, events={n}, documents={docs}, penwidth={}{}];",
                dot_str(&format!("{prefix}:{s}")),
                dot_str(&format!("{prefix}:{t}")),
                dot_str(&format!("{} ×{n}", k.name())),
                dot_str(k.name()),
                1 + n.min(&8),
                if undirected(*k) { ", dir=none" } else { "" },
            );
        }
    };
    edges("c", &net.country_edges);
    edges("p", &net.person_edges);
    o.push_str("}\n");
    o
}

/// The GraphML document of a network.
pub fn graphml(net: &Network) -> String {
    let mut o = String::new();
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    o.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
    for (id, for_, ty) in [
        ("kind", "node", "string"),
        ("label", "node", "string"),
        ("name_en", "node", "string"),
        ("country", "node", "string"),
        ("type", "edge", "string"),
        ("weight", "edge", "int"),
        ("documents", "edge", "int"),
    ] {
        let _ = writeln!(
            o,
            "  <key id=\"{id}\" for=\"{for_}\" attr.name=\"{id}\" attr.type=\"{ty}\"/>"
        );
    }
    o.push_str("  <graph id=\"interactions\" edgedefault=\"directed\">\n");
    let data = |o: &mut String, k: &str, v: &str| {
        let _ = writeln!(o, "      <data key=\"{k}\">{}</data>", xml_escape(v));
    };
    for c in net.country_nodes() {
        let _ = writeln!(o, "    <node id=\"{}\">", xml_escape(&format!("c:{c}")));
        data(&mut o, "kind", "country");
        data(&mut o, "label", net.countries.arabic(c));
        data(&mut o, "name_en", net.countries.english(c));
        data(&mut o, "country", c);
        o.push_str("    </node>\n");
    }
    for (p, country) in &net.people {
        let _ = writeln!(o, "    <node id=\"{}\">", xml_escape(&format!("p:{p}")));
        data(&mut o, "kind", "person");
        data(&mut o, "label", p);
        if let Some(c) = country {
            data(&mut o, "country", c);
        }
        o.push_str("    </node>\n");
    }
    let mut i = 0;
    for (prefix, edges) in [("c", &net.country_edges), ("p", &net.person_edges)] {
        for ((s, t, k), (n, docs)) in edges {
            i += 1;
            let _ = writeln!(
                o,
                "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"{}>",
                xml_escape(&format!("{prefix}:{s}")),
                xml_escape(&format!("{prefix}:{t}")),
                if undirected(*k) {
                    " directed=\"false\""
                } else {
                    ""
                },
            );
            data(&mut o, "type", k.name());
            data(&mut o, "weight", &n.to_string());
            data(&mut o, "documents", &docs.to_string());
            o.push_str("    </edge>\n");
        }
    }
    o.push_str("  </graph>\n</graphml>\n");
    o
}

impl Printer for GraphPrinter {
    fn document(&mut self, _out: &mut dyn Write, doc: &Document) -> io::Result<()> {
        self.net.add(doc);
        Ok(())
    }

    fn failure(&mut self, _out: &mut dyn Write, _f: &InputFailure) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _corpus: &Corpus) -> io::Result<()> {
        let s = match self.flavor {
            Flavor::Dot => dot(&self.net),
            Flavor::Graphml => graphml(&self.net),
        };
        out.write_all(s.as_bytes())?;
        out.flush()
    }
}
