//! Running the printing commands: read the case through the `Session` (role-checked, redacted),
//! render with `tether-docs`, write a new file (never over an existing one), audit the print.

use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use chrono::{Days, NaiveDate, Utc};
use tether_core::casework::parse_date;
use tether_docs::printing::{
    long_date, CallSheet, CallSheetRow, CaseSheet, Lang, PrintAddressChange, PrintHearing,
    Printable, Printer,
};
use tether_store::casework::{AddressView, ChildView, HearingView};
use tether_store::{PrintKind, Session, StoreError};

use crate::print_cli::{LangArg, OneLangArg, PrintCommand};

fn invalid(field: &'static str, e: impl std::fmt::Display) -> anyhow::Error {
    StoreError::InvalidInput {
        field,
        reason: e.to_string(),
    }
    .into()
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::En => Lang::En,
            LangArg::Es => Lang::Es,
            LangArg::Both => Lang::Both,
        }
    }
}

impl From<OneLangArg> for Lang {
    fn from(l: OneLangArg) -> Self {
        match l {
            OneLangArg::En => Lang::En,
            OneLangArg::Es => Lang::Es,
        }
    }
}

/// Templates from `<vault folder>/templates/` override the shipped ones.
fn printer(session: &Session) -> Result<Printer> {
    let dir = session.paths().dir().join("templates");
    Ok(Printer::new(Some(&dir))?)
}

pub fn print(session: &mut Session, command: PrintCommand) -> Result<()> {
    match command {
        PrintCommand::Notice { child, lang, out } => {
            case_document(session, &child, Printable::Notice, lang.into(), &out)
        }
        PrintCommand::NtaRecord { child, out } => {
            case_document(session, &child, Printable::NtaRecord, Lang::Both, &out)
        }
        PrintCommand::Reminder { child, lang, out } => {
            case_document(session, &child, Printable::Reminder, lang.into(), &out)
        }
        PrintCommand::Eoir33 { child, out } => {
            case_document(session, &child, Printable::Eoir33, Lang::Both, &out)
        }
        PrintCommand::CallSheet { on, out } => call_sheet(session, on.as_deref(), &out),
        PrintCommand::Batch {
            hearings_within,
            lang,
            out,
        } => batch(session, hearings_within, lang.into(), &out),
    }
}

fn case_document(
    session: &mut Session,
    child: &str,
    what: Printable,
    lang: Lang,
    out: &Path,
) -> Result<()> {
    session.authorize_print(PrintKind::CaseDocument)?;
    refuse_existing(out)?;
    let view = session.show_child(child)?;
    let today = session.today();
    let sheet = case_sheet(&view, next_hearing(&view.hearings, today), today);
    let pdf = printer(session)?.render(what, lang, &sheet)?;
    write_new(out, &pdf)?;
    session.record_printed(PrintKind::CaseDocument, &view.id.to_string())?;
    println!(
        "{} for {} written to {}",
        what.as_str(),
        view.case_number,
        out.display()
    );
    Ok(())
}

fn call_sheet(session: &mut Session, on: Option<&str>, out: &Path) -> Result<()> {
    session.authorize_print(PrintKind::CallSheet)?;
    refuse_existing(out)?;
    let on = match on {
        Some(d) => parse_date("on", d).map_err(|e| invalid("on", e))?,
        None => session.today(),
    };
    let rows: Vec<CallSheetRow> = session
        .calls_due(on, Utc::now())?
        .into_iter()
        .map(|c| CallSheetRow {
            case_number: c.case_number,
            child_name: c.child_name,
            sponsor_name: c.sponsor_name,
            sponsor_phone: c.sponsor_phone,
            attempt: c.attempt,
            due_on: c.due_on,
            overdue: c.overdue,
            sponsor_local_time: c.sponsor_local_time,
            language: c.language,
            interpreter_needed: c.interpreter_needed,
        })
        .collect();
    let count = rows.len();
    let sheet = CallSheet {
        date: on.to_string(),
        date_long: long_date(on),
        printed_by: session.user().name.clone(),
        rows,
    };
    let pdf = printer(session)?.render(Printable::CallSheet, Lang::Both, &sheet)?;
    write_new(out, &pdf)?;
    session.record_printed(PrintKind::CallSheet, "call_sheet")?;
    println!(
        "call sheet for {on} ({count} calls) written to {}",
        out.display()
    );
    Ok(())
}

fn batch(session: &mut Session, days: u32, lang: Lang, out: &Path) -> Result<()> {
    session.authorize_print(PrintKind::CaseDocument)?;
    let one_file = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if one_file {
        refuse_existing(out)?;
    } else {
        std::fs::create_dir_all(out).with_context(|| format!("create {}", out.display()))?;
    }
    let today = session.today();
    let until = today
        .checked_add_days(Days::new(u64::from(days)))
        .ok_or_else(|| invalid("hearings-within", "too many days"))?;
    let hearings = session.hearings_between(today, until)?;
    let progress = std::io::stderr().is_terminal();
    let started = Instant::now();
    let printer = printer(session)?;
    let total = hearings.len();
    let mut sheets = Vec::with_capacity(total);
    for (n, h) in hearings.iter().enumerate() {
        let view = session.show_child(&h.child_id.to_string())?;
        let hearing = PrintHearing::from_local(&h.at, h.time_zone.as_deref(), &h.kind);
        let sheet = case_sheet(&view, hearing, today);
        if one_file {
            sheets.push((view.id, sheet));
        } else {
            let file = out.join(format!(
                "notice-{}-{}.pdf",
                safe_file_part(&view.case_number),
                h.hearing_id
            ));
            refuse_existing(&file)?;
            let pdf = printer.render(Printable::Notice, lang, &sheet)?;
            write_new(&file, &pdf)?;
            session.record_printed(PrintKind::CaseDocument, &view.id.to_string())?;
        }
        if progress {
            eprint!("\rnotices: {}/{total}", n + 1);
        }
    }
    if one_file {
        if progress {
            eprint!("\rrendering {total} notices into one PDF…");
        }
        let items: Vec<&CaseSheet> = sheets.iter().map(|(_, s)| s).collect();
        if !items.is_empty() {
            let pdf = printer.render_many(Printable::Notice, lang, &items)?;
            write_new(out, &pdf)?;
            for (id, _) in &sheets {
                session.record_printed(PrintKind::CaseDocument, &id.to_string())?;
            }
        }
    }
    if progress {
        eprintln!();
    }
    let elapsed = started.elapsed();
    if total == 0 {
        println!("no hearings between {today} and {until}: nothing printed");
    } else {
        println!(
            "{total} notices for hearings between {today} and {until} written to {} ({:.1} ms per notice)",
            out.display(),
            elapsed.as_secs_f64() * 1000.0 / total as f64
        );
    }
    Ok(())
}

/// The next hearing on or after `today` (the earliest), if any.
fn next_hearing(hearings: &[HearingView], today: NaiveDate) -> Option<PrintHearing> {
    let today = today.to_string();
    hearings
        .iter()
        .filter(|h| h.at.get(..10).is_some_and(|d| d >= today.as_str()))
        .min_by(|a, b| a.at.cmp(&b.at))
        .and_then(|h| PrintHearing::from_local(&h.at, h.time_zone.as_deref(), &h.kind))
}

fn address_lines(a: &AddressView) -> Vec<String> {
    let mut lines = Vec::new();
    let street = [a.line1.as_deref(), a.unit.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !street.is_empty() {
        lines.push(street);
    }
    let state_zip = [a.state.as_deref(), a.postal_code.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let city = [a.city.as_deref(), Some(state_zip.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if !city.is_empty() {
        lines.push(city);
    }
    lines
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// What the case printables show, from the (already redacted) view.
fn case_sheet(view: &ChildView, hearing: Option<PrintHearing>, today: NaiveDate) -> CaseSheet {
    let sponsor = view.sponsor.as_ref();
    let court = view.court.as_ref();
    CaseSheet {
        case_number: view.case_number.clone(),
        child_name: format!("{} {}", view.given_name, view.family_name)
            .trim()
            .to_owned(),
        a_number: non_empty(view.a_number_display.as_deref()),
        birth_date: non_empty(view.birth_date.as_deref()),
        country_of_birth: non_empty(view.country_of_birth.as_deref()),
        language_name: non_empty(view.primary_language_name.as_deref()),
        interpreter_needed: view.interpreter_needed,
        sponsor_name: sponsor
            .and_then(|s| non_empty(Some(&format!("{} {}", s.given_name, s.family_name)))),
        sponsor_phone: sponsor.and_then(|s| s.phones.first().cloned()),
        address: sponsor
            .and_then(|s| s.address.as_ref())
            .map(address_lines)
            .unwrap_or_default(),
        address_history: sponsor
            .map(|s| {
                s.address_history
                    .iter()
                    .map(|a| PrintAddressChange {
                        recorded_on: a.recorded_on.clone(),
                        lines: address_lines(&a.address),
                        eoir33_filed_on: a.eoir33_filed_on.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        court_name: court.map(|c| c.name.clone()),
        court_address: court.map(|c| c.address.clone()).unwrap_or_default(),
        court_time_zone: court.map(|c| c.time_zone.clone()),
        hearing,
        nta_status: non_empty(Some(&view.nta_status)),
        nta_served_on: non_empty(view.nta_served_on.as_deref()),
        attorney: non_empty(view.attorney.as_deref()),
        last_acis_check: non_empty(view.last_acis_check.as_deref()),
        printed_on: today.to_string(),
        printed_on_long: long_date(today),
    }
}

fn safe_file_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn refuse_existing(out: &Path) -> Result<()> {
    if out.exists() {
        return Err(invalid(
            "out",
            format!("{} already exists; choose a new file name", out.display()),
        ));
    }
    Ok(())
}

/// Writes a new file; never replaces an existing one.
fn write_new(out: &Path, bytes: &[u8]) -> Result<()> {
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(out)?;
        f.write_all(bytes)?;
        f.sync_all()
    };
    write().map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            invalid(
                "out",
                format!("{} already exists; choose a new file name", out.display()),
            )
        } else {
            anyhow::Error::new(e).context(format!("write {}", PathBuf::from(out).display()))
        }
    })
}
