//! Reading a release-records file: BOM, delimiter, header and its columns, every row with its
//! errors, and the same A-Number on two rows.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::columns::{column_order, header_key, RELEASE_COLUMNS, REQUIRED_COLUMNS};
use super::lines::LineCounter;
use super::row::row_to_record;
use super::{CsvFileError, ReleaseFile, ReleaseRow, RowError};
use crate::casework::text::shown;
use crate::casework::{Phone, PhoneError};

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

    let mut lines = LineCounter::new(bytes);
    let mut rows = Vec::new();
    let mut a_numbers_seen: HashMap<u32, u64> = HashMap::new();
    // Parsed phones by cell text: sponsors with several children repeat their numbers, and
    // parsing is deterministic, so each distinct spelling is parsed once per file.
    let mut phones: HashMap<String, Result<Phone, PhoneError>> = HashMap::new();
    let mut parse_phone = |raw: &str| -> Result<Phone, PhoneError> {
        if let Some(known) = phones.get(raw) {
            return known.clone();
        }
        let parsed = Phone::parse(raw);
        phones.insert(raw.to_owned(), parsed.clone());
        parsed
    };
    for item in records {
        let record = match item {
            Ok(r) => r,
            Err(e) => {
                // With byte records and flexible rows the reader has no row-level errors
                // left but I/O, which a byte slice cannot raise; keep the row anyway.
                let line = e.position().map_or(0, |p| lines.line_of(p.byte()));
                rows.push(ReleaseRow {
                    line,
                    raw: Vec::new(),
                    result: Err(vec![RowError {
                        line,
                        column: String::new(),
                        reason: format!("the row could not be read as CSV: {e}"),
                        code: "row_unreadable".to_owned(),
                        params: BTreeMap::new(),
                    }]),
                });
                if e.position().is_none() {
                    break;
                }
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.line_of(p.byte()));
        let raw: Vec<String> = record
            .iter()
            // A file Tether wrote quotes formula-like cells (`'+502…`): read their values.
            .map(|c| super::cells::restore(&String::from_utf8_lossy(c)).to_owned())
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
            if record
                .get(i)
                .is_some_and(|c| std::str::from_utf8(c).is_err())
            {
                bad_utf8.push(name);
                let value = shown(raw.get(i).map_or("", String::as_str));
                errors.push(RowError {
                    line,
                    column: name.to_owned(),
                    reason: format!(
                        "{name} is not valid UTF-8 text ({value:?}); the file may be saved as \
                         Windows-1252 or Latin-1: save it as \"CSV UTF-8\""
                    ),
                    code: "not_utf8".to_owned(),
                    params: BTreeMap::from([("value".to_owned(), value)]),
                });
            }
        }
        let mut field_errors = Vec::new();
        let result = row_to_record(&cell, line, today, &mut parse_phone, &mut field_errors);
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
                    code: "a_number_duplicate".to_owned(),
                    params: BTreeMap::from([
                        ("value".to_owned(), a.to_string()),
                        ("line".to_owned(), first.to_string()),
                    ]),
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
