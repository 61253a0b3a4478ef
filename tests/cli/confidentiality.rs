//! Confidentiality: what the CLI leaves on disk holds no user name in clear, even after a kill -9.

use std::fs;
use std::path::Path;
use std::process::Command;

use secrecy::SecretString;
use tether_store::VaultPaths;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, VOLUNTEER_PASS};

use super::{contains, paths, snapshot};

/// The canary as UTF-8 and as UTF-16LE (how some tools store text).
fn canary_forms(canary: &str) -> Vec<Vec<u8>> {
    let utf16: Vec<u8> = canary.encode_utf16().flat_map(u16::to_le_bytes).collect();
    vec![canary.as_bytes().to_vec(), utf16]
}

fn assert_no_canary(dir: &Path, canary: &str) {
    for (path, bytes) in snapshot(dir) {
        for form in canary_forms(canary) {
            assert!(
                !contains(&bytes, &form),
                "{canary} readable in {}",
                path.display()
            );
        }
    }
}

fn assert_not_plain_sqlite(db: &Path) {
    let bytes = fs::read(db).expect("database file");
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "{} is plaintext SQLite",
        db.display()
    );
}

#[test]
fn canary_user_names_are_never_readable_on_disk() {
    let clinic = Clinic::empty();
    let canary_admin = "canaryADM4k";
    let canary_user = "canaryCLI9z";
    let mut logs = Vec::new();
    let out = clinic.run(canary_admin, ADMIN_PASS, &["init"], &[]);
    logs.push(out);
    let out = clinic.run(
        canary_admin,
        ADMIN_PASS,
        &["user", "add", canary_user, "--role", "case_manager"],
        &[("TETHER_NEW_PASSPHRASE", VOLUNTEER_PASS)],
    );
    logs.push(out);
    assert!(logs.iter().all(|o| o.status.success()));

    // While the vault is open, with the additions in the WAL and not yet checkpointed.
    let open = tether_store::unlock(
        &paths(&clinic),
        canary_user,
        &SecretString::from(VOLUNTEER_PASS.to_owned()),
    )
    .expect("canary user signs in");
    for canary in [canary_admin, canary_user] {
        assert_no_canary(&clinic.vault(), canary);
        assert_no_canary(&clinic.tmp(), canary);
    }
    drop(open);

    for canary in [canary_admin, canary_user] {
        assert_no_canary(&clinic.vault(), canary);
        assert_no_canary(&clinic.tmp(), canary);
        // The CLI's own output is its log; the user names it echoes are on the terminal only.
        for out in &logs {
            assert!(!contains(&out.stderr, canary.as_bytes()));
        }
    }
    assert_not_plain_sqlite(&paths(&clinic).database());
}

/// A writer killed with SIGKILL before any checkpoint leaves only ciphertext behind, and the
/// write it acknowledged is there on the next unlock.
#[test]
fn canary_survives_kill_9_only_as_ciphertext() {
    if std::env::var_os("TETHER_CRASH_CHILD").is_some() {
        return; // this copy of the test binary is the child; see crash_child below
    }
    let clinic = Clinic::with_staff();
    let canary = "canaryKILL3x";
    let child_test = crash_child_name();
    let mut child = Command::new(std::env::current_exe().expect("own path"))
        .args([
            "--exact",
            child_test.as_str(),
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("TETHER_CRASH_CHILD", "1")
        .env("TETHER_VAULT", clinic.vault())
        .env("TETHER_CANARY", canary)
        .env("TMPDIR", clinic.tmp())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("child starts");
    let stdout = child.stdout.take().expect("child stdout");
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    let ready = lines.any(|l| l.map(|l| l.contains("CANARY-WRITTEN")).unwrap_or(false));
    assert!(ready, "the child never reported its write");

    let wal = paths(&clinic).database().with_extension("db-wal");
    assert!(
        wal.exists(),
        "the write sits in the WAL, not yet checkpointed"
    );
    assert_no_canary(&clinic.vault(), canary);
    child.kill().expect("SIGKILL the child");
    child.wait().expect("child reaped");

    assert_no_canary(&clinic.vault(), canary);
    assert_no_canary(&clinic.tmp(), canary);
    assert_not_plain_sqlite(&paths(&clinic).database());
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    assert!(
        users
            .as_array()
            .expect("list")
            .iter()
            .any(|u| u["name"] == canary),
        "the acknowledged write survived the kill"
    );
    clinic.ok(ADMIN, ADMIN_PASS, &["audit", "verify"], &[]);
}

/// The name libtest knows [`crash_child`] by: its module path without the test crate's name.
fn crash_child_name() -> String {
    let module = module_path!();
    let module = module.split_once("::").map_or(module, |(_, inside)| inside);
    format!("{module}::crash_child")
}

#[test]
#[ignore = "helper process for canary_survives_kill_9_only_as_ciphertext"]
fn crash_child() {
    let (Some(vault), Some(canary)) = (
        std::env::var_os("TETHER_VAULT"),
        std::env::var("TETHER_CANARY").ok(),
    ) else {
        return;
    };
    let mut session = tether_store::unlock(
        &VaultPaths::new(vault),
        ADMIN,
        &SecretString::from(ADMIN_PASS.to_owned()),
    )
    .expect("child signs in");
    session
        .add_user(
            &canary,
            tether_core::Role::Volunteer,
            &SecretString::from(VOLUNTEER_PASS.to_owned()),
        )
        .expect("child writes the canary");
    println!("CANARY-WRITTEN");
    std::thread::sleep(std::time::Duration::from_secs(120));
}
