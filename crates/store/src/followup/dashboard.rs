//! The dashboard's counts, each one query over the task table or the cases.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::views::{Dashboard, DayCount};
use crate::error::{Result, StoreError};

/// Every count for the day `on` except the open red flags, which are computed (the caller
/// adds them for those who may see flags).
pub(crate) fn counts(conn: &Connection, on: NaiveDate) -> Result<Dashboard> {
    let day = on.to_string();
    let week = (on + chrono::Days::new(7)).to_string();
    let count = |sql: &str, args: &[&dyn rusqlite::ToSql]| -> Result<u32> {
        conn.query_row(sql, args, |r| r.get(0))
            .map_err(StoreError::sql("count for the dashboard"))
    };
    let calls_due_today = count(
        "SELECT count(*) FROM tasks WHERE closed = 0 AND kind = 'swb_call' AND due_on = ?1",
        &[&day],
    )?;
    let calls_overdue = count(
        "SELECT count(*) FROM tasks WHERE closed = 0 AND kind = 'swb_call' AND due_on < ?1",
        &[&day],
    )?;
    // Closed, voided and merged cases have no open tasks; these two count beyond tasks.
    // `closed IN (0, 1)` (it is only ever one of them) makes this a range of the task index;
    // without it every open case's tasks were read (415 ms at 100,000 children).
    let unreached_children = count("SELECT count(DISTINCT t.child_id) FROM tasks t JOIN children c ON c.id = t.child_id WHERE c.status = 'open' AND t.closed IN (0, 1) AND t.kind = 'escalation' AND t.detail LIKE '%\"unreached\"%'", &[])?;
    // `at_local` starts with the court's local date, so the week is a range of its index
    // (`+c.status` keeps the planner from starting at every open case instead).
    let hearings_this_week = count("SELECT count(*) FROM hearings h JOIN children c ON c.id = h.child_id WHERE +c.status = 'open' AND h.at_local >= ?1 AND h.at_local < ?2", &[&day, &week])?;
    let nta_not_served = count(
        "SELECT count(*) FROM children WHERE nta_status = 'not_served' AND status = 'open'",
        &[],
    )?;
    // Every kind named, so each count is ranges of the task index, not a scan of it.
    let kinds = super::tasks::TASK_KINDS
        .iter()
        .map(|k| format!("'{k}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let tasks_due_today = count(
        &format!(
            "SELECT count(*) FROM tasks WHERE closed = 0 AND kind IN ({kinds}) AND due_on = ?1"
        ),
        &[&day],
    )?;
    let tasks_overdue = count(
        &format!(
            "SELECT count(*) FROM tasks WHERE closed = 0 AND kind IN ({kinds}) AND due_on < ?1"
        ),
        &[&day],
    )?;
    let escalations_open = count(
        "SELECT count(*) FROM tasks WHERE closed = 0 AND kind = 'escalation' AND due_on <= ?1",
        &[&day],
    )?;
    let mut calls_by_day = Vec::with_capacity(14);
    let mut stmt = conn
        .prepare_cached(
            "SELECT count(*) FROM tasks WHERE closed = 0 AND kind = 'swb_call' AND due_on = ?1",
        )
        .map_err(StoreError::sql("count for the dashboard"))?;
    for i in 0..14 {
        let d = (on + chrono::Days::new(i)).to_string();
        let n: u32 = stmt
            .query_row([&d], |r| r.get(0))
            .map_err(StoreError::sql("count for the dashboard"))?;
        calls_by_day.push(DayCount { day: d, count: n });
    }
    Ok(Dashboard {
        on: day,
        calls_due_today,
        calls_overdue,
        unreached_children,
        hearings_this_week,
        open_flags: 0,
        nta_not_served,
        tasks_due_today,
        tasks_overdue,
        escalations_open,
        calls_by_day,
    })
}
