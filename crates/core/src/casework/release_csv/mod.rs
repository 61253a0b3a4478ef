//! Import of release records from a CSV file (one row per child released to a sponsor).
//!
//! Pure: takes the file's bytes, returns every row with its record or its errors, each
//! naming the physical line and the CSV column. A bad row never stops the others; only a
//! file that cannot be read as a table at all (empty, no header, missing required columns)
//! is a file-level error.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::input::{ChildInput, ProceedingsInput, SponsorInput};
use super::matching::{name_key, street_key};
use super::text::shown;
use super::{ChildDraft, FieldError, Phone, PhoneError, ProceedingsDraft, SponsorDraft};

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

/// Physical line numbers for record starts.
///
/// `csv::Position::line()` is not used: in csv 1.3 it does not count blank lines and counts
/// CRLF line ends wrongly (`"h\r\na\r\n\r\nb"` gives lines 1, 1, 2). Its byte offset
/// is the end of the previous record's first terminator byte, so the true start is past any
/// further `\r`/`\n`; lines are counted from the bytes, once, front to back.
struct LineCounter<'a> {
    bytes: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record the reader placed at byte `offset`.
    fn line_of(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.at {
            return self.line;
        }
        let span = self.bytes.get(self.at..start).unwrap_or_default();
        for (i, &b) in span.iter().enumerate() {
            let crlf_first_half = b == b'\r' && span.get(i + 1).copied() == Some(b'\n');
            let at_end_cr =
                b == b'\r' && i + 1 == span.len() && self.bytes.get(start) == Some(&b'\n');
            if b == b'\n' || (b == b'\r' && !crlf_first_half && !at_end_cr) {
                self.line += 1;
            }
        }
        self.at = start;
        self.line
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
    parse_phone: &mut dyn FnMut(&str) -> Result<Phone, PhoneError>,
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
        errors.extend(errs.into_iter().map(|e| {
            let column = column_of(&e.field);
            // "given_name is required" → "sponsor_given_name is required".
            let reason = match e.message.strip_prefix(e.field.as_str()) {
                Some(rest) if rest.starts_with(' ') => format!("{column}{rest}"),
                _ => e.message,
            };
            RowError {
                line,
                column: column.to_owned(),
                reason,
                code: e.code,
                params: e.params,
            }
        }));
    };
    let sponsor = sponsor
        .validate_with(parse_phone)
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
    }

    const HEADER: &str = "child_given_name,child_family_name,child_dob,a_number,country_of_birth,primary_language,interpreter_needed,release_date,orr_program,sponsor_given_name,sponsor_family_name,sponsor_relationship,sponsor_category,sponsor_phone,sponsor_address_line1,sponsor_address_line2,sponsor_city,sponsor_state,sponsor_postal_code,nta_status,nta_served_date,court_code,next_hearing";
    const ROW_JOSE: &str = "José,Ramírez,2011-04-02,A201234567,GT,K'iche',sí,2026-10-01,Demo Shelter,Rosa,Ramírez López,tía,2B,(404) 555-0142 / +502 2345 6789,1234 Peachtree St,Apt 5C,Atlanta,GA,30309,served,2026-10-20,ATL,2027-02-03 08:30";
    const ROW_ANA: &str = "Ana,Xol,~2012,12345678,Guatemala,Q'eqchi',no,2026-09-15,,Rosa,Ramírez López,prima,2B,404-555-0142,,,,,,,,,";

    fn parse(text: &str) -> ReleaseFile {
        parse_release_records(text.as_bytes(), today()).expect("file reads")
    }

    fn only_error(row: &ReleaseRow) -> &RowError {
        let errors = row.result.as_ref().expect_err("row should be rejected");
        assert_eq!(errors.len(), 1, "{errors:?}");
        &errors[0]
    }

    #[test]
    fn reads_a_plain_file() {
        let f = parse(&format!("{HEADER}\n{ROW_JOSE}\n{ROW_ANA}\n"));
        assert_eq!(f.headers.len(), 23);
        assert_eq!(f.rows.len(), 2);
        assert_eq!(f.rows[0].line, 2);
        assert_eq!(f.rows[1].line, 3);
        assert_eq!(f.rows[0].raw.len(), 23);
        let jose = f.rows[0].result.as_ref().expect("row 2 valid");
        assert_eq!(jose.child.given_name, "José");
        assert_eq!(jose.child.primary_language.map(|l| l.code()), Some("quc"));
        assert_eq!(jose.child.relationship.as_deref(), Some("tía"));
        let phones: Vec<&str> = jose
            .sponsor
            .phones
            .iter()
            .map(crate::casework::Phone::e164)
            .collect();
        assert_eq!(phones, vec!["+14045550142", "+50223456789"]);
        assert_eq!(jose.sponsor.time_zone, "America/New_York");
        assert_eq!(jose.proceedings.court_code.as_deref(), Some("ATL"));
        assert!(jose.proceedings.next_hearing.is_some());
        let ana = f.rows[1].result.as_ref().expect("row 3 valid");
        assert_eq!(
            ana.sponsor.address_incomplete.as_deref(),
            Some("no address")
        );
        assert_eq!(sponsor_key(&jose.sponsor), sponsor_key(&ana.sponsor));
        assert_eq!(f.accepted().count(), 2);
        assert_eq!(f.rejected().count(), 0);
    }

    #[test]
    fn eight_digit_a_number_gets_a_leading_zero() {
        let f = parse(&format!("{HEADER}\n{ROW_ANA}\n"));
        let ana = f.rows[0].result.as_ref().expect("valid");
        assert_eq!(
            ana.child.a_number.map(|a| a.normalized()).as_deref(),
            Some("A012345678")
        );
    }

    #[test]
    fn bom_semicolons_and_header_case() {
        let text = format!(
            "\u{FEFF}{}\n{}\n",
            HEADER.to_uppercase().replace(',', ";"),
            ROW_ANA.replace(',', ";")
        );
        let f = parse(&text);
        assert_eq!(f.headers[0], "CHILD_GIVEN_NAME");
        assert_eq!(f.rows.len(), 1);
        assert!(f.rows[0].result.is_ok(), "{:?}", f.rows[0].result);
        // Spaces in header names read as underscores; column order does not matter.
        let f = parse("Sponsor Family Name,Sponsor Given Name,Child Family Name,Child Given Name\nRamírez,Rosa,Xol,Ana\n");
        let rec = f.rows[0].result.as_ref().expect("valid");
        assert_eq!(rec.child.given_name, "Ana");
        assert_eq!(rec.sponsor.family_name, "Ramírez");
    }

    #[test]
    fn quoted_newlines_keep_line_numbers_right() {
        let text = format!(
            "{HEADER}\n\"José\nLuis\",Ramírez,,,,,,,\"Demo\n\nShelter\",Rosa,Ramírez\n{}\nKevin,Cruz,,A1234567,,,,,,Rosa,Ramírez\n",
            ROW_ANA
        );
        let f = parse(&text);
        assert_eq!(f.rows.len(), 3);
        // Row 1 spans lines 2–5 (a line break in the name, two in the program).
        assert_eq!(f.rows[0].line, 2);
        let errors = f.rows[0]
            .result
            .as_ref()
            .expect_err("line breaks in one-line fields");
        let cols: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert_eq!(cols, vec![(2, "child_given_name"), (2, "orr_program")]);
        assert!(errors[0].reason.contains("control"), "{errors:?}");
        assert_eq!(f.rows[1].line, 6);
        assert!(f.rows[1].result.is_ok());
        assert_eq!(f.rows[2].line, 7);
        let e = only_error(&f.rows[2]);
        assert_eq!((e.line, e.column.as_str()), (7, "a_number"));
        assert!(e.reason.contains("A1234567"));
    }

    #[test]
    fn a_huge_cell_is_a_row_error_on_its_line_and_column() {
        let huge = "x".repeat(10_001);
        let text = format!("{HEADER}\n{ROW_ANA}\nAna,Xol,,,,,,,{huge},Rosa,Ramírez\n{ROW_JOSE}\n");
        let f = parse(&text);
        assert_eq!(f.rows.len(), 3);
        let e = only_error(&f.rows[1]);
        assert_eq!((e.line, e.column.as_str()), (3, "orr_program"));
        assert!(e.reason.contains("10001"), "{e:?}");
        assert!(f.rows[2].result.is_ok());
        // In a name column too.
        let f = parse(&format!("{HEADER}\n{huge},Xol,,,,,,,,Rosa,Ramírez\n"));
        let e = only_error(&f.rows[0]);
        assert_eq!((e.line, e.column.as_str()), (2, "child_given_name"));
    }

    #[test]
    fn crlf_blank_lines_and_lone_cr_count_right() {
        let crlf = format!("{HEADER}\r\n{ROW_ANA}\r\n\r\n\r\n{ROW_JOSE}\r\nKevin,Cruz,,A1\r\n");
        let f = parse(&crlf);
        let lines: Vec<u64> = f.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 5, 6]);
        let errors = f.rows[2].result.as_ref().expect_err("bad row");
        assert!(errors.iter().all(|e| e.line == 6));
        assert!(errors
            .iter()
            .any(|e| e.reason == "sponsor_given_name is required"));
        let quoted = format!("{HEADER}\r\n\"Ana\r\nMaría\",Xol\r\n{ROW_ANA}\r\n");
        let lines: Vec<u64> = parse(&quoted).rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4]);
        let old_mac = format!("{HEADER}\r{ROW_ANA}\r\r{ROW_JOSE}\r");
        let lines: Vec<u64> = parse(&old_mac).rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4]);
    }

    #[test]
    fn emoji_names_accepted() {
        let f = parse("child_given_name,child_family_name,sponsor_given_name,sponsor_family_name\nAna 🦋,Xol,Rosa 🌻,Ramírez\n");
        let rec = f.rows[0].result.as_ref().expect("valid");
        assert_eq!(rec.child.given_name, "Ana 🦋");
        assert_eq!(rec.sponsor.given_name, "Rosa 🌻");
    }

    #[test]
    fn missing_required_columns_is_a_file_error() {
        let e = parse_release_records(
            "child_given_name,sponsor_given_name,a_number\nAna,Rosa,A123456789\n".as_bytes(),
            today(),
        )
        .expect_err("missing columns");
        assert_eq!(
            e,
            CsvFileError::MissingColumns {
                missing: vec!["child_family_name".into(), "sponsor_family_name".into()]
            }
        );
        assert!(e
            .to_string()
            .contains("child_family_name, sponsor_family_name"));
    }

    #[test]
    fn other_file_errors() {
        assert_eq!(
            parse_release_records(b"", today()),
            Err(CsvFileError::Empty)
        );
        assert_eq!(
            parse_release_records(b"\xEF\xBB\xBF \n", today()),
            Err(CsvFileError::Empty)
        );
        assert_eq!(
            parse_release_records(b"child_given_name,\xFFx\n", today()),
            Err(CsvFileError::HeaderNotUtf8)
        );
        let dup = parse_release_records(
            b"child_given_name,child_family_name,sponsor_given_name,sponsor_family_name,A_Number,a_number\n",
            today(),
        );
        assert!(
            matches!(
                dup,
                Err(CsvFileError::DuplicateColumn {
                    first: 5,
                    second: 6,
                    ..
                })
            ),
            "{dup:?}"
        );
        // A header alone is a file with no rows.
        assert_eq!(parse(&format!("{HEADER}\n")).rows.len(), 0);
    }

    #[test]
    fn invalid_utf8_is_a_row_error() {
        let mut bytes = format!("{HEADER}\n").into_bytes();
        // "Ramírez" in Windows-1252: í is 0xED.
        bytes.extend_from_slice(b"Jos\xE9,Ram\xEDrez,,,,,,,,Rosa,Xol\n");
        bytes.extend_from_slice(format!("{ROW_ANA}\n").as_bytes());
        let f = parse_release_records(&bytes, today()).expect("file reads");
        assert_eq!(f.rows.len(), 2);
        let errors = f.rows[0].result.as_ref().expect_err("bad row");
        let cols: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(cols, vec!["child_given_name", "child_family_name"]);
        assert!(errors
            .iter()
            .all(|e| e.line == 2 && e.reason.contains("UTF-8")));
        assert_eq!(f.rows[0].raw[1], "Ram\u{FFFD}rez");
        assert!(f.rows[1].result.is_ok());
    }

    #[test]
    fn short_rows_read_as_blank_cells_and_blank_rows_are_skipped() {
        let f = parse(&format!("{HEADER}\nAna,Xol\n,,,,\n\n{ROW_ANA}\n"));
        assert_eq!(f.rows.len(), 2);
        let errors = f.rows[0].result.as_ref().expect_err("no sponsor");
        let cols: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(cols, vec!["sponsor_given_name", "sponsor_family_name"]);
        assert_eq!(f.rows[1].line, 5);
    }

    #[test]
    fn every_error_of_a_row_maps_to_its_column() {
        let row = "Ana,Xol,2030-01-01,A12,Narnia,Klingon,maybe,2027-01-01,,Rosa,Ramírez,,9,555,1 Main St,,Atlanta,Georgiaa,3030,pending,2026-01-01,XXX,soon";
        let f = parse(&format!("{HEADER}\n{row}\n"));
        let errors = f.rows[0].result.as_ref().expect_err("bad");
        let cols: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(
            cols,
            vec![
                "child_dob",
                "a_number",
                "country_of_birth",
                "primary_language",
                "interpreter_needed",
                "release_date",
                "sponsor_category",
                "sponsor_phone",
                "sponsor_state",
                "sponsor_postal_code",
                "nta_status",
                "court_code",
                "next_hearing",
            ]
        );
        assert!(errors.iter().all(|e| e.line == 2));
    }

    #[test]
    fn the_same_a_number_twice_is_an_error_on_the_later_row() {
        let f = parse(&format!(
            "{HEADER}\n{ROW_ANA}\n{ROW_JOSE}\n{}\n",
            ROW_ANA.replace("Ana", "Anita")
        ));
        assert!(f.rows[0].result.is_ok());
        assert!(f.rows[1].result.is_ok());
        let e = only_error(&f.rows[2]);
        assert_eq!((e.line, e.column.as_str()), (4, "a_number"));
        assert!(e.reason.contains("line 2"), "{e:?}");
    }

    #[test]
    fn sponsor_key_merges_spellings_of_one_sponsor() {
        let rows = [
            "Ana,Xol,,,,,,,,Rosa,Ramírez,,,404-555-0142,,,,,",
            "Luis,Xol,,,,,,,,ROSA,RAMIREZ,,,+1 (404) 555 0142,,,,,",
            "Eva,Xol,,,,,,,,Rosa,Ramírez,,,,12 Main Street,Apt 3,Atlanta,GA,30309",
            "Eli,Xol,,,,,,,,rosa,ramírez,,,,12 MAIN ST,,Atlanta,GA,30309-1234",
            "Ivy,Xol,,,,,,,,Rosa,Ramírez,,,404-555-0143,,,,,",
            "Zoe,Xol,,,,,,,,Rosa,Ramírez,,,,,,,,",
        ];
        let f = parse(&format!("{HEADER}\n{}\n", rows.join("\n")));
        let keys: Vec<String> = f
            .rows
            .iter()
            .map(|r| sponsor_key(&r.result.as_ref().expect("valid").sponsor))
            .collect();
        assert_eq!(keys[0], "rosa ramirez|tel:+14045550142");
        assert_eq!(keys[0], keys[1]);
        assert_eq!(keys[2], "rosa ramirez|addr:12 main st 30309");
        assert_eq!(keys[2], keys[3]);
        assert_ne!(keys[0], keys[4]);
        assert_eq!(keys[5], "rosa ramirez");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn never_panics_on_arbitrary_bytes(body in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = parse_release_records(&body, today());
            let mut with_header = format!("{HEADER}\n").into_bytes();
            with_header.extend_from_slice(&body);
            let f = parse_release_records(&with_header, today());
            prop_assert!(f.is_ok());
        }

        #[test]
        fn never_panics_on_arbitrary_text_rows(cells in proptest::collection::vec("\\PC{0,12}|[,;\"\n]", 0..30)) {
            let text = format!("{HEADER}\n{}\n", cells.join(","));
            let f = parse_release_records(text.as_bytes(), today());
            prop_assert!(f.is_ok());
            for row in f.map(|f| f.rows).unwrap_or_default() {
                prop_assert!(row.line >= 2);
                if let Err(errors) = row.result {
                    prop_assert!(errors.iter().all(|e| e.line == row.line && !e.column.is_empty()));
                }
            }
        }
    }
}
