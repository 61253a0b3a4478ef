//! Where a vault's files live. A vault is a folder; the CLI and the desktop app share it.

use std::path::{Path, PathBuf};

pub const DATABASE_FILE: &str = "tether.db";
pub const KEY_SLOTS_FILE: &str = "keyslots.json";
/// Empty; writers of the slot file lock it (see `key_slots::lock`).
pub const KEY_SLOTS_LOCK_FILE: &str = "keyslots.lock";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaultPaths {
    dir: PathBuf,
}

impl VaultPaths {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        VaultPaths { dir: dir.into() }
    }

    /// `$XDG_DATA_HOME/tether` (or `~/.local/share/tether`) on Linux; the platform's data folder
    /// elsewhere. `None` only when the system reports no home folder at all.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "Tether", "tether").map(|d| d.data_dir().to_owned())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn database(&self) -> PathBuf {
        self.dir.join(DATABASE_FILE)
    }

    pub fn key_slots(&self) -> PathBuf {
        self.dir.join(KEY_SLOTS_FILE)
    }

    pub fn key_slots_lock(&self) -> PathBuf {
        self.dir.join(KEY_SLOTS_LOCK_FILE)
    }

    /// Either file present means a vault is here, even a damaged one: never overwrite it.
    pub fn exists(&self) -> bool {
        self.database().exists() || self.key_slots().exists()
    }
}
