//! The `#[tauri::command]`s, one module per concern: each parses its arguments and calls the
//! matching `api` body (native dialogs and the viewer aside, see `print`). This module holds
//! the one tauri-specta builder, which serves the invoke handler and the bindings export.

use std::path::Path;

use tauri_specta::{collect_commands, collect_events, Builder};

use crate::ipc::import::{ImportProgress, RELEASE_CSV_COLUMNS};
use crate::ipc::print::PrintProgress;
use crate::ipc::vault::VaultLocked;
use crate::ipc::AppError;

mod addresses;
mod admin;
pub mod bindings;
mod cases;
mod followup;
mod history;
mod legal;
mod lifecycle;
mod print;
mod templates;
mod vault;

pub use bindings::{
    render_bindings, render_field_error_codes, BINDINGS_PATH, FIELD_ERROR_CODES_PATH,
};

type Reply<T> = Result<T, AppError>;

/// One builder serves the invoke handler and the bindings export (and its staleness test).
/// Its commands are `crate::command_names::COMMAND_NAMES`, which a test checks.
pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            vault::vault_status,
            vault::passphrase_hint,
            vault::create_vault,
            vault::unlock,
            vault::lock,
            vault::touch,
            vault::change_passphrase,
            admin::list_users,
            admin::add_user,
            admin::remove_user,
            admin::reset_passphrase,
            vault::set_auto_lock_minutes,
            admin::audit_verify,
            admin::audit_log,
            admin::save_audit_receipt,
            cases::list_children,
            cases::search_children,
            cases::get_child,
            cases::update_child,
            cases::create_sponsor,
            cases::list_sponsors,
            cases::list_sponsors_page,
            cases::create_child,
            cases::set_nta,
            cases::add_hearing,
            cases::import_csv,
            cases::list_courts,
            cases::list_languages,
            cases::list_countries,
            cases::save_rejected_rows,
            cases::set_hearing_result,
            cases::set_proceedings,
            cases::record_address_change,
            addresses::pending_addresses,
            addresses::confirm_address,
            addresses::reject_address,
            lifecycle::close_child,
            lifecycle::reopen_child,
            lifecycle::void_child,
            lifecycle::merge_children,
            lifecycle::assign_child,
            lifecycle::link_sponsor,
            lifecycle::get_sponsor,
            lifecycle::sponsor_form,
            lifecycle::update_sponsor,
            lifecycle::merge_sponsors,
            followup::calls_due,
            followup::calls_due_page,
            followup::log_call,
            followup::list_tasks,
            followup::list_tasks_page,
            followup::red_flags,
            followup::red_flags_page,
            followup::open_flag_count,
            followup::acknowledge_flag,
            followup::dashboard,
            followup::hearings_between,
            followup::hearing_calendar,
            history::child_history,
            history::add_note,
            history::complete_task,
            print::print_preview,
            print::print_page,
            print::print_page_text,
            print::print_save,
            print::print_save_each,
            print::print_open,
            print::print_close,
            print::clinic_contact,
            print::set_clinic_contact,
            templates::template_slots,
            templates::set_template,
            templates::reset_template,
            legal::relief,
            legal::set_relief,
            legal::legal_deadlines,
            legal::concerns,
            legal::concern,
            legal::open_concern,
            legal::concern_step,
            legal::concern_destinations,
            legal::prepare_reminder,
            legal::screening_questions,
            admin::set_supervisor,
            legal::open_message_link,
        ])
        .events(collect_events![VaultLocked, ImportProgress, PrintProgress])
        // A constant, not a command: the import screen's help needs no round trip.
        .constant("RELEASE_CSV_COLUMNS", RELEASE_CSV_COLUMNS)
        // IPC types are one-way (Rust → UI) or simple: one TypeScript shape each is clearer.
        .disable_serde_phases()
}

/// The builder's command names, as the invoke handler knows them.
pub fn builder_command_names() -> Vec<String> {
    let mut names = Vec::new();
    // Exporting is the builder's only view of its commands: this "language" just lists them.
    let _ = builder().export(CommandNames(&mut names), Path::new(""));
    names
}

struct CommandNames<'a>(&'a mut Vec<String>);

impl tauri_specta::LanguageExt for CommandNames<'_> {
    type Error = std::io::Error;

    fn export(self, cfg: &tauri_specta::BuilderConfiguration, _: &Path) -> Result<(), Self::Error> {
        self.0
            .extend(cfg.commands.iter().map(|f| f.name().to_owned()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::command_names::COMMAND_NAMES;

    /// Names in `found` but not in the one list, and the other way round.
    fn differences(found: &[String]) -> (BTreeSet<String>, BTreeSet<String>) {
        let listed: BTreeSet<String> = COMMAND_NAMES.iter().map(|c| (*c).to_owned()).collect();
        let found_set: BTreeSet<String> = found.iter().cloned().collect();
        assert_eq!(
            found_set.len(),
            found.len(),
            "a name appears twice: {found:?}"
        );
        (
            found_set.difference(&listed).cloned().collect(),
            listed.difference(&found_set).cloned().collect(),
        )
    }

    fn assert_same(what: &str, found: &[String]) {
        let (extra, missing) = differences(found);
        assert!(
            extra.is_empty() && missing.is_empty(),
            "{what} differs from src/command_names.rs: not listed there {extra:?}, \
             missing here {missing:?}"
        );
    }

    #[test]
    fn the_one_list_has_no_duplicates() {
        let unique: BTreeSet<&str> = COMMAND_NAMES.iter().copied().collect();
        assert_eq!(unique.len(), COMMAND_NAMES.len());
    }

    #[test]
    fn the_builder_registers_exactly_the_listed_commands() {
        let names = builder_command_names();
        assert!(names.contains(&"vault_status".to_owned()), "{names:?}");
        assert_same("the tauri-specta builder", &names);
    }

    /// The capability grants `allow-<command>` (kebab case) for each command, nothing else of
    /// the app's own (`core:` grants are Tauri's).
    #[test]
    fn the_capability_grants_exactly_the_listed_commands() -> Result<(), String> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities/default.json");
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let grants = json["permissions"]
            .as_array()
            .ok_or("capabilities/default.json has no permissions list")?;
        let mut granted = Vec::new();
        for grant in grants {
            let grant = grant.as_str().ok_or("a permission that is not a string")?;
            if grant.contains(':') {
                continue;
            }
            let command = grant
                .strip_prefix("allow-")
                .ok_or_else(|| format!("{grant:?} is not an allow- grant"))?;
            granted.push(command.replace('-', "_"));
        }
        assert_same("capabilities/default.json", &granted);
        Ok(())
    }

    /// tauri-build writes one file per listed command; a stale one would outlive a removal.
    #[test]
    fn the_generated_permissions_are_exactly_the_listed_commands() -> Result<(), String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/permissions/autogenerated");
        let mut generated = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|e| e == "toml") {
                let stem = path.file_stem().ok_or("a file without a name")?;
                generated.push(stem.to_string_lossy().into_owned());
            }
        }
        assert_same("permissions/autogenerated", &generated);
        Ok(())
    }
}
