//! Admin command bodies: users and the audit log.

use secrecy::SecretString;

use crate::ipc::admin::{AuditEntryView, AuditReport, UserSummary};
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
            message: format!("ok: {} entries", report.entries),
        }),
        Err(tether_store::StoreError::AuditBroken(broken)) => Ok(AuditReport {
            ok: false,
            entries: 0,
            message: broken.to_string(),
        }),
        Err(e) => Err(e.into()),
    })
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
        Ok(())
    }
}
