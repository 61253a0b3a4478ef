//! The History tab (a child's history, case notes) and marking tasks done.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::followup::TaskItem;
use crate::ipc::history::HistoryItem;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub(super) async fn child_history(
    state: State<'_, AppState>,
    id_or_case: String,
) -> Reply<Vec<HistoryItem>> {
    api::history::child_history(&state, id_or_case)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn add_note(
    state: State<'_, AppState>,
    id_or_case: String,
    text: String,
    corrects: Option<u32>,
) -> Reply<HistoryItem> {
    api::history::add_note(&state, id_or_case, text, corrects)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn complete_task(
    state: State<'_, AppState>,
    task_id: u32,
    note: String,
    on: Option<String>,
) -> Reply<TaskItem> {
    api::history::complete_task(&state, task_id, note, on)
}
