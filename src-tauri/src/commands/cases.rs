//! Casework commands: children, sponsors, proceedings, the release-CSV import, reference
//! lists.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::cases::{
    AddressInput, ChildDetail, ChildInput, ChildPage, ChildSummary, CountryOption, CourtOption,
    CreateResult, HearingOutcome, HearingType, HearingView, LanguageOption, NtaStatus,
    ProceedingsInput, SponsorDetail, SponsorInput, SponsorPage,
};
use crate::ipc::ids::count32;
use crate::ipc::import::{ImportOutcome, ImportProgress, SavedRejectedRows};
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub(super) async fn list_children(
    state: State<'_, AppState>,
    offset: u32,
    limit: u32,
    status: Option<String>,
    mine: bool,
) -> Reply<ChildPage> {
    api::cases::list_children(&state, offset, limit, status, mine)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn search_children(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Reply<Vec<ChildSummary>> {
    api::cases::search_children(&state, query, limit)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn get_child(
    state: State<'_, AppState>,
    id_or_case: String,
) -> Reply<ChildDetail> {
    api::cases::get_child(&state, id_or_case)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn update_child(
    state: State<'_, AppState>,
    id_or_case: String,
    input: ChildInput,
) -> Reply<ChildDetail> {
    api::cases::update_child(&state, id_or_case, input)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn create_sponsor(
    state: State<'_, AppState>,
    input: SponsorInput,
    confirm: bool,
) -> Reply<CreateResult> {
    api::cases::create_sponsor(&state, input, confirm)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn list_sponsors(state: State<'_, AppState>) -> Reply<Vec<SponsorDetail>> {
    api::cases::list_sponsors(&state)
}

/// One page of the Sponsors list narrowed by `query` (a name, or a number being typed).
#[tauri::command]
#[specta::specta]
pub(super) async fn list_sponsors_page(
    state: State<'_, AppState>,
    query: String,
    offset: u32,
    limit: u32,
) -> Reply<SponsorPage> {
    api::cases::list_sponsors_page(&state, query, offset, limit)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn create_child(
    state: State<'_, AppState>,
    input: ChildInput,
    proceedings: ProceedingsInput,
    sponsor_id: Option<u32>,
    confirm: bool,
) -> Reply<CreateResult> {
    api::cases::create_child(&state, input, proceedings, sponsor_id, confirm)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn set_nta(
    state: State<'_, AppState>,
    id_or_case: String,
    status: NtaStatus,
    served_on: Option<String>,
) -> Reply<ChildDetail> {
    api::cases::set_nta(&state, id_or_case, status, served_on)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn add_hearing(
    state: State<'_, AppState>,
    id_or_case: String,
    at: String,
    court: String,
    kind: HearingType,
) -> Reply<HearingView> {
    api::cases::add_hearing(&state, id_or_case, at, court, kind)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn import_csv(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    file_name: String,
    contents: String,
    skip_invalid: bool,
    update: bool,
) -> Reply<ImportOutcome> {
    use tauri_specta::Event;
    let mut progress = |done: usize, total: usize| {
        let _ = ImportProgress {
            done: count32(done),
            total: count32(total),
        }
        .emit(&app);
    };
    api::cases::import_csv(
        &state,
        file_name,
        contents,
        skip_invalid,
        update,
        &mut progress,
    )
}

/// Asks where to save the rejected rows of the file the window read (a native dialog, Rust
/// side), then writes them there; `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub(super) async fn save_rejected_rows(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    file_name: String,
    contents: String,
) -> Reply<Option<SavedRejectedRows>> {
    let picked = super::print::save_dialog(&app)
        .set_file_name(api::cases::rejected_rows_file_name(&file_name))
        .add_filter("CSV", &["csv"])
        .blocking_save_file();
    match super::print::chosen_path(picked)? {
        None => Ok(None),
        Some(path) => api::cases::save_rejected_rows(&state, file_name, contents, &path).map(Some),
    }
}

#[tauri::command]
#[specta::specta]
pub(super) async fn set_hearing_result(
    state: State<'_, AppState>,
    hearing_id: u32,
    outcome: Option<HearingOutcome>,
    judge: Option<String>,
) -> Reply<HearingView> {
    api::cases::set_hearing_result(&state, hearing_id, outcome, judge)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn set_proceedings(
    state: State<'_, AppState>,
    id_or_case: String,
    attorney: Option<String>,
    acis_checked: Option<String>,
) -> Reply<ChildDetail> {
    api::cases::set_proceedings(&state, id_or_case, attorney, acis_checked)
}

#[tauri::command]
#[specta::specta]
pub(super) async fn record_address_change(
    state: State<'_, AppState>,
    sponsor_id: u32,
    address: AddressInput,
    recorded_on: String,
) -> Reply<SponsorDetail> {
    api::cases::record_address_change(&state, sponsor_id, address, recorded_on)
}

#[tauri::command]
#[specta::specta]
pub(super) fn list_courts() -> Vec<CourtOption> {
    api::cases::list_courts()
}

#[tauri::command]
#[specta::specta]
pub(super) fn list_languages() -> Vec<LanguageOption> {
    api::cases::list_languages()
}

/// Countries with their English and Spanish names (reference data, no session needed).
#[tauri::command]
#[specta::specta]
pub(super) fn list_countries() -> Vec<CountryOption> {
    api::cases::list_countries()
}
