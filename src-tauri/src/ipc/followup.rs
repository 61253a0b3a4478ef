//! IPC types for follow-up: the call queue, tasks, red flags, dashboard, hearings calendar.

use serde::{Deserialize, Serialize};
use specta::Type;
use tether_store::followup as views;

use super::ids::{ipc_id, IdOutOfRange};
use super::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CallDue {
    pub task_id: u32,
    pub child_id: u32,
    pub case_number: String,
    pub child_name: String,
    pub sponsor_name: Option<String>,
    pub sponsor_phone: Option<String>,
    /// `sponsor_phone` as people write it: `(713) 555-0142`, `+502 5123 4567`.
    pub sponsor_phone_display: Option<String>,
    pub attempt: u8,
    pub due_on: String,
    pub overdue: bool,
    pub sponsor_local_time: Option<String>,
    pub sponsor_time_zone: Option<String>,
    pub callable_now: bool,
    pub language: Option<String>,
    pub interpreter_needed: bool,
    pub sponsor_phones: Vec<String>,
    /// `sponsor_phones` as people write them.
    pub sponsor_phones_display: Vec<String>,
    /// Those of `sponsor_phones` a call found not working (E.164).
    pub sponsor_phones_not_working: Vec<String>,
    /// `HH:MM–HH:MM` in the sponsor's time zone.
    pub calling_window: String,
    pub prior_attempts: Vec<PriorAttempt>,
}

/// An earlier attempt of a call in the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PriorAttempt {
    pub attempt: u8,
    pub on: String,
    pub outcome: String,
}

impl TryFrom<views::CallDue> for CallDue {
    type Error = IdOutOfRange;
    fn try_from(c: views::CallDue) -> Result<Self, Self::Error> {
        Ok(CallDue {
            task_id: ipc_id(c.task_id)?,
            child_id: ipc_id(c.child_id)?,
            case_number: c.case_number,
            child_name: c.child_name,
            sponsor_name: c.sponsor_name,
            sponsor_phone_display: c.sponsor_phone.as_deref().map(super::phone_display),
            sponsor_phone: c.sponsor_phone,
            attempt: c.attempt,
            due_on: c.due_on,
            overdue: c.overdue,
            sponsor_local_time: c.sponsor_local_time,
            sponsor_time_zone: c.sponsor_time_zone,
            callable_now: c.callable_now,
            language: c.language,
            interpreter_needed: c.interpreter_needed,
            sponsor_phones_display: c
                .sponsor_phones
                .iter()
                .map(|p| super::phone_display(p))
                .collect(),
            sponsor_phones: c.sponsor_phones,
            sponsor_phones_not_working: c.sponsor_phones_not_working,
            calling_window: c.calling_window,
            prior_attempts: c
                .prior_attempts
                .into_iter()
                .map(|p| PriorAttempt {
                    attempt: p.attempt,
                    on: p.on,
                    outcome: p.outcome,
                })
                .collect(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
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

impl From<CallOutcome> for tether_core::followup::CallOutcome {
    fn from(o: CallOutcome) -> Self {
        use tether_core::followup::CallOutcome as C;
        match o {
            CallOutcome::ReachedChild => C::ReachedChild,
            CallOutcome::ReachedSponsor => C::ReachedSponsor,
            CallOutcome::NoAnswer => C::NoAnswer,
            CallOutcome::Voicemail => C::Voicemail,
            CallOutcome::WrongNumber => C::WrongNumber,
            CallOutcome::Refused => C::Refused,
            CallOutcome::SafetyConcern => C::SafetyConcern,
        }
    }
}

/// The Safety & Well-Being questions; `null` = not asked or no answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
pub struct SwbAnswers {
    pub still_with_sponsor: Option<bool>,
    pub enrolled_in_school: Option<bool>,
    pub knows_court_date: Option<bool>,
    pub feels_safe: Option<bool>,
    pub new_address: Option<NewAddress>,
    /// The optional screening questions.
    #[serde(default)]
    pub screening: Option<super::screening::ScreeningAnswers>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
pub struct NewAddress {
    pub line1: String,
    pub unit: String,
    pub city: String,
    pub state: String,
    pub zip: String,
}

impl TryFrom<SwbAnswers> for tether_store::SwbAnswers {
    type Error = AppError;
    fn try_from(a: SwbAnswers) -> Result<Self, AppError> {
        Ok(tether_store::SwbAnswers {
            still_with_sponsor: a.still_with_sponsor,
            enrolled_in_school: a.enrolled_in_school,
            knows_court_date: a.knows_court_date,
            feels_safe: a.feels_safe,
            new_address: a.new_address.map(|n| tether_store::NewAddress {
                line1: n.line1,
                unit: n.unit,
                city: n.city,
                state: n.state,
                zip: n.zip,
            }),
            screening: a.screening.map(TryInto::try_into).transpose()?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CallLogged {
    pub call_id: u32,
    pub child_id: u32,
    pub attempt: u8,
    pub outcome: String,
    /// `open`, `reached`, `unreached`, `escalated` or `logged_outside_schedule`.
    pub call_status: String,
    pub next_due_on: Option<String>,
    /// After a wrong number: the number marked not working (E.164) and the next one to call
    /// (`null`: none left, a task asks to find one).
    pub not_working: Option<String>,
    pub next_phone: Option<String>,
}

impl TryFrom<views::CallLogged> for CallLogged {
    type Error = IdOutOfRange;
    fn try_from(c: views::CallLogged) -> Result<Self, Self::Error> {
        Ok(CallLogged {
            call_id: ipc_id(c.call_id)?,
            child_id: ipc_id(c.child_id)?,
            attempt: c.attempt,
            outcome: c.outcome,
            call_status: c.call_status,
            next_due_on: c.next_due_on,
            not_working: c.not_working,
            next_phone: c.next_phone,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct TaskItem {
    pub task_id: u32,
    pub kind: String,
    pub child_id: u32,
    pub case_number: String,
    pub child_name: String,
    pub due_on: String,
    pub overdue: bool,
    pub summary: String,
    /// Which attempt, for a call.
    pub attempt: Option<u8>,
    /// For an escalation: `unreached`, `safety_concern`, `not_safe`, `not_with_sponsor`.
    pub reason: Option<String>,
    /// For a hearing reminder: how many days before the hearing.
    pub days_before: Option<u8>,
    pub done_on: Option<String>,
    pub done_by: Option<String>,
    pub done_note: Option<String>,
}

impl TryFrom<views::TaskView> for TaskItem {
    type Error = IdOutOfRange;
    fn try_from(t: views::TaskView) -> Result<Self, Self::Error> {
        Ok(TaskItem {
            task_id: ipc_id(t.task_id)?,
            kind: t.kind,
            child_id: ipc_id(t.child_id)?,
            case_number: t.case_number,
            child_name: t.child_name,
            due_on: t.due_on,
            overdue: t.overdue,
            summary: t.summary,
            attempt: t.attempt,
            reason: t.reason,
            days_before: t.days_before,
            done_on: t.done_on,
            done_by: t.done_by,
            done_note: t.done_note,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct RedFlag {
    pub flag_id: String,
    pub kind: String,
    pub child_id: Option<u32>,
    pub sponsor_id: Option<u32>,
    pub explanation_en: String,
    pub explanation_es: String,
    pub acknowledged: bool,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<String>,
    pub acknowledgement_note: Option<String>,
    /// Every acknowledgement, oldest first.
    pub acknowledgements: Vec<FlagAcknowledgement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct FlagAcknowledgement {
    pub at: String,
    pub by: String,
    pub note: String,
}

impl TryFrom<views::FlagView> for RedFlag {
    type Error = IdOutOfRange;
    fn try_from(f: views::FlagView) -> Result<Self, Self::Error> {
        Ok(RedFlag {
            flag_id: f.flag_id,
            kind: f.kind,
            child_id: f.child_id.map(ipc_id).transpose()?,
            sponsor_id: f.sponsor_id.map(ipc_id).transpose()?,
            explanation_en: f.explanation_en,
            explanation_es: f.explanation_es,
            acknowledged: f.acknowledged,
            acknowledged_by: f.acknowledged_by,
            acknowledged_at: f.acknowledged_at,
            acknowledgement_note: f.acknowledgement_note,
            acknowledgements: f
                .acknowledgements
                .into_iter()
                .map(|a| FlagAcknowledgement {
                    at: a.at,
                    by: a.by,
                    note: a.note,
                })
                .collect(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct DayCount {
    pub day: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Dashboard {
    pub on: String,
    pub calls_due_today: u32,
    pub calls_overdue: u32,
    pub unreached_children: u32,
    pub hearings_this_week: u32,
    /// Null from `dashboard` (the window asks `open_flag_count`, which raises every flag, once
    /// the other counts are shown) and for a role that sees no flags.
    pub open_flags: Option<u32>,
    pub nta_not_served: u32,
    /// Open tasks of every kind due that day and before it; open escalations.
    pub tasks_due_today: u32,
    pub tasks_overdue: u32,
    pub escalations_open: u32,
    pub calls_by_day: Vec<DayCount>,
}

impl From<views::Dashboard> for Dashboard {
    fn from(d: views::Dashboard) -> Self {
        Dashboard {
            on: d.on,
            calls_due_today: d.calls_due_today,
            calls_overdue: d.calls_overdue,
            unreached_children: d.unreached_children,
            hearings_this_week: d.hearings_this_week,
            open_flags: None,
            nta_not_served: d.nta_not_served,
            tasks_due_today: d.tasks_due_today,
            tasks_overdue: d.tasks_overdue,
            escalations_open: d.escalations_open,
            calls_by_day: d
                .calls_by_day
                .into_iter()
                .map(|c| DayCount {
                    day: c.day,
                    count: c.count,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HearingItem {
    pub hearing_id: u32,
    pub child_id: u32,
    pub case_number: String,
    pub child_name: String,
    pub at: String,
    pub court_code: String,
    pub court_name: Option<String>,
    pub time_zone: Option<String>,
    pub kind: String,
    pub outcome: Option<String>,
}

impl TryFrom<views::HearingItem> for HearingItem {
    type Error = IdOutOfRange;
    fn try_from(h: views::HearingItem) -> Result<Self, Self::Error> {
        Ok(HearingItem {
            hearing_id: ipc_id(h.hearing_id)?,
            child_id: ipc_id(h.child_id)?,
            case_number: h.case_number,
            child_name: h.child_name,
            at: h.at,
            court_code: h.court_code,
            court_name: h.court_name,
            time_zone: h.time_zone,
            kind: h.kind,
            outcome: h.outcome,
        })
    }
}

/// One day of the hearings calendar: its count and its first hearings by time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HearingDay {
    pub day: String,
    pub total: u32,
    pub hearings: Vec<HearingItem>,
}

impl TryFrom<views::HearingDay> for HearingDay {
    type Error = IdOutOfRange;
    fn try_from(d: views::HearingDay) -> Result<Self, Self::Error> {
        Ok(HearingDay {
            day: d.day,
            total: d.total,
            hearings: d
                .hearings
                .into_iter()
                .map(HearingItem::try_from)
                .collect::<Result<_, _>>()?,
        })
    }
}

/// A part of the call queue or the task list, by due day against the backend's today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DueSection {
    /// Due before today.
    Overdue,
    /// Due today.
    Today,
    /// Due after today, up to the day asked for.
    Upcoming,
}

/// One page of the red flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct FlagPage {
    /// How many flags the list holds (the open ones, and the acknowledged ones if asked).
    pub total: u32,
    pub open: u32,
    pub acknowledged: u32,
    pub flags: Vec<RedFlag>,
}

/// One page of a section of the call queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CallPage {
    /// How many calls the section holds.
    pub total: u32,
    pub calls: Vec<CallDue>,
}

/// One page of a section of the task list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct TaskPage {
    /// How many tasks the section holds (of the kind asked for).
    pub total: u32,
    /// How many tasks of every kind the section holds.
    pub all_kinds: u32,
    pub tasks: Vec<TaskItem>,
}
