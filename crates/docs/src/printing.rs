//! Printables: Typst templates rendered to PDF in process.
//!
//! Templates live in `crates/docs/templates/*.typ` and are embedded at build time. A clinic can
//! override any of them (letterhead, wording, its contact in `clinic.typ`) by placing a file of
//! the same name in `<vault folder>/templates/`; overrides are read when a [`Printer`] is made,
//! so no rebuild is needed. Data reaches a template only as JSON in `sys.inputs.data`, decoded
//! by Typst's own `json()`: nothing is spliced into Typst code, so nothing needs escaping.
//! Fonts (DejaVu Sans, regular and bold) are embedded; the machine's fonts are never used.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone};
use serde::Serialize;
use typst::foundations::{Dict, Str, Value};
use typst_as_lib::{TypstEngine, TypstTemplateCollection};
use typst_layout::PagedDocument;

static FONT_REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Every template by file name, as shipped. `common.typ` and `clinic.typ` are imported by the
/// others; the rest are one printable each.
pub const TEMPLATES: [(&str, &str); 7] = [
    ("common.typ", include_str!("../templates/common.typ")),
    ("clinic.typ", include_str!("../templates/clinic.typ")),
    ("notice.typ", include_str!("../templates/notice.typ")),
    (
        "nta-record.typ",
        include_str!("../templates/nta-record.typ"),
    ),
    ("reminder.typ", include_str!("../templates/reminder.typ")),
    ("eoir33.typ", include_str!("../templates/eoir33.typ")),
    (
        "call-sheet.typ",
        include_str!("../templates/call-sheet.typ"),
    ),
];

/// The line that stands for missing data, to be filled by hand.
pub const BLANK: &str = "________________";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Printable {
    Notice,
    NtaRecord,
    Reminder,
    Eoir33,
    CallSheet,
}

impl Printable {
    pub const ALL: [Printable; 5] = [
        Printable::Notice,
        Printable::NtaRecord,
        Printable::Reminder,
        Printable::Eoir33,
        Printable::CallSheet,
    ];

    pub fn template(self) -> &'static str {
        match self {
            Printable::Notice => "notice.typ",
            Printable::NtaRecord => "nta-record.typ",
            Printable::Reminder => "reminder.typ",
            Printable::Eoir33 => "eoir33.typ",
            Printable::CallSheet => "call-sheet.typ",
        }
    }

    /// The name used in the audit log and file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Printable::Notice => "notice",
            Printable::NtaRecord => "nta-record",
            Printable::Reminder => "reminder",
            Printable::Eoir33 => "eoir33",
            Printable::CallSheet => "call-sheet",
        }
    }
}

/// The language(s) of a printout. `Both` prints English then Spanish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
    Both,
}

impl Lang {
    pub fn codes(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["en"],
            Lang::Es => &["es"],
            Lang::Both => &["en", "es"],
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            "both" => Some(Lang::Both),
            _ => None,
        }
    }
}

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

/// A text in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Localized {
    pub en: String,
    pub es: String,
}

/// A hearing as printed: date and time already in the court's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrintHearing {
    /// `YYYY-MM-DD`.
    pub date_iso: String,
    pub date: Localized,
    /// `9:00 AM` / `9:00`, followed by the zone's abbreviation when known.
    pub time: Localized,
    pub time_zone: Option<String>,
    /// `master`, `individual`, … (the templates translate).
    pub kind: String,
}

impl PrintHearing {
    /// From `YYYY-MM-DD HH:MM` in the court's time zone; `None` when unreadable.
    pub fn from_local(at: &str, time_zone: Option<&str>, kind: &str) -> Option<Self> {
        let local = NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M").ok()?;
        let abbreviation = time_zone
            .and_then(|tz| tz.parse::<chrono_tz::Tz>().ok())
            .and_then(|tz| tz.from_local_datetime(&local).earliest())
            .map(|t| format!(" {}", t.format("%Z")))
            .unwrap_or_default();
        Some(PrintHearing {
            date_iso: local.date().to_string(),
            date: long_date(local.date()),
            time: Localized {
                en: format!("{}{abbreviation}", local.format("%-I:%M %p")),
                es: format!("{}{abbreviation}", local.format("%-H:%M")),
            },
            time_zone: time_zone.map(str::to_owned),
            kind: kind.to_owned(),
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PrintAddressChange {
    pub recorded_on: String,
    pub lines: Vec<String>,
    pub eoir33_filed_on: Option<String>,
}

/// Everything the case printables (notice, record of NTA, reminder, EOIR-33) may show.
/// `None` prints as a blank line to fill by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CaseSheet {
    pub case_number: String,
    pub child_name: String,
    /// `A123-456-789`.
    pub a_number: Option<String>,
    pub birth_date: Option<String>,
    pub country_of_birth: Option<String>,
    pub language_name: Option<String>,
    pub interpreter_needed: bool,
    pub sponsor_name: Option<String>,
    pub sponsor_phone: Option<String>,
    /// The current address, one line per entry; empty when unknown.
    pub address: Vec<String>,
    /// Newest first.
    pub address_history: Vec<PrintAddressChange>,
    pub court_name: Option<String>,
    pub court_address: Vec<String>,
    pub court_time_zone: Option<String>,
    /// The next hearing, if one is set.
    pub hearing: Option<PrintHearing>,
    /// `not_served`, `served`, `filed`.
    pub nta_status: Option<String>,
    pub nta_served_on: Option<String>,
    pub attorney: Option<String>,
    pub last_acis_check: Option<String>,
    /// The day printed, `YYYY-MM-DD`.
    pub printed_on: String,
    pub printed_on_long: Localized,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CallSheetRow {
    pub case_number: String,
    pub child_name: String,
    pub sponsor_name: Option<String>,
    pub sponsor_phone: Option<String>,
    pub attempt: u8,
    pub due_on: String,
    pub overdue: bool,
    pub sponsor_local_time: Option<String>,
    pub language: Option<String>,
    pub interpreter_needed: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CallSheet {
    pub date: String,
    pub date_long: Localized,
    pub printed_by: String,
    pub rows: Vec<CallSheetRow>,
}

/// `Tuesday, March 3, 2026` / `martes, 3 de marzo de 2026`.
pub fn long_date(day: NaiveDate) -> Localized {
    const DIAS: [&str; 7] = [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ];
    const MESES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    Localized {
        en: day.format("%A, %B %-d, %Y").to_string(),
        es: format!(
            "{}, {} de {} de {}",
            DIAS[day.weekday().num_days_from_monday() as usize],
            day.day(),
            MESES[day.month0() as usize],
            day.year()
        ),
    }
}

/// Renders printables. Make one per run (or per batch) and reuse it: fonts are parsed and
/// templates read once.
pub struct Printer {
    engine: TypstEngine<TypstTemplateCollection>,
    overridden: Vec<String>,
}

impl std::fmt::Debug for Printer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Printer")
            .field("overridden", &self.overridden)
            .finish_non_exhaustive()
    }
}

impl Printer {
    /// The shipped templates, each replaced by `<override_dir>/<name>` when that file exists.
    pub fn new(override_dir: Option<&Path>) -> Result<Self, PrintError> {
        let mut sources: BTreeMap<&str, String> = TEMPLATES
            .iter()
            .map(|(name, text)| (*name, (*text).to_owned()))
            .collect();
        let mut overridden = Vec::new();
        if let Some(dir) = override_dir {
            for (name, text) in sources.iter_mut() {
                let path = dir.join(name);
                match std::fs::read_to_string(&path) {
                    Ok(found) => {
                        *text = found;
                        overridden.push((*name).to_owned());
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(source) => {
                        return Err(PrintError::Override {
                            path: path.display().to_string(),
                            source,
                        })
                    }
                }
            }
        }
        let engine = TypstEngine::builder()
            .fonts([FONT_REGULAR, FONT_BOLD])
            .with_static_source_file_resolver(sources)
            .build();
        Ok(Printer { engine, overridden })
    }

    /// Template names replaced from the override folder.
    pub fn overridden(&self) -> &[String] {
        &self.overridden
    }

    /// One PDF of `what` in `lang`, from `data` (a [`CaseSheet`] or a [`CallSheet`]).
    pub fn render<T: Serialize>(
        &self,
        what: Printable,
        lang: Lang,
        data: &T,
    ) -> Result<Vec<u8>, PrintError> {
        self.render_many(what, lang, std::slice::from_ref(data))
    }

    /// One PDF holding `what` for each of `items`, one after the other (a batch).
    pub fn render_many<T: Serialize>(
        &self,
        what: Printable,
        lang: Lang,
        items: &[T],
    ) -> Result<Vec<u8>, PrintError> {
        let template = what.template();
        let payload = serde_json::json!({ "langs": lang.codes(), "items": items });
        let mut inputs = Dict::new();
        inputs.insert(
            "data".into(),
            Value::Str(Str::from(serde_json::to_string(&payload)?)),
        );
        let document: PagedDocument = self
            .engine
            .compile_with_input(template, inputs)
            .output
            .map_err(|e| PrintError::Template {
                template: template.to_owned(),
                message: e.to_string(),
            })?;
        typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|diagnostics| {
            PrintError::Pdf {
                template: template.to_owned(),
                message: diagnostics
                    .iter()
                    .map(|d| d.message.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_in_both_languages() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap_or_default();
        let d = long_date(day);
        assert_eq!(d.en, "Wednesday, March 4, 2026");
        assert_eq!(d.es, "miércoles, 4 de marzo de 2026");
    }

    #[test]
    fn hearing_time_in_the_court_zone() {
        let h = PrintHearing::from_local("2026-03-04 09:30", Some("America/Chicago"), "master");
        let h = h.unwrap_or_else(|| panic!("parsed"));
        assert_eq!(h.time.en, "9:30 AM CST");
        assert_eq!(h.time.es, "9:30 CST");
        assert_eq!(h.date_iso, "2026-03-04");
    }
}
