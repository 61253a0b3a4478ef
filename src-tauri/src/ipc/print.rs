//! IPC types for printing: what to print, the preview's shape, progress, the clinic contact.

use serde::{Deserialize, Serialize};
use specta::Type;
use tether_print::{Lang, Layout, Printable};

use super::error::AppError;
use super::ids::count32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PrintDocument {
    Notice,
    NtaRecord,
    Reminder,
    Eoir33,
    CallSheet,
    BatchNotices,
    // A concern report for the supervisor, by its number (`PrintRequest::concern`).
    ConcernReport,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PrintLang {
    En,
    Es,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PrintLayout {
    Pages,
    SideBySide,
}

impl From<PrintLang> for Lang {
    fn from(l: PrintLang) -> Self {
        match l {
            PrintLang::En => Lang::En,
            PrintLang::Es => Lang::Es,
            PrintLang::Both => Lang::Both,
        }
    }
}

impl From<PrintLayout> for Layout {
    fn from(l: PrintLayout) -> Self {
        match l {
            PrintLayout::Pages => Layout::Pages,
            PrintLayout::SideBySide => Layout::SideBySide,
        }
    }
}

impl PrintDocument {
    /// The printable for a one-child document; `None` for the call sheet and batches.
    pub fn case_printable(self) -> Option<Printable> {
        match self {
            PrintDocument::Notice => Some(Printable::Notice),
            PrintDocument::NtaRecord => Some(Printable::NtaRecord),
            PrintDocument::Reminder => Some(Printable::Reminder),
            PrintDocument::Eoir33 => Some(Printable::Eoir33),
            PrintDocument::CallSheet
            | PrintDocument::BatchNotices
            | PrintDocument::ConcernReport => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PrintRequest {
    pub document: PrintDocument,
    /// Child id or case number: required for notice, nta_record, reminder, eoir33.
    pub child: Option<String>,
    pub lang: PrintLang,
    /// Matters only with `both`.
    pub layout: PrintLayout,
    /// The call sheet's day, `YYYY-MM-DD`; today when null.
    pub on: Option<String>,
    /// batch_notices: hearings from today through today + this many days.
    pub within_days: Option<u32>,
    /// concern_report: the report's number (`Concern::concern_id`). May be left out for
    /// the other documents.
    #[serde(default)]
    pub concern: Option<u32>,
}

/// A rendered document held in the app under `job` until the preview closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PrintPreview {
    pub job: u32,
    pub document: PrintDocument,
    pub case_number: Option<String>,
    /// 0 when there was nothing to print (a batch with no hearings in range).
    pub page_count: u32,
    pub notice_count: u32,
    pub file_name: String,
    /// Whole points (US Letter: 612 × 792), for the preview's aspect ratio.
    pub page_width_pt: u32,
    pub page_height_pt: u32,
    /// The clinic's template overrides this printout was drawn from (`notice.typ`,
    /// `clinic.typ`, …), for the preview's "Custom template" badge; empty when only the
    /// shipped templates were used.
    pub custom_templates: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SavedPrint {
    pub path: String,
    pub files: u32,
    /// The path the user chose when a file was already there: Tether never replaces a file,
    /// so it saved beside it under `path` (`notice (2).pdf`) instead.
    pub chosen_path: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PrintStage {
    Gathering,
    Rendering,
    Writing,
}

/// Emitted while a batch is read, rendered and written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct PrintProgress {
    pub stage: PrintStage,
    pub done: u32,
    pub total: u32,
}

impl From<tether_print::BatchProgress> for PrintProgress {
    fn from(p: tether_print::BatchProgress) -> Self {
        use tether_print::BatchProgress as B;
        let (stage, done, total) = match p {
            B::Gathering { done, total } => (PrintStage::Gathering, done, total),
            B::Rendering { done, total } => (PrintStage::Rendering, done, total),
            B::Writing { done, total } => (PrintStage::Writing, done, total),
        };
        PrintProgress {
            stage,
            done: count32(done),
            total: count32(total),
        }
    }
}

/// The clinic's contact as edited in settings: the address is one line per line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ClinicContact {
    pub name: String,
    pub phone: String,
    pub address: String,
}

impl From<tether_core::casework::ClinicContact> for ClinicContact {
    fn from(c: tether_core::casework::ClinicContact) -> Self {
        let input = c.to_input();
        ClinicContact {
            name: input.name,
            phone: input.phone,
            address: input.address,
        }
    }
}

impl From<ClinicContact> for tether_core::casework::ClinicContactInput {
    fn from(c: ClinicContact) -> Self {
        tether_core::casework::ClinicContactInput {
            name: c.name,
            phone: c.phone,
            address: c.address,
        }
    }
}

impl From<tether_print::PrintError> for AppError {
    fn from(e: tether_print::PrintError) -> Self {
        match e {
            tether_print::PrintError::Store(store) => store.into(),
            other => AppError {
                kind: other.kind().into(),
                field: other.field().map(str::to_owned),
                ..AppError::internal(other.to_string())
            },
        }
    }
}
