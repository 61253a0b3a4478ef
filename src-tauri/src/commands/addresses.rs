//! Addresses volunteers reported on calls, for case managers to confirm or reject.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::addresses::PendingAddress;
use crate::ipc::cases::SponsorDetail;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub(super) async fn pending_addresses(state: State<'_, AppState>) -> Reply<Vec<PendingAddress>> {
    api::addresses::pending_addresses(&state)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn confirm_address(
    state: State<'_, AppState>,
    report_id: u32,
) -> Reply<SponsorDetail> {
    api::addresses::confirm_address(&state, report_id)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn reject_address(
    state: State<'_, AppState>,
    report_id: u32,
    reason: String,
) -> Reply<PendingAddress> {
    api::addresses::reject_address(&state, report_id, reason)
}
