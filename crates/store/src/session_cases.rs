//! `Session` operations on casework: each checks the role, works in one transaction, and
//! writes its audit entry there. Reads of a full record are audited too.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::{params, OptionalExtension};
use tether_core::casework::input::{ChildInput, ProceedingsInput, SponsorInput};
use tether_core::casework::redaction::Visibility;
use tether_core::casework::release_csv::{ReleaseFile, ReleaseRow};
use tether_core::casework::{Court, FieldError, HearingOutcome, HearingType, NtaStatus};
use tether_core::{AuditAction, AuditOutcome, Permission};

use crate::audit_log::{self, Target};
use crate::casework::import::{self, ImportReport};
use crate::casework::rows::{self, NewChild};
use crate::casework::{
    export, search, ChildSummary, ChildView, CreateOutcome, HearingView, SponsorView,
};
use crate::error::{Result, StoreError};
use crate::session::Session;

impl Session {
    /// What this user may see of a case.
    pub fn visibility(&self) -> Visibility {
        Visibility::for_role(self.user.role)
    }

    /// Today as the vault sees it (UTC date); domain rules take it as a parameter.
    pub fn today(&self) -> NaiveDate {
        chrono::Utc::now().date_naive()
    }

    /// Creates a sponsor, unless likely duplicates exist and `confirm` is false.
    pub fn create_sponsor(&mut self, input: &SponsorInput, confirm: bool) -> Result<CreateOutcome> {
        self.authorize(
            Some(Permission::EditCases),
            AuditAction::SponsorCreated,
            Target::new("sponsor", ""),
        )?;
        let draft = &input.validate().map_err(invalid)?;
        if !confirm {
            let matches = rows::sponsor_duplicates(&self.conn, draft)?;
            if !matches.is_empty() {
                return Ok(CreateOutcome::NeedsConfirmation { matches });
            }
        }
        self.write(
            None,
            AuditAction::SponsorCreated,
            Target::VAULT,
            |tx, me| {
                let id = rows::insert_sponsor(tx, draft, None)?;
                audit_log::record(tx, &me.name, AuditAction::SponsorCreated, "sponsor", id)?;
                Ok(CreateOutcome::Created {
                    id,
                    case_number: None,
                })
            },
        )
    }

    /// Creates a child (with proceedings), unless likely duplicates exist and `confirm` is false.
    pub fn create_child(
        &mut self,
        child: &ChildInput,
        proceedings: &ProceedingsInput,
        sponsor_id: Option<i64>,
        confirm: bool,
    ) -> Result<CreateOutcome> {
        self.authorize(
            Some(Permission::EditCases),
            AuditAction::ChildCreated,
            Target::new("child", ""),
        )?;
        let today = self.today();
        let (child, proceedings) = match (child.validate(today), proceedings.validate(today)) {
            (Ok(c), Ok(p)) => (c, p),
            (c, p) => {
                let mut fields = c.err().unwrap_or_default();
                fields.extend(p.err().unwrap_or_default());
                return Err(invalid(fields));
            }
        };
        let (child, proceedings) = (&child, &proceedings);
        if let Some(sid) = sponsor_id {
            rows::load_sponsor(&self.conn, sid, &self.visibility(), false)?;
        }
        if !confirm {
            let matches = rows::child_duplicates(&self.conn, child)?;
            if !matches.is_empty() {
                return Ok(CreateOutcome::NeedsConfirmation { matches });
            }
        }
        let year = self.today().year();
        self.write(None, AuditAction::ChildCreated, Target::VAULT, |tx, me| {
            let seq = rows::next_case_seq(tx, year)?;
            let (id, case_number, _) = rows::insert_child(
                tx,
                &NewChild {
                    child,
                    sponsor: None,
                    proceedings,
                    sponsor_id,
                    case_year: year,
                    case_seq: seq,
                    index_for_search: true,
                },
            )?;
            Session::reschedule_child(tx, id)?;
            audit_log::record(tx, &me.name, AuditAction::ChildCreated, "child", id)?;
            Ok(CreateOutcome::Created {
                id,
                case_number: Some(case_number),
            })
        })
    }

    /// Replaces a child's own fields (not proceedings, not the case number).
    pub fn update_child(&mut self, id_or_case: &str, child: &ChildInput) -> Result<ChildView> {
        self.authorize(
            Some(Permission::EditCases),
            AuditAction::ChildUpdated,
            Target::new("child", ""),
        )?;
        let child = &child.validate(self.today()).map_err(invalid)?;
        let id = rows::resolve_child(&self.conn, id_or_case)?;
        self.write(None, AuditAction::ChildUpdated, Target::VAULT, |tx, me| {
            rows::update_child(tx, id, child)?;
            search::index_child(tx, id)?;
            Session::reschedule_child(tx, id)?;
            audit_log::record(tx, &me.name, AuditAction::ChildUpdated, "child", id)
        })?;
        rows::load_child(&self.conn, id, &self.visibility())
    }

    /// The full record, redacted for the reader's role. Audited: reading a child is an event.
    pub fn show_child(&mut self, id_or_case: &str) -> Result<ChildView> {
        self.authorize(
            Some(Permission::ViewCases),
            AuditAction::ChildViewed,
            Target::new("child", ""),
        )?;
        let id = rows::resolve_child(&self.conn, id_or_case)?;
        let view = rows::load_child(&self.conn, id, &self.visibility())?;
        audit_log::append(
            &self.conn,
            &self.user.name,
            AuditAction::ChildViewed,
            Target::new("child", &id.to_string()),
            AuditOutcome::Ok,
        )?;
        Ok(view)
    }

    pub fn show_sponsor(&mut self, id: i64) -> Result<SponsorView> {
        self.authorize(
            Some(Permission::ViewCases),
            AuditAction::SponsorViewed,
            Target::new("sponsor", ""),
        )?;
        let view = rows::load_sponsor(&self.conn, id, &self.visibility(), true)?;
        audit_log::append(
            &self.conn,
            &self.user.name,
            AuditAction::SponsorViewed,
            Target::new("sponsor", &id.to_string()),
            AuditOutcome::Ok,
        )?;
        Ok(view)
    }

    /// Children by case number, `limit` from `offset` (for a virtualised list).
    pub fn list_children(&mut self, offset: u32, limit: u32) -> Result<Vec<ChildSummary>> {
        self.authorize(
            Some(Permission::ViewCases),
            AuditAction::ChildViewed,
            Target::new("child", ""),
        )?;
        rows::summaries(
            &self.conn,
            "ORDER BY c.case_year, c.case_seq LIMIT ?1 OFFSET ?2",
            params![limit, offset],
            &self.visibility(),
        )
    }

    pub fn count_children(&mut self) -> Result<u32> {
        self.authorize(
            Some(Permission::ViewCases),
            AuditAction::ChildViewed,
            Target::new("child", ""),
        )?;
        self.conn
            .query_row("SELECT count(*) FROM children", [], |r| r.get(0))
            .map_err(StoreError::sql("count children"))
    }

    pub fn list_sponsors(&mut self) -> Result<Vec<SponsorView>> {
        self.authorize(
            Some(Permission::ViewCases),
            AuditAction::SponsorViewed,
            Target::new("sponsor", ""),
        )?;
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM sponsors ORDER BY family_name, given_name")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(StoreError::sql("list sponsors"))?;
        let vis = self.visibility();
        ids.into_iter()
            .map(|id| rows::load_sponsor(&self.conn, id, &vis, false))
            .collect()
    }

    /// Ranked, accent- and case-insensitive, prefix matching as the user types.
    pub fn search(&mut self, query: &str, limit: u32) -> Result<Vec<ChildSummary>> {
        self.authorize(
            Some(Permission::ViewCases),
            AuditAction::ChildViewed,
            Target::new("child", ""),
        )?;
        search::search(&self.conn, query, limit.clamp(1, 500), &self.visibility())
    }

    pub fn add_hearing(
        &mut self,
        id_or_case: &str,
        at: NaiveDateTime,
        court_code: &str,
        kind: HearingType,
    ) -> Result<HearingView> {
        self.authorize(
            Some(Permission::EditCases),
            AuditAction::HearingAdded,
            Target::new("child", ""),
        )?;
        let court = Court::parse_code(court_code)
            .map_err(|e| StoreError::coded("court", FieldError::from_error("court", &e)))?;
        let id = rows::resolve_child(&self.conn, id_or_case)?;
        let at_local = at.format("%Y-%m-%d %H:%M").to_string();
        let hearing_id = self.write(None, AuditAction::HearingAdded, Target::VAULT, |tx, me| {
            let hearing_id = rows::insert_hearing(tx, id, &at_local, &court.code, kind)?;
            tx.execute(
                "UPDATE children SET court_code = ?1, updated_at = ?2 WHERE id = ?3",
                params![court.code, rows::now(), id],
            )
            .map_err(StoreError::sql("record the court"))?;
            Session::reschedule_child(tx, id)?;
            audit_log::record(
                tx,
                &me.name,
                AuditAction::HearingAdded,
                "hearing",
                hearing_id,
            )?;
            Ok(hearing_id)
        })?;
        rows::hearings(&self.conn, id)?
            .into_iter()
            .find(|h| h.id == hearing_id)
            .ok_or_else(|| StoreError::NotFound {
                kind: "hearing",
                id: hearing_id.to_string(),
            })
    }

    pub fn set_nta(
        &mut self,
        id_or_case: &str,
        status: NtaStatus,
        served_on: Option<NaiveDate>,
    ) -> Result<ChildView> {
        self.authorize(
            Some(Permission::EditCases),
            AuditAction::NtaUpdated,
            Target::new("child", ""),
        )?;
        if status == NtaStatus::NotServed && served_on.is_some() {
            let day = served_on.map(|d| d.to_string()).unwrap_or_default();
            return Err(StoreError::coded(
                "served_on",
                FieldError::new(
                    "served_on",
                    "nta_date_without_service",
                    "a Notice to Appear that was not served has no service date",
                )
                .with("value", day),
            ));
        }
        if served_on.is_some_and(|d| d > self.today()) {
            return Err(self.in_future("served_on", "the service date", served_on));
        }
        let id = rows::resolve_child(&self.conn, id_or_case)?;
        self.write(None, AuditAction::NtaUpdated, Target::VAULT, |tx, me| {
            tx.execute(
                "UPDATE children SET nta_status = ?1, nta_served_on = ?2, updated_at = ?3 WHERE id = ?4",
                params![rows::nta_str(status), served_on.map(|d| d.to_string()), rows::now(), id],
            )
            .map_err(StoreError::sql("record the Notice to Appear"))?;
            Session::reschedule_child(tx, id)?;
            audit_log::record(tx, &me.name, AuditAction::NtaUpdated, "child", id)
        })?;
        rows::load_child(&self.conn, id, &self.visibility())
    }

    /// Records a hearing's outcome (`missed` raises a red flag) and judge.
    pub fn set_hearing_result(
        &mut self,
        hearing_id: i64,
        outcome: Option<HearingOutcome>,
        judge: Option<&str>,
    ) -> Result<HearingView> {
        self.authorize(
            Some(Permission::EditCases),
            AuditAction::HearingUpdated,
            Target::new("hearing", &hearing_id.to_string()),
        )?;
        let child_id: i64 = self
            .conn
            .query_row(
                "SELECT child_id FROM hearings WHERE id = ?1",
                [hearing_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(StoreError::sql("find the hearing"))?
            .ok_or_else(|| StoreError::NotFound {
                kind: "hearing",
                id: hearing_id.to_string(),
            })?;
        let judge = judge.map(str::trim).filter(|j| !j.is_empty());
        if judge.is_some_and(|j| j.chars().count() > 200) {
            return Err(too_long("judge", "the judge's name", judge));
        }
        self.write(
            None,
            AuditAction::HearingUpdated,
            Target::VAULT,
            |tx, me| {
                tx.execute(
                    "UPDATE hearings SET outcome = ?1, judge = ?2 WHERE id = ?3",
                    params![outcome.map(|o| o.as_str()), judge, hearing_id],
                )
                .map_err(StoreError::sql("record the hearing"))?;
                Session::reschedule_child(tx, child_id)?;
                audit_log::record(
                    tx,
                    &me.name,
                    AuditAction::HearingUpdated,
                    "hearing",
                    hearing_id,
                )
            },
        )?;
        rows::hearings(&self.conn, child_id)?
            .into_iter()
            .find(|h| h.id == hearing_id)
            .ok_or_else(|| StoreError::NotFound {
                kind: "hearing",
                id: hearing_id.to_string(),
            })
    }

    /// The attorney of record and the last ACIS check. `None` leaves a field as it is; an
    /// empty attorney clears it.
    pub fn set_proceedings(
        &mut self,
        id_or_case: &str,
        attorney: Option<&str>,
        acis_checked: Option<NaiveDate>,
    ) -> Result<ChildView> {
        self.authorize(
            Some(Permission::EditCases),
            AuditAction::ProceedingsUpdated,
            Target::new("child", ""),
        )?;
        if acis_checked.is_some_and(|d| d > self.today()) {
            return Err(self.in_future("acis_checked", "the ACIS check date", acis_checked));
        }
        if attorney.is_some_and(|a| a.chars().count() > 200) {
            return Err(too_long("attorney", "the attorney's name", attorney));
        }
        let id = rows::resolve_child(&self.conn, id_or_case)?;
        self.write(
            None,
            AuditAction::ProceedingsUpdated,
            Target::VAULT,
            |tx, me| {
                if let Some(a) = attorney {
                    let a = a.trim();
                    tx.execute(
                        "UPDATE children SET attorney = ?1, updated_at = ?2 WHERE id = ?3",
                        params![(!a.is_empty()).then_some(a), rows::now(), id],
                    )
                    .map_err(StoreError::sql("record the attorney"))?;
                }
                if let Some(d) = acis_checked {
                    tx.execute(
                        "UPDATE children SET last_acis_check = ?1, updated_at = ?2 WHERE id = ?3",
                        params![d.to_string(), rows::now(), id],
                    )
                    .map_err(StoreError::sql("record the ACIS check"))?;
                }
                Session::reschedule_child(tx, id)?;
                audit_log::record(tx, &me.name, AuditAction::ProceedingsUpdated, "child", id)
            },
        )?;
        rows::load_child(&self.conn, id, &self.visibility())
    }

    /// The sponsor moved: the new address replaces the current one and the change is kept
    /// with the day it was learned (the EOIR-33 deadline runs from it).
    pub fn record_address_change(
        &mut self,
        sponsor_id: i64,
        address: &SponsorInput,
        recorded_on: NaiveDate,
    ) -> Result<SponsorView> {
        self.authorize(
            Some(Permission::EditCases),
            AuditAction::AddressChanged,
            Target::new("sponsor", &sponsor_id.to_string()),
        )?;
        if recorded_on > self.today() {
            return Err(self.in_future("recorded_on", "the date of the change", Some(recorded_on)));
        }
        let mut input = rows::sponsor_input(&self.conn, sponsor_id)?;
        input.address_line1 = address.address_line1.clone();
        input.address_line2 = address.address_line2.clone();
        input.city = address.city.clone();
        input.state = address.state.clone();
        input.postal_code = address.postal_code.clone();
        input.time_zone = address.time_zone.clone();
        let draft = input.validate().map_err(invalid)?;
        if draft.address.is_none() {
            return Err(StoreError::coded(
                "address_line1",
                FieldError::new("address_line1", "required", "enter the new address"),
            ));
        }
        self.write(
            None,
            AuditAction::AddressChanged,
            Target::VAULT,
            |tx, me| {
                let change = rows::record_address_change(tx, sponsor_id, &draft, recorded_on)?;
                let children: Vec<i64> = tx
                    .prepare("SELECT id FROM children WHERE sponsor_id = ?1")
                    .and_then(|mut s| s.query_map([sponsor_id], |r| r.get(0))?.collect())
                    .map_err(StoreError::sql("reschedule"))?;
                for child in children {
                    Session::reschedule_child(tx, child)?;
                }
                audit_log::record(
                    tx,
                    &me.name,
                    AuditAction::AddressChanged,
                    "address_change",
                    change,
                )
            },
        )?;
        rows::load_sponsor(&self.conn, sponsor_id, &self.visibility(), true)
    }

    /// Imports release records. Without `skip_invalid`, one bad row stops everything and every
    /// bad row is reported; with it, the valid rows go in (one transaction) and the rejected
    /// ones are written next to the input.
    pub fn import_release_records(
        &mut self,
        path: &Path,
        skip_invalid: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        self.authorize(
            Some(Permission::ImportRecords),
            AuditAction::RecordsImported,
            Target::new("import", ""),
        )?;
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
        let result = self.apply_import(&file, progress);
        match result {
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
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        self.authorize(
            Some(Permission::ImportRecords),
            AuditAction::RecordsImported,
            Target::new("import", ""),
        )?;
        let file = import::parse(Path::new(name), bytes, self.today())?;
        let errors = import::row_errors(&file);
        if !errors.is_empty() && !skip_invalid {
            return Err(StoreError::ImportRejected {
                file: name.into(),
                rows: file.rejected().count(),
                errors,
            });
        }
        let report = self.apply_import(&file, progress)?;
        Ok(ImportReport { errors, ..report })
    }

    /// Fills the vault with `children` synthetic, clearly fake cases (for trying and benchmarks).
    pub fn import_demo(
        &mut self,
        children: usize,
        seed: u64,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        self.authorize(
            Some(Permission::ImportRecords),
            AuditAction::RecordsImported,
            Target::new("import", ""),
        )?;
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
            progress,
        )
    }

    fn apply_import(
        &mut self,
        file: &ReleaseFile,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        let year = self.today().year();
        self.write(
            None,
            AuditAction::RecordsImported,
            Target::VAULT,
            |tx, me| {
                let report = import::apply(tx, file, year, progress)?;
                let range = report
                    .created_ids
                    .map(|(a, b)| format!("{a}-{b}"))
                    .unwrap_or_default();
                audit_log::append(
                    tx,
                    &me.name,
                    AuditAction::RecordsImported,
                    Target::new("children", &range),
                    AuditOutcome::Ok,
                )?;
                Ok(report)
            },
        )
    }

    /// Writes a CSV export. Redacted unless `full_reason` is given; a full export needs the
    /// right role and a stated reason, which is kept with the audit entry.
    pub fn export_csv(&mut self, out: &Path, full_reason: Option<&str>) -> Result<usize> {
        let (permission, full) = match full_reason {
            Some(_) => (Permission::ExportFull, true),
            None => (Permission::ExportRedacted, false),
        };
        self.authorize(
            Some(permission),
            AuditAction::RecordsExported,
            Target::new("export", ""),
        )?;
        let reason = full_reason.map(str::trim).unwrap_or("");
        if full && reason.chars().count() < 5 {
            return Err(StoreError::InvalidInput {
                field: "reason",
                reason: "say why a full export is needed (at least 5 characters)".into(),
            });
        }
        let out = out.to_owned();
        self.write(
            None,
            AuditAction::RecordsExported,
            Target::VAULT,
            |tx, me| {
                let count = export::write(tx, &out, full)?;
                tx.execute(
                    "INSERT INTO exports (at, full, reason, rows) VALUES (?1, ?2, ?3, ?4)",
                    params![rows::now(), full, reason, count as i64],
                )
                .map_err(StoreError::sql("record the export"))?;
                let export_id = tx.last_insert_rowid().to_string();
                audit_log::append(
                    tx,
                    &me.name,
                    AuditAction::RecordsExported,
                    Target::new(
                        if full {
                            "export_full"
                        } else {
                            "export_redacted"
                        },
                        &export_id,
                    ),
                    AuditOutcome::Ok,
                )?;
                Ok(count)
            },
        )
    }
}

fn invalid(fields: Vec<FieldError>) -> StoreError {
    StoreError::InvalidFields { fields }
}

/// Names longer than a form allows (200 characters, as for every other name).
fn too_long(field: &str, what: &str, value: Option<&str>) -> StoreError {
    let chars = value.map_or(0, |v| v.chars().count());
    StoreError::coded(
        field,
        FieldError::new(
            field,
            "too_long",
            format!("{what} is longer than 200 characters"),
        )
        .with("chars", chars)
        .with("max", 200),
    )
}

impl Session {
    /// A date that may not lie ahead of today (a service date, a check, a move).
    fn in_future(&self, field: &str, what: &str, day: Option<NaiveDate>) -> StoreError {
        StoreError::coded(
            field,
            FieldError::new(field, "date_in_future", format!("{what} is in the future"))
                .with("value", day.map(|d| d.to_string()).unwrap_or_default())
                .with("today", self.today()),
        )
    }
}
