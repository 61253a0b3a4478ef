//! Follow-up command bodies: the call queue, tasks, red flags, dashboard, hearings calendar.

use tether_core::casework::parse_local_datetime;

use super::optional_date;
use crate::ipc::followup::{
    CallDue, CallLogged, CallOutcome, Dashboard, HearingItem, RedFlag, SwbAnswers, TaskItem,
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
    state.with_session(|s| {
        Ok(s.log_call_to(
            &id_or_case,
            outcome.into(),
            at,
            &note,
            answers.map(Into::into),
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

pub fn red_flags(state: &AppState) -> Result<Vec<RedFlag>, AppError> {
    state.with_session(|s| Ok(convert_all(s.red_flags()?)?))
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
        Ok(s.dashboard(on)?.into())
    })
}

pub fn hearings_between(
    state: &AppState,
    from: String,
    to: String,
) -> Result<Vec<HearingItem>, AppError> {
    let from = optional_date("from", Some(&from))?
        .ok_or_else(|| AppError::invalid_coded("from", "required", "enter a start date"))?;
    let to = optional_date("to", Some(&to))?
        .ok_or_else(|| AppError::invalid_coded("to", "required", "enter an end date"))?;
    if to < from {
        return Err(AppError::invalid_coded(
            "to",
            "date_range_reversed",
            "the end date is before the start date",
        ));
    }
    state.with_session(|s| Ok(convert_all(s.hearings_between(from, to)?)?))
}
