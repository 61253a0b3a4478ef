//! The task table: kept in step with the rules by `reschedule`; one task read back. Lists of
//! tasks: `task_list` (every kind) and `call_queue` (the calls).

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use tether_core::casework::redaction::Visibility;
use tether_core::followup::{tasks_for, ScheduleSettings, Task, TaskKind};

use super::facts::case_facts;
use super::views::TaskView;
use crate::error::{Result, StoreError};

/// Every kind of task the table holds, as `kind_name` writes it. Lists and counts name the
/// kinds so that they read ranges of the task index: a kind missing here would be missing
/// from them (the test below checks every kind `kind_name` writes; the store's
/// `followup_pages` test, that the counts equal the whole lists).
pub const TASK_KINDS: &[&str] = &[
    "swb_call",
    "hearing_reminder",
    "acis_check",
    "eoir33",
    "escalation",
    "hearing_notice",
    "age_out",
    "find_phone",
    // Written by the legal schedule (`legal::schedule`).
    "legal_deadline",
    "legal_step",
    "concern_submit",
    "concern_report",
];

fn kind_name(kind: &TaskKind) -> &'static str {
    match kind {
        TaskKind::SwbCall { .. } => "swb_call",
        TaskKind::HearingReminder { .. } => "hearing_reminder",
        TaskKind::AcisCheck => "acis_check",
        TaskKind::Eoir33 { .. } => "eoir33",
        TaskKind::Escalation { .. } => "escalation",
        TaskKind::SendHearingNotice { .. } => "hearing_notice",
        TaskKind::AgeOut { .. } => "age_out",
        TaskKind::FindPhone => "find_phone",
    }
}

/// Brings one child's open tasks in line with the rules: new ones added, changed ones moved,
/// ones the rules no longer ask for closed. Running it twice changes nothing.
pub(crate) fn reschedule(
    conn: &Connection,
    child_id: i64,
    settings: &ScheduleSettings,
    today: NaiveDate,
) -> Result<()> {
    reschedule_with(conn, child_id, settings, today, true)
}

/// `reschedule`, with the legal rules' rows or without them (`legal: false` only for a
/// migration older than the legal tables, migration 12, which reschedules everyone again).
fn reschedule_with(
    conn: &Connection,
    child_id: i64,
    settings: &ScheduleSettings,
    today: NaiveDate,
    legal: bool,
) -> Result<()> {
    let facts = case_facts(conn, child_id)?;
    let tasks: Vec<Task> = tasks_for(&facts, settings, today);
    upsert_tasks(conn, child_id, &tasks)?;
    let mut keys: Vec<String> = tasks.iter().map(|t| t.key.clone()).collect();
    // The legal deadlines, steps and concern reports (issue 13) share the table.
    if facts.open && legal {
        let legal = crate::legal::schedule::rows(conn, child_id, today)?;
        keys.extend(crate::legal::schedule::upsert(conn, child_id, &legal)?);
    }
    let keys = serde_json::to_string(&keys).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "UPDATE tasks SET closed = 1 WHERE child_id = ?1 AND closed = 0
            AND key NOT IN (SELECT value FROM json_each(?2))",
    )
    .and_then(|mut s| s.execute(params![child_id, keys]))
    .map_err(StoreError::sql("close finished tasks"))?;
    Ok(())
}

/// Schedules a child created a moment ago from facts in hand (import: no read-back).
pub(crate) fn schedule_new(
    conn: &Connection,
    facts: &tether_core::followup::CaseFacts,
    settings: &ScheduleSettings,
    today: NaiveDate,
) -> Result<()> {
    upsert_tasks(conn, facts.child_id, &tasks_for(facts, settings, today))
}

fn upsert_tasks(conn: &Connection, child_id: i64, tasks: &[Task]) -> Result<()> {
    let mut upsert = conn
        .prepare_cached(
            "INSERT INTO tasks (key, child_id, kind, due_on, attempt, detail, closed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)
             ON CONFLICT (key) DO UPDATE SET due_on = excluded.due_on,
                attempt = excluded.attempt, detail = excluded.detail, closed = 0
             WHERE (tasks.due_on IS NOT excluded.due_on OR tasks.closed = 1
                OR tasks.detail IS NOT excluded.detail)
               AND tasks.done_on IS NULL",
        )
        .map_err(StoreError::sql("schedule tasks"))?;
    for t in tasks {
        let attempt = match t.kind {
            TaskKind::SwbCall { attempt, .. } => Some(attempt),
            _ => None,
        };
        let detail = serde_json::to_string(&t.kind).unwrap_or_default();
        upsert
            .execute(params![
                t.key,
                child_id,
                kind_name(&t.kind),
                t.due_on.to_string(),
                attempt,
                detail
            ])
            .map_err(StoreError::sql("schedule tasks"))?;
    }
    Ok(())
}

pub(crate) fn reschedule_all(conn: &Connection, today: NaiveDate) -> Result<usize> {
    let settings = crate::settings::schedule(conn)?;
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM children")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(StoreError::sql("schedule tasks"))?;
    let legal = crate::legal::schedule::schema_ready(conn)?;
    for &id in &ids {
        reschedule_with(conn, id, &settings, today, legal)?;
    }
    Ok(ids.len())
}

/// The child's open Safety & Well-Being call that is due first: the one an attempt belongs to.
pub(crate) fn first_open_call(conn: &Connection, child_id: i64) -> Result<Option<TaskKind>> {
    let detail: Option<String> = conn
        .query_row(
            "SELECT detail FROM tasks WHERE child_id = ?1 AND kind = 'swb_call' AND closed = 0
             ORDER BY due_on, id LIMIT 1",
            [child_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(StoreError::sql("find the open call"))?;
    Ok(detail.and_then(|d| serde_json::from_str::<TaskKind>(&d).ok()))
}

pub(crate) fn shown_name(given: &str, family: &str, vis: &Visibility) -> String {
    tether_core::casework::display_child_name(given, family, *vis)
}

/// One task, open or done, as `vis` may see it.
pub(crate) fn task_view(
    conn: &Connection,
    task_id: i64,
    today: NaiveDate,
    vis: &Visibility,
) -> Result<TaskView> {
    conn.prepare_cached(&format!("{TASK_SELECT} {TASK_FROM} WHERE t.id = ?1"))
        .and_then(|mut s| s.query_row([task_id], |r| task_from_row(r, &today.to_string(), vis)))
        .map_err(StoreError::sql("read the task"))
}

/// The columns `task_from_row` reads, over `tasks t JOIN children c`.
pub(crate) const TASK_SELECT: &str =
    "SELECT t.id, t.key, t.kind, t.child_id, c.case_number, c.given_name, c.family_name,
        t.due_on, t.detail, t.attempt, t.done_on, t.done_by, t.done_note";

/// The tables `TASK_SELECT` reads.
pub(crate) const TASK_FROM: &str = "FROM tasks t JOIN children c ON c.id = t.child_id";

pub(crate) fn task_from_row(
    r: &rusqlite::Row<'_>,
    today_text: &str,
    vis: &Visibility,
) -> rusqlite::Result<TaskView> {
    let given: String = r.get(5)?;
    let family: String = r.get(6)?;
    let due_on: String = r.get(7)?;
    let detail: String = r.get(8)?;
    let done_on: Option<String> = r.get(10)?;
    Ok(TaskView {
        task_id: r.get(0)?,
        key: r.get(1)?,
        child_id: r.get(3)?,
        case_number: r.get(4)?,
        child_name: shown_name(&given, &family, vis),
        overdue: done_on.is_none() && due_on.as_str() < today_text,
        due_on,
        summary: summary(&detail),
        attempt: r.get(9)?,
        kind: r.get(2)?,
        reason: match serde_json::from_str::<TaskKind>(&detail) {
            Ok(TaskKind::Escalation { reason, .. }) => Some(reason.as_str().to_owned()),
            _ => None,
        },
        days_before: match serde_json::from_str::<TaskKind>(&detail) {
            Ok(TaskKind::HearingReminder { days_before, .. }) => Some(days_before),
            Ok(TaskKind::AgeOut { days_before }) => u8::try_from(days_before).ok(),
            _ => None,
        },
        done_on,
        done_by: r.get(11)?,
        done_note: r.get(12)?,
    })
}

pub(crate) fn summary(detail: &str) -> String {
    match serde_json::from_str::<TaskKind>(detail) {
        Ok(TaskKind::SwbCall {
            offset_days,
            attempt,
        }) => {
            format!("Safety & Well-Being call (day {offset_days}), attempt {attempt}")
        }
        Ok(TaskKind::HearingReminder { days_before, .. }) => {
            format!("Hearing reminder call: the hearing is in {days_before} day(s)")
        }
        Ok(TaskKind::AcisCheck) => "Check the case in ACIS (1-800-898-7180)".into(),
        Ok(TaskKind::Eoir33 { .. }) => {
            "File the EOIR-33 change of address (due within 5 working days)".into()
        }
        Ok(TaskKind::Escalation { reason, .. }) => format!(
            "Escalation to the case manager: {}",
            match reason {
                tether_core::followup::EscalationReason::Unreached => {
                    "the family was not reached after every attempt"
                }
                tether_core::followup::EscalationReason::SafetyConcern => "a safety concern",
                tether_core::followup::EscalationReason::NotSafe => {
                    "the child said they do not feel safe"
                }
                tether_core::followup::EscalationReason::NotWithSponsor => {
                    "the child no longer lives with the sponsor"
                }
            }
        ),
        Ok(TaskKind::SendHearingNotice { .. }) => {
            "Send the hearing notice: the family does not know the court date".into()
        }
        Ok(TaskKind::AgeOut { days_before: 0 }) => {
            "Turned 18: close the case as turned_18, or note why it stays open".into()
        }
        Ok(TaskKind::AgeOut { days_before }) => {
            format!("Prepare for age-out: the 18th birthday is in {days_before} days")
        }
        Ok(TaskKind::FindPhone) => {
            "Find a working number: every number the sponsor has failed on a call".into()
        }
        Err(_) => crate::legal::schedule::summary(detail).unwrap_or_else(|| "Task".into()),
    }
}

#[cfg(test)]
mod tests {
    use tether_core::followup::{EscalationReason, TaskKind};

    use super::{kind_name, TASK_KINDS};

    /// A new kind is a compile error in `kind_name`'s match; add it here and to `TASK_KINDS`.
    #[test]
    fn every_kind_the_follow_up_scheduler_writes_is_listed_once() {
        let every_kind = [
            TaskKind::SwbCall {
                offset_days: 30,
                attempt: 1,
            },
            TaskKind::HearingReminder {
                hearing_id: 1,
                days_before: 7,
            },
            TaskKind::AcisCheck,
            TaskKind::Eoir33 {
                address_change_id: 1,
            },
            TaskKind::Escalation {
                offset_days: 30,
                reason: EscalationReason::Unreached,
            },
            TaskKind::SendHearingNotice { offset_days: 30 },
            TaskKind::AgeOut { days_before: 90 },
            TaskKind::FindPhone,
        ];
        for kind in every_kind.iter().map(kind_name) {
            assert_eq!(
                TASK_KINDS.iter().filter(|k| **k == kind).count(),
                1,
                "{kind}"
            );
        }
    }
}
