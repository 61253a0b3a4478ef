//! `tether print`: hearing notices, records of NTA, letters, EOIR-33 sheets, call sheets and
//! concern reports as PDF,
//! through `tether-print`: the Session checks the role and reads the case redacted, the render
//! crate draws it, the file is new (never over an existing one) and every print is audited.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Subcommand, ValueEnum};
use tether_core::casework::parse_date;
use tether_store::{PrintKind, Session};

use crate::print_crates::{
    ignored_templates_warning, invalid, prepare_batch, prepare_call_sheet, prepare_case_document,
    prepare_concern_report, printer_for, refuse_existing, BatchProgress, Lang, Layout, Prepared,
    PrintError, Printable, Printer,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Es,
    Both,
}

/// How a printout in both languages is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// One copy per language, one after the other
    Pages,
    /// English and Spanish next to each other on the same pages
    SideBySide,
}

#[derive(Debug, Subcommand)]
pub enum PrintCommand {
    /// Notice to Appear hearing notice for the child and sponsor
    Notice {
        /// Child id or case number
        child: String,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// One page with the I-862 (Notice to Appear) fields the case holds, English and Spanish
    NtaRecord {
        child: String,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Reminder letter to the sponsor for the next hearing
    Reminder {
        child: String,
        #[arg(long, value_enum, default_value = "es")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// EOIR-33 change-of-address worksheet pre-filled from the address history, English and Spanish
    Eoir33 {
        child: String,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// The day's Safety & Well-Being call sheet (volunteers may print this one only)
    CallSheet {
        /// YYYY-MM-DD (default: today)
        #[arg(long)]
        on: Option<String>,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// A concern report for the supervisor: what was heard, each signed step, where it was
    /// reported (admins and case managers)
    Concern {
        /// The concern report's number (`tether concern list`)
        id: i64,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Hearing notices for every hearing in the next DAYS days: one PDF (--out ending in .pdf)
    /// or one file per child in a folder
    Batch {
        #[arg(long, value_name = "DAYS")]
        hearings_within: u32,
        #[arg(long, value_enum, default_value = "both")]
        lang: LangArg,
        /// With --lang both: one copy per language, or side by side
        #[arg(long, value_enum, default_value = "pages")]
        layout: LayoutArg,
        #[arg(long, value_name = "DIR_OR_FILE.pdf")]
        out: PathBuf,
    },
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

impl From<LayoutArg> for Layout {
    fn from(l: LayoutArg) -> Self {
        match l {
            LayoutArg::Pages => Layout::Pages,
            LayoutArg::SideBySide => Layout::SideBySide,
        }
    }
}

/// Print errors keep their own type: their kind picks the exit code.
pub fn run(session: &mut Session, command: PrintCommand) -> Result<(), PrintError> {
    let case = |what, child: String, lang: LangArg, layout: LayoutArg, out| {
        (what, child, Lang::from(lang), Layout::from(layout), out)
    };
    let (what, child, lang, layout, out) = match command {
        PrintCommand::Notice {
            child,
            lang,
            layout,
            out,
        } => case(Printable::Notice, child, lang, layout, out),
        PrintCommand::NtaRecord {
            child,
            lang,
            layout,
            out,
        } => case(Printable::NtaRecord, child, lang, layout, out),
        PrintCommand::Reminder {
            child,
            lang,
            layout,
            out,
        } => case(Printable::Reminder, child, lang, layout, out),
        PrintCommand::Eoir33 {
            child,
            lang,
            layout,
            out,
        } => case(Printable::Eoir33, child, lang, layout, out),
        PrintCommand::CallSheet {
            on,
            lang,
            layout,
            out,
        } => return call_sheet(session, on.as_deref(), lang.into(), layout.into(), &out),
        PrintCommand::Batch {
            hearings_within,
            lang,
            layout,
            out,
        } => return batch(session, hearings_within, lang.into(), layout.into(), &out),
        PrintCommand::Concern {
            id,
            lang,
            layout,
            out,
        } => return concern(session, id, lang.into(), layout.into(), &out),
    };
    session.authorize_print(PrintKind::CaseDocument)?;
    refuse_existing(&out)?;
    let printer = printer(session)?;
    let prepared = prepare_case_document(session, &printer, &child, what, lang, layout)?;
    prepared.write_pdf(session, &out)?;
    let case_number = prepared
        .subjects()
        .first()
        .map_or(child.as_str(), |s| s.case_number.as_str());
    println!(
        "{} for {case_number} written to {} ({} pages){}",
        what.as_str(),
        out.display(),
        prepared.page_count(),
        custom_note(&prepared)
    );
    Ok(())
}

/// The shipped templates with the vault's overrides; files left in the old `templates/`
/// folder are no longer read, and the user is told so (once per run: one printer per run).
fn printer(session: &Session) -> Result<Printer, PrintError> {
    if let Some(warning) = ignored_templates_warning(session) {
        eprintln!("{warning}");
    }
    printer_for(session)
}

/// `; custom template: notice.typ, clinic.typ` when the clinic's overrides drew the printout,
/// so nobody takes it for the shipped wording.
fn custom_note(prepared: &Prepared) -> String {
    let custom = prepared.custom_templates();
    if custom.is_empty() {
        String::new()
    } else {
        format!("; custom template: {}", custom.join(", "))
    }
}

fn call_sheet(
    session: &mut Session,
    on: Option<&str>,
    lang: Lang,
    layout: Layout,
    out: &Path,
) -> Result<(), PrintError> {
    session.authorize_print(PrintKind::CallSheet)?;
    refuse_existing(out)?;
    let on = match on {
        Some(d) => parse_date("on", d).map_err(|e| invalid("on", e))?,
        None => session.today(),
    };
    let printer = printer(session)?;
    let prepared = prepare_call_sheet(session, &printer, on, lang, layout)?;
    prepared.write_pdf(session, out)?;
    println!(
        "call sheet for {on} written to {}{}",
        out.display(),
        custom_note(&prepared)
    );
    Ok(())
}

fn concern(
    session: &mut Session,
    id: i64,
    lang: Lang,
    layout: Layout,
    out: &Path,
) -> Result<(), PrintError> {
    session.authorize_print(PrintKind::CaseDocument)?;
    refuse_existing(out)?;
    let printer = printer(session)?;
    let prepared = prepare_concern_report(session, &printer, id, lang, layout)?;
    prepared.write_pdf(session, out)?;
    let case_number = prepared
        .subjects()
        .first()
        .map_or("", |s| s.case_number.as_str());
    println!(
        "concern report {id} for {case_number} written to {} ({} pages){}",
        out.display(),
        prepared.page_count(),
        custom_note(&prepared)
    );
    Ok(())
}

fn batch(
    session: &mut Session,
    days: u32,
    lang: Lang,
    layout: Layout,
    out: &Path,
) -> Result<(), PrintError> {
    session.authorize_print(PrintKind::CaseDocument)?;
    let one_file = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if one_file {
        refuse_existing(out)?;
    }
    let show_progress = std::io::stderr().is_terminal();
    let mut progress = |p: BatchProgress| {
        if !show_progress {
            return;
        }
        match p {
            BatchProgress::Gathering { done, total } => eprint!("\rreading cases: {done}/{total}"),
            BatchProgress::Rendering { done: 0, total } => {
                eprint!("\rrendering {total} notices…          ")
            }
            BatchProgress::Rendering { .. } => {}
            BatchProgress::Writing { done, total } => eprint!("\rwriting files: {done}/{total}   "),
        }
    };
    let started = Instant::now();
    let printer = printer(session)?;
    let prepared = prepare_batch(session, &printer, days, lang, layout, &mut progress)?;
    let total = prepared.subjects().len();
    if total > 0 {
        if one_file {
            prepared.write_pdf(session, out)?;
        } else {
            prepared.write_each(session, &printer, out, &mut progress)?;
        }
    }
    if show_progress {
        eprintln!();
    }
    let today = session.today();
    if total == 0 {
        println!("no hearings in the next {days} days from {today}: nothing printed");
    } else {
        println!(
            "{total} notices for hearings in the next {days} days from {today} written to {} ({:.1} ms per notice){}",
            out.display(),
            started.elapsed().as_secs_f64() * 1000.0 / total as f64,
            custom_note(&prepared)
        );
    }
    Ok(())
}
