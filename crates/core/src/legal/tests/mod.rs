//! Fixed-date tables for every deadline rule and the labour and trafficking rules, in the
//! words of the cases they stand for. This file holds the shared helpers; one file per rule.

mod asylum;
mod in_absentia;
mod labour;
mod otip;
mod rule_versions;
mod sijs;
mod sources;
mod trafficking;
mod venue;

use chrono::{NaiveDate, NaiveTime};

use super::*;
use crate::casework::{BirthDate, UsState};

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d} is a date"))
}

pub(super) fn state(code: &str) -> UsState {
    UsState::parse(code).unwrap_or_else(|_| panic!("{code} is a state"))
}

pub(super) fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_else(|| panic!("{h}:{m} is a time"))
}

/// José Ramírez, child 17, pursuing SIJS with nothing filed yet.
pub(super) fn jose(born: NaiveDate, lives_in: &str) -> LegalFacts {
    LegalFacts {
        child_id: 17,
        birth_date: Some(BirthDate::Exact(born)),
        residence_state: Some(state(lives_in)),
        relief: ReliefPlan::new(vec![Pathway::Sijs(SijsProgress::default())], born)
            .unwrap_or_default(),
        ..LegalFacts::default()
    }
}

pub(super) fn none() -> ClinicOverrides {
    ClinicOverrides::new()
}

pub(super) fn of_kind(deadlines: &[Deadline], rule: RuleId) -> Option<&Deadline> {
    deadlines.iter().find(|d| d.rule.id == rule)
}
