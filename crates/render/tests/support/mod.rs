//! Fixtures (realistic cases, a call sheet, the clinic) and helpers (compile, pdftotext, the
//! not-an-official-form check) shared by the printing tests.

#![allow(clippy::unwrap_used, dead_code)]

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use tether_render::printables::{
    long_date, CallSheet, CallSheetRow, CaseSheet, Clinic, ConcernSheet, ConcernStepRow, Job, Lang,
    Layout, Localized, PrintAddressChange, PrintDestination, PrintHearing, Printable, Printer,
    Rendered,
};
// ---------------------------------------------------------------------------------------------
// Fixtures: realistic data.

pub const COURT_STREET: &str = "8701 S. Gessner Road, 10th Floor";
pub const COURT_CITY: &str = "Houston, TX 77074";

pub fn named(en: &str, es: &str) -> Option<Localized> {
    Some(Localized {
        en: en.into(),
        es: es.into(),
    })
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn clinic() -> Clinic {
    Clinic {
        name: Some("Centro Esperanza para Niños".into()),
        phone: Some("(713) 555-0100".into()),
        address: vec!["2900 Main St, Suite 300".into(), "Houston, TX 77002".into()],
    }
}

pub fn full_case() -> CaseSheet {
    let printed = day(2026, 2, 10);
    let home = vec![
        "4410 Bellaire Blvd Apt 12".to_owned(),
        "Houston, TX 77401".to_owned(),
    ];
    CaseSheet {
        case_number: "TC-2026-0042".into(),
        child_name: "José Ramírez Pérez".into(),
        a_number: Some("A123-456-789".into()),
        birth_date: Some("2011-05-14".into()),
        country_of_birth: Some("Guatemala".into()),
        language_name: named("Mam", "mam"),
        interpreter_needed: true,
        sponsor_name: Some("Rosa Ramírez".into()),
        sponsor_phone: Some("+502 5512 3456".into()),
        address: home.clone(),
        address_history: vec![
            PrintAddressChange {
                recorded_on: "2026-02-02".into(),
                lines: home,
                eoir33_filed_on: None,
            },
            PrintAddressChange {
                recorded_on: "2025-11-20".into(),
                lines: vec!["18 Oak St".into(), "Pasadena, TX 77506".into()],
                eoir33_filed_on: Some("2025-11-24".into()),
            },
        ],
        court_name: Some("Houston - S. Gessner Road".into()),
        court_address: vec![COURT_STREET.into(), COURT_CITY.into()],
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

/// Only what a case always has: everything else must print as the blank line.
pub fn sparse_case() -> CaseSheet {
    let printed = day(2026, 2, 10);
    CaseSheet {
        case_number: "TC-2026-0043".into(),
        child_name: "Juan Ramírez".into(),
        interpreter_needed: true,
        printed_on: printed.to_string(),
        printed_on_long: long_date(printed),
        ..CaseSheet::default()
    }
}

pub fn call_sheet(with_rows: bool) -> CallSheet {
    let today = day(2026, 2, 10);
    let rows = vec![
        CallSheetRow {
            case_number: "TC-2026-0042".into(),
            child_name: "José R.".into(),
            sponsor_name: Some("Rosa Ramírez".into()),
            sponsor_phone: Some("+50255123456".into()),
            attempt: 2,
            due_on: "2026-02-09".into(),
            overdue: true,
            sponsor_local_time: Some("2026-02-10 09:15".into()),
            language: named("Mam", "mam"),
            interpreter_needed: true,
        },
        CallSheetRow {
            case_number: "TC-2026-0043".into(),
            child_name: "Juan R.".into(),
            attempt: 1,
            due_on: "2026-02-10".into(),
            language: named("Spanish", "español"),
            ..CallSheetRow::default()
        },
    ];
    CallSheet {
        date: today.to_string(),
        date_long: long_date(today),
        printed_by: "vol.ana".into(),
        rows: if with_rows { rows } else { Vec::new() },
    }
}

/// The caller's words on the concern report fixtures: Spanish, accents, a line break.
pub const HEARD: &str =
    "Dice que trabaja de noche en una empacadora en Ñuñoa Street\ny que debe dinero del viaje.";

fn localized(en: &str, es: &str) -> Localized {
    Localized {
        en: en.into(),
        es: es.into(),
    }
}

fn step(at: &str, step: &str, by: &str, note: Option<&str>) -> ConcernStepRow {
    ConcernStepRow {
        at: at.into(),
        step: step.into(),
        by: by.into(),
        note: note.map(Into::into),
    }
}

/// A reported concern: every step signed, the hotline with what its reader should know.
pub fn reported_concern() -> ConcernSheet {
    let printed = day(2026, 2, 10);
    ConcernSheet {
        concern_id: 7,
        case_number: "TC-2026-0042".into(),
        child_name: "José Ramírez Pérez".into(),
        category: "trafficking_indicators".into(),
        category_name: localized("Trafficking indicators", "Indicios de trata"),
        heard: HEARD.into(),
        state: "reported".into(),
        opened_on: "2026-02-09".into(),
        opened_by: "tomás.núñez".into(),
        submit_by: Some("2026-02-10".into()),
        submitted_on: Some("2026-02-09".into()),
        report_by: Some("2026-02-10".into()),
        reported_on: Some("2026-02-10".into()),
        approved_on: Some("2026-02-09".into()),
        approved_by: Some("lucía.peña".into()),
        reported_to: Some(PrintDestination {
            destination: "national_human_trafficking_hotline".into(),
            name: localized(
                "National Human Trafficking Hotline (1-888-373-7888)",
                "Línea Nacional contra la Trata de Personas (1-888-373-7888)",
            ),
            who_is_told: localized(
                "Hotline staff, who are mandated reporters when the person at risk is a minor.",
                "El personal de la línea, que está obligado a denunciar cuando la persona en riesgo es menor de edad.",
            ),
            what_may_follow: localized(
                "Hotline staff may involve the police or child protective services.",
                "El personal de la línea puede involucrar a la policía o a los servicios de protección infantil.",
            ),
        }),
        reference: Some("NHTH-2026-1182".into()),
        steps: vec![
            step("2026-02-09 15:02 UTC", "open", "tomás.núñez", None),
            step("2026-02-09 15:10 UTC", "submit", "tomás.núñez", Some("Urgente.")),
            step("2026-02-09 16:45 UTC", "approve", "lucía.peña", Some("Leído. Reportar hoy.")),
            step("2026-02-10 09:30 UTC", "report", "lucía.peña", None),
        ],
        disclaimer: localized(
            "These rules are a checklist, not legal advice.",
            "Estas reglas son una lista de verificación, no asesoría legal.",
        ),
        printed_on: printed.to_string(),
        printed_on_long: long_date(printed),
    }
}

/// A draft: nothing approved or reported yet, which must print as blank lines.
pub fn draft_concern() -> ConcernSheet {
    ConcernSheet {
        state: "draft".into(),
        submitted_on: None,
        report_by: None,
        reported_on: None,
        approved_on: None,
        approved_by: None,
        reported_to: None,
        reference: None,
        steps: vec![step("2026-02-09 15:02 UTC", "open", "tomás.núñez", None)],
        ..reported_concern()
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/// The language and layout combinations every printable is checked in.
pub const VARIANTS: [(Lang, Layout); 4] = [
    (Lang::En, Layout::Pages),
    (Lang::Es, Layout::Pages),
    (Lang::Both, Layout::Pages),
    (Lang::Both, Layout::SideBySide),
];

pub const CASE_PRINTABLES: [Printable; 4] = [
    Printable::Notice,
    Printable::NtaRecord,
    Printable::Reminder,
    Printable::Eoir33,
];

pub fn job(what: Printable, lang: Lang, layout: Layout) -> Job {
    Job {
        what,
        lang,
        layout,
        clinic: clinic(),
    }
}

pub fn has_english(lang: Lang) -> bool {
    lang != Lang::Es
}

pub fn has_spanish(lang: Lang) -> bool {
    lang != Lang::En
}

/// The PDF's text (pages `first..=last` when given), whitespace collapsed so that a phrase
/// wrapped across lines still matches.
pub fn pdftotext(pdf: &[u8], pages: Option<(usize, usize)>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-layout", "-enc", "UTF-8"]);
    if let Some((first, last)) = pages {
        cmd.args(["-f", &first.to_string(), "-l", &last.to_string()]);
    }
    let out = cmd
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Compiles, writes the PDF (also under `$TETHER_PRINT_SAMPLES` when set, for the PNGs in
/// docs/printables), and returns the document and its text, checked for leaked placeholders.
pub fn print(
    printer: &Printer,
    job: &Job,
    data: &impl serde::Serialize,
    tag: &str,
) -> (Rendered, String) {
    let rendered = printer.compile(job, std::slice::from_ref(data)).unwrap();
    let pdf = rendered.pdf().unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    if let Ok(dir) = std::env::var("TETHER_PRINT_SAMPLES") {
        let mut name = format!("{}-{}", job.what.as_str(), job.lang.codes().join("-"));
        if job.lang == Lang::Both && job.layout == Layout::SideBySide {
            name.push_str("-side-by-side");
        }
        std::fs::write(Path::new(&dir).join(format!("{name}-{tag}.pdf")), &pdf).unwrap();
    }
    let text = pdftotext(&pdf, None);
    for bad in ["null", "None", "none", "{{", "}}"] {
        assert!(
            !text.contains(bad),
            "{:?} {:?} {:?} {tag}: found {bad:?} in\n{text}",
            job.what,
            job.lang,
            job.layout
        );
    }
    (rendered, text)
}

pub fn assert_not_official(text: &str, lang: Lang) {
    if has_english(lang) {
        assert!(
            text.contains("This is not an official government form."),
            "{text}"
        );
    }
    if has_spanish(lang) {
        assert!(
            text.contains("Este no es un formulario oficial del gobierno."),
            "{text}"
        );
    }
}
