//! Printing: who may print what, and the audit entry for each printout. The PDF itself is made
//! by `tether-render`; the store only authorizes and records.

use rusqlite::{params, OptionalExtension};
use tether_core::casework::{ClinicContact, ClinicContactInput};
use tether_core::{AuditAction, AuditOutcome, Permission};

use crate::audit_log::{self, Target};
use crate::error::{Result, StoreError};
use crate::session::Session;

/// What is being printed, for the role check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintKind {
    /// A hearing notice, record of NTA, reminder letter or EOIR-33 sheet: admins and case
    /// managers only.
    CaseDocument,
    /// The daily call sheet: anyone who makes calls, volunteers included.
    CallSheet,
}

impl Session {
    /// Refuses (and audits the refusal) when the signed-in user may not print `kind`.
    /// Volunteers may print only the call sheet.
    pub fn authorize_print(&mut self, kind: PrintKind) -> Result<()> {
        let (permission, target) = match kind {
            PrintKind::CaseDocument => (Permission::Print, Target::new("child", "")),
            PrintKind::CallSheet => (
                Permission::LogCalls,
                Target::new("call_sheet", "call_sheet"),
            ),
        };
        self.authorize(Some(permission), AuditAction::DocumentPrinted, target)
    }

    /// Appends `document_printed` for one printout after its file is written: `record` is the
    /// child id, or `call_sheet`.
    pub fn record_printed(&mut self, kind: PrintKind, record: &str) -> Result<()> {
        self.authorize_print(kind)?;
        let record_kind = match kind {
            PrintKind::CaseDocument => "child",
            PrintKind::CallSheet => "call_sheet",
        };
        audit_log::append(
            &self.conn,
            &self.user.name,
            AuditAction::DocumentPrinted,
            Target::new(record_kind, record),
            AuditOutcome::Ok,
        )
    }
}

/// The clinic contact's settings keys (in the encrypted vault); the address is one line per line.
const CLINIC_NAME: &str = "clinic_name";
const CLINIC_PHONE: &str = "clinic_phone";
const CLINIC_ADDRESS: &str = "clinic_address";

impl Session {
    /// The clinic's contact as printed on notices and letters; empty until an admin sets it.
    pub fn clinic_contact(&self) -> Result<ClinicContact> {
        let read = |key: &str| -> Result<Option<String>> {
            self.conn
                .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                    r.get::<_, String>(0)
                })
                .optional()
                .map(|v| v.filter(|v| !v.is_empty()))
                .map_err(StoreError::sql("read the clinic contact"))
        };
        Ok(ClinicContact {
            name: read(CLINIC_NAME)?,
            phone: read(CLINIC_PHONE)?,
            address: read(CLINIC_ADDRESS)?
                .map(|a| a.lines().map(str::to_owned).collect())
                .unwrap_or_default(),
        })
    }

    /// Checks and saves the clinic's contact (admins only); every bad field is reported and
    /// nothing is saved then.
    pub fn set_clinic_contact(&mut self, input: &ClinicContactInput) -> Result<ClinicContact> {
        let target = Target::new("setting", "clinic_contact");
        self.authorize(
            Some(Permission::ChangeSettings),
            AuditAction::SettingsChanged,
            target,
        )?;
        let contact = input
            .validate()
            .map_err(|fields| StoreError::InvalidFields { fields })?;
        let values = [
            (CLINIC_NAME, contact.name.clone().unwrap_or_default()),
            (CLINIC_PHONE, contact.phone.clone().unwrap_or_default()),
            (CLINIC_ADDRESS, contact.address.join("\n")),
        ];
        self.write(
            Some(Permission::ChangeSettings),
            AuditAction::SettingsChanged,
            target,
            |tx, me| {
                for (key, value) in &values {
                    tx.execute(
                        "INSERT INTO settings (key, value) VALUES (?1, ?2)
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        params![key, value],
                    )
                    .map_err(StoreError::sql("save the clinic contact"))?;
                }
                audit_log::append(
                    tx,
                    &me.name,
                    AuditAction::SettingsChanged,
                    target,
                    AuditOutcome::Ok,
                )
            },
        )?;
        Ok(contact)
    }
}
