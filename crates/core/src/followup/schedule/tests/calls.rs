//! Tests of Safety & Well-Being calls: outcomes, first due days, attempts, escalations.

use chrono::NaiveDate;

use super::{attempt, case, d, only_task};
use crate::followup::schedule::{
    call_status, swb_first_due, tasks_for, CallAnswers, CallAttempt, CallOutcome, CallStatus,
    EscalationReason, ScheduleSettings, TaskKind, UnknownCallOutcome,
};

#[test]
fn outcome_parse_and_failure() {
    let cases = [
        ("reached_child", CallOutcome::ReachedChild, false),
        ("reached_sponsor", CallOutcome::ReachedSponsor, false),
        ("no_answer", CallOutcome::NoAnswer, true),
        (" Voicemail ", CallOutcome::Voicemail, true),
        ("wrong_number", CallOutcome::WrongNumber, true),
        ("refused", CallOutcome::Refused, true),
        ("safety_concern", CallOutcome::SafetyConcern, false),
    ];
    for (raw, want, failure) in cases {
        assert_eq!(CallOutcome::parse(raw), Ok(want), "{raw}");
        assert_eq!(want.is_failure(), failure, "{raw}");
        assert_eq!(CallOutcome::parse(want.as_str()), Ok(want));
    }
    assert_eq!(
        CallOutcome::parse("busy"),
        Err(UnknownCallOutcome("busy".into()))
    );
    assert!(CallOutcome::parse("").is_err());
    assert_eq!(
        serde_json::to_string(&CallOutcome::WrongNumber).expect("json"),
        "\"wrong_number\""
    );
}

#[test]
fn first_swb_call_moves_off_weekends_and_holidays() {
    let cases = [
        // Friday before Columbus Day; +30 is Sunday 2026-11-08 → Monday.
        ("2026-10-09", "2026-11-09"),
        // +30 is Veterans Day (Wednesday) → Thursday.
        ("2026-10-12", "2026-11-12"),
        // +30 is an ordinary Tuesday.
        ("2026-10-11", "2026-11-10"),
        // +30 is Saturday 2026-07-04; Friday July 3 is the observed holiday → Monday July 6.
        ("2026-06-04", "2026-07-06"),
    ];
    for (release, want) in cases {
        let task = only_task(&case(release), "2026-10-01");
        assert_eq!(
            task.kind,
            TaskKind::SwbCall {
                offset_days: 30,
                attempt: 1
            },
            "{release}"
        );
        assert_eq!(task.due_on, d(want), "{release}");
        assert_eq!(task.key, "swb:17:30:1");
    }
}

#[test]
fn next_attempt_after_a_failure_skips_weekends_and_holidays() {
    let cases = [
        // (release, failed on (a Friday), next attempt due)
        ("2026-10-07", "2026-11-06", "2026-11-09"), // Friday → Monday
        ("2026-09-09", "2026-10-09", "2026-10-13"), // Friday before Columbus Day → Tuesday
    ];
    for (release, failed, want) in cases {
        let mut c = case(release);
        assert_eq!(
            swb_first_due(d(release), 30),
            d(failed),
            "fixture: first due is the Friday"
        );
        c.calls = vec![attempt(1, failed, CallOutcome::NoAnswer)];
        let task = only_task(&c, failed);
        assert_eq!(
            task.kind,
            TaskKind::SwbCall {
                offset_days: 30,
                attempt: 2
            }
        );
        assert_eq!(task.due_on, d(want), "{failed}");
        assert_eq!(task.key, "swb:17:30:2");
    }
}

#[test]
fn three_failed_attempts_on_three_business_days_escalate_as_unreached() {
    let mut c = case("2026-10-07");
    c.calls = vec![
        attempt(1, "2026-11-06", CallOutcome::NoAnswer),
        attempt(2, "2026-11-09", CallOutcome::NoAnswer),
        attempt(3, "2026-11-10", CallOutcome::NoAnswer),
    ];
    assert_eq!(
        call_status(d("2026-10-07"), 30, &c.calls, 3),
        CallStatus::Unreached {
            last_attempt_on: d("2026-11-10")
        }
    );
    let task = only_task(&c, "2026-11-10");
    assert_eq!(
        task.kind,
        TaskKind::Escalation {
            offset_days: 30,
            reason: EscalationReason::Unreached
        }
    );
    // The next business day after Tuesday 2026-11-10 is Thursday (Veterans Day between).
    assert_eq!(task.due_on, d("2026-11-12"));
    assert_eq!(task.key, "escalation:17:30:unreached");
}

#[test]
fn two_failures_on_the_same_day_count_as_one_attempt() {
    let calls = vec![
        attempt(1, "2026-11-06", CallOutcome::NoAnswer),
        attempt(2, "2026-11-06", CallOutcome::Voicemail),
    ];
    assert_eq!(
        call_status(d("2026-10-07"), 30, &calls, 3),
        CallStatus::Open {
            next_attempt: 2,
            due_on: d("2026-11-09")
        }
    );
}

#[test]
fn safety_concern_escalates_the_same_day() {
    let mut c = case("2026-10-07");
    c.calls = vec![attempt(1, "2026-11-06", CallOutcome::SafetyConcern)];
    let task = only_task(&c, "2026-11-06");
    assert_eq!(
        task.kind,
        TaskKind::Escalation {
            offset_days: 30,
            reason: EscalationReason::SafetyConcern
        }
    );
    assert_eq!(task.due_on, d("2026-11-06"));
    assert_eq!(task.key, "escalation:17:30:safety_concern");

    // A later "reached" does not clear a safety concern.
    c.calls
        .push(attempt(2, "2026-11-09", CallOutcome::ReachedSponsor));
    assert_eq!(
        call_status(d("2026-10-07"), 30, &c.calls, 3),
        CallStatus::Escalated {
            on: d("2026-11-06")
        }
    );
}

#[test]
fn reaching_the_child_or_sponsor_closes_the_call() {
    for outcome in [CallOutcome::ReachedChild, CallOutcome::ReachedSponsor] {
        let mut c = case("2026-10-07");
        c.calls = vec![
            attempt(1, "2026-11-06", CallOutcome::WrongNumber),
            attempt(2, "2026-11-09", outcome),
        ];
        assert_eq!(
            tasks_for(&c, &ScheduleSettings::default(), d("2026-11-09")),
            vec![]
        );
    }
}

#[test]
fn several_offsets_are_separate_calls() {
    let mut c = case("2026-10-07");
    c.calls = vec![CallAttempt {
        offset_days: 7,
        attempt: 1,
        on: d("2026-10-14"),
        outcome: CallOutcome::ReachedChild,
        answers: CallAnswers::default(),
    }];
    let settings = ScheduleSettings {
        swb_offsets_days: vec![30, 7, 14, 14],
        ..ScheduleSettings::default()
    };
    let keys: Vec<String> = tasks_for(&c, &settings, d("2026-10-14"))
        .into_iter()
        .map(|t| format!("{} {}", t.due_on, t.key))
        .collect();
    assert_eq!(
        keys,
        vec!["2026-10-21 swb:17:14:1", "2026-11-06 swb:17:30:1"]
    );
}

/// José was reached on day 30 and said he does not feel safe: the call is done, but an
/// escalation is due that very day and stays whatever a later call says.
#[test]
fn a_reached_child_who_does_not_feel_safe_is_an_escalation_due_that_day() {
    let mut c = case("2026-10-07");
    let mut reached = attempt(1, "2026-11-06", CallOutcome::ReachedChild);
    reached.answers = CallAnswers {
        feels_safe: Some(false),
        still_with_sponsor: Some(true),
        enrolled_in_school: Some(true),
        knows_court_date: Some(true),
    };
    c.calls = vec![reached];
    let tasks = tasks_for(&c, &ScheduleSettings::default(), d("2026-11-06"));
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    assert_eq!(tasks[0].key, "escalation:17:30:not_safe");
    assert_eq!(tasks[0].due_on, d("2026-11-06"));
    assert!(matches!(
        tasks[0].kind,
        TaskKind::Escalation {
            reason: EscalationReason::NotSafe,
            ..
        }
    ));

    // A later call where all is well does not close it: a person does.
    let mut later = attempt(1, "2026-11-20", CallOutcome::ReachedChild);
    later.answers.feels_safe = Some(true);
    c.calls.push(later);
    let keys: Vec<String> = tasks_for(&c, &ScheduleSettings::default(), d("2026-11-20"))
        .into_iter()
        .map(|t| t.key)
        .collect();
    assert_eq!(keys, ["escalation:17:30:not_safe"]);
}

#[test]
fn not_with_the_sponsor_escalates_and_not_knowing_the_court_date_sends_the_notice() {
    let mut c = case("2026-10-07");
    let mut reached = attempt(1, "2026-11-06", CallOutcome::ReachedSponsor);
    reached.answers.still_with_sponsor = Some(false);
    reached.answers.knows_court_date = Some(false);
    c.calls = vec![reached];
    let tasks = tasks_for(&c, &ScheduleSettings::default(), d("2026-11-06"));
    let keys: Vec<(&str, NaiveDate)> = tasks.iter().map(|t| (t.key.as_str(), t.due_on)).collect();
    // Friday 6 November: the notice is due the next business day, Monday the 9th.
    assert_eq!(
        keys,
        [
            ("escalation:17:30:not_with_sponsor", d("2026-11-06")),
            ("notice:17:30", d("2026-11-09")),
        ]
    );
}
