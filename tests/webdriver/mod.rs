//! The desktop app end to end, through its window: `tauri-driver` (W3C WebDriver, backed by
//! WebKitWebDriver) drives the real `tether-app` binary on a private Xvfb display. The harness
//! (processes, WebDriver client, fonts) is in harness/, the steps every flow takes through the
//! UI in steps.rs, and the tests by screen or flow beside them.

mod accessibility;
mod calls;
mod case_month;
mod children;
mod harness;
mod legal;
mod lifecycle;
mod package;
mod printing;
mod screenshots;
mod sign_in;
mod steps;

// Every user of the window tests has the passphrase of the CLI tests' admin.
use tether_tests::ADMIN_PASS as PASSPHRASE;

/// The user who creates the vault through the window. A canary: the name must never be on disk
/// in clear.
const CANARY_USER: &str = "canaryWD7q";
/// The admin of the tests whose vault the CLI prepares (so the app opens on the unlock screen).
const CALL_ADMIN: &str = "coordinadora";
