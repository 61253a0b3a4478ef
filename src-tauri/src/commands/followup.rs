//! Follow-up commands: the call queue, tasks, red flags, dashboard, hearings calendar.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::followup::{
    CallDue, CallLogged, CallOutcome, CallPage, Dashboard, DueSection, FlagPage, HearingDay,
    HearingItem, RedFlag, SwbAnswers, TaskItem, TaskPage,
};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub(super) async fn calls_due(
    state: State<'_, AppState>,
    on: Option<String>,
    mine: bool,
) -> Reply<Vec<CallDue>> {
    api::followup::calls_due(&state, on, mine)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn calls_due_page(
    state: State<'_, AppState>,
    section: DueSection,
    on: Option<String>,
    mine: bool,
    offset: u32,
    limit: u32,
) -> Reply<CallPage> {
    api::followup::calls_due_page(&state, section, on, mine, offset, limit)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn log_call(
    state: State<'_, AppState>,
    id_or_case: String,
    outcome: CallOutcome,
    at: Option<String>,
    note: String,
    answers: Option<SwbAnswers>,
    phone: Option<String>,
) -> Reply<CallLogged> {
    api::followup::log_call(&state, id_or_case, outcome, at, note, answers, phone)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn list_tasks(
    state: State<'_, AppState>,
    on: Option<String>,
    mine: bool,
) -> Reply<Vec<TaskItem>> {
    api::followup::list_tasks(&state, on, mine)
}

#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub(super) async fn list_tasks_page(
    state: State<'_, AppState>,
    section: DueSection,
    on: Option<String>,
    mine: bool,
    kind: Option<String>,
    offset: u32,
    limit: u32,
) -> Reply<TaskPage> {
    api::followup::list_tasks_page(&state, section, on, mine, kind, offset, limit)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn red_flags(state: State<'_, AppState>) -> Reply<Vec<RedFlag>> {
    api::followup::red_flags(&state)
}

/// One page of the red flags, open ones first (acknowledged ones after them if asked).
#[tauri::command]
#[specta::specta]
pub(super) async fn red_flags_page(
    state: State<'_, AppState>,
    include_acknowledged: bool,
    offset: u32,
    limit: u32,
) -> Reply<FlagPage> {
    api::followup::red_flags_page(&state, include_acknowledged, offset, limit)
}

/// The dashboard's open red flags; null for a role that sees no flags.
#[tauri::command]
#[specta::specta]
pub(super) async fn open_flag_count(state: State<'_, AppState>) -> Reply<Option<u32>> {
    api::followup::open_flag_count(&state)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn acknowledge_flag(
    state: State<'_, AppState>,
    flag_id: String,
    note: String,
) -> Reply<RedFlag> {
    api::followup::acknowledge_flag(&state, flag_id, note)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn dashboard(state: State<'_, AppState>, on: Option<String>) -> Reply<Dashboard> {
    api::followup::dashboard(&state, on)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn hearings_between(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Reply<Vec<HearingItem>> {
    api::followup::hearings_between(&state, from, to)
}

/// The calendar's days from `from` to `to`: each day's count and its first `per_day` hearings.
#[tauri::command]
#[specta::specta]
pub(super) async fn hearing_calendar(
    state: State<'_, AppState>,
    from: String,
    to: String,
    per_day: u32,
) -> Reply<Vec<HearingDay>> {
    api::followup::hearing_calendar(&state, from, to, per_day)
}
