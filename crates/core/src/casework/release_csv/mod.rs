//! Import of release records from a CSV file (one row per child released to a sponsor).
//!
//! Pure: takes the file's bytes, returns every row with its record or its errors, each
//! naming the physical line and the CSV column. A bad row never stops the others; only a
//! file that cannot be read as a table at all (empty, no header, missing required columns)
//! is a file-level error.
//!
//! `parse.rs` reads the file (header, delimiter, rows, duplicate A-Numbers); `row.rs` turns
//! one row's cells into a record; `columns.rs` names the columns and maps field errors back
//! to them; `lines.rs` counts physical lines; `sponsor_key.rs` merges a sponsor across rows;
//! `cells.rs` keeps formulas out of the CSV files Tether writes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ChildDraft, ProceedingsDraft, SponsorDraft};

pub mod cells;
mod columns;
mod lines;
mod parse;
mod row;
mod sponsor_key;

#[cfg(test)]
mod tests;

pub use columns::{RELEASE_COLUMNS, REQUIRED_COLUMNS};
pub use parse::parse_release_records;
pub use sponsor_key::sponsor_key;

/// One release: the sponsor, the child released to them, the child's proceedings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseRecord {
    pub sponsor: SponsorDraft,
    pub child: ChildDraft,
    pub proceedings: ProceedingsDraft,
}

/// A problem with one cell of one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// 1-based physical line where the record starts (the header is line 1).
    pub line: u64,
    /// The CSV column name, e.g. `a_number`.
    pub column: String,
    /// English, naming the column and the value.
    pub reason: String,
    /// The field error's code (one of `FIELD_ERROR_CODES`), for a UI to translate `reason`.
    pub code: String,
    /// The values the translated sentence names.
    pub params: BTreeMap<String, String>,
}

/// One data row of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseRow {
    /// 1-based physical line where the record starts (the header is line 1; a quoted line
    /// break inside an earlier record pushes later records down).
    pub line: u64,
    /// The record's cells as read (invalid UTF-8 replaced by U+FFFD, a quote that
    /// neutralised a formula dropped: `cells::restore`), in file column order, for writing
    /// rejected rows back out.
    pub raw: Vec<String>,
    pub result: Result<ReleaseRecord, Vec<RowError>>,
}

/// A whole file: its header as written and every non-blank data row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseFile {
    pub headers: Vec<String>,
    pub rows: Vec<ReleaseRow>,
}

impl ReleaseFile {
    pub fn accepted(&self) -> impl Iterator<Item = (u64, &ReleaseRecord)> {
        self.rows
            .iter()
            .filter_map(|r| r.result.as_ref().ok().map(|rec| (r.line, rec)))
    }

    pub fn rejected(&self) -> impl Iterator<Item = &ReleaseRow> {
        self.rows.iter().filter(|r| r.result.is_err())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
pub enum CsvFileError {
    #[error("the file is empty")]
    Empty,
    #[error("the header line (line 1) is not valid UTF-8: save the file as \"CSV UTF-8\"")]
    HeaderNotUtf8,
    #[error("the file is missing required column(s): {}", .missing.join(", "))]
    MissingColumns { missing: Vec<String> },
    #[error("column {column:?} appears twice in the header (columns {first} and {second})")]
    DuplicateColumn {
        column: String,
        first: usize,
        second: usize,
    },
    #[error("the file could not be read as CSV: {0}")]
    Unreadable(String),
}
