//! Follow-up command bodies: the call queue, tasks, red flags, dashboard, hearings calendar.

use tether_core::casework::parse_local_datetime;

use chrono::NaiveDate;
use tether_store::followup::{DueWindow, PageRange, TaskFilter};

use super::optional_date;
use crate::ipc::followup::{
    CallDue, CallLogged, CallOutcome, CallPage, Dashboard, DueSection, FlagPage, HearingDay,
    HearingItem, RedFlag, SwbAnswers, TaskItem, TaskPage,
};
use crate::ipc::ids::convert_all;
use crate::ipc::AppError;
use crate::state::AppState;

/// `mine`: only the cases assigned to the signed-in user.
pub fn calls_due(
    state: &AppState,
    on: Option<String>,
    mine: bool,
) -> Result<Vec<CallDue>, AppError> {
    let on = optional_date("on", on.as_deref())?;
    state.with_session(|s| {
        let on = on.unwrap_or_else(|| s.today());
        let mine = if mine { Some(s.user_id("me")?) } else { None };
        Ok(convert_all(s.calls_due_for(
            on,
            chrono::Utc::now(),
            mine,
        )?)?)
    })
}

/// One page of a section of the queue; `on`: the last day of `upcoming` (default today).
pub fn calls_due_page(
    state: &AppState,
    section: DueSection,
    on: Option<String>,
    mine: bool,
    offset: u32,
    limit: u32,
) -> Result<CallPage, AppError> {
    let on = optional_date("on", on.as_deref())?;
    state.with_session(|s| {
        let window = section_window(
            section,
            s.today(),
            on,
            mine.then(|| s.user_id("me")).transpose()?,
        );
        let page = s.calls_due_page(window, chrono::Utc::now(), PageRange { offset, limit })?;
        Ok(CallPage {
            total: page.total,
            calls: convert_all(page.items)?,
        })
    })
}

/// The days a section covers on `today`: before it, it, or after it up to `on`.
fn section_window(
    section: DueSection,
    today: NaiveDate,
    on: Option<NaiveDate>,
    assigned_to: Option<i64>,
) -> DueWindow {
    let (from, to) = match section {
        DueSection::Overdue => (None, today.pred_opt().unwrap_or(today)),
        DueSection::Today => (Some(today), today),
        DueSection::Upcoming => (today.succ_opt(), on.unwrap_or(today)),
    };
    DueWindow {
        from,
        to,
        assigned_to,
    }
}

pub fn log_call(
    state: &AppState,
    id_or_case: String,
    outcome: CallOutcome,
    at: Option<String>,
    note: String,
    answers: Option<SwbAnswers>,
    phone: Option<String>,
) -> Result<CallLogged, AppError> {
    let at = at
        .filter(|t| !t.trim().is_empty())
        .map(|t| parse_local_datetime("at", &t).map_err(|e| AppError::invalid_parse("at", &e)))
        .transpose()?;
    let answers = answers.map(TryInto::try_into).transpose()?;
    state.with_session(|s| {
        Ok(s.log_call_to(
            &id_or_case,
            outcome.into(),
            at,
            &note,
            answers,
            phone.as_deref(),
        )?
        .try_into()?)
    })
}

pub fn list_tasks(
    state: &AppState,
    on: Option<String>,
    mine: bool,
) -> Result<Vec<TaskItem>, AppError> {
    let on = optional_date("on", on.as_deref())?;
    state.with_session(|s| {
        let on = on.unwrap_or_else(|| s.today());
        let mine = if mine { Some(s.user_id("me")?) } else { None };
        Ok(convert_all(s.tasks_for(on, mine)?)?)
    })
}

/// One page of a section of the task list; `kind`: one kind of task (default every kind).
#[allow(clippy::too_many_arguments)]
pub fn list_tasks_page(
    state: &AppState,
    section: DueSection,
    on: Option<String>,
    mine: bool,
    kind: Option<String>,
    offset: u32,
    limit: u32,
) -> Result<TaskPage, AppError> {
    let on = optional_date("on", on.as_deref())?;
    state.with_session(|s| {
        let window = section_window(
            section,
            s.today(),
            on,
            mine.then(|| s.user_id("me")).transpose()?,
        );
        let every_kind = TaskFilter::any_kind(window);
        let filter = match kind.as_deref().filter(|k| !k.is_empty()) {
            Some(kind) => TaskFilter::of_kind(window, kind)?,
            None => every_kind,
        };
        let page = s.tasks_page(filter, PageRange { offset, limit })?;
        let all_kinds = if filter == every_kind {
            page.total
        } else {
            s.count_tasks(every_kind)?
        };
        Ok(TaskPage {
            total: page.total,
            all_kinds,
            tasks: convert_all(page.items)?,
        })
    })
}

pub fn red_flags(state: &AppState) -> Result<Vec<RedFlag>, AppError> {
    state.with_session(|s| Ok(convert_all(s.red_flags()?)?))
}

pub fn red_flags_page(
    state: &AppState,
    include_acknowledged: bool,
    offset: u32,
    limit: u32,
) -> Result<FlagPage, AppError> {
    state.with_session(|s| {
        let page = s.red_flags_page(include_acknowledged, PageRange { offset, limit })?;
        Ok(FlagPage {
            total: page.total,
            open: page.open,
            acknowledged: page.acknowledged,
            flags: convert_all(page.items)?,
        })
    })
}

/// The open red flags for the dashboard's card, or `None` for a role that may not see flags
/// (asked without a refusal in the audit log: the window asks on every dashboard).
pub fn open_flag_count(state: &AppState) -> Result<Option<u32>, AppError> {
    state.with_session(|s| {
        if !s.user().role.may(tether_core::Permission::ReviewFlags) {
            return Ok(None);
        }
        Ok(Some(s.open_flag_count()?))
    })
}

pub fn acknowledge_flag(
    state: &AppState,
    flag_id: String,
    note: String,
) -> Result<RedFlag, AppError> {
    state.with_session(|s| Ok(s.acknowledge_flag(&flag_id, &note)?.try_into()?))
}

pub fn dashboard(state: &AppState, on: Option<String>) -> Result<Dashboard, AppError> {
    let on = optional_date("on", on.as_deref())?;
    state.with_session(|s| {
        let on = on.unwrap_or_else(|| s.today());
        // The flags come separately (`open_flag_count`): raising them all is the one slow
        // part at a large caseload, and the other counts should not wait for it.
        Ok(s.dashboard_counts(on)?.into())
    })
}

pub fn hearings_between(
    state: &AppState,
    from: String,
    to: String,
) -> Result<Vec<HearingItem>, AppError> {
    let (from, to) = date_range(&from, &to)?;
    state.with_session(|s| Ok(convert_all(s.hearings_between(from, to)?)?))
}

pub fn hearing_calendar(
    state: &AppState,
    from: String,
    to: String,
    per_day: u32,
) -> Result<Vec<HearingDay>, AppError> {
    let (from, to) = date_range(&from, &to)?;
    state.with_session(|s| Ok(convert_all(s.hearing_calendar(from, to, per_day)?)?))
}

/// Two required dates, the second not before the first; an error names the field.
fn date_range(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate), AppError> {
    let from = optional_date("from", Some(from))?
        .ok_or_else(|| AppError::invalid_coded("from", "required", "enter a start date"))?;
    let to = optional_date("to", Some(to))?
        .ok_or_else(|| AppError::invalid_coded("to", "required", "enter an end date"))?;
    if to < from {
        return Err(AppError::invalid_coded(
            "to",
            "date_range_reversed",
            "the end date is before the start date",
        ));
    }
    Ok((from, to))
}
