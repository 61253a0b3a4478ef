//! Keys and backups: passphrases (a user's own, an admin's reset), replacing the data key, and
//! the backup entry point (restoring needs no session: `crate::backup::restore`).

use secrecy::{ExposeSecret, SecretString};
use tether_core::{check_new_passphrase, AuditAction, AuditOutcome, Permission, UserName};

use super::Session;
use crate::audit_log::{self, Target};
use crate::data_key::DataKey;
use crate::error::{Result, StoreError};
use crate::key_slots::KeySlotFile;
use crate::users;

impl Session {
    /// An admin gives a user a new passphrase (forgotten passphrase); the old one stops working.
    pub fn reset_passphrase(&mut self, name: &str, passphrase: &SecretString) -> Result<()> {
        let name = UserName::parse(name).map_err(|e| StoreError::user_name("name", e))?;
        self.authorize(
            Permission::ManageUsers,
            AuditAction::PassphraseReset,
            Target::new("user", ""),
        )?;
        check_new_passphrase(passphrase.expose_secret())
            .map_err(|e| StoreError::passphrase("passphrase", e))?;
        let user = users::record(&self.conn, &name)?;
        self.replace_slot(
            user.id,
            &name,
            &user.slot_id,
            passphrase,
            AuditAction::PassphraseReset,
        )
    }

    /// Any user changes their own passphrase, proving the current one first.
    pub fn change_passphrase(&mut self, current: &SecretString, new: &SecretString) -> Result<()> {
        check_new_passphrase(new.expose_secret())
            .map_err(|e| StoreError::passphrase("new_passphrase", e))?;
        let name =
            UserName::parse(&self.user.name).map_err(|e| StoreError::user_name("user_name", e))?;
        let user = users::record(&self.conn, &name)?;
        let slots = KeySlotFile::load(&self.paths.key_slots())?;
        let opened = slots.open(&name.canonical(), current)?;
        if opened.slot_id != user.slot_id {
            return Err(StoreError::WrongCredentials);
        }
        self.replace_slot(
            user.id,
            &name,
            &user.slot_id,
            new,
            AuditAction::PassphraseChanged,
        )
    }

    fn replace_slot(
        &mut self,
        user_id: i64,
        name: &UserName,
        old_slot: &str,
        passphrase: &SecretString,
        action: AuditAction,
    ) -> Result<()> {
        let slots_path = self.paths.key_slots();
        let mut slots = KeySlotFile::load(&slots_path)?;
        let new_slot =
            slots.replace_slot(old_slot, &name.canonical(), passphrase, &self.data_key)?;
        self.transaction(|tx, me| {
            users::set_slot(tx, user_id, &new_slot)?;
            audit_log::record(tx, me, action, "user", user_id)?;
            slots.save_atomic(&slots_path)
        })
    }

    /// Replaces the data key: the database is re-encrypted and every slot gets the new key.
    /// Crash-safe: until the database answers to the new key, the slots hold both.
    pub fn rekey(&mut self) -> Result<()> {
        self.authorize(Permission::Rekey, AuditAction::Rekeyed, Target::VAULT)?;
        let slots_path = self.paths.key_slots();
        let mut slots = KeySlotFile::load(&slots_path)?;
        let new_key = DataKey::generate();
        slots.reseal_all(&[&new_key, &self.data_key])?;
        slots.save_atomic(&slots_path)?;

        // SQLCipher cannot rekey in WAL mode: empty the WAL, rekey in rollback mode, go back.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(StoreError::sql("checkpoint before rekey"))?;
        self.conn
            .query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))
            .map_err(StoreError::sql("leave WAL for rekey"))?;
        let rekeyed = self
            .conn
            .execute_batch(&format!(
                "PRAGMA rekey = {};",
                new_key.sqlcipher_literal().as_str()
            ))
            .map_err(StoreError::sql("re-encrypt the database"));
        crate::db::enable_wal(&self.conn)?;
        rekeyed?;

        self.data_key = new_key;
        slots.reseal_all(&[&self.data_key])?;
        slots.save_atomic(&slots_path)?;
        self.audit(AuditAction::Rekeyed, Target::VAULT, AuditOutcome::Ok)
    }

    /// Writes an encrypted backup to `out` (which must not exist yet).
    pub fn backup(&mut self, out: &std::path::Path, passphrase: &SecretString) -> Result<()> {
        self.authorize(
            Permission::Backup,
            AuditAction::BackupCreated,
            Target::VAULT,
        )?;
        check_new_passphrase(passphrase.expose_secret())
            .map_err(|e| StoreError::passphrase("backup_passphrase", e))?;
        // Audit first, so the backup holds the entry that says it was taken.
        self.audit(AuditAction::BackupCreated, Target::VAULT, AuditOutcome::Ok)?;
        crate::backup::write(&self.conn, &self.paths, &self.data_key, out, passphrase)
    }
}
