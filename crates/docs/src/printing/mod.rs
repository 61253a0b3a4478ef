//! Printables: Typst templates rendered to PDF in process.
//!
//! Templates live in `crates/docs/templates/*.typ` and are embedded at build time. A clinic can
//! override any of them (letterhead, wording, its contact in `clinic.typ`) by placing a file of
//! the same name in `<vault folder>/templates/`; overrides are read when a [`Printer`] is made,
//! so no rebuild is needed. Data reaches a template only as JSON in `sys.inputs.data`, decoded
//! by Typst's own `json()`: nothing is spliced into Typst code, so nothing needs escaping.
//! The JSON is `{ "langs": ["en", "es"], "layout": "pages" | "side-by-side", "clinic": {..},
//! "items": [..] }`.
//! Fonts (DejaVu Sans, regular and bold) are embedded; the machine's fonts are never used.

mod dates;
mod job;
mod render;
mod sheets;

pub use dates::long_date;
pub use job::{Clinic, Job, Lang, Layout, Printable};
pub use render::{Printer, Rendered};
pub use sheets::{CallSheet, CallSheetRow, CaseSheet, Localized, PrintAddressChange, PrintHearing};

/// Every template by file name, as shipped. `common.typ` and `clinic.typ` are imported by the
/// others; the rest are one printable each.
pub const TEMPLATES: [(&str, &str); 7] = [
    ("common.typ", include_str!("../../templates/common.typ")),
    ("clinic.typ", include_str!("../../templates/clinic.typ")),
    ("notice.typ", include_str!("../../templates/notice.typ")),
    (
        "nta-record.typ",
        include_str!("../../templates/nta-record.typ"),
    ),
    ("reminder.typ", include_str!("../../templates/reminder.typ")),
    ("eoir33.typ", include_str!("../../templates/eoir33.typ")),
    (
        "call-sheet.typ",
        include_str!("../../templates/call-sheet.typ"),
    ),
];

/// The line that stands for missing data, to be filled by hand.
pub const BLANK: &str = "________________";

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("read the template override {path}: {source}")]
    Override {
        path: String,
        source: std::io::Error,
    },
    #[error("prepare the print data: {0}")]
    Data(#[from] serde_json::Error),
    #[error("template {template}: {message}")]
    Template { template: String, message: String },
    #[error("write the PDF for {template}: {message}")]
    Pdf { template: String, message: String },
}
