//! Reading and verifying the audit chain (admins only). Reading it is itself audited.

use tether_core::{AuditAction, AuditOutcome, Permission};

use super::Session;
use crate::audit_log::{self, AuditLogEntry, AuditReport, Target};
use crate::error::Result;

impl Session {
    pub fn audit_verify(&mut self) -> Result<AuditReport> {
        self.authorize(
            Permission::ReadAudit,
            AuditAction::AuditVerified,
            Target::VAULT,
        )?;
        audit_log::verify(&self.conn)
    }

    /// The newest `limit` entries, newest first; the entry for this reading comes after them.
    pub fn audit_log(&mut self, limit: u32) -> Result<Vec<AuditLogEntry>> {
        self.authorize(Permission::ReadAudit, AuditAction::AuditRead, Target::VAULT)?;
        self.transaction(|tx, me| {
            let entries = audit_log::latest(tx, limit)?;
            audit_log::append(
                tx,
                &me.name,
                AuditAction::AuditRead,
                Target::VAULT,
                AuditOutcome::Ok,
            )?;
            Ok(entries)
        })
    }
}
