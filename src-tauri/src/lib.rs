//! Tether's desktop shell: thin Tauri commands over the vault `Session`, the auto-lock timer,
//! and the typed bindings the UI is generated against.
#![forbid(unsafe_code)]

pub mod api;
pub mod api_cases;
pub mod api_followup;
pub mod api_print;
pub mod commands;
pub mod ipc;
pub mod ipc_cases;
pub mod ipc_followup;
pub mod ipc_print;
pub mod state;

use std::time::{Duration, Instant};

use tauri::Manager;
use tauri_specta::Event;
use tether_store::VaultPaths;

use crate::ipc::{LockReason, VaultLocked};
use crate::state::AppState;

/// The vault folder: `TETHER_VAULT` when set (tests, several clinics on one machine), otherwise
/// the platform data folder shared with the `tether` CLI.
pub fn vault_paths() -> Result<VaultPaths, String> {
    if let Some(dir) = std::env::var_os("TETHER_VAULT") {
        return Ok(VaultPaths::new(dir));
    }
    VaultPaths::default_dir()
        .map(VaultPaths::new)
        .ok_or_else(|| "no home folder: set TETHER_VAULT to the vault folder".to_owned())
}

pub fn run() -> Result<(), String> {
    let paths = vault_paths()?;
    let builder = commands::builder();
    tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::new(paths))
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            // PDFs handed to the viewer by an earlier run (that crashed) go now.
            api_print::clear_viewer_dir(&viewer_dir(app.handle()));
            start_auto_lock(app.handle().clone());
            Ok(())
        })
        .run(tauri::generate_context!())
        .map_err(|e| e.to_string())
}

/// Where PDFs for the system viewer are written (see `api_print::viewer_dir`).
pub fn viewer_dir(app: &tauri::AppHandle) -> std::path::PathBuf {
    let fallback = app
        .path()
        .app_cache_dir()
        .unwrap_or_else(|_| std::env::temp_dir());
    api_print::viewer_dir(&fallback)
}

/// Checks idleness every few seconds (locking drops the session, which zeroizes the key) and,
/// once a day while the vault is open, tells the user how many follow-up tasks are due.
fn start_auto_lock(app: tauri::AppHandle) {
    std::thread::spawn(move || {
        let mut notified_on = None;
        loop {
            std::thread::sleep(Duration::from_secs(5));
            let state = app.state::<AppState>();
            if state.lock_if_idle(Instant::now()) {
                api_print::clear_viewer_dir(&viewer_dir(&app));
                let _ = VaultLocked {
                    reason: LockReason::Idle,
                }
                .emit(&app);
                continue;
            }
            let due = state.peek_session(|s| {
                let today = s.today();
                (today, s.tasks(today).map(|t| t.len()).unwrap_or(0))
            });
            if let Some((today, count)) = due {
                if notified_on != Some(today) {
                    notified_on = Some(today);
                    if count > 0 {
                        notify_tasks_due(&app, count);
                    }
                }
            }
        }
    });
}

/// The backend does not know the window's language: the notification says it in both.
fn notify_tasks_due(app: &tauri::AppHandle, count: usize) {
    use tauri_plugin_notification::NotificationExt;
    let _ = app
        .notification()
        .builder()
        .title("Tether")
        .body(format!(
            "{count} follow-up task(s) due today · {count} tarea(s) de seguimiento para hoy"
        ))
        .show();
}
