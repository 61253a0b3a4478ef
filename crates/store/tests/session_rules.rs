//! The `Session`'s rules, in process: every refusal is audited and changes nothing else; a
//! change is one transaction with its audit entry (a change that fails leaves the vault
//! exactly as it was; one that succeeds lands with its entry); two sessions at once (the CLI
//! beside the app) keep one unbroken audit chain.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::{
    jose, marta, open_case, pass, served_in_houston, Audited, Case, Clinic, CASE_MANAGER, VOLUNTEER,
};
use tether_core::casework::input::SponsorInput;
use tether_core::casework::{ClinicContactInput, HearingOutcome, HearingType, NtaStatus};
use tether_core::followup::CallOutcome;
use tether_core::Role;
use tether_store::{ErrorKind, NewAddress, PrintKind, Result, Session, SwbAnswers};

type Op<'a> = Box<dyn Fn(&mut Session) -> Result<()> + 'a>;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a test date and time")
}

fn no_progress() -> impl FnMut(usize, usize) {
    |_, _| {}
}

/// The sponsor's new address after a move within Houston.
fn moved() -> SponsorInput {
    SponsorInput {
        address_line1: "9400 Westheimer Rd".into(),
        address_line2: "Unit 12".into(),
        city: "Houston".into(),
        state: "TX".into(),
        postal_code: "77063".into(),
        ..SponsorInput::default()
    }
}

/// Runs `op` as `who` (signed in as `actor`) and checks the refusal: `PermissionDenied`, the
/// vault as it was, and exactly one new audit entry, `denied`, naming `action`.
fn assert_refused(clinic: &Clinic, who: &mut Session, actor: &str, action: &str, op: &Op<'_>) {
    let state = clinic.state();
    let mut audit = clinic.audit();
    match op(who) {
        Err(e) => assert_eq!(
            e.kind(),
            ErrorKind::PermissionDenied,
            "{actor} / {action}: {e}"
        ),
        Ok(()) => panic!("{actor} was allowed to do {action}"),
    }
    assert!(
        clinic.state() == state,
        "{actor}'s refused {action} changed the vault"
    );
    let entry = clinic.audit().pop().expect("an audit entry");
    audit.push(Audited {
        actor: actor.into(),
        action: action.into(),
        outcome: "denied".into(),
        ..entry.clone()
    });
    assert_eq!(clinic.audit(), audit, "{actor} / {action}");
}

/// What only admins may do: users, keys, backups, the audit log, settings.
fn admin_work(clinic: &Clinic) -> Vec<(&'static str, Op<'_>)> {
    vec![
        (
            "user_added",
            Box::new(|s: &mut Session| {
                s.add_user(
                    "rosa.méndez",
                    Role::Volunteer,
                    &pass("rosa's long passphrase 2026"),
                )
                .map(drop)
            }),
        ),
        ("user_removed", Box::new(|s| s.remove_user(VOLUNTEER))),
        (
            "passphrase_reset",
            Box::new(|s| s.reset_passphrase(VOLUNTEER, &pass("a brand new passphrase 1"))),
        ),
        ("rekeyed", Box::new(|s| s.rekey().map(drop))),
        (
            "backup_created",
            Box::new(move |s| {
                s.backup(
                    &clinic.file("clinic.tether-backup"),
                    &pass("backup passphrase for the safe"),
                )
            }),
        ),
        ("audit_verified", Box::new(|s| s.audit_verify().map(drop))),
        ("audit_read", Box::new(|s| s.audit_log(50).map(drop))),
        (
            "settings_changed",
            Box::new(|s| s.set_auto_lock_minutes(15)),
        ),
        (
            "settings_changed",
            Box::new(|s| {
                s.set_clinic_contact(&ClinicContactInput {
                    name: "Clínica Esperanza".into(),
                    phone: "+1 713-555-0199".into(),
                    address: "2400 Navigation Blvd\nHouston, TX 77003".into(),
                })
                .map(drop)
            }),
        ),
        (
            "settings_changed",
            Box::new(|s| s.set_call_offsets(&[7, 14, 30])),
        ),
    ]
}

/// What case managers may do and volunteers may not: casework, imports, exports, red flags,
/// case documents, the user list.
fn casework<'a>(clinic: &'a Clinic, case: &'a Case) -> Vec<(&'static str, Op<'a>)> {
    let number = case.case_number.as_str();
    vec![
        (
            "users_listed",
            Box::new(|s: &mut Session| s.list_users().map(drop)),
        ),
        (
            "sponsor_created",
            Box::new(|s| s.create_sponsor(&marta(), true).map(drop)),
        ),
        (
            "child_created",
            Box::new(|s| {
                s.create_child(&jose(), &served_in_houston(), None, true)
                    .map(drop)
            }),
        ),
        (
            "child_updated",
            Box::new(move |s| s.update_child(number, &jose()).map(drop)),
        ),
        (
            "hearing_added",
            Box::new(move |s| {
                s.add_hearing(
                    number,
                    at("2027-03-04 13:30"),
                    "HOU",
                    HearingType::Individual,
                )
                .map(drop)
            }),
        ),
        (
            "nta_updated",
            Box::new(move |s| s.set_nta(number, NtaStatus::Filed, None).map(drop)),
        ),
        (
            "hearing_updated",
            Box::new(move |s| {
                s.set_hearing_result(
                    case.hearing_id,
                    Some(HearingOutcome::Continued),
                    Some("Hon. Elena Vargas"),
                )
                .map(drop)
            }),
        ),
        (
            "proceedings_updated",
            Box::new(move |s| {
                s.set_proceedings(number, Some("Lic. Andrea Morales"), Some(day("2026-11-20")))
                    .map(drop)
            }),
        ),
        (
            "address_changed",
            Box::new(move |s| {
                s.record_address_change(case.sponsor_id, &moved(), day("2026-11-23"))
                    .map(drop)
            }),
        ),
        (
            "records_imported",
            Box::new(move |s| {
                s.import_release_records(
                    &clinic.file("release.csv"),
                    false,
                    false,
                    &mut no_progress(),
                )
                .map(drop)
            }),
        ),
        (
            "records_imported",
            Box::new(|s| {
                s.import_release_bytes("release.csv", b"", true, false, &mut no_progress())
                    .map(drop)
            }),
        ),
        (
            "records_imported",
            Box::new(|s| s.import_demo(5, 7, &mut no_progress()).map(drop)),
        ),
        (
            "records_exported",
            Box::new(move |s| s.export_csv(&clinic.file("redacted.csv"), None).map(drop)),
        ),
        (
            "records_exported",
            Box::new(move |s| {
                s.export_csv(
                    &clinic.file("full.csv"),
                    Some("records request from the child's attorney"),
                )
                .map(drop)
            }),
        ),
        ("flag_acknowledged", Box::new(|s| s.red_flags().map(drop))),
        (
            "flag_acknowledged",
            Box::new(|s| {
                s.acknowledge_flag("sponsor_children:1", "called the sponsor")
                    .map(drop)
            }),
        ),
        (
            "document_printed",
            Box::new(|s| s.authorize_print(PrintKind::CaseDocument)),
        ),
        (
            "document_printed",
            Box::new(move |s| {
                s.record_printed(
                    PrintKind::CaseDocument,
                    &case.child_id.to_string(),
                    "notice",
                )
            }),
        ),
    ]
}

#[test]
fn every_refusal_is_audited_and_changes_nothing() {
    let (clinic, mut staff) = Clinic::new();
    let case = open_case(&mut staff.admin);
    std::fs::write(clinic.file("release.csv"), "child_given_name\nJosé\n").expect("a CSV");

    for (action, op) in admin_work(&clinic) {
        assert_refused(&clinic, &mut staff.case_manager, CASE_MANAGER, action, &op);
        assert_refused(&clinic, &mut staff.volunteer, VOLUNTEER, action, &op);
    }
    for (action, op) in casework(&clinic, &case) {
        assert_refused(&clinic, &mut staff.volunteer, VOLUNTEER, action, &op);
    }
    for name in ["clinic.tether-backup", "redacted.csv", "full.csv"] {
        assert!(
            !clinic.file(name).exists(),
            "a refused operation wrote {name}"
        );
    }
    // The refusals are part of the chain like everything else.
    assert!(staff.admin.audit_verify().is_ok());
}

/// Runs `op` and checks it fails with `kind` naming `field`, leaving the vault and the audit
/// chain exactly as they were: no entry of success, and no half of the change.
fn assert_untouched(
    clinic: &Clinic,
    who: &mut Session,
    kind: ErrorKind,
    field: Option<&str>,
    op: impl FnOnce(&mut Session) -> Result<()>,
) {
    let state = clinic.state();
    let audit = clinic.audit();
    match op(who) {
        Err(e) => {
            assert_eq!((e.kind(), e.field()), (kind, field), "{e}");
        }
        Ok(()) => panic!("expected {kind:?} on {field:?}"),
    }
    assert!(clinic.state() == state, "a failed change changed the vault");
    assert_eq!(clinic.audit(), audit, "a failed change was audited");
}

#[test]
fn a_change_that_fails_its_checks_leaves_the_vault_as_it_was() {
    let (clinic, mut staff) = Clinic::new();
    let case = open_case(&mut staff.admin);
    let number = case.case_number.as_str();
    let invalid = ErrorKind::InvalidInput;
    let cm = &mut staff.case_manager;

    let bad_a_number = tether_core::casework::input::ChildInput {
        a_number: "12345".into(),
        ..jose()
    };
    assert_untouched(&clinic, cm, invalid, Some("a_number"), |s| {
        s.update_child(number, &bad_a_number).map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("a_number"), |s| {
        s.create_child(&bad_a_number, &served_in_houston(), None, true)
            .map(drop)
    });
    let bad_phone = SponsorInput {
        phones: vec!["+502 55".into()],
        ..marta()
    };
    assert_untouched(&clinic, cm, invalid, Some("phones"), |s| {
        s.create_sponsor(&bad_phone, true).map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("court"), |s| {
        s.add_hearing(number, at("2027-03-04 13:30"), "XYZ", HearingType::Master)
            .map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("served_on"), |s| {
        s.set_nta(number, NtaStatus::NotServed, Some(day("2026-03-20")))
            .map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("served_on"), |s| {
        s.set_nta(number, NtaStatus::Served, Some(day("2099-01-01")))
            .map(drop)
    });
    let long_name = "Hon. ".to_owned() + &"Vargas ".repeat(40);
    assert_untouched(&clinic, cm, invalid, Some("judge"), |s| {
        s.set_hearing_result(case.hearing_id, None, Some(&long_name))
            .map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("attorney"), |s| {
        s.set_proceedings(number, Some(&long_name), None).map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("acis_checked"), |s| {
        s.set_proceedings(number, None, Some(day("2099-01-01")))
            .map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("recorded_on"), |s| {
        s.record_address_change(case.sponsor_id, &moved(), day("2099-01-01"))
            .map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("address_line1"), |s| {
        s.record_address_change(case.sponsor_id, &SponsorInput::default(), day("2026-11-23"))
            .map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("note"), |s| {
        s.log_call(
            number,
            CallOutcome::NoAnswer,
            None,
            &"x".repeat(10_001),
            None,
        )
        .map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("at"), |s| {
        s.log_call(
            number,
            CallOutcome::NoAnswer,
            Some(at("2099-01-01 10:00")),
            "",
            None,
        )
        .map(drop)
    });
    let bad_move = SwbAnswers {
        new_address: Some(NewAddress {
            line1: "9400 Westheimer Rd".into(),
            unit: "Unit 12".into(),
            city: "Houston".into(),
            state: "Ontario".into(),
            zip: "77063".into(),
        }),
        ..SwbAnswers::default()
    };
    assert_untouched(&clinic, cm, invalid, Some("state"), |s| {
        s.log_call(
            number,
            CallOutcome::ReachedSponsor,
            None,
            "",
            Some(bad_move),
        )
        .map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("note"), |s| {
        s.acknowledge_flag("sponsor_children:1", "ok").map(drop)
    });
    assert_untouched(&clinic, cm, invalid, Some("reason"), |s| {
        s.export_csv(&clinic.file("full.csv"), Some("why"))
            .map(drop)
    });
    assert_untouched(&clinic, cm, ErrorKind::NotFound, None, |s| {
        s.set_nta("T-2026-999999", NtaStatus::Filed, None).map(drop)
    });
    assert_untouched(&clinic, cm, ErrorKind::NotFound, None, |s| {
        s.set_hearing_result(case.hearing_id + 100, None, None)
            .map(drop)
    });

    let admin = &mut staff.admin;
    assert_untouched(&clinic, admin, invalid, Some("minutes"), |s| {
        s.set_auto_lock_minutes(0)
    });
    assert_untouched(&clinic, admin, invalid, Some("offsets"), |s| {
        s.set_call_offsets(&[0, 30])
    });
    assert_untouched(&clinic, admin, invalid, Some("phone"), |s| {
        s.set_clinic_contact(&ClinicContactInput {
            phone: "502 call me".into(),
            ..ClinicContactInput::default()
        })
        .map(drop)
    });
    assert_untouched(&clinic, admin, invalid, Some("passphrase"), |s| {
        s.add_user("rosa.méndez", Role::Volunteer, &pass("short"))
            .map(drop)
    });
    assert!(!clinic.file("full.csv").exists());
}

#[test]
fn a_change_that_fails_midway_is_rolled_back_with_its_audit_entry() {
    let (clinic, mut staff) = Clinic::new();
    // The key slots cannot be saved (their temp file's name is taken by a folder): the user
    // row and the audit entry were already written in the transaction, and must not stay.
    let blocker = clinic.paths().key_slots().with_extension("json.tmp");
    std::fs::create_dir(&blocker).expect("block the key-slot temp file");
    assert_untouched(&clinic, &mut staff.admin, ErrorKind::Internal, None, |s| {
        s.add_user(
            "rosa.méndez",
            Role::Volunteer,
            &pass("rosa's long passphrase 2026"),
        )
        .map(drop)
    });
    std::fs::remove_dir(&blocker).expect("unblock");

    let before = clinic.audit().len();
    staff
        .admin
        .add_user(
            "rosa.méndez",
            Role::Volunteer,
            &pass("rosa's long passphrase 2026"),
        )
        .expect("add the user once the slots can be saved");
    let audit = clinic.audit();
    assert_eq!(audit.len(), before + 1);
    assert_eq!(
        (
            audit[before].action.as_str(),
            audit[before].outcome.as_str()
        ),
        ("user_added", "ok")
    );
}

#[test]
fn a_change_lands_with_its_tasks_and_its_audit_entries() {
    let (clinic, mut staff) = Clinic::new();
    let case = open_case(&mut staff.admin);
    let number = case.case_number.as_str();

    // A later release date moves the 30-day call: the child, the task and one entry together.
    let before = clinic.state();
    let audit = clinic.audit();
    let later = tether_core::casework::input::ChildInput {
        release_date: "2026-03-09".into(),
        ..jose()
    };
    staff
        .case_manager
        .update_child(number, &later)
        .expect("update the child");
    let after = clinic.state();
    assert_ne!(after.rows["children"], before.rows["children"]);
    assert_ne!(
        after.rows["tasks"], before.rows["tasks"],
        "the call did not move"
    );
    let entries = clinic.audit();
    assert_eq!(entries.len(), audit.len() + 1);
    assert_eq!(
        entries.last(),
        Some(&Audited {
            actor: CASE_MANAGER.into(),
            action: "child_updated".into(),
            record_kind: "child".into(),
            record_id: case.child_id.to_string(),
            outcome: "ok".into(),
        })
    );

    // A case manager's call that also learns of a move: the call, the sponsor's new address
    // and both entries, in that order. (A volunteer's would be a pending report: below.)
    let audit = clinic.audit().len();
    let answers = SwbAnswers {
        still_with_sponsor: Some(true),
        enrolled_in_school: Some(true),
        knows_court_date: Some(false),
        feels_safe: Some(true),
        new_address: Some(NewAddress {
            line1: "9400 Westheimer Rd".into(),
            unit: "Unit 12".into(),
            city: "Houston".into(),
            state: "TX".into(),
            zip: "77063".into(),
        }),
        screening: None,
    };
    let logged = staff
        .case_manager
        .log_call(
            number,
            CallOutcome::ReachedSponsor,
            Some(at("2026-11-30 17:15")),
            "La tía contestó; se mudaron en noviembre.",
            Some(answers.clone()),
        )
        .expect("log the call");
    let entries = clinic.audit();
    let actions: Vec<(&str, &str, &str)> = entries[audit..]
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str(), e.record_kind.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            (CASE_MANAGER, "call_logged", "call"),
            (CASE_MANAGER, "address_changed", "address_change"),
        ]
    );
    assert_eq!(entries[audit].record_id, logged.call_id.to_string());
    let state = clinic.state();
    assert_eq!(state.rows["calls"].len(), 1);
    // The release address is kept as the first row, the move as the second.
    assert_eq!(state.rows["address_changes"].len(), 2);
    assert!(
        state.rows["tasks"]
            .iter()
            .flatten()
            .any(|v| v.contains("eoir33")),
        "the move starts the EOIR-33 deadline"
    );

    // The same answers from a volunteer: the call and a pending report, no move.
    let audit = clinic.audit().len();
    staff
        .volunteer
        .log_call(
            number,
            CallOutcome::ReachedSponsor,
            Some(at("2026-11-30 18:00")),
            "",
            Some(answers),
        )
        .expect("log the volunteer's call");
    let entries = clinic.audit();
    let actions: Vec<(&str, &str, &str)> = entries[audit..]
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str(), e.record_kind.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            (VOLUNTEER, "call_logged", "call"),
            (VOLUNTEER, "address_reported", "address_report"),
        ]
    );
    let state = clinic.state();
    assert_eq!(
        state.rows["address_changes"].len(),
        2,
        "nothing more applied"
    );
    assert_eq!(state.rows["address_reports"].len(), 1);
    assert!(staff.admin.audit_verify().is_ok());
}

#[test]
fn two_sessions_at_once_keep_one_audit_chain() {
    let (clinic, staff) = Clinic::new();
    let mut admin = staff.admin;
    let case = open_case(&mut admin);
    let before = clinic.audit().len();
    let number = case.case_number.clone();

    // The CLI (a case manager) and the app (a volunteer) on one vault, at the same moment:
    // every audited read and every change takes the write lock before it reads the chain.
    let rounds = 15;
    let (mut cm, mut volunteer) = (staff.case_manager, staff.volunteer);
    std::thread::scope(|scope| {
        let number = number.as_str();
        scope.spawn(move || {
            for i in 0..rounds {
                cm.show_child(number).expect("the case manager reads");
                let attorney = format!("Lic. Andrea Morales ({i})");
                cm.set_proceedings(number, Some(&attorney), None)
                    .expect("the case manager records the attorney");
            }
        });
        scope.spawn(move || {
            for _ in 0..rounds * 2 {
                volunteer.show_child(number).expect("the volunteer reads");
            }
        });
    });

    assert_eq!(clinic.audit().len(), before + 4 * rounds);
    let report = admin.audit_verify().expect("one unbroken chain");
    assert_eq!(report.entries as usize, clinic.audit().len());
}

/// A volunteer reads the concern reports they opened, by who they are, not by their name: a
/// removed volunteer's name given to a new person shows that person none of the old reports.
#[test]
fn a_new_volunteer_with_a_removed_volunteers_name_reads_none_of_their_reports() {
    let (clinic, mut staff) = Clinic::new();
    let case = open_case(&mut staff.admin);
    let opened = staff
        .volunteer
        .open_concern(
            &case.case_number,
            "labour_exploitation",
            "José dice que trabaja de noche en una empacadora.",
            None,
        )
        .expect("the volunteer opens a report");
    let id = opened.concern_id;
    assert!(staff.volunteer.concern(id).is_ok(), "their own report");
    assert_eq!(staff.volunteer.concerns(None).expect("their list").len(), 1);

    staff.admin.remove_user(VOLUNTEER).expect("removed");
    staff
        .admin
        .add_user(
            VOLUNTEER,
            Role::Volunteer,
            &pass("a new volunteer 2027 passphrase"),
        )
        .expect("the name given to someone new");
    let mut newcomer = tether_store::unlock(
        &clinic.paths(),
        VOLUNTEER,
        &pass("a new volunteer 2027 passphrase"),
    )
    .expect("the newcomer signs in");
    let err = newcomer.concern(id).expect_err("not theirs");
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert!(newcomer.concerns(None).expect("their list").is_empty());
    // Staff still read it, signed by the volunteer who opened it.
    let seen = staff.admin.concern(id).expect("the admin reads it");
    assert_eq!(seen.steps[0].by, VOLUNTEER);
}
