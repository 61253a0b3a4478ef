//! Declares the app's own commands so the capability file can grant exactly them.

/// Keep in step with `commands::builder()`; a command missing here cannot be called.
const COMMANDS: &[&str] = &[
    "vault_status",
    "create_vault",
    "unlock",
    "lock",
    "touch",
    "change_passphrase",
    "list_users",
    "add_user",
    "remove_user",
    "reset_passphrase",
    "set_auto_lock_minutes",
    "audit_verify",
    "audit_log",
    "list_children",
    "search_children",
    "get_child",
    "update_child",
    "create_sponsor",
    "list_sponsors",
    "create_child",
    "set_nta",
    "add_hearing",
    "import_csv",
    "list_courts",
    "list_languages",
    "set_hearing_result",
    "set_proceedings",
    "record_address_change",
    "calls_due",
    "log_call",
    "list_tasks",
    "red_flags",
    "acknowledge_flag",
    "dashboard",
    "hearings_between",
    "print_preview",
    "print_page",
    "print_save",
    "print_save_each",
    "print_open",
    "print_close",
    "clinic_contact",
    "set_clinic_contact",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build configuration is valid");
}
