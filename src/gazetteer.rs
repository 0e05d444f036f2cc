//! Multi-word, clitic-aware phrase matching over a document's tokens.
//!
//! Lexicon forms are normalized like the text, then compiled, with every
//! proclitic combination (و ف ب ك ل, لل for ل + ال), into one Aho-Corasick
//! automaton. The document's tokens are laid out as a *stream* (tokens joined
//! by one space, a `\u{1}` before a token that follows punctuation), every
//! pattern ends with a space, and searches are anchored at token starts: a
//! match therefore always starts and ends on token boundaries and never
//! crosses punctuation. At each token start the longest form wins
//! (leftmost-longest), and the search resumes after it.

use crate::normalize::Normalizer;
use crate::tokenize::{Gap, Token};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use std::collections::HashMap;

/// Proclitic sequences that may start a token, longest first.
const PREFIXES: &[&str] = &["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ك", "ل"];
const LAM: u8 = 1;

/// A compiled set of forms, each pointing at one or more targets.
pub struct Gazetteer<T> {
    ac: Option<AhoCorasick>,
    /// Per automaton pattern: (form id, LAM for the لل reading of an ال form).
    patterns: Vec<(u32, u8)>,
    clitics: Vec<bool>,
    /// Per form: its targets.
    targets: Vec<Vec<T>>,
    forms: Vec<String>,
}

/// One match over the token sequence.
#[derive(Debug, Clone)]
pub struct Hit<'a, T> {
    pub first: usize,
    pub last: usize,
    /// Proclitic characters at the start of the first token.
    pub prefix: usize,
    pub form: &'a str,
    pub targets: &'a [T],
}

/// Normalize a lexicon form into its match key (`word word`).
pub fn form_key(nz: &Normalizer, form: &str) -> String {
    let n = nz.normalize_str(form);
    n.split(|c: char| !crate::tokenize::is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Accumulates forms before compiling.
pub struct GazetteerBuilder<T> {
    index: HashMap<String, usize>,
    targets: Vec<Vec<T>>,
    forms: Vec<String>,
    clitics: Vec<bool>,
}

impl<T: Clone + PartialEq> Default for GazetteerBuilder<T> {
    fn default() -> Self {
        GazetteerBuilder {
            index: HashMap::new(),
            targets: Vec::new(),
            forms: Vec::new(),
            clitics: Vec::new(),
        }
    }
}

impl<T: Clone + PartialEq> GazetteerBuilder<T> {
    /// Add a form (already a key from [`form_key`]) for a target.
    /// `clitics`: whether proclitic variants are generated.
    pub fn add(&mut self, key: &str, target: T, clitics: bool) {
        if key.is_empty() {
            return;
        }
        let id = *self.index.entry(key.to_string()).or_insert_with(|| {
            self.targets.push(Vec::new());
            self.forms.push(key.to_string());
            self.clitics.push(false);
            self.forms.len() - 1
        });
        if !self.targets[id].contains(&target) {
            self.targets[id].push(target);
        }
        self.clitics[id] |= clitics;
    }

    pub fn build(self) -> Gazetteer<T> {
        // pattern string -> (form id, prefix chars); bare forms win over clitic readings
        let mut pats: HashMap<String, (u32, u8)> = HashMap::new();
        let mut put = |p: String, id: usize, lam: u8| {
            let e = pats.entry(p).or_insert((id as u32, lam));
            if lam < e.1 {
                *e = (id as u32, lam);
            }
        };
        for (id, form) in self.forms.iter().enumerate() {
            put(format!("{form} "), id, 0);
            if self.clitics[id] {
                // ل + ال + rest is written لل + rest: after a stripped ل the token reads ل + rest
                if let Some(rest) = form.strip_prefix("ال") {
                    put(format!("ل{rest} "), id, LAM);
                }
            }
        }
        let mut list: Vec<(String, (u32, u8))> = pats.into_iter().collect();
        list.sort();
        let patterns: Vec<(u32, u8)> = list.iter().map(|(_, v)| *v).collect();
        let ac = if list.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Anchored)
                    .build(list.iter().map(|(p, _)| p.as_str()))
                    .expect("gazetteer automaton"),
            )
        };
        Gazetteer {
            ac,
            patterns,
            clitics: self.clitics,
            targets: self.targets,
            forms: self.forms,
        }
    }
}

/// Tokens laid out for matching.
pub struct Stream {
    pub text: String,
    /// Byte offset of each token's start in `text`.
    pub starts: Vec<usize>,
    /// Byte offset just past each token's trailing space.
    pub ends: Vec<usize>,
}

impl Stream {
    pub fn new(tokens: &[Token]) -> Stream {
        let mut text = String::with_capacity(tokens.iter().map(|t| t.text.len() + 2).sum());
        let mut starts = Vec::with_capacity(tokens.len());
        let mut ends = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 && t.gap != Gap::Space {
                text.push('\u{1}');
            }
            starts.push(text.len());
            text.push_str(&t.text);
            text.push(' ');
            ends.push(text.len());
        }
        Stream { text, starts, ends }
    }
}

impl<T> Gazetteer<T> {
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The longest match starting at token `i`, if any: the bare token
    /// first, else after the proclitics it starts with (و ف ب ك ل).
    pub fn match_at<'a>(&'a self, stream: &Stream, i: usize) -> Option<Hit<'a, T>> {
        let ac = self.ac.as_ref()?;
        let start = stream.starts[i];
        let end_tok = stream.ends[i] - 1;
        let word = &stream.text[start..end_tok];
        let try_at = |skip: usize| -> Option<(usize, u32, usize)> {
            let input = Input::new(&stream.text)
                .range(start + skip..)
                .anchored(Anchored::Yes);
            let m = ac.find(input)?;
            let (form, lam) = self.patterns[m.pattern().as_usize()];
            if skip == 0 && lam == LAM {
                return None;
            }
            if skip > 0
                && (!self.clitics[form as usize] || (lam == LAM && !word[..skip].ends_with('ل')))
            {
                return None;
            }
            Some((m.end(), form, skip))
        };
        let mut best = try_at(0);
        if best.is_none() {
            for p in PREFIXES {
                if word.len() > p.len() + 2 && word.starts_with(p) {
                    if let Some(c) = try_at(p.len()) {
                        if best.is_none_or(|b| c.0 > b.0) {
                            best = Some(c);
                        }
                    }
                }
            }
        }
        let (mend, form, skip) = best?;
        // the match ends just past a token's trailing space
        let last = stream.ends[i..].binary_search(&mend).ok()? + i;
        Some(Hit {
            first: i,
            last,
            prefix: word[..skip].chars().count(),
            form: &self.forms[form as usize],
            targets: &self.targets[form as usize],
        })
    }

    /// Leftmost-longest, non-overlapping matches over all tokens.
    pub fn find_all<'a>(&'a self, stream: &Stream) -> Vec<Hit<'a, T>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < stream.starts.len() {
            if let Some(h) = self.match_at(stream, i) {
                i = h.last + 1;
                out.push(h);
            } else {
                i += 1;
            }
        }
        out
    }

    /// Every match at every token start (overlapping starts allowed).
    pub fn find_each<'a>(&'a self, stream: &Stream) -> Vec<Hit<'a, T>> {
        (0..stream.starts.len())
            .filter_map(|i| self.match_at(stream, i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::{Normalizer, Profile};
    use crate::tokenize::tokenize;

    fn run(forms: &[&str], text: &str) -> Vec<(String, usize)> {
        let nz = Normalizer::profile(Profile::Match);
        let mut b = GazetteerBuilder::default();
        for (i, f) in forms.iter().enumerate() {
            b.add(&form_key(&nz, f), i, true);
        }
        let g = b.build();
        let nt = nz.normalize(text);
        let toks = tokenize(&nt, &[(0, nt.chars.len())]);
        let s = Stream::new(&toks.tokens);
        g.find_all(&s)
            .into_iter()
            .map(|h| {
                let a = toks.tokens[h.first].start + h.prefix;
                let b = toks.tokens[h.last].end;
                let (oa, ob) = nt.original_range(a, b);
                (text.chars().skip(oa).take(ob - oa).collect(), h.targets[0])
            })
            .collect()
    }

    #[test]
    fn clitics_and_boundaries() {
        let forms = ["العراق", "بغداد", "الولايات المتحدة", "لبنان", "الأسد"];
        let got = run(
            &forms,
            "وللعراق وبغداد والولايات المتحدة، لبنان بالأسد البغدادي",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["لعراق", "بغداد", "الولايات المتحدة", "لبنان", "الأسد"]
        );
    }

    #[test]
    fn does_not_cross_punctuation() {
        assert!(run(&["الولايات المتحدة"], "الولايات، المتحدة").is_empty());
    }

    #[test]
    fn longest_wins() {
        let got = run(&["الأمم", "الأمم المتحدة"], "في الأمم المتحدة");
        assert_eq!(got, [("الأمم المتحدة".to_string(), 1)]);
    }
}
