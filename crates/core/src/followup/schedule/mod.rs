//! The follow-up tasks a case calls for, as pure values computed from the case's facts and
//! `today`.
//!
//! `tasks_for` returns every task that is open for the facts given: due, overdue and upcoming.
//! Each task has a stable `key`; the same facts give the same keys, so the store can insert
//! them idempotently (`INSERT … ON CONFLICT(key) DO NOTHING`) and keep "done" on its side.
//! A task whose facts change (a new call logged, an ACIS check recorded) disappears and a new
//! key takes its place.
//!
//! Rules:
//! - **Safety & Well-Being call** at release + each configured offset (default 30 days), moved
//!   to the next business day when that is a weekend or federal holiday. Up to `max_attempts`
//!   (default 3) attempts, each on a different day; after a failed attempt the next one is due
//!   the next business day. After the last failed attempt the call is unreached and an
//!   escalation is due the next business day; a safety concern escalates the same day; reaching
//!   the child or the sponsor closes the call.
//! - **Hearing reminders** 7 days and 1 day (calendar days) before each future hearing.
//! - **ACIS re-check** every 30 days while the NTA is served and no upcoming hearing is known.
//! - **EOIR-33** due 5 business days after the address change was recorded, open until filed.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::{add_business_days, business_day_on_or_after, next_business_day};
use crate::casework::{HearingOutcome, NtaStatus};

/// Days between ACIS re-checks.
pub const ACIS_RECHECK_DAYS: u64 = 30;
/// Business days allowed to file an EOIR-33 after a change of address.
pub const EOIR33_BUSINESS_DAYS: u32 = 5;
/// Days before a hearing that a reminder is due.
pub const HEARING_REMINDER_DAYS: [u8; 2] = [7, 1];

const fn time(hour: u32, min: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(hour, min, 0) {
        Some(t) => t,
        None => NaiveTime::MIN,
    }
}

/// Default calling window start, in the sponsor's local time.
pub const DEFAULT_CALLING_START: NaiveTime = time(9, 0);
/// Default calling window end (exclusive), in the sponsor's local time.
pub const DEFAULT_CALLING_END: NaiveTime = time(20, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    ReachedChild,
    ReachedSponsor,
    NoAnswer,
    Voicemail,
    WrongNumber,
    Refused,
    SafetyConcern,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("call outcome {0:?} is not one of reached_child, reached_sponsor, no_answer, voicemail, wrong_number, refused, safety_concern")]
pub struct UnknownCallOutcome(pub String);

impl CallOutcome {
    pub const ALL: [CallOutcome; 7] = [
        CallOutcome::ReachedChild,
        CallOutcome::ReachedSponsor,
        CallOutcome::NoAnswer,
        CallOutcome::Voicemail,
        CallOutcome::WrongNumber,
        CallOutcome::Refused,
        CallOutcome::SafetyConcern,
    ];

    /// Reads the snake_case name (`no_answer`), ignoring case and surrounding spaces.
    pub fn parse(raw: &str) -> Result<Self, UnknownCallOutcome> {
        let key = raw.trim().to_ascii_lowercase();
        CallOutcome::ALL
            .into_iter()
            .find(|o| o.as_str() == key)
            .ok_or_else(|| UnknownCallOutcome(raw.trim().chars().take(40).collect()))
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            CallOutcome::ReachedChild => "reached_child",
            CallOutcome::ReachedSponsor => "reached_sponsor",
            CallOutcome::NoAnswer => "no_answer",
            CallOutcome::Voicemail => "voicemail",
            CallOutcome::WrongNumber => "wrong_number",
            CallOutcome::Refused => "refused",
            CallOutcome::SafetyConcern => "safety_concern",
        }
    }

    /// An attempt that did not reach anyone (or was refused): another attempt follows.
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            CallOutcome::NoAnswer
                | CallOutcome::Voicemail
                | CallOutcome::WrongNumber
                | CallOutcome::Refused
        )
    }

    /// The child or the sponsor was reached: the call is closed.
    pub fn is_reached(&self) -> bool {
        matches!(
            self,
            CallOutcome::ReachedChild | CallOutcome::ReachedSponsor
        )
    }
}

impl fmt::Display for CallOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for CallOutcome {
    type Err = UnknownCallOutcome;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CallOutcome::parse(s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationReason {
    /// Every attempt failed.
    Unreached,
    /// A call logged a safety concern.
    SafetyConcern,
}

impl EscalationReason {
    pub fn as_str(&self) -> &'static str {
        match self {
            EscalationReason::Unreached => "unreached",
            EscalationReason::SafetyConcern => "safety_concern",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TaskKind {
    /// A Safety & Well-Being call: the call at release + `offset_days`, attempt `attempt`.
    SwbCall {
        offset_days: u16,
        attempt: u8,
    },
    HearingReminder {
        hearing_id: i64,
        days_before: u8,
    },
    AcisCheck,
    Eoir33 {
        address_change_id: i64,
    },
    /// Escalation of the call at release + `offset_days`.
    Escalation {
        offset_days: u16,
        reason: EscalationReason,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Task {
    pub child_id: i64,
    pub kind: TaskKind,
    pub due_on: NaiveDate,
    /// Stable idempotency key, e.g. `swb:17:30:2`, `hearing:17:5:7`, `acis:17:2026-12-01`,
    /// `eoir33:17:3`, `escalation:17:30:unreached`.
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HearingFact {
    pub id: i64,
    /// The hearing's date in the court's time zone.
    pub date: NaiveDate,
    pub outcome: Option<HearingOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressChangeFact {
    pub id: i64,
    pub recorded_on: NaiveDate,
    pub eoir33_filed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallAttempt {
    /// Which call this attempt belongs to: the one at release + `offset_days`.
    pub offset_days: u16,
    /// The attempt number as logged; informational (attempts are counted by day, see
    /// [`call_status`]).
    pub attempt: u8,
    pub on: NaiveDate,
    pub outcome: CallOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFacts {
    pub child_id: i64,
    pub release_date: Option<NaiveDate>,
    pub nta_status: NtaStatus,
    pub hearings: Vec<HearingFact>,
    pub last_acis_check: Option<NaiveDate>,
    pub address_changes: Vec<AddressChangeFact>,
    pub calls: Vec<CallAttempt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleSettings {
    /// Days after release of each Safety & Well-Being call (e.g. `[7, 14, 30]`).
    pub swb_offsets_days: Vec<u16>,
    /// Attempts per call before it is unreached; at least 1 is used.
    pub max_attempts: u8,
    /// Local calling window, start inclusive, end exclusive.
    pub calling_window: (NaiveTime, NaiveTime),
}

impl Default for ScheduleSettings {
    fn default() -> Self {
        ScheduleSettings {
            swb_offsets_days: vec![30],
            max_attempts: 3,
            calling_window: (DEFAULT_CALLING_START, DEFAULT_CALLING_END),
        }
    }
}

/// Where one Safety & Well-Being call stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum CallStatus {
    /// Attempt `next_attempt` (1-based) is due on `due_on`.
    Open { next_attempt: u8, due_on: NaiveDate },
    /// The child or the sponsor was reached on `on`.
    Reached { on: NaiveDate },
    /// Every attempt failed; the last one was on `last_attempt_on`.
    Unreached { last_attempt_on: NaiveDate },
    /// A safety concern was logged on `on`.
    Escalated { on: NaiveDate },
}

/// The day the call at release + `offset_days` is first due: that day, or the next business
/// day when it is a weekend or a federal holiday.
pub fn swb_first_due(release_date: NaiveDate, offset_days: u16) -> NaiveDate {
    let target = release_date
        .checked_add_days(Days::new(u64::from(offset_days)))
        .unwrap_or(NaiveDate::MAX);
    business_day_on_or_after(target)
}

/// Where the call at release + `offset_days` stands, from the attempts logged for it (attempts
/// for other offsets in `calls` are ignored).
///
/// - A safety concern on any attempt escalates, whatever else was logged.
/// - Otherwise reaching the child or the sponsor on any attempt closes the call.
/// - Otherwise each *day* with a failed attempt counts as one attempt (two failed tries on the
///   same day are one attempt: attempts must be on different days). After `max_attempts` such
///   days the call is unreached; before, the next attempt is due the next business day after the
///   last failed one (the first attempt at the call's first due day).
pub fn call_status(
    release_date: NaiveDate,
    offset_days: u16,
    calls: &[CallAttempt],
    max_attempts: u8,
) -> CallStatus {
    let mine = || calls.iter().filter(|c| c.offset_days == offset_days);
    if let Some(on) = mine()
        .filter(|c| c.outcome == CallOutcome::SafetyConcern)
        .map(|c| c.on)
        .min()
    {
        return CallStatus::Escalated { on };
    }
    if let Some(on) = mine()
        .filter(|c| c.outcome.is_reached())
        .map(|c| c.on)
        .min()
    {
        return CallStatus::Reached { on };
    }
    let failed_days: BTreeSet<NaiveDate> = mine()
        .filter(|c| c.outcome.is_failure())
        .map(|c| c.on)
        .collect();
    let max = usize::from(max_attempts.max(1));
    match failed_days.last() {
        None => CallStatus::Open {
            next_attempt: 1,
            due_on: swb_first_due(release_date, offset_days),
        },
        Some(&last) if failed_days.len() >= max => CallStatus::Unreached {
            last_attempt_on: last,
        },
        Some(&last) => CallStatus::Open {
            next_attempt: u8::try_from(failed_days.len() + 1).unwrap_or(u8::MAX),
            due_on: next_business_day(last),
        },
    }
}

/// The last day to file an EOIR-33 for an address change recorded on `recorded_on`.
pub fn eoir33_deadline(recorded_on: NaiveDate) -> NaiveDate {
    add_business_days(recorded_on, EOIR33_BUSINESS_DAYS)
}

/// Every open task for the case: due, overdue and upcoming, sorted by due date then key, with
/// unique keys. The same facts and `today` always give the same tasks.
pub fn tasks_for(case: &CaseFacts, settings: &ScheduleSettings, today: NaiveDate) -> Vec<Task> {
    let child = case.child_id;
    let mut tasks = Vec::new();

    if let Some(release) = case.release_date {
        let offsets: BTreeSet<u16> = settings.swb_offsets_days.iter().copied().collect();
        for offset in offsets {
            let task = match call_status(release, offset, &case.calls, settings.max_attempts) {
                CallStatus::Open {
                    next_attempt,
                    due_on,
                } => Some(Task {
                    child_id: child,
                    kind: TaskKind::SwbCall {
                        offset_days: offset,
                        attempt: next_attempt,
                    },
                    due_on,
                    key: format!("swb:{child}:{offset}:{next_attempt}"),
                }),
                CallStatus::Reached { .. } => None,
                CallStatus::Unreached { last_attempt_on } => Some(escalation(
                    child,
                    offset,
                    EscalationReason::Unreached,
                    next_business_day(last_attempt_on),
                )),
                CallStatus::Escalated { on } => Some(escalation(
                    child,
                    offset,
                    EscalationReason::SafetyConcern,
                    on,
                )),
            };
            tasks.extend(task);
        }
    }

    let upcoming = |h: &&HearingFact| h.outcome.is_none() && h.date >= today;
    for hearing in case.hearings.iter().filter(upcoming) {
        for days_before in HEARING_REMINDER_DAYS {
            let Some(due_on) = hearing
                .date
                .checked_sub_days(Days::new(u64::from(days_before)))
            else {
                continue;
            };
            // No reminder on or after the hearing day; and once the 1-day reminder is due, the
            // 7-day one would only repeat it.
            let superseded = HEARING_REMINDER_DAYS
                .iter()
                .filter(|&&other| other < days_before)
                .any(|&other| {
                    hearing
                        .date
                        .checked_sub_days(Days::new(u64::from(other)))
                        .is_some_and(|d| d <= today)
                });
            if hearing.date <= today || superseded {
                continue;
            }
            tasks.push(Task {
                child_id: child,
                kind: TaskKind::HearingReminder {
                    hearing_id: hearing.id,
                    days_before,
                },
                due_on,
                key: format!("hearing:{child}:{}:{days_before}", hearing.id),
            });
        }
    }

    let hearing_known = case.hearings.iter().any(|h| upcoming(&h));
    if case.nta_status == NtaStatus::Served && !hearing_known {
        let due_on = case
            .last_acis_check
            .or(case.release_date)
            .map(|from| {
                from.checked_add_days(Days::new(ACIS_RECHECK_DAYS))
                    .unwrap_or(NaiveDate::MAX)
            })
            // Served, never checked, release date unknown: check now.
            .unwrap_or(today);
        tasks.push(Task {
            child_id: child,
            kind: TaskKind::AcisCheck,
            due_on,
            key: format!("acis:{child}:{due_on}"),
        });
    }

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

    let mut seen = BTreeSet::new();
    tasks.retain(|t| seen.insert(t.key.clone()));
    tasks.sort_by(|a, b| (a.due_on, &a.key).cmp(&(b.due_on, &b.key)));
    tasks
}

fn escalation(child: i64, offset: u16, reason: EscalationReason, due_on: NaiveDate) -> Task {
    Task {
        child_id: child,
        kind: TaskKind::Escalation {
            offset_days: offset,
            reason,
        },
        due_on,
        key: format!("escalation:{child}:{offset}:{}", reason.as_str()),
    }
}

/// The sponsor's wall-clock time at `now`, for an IANA zone name (`America/New_York`).
/// An unknown zone gives `None`.
pub fn sponsor_local_time(now: DateTime<Utc>, tz: &str) -> Option<NaiveDateTime> {
    let zone: chrono_tz::Tz = tz.trim().parse().ok()?;
    Some(now.with_timezone(&zone).naive_local())
}

/// Whether `now` is inside the calling window in the sponsor's zone. The window's start is
/// inclusive and its end exclusive; a window whose end is before its start wraps past
/// midnight. An unknown zone is never callable.
pub fn callable_now(now: DateTime<Utc>, tz: &str, window: (NaiveTime, NaiveTime)) -> bool {
    let Some(local) = sponsor_local_time(now, tz) else {
        return false;
    };
    let t = local.time();
    let (start, end) = window;
    if start <= end {
        start <= t && t < end
    } else {
        t >= start || t < end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

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
        }
    }

    fn attempt(n: u8, on: &str, outcome: CallOutcome) -> CallAttempt {
        CallAttempt {
            offset_days: 30,
            attempt: n,
            on: d(on),
            outcome,
        }
    }

    fn only_task(c: &CaseFacts, today: &str) -> Task {
        let tasks = tasks_for(c, &ScheduleSettings::default(), d(today));
        assert_eq!(tasks.len(), 1, "{tasks:#?}");
        tasks.into_iter().next().expect("one task")
    }

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

    #[test]
    fn hawaii_and_new_york_at_the_same_instant() {
        let window = ScheduleSettings::default().calling_window;
        let local =
            |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("test datetime");
        // 15:00 UTC: 10:00 in New York (EST), 05:00 in Honolulu.
        let now = Utc
            .with_ymd_and_hms(2026, 11, 9, 15, 0, 0)
            .single()
            .expect("utc");
        assert_eq!(
            sponsor_local_time(now, "America/New_York"),
            Some(local("2026-11-09 10:00"))
        );
        assert_eq!(
            sponsor_local_time(now, "Pacific/Honolulu"),
            Some(local("2026-11-09 05:00"))
        );
        assert!(callable_now(now, "America/New_York", window));
        assert!(!callable_now(now, "Pacific/Honolulu", window));

        // 02:00 UTC next day: 21:00 in New York, 16:00 in Honolulu.
        let later = Utc
            .with_ymd_and_hms(2026, 11, 10, 2, 0, 0)
            .single()
            .expect("utc");
        assert!(!callable_now(later, "America/New_York", window));
        assert!(callable_now(later, "Pacific/Honolulu", window));

        // Summer: New York on EDT (UTC-4); Hawaii has no daylight saving time.
        let summer = Utc
            .with_ymd_and_hms(2026, 7, 1, 13, 0, 0)
            .single()
            .expect("utc");
        assert_eq!(
            sponsor_local_time(summer, "America/New_York"),
            Some(local("2026-07-01 09:00"))
        );
        assert!(callable_now(summer, "America/New_York", window));
        assert!(!callable_now(summer, "Pacific/Honolulu", window));
    }

    #[test]
    fn calling_window_edges_and_unknown_zones() {
        let window = (DEFAULT_CALLING_START, DEFAULT_CALLING_END);
        let at = |h: u32, m: u32| {
            Utc.with_ymd_and_hms(2026, 11, 9, h, m, 0)
                .single()
                .expect("utc")
        };
        // New York is UTC-5 on 2026-11-09.
        assert!(callable_now(at(14, 0), "America/New_York", window)); // 09:00
        assert!(!callable_now(at(13, 59), "America/New_York", window)); // 08:59
        assert!(callable_now(at(0, 59), "America/New_York", window)); // 19:59
        assert!(!callable_now(at(1, 0), "America/New_York", window)); // 20:00
        for tz in ["", "Mars/Olympus_Mons", "EST5EDT-nope"] {
            assert_eq!(sponsor_local_time(at(15, 0), tz), None, "{tz}");
            assert!(!callable_now(at(15, 0), tz, window), "{tz}");
        }
        // A window across midnight.
        let night = (time(22, 0), time(2, 0));
        assert!(callable_now(at(4, 0), "America/New_York", night)); // 23:00
        assert!(!callable_now(at(15, 0), "America/New_York", night)); // 10:00
    }
}
