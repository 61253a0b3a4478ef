//! Shared setup for the store's in-process tests: a clinic's vault with one user per role, a
//! realistic case in it, and everything the vault holds, read behind the `Session`'s back.
//!
//! Vaults use the real Argon2id parameters (64 MiB, t = 3): the workspace builds argon2 with
//! opt-level 3 even in dev, so each derivation is a fraction of a second. A clinic costs six
//! (the admin's slot, two more slots, two sign-ins, the raw reader), so tests share one clinic
//! where they can.

#![allow(dead_code)] // each test binary uses its own part of this module

use std::collections::BTreeMap;
use std::path::PathBuf;

use rusqlite::types::Value;
use rusqlite::Connection;
use secrecy::SecretString;
use tether_core::casework::input::{ChildInput, ProceedingsInput, SponsorInput};
use tether_core::Role;
use tether_store::casework::CreateOutcome;
use tether_store::{Session, VaultPaths};

pub const ADMIN: &str = "maría.lópez";
pub const ADMIN_PASS: &str = "correct horse battery staple";
pub const CASE_MANAGER: &str = "ana.castillo";
pub const CASE_MANAGER_PASS: &str = "case manager passphrase 2026";
pub const VOLUNTEER: &str = "lucía.pérez";
pub const VOLUNTEER_PASS: &str = "volunteer passphrase 2026";

pub fn pass(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

/// A clinic's vault folder, with a raw connection for reading what the `Session` wrote.
pub struct Clinic {
    root: tempfile::TempDir,
    raw: Connection,
}

/// One signed-in session per role, as three people at the clinic would have.
pub struct Staff {
    pub admin: Session,
    pub case_manager: Session,
    pub volunteer: Session,
}

impl Clinic {
    /// A new vault with an admin, a case manager and a volunteer, each signed in.
    pub fn new() -> (Clinic, Staff) {
        let root = tempfile::tempdir().expect("temp dir");
        let paths = VaultPaths::new(root.path().join("vault"));
        let mut admin = tether_store::create(&paths, ADMIN, &pass(ADMIN_PASS)).expect("create");
        admin
            .add_user(CASE_MANAGER, Role::CaseManager, &pass(CASE_MANAGER_PASS))
            .expect("add the case manager");
        admin
            .add_user(VOLUNTEER, Role::Volunteer, &pass(VOLUNTEER_PASS))
            .expect("add the volunteer");
        let case_manager = tether_store::unlock(&paths, CASE_MANAGER, &pass(CASE_MANAGER_PASS))
            .expect("the case manager signs in");
        let volunteer = tether_store::unlock(&paths, VOLUNTEER, &pass(VOLUNTEER_PASS))
            .expect("the volunteer signs in");
        let raw = tether_store::inspect::open_raw(&paths, ADMIN, &pass(ADMIN_PASS))
            .expect("raw connection");
        (
            Clinic { root, raw },
            Staff {
                admin,
                case_manager,
                volunteer,
            },
        )
    }

    pub fn paths(&self) -> VaultPaths {
        VaultPaths::new(self.root.path().join("vault"))
    }

    /// A path for files the tests write (exports, backups, imports), outside the vault.
    pub fn file(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// Everything the vault holds except the audit chain: every table's rows and the key-slot
    /// file's bytes. Two equal states mean nothing was changed.
    pub fn state(&self) -> VaultState {
        let tables: Vec<String> = self
            .raw
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'audit'
                 ORDER BY name",
            )
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .expect("list tables");
        let rows = tables
            .into_iter()
            .map(|table| {
                let rows = self.rows(&format!("SELECT * FROM \"{table}\""));
                (table, rows)
            })
            .collect();
        VaultState {
            rows,
            key_slots: std::fs::read(self.paths().key_slots()).expect("read key slots"),
        }
    }

    /// The audit chain, oldest first.
    pub fn audit(&self) -> Vec<Audited> {
        self.raw
            .prepare("SELECT actor, action, record_kind, record_id, outcome FROM audit ORDER BY id")
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok(Audited {
                        actor: r.get(0)?,
                        action: r.get(1)?,
                        record_kind: r.get(2)?,
                        record_id: r.get(3)?,
                        outcome: r.get(4)?,
                    })
                })?
                .collect()
            })
            .expect("read the audit chain")
    }

    /// The raw connection, for holding the write lock as another process would.
    pub fn raw(&self) -> &Connection {
        &self.raw
    }

    fn rows(&self, sql: &str) -> Vec<Vec<String>> {
        let mut stmt = self.raw.prepare(sql).expect("prepare a dump");
        let columns = stmt.column_count();
        stmt.query_map([], |r| {
            (0..columns)
                .map(|i| r.get::<_, Value>(i).map(|v| format!("{v:?}")))
                .collect()
        })
        .and_then(|rows| rows.collect())
        .expect("dump a table")
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct VaultState {
    pub rows: BTreeMap<String, Vec<Vec<String>>>,
    pub key_slots: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audited {
    pub actor: String,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    pub outcome: String,
}

/// José Ramírez, released to his aunt in Houston; Mam speaker, born in Guatemala.
pub fn jose() -> ChildInput {
    ChildInput {
        given_name: "José".into(),
        family_name: "Ramírez".into(),
        aliases: vec!["Chepe".into()],
        birth_date: "2010-05-01".into(),
        sex: "male".into(),
        a_number: "A123-456-789".into(),
        country_of_birth: "Guatemala".into(),
        primary_language: "mam".into(),
        interpreter_needed: "yes".into(),
        release_date: "2026-03-02".into(),
        orr_program: "Southwest Key Casa Houston".into(),
        relationship: "tía".into(),
        notes: String::new(),
    }
}

pub fn served_in_houston() -> ProceedingsInput {
    ProceedingsInput {
        nta_status: "served".into(),
        nta_served_on: "2026-03-20".into(),
        court_code: "HOU".into(),
        next_hearing: "2027-01-12 09:00".into(),
    }
}

/// The aunt: a US phone and her sister's number in Guatemala.
pub fn marta() -> SponsorInput {
    SponsorInput {
        given_name: "Marta".into(),
        family_name: "Ramírez López".into(),
        category: "2A".into(),
        phones: vec!["(713) 555-0142".into(), "+502 5512 3456".into()],
        address_line1: "6200 Bellaire Blvd".into(),
        address_line2: "Apt 4B".into(),
        city: "Houston".into(),
        state: "TX".into(),
        postal_code: "77036".into(),
        time_zone: None,
    }
}

/// The case every test starts from, created by the admin.
pub struct Case {
    pub sponsor_id: i64,
    pub child_id: i64,
    pub case_number: String,
    pub hearing_id: i64,
}

pub fn open_case(admin: &mut Session) -> Case {
    let sponsor_id = match admin
        .create_sponsor(&marta(), true)
        .expect("create sponsor")
    {
        CreateOutcome::Created { id, .. } => id,
        other => panic!("expected a new sponsor, got {other:?}"),
    };
    let (child_id, case_number) = match admin
        .create_child(&jose(), &served_in_houston(), Some(sponsor_id), true)
        .expect("create child")
    {
        CreateOutcome::Created {
            id,
            case_number: Some(number),
        } => (id, number),
        other => panic!("expected a new child, got {other:?}"),
    };
    let hearing_id = admin
        .show_child(&case_number)
        .expect("show the child")
        .hearings
        .first()
        .expect("the first hearing")
        .id;
    Case {
        sponsor_id,
        child_id,
        case_number,
        hearing_id,
    }
}
