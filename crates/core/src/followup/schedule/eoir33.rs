//! The EOIR-33: the change-of-address form due 5 business days after a move is recorded.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CaseFacts, Task, TaskKind};
use crate::followup::calendar::add_business_days;

/// Business days allowed to file an EOIR-33 after a change of address.
pub const EOIR33_BUSINESS_DAYS: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressChangeFact {
    pub id: i64,
    pub recorded_on: NaiveDate,
    pub eoir33_filed_on: Option<NaiveDate>,
}

/// The last day to file an EOIR-33 for an address change recorded on `recorded_on`.
pub fn eoir33_deadline(recorded_on: NaiveDate) -> NaiveDate {
    add_business_days(recorded_on, EOIR33_BUSINESS_DAYS)
}

/// An EOIR-33 task for each recorded address change not yet filed.
pub(super) fn eoir33_tasks(case: &CaseFacts, tasks: &mut Vec<Task>) {
    let child = case.child_id;
    for change in case
        .address_changes
        .iter()
        .filter(|c| c.eoir33_filed_on.is_none())
    {
        tasks.push(Task {
            child_id: child,
            kind: TaskKind::Eoir33 {
                address_change_id: change.id,
            },
            due_on: eoir33_deadline(change.recorded_on),
            key: format!("eoir33:{child}:{}", change.id),
        });
    }
}
