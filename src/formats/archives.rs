//! Archives read without unpacking: every file member of a zip or tar
//! archive (a `.tar.gz` once its gzip is undone) that the directory filter
//! accepts is dispatched by its own name and content.

use super::{failed, Emit, Reader};
use crate::input::io_reason;
use std::io::{self, BufRead, BufReader, Cursor, Read};

impl Reader {
    pub(super) fn read_zip(&self, name: &str, reader: &mut dyn BufRead, emit: &mut Emit) -> bool {
        // a zip inside a stream (stdin, another archive) must be held in
        // memory to seek in it
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return emit(failed(name, io_reason(&e)));
        }
        self.read_zip_archive(name, Cursor::new(bytes), emit)
    }

    pub(super) fn read_zip_archive<R: Read + io::Seek>(
        &self,
        name: &str,
        archive: R,
        emit: &mut Emit,
    ) -> bool {
        let mut zip = match zip::ZipArchive::new(archive) {
            Ok(z) => z,
            Err(e) => return emit(failed(name, format!("not a readable zip archive: {e}"))),
        };
        for i in 0..zip.len() {
            let mut member = match zip.by_index(i) {
                Ok(m) => m,
                Err(e) => {
                    if !emit(failed(name, format!("zip member {}: {e}", i + 1))) {
                        return false;
                    }
                    continue;
                }
            };
            if !member.is_file() {
                continue;
            }
            let member_name = member.name().to_string();
            if !self.filter.accepts(std::path::Path::new(&member_name)) {
                continue;
            }
            let full = format!("{name}!{member_name}");
            let mut r = BufReader::with_capacity(member_buffer(member.size()), &mut member);
            if !self.dispatch(&full, &mut r, emit) {
                return false;
            }
        }
        true
    }

    pub(super) fn read_tar(&self, name: &str, reader: &mut dyn BufRead, emit: &mut Emit) -> bool {
        let mut archive = tar::Archive::new(reader);
        let entries = match archive.entries() {
            Ok(e) => e,
            Err(e) => return emit(failed(name, format!("not a readable tar archive: {e}"))),
        };
        for entry in entries {
            let mut entry = match entry {
                Ok(e) => e,
                Err(e) => return emit(failed(name, format!("tar archive: {e}"))),
            };
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let member_name = match entry.path() {
                Ok(p) => p.to_string_lossy().into_owned(),
                Err(e) => return emit(failed(name, format!("tar member name: {e}"))),
            };
            if !self.filter.accepts(std::path::Path::new(&member_name)) {
                continue;
            }
            let full = format!("{name}!{member_name}");
            let mut r = BufReader::with_capacity(member_buffer(entry.size()), &mut entry);
            if !self.dispatch(&full, &mut r, emit) {
                return false;
            }
        }
        true
    }
}

/// The read buffer for a file or archive member of `size` bytes: no larger than
/// the member (a buffer is zeroed when first filled; archives of many small
/// articles would spend their time clearing 64 KiB per member).
pub(super) fn member_buffer(size: u64) -> usize {
    (size as usize).saturating_add(1).clamp(1 << 10, 1 << 16)
}

/// Does the open file start with a zip signature? Reads its first bytes
/// and goes back to its start (an error only when it cannot go back).
pub(super) fn starts_with_zip(f: &mut std::fs::File) -> io::Result<bool> {
    use std::io::Seek;
    let mut magic = [0u8; 4];
    let zip =
        f.read_exact(&mut magic).is_ok() && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06");
    f.rewind()?;
    Ok(zip)
}

/// Does the file start with a zip signature?
pub(super) fn is_zip_file(p: &std::path::Path) -> bool {
    let mut magic = [0u8; 4];
    std::fs::File::open(p)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok()
        && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06")
}
