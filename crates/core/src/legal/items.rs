//! What the legal rules produce for one child: deadlines (a last day, warned 180, 90 and 30
//! days ahead), tasks (steps with no legal deadline of their own) and notes (rules to keep in
//! mind so no one applies the wrong one). Each carries the rule it comes from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::in_absentia::ReopenGround;
use super::rules::Rule;
use super::state_jurisdiction::PredicateOrderAge;
use crate::casework::UsState;

/// How many days ahead a deadline is warned, farthest first. Tether's policy (issue 13), not
/// a legal rule.
pub const WARN_DAYS: [i64; 3] = [180, 90, 30];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarnLevel {
    /// 180 days or fewer are left.
    #[serde(rename = "within_180_days")]
    Within180Days,
    #[serde(rename = "within_90_days")]
    Within90Days,
    #[serde(rename = "within_30_days")]
    Within30Days,
    /// The last day has passed.
    Overdue,
}

impl WarnLevel {
    /// The warning for a deadline whose last day is `due`, on `today`; `None` while more than
    /// 180 days are left. The last day itself is still "within 30 days", not overdue.
    pub fn for_due(due: NaiveDate, today: NaiveDate) -> Option<WarnLevel> {
        let left = (due - today).num_days();
        let [far, mid, near] = WARN_DAYS;
        match left {
            l if l < 0 => Some(WarnLevel::Overdue),
            l if l <= near => Some(WarnLevel::Within30Days),
            l if l <= mid => Some(WarnLevel::Within90Days),
            l if l <= far => Some(WarnLevel::Within180Days),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            WarnLevel::Within180Days => "within_180_days",
            WarnLevel::Within90Days => "within_90_days",
            WarnLevel::Within30Days => "within_30_days",
            WarnLevel::Overdue => "overdue",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DeadlineKind {
    /// File the I-360 before the `age`th birthday.
    I360BeforeAge { age: u8 },
    /// Obtain the state predicate order while the state court has jurisdiction.
    PredicateOrder { jurisdiction: PredicateOrderAge },
    /// HHS (OTIP) must receive the Request for Assistance before the `age`th birthday.
    OtipRequestForAssistance { age: u8 },
    /// Motion to reopen an in absentia order, within the limit for exceptional circumstances.
    MotionToReopen {
        hearing_id: i64,
        order_on: NaiveDate,
        ground: ReopenGround,
    },
    /// The EOIR-33 that goes with that motion.
    Eoir33WithMotionToReopen { hearing_id: i64 },
}

/// A legal deadline: the last day to act, and how near it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// Stable for the same facts, for the store's task and flag tables: changes when the
    /// due date changes (a new birth date, a move to another state).
    pub key: String,
    pub child_id: i64,
    pub kind: DeadlineKind,
    /// The last day to act.
    pub due_on: NaiveDate,
    /// Days from `today` to `due_on`; negative when overdue.
    pub days_left: i64,
    /// `Some` makes the deadline a red flag.
    pub warn: Option<WarnLevel>,
    pub rule: Rule,
    pub explanation_en: String,
    pub explanation_es: String,
    /// The deadline rests on an unsourced state row: confirm with local counsel.
    pub confirm_locally: bool,
    /// The date of birth is only a year: the deadline counts from 1 January.
    pub birth_date_estimated: bool,
}

impl Deadline {
    pub fn is_red_flag(&self) -> bool {
        self.warn.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LegalTaskKind {
    /// A deadline needs the date of birth.
    RecordBirthDate,
    /// The predicate-order deadline needs the state where the child lives.
    RecordResidenceState,
    /// After a missed hearing: was an in absentia order entered?
    AskInAbsentiaOrder { hearing_id: i64 },
    /// Notice not received: a motion to reopen with no time limit.
    MotionToReopenNoTimeLimit {
        hearing_id: i64,
        order_on: NaiveDate,
    },
    /// The EOIR-33 to file with that motion.
    Eoir33WithMotionToReopen { hearing_id: i64 },
    /// The child moved to an area another court serves.
    ConsiderVenueChange { move_id: i64, to_court: String },
    /// The EOIR-33 to file with a motion to change venue.
    Eoir33WithVenueMotion { move_id: i64 },
    /// A move across states: which court serves the new address?
    FindCourtForNewAddress { move_id: i64, to_state: UsState },
    /// A venue motion is pending: the child keeps attending the current court.
    KeepAttendingCurrentCourt { move_id: i64, court: String },
}

impl LegalTaskKind {
    /// The kind as the task keys write it.
    pub fn name(&self) -> &'static str {
        match self {
            LegalTaskKind::RecordBirthDate => "record_birth_date",
            LegalTaskKind::RecordResidenceState => "record_residence_state",
            LegalTaskKind::AskInAbsentiaOrder { .. } => "ask_in_absentia_order",
            LegalTaskKind::MotionToReopenNoTimeLimit { .. } => "motion_to_reopen_no_time_limit",
            LegalTaskKind::Eoir33WithMotionToReopen { .. } => "eoir33_with_motion_to_reopen",
            LegalTaskKind::ConsiderVenueChange { .. } => "consider_venue_change",
            LegalTaskKind::Eoir33WithVenueMotion { .. } => "eoir33_with_venue_motion",
            LegalTaskKind::FindCourtForNewAddress { .. } => "find_court_for_new_address",
            LegalTaskKind::KeepAttendingCurrentCourt { .. } => "keep_attending_current_court",
        }
    }
}

/// A step to take, with no legal deadline of its own. Due from `since`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalTask {
    pub key: String,
    pub child_id: i64,
    pub kind: LegalTaskKind,
    /// The day of the fact that opened the task (the missed hearing, the move).
    pub since: NaiveDate,
    pub rule: Rule,
    pub explanation_en: String,
    pub explanation_es: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalNoteKind {
    AsylumNoOneYearDeadline,
    AsylumUscisInitialJurisdiction,
}

impl LegalNoteKind {
    pub fn name(self) -> &'static str {
        match self {
            LegalNoteKind::AsylumNoOneYearDeadline => "asylum_no_one_year_deadline",
            LegalNoteKind::AsylumUscisInitialJurisdiction => "asylum_uscis_initial_jurisdiction",
        }
    }
}

/// A rule to keep in mind, with no date: so the adult rule is not applied by mistake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalNote {
    pub key: String,
    pub child_id: i64,
    pub kind: LegalNoteKind,
    pub rule: Rule,
    pub explanation_en: String,
    pub explanation_es: String,
}

/// "145 days from today" / "faltan 145 días", and the last-day and overdue forms.
pub(super) fn days_phrase(days_left: i64) -> (String, String) {
    match days_left {
        0 => (
            "today is the last day".to_owned(),
            "hoy es el último día".to_owned(),
        ),
        1 => ("1 day from today".to_owned(), "falta 1 día".to_owned()),
        n if n > 1 => (format!("{n} days from today"), format!("faltan {n} días")),
        -1 => ("1 day ago".to_owned(), "hace 1 día".to_owned()),
        n => (format!("{} days ago", -n), format!("hace {} días", -n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn warnings_at_180_90_and_30_days_and_after_the_last_day() {
        let due = day(2027, 6, 14);
        let at =
            |days_before: i64| WarnLevel::for_due(due, due - chrono::Duration::days(days_before));
        assert_eq!(at(181), None);
        assert_eq!(at(180), Some(WarnLevel::Within180Days));
        assert_eq!(at(91), Some(WarnLevel::Within180Days));
        assert_eq!(at(90), Some(WarnLevel::Within90Days));
        assert_eq!(at(31), Some(WarnLevel::Within90Days));
        assert_eq!(at(30), Some(WarnLevel::Within30Days));
        assert_eq!(
            at(0),
            Some(WarnLevel::Within30Days),
            "the last day is not overdue"
        );
        assert_eq!(at(-1), Some(WarnLevel::Overdue));
    }

    #[test]
    fn warn_levels_serialise_as_their_names() {
        for level in [
            WarnLevel::Within180Days,
            WarnLevel::Within90Days,
            WarnLevel::Within30Days,
            WarnLevel::Overdue,
        ] {
            let json = serde_json::to_string(&level).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", level.as_str()));
        }
    }

    #[test]
    fn days_read_naturally() {
        assert_eq!(days_phrase(0).0, "today is the last day");
        assert_eq!(days_phrase(1).1, "falta 1 día");
        assert_eq!(days_phrase(179).0, "179 days from today");
        assert_eq!(days_phrase(-3).1, "hace 3 días");
    }
}
