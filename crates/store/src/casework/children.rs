//! SQL for children: their rows, case numbers, duplicates, the full view and summaries, and
//! the proceedings kept on the child (Notice to Appear, court, attorney, ACIS check). Changes
//! are called inside `Session` transactions only.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use tether_core::casework::matching::name_key;
use tether_core::casework::redaction::Visibility;
use tether_core::casework::{
    ANumber, BirthDate, ChildDraft, Court, HearingType, Language, NtaStatus, ProceedingsDraft,
    SponsorCategory, SponsorDraft,
};

use super::columns::{now, nta_str, sex_str};
use super::hearings::{court_view, hearings, insert_hearing};
use super::search;
use super::sponsors::load_sponsor;
use super::views::{ChildSummary, ChildView, PossibleDuplicate};
use crate::error::{Result, StoreError};

/// The next free case number sequence for `year`.
pub(crate) fn next_case_seq(conn: &Connection, year: i32) -> Result<u32> {
    let max: Option<i64> = conn
        .query_row(
            "SELECT max(case_seq) FROM children WHERE case_year = ?1",
            [year],
            |r| r.get(0),
        )
        .map_err(StoreError::sql("number a case"))?;
    Ok(u32::try_from(max.unwrap_or(0))
        .unwrap_or(u32::MAX)
        .saturating_add(1))
}

pub(crate) struct NewChild<'a> {
    pub child: &'a ChildDraft,
    /// The sponsor's draft when it is at hand (import), for the search index.
    pub sponsor: Option<&'a SponsorDraft>,
    pub proceedings: &'a ProceedingsDraft,
    pub sponsor_id: Option<i64>,
    /// ORR's category on this child's link to the sponsor (the row's, on import; else the
    /// category given with the sponsor).
    pub sponsor_category: Option<SponsorCategory>,
    /// Who created the case: its author, and its first assigned case manager.
    pub created_by: Option<i64>,
    pub case_year: i32,
    pub case_seq: u32,
    /// Write the child's search row now. The import passes `false` and writes every row at
    /// the end (`search::insert_rows`), in the same transaction.
    pub index_for_search: bool,
}

/// Inserts the child (and its first hearing); returns the id, case number and hearing id.
pub(crate) fn insert_child(
    conn: &Connection,
    new: &NewChild<'_>,
) -> Result<(i64, String, Option<i64>)> {
    let c = new.child;
    let p = new.proceedings;
    let case_number = tether_core::casework::CaseNumber::new(new.case_year, new.case_seq)
        .map_err(|e| StoreError::invalid("case_number", e.to_string()))?
        .to_string();
    let at = now();
    conn.prepare_cached(
        "INSERT INTO children (case_number, case_year, case_seq, given_name, family_name,
            name_key, aliases, birth_date, sex, a_number, country_of_birth, primary_language,
            interpreter_needed, release_date, orr_program, notes, sponsor_id, relationship,
            nta_status, nta_served_on, court_code, created_at, updated_at, sponsor_category,
            created_by, assigned_to)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24, ?24)",
    )
    .and_then(|mut stmt| {
        stmt.execute(params![
            case_number,
            new.case_year,
            new.case_seq,
            c.given_name,
            c.family_name,
            name_key(&c.given_name, &c.family_name),
            serde_json::to_string(&c.aliases).unwrap_or_else(|_| "[]".into()),
            c.birth_date.as_ref().map(|b| b.to_string()),
            c.sex.map(sex_str),
            c.a_number.map(|a| a.digits()),
            c.country_of_birth.map(|x| x.code()),
            c.primary_language.map(|l| l.code()),
            c.interpreter_needed,
            c.release_date.map(|d| d.to_string()),
            c.orr_program,
            c.notes,
            new.sponsor_id,
            c.relationship,
            nta_str(p.nta_status),
            p.nta_served_on.map(|d| d.to_string()),
            p.court_code,
            at,
            new.sponsor_category.map(|c| c.as_str()),
            new.created_by,
        ])
    })
    .map_err(StoreError::sql("add a child"))?;
    let id = conn.last_insert_rowid();
    let mut hearing_id = None;
    if let (Some(at), Some(court)) = (p.next_hearing, p.court_code.as_deref()) {
        hearing_id = Some(insert_hearing(
            conn,
            id,
            &at.format("%Y-%m-%d %H:%M").to_string(),
            court,
            HearingType::Master,
        )?);
    }
    if new.index_for_search {
        if new.sponsor_id.is_some() && new.sponsor.is_none() {
            search::index_child(conn, id)?;
        } else {
            search::index_new_child(conn, id, c, new.sponsor, &case_number)?;
        }
    }
    Ok((id, case_number, hearing_id))
}

/// An existing child that is the same child as `c` (re-import): by A-Number, else by name and
/// date of birth under the same sponsor.
pub(crate) fn existing_child(
    conn: &Connection,
    c: &ChildDraft,
    sponsor_id: Option<i64>,
) -> Result<Option<i64>> {
    if let Some(a) = c.a_number {
        return conn
            .prepare_cached(&format!(
                "SELECT id FROM children c WHERE a_number = ?1 AND {LISTED} ORDER BY id LIMIT 1"
            ))
            .and_then(|mut s| s.query_row([a.digits()], |r| r.get(0)).optional())
            .map_err(StoreError::sql("look up a child"));
    }
    conn.prepare_cached(&format!(
        "SELECT id FROM children c WHERE name_key = ?1 AND birth_date IS ?2 AND sponsor_id IS ?3
            AND {LISTED} ORDER BY id LIMIT 1"
    ))
    .and_then(|mut s| {
        s.query_row(
            params![
                name_key(&c.given_name, &c.family_name),
                c.birth_date.as_ref().map(|b| b.to_string()),
                sponsor_id
            ],
            |r| r.get(0),
        )
        .optional()
    })
    .map_err(StoreError::sql("look up a child"))
}

pub(crate) fn child_duplicates(
    conn: &Connection,
    c: &ChildDraft,
) -> Result<Vec<PossibleDuplicate>> {
    let mut found = Vec::new();
    let mut push = |id: i64, label: String, reason: &'static str| {
        if !found.iter().any(|d: &PossibleDuplicate| d.id == id) {
            found.push(PossibleDuplicate {
                kind: "child",
                id,
                label,
                reason,
            });
        }
    };
    let label_of = |r: &Row<'_>| -> rusqlite::Result<(i64, String)> {
        Ok((
            r.get(0)?,
            format!(
                "{} {} ({})",
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?
            ),
        ))
    };
    if let Some(a) = c.a_number {
        let mut stmt = conn
            .prepare(
                "SELECT id, given_name, family_name, case_number FROM children c
                 WHERE a_number = ?1 AND c.status IN ('open', 'closed')",
            )
            .map_err(StoreError::sql("check for duplicates"))?;
        for row in stmt
            .query_map([a.digits()], label_of)
            .map_err(StoreError::sql("check for duplicates"))?
        {
            let (id, label) = row.map_err(StoreError::sql("check for duplicates"))?;
            push(id, label, "same_a_number");
        }
    }
    let mut stmt = conn
        .prepare(
            "SELECT id, given_name, family_name, case_number FROM children c
             WHERE c.status IN ('open', 'closed') AND name_key = ?1 AND (birth_date IS ?2 OR substr(birth_date, 1, 4) = substr(?2, 1, 4)
                OR substr(birth_date, 2, 4) = substr(?2, 1, 4) OR substr(birth_date, 1, 4) = substr(?2, 2, 4))",
        )
        .map_err(StoreError::sql("check for duplicates"))?;
    let dob = c.birth_date.as_ref().map(|b| b.to_string());
    for row in stmt
        .query_map(
            params![name_key(&c.given_name, &c.family_name), dob],
            label_of,
        )
        .map_err(StoreError::sql("check for duplicates"))?
    {
        let (id, label) = row.map_err(StoreError::sql("check for duplicates"))?;
        push(id, label, "same_name_and_birth_date");
    }
    Ok(found)
}

/// Finds a child by numeric id or case number (`T-2026-000123`, any case).
pub(crate) fn resolve_child(conn: &Connection, id_or_case: &str) -> Result<i64> {
    let raw = id_or_case.trim();
    let found: Option<i64> = if let Ok(id) = raw.parse::<i64>() {
        conn.query_row("SELECT id FROM children WHERE id = ?1", [id], |r| r.get(0))
            .optional()
    } else {
        conn.query_row(
            "SELECT id FROM children WHERE case_number = ?1",
            [raw.to_uppercase()],
            |r| r.get(0),
        )
        .optional()
    }
    .map_err(StoreError::sql("find a child"))?;
    let id = found.ok_or_else(|| StoreError::NotFound {
        kind: "child",
        id: raw.to_owned(),
    })?;
    survivor(conn, id)
}

/// The case a merged child now lives on (following merges of merges); the child itself
/// otherwise. A merged record's number keeps finding the case.
pub(crate) fn survivor(conn: &Connection, id: i64) -> Result<i64> {
    conn.query_row(
        "WITH RECURSIVE up(id, next) AS (
            SELECT id, merged_into FROM children WHERE id = ?1
            UNION SELECT c.id, c.merged_into FROM children c JOIN up ON c.id = up.next
         )
         SELECT id FROM up WHERE next IS NULL LIMIT 1",
        [id],
        |r| r.get(0),
    )
    .optional()
    .map_err(StoreError::sql("find a child"))
    .map(|found| found.unwrap_or(id))
}

/// The children merged into `id`, directly or through an earlier merge, oldest first.
pub(crate) fn merged_into(conn: &Connection, id: i64) -> Result<Vec<(i64, String)>> {
    conn.prepare_cached(
        "WITH RECURSIVE down(id) AS (
            SELECT id FROM children WHERE merged_into = ?1
            UNION SELECT c.id FROM children c JOIN down ON c.merged_into = down.id
         )
         SELECT c.id, c.case_number FROM children c JOIN down USING (id) ORDER BY c.id",
    )
    .and_then(|mut s| s.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
    .map_err(StoreError::sql("read merged cases"))
}

/// Cases that appear in lists, counts, search and exports: not voided, not merged away.
pub(crate) const LISTED: &str = "c.status IN ('open', 'closed')";

/// Which cases a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    Open,
    Closed,
    /// Open and closed (never voided or merged).
    All,
}

impl StatusFilter {
    pub fn parse(raw: &str) -> Result<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "open" => Ok(StatusFilter::Open),
            "closed" => Ok(StatusFilter::Closed),
            "all" => Ok(StatusFilter::All),
            other => Err(StoreError::invalid(
                "status",
                format!("{other:?} is not one of open, closed, all"),
            )),
        }
    }

    fn sql(self) -> &'static str {
        match self {
            StatusFilter::Open => "c.status = 'open'",
            StatusFilter::Closed => "c.status = 'closed'",
            StatusFilter::All => LISTED,
        }
    }
}

/// A list's filter: by status, and by assigned case manager (a user id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListFilter {
    pub status: StatusFilter,
    pub assigned_to: Option<i64>,
}

impl ListFilter {
    /// The `WHERE` condition over `children c` (a user id is an integer: written inline).
    pub(crate) fn sql(self) -> String {
        match self.assigned_to {
            Some(user) => format!("{} AND c.assigned_to = {user}", self.status.sql()),
            None => self.status.sql().to_owned(),
        }
    }
}

pub(crate) fn load_child(conn: &Connection, id: i64, vis: &Visibility) -> Result<ChildView> {
    let sql = "SELECT id, case_number, given_name, family_name, aliases, birth_date, sex, a_number,
                country_of_birth, primary_language, interpreter_needed, release_date, orr_program,
                relationship, notes, sponsor_id, nta_status, nta_served_on, court_code,
                attorney, last_acis_check, sponsor_category, status, closed_reason, closed_on,
                void_reason, (SELECT name FROM users u WHERE u.id = c.assigned_to),
                (SELECT name FROM users u WHERE u.id = c.created_by), c.assigned_to
               FROM children c WHERE id = ?1";
    let (mut view, sponsor_id, court_code) = conn
        .query_row(sql, [id], |r| {
            let given: String = r.get(2)?;
            let family: String = r.get(3)?;
            let a_digits: Option<String> = r.get(7)?;
            let a_number = a_digits.as_deref().and_then(|d| ANumber::parse(d).ok());
            let birth: Option<String> = r.get(5)?;
            let language: Option<String> = r.get(9)?;
            let age = age_today(birth.as_deref());
            // What only staff see: `None` (withheld, no key) for volunteers.
            let detail = |i: usize| -> rusqlite::Result<Option<Option<String>>> {
                Ok(if vis.case_detail {
                    Some(r.get(i)?)
                } else {
                    None
                })
            };
            Ok((
                ChildView {
                    id: r.get(0)?,
                    case_number: r.get(1)?,
                    family_name: shown_family_name(family, vis),
                    given_name: given,
                    aliases: if vis.case_detail {
                        serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default()
                    } else {
                        Vec::new()
                    },
                    birth_date: vis.case_detail.then(|| {
                        birth.map(|b| {
                            if vis.full_birth_date {
                                b
                            } else {
                                b.trim_start_matches('~').chars().take(4).collect()
                            }
                        })
                    }),
                    sex: detail(6)?,
                    a_number: a_number.filter(|_| vis.a_number).map(|a| a.normalized()),
                    a_number_display: a_number.filter(|_| vis.a_number).map(|a| a.to_string()),
                    country_of_birth: detail(8)?,
                    primary_language_name: language
                        .as_deref()
                        .and_then(|l| Language::parse(l).ok())
                        .map(|l| l.name_en().to_owned()),
                    primary_language: language,
                    interpreter_needed: r.get(10)?,
                    release_date: detail(11)?,
                    orr_program: detail(12)?,
                    relationship: detail(13)?,
                    // Notes are free text about the case: volunteers work from the call queue.
                    notes: if vis.case_detail {
                        r.get(14)?
                    } else {
                        String::new()
                    },
                    sponsor: None,
                    nta_status: if vis.case_detail {
                        Some(r.get(16)?)
                    } else {
                        None
                    },
                    nta_served_on: if vis.court_detail {
                        Some(r.get(17)?)
                    } else {
                        None
                    },
                    court: None,
                    hearings: Vec::new(),
                    attorney: if vis.court_detail { r.get(19)? } else { None },
                    last_acis_check: if vis.court_detail { r.get(20)? } else { None },
                    sponsor_category: detail(21)?,
                    status: r.get(22)?,
                    closed_reason: if vis.case_detail { r.get(23)? } else { None },
                    closed_on: if vis.case_detail { r.get(24)? } else { None },
                    void_reason: if vis.case_detail { r.get(25)? } else { None },
                    age: age.filter(|_| vis.case_detail),
                    assigned_to: if vis.case_detail { r.get(26)? } else { None },
                    assigned_to_id: if vis.case_detail { r.get(28)? } else { None },
                    created_by: if vis.case_detail { r.get(27)? } else { None },
                    merged_from: Vec::new(),
                },
                r.get::<_, Option<i64>>(15)?,
                r.get::<_, Option<String>>(18)?,
            ))
        })
        .optional()
        .map_err(StoreError::sql("read a child"))?
        .ok_or_else(|| StoreError::NotFound {
            kind: "child",
            id: id.to_string(),
        })?;
    if let Some(sid) = sponsor_id {
        let mut sponsor = load_sponsor(conn, sid, vis, true)?;
        // The category describes the sponsor for this child: the link's.
        sponsor.category = view.sponsor_category.clone();
        view.sponsor = Some(sponsor);
    }
    if vis.case_detail {
        view.merged_from = merged_into(conn, id)?
            .into_iter()
            .map(|(_, case_number)| case_number)
            .collect();
    }
    if vis.court_detail {
        view.court = court_code
            .as_deref()
            .and_then(Court::by_code)
            .map(court_view);
        view.hearings = hearings(conn, id)?;
    }
    Ok(view)
}

pub(crate) fn update_child(conn: &Connection, id: i64, c: &ChildDraft) -> Result<()> {
    conn.execute(
        "UPDATE children SET given_name = ?1, family_name = ?2, name_key = ?3, aliases = ?4,
            birth_date = ?5, sex = ?6, a_number = ?7, country_of_birth = ?8,
            primary_language = ?9, interpreter_needed = ?10, release_date = ?11,
            orr_program = ?12, relationship = ?13, notes = ?14, updated_at = ?15
         WHERE id = ?16",
        params![
            c.given_name,
            c.family_name,
            name_key(&c.given_name, &c.family_name),
            serde_json::to_string(&c.aliases).unwrap_or_else(|_| "[]".into()),
            c.birth_date.as_ref().map(|b| b.to_string()),
            c.sex.map(sex_str),
            c.a_number.map(|a| a.digits()),
            c.country_of_birth.map(|x| x.code()),
            c.primary_language.map(|l| l.code()),
            c.interpreter_needed,
            c.release_date.map(|d| d.to_string()),
            c.orr_program,
            c.relationship,
            c.notes,
            now(),
            id
        ],
    )
    .map_err(StoreError::sql("change a child"))?;
    Ok(())
}

/// Child summaries selected by `filter` (a WHERE/ORDER/LIMIT tail over `children c`).
pub(crate) fn summaries<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
    vis: &Visibility,
) -> Result<Vec<ChildSummary>> {
    let sql = format!("SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} {filter}");
    let mut stmt = conn
        .prepare_cached(&sql)
        .map_err(StoreError::sql("list children"))?;
    let rows = stmt
        .query_map(params, |r| summary_from_row(r, vis))
        .map_err(StoreError::sql("list children"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("list children"))
}

/// The columns `summary_from_row` reads, over `SUMMARY_FROM`.
pub(crate) const SUMMARY_COLUMNS: &str =
    "c.id, c.case_number, c.given_name, c.family_name, c.primary_language, c.release_date,
     s.given_name || ' ' || s.family_name, c.nta_status, c.status, c.birth_date, u.name,
     c.sponsor_category, c.closed_reason, c.relationship";

pub(crate) const SUMMARY_FROM: &str = "children c LEFT JOIN sponsors s ON s.id = c.sponsor_id
     LEFT JOIN users u ON u.id = c.assigned_to";

/// Age in whole years today, from a stored birth date (`~YYYY` counts from 1 January).
pub(crate) fn age_today(birth: Option<&str>) -> Option<u32> {
    let today = chrono::Utc::now().date_naive();
    BirthDate::parse(birth?, today).ok()?.age_on(today)
}

pub(crate) fn summary_from_row(r: &Row<'_>, vis: &Visibility) -> rusqlite::Result<ChildSummary> {
    let given: String = r.get(2)?;
    let family = shown_family_name(r.get(3)?, vis);
    Ok(ChildSummary {
        id: r.get(0)?,
        case_number: r.get(1)?,
        given_name: given,
        family_name: family,
        primary_language: r.get(4)?,
        release_date: if vis.case_detail {
            Some(r.get(5)?)
        } else {
            None
        },
        sponsor_name: r.get(6)?,
        nta_status: if vis.case_detail {
            Some(r.get(7)?)
        } else {
            None
        },
        status: r.get(8)?,
        age: if vis.case_detail {
            age_today(r.get::<_, Option<String>>(9)?.as_deref())
        } else {
            None
        },
        assigned_to: if vis.case_detail { r.get(10)? } else { None },
        sponsor_category: if vis.case_detail {
            Some(r.get(11)?)
        } else {
            None
        },
        closed_reason: if vis.case_detail { r.get(12)? } else { None },
        relationship: if vis.case_detail {
            Some(r.get(13)?)
        } else {
            None
        },
    })
}

/// Volunteers see the family name's initial only ("R.").
fn shown_family_name(family: String, vis: &Visibility) -> String {
    if vis.full_child_name {
        family
    } else {
        family
            .chars()
            .next()
            .map(|c| format!("{c}."))
            .unwrap_or_default()
    }
}

/// Children by case number, `limit` from `offset`, as `filter` selects them.
pub(crate) fn page(
    conn: &Connection,
    offset: u32,
    limit: u32,
    filter: ListFilter,
    vis: &Visibility,
) -> Result<Vec<ChildSummary>> {
    summaries(
        conn,
        &format!(
            "WHERE {} ORDER BY c.case_year, c.case_seq LIMIT ?1 OFFSET ?2",
            filter.sql()
        ),
        params![limit, offset],
        vis,
    )
}

pub(crate) fn count(conn: &Connection, filter: ListFilter) -> Result<u32> {
    conn.query_row(
        &format!("SELECT count(*) FROM children c WHERE {}", filter.sql()),
        [],
        |r| r.get(0),
    )
    .map_err(StoreError::sql("count children"))
}

/// The listed children `sponsor_id` sponsors (their tasks move when the sponsor does).
pub(crate) fn sponsored_by(conn: &Connection, sponsor_id: i64) -> Result<Vec<i64>> {
    conn.prepare(
        "SELECT id FROM children c WHERE sponsor_id = ?1 AND c.status IN ('open', 'closed')",
    )
    .and_then(|mut s| s.query_map([sponsor_id], |r| r.get(0))?.collect())
    .map_err(StoreError::sql("reschedule"))
}

pub(crate) fn set_nta(
    conn: &Connection,
    id: i64,
    status: NtaStatus,
    served_on: Option<NaiveDate>,
) -> Result<()> {
    // A served (or filed) Notice keeps its service date when none is given: setting the status
    // again must not erase what was recorded. Only "not served" clears it.
    conn.execute(
        "UPDATE children SET nta_status = ?1,
            nta_served_on = CASE WHEN ?1 = 'not_served' THEN NULL ELSE coalesce(?2, nta_served_on) END,
            updated_at = ?3
         WHERE id = ?4",
        params![nta_str(status), served_on.map(|d| d.to_string()), now(), id],
    )
    .map_err(StoreError::sql("record the Notice to Appear"))?;
    Ok(())
}

/// The court the case is before (a new hearing names it).
pub(crate) fn set_court(conn: &Connection, id: i64, court_code: &str) -> Result<()> {
    conn.execute(
        "UPDATE children SET court_code = ?1, updated_at = ?2 WHERE id = ?3",
        params![court_code, now(), id],
    )
    .map_err(StoreError::sql("record the court"))?;
    Ok(())
}

/// The attorney of record; `None` clears it.
pub(crate) fn set_attorney(conn: &Connection, id: i64, attorney: Option<&str>) -> Result<()> {
    conn.execute(
        "UPDATE children SET attorney = ?1, updated_at = ?2 WHERE id = ?3",
        params![attorney, now(), id],
    )
    .map_err(StoreError::sql("record the attorney"))?;
    Ok(())
}

pub(crate) fn set_acis_checked(conn: &Connection, id: i64, day: NaiveDate) -> Result<()> {
    conn.execute(
        "UPDATE children SET last_acis_check = ?1, updated_at = ?2 WHERE id = ?3",
        params![day.to_string(), now(), id],
    )
    .map_err(StoreError::sql("record the ACIS check"))?;
    Ok(())
}
