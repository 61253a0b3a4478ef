//! Reading the facts the follow-up rules need from the vault.

use chrono::NaiveDate;
use rusqlite::Connection;
use tether_core::casework::{HearingOutcome, NtaStatus, SponsorCategory};
use tether_core::followup::{
    eoir33_deadline, AddressChangeFact, CallAttempt, CallOutcome, CaseFacts, ChildFacts,
    FlagInputs, HearingFact, SponsorFacts,
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
    let (release, nta_status, acis, sponsor_id): (Option<String>, String, Option<String>, Option<i64>) = conn
        .prepare_cached(
            "SELECT release_date, nta_status, last_acis_check, sponsor_id FROM children WHERE id = ?1",
        )
        .and_then(|mut s| s.query_row([child_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))))
        .map_err(StoreError::sql("read a case for scheduling"))?;
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
                "SELECT id, recorded_on, eoir33_filed_on FROM address_changes WHERE sponsor_id = ?1",
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
        .prepare_cached("SELECT offset_days, attempt, called_on, outcome FROM calls WHERE child_id = ?1 ORDER BY id")
        .and_then(|mut s| {
            s.query_map([child_id], |r| {
                Ok((r.get::<_, u16>(0)?, r.get::<_, u8>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(StoreError::sql("read calls for scheduling"))?
        .into_iter()
        .filter_map(|(offset_days, attempt, on, outcome)| {
            Some(CallAttempt {
                offset_days,
                attempt,
                on: date(Some(on))?,
                outcome: CallOutcome::parse(&outcome).ok()?,
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
            "SELECT id, given_name || ' ' || family_name, category, address_key, address_incomplete
             FROM sponsors ORDER BY id",
        )
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(SponsorFacts {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    category: r
                        .get::<_, Option<String>>(2)?
                        .and_then(|c| SponsorCategory::parse(&c).ok()),
                    address_key: r.get(3)?,
                    address_incomplete: r.get(4)?,
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
            "SELECT sponsor_id, recorded_on FROM address_changes WHERE eoir33_filed_on IS NULL",
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

    let mut stmt = conn
        .prepare(
            "SELECT c.id, c.given_name, c.family_name, c.release_date, c.nta_status, c.sponsor_id,
                EXISTS (SELECT 1 FROM hearings h WHERE h.child_id = c.id AND h.outcome = 'missed'),
                EXISTS (SELECT 1 FROM tasks t WHERE t.child_id = c.id AND t.kind = 'escalation'
                        AND t.detail LIKE '%\"unreached\"%')
             FROM children c WHERE c.sponsor_id IS NOT NULL ORDER BY c.id",
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
                r.get::<_, bool>(7)?,
            ))
        })
        .map_err(StoreError::sql("read children for red flags"))?;
    for row in rows {
        let (id, given, family, release, nta_status, sid, missed, unreached) =
            row.map_err(StoreError::sql("read children for red flags"))?;
        if let Some(&i) = index.get(&sid) {
            sponsors[i].children.push(ChildFacts {
                id,
                name: shown_name(&given, &family),
                release_date: date(release),
                nta_status: nta(&nta_status),
                missed_hearing: missed,
                unreached,
                eoir33_overdue_since: overdue.get(&sid).copied(),
            });
        }
    }
    Ok(FlagInputs { sponsors })
}
