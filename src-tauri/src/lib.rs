//! Tether's desktop shell: thin Tauri commands over the vault `Session`, the auto-lock timer,
//! and the typed bindings the UI is generated against.
#![forbid(unsafe_code)]

pub mod api;
pub mod command_names;
pub mod commands;
pub mod ipc;
pub mod lock;
pub mod state;
pub mod webview_watch;

use tauri::Manager;
use tether_store::VaultPaths;

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
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .manage(AppState::new(paths))
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            // PDFs handed to the viewer by an earlier run (that crashed) go now.
            api::print::clear_viewer_dir(&viewer_dir(app.handle()));
            lock::start_auto_lock(app.handle().clone());
            // A web view that crashes or hangs gets a native "Reload?" instead of a silent freeze.
            webview_watch::install(app.handle());
            Ok(())
        })
        .run(context())
        .map_err(|e| e.to_string())
}

/// The app's configuration, with the web inspector on in debug builds only. Tauri already
/// leaves it off in release unless its `devtools` feature is on; saying so here keeps it off
/// even if a dependency turns that feature on, because anyone at the keyboard could use the
/// inspector to send raw IPC calls.
fn context() -> tauri::Context<tauri::Wry> {
    let mut context = tauri::generate_context!();
    for window in &mut context.config_mut().app.windows {
        window.devtools = Some(inspector_allowed());
    }
    context
}

/// Developers' debug builds (`make run`) keep the inspector; release builds never have it.
pub const fn inspector_allowed() -> bool {
    cfg!(debug_assertions)
}

/// Where PDFs for the system viewer are written (see `api::print::viewer_dir`).
pub fn viewer_dir(app: &tauri::AppHandle) -> std::path::PathBuf {
    let fallback = app
        .path()
        .app_cache_dir()
        .unwrap_or_else(|_| std::env::temp_dir());
    api::print::viewer_dir(&fallback)
}
