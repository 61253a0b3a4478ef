//! Vault and session command bodies: first run, unlock, lock, activity, passphrase, and the
//! auto-lock setting.

use secrecy::SecretString;

use crate::ipc::vault::{PassphraseHint, SessionInfo, VaultStatus};
use crate::ipc::{AppError, ErrorKind};
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

pub fn set_auto_lock_minutes(state: &AppState, minutes: u32) -> Result<SessionInfo, AppError> {
    let info = state.with_session(|s| {
        s.set_auto_lock_minutes(minutes)?;
        session_info(s)
    })?;
    state.set_auto_lock(info.auto_lock_minutes);
    Ok(info)
}

pub(crate) fn session_info(session: &tether_store::Session) -> Result<SessionInfo, AppError> {
    Ok(SessionInfo {
        user_name: session.user().name.clone(),
        role: session.user().role.into(),
        auto_lock_minutes: session.auto_lock_minutes()?,
    })
}

/// Pure: nothing is read or kept, and no session is needed (the first-run screen asks too).
pub fn passphrase_hint(passphrase: &str) -> PassphraseHint {
    tether_core::passphrase_strength(passphrase).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::admin::list_users;
    use crate::api::test_support::{vault, PASS};
    use crate::ipc::vault::Role;

    #[test]
    fn the_passphrase_hint_refuses_common_ones_and_grades_the_rest() {
        use crate::ipc::vault::PassphraseStrength;
        let hint = |p: &str| {
            let h = passphrase_hint(p);
            (h.strength, h.code)
        };
        assert_eq!(
            hint("password1234"),
            (PassphraseStrength::Refused, "passphrase_common".to_owned())
        );
        assert_eq!(
            hint("short"),
            (
                PassphraseStrength::Refused,
                "passphrase_too_short".to_owned()
            )
        );
        assert_eq!(hint("mañana temprano").0, PassphraseStrength::Weak);
        assert_eq!(
            hint("la ceiba de Ñuñoa canta al amanecer").0,
            PassphraseStrength::Strong
        );
    }

    #[test]
    fn first_run_then_lock_then_unlock() -> Result<(), AppError> {
        let (_dir, state) = vault();
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
        let (_dir, state) = vault();
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
    fn the_user_lock_is_always_told_the_idle_lock_only_when_due() -> Result<(), AppError> {
        use crate::ipc::vault::LockReason;
        use std::time::{Duration, Instant};
        let (_dir, state) = vault();
        create_vault(&state, "ana".into(), PASS.into())?;
        assert!(!state.lock_for(LockReason::Idle, Instant::now()));
        assert!(state.is_unlocked());
        let later = Instant::now() + Duration::from_secs(10 * 60 + 1);
        assert!(state.lock_for(LockReason::Idle, later));
        assert!(!state.is_unlocked());
        assert!(
            !state.lock_for(LockReason::Idle, later),
            "locked already: nothing to tell"
        );

        unlock(&state, "ana".into(), PASS.into())?;
        assert!(state.lock_for(LockReason::User, Instant::now()));
        assert!(!state.is_unlocked());
        assert!(state.lock_for(LockReason::User, Instant::now()));
        Ok(())
    }

    #[test]
    fn idle_session_locks_itself() -> Result<(), AppError> {
        let (_dir, state) = vault();
        create_vault(&state, "ana".into(), PASS.into())?;
        let later = std::time::Instant::now() + std::time::Duration::from_secs(9 * 60);
        assert!(!state.lock_if_idle(later), "9 minutes is not idle enough");
        let later = std::time::Instant::now() + std::time::Duration::from_secs(10 * 60 + 1);
        assert!(state.lock_if_idle(later));
        assert!(!state.is_unlocked());
        Ok(())
    }
}
