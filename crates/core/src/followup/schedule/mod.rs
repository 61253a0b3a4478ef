//! The follow-up tasks a case calls for, as pure values computed from the case's facts and
//! `today`.
//!
//! `tasks_for` returns every task that is open for the facts given: due, overdue and upcoming.
//! Each task has a stable `key`; the same facts give the same keys, so the store can insert
//! them idempotently (`INSERT … ON CONFLICT(key) DO NOTHING`) and keep "done" on its side.
//! A task whose facts change (a new call logged, an ACIS check recorded) disappears and a new
//! key takes its place.
//!
//! Rules:
//! - **Safety & Well-Being call** at release + each configured offset (default 30 days), moved
//!   to the next business day when that is a weekend or federal holiday. Up to `max_attempts`
//!   (default 3) attempts, each on a different day; after a failed attempt the next one is due
//!   the next business day. After the last failed attempt the call is unreached and an
//!   escalation is due the next business day; a safety concern escalates the same day; reaching
//!   the child or the sponsor closes the call.
//! - **Hearing reminders** 7 days and 1 day (calendar days) before each future hearing.
//! - **ACIS re-check** every 30 days while the NTA is served and no upcoming hearing is known.
//! - **EOIR-33** due 5 business days after the address change was recorded, open until filed.
//! - **Age-out**: 90 and 30 days before the 18th birthday; once 18, a task to decide whether the
//!   case closes. **Find a number** once every number the sponsor has is marked not working.
//! - A closed (or voided, or merged) case has no tasks at all.
//!
//! One file per rule: `calls.rs` (Safety & Well-Being calls and their escalations),
//! `hearings.rs` (hearing reminders, ACIS re-checks), `eoir33.rs` (the change-of-address
//! deadline); `window.rs` says when a sponsor may be called. This file holds the task and
//! fact shapes and `tasks_for`, which gathers every rule's tasks.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::casework::{BirthDate, NtaStatus};

mod age_out;
mod calls;
mod eoir33;
mod hearings;
mod window;

#[cfg(test)]
mod tests;

pub use age_out::{AGE_OUT_REMINDER_DAYS, AGE_OUT_YEARS};
pub use calls::{
    call_status, swb_first_due, CallAnswers, CallAttempt, CallOutcome, CallStatus,
    EscalationReason, UnknownCallOutcome,
};
pub use eoir33::{eoir33_deadline, AddressChangeFact, EOIR33_BUSINESS_DAYS};
pub use hearings::{HearingFact, ACIS_RECHECK_DAYS, HEARING_REMINDER_DAYS};
pub use window::{callable_now, sponsor_local_time, DEFAULT_CALLING_END, DEFAULT_CALLING_START};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TaskKind {
    /// A Safety & Well-Being call: the call at release + `offset_days`, attempt `attempt`.
    SwbCall {
        offset_days: u16,
        attempt: u8,
    },
    HearingReminder {
        hearing_id: i64,
        days_before: u8,
    },
    AcisCheck,
    Eoir33 {
        address_change_id: i64,
    },
    /// Escalation of the call at release + `offset_days`.
    Escalation {
        offset_days: u16,
        reason: EscalationReason,
    },
    /// The family said on the call at release + `offset_days` that they do not know the court
    /// date: send them the hearing notice.
    SendHearingNotice {
        offset_days: u16,
    },
    /// Prepare for the 18th birthday, `days_before` it (90, 30; 0 once the child is 18: decide
    /// whether the case closes as `turned_18`).
    AgeOut {
        days_before: u16,
    },
    /// Every number the sponsor has is marked not working: find one before the next call.
    FindPhone,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Task {
    pub child_id: i64,
    pub kind: TaskKind,
    pub due_on: NaiveDate,
    /// Stable idempotency key, e.g. `swb:17:30:2`, `hearing:17:5:7`, `acis:17:2026-12-01`,
    /// `eoir33:17:3`, `escalation:17:30:unreached`.
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFacts {
    pub child_id: i64,
    pub release_date: Option<NaiveDate>,
    pub nta_status: NtaStatus,
    pub hearings: Vec<HearingFact>,
    pub last_acis_check: Option<NaiveDate>,
    pub address_changes: Vec<AddressChangeFact>,
    pub calls: Vec<CallAttempt>,
    /// Date of birth, for the age-out reminders.
    #[serde(default)]
    pub birth_date: Option<BirthDate>,
    /// A closed, voided or merged case has no tasks.
    #[serde(default = "open_by_default")]
    pub open: bool,
    /// The day the sponsor's last working number was marked not working (a `wrong_number`
    /// call); `None` while one works or when the child has no sponsor.
    #[serde(default)]
    pub no_working_phone_since: Option<NaiveDate>,
}

fn open_by_default() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleSettings {
    /// Days after release of each Safety & Well-Being call (e.g. `[7, 14, 30]`).
    pub swb_offsets_days: Vec<u16>,
    /// Attempts per call before it is unreached; at least 1 is used.
    pub max_attempts: u8,
    /// Local calling window, start inclusive, end exclusive.
    pub calling_window: (NaiveTime, NaiveTime),
}

impl Default for ScheduleSettings {
    fn default() -> Self {
        ScheduleSettings {
            swb_offsets_days: vec![30],
            max_attempts: 3,
            calling_window: (DEFAULT_CALLING_START, DEFAULT_CALLING_END),
        }
    }
}

/// Every open task for the case: due, overdue and upcoming, sorted by due date then key, with
/// unique keys. The same facts and `today` always give the same tasks.
pub fn tasks_for(case: &CaseFacts, settings: &ScheduleSettings, today: NaiveDate) -> Vec<Task> {
    let mut tasks = Vec::new();
    if !case.open {
        return tasks;
    }
    age_out::age_out_tasks(case, today, &mut tasks);
    age_out::find_phone_task(case, &mut tasks);
    calls::swb_tasks(case, settings, &mut tasks);
    calls::answer_tasks(case, &mut tasks);
    hearings::hearing_reminders(case, today, &mut tasks);
    hearings::acis_check(case, today, &mut tasks);
    eoir33::eoir33_tasks(case, &mut tasks);

    let mut seen = BTreeSet::new();
    tasks.retain(|t| seen.insert(t.key.clone()));
    tasks.sort_by(|a, b| (a.due_on, &a.key).cmp(&(b.due_on, &b.key)));
    tasks
}
