//! The `#[tauri::command]`s: each parses its arguments and calls `api`. Nothing else.

use tauri::State;
use tauri_specta::{collect_commands, collect_events, Builder};

use crate::api;
use crate::api_cases;
use crate::api_followup;
use crate::api_print;
use crate::ipc::{
    AppError, AuditEntryView, AuditReport, LockReason, Role, SessionInfo, UserSummary, VaultLocked,
    VaultStatus,
};
use crate::ipc_cases::{
    AddressInput, ChildDetail, ChildInput, ChildPage, ChildSummary, CourtOption, CreateResult,
    HearingOutcome, HearingType, HearingView, ImportOutcome, ImportProgress, LanguageOption,
    NtaStatus, ProceedingsInput, SponsorDetail, SponsorInput,
};
use crate::ipc_followup::{
    CallDue, CallLogged, CallOutcome, Dashboard, HearingItem, RedFlag, SwbAnswers, TaskItem,
};
use crate::ipc_print::{ClinicContact, PrintPreview, PrintProgress, PrintRequest, SavedPrint};
use crate::state::AppState;

type Reply<T> = Result<T, AppError>;

#[tauri::command]
#[specta::specta]
fn vault_status(state: State<'_, AppState>) -> VaultStatus {
    api::vault_status(&state)
}

// Argon2id takes a noticeable fraction of a second: async keeps it off the UI thread.
#[tauri::command]
#[specta::specta]
async fn create_vault(
    state: State<'_, AppState>,
    user_name: String,
    passphrase: String,
) -> Reply<SessionInfo> {
    api::create_vault(&state, user_name, passphrase)
}

#[tauri::command]
#[specta::specta]
async fn unlock(
    state: State<'_, AppState>,
    user_name: String,
    passphrase: String,
) -> Reply<SessionInfo> {
    api::unlock(&state, user_name, passphrase)
}

#[tauri::command]
#[specta::specta]
fn lock(state: State<'_, AppState>, app: tauri::AppHandle) {
    api::lock(&state);
    api_print::clear_viewer_dir(&crate::viewer_dir(&app));
    use tauri_specta::Event;
    let _ = VaultLocked {
        reason: LockReason::User,
    }
    .emit(&app);
}

#[tauri::command]
#[specta::specta]
fn touch(state: State<'_, AppState>) {
    api::touch(&state);
}

#[tauri::command]
#[specta::specta]
async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    new_passphrase: String,
) -> Reply<()> {
    api::change_passphrase(&state, current, new_passphrase)
}

#[tauri::command]
#[specta::specta]
async fn list_users(state: State<'_, AppState>) -> Reply<Vec<UserSummary>> {
    api::list_users(&state)
}

#[tauri::command]
#[specta::specta]
async fn add_user(
    state: State<'_, AppState>,
    name: String,
    role: Role,
    passphrase: String,
) -> Reply<UserSummary> {
    api::add_user(&state, name, role, passphrase)
}

#[tauri::command]
#[specta::specta]
async fn remove_user(state: State<'_, AppState>, name: String) -> Reply<()> {
    api::remove_user(&state, name)
}

#[tauri::command]
#[specta::specta]
async fn reset_passphrase(
    state: State<'_, AppState>,
    name: String,
    passphrase: String,
) -> Reply<()> {
    api::reset_passphrase(&state, name, passphrase)
}

#[tauri::command]
#[specta::specta]
async fn set_auto_lock_minutes(state: State<'_, AppState>, minutes: u32) -> Reply<SessionInfo> {
    api::set_auto_lock_minutes(&state, minutes)
}

#[tauri::command]
#[specta::specta]
async fn audit_verify(state: State<'_, AppState>) -> Reply<AuditReport> {
    api::audit_verify(&state)
}

#[tauri::command]
#[specta::specta]
async fn audit_log(state: State<'_, AppState>, limit: u32) -> Reply<Vec<AuditEntryView>> {
    api::audit_log(&state, limit)
}

#[tauri::command]
#[specta::specta]
async fn list_children(state: State<'_, AppState>, offset: u32, limit: u32) -> Reply<ChildPage> {
    api_cases::list_children(&state, offset, limit)
}

#[tauri::command]
#[specta::specta]
async fn search_children(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Reply<Vec<ChildSummary>> {
    api_cases::search_children(&state, query, limit)
}

#[tauri::command]
#[specta::specta]
async fn get_child(state: State<'_, AppState>, id_or_case: String) -> Reply<ChildDetail> {
    api_cases::get_child(&state, id_or_case)
}

#[tauri::command]
#[specta::specta]
async fn update_child(
    state: State<'_, AppState>,
    id_or_case: String,
    input: ChildInput,
) -> Reply<ChildDetail> {
    api_cases::update_child(&state, id_or_case, input)
}

#[tauri::command]
#[specta::specta]
async fn create_sponsor(
    state: State<'_, AppState>,
    input: SponsorInput,
    confirm: bool,
) -> Reply<CreateResult> {
    api_cases::create_sponsor(&state, input, confirm)
}

#[tauri::command]
#[specta::specta]
async fn list_sponsors(state: State<'_, AppState>) -> Reply<Vec<SponsorDetail>> {
    api_cases::list_sponsors(&state)
}

#[tauri::command]
#[specta::specta]
async fn create_child(
    state: State<'_, AppState>,
    input: ChildInput,
    proceedings: ProceedingsInput,
    sponsor_id: Option<u32>,
    confirm: bool,
) -> Reply<CreateResult> {
    api_cases::create_child(&state, input, proceedings, sponsor_id, confirm)
}

#[tauri::command]
#[specta::specta]
async fn set_nta(
    state: State<'_, AppState>,
    id_or_case: String,
    status: NtaStatus,
    served_on: Option<String>,
) -> Reply<ChildDetail> {
    api_cases::set_nta(&state, id_or_case, status, served_on)
}

#[tauri::command]
#[specta::specta]
async fn add_hearing(
    state: State<'_, AppState>,
    id_or_case: String,
    at: String,
    court: String,
    kind: HearingType,
) -> Reply<HearingView> {
    api_cases::add_hearing(&state, id_or_case, at, court, kind)
}

#[tauri::command]
#[specta::specta]
async fn import_csv(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    file_name: String,
    contents: String,
    skip_invalid: bool,
) -> Reply<ImportOutcome> {
    use tauri_specta::Event;
    let mut progress = |done: usize, total: usize| {
        let _ = ImportProgress {
            done: u32::try_from(done).unwrap_or(u32::MAX),
            total: u32::try_from(total).unwrap_or(u32::MAX),
        }
        .emit(&app);
    };
    api_cases::import_csv(&state, file_name, contents, skip_invalid, &mut progress)
}

#[tauri::command]
#[specta::specta]
async fn set_hearing_result(
    state: State<'_, AppState>,
    hearing_id: u32,
    outcome: Option<HearingOutcome>,
    judge: Option<String>,
) -> Reply<HearingView> {
    api_cases::set_hearing_result(&state, hearing_id, outcome, judge)
}

#[tauri::command]
#[specta::specta]
async fn set_proceedings(
    state: State<'_, AppState>,
    id_or_case: String,
    attorney: Option<String>,
    acis_checked: Option<String>,
) -> Reply<ChildDetail> {
    api_cases::set_proceedings(&state, id_or_case, attorney, acis_checked)
}

#[tauri::command]
#[specta::specta]
async fn record_address_change(
    state: State<'_, AppState>,
    sponsor_id: u32,
    address: AddressInput,
    recorded_on: String,
) -> Reply<SponsorDetail> {
    api_cases::record_address_change(&state, sponsor_id, address, recorded_on)
}

#[tauri::command]
#[specta::specta]
fn list_courts() -> Vec<CourtOption> {
    api_cases::list_courts()
}

#[tauri::command]
#[specta::specta]
fn list_languages() -> Vec<LanguageOption> {
    api_cases::list_languages()
}

#[tauri::command]
#[specta::specta]
async fn calls_due(state: State<'_, AppState>, on: Option<String>) -> Reply<Vec<CallDue>> {
    api_followup::calls_due(&state, on)
}

#[tauri::command]
#[specta::specta]
async fn log_call(
    state: State<'_, AppState>,
    id_or_case: String,
    outcome: CallOutcome,
    at: Option<String>,
    note: String,
    answers: Option<SwbAnswers>,
) -> Reply<CallLogged> {
    api_followup::log_call(&state, id_or_case, outcome, at, note, answers)
}

#[tauri::command]
#[specta::specta]
async fn list_tasks(state: State<'_, AppState>, on: Option<String>) -> Reply<Vec<TaskItem>> {
    api_followup::list_tasks(&state, on)
}

#[tauri::command]
#[specta::specta]
async fn red_flags(state: State<'_, AppState>) -> Reply<Vec<RedFlag>> {
    api_followup::red_flags(&state)
}

#[tauri::command]
#[specta::specta]
async fn acknowledge_flag(
    state: State<'_, AppState>,
    flag_id: String,
    note: String,
) -> Reply<RedFlag> {
    api_followup::acknowledge_flag(&state, flag_id, note)
}

#[tauri::command]
#[specta::specta]
async fn dashboard(state: State<'_, AppState>, on: Option<String>) -> Reply<Dashboard> {
    api_followup::dashboard(&state, on)
}

#[tauri::command]
#[specta::specta]
async fn hearings_between(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Reply<Vec<HearingItem>> {
    api_followup::hearings_between(&state, from, to)
}

// ---- printing ------------------------------------------------------------------------------

fn emit_progress(app: &tauri::AppHandle) -> impl FnMut(tether_print::BatchProgress) + '_ {
    use tauri_specta::Event;
    move |p| {
        let _ = PrintProgress::from(p).emit(app);
    }
}

// Rendering a batch takes seconds: async keeps the window responsive and showing progress.
#[tauri::command]
#[specta::specta]
async fn print_preview(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    request: PrintRequest,
) -> Reply<PrintPreview> {
    api_print::preview(&state, request, &mut emit_progress(&app))
}

#[tauri::command]
#[specta::specta]
async fn print_page(state: State<'_, AppState>, job: u32, page: u32) -> Reply<String> {
    api_print::page(&state, job, page)
}

/// Opens the dialog in the user's Documents folder (else Downloads, else home), never in
/// whatever folder the app happened to start from.
fn save_dialog(app: &tauri::AppHandle) -> tauri_plugin_dialog::FileDialogBuilder<tauri::Wry> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;
    let paths = app.path();
    let start = [paths.document_dir(), paths.download_dir(), paths.home_dir()]
        .into_iter()
        .flatten()
        .find(|dir| dir.is_dir());
    let dialog = app.dialog().file();
    match start {
        Some(dir) => dialog.set_directory(dir),
        None => dialog,
    }
}

fn chosen_path(
    picked: Option<tauri_plugin_dialog::FilePath>,
) -> Result<Option<std::path::PathBuf>, AppError> {
    picked
        .map(|p| {
            p.into_path()
                .map_err(|e| AppError::invalid("path", format!("not a file on this computer: {e}")))
        })
        .transpose()
}

// The native dialog blocks until the user answers: async keeps it off the main thread.
#[tauri::command]
#[specta::specta]
async fn print_save(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    job: u32,
) -> Reply<Option<SavedPrint>> {
    let name = api_print::suggested_file_name(&state, job)?;
    let picked = save_dialog(&app)
        .set_file_name(name)
        .add_filter("PDF", &["pdf"])
        .blocking_save_file();
    match chosen_path(picked)? {
        None => Ok(None),
        Some(path) => api_print::save(&state, job, &path).map(Some),
    }
}

#[tauri::command]
#[specta::specta]
async fn print_save_each(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    job: u32,
) -> Reply<Option<SavedPrint>> {
    state.print_job(job)?;
    match chosen_path(save_dialog(&app).blocking_pick_folder())? {
        None => Ok(None),
        Some(dir) => api_print::save_each(&state, job, &dir, &mut emit_progress(&app)).map(Some),
    }
}

/// Hands the PDF to the system's viewer, whose Print button opens the system print dialog.
#[tauri::command]
#[specta::specta]
async fn print_open(state: State<'_, AppState>, app: tauri::AppHandle, job: u32) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let file = api_print::write_for_viewer(&state, job, &crate::viewer_dir(&app))?;
    app.opener()
        .open_path(file.display().to_string(), None::<&str>)
        .map_err(|e| AppError {
            kind: crate::ipc::ErrorKind::Internal,
            message: format!("no PDF viewer could open {}: {e}", file.display()),
            field: None,
            fields: Vec::new(),
            code: None,
            params: Box::default(),
        })
}

#[tauri::command]
#[specta::specta]
fn print_close(state: State<'_, AppState>, job: u32) {
    state.close_print_job(job);
}

#[tauri::command]
#[specta::specta]
fn clinic_contact(state: State<'_, AppState>) -> Reply<ClinicContact> {
    api_print::clinic_contact(&state)
}

#[tauri::command]
#[specta::specta]
fn set_clinic_contact(state: State<'_, AppState>, contact: ClinicContact) -> Reply<ClinicContact> {
    api_print::set_clinic_contact(&state, contact)
}

/// One builder serves the invoke handler and the bindings export (and its staleness test).
pub fn builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            vault_status,
            create_vault,
            unlock,
            lock,
            touch,
            change_passphrase,
            list_users,
            add_user,
            remove_user,
            reset_passphrase,
            set_auto_lock_minutes,
            audit_verify,
            audit_log,
            list_children,
            search_children,
            get_child,
            update_child,
            create_sponsor,
            list_sponsors,
            create_child,
            set_nta,
            add_hearing,
            import_csv,
            list_courts,
            list_languages,
            set_hearing_result,
            set_proceedings,
            record_address_change,
            calls_due,
            log_call,
            list_tasks,
            red_flags,
            acknowledge_flag,
            dashboard,
            hearings_between,
            print_preview,
            print_page,
            print_save,
            print_save_each,
            print_open,
            print_close,
            clinic_contact,
            set_clinic_contact,
        ])
        .events(collect_events![VaultLocked, ImportProgress, PrintProgress])
        // IPC types are one-way (Rust → UI) or simple: one TypeScript shape each is clearer.
        .disable_serde_phases()
}

pub const BINDINGS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/bindings.ts");

/// Every field error code the backend sends, for the UI's test that both catalogs translate
/// each one (`fieldError.<code>`).
pub const FIELD_ERROR_CODES_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ui/src/lib/i18n/field-error-codes.json"
);

/// `FIELD_ERROR_CODES` as a JSON array, one code a line (diffs stay readable).
pub fn render_field_error_codes() -> Result<String, String> {
    let codes = tether_core::casework::FIELD_ERROR_CODES;
    serde_json::to_string_pretty(codes)
        .map(|json| json + "\n")
        .map_err(|e| e.to_string())
}

pub fn render_bindings() -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("tether-bindings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("bindings.ts");
    builder()
        .export(specta_typescript::Typescript::default(), &file)
        .map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(&file).map_err(|e| e.to_string());
    let _ = std::fs::remove_dir_all(&dir);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `TETHER_UPDATE_BINDINGS=1 cargo test -p tether-app bindings` rewrites the file.
    #[test]
    fn committed_bindings_are_current() -> Result<(), String> {
        let fresh = render_bindings()?;
        if std::env::var_os("TETHER_UPDATE_BINDINGS").is_some() {
            std::fs::write(BINDINGS_PATH, &fresh).map_err(|e| e.to_string())?;
        }
        let committed = std::fs::read_to_string(BINDINGS_PATH).map_err(|e| e.to_string())?;
        assert!(
            committed == fresh,
            "ui/src/lib/bindings.ts is stale: run `make bindings` and commit it"
        );
        Ok(())
    }

    /// Rewritten by `TETHER_UPDATE_BINDINGS=1` too (`make bindings`).
    #[test]
    fn committed_field_error_codes_are_current() -> Result<(), String> {
        let fresh = render_field_error_codes()?;
        if std::env::var_os("TETHER_UPDATE_BINDINGS").is_some() {
            std::fs::write(FIELD_ERROR_CODES_PATH, &fresh).map_err(|e| e.to_string())?;
        }
        let committed =
            std::fs::read_to_string(FIELD_ERROR_CODES_PATH).map_err(|e| e.to_string())?;
        assert!(
            committed == fresh,
            "ui/src/lib/i18n/field-error-codes.json is stale: run `make bindings` and commit it"
        );
        Ok(())
    }
}
