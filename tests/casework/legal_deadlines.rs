//! Legal deadlines and child protection through the `tether` CLI (issue 13): Andrea Cúmez,
//! 20, pursuing SIJS while she lives in California (whose courts make predicate orders until
//! 21), gets the I-360 warning 180 days before her last day; her sponsor moves to Texas (18)
//! and the predicate-order deadline is a red flag at once. On a follow-up call she says she
//! owes money for the journey: the screening offers a concern report, which a case manager
//! opens and submits, a supervisor approves and reports, and the history names every signer.
//!
//! The binary reads the clock, so the birth date counts back from today: her 21st birthday is
//! 181 days away, which puts the last day (the day before) exactly 180 days ahead.

use chrono::{Days, Months, NaiveDate, Utc};
use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, VOLUNTEER_PASS};

use super::first_case;

const TOMAS: &str = "tomas";
const LUCIA: &str = "lucia";

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn andrea_row() -> String {
    let birthday_21 = today() + Days::new(181);
    let birth = birthday_21
        .checked_sub_months(Months::new(21 * 12))
        .expect("a birth date");
    let hearing = today() + Days::new(60);
    format!(
        "Andrea,Cúmez,{birth},A201555777,GT,quc,sí,2026-06-01,,Marta,Cúmez,tía,2A,+1 213 555 0142,1400 Calle Ñuñoa,,Los Angeles,CA,90012,served,2026-06-20,NLA,{hearing} 09:00"
    )
}

fn add_case_manager(clinic: &Clinic, name: &str) {
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["user", "add", name, "--role", "case_manager"],
        &[("TETHER_NEW_PASSPHRASE", VOLUNTEER_PASS)],
    );
}

fn deadlines(clinic: &Clinic) -> Vec<Value> {
    clinic.admin_json(&["deadlines", "--json"])["deadlines"]
        .as_array()
        .expect("a list")
        .clone()
}

fn of_rule<'a>(all: &'a [Value], rule: &str) -> Option<&'a Value> {
    all.iter().find(|d| d["rule"]["id"] == rule)
}

fn legal_flags(clinic: &Clinic) -> Vec<Value> {
    clinic
        .admin_json(&["flags", "--json"])
        .as_array()
        .expect("a list")
        .iter()
        .filter(|f| f["kind"] == "legal_deadline")
        .cloned()
        .collect()
}

#[test]
fn a_move_to_an_18_state_flags_the_predicate_order_and_a_concern_is_signed_at_every_step() {
    let clinic = Clinic::with_admin();
    add_case_manager(&clinic, TOMAS);
    add_case_manager(&clinic, LUCIA);
    clinic.admin(&["user", "supervisor", LUCIA]);
    clinic.import(&[andrea_row()]);
    let case = first_case(&clinic);

    // No relief identified yet: no deadlines.
    let shown = clinic.admin_json(&["relief", "show", &case, "--json"]);
    assert_eq!(shown["status"], "no_relief_identified_yet");
    assert!(deadlines(&clinic).is_empty());

    // SIJS in California: the I-360 and the predicate order are both due the day before the
    // 21st birthday, 180 days from today, and both are warned.
    let set = clinic.admin_json(&[
        "relief",
        "set",
        &case,
        "--pathway",
        "sijs",
        "--status",
        "predicate_order_filed",
        "--date",
        &(today() - Days::new(20)).to_string(),
        "--json",
    ]);
    assert_eq!(set["status"], "pursuing");
    assert_eq!(set["residence_state"], "CA");
    let all = deadlines(&clinic);
    let i360 = of_rule(&all, "sijs_i360_age").expect("the I-360 deadline");
    assert_eq!(i360["days_left"], 180, "{i360}");
    assert_eq!(i360["warn"], "within_180_days");
    assert_eq!(i360["case_number"], case.as_str());
    assert!(
        i360["rule"]["source"]
            .as_str()
            .is_some_and(|s| s.contains("8 CFR 204.11")),
        "{i360}"
    );
    let predicate = of_rule(&all, "sijs_predicate_order").expect("the predicate order");
    assert_eq!(predicate["days_left"], 180);
    assert_eq!(
        predicate["kind"]["jurisdiction"]["state"], "CA",
        "{predicate}"
    );
    // `--within 90` leaves both out; the flags hold both.
    let near = clinic.admin_json(&["deadlines", "--within", "90", "--json"]);
    assert_eq!(
        near["deadlines"].as_array().map(Vec::len),
        Some(0),
        "{near}"
    );
    assert_eq!(legal_flags(&clinic).len(), 2);
    // The task for the 180-day warning is due today.
    let tasks = clinic.admin_json(&["tasks", "--json"]);
    let warning = tasks
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["kind"] == "legal_deadline" && t["due_on"] == today().to_string().as_str())
        .unwrap_or_else(|| panic!("a warning task due today: {tasks}"));
    assert!(
        warning["summary"]
            .as_str()
            .is_some_and(|s| s.contains("I-360") || s.contains("predicate order")),
        "{warning}"
    );

    // Marta moves to Houston, Texas: Andrea is 20, past Texas's 18, so the predicate-order
    // deadline is overdue at once, and the flag names Texas and its source.
    let sponsor = clinic.admin_json(&["child", "show", &case, "--json"])["sponsor"]["id"]
        .as_i64()
        .expect("a sponsor")
        .to_string();
    clinic.admin(&[
        "sponsor",
        "move",
        &sponsor,
        "--address-line1",
        "800 Calle Ñuñoa",
        "--city",
        "Houston",
        "--state",
        "TX",
        "--zip",
        "77002",
    ]);
    let all = deadlines(&clinic);
    let predicate = of_rule(&all, "sijs_predicate_order").expect("the predicate order");
    assert_eq!(predicate["warn"], "overdue", "{predicate}");
    assert_eq!(predicate["kind"]["jurisdiction"]["state"], "TX");
    let flag = legal_flags(&clinic)
        .into_iter()
        .find(|f| {
            f["flag_id"]
                .as_str()
                .is_some_and(|k| k.contains("predicate_order"))
        })
        .expect("the predicate-order flag");
    let text = flag["explanation_en"].as_str().unwrap_or_default();
    assert!(
        text.contains("Texas") && text.contains("Tex. Fam. Code"),
        "{text}"
    );
    assert!(
        flag["explanation_es"]
            .as_str()
            .is_some_and(|t| t.contains("Texas")),
        "{flag}"
    );
    // A clinic whose counsel reads Texas law otherwise sets its own age in Settings; the
    // deadline follows, and clearing it goes back to the shipped table.
    clinic.admin(&["settings", "predicate-age", "TX", "21"]);
    let overridden = deadlines(&clinic);
    assert_eq!(
        of_rule(&overridden, "sijs_predicate_order").map(|d| d["days_left"].clone()),
        Some(180.into())
    );
    clinic.admin(&["settings", "predicate-age", "TX", "--clear"]);
    assert_eq!(
        of_rule(&deadlines(&clinic), "sijs_predicate_order").map(|d| d["warn"].clone()),
        Some("overdue".into())
    );
    // The I-360 does not depend on the state: still 180 days.
    assert_eq!(
        of_rule(&all, "sijs_i360_age").map(|d| d["days_left"].clone()),
        Some(180.into())
    );
    // The move asks which court serves Houston (a change of venue may follow).
    let shown = clinic.admin_json(&["relief", "show", &case, "--json"]);
    assert!(
        shown["tasks"].as_array().is_some_and(|t| t
            .iter()
            .any(|t| t["kind"]["type"] == "find_court_for_new_address")),
        "{shown}"
    );

    // Tomás calls; Andrea owes money for the journey and cannot leave where she lives.
    let logged = clinic.json(
        TOMAS,
        VOLUNTEER_PASS,
        &[
            "calls",
            "log",
            &case,
            "--outcome",
            "reached_child",
            "--answers",
            r#"{"feels_safe": false, "screening": {"works": true, "owes_for_journey": true, "free_to_leave": false}}"#,
            "--json",
        ],
    );
    assert_eq!(
        logged["screening"]["offer_concern_report"], true,
        "{logged}"
    );
    let call = logged["call_id"].as_i64().expect("call id").to_string();
    let trafficking: Vec<Value> = clinic
        .admin_json(&["flags", "--json"])
        .as_array()
        .expect("flags")
        .iter()
        .filter(|f| f["kind"] == "trafficking_indicator")
        .cloned()
        .collect();
    assert_eq!(trafficking.len(), 2, "{trafficking:?}");

    let opened = clinic.json(
        TOMAS,
        VOLUNTEER_PASS,
        &[
            "concern",
            "open",
            &case,
            "--call",
            &call,
            "--category",
            "trafficking_indicators",
            "--text",
            "Dice que trabaja de noche en una empacadora y que debe dinero del viaje.",
            "--json",
        ],
    );
    assert_eq!(opened["state"], "draft");
    assert_eq!(
        opened["submit_by"],
        (today() + Days::new(1)).to_string().as_str(),
        "to the supervisor within a day"
    );
    let id = opened["concern_id"].as_i64().expect("id").to_string();
    let step = |user: &str, args: &[&str]| -> Value {
        let mut all = vec!["concern"];
        all.extend_from_slice(args);
        all.push("--json");
        clinic.json(user, VOLUNTEER_PASS, &all)
    };
    assert_eq!(step(TOMAS, &["submit", &id])["state"], "submitted");
    // Tomás is no supervisor, and may not sign off his own report: refused, audited.
    let refused = clinic.fails(TOMAS, VOLUNTEER_PASS, &["concern", "approve", &id], &[], 4);
    assert!(refused.contains("approve"), "{refused}");
    // Reporting before approval is refused too, and says why.
    let early = clinic.fails(
        LUCIA,
        VOLUNTEER_PASS,
        &[
            "concern",
            "report",
            &id,
            "--to",
            "hhs_otip",
            "--reference",
            "X",
        ],
        &[],
        5,
    );
    assert!(early.contains("submitted cannot be reported"), "{early}");
    let approved = step(LUCIA, &["approve", &id, "--note", "Leído. Reportar hoy."]);
    assert_eq!(approved["state"], "approved");
    assert_eq!(approved["approved_by"], LUCIA);
    let unknown = clinic.fails(
        LUCIA,
        VOLUNTEER_PASS,
        &[
            "concern",
            "report",
            &id,
            "--to",
            "ice_tip_line",
            "--reference",
            "X",
        ],
        &[],
        8,
    );
    assert!(unknown.contains("to"), "{unknown}");
    let reported = step(
        LUCIA,
        &[
            "report",
            &id,
            "--to",
            "national_human_trafficking_hotline",
            "--reference",
            "NHTH-2026-1182",
        ],
    );
    assert_eq!(reported["state"], "reported");
    assert_eq!(
        reported["reported_to"],
        "national_human_trafficking_hotline"
    );
    assert_eq!(reported["reference"], "NHTH-2026-1182");
    let signers: Vec<(String, String)> = reported["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s["step"].as_str().unwrap_or_default().to_owned(),
                s["by"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    };
    assert_eq!(
        signers,
        pairs(&[
            ("open", TOMAS),
            ("submit", TOMAS),
            ("approve", LUCIA),
            ("report", LUCIA)
        ])
    );

    // The history shows every step with its signer, and the trafficking concern brings the
    // HHS Request for Assistance deadline (before 18: long past for Andrea).
    let history = clinic.admin_json(&["child", "history", &case, "--json"]);
    let events: Vec<(String, String)> = history
        .as_array()
        .expect("history")
        .iter()
        .filter(|e| {
            e["kind"]
                .as_str()
                .is_some_and(|k| k.starts_with("concern_"))
        })
        .map(|e| {
            (
                e["kind"].as_str().unwrap_or_default().to_owned(),
                e["actor"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    for expected in pairs(&[
        ("concern_opened", TOMAS),
        ("concern_submitted", TOMAS),
        ("concern_approved", LUCIA),
        ("concern_reported", LUCIA),
    ]) {
        assert!(events.contains(&expected), "{expected:?} in {events:?}");
    }
    let audit = clinic.audit();
    let denied = audit
        .iter()
        .filter(|e| e["action"] == "concern_approved" && e["outcome"] == "denied")
        .count();
    assert_eq!(denied, 1);
    assert!(of_rule(&deadlines(&clinic), "otip_rfa_age").is_some());
}

#[test]
fn a_reminder_is_prepared_in_spanish_with_links_to_the_sponsor_and_recorded() {
    let clinic = Clinic::with_admin();
    clinic.import(&[andrea_row()]);
    let case = first_case(&clinic);
    let reminder = clinic.admin_json(&["remind", &case, "--lang", "es", "--json"]);
    let text = reminder["text"].as_str().expect("text");
    assert!(
        text.starts_with("Andrea tiene corte de inmigracion el "),
        "{text}"
    );
    assert!(text.contains("300 North Los Angeles Street"), "{text}");
    assert!(text.contains("9:00"), "{text}");
    assert_eq!(reminder["length"], text.chars().count());
    assert_eq!(reminder["encoding"], "gsm-7");
    assert_eq!(reminder["phone"], "+12135550142");
    let sms = reminder["sms_link"].as_str().expect("sms link");
    assert!(
        sms.starts_with("sms:+12135550142?body=Andrea%20tiene"),
        "{sms}"
    );
    let wa = reminder["whatsapp_link"].as_str().expect("whatsapp link");
    assert!(
        wa.starts_with("https://wa.me/12135550142?text=Andrea"),
        "{wa}"
    );
    let en = clinic.admin(&["remind", &case, "--lang", "en"]);
    assert!(en.contains("has immigration court on"), "{en}");
    let wrong = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["remind", &case, "--lang", "mam"],
        &[],
        8,
    );
    assert!(wrong.contains("lang"), "{wrong}");
    let history = clinic.admin_json(&["child", "history", &case, "--json"]);
    let prepared = history
        .as_array()
        .expect("history")
        .iter()
        .filter(|e| e["kind"] == "reminder_prepared")
        .count();
    assert_eq!(
        prepared, 2,
        "one per reminder prepared, none for the refused one"
    );
}

#[test]
fn a_missed_hearing_asks_about_an_order_and_the_ground_decides_the_motion_deadline() {
    let clinic = Clinic::with_admin();
    clinic.import(&[andrea_row()]);
    let case = first_case(&clinic);
    let missed_on = today() - Days::new(40);
    clinic.admin(&[
        "hearing",
        "add",
        &case,
        "--at",
        &format!("{missed_on} 09:00"),
        "--court",
        "NLA",
    ]);
    let hearing = clinic.admin_json(&["child", "show", &case, "--json"])["hearings"]
        .as_array()
        .expect("hearings")
        .iter()
        .find(|h| {
            h["at"]
                .as_str()
                .is_some_and(|at| at.starts_with(&missed_on.to_string()))
        })
        .and_then(|h| h["id"].as_i64())
        .expect("the past hearing")
        .to_string();
    // An order can only follow a missed hearing.
    let early = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &[
            "hearing",
            "in-absentia",
            &hearing,
            "--order-on",
            &missed_on.to_string(),
        ],
        &[],
        8,
    );
    assert!(early.contains("missed"), "{early}");
    clinic.admin(&["hearing", "set", &hearing, "--outcome", "missed"]);
    let before = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &[
            "hearing",
            "in-absentia",
            &hearing,
            "--order-on",
            &(missed_on - Days::new(1)).to_string(),
        ],
        &[],
        8,
    );
    assert!(before.contains("before the hearing"), "{before}");
    let shown = clinic.admin_json(&["relief", "show", &case, "--json"]);
    assert!(
        shown["tasks"].as_array().is_some_and(|t| t
            .iter()
            .any(|t| t["kind"]["type"] == "ask_in_absentia_order")),
        "{shown}"
    );
    // Ordered removed in absentia 30 days ago; exceptional circumstances: 180 days from the
    // order, with the EOIR-33 to file with the motion.
    let order_on = today() - Days::new(30);
    let with_ground = clinic.admin_json(&[
        "hearing",
        "in-absentia",
        &hearing,
        "--order-on",
        &order_on.to_string(),
        "--ground",
        "exceptional_circumstances",
        "--json",
    ]);
    let motion = with_ground["deadlines"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["kind"]["type"] == "motion_to_reopen"))
        .unwrap_or_else(|| panic!("a motion deadline: {with_ground}"));
    assert_eq!(motion["days_left"], 150);
    assert_eq!(
        motion["due_on"],
        (order_on + Days::new(180)).to_string().as_str()
    );
    assert!(with_ground["deadlines"].as_array().is_some_and(|d| d
        .iter()
        .any(|d| d["kind"]["type"] == "eoir33_with_motion_to_reopen")));
    // The notice never arrived: no time limit, a step to file rather than a deadline.
    let no_notice = clinic.admin_json(&[
        "hearing",
        "in-absentia",
        &hearing,
        "--order-on",
        &order_on.to_string(),
        "--ground",
        "notice_not_received",
        "--json",
    ]);
    assert!(
        no_notice["deadlines"]
            .as_array()
            .is_some_and(|d| d.iter().all(|d| d["kind"]["type"] != "motion_to_reopen")),
        "{no_notice}"
    );
    assert!(no_notice["tasks"].as_array().is_some_and(|t| t
        .iter()
        .any(|t| t["kind"]["type"] == "motion_to_reopen_no_time_limit")));
    let history = clinic.admin_json(&["child", "history", &case, "--json"]);
    let recorded = history
        .as_array()
        .expect("history")
        .iter()
        .filter(|e| e["kind"] == "in_absentia_recorded")
        .count();
    assert_eq!(
        recorded, 2,
        "each recording kept, the first not overwritten"
    );
}
