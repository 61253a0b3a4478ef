//! Where the vault is and who is signing in: read once from the global flags, then the one way
//! every command opens the vault.

use std::path::PathBuf;

use anyhow::{anyhow, Result};
use tether_store::{Session, VaultPaths};

use crate::secrets;

#[derive(Debug)]
pub struct Context {
    paths: VaultPaths,
    user: Option<String>,
}

impl Context {
    /// Fails before anything else when there is no vault folder to talk about.
    pub fn new(vault: Option<PathBuf>, user: Option<String>) -> Result<Self> {
        let dir = match vault {
            Some(dir) => dir,
            None => VaultPaths::default_dir()
                .ok_or_else(|| anyhow!("no home folder: pass --vault PATH or set TETHER_VAULT"))?,
        };
        Ok(Self {
            paths: VaultPaths::new(dir),
            user,
        })
    }

    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    /// The `--user` name, for the commands that cannot run without one.
    pub fn user(&self) -> Result<&str> {
        self.user
            .as_deref()
            .ok_or_else(|| anyhow!("who is signing in? pass --user NAME or set TETHER_USER"))
    }

    /// Asks for the user's passphrase (unless TETHER_PASSPHRASE is set) and unlocks the vault.
    pub fn sign_in(&self) -> Result<Session> {
        let user = self.user()?;
        let passphrase =
            secrets::existing(secrets::PASSPHRASE, &format!("Passphrase for {user}: "))?;
        Ok(tether_store::unlock(&self.paths, user, &passphrase)?)
    }
}
