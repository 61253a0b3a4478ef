//! Helpers shared by the end-to-end tests: where the built binaries are, and fresh vaults.

use std::path::PathBuf;

/// A binary built by this workspace, found next to the running test executable
/// (`target/<profile>/deps/tests-…` → `target/<profile>/<name>`), whatever CARGO_TARGET_DIR is.
pub fn workspace_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its own path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("test executable lives in target/<profile>/deps");
    let path = profile_dir.join(name);
    assert!(
        path.exists(),
        "{} is not built: run `cargo build --workspace` first (make test does)",
        path.display()
    );
    path
}

/// The repository root (for fixtures and the UI build).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the repository root")
        .to_owned()
}

/// A hearing day for tests whose reminders must still lie ahead: the next October 21 at least
/// 60 days from today. Always October 21, so Houston is on daylight time (CDT) and the month's
/// calendar window is known; only the year moves with the clock.
pub fn october_21_ahead() -> chrono::NaiveDate {
    use chrono::Datelike;
    let today = chrono::Utc::now().date_naive();
    let soonest = today + chrono::Days::new(60);
    let this_year = chrono::NaiveDate::from_ymd_opt(soonest.year(), 10, 21);
    match this_year {
        Some(day) if day >= soonest => day,
        _ => chrono::NaiveDate::from_ymd_opt(soonest.year() + 1, 10, 21)
            .expect("October 21 exists every year"),
    }
}
