//! IPC types for the release-CSV import: its outcome, the rejected rows, progress, and the
//! columns a file may have (exported to the window as `RELEASE_CSV_COLUMNS`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use specta::Type;
use tether_store::casework as views;

use super::ids::count32;

/// Every column the import reads, in the order an export writes them. Exported to the
/// bindings under this name: the import screen's help lists them, so a column added in core
/// shows up there (and type-checks only once both catalogs explain it).
pub const RELEASE_CSV_COLUMNS: &[&str] = &tether_core::casework::release_csv::RELEASE_COLUMNS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportRowError {
    pub line: u32,
    pub column: String,
    /// English; shown when the UI has no translation for `code`.
    pub reason: String,
    /// One of `FIELD_ERROR_CODES`.
    pub code: String,
    pub params: BTreeMap<String, String>,
    /// The child the row names (given and family name), empty when it names nobody.
    pub child_name: String,
}

/// Where the rejected rows of an import were saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SavedRejectedRows {
    pub path: String,
    pub rows: u32,
    /// The path the user chose when a file was already there: Tether never replaces a file,
    /// so it saved beside it under `path` (`releases.rejected (2).csv`) instead.
    pub chosen_path: Option<String>,
}

impl From<views::ImportRowError> for ImportRowError {
    fn from(e: views::ImportRowError) -> Self {
        ImportRowError {
            line: count32(e.line),
            column: e.column,
            reason: e.reason,
            code: e.code,
            params: e.params,
            child_name: e.child_name,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportSummary {
    pub rows: u32,
    pub imported_rows: u32,
    pub rejected_rows: u32,
    pub children_created: u32,
    pub children_already_present: u32,
    pub sponsors_created: u32,
    pub errors: Vec<ImportRowError>,
}

impl From<views::ImportReport> for ImportSummary {
    fn from(r: views::ImportReport) -> Self {
        ImportSummary {
            rows: count32(r.rows),
            imported_rows: count32(r.imported_rows),
            rejected_rows: count32(r.rejected_rows),
            children_created: count32(r.children_created),
            children_already_present: count32(r.children_already_present),
            sponsors_created: count32(r.sponsors_created),
            errors: r.errors.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ImportOutcome {
    Imported {
        report: ImportSummary,
    },
    Rejected {
        rows: u32,
        errors: Vec<ImportRowError>,
    },
}

/// Emitted while an import runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, tauri_specta::Event)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}
