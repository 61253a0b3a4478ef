//! SQL for sponsors: their rows, phones, duplicates and address changes. Changes are called
//! inside `Session` transactions only.

use rusqlite::{params, Connection, OptionalExtension};
use tether_core::casework::input::SponsorInput;
use tether_core::casework::matching::{address_key, name_key};
use tether_core::casework::redaction::Visibility;
use tether_core::casework::SponsorDraft;

use super::children::summaries;
use super::columns::now;
use super::views::{AddressChangeView, AddressView, PossibleDuplicate, SponsorView};
use crate::error::{Result, StoreError};

pub(crate) fn insert_sponsor(
    conn: &Connection,
    s: &SponsorDraft,
    import_key: Option<&str>,
) -> Result<i64> {
    let at = now();
    let a = s.address.as_ref();
    conn.prepare_cached(
        "INSERT INTO sponsors (given_name, family_name, name_key, category, address_line1,
            address_unit, address_city, address_state, address_postal_code, address_key,
            address_incomplete, time_zone, import_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            s.given_name,
            s.family_name,
            name_key(&s.given_name, &s.family_name),
            s.category.map(|c| c.as_str()),
            a.map(|a| a.line1.as_str()),
            a.and_then(|a| a.unit.as_deref()),
            a.map(|a| a.city.as_str()),
            a.map(|a| a.state.code()),
            a.map(|a| a.postal_code.as_str()),
            a.map(address_key),
            s.address_incomplete,
            s.time_zone,
            import_key,
            at,
        ])
    })
    .map_err(StoreError::sql("add a sponsor"))?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO sponsor_phones (sponsor_id, position, e164) VALUES (?1, ?2, ?3)",
        )
        .map_err(StoreError::sql("add a sponsor's phone"))?;
    for (position, phone) in s.phones.iter().enumerate() {
        stmt.execute(params![id, position as i64, phone.e164()])
            .map_err(StoreError::sql("add a sponsor's phone"))?;
    }
    Ok(id)
}

pub(crate) fn sponsor_by_import_key(conn: &Connection, key: &str) -> Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM sponsors WHERE import_key = ?1")
        .and_then(|mut s| s.query_row([key], |r| r.get(0)).optional())
        .map_err(StoreError::sql("look up a sponsor"))
}

pub(crate) fn sponsor_duplicates(
    conn: &Connection,
    s: &SponsorDraft,
) -> Result<Vec<PossibleDuplicate>> {
    let mut found: Vec<PossibleDuplicate> = Vec::new();
    let mut collect = |sql: &str, arg: String, reason: &'static str| -> Result<()> {
        let mut stmt = conn
            .prepare_cached(sql)
            .map_err(StoreError::sql("check for duplicates"))?;
        let rows = stmt
            .query_map([arg], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    format!("{} {}", r.get::<_, String>(1)?, r.get::<_, String>(2)?),
                ))
            })
            .map_err(StoreError::sql("check for duplicates"))?;
        for row in rows {
            let (id, label) = row.map_err(StoreError::sql("check for duplicates"))?;
            if !found.iter().any(|d| d.id == id) {
                found.push(PossibleDuplicate {
                    kind: "sponsor",
                    id,
                    label,
                    reason,
                });
            }
        }
        Ok(())
    };
    for phone in &s.phones {
        collect(
            "SELECT s.id, s.given_name, s.family_name FROM sponsors s
             JOIN sponsor_phones p ON p.sponsor_id = s.id WHERE p.e164 = ?1",
            phone.e164().to_owned(),
            "same_phone",
        )?;
    }
    if let Some(a) = &s.address {
        collect(
            "SELECT id, given_name, family_name FROM sponsors WHERE address_key = ?1",
            address_key(a),
            "same_address",
        )?;
    }
    collect(
        "SELECT id, given_name, family_name FROM sponsors WHERE name_key = ?1",
        name_key(&s.given_name, &s.family_name),
        "same_name",
    )?;
    Ok(found)
}

pub(crate) fn load_sponsor(
    conn: &Connection,
    id: i64,
    vis: &Visibility,
    with_children: bool,
) -> Result<SponsorView> {
    let mut view = conn
        .query_row(
            "SELECT id, given_name, family_name, category, address_line1, address_unit,
                address_city, address_state, address_postal_code, address_incomplete, time_zone
             FROM sponsors WHERE id = ?1",
            [id],
            |r| {
                Ok(SponsorView {
                    id: r.get(0)?,
                    given_name: r.get(1)?,
                    family_name: r.get(2)?,
                    category: if vis.case_detail {
                        Some(r.get(3)?)
                    } else {
                        None
                    },
                    phones: Vec::new(),
                    address: Some(AddressView {
                        line1: r.get(4)?,
                        unit: r.get(5)?,
                        city: r.get(6)?,
                        state: r.get(7)?,
                        postal_code: r.get(8)?,
                    })
                    .filter(|_| vis.address),
                    address_incomplete: if vis.case_detail {
                        Some(r.get(9)?)
                    } else {
                        None
                    },
                    time_zone: r.get(10)?,
                    children: Vec::new(),
                    address_history: Vec::new(),
                })
            },
        )
        .optional()
        .map_err(StoreError::sql("read a sponsor"))?
        .ok_or_else(|| StoreError::NotFound {
            kind: "sponsor",
            id: id.to_string(),
        })?;
    let mut stmt = conn
        .prepare_cached("SELECT e164 FROM sponsor_phones WHERE sponsor_id = ?1 ORDER BY position")
        .map_err(StoreError::sql("read phones"))?;
    view.phones = stmt
        .query_map([id], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(StoreError::sql("read phones"))?;
    if vis.address {
        view.address_history = address_history(conn, id)?;
    }
    if with_children {
        view.children = summaries(
            conn,
            "WHERE c.sponsor_id = ?1 ORDER BY c.case_number",
            [id],
            vis,
        )?;
    }
    Ok(view)
}

fn address_history(conn: &Connection, sponsor_id: i64) -> Result<Vec<AddressChangeView>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, recorded_on, address_line1, address_unit, address_city, address_state,
                address_postal_code, eoir33_filed_on, kind
             FROM address_changes WHERE sponsor_id = ?1 ORDER BY recorded_on DESC, id DESC",
        )
        .map_err(StoreError::sql("read address changes"))?;
    let rows = stmt
        .query_map([sponsor_id], |r| {
            Ok(AddressChangeView {
                id: r.get(0)?,
                recorded_on: r.get(1)?,
                address: AddressView {
                    line1: r.get(2)?,
                    unit: r.get(3)?,
                    city: r.get(4)?,
                    state: r.get(5)?,
                    postal_code: r.get(6)?,
                },
                eoir33_filed_on: r.get(7)?,
                kind: r.get(8)?,
            })
        })
        .map_err(StoreError::sql("read address changes"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("read address changes"))
}

/// Before the first move, the address on file (the one given at release) becomes the first
/// entry of the history, dated the earliest release of the sponsor's children (else the day
/// the sponsor was entered), so the EOIR-33 sheet's "previous address" is never blank.
fn keep_release_address(conn: &Connection, sponsor_id: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO address_changes (sponsor_id, recorded_on, address_line1, address_unit,
            address_city, address_state, address_postal_code, kind)
         SELECT s.id,
                coalesce((SELECT min(release_date) FROM children WHERE sponsor_id = s.id),
                         substr(s.created_at, 1, 10)),
                s.address_line1, s.address_unit, s.address_city, s.address_state,
                s.address_postal_code, 'release'
         FROM sponsors s
         WHERE s.id = ?1 AND s.address_line1 IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM address_changes WHERE sponsor_id = s.id)",
        [sponsor_id],
    )
    .map_err(StoreError::sql("keep the release address"))?;
    Ok(())
}

/// Moves a sponsor to a new address and keeps the change (it starts the EOIR-33 deadline).
pub(crate) fn record_address_change(
    conn: &Connection,
    sponsor_id: i64,
    draft: &SponsorDraft,
    recorded_on: chrono::NaiveDate,
) -> Result<i64> {
    keep_release_address(conn, sponsor_id)?;
    let a = draft.address.as_ref();
    conn.execute(
        "UPDATE sponsors SET address_line1 = ?1, address_unit = ?2, address_city = ?3,
            address_state = ?4, address_postal_code = ?5, address_key = ?6,
            address_incomplete = ?7, time_zone = ?8, updated_at = ?9
         WHERE id = ?10",
        params![
            a.map(|a| a.line1.as_str()),
            a.and_then(|a| a.unit.as_deref()),
            a.map(|a| a.city.as_str()),
            a.map(|a| a.state.code()),
            a.map(|a| a.postal_code.as_str()),
            a.map(address_key),
            draft.address_incomplete,
            draft.time_zone,
            now(),
            sponsor_id
        ],
    )
    .map_err(StoreError::sql("change the sponsor's address"))?;
    conn.execute(
        "INSERT INTO address_changes (sponsor_id, recorded_on, address_line1, address_unit,
            address_city, address_state, address_postal_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            sponsor_id,
            recorded_on.to_string(),
            a.map(|a| a.line1.as_str()),
            a.and_then(|a| a.unit.as_deref()),
            a.map(|a| a.city.as_str()),
            a.map(|a| a.state.code()),
            a.map(|a| a.postal_code.as_str()),
        ],
    )
    .map_err(StoreError::sql("record the address change"))?;
    Ok(conn.last_insert_rowid())
}

/// The sponsor's own fields as input again (for re-validating with a new address).
pub(crate) fn sponsor_input(conn: &Connection, sponsor_id: i64) -> Result<SponsorInput> {
    let view = load_sponsor(conn, sponsor_id, &Visibility::EVERYTHING, false)?;
    Ok(SponsorInput {
        given_name: view.given_name,
        family_name: view.family_name,
        category: view.category.flatten().unwrap_or_default(),
        phones: view.phones,
        ..SponsorInput::default()
    })
}

/// Every sponsor's id, by family then given name.
pub(crate) fn ids_by_name(conn: &Connection) -> Result<Vec<i64>> {
    conn.prepare("SELECT id FROM sponsors ORDER BY family_name, given_name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(StoreError::sql("list sponsors"))
}

/// A move for the history of each of the sponsor's children: the address before and after, the
/// day it was learned, and the report it came from (a volunteer's call), if any.
pub(crate) fn move_detail(
    conn: &rusqlite::Connection,
    sponsor_id: i64,
    draft: &tether_core::casework::SponsorDraft,
    on: chrono::NaiveDate,
    report_id: Option<i64>,
) -> Result<serde_json::Value> {
    let before = load_sponsor(
        conn,
        sponsor_id,
        &tether_core::casework::redaction::Visibility::EVERYTHING,
        false,
    )?;
    let to = draft.address.as_ref().map(|a| {
        serde_json::json!({
            "line1": a.line1,
            "unit": a.unit,
            "city": a.city,
            "state": a.state.code(),
            "postal_code": a.postal_code,
        })
    });
    Ok(serde_json::json!({
        "sponsor_id": sponsor_id,
        "from": before.address,
        "to": to,
        "on": on.to_string(),
        "report_id": report_id,
    }))
}
