//! Bulk work: importing release records (from a file, from bytes, or synthetic demo cases) and
//! the CSV export.

use std::path::{Path, PathBuf};

use chrono::Datelike;
use tether_core::casework::release_csv::{ReleaseFile, ReleaseRow};
use tether_core::{AuditAction, Permission};

use super::Changed;
use crate::audit_log::Target;
use crate::casework::export;
use crate::casework::import::{self, ImportReport};
use crate::error::{Result, StoreError};
use crate::session::Session;

impl Session {
    /// Imports release records. Without `skip_invalid`, one bad row stops everything and every
    /// bad row is reported; with it, the valid rows go in (one transaction) and the rejected
    /// ones are written next to the input.
    pub fn import_release_records(
        &mut self,
        path: &Path,
        skip_invalid: bool,
        update: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        self.authorize_import()?;
        let bytes =
            std::fs::read(path).map_err(StoreError::io(format!("read {}", path.display())))?;
        let file = import::parse(path, &bytes, self.today())?;
        let errors = import::row_errors(&file);
        let mut rejected_file: Option<PathBuf> = None;
        if !errors.is_empty() {
            if !skip_invalid {
                return Err(StoreError::ImportRejected {
                    file: path.to_owned(),
                    rows: file.rejected().count(),
                    errors,
                });
            }
            rejected_file = import::write_rejected(path, &file)?;
        }
        match self.apply_import(&file, update, progress) {
            Ok(report) => Ok(ImportReport {
                rejected_file,
                errors,
                ..report
            }),
            Err(e) => {
                if let Some(f) = rejected_file {
                    let _ = std::fs::remove_file(f);
                }
                Err(e)
            }
        }
    }

    /// Imports release records read elsewhere (the desktop app reads the file in the window).
    /// Nothing is written beside any file; rejected rows come back in the report.
    pub fn import_release_bytes(
        &mut self,
        name: &str,
        bytes: &[u8],
        skip_invalid: bool,
        update: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        self.authorize_import()?;
        let file = import::parse(Path::new(name), bytes, self.today())?;
        let errors = import::row_errors(&file);
        if !errors.is_empty() && !skip_invalid {
            return Err(StoreError::ImportRejected {
                file: name.into(),
                rows: file.rejected().count(),
                errors,
            });
        }
        let report = self.apply_import(&file, update, progress)?;
        Ok(ImportReport { errors, ..report })
    }

    /// Writes the rows of a release file (read elsewhere, as in the window) that would be
    /// rejected to `out`, a path the user chose: the original columns plus `line` and `reason`,
    /// owner-only, every cell neutralised against formulas, never over an existing file
    /// (`name (2).csv` beside it instead). Only who may import may do it; audited as an export
    /// of that many records. Returns the path written and the number of rows.
    pub fn save_rejected_rows(
        &mut self,
        name: &str,
        bytes: &[u8],
        out: &Path,
    ) -> Result<(PathBuf, usize)> {
        self.authorize_import()?;
        let file = import::parse(Path::new(name), bytes, self.today())?;
        if file.rejected().count() == 0 {
            return Err(StoreError::invalid(
                "file",
                format!("{name} has no rejected rows to save"),
            ));
        }
        self.audited_bulk_read(AuditAction::RecordsExported, "rejected_rows", |_| {
            let (path, rows) = import::write_rejected_at(out, &file)?;
            Ok((String::new(), (path, rows), rows))
        })
    }

    /// Fills the vault with `children` synthetic, clearly fake cases (for trying and benchmarks).
    pub fn import_demo(
        &mut self,
        children: usize,
        seed: u64,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        self.authorize_import()?;
        let rows = tether_core::casework::demo::demo_records(children, seed, self.today())
            .into_iter()
            .zip(2u64..)
            .map(|(record, line)| ReleaseRow {
                line,
                raw: Vec::new(),
                result: Ok(record),
            })
            .collect();
        self.apply_import(
            &ReleaseFile {
                headers: Vec::new(),
                rows,
            },
            false,
            progress,
        )
    }

    fn authorize_import(&mut self) -> Result<()> {
        self.authorize(
            Permission::ImportRecords,
            AuditAction::RecordsImported,
            Target::new("import", ""),
        )
    }

    /// The valid rows in one transaction; the import schedules each new child's tasks itself
    /// (from the facts in hand), so nothing is re-run after it. A row for a case already in
    /// the vault is compared with it; with `update` its differences are written, each case
    /// audited and its history told field by field.
    fn apply_import(
        &mut self,
        file: &ReleaseFile,
        update: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        let year = self.today().year();
        self.change_case(|tx, me| {
            let options = import::ImportOptions {
                update,
                created_by: Some(me.id),
            };
            let mut report = import::apply(tx, file, year, options, progress)?;
            let updated = std::mem::take(&mut report.updated);
            let range = report
                .created_ids
                .map(|(a, b)| format!("{a}-{b}"))
                .unwrap_or_default();
            let created: Vec<i64> = report
                .created_ids
                .map(|(a, b)| (a..=b).collect())
                .unwrap_or_default();
            let detail = serde_json::json!({ "rows_imported": report.imported_rows });
            let mut changed = Changed::new(report, AuditAction::RecordsImported, "children", range)
                .and_history_of(created, "child_imported", &detail);
            for (child, changes) in updated {
                changed = changed
                    .and_audit(AuditAction::ChildUpdated, "child", child)
                    .and_history(
                        child,
                        "import_updated",
                        serde_json::json!({ "changes": changes }),
                    );
            }
            Ok(changed)
        })
    }

    /// Writes a CSV export. Redacted unless `full_reason` is given; a full export needs the
    /// right role and a stated reason, which is kept with the audit entry.
    pub fn export_csv(&mut self, out: &Path, full_reason: Option<&str>) -> Result<usize> {
        let (permission, full) = match full_reason {
            Some(_) => (Permission::ExportFull, true),
            None => (Permission::ExportRedacted, false),
        };
        self.authorize(
            permission,
            AuditAction::RecordsExported,
            Target::new("export", ""),
        )?;
        let reason = full_reason.map(str::trim).unwrap_or("");
        if full && reason.chars().count() < 5 {
            return Err(StoreError::invalid(
                "reason",
                "say why a full export is needed (at least 5 characters)",
            ));
        }
        self.change_case(|tx, _| {
            let count = export::write(tx, out, full)?;
            let export_id = export::record(tx, full, reason, count)?;
            let kind = if full {
                "export_full"
            } else {
                "export_redacted"
            };
            Ok(Changed::new(
                count,
                AuditAction::RecordsExported,
                kind,
                export_id,
            ))
        })
    }
}
