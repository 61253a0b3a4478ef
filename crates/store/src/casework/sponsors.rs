//! SQL for sponsors: their rows, phones, duplicates and address changes. Changes are called
//! inside `Session` transactions only.

use rusqlite::{params, Connection, OptionalExtension};
use tether_core::casework::input::SponsorInput;
use tether_core::casework::matching::{address_key, name_key};
use tether_core::casework::redaction::Visibility;
use tether_core::casework::SponsorDraft;

use super::children::{summaries, LISTED};
use super::columns::now;
use super::views::{
    AddressChangeView, AddressView, HouseholdMember, NotWorkingPhone, PossibleDuplicate,
    SponsorView,
};
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
    conn.prepare_cached("SELECT coalesce(merged_into, id) FROM sponsors WHERE import_key = ?1 AND status != 'voided'")
        .and_then(|mut s| s.query_row([key], |r| r.get(0)).optional())
        .map_err(StoreError::sql("look up a sponsor"))
}

/// The ORR category given when the sponsor was entered (the default for a new link).
pub(crate) fn entered_category(
    conn: &Connection,
    sponsor_id: i64,
) -> Result<Option<tether_core::casework::SponsorCategory>> {
    let raw: Option<String> = conn
        .query_row(
            "SELECT category FROM sponsors WHERE id = ?1",
            [sponsor_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(StoreError::sql("read a sponsor"))?
        .flatten();
    Ok(raw.and_then(|c| tether_core::casework::SponsorCategory::parse(&c).ok()))
}

/// An active sponsor of the same name who shares a number or the address with `s`: the same
/// person, whose other details have changed since they were entered.
pub(crate) fn sponsor_like(conn: &Connection, s: &SponsorDraft) -> Result<Option<i64>> {
    let key = name_key(&s.given_name, &s.family_name);
    let phones = serde_json::to_string(&s.phones.iter().map(|p| p.e164()).collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "SELECT s.id FROM sponsors s WHERE s.status = 'active' AND s.name_key = ?1 AND (
            s.address_key = ?2
            OR EXISTS (SELECT 1 FROM sponsor_phones p WHERE p.sponsor_id = s.id
                       AND p.e164 IN (SELECT value FROM json_each(?3))))
         ORDER BY s.id LIMIT 1",
    )
    .and_then(|mut st| {
        st.query_row(
            params![key, s.address.as_ref().map(address_key), phones],
            |r| r.get(0),
        )
        .optional()
    })
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
             JOIN sponsor_phones p ON p.sponsor_id = s.id WHERE p.e164 = ?1 AND s.status = 'active'",
            phone.e164().to_owned(),
            "same_phone",
        )?;
    }
    if let Some(a) = &s.address {
        collect(
            "SELECT id, given_name, family_name FROM sponsors WHERE address_key = ?1 AND status = 'active'",
            address_key(a),
            "same_address",
        )?;
    }
    collect(
        "SELECT id, given_name, family_name FROM sponsors WHERE name_key = ?1 AND status = 'active'",
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
                address_city, address_state, address_postal_code, address_incomplete, time_zone,
                status, household
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
                    phones_not_working: Vec::new(),
                    status: r.get(11)?,
                    merged_from: Vec::new(),
                    household: if vis.address {
                        serde_json::from_str(&r.get::<_, String>(12)?).unwrap_or_default()
                    } else {
                        Vec::new()
                    },
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
    for (phone, not_working_on) in phones(conn, id)? {
        if let Some(since) = not_working_on {
            view.phones_not_working.push(NotWorkingPhone {
                phone: phone.clone(),
                since,
            });
        }
        view.phones.push(phone);
    }
    if vis.case_detail {
        view.merged_from = conn
            .prepare_cached("SELECT id FROM sponsors WHERE merged_into = ?1 ORDER BY id")
            .and_then(|mut s| s.query_map([id], |r| r.get(0))?.collect())
            .map_err(StoreError::sql("read merged sponsors"))?;
    }
    if vis.address {
        view.address_history = address_history(conn, id)?;
    }
    if with_children {
        view.children = summaries(
            conn,
            &format!("WHERE c.sponsor_id = ?1 AND {LISTED} ORDER BY c.case_number"),
            [id],
            vis,
        )?;
    }
    Ok(view)
}

/// The sponsor's numbers, working ones first (in the order given), each with the day a call
/// found it not working.
pub(crate) fn phones(conn: &Connection, sponsor_id: i64) -> Result<Vec<(String, Option<String>)>> {
    conn.prepare_cached(
        "SELECT e164, not_working_on FROM sponsor_phones WHERE sponsor_id = ?1
         ORDER BY not_working_on IS NOT NULL, position",
    )
    .and_then(|mut s| {
        s.query_map([sponsor_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect()
    })
    .map_err(StoreError::sql("read phones"))
}

/// The number a call found not working: marked from `on` (kept, never deleted: it may
/// work again, and the history says it failed).
pub(crate) fn mark_not_working(
    conn: &Connection,
    sponsor_id: i64,
    e164: &str,
    on: chrono::NaiveDate,
) -> Result<bool> {
    let changed = conn
        .execute(
            "UPDATE sponsor_phones SET not_working_on = ?1
             WHERE sponsor_id = ?2 AND e164 = ?3 AND not_working_on IS NULL",
            params![on.to_string(), sponsor_id, e164],
        )
        .map_err(StoreError::sql("mark a number not working"))?;
    Ok(changed > 0)
}

/// The day the sponsor's last working number stopped working, if none works.
pub(crate) fn no_working_phone_since(
    conn: &Connection,
    sponsor_id: i64,
) -> Result<Option<chrono::NaiveDate>> {
    let (working, last): (i64, Option<String>) = conn
        .prepare_cached(
            "SELECT count(*) FILTER (WHERE not_working_on IS NULL), max(not_working_on)
             FROM sponsor_phones WHERE sponsor_id = ?1",
        )
        .and_then(|mut s| s.query_row([sponsor_id], |r| Ok((r.get(0)?, r.get(1)?))))
        .map_err(StoreError::sql("read phones"))?;
    Ok(if working > 0 {
        None
    } else {
        last.and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
    })
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

/// Replaces the sponsor's names, category given at entry, phones, time zone, household and
/// (a correction, not a move: no EOIR-33) address. A number that stays keeps its
/// not-working mark; a new one is working.
pub(crate) fn update_sponsor(
    conn: &Connection,
    id: i64,
    s: &SponsorDraft,
    household: &[HouseholdMember],
) -> Result<()> {
    let a = s.address.as_ref();
    conn.execute(
        "UPDATE sponsors SET given_name = ?1, family_name = ?2, name_key = ?3, category = ?4,
            address_line1 = ?5, address_unit = ?6, address_city = ?7, address_state = ?8,
            address_postal_code = ?9, address_key = ?10, address_incomplete = ?11,
            time_zone = ?12, household = ?13, updated_at = ?14
         WHERE id = ?15",
        params![
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
            serde_json::to_string(household).unwrap_or_else(|_| "[]".into()),
            now(),
            id
        ],
    )
    .map_err(StoreError::sql("change a sponsor"))?;
    let marks: std::collections::HashMap<String, Option<String>> =
        phones(conn, id)?.into_iter().collect();
    conn.execute("DELETE FROM sponsor_phones WHERE sponsor_id = ?1", [id])
        .map_err(StoreError::sql("change a sponsor's phones"))?;
    let mut insert = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO sponsor_phones (sponsor_id, position, e164, not_working_on)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .map_err(StoreError::sql("change a sponsor's phones"))?;
    for (position, phone) in s.phones.iter().enumerate() {
        let mark = marks.get(phone.e164()).cloned().flatten();
        insert
            .execute(params![id, position as i64, phone.e164(), mark])
            .map_err(StoreError::sql("change a sponsor's phones"))?;
    }
    Ok(())
}

/// Merges sponsor `dup` into `keep`: `dup`'s children, numbers, address history and reported
/// addresses move to `keep`, and `dup` stays as a record merged into `keep`. Returns the
/// children moved.
pub(crate) fn merge_sponsors(conn: &Connection, keep: i64, dup: i64) -> Result<Vec<i64>> {
    let moved: Vec<i64> = conn
        .prepare("SELECT id FROM children WHERE sponsor_id = ?1")
        .and_then(|mut s| s.query_map([dup], |r| r.get(0))?.collect())
        .map_err(StoreError::sql("merge two sponsors"))?;
    let sql = |e| StoreError::sql("merge two sponsors")(e);
    conn.execute(
        "UPDATE children SET sponsor_id = ?1 WHERE sponsor_id = ?2",
        params![keep, dup],
    )
    .map_err(sql)?;
    conn.execute(
        "INSERT OR IGNORE INTO sponsor_phones (sponsor_id, position, e164, not_working_on)
         SELECT ?1, position + (SELECT coalesce(max(position), -1) + 1 FROM sponsor_phones
                                WHERE sponsor_id = ?1),
                e164, not_working_on
         FROM sponsor_phones WHERE sponsor_id = ?2",
        params![keep, dup],
    )
    .map_err(sql)?;
    conn.execute(
        "UPDATE address_changes SET sponsor_id = ?1 WHERE sponsor_id = ?2",
        params![keep, dup],
    )
    .map_err(sql)?;
    conn.execute(
        "UPDATE address_reports SET sponsor_id = ?1 WHERE sponsor_id = ?2",
        params![keep, dup],
    )
    .map_err(sql)?;
    // Fill what the kept record lacks.
    conn.execute(
        "UPDATE sponsors SET
            address_line1 = coalesce(address_line1, (SELECT address_line1 FROM sponsors WHERE id = ?2)),
            address_unit = CASE WHEN address_line1 IS NULL THEN (SELECT address_unit FROM sponsors WHERE id = ?2) ELSE address_unit END,
            address_city = coalesce(address_city, (SELECT address_city FROM sponsors WHERE id = ?2)),
            address_state = coalesce(address_state, (SELECT address_state FROM sponsors WHERE id = ?2)),
            address_postal_code = coalesce(address_postal_code, (SELECT address_postal_code FROM sponsors WHERE id = ?2)),
            address_key = coalesce(address_key, (SELECT address_key FROM sponsors WHERE id = ?2)),
            category = coalesce(category, (SELECT category FROM sponsors WHERE id = ?2)),
            household = CASE WHEN household = '[]' THEN (SELECT household FROM sponsors WHERE id = ?2) ELSE household END,
            updated_at = ?3
         WHERE id = ?1",
        params![keep, dup, now()],
    )
    .map_err(sql)?;
    conn.execute(
        "UPDATE sponsors SET status = 'merged', merged_into = ?1, updated_at = ?3 WHERE id = ?2",
        params![keep, dup, now()],
    )
    .map_err(sql)?;
    Ok(moved)
}

/// A child's link to a sponsor: the sponsor, ORR's category for this child, the relationship.
pub(crate) fn link_child(
    conn: &Connection,
    child_id: i64,
    sponsor_id: Option<i64>,
    category: Option<&str>,
    relationship: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE children SET sponsor_id = ?1, sponsor_category = ?2, relationship = ?3,
            updated_at = ?4
         WHERE id = ?5",
        params![sponsor_id, category, relationship, now(), child_id],
    )
    .map_err(StoreError::sql("link a child to a sponsor"))?;
    Ok(())
}

/// Everything a sponsor form shows, as input again (for an edit that changes some of it).
/// The time zone is given only when it is not the one the state implies.
pub(crate) fn sponsor_edit_input(conn: &Connection, sponsor_id: i64) -> Result<SponsorInput> {
    let view = load_sponsor(conn, sponsor_id, &Visibility::EVERYTHING, false)?;
    let a = view.address.unwrap_or(AddressView {
        line1: None,
        unit: None,
        city: None,
        state: None,
        postal_code: None,
    });
    let implied = tether_core::casework::UsState::parse(a.state.as_deref().unwrap_or(""))
        .ok()
        .map(|s| s.default_time_zone().to_owned());
    Ok(SponsorInput {
        given_name: view.given_name,
        family_name: view.family_name,
        category: view.category.flatten().unwrap_or_default(),
        phones: view.phones,
        address_line1: a.line1.unwrap_or_default(),
        address_line2: a.unit.unwrap_or_default(),
        city: a.city.unwrap_or_default(),
        state: a.state.unwrap_or_default(),
        postal_code: a.postal_code.unwrap_or_default(),
        time_zone: (implied.as_deref() != Some(view.time_zone.as_str())).then_some(view.time_zone),
    })
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

/// Every active sponsor's id (not merged, not voided), by family then given name.
pub(crate) fn ids_by_name(conn: &Connection) -> Result<Vec<i64>> {
    conn.prepare("SELECT id FROM sponsors WHERE status = 'active' ORDER BY family_name, given_name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(StoreError::sql("list sponsors"))
}

/// How many active sponsors there are (the Sponsors list's "of N").
pub(crate) fn active_count(conn: &Connection) -> Result<u32> {
    conn.query_row(
        "SELECT count(*) FROM sponsors WHERE status = 'active'",
        [],
        |r| r.get(0),
    )
    .map_err(StoreError::sql("count sponsors"))
}

/// What the Sponsors list is narrowed to as someone types: a number (three digits or more,
/// and nothing but digits and the signs numbers are written with) matches any of a sponsor's
/// numbers; anything else matches names, every word somewhere in the name, accents and case
/// aside. Empty: every active sponsor.
pub(crate) enum SponsorQuery {
    All,
    Phone(String),
    Name(Vec<String>),
}

impl SponsorQuery {
    pub(crate) fn parse(text: &str) -> SponsorQuery {
        let folded = tether_core::casework::matching::fold_text(text);
        let folded = folded.split_whitespace().collect::<Vec<_>>();
        if folded.is_empty() {
            return SponsorQuery::All;
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let written = text
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '+' | '.' | '-'))
            .count();
        if digits.len() >= 3 && digits.len() >= written {
            SponsorQuery::Phone(digits)
        } else {
            SponsorQuery::Name(folded.into_iter().map(str::to_owned).collect())
        }
    }

    /// The condition over `sponsors s` and its arguments.
    fn sql(&self) -> (String, Vec<String>) {
        let like = |w: &str| {
            let escaped = w
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            format!("%{escaped}%")
        };
        match self {
            SponsorQuery::All => (String::new(), Vec::new()),
            SponsorQuery::Phone(digits) => (
                " AND s.id IN (SELECT sponsor_id FROM sponsor_phones WHERE e164 LIKE ?1 ESCAPE '\\')"
                    .to_owned(),
                vec![like(digits)],
            ),
            SponsorQuery::Name(words) => (
                (1..=words.len())
                    .map(|i| format!(" AND s.name_key LIKE ?{i} ESCAPE '\\'"))
                    .collect(),
                words.iter().map(|w| like(w)).collect(),
            ),
        }
    }
}

/// One page of the active sponsors that `query` matches, by family then given name, and how
/// many match in all.
pub(crate) fn page_ids(
    conn: &Connection,
    query: &SponsorQuery,
    offset: u32,
    limit: u32,
) -> Result<(Vec<i64>, u32)> {
    let (condition, args) = query.sql();
    let total: u32 = conn
        .query_row(
            &format!("SELECT count(*) FROM sponsors s WHERE s.status = 'active'{condition}"),
            rusqlite::params_from_iter(&args),
            |r| r.get(0),
        )
        .map_err(StoreError::sql("count sponsors"))?;
    let ids = conn
        .prepare(&format!(
            "SELECT s.id FROM sponsors s WHERE s.status = 'active'{condition}
             ORDER BY s.family_name, s.given_name, s.id LIMIT {limit} OFFSET {offset}"
        ))
        .and_then(|mut st| {
            st.query_map(rusqlite::params_from_iter(&args), |r| r.get(0))?
                .collect()
        })
        .map_err(StoreError::sql("list sponsors"))?;
    Ok((ids, total))
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
