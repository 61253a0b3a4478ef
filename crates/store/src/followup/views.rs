//! Read models for the call queue, task list and red flags.

use chrono::NaiveDate;
use serde::Serialize;

/// One Safety & Well-Being call attempt to make (`tether calls due --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallDue {
    pub task_id: i64,
    pub child_id: i64,
    pub case_number: String,
    pub child_name: String,
    pub sponsor_name: Option<String>,
    /// E.164.
    pub sponsor_phone: Option<String>,
    pub attempt: u8,
    pub due_on: String,
    pub overdue: bool,
    /// The sponsor's local time now, `YYYY-MM-DD HH:MM`, in `sponsor_time_zone`.
    pub sponsor_local_time: Option<String>,
    pub sponsor_time_zone: Option<String>,
    /// Inside the sponsor's calling window (default 09:00–20:00) right now.
    pub callable_now: bool,
    /// ISO 639-3.
    pub language: Option<String>,
    pub interpreter_needed: bool,
    /// Every phone of the sponsor, E.164, the first being `sponsor_phone`.
    pub sponsor_phones: Vec<String>,
    /// Those of `sponsor_phones` a call found not working (listed last there).
    pub sponsor_phones_not_working: Vec<String>,
    /// The sponsor's local calling window, `HH:MM–HH:MM` (start inclusive, end exclusive).
    pub calling_window: String,
    /// The earlier attempts of this call, oldest first.
    pub prior_attempts: Vec<PriorAttempt>,
}

/// One earlier attempt of a call in the queue: what the next caller needs to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PriorAttempt {
    pub attempt: u8,
    /// The sponsor's local day of the call.
    pub on: String,
    /// `no_answer`, `voicemail`, `wrong_number`, …
    pub outcome: String,
}

/// Any open task (`tether tasks --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskView {
    pub task_id: i64,
    pub key: String,
    /// `swb_call`, `hearing_reminder`, `acis_check`, `eoir33`, `escalation`, `hearing_notice`
    /// (volunteers: `swb_call` only).
    pub kind: String,
    pub child_id: i64,
    pub case_number: String,
    pub child_name: String,
    pub due_on: String,
    pub overdue: bool,
    /// What to do, in English.
    pub summary: String,
    pub attempt: Option<u8>,
    /// For an escalation: `unreached`, `safety_concern`, `not_safe`, `not_with_sponsor`.
    pub reason: Option<String>,
    /// For a hearing reminder: how many days before the hearing.
    pub days_before: Option<u8>,
    /// Set once a person marked the task done (`tether tasks done`).
    pub done_on: Option<String>,
    pub done_by: Option<String>,
    pub done_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallLogged {
    pub call_id: i64,
    pub child_id: i64,
    pub attempt: u8,
    pub outcome: String,
    /// `open`, `reached`, `unreached` or `escalated`, after this attempt.
    pub call_status: String,
    pub next_due_on: Option<String>,
    /// After a `wrong_number`: the number marked not working, and the sponsor's next working
    /// number (none: a task asks to find one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_working: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_phone: Option<String>,
    /// What the screening answers raised (labour limits, trafficking indicators), when the
    /// call asked them; `offer_concern_report` says to open a concern report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screening: Option<tether_core::legal::Screening>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlagView {
    /// Stable id: acknowledge with `tether flags ack FLAG_ID --note …`.
    pub flag_id: String,
    pub kind: String,
    pub child_id: Option<i64>,
    pub sponsor_id: Option<i64>,
    pub sponsor_ids: Vec<i64>,
    pub explanation_en: String,
    pub explanation_es: String,
    pub acknowledged: bool,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<String>,
    pub acknowledgement_note: Option<String>,
    /// Every acknowledgement, oldest first (the fields above repeat the latest).
    pub acknowledgements: Vec<FlagAcknowledgement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlagAcknowledgement {
    pub at: String,
    pub by: String,
    pub note: String,
}

/// The dashboard's counts for one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dashboard {
    pub on: String,
    pub calls_due_today: u32,
    pub calls_overdue: u32,
    pub unreached_children: u32,
    pub hearings_this_week: u32,
    pub open_flags: u32,
    pub nta_not_served: u32,
    /// Open tasks of every kind (calls, reminders, ACIS checks, EOIR-33s, escalations, hearing
    /// notices) due that day, and due before it (volunteers: their calls only).
    pub tasks_due_today: u32,
    pub tasks_overdue: u32,
    /// Escalations due on or before the day that no one has handled yet (safety first).
    pub escalations_open: u32,
    /// Open call attempts per due day for the next 14 days (for the chart).
    pub calls_by_day: Vec<DayCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub day: String,
    pub count: u32,
}

/// One hearing in the calendar view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HearingItem {
    pub hearing_id: i64,
    pub child_id: i64,
    pub case_number: String,
    pub child_name: String,
    /// `YYYY-MM-DD HH:MM` in the court's time zone.
    pub at: String,
    pub court_code: String,
    pub court_name: Option<String>,
    pub time_zone: Option<String>,
    pub kind: String,
    pub outcome: Option<String>,
}

/// One day of the hearings calendar: how many hearings it has, and the first of them by time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HearingDay {
    /// `YYYY-MM-DD`, the courts' local date.
    pub day: String,
    pub total: u32,
    pub hearings: Vec<HearingItem>,
}

/// Which open tasks of the open cases a list reads: those due from `from` (`None`: however
/// long ago) to `to`, both days included; only the cases assigned to `assigned_to` when set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueWindow {
    pub from: Option<NaiveDate>,
    pub to: NaiveDate,
    pub assigned_to: Option<i64>,
}

impl DueWindow {
    /// Everything due on or before `to`.
    pub fn until(to: NaiveDate) -> Self {
        DueWindow {
            from: None,
            to,
            assigned_to: None,
        }
    }

    /// The lower bound as the task table stores days (`YYYY-MM-DD`); the empty text sorts
    /// before every day, so the range stays one index range.
    pub(crate) fn lower_bound(&self) -> String {
        self.from.map(|d| d.to_string()).unwrap_or_default()
    }
}

/// Which tasks a list holds: a window of due days, one kind or every kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskFilter {
    pub window: DueWindow,
    /// One of `TASK_KINDS`; `None`: every kind.
    pub kind: Option<&'static str>,
}

impl TaskFilter {
    /// Every kind of task due in `window`.
    pub fn any_kind(window: DueWindow) -> Self {
        TaskFilter { window, kind: None }
    }

    /// Only the tasks of `kind` (as the task list names kinds: `escalation`, `eoir33`, …).
    pub fn of_kind(window: DueWindow, kind: &str) -> crate::Result<Self> {
        let known = super::tasks::TASK_KINDS
            .iter()
            .find(|k| **k == kind)
            .ok_or_else(|| {
                crate::StoreError::invalid(
                    "kind",
                    format!(
                        "{kind:?} is not a kind of task (one of: {})",
                        super::tasks::TASK_KINDS.join(", ")
                    ),
                )
            })?;
        Ok(TaskFilter {
            window,
            kind: Some(known),
        })
    }
}

/// `limit` rows from `offset` (row 0 is the first) of a list in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRange {
    pub offset: u32,
    pub limit: u32,
}

impl PageRange {
    /// The most rows one page may ask for.
    pub const MAX_LIMIT: u32 = 1000;
}

/// One page of the red flags (`Session::red_flags_page`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagPage {
    /// The flags the page's list holds in all (open ones, and acknowledged ones if asked).
    pub total: u32,
    /// Raised and not acknowledged.
    pub open: u32,
    /// Raised and acknowledged at least once.
    pub acknowledged: u32,
    pub items: Vec<FlagView>,
}

/// One page of a list and how many rows the whole list holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub total: u32,
    pub items: Vec<T>,
}
