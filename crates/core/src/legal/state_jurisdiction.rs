//! The age at which each state's courts can no longer issue an SIJS predicate order
//! (`data/sijs-state-jurisdiction.csv`, sources in `data/sijs-state-jurisdiction.SOURCES.md`).
//!
//! Every state, DC and inhabited territory has a row. A row is either `sourced` (an age, the
//! date from which it is known to apply, and its statute or case) or `confirm_locally`: no
//! source Tether could cite with confidence. An unsourced state is given 18, the earliest age
//! any state uses, so that its warnings can come too early but never too late; a clinic that
//! knows its state's rule sets its own value in `ClinicOverrides`, which wins over the table.
//!
//! A state may have several sourced rows (a law that changed); the one in force on `today`
//! applies. Before a state's first sourced row took effect, the state is treated as
//! unsourced.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::data::{rows, RuleDataError};
use crate::casework::UsState;

pub(super) const FILE: &str = "sijs-state-jurisdiction.csv";
const HEADER: &[&str] = &["state", "age", "status", "effective_from", "source", "note"];

/// The source every `confirm_locally` row carries, word for word.
pub const CONFIRM_LOCALLY_SOURCE: &str = "not yet sourced — confirm with local counsel";
/// The age assumed for a state without a sourced row: the earliest any state uses.
pub const CONFIRM_LOCALLY_AGE: u8 = 18;
/// The ages a state court's jurisdiction can end at (the issue names 18, 19 and 21; 20 is
/// allowed for a clinic's own value).
pub const PREDICATE_AGES: std::ops::RangeInclusive<u8> = 18..=21;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JurisdictionStatus {
    Sourced,
    ConfirmLocally,
}

/// One row of the state table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateJurisdiction {
    pub state: UsState,
    /// The birthday on which the state court's power to make the predicate order ends.
    pub age: u8,
    pub status: JurisdictionStatus,
    /// From when the row applies; `None` for a `confirm_locally` row (it is a placeholder,
    /// not a rule).
    pub effective_from: Option<NaiveDate>,
    pub source: String,
    /// What the source says, what was not checked, and why the date is what it is.
    pub note: String,
}

/// Where the age used for a state comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBasis {
    /// A sourced row of the shipped table.
    Sourced,
    /// The clinic's own value for its state.
    ClinicOverride,
    /// No sourced row applies: 18 assumed, to be confirmed with local counsel.
    ConfirmLocally,
}

/// The age that applies to one state on one day, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PredicateOrderAge {
    pub state: UsState,
    pub age: u8,
    pub basis: AgeBasis,
    /// The table row's source (for a clinic override, the table row it replaces).
    pub source: String,
    pub effective_from: Option<NaiveDate>,
    pub note: String,
}

impl PredicateOrderAge {
    pub fn confirm_locally(&self) -> bool {
        self.basis == AgeBasis::ConfirmLocally
    }
}

/// The shipped state table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateTable {
    rows: Vec<StateJurisdiction>,
}

impl StateTable {
    pub fn parse(csv: &str) -> Result<StateTable, RuleDataError> {
        let mut seen: Vec<(u64, StateJurisdiction)> = Vec::new();
        for row in rows(FILE, csv, HEADER)? {
            let code = row.required("state")?;
            let state = UsState::parse(code)
                .ok()
                .filter(|s| s.code() == code)
                .ok_or_else(|| row.invalid("state", code, "is not a USPS state code"))?;
            let age = row.number("age", 18..=21)?;
            let age = u8::try_from(age).map_err(|_| row.invalid("age", "", "is too large"))?;
            let raw_status = row.required("status")?;
            let status = match raw_status {
                "sourced" => JurisdictionStatus::Sourced,
                "confirm_locally" => JurisdictionStatus::ConfirmLocally,
                other => {
                    return Err(row.invalid("status", other, "is not sourced or confirm_locally"))
                }
            };
            let effective_from = row.optional_date("effective_from")?;
            let source = row.required("source")?.to_owned();
            match status {
                JurisdictionStatus::Sourced => {
                    if effective_from.is_none() {
                        return Err(row.date("effective_from").err().unwrap_or_else(|| {
                            row.invalid("effective_from", "", "is required for a sourced row")
                        }));
                    }
                    if source == CONFIRM_LOCALLY_SOURCE {
                        return Err(row.invalid(
                            "source",
                            &source,
                            "is the placeholder, but the row says sourced",
                        ));
                    }
                }
                JurisdictionStatus::ConfirmLocally => {
                    if let Some(date) = effective_from {
                        return Err(row.invalid(
                            "effective_from",
                            &date.to_string(),
                            "must be empty for a confirm_locally row",
                        ));
                    }
                    if source != CONFIRM_LOCALLY_SOURCE {
                        return Err(row.invalid(
                            "source",
                            &source,
                            format!("must be {CONFIRM_LOCALLY_SOURCE:?} for a confirm_locally row"),
                        ));
                    }
                    if age != CONFIRM_LOCALLY_AGE {
                        return Err(row.invalid(
                            "age",
                            &age.to_string(),
                            "must be 18 for a confirm_locally row",
                        ));
                    }
                }
            }
            let same_state = seen.iter().find(|(_, r)| r.state == state);
            if let Some((first, earlier)) = same_state {
                let both_sourced = earlier.status == JurisdictionStatus::Sourced
                    && status == JurisdictionStatus::Sourced;
                let same_date = seen
                    .iter()
                    .any(|(_, r)| r.state == state && r.effective_from == effective_from);
                if !both_sourced || same_date {
                    return Err(row.duplicate(*first, format!("state {code}")));
                }
            }
            seen.push((
                row.line(),
                StateJurisdiction {
                    state,
                    age,
                    status,
                    effective_from,
                    source,
                    note: row.text("note")?.to_owned(),
                },
            ));
        }
        let missing: Vec<&str> = UsState::all()
            .filter(|s| !seen.iter().any(|(_, r)| r.state == *s))
            .map(|s| s.code())
            .collect();
        if !missing.is_empty() {
            return Err(RuleDataError::Table {
                file: FILE,
                problem: format!("no row for {}", missing.join(", ")),
            });
        }
        Ok(StateTable {
            rows: seen.into_iter().map(|(_, r)| r).collect(),
        })
    }

    pub fn rows(&self) -> &[StateJurisdiction] {
        &self.rows
    }

    /// The age that applies in `state` on `today`: the clinic's value if it set one, else
    /// the sourced row in force, else 18 to be confirmed locally.
    pub fn predicate_order_age(
        &self,
        state: UsState,
        overrides: &ClinicOverrides,
        today: NaiveDate,
    ) -> PredicateOrderAge {
        let in_force = self
            .rows
            .iter()
            .filter(|r| {
                r.state == state
                    && r.status == JurisdictionStatus::Sourced
                    && r.effective_from.is_some_and(|d| d <= today)
            })
            .max_by_key(|r| r.effective_from);
        let placeholder = || PredicateOrderAge {
            state,
            age: CONFIRM_LOCALLY_AGE,
            basis: AgeBasis::ConfirmLocally,
            source: CONFIRM_LOCALLY_SOURCE.to_owned(),
            effective_from: None,
            note: self
                .rows
                .iter()
                .find(|r| r.state == state && r.status == JurisdictionStatus::ConfirmLocally)
                .map(|r| r.note.clone())
                .unwrap_or_default(),
        };
        let from_table = in_force.map_or_else(placeholder, |r| PredicateOrderAge {
            state,
            age: r.age,
            basis: AgeBasis::Sourced,
            source: r.source.clone(),
            effective_from: r.effective_from,
            note: r.note.clone(),
        });
        match overrides.predicate_order_age(state) {
            Some(age) => PredicateOrderAge {
                age,
                basis: AgeBasis::ClinicOverride,
                ..from_table
            },
            None => from_table,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OverrideError {
    #[error("predicate-order age for {state} is {age}; it must be from 18 to 21")]
    AgeOutOfRange { state: UsState, age: u8 },
}

/// A clinic's own values, which win over the shipped table. The lead's store keeps them as
/// settings; core only reads them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "BTreeMap<UsState, u8>", into = "BTreeMap<UsState, u8>")]
pub struct ClinicOverrides {
    predicate_order_ages: BTreeMap<UsState, u8>,
}

impl ClinicOverrides {
    pub fn new() -> ClinicOverrides {
        ClinicOverrides::default()
    }

    /// Sets the age at which `state`'s courts lose jurisdiction for predicate orders.
    pub fn set_predicate_order_age(
        &mut self,
        state: UsState,
        age: u8,
    ) -> Result<(), OverrideError> {
        if !PREDICATE_AGES.contains(&age) {
            return Err(OverrideError::AgeOutOfRange { state, age });
        }
        self.predicate_order_ages.insert(state, age);
        Ok(())
    }

    pub fn clear_predicate_order_age(&mut self, state: UsState) {
        self.predicate_order_ages.remove(&state);
    }

    pub fn predicate_order_age(&self, state: UsState) -> Option<u8> {
        self.predicate_order_ages.get(&state).copied()
    }
}

impl TryFrom<BTreeMap<UsState, u8>> for ClinicOverrides {
    type Error = OverrideError;
    fn try_from(ages: BTreeMap<UsState, u8>) -> Result<Self, Self::Error> {
        let mut out = ClinicOverrides::new();
        for (state, age) in ages {
            out.set_predicate_order_age(state, age)?;
        }
        Ok(out)
    }
}

impl From<ClinicOverrides> for BTreeMap<UsState, u8> {
    fn from(value: ClinicOverrides) -> Self {
        value.predicate_order_ages
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMBEDDED: &str = include_str!("../../data/sijs-state-jurisdiction.csv");

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn state(code: &str) -> UsState {
        UsState::parse(code).unwrap_or_else(|_| panic!("{code} is a state"))
    }

    fn table() -> StateTable {
        StateTable::parse(EMBEDDED).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_state_dc_and_territory_has_exactly_one_kind_of_row_with_a_source() {
        let table = table();
        assert_eq!(table.rows().len(), EMBEDDED.lines().count() - 1);
        for s in UsState::all() {
            let rows: Vec<_> = table.rows().iter().filter(|r| r.state == s).collect();
            assert!(!rows.is_empty(), "{s}");
            for r in rows {
                assert!(!r.source.trim().is_empty(), "{s}");
                assert!(PREDICATE_AGES.contains(&r.age), "{s}");
            }
        }
        let sourced = table
            .rows()
            .iter()
            .filter(|r| r.status == JurisdictionStatus::Sourced)
            .count();
        let unsourced = table.rows().len() - sourced;
        // The SOURCES file states these counts; change both together.
        assert_eq!((sourced, unsourced), (14, 42));
    }

    #[test]
    fn a_row_without_a_source_fails() {
        let csv = EMBEDDED.replacen(
            "AK,18,confirm_locally,,not yet sourced — confirm with local counsel,",
            "AK,18,confirm_locally,,,",
            1,
        );
        assert_ne!(csv, EMBEDDED);
        assert_eq!(
            StateTable::parse(&csv).err(),
            Some(RuleDataError::Empty {
                file: FILE,
                line: 3,
                column: "source"
            })
        );
        let csv = EMBEDDED.replacen(
            "TX,18,sourced,1995-04-20,\"Tex. Fam. Code § 101.003(a) (Acts 1995, 74th Leg., ch. 20)\"",
            "TX,18,sourced,1995-04-20,\"not yet sourced — confirm with local counsel\"",
            1,
        );
        assert_ne!(csv, EMBEDDED);
        assert!(matches!(
            StateTable::parse(&csv),
            Err(RuleDataError::Invalid {
                column: "source",
                ..
            })
        ));
    }

    #[test]
    fn bad_rows_name_the_problem() {
        let cases = [
            (
                "ZZ,18,confirm_locally,,not yet sourced — confirm with local counsel,",
                "state",
            ),
            (
                "Texas,18,confirm_locally,,not yet sourced — confirm with local counsel,",
                "state",
            ),
            ("TX,17,sourced,2020-01-01,Some statute,", "age"),
            ("TX,21,sourced,,Some statute,", "effective_from"),
            ("TX,21,sourced,2020-02-30,Some statute,", "effective_from"),
            ("TX,21,maybe,2020-01-01,Some statute,", "status"),
        ];
        for (row, column) in cases {
            let csv = format!("{EMBEDDED}{row}\n");
            let err = StateTable::parse(&csv).err();
            let got = match &err {
                Some(
                    RuleDataError::Invalid { column, .. } | RuleDataError::Empty { column, .. },
                ) => Some(*column),
                _ => None,
            };
            assert_eq!(got, Some(column), "{row}: {err:?}");
        }
        // A second row for a state is a new version only when both rows are sourced and
        // start on different days.
        let dup = format!(
            "{EMBEDDED}AK,18,confirm_locally,,not yet sourced — confirm with local counsel,\n"
        );
        assert!(matches!(
            StateTable::parse(&dup),
            Err(RuleDataError::Duplicate { .. })
        ));
        let same_day = format!("{EMBEDDED}TX,21,sourced,1995-04-20,A later statute,\n");
        assert!(matches!(
            StateTable::parse(&same_day),
            Err(RuleDataError::Duplicate { .. })
        ));
        let new_version = format!("{EMBEDDED}TX,21,sourced,2031-09-01,A later statute,\n");
        assert!(StateTable::parse(&new_version).is_ok());
        let missing: String = EMBEDDED
            .lines()
            .filter(|l| !l.starts_with("MP,"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(
            StateTable::parse(&missing).err().map(|e| e.to_string()),
            Some("sijs-state-jurisdiction.csv: no row for MP".to_owned())
        );
    }

    #[test]
    fn each_state_class_gives_its_age() {
        let table = table();
        let none = ClinicOverrides::new();
        let today = day(2026, 12, 1);
        let age = |code: &str| table.predicate_order_age(state(code), &none, today);
        for (code, want, basis) in [
            ("CA", 21, AgeBasis::Sourced),
            ("NY", 21, AgeBasis::Sourced),
            ("AL", 19, AgeBasis::Sourced),
            ("NE", 19, AgeBasis::Sourced),
            ("TX", 18, AgeBasis::Sourced),
            ("GA", 18, AgeBasis::ConfirmLocally),
            ("PR", 18, AgeBasis::ConfirmLocally),
        ] {
            let got = age(code);
            assert_eq!((got.age, got.basis), (want, basis), "{code}");
        }
        assert!(age("CA").source.contains("Cal. Prob. Code § 1510.1"));
        assert_eq!(age("GA").source, CONFIRM_LOCALLY_SOURCE);
        assert!(age("GA").confirm_locally());
        assert!(
            age("CT").note.contains("Henrry"),
            "the note travels with the placeholder"
        );
    }

    #[test]
    fn a_state_rule_applies_only_from_its_effective_date() {
        let table = table();
        let none = ClinicOverrides::new();
        let ca = |d| table.predicate_order_age(state("CA"), &none, d);
        assert_eq!(
            (ca(day(2015, 12, 31)).age, ca(day(2015, 12, 31)).basis),
            (18, AgeBasis::ConfirmLocally)
        );
        assert_eq!(
            (ca(day(2016, 1, 1)).age, ca(day(2016, 1, 1)).basis),
            (21, AgeBasis::Sourced)
        );
        // A future amendment in a clinic's own copy of the table waits for its day.
        let csv = format!("{EMBEDDED}TX,21,sourced,2031-09-01,A later Texas statute,\n");
        let amended = StateTable::parse(&csv).unwrap_or_else(|e| panic!("{e}"));
        let tx = |d| amended.predicate_order_age(state("TX"), &none, d).age;
        assert_eq!(tx(day(2031, 8, 31)), 18);
        assert_eq!(tx(day(2031, 9, 1)), 21);
    }

    #[test]
    fn a_clinic_value_wins_and_is_checked() {
        let table = table();
        let mut overrides = ClinicOverrides::new();
        assert_eq!(overrides.set_predicate_order_age(state("GA"), 21), Ok(()));
        assert_eq!(
            overrides.set_predicate_order_age(state("GA"), 17),
            Err(OverrideError::AgeOutOfRange {
                state: state("GA"),
                age: 17
            })
        );
        let ga = table.predicate_order_age(state("GA"), &overrides, day(2026, 12, 1));
        assert_eq!((ga.age, ga.basis), (21, AgeBasis::ClinicOverride));
        assert!(!ga.confirm_locally());
        overrides.clear_predicate_order_age(state("GA"));
        assert_eq!(overrides.predicate_order_age(state("GA")), None);

        let json = serde_json::to_string(&{
            let mut o = ClinicOverrides::new();
            let _ = o.set_predicate_order_age(state("NV"), 21);
            o
        })
        .unwrap_or_default();
        assert_eq!(json, r#"{"NV":21}"#);
        assert!(serde_json::from_str::<ClinicOverrides>(r#"{"NV":25}"#).is_err());
        assert_eq!(
            serde_json::from_str::<ClinicOverrides>(r#"{"nv":21}"#)
                .ok()
                .and_then(|o| o.predicate_order_age(state("NV"))),
            Some(21)
        );
    }
}
