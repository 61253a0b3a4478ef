//! Slot injection (issue 10, High 1) and KDF bounds (Medium 8), in process, with the slot file
//! crafted directly the way an attacker who can write the vault folder would.

mod common;

use std::fs;

use common::{pass, ADMIN, ADMIN_PASS, CASE_MANAGER, CASE_MANAGER_PASS, VOLUNTEER, VOLUNTEER_PASS};
use crypto_box::SecretKey;
use serde_json::Value;
use tether_core::Role;
use tether_store::{DropReason, ErrorKind, Session, VaultPaths};

/// A clinic with an admin, a case manager and a volunteer, and only the admin signed in:
/// SQLCipher rekeys only when no other connection is open.
struct Vault {
    _root: tempfile::TempDir,
    paths: VaultPaths,
}

impl Vault {
    fn new() -> (Vault, Session) {
        let root = tempfile::tempdir().expect("temp dir");
        let paths = VaultPaths::new(root.path().join("vault"));
        let mut admin = tether_store::create(&paths, ADMIN, &pass(ADMIN_PASS)).expect("create");
        admin
            .add_user(CASE_MANAGER, Role::CaseManager, &pass(CASE_MANAGER_PASS))
            .expect("case manager");
        admin
            .add_user(VOLUNTEER, Role::Volunteer, &pass(VOLUNTEER_PASS))
            .expect("volunteer");
        (Vault { _root: root, paths }, admin)
    }

    fn paths(&self) -> VaultPaths {
        self.paths.clone()
    }
}

fn read_slots(paths: &VaultPaths) -> Value {
    serde_json::from_slice(&fs::read(paths.key_slots()).expect("read slots")).expect("json")
}

fn write_slots(paths: &VaultPaths, file: &Value) {
    fs::write(
        paths.key_slots(),
        serde_json::to_vec_pretty(file).expect("json"),
    )
    .expect("write");
}

fn slots(file: &Value) -> Vec<Value> {
    file["slots"].as_array().expect("slots").clone()
}

fn slot_ids(file: &Value) -> Vec<String> {
    slots(file)
        .iter()
        .map(|s| s["id"].as_str().expect("id").to_owned())
        .collect()
}

/// The attacker's own key pair: can it open any data key the file holds?
fn attacker_unseals_anything(paths: &VaultPaths, secret: &SecretKey) -> bool {
    slots(&read_slots(paths)).iter().any(|slot| {
        slot["sealed_keys"]
            .as_array()
            .expect("sealed keys")
            .iter()
            .any(|sealed| {
                let bytes = hex::decode(sealed.as_str().expect("hex")).expect("hex");
                secret.unseal(&bytes).is_ok()
            })
    })
}

/// A slot with the attacker's public key and a copy of a real slot's other fields.
fn forged_slot(template: &Value, id: &str, secret: &SecretKey) -> Value {
    let mut slot = template.clone();
    slot["id"] = Value::from(id);
    slot["public_key"] = Value::from(hex::encode(secret.public_key().as_bytes()));
    slot
}

#[test]
fn an_outsiders_appended_slot_does_not_receive_the_new_key() {
    let (clinic, mut admin) = Vault::new();
    let paths = clinic.paths();
    let attacker = SecretKey::generate(&mut rand_core::OsRng);
    let mut file = read_slots(&paths);
    let mut list = slots(&file);
    list.push(forged_slot(
        &list[0],
        "0badc0de0badc0de0badc0de0badc0de",
        &attacker,
    ));
    file["slots"] = Value::from(list);
    write_slots(&paths, &file);

    // The preview already names it, and the three users who will receive the key.
    let plan = admin.rekey_plan().expect("plan");
    assert_eq!(plan.recipients.len(), 3);
    assert_eq!(plan.dropped.len(), 1);

    let report = admin.rekey().expect("rekey");
    assert_eq!(report.dropped.len(), 1);
    assert_eq!(
        report.dropped[0].slot_id,
        "0badc0de0badc0de0badc0de0badc0de"
    );
    assert_eq!(report.dropped[0].reason, DropReason::UnknownToVault);
    assert!(report.locked_out.is_empty());
    let names: Vec<_> = report.recipients.iter().map(|r| r.name.as_str()).collect();
    assert!(names.contains(&ADMIN) && names.contains(&VOLUNTEER));
    assert!(!slot_ids(&read_slots(&paths)).contains(&"0badc0de0badc0de0badc0de0badc0de".into()));
    assert!(!attacker_unseals_anything(&paths, &attacker));
    // Everybody else still gets in with the new key.
    tether_store::unlock(&paths, VOLUNTEER, &pass(VOLUNTEER_PASS)).expect("volunteer");
}

#[test]
fn an_outsider_who_swaps_a_users_public_key_gets_nothing() {
    let (clinic, mut admin) = Vault::new();
    let paths = clinic.paths();
    let attacker = SecretKey::generate(&mut rand_core::OsRng);
    let before = read_slots(&paths);
    // The volunteer's slot is the third one made (admin, case manager, volunteer).
    let mut file = before.clone();
    let volunteer_slot = slots(&before)[2].clone();
    let id = volunteer_slot["id"].as_str().expect("id").to_owned();
    file["slots"][2] = forged_slot(&volunteer_slot, &id, &attacker);
    write_slots(&paths, &file);

    let report = admin.rekey().expect("rekey");
    assert_eq!(report.dropped.len(), 1);
    assert_eq!(report.dropped[0].reason, DropReason::Altered);
    assert_eq!(report.locked_out.len(), 1);
    assert_eq!(report.locked_out[0].name, VOLUNTEER);
    assert!(!attacker_unseals_anything(&paths, &attacker));
}

#[test]
fn a_removed_volunteers_pasted_slot_cannot_open_the_new_key() {
    let (clinic, mut admin) = Vault::new();
    let paths = clinic.paths();
    let with_her = read_slots(&paths);
    admin.remove_user(VOLUNTEER).expect("remove");
    let without: Vec<String> = slot_ids(&read_slots(&paths));
    let her_slot = slots(&with_her)
        .into_iter()
        .find(|s| !without.contains(&s["id"].as_str().expect("id").to_owned()))
        .expect("her old slot");

    // She pastes her old slot back, then the admin rekeys as the docs prescribe.
    let mut file = read_slots(&paths);
    let mut list = slots(&file);
    list.push(her_slot.clone());
    file["slots"] = Value::from(list);
    write_slots(&paths, &file);
    let report = admin.rekey().expect("rekey");
    assert_eq!(report.dropped.len(), 1);
    assert_eq!(report.dropped[0].reason, DropReason::UnknownToVault);
    assert!(report.recipients.iter().all(|r| r.name != VOLUNTEER));

    // Pasted again after the rekey, her slot yields only the old key, which opens nothing.
    let mut file = read_slots(&paths);
    let mut list = slots(&file);
    list.push(her_slot);
    file["slots"] = Value::from(list);
    write_slots(&paths, &file);
    let err = tether_store::inspect::open_raw(&paths, VOLUNTEER, &pass(VOLUNTEER_PASS))
        .expect_err("her slot opens nothing");
    assert_eq!(err.kind(), ErrorKind::DatabaseCorrupt, "{err}");
    tether_store::unlock(&paths, ADMIN, &pass(ADMIN_PASS)).expect("the admin still gets in");
}

#[test]
fn an_edited_slot_does_not_open() {
    let (clinic, _admin) = Vault::new();
    let paths = clinic.paths();
    let original = read_slots(&paths);
    let other_public = SecretKey::generate(&mut rand_core::OsRng).public_key();
    let edits: [(&str, Value); 5] = [
        (
            "public_key",
            Value::from(hex::encode(other_public.as_bytes())),
        ),
        ("lookup", Value::from("00".repeat(32))),
        ("kdf.t", Value::from(4)),
        ("kdf.m_kib", Value::from(128 * 1024)),
        ("kdf.p", Value::from(2)),
    ];
    for (field, value) in edits {
        let mut file = original.clone();
        let slot = &mut file["slots"][2];
        match field.strip_prefix("kdf.") {
            Some(param) => slot["kdf"][param] = value,
            None => slot[field] = value,
        }
        write_slots(&paths, &file);
        let err = tether_store::unlock(&paths, VOLUNTEER, &pass(VOLUNTEER_PASS)).expect_err(field);
        assert!(
            matches!(
                err.kind(),
                ErrorKind::WrongCredentials | ErrorKind::KeySlotsCorrupt
            ),
            "{field}: {err}"
        );
    }
    write_slots(&paths, &original);
    tether_store::unlock(&paths, VOLUNTEER, &pass(VOLUNTEER_PASS)).expect("as it was");
}

#[test]
fn weak_file_parameters_do_not_weaken_new_slots() {
    let (clinic, mut admin) = Vault::new();
    let paths = clinic.paths();
    let mut file = read_slots(&paths);
    file["kdf"]["m_kib"] = Value::from(8);
    file["kdf"]["t"] = Value::from(1);
    file["kdf"]["p"] = Value::from(1);
    write_slots(&paths, &file);
    admin
        .reset_passphrase(VOLUNTEER, &pass("a brand new passphrase 1"))
        .expect("reset");
    let after = read_slots(&paths);
    for slot in slots(&after) {
        assert_eq!(slot["kdf"]["m_kib"], 64 * 1024);
        assert_eq!(slot["kdf"]["t"], 3);
        assert_eq!(slot["kdf"]["p"], 4);
    }
    assert_eq!(
        after["kdf"]["m_kib"],
        64 * 1024,
        "the file is rewritten with the floor"
    );
}

#[test]
fn a_slot_with_out_of_bounds_parameters_is_refused_without_deriving() {
    let (clinic, _admin) = Vault::new();
    let paths = clinic.paths();
    let mut file = read_slots(&paths);
    // A slot whose parameters would hang every unlock, placed first.
    let mut list = slots(&file);
    let mut hang = list[0].clone();
    hang["id"] = Value::from("feedfacefeedfacefeedfacefeedface");
    hang["kdf"]["t"] = Value::from(u32::MAX);
    hang["kdf"]["salt"] = Value::from("11".repeat(16));
    list.insert(0, hang);
    let mut weak = list[1].clone();
    weak["id"] = Value::from("cafecafecafecafecafecafecafecafe");
    weak["kdf"]["m_kib"] = Value::from(8);
    weak["kdf"]["salt"] = Value::from("22".repeat(16));
    list.insert(0, weak);
    file["slots"] = Value::from(list);
    write_slots(&paths, &file);

    let started = std::time::Instant::now();
    // The real users still open their slots; the others are never derived.
    tether_store::unlock(&paths, ADMIN, &pass(ADMIN_PASS)).expect("admin");
    let err = tether_store::unlock(&paths, ADMIN, &pass("not the admin's passphrase"))
        .expect_err("wrong passphrase");
    assert_eq!(err.kind(), ErrorKind::KeySlotsCorrupt, "{err}");
    assert!(err.to_string().contains("floor"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}
