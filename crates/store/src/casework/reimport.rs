//! A release row for a case already in the vault: what differs, field by field, and applying
//! it (`import --update`). A cell the row leaves empty never erases what the vault holds: the
//! row adds and corrects, it does not forget.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use tether_core::casework::matching::{address_key, name_key};
use tether_core::casework::{HearingType, NtaStatus, ReleaseRecord};

use super::columns::{now, nta_str, sex_str};
use super::hearings::{hearing_exists, insert_hearing};
use crate::error::{Result, StoreError};

/// One field a re-imported row would change: "hearing 2027-01-12 09:00 → 2027-02-03 09:00".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The release file's column (`next_hearing`, `sponsor_phone`, `release_date`, …).
    pub field: String,
    /// What the vault holds now (`null`: nothing recorded).
    pub before: Option<String>,
    pub after: String,
}

/// A case the row matched, with what the row would change (empty: the same).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatchedCase {
    pub line: u64,
    pub child_id: i64,
    pub case_number: String,
    pub child_name: String,
    pub changes: Vec<FieldChange>,
    /// Whether the changes were written (`--update`).
    pub applied: bool,
}

/// A row not imported because it looks like a case already in the vault under another
/// A-Number (a one-digit typo makes a second child otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeldBackRow {
    pub line: u64,
    pub child_name: String,
    /// `same_name_birth_date_and_sponsor`.
    pub reason: String,
    pub existing_child_id: i64,
    pub existing_case_number: String,
    /// English, naming the existing case.
    pub message: String,
}

/// What the vault holds for the case now, in the forms the row is compared in.
struct Current {
    case_number: String,
    given_name: String,
    family_name: String,
    birth_date: Option<String>,
    sex: Option<String>,
    country_of_birth: Option<String>,
    primary_language: Option<String>,
    release_date: Option<String>,
    orr_program: Option<String>,
    relationship: Option<String>,
    sponsor_category: Option<String>,
    nta_status: String,
    nta_served_on: Option<String>,
    court_code: Option<String>,
    sponsor_id: Option<i64>,
    sponsor_address_key: Option<String>,
    sponsor_address: Option<String>,
}

fn current(conn: &Connection, child_id: i64) -> Result<Current> {
    conn.prepare_cached(
        "SELECT c.case_number, c.given_name, c.family_name, c.birth_date, c.sex,
            c.country_of_birth, c.primary_language, c.release_date, c.orr_program,
            c.relationship, c.sponsor_category, c.nta_status, c.nta_served_on, c.court_code,
            c.sponsor_id, s.address_key,
            s.address_line1 || coalesce(' ' || s.address_unit, '') || ', ' || s.address_city
                || ', ' || s.address_state || ' ' || s.address_postal_code
         FROM children c LEFT JOIN sponsors s ON s.id = c.sponsor_id WHERE c.id = ?1",
    )
    .and_then(|mut s| {
        s.query_row([child_id], |r| {
            Ok(Current {
                case_number: r.get(0)?,
                given_name: r.get(1)?,
                family_name: r.get(2)?,
                birth_date: r.get(3)?,
                sex: r.get(4)?,
                country_of_birth: r.get(5)?,
                primary_language: r.get(6)?,
                release_date: r.get(7)?,
                orr_program: r.get(8)?,
                relationship: r.get(9)?,
                sponsor_category: r.get(10)?,
                nta_status: r.get(11)?,
                nta_served_on: r.get(12)?,
                court_code: r.get(13)?,
                sponsor_id: r.get(14)?,
                sponsor_address_key: r.get(15)?,
                sponsor_address: r.get(16)?,
            })
        })
    })
    .map_err(StoreError::sql("compare a release row with its case"))
}

fn one_line(a: &tether_core::casework::Address) -> String {
    format!(
        "{}{}, {}, {} {}",
        a.line1,
        a.unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default(),
        a.city,
        a.state.code(),
        a.postal_code
    )
}

/// A column the row changes on the child's own row: the release file's name for it, the
/// `children` column, and the stored value.
struct ColumnChange {
    change: FieldChange,
    column: &'static str,
    stored: String,
}

/// What the row would change on the case, in the file's column order.
pub(crate) fn changes(
    conn: &Connection,
    child_id: i64,
    row: &ReleaseRecord,
) -> Result<(String, Vec<FieldChange>)> {
    let (case_number, columns, other) = plan(conn, child_id, row)?;
    let mut all: Vec<FieldChange> = columns.into_iter().map(|c| c.change).collect();
    all.extend(other.into_iter().map(|o| o.change().clone()));
    Ok((case_number, all))
}

enum Other {
    Phone(FieldChange, String),
    Address(FieldChange),
    Nta(FieldChange),
    Hearing(FieldChange, String, String),
}

impl Other {
    fn change(&self) -> &FieldChange {
        match self {
            Other::Phone(c, _) | Other::Address(c) | Other::Nta(c) | Other::Hearing(c, _, _) => c,
        }
    }
}

fn plan(
    conn: &Connection,
    child_id: i64,
    row: &ReleaseRecord,
) -> Result<(String, Vec<ColumnChange>, Vec<Other>)> {
    let now_case = current(conn, child_id)?;
    let c = &row.child;
    let mut columns = Vec::new();
    let mut column =
        |field: &str, column: &'static str, before: &Option<String>, after: Option<String>| {
            if let Some(after) = after.filter(|a| !a.trim().is_empty()) {
                if before.as_deref() != Some(after.as_str()) {
                    columns.push(ColumnChange {
                        change: FieldChange {
                            field: field.to_owned(),
                            before: before.clone(),
                            after: after.clone(),
                        },
                        column,
                        stored: after,
                    });
                }
            }
        };
    column(
        "child_given_name",
        "given_name",
        &Some(now_case.given_name.clone()),
        Some(c.given_name.clone()),
    );
    column(
        "child_family_name",
        "family_name",
        &Some(now_case.family_name.clone()),
        Some(c.family_name.clone()),
    );
    column(
        "child_birth_date",
        "birth_date",
        &now_case.birth_date,
        c.birth_date.map(|b| b.to_string()),
    );
    column(
        "child_sex",
        "sex",
        &now_case.sex,
        c.sex.map(|s| sex_str(s).to_owned()),
    );
    column(
        "child_country_of_birth",
        "country_of_birth",
        &now_case.country_of_birth,
        c.country_of_birth.map(|x| x.code().to_owned()),
    );
    column(
        "child_primary_language",
        "primary_language",
        &now_case.primary_language,
        c.primary_language.map(|l| l.code().to_owned()),
    );
    column(
        "release_date",
        "release_date",
        &now_case.release_date,
        c.release_date.map(|d| d.to_string()),
    );
    column(
        "orr_program",
        "orr_program",
        &now_case.orr_program,
        c.orr_program.clone(),
    );
    column(
        "relationship",
        "relationship",
        &now_case.relationship,
        c.relationship.clone(),
    );
    column(
        "sponsor_category",
        "sponsor_category",
        &now_case.sponsor_category,
        row.sponsor.category.map(|k| k.as_str().to_owned()),
    );
    column(
        "court_code",
        "court_code",
        &now_case.court_code,
        row.proceedings.court_code.clone(),
    );

    let mut other = Vec::new();
    if let Some(sponsor_id) = now_case.sponsor_id {
        let known: Vec<String> = super::sponsors::phones(conn, sponsor_id)?
            .into_iter()
            .map(|(e164, _)| e164)
            .collect();
        for phone in &row.sponsor.phones {
            if !known.iter().any(|k| k == phone.e164()) {
                other.push(Other::Phone(
                    FieldChange {
                        field: "sponsor_phone".into(),
                        before: known.first().cloned(),
                        after: phone.e164().to_owned(),
                    },
                    phone.e164().to_owned(),
                ));
            }
        }
        if let Some(a) = &row.sponsor.address {
            if now_case.sponsor_address_key.as_deref() != Some(address_key(a).as_str()) {
                other.push(Other::Address(FieldChange {
                    field: "sponsor_address".into(),
                    before: now_case.sponsor_address.clone(),
                    after: one_line(a),
                }));
            }
        }
    }
    let p = &row.proceedings;
    if p.nta_status != NtaStatus::NotServed && nta_str(p.nta_status) != now_case.nta_status {
        other.push(Other::Nta(FieldChange {
            field: "nta_status".into(),
            before: Some(now_case.nta_status.clone()),
            after: nta_str(p.nta_status).to_owned(),
        }));
    }
    if let Some(served) = p.nta_served_on.map(|d| d.to_string()) {
        if now_case.nta_served_on.as_deref() != Some(served.as_str()) {
            other.push(Other::Nta(FieldChange {
                field: "nta_served_on".into(),
                before: now_case.nta_served_on.clone(),
                after: served,
            }));
        }
    }
    if let (Some(at), Some(court)) = (
        p.next_hearing,
        p.court_code.as_deref().or(now_case.court_code.as_deref()),
    ) {
        let at = at.format("%Y-%m-%d %H:%M").to_string();
        if !hearing_exists(conn, child_id, &at, court)? {
            let before: Option<String> = conn
                .prepare_cached(
                    "SELECT at_local FROM hearings WHERE child_id = ?1 AND outcome IS NULL
                     ORDER BY at_local DESC LIMIT 1",
                )
                .and_then(|mut s| s.query_row([child_id], |r| r.get(0)).optional())
                .map_err(StoreError::sql("compare a release row with its case"))?;
            other.push(Other::Hearing(
                FieldChange {
                    field: "next_hearing".into(),
                    before,
                    after: at.clone(),
                },
                at,
                court.to_owned(),
            ));
        }
    }
    Ok((now_case.case_number, columns, other))
}

/// Writes what the row changes (the caller holds the transaction, re-indexes the child for
/// search, re-runs its tasks and writes its history and audit). Returns the changes.
pub(crate) fn apply(
    conn: &Connection,
    child_id: i64,
    row: &ReleaseRecord,
    today: chrono::NaiveDate,
) -> Result<Vec<FieldChange>> {
    let (_, columns, other) = plan(conn, child_id, row)?;
    let mut applied = Vec::new();
    for c in columns {
        // `column` is one of the fixed names in `plan`, never user text.
        conn.execute(
            &format!(
                "UPDATE children SET {} = ?1, updated_at = ?2 WHERE id = ?3",
                c.column
            ),
            params![c.stored, now(), child_id],
        )
        .map_err(StoreError::sql("update a case from a release row"))?;
        if matches!(c.column, "given_name" | "family_name") {
            conn.execute(
                "UPDATE children SET name_key = ?1 WHERE id = ?2",
                params![
                    name_key(&row.child.given_name, &row.child.family_name),
                    child_id
                ],
            )
            .map_err(StoreError::sql("update a case from a release row"))?;
        }
        applied.push(c.change);
    }
    let sponsor_id: Option<i64> = conn
        .query_row(
            "SELECT sponsor_id FROM children WHERE id = ?1",
            [child_id],
            |r| r.get(0),
        )
        .map_err(StoreError::sql("update a case from a release row"))?;
    for o in other {
        match &o {
            Other::Phone(_, e164) => {
                if let Some(sid) = sponsor_id {
                    // The row's number first: it is the newest the release office has.
                    conn.execute(
                        "UPDATE sponsor_phones SET position = position + 1 WHERE sponsor_id = ?1",
                        [sid],
                    )
                    .and_then(|_| {
                        conn.execute(
                            "INSERT OR IGNORE INTO sponsor_phones (sponsor_id, position, e164)
                             VALUES (?1, 0, ?2)",
                            params![sid, e164],
                        )
                    })
                    .map_err(StoreError::sql("add a sponsor's phone"))?;
                }
            }
            Other::Address(_) => {
                if let Some(sid) = sponsor_id {
                    super::sponsors::record_address_change(conn, sid, &row.sponsor, today)?;
                }
            }
            Other::Nta(_) => {
                super::children::set_nta(
                    conn,
                    child_id,
                    row.proceedings.nta_status,
                    row.proceedings.nta_served_on,
                )?;
            }
            Other::Hearing(_, at, court) => {
                insert_hearing(conn, child_id, at, court, HearingType::Master)?;
                super::children::set_court(conn, child_id, court)?;
            }
        }
        applied.push(o.change().clone());
    }
    Ok(applied)
}

/// A listed case with the same name and birth date under a sponsor of the same name, whose
/// A-Number differs from the row's (or is missing on one side): likely the same child.
pub(crate) fn likely_duplicate(
    conn: &Connection,
    row: &ReleaseRecord,
) -> Result<Option<(i64, String)>> {
    let c = &row.child;
    let Some(birth) = c.birth_date.map(|b| b.to_string()) else {
        return Ok(None);
    };
    conn.prepare_cached(
        "SELECT c.id, c.case_number FROM children c JOIN sponsors s ON s.id = c.sponsor_id
         WHERE c.status IN ('open', 'closed') AND c.name_key = ?1 AND c.birth_date = ?2
           AND s.name_key = ?3 AND c.a_number IS NOT ?4
         ORDER BY c.id LIMIT 1",
    )
    .and_then(|mut s| {
        s.query_row(
            params![
                name_key(&c.given_name, &c.family_name),
                birth,
                name_key(&row.sponsor.given_name, &row.sponsor.family_name),
                c.a_number.map(|a| a.digits()),
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
    })
    .map_err(StoreError::sql("look for a likely duplicate"))
}

/// Without an A-Number on the row: the listed case with the same name and birth date under a
/// sponsor of the same name (the sponsor's phone or address may have changed since).
pub(crate) fn same_child_without_a_number(
    conn: &Connection,
    row: &ReleaseRecord,
) -> Result<Option<i64>> {
    let c = &row.child;
    if c.a_number.is_some() {
        return Ok(None);
    }
    conn.prepare_cached(
        "SELECT c.id FROM children c JOIN sponsors s ON s.id = c.sponsor_id
         WHERE c.status IN ('open', 'closed') AND c.name_key = ?1 AND c.birth_date IS ?2
           AND s.name_key = ?3
         ORDER BY c.id LIMIT 1",
    )
    .and_then(|mut s| {
        s.query_row(
            params![
                name_key(&c.given_name, &c.family_name),
                c.birth_date.map(|b| b.to_string()),
                name_key(&row.sponsor.given_name, &row.sponsor.family_name),
            ],
            |r| r.get(0),
        )
        .optional()
    })
    .map_err(StoreError::sql("look up a child"))
}
