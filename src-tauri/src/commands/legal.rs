//! Legal work: relief plans and deadlines, concern reports, hearing reminders, screening.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::legal::{
    Concern, ConcernDestination, LegalDeadlines, Relief, Reminder, ScreeningQuestion,
};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub(super) async fn relief(state: State<'_, AppState>, id_or_case: String) -> Reply<Relief> {
    api::legal::relief(&state, id_or_case)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn set_relief(
    state: State<'_, AppState>,
    id_or_case: String,
    pathway: String,
    status: String,
    date: Option<String>,
    us_state: Option<String>,
    filed_with: Option<String>,
) -> Reply<Relief> {
    api::legal::set_relief(
        &state, id_or_case, pathway, status, date, us_state, filed_with,
    )
}

#[tauri::command]
#[specta::specta]
pub(super) async fn legal_deadlines(
    state: State<'_, AppState>,
    within_days: Option<u32>,
) -> Reply<LegalDeadlines> {
    api::legal::legal_deadlines(&state, within_days)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn concerns(
    state: State<'_, AppState>,
    concern_state: Option<String>,
) -> Reply<Vec<Concern>> {
    api::legal::concerns(&state, concern_state)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn concern(state: State<'_, AppState>, concern_id: u32) -> Reply<Concern> {
    api::legal::concern(&state, concern_id)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn open_concern(
    state: State<'_, AppState>,
    id_or_case: String,
    category: String,
    text: String,
    call_id: Option<u32>,
) -> Reply<Concern> {
    api::legal::open_concern(&state, id_or_case, category, text, call_id)
}

#[tauri::command]
#[specta::specta]
#[allow(clippy::too_many_arguments)]
pub(super) async fn concern_step(
    state: State<'_, AppState>,
    concern_id: u32,
    step: String,
    note: String,
    to: Option<String>,
    on: Option<String>,
    reference: Option<String>,
) -> Reply<Concern> {
    api::legal::concern_step(&state, concern_id, step, note, to, on, reference)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn concern_destinations() -> Reply<Vec<ConcernDestination>> {
    Ok(api::legal::concern_destinations())
}

#[tauri::command]
#[specta::specta]
pub(super) async fn prepare_reminder(
    state: State<'_, AppState>,
    id_or_case: String,
    lang: String,
) -> Reply<Reminder> {
    api::legal::prepare_reminder(&state, id_or_case, lang)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn screening_questions() -> Reply<Vec<ScreeningQuestion>> {
    Ok(api::legal::screening_questions())
}

/// Opens a prepared reminder's `sms:` or WhatsApp link in the case manager's own messaging
/// app. Only those two kinds of link: the window may open nothing else this way.
#[tauri::command]
#[specta::specta]
pub(super) async fn open_message_link(app: tauri::AppHandle, link: String) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    api::legal::check_message_link(&link)?;
    app.opener()
        .open_url(link, None::<&str>)
        .map_err(|e| crate::ipc::AppError::invalid("link", format!("no app opened the link: {e}")))
}
