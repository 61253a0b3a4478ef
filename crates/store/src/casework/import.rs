//! Importing release records from a CSV file: all or nothing by default, or the valid rows
//! with the rejected ones written beside the input. Re-importing a file creates no duplicates.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;
use tether_core::casework::release_csv::{
    parse_release_records, sponsor_key, ReleaseFile, RowError,
};
use tether_core::followup::{CaseFacts, HearingFact};

use super::children::{existing_child, insert_child, next_case_seq, NewChild};
use super::reimport::{self, FieldChange, HeldBackRow, MatchedCase};
use super::search::{self, SearchRow};
use super::sponsors::{insert_sponsor, sponsor_by_import_key, sponsor_like};
use crate::error::{Result, StoreError};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub rows: usize,
    pub imported_rows: usize,
    pub rejected_rows: usize,
    pub children_created: usize,
    pub children_already_present: usize,
    pub sponsors_created: usize,
    /// Rows that matched a case and say nothing new about it.
    pub children_unchanged: usize,
    /// Rows that matched a case and differ from it, not applied (without `--update`).
    pub children_changed: usize,
    /// Rows whose differences were applied (`--update`).
    pub children_updated: usize,
    /// Rows not imported because they look like a case already in the vault.
    pub children_held_back: usize,
    /// Every matched case the row would change (or changed), field by field.
    pub changes: Vec<MatchedCase>,
    /// Every held-back row, naming the case it looks like.
    pub held_back: Vec<HeldBackRow>,
    /// Where the rejected rows were written (`--skip-invalid` from a file only).
    pub rejected_file: Option<PathBuf>,
    /// Every problem in the rejected rows.
    pub errors: Vec<ImportRowError>,
    /// First and last id of the children created, for the audit entry.
    #[serde(skip)]
    pub(crate) created_ids: Option<(i64, i64)>,
    /// The cases `--update` changed, for their history and audit entries.
    #[serde(skip)]
    pub(crate) updated: Vec<(i64, Vec<FieldChange>)>,
}

/// How an import treats rows for cases already in the vault, and whose cases it creates.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ImportOptions {
    /// Apply what differs (else it is only reported).
    pub update: bool,
    /// The importing user: author and assigned case manager of the new cases.
    pub created_by: Option<i64>,
}

/// One rejected row, as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportRowError {
    pub line: u64,
    pub column: String,
    /// English; the CLI prints it and the rejected-rows file keeps it.
    pub reason: String,
    /// The row error's code (one of `FIELD_ERROR_CODES`), for the UI to translate.
    pub code: String,
    pub params: BTreeMap<String, String>,
    /// The child the row is about, as the row names them (given and family name; empty when
    /// the row names nobody), so a rejected row can be found without counting lines.
    pub child_name: String,
}

impl From<&RowError> for ImportRowError {
    fn from(e: &RowError) -> Self {
        ImportRowError {
            line: e.line,
            column: e.column.clone(),
            reason: e.reason.clone(),
            code: e.code.clone(),
            params: e.params.clone(),
            child_name: String::new(),
        }
    }
}

/// "José Ramírez" from a row's `child_given_name` and `child_family_name` cells.
fn child_name(headers: &[String], raw: &[String]) -> String {
    let cell = |column: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(column))
            .and_then(|i| raw.get(i))
            .map(|v| v.trim())
            .unwrap_or_default()
    };
    [cell("child_given_name"), cell("child_family_name")]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn parse(path: &Path, bytes: &[u8], today: chrono::NaiveDate) -> Result<ReleaseFile> {
    parse_release_records(bytes, today)
        .map_err(|e| StoreError::invalid("file", format!("{}: {e}", path.display())))
}

pub(crate) fn row_errors(file: &ReleaseFile) -> Vec<ImportRowError> {
    file.rows
        .iter()
        .filter_map(|r| r.result.as_ref().err().map(|errs| (r, errs)))
        .flat_map(|(row, errs)| {
            let name = child_name(&file.headers, &row.raw);
            errs.iter().map(move |e| ImportRowError {
                child_name: name.clone(),
                ..ImportRowError::from(e)
            })
        })
        .collect()
}

/// `input.csv` → `input.rejected.csv`, with the original columns plus `line` and `reason`.
/// An earlier rejected file (perhaps already being corrected by hand) is never replaced: the
/// next free name is used instead (`input.rejected-2.csv`, …).
pub(crate) fn write_rejected(input: &Path, file: &ReleaseFile) -> Result<Option<PathBuf>> {
    if file.rejected().count() == 0 {
        return Ok(None);
    }
    let stem = input.file_stem().unwrap_or_default().to_string_lossy();
    let (out, created) = new_rejected_file(input, &stem)?;
    write_rejected_rows(&out, created, file)?;
    Ok(Some(out))
}

/// Writes the rejected rows to `chosen` (a path picked in a Save dialog), or, when a file is
/// already there, beside it as `name (2).csv`, the first free number: never over a file.
/// Returns the path written and how many rows it holds.
pub(crate) fn write_rejected_at(chosen: &Path, file: &ReleaseFile) -> Result<(PathBuf, usize)> {
    let stem = chosen.file_stem().unwrap_or_default().to_string_lossy();
    let ext = chosen
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    for n in 1..=99u32 {
        let out = if n == 1 {
            chosen.to_path_buf()
        } else {
            chosen.with_file_name(format!("{stem} ({n}){ext}"))
        };
        // 0600: rejected rows are release records (A-Numbers, addresses).
        match crate::files::create_new_private(&out) {
            Ok(created) => {
                write_rejected_rows(&out, created, file)?;
                return Ok((out, file.rejected().count()));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(StoreError::io(format!("create {}", out.display()))(e)),
        }
    }
    Err(StoreError::invalid(
        "out",
        format!(
            "{} and 98 numbered copies beside it already exist; choose another name",
            chosen.display()
        ),
    ))
}

/// The rejected rows with the original columns plus `line` and `reason`, every cell
/// neutralised against formulas (`csv_out`), into `created` (already open, 0600).
fn write_rejected_rows(out: &Path, created: std::fs::File, file: &ReleaseFile) -> Result<()> {
    let rejected: Vec<_> = file.rows.iter().filter(|r| r.result.is_err()).collect();
    let write = || -> std::result::Result<(), csv::Error> {
        let mut w = csv::Writer::from_writer(created);
        let mut header = file.headers.clone();
        header.push("line".into());
        header.push("reason".into());
        super::csv_out::write_row(&mut w, &header)?;
        for row in &rejected {
            let mut record = row.raw.clone();
            record.resize(file.headers.len(), String::new());
            record.push(row.line.to_string());
            let reason = row
                .result
                .as_ref()
                .err()
                .map(|errs| {
                    errs.iter()
                        .map(|e| format!("{}: {}", e.column, e.reason))
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default();
            record.push(reason);
            super::csv_out::write_row(&mut w, &record)?;
        }
        w.flush()?;
        Ok(())
    };
    write().map_err(|e| StoreError::Io {
        context: format!("write {}", out.display()),
        source: std::io::Error::other(e.to_string()),
    })
}

/// Creates the first free `STEM.rejected[-N].csv` next to `input`.
fn new_rejected_file(input: &Path, stem: &str) -> Result<(PathBuf, std::fs::File)> {
    for n in 1..=1000u32 {
        let name = if n == 1 {
            format!("{stem}.rejected.csv")
        } else {
            format!("{stem}.rejected-{n}.csv")
        };
        let out = input.with_file_name(name);
        // 0600: rejected rows are release records (A-Numbers, addresses).
        match crate::files::create_new_private(&out) {
            Ok(f) => return Ok((out, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(StoreError::io(format!("create {}", out.display()))(e)),
        }
    }
    Err(StoreError::invalid(
        "file",
        format!(
            "1000 rejected-row files for {} already exist next to it; move them away",
            input.display()
        ),
    ))
}

/// Inserts every valid record, and compares (and with `update`, corrects) the cases already
/// in the vault; the caller holds the transaction.
pub(crate) fn apply(
    conn: &Connection,
    file: &ReleaseFile,
    case_year: i32,
    options: ImportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportReport> {
    let settings = &crate::settings::schedule(conn)?;
    let today = chrono::Utc::now().date_naive();
    let total = file.rows.len();
    let mut report = ImportReport {
        rows: total,
        ..ImportReport::default()
    };
    let mut sponsors: HashMap<String, i64> = HashMap::new();
    let mut seq = next_case_seq(conn, case_year)?;
    let mut search_rows: Vec<SearchRow> = Vec::new();
    for (done, row) in file.rows.iter().enumerate() {
        if done % 1000 == 0 {
            progress(done, total);
        }
        let Ok(record) = &row.result else {
            report.rejected_rows += 1;
            continue;
        };
        report.imported_rows += 1;
        let name = format!("{} {}", record.child.given_name, record.child.family_name);
        // The case first: a sponsor is only ever created together with a new child.
        let existing = if record.child.a_number.is_some() {
            existing_child(conn, &record.child, None)?
        } else {
            reimport::same_child_without_a_number(conn, record)?
        };
        if let Some(existing) = existing {
            report.children_already_present += 1;
            let (case_number, changes) = reimport::changes(conn, existing, record)?;
            if changes.is_empty() {
                report.children_unchanged += 1;
                continue;
            }
            let applied = if options.update {
                let written = reimport::apply(conn, existing, record, today)?;
                search::index_child(conn, existing)?;
                crate::followup::tasks::reschedule(conn, existing, settings, today)?;
                report.children_updated += 1;
                report.updated.push((existing, written));
                true
            } else {
                report.children_changed += 1;
                false
            };
            report.changes.push(MatchedCase {
                line: row.line,
                child_id: existing,
                case_number,
                child_name: name,
                changes,
                applied,
            });
            continue;
        }
        if let Some((existing, case_number)) = reimport::likely_duplicate(conn, record)? {
            report.children_held_back += 1;
            report.held_back.push(HeldBackRow {
                line: row.line,
                message: format!(
                    "{name} has the same name, date of birth and sponsor as {case_number} but another A-Number: check for a typo; not imported"
                ),
                child_name: name,
                reason: "same_name_birth_date_and_sponsor".into(),
                existing_child_id: existing,
                existing_case_number: case_number,
            });
            continue;
        }
        let key = sponsor_key(&record.sponsor);
        let sponsor_id = match sponsors.get(&key) {
            Some(id) => *id,
            None => {
                let id = match sponsor_by_import_key(conn, &key)? {
                    Some(id) => id,
                    None => match sponsor_like(conn, &record.sponsor)? {
                        Some(id) => id,
                        None => {
                            report.sponsors_created += 1;
                            insert_sponsor(conn, &record.sponsor, Some(&key))?
                        }
                    },
                };
                sponsors.insert(key, id);
                id
            }
        };
        let (id, case_number, hearing_id) = insert_child(
            conn,
            &NewChild {
                child: &record.child,
                sponsor: Some(&record.sponsor),
                proceedings: &record.proceedings,
                sponsor_id: Some(sponsor_id),
                sponsor_category: record.sponsor.category,
                created_by: options.created_by,
                case_year,
                case_seq: seq,
                index_for_search: false,
            },
        )?;
        let (names, numbers, a_numbers) =
            search::new_child_terms(&record.child, Some(&record.sponsor), &case_number);
        search_rows.push((id, names, numbers, a_numbers));
        seq += 1;
        let facts = CaseFacts {
            child_id: id,
            release_date: record.child.release_date,
            nta_status: record.proceedings.nta_status,
            hearings: hearing_id
                .zip(record.proceedings.next_hearing)
                .map(|(hid, at)| HearingFact {
                    id: hid,
                    date: at.date(),
                    outcome: None,
                })
                .into_iter()
                .collect(),
            last_acis_check: None,
            address_changes: Vec::new(),
            calls: Vec::new(),
            birth_date: record.child.birth_date,
            open: true,
            no_working_phone_since: None,
        };
        crate::followup::tasks::schedule_new(conn, &facts, settings, today)?;
        report.children_created += 1;
        report.created_ids = Some(match report.created_ids {
            Some((first, _)) => (first, id),
            None => (id, id),
        });
    }
    // Last, with nothing in between: see `search::insert_rows`.
    search::insert_rows(conn, &search_rows)?;
    progress(total, total);
    Ok(report)
}
