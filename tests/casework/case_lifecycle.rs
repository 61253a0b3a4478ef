//! A case's whole life through the `tether` CLI, with fixed dates (José Ramírez released on
//! Thursday 1 October 2026, his day-30 call due Monday 2 November): a number that turns out
//! wrong, a sponsor who is a family friend of two children but the mother of a third, a child
//! entered twice, a record entered by mistake, a case handed to a colleague, closed and
//! reopened, and the release office's updated file imported again. Every step is audited and
//! in the case's history.

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, RELEASE_HEADER};

use super::first_case;

/// José, sponsored by his aunt Rosa (2A), with one number; hearing 12 January 2027 in Houston.
const JOSE: &str = "José,Ramírez,2012-03-14,A201555123,GT,mam,sí,2026-10-01,,Rosa,Xicará,tía,2A,+502 5123 4567,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,served,2026-10-20,HOU,2027-01-12 09:00";
/// The same row a month later: a new number for Rosa, the hearing moved to 3 February.
const JOSE_UPDATED: &str = "José,Ramírez,2012-03-14,A201555123,GT,mam,sí,2026-10-01,,Rosa,Xicará,tía,2A,+502 5999 0000,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,served,2026-10-20,HOU,2027-02-03 09:00";
/// José again with one digit of the A-Number wrong: the same child, not a new one.
const JOSE_TYPO: &str = "José,Ramírez,2012-03-14,A201555128,GT,mam,sí,2026-10-01,,Rosa,Xicará,tía,2A,+502 5999 0000,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,served,2026-10-20,HOU,2027-02-03 09:00";

fn audited(clinic: &Clinic, action: &str) -> usize {
    clinic
        .audit()
        .iter()
        .filter(|e| e["action"] == action && e["outcome"] == "ok")
        .count()
}

fn history_kinds(clinic: &Clinic, case: &str) -> Vec<String> {
    clinic
        .admin_json(&["child", "history", case, "--json"])
        .as_array()
        .expect("history is a list")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind").to_owned())
        .collect()
}

fn queue(clinic: &Clinic) -> Vec<Value> {
    clinic
        .admin_json(&["calls", "due", "--on", "2026-12-31", "--json"])
        .as_array()
        .expect("the queue is a list")
        .clone()
}

fn list(clinic: &Clinic, args: &[&str]) -> Vec<String> {
    let mut all = vec!["child", "list", "--json"];
    all.extend_from_slice(args);
    clinic
        .admin_json(&all)
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["case_number"].as_str().expect("case number").to_owned())
        .collect()
}

fn sponsor_of(clinic: &Clinic, case: &str) -> String {
    clinic.admin_json(&["child", "show", case, "--json"])["sponsor"]["id"]
        .as_i64()
        .expect("a sponsor")
        .to_string()
}

#[test]
fn a_wrong_number_moves_the_queue_to_the_next_and_then_asks_for_one() {
    let clinic = Clinic::with_admin();
    clinic.import(&[JOSE]);
    let case = first_case(&clinic);
    let rosa = sponsor_of(&clinic, &case);
    clinic.admin(&["sponsor", "edit", &rosa, "--add-phone", "+1 713 555 0142"]);
    // The number added is called first; it turns out to be someone else's.
    assert_eq!(queue(&clinic)[0]["sponsor_phone"], "+17135550142");
    let out = clinic.admin(&[
        "calls",
        "log",
        &case,
        "--outcome",
        "wrong_number",
        "--at",
        "2026-11-02 10:00",
    ]);
    assert!(
        out.contains("+17135550142 is marked not working; the next call goes to +50251234567"),
        "{out}"
    );
    let next = &queue(&clinic)[0];
    assert_eq!(next["sponsor_phone"], "+50251234567", "{next}");
    assert_eq!(next["attempt"], 2);
    assert_eq!(next["sponsor_phones_not_working"][0], "+17135550142");
    let sponsor = clinic.admin_json(&["sponsor", "show", &rosa, "--json"]);
    assert_eq!(sponsor["phones_not_working"][0]["since"], "2026-11-02");

    // The other number is wrong too: nothing left to dial, a task asks to find one.
    clinic.admin(&[
        "calls",
        "log",
        &case,
        "--outcome",
        "wrong_number",
        "--at",
        "2026-11-03 10:00",
        "--phone",
        "+502 5123 4567",
    ]);
    let tasks = clinic.admin_json(&["tasks", "--on", "2026-12-31", "--json"]);
    let find = tasks
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["kind"] == "find_phone")
        .expect("a task to find a working number");
    assert_eq!(find["due_on"], "2026-11-03");

    // The case manager finds Rosa's new number: the queue offers it, the task is gone.
    clinic.admin(&["sponsor", "edit", &rosa, "--add-phone", "+502 5999 0000"]);
    assert_eq!(queue(&clinic)[0]["sponsor_phone"], "+50259990000");
    let tasks = clinic.admin_json(&["tasks", "--on", "2026-12-31", "--json"]);
    assert!(!tasks.to_string().contains("find_phone"), "{tasks}");
    // Removing a number she does not have is a typo, refused, and nothing changes.
    let before = clinic.admin_json(&["sponsor", "show", &rosa, "--json"])["phones"].clone();
    let refused = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &[
            "sponsor",
            "edit",
            &rosa,
            "--remove-phone",
            "+1 999 555 0000",
        ],
        &[],
        8,
    );
    assert!(refused.contains("remove-phone"), "{refused}");
    assert_eq!(
        clinic.admin_json(&["sponsor", "show", &rosa, "--json"])["phones"],
        before
    );
    assert_eq!(audited(&clinic, "phone_not_working"), 2);
    assert_eq!(audited(&clinic, "sponsor_updated"), 2);
    let kinds = history_kinds(&clinic, &case);
    assert_eq!(
        kinds.iter().filter(|k| *k == "phone_not_working").count(),
        2
    );
    assert!(kinds.contains(&"sponsor_updated".to_owned()), "{kinds:?}");
}

#[test]
fn the_category_belongs_to_each_childs_link_to_the_sponsor() {
    let clinic = Clinic::with_admin();
    // Marta is a family friend (3) of Luis and the mother (1) of Pedro.
    clinic.import(&[
        "Luis,Cux,2011-02-02,A201555201,GT,quc,sí,2026-10-01,,Marta,Tzul,amiga de la familia,3,+502 4444 1111,9 Calle Ñuñoa,,Houston,TX,77003,not_served,,,",
        "Pedro,Tzul,2013-05-05,A201555202,GT,quc,sí,2026-10-01,,Marta,Tzul,madre,1,+502 4444 1111,9 Calle Ñuñoa,,Houston,TX,77003,not_served,,,",
    ]);
    let children = clinic.admin_json(&["child", "list", "--json"]);
    let by_name = |name: &str| -> Value {
        children
            .as_array()
            .expect("list")
            .iter()
            .find(|c| c["given_name"] == name)
            .cloned()
            .expect("child")
    };
    let (luis, pedro) = (by_name("Luis"), by_name("Pedro"));
    assert_eq!(luis["sponsor_category"], "3");
    assert_eq!(pedro["sponsor_category"], "1");
    let marta = sponsor_of(&clinic, luis["case_number"].as_str().expect("case"));
    let flags = clinic.admin_json(&["flags", "--json"]);
    assert!(
        !flags.to_string().contains("sponsor_several_unrelated"),
        "one category-3 link is no flag: {flags}"
    );

    // A second child she is a neighbour to: recorded on that child's own link.
    let added = clinic.admin_json(&[
        "child",
        "add",
        "--given-name",
        "Sofía",
        "--family-name",
        "Cux",
        "--dob",
        "2012-08-08",
        "--release-date",
        "2026-10-15",
        "--sponsor",
        &marta,
        "--json",
    ]);
    let sofia = added["case_number"]
        .as_str()
        .expect("case number")
        .to_owned();
    let linked = clinic.admin_json(&[
        "child",
        "edit",
        &sofia,
        "--sponsor",
        &marta,
        "--sponsor-category",
        "3",
        "--relationship",
        "vecina",
        "--json",
    ]);
    assert_eq!(linked["sponsor_category"], "3");
    assert_eq!(linked["relationship"], "vecina");
    assert_eq!(linked["sponsor"]["category"], "3");
    let flags = clinic.admin_json(&["flags", "--json"]);
    let unrelated = flags
        .as_array()
        .expect("flags")
        .iter()
        .find(|f| f["kind"] == "sponsor_several_unrelated")
        .expect("two category-3 links raise the flag");
    let text = unrelated["explanation_en"].as_str().expect("explanation");
    assert!(text.contains("2 children in category 3"), "{text}");
    assert!(text.contains("Luis") && text.contains("Sofía") && !text.contains("Pedro"));
    assert_eq!(audited(&clinic, "sponsor_linked"), 1);
    assert!(history_kinds(&clinic, &sofia).contains(&"sponsor_linked".to_owned()));
    // A category needs a sponsor to belong to.
    let alone = clinic.admin_json(&[
        "child",
        "add",
        "--given-name",
        "Ana",
        "--family-name",
        "Cux",
        "--dob",
        "2013-01-09",
        "--confirm",
        "--json",
    ])["case_number"]
        .as_str()
        .expect("case number")
        .to_owned();
    let refused = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["child", "edit", &alone, "--sponsor-category", "3"],
        &[],
        8,
    );
    assert!(refused.contains("sponsor"), "{refused}");
    // Pedro's own link is untouched.
    let pedro_now = clinic.admin_json(&[
        "child",
        "show",
        pedro["case_number"].as_str().expect("case"),
        "--json",
    ]);
    assert_eq!(pedro_now["sponsor_category"], "1");
}

#[test]
fn a_duplicate_merges_a_mistake_is_voided_and_a_case_changes_hands_closes_and_reopens() {
    let clinic = Clinic::with_admin();
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["user", "add", "beto", "--role", "case_manager"],
        &[("TETHER_NEW_PASSPHRASE", "beto passphrase for cases")],
    );
    clinic.import(&[JOSE]);
    let jose = first_case(&clinic);
    let rosa = sponsor_of(&clinic, &jose);
    clinic.admin(&[
        "calls",
        "log",
        &jose,
        "--outcome",
        "no_answer",
        "--at",
        "2026-11-02 10:00",
    ]);

    // José entered a second time by hand, with a call logged on that record.
    let dup = clinic.admin_json(&[
        "child",
        "add",
        "--given-name",
        "José",
        "--family-name",
        "Ramírez",
        "--dob",
        "2012-03-14",
        "--release-date",
        "2026-10-01",
        "--sponsor",
        &rosa,
        "--confirm",
        "--json",
    ])["case_number"]
        .as_str()
        .expect("case number")
        .to_owned();
    clinic.admin(&[
        "note",
        "add",
        &dup,
        "--text",
        "La tía dice que José ya va a la escuela.",
    ]);
    clinic.admin(&[
        "calls",
        "log",
        &dup,
        "--outcome",
        "voicemail",
        "--at",
        "2026-11-03 10:00",
    ]);
    assert_eq!(
        clinic
            .admin_json(&["search", "José Ramírez", "--json"])
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let kept = clinic.admin_json(&["child", "merge", &jose, &dup, "--json"]);
    assert_eq!(kept["case_number"], jose.as_str());
    assert_eq!(kept["merged_from"][0], dup.as_str());
    let found = clinic.admin_json(&["search", "José Ramírez", "--json"]);
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
    assert_eq!(found[0]["case_number"], jose.as_str());
    // The merged record's number still finds the case.
    let by_old_number = clinic.admin_json(&["child", "show", &dup, "--json"]);
    assert_eq!(by_old_number["case_number"], jose.as_str());
    let found = clinic.admin_json(&["search", &dup, "--json"]);
    assert_eq!(found[0]["case_number"], jose.as_str(), "{found}");
    // Both histories are the case's: both calls, the note, and the merge.
    let history = clinic.admin_json(&["child", "history", &jose, "--json"]);
    let text = history.to_string();
    assert!(
        text.contains("voicemail") && text.contains("no_answer"),
        "{text}"
    );
    assert!(text.contains("ya va a la escuela"), "{text}");
    assert!(text.contains("child_merged"), "{text}");
    assert_eq!(list(&clinic, &["--status", "all"]), vec![jose.clone()]);

    // A record entered by mistake during training: voided, gone everywhere but the history.
    let mistake = clinic.admin_json(&[
        "child",
        "add",
        "--given-name",
        "Prueba",
        "--family-name",
        "Borrar",
        "--release-date",
        "2026-10-01",
        "--sponsor",
        &rosa,
        "--json",
    ])["case_number"]
        .as_str()
        .expect("case number")
        .to_owned();
    assert!(queue(&clinic)
        .iter()
        .any(|c| c["case_number"] == mistake.as_str()));
    let refused = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["child", "void", &mistake, "--reason", ""],
        &[],
        8,
    );
    assert!(refused.contains("reason"), "{refused}");
    let voided = clinic.admin_json(&[
        "child",
        "void",
        &mistake,
        "--reason",
        "entered during training",
        "--json",
    ]);
    assert_eq!(voided["status"], "voided");
    assert_eq!(list(&clinic, &["--status", "all"]), vec![jose.clone()]);
    assert!(!queue(&clinic)
        .iter()
        .any(|c| c["case_number"] == mistake.as_str()));
    assert!(clinic
        .admin_json(&["search", "Prueba", "--json"])
        .as_array()
        .is_some_and(Vec::is_empty));
    let export = clinic.path("export.csv");
    clinic.admin(&["export", "--out", export.to_str().expect("utf-8 path")]);
    let csv = std::fs::read_to_string(&export).expect("export written");
    assert!(!csv.contains("Prueba"), "{csv}");
    assert_eq!(csv.lines().count(), 2, "a header and José: {csv}");
    let listed = clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["child", "list", "--status", "all"],
        &[],
    );
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(history_kinds(&clinic, &mistake).contains(&"child_voided".to_owned()));
    assert_eq!(audited(&clinic, "child_voided"), 1);

    // Handed to Beto: his list has it, the admin's does not.
    let assigned = clinic.admin_json(&["child", "assign", &jose, "beto", "--json"]);
    assert_eq!(assigned["assigned_to"], "beto");
    assert_eq!(
        list(&clinic, &["--assigned-to", "beto"]),
        vec![jose.clone()]
    );
    assert!(list(&clinic, &["--assigned-to", "me"]).is_empty());
    let beto_queue = clinic.admin_json(&[
        "calls",
        "due",
        "--on",
        "2026-12-31",
        "--assigned-to",
        "beto",
        "--json",
    ]);
    assert_eq!(beto_queue[0]["case_number"], jose.as_str());

    // Transferred to another clinic: out of the queue, the tasks and the flags; then back.
    clinic.admin(&["flags", "--json"]);
    let refused = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["child", "close", &jose, "--reason", "graduated"],
        &[],
        8,
    );
    assert!(refused.contains("graduated"), "{refused}");
    let closed = clinic.admin_json(&[
        "child",
        "close",
        &jose,
        "--reason",
        "transferred",
        "--note",
        "Pasa a la clínica de Dallas.",
        "--json",
    ]);
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["closed_reason"], "transferred");
    assert!(queue(&clinic).is_empty());
    let tasks = clinic.admin_json(&["tasks", "--on", "2027-12-31", "--json"]);
    assert_eq!(tasks.as_array().map(Vec::len), Some(0), "{tasks}");
    let flags = clinic.admin_json(&["flags", "--json"]);
    assert!(
        !flags
            .to_string()
            .contains(&format!("\"child_id\":{}", closed["id"])),
        "{flags}"
    );
    assert!(list(&clinic, &[]).is_empty());
    assert_eq!(list(&clinic, &["--status", "closed"]), vec![jose.clone()]);
    let again = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["child", "close", &jose, "--reason", "lost_contact"],
        &[],
        5,
    );
    assert!(again.contains("not open"), "{again}");

    let reopened = clinic.admin_json(&[
        "child",
        "reopen",
        &jose,
        "--note",
        "Dallas no puede tomar el caso.",
        "--json",
    ]);
    assert_eq!(reopened["status"], "open");
    assert_eq!(queue(&clinic)[0]["case_number"], jose.as_str());
    let kinds = history_kinds(&clinic, &jose);
    for kind in [
        "child_assigned",
        "child_closed",
        "child_reopened",
        "child_merged",
    ] {
        assert!(kinds.contains(&kind.to_owned()), "{kind} in {kinds:?}");
    }
    for action in [
        "child_assigned",
        "child_closed",
        "child_reopened",
        "child_merged",
    ] {
        assert_eq!(audited(&clinic, action), 1, "{action}");
    }
}

#[test]
fn an_updated_release_file_is_reported_field_by_field_and_applied_only_with_update() {
    let clinic = Clinic::with_admin();
    clinic.import(&[JOSE]);
    let jose = first_case(&clinic);
    let sponsors_before = clinic.admin_json(&["sponsor", "list", "--json"]);
    assert_eq!(sponsors_before.as_array().map(Vec::len), Some(1));

    let file = clinic.write(
        "releases-december.csv",
        &format!("{RELEASE_HEADER}\n{JOSE_UPDATED}\n{JOSE_TYPO}\n"),
    );
    let path = file.to_str().expect("utf-8 path");
    let out = clinic.admin(&["import", path]);
    assert!(
        out.contains(
            "imported 2 of 2 rows: 0 children created, 1 already present (0 unchanged, 1 with changes, 0 updated), 1 held back, 0 sponsors created"
        ),
        "{out}"
    );
    assert!(
        out.contains("next_hearing 2027-01-12 09:00 → 2027-02-03 09:00"),
        "{out}"
    );
    assert!(
        out.contains("sponsor_phone +50251234567 → +50259990000"),
        "{out}"
    );
    assert!(out.contains("--update"), "{out}");
    assert!(
        out.contains(&format!(
            "line 3: held back: José Ramírez has the same name, date of birth and sponsor as {jose}"
        )),
        "{out}"
    );
    // Nothing changed yet, and no sponsor was created for the new number.
    let child = clinic.admin_json(&["child", "show", &jose, "--json"]);
    assert_eq!(child["hearings"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        clinic
            .admin_json(&["sponsor", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    assert_eq!(list(&clinic, &["--status", "all"]), vec![jose.clone()]);

    let report = clinic.admin_json(&["import", path, "--update", "--json"]);
    assert_eq!(report["children_updated"], 1, "{report}");
    assert_eq!(report["children_held_back"], 1);
    assert_eq!(report["children_created"], 0);
    assert_eq!(report["sponsors_created"], 0);
    assert_eq!(
        report["held_back"][0]["existing_case_number"],
        jose.as_str()
    );
    let fields: Vec<&str> = report["changes"][0]["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| c["field"].as_str().expect("field"))
        .collect();
    assert_eq!(fields, vec!["sponsor_phone", "next_hearing"]);
    let child = clinic.admin_json(&["child", "show", &jose, "--json"]);
    let hearings: Vec<&str> = child["hearings"]
        .as_array()
        .expect("hearings")
        .iter()
        .map(|h| h["at"].as_str().expect("at"))
        .collect();
    assert_eq!(hearings, vec!["2027-01-12 09:00", "2027-02-03 09:00"]);
    assert_eq!(child["sponsor"]["phones"][0], "+50259990000");
    assert_eq!(child["sponsor"]["phones"][1], "+50251234567");
    let history = clinic.admin_json(&["child", "history", &jose, "--json"]);
    let update = history
        .as_array()
        .expect("history")
        .iter()
        .find(|e| e["kind"] == "import_updated")
        .expect("the update is in the history");
    assert_eq!(update["detail"]["changes"][1]["after"], "2027-02-03 09:00");

    // The same file once more: nothing left to change.
    let report = clinic.admin_json(&["import", path, "--update", "--json"]);
    assert_eq!(report["children_unchanged"], 1, "{report}");
    assert_eq!(report["children_updated"], 0);
    assert_eq!(
        clinic
            .admin_json(&["sponsor", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(1),
        "no empty sponsor, ever"
    );
}
