//! Tests of the schedule: shared fixtures, and what holds across every rule (idempotent,
//! unique keys, the JSON shape). Per-rule cases are in the files beside this one.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{
    tasks_for, AddressChangeFact, CallAnswers, CallAttempt, CallOutcome, CaseFacts,
    EscalationReason, HearingFact, ScheduleSettings, Task, TaskKind,
};
use crate::casework::NtaStatus;

mod age_out;
mod calls;
mod eoir33;
mod hearings;
mod window;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn case(release: &str) -> CaseFacts {
    CaseFacts {
        child_id: 17,
        release_date: Some(d(release)),
        nta_status: NtaStatus::NotServed,
        hearings: vec![],
        last_acis_check: None,
        address_changes: vec![],
        calls: vec![],
        birth_date: None,
        open: true,
        no_working_phone_since: None,
    }
}

fn attempt(n: u8, on: &str, outcome: CallOutcome) -> CallAttempt {
    CallAttempt {
        offset_days: 30,
        attempt: n,
        on: d(on),
        outcome,
        answers: CallAnswers::default(),
    }
}

fn only_task(c: &CaseFacts, today: &str) -> Task {
    let tasks = tasks_for(c, &ScheduleSettings::default(), d(today));
    assert_eq!(tasks.len(), 1, "{tasks:#?}");
    tasks.into_iter().next().expect("one task")
}

#[test]
fn rescheduling_is_idempotent_with_unique_keys() {
    let mut c = case("2026-10-07");
    c.nta_status = NtaStatus::Served;
    c.calls = vec![attempt(1, "2026-11-06", CallOutcome::Voicemail)];
    c.hearings = vec![
        HearingFact {
            id: 9,
            date: d("2026-12-15"),
            outcome: None,
        },
        // The same hearing given twice.
        HearingFact {
            id: 9,
            date: d("2026-12-15"),
            outcome: None,
        },
    ];
    c.address_changes = vec![AddressChangeFact {
        id: 1,
        recorded_on: d("2026-11-23"),
        eoir33_filed_on: None,
    }];
    let settings = ScheduleSettings {
        swb_offsets_days: vec![7, 30, 60],
        ..ScheduleSettings::default()
    };
    let today = d("2026-11-06");
    let first = tasks_for(&c, &settings, today);
    let second = tasks_for(&c, &settings, today);
    assert_eq!(first, second);
    assert_eq!(first.len(), 6, "{first:#?}");
    let keys: BTreeSet<&str> = first.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(keys.len(), first.len());
    assert!(first.windows(2).all(|w| w[0].due_on <= w[1].due_on));
}

#[test]
fn tasks_serialise_with_tagged_kinds() {
    let task = Task {
        child_id: 17,
        kind: TaskKind::Escalation {
            offset_days: 30,
            reason: EscalationReason::Unreached,
        },
        due_on: d("2026-11-12"),
        key: "escalation:17:30:unreached".into(),
    };
    let json = serde_json::to_string(&task).expect("json");
    assert_eq!(
        json,
        r#"{"child_id":17,"kind":{"type":"escalation","offset_days":30,"reason":"unreached"},"due_on":"2026-11-12","key":"escalation:17:30:unreached"}"#
    );
    let back: Task = serde_json::from_str(&json).expect("round trip");
    assert_eq!(back, task);
}

#[test]
fn no_release_date_no_calls() {
    let mut c = case("2026-10-07");
    c.release_date = None;
    assert_eq!(
        tasks_for(&c, &ScheduleSettings::default(), d("2026-11-06")),
        vec![]
    );
}
