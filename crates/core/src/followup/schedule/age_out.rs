//! The 18th birthday (ORR's custody and most follow-up end there; some relief deadlines do
//! not) and a sponsor with no working number.

use chrono::{Days, NaiveDate};

use super::{CaseFacts, Task, TaskKind};

/// The age at which a child ages out of ORR's care and of follow-up as a minor.
pub const AGE_OUT_YEARS: u32 = 18;

/// Days before the 18th birthday the age-out reminders are due, far one first.
pub const AGE_OUT_REMINDER_DAYS: [u16; 2] = [90, 30];

/// "Prepare for age-out" 90 and 30 days ahead; a reminder whose day has passed is still due
/// (overdue) until the birthday. From the birthday on, one task: the case is an adult's now,
/// decide whether it closes as `turned_18` (someone already 18 at release gets it at once).
pub(super) fn age_out_tasks(case: &CaseFacts, today: NaiveDate, tasks: &mut Vec<Task>) {
    let Some(eighteen) = case
        .birth_date
        .as_ref()
        .and_then(|b| b.birthday(AGE_OUT_YEARS))
    else {
        return;
    };
    let child = case.child_id;
    let mut push = |days_before: u16, due_on: NaiveDate| {
        tasks.push(Task {
            child_id: child,
            kind: TaskKind::AgeOut { days_before },
            due_on,
            key: format!("ageout:{child}:{days_before}"),
        });
    };
    if today >= eighteen {
        push(0, eighteen);
        return;
    }
    for days_before in AGE_OUT_REMINDER_DAYS {
        if let Some(due) = eighteen.checked_sub_days(Days::new(u64::from(days_before))) {
            push(days_before, due);
        }
    }
}

/// One task per day the last number stopped working: a later `wrong_number` after a new
/// number was found is a new task.
pub(super) fn find_phone_task(case: &CaseFacts, tasks: &mut Vec<Task>) {
    if let Some(since) = case.no_working_phone_since {
        let child = case.child_id;
        tasks.push(Task {
            child_id: child,
            kind: TaskKind::FindPhone,
            due_on: since,
            key: format!("phone:{child}:{since}"),
        });
    }
}
