//! Printing 1,000 hearing notices (issue: "goal ≤ 20 ms per notice in release").
//!
//! `cargo bench -p tether-render --bench printing`. One warm [`Printer`]; 1,000 distinct cases
//! (names, A-Numbers, courts, dates all differ, so Typst's memoization cannot skip work). The
//! baseline is a template that prints only the child's name per page: what Typst itself costs
//! for 1,000 pages, compile plus PDF, so the table shows what our templates add on top.
//! Prints a markdown table for docs/performance.md.

use std::error::Error;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use tether_render::printables::{
    long_date, CaseSheet, Clinic, Job, Lang, Layout, Localized, PrintAddressChange, PrintHearing,
    Printable, Printer,
};

const NOTICES: usize = 1_000;

/// The floor: one page per item with the child's name, nothing else.
const BASELINE_TEMPLATE: &str = r#"#let data = json(bytes(sys.inputs.data))
#set page(paper: "us-letter")
#set text(font: "DejaVu Sans")
#for (n, c) in data.items.enumerate() {
  if n > 0 { pagebreak() }
  c.child_name
}
"#;

const GIVEN: [&str; 10] = [
    "José",
    "María",
    "Ángel",
    "Sofía",
    "Andrés",
    "Lucía",
    "Martín",
    "Valentina",
    "Tomás",
    "Inés",
];
const SURNAMES: [&str; 10] = [
    "Ramírez",
    "Pérez",
    "López",
    "Hernández",
    "Gómez",
    "Núñez",
    "Martínez",
    "Chávez",
    "Ibáñez",
    "Rodríguez",
];
const LANGUAGES: [(&str, &str); 4] = [
    ("Mam", "mam"),
    ("K'iche'", "k'iche'"),
    ("Spanish", "español"),
    ("Q'anjob'al", "q'anjob'al"),
];

/// (name, address lines, time zone) of real EOIR immigration courts.
const COURTS: [(&str, [&str; 2], &str); 4] = [
    (
        "Houston - S. Gessner Road",
        ["8701 S. Gessner Road, 10th Floor", "Houston, TX 77074"],
        "America/Chicago",
    ),
    (
        "Houston - Greenspoint Park",
        [
            "16800 Greenspoint Park Drive, 2nd Floor",
            "Houston, TX 77060",
        ],
        "America/Chicago",
    ),
    (
        "New York - Broadway",
        ["290 Broadway, 12th Floor", "New York, NY 10007"],
        "America/New_York",
    ),
    (
        "Los Angeles - N. Los Angeles Street",
        ["300 N. Los Angeles St., Room 4330", "Los Angeles, CA 90012"],
        "America/Los_Angeles",
    ),
];

fn case(i: usize) -> CaseSheet {
    let given = GIVEN[i % GIVEN.len()];
    let first = SURNAMES[(i / GIVEN.len()) % SURNAMES.len()];
    let second = SURNAMES[(i / 7 + 3) % SURNAMES.len()];
    let (court, court_address, zone) = COURTS[i % COURTS.len()];
    let (lang_en, lang_es) = LANGUAGES[i % LANGUAGES.len()];
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
    let hearing_day = start + Days::new((i % 180) as u64);
    let printed = NaiveDate::from_ymd_opt(2026, 2, 10).unwrap_or_default();
    let hour = 8 + i % 6;
    let home = vec![
        format!("{} Bellaire Blvd Apt {}", 1000 + i, i % 40 + 1),
        "Houston, TX 77401".into(),
    ];
    CaseSheet {
        case_number: format!("TC-2026-{i:04}"),
        // The number keeps names unique past the 100 name combinations.
        child_name: format!("{given} {first} {second} ({i})"),
        a_number: Some(format!(
            "A2{:02}-{:03}-{:03}",
            i % 100,
            (i * 7) % 1000,
            i % 1000
        )),
        birth_date: Some(format!("2010-{:02}-{:02}", i % 12 + 1, i % 28 + 1)),
        country_of_birth: Some(
            if i.is_multiple_of(3) {
                "Honduras"
            } else {
                "Guatemala"
            }
            .into(),
        ),
        language_name: Some(Localized {
            en: lang_en.into(),
            es: lang_es.into(),
        }),
        interpreter_needed: i % 4 != 2,
        sponsor_name: Some(format!("Rosa {first}")),
        sponsor_phone: Some(format!("+502 55{:02} {:04}", i % 100, i)),
        address: home.clone(),
        address_history: vec![PrintAddressChange {
            recorded_on: "2026-02-02".into(),
            lines: home,
            eoir33_filed_on: None,
        }],
        court_name: Some(court.into()),
        court_address: court_address.iter().map(|l| (*l).to_owned()).collect(),
        court_time_zone: Some(zone.into()),
        hearing: PrintHearing::from_local(
            &format!("{hearing_day} {hour:02}:{:02}", (i % 4) * 15),
            Some(zone),
            if i.is_multiple_of(5) {
                "individual"
            } else {
                "master"
            },
        ),
        nta_status: Some("served".into()),
        nta_served_on: Some("2025-10-01".into()),
        attorney: None,
        last_acis_check: Some("2026-02-01".into()),
        printed_on: printed.to_string(),
        printed_on_long: long_date(printed),
    }
}

struct Row {
    what: &'static str,
    took: Duration,
    pages: usize,
    bytes: usize,
}

/// All items in one document: compile then PDF.
fn one_pdf(
    printer: &Printer,
    job: &Job,
    cases: &[CaseSheet],
) -> Result<(Duration, usize, usize), Box<dyn Error>> {
    let started = Instant::now();
    let rendered = printer.compile(job, cases)?;
    let pdf = rendered.pdf()?;
    Ok((started.elapsed(), rendered.page_count(), pdf.len()))
}

fn main() -> Result<(), Box<dyn Error>> {
    let cases: Vec<CaseSheet> = (0..NOTICES).map(case).collect();
    let clinic = Clinic {
        name: Some("Centro Esperanza para Niños".into()),
        phone: Some("(713) 555-0100".into()),
        address: vec!["2900 Main St, Suite 300".into(), "Houston, TX 77002".into()],
    };
    let job = |lang, layout| Job {
        what: Printable::Notice,
        lang,
        layout,
        clinic: clinic.clone(),
    };
    let floor = Printer::new([("notice.typ", BASELINE_TEMPLATE)])?;
    let printer = Printer::shipped();
    // Warm up: fonts parsed, templates read, code paged in.
    let en = job(Lang::En, Layout::Pages);
    floor.compile(&en, &[case(NOTICES)])?.pdf()?;
    printer.compile(&en, &[case(NOTICES + 1)])?.pdf()?;

    let mut rows = Vec::new();
    let mut measure = |what, printer: &Printer, job: &Job| -> Result<(), Box<dyn Error>> {
        let (took, pages, bytes) = one_pdf(printer, job, &cases)?;
        eprintln!("{what}: {took:.2?}");
        rows.push(Row {
            what,
            took,
            pages,
            bytes,
        });
        Ok(())
    };
    measure("(a) baseline: a name per page, one PDF", &floor, &en)?;
    measure("(b) notices, English, one PDF", &printer, &en)?;
    measure(
        "(c) notices, English + Spanish as pages, one PDF",
        &printer,
        &job(Lang::Both, Layout::Pages),
    )?;
    measure(
        "(d) notices, English + Spanish side by side, one PDF",
        &printer,
        &job(Lang::Both, Layout::SideBySide),
    )?;

    let started = Instant::now();
    let (mut pages, mut bytes) = (0, 0);
    for case in &cases {
        let rendered = printer.compile(&en, std::slice::from_ref(case))?;
        bytes += rendered.pdf()?.len();
        pages += rendered.page_count();
    }
    rows.push(Row {
        what: "(e) notices, English, 1,000 separate PDFs",
        took: started.elapsed(),
        pages,
        bytes,
    });

    let baseline = rows[0].took.as_secs_f64();
    println!("\n{NOTICES} notices, one warm Printer, release build\n");
    println!("| run | total s | ms per notice | × baseline | pages | PDF MB |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for row in &rows {
        let secs = row.took.as_secs_f64();
        println!(
            "| {} | {secs:.2} | {:.1} | {:.1} | {} | {:.1} |",
            row.what,
            secs * 1000.0 / NOTICES as f64,
            secs / baseline,
            row.pages,
            row.bytes as f64 / 1_048_576.0,
        );
    }
    Ok(())
}
