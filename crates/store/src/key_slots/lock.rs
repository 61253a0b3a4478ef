//! One writer of the slot file at a time, across processes (the CLI beside the desktop app).
//!
//! The file is replaced atomically, so readers never need the lock; writers do a
//! read-modify-write (load, change one slot, save) that two processes at once would turn into a
//! lost update, e.g. bringing back a removed user's slot. Order: this lock first, then the
//! database's write lock; no code takes them the other way round.

use std::fs::{File, OpenOptions};

use crate::error::{Result, StoreError};
use crate::paths::VaultPaths;

/// Held while it lives; the operating system releases it when the file closes (also on a crash).
#[derive(Debug)]
pub(crate) struct SlotsLock {
    _file: File,
}

impl SlotsLock {
    /// Blocks until no other process writes the slots.
    pub(crate) fn acquire(paths: &VaultPaths) -> Result<SlotsLock> {
        let path = paths.key_slots_lock();
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options
            .open(&path)
            .map_err(StoreError::io(format!("open {}", path.display())))?;
        file.lock()
            .map_err(StoreError::io(format!("lock {}", path.display())))?;
        Ok(SlotsLock { _file: file })
    }
}
