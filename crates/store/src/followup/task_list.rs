//! Lists of open tasks: every task due in a window of days, whole (the CLI, the calendar) or a
//! page at a time with its count (the window's Tasks screen), and how many are due.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use tether_core::casework::redaction::Visibility;

use super::due_set::DueSet;
use super::tasks::{task_from_row, TASK_FROM, TASK_KINDS, TASK_SELECT};
use super::views::{Page, PageRange, TaskFilter, TaskView};
use crate::error::{Result, StoreError};

/// Every task the filter holds, by due day (then task): the call tasks only for a role that
/// may not see the others (`Visibility::all_tasks`).
pub(crate) fn tasks_due(
    conn: &Connection,
    filter: &TaskFilter,
    today: NaiveDate,
    vis: &Visibility,
) -> Result<Vec<TaskView>> {
    let w = &filter.window;
    let mut stmt = conn
        .prepare_cached(&format!(
            "{TASK_SELECT} {TASK_FROM}
             WHERE t.closed = 0 AND t.due_on >= ?1 AND t.due_on <= ?2
               AND (?3 OR t.kind = 'swb_call') AND (?4 IS NULL OR t.kind = ?4)
               AND c.status = 'open' AND (?5 IS NULL OR c.assigned_to = ?5)
             ORDER BY t.due_on, t.id"
        ))
        .map_err(StoreError::sql("read tasks"))?;
    let today_text = today.to_string();
    let rows = stmt
        .query_map(
            params![
                w.lower_bound(),
                w.to.to_string(),
                vis.all_tasks,
                filter.kind,
                w.assigned_to
            ],
            |r| task_from_row(r, &today_text, vis),
        )
        .map_err(StoreError::sql("read tasks"))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(StoreError::sql("read tasks"))
}

/// `range` of the tasks the filter holds, most urgent first: escalations (safety first), then
/// the others; each by due day, then task. With how many the filter holds.
pub(crate) fn tasks_page(
    conn: &Connection,
    filter: &TaskFilter,
    range: PageRange,
    today: NaiveDate,
    vis: &Visibility,
) -> Result<Page<TaskView>> {
    let (urgent, others) = kinds(filter, vis);
    let urgent = DueSet {
        window: &filter.window,
        kinds: &urgent,
    };
    let others = DueSet {
        window: &filter.window,
        kinds: &others,
    };
    let escalations = urgent.count(conn)?;
    let total = escalations + others.count(conn)?;
    let mut ids = if range.offset < escalations {
        urgent.ids(conn, range)?
    } else {
        Vec::new()
    };
    let rest = PageRange {
        offset: range.offset.saturating_sub(escalations),
        limit: range
            .limit
            .saturating_sub(u32::try_from(ids.len()).unwrap_or(range.limit)),
    };
    ids.extend(others.ids(conn, rest)?);
    let items = by_id(conn, &ids, today, vis)?;
    Ok(Page { total, items })
}

/// How many tasks the filter holds.
pub(crate) fn count(conn: &Connection, filter: &TaskFilter, vis: &Visibility) -> Result<u32> {
    let (urgent, others) = kinds(filter, vis);
    let mut n = 0;
    for kinds in [urgent, others] {
        n += DueSet {
            window: &filter.window,
            kinds: &kinds,
        }
        .count(conn)?;
    }
    Ok(n)
}

/// The kinds the filter asks for that the role may see, escalations apart from the rest.
fn kinds(filter: &TaskFilter, vis: &Visibility) -> (Vec<&'static str>, Vec<&'static str>) {
    TASK_KINDS
        .iter()
        .copied()
        .filter(|k| filter.kind.is_none_or(|only| only == *k))
        .filter(|k| vis.all_tasks || *k == "swb_call")
        .partition(|k| *k == "escalation")
}

/// The tasks `ids` names, in that order (any of a case no longer open left out).
fn by_id(
    conn: &Connection,
    ids: &[i64],
    today: NaiveDate,
    vis: &Visibility,
) -> Result<Vec<TaskView>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            // From the ids, in their order: never a scan of the task table.
            "{TASK_SELECT} FROM json_each(?1) j CROSS JOIN tasks t ON t.id = j.value
             JOIN children c ON c.id = t.child_id
             WHERE c.status = 'open' ORDER BY j.key"
        ))
        .map_err(StoreError::sql("read tasks"))?;
    let today_text = today.to_string();
    let ids_json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    stmt.query_map([ids_json], |r| task_from_row(r, &today_text, vis))
        .and_then(|rows| rows.collect())
        .map_err(StoreError::sql("read tasks"))
}
