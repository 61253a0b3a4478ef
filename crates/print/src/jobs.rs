//! Preparing a printout (role check, read, render) and writing it (new file, audit).

use std::path::Path;

use chrono::{Days, NaiveDate, Utc};
use tether_render::printables::{
    CallSheet, CaseSheet, Clinic, ConcernSheet, Job, Lang, Layout, Printable, Printer, Rendered,
};
use tether_store::{PrintKind, Session};

use crate::error::{PrintError, Result};
use crate::from_views::{call_sheet_row, case_sheet, concern_sheet, next_hearing};
use crate::output::{refuse_existing, safe_file_part, write_new};

/// How far ahead a batch may look: ten years, far beyond any docket, short of date overflow.
pub const MAX_BATCH_DAYS: u32 = 3660;

/// Whom a printout is about: one per notice in a batch, none for the call sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub child_id: i64,
    pub case_number: String,
    pub hearing_id: Option<i64>,
}

/// A rendered printout, held until it is written (or previewed page by page).
#[derive(Debug)]
pub struct Prepared {
    pub job: Job,
    kind: PrintKind,
    /// `None` when there was nothing to print (a batch with no hearings in range).
    rendered: Option<Rendered>,
    subjects: Vec<Subject>,
    /// The per-child data, kept so a batch can also be written one file per notice.
    sheets: Vec<CaseSheet>,
    /// `notice-T-2026-00042.pdf`, `call-sheet-2026-11-25.pdf`, `notices-2026-11-25.pdf`.
    file_name: String,
    /// The clinic's overrides this printout was drawn from (empty: shipped templates only).
    custom_templates: Vec<String>,
}

/// Progress of a batch: cases read, then the rendering, then files written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchProgress {
    Gathering { done: usize, total: usize },
    Rendering { done: usize, total: usize },
    Writing { done: usize, total: usize },
}

fn job(session: &Session, what: Printable, lang: Lang, layout: Layout) -> Result<Job> {
    let contact = session.clinic_contact()?;
    Ok(Job {
        what,
        lang,
        layout,
        clinic: Clinic {
            name: contact.name,
            phone: contact.phone,
            address: contact.address,
        },
    })
}

/// A printout's data, read from the vault and not yet rendered. Reading needs the `Session`;
/// rendering does not, so the app renders a long batch without holding the session.
#[derive(Debug)]
pub struct Gathered {
    job: Job,
    kind: PrintKind,
    items: Items,
    subjects: Vec<Subject>,
    file_name: String,
}

#[derive(Debug)]
enum Items {
    Cases(Vec<CaseSheet>),
    Calls(CallSheet),
    Concern(Box<ConcernSheet>),
}

/// A notice, record of NTA, reminder or EOIR-33 sheet for one child (admins and case managers).
pub fn gather_case_document(
    session: &mut Session,
    child: &str,
    what: Printable,
    lang: Lang,
    layout: Layout,
) -> Result<Gathered> {
    match what {
        Printable::CallSheet => {
            return Err(PrintError::InvalidInput {
                field: "document",
                reason: "the call sheet is not printed for one child".into(),
            })
        }
        Printable::ConcernReport => {
            return Err(PrintError::InvalidInput {
                field: "document",
                reason: "a concern report is printed by its report number, not the child's".into(),
            })
        }
        _ => {}
    }
    session.authorize_print(PrintKind::CaseDocument)?;
    let view = session.show_child(child)?;
    let today = session.today();
    let sheet = case_sheet(&view, next_hearing(&view.hearings, today), today);
    Ok(Gathered {
        job: job(session, what, lang, layout)?,
        kind: PrintKind::CaseDocument,
        items: Items::Cases(vec![sheet]),
        file_name: format!(
            "{}-{}.pdf",
            what.as_str(),
            safe_file_part(&view.case_number)
        ),
        subjects: vec![Subject {
            child_id: view.id,
            case_number: view.case_number,
            hearing_id: None,
        }],
    })
}

/// A concern report for the supervisor (admins and case managers, as for case documents:
/// volunteers are refused and the refusal audited), audited as printed for its child.
pub fn gather_concern_report(
    session: &mut Session,
    concern_id: i64,
    lang: Lang,
    layout: Layout,
) -> Result<Gathered> {
    session.authorize_print(PrintKind::CaseDocument)?;
    let view = session.concern(concern_id)?;
    let report_days = session.concern_report_days()?;
    let sheet = concern_sheet(&view, report_days, session.today());
    Ok(Gathered {
        job: job(session, Printable::ConcernReport, lang, layout)?,
        kind: PrintKind::CaseDocument,
        items: Items::Concern(Box::new(sheet)),
        file_name: format!(
            "{}-{}-{concern_id}.pdf",
            Printable::ConcernReport.as_str(),
            safe_file_part(&view.case_number)
        ),
        subjects: vec![Subject {
            child_id: view.child_id,
            case_number: view.case_number,
            hearing_id: None,
        }],
    })
}

/// The day's call sheet, redacted for the reader (volunteers too).
pub fn gather_call_sheet(
    session: &mut Session,
    on: NaiveDate,
    lang: Lang,
    layout: Layout,
) -> Result<Gathered> {
    session.authorize_print(PrintKind::CallSheet)?;
    let rows = session
        .calls_due(on, Utc::now())?
        .into_iter()
        .map(call_sheet_row)
        .collect();
    let sheet = CallSheet {
        date: on.to_string(),
        date_long: tether_render::printables::long_date(on),
        printed_by: session.user().name.clone(),
        rows,
    };
    Ok(Gathered {
        job: job(session, Printable::CallSheet, lang, layout)?,
        kind: PrintKind::CallSheet,
        items: Items::Calls(sheet),
        subjects: Vec::new(),
        file_name: format!("call-sheet-{on}.pdf"),
    })
}

/// Hearing notices for every hearing from today through today + `days`, in hearing order.
pub fn gather_batch(
    session: &mut Session,
    days: u32,
    lang: Lang,
    layout: Layout,
    progress: &mut dyn FnMut(BatchProgress),
) -> Result<Gathered> {
    session.authorize_print(PrintKind::CaseDocument)?;
    if days > MAX_BATCH_DAYS {
        return Err(PrintError::InvalidInput {
            field: "hearings-within",
            reason: format!("give a number of days from 0 (today) to {MAX_BATCH_DAYS}, not {days}"),
        });
    }
    let today = session.today();
    let until = today
        .checked_add_days(Days::new(u64::from(days)))
        .ok_or_else(|| PrintError::InvalidInput {
            field: "hearings-within",
            reason: "the date is out of range".into(),
        })?;
    let hearings = session.hearings_between(today, until)?;
    let total = hearings.len();
    let mut subjects = Vec::with_capacity(total);
    let mut sheets = Vec::with_capacity(total);
    for (n, h) in hearings.iter().enumerate() {
        let view = session.show_child(&h.child_id.to_string())?;
        let hearing = tether_render::printables::PrintHearing::from_local(
            &h.at,
            h.time_zone.as_deref(),
            &h.kind,
        );
        sheets.push(case_sheet(&view, hearing, today));
        subjects.push(Subject {
            child_id: view.id,
            case_number: view.case_number,
            hearing_id: Some(h.hearing_id),
        });
        progress(BatchProgress::Gathering { done: n + 1, total });
    }
    Ok(Gathered {
        job: job(session, Printable::Notice, lang, layout)?,
        kind: PrintKind::CaseDocument,
        items: Items::Cases(sheets),
        subjects,
        file_name: format!("notices-{today}-to-{until}.pdf"),
    })
}

impl Gathered {
    /// Renders the document (needs no session). Nothing to print (a batch without hearings)
    /// gives a `Prepared` without pages.
    pub fn render(
        self,
        printer: &Printer,
        progress: &mut dyn FnMut(BatchProgress),
    ) -> Result<Prepared> {
        let (rendered, sheets) = match self.items {
            Items::Calls(sheet) => (
                Some(printer.compile(&self.job, std::slice::from_ref(&sheet))?),
                Vec::new(),
            ),
            // One report: `write_each` (one file per notice) does not apply.
            Items::Concern(sheet) => (
                Some(printer.compile(&self.job, std::slice::from_ref(&*sheet))?),
                Vec::new(),
            ),
            Items::Cases(sheets) if sheets.is_empty() => (None, sheets),
            Items::Cases(sheets) => {
                let total = sheets.len();
                progress(BatchProgress::Rendering { done: 0, total });
                let rendered = printer.compile(&self.job, &sheets)?;
                progress(BatchProgress::Rendering { done: total, total });
                (Some(rendered), sheets)
            }
        };
        Ok(Prepared {
            custom_templates: printer.custom_templates_for(self.job.what),
            job: self.job,
            kind: self.kind,
            rendered,
            subjects: self.subjects,
            sheets,
            file_name: self.file_name,
        })
    }
}

/// [`gather_case_document`], then render.
pub fn prepare_case_document(
    session: &mut Session,
    printer: &Printer,
    child: &str,
    what: Printable,
    lang: Lang,
    layout: Layout,
) -> Result<Prepared> {
    gather_case_document(session, child, what, lang, layout)?.render(printer, &mut |_| {})
}

/// [`gather_concern_report`], then render.
pub fn prepare_concern_report(
    session: &mut Session,
    printer: &Printer,
    concern_id: i64,
    lang: Lang,
    layout: Layout,
) -> Result<Prepared> {
    gather_concern_report(session, concern_id, lang, layout)?.render(printer, &mut |_| {})
}

/// [`gather_call_sheet`], then render.
pub fn prepare_call_sheet(
    session: &mut Session,
    printer: &Printer,
    on: NaiveDate,
    lang: Lang,
    layout: Layout,
) -> Result<Prepared> {
    gather_call_sheet(session, on, lang, layout)?.render(printer, &mut |_| {})
}

/// [`gather_batch`], then render (one document).
pub fn prepare_batch(
    session: &mut Session,
    printer: &Printer,
    days: u32,
    lang: Lang,
    layout: Layout,
    progress: &mut dyn FnMut(BatchProgress),
) -> Result<Prepared> {
    gather_batch(session, days, lang, layout, progress)?.render(printer, progress)
}

impl Prepared {
    /// The rendered document; `None` when there was nothing to print.
    pub fn rendered(&self) -> Option<&Rendered> {
        self.rendered.as_ref()
    }

    pub fn page_count(&self) -> usize {
        self.rendered.as_ref().map_or(0, Rendered::page_count)
    }

    /// Whom it is about, in print order.
    pub fn subjects(&self) -> &[Subject] {
        &self.subjects
    }

    /// The overridden templates this printout was drawn from, for a "Custom template" mark in
    /// the preview and the CLI's output; empty when only shipped templates were used.
    pub fn custom_templates(&self) -> &[String] {
        &self.custom_templates
    }

    /// A file name to suggest when saving.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// Writes the whole document to a new file at `out` and audits the print for each child.
    pub fn write_pdf(&self, session: &mut Session, out: &Path) -> Result<()> {
        let Some(rendered) = &self.rendered else {
            return Err(nothing_to_print());
        };
        session.authorize_print(self.kind)?;
        refuse_existing(out)?;
        let pdf = rendered.pdf()?;
        write_new(out, &pdf)?;
        self.record(session)
    }

    /// The PDF bytes, audited as printed (for handing to the system viewer).
    pub fn pdf_for_printing(&self, session: &mut Session) -> Result<Vec<u8>> {
        let Some(rendered) = &self.rendered else {
            return Err(nothing_to_print());
        };
        session.authorize_print(self.kind)?;
        let pdf = rendered.pdf()?;
        self.record(session)?;
        Ok(pdf)
    }

    /// Writes one PDF per notice into `dir` (created if missing), named by case number and
    /// hearing; refuses before writing anything when one of the files already exists.
    /// Returns the number of files written.
    pub fn write_each(
        &self,
        session: &mut Session,
        printer: &Printer,
        dir: &Path,
        progress: &mut dyn FnMut(BatchProgress),
    ) -> Result<usize> {
        if self.sheets.is_empty() {
            return Err(nothing_to_print());
        }
        session.authorize_print(self.kind)?;
        std::fs::create_dir_all(dir).map_err(|source| PrintError::Write {
            path: dir.to_path_buf(),
            source,
        })?;
        let files: Vec<_> = self
            .subjects
            .iter()
            .map(|s| {
                let hearing = s.hearing_id.map(|h| format!("-{h}")).unwrap_or_default();
                dir.join(format!(
                    "{}-{}{hearing}.pdf",
                    self.job.what.as_str(),
                    safe_file_part(&s.case_number)
                ))
            })
            .collect();
        for file in &files {
            refuse_existing(file)?;
        }
        let total = files.len();
        for (n, ((file, sheet), subject)) in files
            .iter()
            .zip(&self.sheets)
            .zip(&self.subjects)
            .enumerate()
        {
            let pdf = printer.render(&self.job, sheet)?;
            write_new(file, &pdf)?;
            session.record_printed(
                self.kind,
                &subject.child_id.to_string(),
                self.job.what.as_str(),
            )?;
            progress(BatchProgress::Writing { done: n + 1, total });
        }
        Ok(total)
    }

    fn record(&self, session: &mut Session) -> Result<()> {
        if self.subjects.is_empty() {
            session.record_printed(self.kind, "call_sheet", self.job.what.as_str())?;
        }
        for s in &self.subjects {
            session.record_printed(self.kind, &s.child_id.to_string(), self.job.what.as_str())?;
        }
        Ok(())
    }
}

fn nothing_to_print() -> PrintError {
    PrintError::InvalidInput {
        field: "document",
        reason: "there is nothing to print".into(),
    }
}
