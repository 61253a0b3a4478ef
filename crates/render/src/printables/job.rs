//! What to print, in which language(s) and layout, for which clinic.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Printable {
    Notice,
    NtaRecord,
    Reminder,
    Eoir33,
    CallSheet,
    /// A concern report for the supervisor (issue 13): data is one [`super::ConcernSheet`].
    ConcernReport,
}

impl Printable {
    pub const ALL: [Printable; 6] = [
        Printable::Notice,
        Printable::NtaRecord,
        Printable::Reminder,
        Printable::Eoir33,
        Printable::CallSheet,
        Printable::ConcernReport,
    ];

    pub fn template(self) -> &'static str {
        match self {
            Printable::Notice => "notice.typ",
            Printable::NtaRecord => "nta-record.typ",
            Printable::Reminder => "reminder.typ",
            Printable::Eoir33 => "eoir33.typ",
            Printable::CallSheet => "call-sheet.typ",
            Printable::ConcernReport => "concern.typ",
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
            Printable::ConcernReport => "concern-report",
        }
    }
}

/// The language(s) of a printout. `Both` prints English and Spanish (see [`Layout`]).
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

/// How a bilingual ([`Lang::Both`]) printout is laid out; ignored for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// One full copy per language, English then Spanish.
    #[default]
    Pages,
    /// One copy with English and Spanish next to each other (bilingual labels on the
    /// record-style printables), so a family and a case manager read the same sheet.
    SideBySide,
}

impl Layout {
    pub fn parse(s: &str) -> Option<Layout> {
        match s.trim() {
            "pages" => Some(Layout::Pages),
            "side-by-side" => Some(Layout::SideBySide),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Pages => "pages",
            Layout::SideBySide => "side-by-side",
        }
    }
}

/// The clinic's contact as set in the app's settings. Empty/None fields fall back (field by
/// field) to `clinic.typ` (which a clinic may override), then to the blank line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Clinic {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub address: Vec<String>,
}

/// One print request: the printable, its language(s) and layout, and the clinic printed on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub what: Printable,
    pub lang: Lang,
    pub layout: Layout,
    pub clinic: Clinic,
}

impl Job {
    /// The layout the templates get: side by side only makes sense with two languages, so
    /// templates never have to handle a one-language "side by side".
    pub(crate) fn effective_layout(&self) -> Layout {
        match self.lang {
            Lang::Both => self.layout,
            Lang::En | Lang::Es => Layout::Pages,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_names_round_trip() {
        for layout in [Layout::Pages, Layout::SideBySide] {
            assert_eq!(Layout::parse(layout.as_str()), Some(layout));
        }
        assert_eq!(Layout::parse("columns"), None);
        assert_eq!(Layout::default(), Layout::Pages);
    }

    #[test]
    fn one_language_ignores_the_layout() {
        let job = |lang| Job {
            what: Printable::Notice,
            lang,
            layout: Layout::SideBySide,
            clinic: Clinic::default(),
        };
        assert_eq!(job(Lang::En).effective_layout(), Layout::Pages);
        assert_eq!(job(Lang::Es).effective_layout(), Layout::Pages);
        assert_eq!(job(Lang::Both).effective_layout(), Layout::SideBySide);
    }
}
