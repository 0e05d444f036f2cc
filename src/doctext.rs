//! `analyze text`: print the text of each document, the text that every
//! `start`/`end` offset of the analysis counts in (a web page's extracted
//! article, a record's text field, a `<DOC>`'s `TEXT`, a decoded file).

use crate::analyze::{Engine, Settings};
use crate::formats::{FieldNames, InputFormat, Reader, Unit};
use crate::input::{discover_each, FileFilter};
use crate::run::{load_lexicon, EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE};
use std::io::{self, Write};

/// `analyze text`: print the text of each document.
#[derive(Debug, Clone)]
pub struct TextJob {
    pub paths: Vec<std::path::PathBuf>,
    pub filter: FileFilter,
    pub input: InputFormat,
    pub fields: FieldNames,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub max_bytes: usize,
}

/// Print the text of every document (what its offsets count in), each
/// headed by `==> ID <==` unless the one path given is one plain document.
pub fn run(job: TextJob) -> i32 {
    let settings = Settings {
        explain: false,
        encoding: job.encoding,
        max_bytes: job.max_bytes,
    };
    let engine = match load_lexicon(&[]) {
        Ok(lex) => Engine::new(lex, settings),
        Err(e) => {
            eprintln!("analyze: {e}");
            return EXIT_USAGE;
        }
    };
    let reader = Reader::new(job.input, job.filter.clone(), job.max_bytes);
    let single = match job.paths.as_slice() {
        [one] => Some(one.to_string_lossy().into_owned()),
        _ => None,
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let (mut code, mut write_error) = (EXIT_OK, None);
    let mut print = |unit: Unit| -> bool {
        let file = unit.file.clone();
        let headed = unit.record > 0 || single.as_deref() != Some(file.as_str());
        match crate::formats::unit_text(&engine, &job.fields, unit) {
            Ok((d, meta)) => {
                let id = meta.id.unwrap_or(file);
                let newline = if d.text.ends_with('\n') { "" } else { "\n" };
                let head = if headed {
                    format!("==> {id} <==\n")
                } else {
                    String::new()
                };
                let written = write!(out, "{head}{}{newline}", d.text);
                if let Err(e) = written {
                    write_error = Some(e);
                    return false;
                }
            }
            Err(e) => {
                eprintln!("analyze: {file}: {e}");
                code = EXIT_INPUT_ERRORS;
            }
        }
        true
    };
    let mut unwalkable = false;
    discover_each(&job.paths, &job.filter, &mut |item| match item {
        Err(e) => {
            eprintln!("analyze: {e}");
            unwalkable = true;
            true
        }
        Ok(src) => reader.read_source(&src, &mut print),
    });
    match write_error.map_or_else(|| out.flush(), Err) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("analyze: writing output: {e}");
            EXIT_INPUT_ERRORS
        }
        _ if unwalkable => EXIT_INPUT_ERRORS,
        _ => code,
    }
}
