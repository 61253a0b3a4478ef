//! Print jobs, shared by the `tether` CLI and the desktop app.
//!
//! A job is prepared in three steps that each caller runs the same way: the `Session` checks the
//! role (volunteers print only the call sheet: not case documents, not concern reports) and
//! reads the case already redacted for it;
//! [`from_views`] turns the views into the plain data the templates print; `tether-render`
//! renders the PDF. Writing a file ([`Prepared::write_pdf`], [`Prepared::write_each`]) never
//! replaces an existing one and appends `document_printed` to the audit log for every child
//! printed.
#![forbid(unsafe_code)]

mod error;
pub mod from_views;
mod jobs;
mod output;
pub mod reminder;
mod templates;

pub use error::{PrintError, Result};
pub use jobs::{
    gather_batch, gather_call_sheet, gather_case_document, gather_concern_report, prepare_batch,
    prepare_call_sheet, prepare_case_document, prepare_concern_report, BatchProgress, Gathered,
    Prepared, Subject, MAX_BATCH_DAYS,
};
pub use output::{refuse_existing, safe_file_part, write_new};
pub use templates::{
    ignored_template_files, ignored_templates_warning, printer_for, set_template_override,
    shipped_names,
};
pub use tether_render::printables::{Job, Lang, Layout, Printable, Printer, RenderError, Rendered};
