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

/// The header of the release-records CSV that `tether import` reads (the fixtures' first line).
pub const RELEASE_HEADER: &str = "child_given_name,child_family_name,child_dob,a_number,\
country_of_birth,primary_language,interpreter_needed,release_date,orr_program,\
sponsor_given_name,sponsor_family_name,sponsor_relationship,sponsor_category,sponsor_phone,\
sponsor_address_line1,sponsor_address_line2,sponsor_city,sponsor_state,sponsor_postal_code,\
nta_status,nta_served_date,court_code,next_hearing";

/// Runs the `tether` CLI on the vault folder `vault`, signed in as `user`. Other passphrases
/// (new, backup) come only from `env`, never from the environment of whoever runs the tests.
pub fn tether(
    vault: &std::path::Path,
    user: &str,
    passphrase: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> std::process::Output {
    let mut cmd = std::process::Command::new(workspace_binary("tether"));
    cmd.args(args)
        .env("TETHER_VAULT", vault)
        .env("TETHER_USER", user)
        .env("TETHER_PASSPHRASE", passphrase)
        .env_remove("TETHER_NEW_PASSPHRASE")
        .env_remove("TETHER_BACKUP_PASSPHRASE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("tether runs")
}

/// [`tether`], expecting success; returns stdout.
pub fn tether_ok(
    vault: &std::path::Path,
    user: &str,
    passphrase: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> String {
    let out = tether(vault, user, passphrase, args, env);
    assert!(
        out.status.success(),
        "tether {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}
