//! SQL for sponsors, children and hearings. Called inside `Session` transactions only.

use rusqlite::{params, Connection, OptionalExtension, Row};
use tether_core::casework::matching::{address_key, name_key};
use tether_core::casework::redaction::Visibility;
use tether_core::casework::{
    ANumber, ChildDraft, Court, HearingType, Language, NtaStatus, Phone, ProceedingsDraft,
    SponsorDraft,
};

use super::search;
use tether_core::casework::input::SponsorInput;

use super::views::{
    AddressChangeView, AddressView, ChildSummary, ChildView, CourtView, HearingView,
    PossibleDuplicate, SponsorView,
};
use crate::error::{Result, StoreError};

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

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
        .map_err(|e| StoreError::InvalidInput {
            field: "case_number",
            reason: e.to_string(),
        })?
        .to_string();
    let at = now();
    conn.prepare_cached(
        "INSERT INTO children (case_number, case_year, case_seq, given_name, family_name,
            name_key, aliases, birth_date, sex, a_number, country_of_birth, primary_language,
            interpreter_needed, release_date, orr_program, notes, sponsor_id, relationship,
            nta_status, nta_served_on, court_code, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?22)",
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

pub(crate) fn insert_hearing(
    conn: &Connection,
    child_id: i64,
    at_local: &str,
    court: &str,
    kind: HearingType,
) -> Result<i64> {
    // Both statements cached: the import adds a hearing per child, and the read-back was
    // re-prepared every time. (`RETURNING id` was tried instead: it builds an ephemeral table
    // per execution and was slower.)
    conn.prepare_cached(
        "INSERT INTO hearings (child_id, at_local, court_code, kind) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (child_id, at_local, court_code) DO UPDATE SET kind = excluded.kind",
    )
    .and_then(|mut s| s.execute(params![child_id, at_local, court, hearing_kind_str(kind)]))
    .map_err(StoreError::sql("add a hearing"))?;
    conn.prepare_cached(
        "SELECT id FROM hearings WHERE child_id = ?1 AND at_local = ?2 AND court_code = ?3",
    )
    .and_then(|mut s| s.query_row(params![child_id, at_local, court], |r| r.get(0)))
    .map_err(StoreError::sql("add a hearing"))
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
            .prepare_cached("SELECT id FROM children WHERE a_number = ?1 LIMIT 1")
            .and_then(|mut s| s.query_row([a.digits()], |r| r.get(0)).optional())
            .map_err(StoreError::sql("look up a child"));
    }
    conn.prepare_cached(
        "SELECT id FROM children WHERE name_key = ?1 AND birth_date IS ?2 AND sponsor_id IS ?3 LIMIT 1",
    )
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
                "SELECT id, given_name, family_name, case_number FROM children WHERE a_number = ?1",
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
            "SELECT id, given_name, family_name, case_number FROM children
             WHERE name_key = ?1 AND (birth_date IS ?2 OR substr(birth_date, 1, 4) = substr(?2, 1, 4)
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
    found.ok_or_else(|| StoreError::NotFound {
        kind: "child",
        id: raw.to_owned(),
    })
}

pub(crate) fn load_child(conn: &Connection, id: i64, vis: &Visibility) -> Result<ChildView> {
    let sql = "SELECT id, case_number, given_name, family_name, aliases, birth_date, sex, a_number,
                country_of_birth, primary_language, interpreter_needed, release_date, orr_program,
                relationship, notes, sponsor_id, nta_status, nta_served_on, court_code,
                attorney, last_acis_check
               FROM children WHERE id = ?1";
    let (mut view, sponsor_id, court_code) = conn
        .query_row(sql, [id], |r| {
            let given: String = r.get(2)?;
            let family: String = r.get(3)?;
            let a_digits: Option<String> = r.get(7)?;
            let a_number = a_digits.as_deref().and_then(|d| ANumber::parse(d).ok());
            let birth: Option<String> = r.get(5)?;
            let language: Option<String> = r.get(9)?;
            Ok((
                ChildView {
                    id: r.get(0)?,
                    case_number: r.get(1)?,
                    family_name: shown_family_name(family, vis),
                    given_name: given,
                    aliases: if vis.full_child_name {
                        serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default()
                    } else {
                        Vec::new()
                    },
                    birth_date: birth.map(|b| {
                        if vis.full_birth_date {
                            b
                        } else {
                            b.trim_start_matches('~').chars().take(4).collect()
                        }
                    }),
                    sex: r.get(6)?,
                    a_number: a_number.filter(|_| vis.a_number).map(|a| a.normalized()),
                    a_number_display: a_number.filter(|_| vis.a_number).map(|a| a.to_string()),
                    country_of_birth: r.get(8)?,
                    primary_language_name: language
                        .as_deref()
                        .and_then(|l| Language::parse(l).ok())
                        .map(|l| l.name_en().to_owned()),
                    primary_language: language,
                    interpreter_needed: r.get(10)?,
                    release_date: r.get(11)?,
                    orr_program: r.get(12)?,
                    relationship: r.get(13)?,
                    // Notes are free text about the case: volunteers work from the call queue.
                    notes: if vis.full_child_name {
                        r.get(14)?
                    } else {
                        String::new()
                    },
                    sponsor: None,
                    nta_status: r.get(16)?,
                    nta_served_on: if vis.court_detail { r.get(17)? } else { None },
                    court: None,
                    hearings: Vec::new(),
                    attorney: if vis.court_detail { r.get(19)? } else { None },
                    last_acis_check: if vis.court_detail { r.get(20)? } else { None },
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
        view.sponsor = Some(load_sponsor(conn, sid, vis, false)?);
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

fn court_view(c: &Court) -> CourtView {
    CourtView {
        code: c.code.clone(),
        name: c.display_name(),
        address: c.address_lines(),
        time_zone: c.time_zone.clone(),
    }
}

pub(crate) fn hearings(conn: &Connection, child_id: i64) -> Result<Vec<HearingView>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, at_local, court_code, kind, judge, outcome FROM hearings
             WHERE child_id = ?1 ORDER BY at_local",
        )
        .map_err(StoreError::sql("read hearings"))?;
    let rows = stmt
        .query_map([child_id], |r| {
            let code: String = r.get(2)?;
            let court = Court::by_code(&code);
            Ok(HearingView {
                id: r.get(0)?,
                at: r.get(1)?,
                court_name: court.map(|c| c.display_name()),
                time_zone: court.map(|c| c.time_zone.clone()),
                court_code: code,
                kind: r.get(3)?,
                judge: r.get(4)?,
                outcome: r.get(5)?,
            })
        })
        .map_err(StoreError::sql("read hearings"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("read hearings"))
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
                    category: r.get(3)?,
                    phones: Vec::new(),
                    address: Some(AddressView {
                        line1: r.get(4)?,
                        unit: r.get(5)?,
                        city: r.get(6)?,
                        state: r.get(7)?,
                        postal_code: r.get(8)?,
                    })
                    .filter(|_| vis.address),
                    address_incomplete: r.get(9)?,
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

/// Child summaries selected by `filter` (a WHERE/ORDER/LIMIT tail over `children c`).
pub(crate) fn summaries<P: rusqlite::Params>(
    conn: &Connection,
    filter: &str,
    params: P,
    vis: &Visibility,
) -> Result<Vec<ChildSummary>> {
    let sql = format!(
        "SELECT c.id, c.case_number, c.given_name, c.family_name, c.primary_language,
            c.release_date, s.given_name || ' ' || s.family_name, c.nta_status
         FROM children c LEFT JOIN sponsors s ON s.id = c.sponsor_id {filter}"
    );
    let mut stmt = conn
        .prepare_cached(&sql)
        .map_err(StoreError::sql("list children"))?;
    let rows = stmt
        .query_map(params, |r| summary_from_row(r, vis))
        .map_err(StoreError::sql("list children"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("list children"))
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
        release_date: r.get(5)?,
        sponsor_name: r.get(6)?,
        nta_status: r.get(7)?,
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

pub(crate) fn nta_str(s: NtaStatus) -> &'static str {
    match s {
        NtaStatus::NotServed => "not_served",
        NtaStatus::Served => "served",
        NtaStatus::Filed => "filed",
    }
}

pub(crate) fn hearing_kind_str(k: HearingType) -> &'static str {
    match k {
        HearingType::Master => "master",
        HearingType::Individual => "individual",
    }
}

fn sex_str(s: tether_core::casework::Sex) -> &'static str {
    match s {
        tether_core::casework::Sex::Female => "female",
        tether_core::casework::Sex::Male => "male",
        tether_core::casework::Sex::Other => "other",
    }
}

/// Kept for callers that parse phones from the search box.
pub(crate) fn phone_digits(p: &Phone) -> (String, String) {
    let full = p.e164().trim_start_matches('+').to_owned();
    let cc = p.calling_code().to_string();
    let national = full.strip_prefix(cc.as_str()).unwrap_or(&full).to_owned();
    (full, national)
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

fn address_history(conn: &Connection, sponsor_id: i64) -> Result<Vec<AddressChangeView>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, recorded_on, address_line1, address_unit, address_city, address_state,
                address_postal_code, eoir33_filed_on
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
            })
        })
        .map_err(StoreError::sql("read address changes"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("read address changes"))
}

/// Moves a sponsor to a new address and keeps the change (it starts the EOIR-33 deadline).
pub(crate) fn record_address_change(
    conn: &Connection,
    sponsor_id: i64,
    draft: &SponsorDraft,
    recorded_on: chrono::NaiveDate,
) -> Result<i64> {
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
        category: view.category.unwrap_or_default(),
        phones: view.phones,
        ..SponsorInput::default()
    })
}
