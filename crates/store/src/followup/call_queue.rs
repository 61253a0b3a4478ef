//! The call queue: the Safety & Well-Being call attempts due in a window of days, overdue
//! first, a page at a time. The sponsor's phones, the call's earlier attempts and the
//! sponsor's local time are read for the rows of the page only, so a page costs the same
//! whether the queue holds ten calls or a hundred thousand.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use tether_core::casework::redaction::Visibility;
use tether_core::followup::{callable_now, sponsor_local_time, ScheduleSettings, TaskKind};

use super::due_set::DueSet;
use super::tasks::shown_name;
use super::views::{CallDue, DueWindow, PageRange, PriorAttempt};
use crate::error::{Result, StoreError};

/// What every row of the queue is read against: the day, the moment, the calling window and
/// what the reader may see.
pub(crate) struct QueueReader<'a> {
    /// Overdue means before today, whatever window the queue is asked for.
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    pub settings: &'a ScheduleSettings,
    pub vis: &'a Visibility,
}

/// Each call's own columns, over `tasks t JOIN children c LEFT JOIN sponsors s`.
const CALL_COLUMNS: &str = "SELECT t.id, t.child_id, c.case_number, c.given_name, c.family_name,
        s.given_name || ' ' || s.family_name,
        (SELECT e164 FROM sponsor_phones p WHERE p.sponsor_id = s.id
         ORDER BY p.not_working_on IS NOT NULL, p.position LIMIT 1),
        t.attempt, t.due_on, s.time_zone, c.primary_language, c.interpreter_needed,
        s.id, t.detail";

const CALL_TABLES: &str = "JOIN children c ON c.id = t.child_id
     LEFT JOIN sponsors s ON s.id = c.sponsor_id";

fn due_calls(window: &DueWindow) -> DueSet<'_> {
    DueSet {
        window,
        kinds: &["swb_call"],
    }
}

/// How many calls the window holds.
pub(crate) fn count(conn: &Connection, window: &DueWindow) -> Result<u32> {
    due_calls(window).count(conn)
}

/// Every call the window holds, in queue order (due day, then task): one pass over the task
/// index with the cases beside it.
pub(crate) fn all(
    conn: &Connection,
    window: &DueWindow,
    reader: &QueueReader<'_>,
) -> Result<Vec<CallDue>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "{CALL_COLUMNS} FROM tasks t {CALL_TABLES}
             WHERE t.closed = 0 AND t.kind = 'swb_call' AND t.due_on >= ?1 AND t.due_on <= ?2
               AND c.status = 'open' AND (?3 IS NULL OR c.assigned_to = ?3)
             ORDER BY t.due_on, t.id"
        ))
        .map_err(StoreError::sql("read the call queue"))?;
    let rows = stmt
        .query_map(
            params![
                window.lower_bound(),
                window.to.to_string(),
                window.assigned_to
            ],
            |r| call_from_row(r, reader),
        )
        .map_err(StoreError::sql("read the call queue"))?;
    complete_all(conn, rows, reader)
}

/// `range` of the window's calls in queue order: their ids from the task index, then those
/// rows only.
pub(crate) fn page(
    conn: &Connection,
    window: &DueWindow,
    range: PageRange,
    reader: &QueueReader<'_>,
) -> Result<Vec<CallDue>> {
    let ids = due_calls(window).ids(conn, range)?;
    let mut stmt = conn
        .prepare_cached(&format!(
            // From the ids, in their order: never a scan of the task table.
            "{CALL_COLUMNS} FROM json_each(?1) j CROSS JOIN tasks t ON t.id = j.value
             {CALL_TABLES}
             WHERE c.status = 'open' ORDER BY j.key"
        ))
        .map_err(StoreError::sql("read the call queue"))?;
    let ids_json = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
    let rows = stmt
        .query_map([ids_json], |r| call_from_row(r, reader))
        .map_err(StoreError::sql("read the call queue"))?;
    complete_all(conn, rows, reader)
}

type Row = (CallDue, Option<i64>, u16);

fn call_from_row(r: &rusqlite::Row<'_>, reader: &QueueReader<'_>) -> rusqlite::Result<Row> {
    let offset_days = match serde_json::from_str::<TaskKind>(&r.get::<_, String>(13)?) {
        Ok(TaskKind::SwbCall { offset_days, .. }) => offset_days,
        _ => 0,
    };
    let due_on: String = r.get(8)?;
    let given: String = r.get(3)?;
    let family: String = r.get(4)?;
    let (start, end) = reader.settings.calling_window;
    let call = CallDue {
        task_id: r.get(0)?,
        child_id: r.get(1)?,
        case_number: r.get(2)?,
        child_name: shown_name(&given, &family, reader.vis),
        sponsor_name: r.get(5)?,
        sponsor_phone: r.get(6)?,
        attempt: r.get::<_, Option<u8>>(7)?.unwrap_or(1),
        overdue: due_on < reader.today.to_string(),
        due_on,
        sponsor_local_time: None,
        callable_now: false,
        sponsor_time_zone: r.get(9)?,
        language: r.get(10)?,
        interpreter_needed: r.get(11)?,
        sponsor_phones: Vec::new(),
        sponsor_phones_not_working: Vec::new(),
        calling_window: format!("{}–{}", start.format("%H:%M"), end.format("%H:%M")),
        prior_attempts: Vec::new(),
    };
    Ok((call, r.get::<_, Option<i64>>(12)?, offset_days))
}

fn complete_all(
    conn: &Connection,
    rows: impl Iterator<Item = rusqlite::Result<Row>>,
    reader: &QueueReader<'_>,
) -> Result<Vec<CallDue>> {
    let due: Vec<Row> = rows
        .collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("read the call queue"))?;
    due.into_iter()
        .map(|(call, sponsor_id, offset_days)| {
            complete(conn, call, sponsor_id, offset_days, reader)
        })
        .collect()
}

/// One row's own reads: the sponsor's phones, the call's earlier attempts, the local time.
fn complete(
    conn: &Connection,
    mut call: CallDue,
    sponsor_id: Option<i64>,
    offset_days: u16,
    reader: &QueueReader<'_>,
) -> Result<CallDue> {
    if let Some(sid) = sponsor_id {
        for (phone, not_working) in crate::casework::sponsors::phones(conn, sid)? {
            if not_working.is_some() {
                call.sponsor_phones_not_working.push(phone.clone());
            }
            call.sponsor_phones.push(phone);
        }
    }
    call.prior_attempts = prior_attempts(conn, call.child_id, offset_days)?;
    if let Some(tz) = call.sponsor_time_zone.as_deref() {
        call.sponsor_local_time =
            sponsor_local_time(reader.now, tz).map(|t| t.format("%Y-%m-%d %H:%M").to_string());
        call.callable_now = callable_now(reader.now, tz, reader.settings.calling_window);
    }
    Ok(call)
}

/// The attempts already logged on the child's call at `offset_days` (its day after release).
fn prior_attempts(conn: &Connection, child_id: i64, offset_days: u16) -> Result<Vec<PriorAttempt>> {
    conn.prepare_cached(
        "SELECT attempt, called_on, outcome FROM calls
         WHERE child_id = ?1 AND offset_days = ?2 ORDER BY called_at, id",
    )
    .and_then(|mut s| {
        s.query_map(params![child_id, offset_days], |r| {
            Ok(PriorAttempt {
                attempt: r.get(0)?,
                on: r.get(1)?,
                outcome: r.get(2)?,
            })
        })?
        .collect()
    })
    .map_err(StoreError::sql("read the call queue"))
}
