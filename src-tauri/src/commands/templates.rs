//! The clinic's print templates (Settings, admins): the file is picked in a native dialog on
//! the Rust side, since the webview is granted no file system.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::templates::TemplateSlot;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub(super) async fn template_slots(state: State<'_, AppState>) -> Reply<Vec<TemplateSlot>> {
    api::templates::template_slots(&state)
}

/// `None` when the admin cancels the dialog (nothing changes).
#[tauri::command]
#[specta::specta]
pub(super) async fn set_template(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    name: String,
) -> Reply<Option<Vec<TemplateSlot>>> {
    use tauri_plugin_dialog::DialogExt;
    api::templates::check_may_change(&state, &name)?;
    let picked = app
        .dialog()
        .file()
        .add_filter("Typst", &["typ"])
        .blocking_pick_file();
    match super::print::chosen_path(picked)? {
        None => Ok(None),
        Some(path) => api::templates::set_template(&state, name, &path).map(Some),
    }
}

#[tauri::command]
#[specta::specta]
pub(super) async fn reset_template(
    state: State<'_, AppState>,
    name: String,
) -> Reply<Vec<TemplateSlot>> {
    api::templates::reset_template(&state, name)
}
