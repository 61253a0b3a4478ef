//! Court hearings: reminders before each hearing to come, and the ACIS re-check while the NTA
//! is served and no hearing is known yet.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{CaseFacts, Task, TaskKind};
use crate::casework::{HearingOutcome, NtaStatus};

/// Days between ACIS re-checks.
pub const ACIS_RECHECK_DAYS: u64 = 30;
/// Days before a hearing that a reminder is due.
pub const HEARING_REMINDER_DAYS: [u8; 2] = [7, 1];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingFact {
    pub id: i64,
    /// The hearing's date in the court's time zone.
    pub date: NaiveDate,
    pub outcome: Option<HearingOutcome>,
}

/// A hearing still to come: no outcome recorded, and not before `today`.
fn upcoming(hearing: &HearingFact, today: NaiveDate) -> bool {
    hearing.outcome.is_none() && hearing.date >= today
}

/// A reminder 7 days and 1 day before each hearing to come, while it is still ahead.
pub(super) fn hearing_reminders(case: &CaseFacts, today: NaiveDate, tasks: &mut Vec<Task>) {
    let child = case.child_id;
    for hearing in case.hearings.iter().filter(|h| upcoming(h, today)) {
        for days_before in HEARING_REMINDER_DAYS {
            let Some(due_on) = hearing
                .date
                .checked_sub_days(Days::new(u64::from(days_before)))
            else {
                continue;
            };
            // No reminder on or after the hearing day; and once the 1-day reminder is due, the
            // 7-day one would only repeat it.
            let superseded = HEARING_REMINDER_DAYS
                .iter()
                .filter(|&&other| other < days_before)
                .any(|&other| {
                    hearing
                        .date
                        .checked_sub_days(Days::new(u64::from(other)))
                        .is_some_and(|d| d <= today)
                });
            if hearing.date <= today || superseded {
                continue;
            }
            tasks.push(Task {
                child_id: child,
                kind: TaskKind::HearingReminder {
                    hearing_id: hearing.id,
                    days_before,
                },
                due_on,
                key: format!("hearing:{child}:{}:{days_before}", hearing.id),
            });
        }
    }
}

/// An ACIS re-check every 30 days (from the last check, else from release) while the NTA is
/// served and no hearing to come is known.
pub(super) fn acis_check(case: &CaseFacts, today: NaiveDate, tasks: &mut Vec<Task>) {
    let child = case.child_id;
    let hearing_known = case.hearings.iter().any(|h| upcoming(h, today));
    if case.nta_status == NtaStatus::Served && !hearing_known {
        let due_on = case
            .last_acis_check
            .or(case.release_date)
            .map(|from| {
                from.checked_add_days(Days::new(ACIS_RECHECK_DAYS))
                    .unwrap_or(NaiveDate::MAX)
            })
            // Served, never checked, release date unknown: check now.
            .unwrap_or(today);
        tasks.push(Task {
            child_id: child,
            kind: TaskKind::AcisCheck,
            due_on,
            key: format!("acis:{child}:{due_on}"),
        });
    }
}
