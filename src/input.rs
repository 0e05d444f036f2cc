//! Input discovery: turns the paths a user gives into an ordered list of
//! sources (files, or standard input), reporting what cannot be walked.
//!
//! Directories are walked recursively in a stable, sorted order; symlinks
//! are followed with loop detection. By default only text-like files and
//! corpus formats are taken (see [`FileFilter`]). [`discover_each`] streams
//! the walk, so memory does not grow with the number of files.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Where one article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file, with the path as the user will see it in the output.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Source {
    /// The name reported in the output's `file` field.
    pub fn display_name(&self) -> String {
        match self {
            Source::File(p) => p.to_string_lossy().into_owned(),
            Source::Stdin => "-".to_string(),
        }
    }
}

/// A problem with one input path, reported and skipped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InputError {
    pub file: String,
    pub error: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.error)
    }
}

/// Which files a directory walk keeps.
#[derive(Debug, Clone)]
pub enum FileFilter {
    /// `.txt` and extensionless files (the default with `--input text`).
    TextLike,
    /// Text-like files, web pages (`.html`, `.htm`, `.xhtml`) and the corpus
    /// formats: `.json`, `.jsonl`, `.ndjson`, `.xml`, `.sgml`, `.sgm`,
    /// `.trec`, `.gz`, `.tgz`, `.tar`, `.zip` (the default otherwise).
    CorpusLike,
    /// Web pages (`.html`, `.htm`, `.xhtml`), extensionless files and
    /// archives (the default with `--input html`).
    HtmlLike,
    /// Files whose extension is in the list (lowercase, without dot; "" = none).
    Extensions(Vec<String>),
    /// Every regular file.
    All,
}

impl FileFilter {
    pub fn accepts(&self, path: &Path) -> bool {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match self {
            FileFilter::All => true,
            FileFilter::TextLike => matches!(ext.as_deref(), None | Some("txt")),
            FileFilter::HtmlLike => matches!(
                ext.as_deref(),
                None | Some("html" | "htm" | "xhtml" | "gz" | "tgz" | "tar" | "zip")
            ),
            FileFilter::CorpusLike => matches!(
                ext.as_deref(),
                None | Some(
                    "txt"
                        | "html"
                        | "htm"
                        | "xhtml"
                        | "json"
                        | "jsonl"
                        | "ndjson"
                        | "xml"
                        | "sgml"
                        | "sgm"
                        | "trec"
                        | "gz"
                        | "tgz"
                        | "tar"
                        | "zip"
                )
            ),
            FileFilter::Extensions(list) => {
                let e = ext.unwrap_or_default();
                list.contains(&e)
            }
        }
    }
}

/// One discovered item: a source to read, or an error to report, in order.
pub type Discovered = Result<Source, InputError>;

/// Expand the user's paths into sources, in order.
///
/// A path given explicitly as a file is always taken, whatever its
/// extension; the filter applies to files found inside directories.
pub fn discover(paths: &[PathBuf], filter: &FileFilter) -> Vec<Discovered> {
    let mut out = Vec::new();
    discover_each(paths, filter, &mut |d| {
        out.push(d);
        true
    });
    out
}

/// Like [`discover`], but hands each item over as it is found, so a walk of
/// a huge tree needs no memory per file. `visit` returns false to stop.
pub fn discover_each(
    paths: &[PathBuf],
    filter: &FileFilter,
    visit: &mut dyn FnMut(Discovered) -> bool,
) {
    for path in paths {
        if path.as_os_str() == "-" {
            if !visit(Ok(Source::Stdin)) {
                return;
            }
            continue;
        }
        // named as given, a name that is not UTF-8 shown with U+FFFD
        let p = path.to_string_lossy().into_owned();
        let go_on = match std::fs::metadata(path) {
            Err(e) => visit(Err(InputError {
                file: p.clone(),
                error: io_reason(&e),
            })),
            Ok(m) if m.is_file() => visit(Ok(Source::File(path.clone()))),
            Ok(m) if m.is_dir() => walk_dir(path, filter, visit),
            Ok(_) => visit(Err(InputError {
                file: p.clone(),
                error: "not a regular file or directory".into(),
            })),
        };
        if !go_on {
            return;
        }
    }
}

fn walk_dir(root: &Path, filter: &FileFilter, visit: &mut dyn FnMut(Discovered) -> bool) -> bool {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| a.file_name().cmp(b.file_name()));
    for entry in walker {
        let item = match entry {
            Ok(e) => {
                if e.file_type().is_file() && filter.accepts(e.path()) {
                    Ok(Source::File(e.into_path()))
                } else {
                    continue;
                }
            }
            Err(err) => {
                let file = err
                    .path()
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|| root.to_string_lossy().into_owned());
                let error = if let Some(anc) = err.loop_ancestor() {
                    format!("symlink loop (back to {})", anc.display())
                } else if let Some(ioe) = err.io_error() {
                    io_reason(ioe)
                } else {
                    err.to_string()
                };
                Err(InputError { file, error })
            }
        };
        if !visit(item) {
            return false;
        }
    }
    true
}

/// A short, lowercase reason for an I/O error, without the OS error number noise.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Read a source's bytes.
pub fn read_bytes(src: &Source) -> Result<Vec<u8>, String> {
    match src {
        Source::Stdin => {
            use std::io::Read;
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| io_reason(&e))?;
            Ok(buf)
        }
        Source::File(p) => std::fs::read(p).map_err(|e| io_reason(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_is_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        for f in ["b.txt", "a.txt", "c.json", "noext", "sub/z.txt"] {
            std::fs::write(d.join(f), "نص").unwrap();
        }
        let got: Vec<String> = discover(&[d.to_path_buf()], &FileFilter::TextLike)
            .into_iter()
            .map(|r| {
                let Source::File(p) = r.unwrap() else {
                    panic!()
                };
                p.strip_prefix(d).unwrap().to_string_lossy().into_owned()
            })
            .collect();
        assert_eq!(got, ["a.txt", "b.txt", "noext", "sub/z.txt"]);
    }

    #[test]
    fn missing_path_is_an_error_not_a_stop() {
        let got = discover(&["/no/such/path".into(), "-".into()], &FileFilter::TextLike);
        assert_eq!(
            got[0].as_ref().unwrap_err().error,
            "no such file or directory"
        );
        assert_eq!(got[1], Ok(Source::Stdin));
    }
}
