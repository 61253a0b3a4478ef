//! The body of every command, on plain values, so each can be tested without a window.

use secrecy::SecretString;

use crate::ipc::{
    AppError, AuditEntryView, AuditReport, ErrorKind, Role, SessionInfo, UserSummary, VaultStatus,
};
use crate::state::AppState;

pub fn vault_status(state: &AppState) -> VaultStatus {
    let session = state.with_session(|s| session_info(s)).ok();
    VaultStatus {
        exists: state.paths().exists(),
        session,
        vault_path: state.paths().dir().display().to_string(),
    }
}

pub fn create_vault(
    state: &AppState,
    user_name: String,
    passphrase: String,
) -> Result<SessionInfo, AppError> {
    let passphrase = SecretString::from(passphrase);
    let session = tether_store::create(state.paths(), &user_name, &passphrase)?;
    open(state, session)
}

pub fn unlock(
    state: &AppState,
    user_name: String,
    passphrase: String,
) -> Result<SessionInfo, AppError> {
    if user_name.trim().is_empty() {
        return Err(AppError::invalid("user_name", "enter your user name"));
    }
    let passphrase = SecretString::from(passphrase);
    let session = tether_store::unlock(state.paths(), &user_name, &passphrase)?;
    open(state, session)
}

fn open(state: &AppState, session: tether_store::Session) -> Result<SessionInfo, AppError> {
    let info = session_info(&session)?;
    state.set_session(session, info.auto_lock_minutes);
    Ok(info)
}

pub fn lock(state: &AppState) {
    state.lock();
}

pub fn touch(state: &AppState) {
    state.touch();
}

pub fn change_passphrase(
    state: &AppState,
    current: String,
    new_passphrase: String,
) -> Result<(), AppError> {
    let (current, new) = (
        SecretString::from(current),
        SecretString::from(new_passphrase),
    );
    state.with_session(|s| {
        s.change_passphrase(&current, &new).map_err(|e| {
            let mut err = AppError::from(e);
            if err.kind == ErrorKind::WrongCredentials {
                err.field = Some("current".into());
            }
            err
        })
    })
}

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

pub fn set_auto_lock_minutes(state: &AppState, minutes: u32) -> Result<SessionInfo, AppError> {
    let info = state.with_session(|s| {
        s.set_auto_lock_minutes(minutes)?;
        session_info(s)
    })?;
    state.set_auto_lock(info.auto_lock_minutes);
    Ok(info)
}

pub fn audit_verify(state: &AppState) -> Result<AuditReport, AppError> {
    state.with_session(|s| match s.audit_verify() {
        Ok(report) => Ok(AuditReport {
            ok: true,
            entries: u32::try_from(report.entries).unwrap_or(u32::MAX),
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

fn session_info(session: &tether_store::Session) -> Result<SessionInfo, AppError> {
    Ok(SessionInfo {
        user_name: session.user().name.clone(),
        role: session.user().role.into(),
        auto_lock_minutes: session.auto_lock_minutes()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tether_store::VaultPaths;

    const PASS: &str = "correct horse battery";

    fn state() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::new(VaultPaths::new(dir.path().join("vault")));
        (dir, state)
    }

    #[test]
    fn first_run_then_lock_then_unlock() -> Result<(), AppError> {
        let (_dir, state) = state();
        assert!(!vault_status(&state).exists);
        let info = create_vault(&state, "José".into(), PASS.into())?;
        assert_eq!((info.user_name.as_str(), info.role), ("José", Role::Admin));
        assert_eq!(info.auto_lock_minutes, 10);

        lock(&state);
        let status = vault_status(&state);
        assert!(status.exists && status.session.is_none());
        assert_eq!(
            list_users(&state).map_err(|e| e.kind),
            Err(ErrorKind::Locked)
        );

        let wrong = unlock(&state, "José".into(), "wrong passphrase!!".into());
        assert_eq!(wrong.map_err(|e| e.kind), Err(ErrorKind::WrongCredentials));
        let info = unlock(&state, "josé".into(), PASS.into())?;
        assert_eq!(info.user_name, "José");
        Ok(())
    }

    #[test]
    fn invalid_input_names_the_field() {
        let (_dir, state) = state();
        let err = create_vault(&state, "ana lopez".into(), PASS.into()).expect_err("space in name");
        assert_eq!(err.kind, ErrorKind::InvalidInput);
        assert_eq!(err.field.as_deref(), Some("user_name"));
        let err = create_vault(&state, "ana".into(), "short".into()).expect_err("short passphrase");
        assert_eq!(err.field.as_deref(), Some("passphrase"));
        assert!(
            !state.paths().exists(),
            "a refused first run creates nothing"
        );
    }

    #[test]
    fn idle_session_locks_itself() -> Result<(), AppError> {
        let (_dir, state) = state();
        create_vault(&state, "ana".into(), PASS.into())?;
        let later = std::time::Instant::now() + std::time::Duration::from_secs(9 * 60);
        assert!(!state.lock_if_idle(later), "9 minutes is not idle enough");
        let later = std::time::Instant::now() + std::time::Duration::from_secs(10 * 60 + 1);
        assert!(state.lock_if_idle(later));
        assert!(!state.is_unlocked());
        Ok(())
    }

    #[test]
    fn volunteer_is_refused_user_management() -> Result<(), AppError> {
        let (_dir, state) = state();
        create_vault(&state, "ana".into(), PASS.into())?;
        add_user(
            &state,
            "beto".into(),
            Role::Volunteer,
            "volunteer passphrase".into(),
        )?;
        lock(&state);
        unlock(&state, "beto".into(), "volunteer passphrase".into())?;
        let err = add_user(&state, "carla".into(), Role::Admin, PASS.into()).expect_err("denied");
        assert_eq!(err.kind, ErrorKind::PermissionDenied);
        assert_eq!(
            audit_log(&state, 10).map_err(|e| e.kind),
            Err(ErrorKind::PermissionDenied)
        );
        Ok(())
    }
}
