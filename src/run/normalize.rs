//! The normalize job (`analyze normalize`): files decoded, normalized with
//! the named steps and written to stdout.

use super::{NormalizeJob, EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::input::{read_bytes, Source};
use std::io::{self, Write};

pub(super) fn run_normalize(job: NormalizeJob) -> i32 {
    let names: Vec<&str> = job.steps.iter().map(|s| s.as_str()).collect();
    let nz = match crate::normalize::Normalizer::from_names(&names) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("analyze: {e}");
            return EXIT_USAGE;
        }
    };
    let mut code = EXIT_OK;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for f in &job.files {
        let src = if f == "-" {
            Source::Stdin
        } else {
            Source::File(f.into())
        };
        let text = read_bytes(&src)
            .and_then(|b| crate::decode::decode(&b, job.encoding).map_err(|e| e.to_string()));
        match text {
            Ok(d) => {
                if let Err(e) = out.write_all(nz.normalize_str(&d.text).as_bytes()) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return code;
                    }
                    eprintln!("analyze: writing output: {e}");
                    return EXIT_INPUT_ERRORS;
                }
            }
            Err(e) => {
                eprintln!("analyze: {f}: {e}");
                code = EXIT_INPUT_ERRORS;
            }
        }
    }
    let _ = out.flush();
    code
}
