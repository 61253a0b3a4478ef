//! SQL for hearings: adding one, recording its result, and reading them per child or between
//! two dates. Changes are called inside `Session` transactions only.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use tether_core::casework::{Court, HearingOutcome, HearingType};

use super::columns::hearing_kind_str;
use super::views::{CourtView, HearingView};
use crate::error::{Result, StoreError};
use crate::followup::views::{HearingDay, HearingItem};

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

/// Whether the child already has a hearing at `at_local` in `court`.
pub(crate) fn hearing_exists(
    conn: &Connection,
    child_id: i64,
    at_local: &str,
    court: &str,
) -> Result<bool> {
    conn.prepare_cached(
        "SELECT 1 FROM hearings WHERE child_id = ?1 AND at_local = ?2 AND court_code = ?3",
    )
    .and_then(|mut s| {
        s.query_row(params![child_id, at_local, court], |_| Ok(()))
            .optional()
    })
    .map(|found| found.is_some())
    .map_err(StoreError::sql("look for the same hearing"))
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

pub(crate) fn court_view(c: &Court) -> CourtView {
    CourtView {
        code: c.code.clone(),
        name: c.display_name(),
        address: c.address_lines(),
        time_zone: c.time_zone.clone(),
    }
}

/// One hearing of `child_id`, as the child's record shows it.
pub(crate) fn hearing(conn: &Connection, child_id: i64, hearing_id: i64) -> Result<HearingView> {
    hearings(conn, child_id)?
        .into_iter()
        .find(|h| h.id == hearing_id)
        .ok_or_else(|| StoreError::NotFound {
            kind: "hearing",
            id: hearing_id.to_string(),
        })
}

/// The child whose hearing `hearing_id` is.
/// The hearing's day (its local date), to tell a past hearing from a future one.
pub(crate) fn day_of(conn: &Connection, hearing_id: i64) -> Result<Option<NaiveDate>> {
    let at: Option<String> = conn
        .query_row(
            "SELECT substr(at_local, 1, 10) FROM hearings WHERE id = ?1",
            [hearing_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(StoreError::sql("find the hearing"))?;
    Ok(at.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()))
}

pub(crate) fn child_of(conn: &Connection, hearing_id: i64) -> Result<i64> {
    conn.query_row(
        "SELECT child_id FROM hearings WHERE id = ?1",
        [hearing_id],
        |r| r.get(0),
    )
    .optional()
    .map_err(StoreError::sql("find the hearing"))?
    .ok_or_else(|| StoreError::NotFound {
        kind: "hearing",
        id: hearing_id.to_string(),
    })
}

pub(crate) fn set_result(
    conn: &Connection,
    hearing_id: i64,
    outcome: Option<HearingOutcome>,
    judge: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE hearings SET outcome = ?1, judge = ?2 WHERE id = ?3",
        params![outcome.map(|o| o.as_str()), judge, hearing_id],
    )
    .map_err(StoreError::sql("record the hearing"))?;
    Ok(())
}

/// The columns of a `HearingItem` over `hearings h JOIN children c`, in `hearing_item`'s order.
const ITEM_COLUMNS: &str = "h.id, c.id, c.case_number, c.given_name || ' ' || c.family_name,
    h.at_local, h.court_code, h.kind, h.outcome";

/// The open cases' hearings from `?1` to the day before `?2` (court local dates): `at_local`
/// starts with the date, so this is a range of its index (`+c.status` keeps the planner from
/// starting at every open case instead: 130 ms rather than a few at 100,000 children).
const IN_RANGE: &str = "FROM hearings h JOIN children c ON c.id = h.child_id
    WHERE h.at_local >= ?1 AND h.at_local < ?2 AND +c.status = 'open'";

fn hearing_item(r: &rusqlite::Row<'_>) -> rusqlite::Result<HearingItem> {
    let code: String = r.get(5)?;
    let court = Court::by_code(&code);
    Ok(HearingItem {
        hearing_id: r.get(0)?,
        child_id: r.get(1)?,
        case_number: r.get(2)?,
        child_name: r.get(3)?,
        at: r.get(4)?,
        court_name: court.map(|c| c.display_name()),
        time_zone: court.map(|c| c.time_zone.clone()),
        court_code: code,
        kind: r.get(6)?,
        outcome: r.get(7)?,
    })
}

/// The bounds of `IN_RANGE` for the days `from` to `to` inclusive.
fn range_args(from: NaiveDate, to: NaiveDate) -> [String; 2] {
    [from.to_string(), to.succ_opt().unwrap_or(to).to_string()]
}

/// Hearings from `from` to `to` inclusive (court local dates), for the calendar.
pub(crate) fn between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<HearingItem>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {ITEM_COLUMNS} {IN_RANGE} ORDER BY h.at_local, h.id"
        ))
        .map_err(StoreError::sql("read hearings"))?;
    let rows = stmt
        .query_map(range_args(from, to), hearing_item)
        .map_err(StoreError::sql("read hearings"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("read hearings"))
}

/// Each day from `from` to `to` that has hearings: how many, and the first `per_day` of them
/// by time (a month's grid shows a few per day; a day's own list shows all of them).
pub(crate) fn calendar_days(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    per_day: u32,
) -> Result<Vec<HearingDay>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT * FROM (
                SELECT {ITEM_COLUMNS},
                    row_number() OVER (PARTITION BY substr(h.at_local, 1, 10)
                        ORDER BY h.at_local, h.id) AS nth,
                    count(*) OVER (PARTITION BY substr(h.at_local, 1, 10)) AS on_day
                {IN_RANGE}
             ) WHERE nth <= ?3 ORDER BY 5, 1"
        ))
        .map_err(StoreError::sql("read hearings"))?;
    let [start, end] = range_args(from, to);
    let rows = stmt
        .query_map(rusqlite::params![start, end, per_day], |r| {
            Ok((hearing_item(r)?, r.get::<_, u32>(8)?, r.get::<_, u32>(9)?))
        })
        .map_err(StoreError::sql("read hearings"))?;
    let mut days: Vec<HearingDay> = Vec::new();
    for row in rows {
        let (item, _, total) = row.map_err(StoreError::sql("read hearings"))?;
        let day = item.at.get(..10).unwrap_or(&item.at).to_owned();
        match days.last_mut() {
            Some(d) if d.day == day => d.hearings.push(item),
            _ => days.push(HearingDay {
                day,
                total,
                hearings: vec![item],
            }),
        }
    }
    Ok(days)
}
