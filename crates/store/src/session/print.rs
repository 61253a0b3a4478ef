//! Printing: who may print what, and the audit entry for each printout. The PDF itself is made
//! by `tether-render`; the store only authorizes and records.

use tether_core::{AuditAction, AuditOutcome, Permission};

use super::Session;
use crate::audit_log::Target;
use crate::error::Result;

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
        self.authorize(permission, AuditAction::DocumentPrinted, target)
    }

    /// Appends `document_printed` for one printout after its file is written: `record` is the
    /// child id, or `call_sheet`.
    pub fn record_printed(&mut self, kind: PrintKind, record: &str, document: &str) -> Result<()> {
        self.authorize_print(kind)?;
        let record_kind = match kind {
            PrintKind::CaseDocument => "child",
            PrintKind::CallSheet => "call_sheet",
        };
        // A case document is part of the child's history too (the call sheet is a day's).
        let child = match kind {
            PrintKind::CaseDocument => record.parse::<i64>().ok(),
            PrintKind::CallSheet => None,
        };
        self.transaction(|tx, me| {
            crate::audit_log::append(
                tx,
                me,
                AuditAction::DocumentPrinted,
                Target::new(record_kind, record),
                AuditOutcome::Ok,
            )?;
            if let Some(child) = child {
                crate::casework::history::append(
                    tx,
                    child,
                    me,
                    "document_printed",
                    &serde_json::json!({ "document": document }),
                    None,
                )?;
            }
            Ok(())
        })
    }
}
