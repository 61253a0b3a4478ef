//! Vault and session commands: first run, unlock, lock, activity, passphrase, auto-lock.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::vault::{LockReason, PassphraseHint, SessionInfo, VaultStatus};
use crate::state::AppState;

/// Asked as the user types a new passphrase. A secret crosses in, only a level and a code
/// come back; the passphrase is wiped when the call returns.
#[tauri::command]
#[specta::specta]
pub(super) fn passphrase_hint(passphrase: String) -> PassphraseHint {
    let passphrase = zeroize::Zeroizing::new(passphrase);
    api::vault::passphrase_hint(&passphrase)
}

#[tauri::command]
#[specta::specta]
pub(super) fn vault_status(state: State<'_, AppState>) -> VaultStatus {
    api::vault::vault_status(&state)
}

// Argon2id takes a noticeable fraction of a second: async keeps it off the UI thread.
#[tauri::command]
#[specta::specta]
pub(super) async fn create_vault(
    state: State<'_, AppState>,
    user_name: String,
    passphrase: String,
) -> Reply<SessionInfo> {
    api::vault::create_vault(&state, user_name, passphrase)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn unlock(
    state: State<'_, AppState>,
    user_name: String,
    passphrase: String,
) -> Reply<SessionInfo> {
    api::vault::unlock(&state, user_name, passphrase)
}

#[tauri::command]
#[specta::specta]
pub(super) fn lock(app: tauri::AppHandle) {
    crate::lock::lock_and_announce(&app, LockReason::User);
}

#[tauri::command]
#[specta::specta]
pub(super) fn touch(state: State<'_, AppState>) {
    api::vault::touch(&state);
}

#[tauri::command]
#[specta::specta]
pub(super) async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    new_passphrase: String,
) -> Reply<()> {
    api::vault::change_passphrase(&state, current, new_passphrase)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn set_auto_lock_minutes(
    state: State<'_, AppState>,
    minutes: u32,
) -> Reply<SessionInfo> {
    api::vault::set_auto_lock_minutes(&state, minutes)
}
