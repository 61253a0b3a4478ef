//! Admin command bodies: users and the audit log.

use std::path::Path;

use secrecy::SecretString;

use crate::ipc::admin::{AuditEntryView, AuditReport, SavedReceipt, UserSummary};
use crate::ipc::ids::count32;
use crate::ipc::vault::Role;
use crate::ipc::AppError;
use crate::state::AppState;

pub fn list_users(state: &AppState) -> Result<Vec<UserSummary>, AppError> {
    state.with_session(|s| Ok(s.list_users()?.into_iter().map(Into::into).collect()))
}

pub fn add_user(
    state: &AppState,
    name: String,
    role: Role,
    passphrase: String,
) -> Result<UserSummary, AppError> {
    let passphrase = SecretString::from(passphrase);
    state.with_session(|s| Ok(s.add_user(&name, role.into(), &passphrase)?.into()))
}

/// Marks a case manager as supervisor (they approve concern reports), or not.
pub fn set_supervisor(state: &AppState, name: String, supervisor: bool) -> Result<(), AppError> {
    state.with_session(|s| Ok(s.set_supervisor(&name, supervisor)?))
}

pub fn remove_user(state: &AppState, name: String) -> Result<(), AppError> {
    state.with_session(|s| Ok(s.remove_user(&name)?))
}

pub fn reset_passphrase(
    state: &AppState,
    name: String,
    passphrase: String,
) -> Result<(), AppError> {
    let passphrase = SecretString::from(passphrase);
    state.with_session(|s| Ok(s.reset_passphrase(&name, &passphrase)?))
}

pub fn audit_verify(state: &AppState) -> Result<AuditReport, AppError> {
    state.with_session(|s| match s.audit_verify() {
        Ok(report) => Ok(AuditReport {
            ok: true,
            entries: count32(report.entries),
            message: format!("ok: {} entries, head {}", report.entries, report.head),
            head: report.head,
        }),
        Err(tether_store::StoreError::AuditBroken(broken)) => Ok(AuditReport {
            ok: false,
            entries: 0,
            message: broken.to_string(),
            head: String::new(),
        }),
        Err(e) => Err(e.into()),
    })
}

/// Refuses, before any dialog opens, whoever may not take a receipt now (not an admin, or
/// a chain that does not verify).
pub fn check_receipt(state: &AppState) -> Result<(), AppError> {
    state.with_session(|s| Ok(s.audit_receipt().map(|_| ())?))
}

/// Takes an audit receipt and writes it to `path` (a new file; admins only; audited).
pub fn save_audit_receipt(state: &AppState, path: &Path) -> Result<SavedReceipt, AppError> {
    state.with_session(|s| Ok((s.save_audit_receipt(path)?, path).into()))
}

/// The file name the save dialog suggests: the day, so receipts kept side by side sort.
pub fn receipt_file_name() -> String {
    format!(
        "tether-audit-receipt-{}.txt",
        chrono::Utc::now().format("%Y-%m-%d-%H%M")
    )
}

pub fn audit_log(state: &AppState, limit: u32) -> Result<Vec<AuditEntryView>, AppError> {
    state.with_session(|s| {
        Ok(s.audit_log(limit.min(1000))?
            .into_iter()
            .map(Into::into)
            .collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{clinic, PASS, VOLUNTEER_PASS};
    use crate::api::vault::{lock, unlock};
    use crate::ipc::ErrorKind;

    #[test]
    fn volunteer_is_refused_user_management() -> Result<(), AppError> {
        let (_dir, state) = clinic()?;
        lock(&state);
        unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
        let err = add_user(&state, "carla".into(), Role::Admin, PASS.into()).expect_err("denied");
        assert_eq!(err.kind, ErrorKind::PermissionDenied);
        assert_eq!(
            audit_log(&state, 10).map_err(|e| e.kind),
            Err(ErrorKind::PermissionDenied)
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("receipt.txt");
        assert_eq!(
            save_audit_receipt(&state, &path).map_err(|e| e.kind),
            Err(ErrorKind::PermissionDenied)
        );
        assert!(!path.exists());
        Ok(())
    }

    #[test]
    fn an_admin_saves_an_audit_receipt_that_the_chain_then_holds() -> Result<(), AppError> {
        let (dir, state) = clinic()?;
        let report = audit_verify(&state)?;
        assert!(report.ok && report.head.len() == 64, "{report:?}");
        let path = dir.path().join("receipt.txt");
        let saved = save_audit_receipt(&state, &path)?;
        let text = std::fs::read_to_string(&path).expect("receipt written");
        assert!(
            text.contains(&saved.head) && text.contains(&format!("Entries: {}", saved.entries))
        );
        assert!(
            text.contains(&format!("--head {}:{}", saved.entries, saved.head)),
            "{text}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Audited, and never written over.
        let log = audit_log(&state, 5)?;
        assert!(log.iter().any(|e| e.action == "audit_receipt_saved"));
        assert_eq!(
            save_audit_receipt(&state, &path).map_err(|e| e.kind),
            Err(ErrorKind::InvalidInput)
        );
        Ok(())
    }

    /// The IPC twins of the CLI's bulk reads go through the same `Session` calls: one entry
    /// each, with the number returned.
    #[test]
    fn the_windows_bulk_reads_are_audited_with_a_count() -> Result<(), AppError> {
        let (_dir, state) = clinic()?;
        lock(&state);
        unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
        let sponsors = crate::api::cases::list_sponsors(&state)?.len();
        let found = crate::api::cases::search_children(&state, "rosa".into(), 20)?.len();
        let calls = crate::api::followup::calls_due(&state, None, false)?.len();
        let tasks = crate::api::followup::list_tasks(&state, None, false)?.len();
        lock(&state);
        unlock(&state, "ana".into(), PASS.into())?;
        let log = audit_log(&state, 20)?;
        let count_of = |action: &str| {
            log.iter()
                .find(|e| e.action == action && e.actor == "beto")
                .and_then(|e| e.count)
        };
        assert_eq!(count_of("sponsors_listed"), Some(count32(sponsors)));
        assert_eq!(count_of("children_searched"), Some(count32(found)));
        assert_eq!(count_of("calls_due_listed"), Some(count32(calls)));
        assert_eq!(count_of("tasks_listed"), Some(count32(tasks)));
        Ok(())
    }
}
