//! Reading and verifying the audit chain (admins only), and audit receipts. Reading it is
//! itself audited.

use std::io::Write as _;
use std::path::Path;

use serde::Serialize;
use tether_core::{AuditAction, AuditOutcome, Permission, Receipt};

use super::Session;
use crate::audit_log::{self, AuditLogEntry, AuditReport, Target};
use crate::error::{Result, StoreError};

/// What an admin keeps outside the vault to check the chain later: `audit verify --head
/// <entries>:<head>` fails if the chain no longer holds `head` as entry #`entries`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditReceipt {
    /// RFC 3339 UTC, when the receipt was taken.
    pub taken_at: String,
    pub entries: u64,
    pub head: String,
    /// The vault's random id (from its key-slot file), so a receipt names the vault it is for.
    pub vault_id: String,
}

impl AuditReceipt {
    /// The receipt as the text file an admin keeps (English: it is checked with the CLI).
    pub fn text(&self) -> String {
        format!(
            "Tether audit receipt\n\
             Vault:   {}\n\
             Taken:   {}\n\
             Entries: {}\n\
             Head:    {}\n\
             \n\
             Keep this file away from the computer that holds the vault. To check that the\n\
             audit log still holds every entry up to this one, unchanged, run:\n\
             \n\
             tether audit verify --head {}:{}\n",
            self.vault_id, self.taken_at, self.entries, self.head, self.entries, self.head
        )
    }
}

impl Session {
    pub fn audit_verify(&mut self) -> Result<AuditReport> {
        self.audit_verify_against(None)
    }

    /// Verifies the chain and, with a receipt, that the chain still holds the receipt's head
    /// at its position (`StoreError::AuditReceipt` naming the first entry that differs if not).
    pub fn audit_verify_against(&mut self, receipt: Option<&Receipt>) -> Result<AuditReport> {
        self.authorize(
            Permission::ReadAudit,
            AuditAction::AuditVerified,
            Target::VAULT,
        )?;
        audit_log::verify(&self.conn, receipt)
    }

    /// A receipt for the chain as it is now; refuses a chain that does not verify (a receipt
    /// of a broken chain would vouch for tampering).
    pub fn audit_receipt(&mut self) -> Result<AuditReceipt> {
        let report = self.audit_verify()?;
        Ok(AuditReceipt {
            taken_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            entries: report.entries,
            head: report.head,
            vault_id: self.vault_id()?,
        })
    }

    /// Takes a receipt and writes it to `path` as text (a new file, readable by its owner
    /// only); audited as `audit_receipt_saved` on the entry count it covers. An existing file
    /// is never replaced.
    pub fn save_audit_receipt(&mut self, path: &Path) -> Result<AuditReceipt> {
        let receipt = self.audit_receipt()?;
        write_new_private(path, &receipt.text())?;
        let entries = receipt.entries.to_string();
        self.audit(
            AuditAction::AuditReceiptSaved,
            Target::new("audit", &entries),
            AuditOutcome::Ok,
        )?;
        Ok(receipt)
    }

    /// The newest `limit` entries, newest first; the entry for this reading comes after them.
    pub fn audit_log(&mut self, limit: u32) -> Result<Vec<AuditLogEntry>> {
        self.authorize(Permission::ReadAudit, AuditAction::AuditRead, Target::VAULT)?;
        self.transaction(|tx, me| {
            let entries = audit_log::latest(tx, limit)?;
            audit_log::append(
                tx,
                me,
                AuditAction::AuditRead,
                Target::VAULT,
                AuditOutcome::Ok,
            )?;
            Ok(entries)
        })
    }

    /// Read from the key-slot file as plain JSON: the id is public (it names nobody).
    fn vault_id(&self) -> Result<String> {
        let path = self.paths.key_slots();
        let text = std::fs::read_to_string(&path)
            .map_err(StoreError::io(format!("read {}", path.display())))?;
        let file: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| StoreError::KeySlotsCorrupt {
                path: path.clone(),
                reason: e.to_string(),
            })?;
        Ok(file["vault_id"].as_str().unwrap_or_default().to_owned())
    }
}

fn write_new_private(path: &Path, text: &str) -> Result<()> {
    let mut file = crate::files::create_new_private(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            StoreError::invalid(
                "path",
                format!("{} already exists; choose a new file name", path.display()),
            )
        } else {
            StoreError::io(format!("create {}", path.display()))(e)
        }
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(StoreError::io(format!("write {}", path.display())))
}
