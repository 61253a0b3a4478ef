//! The 18th birthday, a sponsor without a working number, and a closed case.

use super::{case, d, tasks_for, CallOutcome, ScheduleSettings, TaskKind};
use crate::casework::BirthDate;

fn age_out(born: &str, today: &str) -> Vec<(u16, String)> {
    let mut c = case("2026-10-07");
    c.birth_date = Some(BirthDate::parse(born, d(today)).expect("birth date"));
    tasks_for(&c, &ScheduleSettings::default(), d(today))
        .into_iter()
        .filter_map(|t| match t.kind {
            TaskKind::AgeOut { days_before } => Some((days_before, t.due_on.to_string())),
            _ => None,
        })
        .collect()
}

#[test]
fn the_18th_birthday_is_prepared_90_and_30_days_ahead() {
    // José Ramírez turns 18 on 2027-03-14.
    assert_eq!(
        age_out("2009-03-14", "2026-12-01"),
        vec![(90, "2026-12-14".into()), (30, "2027-02-12".into())]
    );
    // The day before the birthday both reminders are still open (overdue).
    assert_eq!(
        age_out("2009-03-14", "2027-03-13"),
        vec![(90, "2026-12-14".into()), (30, "2027-02-12".into())]
    );
}

#[test]
fn on_and_after_the_birthday_one_task_asks_whether_the_case_closes() {
    assert_eq!(
        age_out("2009-03-14", "2027-03-14"),
        vec![(0, "2027-03-14".into())]
    );
    // Already 18 at release: no reminder for a day long gone, the decision at once.
    assert_eq!(
        age_out("2008-05-02", "2026-12-01"),
        vec![(0, "2026-05-02".into())]
    );
}

#[test]
fn a_leap_day_birthday_turns_18_on_the_first_of_march() {
    assert_eq!(
        age_out("2008-02-29", "2026-03-01"),
        vec![(0, "2026-03-01".into())]
    );
    assert_eq!(
        age_out("2008-02-29", "2026-02-28"),
        vec![(90, "2025-12-01".into()), (30, "2026-01-30".into())]
    );
}

#[test]
fn an_estimated_birth_year_counts_from_the_first_of_january() {
    assert_eq!(
        age_out("~2009", "2026-12-01"),
        vec![(90, "2026-10-03".into()), (30, "2026-12-02".into())]
    );
}

#[test]
fn no_birth_date_no_age_out_task() {
    let c = case("2026-10-07");
    assert!(tasks_for(&c, &ScheduleSettings::default(), d("2026-12-01"))
        .iter()
        .all(|t| !matches!(t.kind, TaskKind::AgeOut { .. })));
}

#[test]
fn no_working_number_asks_for_one_from_that_day() {
    let mut c = case("2026-10-07");
    c.calls = vec![super::attempt(1, "2026-11-06", CallOutcome::WrongNumber)];
    c.no_working_phone_since = Some(d("2026-11-06"));
    let tasks = tasks_for(&c, &ScheduleSettings::default(), d("2026-11-09"));
    let find: Vec<_> = tasks
        .iter()
        .filter(|t| t.kind == TaskKind::FindPhone)
        .collect();
    assert_eq!(find.len(), 1, "{tasks:#?}");
    assert_eq!(find[0].due_on, d("2026-11-06"));
    assert_eq!(find[0].key, "phone:17:2026-11-06");
    // The call itself goes on: the next attempt stays due.
    assert!(tasks
        .iter()
        .any(|t| matches!(t.kind, TaskKind::SwbCall { attempt: 2, .. })));
}

#[test]
fn a_closed_case_has_no_tasks() {
    let mut c = case("2026-10-07");
    c.birth_date = Some(BirthDate::parse("2009-03-14", d("2026-12-01")).expect("birth"));
    c.no_working_phone_since = Some(d("2026-11-06"));
    assert!(!tasks_for(&c, &ScheduleSettings::default(), d("2026-12-01")).is_empty());
    c.open = false;
    assert_eq!(
        tasks_for(&c, &ScheduleSettings::default(), d("2026-12-01")),
        vec![]
    );
}
