//! The progress line on stderr: files, documents, MB read, MB/s and ETA.

use super::pipeline::Outcome;
use crate::input::{discover_each, FileFilter, Source};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Progress on stderr: files, documents, MB read, MB/s, ETA.
pub(super) struct Progress {
    pub(super) enabled: bool,
    started: Instant,
    last: Instant,
    files: usize,
    documents: usize,
    last_file: String,
    bytes_read: Arc<AtomicU64>,
    total: Arc<AtomicU64>,
    total_known: Arc<AtomicBool>,
    shown: bool,
}

impl Progress {
    pub(super) fn new(enabled: bool, bytes_read: Arc<AtomicU64>) -> Progress {
        let now = Instant::now();
        Progress {
            enabled,
            started: now,
            last: now,
            files: 0,
            documents: 0,
            last_file: String::new(),
            bytes_read,
            total: Arc::new(AtomicU64::new(0)),
            total_known: Arc::new(AtomicBool::new(false)),
            shown: false,
        }
    }

    /// Add up the input sizes on a background thread, for the ETA.
    pub(super) fn measure_total(&self, paths: &[std::path::PathBuf], filter: &FileFilter) {
        let (paths, filter) = (paths.to_vec(), filter.clone());
        let (total, known) = (self.total.clone(), self.total_known.clone());
        std::thread::spawn(move || {
            discover_each(&paths, &filter, &mut |item| {
                if let Ok(Source::File(p)) = item {
                    if let Ok(m) = std::fs::metadata(&p) {
                        total.fetch_add(m.len(), Ordering::Relaxed);
                    }
                }
                true
            });
            known.store(true, Ordering::Relaxed);
        });
    }

    pub(super) fn tick(&mut self, o: &Outcome) {
        if !self.enabled {
            return;
        }
        let file = match o {
            Outcome::Document { file, .. } => file,
            Outcome::Failure(f) => &f.file,
            Outcome::Skipped { file } => file,
        };
        if *file != self.last_file {
            self.files += 1;
            self.last_file.clone_from(file);
        }
        if matches!(o, Outcome::Document { .. }) {
            self.documents += 1;
        }
        let now = Instant::now();
        if now.duration_since(self.last) < Duration::from_millis(250) {
            return;
        }
        self.last = now;
        let secs = now.duration_since(self.started).as_secs_f64().max(1e-3);
        let read = self.bytes_read.load(Ordering::Relaxed) as f64;
        let mb = read / 1e6;
        let eta = if self.total_known.load(Ordering::Relaxed) && read > 0.0 {
            let total = self.total.load(Ordering::Relaxed) as f64;
            let left = (total - read).max(0.0) * secs / read;
            format!("ETA {}:{:02}", left as u64 / 60, left as u64 % 60)
        } else {
            "ETA ?".into()
        };
        eprint!(
            "\r\x1b[K{} files, {} documents, {:.1} MB, {:.1} MB/s, {}",
            self.files,
            self.documents,
            mb,
            mb / secs,
            eta
        );
        self.shown = true;
    }

    pub(super) fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
            self.shown = false;
        }
    }
}
