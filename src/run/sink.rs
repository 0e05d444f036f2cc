//! Where the output goes: stdout, or a file written to a temporary sibling
//! and renamed on success, which an interruption removes.

use super::EXIT_INTERRUPTED;
use std::io::{self, Write};
use std::sync::Mutex;

/// The temporary file of the output being written, removed if the run is
/// interrupted (SIGINT, SIGTERM, SIGHUP) so that nothing is left behind.
static PENDING_OUTPUT: Mutex<Option<std::path::PathBuf>> = Mutex::new(None);

/// On the first interruption: remove the pending temporary output, exit.
fn remove_output_on_interrupt() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let installed = ctrlc::set_handler(|| {
            let pending = PENDING_OUTPUT
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take();
            if let Some(p) = pending {
                let _ = std::fs::remove_file(p);
            }
            eprintln!("analyze: interrupted");
            std::process::exit(EXIT_INTERRUPTED);
        });
        if let Err(e) = installed {
            eprintln!("analyze: warning: cannot handle interruptions: {e}");
        }
    });
}

/// Where output goes. A file is written to a temporary sibling and renamed
/// on success, so a failed run never leaves a half-written file.
pub(super) enum Sink {
    Stdout(io::BufWriter<io::Stdout>),
    File {
        tmp: io::BufWriter<tempfile::NamedTempFile>,
        path: std::path::PathBuf,
    },
}

impl Sink {
    pub(super) fn open(path: Option<&std::path::Path>) -> Result<Sink, String> {
        match path {
            None => Ok(Sink::Stdout(io::BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            ))),
            Some(p) if p.as_os_str() == "-" => Sink::open(None),
            Some(p) => {
                let dir = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(std::path::Path::new("."));
                // the handler first, and the file created and registered
                // under the lock the handler takes: an interruption at any
                // moment finds the file registered or not yet made
                remove_output_on_interrupt();
                let mut pending = PENDING_OUTPUT.lock().unwrap_or_else(|e| e.into_inner());
                let tmp = tempfile::Builder::new()
                    .prefix(".analyze-")
                    .suffix(".tmp")
                    .tempfile_in(dir)
                    .map_err(|e| {
                        let p = p.display();
                        format!("{p}: cannot create output: {}", crate::input::io_reason(&e))
                    })?;
                *pending = Some(tmp.path().to_path_buf());
                drop(pending);
                Ok(Sink::File {
                    tmp: io::BufWriter::new(tmp),
                    path: p.to_path_buf(),
                })
            }
        }
    }

    pub(super) fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Stdout(w) => w,
            Sink::File { tmp, .. } => tmp,
        }
    }

    pub(super) fn commit(self) -> Result<(), String> {
        match self {
            Sink::Stdout(mut w) => w.flush().map_err(|e| format!("writing output: {e}")),
            Sink::File { tmp, path } => {
                let shown = path.display();
                let f = tmp
                    .into_inner()
                    .map_err(|e| format!("{shown}: {}", e.error()))?;
                // hold the registry while renaming: an interruption now waits, then
                // finds nothing to remove (renamed) or the file still temporary
                let mut pending = PENDING_OUTPUT.lock().unwrap_or_else(|e| e.into_inner());
                let persisted = f
                    .persist(&path)
                    .map_err(|e| format!("{shown}: {}", e.error));
                *pending = None;
                persisted.map(|_| ())
            }
        }
    }
}
