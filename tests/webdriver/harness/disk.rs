//! Looking at the files on disk: what the app left behind, with the app closed.

use std::fs;
use std::path::{Path, PathBuf};

use super::TestResult;

/// Every regular file under `root` that contains `needle` as UTF-8 or as UTF-16LE (the
/// encodings a user name could be written in by SQLite or by the webview's storage).
pub fn find_bytes_in_tree(root: &Path, needle: &str) -> TestResult<Vec<PathBuf>> {
    let utf8 = needle.as_bytes().to_vec();
    let utf16: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut hits = Vec::new();
    let mut pending = vec![root.to_owned()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| format!("listing {}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("listing {}: {e}", dir.display()))?;
            let path = entry.path();
            // symlink_metadata: never follow a link out of the folder under test.
            let kind = fs::symlink_metadata(&path)
                .map_err(|e| format!("inspecting {}: {e}", path.display()))?
                .file_type();
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                let bytes =
                    fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
                if contains(&bytes, &utf8) || contains(&bytes, &utf16) {
                    hits.push(path);
                }
            }
        }
    }
    Ok(hits)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn read_prefix(path: &Path, len: usize) -> TestResult<Vec<u8>> {
    let bytes = fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    Ok(bytes.into_iter().take(len).collect())
}
