//! The signed-in user's handle on the vault. Every operation passes through here: the role is
//! checked and the audit entry written in one place, in the same transaction as the change.

use std::fmt;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use tether_core::{check_new_passphrase, AuditAction, AuditOutcome, Permission, Role, UserName};

use crate::audit_log::{self, AuditLogEntry, AuditReport, Target};
use crate::data_key::DataKey;
use crate::error::{Result, StoreError};
use crate::key_slots::KeySlotFile;
use crate::paths::VaultPaths;
use crate::vault::insert_user;

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
const AUTO_LOCK_SETTING: &str = "auto_lock_minutes";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignedInUser {
    pub id: i64,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserSummary {
    pub name: String,
    pub role: Role,
    pub created_at: String,
}

pub struct Session {
    pub(crate) conn: Connection,
    paths: VaultPaths,
    data_key: DataKey,
    pub(crate) user: SignedInUser,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("vault", &self.paths.dir())
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

impl Session {
    pub(crate) fn new(
        conn: Connection,
        paths: VaultPaths,
        data_key: DataKey,
        user: SignedInUser,
    ) -> Self {
        Session {
            conn,
            paths,
            data_key,
            user,
        }
    }

    pub fn user(&self) -> &SignedInUser {
        &self.user
    }

    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    /// Runs `change` in a transaction after the role check; `change` appends its audit entry
    /// to the same transaction. A denial is itself audited.
    pub(crate) fn write<T>(
        &mut self,
        permission: Option<Permission>,
        action: AuditAction,
        denied_target: Target<'_>,
        change: impl FnOnce(&Transaction<'_>, &SignedInUser) -> Result<T>,
    ) -> Result<T> {
        self.authorize(permission, action, denied_target)?;
        let tx = self
            .conn
            .transaction()
            .map_err(StoreError::sql("start a change"))?;
        let value = change(&tx, &self.user)?;
        tx.commit().map_err(StoreError::sql("save the change"))?;
        Ok(value)
    }

    pub(crate) fn authorize(
        &mut self,
        permission: Option<Permission>,
        action: AuditAction,
        target: Target<'_>,
    ) -> Result<()> {
        let Some(permission) = permission else {
            return Ok(());
        };
        if self.user.role.may(permission) {
            return Ok(());
        }
        audit_log::append(
            &self.conn,
            &self.user.name,
            action,
            target,
            AuditOutcome::Denied,
        )?;
        Err(StoreError::PermissionDenied {
            user: self.user.name.clone(),
            role: self.user.role.as_str(),
            action: describe(action),
        })
    }

    // ---- users -------------------------------------------------------------------------

    pub fn list_users(&mut self) -> Result<Vec<UserSummary>> {
        self.authorize(
            Some(Permission::ListUsers),
            AuditAction::UsersListed,
            Target::new("user", ""),
        )?;
        let mut stmt = self
            .conn
            .prepare("SELECT name, role, created_at FROM users ORDER BY name_key")
            .map_err(StoreError::sql("list users"))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?))
            })
            .map_err(StoreError::sql("list users"))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::sql("list users"))?;
        rows.into_iter()
            .map(|(name, role, created_at)| {
                let role = role.parse().map_err(|e: tether_core::UnknownRole| {
                    StoreError::DatabaseCorrupt {
                        path: "users".into(),
                        reason: e.to_string(),
                    }
                })?;
                Ok(UserSummary {
                    name,
                    role,
                    created_at,
                })
            })
            .collect()
    }

    pub fn add_user(
        &mut self,
        name: &str,
        role: Role,
        passphrase: &SecretString,
    ) -> Result<UserSummary> {
        let name = UserName::parse(name).map_err(|e| StoreError::user_name("name", e))?;
        self.authorize(
            Some(Permission::ManageUsers),
            AuditAction::UserAdded,
            Target::new("user", ""),
        )?;
        check_new_passphrase(passphrase.expose_secret())
            .map_err(|e| StoreError::passphrase("passphrase", e))?;
        if self.user_id(&name)?.is_some() {
            return Err(StoreError::Conflict(format!(
                "a user named {name} already exists"
            )));
        }
        let slots_path = self.paths.key_slots();
        let mut slots = KeySlotFile::load(&slots_path)?;
        let slot_id = slots.add_slot(&name.canonical(), passphrase, &self.data_key)?;
        let summary = self.write(None, AuditAction::UserAdded, Target::VAULT, |tx, me| {
            let id = insert_user(tx, &name, role, &slot_id)?;
            audit_log::record(tx, &me.name, AuditAction::UserAdded, "user", id)?;
            // Slots first, inside the transaction: if they cannot be saved, nothing is committed.
            slots.save_atomic(&slots_path)?;
            Ok(UserSummary {
                name: name.as_str().to_owned(),
                role,
                created_at: String::new(),
            })
        })?;
        let created_at = self
            .conn
            .query_row(
                "SELECT created_at FROM users WHERE name_key = ?1",
                [name.canonical()],
                |r| r.get(0),
            )
            .map_err(StoreError::sql("read the new user"))?;
        Ok(UserSummary {
            created_at,
            ..summary
        })
    }

    pub fn remove_user(&mut self, name: &str) -> Result<()> {
        let name = UserName::parse(name).map_err(|e| StoreError::user_name("name", e))?;
        self.authorize(
            Some(Permission::ManageUsers),
            AuditAction::UserRemoved,
            Target::new("user", ""),
        )?;
        let (id, role, slot_id) = self.user_record(&name)?;
        if id == self.user.id {
            return Err(StoreError::Conflict(
                "you cannot remove yourself; ask another admin".into(),
            ));
        }
        if role == Role::Admin && self.admin_count()? <= 1 {
            return Err(StoreError::Conflict(
                "the last admin cannot be removed".into(),
            ));
        }
        let slots_path = self.paths.key_slots();
        let mut slots = KeySlotFile::load(&slots_path)?;
        slots.remove_slot(&slot_id);
        self.write(None, AuditAction::UserRemoved, Target::VAULT, |tx, me| {
            tx.execute("DELETE FROM users WHERE id = ?1", [id])
                .map_err(StoreError::sql("remove the user"))?;
            audit_log::record(tx, &me.name, AuditAction::UserRemoved, "user", id)?;
            slots.save_atomic(&slots_path)
        })
    }

    /// An admin gives a user a new passphrase (forgotten passphrase); the old one stops working.
    pub fn reset_passphrase(&mut self, name: &str, passphrase: &SecretString) -> Result<()> {
        let name = UserName::parse(name).map_err(|e| StoreError::user_name("name", e))?;
        self.authorize(
            Some(Permission::ManageUsers),
            AuditAction::PassphraseReset,
            Target::new("user", ""),
        )?;
        check_new_passphrase(passphrase.expose_secret())
            .map_err(|e| StoreError::passphrase("passphrase", e))?;
        let (id, _, slot_id) = self.user_record(&name)?;
        self.replace_slot(
            id,
            &name,
            &slot_id,
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
        let (id, _, slot_id) = self.user_record(&name)?;
        let slots = KeySlotFile::load(&self.paths.key_slots())?;
        let opened = slots.open(&name.canonical(), current)?;
        if opened.slot_id != slot_id {
            return Err(StoreError::WrongCredentials);
        }
        self.replace_slot(id, &name, &slot_id, new, AuditAction::PassphraseChanged)
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
        self.write(None, action, Target::VAULT, |tx, me| {
            tx.execute(
                "UPDATE users SET slot_id = ?1 WHERE id = ?2",
                params![new_slot, user_id],
            )
            .map_err(StoreError::sql("update the user's key slot"))?;
            audit_log::append(
                tx,
                &me.name,
                action,
                Target::new("user", &user_id.to_string()),
                AuditOutcome::Ok,
            )?;
            slots.save_atomic(&slots_path)
        })
    }

    fn user_id(&self, name: &UserName) -> Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT id FROM users WHERE name_key = ?1",
                [name.canonical()],
                |r| r.get(0),
            )
            .optional()
            .map_err(StoreError::sql("look up a user"))
    }

    fn user_record(&self, name: &UserName) -> Result<(i64, Role, String)> {
        let row: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT id, role, slot_id FROM users WHERE name_key = ?1",
                [name.canonical()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(StoreError::sql("look up a user"))?;
        let (id, role, slot) = row.ok_or_else(|| StoreError::NotFound {
            kind: "user",
            id: name.as_str().to_owned(),
        })?;
        let role =
            role.parse()
                .map_err(|e: tether_core::UnknownRole| StoreError::DatabaseCorrupt {
                    path: "users".into(),
                    reason: e.to_string(),
                })?;
        Ok((id, role, slot))
    }

    fn admin_count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT count(*) FROM users WHERE role = 'admin'", [], |r| {
                r.get(0)
            })
            .map_err(StoreError::sql("count admins"))
    }

    // ---- keys and backups ----------------------------------------------------------------

    /// Replaces the data key: the database is re-encrypted and every slot gets the new key.
    /// Crash-safe: until the database answers to the new key, the slots hold both.
    pub fn rekey(&mut self) -> Result<()> {
        self.authorize(Some(Permission::Rekey), AuditAction::Rekeyed, Target::VAULT)?;
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
        audit_log::append(
            &self.conn,
            &self.user.name,
            AuditAction::Rekeyed,
            Target::VAULT,
            AuditOutcome::Ok,
        )
    }

    /// Writes an encrypted backup to `out` (which must not exist yet).
    pub fn backup(&mut self, out: &std::path::Path, passphrase: &SecretString) -> Result<()> {
        self.authorize(
            Some(Permission::Backup),
            AuditAction::BackupCreated,
            Target::VAULT,
        )?;
        check_new_passphrase(passphrase.expose_secret())
            .map_err(|e| StoreError::passphrase("backup_passphrase", e))?;
        // Audit first, so the backup holds the entry that says it was taken.
        audit_log::append(
            &self.conn,
            &self.user.name,
            AuditAction::BackupCreated,
            Target::VAULT,
            AuditOutcome::Ok,
        )?;
        crate::backup::write(&self.conn, &self.paths, &self.data_key, out, passphrase)
    }

    // ---- audit -----------------------------------------------------------------------------

    pub fn audit_verify(&mut self) -> Result<AuditReport> {
        self.authorize(
            Some(Permission::ReadAudit),
            AuditAction::AuditVerified,
            Target::VAULT,
        )?;
        audit_log::verify(&self.conn)
    }

    pub fn audit_log(&mut self, limit: u32) -> Result<Vec<AuditLogEntry>> {
        self.authorize(
            Some(Permission::ReadAudit),
            AuditAction::AuditRead,
            Target::VAULT,
        )?;
        let entries = audit_log::latest(&self.conn, limit)?;
        audit_log::append(
            &self.conn,
            &self.user.name,
            AuditAction::AuditRead,
            Target::VAULT,
            AuditOutcome::Ok,
        )?;
        Ok(entries)
    }

    // ---- settings --------------------------------------------------------------------------

    pub fn auto_lock_minutes(&self) -> Result<u32> {
        let value: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [AUTO_LOCK_SETTING],
                |r| r.get(0),
            )
            .optional()
            .map_err(StoreError::sql("read a setting"))?;
        Ok(value
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES))
    }

    pub fn set_auto_lock_minutes(&mut self, minutes: u32) -> Result<()> {
        if !(1..=240).contains(&minutes) {
            return Err(StoreError::InvalidInput {
                field: "minutes",
                reason: format!("auto-lock must be between 1 and 240 minutes, not {minutes}"),
            });
        }
        self.write(
            Some(Permission::ChangeSettings),
            AuditAction::SettingsChanged,
            Target::new("setting", AUTO_LOCK_SETTING),
            |tx, me| {
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![AUTO_LOCK_SETTING, minutes.to_string()],
                )
                .map_err(StoreError::sql("save a setting"))?;
                audit_log::append(
                    tx,
                    &me.name,
                    AuditAction::SettingsChanged,
                    Target::new("setting", AUTO_LOCK_SETTING),
                    AuditOutcome::Ok,
                )
            },
        )
    }
}

pub(crate) fn describe(action: AuditAction) -> &'static str {
    match action {
        AuditAction::UserAdded => "add users",
        AuditAction::UserRemoved => "remove users",
        AuditAction::UsersListed => "list users",
        AuditAction::PassphraseReset => "reset other users' passphrases",
        AuditAction::Rekeyed => "rekey the vault",
        AuditAction::BackupCreated => "back up the vault",
        AuditAction::AuditRead | AuditAction::AuditVerified => "read the audit log",
        AuditAction::SettingsChanged => "change settings",
        AuditAction::SponsorCreated | AuditAction::ChildCreated => "add cases",
        AuditAction::ChildUpdated
        | AuditAction::HearingAdded
        | AuditAction::HearingUpdated
        | AuditAction::NtaUpdated
        | AuditAction::ProceedingsUpdated
        | AuditAction::AddressChanged => "change cases",
        AuditAction::SponsorViewed | AuditAction::ChildViewed => "view cases",
        AuditAction::RecordsImported => "import records",
        AuditAction::RecordsExported => "export records",
        AuditAction::CallLogged => "log calls",
        AuditAction::FlagAcknowledged => "acknowledge red flags",
        AuditAction::DocumentPrinted => "print case documents",
        AuditAction::VaultCreated | AuditAction::SignedIn | AuditAction::PassphraseChanged => {
            "do this"
        }
    }
}
