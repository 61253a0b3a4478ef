//! The `tether` CLI driven as a process, against real vault folders on disk.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use secrecy::SecretString;
use serde_json::Value;
use tether_store::VaultPaths;

const ADMIN: &str = "maría.lópez";
const ADMIN_PASS: &str = "correct horse battery staple";
const VOLUNTEER: &str = "josé.ramírez";
const VOLUNTEER_PASS: &str = "volunteer passphrase 2026";
const BACKUP_PASS: &str = "backup passphrase for the safe";

/// A clinic's machine: a vault folder and a private temp folder that the processes use.
struct Clinic {
    root: tempfile::TempDir,
}

impl Clinic {
    fn new() -> Self {
        let clinic = Clinic {
            root: tempfile::tempdir().expect("temp dir"),
        };
        fs::create_dir_all(clinic.tmp()).expect("private temp folder");
        clinic
    }

    /// A clinic with an admin and a volunteer.
    fn with_staff() -> Self {
        let clinic = Clinic::new();
        clinic.ok(ADMIN, ADMIN_PASS, &["init"], &[]);
        clinic.ok(
            ADMIN,
            ADMIN_PASS,
            &["user", "add", VOLUNTEER, "--role", "volunteer"],
            &[("TETHER_NEW_PASSPHRASE", VOLUNTEER_PASS)],
        );
        clinic
    }

    fn vault(&self) -> PathBuf {
        self.root.path().join("vault")
    }

    fn tmp(&self) -> PathBuf {
        self.root.path().join("tmp")
    }

    fn paths(&self) -> VaultPaths {
        VaultPaths::new(self.vault())
    }

    /// The processes' temp files go to this clinic's own folder (searched for the canary).
    fn env<'a>(&self, tmp: &'a str, env: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
        let mut all = vec![("TMPDIR", tmp)];
        all.extend_from_slice(env);
        all
    }

    fn run(&self, user: &str, pass: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
        let tmp = self.tmp();
        let tmp = tmp.to_str().expect("utf-8 temp path");
        tether_tests::tether(&self.vault(), user, pass, args, &self.env(tmp, env))
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, user: &str, pass: &str, args: &[&str], env: &[(&str, &str)]) -> String {
        let tmp = self.tmp();
        let tmp = tmp.to_str().expect("utf-8 temp path");
        tether_tests::tether_ok(&self.vault(), user, pass, args, &self.env(tmp, env))
    }

    /// Runs and expects failure with `code`; returns the one-line stderr.
    fn fails(
        &self,
        user: &str,
        pass: &str,
        args: &[&str],
        env: &[(&str, &str)],
        code: i32,
    ) -> String {
        let out = self.run(user, pass, args, env);
        let stderr = String::from_utf8(out.stderr).expect("utf-8 stderr");
        assert_eq!(
            out.status.code(),
            Some(code),
            "tether {args:?}: expected exit {code}, got {:?}: {stderr}",
            out.status.code()
        );
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "one-line error: {stderr:?}"
        );
        stderr
    }

    fn json(&self, user: &str, pass: &str, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(user, pass, args, &[])).expect("valid JSON")
    }

    fn audit(&self) -> Vec<Value> {
        let log = self.json(
            ADMIN,
            ADMIN_PASS,
            &["audit", "log", "--json", "--limit", "10000"],
        );
        log.as_array().expect("audit log is a list").clone()
    }
}

/// Every file under `dir` with its bytes: compare before and after to prove nothing changed.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.insert(path.clone(), fs::read(&path).expect("readable file"));
        }
    }
    files
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

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

// ---- confidentiality -------------------------------------------------------------------------

#[test]
fn canary_user_names_are_never_readable_on_disk() {
    let clinic = Clinic::new();
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
        &clinic.paths(),
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
    assert_not_plain_sqlite(&clinic.paths().database());
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
    let mut child = Command::new(std::env::current_exe().expect("own path"))
        .args([
            "--exact",
            "cli::crash_child",
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

    let wal = clinic.paths().database().with_extension("db-wal");
    assert!(
        wal.exists(),
        "the write sits in the WAL, not yet checkpointed"
    );
    assert_no_canary(&clinic.vault(), canary);
    child.kill().expect("SIGKILL the child");
    child.wait().expect("child reaped");

    assert_no_canary(&clinic.vault(), canary);
    assert_no_canary(&clinic.tmp(), canary);
    assert_not_plain_sqlite(&clinic.paths().database());
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

// ---- failing closed ----------------------------------------------------------------------------

#[test]
fn bad_credentials_and_damaged_files_fail_closed_and_touch_nothing() {
    let clinic = Clinic::with_staff();
    let vault = clinic.vault();
    let before = snapshot(&vault);

    let err = clinic.fails(
        ADMIN,
        "not the passphrase at all",
        &["user", "list"],
        &[],
        3,
    );
    assert!(err.contains("user name or passphrase is wrong"), "{err}");
    let err = clinic.fails("nadie", ADMIN_PASS, &["user", "list"], &[], 3);
    assert!(err.contains("user name or passphrase is wrong"), "{err}");
    assert_eq!(
        snapshot(&vault),
        before,
        "failed sign-ins changed the vault"
    );

    // Missing key-slot file.
    let slots = clinic.paths().key_slots();
    let slot_bytes = fs::read(&slots).expect("slots");
    fs::remove_file(&slots).expect("remove slots");
    let without = snapshot(&vault);
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 7);
    assert!(
        err.contains("key-slot file") && err.contains("missing"),
        "{err}"
    );
    assert_eq!(snapshot(&vault), without);

    // Corrupted key-slot file.
    fs::write(&slots, b"{\"format\": \"tether-keyslots\", garbage").expect("corrupt slots");
    let corrupted = snapshot(&vault);
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 7);
    assert!(
        err.contains("key-slot file") && err.contains("damaged"),
        "{err}"
    );
    assert_eq!(snapshot(&vault), corrupted);
    fs::write(&slots, &slot_bytes).expect("restore slots");

    // One flipped byte deep inside the database.
    let db = clinic.paths().database();
    let mut bytes = fs::read(&db).expect("db");
    let middle = bytes.len() / 2 + 100;
    bytes[middle] ^= 0x01;
    fs::write(&db, &bytes).expect("flip a byte");
    let flipped = snapshot(&vault);
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 7);
    assert!(err.contains("damaged"), "{err}");
    assert_eq!(snapshot(&vault), flipped, "a damaged database was modified");

    // No vault at all: nothing is created.
    let empty = Clinic::new();
    let err = empty.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 6);
    assert!(err.contains("no vault"), "{err}");
    assert!(!empty.vault().exists(), "a new vault folder was created");
}

#[test]
fn init_refuses_an_existing_vault_and_bad_input_names_the_field() {
    let clinic = Clinic::with_staff();
    let before = snapshot(&clinic.vault());
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["init"], &[], 5);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(snapshot(&clinic.vault()), before);

    let fresh = Clinic::new();
    let err = fresh.fails("ana lópez", ADMIN_PASS, &["init"], &[], 8);
    assert!(err.contains("user_name"), "{err}");
    let err = fresh.fails("ana", "short", &["init"], &[], 8);
    assert!(err.contains("passphrase") && err.contains("12"), "{err}");
    assert!(!fresh.vault().join("tether.db").exists());
}

// ---- roles ---------------------------------------------------------------------------------------

#[test]
fn volunteer_is_denied_admin_work_and_each_denial_is_audited() {
    let clinic = Clinic::with_staff();
    let env = [
        ("TETHER_NEW_PASSPHRASE", "another long passphrase"),
        ("TETHER_BACKUP_PASSPHRASE", BACKUP_PASS),
    ];
    let backup = clinic.root.path().join("volunteer.tbk");
    let backup_arg = backup.to_str().expect("utf-8 path");
    let denied: [&[&str]; 5] = [
        &["user", "add", "carla", "--role", "admin"],
        &["rekey"],
        &["backup", "--out", backup_arg],
        &["audit", "log"],
        &["audit", "verify"],
    ];
    for args in denied {
        let err = clinic.fails(VOLUNTEER, VOLUNTEER_PASS, args, &env, 4);
        assert!(err.contains("may not"), "{args:?}: {err}");
    }
    assert!(!backup.exists(), "a denied backup wrote a file");

    let denials: Vec<String> = clinic
        .audit()
        .iter()
        .filter(|e| e["outcome"] == "denied")
        .map(|e| {
            format!(
                "{}:{}",
                e["actor"].as_str().unwrap_or(""),
                e["action"].as_str().unwrap_or("")
            )
        })
        .collect();
    for action in [
        "user_added",
        "rekeyed",
        "backup_created",
        "audit_read",
        "audit_verified",
    ] {
        assert!(
            denials.contains(&format!("{VOLUNTEER}:{action}")),
            "no denied {action} entry in {denials:?}"
        );
    }
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    assert_eq!(
        users.as_array().map(Vec::len),
        Some(2),
        "the volunteer added nobody"
    );
}

// ---- the audit chain -----------------------------------------------------------------------------

fn raw(clinic: &Clinic) -> rusqlite::Connection {
    tether_store::inspect::open_raw(
        &clinic.paths(),
        ADMIN,
        &SecretString::from(ADMIN_PASS.to_owned()),
    )
    .expect("raw connection")
}

/// Tampering "directly through SQLCipher": the append-only triggers are dropped first, as an
/// attacker holding the key would.
fn tamper(clinic: &Clinic, sql: &str) {
    let conn = raw(clinic);
    conn.execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
        .expect("drop guards");
    conn.execute_batch(sql).expect("tamper");
}

#[test]
fn audit_verify_passes_then_names_the_first_tampered_entry() {
    let edited = Clinic::with_staff();
    let ok = edited.ok(ADMIN, ADMIN_PASS, &["audit", "verify"], &[]);
    assert!(
        ok.starts_with("ok: ") && ok.trim_end().ends_with(" entries"),
        "{ok}"
    );
    let n: u64 = ok
        .trim()
        .trim_start_matches("ok: ")
        .trim_end_matches(" entries")
        .parse()
        .expect("count");
    assert!(n >= 4, "{ok}");

    tamper(&edited, "UPDATE audit SET actor = 'intruso' WHERE seq = 3;");
    let err = edited.fails(ADMIN, ADMIN_PASS, &["audit", "verify"], &[], 7);
    assert!(err.contains("entry #3") && err.contains("changed"), "{err}");

    let deleted = Clinic::with_staff();
    tamper(&deleted, "DELETE FROM audit WHERE seq = 2;");
    let err = deleted.fails(ADMIN, ADMIN_PASS, &["audit", "verify"], &[], 7);
    assert!(err.contains("entry #3"), "{err}");

    let swapped = Clinic::with_staff();
    tamper(
        &swapped,
        "UPDATE audit SET id = -1 WHERE seq = 2;
         UPDATE audit SET id = 2 WHERE seq = 3;
         UPDATE audit SET id = 3 WHERE seq = 2;",
    );
    let err = swapped.fails(ADMIN, ADMIN_PASS, &["audit", "verify"], &[], 7);
    assert!(err.contains("entry #3 (row 2)"), "{err}");
}

// ---- secrets change, rows stay -------------------------------------------------------------------

fn audit_prefix_kept(before: &[Value], after: &[Value]) {
    // Logs are newest first: every earlier entry is still there, unchanged, at the end.
    assert!(after.len() >= before.len());
    assert_eq!(&after[after.len() - before.len()..], before);
}

#[test]
fn passwd_and_user_remove_keep_rows_and_retire_old_secrets() {
    let clinic = Clinic::with_staff();
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    let audit = clinic.audit();

    let new_pass = "un pasaporte nuevo y largo";
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["passwd"],
        &[("TETHER_NEW_PASSPHRASE", new_pass)],
    );
    clinic.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 3);
    assert_eq!(
        clinic.json(ADMIN, new_pass, &["user", "list", "--json"]),
        users
    );

    clinic.ok(ADMIN, new_pass, &["user", "remove", VOLUNTEER], &[]);
    clinic.fails(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["passwd"],
        &[("TETHER_NEW_PASSPHRASE", "whatever it is now")],
        3,
    );
    let remaining = clinic.json(ADMIN, new_pass, &["user", "list", "--json"]);
    assert_eq!(remaining.as_array().map(Vec::len), Some(1));

    let after = serde_json::from_str::<Value>(&clinic.ok(
        ADMIN,
        new_pass,
        &["audit", "log", "--json", "--limit", "10000"],
        &[],
    ))
    .expect("json");
    audit_prefix_kept(&audit, after.as_array().expect("list"));
    clinic.ok(ADMIN, new_pass, &["audit", "verify"], &[]);
}

#[test]
fn rekey_keeps_every_row_and_the_old_key_stops_working() {
    let clinic = Clinic::with_staff();
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    let audit = clinic.audit();
    let old_slots = fs::read(clinic.paths().key_slots()).expect("slots");

    clinic.ok(ADMIN, ADMIN_PASS, &["rekey"], &[]);
    assert_eq!(
        clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]),
        users
    );
    // The volunteer, who was not there, still gets in: the new key was sealed to every slot.
    clinic.ok(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["passwd"],
        &[("TETHER_NEW_PASSPHRASE", "volunteer passphrase 2027")],
    );
    audit_prefix_kept(&audit, &clinic.audit());
    clinic.ok(ADMIN, ADMIN_PASS, &["audit", "verify"], &[]);

    // The old key-slot file yields the old data key, which no longer opens the database.
    let current_slots = fs::read(clinic.paths().key_slots()).expect("slots");
    fs::write(clinic.paths().key_slots(), &old_slots).expect("old slots back");
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["user", "list"], &[], 7);
    assert!(err.contains("cannot be decrypted"), "{err}");
    fs::write(clinic.paths().key_slots(), current_slots).expect("current slots back");
    clinic.ok(ADMIN, ADMIN_PASS, &["audit", "verify"], &[]);
}

#[test]
fn backup_restores_to_a_working_vault_and_never_overwrites_silently() {
    let clinic = Clinic::with_staff();
    let backup = clinic.root.path().join("clinic.tbk");
    let backup_arg = backup.to_str().expect("utf-8 path");
    let env = [("TETHER_BACKUP_PASSPHRASE", BACKUP_PASS)];
    clinic.ok(ADMIN, ADMIN_PASS, &["backup", "--out", backup_arg], &env);
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    let audit = clinic.audit();
    assert!(!contains(
        &fs::read(&backup).expect("backup"),
        ADMIN.as_bytes()
    ));

    // Never over an existing file.
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["backup", "--out", backup_arg], &env, 8);
    assert!(err.contains("already exists"), "{err}");

    // Into an empty place: a working vault with the same users and history.
    let elsewhere = Clinic::new();
    elsewhere.fails(
        ADMIN,
        ADMIN_PASS,
        &["restore", backup_arg],
        &[("TETHER_BACKUP_PASSPHRASE", "the wrong backup passphrase")],
        3,
    );
    assert!(
        !elsewhere.vault().exists(),
        "a failed restore left files behind"
    );
    elsewhere.ok(ADMIN, ADMIN_PASS, &["restore", backup_arg], &env);
    assert_eq!(
        elsewhere.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]),
        users
    );
    elsewhere.ok(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["passwd"],
        &[("TETHER_NEW_PASSPHRASE", "volunteer passphrase 2027")],
    );
    // The backup holds the chain up to and including its own `backup_created` entry.
    let in_backup: Vec<Value> = audit
        .iter()
        .skip_while(|e| e["action"] != "backup_created")
        .cloned()
        .collect();
    assert!(!in_backup.is_empty());
    audit_prefix_kept(&in_backup, &elsewhere.audit());
    elsewhere.ok(ADMIN, ADMIN_PASS, &["audit", "verify"], &[]);

    // Onto an existing vault: refused without --force, vault untouched.
    let before = snapshot(&clinic.vault());
    let err = clinic.fails(ADMIN, ADMIN_PASS, &["restore", backup_arg], &env, 5);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(snapshot(&clinic.vault()), before);

    // With --force: replaced, and the replaced vault is kept aside, not deleted.
    let out = clinic.ok(ADMIN, ADMIN_PASS, &["restore", backup_arg, "--force"], &env);
    assert!(out.contains("moved to"), "{out}");
    assert_eq!(
        clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]),
        users
    );
    let kept: Vec<_> = fs::read_dir(clinic.root.path())
        .expect("root")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("vault.before-restore-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the replaced vault is kept");
}

#[test]
fn json_contract_of_user_list_and_audit_log() {
    let clinic = Clinic::with_staff();
    let users = clinic.json(ADMIN, ADMIN_PASS, &["user", "list", "--json"]);
    let volunteer = users
        .as_array()
        .and_then(|u| u.iter().find(|u| u["name"] == VOLUNTEER))
        .expect("volunteer listed");
    assert_eq!(volunteer["role"], "volunteer");
    assert!(volunteer["created_at"]
        .as_str()
        .is_some_and(|s| s.ends_with('Z')));

    let log = clinic.json(
        ADMIN,
        ADMIN_PASS,
        &["audit", "log", "--json", "--limit", "2"],
    );
    let log = log.as_array().expect("list");
    assert_eq!(log.len(), 2);
    for key in [
        "seq",
        "at",
        "actor",
        "action",
        "record_kind",
        "record_id",
        "outcome",
    ] {
        assert!(log[0].get(key).is_some(), "audit entry has {key}");
    }
}
