//! Every printable in both languages, for a full case and one with missing data, checked with an
//! independent extractor (`pdftotext` from poppler-utils).
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use tether_docs::printing::{
    long_date, CallSheet, CallSheetRow, CaseSheet, Lang, PrintAddressChange, PrintHearing,
    Printable, Printer, BLANK,
};

fn full_case() -> CaseSheet {
    let printed = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
    CaseSheet {
        case_number: "TC-2026-0042".into(),
        child_name: "María José Ramírez López".into(),
        a_number: Some("A123-456-789".into()),
        birth_date: Some("2011-05-14".into()),
        country_of_birth: Some("Guatemala".into()),
        language_name: Some("Mam".into()),
        interpreter_needed: true,
        sponsor_name: Some("Rosa Ramírez".into()),
        sponsor_phone: Some("+1 713 555 0142".into()),
        address: vec![
            "4410 Bellaire Blvd Apt 12".into(),
            "Houston, TX 77401".into(),
        ],
        address_history: vec![
            PrintAddressChange {
                recorded_on: "2026-02-02".into(),
                lines: vec![
                    "4410 Bellaire Blvd Apt 12".into(),
                    "Houston, TX 77401".into(),
                ],
                eoir33_filed_on: None,
            },
            PrintAddressChange {
                recorded_on: "2025-11-20".into(),
                lines: vec!["18 Oak St".into(), "Pasadena, TX 77506".into()],
                eoir33_filed_on: Some("2025-11-24".into()),
            },
        ],
        court_name: Some("Houston - S. Gessner Road".into()),
        court_address: vec![
            "5885 Gessner Road, Suite 200".into(),
            "Houston, TX 77036".into(),
        ],
        court_time_zone: Some("America/Chicago".into()),
        hearing: PrintHearing::from_local("2026-03-04 09:30", Some("America/Chicago"), "master"),
        nta_status: Some("served".into()),
        nta_served_on: Some("2025-10-01".into()),
        attorney: Some("Lic. Ana Pérez".into()),
        last_acis_check: Some("2026-02-01".into()),
        printed_on: printed.to_string(),
        printed_on_long: long_date(printed),
    }
}

fn sparse_case() -> CaseSheet {
    let printed = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
    CaseSheet {
        case_number: "TC-2026-0043".into(),
        child_name: "Juan Ramírez".into(),
        interpreter_needed: true,
        printed_on: printed.to_string(),
        printed_on_long: long_date(printed),
        ..CaseSheet::default()
    }
}

fn call_sheet(rows: bool) -> CallSheet {
    let day = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap();
    CallSheet {
        date: day.to_string(),
        date_long: long_date(day),
        printed_by: "vol.ana".into(),
        rows: if rows {
            vec![
                CallSheetRow {
                    case_number: "TC-2026-0042".into(),
                    child_name: "María José R.".into(),
                    sponsor_name: Some("Rosa Ramírez".into()),
                    sponsor_phone: Some("+17135550142".into()),
                    attempt: 2,
                    due_on: "2026-02-09".into(),
                    overdue: true,
                    sponsor_local_time: Some("2026-02-10 10:15".into()),
                    language: Some("mam".into()),
                    interpreter_needed: true,
                },
                CallSheetRow {
                    case_number: "TC-2026-0043".into(),
                    child_name: "Juan R.".into(),
                    attempt: 1,
                    due_on: "2026-02-10".into(),
                    ..CallSheetRow::default()
                },
            ]
        } else {
            Vec::new()
        },
    }
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed");
    // Whitespace collapsed: a phrase wrapped across lines still matches.
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Also writes the PDF under `$TETHER_PRINT_SAMPLES` when set (for the PNGs in docs/printables).
fn render(
    printer: &Printer,
    what: Printable,
    lang: Lang,
    data: &impl serde::Serialize,
    tag: &str,
) -> String {
    let pdf = printer.render(what, lang, data).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    if let Ok(dir) = std::env::var("TETHER_PRINT_SAMPLES") {
        let code = lang.codes().join("-");
        let name = format!("{}-{code}-{tag}.pdf", what.as_str());
        std::fs::write(Path::new(&dir).join(name), &pdf).unwrap();
    }
    let text = pdftotext(&pdf);
    for bad in ["null", "None", "{{", "none"] {
        assert!(
            !text.contains(bad),
            "{what:?} {lang:?} {tag}: found {bad:?} in\n{text}"
        );
    }
    text
}

fn assert_not_official(text: &str, lang: Lang) {
    if lang != Lang::Es {
        assert!(
            text.contains("This is not an official government form."),
            "{text}"
        );
    }
    if lang != Lang::En {
        assert!(
            text.contains("Este no es un formulario oficial del gobierno."),
            "{text}"
        );
    }
}

const CASE_PRINTABLES: [Printable; 4] = [
    Printable::Notice,
    Printable::NtaRecord,
    Printable::Reminder,
    Printable::Eoir33,
];

#[test]
fn case_printables_full_data() {
    let printer = Printer::new(None).unwrap();
    let case = full_case();
    for what in CASE_PRINTABLES {
        for lang in [Lang::En, Lang::Es, Lang::Both] {
            let text = render(&printer, what, lang, &case, "full");
            let ctx = format!("{what:?} {lang:?}:\n{text}");
            assert!(text.contains("5885 Gessner Road, Suite 200"), "{ctx}");
            assert!(text.contains("Houston, TX 77036"), "{ctx}");
            assert!(text.contains("A123-456-789"), "{ctx}");
            assert!(text.contains("Ramírez"), "{ctx}");
            assert_not_official(&text, lang);
            if what != Printable::Eoir33 {
                assert!(text.contains("2026-03-04"), "{ctx}");
                if lang != Lang::Es {
                    assert!(text.contains("Wednesday, March 4, 2026"), "{ctx}");
                    assert!(text.contains("9:30 AM CST"), "{ctx}");
                }
                if lang != Lang::En {
                    assert!(text.contains("miércoles, 4 de marzo de 2026"), "{ctx}");
                    assert!(text.contains("audiencia"), "{ctx}");
                }
            }
            if lang != Lang::En {
                assert!(text.to_lowercase().contains("dirección"), "{ctx}");
            }
        }
    }
}

#[test]
fn notice_says_what_matters() {
    let printer = Printer::new(None).unwrap();
    let text = render(
        &printer,
        Printable::Notice,
        Lang::Both,
        &full_case(),
        "full",
    );
    for needle in [
        "1-800-898-7180",
        "ACIS",
        "EOIR-33",
        "5 working days",
        "5 días hábiles",
        "in absentia",
        "Mam",
        "Master calendar hearing",
        "What to bring",
        "Qué llevar",
    ] {
        assert!(text.contains(needle), "missing {needle:?}:\n{text}");
    }
}

#[test]
fn case_printables_missing_data_print_blank_lines() {
    let printer = Printer::new(None).unwrap();
    let case = sparse_case();
    for what in CASE_PRINTABLES {
        for lang in [Lang::En, Lang::Es] {
            let text = render(&printer, what, lang, &case, "missing");
            let ctx = format!("{what:?} {lang:?}:\n{text}");
            assert!(text.contains(BLANK), "{ctx}");
            assert!(text.contains("Ramírez"), "{ctx}");
            assert_not_official(&text, lang);
        }
    }
    let en = render(&printer, Printable::NtaRecord, Lang::En, &case, "missing");
    assert!(en.contains("to be set"), "{en}");
    let es = render(&printer, Printable::NtaRecord, Lang::Es, &case, "missing");
    assert!(es.contains("por fijar"), "{es}");
}

#[test]
fn call_sheet_both_languages() {
    let printer = Printer::new(None).unwrap();
    for lang in [Lang::En, Lang::Es] {
        let text = render(
            &printer,
            Printable::CallSheet,
            lang,
            &call_sheet(true),
            "full",
        );
        assert!(text.contains("TC-2026-0042"), "{text}");
        assert!(text.contains("+17135550142"), "{text}");
        assert!(
            text.contains(BLANK),
            "missing sponsor prints a blank line: {text}"
        );
        assert_not_official(&text, lang);
        let empty = render(
            &printer,
            Printable::CallSheet,
            lang,
            &call_sheet(false),
            "missing",
        );
        assert_not_official(&empty, lang);
    }
    let es = render(
        &printer,
        Printable::CallSheet,
        Lang::Es,
        &call_sheet(true),
        "full",
    );
    assert!(es.contains("Teléfono") && es.contains("atrasada"), "{es}");
}

#[test]
fn a_template_in_the_data_folder_overrides_without_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let case = full_case();
    let before = pdftotext(
        &Printer::new(Some(dir.path()))
            .unwrap()
            .render(Printable::Notice, Lang::En, &case)
            .unwrap(),
    );
    assert!(before.contains(BLANK), "no clinic contact yet: blank lines");
    std::fs::write(
        dir.path().join("clinic.typ"),
        "#let clinic = (name: \"Clínica Esperanza\", phone: \"(713) 555-0100\", address: (\"1 Main St\", \"Houston, TX 77002\"))\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notice.typ"),
        "#import \"common.typ\": *\n#let data = json(bytes(sys.inputs.data))\n#show: setup.with(data.langs)\n#for c in data.items [= Letterhead of the clinic\n#c.child_name #clinic-block(\"en\")]\n",
    )
    .unwrap();
    let printer = Printer::new(Some(dir.path())).unwrap();
    assert_eq!(printer.overridden(), ["clinic.typ", "notice.typ"]);
    let after = pdftotext(&printer.render(Printable::Notice, Lang::En, &case).unwrap());
    assert!(after.contains("Letterhead of the clinic"), "{after}");
    assert!(
        after.contains("Clínica Esperanza") && after.contains("(713) 555-0100"),
        "{after}"
    );
    assert!(
        after.contains("This is not an official government form."),
        "{after}"
    );
    // The other printables pick up the clinic's contact too.
    let letter = pdftotext(
        &printer
            .render(Printable::Reminder, Lang::Es, &case)
            .unwrap(),
    );
    assert!(letter.contains("Clínica Esperanza"), "{letter}");
}

#[test]
fn a_broken_override_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("eoir33.typ"), "#let x = (").unwrap();
    let printer = Printer::new(Some(dir.path())).unwrap();
    let err = printer
        .render(Printable::Eoir33, Lang::En, &full_case())
        .unwrap_err();
    assert!(err.to_string().contains("eoir33.typ"), "{err}");
}

#[test]
fn a_batch_is_one_pdf_with_every_notice() {
    let printer = Printer::new(None).unwrap();
    let cases = vec![full_case(), sparse_case()];
    let pdf = printer
        .render_many(Printable::Notice, Lang::Both, &cases)
        .unwrap();
    let text = pdftotext(&pdf);
    assert!(text.contains("María José Ramírez López") && text.contains("Juan Ramírez"));
}

/// Not a test: `cargo test --release -p tether-docs --test printing -- --ignored --nocapture`.
#[test]
#[ignore = "benchmark; run in release"]
fn bench_batch_of_100_notices() {
    let printer = Printer::new(None).unwrap();
    let cases: Vec<CaseSheet> = (0..100)
        .map(|i| {
            let mut c = if i % 5 == 4 {
                sparse_case()
            } else {
                full_case()
            };
            c.case_number = format!("TC-2026-{i:04}");
            // Every notice differs (name, A-Number), so Typst's memoization cannot skip work.
            c.child_name = format!("{} {i}", c.child_name);
            if c.a_number.is_some() {
                c.a_number = Some(format!("A123-456-{i:03}"));
            }
            c
        })
        .collect();
    for lang in [Lang::En, Lang::Both] {
        let started = std::time::Instant::now();
        let pdf = printer
            .render_many(Printable::Notice, lang, &cases)
            .unwrap();
        let batch = started.elapsed();
        let started = std::time::Instant::now();
        for c in &cases {
            printer.render(Printable::Notice, lang, c).unwrap();
        }
        let each = started.elapsed();
        println!(
            "{lang:?}: one PDF of 100 notices {:.1} ms per notice ({} KB); 100 separate PDFs {:.1} ms per notice",
            batch.as_secs_f64() * 10.0,
            pdf.len() / 1024,
            each.as_secs_f64() * 10.0
        );
    }
}
