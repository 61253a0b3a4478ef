//! The body of every command, on plain values (the state and the arguments), so each can be
//! tested without a window; one module per concern, like `commands` and `ipc`.

use chrono::NaiveDate;
use tether_core::casework::parse_date;

use crate::ipc::AppError;

pub mod admin;
pub mod cases;
pub mod followup;
pub mod print;
pub mod vault;

/// A date the form may leave blank (`None` or only spaces: no date), else `YYYY-MM-DD`; an
/// error names `field` with the parser's code.
fn optional_date(field: &str, raw: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    raw.filter(|d| !d.trim().is_empty())
        .map(|d| parse_date(field, d).map_err(|e| AppError::invalid_parse(field, &e)))
        .transpose()
}

#[cfg(test)]
pub(crate) mod test_support {
    use tether_store::VaultPaths;

    use crate::api::admin::add_user;
    use crate::api::vault::create_vault;
    use crate::ipc::vault::Role;
    use crate::ipc::AppError;
    use crate::state::AppState;

    pub const PASS: &str = "correct horse battery";
    pub const VOLUNTEER_PASS: &str = "volunteer passphrase";

    /// A folder for a vault not created yet, and the app state over it.
    pub fn vault() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::new(VaultPaths::new(dir.path().join("vault")));
        (dir, state)
    }

    /// A new vault with the admin `ana` (signed in, passphrase `PASS`) and the volunteer
    /// `beto` (`VOLUNTEER_PASS`).
    pub fn clinic() -> Result<(tempfile::TempDir, AppState), AppError> {
        let (dir, state) = vault();
        create_vault(&state, "ana".into(), PASS.into())?;
        add_user(
            &state,
            "beto".into(),
            Role::Volunteer,
            VOLUNTEER_PASS.into(),
        )?;
        Ok((dir, state))
    }
}
