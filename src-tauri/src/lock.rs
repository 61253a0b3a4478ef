//! Locking from the shell. The `lock` command and the auto-lock thread both go through
//! [`lock_and_announce`]: the session is dropped (closing the connection and zeroizing the
//! key), the PDFs handed to the viewer are removed, and the window hears `vault-locked`.

use std::time::{Duration, Instant};

use tauri::{AppHandle, Manager};
use tauri_specta::Event;

use crate::api::print::clear_viewer_dir;
use crate::ipc::vault::{LockReason, VaultLocked};
use crate::state::AppState;

/// Locks for `reason` (see `AppState::lock_for`) and tells the window; true if it did.
pub fn lock_and_announce(app: &AppHandle, reason: LockReason) -> bool {
    let state = app.state::<AppState>();
    if !state.lock_for(reason, Instant::now()) {
        return false;
    }
    clear_viewer_dir(&crate::viewer_dir(app));
    let _ = VaultLocked { reason }.emit(app);
    true
}

/// Checks idleness every few seconds and, once a day while the vault is open, tells the user
/// how many follow-up tasks are due.
pub fn start_auto_lock(app: AppHandle) {
    std::thread::spawn(move || {
        let mut notified_on = None;
        loop {
            std::thread::sleep(Duration::from_secs(5));
            if lock_and_announce(&app, LockReason::Idle) {
                continue;
            }
            let due = app.state::<AppState>().peek_session(|s| {
                let today = s.today();
                (today, s.tasks_due_count(today).unwrap_or(0))
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
fn notify_tasks_due(app: &AppHandle, count: usize) {
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
