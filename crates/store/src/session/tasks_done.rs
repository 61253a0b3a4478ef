//! Tasks a person marks done, with what was done, by whom and on which day.
//!
//! What "done" changes depends on the kind: an ACIS check records the check date (the next
//! check follows 30 days later); an EOIR-33 records its filing date on the address change (the
//! deadline and its red flag end); an escalation, a hearing reminder or a hearing notice is
//! closed for good: the rules keep naming it, and the store keeps it done. A Safety &
//! Well-Being call is done by logging the call.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde_json::json;
use tether_core::followup::TaskKind;
use tether_core::{AuditAction, Permission};

use super::cases::Changed;
use super::Session;
use crate::audit_log::Target;
use crate::casework::children;
use crate::casework::columns::now;
use crate::error::{Result, StoreError};
use crate::followup::views::TaskView;

/// A note saying what was done: at least this many characters.
const MIN_DONE_NOTE_CHARS: usize = 3;

impl Session {
    /// Marks task `task_id` done on `on` (default today) with `note`; returns the task as it
    /// now stands.
    pub fn complete_task(
        &mut self,
        task_id: i64,
        note: &str,
        on: Option<NaiveDate>,
    ) -> Result<TaskView> {
        self.authorize(
            Permission::EditCases,
            AuditAction::TaskCompleted,
            Target::new("task", &task_id.to_string()),
        )?;
        let note = note.trim();
        if note.chars().count() < MIN_DONE_NOTE_CHARS {
            return Err(StoreError::invalid(
                "note",
                "say what was done (at least 3 characters)",
            ));
        }
        let today = self.today();
        let on = on.unwrap_or(today);
        if on > today {
            return Err(StoreError::invalid(
                "on",
                format!("{on} is in the future (today is {today})"),
            ));
        }
        let task = load(&self.conn, task_id)?;
        if let Some(done) = &task.done_on {
            return Err(StoreError::invalid(
                "task",
                format!("task {task_id} was already done on {done}"),
            ));
        }
        if task.closed {
            return Err(StoreError::invalid(
                "task",
                format!("task {task_id} is no longer open: the case changed since"),
            ));
        }
        let kind: TaskKind = serde_json::from_str(&task.detail).map_err(|_| {
            StoreError::invalid("task", format!("task {task_id} is of an unknown kind"))
        })?;
        if matches!(kind, TaskKind::SwbCall { .. }) {
            return Err(StoreError::invalid(
                "task",
                "a Safety & Well-Being call is done by logging it: tether calls log CHILD --outcome …",
            ));
        }
        let child = task.child_id;
        let me = self.user.name.clone();
        self.change_case(|tx, _| {
            match kind {
                TaskKind::AcisCheck => children::set_acis_checked(tx, child, on)?,
                TaskKind::Eoir33 { address_change_id } => {
                    tx.execute(
                        "UPDATE address_changes SET eoir33_filed_on = ?1 WHERE id = ?2",
                        params![on.to_string(), address_change_id],
                    )
                    .map_err(StoreError::sql("record the EOIR-33 filing"))?;
                }
                _ => {}
            }
            tx.execute(
                "UPDATE tasks SET closed = 1, done_on = ?1, done_by = ?2, done_note = ?3
                 WHERE id = ?4",
                params![on.to_string(), me, note, task_id],
            )
            .map_err(StoreError::sql("mark the task done"))?;
            let detail = json!({
                "task_id": task_id,
                "key": task.key,
                "kind": task.kind,
                "summary": crate::followup::tasks::summary(&task.detail),
                "reason": match kind {
                    TaskKind::Escalation { reason, .. } => Some(reason.as_str()),
                    _ => None,
                },
                "days_before": match kind {
                    TaskKind::HearingReminder { days_before, .. } => Some(days_before),
                    _ => None,
                },
                "on": on.to_string(),
                "note": note,
                "recorded_at": now(),
            });
            Ok(
                Changed::new((), AuditAction::TaskCompleted, "task", task_id)
                    .and_history(child, "task_done", detail)
                    .reschedule([child]),
            )
        })?;
        crate::followup::tasks::task_view(&self.conn, task_id, self.today(), &self.visibility())
    }
}

struct TaskRow {
    key: String,
    kind: String,
    child_id: i64,
    detail: String,
    closed: bool,
    done_on: Option<String>,
}

fn load(conn: &rusqlite::Connection, task_id: i64) -> Result<TaskRow> {
    conn.query_row(
        "SELECT key, kind, child_id, detail, closed, done_on FROM tasks WHERE id = ?1",
        [task_id],
        |r| {
            Ok(TaskRow {
                key: r.get(0)?,
                kind: r.get(1)?,
                child_id: r.get(2)?,
                detail: r.get(3)?,
                closed: r.get(4)?,
                done_on: r.get(5)?,
            })
        },
    )
    .optional()
    .map_err(StoreError::sql("read the task"))?
    .ok_or_else(|| StoreError::NotFound {
        kind: "task",
        id: task_id.to_string(),
    })
}
