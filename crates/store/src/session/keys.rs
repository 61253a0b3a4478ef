//! Keys and backups: passphrases (a user's own, an admin's reset), replacing the data key, and
//! the backup entry point (restoring needs no session: `crate::backup::restore`).

use std::collections::HashSet;

use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use tether_core::{check_new_passphrase, AuditAction, AuditOutcome, Permission, Role, UserName};

use super::{Session, UserSummary};
use crate::audit_log::{self, Target};
use crate::data_key::DataKey;
use crate::error::{Result, StoreError};
use crate::key_slots::{DroppedSlot, KeySlotFile, SlotsLock};
use crate::users;

/// Who receives the new data key of a `rekey`, and what it takes out of the slot file. The same
/// shape before (`rekey_plan`: what would happen) and after (`rekey`: what did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RekeyReport {
    /// The users whose slots receive the new data key.
    pub recipients: Vec<KeyRecipient>,
    /// Slots removed from the file: no user holds them, or they were changed outside Tether.
    pub dropped: Vec<DroppedSlot>,
    /// Users left without a usable slot (theirs is missing or was dropped as altered): they
    /// cannot sign in after the rekey until an admin resets their passphrase.
    pub locked_out: Vec<KeyRecipient>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyRecipient {
    pub name: String,
    pub role: Role,
}

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
        let _lock = SlotsLock::acquire(&self.paths)?;
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

    /// What `rekey` would do now: who would receive the new key and which slots it would drop.
    pub fn rekey_plan(&mut self) -> Result<RekeyReport> {
        self.authorize(Permission::Rekey, AuditAction::Rekeyed, Target::VAULT)?;
        let slots = KeySlotFile::load(&self.paths.key_slots())?;
        let holders = users::slot_holders(&self.conn)?;
        let dropped = slots.check_slots(&known_slots(&holders), &self.data_key);
        Ok(report(&holders, &slots, dropped))
    }

    /// Replaces the data key: the database is re-encrypted and the new key is sealed to the
    /// slots of the vault's users, and to nothing else (see `RekeyReport`).
    /// Crash-safe: until the database answers to the new key, the slots hold both.
    pub fn rekey(&mut self) -> Result<RekeyReport> {
        self.authorize(Permission::Rekey, AuditAction::Rekeyed, Target::VAULT)?;
        let _lock = SlotsLock::acquire(&self.paths)?;
        let slots_path = self.paths.key_slots();
        let mut slots = KeySlotFile::load(&slots_path)?;
        let holders = users::slot_holders(&self.conn)?;
        let known = known_slots(&holders);
        let planned = report(&holders, &slots, slots.check_slots(&known, &self.data_key));
        if planned.locked_out.iter().any(|u| u.name == self.user.name) {
            return Err(StoreError::Conflict(
                "your own key slot was changed outside Tether; sign in again before rekeying"
                    .into(),
            ));
        }
        let new_key = DataKey::generate();
        let dropped = slots.reseal_known(&[&new_key, &self.data_key], &known, &self.data_key)?;
        slots.save_atomic(&slots_path)?;

        // SQLCipher cannot rekey in WAL mode: empty the WAL, rekey in rollback mode, go back.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(StoreError::sql("checkpoint before rekey"))?;
        self.conn
            .query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))
            .map_err(StoreError::sql("leave WAL for rekey"))?;
        let statement = zeroize::Zeroizing::new(format!(
            "PRAGMA rekey = {};",
            new_key.sqlcipher_literal().as_str()
        ));
        let rekeyed = self
            .conn
            .execute_batch(&statement)
            .map_err(StoreError::sql("re-encrypt the database"));
        crate::db::enable_wal(&self.conn)?;
        rekeyed?;

        self.data_key = new_key;
        slots.reseal_known(&[&self.data_key], &known, &self.data_key)?;
        slots.save_atomic(&slots_path)?;
        self.audit(AuditAction::Rekeyed, Target::VAULT, AuditOutcome::Ok)?;
        Ok(report(&holders, &slots, dropped))
    }

    /// The slots dropped when this sign-in finished a rekey that had been interrupted (empty
    /// otherwise): the CLI and the window show them like `rekey`'s own report.
    pub fn dropped_at_unlock(&self) -> &[DroppedSlot] {
        &self.dropped_at_unlock
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
        if out.exists() {
            return Err(StoreError::invalid(
                "out",
                format!("{} already exists; choose a new file name", out.display()),
            ));
        }
        // Audit first, so the backup holds the entry that says it was taken; if writing fails
        // after all, a second entry says so (the log is append-only: the first one stays).
        self.audit(AuditAction::BackupCreated, Target::VAULT, AuditOutcome::Ok)?;
        let written =
            crate::backup::write(&self.conn, &self.paths, &self.data_key, out, passphrase);
        if written.is_err() {
            self.audit(
                AuditAction::BackupCreated,
                Target::VAULT,
                AuditOutcome::Failed,
            )?;
        }
        written
    }
}

fn known_slots(holders: &[(UserSummary, String)]) -> HashSet<String> {
    holders.iter().map(|(_, slot)| slot.clone()).collect()
}

/// Recipients are the users whose slot is in the file and not dropped; the others are locked out.
fn report(
    holders: &[(UserSummary, String)],
    slots: &KeySlotFile,
    dropped: Vec<DroppedSlot>,
) -> RekeyReport {
    let dropped_ids: HashSet<&str> = dropped.iter().map(|d| d.slot_id.as_str()).collect();
    let (recipients, locked_out) = holders
        .iter()
        .map(|(user, slot)| {
            let usable = slots.has_slot(slot) && !dropped_ids.contains(slot.as_str());
            (
                usable,
                KeyRecipient {
                    name: user.name.clone(),
                    role: user.role,
                },
            )
        })
        .partition::<Vec<_>, _>(|(usable, _)| *usable);
    RekeyReport {
        recipients: recipients.into_iter().map(|(_, r)| r).collect(),
        dropped,
        locked_out: locked_out.into_iter().map(|(_, r)| r).collect(),
    }
}
