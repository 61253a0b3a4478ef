//! A crafted backup header (issue 10, Medium 8b): Argon2 runs before anything in a backup is
//! authenticated, so its parameters are bounded first. Each crafted header fails fast, with an
//! error that says why, and nothing is restored.

mod common;

use std::time::{Duration, Instant};

use common::{pass, ADMIN, ADMIN_PASS};
use serde_json::Value;
use tether_store::{ErrorKind, VaultPaths};

const MAGIC_LEN: usize = b"TETHER-BACKUP\0".len();
const BACKUP_PASS: &str = "backup passphrase for the safe";

/// The backup with its header's KDF parameters changed by `edit`, length prefix fixed up.
fn crafted(bytes: &[u8], edit: impl Fn(&mut Value)) -> Vec<u8> {
    let len_at = MAGIC_LEN + 1;
    let len = u32::from_be_bytes(bytes[len_at..len_at + 4].try_into().expect("4 bytes")) as usize;
    let header_at = len_at + 4;
    let mut header: Value =
        serde_json::from_slice(&bytes[header_at..header_at + len]).expect("header json");
    edit(&mut header["kdf"]);
    let new_header = serde_json::to_vec(&header).expect("json");
    let mut out = bytes[..len_at].to_vec();
    out.extend_from_slice(&(new_header.len() as u32).to_be_bytes());
    out.extend_from_slice(&new_header);
    out.extend_from_slice(&bytes[header_at + len..]);
    out
}

/// One change to the backup header's KDF parameters.
type HeaderEdit = Box<dyn Fn(&mut Value)>;

#[test]
fn crafted_backup_headers_fail_fast_and_restore_nothing() {
    let root = tempfile::tempdir().expect("temp dir");
    let paths = VaultPaths::new(root.path().join("vault"));
    let mut admin = tether_store::create(&paths, ADMIN, &pass(ADMIN_PASS)).expect("create");
    let backup = root.path().join("clinic.tether-backup");
    admin.backup(&backup, &pass(BACKUP_PASS)).expect("backup");
    drop(admin);
    let bytes = std::fs::read(&backup).expect("read backup");

    let cases: [(&str, HeaderEdit, &str); 4] = [
        (
            "t = 2^32 - 1",
            Box::new(|k| k["t"] = Value::from(u32::MAX)),
            "ceiling",
        ),
        (
            "m = 4 TiB",
            Box::new(|k| k["m_kib"] = Value::from(u32::MAX)),
            "ceiling",
        ),
        (
            "p = 255",
            Box::new(|k| k["p"] = Value::from(255)),
            "ceiling",
        ),
        (
            "m = 8 KiB",
            Box::new(|k| k["m_kib"] = Value::from(8)),
            "floor",
        ),
    ];
    for (what, edit, word) in cases {
        let file = root.path().join("crafted.tether-backup");
        std::fs::write(&file, crafted(&bytes, edit)).expect("write");
        let target = VaultPaths::new(root.path().join("restored"));
        let started = Instant::now();
        let err = tether_store::restore(&file, &target, &pass(BACKUP_PASS), false).expect_err(what);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{what} took long"
        );
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{what}: {err}");
        assert!(err.to_string().contains(word), "{what}: {err}");
        assert!(!target.exists(), "{what}: nothing restored");
    }

    // The untouched backup still restores.
    let target = VaultPaths::new(root.path().join("restored"));
    tether_store::restore(&backup, &target, &pass(BACKUP_PASS), false).expect("restore");
    tether_store::unlock(&target, ADMIN, &pass(ADMIN_PASS)).expect("unlock restored");
}
