//! The open tasks of some kinds due in a window of days, counted and paged on the task index
//! alone (`tasks_open`: closed, kind, due_on, and the row id), so that a count or a page far
//! down costs an index range, not a read of every task row.
//!
//! Without an assignee this relies on the scheduler's invariant that an open task belongs to
//! an open case (`tether_core::followup::tasks_for` gives a case that is not open no task,
//! and `change_case` reschedules every case it touches, in the same transaction), so the
//! case's status need not be read per task. With an assignee the set is read from the user's
//! open cases (`children_status`), then their tasks (`tasks_child`): as many rows as the
//! user's caseload, whatever the vault's size. The rows a page then shows are read by id,
//! with the case's status checked again.

use rusqlite::{params, Connection};

use super::views::{DueWindow, PageRange};
use crate::error::{Result, StoreError};

pub(crate) struct DueSet<'a> {
    pub window: &'a DueWindow,
    /// Kinds as the task table names them (`TASK_KINDS`): constants, never user text.
    pub kinds: &'a [&'static str],
}

impl DueSet<'_> {
    /// How many tasks the set holds.
    pub(crate) fn count(&self, conn: &Connection) -> Result<u32> {
        if self.kinds.is_empty() {
            return Ok(0);
        }
        conn.prepare_cached(&self.sql("count(*)", ""))
            .and_then(|mut s| {
                s.query_row(
                    params![
                        self.window.lower_bound(),
                        self.window.to.to_string(),
                        self.window.assigned_to
                    ],
                    |r| r.get(0),
                )
            })
            .map_err(StoreError::sql("count tasks"))
    }

    /// The ids of `range` of the set's tasks, by due day then task.
    pub(crate) fn ids(&self, conn: &Connection, range: PageRange) -> Result<Vec<i64>> {
        if self.kinds.is_empty() || range.limit == 0 {
            return Ok(Vec::new());
        }
        conn.prepare_cached(&self.sql("t.id", "ORDER BY t.due_on, t.id LIMIT ?4 OFFSET ?5"))
            .and_then(|mut s| {
                s.query_map(
                    params![
                        self.window.lower_bound(),
                        self.window.to.to_string(),
                        self.window.assigned_to,
                        range.limit,
                        range.offset
                    ],
                    |r| r.get(0),
                )?
                .collect()
            })
            .map_err(StoreError::sql("read tasks"))
    }

    /// `?1` from, `?2` to, `?3` the assignee (or NULL).
    fn sql(&self, select: &str, tail: &str) -> String {
        let kinds = self
            .kinds
            .iter()
            .map(|k| format!("'{k}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let due =
            format!("t.closed = 0 AND t.kind IN ({kinds}) AND t.due_on >= ?1 AND t.due_on <= ?2");
        if self.window.assigned_to.is_some() {
            format!(
                "SELECT {select} FROM children c CROSS JOIN tasks t ON t.child_id = c.id
                 WHERE c.status = 'open' AND c.assigned_to = ?3 AND {due} {tail}"
            )
        } else {
            format!("SELECT {select} FROM tasks t WHERE {due} AND ?3 IS NULL {tail}")
        }
    }
}
