//! Writing printouts: always a new file, owner-only, flushed to disk, never over an existing one.

use std::path::Path;

use crate::error::{PrintError, Result};

/// Writes `bytes` to a new file at `out`; refuses when something is already there.
pub fn write_new(out: &Path, bytes: &[u8]) -> Result<()> {
    // Owner-only (0600): a notice names the child, the A-Number and the sponsor's address.
    tether_store::files::write_new_private(out, bytes).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            PrintError::Exists {
                path: out.to_path_buf(),
            }
        } else {
            PrintError::Write {
                path: out.to_path_buf(),
                source,
            }
        }
    })
}

/// Refuses before any work is done when `out` already exists.
pub fn refuse_existing(out: &Path) -> Result<()> {
    if out.exists() {
        return Err(PrintError::Exists {
            path: out.to_path_buf(),
        });
    }
    Ok(())
}

/// A case number or name made safe for a file name on every system.
pub fn safe_file_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_never_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("notice.pdf");
        write_new(&out, b"first").expect("new file");
        let again = write_new(&out, b"second");
        assert!(matches!(again, Err(PrintError::Exists { .. })), "{again:?}");
        assert_eq!(std::fs::read(&out).expect("read"), b"first");
        assert!(refuse_existing(&out).is_err());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&out).expect("stat").permissions().mode();
            assert_eq!(
                mode & 0o777,
                0o600,
                "a printout is owner-only, not {mode:o}"
            );
        }
    }

    #[test]
    fn file_parts_keep_case_numbers_readable() {
        assert_eq!(safe_file_part("T-2026-00042"), "T-2026-00042");
        assert_eq!(safe_file_part("José/Ramírez"), "Jos__Ram_rez");
    }
}
