//! The `#[tauri::command]`s: each parses its arguments and calls `api`. Nothing else.

use tauri::State;
use tauri_specta::{collect_commands, collect_events, Builder};

use crate::api;
use crate::ipc::{
    AppError, AuditEntryView, AuditReport, LockReason, Role, SessionInfo, UserSummary, VaultLocked,
    VaultStatus,
};
use crate::state::AppState;

type Reply<T> = Result<T, AppError>;

#[tauri::command]
#[specta::specta]
fn vault_status(state: State<'_, AppState>) -> VaultStatus {
    api::vault_status(&state)
}

// Argon2id takes a noticeable fraction of a second: async keeps it off the UI thread.
#[tauri::command]
#[specta::specta]
async fn create_vault(
    state: State<'_, AppState>,
    user_name: String,
    passphrase: String,
) -> Reply<SessionInfo> {
    api::create_vault(&state, user_name, passphrase)
}

#[tauri::command]
#[specta::specta]
async fn unlock(
    state: State<'_, AppState>,
    user_name: String,
    passphrase: String,
) -> Reply<SessionInfo> {
    api::unlock(&state, user_name, passphrase)
}

#[tauri::command]
#[specta::specta]
fn lock(state: State<'_, AppState>, app: tauri::AppHandle) {
    api::lock(&state);
    use tauri_specta::Event;
    let _ = VaultLocked {
        reason: LockReason::User,
    }
    .emit(&app);
}

#[tauri::command]
#[specta::specta]
fn touch(state: State<'_, AppState>) {
    api::touch(&state);
}

#[tauri::command]
#[specta::specta]
async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    new_passphrase: String,
) -> Reply<()> {
    api::change_passphrase(&state, current, new_passphrase)
}

#[tauri::command]
#[specta::specta]
async fn list_users(state: State<'_, AppState>) -> Reply<Vec<UserSummary>> {
    api::list_users(&state)
}

#[tauri::command]
#[specta::specta]
async fn add_user(
    state: State<'_, AppState>,
    name: String,
    role: Role,
    passphrase: String,
) -> Reply<UserSummary> {
    api::add_user(&state, name, role, passphrase)
}

#[tauri::command]
#[specta::specta]
async fn remove_user(state: State<'_, AppState>, name: String) -> Reply<()> {
    api::remove_user(&state, name)
}

#[tauri::command]
#[specta::specta]
async fn reset_passphrase(
    state: State<'_, AppState>,
    name: String,
    passphrase: String,
) -> Reply<()> {
    api::reset_passphrase(&state, name, passphrase)
}

#[tauri::command]
#[specta::specta]
async fn set_auto_lock_minutes(state: State<'_, AppState>, minutes: u32) -> Reply<SessionInfo> {
    api::set_auto_lock_minutes(&state, minutes)
}

#[tauri::command]
#[specta::specta]
async fn audit_verify(state: State<'_, AppState>) -> Reply<AuditReport> {
    api::audit_verify(&state)
}

#[tauri::command]
#[specta::specta]
async fn audit_log(state: State<'_, AppState>, limit: u32) -> Reply<Vec<AuditEntryView>> {
    api::audit_log(&state, limit)
}

/// One builder serves the invoke handler and the bindings export (and its staleness test).
pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            vault_status,
            create_vault,
            unlock,
            lock,
            touch,
            change_passphrase,
            list_users,
            add_user,
            remove_user,
            reset_passphrase,
            set_auto_lock_minutes,
            audit_verify,
            audit_log,
        ])
        .events(collect_events![VaultLocked])
        // IPC types are one-way (Rust → UI) or simple: one TypeScript shape each is clearer.
        .disable_serde_phases()
}

pub const BINDINGS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/bindings.ts");

pub fn render_bindings() -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("tether-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("bindings.ts");
    builder()
        .export(specta_typescript::Typescript::default(), &file)
        .map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(&file).map_err(|e| e.to_string());
    let _ = std::fs::remove_dir_all(&dir);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `TETHER_UPDATE_BINDINGS=1 cargo test -p tether-app bindings` rewrites the file.
    #[test]
    fn committed_bindings_are_current() -> Result<(), String> {
        let fresh = render_bindings()?;
        if std::env::var_os("TETHER_UPDATE_BINDINGS").is_some() {
            std::fs::write(BINDINGS_PATH, &fresh).map_err(|e| e.to_string())?;
        }
        let committed = std::fs::read_to_string(BINDINGS_PATH).map_err(|e| e.to_string())?;
        assert!(
            committed == fresh,
            "ui/src/lib/bindings.ts is stale: run `make bindings` and commit it"
        );
        Ok(())
    }
}
