//! The body of every command, on plain values (the state and the arguments), so each can be
//! tested without a window; one module per concern, like `commands` and `ipc`.

use chrono::NaiveDate;
use tether_core::casework::parse_date;

use crate::ipc::AppError;

pub mod addresses;
pub mod admin;
pub mod cases;
pub mod followup;
pub mod history;
pub mod legal;
pub mod lifecycle;
pub mod print;
pub mod templates;
pub mod vault;
#[cfg(test)]
mod volunteer_view;

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
    use crate::ipc::cases::{ChildInput, ProceedingsInput, SponsorInput};
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

    /// A child released to a tía in Houston, as a case manager types it.
    pub fn child(given: &str, a_number: &str) -> ChildInput {
        ChildInput {
            given_name: given.into(),
            family_name: "Ramírez".into(),
            aliases: vec![],
            birth_date: "2010-05-01".into(),
            sex: String::new(),
            a_number: a_number.into(),
            country_of_birth: "Guatemala".into(),
            primary_language: "mam".into(),
            interpreter_needed: "yes".into(),
            release_date: "2026-10-01".into(),
            orr_program: String::new(),
            relationship: "tía".into(),
            notes: String::new(),
        }
    }

    pub fn no_proceedings() -> ProceedingsInput {
        ProceedingsInput {
            nta_status: String::new(),
            nta_served_on: String::new(),
            court_code: String::new(),
            next_hearing: String::new(),
        }
    }

    /// Rosa Ramírez, category 2A, a Guatemalan mobile and a Houston address.
    pub fn rosa() -> SponsorInput {
        SponsorInput {
            given_name: "Rosa".into(),
            family_name: "Ramírez".into(),
            category: "2A".into(),
            phones: vec!["+502 5123 4567".into()],
            address_line1: "1200 Main St".into(),
            address_line2: String::new(),
            city: "Houston".into(),
            state: "TX".into(),
            postal_code: "77002".into(),
            time_zone: None,
        }
    }

    /// José Ramírez, released to Rosa (`rosa()`): the sponsor's id and José's case number.
    pub fn jose_with_rosa(state: &AppState) -> Result<(u32, String), AppError> {
        use crate::api::cases::{create_child, create_sponsor};
        use crate::ipc::cases::CreateResult;
        let CreateResult::Created { id: sponsor_id, .. } = create_sponsor(state, rosa(), false)?
        else {
            return Err(AppError::invalid("test", "sponsor not created"));
        };
        match create_child(
            state,
            child("José", "123-456-789"),
            no_proceedings(),
            Some(sponsor_id),
            false,
        )? {
            CreateResult::Created {
                case_number: Some(case),
                ..
            } => Ok((sponsor_id, case)),
            other => Err(AppError::invalid(
                "test",
                format!("child not created: {other:?}"),
            )),
        }
    }
}
