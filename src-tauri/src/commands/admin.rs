//! Admin commands: users and the audit log.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::admin::{AuditEntryView, AuditReport, SavedReceipt, UserSummary};
use crate::ipc::vault::Role;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub(super) async fn list_users(state: State<'_, AppState>) -> Reply<Vec<UserSummary>> {
    api::admin::list_users(&state)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn add_user(
    state: State<'_, AppState>,
    name: String,
    role: Role,
    passphrase: String,
) -> Reply<UserSummary> {
    api::admin::add_user(&state, name, role, passphrase)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn set_supervisor(
    state: State<'_, AppState>,
    name: String,
    supervisor: bool,
) -> Reply<()> {
    api::admin::set_supervisor(&state, name, supervisor)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn remove_user(state: State<'_, AppState>, name: String) -> Reply<()> {
    api::admin::remove_user(&state, name)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn reset_passphrase(
    state: State<'_, AppState>,
    name: String,
    passphrase: String,
) -> Reply<()> {
    api::admin::reset_passphrase(&state, name, passphrase)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn audit_verify(state: State<'_, AppState>) -> Reply<AuditReport> {
    api::admin::audit_verify(&state)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn audit_log(
    state: State<'_, AppState>,
    limit: u32,
) -> Reply<Vec<AuditEntryView>> {
    api::admin::audit_log(&state, limit)
}

/// The native save dialog, Rust side (the webview is granted no plugin); `None` when the user
/// cancels. The admin check and the chain check come first: a refused user, or a broken
/// chain, gets the error and no dialog.
#[tauri::command]
#[specta::specta]
pub(super) async fn save_audit_receipt(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
) -> Reply<Option<SavedReceipt>> {
    api::admin::check_receipt(&state)?;
    let picked = super::print::save_dialog(&app)
        .set_file_name(api::admin::receipt_file_name())
        .add_filter("Text", &["txt"])
        .blocking_save_file();
    match super::print::chosen_path(picked)? {
        None => Ok(None),
        Some(path) => api::admin::save_audit_receipt(&state, &path).map(Some),
    }
}
