//! Creating and unlocking a vault. Both end in a `Session`; nothing else opens the database.

use std::fs;

use std::collections::HashSet;

use rusqlite::{Connection, TransactionBehavior};
use secrecy::SecretString;
use tether_core::{check_new_passphrase, AuditAction, AuditOutcome, Role, UserName};

use crate::audit_log::{self, Target};
use crate::data_key::DataKey;
use crate::db::{self, Create};
use crate::error::{Result, StoreError};
use crate::key_slots::{DroppedSlot, KeySlotFile, OpenedSlot, SlotsLock};
use crate::migrations;
use crate::paths::VaultPaths;
use crate::session::{Session, SignedInUser};
use crate::users;

/// Creates a new vault in `paths` with `admin` as its first user. Refuses if one exists.
pub fn create(paths: &VaultPaths, admin: &str, passphrase: &SecretString) -> Result<Session> {
    let admin = UserName::parse(admin).map_err(|e| StoreError::user_name("user_name", e))?;
    check_new_passphrase(secrecy::ExposeSecret::expose_secret(passphrase))
        .map_err(|e| StoreError::passphrase("passphrase", e))?;
    if paths.exists() {
        return Err(StoreError::VaultExists(paths.dir().to_owned()));
    }
    create_private_dir(paths)?;
    // Made now, so the folder's set of files never changes later because of the lock.
    let lock = SlotsLock::acquire(paths)?;

    let data_key = DataKey::generate();
    let mut slots = KeySlotFile::new();
    let slot_id = slots.add_slot(&admin.canonical(), passphrase, &data_key)?;

    let result = (|| {
        let mut conn = db::open(&paths.database(), &data_key, Create::Yes)?;
        db::enable_wal(&conn)?;
        migrations::migrate(&mut conn)?;
        // IMMEDIATE, like every write: the write lock first.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sql("start creating the vault"))?;
        let user_id = users::insert(&tx, &admin, Role::Admin, &slot_id)?;
        let me = SignedInUser {
            id: user_id,
            name: admin.as_str().to_owned(),
            role: Role::Admin,
        };
        audit_log::append(
            &tx,
            &me,
            AuditAction::VaultCreated,
            Target::new("user", &user_id.to_string()),
            AuditOutcome::Ok,
        )?;
        tx.commit()
            .map_err(StoreError::sql("commit the new vault"))?;
        slots.save_atomic(&paths.key_slots())?;
        Ok((conn, user_id))
    })();
    drop(lock);
    match result {
        Ok((conn, user_id)) => Ok(Session::new(
            conn,
            paths.clone(),
            data_key,
            SignedInUser {
                id: user_id,
                name: admin.as_str().to_owned(),
                role: Role::Admin,
            },
        )),
        Err(e) => {
            // A half-made vault would block the next `init`: remove exactly what we created.
            for path in [
                paths.database(),
                paths.key_slots(),
                paths.key_slots_lock(),
                paths.database().with_extension("db-wal"),
                paths.database().with_extension("db-shm"),
            ] {
                let _ = fs::remove_file(path);
            }
            Err(e)
        }
    }
}

/// Opens the vault as `user`. Any failure leaves the vault's files exactly as they were.
pub fn unlock(paths: &VaultPaths, user: &str, passphrase: &SecretString) -> Result<Session> {
    if !paths.exists() {
        return Err(StoreError::VaultMissing(paths.dir().to_owned()));
    }
    // Held until the slots are final: a writer elsewhere (the app beside the CLI) cannot
    // change them between this read and the repair or upgrade below.
    let lock = SlotsLock::acquire(paths)?;
    let mut slots = KeySlotFile::load(&paths.key_slots())?;
    if !paths.database().exists() {
        return Err(StoreError::DatabaseCorrupt {
            path: paths.database(),
            reason: "the file is missing".into(),
        });
    }
    let name = UserName::parse(user).map_err(|_| StoreError::WrongCredentials)?;
    let mut opened = slots.open(&name.canonical(), passphrase)?;
    let candidates = opened.data_keys.len();

    let mut last_error = None;
    let mut found = None;
    for key in std::mem::take(&mut opened.data_keys) {
        match db::open(&paths.database(), &key, Create::No) {
            Ok(conn) => {
                found = Some((conn, key));
                break;
            }
            Err(e) => last_error = Some(e),
        }
    }
    let Some((mut conn, data_key)) = found else {
        return Err(last_error.unwrap_or(StoreError::WrongCredentials));
    };
    db::check_integrity(&conn, &paths.database())?;
    let (user, slot_id) = users::signing_in(&conn, &name)?;
    if slot_id != opened.slot_id {
        return Err(StoreError::WrongCredentials);
    }
    db::enable_wal(&conn)?;
    migrations::migrate(&mut conn)?;
    let dropped = settle_slots(&conn, paths, &mut slots, &opened, &data_key, candidates)?;
    drop(lock);
    let target_id = user.id.to_string();
    let mut session = Session::new(conn, paths.clone(), data_key, user);
    session.dropped_at_unlock = dropped;
    session.audit(
        AuditAction::SignedIn,
        Target::new("user", &target_id),
        AuditOutcome::Ok,
    )?;
    Ok(session)
}

/// What unlock writes back to the slot file, under the lock: the upgrade of an older file (this
/// user's slot rewrapped with the current associated data; bindings for the users' slots that
/// have none, trusting the file as first seen by this version) and, after an interrupted rekey,
/// the key the database answered to, sealed only to slots the vault knows. Returns the slots
/// that finishing the rekey dropped.
fn settle_slots(
    conn: &Connection,
    paths: &VaultPaths,
    slots: &mut KeySlotFile,
    opened: &OpenedSlot,
    data_key: &DataKey,
    candidates: usize,
) -> Result<Vec<DroppedSlot>> {
    let known: HashSet<String> = users::slot_holders(conn)?
        .into_iter()
        .map(|(_, slot)| slot)
        .collect();
    let mut changed = slots.is_outdated();
    changed |= slots.upgrade(opened)?;
    changed |= slots.bind_unbound(&known, data_key);
    let mut dropped = Vec::new();
    if candidates > 1 {
        // A rekey was interrupted: keep only the key the database answered to.
        dropped = slots.reseal_known(&[data_key], &known, data_key)?;
        changed = true;
    }
    if changed {
        slots.save_atomic(&paths.key_slots())?;
    }
    Ok(dropped)
}

fn create_private_dir(paths: &VaultPaths) -> Result<()> {
    let dir = paths.dir();
    fs::create_dir_all(dir).map_err(StoreError::io(format!("create {}", dir.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(StoreError::io(format!("restrict {}", dir.display())))?;
    }
    Ok(())
}
