//! Reading the facts the follow-up rules need from the vault.

use chrono::NaiveDate;
use rusqlite::Connection;
use tether_core::casework::{BirthDate, HearingOutcome, NtaStatus, SponsorCategory};
use tether_core::followup::{
    eoir33_deadline, AddressChangeFact, CallAttempt, CallOutcome, CaseFacts, ChildFacts,
    EscalationReason, FlagInputs, HearingFact, OpenConcern, SponsorFacts, TaskKind,
};

use crate::error::{Result, StoreError};

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn nta(s: &str) -> NtaStatus {
    match s {
        "served" => NtaStatus::Served,
        "filed" => NtaStatus::Filed,
        _ => NtaStatus::NotServed,
    }
}

pub(crate) fn case_facts(conn: &Connection, child_id: i64) -> Result<CaseFacts> {
    type Row = (
        Option<String>,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
        String,
    );
    let (release, nta_status, acis, sponsor_id, birth, status): Row = conn
        .prepare_cached(
            "SELECT release_date, nta_status, last_acis_check, sponsor_id, birth_date, status
             FROM children WHERE id = ?1",
        )
        .and_then(|mut s| {
            s.query_row([child_id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
        })
        .map_err(StoreError::sql("read a case for scheduling"))?;
    let today = chrono::Utc::now().date_naive();
    let birth_date = birth.and_then(|b| BirthDate::parse(&b, today).ok());
    let no_working_phone_since = match sponsor_id {
        Some(sid) => crate::casework::sponsors::no_working_phone_since(conn, sid)?,
        None => None,
    };
    let hearings = conn
        .prepare_cached(
            "SELECT id, substr(at_local, 1, 10), outcome FROM hearings WHERE child_id = ?1",
        )
        .and_then(|mut s| {
            s.query_map([child_id], |r| {
                Ok(HearingFact {
                    id: r.get(0)?,
                    date: date(r.get(1)?).unwrap_or_default(),
                    outcome: r
                        .get::<_, Option<String>>(2)?
                        .and_then(|o| HearingOutcome::parse(&o).ok()),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(StoreError::sql("read hearings for scheduling"))?;
    let address_changes = match sponsor_id {
        Some(sid) => conn
            .prepare_cached(
                "SELECT id, recorded_on, eoir33_filed_on FROM address_changes
                 WHERE sponsor_id = ?1 AND kind = 'move'",
            )
            .and_then(|mut s| {
                s.query_map([sid], |r| {
                    Ok(AddressChangeFact {
                        id: r.get(0)?,
                        recorded_on: date(r.get(1)?).unwrap_or_default(),
                        eoir33_filed_on: date(r.get(2)?),
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(StoreError::sql("read address changes for scheduling"))?,
        None => Vec::new(),
    };
    let calls = conn
        .prepare_cached(
            "SELECT offset_days, attempt, called_on, outcome, answers FROM calls
             WHERE child_id = ?1 ORDER BY id",
        )
        .and_then(|mut s| {
            s.query_map([child_id], |r| {
                Ok((
                    r.get::<_, u16>(0)?,
                    r.get::<_, u8>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(StoreError::sql("read calls for scheduling"))?
        .into_iter()
        .filter_map(|(offset_days, attempt, on, outcome, answers)| {
            Some(CallAttempt {
                offset_days,
                attempt,
                on: date(Some(on))?,
                outcome: CallOutcome::parse(&outcome).ok()?,
                // Written by `SwbAnswers::to_log`; `new_address` there is a bool, ignored here.
                answers: serde_json::from_str(&answers).unwrap_or_default(),
            })
        })
        .collect();
    Ok(CaseFacts {
        child_id,
        release_date: date(release),
        nta_status: nta(&nta_status),
        hearings,
        last_acis_check: date(acis),
        address_changes,
        calls,
        birth_date,
        open: status == "open",
        no_working_phone_since,
    })
}

/// Every sponsor with their children, as the red-flag rules see them. `name` is the display
/// name for the reader (`shown_name` redacts for volunteers).
pub(crate) fn flag_inputs(
    conn: &Connection,
    shown_name: &dyn Fn(&str, &str) -> String,
) -> Result<FlagInputs> {
    let mut sponsors: Vec<SponsorFacts> = conn
        .prepare(
            "SELECT id, given_name || ' ' || family_name, address_key, address_incomplete
             FROM sponsors WHERE status = 'active' ORDER BY id",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(SponsorFacts {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    address_key: r.get(2)?,
                    address_incomplete: r.get(3)?,
                    phones: Vec::new(),
                    children: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(StoreError::sql("read sponsors for red flags"))?;
    let index: std::collections::HashMap<i64, usize> = sponsors
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();

    let mut stmt = conn
        .prepare("SELECT sponsor_id, e164 FROM sponsor_phones ORDER BY sponsor_id, position")
        .map_err(StoreError::sql("read phones for red flags"))?;
    let phones = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .map_err(StoreError::sql("read phones for red flags"))?;
    for row in phones {
        let (sid, e164) = row.map_err(StoreError::sql("read phones for red flags"))?;
        if let Some(&i) = index.get(&sid) {
            sponsors[i].phones.push(e164);
        }
    }

    // EOIR-33 overdue per sponsor: the earliest unfiled change's first overdue day.
    let mut overdue: std::collections::HashMap<i64, NaiveDate> = std::collections::HashMap::new();
    let mut stmt = conn
        .prepare(
            "SELECT sponsor_id, recorded_on FROM address_changes
             WHERE eoir33_filed_on IS NULL AND kind = 'move'",
        )
        .map_err(StoreError::sql("read address changes for red flags"))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
        .map_err(StoreError::sql("read address changes for red flags"))?;
    for row in rows {
        let (sid, recorded) = row.map_err(StoreError::sql("read address changes for red flags"))?;
        if let Some(d) = date(Some(recorded)) {
            let since = eoir33_deadline(d).succ_opt().unwrap_or(d);
            overdue
                .entry(sid)
                .and_modify(|e| *e = (*e).min(since))
                .or_insert(since);
        }
    }

    let mut concerns = open_concerns(conn)?;
    let school = not_in_school(conn)?;
    let unreached_ids = unreached_children(conn)?;

    let mut stmt = conn
        .prepare(
            "SELECT c.id, c.given_name, c.family_name, c.release_date, c.nta_status, c.sponsor_id,
                EXISTS (SELECT 1 FROM hearings h WHERE h.child_id = c.id AND h.outcome = 'missed'),
                c.sponsor_category
             FROM children c WHERE c.sponsor_id IS NOT NULL AND c.status = 'open' ORDER BY c.id",
        )
        .map_err(StoreError::sql("read children for red flags"))?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, bool>(6)?,
                r.get::<_, Option<String>>(7)?,
            ))
        })
        .map_err(StoreError::sql("read children for red flags"))?;
    for row in rows {
        let (id, given, family, release, nta_status, sid, missed, category) =
            row.map_err(StoreError::sql("read children for red flags"))?;
        let unreached = unreached_ids.contains(&id);
        if let Some(&i) = index.get(&sid) {
            let open_concerns = concerns.remove(&id).unwrap_or_default();
            let not_in_school_since = school.get(&id).copied();
            sponsors[i].children.push(ChildFacts {
                id,
                name: shown_name(&given, &family),
                release_date: date(release),
                nta_status: nta(&nta_status),
                missed_hearing: missed,
                unreached,
                eoir33_overdue_since: overdue.get(&sid).copied(),
                open_concerns,
                not_in_school_since,
                category: category.and_then(|c| SponsorCategory::parse(&c).ok()),
            });
        }
    }
    Ok(FlagInputs { sponsors })
}

/// The children with an escalation (open or closed) because nobody was reached: one range of
/// the task index (`closed` is only ever 0 or 1), not a look at every child's tasks.
fn unreached_children(conn: &Connection) -> Result<std::collections::HashSet<i64>> {
    conn.prepare(
        "SELECT DISTINCT child_id FROM tasks
         WHERE closed IN (0, 1) AND kind = 'escalation' AND detail LIKE '%\"unreached\"%'",
    )
    .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
    .map_err(StoreError::sql("read unreached children for red flags"))
}

/// Escalations a call raised about the child's safety that no one has closed: open, not done.
fn open_concerns(conn: &Connection) -> Result<std::collections::HashMap<i64, Vec<OpenConcern>>> {
    let mut stmt = conn
        .prepare(
            "SELECT child_id, due_on, detail FROM tasks
             WHERE kind = 'escalation' AND closed = 0 AND done_on IS NULL ORDER BY id",
        )
        .map_err(StoreError::sql("read open concerns for red flags"))?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .map_err(StoreError::sql("read open concerns for red flags"))?;
    let mut out: std::collections::HashMap<i64, Vec<OpenConcern>> = Default::default();
    for row in rows {
        let (child, due, detail) =
            row.map_err(StoreError::sql("read open concerns for red flags"))?;
        let Ok(TaskKind::Escalation { reason, .. }) = serde_json::from_str::<TaskKind>(&detail)
        else {
            continue;
        };
        if reason == EscalationReason::Unreached {
            continue;
        }
        if let Some(since) = date(Some(due)) {
            out.entry(child)
                .or_default()
                .push(OpenConcern { reason, since });
        }
    }
    Ok(out)
}

/// School-age children (6 to 17 on the day of the call) whose latest answer about school was
/// "not enrolled", with that call's day.
fn not_in_school(conn: &Connection) -> Result<std::collections::HashMap<i64, NaiveDate>> {
    let mut stmt = conn
        .prepare(
            "SELECT k.child_id, k.called_on, json_extract(k.answers, '$.enrolled_in_school'),
                    c.birth_date
             FROM calls k JOIN children c ON c.id = k.child_id
             WHERE json_extract(k.answers, '$.enrolled_in_school') IS NOT NULL
             ORDER BY k.child_id, k.called_on, k.id",
        )
        .map_err(StoreError::sql("read school answers for red flags"))?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })
        .map_err(StoreError::sql("read school answers for red flags"))?;
    let mut latest: std::collections::HashMap<i64, (NaiveDate, bool, Option<String>)> =
        Default::default();
    for row in rows {
        let (child, on, enrolled, birth) =
            row.map_err(StoreError::sql("read school answers for red flags"))?;
        if let Some(on) = date(Some(on)) {
            latest.insert(child, (on, enrolled, birth));
        }
    }
    Ok(latest
        .into_iter()
        .filter_map(|(child, (on, enrolled, birth))| {
            let age = BirthDate::parse(birth.as_deref()?, on).ok()?.age_on(on)?;
            (!enrolled && (SCHOOL_AGE_FROM..=SCHOOL_AGE_TO).contains(&age)).then_some((child, on))
        })
        .collect())
}

/// Compulsory school age differs by state (5–8 to 16–18); 6 to 17 is asked about everywhere.
const SCHOOL_AGE_FROM: u32 = 6;
const SCHOOL_AGE_TO: u32 = 17;
