//! `analyze`: an analyzer for Arabic news corpora.
//!
//! Pipeline: [`input`] (walk) → [`formats`] (files and archives to records)
//! → [`decode`] (bytes to text; [`html`]: web pages to their article) →
//! [`document`] (headline, date, byline, body, boilerplate) → [`normalize`]
//! (with offset alignment) → [`tokenize`] (words, sentences, clitics) → [`lexicon`] and
//! [`gazetteer`] (embedded data, matching) → [`entities`] → [`events`] →
//! [`corpus`] (stories, aggregates) → [`output`], driven by [`run`] (and
//! [`doctext`] for `analyze text`) with [`cli`] at the edge. [`analyze::Engine`] is the library entry point.

pub mod analyze;
pub mod cli;
pub mod corpus;
pub mod dates;
pub mod decode;
pub mod doctext;
pub mod document;
pub mod entities;
pub mod events;
pub mod formats;
pub mod gazetteer;
pub mod html;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod output;
pub mod render;
pub mod run;
pub mod schema;
pub mod select;
pub mod tagger;
pub mod tokenize;
