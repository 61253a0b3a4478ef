//! The clinic's replacements for the shipped print templates (Settings, admins). The text is
//! read from a file the admin picks in a native dialog (Rust side) and kept in the vault.

use std::path::Path;

use tether_print::shipped_names;
use tether_store::Session;

use crate::ipc::templates::{CustomTemplate, TemplateSlot};
use crate::ipc::AppError;
use crate::state::AppState;

/// Every shipped template, with the clinic's override where there is one.
pub fn template_slots(state: &AppState) -> Result<Vec<TemplateSlot>, AppError> {
    state.with_session(|s| slots(s))
}

fn slots(session: &Session) -> Result<Vec<TemplateSlot>, AppError> {
    let overrides = session.template_overrides()?;
    Ok(shipped_names()
        .into_iter()
        .map(|name| TemplateSlot {
            name: name.to_owned(),
            custom: overrides
                .iter()
                .find(|o| o.name == name)
                .map(CustomTemplate::from),
        })
        .collect())
}

/// Checked before the file dialog opens, so a refused user sees no dialog (and is audited).
pub fn check_may_change(state: &AppState, name: &str) -> Result<(), AppError> {
    state.with_session(|s| {
        s.authorize_template_change(name)?;
        if !shipped_names().contains(&name) {
            return Err(AppError::invalid(
                "name",
                format!("{name:?} is not a shipped template"),
            ));
        }
        Ok(())
    })
}

/// Replaces the shipped template `name` with the Typst file at `path`.
pub fn set_template(
    state: &AppState,
    name: String,
    path: &Path,
) -> Result<Vec<TemplateSlot>, AppError> {
    let source = std::fs::read(path)
        .map_err(|e| AppError::invalid("file", format!("read {}: {e}", path.display())))?;
    state.with_session(|s| {
        tether_print::set_template_override(s, &name, &source)?;
        slots(s)
    })
}

pub fn reset_template(state: &AppState, name: String) -> Result<Vec<TemplateSlot>, AppError> {
    state.with_session(|s| {
        s.reset_template_override(&name)?;
        slots(s)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{clinic, PASS, VOLUNTEER_PASS};
    use crate::api::vault::{lock, unlock};
    use crate::ipc::ErrorKind;

    const LETTERHEAD: &str =
        "#let clinic = (name: \"Clínica Legal Ñuñoa\", phone: none, address: ())\n";

    #[test]
    fn an_admin_replaces_a_template_from_a_file_and_goes_back() -> Result<(), AppError> {
        let (dir, state) = clinic()?;
        let all = template_slots(&state)?;
        assert!(all.iter().any(|t| t.name == "notice.typ"), "{all:?}");
        assert!(all.iter().all(|t| t.custom.is_none()));

        let file = dir.path().join("letterhead.typ");
        std::fs::write(&file, LETTERHEAD).map_err(|e| AppError::internal(e.to_string()))?;
        check_may_change(&state, "clinic.typ")?;
        let after = set_template(&state, "clinic.typ".into(), &file)?;
        let custom = after
            .iter()
            .find(|t| t.name == "clinic.typ")
            .and_then(|t| t.custom.clone())
            .expect("clinic.typ is custom now");
        assert_eq!(custom.set_by, "ana");
        assert_eq!(custom.sha256.len(), 64);

        // A second replacement of the same template keeps one override, with the new hash.
        std::fs::write(&file, LETTERHEAD.replace("Ñuñoa", "Houston"))
            .map_err(|e| AppError::internal(e.to_string()))?;
        let again = set_template(&state, "clinic.typ".into(), &file)?;
        let second = again
            .iter()
            .find(|t| t.name == "clinic.typ")
            .and_then(|t| t.custom.clone())
            .expect("still custom");
        assert_ne!(second.sha256, custom.sha256);

        let unknown = check_may_change(&state, "forged.typ").expect_err("not shipped");
        assert_eq!(unknown.field.as_deref(), Some("name"));
        let missing = set_template(&state, "notice.typ".into(), &dir.path().join("none.typ"))
            .expect_err("no such file");
        assert_eq!(missing.field.as_deref(), Some("file"));

        let reset = reset_template(&state, "clinic.typ".into())?;
        assert!(reset.iter().all(|t| t.custom.is_none()), "{reset:?}");
        Ok(())
    }

    #[test]
    fn a_volunteer_may_not_change_templates() -> Result<(), AppError> {
        let (_dir, state) = clinic()?;
        lock(&state);
        unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
        let refused = check_may_change(&state, "notice.typ").expect_err("volunteer");
        assert_eq!(refused.kind, ErrorKind::PermissionDenied);
        let refused = reset_template(&state, "notice.typ".into()).expect_err("volunteer");
        assert_eq!(refused.kind, ErrorKind::PermissionDenied);
        lock(&state);
        unlock(&state, "ana".into(), PASS.into())?;
        Ok(())
    }
}
