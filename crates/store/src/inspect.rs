//! A raw, unaudited connection to a vault's database, for tamper tests and forensic inspection
//! by someone who already holds a passphrase. It bypasses `Session` on purpose: the tests use it
//! to change the audit chain behind Tether's back and prove `audit verify` notices.

use rusqlite::Connection;
use secrecy::SecretString;
use tether_core::UserName;

use crate::db::{self, Create};
use crate::error::{Result, StoreError};
use crate::key_slots::KeySlotFile;
use crate::paths::VaultPaths;

#[doc(hidden)]
pub fn open_raw(paths: &VaultPaths, user: &str, passphrase: &SecretString) -> Result<Connection> {
    let slots = KeySlotFile::load(&paths.key_slots())?;
    let name = UserName::parse(user).map_err(|_| StoreError::WrongCredentials)?;
    let opened = slots.open(&name.canonical(), passphrase)?;
    let mut last = StoreError::WrongCredentials;
    for key in &opened.data_keys {
        match db::open(&paths.database(), key, Create::No) {
            Ok(conn) => return Ok(conn),
            Err(e) => last = e,
        }
    }
    Err(last)
}
