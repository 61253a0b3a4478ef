//! The `tether` CLI driven as a process, against real vault folders on disk.

mod audit_chain;
mod audit_receipt;
mod backup;
mod broken_pipe;
mod calendar_ics;
mod concurrent;
mod confidentiality;
mod contract;
mod fail_closed;
mod roles;
mod secrets;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tether_store::VaultPaths;
use tether_tests::Clinic;

/// Where the store keeps this clinic's files.
fn paths(clinic: &Clinic) -> VaultPaths {
    VaultPaths::new(clinic.vault())
}

/// Every file under `dir` with its bytes: compare before and after to prove nothing changed.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.insert(path.clone(), fs::read(&path).expect("readable file"));
        }
    }
    files
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn audit_prefix_kept(before: &[Value], after: &[Value]) {
    // Logs are newest first: every earlier entry is still there, unchanged, at the end.
    assert!(after.len() >= before.len());
    assert_eq!(&after[after.len() - before.len()..], before);
}
