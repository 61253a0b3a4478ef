//! Printing commands: the preview and its pages (pictures, and their text for a screen reader),
//! the native save dialogs, the system viewer, and the clinic contact printed on every document.
//! The bodies (`api::print`) take plain paths; only the dialogs and the viewer live here.

use tauri::State;

use super::Reply;
use crate::api;
use crate::ipc::print::{ClinicContact, PrintPreview, PrintProgress, PrintRequest, SavedPrint};
use crate::ipc::AppError;
use crate::state::AppState;

fn emit_progress(app: &tauri::AppHandle) -> impl FnMut(tether_print::BatchProgress) + '_ {
    use tauri_specta::Event;
    move |p| {
        let _ = PrintProgress::from(p).emit(app);
    }
}

// Rendering a batch takes seconds: async keeps the window responsive and showing progress.
#[tauri::command]
#[specta::specta]
pub(super) async fn print_preview(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    request: PrintRequest,
) -> Reply<PrintPreview> {
    api::print::preview(&state, request, &mut emit_progress(&app))
}

#[tauri::command]
#[specta::specta]
pub(super) async fn print_page(state: State<'_, AppState>, job: u32, page: u32) -> Reply<String> {
    api::print::page(&state, job, page)
}

/// A page's text for a screen reader (the page itself is shown as a picture).
#[tauri::command]
#[specta::specta]
pub(super) async fn print_page_text(
    state: State<'_, AppState>,
    job: u32,
    page: u32,
) -> Reply<String> {
    api::print::page_text(&state, job, page)
}

/// Opens the dialog in the user's Documents folder (else Downloads, else home), never in
/// whatever folder the app happened to start from.
pub(super) fn save_dialog(
    app: &tauri::AppHandle,
) -> tauri_plugin_dialog::FileDialogBuilder<tauri::Wry> {
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

pub(super) fn chosen_path(
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
pub(super) async fn print_save(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    job: u32,
) -> Reply<Option<SavedPrint>> {
    let name = api::print::suggested_file_name(&state, job)?;
    let picked = save_dialog(&app)
        .set_file_name(name)
        .add_filter("PDF", &["pdf"])
        .blocking_save_file();
    match chosen_path(picked)? {
        None => Ok(None),
        Some(path) => api::print::save_chosen(&state, job, &path).map(Some),
    }
}

#[tauri::command]
#[specta::specta]
pub(super) async fn print_save_each(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    job: u32,
) -> Reply<Option<SavedPrint>> {
    state.print_job(job)?;
    match chosen_path(save_dialog(&app).blocking_pick_folder())? {
        None => Ok(None),
        Some(dir) => api::print::save_each(&state, job, &dir, &mut emit_progress(&app)).map(Some),
    }
}

/// Hands the PDF to the system's viewer, whose Print button opens the system print dialog.
#[tauri::command]
#[specta::specta]
pub(super) async fn print_open(
    state: State<'_, AppState>,
    app: tauri::AppHandle,
    job: u32,
) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let file = api::print::write_for_viewer(&state, job, &crate::viewer_dir(&app))?;
    app.opener()
        .open_path(file.display().to_string(), None::<&str>)
        .map_err(|e| AppError::no_pdf_viewer(&file, &e.to_string()))
}

#[tauri::command]
#[specta::specta]
pub(super) fn print_close(state: State<'_, AppState>, job: u32) {
    state.close_print_job(job);
}

#[tauri::command]
#[specta::specta]
pub(super) fn clinic_contact(state: State<'_, AppState>) -> Reply<ClinicContact> {
    api::print::clinic_contact(&state)
}

#[tauri::command]
#[specta::specta]
pub(super) fn set_clinic_contact(
    state: State<'_, AppState>,
    contact: ClinicContact,
) -> Reply<ClinicContact> {
    api::print::set_clinic_contact(&state, contact)
}
