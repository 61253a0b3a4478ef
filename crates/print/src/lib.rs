//! Print jobs, shared by the `tether` CLI and the desktop app.
//!
//! A job is prepared in three steps that each caller runs the same way: the `Session` checks the
//! role (volunteers print only the call sheet) and reads the case already redacted for it;
//! [`sheets`] turns the views into the plain data the templates print; `tether-docs` renders the
//! PDF. Writing a file ([`Prepared::write_pdf`], [`Prepared::write_each`]) never replaces an
//! existing one and appends `document_printed` to the audit log for every child printed.
#![forbid(unsafe_code)]

mod error;
mod jobs;
mod output;
pub mod sheets;

pub use error::{PrintJobError, Result};
pub use jobs::{
    gather_batch, gather_call_sheet, gather_case_document, prepare_batch, prepare_call_sheet,
    prepare_case_document, printer_for, BatchProgress, Gathered, Prepared, Subject, MAX_BATCH_DAYS,
};
pub use output::{refuse_existing, safe_file_part, write_new};
pub use tether_docs::printing::{Job, Lang, Layout, Printable, Printer, Rendered};
