//! Admin commands: users and the audit log.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::admin::{AuditEntryView, AuditReport, UserSummary};
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
