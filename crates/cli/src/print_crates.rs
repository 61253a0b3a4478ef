//! The one place that names the print and render crates (`tether-print`, `tether-render`) and
//! their error type, so renaming either changes this file (and Cargo.toml) only.

pub use tether_print::{
    ignored_templates_warning, prepare_batch, prepare_call_sheet, prepare_case_document,
    prepare_concern_report, printer_for, refuse_existing, set_template_override, shipped_names,
    BatchProgress, Lang, Layout, Prepared, PrintError, Printable, Printer,
};
pub use tether_render::calendar::{render as render_calendar, CalendarEntry, When};
use tether_store::ErrorKind;

/// A print argument the CLI parses itself is wrong (exit code 8, like a store field error).
pub fn invalid(field: &'static str, reason: impl std::fmt::Display) -> PrintError {
    PrintError::InvalidInput {
        field,
        reason: reason.to_string(),
    }
}

/// The kind of a failed print job, for the exit code; `None` when `err` is not one.
pub fn error_kind(err: &anyhow::Error) -> Option<ErrorKind> {
    err.downcast_ref::<PrintError>().map(PrintError::kind)
}
