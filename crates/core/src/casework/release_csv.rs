//! Import of release records from a CSV file (one row per child released to a sponsor).
//!
//! Pure: takes the file's bytes, returns every row with its record or its errors, each
//! naming the physical line and the CSV column. A bad row never stops the others; only a
//! file that cannot be read as a table at all (empty, no header, missing required columns)
//! is a file-level error.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::input::{ChildInput, ProceedingsInput, SponsorInput};
use super::matching::{name_key, street_key};
use super::text::shown;
use super::{ChildDraft, FieldError, ProceedingsDraft, SponsorDraft};

/// Every column the import reads, in the order an export writes them.
pub const RELEASE_COLUMNS: [&str; 23] = [
    "child_given_name",
    "child_family_name",
    "child_dob",
    "a_number",
    "country_of_birth",
    "primary_language",
    "interpreter_needed",
    "release_date",
    "orr_program",
    "sponsor_given_name",
    "sponsor_family_name",
    "sponsor_relationship",
    "sponsor_category",
    "sponsor_phone",
    "sponsor_address_line1",
    "sponsor_address_line2",
    "sponsor_city",
    "sponsor_state",
    "sponsor_postal_code",
    "nta_status",
    "nta_served_date",
    "court_code",
    "next_hearing",
];

/// Columns a file must have (their cells may still be blank on a row: that is a row error).
pub const REQUIRED_COLUMNS: [&str; 4] = [
    "child_given_name",
    "child_family_name",
    "sponsor_given_name",
    "sponsor_family_name",
];

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
    pub reason: String,
}

/// One data row of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseRow {
    /// 1-based physical line where the record starts (the header is line 1; a quoted line
    /// break inside an earlier record pushes later records down).
    pub line: u64,
    /// The record's cells as read (invalid UTF-8 replaced by U+FFFD), in file column order,
    /// for writing rejected rows back out.
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

/// Header name in comparable form: trimmed, lower case, spaces and hyphens as `_`.
fn header_key(raw: &str) -> String {
    raw.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// `;` when the header line has more semicolons than commas outside quotes, else `,`.
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut in_quotes) = (0usize, 0usize, false);
    for &b in bytes {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            b',' if !in_quotes => commas += 1,
            b';' if !in_quotes => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// Splits a phone cell holding several numbers: `212-555-0142 / +502 2345 6789 | …`.
fn split_phones(cell: &str) -> Vec<String> {
    cell.split(['/', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Reads a release-records CSV: header row with the [`RELEASE_COLUMNS`] in any order (case
/// ignored, unknown columns ignored), `,` or `;` separated (detected from the header),
/// UTF-8 with or without a byte-order mark. Rows that are entirely blank are skipped.
/// Missing cells read as blank. The same A-Number on two rows is an error on the later row.
pub fn parse_release_records(bytes: &[u8], today: NaiveDate) -> Result<ReleaseFile, CsvFileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(CsvFileError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(detect_delimiter(bytes))
        .from_reader(bytes);

    let mut records = reader.byte_records();
    let header_record = match records.next() {
        None => return Err(CsvFileError::Empty),
        Some(Err(e)) => return Err(CsvFileError::Unreadable(e.to_string())),
        Some(Ok(r)) => r,
    };
    let mut headers = Vec::with_capacity(header_record.len());
    for cell in header_record.iter() {
        let text = std::str::from_utf8(cell).map_err(|_| CsvFileError::HeaderNotUtf8)?;
        headers.push(text.trim().to_owned());
    }

    // Column name → index in the file, for the columns Tether reads.
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let key = header_key(h);
        if let Some(&name) = RELEASE_COLUMNS.iter().find(|c| **c == key) {
            if let Some(&first) = index.get(name) {
                return Err(CsvFileError::DuplicateColumn {
                    column: name.to_owned(),
                    first: first + 1,
                    second: i + 1,
                });
            }
            index.insert(name, i);
        }
    }
    let missing: Vec<String> = REQUIRED_COLUMNS
        .iter()
        .filter(|c| !index.contains_key(*c))
        .map(|c| (*c).to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(CsvFileError::MissingColumns { missing });
    }

    let mut rows = Vec::new();
    let mut a_numbers_seen: HashMap<u32, u64> = HashMap::new();
    for item in records {
        let record = match item {
            Ok(r) => r,
            Err(e) => {
                // With byte records and flexible rows the reader has no row-level errors
                // left but I/O, which a byte slice cannot raise; keep the row anyway.
                let line = e.position().map_or(0, csv::Position::line);
                rows.push(ReleaseRow {
                    line,
                    raw: Vec::new(),
                    result: Err(vec![RowError {
                        line,
                        column: String::new(),
                        reason: format!("the row could not be read as CSV: {e}"),
                    }]),
                });
                if e.position().is_none() {
                    break;
                }
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let raw: Vec<String> = record
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        if raw.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut errors = Vec::new();
        let cell = |name: &str| -> String {
            index
                .get(name)
                .and_then(|&i| raw.get(i))
                .cloned()
                .unwrap_or_default()
        };
        let mut bad_utf8: Vec<&str> = Vec::new();
        for (&name, &i) in &index {
            if record.get(i).is_some_and(|c| std::str::from_utf8(c).is_err()) {
                bad_utf8.push(name);
                errors.push(RowError {
                    line,
                    column: name.to_owned(),
                    reason: format!(
                        "{name} is not valid UTF-8 text ({:?}); the file may be saved as \
                         Windows-1252 or Latin-1: save it as \"CSV UTF-8\"",
                        shown(raw.get(i).map_or("", String::as_str))
                    ),
                });
            }
        }
        let mut field_errors = Vec::new();
        let result = row_to_record(&cell, line, today, &mut field_errors);
        // A cell that is not text has been reported once; its garbled reading is not.
        errors.extend(
            field_errors
                .into_iter()
                .filter(|e| !bad_utf8.contains(&e.column.as_str())),
        );
        if let Some(a) = result.as_ref().and_then(|r| r.child.a_number) {
            if let Some(first) = a_numbers_seen.get(&a.value()) {
                errors.push(RowError {
                    line,
                    column: "a_number".to_owned(),
                    reason: format!("A-Number {a} already appears on line {first}"),
                });
            } else if errors.is_empty() {
                a_numbers_seen.insert(a.value(), line);
            }
        }
        errors.sort_by_key(|e| column_order(&e.column));
        let result = match result {
            Some(rec) if errors.is_empty() => Ok(rec),
            _ => Err(errors),
        };
        rows.push(ReleaseRow { line, raw, result });
    }
    Ok(ReleaseFile { headers, rows })
}

fn column_order(column: &str) -> usize {
    RELEASE_COLUMNS
        .iter()
        .position(|c| *c == column)
        .unwrap_or(RELEASE_COLUMNS.len())
}

fn row_to_record(
    cell: &dyn Fn(&str) -> String,
    line: u64,
    today: NaiveDate,
    errors: &mut Vec<RowError>,
) -> Option<ReleaseRecord> {
    let sponsor = SponsorInput {
        given_name: cell("sponsor_given_name"),
        family_name: cell("sponsor_family_name"),
        category: cell("sponsor_category"),
        phones: split_phones(&cell("sponsor_phone")),
        address_line1: cell("sponsor_address_line1"),
        address_line2: cell("sponsor_address_line2"),
        city: cell("sponsor_city"),
        state: cell("sponsor_state"),
        postal_code: cell("sponsor_postal_code"),
        time_zone: None,
    };
    let child = ChildInput {
        given_name: cell("child_given_name"),
        family_name: cell("child_family_name"),
        aliases: Vec::new(),
        birth_date: cell("child_dob"),
        sex: String::new(),
        a_number: cell("a_number"),
        country_of_birth: cell("country_of_birth"),
        primary_language: cell("primary_language"),
        interpreter_needed: cell("interpreter_needed"),
        release_date: cell("release_date"),
        orr_program: cell("orr_program"),
        relationship: cell("sponsor_relationship"),
        notes: String::new(),
    };
    let proceedings = ProceedingsInput {
        nta_status: cell("nta_status"),
        nta_served_on: cell("nta_served_date"),
        court_code: cell("court_code"),
        next_hearing: cell("next_hearing"),
    };
    let mut push = |errs: Vec<FieldError>, column_of: fn(&str) -> &'static str| {
        errors.extend(errs.into_iter().map(|e| RowError {
            line,
            column: column_of(&e.field).to_owned(),
            reason: e.message,
        }));
    };
    let sponsor = sponsor
        .validate()
        .map_err(|e| push(e, sponsor_column))
        .ok();
    let child = child
        .validate(today)
        .map_err(|e| push(e, child_column))
        .ok();
    let proceedings = proceedings
        .validate(today)
        .map_err(|e| push(e, proceedings_column))
        .ok();
    Some(ReleaseRecord {
        sponsor: sponsor?,
        child: child?,
        proceedings: proceedings?,
    })
}

fn sponsor_column(field: &str) -> &'static str {
    match field {
        "given_name" => "sponsor_given_name",
        "family_name" => "sponsor_family_name",
        "category" => "sponsor_category",
        "phones" => "sponsor_phone",
        "address_line1" => "sponsor_address_line1",
        "address_line2" => "sponsor_address_line2",
        "city" => "sponsor_city",
        "postal_code" => "sponsor_postal_code",
        // `state`, and `time_zone` (no column: it follows the state).
        _ => "sponsor_state",
    }
}

fn child_column(field: &str) -> &'static str {
    match field {
        "given_name" => "child_given_name",
        "family_name" => "child_family_name",
        "birth_date" => "child_dob",
        "a_number" => "a_number",
        "country_of_birth" => "country_of_birth",
        "primary_language" => "primary_language",
        "interpreter_needed" => "interpreter_needed",
        "release_date" => "release_date",
        "orr_program" => "orr_program",
        "relationship" => "sponsor_relationship",
        // No column feeds aliases, sex or notes; report on the child's name.
        _ => "child_given_name",
    }
}

fn proceedings_column(field: &str) -> &'static str {
    match field {
        "nta_status" => "nta_status",
        "nta_served_on" => "nta_served_date",
        "court_code" => "court_code",
        _ => "next_hearing",
    }
}

/// The key that merges one sponsor appearing on several rows: folded given + family name,
/// then the first phone's E.164, or (no phone) the normalised street line + 5-digit ZIP,
/// or (neither) the name alone.
pub fn sponsor_key(s: &SponsorDraft) -> String {
    let name = name_key(&s.given_name, &s.family_name);
    if let Some(phone) = s.phones.first() {
        return format!("{name}|tel:{}", phone.e164());
    }
    if let Some(a) = &s.address {
        let zip: String = a.postal_code.chars().take(5).collect();
        return format!("{name}|addr:{} {zip}", street_key(&a.line1));
    }
    name
}
