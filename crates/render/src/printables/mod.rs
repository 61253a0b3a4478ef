//! Printables: Typst templates rendered to PDF (and SVG page previews) in process.
//!
//! Templates live in `crates/render/templates/*.typ` and are embedded at build time
//! ([`TEMPLATES`]). A clinic can override any of them (letterhead, wording, its contact in
//! `clinic.typ`): an admin stores the override in the vault (`tether settings template set`),
//! and the caller hands its text to [`Printer::new`]. Files next to the vault are never read: a
//! legal notice must not change because someone could write to a folder. Data reaches a template only as
//! JSON in `sys.inputs.data`, decoded by Typst's own `json()`: nothing is spliced into Typst
//! code, so nothing needs escaping. The JSON is `{ "langs": ["en", "es"], "layout": "pages" |
//! "side-by-side", "clinic": {..}, "items": [..] }`, the items being [`CaseSheet`]s, or one
//! [`CallSheet`], or one [`ConcernSheet`].
//! Fonts (DejaVu Sans, regular and bold) are embedded; the machine's fonts are never used.
//!
//! Reading a case and auditing a print are not done here: that is `tether-print`.

mod dates;
mod engine;
mod error;
mod job;
mod page_text;
mod template_data;
mod templates;

pub use dates::long_date;
pub use engine::{Printer, Rendered};
pub use error::RenderError;
pub use job::{Clinic, Job, Lang, Layout, Printable};
pub use template_data::{
    CallSheet, CallSheetRow, CaseSheet, ConcernSheet, ConcernStepRow, Localized,
    PrintAddressChange, PrintDestination, PrintHearing,
};
pub use templates::{BLANK, TEMPLATES};
