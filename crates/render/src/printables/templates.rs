//! The shipped templates, embedded at build time so a printout never depends on files next to
//! the binary. A clinic's overrides (kept in the vault) replace them by file name (see [`super::Printer::new`]).

/// Every template by file name, as shipped. `common.typ` and `clinic.typ` are imported by the
/// others; the rest are one printable each.
pub const TEMPLATES: [(&str, &str); 8] = [
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
    ("concern.typ", include_str!("../../templates/concern.typ")),
];

/// The line that stands for missing data, to be filled by hand: `blank` in `common.typ` (a
/// clinic's override may change it; tests read the shipped one).
pub const BLANK: &str = "________________";
