//! Users: listing, adding and removing them. Each user's key slot changes with their row, in
//! the same transaction (see keys.rs for passphrases).

use secrecy::{ExposeSecret, SecretString};
use tether_core::{check_new_passphrase, AuditAction, Permission, Role, UserName};

use super::{Session, UserSummary};
use crate::audit_log::{self, Target};
use crate::error::{Result, StoreError};
use crate::key_slots::{KeySlotFile, SlotsLock};
use crate::users;

impl Session {
    pub fn list_users(&mut self) -> Result<Vec<UserSummary>> {
        self.authorize(
            Permission::ListUsers,
            AuditAction::UsersListed,
            Target::new("user", ""),
        )?;
        users::list(&self.conn)
    }

    pub fn add_user(
        &mut self,
        name: &str,
        role: Role,
        passphrase: &SecretString,
    ) -> Result<UserSummary> {
        let name = UserName::parse(name).map_err(|e| StoreError::user_name("name", e))?;
        self.authorize(
            Permission::ManageUsers,
            AuditAction::UserAdded,
            Target::new("user", ""),
        )?;
        check_new_passphrase(passphrase.expose_secret())
            .map_err(|e| StoreError::passphrase("passphrase", e))?;
        if users::id_of(&self.conn, &name)?.is_some() {
            return Err(StoreError::Conflict(format!(
                "a user named {name} already exists"
            )));
        }
        // The lock from load to save: two writers at once cannot lose each other's slot.
        let _lock = SlotsLock::acquire(&self.paths)?;
        let slots_path = self.paths.key_slots();
        let mut slots = KeySlotFile::load(&slots_path)?;
        let slot_id = slots.add_slot(&name.canonical(), passphrase, &self.data_key)?;
        self.transaction(|tx, me| {
            let id = users::insert(tx, &name, role, &slot_id)?;
            audit_log::record(tx, me, AuditAction::UserAdded, "user", id)?;
            // Slots last, inside the transaction: if they cannot be saved, nothing is committed.
            slots.save_atomic(&slots_path)
        })?;
        Ok(UserSummary {
            name: name.as_str().to_owned(),
            role,
            created_at: users::created_at(&self.conn, &name)?,
            supervisor: false,
        })
    }

    pub fn remove_user(&mut self, name: &str) -> Result<()> {
        let name = UserName::parse(name).map_err(|e| StoreError::user_name("name", e))?;
        self.authorize(
            Permission::ManageUsers,
            AuditAction::UserRemoved,
            Target::new("user", ""),
        )?;
        let user = users::record(&self.conn, &name)?;
        if user.id == self.user.id {
            return Err(StoreError::Conflict(
                "you cannot remove yourself; ask another admin".into(),
            ));
        }
        if user.role == Role::Admin && users::admin_count(&self.conn)? <= 1 {
            return Err(StoreError::Conflict(
                "the last admin cannot be removed".into(),
            ));
        }
        let _lock = SlotsLock::acquire(&self.paths)?;
        let slots_path = self.paths.key_slots();
        let mut slots = KeySlotFile::load(&slots_path)?;
        slots.remove_slot(&user.slot_id);
        self.transaction(|tx, me| {
            users::delete(tx, user.id)?;
            audit_log::record(tx, me, AuditAction::UserRemoved, "user", user.id)?;
            slots.save_atomic(&slots_path)
        })
    }
}
