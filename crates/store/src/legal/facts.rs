//! Reading what the legal rules need about a child (`tether_core::legal::LegalFacts`) and the
//! clinic's own predicate-order ages.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use tether_core::casework::{BirthDate, UsState};
use tether_core::legal::{
    ClinicOverrides, InAbsentiaOrder, LegalFacts, MissedHearing, MoveFact, ReliefPlan, VenueMotion,
};

use crate::error::{Result, StoreError};

fn day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(s.get(..10).unwrap_or(&s), "%Y-%m-%d").ok())
}

fn state(s: Option<String>) -> Option<UsState> {
    s.and_then(|s| UsState::parse(&s).ok())
}

/// The child's relief plan; an empty one is "no relief identified yet". A plan stored by a
/// newer Tether that this one cannot read counts as empty rather than failing the case.
pub(crate) fn relief_plan(conn: &Connection, child_id: i64) -> Result<ReliefPlan> {
    let raw: Option<String> = conn
        .prepare_cached("SELECT plan FROM relief_plans WHERE child_id = ?1")
        .and_then(|mut s| s.query_row([child_id], |r| r.get(0)).optional())
        .map_err(StoreError::sql("read the relief plan"))?;
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default())
}

pub(crate) fn save_relief_plan(conn: &Connection, child_id: i64, plan: &ReliefPlan) -> Result<()> {
    let json = serde_json::to_string(plan).unwrap_or_else(|_| "[]".into());
    conn.execute(
        "INSERT INTO relief_plans (child_id, plan, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (child_id) DO UPDATE SET plan = excluded.plan, updated_at = excluded.updated_at",
        params![child_id, json, chrono::Utc::now().to_rfc3339()],
    )
    .map_err(StoreError::sql("save the relief plan"))?;
    Ok(())
}

pub(crate) fn in_absentia_order(conn: &Connection, hearing_id: i64) -> Result<InAbsentiaOrder> {
    let raw: Option<String> = conn
        .prepare_cached("SELECT order_json FROM in_absentia_orders WHERE hearing_id = ?1")
        .and_then(|mut s| s.query_row([hearing_id], |r| r.get(0)).optional())
        .map_err(StoreError::sql("read the in absentia order"))?;
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or(InAbsentiaOrder::NotYetChecked))
}

pub(crate) fn save_in_absentia_order(
    conn: &Connection,
    hearing_id: i64,
    child_id: i64,
    order: &InAbsentiaOrder,
) -> Result<()> {
    let json = serde_json::to_string(order).unwrap_or_default();
    conn.execute(
        "INSERT INTO in_absentia_orders (hearing_id, child_id, order_json, updated_at)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (hearing_id) DO UPDATE SET order_json = excluded.order_json,
            child_id = excluded.child_id, updated_at = excluded.updated_at",
        params![hearing_id, child_id, json, chrono::Utc::now().to_rfc3339()],
    )
    .map_err(StoreError::sql("save the in absentia order"))?;
    Ok(())
}

/// The child's date of birth, if recorded and readable.
pub(crate) fn birth_date(
    conn: &Connection,
    child_id: i64,
    today: NaiveDate,
) -> Result<Option<BirthDate>> {
    let raw: Option<String> = conn
        .prepare_cached("SELECT birth_date FROM children WHERE id = ?1")
        .and_then(|mut s| s.query_row([child_id], |r| r.get(0)))
        .map_err(StoreError::sql("read the date of birth"))?;
    Ok(raw.and_then(|b| BirthDate::parse(&b, today).ok()))
}

/// Everything the legal rules read about `child_id`.
pub(crate) fn legal_facts(
    conn: &Connection,
    child_id: i64,
    today: NaiveDate,
) -> Result<LegalFacts> {
    let (birth, court, sponsor_id, residence): (
        Option<String>,
        Option<String>,
        Option<i64>,
        Option<String>,
    ) = conn
        .prepare_cached(
            "SELECT c.birth_date, c.court_code, c.sponsor_id, s.address_state
             FROM children c LEFT JOIN sponsors s ON s.id = c.sponsor_id WHERE c.id = ?1",
        )
        .and_then(|mut s| {
            s.query_row([child_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
        })
        .map_err(StoreError::sql("read a case for the legal rules"))?;
    let trafficking_concern: bool = conn
        .prepare_cached(
            "SELECT count(*) > 0 FROM concerns WHERE child_id = ?1
             AND category IN ('trafficking_indicators', 'labour_exploitation')",
        )
        .and_then(|mut s| s.query_row([child_id], |r| r.get(0)))
        .map_err(StoreError::sql("read the concern reports"))?;
    let missed: Vec<(i64, Option<String>)> = conn
        .prepare_cached(
            "SELECT id, substr(at_local, 1, 10) FROM hearings
             WHERE child_id = ?1 AND outcome = 'missed' ORDER BY at_local, id",
        )
        .and_then(|mut s| {
            s.query_map([child_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(StoreError::sql("read missed hearings"))?;
    let mut missed_hearings = Vec::with_capacity(missed.len());
    for (hearing_id, on) in missed {
        let Some(hearing_on) = day(on) else { continue };
        missed_hearings.push(MissedHearing {
            hearing_id,
            hearing_on,
            order: in_absentia_order(conn, hearing_id)?,
        });
    }
    Ok(LegalFacts {
        child_id,
        birth_date: birth.and_then(|b| BirthDate::parse(&b, today).ok()),
        residence_state: state(residence),
        relief: relief_plan(conn, child_id)?,
        trafficking_concern,
        hearing_court: court,
        missed_hearings,
        moves: match sponsor_id {
            Some(sid) => moves(conn, sid)?,
            None => Vec::new(),
        },
    })
}

/// The sponsor's moves, each with the state it left (the address before it, the one at
/// release for the first move).
fn moves(conn: &Connection, sponsor_id: i64) -> Result<Vec<MoveFact>> {
    let rows: Vec<(i64, String, Option<String>, Option<String>)> = conn
        .prepare_cached(
            "SELECT id, kind, recorded_on, address_state FROM address_changes
             WHERE sponsor_id = ?1 ORDER BY id",
        )
        .and_then(|mut s| {
            s.query_map([sponsor_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(StoreError::sql("read the sponsor's moves"))?;
    let mut out = Vec::new();
    let mut previous: Option<UsState> = None;
    for (id, kind, recorded_on, to) in rows {
        let to_state = state(to);
        if kind == "move" {
            if let (Some(to_state), Some(recorded_on)) = (to_state, day(recorded_on)) {
                out.push(MoveFact {
                    move_id: id,
                    recorded_on,
                    from_state: previous,
                    to_state,
                    court_for_new_address: None,
                    venue_motion: VenueMotion::NotFiled,
                    eoir33_with_motion_filed: false,
                });
            }
        }
        previous = to_state.or(previous);
    }
    Ok(out)
}

/// The clinic's predicate-order ages (Settings), over the shipped table.
pub(crate) fn clinic_overrides(conn: &Connection) -> Result<ClinicOverrides> {
    let mut overrides = ClinicOverrides::new();
    for (code, age) in crate::settings::predicate_order_ages(conn)? {
        if let Ok(state) = UsState::parse(&code) {
            // A stored age the rules no longer accept is left out, not fatal.
            let _ = overrides.set_predicate_order_age(state, age);
        }
    }
    Ok(overrides)
}
