//! The harness: the app under test (Xvfb + tauri-driver + a WebDriver session, torn down on
//! drop), a minimal W3C WebDriver client, and looks at the files the app left on disk.
//!
//! Every test owns its whole world: a fresh temp folder (vault, HOME and XDG folders, so the
//! webview's local storage and caches start empty and stay inside the folder we inspect), its own
//! X display and its own ports. That keeps parallel tests and parallel runs apart, and needs no
//! display from whoever runs `cargo test`. The app sees the fonts of a fresh machine (see
//! [`fonts`]), whatever the machine running the tests has installed.

mod disk;
mod element;
mod fonts;
mod processes;
mod session;

use std::path::Path;
use std::time::Duration;

pub use disk::{find_bytes_in_tree, read_prefix};
pub use element::Element;
pub use processes::wait_for_app_exit;
pub use session::{save_screenshot_if_asked, testid_selector, Session};

use processes::{start_tauri_driver, start_xvfb, Background};

/// How long a screen may take to appear: app start-up, Argon2id in a debug build, a busy CI box.
pub const SCREEN_TIMEOUT: Duration = Duration::from_secs(15);
/// Starting the app inside a new WebDriver session is slower than any single screen change.
const SESSION_TIMEOUT: Duration = Duration::from_secs(60);
/// Between two looks at the page while waiting for it to change.
const POLL_INTERVAL: Duration = Duration::from_millis(100);
/// The Escape key in WebDriver key input (a private-use code point).
pub const KEY_ESCAPE: &str = "\u{E00C}";
/// Tab, Shift, Enter and the arrow down key in WebDriver key input.
pub const KEY_TAB: &str = "\u{E004}";
pub const KEY_SHIFT: &str = "\u{E008}";
pub const KEY_ENTER: &str = "\u{E007}";
pub const KEY_DOWN: &str = "\u{E015}";

/// A test's outcome: WebDriver and process failures are `Err` with a readable message, so the
/// test's `?` shows what went wrong; broken expectations about the app are `assert!`s.
pub type TestResult<T = ()> = Result<T, String>;

/// A fresh temp folder for one test's world: its vault, and the app's HOME and XDG folders.
pub fn temp_home() -> TestResult<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix("tether-wd-")
        .tempdir()
        .map_err(|e| format!("creating the temp folder: {e}"))
}

/// The running app. Fields drop in declaration order, which is the teardown order we need:
/// the session (closes the app), then tauri-driver (and its WebKitWebDriver), then the display.
pub struct App {
    pub session: Session,
    _driver: Background,
    _display: Background,
}

impl App {
    /// Starts a display, tauri-driver and the app with the vault at `vault`; `home` becomes the
    /// app's HOME and XDG folders, and holds the app's font configuration.
    pub fn start(home: &Path, vault: &Path) -> TestResult<App> {
        App::start_binary(home, vault, &tether_tests::workspace_binary("tether-app"))
    }

    /// [`App::start`] with another build of the app (the one a package installs).
    pub fn start_binary(home: &Path, vault: &Path, app_binary: &Path) -> TestResult<App> {
        let app_binary = app_binary.to_path_buf();
        let fonts = fonts::fresh_machine_fonts(home)?;
        let display = start_xvfb()?;
        let mut last_error = String::new();
        for _attempt in 0..3 {
            let (driver, port) = start_tauri_driver(&display, home, vault, fonts.as_deref())?;
            match Session::new(port, &app_binary) {
                Ok(session) => {
                    let app = App {
                        session,
                        _driver: driver,
                        _display: display.process,
                    };
                    if let Some(config) = &fonts {
                        processes::expect_app_env(vault, "FONTCONFIG_FILE", config)?;
                    }
                    return Ok(app);
                }
                // The driver dropped the connection before a session existed: seen once in CI
                // with five window tests in parallel (e.g. a native port another test took
                // between choosing and binding it). Start a fresh driver; a real start-up
                // failure of the app fails all three attempts and is reported.
                Err(e) if e.contains("Network Error") => last_error = e,
                Err(e) => return Err(e),
            }
        }
        Err(format!(
            "no WebDriver session after 3 attempts: {last_error}"
        ))
    }

    /// Ends the session explicitly so a failure to close shows up; drop does the rest.
    pub fn close(self) -> TestResult {
        self.session.delete()
    }
}
