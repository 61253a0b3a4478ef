//! SQL for the users table. Called from `vault` (the first admin, signing in) and from
//! `Session` (inside its transactions for changes).

use rusqlite::{params, Connection, OptionalExtension};
use tether_core::{Role, UserName};

use crate::error::{Result, StoreError};
use crate::session::{SignedInUser, UserSummary};

/// A user as the key slots know them: the row id, the role and the slot's id.
pub(crate) struct UserRecord {
    pub id: i64,
    pub role: Role,
    pub slot_id: String,
}

/// Adds a user with an id no one has had: above every id in `users` and every id the records
/// that outlive a user name (the audit log, case events and concern steps are append-only and
/// sign each entry by id). SQLite alone would give a removed last user's id to the next one,
/// who would then read as the author of the removed user's reports.
pub(crate) fn insert(conn: &Connection, name: &UserName, role: Role, slot_id: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO users (id, name, name_key, role, slot_id, created_at) VALUES (
            1 + max(
                ifnull((SELECT max(id) FROM users), 0),
                ifnull((SELECT max(actor_id) FROM audit), 0),
                ifnull((SELECT max(actor_id) FROM case_events), 0),
                ifnull((SELECT max(actor_id) FROM concern_steps), 0)
            ),
            ?1, ?2, ?3, ?4, ?5)",
        params![
            name.as_str(),
            name.canonical(),
            role.as_str(),
            slot_id,
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ],
    )
    .map_err(StoreError::sql("add a user"))?;
    Ok(conn.last_insert_rowid())
}

/// The user signing in and their slot id; an unknown name is just wrong credentials.
pub(crate) fn signing_in(conn: &Connection, name: &UserName) -> Result<(SignedInUser, String)> {
    let row: Option<(i64, String, String, String)> = conn
        .query_row(
            "SELECT id, name, role, slot_id FROM users WHERE name_key = ?1",
            [name.canonical()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()
        .map_err(StoreError::sql("look up the user"))?;
    let Some((id, name, role, slot_id)) = row else {
        return Err(StoreError::WrongCredentials);
    };
    let role = parse_role(&role)?;
    Ok((SignedInUser { id, name, role }, slot_id))
}

pub(crate) fn list(conn: &Connection) -> Result<Vec<UserSummary>> {
    let mut stmt = conn
        .prepare("SELECT name, role, created_at, supervisor FROM users ORDER BY name_key")
        .map_err(StoreError::sql("list users"))?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get(2)?,
                r.get::<_, bool>(3)?,
            ))
        })
        .map_err(StoreError::sql("list users"))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::sql("list users"))?;
    rows.into_iter()
        .map(|(name, role, created_at, supervisor)| {
            Ok(UserSummary {
                name,
                role: parse_role(&role)?,
                created_at,
                supervisor,
            })
        })
        .collect()
}

pub(crate) fn id_of(conn: &Connection, name: &UserName) -> Result<Option<i64>> {
    conn.query_row(
        "SELECT id FROM users WHERE name_key = ?1",
        [name.canonical()],
        |r| r.get(0),
    )
    .optional()
    .map_err(StoreError::sql("look up a user"))
}

/// The user named `name`, or `NotFound`.
pub(crate) fn record(conn: &Connection, name: &UserName) -> Result<UserRecord> {
    let row: Option<(i64, String, String)> = conn
        .query_row(
            "SELECT id, role, slot_id FROM users WHERE name_key = ?1",
            [name.canonical()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .map_err(StoreError::sql("look up a user"))?;
    let (id, role, slot_id) = row.ok_or_else(|| StoreError::NotFound {
        kind: "user",
        id: name.as_str().to_owned(),
    })?;
    Ok(UserRecord {
        id,
        role: parse_role(&role)?,
        slot_id,
    })
}

pub(crate) fn created_at(conn: &Connection, name: &UserName) -> Result<String> {
    conn.query_row(
        "SELECT created_at FROM users WHERE name_key = ?1",
        [name.canonical()],
        |r| r.get(0),
    )
    .map_err(StoreError::sql("read the new user"))
}

pub(crate) fn admin_count(conn: &Connection) -> Result<i64> {
    conn.query_row("SELECT count(*) FROM users WHERE role = 'admin'", [], |r| {
        r.get(0)
    })
    .map_err(StoreError::sql("count admins"))
}

/// Removes the user. Their cases become unassigned and lose their author (an admin may still
/// void them): a later user may get the same row id, and must not inherit either.
pub(crate) fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE children SET assigned_to = NULL WHERE assigned_to = ?1",
        [id],
    )
    .and_then(|_| {
        conn.execute(
            "UPDATE children SET created_by = NULL WHERE created_by = ?1",
            [id],
        )
    })
    .and_then(|_| conn.execute("DELETE FROM users WHERE id = ?1", [id]))
    .map_err(StoreError::sql("remove the user"))?;
    Ok(())
}

pub(crate) fn set_slot(conn: &Connection, id: i64, slot_id: &str) -> Result<()> {
    conn.execute(
        "UPDATE users SET slot_id = ?1 WHERE id = ?2",
        params![slot_id, id],
    )
    .map_err(StoreError::sql("update the user's key slot"))?;
    Ok(())
}

/// A role the database holds; anything else means the table was changed behind Tether's back.
fn parse_role(role: &str) -> Result<Role> {
    role.parse()
        .map_err(|e: tether_core::UnknownRole| StoreError::DatabaseCorrupt {
            path: "users".into(),
            reason: e.to_string(),
        })
}

/// Every user with the id of their key slot: the slots the vault knows. `rekey` seals the new
/// data key to these and to nothing else.
pub(crate) fn slot_holders(conn: &Connection) -> Result<Vec<(UserSummary, String)>> {
    let mut stmt = conn
        .prepare("SELECT name, role, created_at, slot_id, supervisor FROM users ORDER BY name_key")
        .map_err(StoreError::sql("list the users' key slots"))?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, bool>(4)?,
            ))
        })
        .map_err(StoreError::sql("list the users' key slots"))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::sql("list the users' key slots"))?;
    rows.into_iter()
        .map(|(name, role, created_at, slot_id, supervisor)| {
            Ok((
                UserSummary {
                    name,
                    role: parse_role(&role)?,
                    created_at,
                    supervisor,
                },
                slot_id,
            ))
        })
        .collect()
}
