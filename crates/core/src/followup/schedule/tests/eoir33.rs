//! Tests of the EOIR-33 deadline.

use super::{case, d, only_task};
use crate::followup::schedule::{
    eoir33_deadline, tasks_for, AddressChangeFact, ScheduleSettings, TaskKind,
};

#[test]
fn eoir33_due_five_business_days_after_recording_across_thanksgiving() {
    let mut c = case("2026-10-07");
    c.release_date = None;
    c.address_changes = vec![
        AddressChangeFact {
            id: 3,
            recorded_on: d("2026-11-23"),
            eoir33_filed_on: None,
        },
        AddressChangeFact {
            id: 2,
            recorded_on: d("2026-10-01"),
            eoir33_filed_on: Some(d("2026-10-02")),
        },
    ];
    let task = only_task(&c, "2026-11-23");
    assert_eq!(
        task.kind,
        TaskKind::Eoir33 {
            address_change_id: 3
        }
    );
    assert_eq!(task.due_on, d("2026-12-01"));
    assert_eq!(task.key, "eoir33:17:3");
    assert_eq!(eoir33_deadline(d("2026-11-23")), d("2026-12-01"));
    // Filed: closed.
    c.address_changes[0].eoir33_filed_on = Some(d("2026-11-30"));
    assert_eq!(
        tasks_for(&c, &ScheduleSettings::default(), d("2026-11-30")),
        vec![]
    );
}
