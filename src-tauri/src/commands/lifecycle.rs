//! A case's life and its sponsor's record: close, reopen, void, merge, assign, link, and
//! sponsors' edits and merges.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::cases::{ChildDetail, HouseholdMember, SponsorDetail, SponsorForm, SponsorInput};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub(super) async fn close_child(
    state: State<'_, AppState>,
    id_or_case: String,
    reason: String,
    note: Option<String>,
) -> Reply<ChildDetail> {
    api::lifecycle::close_child(&state, id_or_case, reason, note)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn reopen_child(
    state: State<'_, AppState>,
    id_or_case: String,
    note: String,
) -> Reply<ChildDetail> {
    api::lifecycle::reopen_child(&state, id_or_case, note)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn void_child(
    state: State<'_, AppState>,
    id_or_case: String,
    reason: String,
) -> Reply<ChildDetail> {
    api::lifecycle::void_child(&state, id_or_case, reason)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn merge_children(
    state: State<'_, AppState>,
    keep: String,
    dup: String,
) -> Reply<ChildDetail> {
    api::lifecycle::merge_children(&state, keep, dup)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn assign_child(
    state: State<'_, AppState>,
    id_or_case: String,
    user: String,
) -> Reply<ChildDetail> {
    api::lifecycle::assign_child(&state, id_or_case, user)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn link_sponsor(
    state: State<'_, AppState>,
    id_or_case: String,
    sponsor_id: Option<u32>,
    category: Option<String>,
    relationship: Option<String>,
) -> Reply<ChildDetail> {
    api::lifecycle::link_sponsor(&state, id_or_case, sponsor_id, category, relationship)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn get_sponsor(
    state: State<'_, AppState>,
    sponsor_id: u32,
) -> Reply<SponsorDetail> {
    api::lifecycle::get_sponsor(&state, sponsor_id)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn sponsor_form(
    state: State<'_, AppState>,
    sponsor_id: u32,
) -> Reply<SponsorForm> {
    api::lifecycle::sponsor_form(&state, sponsor_id)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn update_sponsor(
    state: State<'_, AppState>,
    sponsor_id: u32,
    input: SponsorInput,
    household: Vec<HouseholdMember>,
) -> Reply<SponsorDetail> {
    api::lifecycle::update_sponsor(&state, sponsor_id, input, household)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn merge_sponsors(
    state: State<'_, AppState>,
    keep: u32,
    dup: u32,
) -> Reply<SponsorDetail> {
    api::lifecycle::merge_sponsors(&state, keep, dup)
}
