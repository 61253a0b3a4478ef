//! Tests of hearing reminders and ACIS re-checks.

use super::{attempt, case, d};
use crate::casework::{HearingOutcome, NtaStatus};
use crate::followup::schedule::{
    tasks_for, CallOutcome, CaseFacts, HearingFact, ScheduleSettings, TaskKind,
};

#[test]
fn hearing_reminders_seven_and_one_day_before_future_hearings_only() {
    let mut c = case("2026-10-07");
    c.release_date = None;
    c.hearings = vec![
        HearingFact {
            id: 5,
            date: d("2026-11-20"),
            outcome: None,
        },
        HearingFact {
            id: 4,
            date: d("2026-10-20"),
            outcome: Some(HearingOutcome::Attended),
        },
        HearingFact {
            id: 3,
            date: d("2026-10-21"),
            outcome: None,
        },
    ];
    let got: Vec<(String, TaskKind, String)> =
        tasks_for(&c, &ScheduleSettings::default(), d("2026-11-01"))
            .into_iter()
            .map(|t| (t.due_on.to_string(), t.kind, t.key))
            .collect();
    assert_eq!(
        got,
        vec![
            (
                "2026-11-13".to_string(),
                TaskKind::HearingReminder {
                    hearing_id: 5,
                    days_before: 7
                },
                "hearing:17:5:7".to_string()
            ),
            (
                "2026-11-19".to_string(),
                TaskKind::HearingReminder {
                    hearing_id: 5,
                    days_before: 1
                },
                "hearing:17:5:1".to_string()
            ),
        ]
    );
}

#[test]
fn hearing_reminders_as_the_hearing_approaches() {
    let mut c = case("2026-10-07");
    c.release_date = None;
    c.hearings = vec![HearingFact {
        id: 5,
        date: d("2026-11-20"),
        outcome: None,
    }];
    let cases: [(&str, &[&str]); 5] = [
        ("2026-11-13", &["hearing:17:5:7", "hearing:17:5:1"]),
        ("2026-11-18", &["hearing:17:5:7", "hearing:17:5:1"]),
        ("2026-11-19", &["hearing:17:5:1"]),
        ("2026-11-20", &[]),
        ("2026-11-21", &[]),
    ];
    for (today, want) in cases {
        let keys: Vec<String> = tasks_for(&c, &ScheduleSettings::default(), d(today))
            .into_iter()
            .map(|t| t.key)
            .collect();
        assert_eq!(keys, want.to_vec(), "{today}");
    }
}

#[test]
fn acis_recheck_while_served_without_a_known_hearing() {
    let mut c = case("2026-10-07");
    c.calls = vec![attempt(1, "2026-11-06", CallOutcome::ReachedChild)];
    c.nta_status = NtaStatus::Served;
    let acis = |c: &CaseFacts, today: &str| -> Vec<(String, String)> {
        tasks_for(c, &ScheduleSettings::default(), d(today))
            .into_iter()
            .filter(|t| t.kind == TaskKind::AcisCheck)
            .map(|t| (t.due_on.to_string(), t.key))
            .collect()
    };
    // Never checked: release + 30.
    assert_eq!(
        acis(&c, "2026-10-08"),
        vec![("2026-11-06".into(), "acis:17:2026-11-06".into())]
    );
    // Checked: last check + 30.
    c.last_acis_check = Some(d("2026-11-06"));
    assert_eq!(
        acis(&c, "2026-11-06"),
        vec![("2026-12-06".into(), "acis:17:2026-12-06".into())]
    );
    // A future hearing is known: no re-check.
    c.hearings = vec![HearingFact {
        id: 1,
        date: d("2027-02-01"),
        outcome: None,
    }];
    assert_eq!(acis(&c, "2026-11-06"), vec![]);
    // That hearing is past: re-checks resume.
    assert_eq!(acis(&c, "2027-02-02").len(), 1);
    // Not served, or already filed: none.
    for status in [NtaStatus::NotServed, NtaStatus::Filed] {
        c.nta_status = status;
        assert_eq!(acis(&c, "2027-02-02"), vec![]);
    }
}
