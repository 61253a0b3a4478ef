//! Creating output files that hold case data (exports, printouts, calendars, backups): always a
//! new file, never over an existing one, and readable by its owner only (0600 on unix), so
//! another account on a shared computer cannot read an A-Number from the Downloads folder.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::Path;

/// Opens a new file at `path` for writing, mode 0600 on unix; fails with
/// `ErrorKind::AlreadyExists` when something is already there (nothing is replaced).
pub fn create_new_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // The mode is applied at creation (under the umask, which only removes bits), so
        // there is no moment when the file is readable by others.
        options.mode(0o600);
    }
    options.open(path)
}

/// [`create_new_private`], then `bytes` written and flushed to disk. A partial file left by a
/// failed write is removed.
pub fn write_new_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = create_new_private(path)?;
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    if written.is_err() {
        drop(f);
        let _ = std::fs::remove_file(path);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_output_file_is_private_and_never_replaces_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("ramirez-export.csv");
        write_new_private(&out, b"A-Number\n201-555-123\n").expect("new file");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&out).expect("stat").permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
        }
        let again = write_new_private(&out, b"other");
        assert_eq!(
            again.map_err(|e| e.kind()),
            Err(std::io::ErrorKind::AlreadyExists)
        );
        assert_eq!(
            std::fs::read(&out).expect("read"),
            b"A-Number\n201-555-123\n"
        );
    }
}
