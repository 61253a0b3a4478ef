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
    pub children_unchanged: u32,
    /// Rows that differ from their case, not applied (the import ran without `update`).
    pub children_changed: u32,
    pub children_updated: u32,
    pub children_held_back: u32,
    /// Each matched case the file would change (or changed), field by field.
    pub changes: Vec<ImportChanges>,
    /// Each row held back as a likely duplicate, naming the case it looks like.
    pub held_back: Vec<ImportHeldBack>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportFieldChange {
    /// The release file's column.
    pub field: String,
    pub before: Option<String>,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportChanges {
    pub line: u32,
    pub case_number: String,
    pub child_name: String,
    pub changes: Vec<ImportFieldChange>,
    pub applied: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ImportHeldBack {
    pub line: u32,
    pub child_name: String,
    /// `same_name_birth_date_and_sponsor`.
    pub reason: String,
    pub existing_case_number: String,
    /// English, naming the existing case.
    pub message: String,
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
            children_unchanged: count32(r.children_unchanged),
            children_changed: count32(r.children_changed),
            children_updated: count32(r.children_updated),
            children_held_back: count32(r.children_held_back),
            changes: r
                .changes
                .into_iter()
                .map(|m| ImportChanges {
                    line: count32(m.line),
                    case_number: m.case_number,
                    child_name: m.child_name,
                    applied: m.applied,
                    changes: m
                        .changes
                        .into_iter()
                        .map(|c| ImportFieldChange {
                            field: c.field,
                            before: c.before,
                            after: c.after,
                        })
                        .collect(),
                })
                .collect(),
            held_back: r
                .held_back
                .into_iter()
                .map(|h| ImportHeldBack {
                    line: count32(h.line),
                    child_name: h.child_name,
                    reason: h.reason,
                    existing_case_number: h.existing_case_number,
                    message: h.message,
                })
                .collect(),
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
