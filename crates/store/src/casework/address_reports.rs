//! SQL for addresses reported on a call by someone who may not change cases (a volunteer):
//! kept as an event, never applied, until a case manager confirms or rejects it. Changes are
//! called inside `Session` transactions only.

use rusqlite::{params, Connection, OptionalExtension, Row};
use tether_core::casework::SponsorDraft;

use super::views::{AddressView, PendingAddressView};
use crate::error::{Result, StoreError};

pub(crate) struct NewReport<'a> {
    pub sponsor_id: i64,
    pub child_id: i64,
    pub call_id: i64,
    pub reported_by: &'a str,
    pub reported_on: chrono::NaiveDate,
    pub draft: &'a SponsorDraft,
}

pub(crate) fn insert(conn: &Connection, r: &NewReport<'_>) -> Result<i64> {
    let a = r.draft.address.as_ref();
    conn.execute(
        "INSERT INTO address_reports (sponsor_id, child_id, call_id, reported_by, reported_on,
            address_line1, address_unit, address_city, address_state, address_postal_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            r.sponsor_id,
            r.child_id,
            r.call_id,
            r.reported_by,
            r.reported_on.to_string(),
            a.map_or("", |a| a.line1.as_str()),
            a.and_then(|a| a.unit.as_deref()),
            a.map_or("", |a| a.city.as_str()),
            a.map_or("", |a| a.state.code()),
            a.map_or("", |a| a.postal_code.as_str()),
        ],
    )
    .map_err(StoreError::sql("keep the reported address"))?;
    Ok(conn.last_insert_rowid())
}

const SELECT: &str = "SELECT r.id, r.sponsor_id, s.given_name || ' ' || s.family_name,
        r.child_id, c.case_number, r.call_id, r.reported_by, r.reported_on,
        r.address_line1, r.address_unit, r.address_city, r.address_state, r.address_postal_code,
        s.address_line1, s.address_unit, s.address_city, s.address_state, s.address_postal_code,
        r.status, r.decided_by, r.decided_on, r.reason
     FROM address_reports r JOIN sponsors s ON s.id = r.sponsor_id
     LEFT JOIN children c ON c.id = r.child_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<PendingAddressView> {
    let address = |from: usize| -> rusqlite::Result<AddressView> {
        Ok(AddressView {
            line1: r.get(from)?,
            unit: r.get(from + 1)?,
            city: r.get(from + 2)?,
            state: r.get(from + 3)?,
            postal_code: r.get(from + 4)?,
        })
    };
    Ok(PendingAddressView {
        id: r.get(0)?,
        sponsor_id: r.get(1)?,
        sponsor_name: r.get(2)?,
        child_id: r.get(3)?,
        case_number: r.get(4)?,
        call_id: r.get(5)?,
        reported_by: r.get(6)?,
        reported_on: r.get(7)?,
        address: address(8)?,
        current_address: address(13)?,
        status: r.get(18)?,
        decided_by: r.get(19)?,
        decided_on: r.get(20)?,
        reason: r.get(21)?,
    })
}

/// Reports still waiting for a decision, oldest first.
pub(crate) fn pending(conn: &Connection) -> Result<Vec<PendingAddressView>> {
    let sql = format!("{SELECT} WHERE r.status = 'pending' ORDER BY r.id");
    conn.prepare(&sql)
        .and_then(|mut s| s.query_map([], from_row)?.collect())
        .map_err(StoreError::sql("read reported addresses"))
}

pub(crate) fn load(conn: &Connection, id: i64) -> Result<PendingAddressView> {
    let sql = format!("{SELECT} WHERE r.id = ?1");
    conn.query_row(&sql, [id], from_row)
        .optional()
        .map_err(StoreError::sql("read a reported address"))?
        .ok_or_else(|| StoreError::NotFound {
            kind: "reported address",
            id: id.to_string(),
        })
}

/// Records the decision on a pending report (`confirmed` with the applied change, or
/// `rejected` with the reason). Refuses one already decided, so a report is applied once.
pub(crate) fn decide(
    conn: &Connection,
    id: i64,
    status: &str,
    by: &str,
    on: chrono::NaiveDate,
    reason: Option<&str>,
    address_change_id: Option<i64>,
) -> Result<()> {
    let changed = conn
        .execute(
            "UPDATE address_reports SET status = ?2, decided_by = ?3, decided_on = ?4,
                reason = ?5, address_change_id = ?6
             WHERE id = ?1 AND status = 'pending'",
            params![id, status, by, on.to_string(), reason, address_change_id],
        )
        .map_err(StoreError::sql("record the decision on a reported address"))?;
    if changed == 0 {
        return Err(StoreError::invalid(
            "id",
            format!("reported address {id} was already confirmed or rejected"),
        ));
    }
    Ok(())
}
