//! Printing through the `tether` CLI: each printable as a PDF file, read back with `pdftotext`;
//! volunteers print only the call sheet; existing files are never overwritten; every print is
//! audited; an admin's template override (kept in the vault) replaces the shipped one, and a
//! file in the vault folder does not.

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use tether_tests::{Clinic, ADMIN, ADMIN_PASS, SECOND_VOLUNTEER as VOLUNTEER, VOLUNTEER_PASS};

fn pdftotext(path: &Path) -> String {
    pdftotext_pages(path, &[])
}

/// The text of a PDF (or of the pages chosen by `range`, e.g. `["-f", "1", "-l", "1"]`), read by
/// poppler's `pdftotext` — an extractor independent of the renderer — with runs of space folded.
fn pdftotext_pages(path: &Path, range: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .args(range)
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext {}", path.display());
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn clean(text: &str) {
    for bad in ["null", "None", "{{"] {
        assert!(!text.contains(bad), "found {bad:?} in {text}");
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn print_every_printable_from_the_cli() {
    let clinic = Clinic::with_admin();
    // Ana: full case with a hearing in Houston on October 21 (ahead, so it is her next hearing);
    // Luis: no A-Number, no court, no hearing.
    let hearing = tether_tests::october_21_ahead();
    let year = chrono::Datelike::year(&hearing);
    let weekday = hearing.format("%A").to_string();
    let rows = [
        format!("Ana,Ramírez,2011-04-03,A200000022,GT,mam,sí,2026-09-11,,Inés,Xicará,tía,2A,+1 212 555 0122,2 Oak St,Apt 2,Houston,TX,77002,served,2026-09-20,HOU,{hearing} 09:00"),
        "Luis,Ramírez,2012-01-05,,GT,spa,no,2026-09-11,,Rosa,Ramírez,tía,1,+1 713 555 0121,1 Main St,,Houston,TX,77002,not_served,,,".to_owned(),
    ];
    clinic.import(&rows);
    clinic.add_volunteer(VOLUNTEER);
    let list: Value =
        serde_json::from_str(&clinic.admin(&["child", "list", "--json"])).expect("JSON");
    let case_of = |given: &str| -> String {
        list.as_array()
            .expect("list")
            .iter()
            .find(|c| c["given_name"] == given)
            .and_then(|c| c["case_number"].as_str())
            .expect("case")
            .to_owned()
    };
    let (ana, luis) = (case_of("Ana"), case_of("Luis"));

    let notice = clinic.path("notice.pdf");
    clinic.admin(&[
        "print",
        "notice",
        &ana,
        "--lang",
        "both",
        "--out",
        s(&notice),
    ]);
    let text = pdftotext(&notice);
    clean(&text);
    for needle in [
        "Ana Ramírez",
        "A200-000-022",
        &hearing.to_string(),
        &format!("{weekday}, October 21, {year}"),
        &format!("21 de octubre de {year}"),
        "9:00 AM CDT",
        "audiencia",
        "dirección",
        "1-800-898-7180",
        "EOIR-33",
        "Mam",
        "This is not an official government form.",
        "Este no es un formulario oficial del gobierno.",
    ] {
        assert!(text.contains(needle), "notice lacks {needle:?}: {text}");
    }

    // Never over an existing file.
    let before = std::fs::read(&notice).expect("pdf");
    let again = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &["print", "notice", &ana, "--out", s(&notice)],
        &[],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&notice).expect("pdf"), before);

    // Missing data: blank lines, "to be set".
    let sparse = clinic.path("luis-nta.pdf");
    clinic.admin(&["print", "nta-record", &luis, "--out", s(&sparse)]);
    let text = pdftotext(&sparse);
    clean(&text);
    assert!(
        text.contains("________________")
            && text.contains("to be set")
            && text.contains("por fijar")
    );

    for (args, file) in [
        (
            vec!["print", "reminder", ana.as_str(), "--lang", "es"],
            "reminder.pdf",
        ),
        (
            vec!["print", "reminder", luis.as_str(), "--lang", "en"],
            "reminder-luis.pdf",
        ),
        (vec!["print", "eoir33", ana.as_str()], "eoir33.pdf"),
        (
            vec!["print", "notice", luis.as_str(), "--lang", "es"],
            "notice-luis.pdf",
        ),
    ] {
        let out = clinic.path(file);
        let mut args = args.clone();
        args.extend(["--out", s(&out)]);
        clinic.admin(&args);
        let text = pdftotext(&out);
        clean(&text);
        assert!(text.contains("Ramírez"), "{file}: {text}");
        assert!(text.contains("no es un formulario oficial") || text.contains("not an official"));
    }

    // Volunteers: the call sheet only.
    let denied = clinic.run(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["print", "notice", &ana, "--out", s(&clinic.path("v.pdf"))],
        &[],
    );
    assert!(!denied.status.success());
    assert!(!clinic.path("v.pdf").exists());
    let sheet = clinic.path("calls.pdf");
    let out = clinic.run(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &[
            "print",
            "call-sheet",
            "--on",
            "2026-09-30",
            "--out",
            s(&sheet),
        ],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdftotext(&sheet);
    clean(&text);
    assert!(
        text.contains("Calls due") && text.contains("Llamadas pendientes"),
        "{text}"
    );
    assert!(
        !text.contains("A200-000-022") && !text.contains("Oak St"),
        "{text}"
    );

    // Batch: one PDF, then one file per child in a folder.
    let batch = clinic.path("batch.pdf");
    clinic.admin(&[
        "print",
        "batch",
        "--hearings-within",
        "3650",
        "--lang",
        "en",
        "--out",
        s(&batch),
    ]);
    assert!(pdftotext(&batch).contains("Ana Ramírez"));
    let folder = clinic.path("notices");
    clinic.admin(&[
        "print",
        "batch",
        "--hearings-within",
        "3650",
        "--lang",
        "es",
        "--out",
        s(&folder),
    ]);
    assert_eq!(std::fs::read_dir(&folder).expect("folder").count(), 1);

    // A clinic's template override, kept in the vault by the admin, used at the next print.
    let clinic_typ = clinic.write(
        "clinic.typ",
        "#let clinic = (name: \"Clínica Esperanza\", phone: \"(713) 555-0100\", address: (\"1 Main St\",))\n",
    );
    clinic.admin(&["settings", "template", "set", "clinic.typ", s(&clinic_typ)]);
    let letter = clinic.path("letterhead.pdf");
    let said = clinic.admin(&[
        "print",
        "reminder",
        &ana,
        "--lang",
        "es",
        "--out",
        s(&letter),
    ]);
    assert!(said.contains("custom template: clinic.typ"), "{said}");
    assert!(pdftotext(&letter).contains("Clínica Esperanza"));

    // Every print audited: document_printed with the child id or call_sheet.
    let log: Value =
        serde_json::from_str(&clinic.admin(&["audit", "log", "--json", "--limit", "500"]))
            .expect("JSON");
    let printed: Vec<&Value> = log
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["action"] == "document_printed" && e["outcome"] == "ok")
        .collect();
    // notice, nta-record, 2 reminders, eoir33, notice, call sheet, 2 batch, letterhead.
    assert_eq!(printed.len(), 10, "{log}");
    assert!(printed.iter().any(|e| e["record_id"] == "call_sheet"));
    assert!(log
        .as_array()
        .expect("entries")
        .iter()
        .any(|e| e["action"] == "document_printed" && e["outcome"] == "denied"));
    clinic.admin(&["audit", "verify"]);
}

#[test]
fn the_clinic_contact_setting_prints_on_a_side_by_side_notice() {
    let clinic = Clinic::with_admin();
    clinic.import(&["Ana,Ramírez,2011-04-03,A200000022,GT,mam,sí,2026-09-11,,Inés,Xicará,tía,2A,+502 2345 6789,2 Oak St,Apt 2,Houston,TX,77002,served,2026-09-20,HOU,"]);
    clinic.add_volunteer(VOLUNTEER);

    // Bad input names the field and changes nothing; volunteers may not change settings.
    let bad = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &[
            "settings",
            "clinic",
            "--name",
            "Clínica Legal Ñuñoa",
            "--phone",
            "llámenos",
        ],
        &[],
    );
    assert_eq!(bad.status.code(), Some(8));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("phone"));
    let unset: Value =
        serde_json::from_str(&clinic.admin(&["settings", "clinic", "--json"])).expect("JSON");
    assert_eq!(unset["name"], Value::Null);
    let denied = clinic.run(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["settings", "clinic", "--name", "Otra"],
        &[],
    );
    assert_eq!(denied.status.code(), Some(4));

    clinic.admin(&[
        "settings",
        "clinic",
        "--name",
        "Clínica Legal Ñuñoa",
        "--phone",
        "(713) 555-0188",
        "--address-line",
        "1200 Main St, Suite 4",
        "--address-line",
        "Houston, TX 77002",
    ]);
    let set: Value =
        serde_json::from_str(&clinic.admin(&["settings", "clinic", "--json"])).expect("JSON");
    assert_eq!(set["phone"], "+1 713-555-0188");

    let list: Value =
        serde_json::from_str(&clinic.admin(&["child", "list", "--json"])).expect("JSON");
    let ana = list[0]["case_number"].as_str().expect("case").to_owned();
    let notice = clinic.path("notice-side-by-side.pdf");
    let printed = clinic.admin(&[
        "print",
        "notice",
        &ana,
        "--lang",
        "both",
        "--layout",
        "side-by-side",
        "--out",
        s(&notice),
    ]);
    assert!(printed.contains(&ana), "{printed}");
    let first_page = pdftotext_pages(&notice, &["-f", "1", "-l", "1"]);
    clean(&first_page);
    for needle in [
        "Ana Ramírez",
        "A200-000-022",
        "Your immigration court hearing",
        "Su audiencia en la corte",
        "audiencia",
    ] {
        assert!(
            first_page.contains(needle),
            "page 1 lacks {needle:?}: {first_page}"
        );
    }
    let whole = pdftotext(&notice);
    for needle in [
        "Clínica Legal Ñuñoa",
        "+1 713-555-0188",
        "Houston, TX 77002",
    ] {
        assert!(whole.contains(needle), "notice lacks {needle:?}: {whole}");
    }
}

/// The attack of issue 10 (medium 9): someone who can write to the vault folder, but has no
/// admin's passphrase, drops a forged call sheet in `<vault>/templates/` that moves a hearing
/// to a fake address. It is not read; the printout says nothing of it; a warning says how an
/// admin would import it. An admin's own override, set in the vault, applies, is audited with
/// its SHA-256 and is marked; a case manager cannot set one (refused and audited).
#[test]
fn a_forged_template_in_the_vault_folder_changes_nothing() {
    let clinic = Clinic::with_admin();
    clinic.add_volunteer(VOLUNTEER);
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["user", "add", "carmen", "--role", "case_manager"],
        &[("TETHER_NEW_PASSPHRASE", VOLUNTEER_PASS)],
    );
    let forged = "#let data = json(bytes(sys.inputs.data))\n= Your hearing moved to 123 Fake St.\n";
    let folder = clinic.vault().join("templates");
    std::fs::create_dir_all(&folder).expect("templates folder");
    std::fs::write(folder.join("call-sheet.typ"), forged).expect("forged template");

    let sheet = clinic.path("sheet.pdf");
    let out = clinic.run(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &[
            "print",
            "call-sheet",
            "--on",
            "2026-10-31",
            "--out",
            s(&sheet),
        ],
        &[],
    );
    assert!(out.status.success(), "{out:?}");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    let text = pdftotext(&sheet);
    assert!(
        !text.contains("Fake St"),
        "the forged template was used:\n{text}"
    );
    assert!(!stdout.contains("custom template"), "{stdout}");
    assert!(
        stderr.contains("no longer read")
            && stderr.contains("tether settings template set call-sheet.typ"),
        "{stderr}"
    );

    // A case manager may not put it in the vault either: refused, audited, nothing changed.
    let file = folder.join("call-sheet.typ");
    let refused = clinic.fails(
        "carmen",
        VOLUNTEER_PASS,
        &["settings", "template", "set", "call-sheet.typ", s(&file)],
        &[],
        4,
    );
    assert!(refused.contains("may not"), "{refused}");
    assert!(clinic.audit().iter().any(|e| e["actor"] == "carmen"
        && e["action"] == "settings_changed"
        && e["outcome"] == "denied"
        && e["record_id"] == "call-sheet.typ"));
    let listed = clinic.admin_json(&["settings", "template", "list", "--json"]);
    assert_eq!(listed, serde_json::json!([]));

    // The admin's own override applies, is marked in the output, and is audited with its hash.
    let own = clinic.write(
        "own-call-sheet.typ",
        "#let data = json(bytes(sys.inputs.data))\n= Llamadas de Centro Esperanza #data.items.at(0).date\n",
    );
    let set = clinic.admin(&["settings", "template", "set", "call-sheet.typ", s(&own)]);
    let listed = clinic.admin_json(&["settings", "template", "list", "--json"]);
    let sha = listed[0]["sha256"].as_str().expect("sha256").to_owned();
    assert_eq!(sha.len(), 64, "{listed}");
    assert_eq!(listed[0]["name"], "call-sheet.typ");
    assert_eq!(listed[0]["set_by"], ADMIN);
    assert!(set.contains(&sha), "{set}");
    assert!(clinic.audit().iter().any(|e| e["actor"] == ADMIN
        && e["action"] == "settings_changed"
        && e["outcome"] == "ok"
        && e["record_id"] == format!("call-sheet.typ sha256:{sha}").as_str()));
    let custom = clinic.path("custom-sheet.pdf");
    let said = clinic.ok(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &[
            "print",
            "call-sheet",
            "--on",
            "2026-10-31",
            "--out",
            s(&custom),
        ],
        &[],
    );
    assert!(said.contains("custom template: call-sheet.typ"), "{said}");
    let text = pdftotext(&custom);
    assert!(
        text.contains("Llamadas de Centro Esperanza 2026-10-31"),
        "{text}"
    );
    assert!(!text.contains("Fake St"), "{text}");

    // A name that is no shipped template is refused; reset brings the shipped one back.
    let wrong = clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["settings", "template", "set", "letterhead.typ", s(&own)],
        &[],
        8,
    );
    assert!(wrong.contains("call-sheet.typ"), "{wrong}");
    clinic.admin(&["settings", "template", "reset", "call-sheet.typ"]);
    assert_eq!(
        clinic.admin_json(&["settings", "template", "list", "--json"]),
        serde_json::json!([])
    );
    let shipped = clinic.path("shipped-sheet.pdf");
    let said = clinic.admin(&[
        "print",
        "call-sheet",
        "--on",
        "2026-10-31",
        "--out",
        s(&shipped),
    ]);
    assert!(!said.contains("custom template"), "{said}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&shipped)
            .expect("stat")
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "a printout is owner-only, not {mode:o}"
        );
    }
    clinic.admin(&["audit", "verify"]);
}

/// `pdftotext` is there, or (after saying so) the check is skipped; with
/// `TETHER_REQUIRE_REFERENCE` set a missing `pdftotext` fails.
fn have_pdftotext() -> bool {
    let found = Command::new("pdftotext")
        .arg("-v")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("TETHER_REQUIRE_REFERENCE").is_none(),
            "pdftotext is missing: install poppler-utils (make system-deps does)"
        );
        eprintln!(
            "SKIPPED: pdftotext is missing (install poppler-utils, or set \
             TETHER_REQUIRE_REFERENCE=1 to make this a failure)"
        );
    }
    found
}

/// A concern report printed for the supervisor (issue 13): a case manager opens and submits it,
/// the admin approves and reports it, and it prints in English, in Spanish and side by side with
/// the child's name, the caller's words, every signer and the not-an-official-form line. A
/// volunteer is refused (exit 4) and nothing is written; every print is audited for the child.
#[test]
fn a_concern_report_prints_for_the_supervisor_in_english_and_spanish() {
    const MANAGER: &str = "tomás.núñez";
    const HEARD: &str =
        "Dice que trabaja de noche en una empacadora de Ñuñoa Street y que debe dinero del viaje.";
    let clinic = Clinic::with_admin();
    clinic.import(&["José,Ramírez Núñez,2011-04-03,A200000022,GT,spa,no,2026-09-11,,Inés,Xicará,tía,2A,+1 212 555 0122,1400 Calle Ñuñoa,Apt 2,Houston,TX,77002,served,2026-09-20,HOU,"]);
    clinic.add_volunteer(VOLUNTEER);
    clinic.ok(
        ADMIN,
        ADMIN_PASS,
        &["user", "add", MANAGER, "--role", "case_manager"],
        &[("TETHER_NEW_PASSPHRASE", VOLUNTEER_PASS)],
    );
    let child = &clinic.admin_json(&["child", "list", "--json"])[0];
    let (case, child_id) = (
        child["case_number"]
            .as_str()
            .expect("case number")
            .to_owned(),
        child["id"].as_i64().expect("child id"),
    );
    let as_manager = |args: &[&str]| clinic.json(MANAGER, VOLUNTEER_PASS, args);
    let opened = as_manager(&[
        "concern",
        "open",
        &case,
        "--category",
        "labour_exploitation",
        "--text",
        HEARD,
        "--json",
    ]);
    let id = opened["concern_id"].as_i64().expect("id").to_string();
    as_manager(&["concern", "submit", &id, "--note", "Urgente.", "--json"]);
    clinic.admin_json(&[
        "concern",
        "approve",
        &id,
        "--note",
        "Leído. Reportar hoy.",
        "--json",
    ]);
    let reported = clinic.admin_json(&[
        "concern",
        "report",
        &id,
        "--to",
        "national_human_trafficking_hotline",
        "--reference",
        "NHTH-2026-1182",
        "--json",
    ]);
    assert_eq!(reported["state"], "reported");

    // A volunteer may not print it, even knowing its number: refused, audited, no file.
    let refused = clinic.path("refused.pdf");
    let denied = clinic.fails(
        VOLUNTEER,
        VOLUNTEER_PASS,
        &["print", "concern", &id, "--out", s(&refused)],
        &[],
        4,
    );
    assert!(!refused.exists(), "{denied}");
    // No such report: not found (exit 6), nothing written.
    let nowhere = clinic.path("nowhere.pdf");
    clinic.fails(
        ADMIN,
        ADMIN_PASS,
        &["print", "concern", "999", "--out", s(&nowhere)],
        &[],
        6,
    );
    assert!(!nowhere.exists());

    let english = clinic.path("concern-en.pdf");
    let said = clinic.admin(&[
        "print",
        "concern",
        &id,
        "--lang",
        "en",
        "--out",
        s(&english),
    ]);
    assert!(
        said.contains(&format!("concern report {id} for {case}")) && said.contains("(1 pages)"),
        "{said}"
    );
    let spanish = clinic.path("concern-es.pdf");
    // A case manager prints it too.
    clinic.ok(
        MANAGER,
        VOLUNTEER_PASS,
        &[
            "print",
            "concern",
            &id,
            "--lang",
            "es",
            "--out",
            s(&spanish),
        ],
        &[],
    );
    let both = clinic.path("concern-both.pdf");
    clinic.admin(&[
        "print",
        "concern",
        &id,
        "--lang",
        "both",
        "--layout",
        "side-by-side",
        "--out",
        s(&both),
    ]);
    // Never over an existing file.
    let again = clinic.run(
        ADMIN,
        ADMIN_PASS,
        &["print", "concern", &id, "--out", s(&english)],
        &[],
    );
    assert_eq!(again.status.code(), Some(8));

    if have_pdftotext() {
        let common = [
            "José Ramírez Núñez",
            case.as_str(),
            HEARD,
            MANAGER,
            ADMIN,
            "Urgente.",
            "Leído. Reportar hoy.",
            "NHTH-2026-1182",
            "1-888-373-7888",
        ];
        let text = pdftotext(&english);
        clean(&text);
        for needle in common.iter().copied().chain([
            "Concern report for the supervisor",
            "Labour exploitation",
            "Submitted for approval",
            "Reported",
            "Hotline staff, who are mandated reporters when the person at risk is a minor.",
            "To the supervisor by",
            "To be reported by",
            "These rules are a checklist, not legal advice.",
            "Supervisor's signature",
            "This is not an official government form.",
        ]) {
            assert!(text.contains(needle), "English lacks {needle:?}: {text}");
        }
        assert!(!text.contains("Reporte de preocupación"), "{text}");

        let text = pdftotext(&spanish);
        clean(&text);
        for needle in common.iter().copied().chain([
            "Reporte de preocupación para el supervisor",
            "Explotación laboral",
            "Enviado para aprobación",
            "El personal de la línea, que está obligado a denunciar cuando la persona en riesgo es menor de edad.",
            "Al supervisor a más tardar",
            "Reportar a más tardar",
            "Estas reglas son una lista de verificación",
            "Firma del supervisor",
            "Este no es un formulario oficial del gobierno.",
        ]) {
            assert!(text.contains(needle), "Spanish lacks {needle:?}: {text}");
        }
        assert!(!text.contains("Hotline staff"), "{text}");

        let text = pdftotext_pages(&both, &["-f", "1", "-l", "1"]);
        for needle in [
            "This is not an official government form.",
            "Este no es un formulario oficial del gobierno.",
            "Child / Menor",
            "José Ramírez Núñez",
            HEARD,
        ] {
            assert!(
                text.contains(needle),
                "side by side lacks {needle:?}: {text}"
            );
        }
    }

    // Every print audited as document_printed for the child, and in the child's history.
    let printed = clinic
        .audit()
        .into_iter()
        .filter(|e| e["action"] == "document_printed" && e["outcome"] == "ok")
        .filter(|e| e["record_id"] == child_id.to_string().as_str())
        .count();
    assert_eq!(printed, 3);
    assert!(clinic
        .audit()
        .iter()
        .any(|e| e["action"] == "document_printed"
            && e["outcome"] == "denied"
            && e["actor"] == VOLUNTEER));
    let history = clinic.admin_json(&["child", "history", &case, "--json"]);
    let concern_prints = history
        .as_array()
        .expect("history")
        .iter()
        .filter(|e| e["kind"] == "document_printed" && e.to_string().contains("concern-report"))
        .count();
    assert_eq!(concern_prints, 3, "{history}");

    // The clinic's own wording for the report, kept in the vault, is used and named.
    let own = clinic.write(
        "own-concern.typ",
        "#import \"common.typ\": *\n#show: setup.with(data.langs)\n#banner(data.langs)\nInforme propio: #data.items.at(0).child_name\n",
    );
    clinic.admin(&["settings", "template", "set", "concern.typ", s(&own)]);
    let custom = clinic.path("concern-custom.pdf");
    let said = clinic.admin(&["print", "concern", &id, "--lang", "es", "--out", s(&custom)]);
    assert!(said.contains("custom template: concern.typ"), "{said}");
    if have_pdftotext() {
        let text = pdftotext(&custom);
        assert!(
            text.contains("Informe propio: José Ramírez Núñez")
                && text.contains("Este no es un formulario oficial del gobierno."),
            "{text}"
        );
    }
    clinic.admin(&["audit", "verify"]);
}
