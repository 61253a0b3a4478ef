//! Safety & Well-Being calls: the outcomes a call can have, where a call stands after the
//! attempts logged for it, and the call and escalation tasks that follow.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{CaseFacts, ScheduleSettings, Task, TaskKind};
use crate::followup::calendar::{business_day_on_or_after, next_business_day};

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
    /// On a call, the child said they do not feel safe.
    NotSafe,
    /// On a call, the child is no longer living with the sponsor.
    NotWithSponsor,
}

impl EscalationReason {
    pub fn as_str(&self) -> &'static str {
        match self {
            EscalationReason::Unreached => "unreached",
            EscalationReason::SafetyConcern => "safety_concern",
            EscalationReason::NotSafe => "not_safe",
            EscalationReason::NotWithSponsor => "not_with_sponsor",
        }
    }
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
    /// The Safety & Well-Being questions as answered on this attempt.
    #[serde(default)]
    pub answers: CallAnswers,
}

/// The standard questions of a Safety & Well-Being call; `None` = not asked or not known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallAnswers {
    pub still_with_sponsor: Option<bool>,
    pub enrolled_in_school: Option<bool>,
    pub knows_court_date: Option<bool>,
    pub feels_safe: Option<bool>,
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

/// The call and escalation tasks for each configured offset (an offset listed twice is one
/// call): the next attempt while the call is open, an escalation once it is unreached or
/// unsafe, nothing once someone was reached.
pub(super) fn swb_tasks(case: &CaseFacts, settings: &ScheduleSettings, tasks: &mut Vec<Task>) {
    let child = case.child_id;
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
}

/// What the answers call for, whatever the call's status: a child who does not feel safe, or
/// who no longer lives with the sponsor, is an escalation due the day of the call; a family
/// that does not know the court date gets the hearing notice sent. These stay open until a
/// person marks them done (the store keeps "done"), whatever later calls say.
pub(super) fn answer_tasks(case: &CaseFacts, tasks: &mut Vec<Task>) {
    let child = case.child_id;
    for call in &case.calls {
        let a = call.answers;
        if a.feels_safe == Some(false) {
            tasks.push(escalation(
                child,
                call.offset_days,
                EscalationReason::NotSafe,
                call.on,
            ));
        }
        if a.still_with_sponsor == Some(false) {
            tasks.push(escalation(
                child,
                call.offset_days,
                EscalationReason::NotWithSponsor,
                call.on,
            ));
        }
        if a.knows_court_date == Some(false) {
            tasks.push(Task {
                child_id: child,
                kind: TaskKind::SendHearingNotice {
                    offset_days: call.offset_days,
                },
                due_on: next_business_day(call.on),
                key: format!("notice:{child}:{}", call.offset_days),
            });
        }
    }
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
