//! Printing command bodies on plain values: the preview, its pages, saving and handing the PDF
//! to the system viewer. Native dialogs and the viewer are opened by the command layer, so
//! everything here runs in tests with plain paths.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tether_print::{
    gather_batch, gather_call_sheet, gather_case_document, gather_concern_report, printer_for,
    write_new, BatchProgress, Prepared,
};

use super::optional_date;
use crate::ipc::ids::{count32, store_id};
use crate::ipc::print::{ClinicContact, PrintDocument, PrintPreview, PrintRequest, SavedPrint};
use crate::ipc::AppError;
use crate::state::{AppState, SessionEpoch};

fn day(raw: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    optional_date("on", raw.map(str::trim))
}

/// Renders what `request` asks for and keeps it for the preview. The case is read under the
/// session; the rendering (seconds for a large batch) runs after it is released, so other
/// commands and the auto-lock are not held up.
pub fn preview(
    state: &AppState,
    request: PrintRequest,
    progress: &mut dyn FnMut(BatchProgress),
) -> Result<PrintPreview, AppError> {
    let on = day(request.on.as_deref())?;
    let (lang, layout) = (request.lang.into(), request.layout.into());
    let (printer, gathered, epoch) = state.with_session_epoch(|s, epoch| {
        let printer = printer_for(s)?;
        let gathered = match (request.document, request.document.case_printable()) {
            (_, Some(what)) => {
                let child = request
                    .child
                    .as_deref()
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .ok_or_else(|| AppError::invalid("child", "choose the child to print for"))?;
                gather_case_document(s, child, what, lang, layout)?
            }
            (PrintDocument::CallSheet, None) => {
                let on = on.unwrap_or_else(|| s.today());
                gather_call_sheet(s, on, lang, layout)?
            }
            (PrintDocument::ConcernReport, None) => {
                let concern = request.concern.ok_or_else(|| {
                    AppError::invalid("concern", "choose the concern report to print")
                })?;
                gather_concern_report(s, store_id(concern), lang, layout)?
            }
            (_, None) => {
                let days = request.within_days.ok_or_else(|| {
                    AppError::invalid("within_days", "give the number of days to look ahead")
                })?;
                gather_batch(s, days, lang, layout, progress).map_err(|e| {
                    // The CLI's flag name means nothing in the window: name the form's field.
                    let mut e = AppError::from(e);
                    if e.field.as_deref() == Some("hearings-within") {
                        e.field = Some("within_days".into());
                    }
                    e
                })?
            }
        };
        Ok((printer, gathered, epoch))
    })?;
    let prepared = gathered.render(&printer, progress)?;
    describe(state, request.document, prepared, epoch)
}

fn describe(
    state: &AppState,
    document: PrintDocument,
    prepared: Prepared,
    epoch: SessionEpoch,
) -> Result<PrintPreview, AppError> {
    // Typst's points carry float noise (791.9999…); whole points are plenty for a preview.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let round = |pt: f64| pt.round().clamp(1.0, 100_000.0) as u32;
    let (width, height) = prepared
        .rendered()
        .map_or((612.0, 792.0), tether_print::Rendered::page_size_pt);
    let (page_width_pt, page_height_pt) = (round(width), round(height));
    let case_number = match document {
        PrintDocument::CallSheet | PrintDocument::BatchNotices => None,
        _ => prepared.subjects().first().map(|s| s.case_number.clone()),
    };
    let notice_count = count32(prepared.subjects().len());
    let page_count = count32(prepared.page_count());
    let file_name = prepared.file_name().to_owned();
    let custom_templates = prepared.custom_templates().to_vec();
    Ok(PrintPreview {
        // A vault locked while rendering refuses the job: no document outlives the session.
        job: state.add_print_job(prepared, epoch)?,
        custom_templates,
        document,
        case_number,
        page_count,
        notice_count,
        file_name,
        page_width_pt,
        page_height_pt,
    })
}

/// The SVG of one page of a previewed printout.
pub fn page(state: &AppState, job: u32, page: u32) -> Result<String, AppError> {
    let prepared = state.print_job(job)?;
    let index = usize::try_from(page).unwrap_or(usize::MAX);
    prepared
        .rendered()
        .and_then(|r| r.page_svg(index))
        .ok_or_else(|| AppError::not_found("page", page.to_string()))
}

/// The text of one page of a previewed printout, in reading order, one printed line per line:
/// what a screen reader reads in place of the page's picture.
pub fn page_text(state: &AppState, job: u32, page: u32) -> Result<String, AppError> {
    let prepared = state.print_job(job)?;
    let index = usize::try_from(page).unwrap_or(usize::MAX);
    prepared
        .rendered()
        .and_then(|r| r.page_text(index))
        .ok_or_else(|| AppError::not_found("page", page.to_string()))
}

/// The file name a save dialog should suggest.
pub fn suggested_file_name(state: &AppState, job: u32) -> Result<String, AppError> {
    Ok(state.print_job(job)?.file_name().to_owned())
}

/// Writes the previewed document to a new file at `path` (audited).
pub fn save(state: &AppState, job: u32, path: &Path) -> Result<SavedPrint, AppError> {
    state.with_print_job(job, |s, prepared| Ok(prepared.write_pdf(s, path)?))?;
    Ok(SavedPrint {
        path: path.display().to_string(),
        files: 1,
        chosen_path: None,
    })
}

/// Saves where the user chose in the native Save dialog. That dialog asks "Replace?" when the
/// file exists, but Tether never replaces a file (a notice someone already printed or sent may
/// be that file): the safe option is taken, the PDF is written beside it as `name (2).pdf` (the
/// first free number), and the answer names both paths so the window can say so.
pub fn save_chosen(state: &AppState, job: u32, chosen: &Path) -> Result<SavedPrint, AppError> {
    for n in 1..=MAX_NUMBERED {
        let path = numbered(chosen, n);
        if n > 1 && path.exists() {
            continue;
        }
        match state.with_print_job(job, |s, prepared| Ok(prepared.write_pdf(s, &path)?)) {
            Ok(()) => {
                return Ok(SavedPrint {
                    path: path.display().to_string(),
                    files: 1,
                    chosen_path: (n > 1).then(|| chosen.display().to_string()),
                })
            }
            // Taken (by the file the dialog offered to replace, or one made a moment ago).
            Err(e) if e.field.as_deref() == Some("out") && path.exists() => continue,
            Err(e) => return Err(e),
        }
    }
    Err(AppError::invalid(
        "out",
        format!(
            "{} and {MAX_NUMBERED} numbered copies beside it already exist; choose another name",
            chosen.display()
        ),
    ))
}

/// How many numbered names beside an existing file are tried.
const MAX_NUMBERED: u32 = 99;

/// `notice.pdf`, then `notice (2).pdf`, `notice (3).pdf`, … beside it.
fn numbered(path: &Path, n: u32) -> PathBuf {
    if n <= 1 {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem} ({n}).{}", ext.to_string_lossy()),
        None => format!("{stem} ({n})"),
    };
    path.with_file_name(name)
}

/// Writes one PDF per notice of a previewed batch into `dir` (audited).
pub fn save_each(
    state: &AppState,
    job: u32,
    dir: &Path,
    progress: &mut dyn FnMut(BatchProgress),
) -> Result<SavedPrint, AppError> {
    let files = state.with_print_job(job, |s, prepared| {
        let printer = printer_for(s)?;
        Ok(prepared.write_each(s, &printer, dir, progress)?)
    })?;
    Ok(SavedPrint {
        path: dir.display().to_string(),
        files: count32(files),
        chosen_path: None,
    })
}

/// Where PDFs handed to the system viewer go: the per-user runtime folder when there is one
/// (in memory on Linux, emptied at log-out), so a child's address is not left on the disk.
pub fn viewer_dir(fallback: &Path) -> PathBuf {
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|d| d.is_dir())
        .unwrap_or_else(|| fallback.to_path_buf())
        .join("tether-print")
}

/// Writes the previewed document for the system viewer into `dir` (private to the user,
/// emptied at each lock), audited as printed; returns the file to open.
pub fn write_for_viewer(state: &AppState, job: u32, dir: &Path) -> Result<PathBuf, AppError> {
    let (pdf, file_name) = state.with_print_job(job, |s, prepared| {
        Ok((
            prepared.pdf_for_printing(s)?,
            prepared.file_name().to_owned(),
        ))
    })?;
    private_dir(dir)?;
    let file = dir.join(format!("{job}-{file_name}"));
    let _ = std::fs::remove_file(&file);
    write_new(&file, &pdf)?;
    Ok(file)
}

/// Removes the PDFs handed to the viewer (at lock and at start).
pub fn clear_viewer_dir(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

fn private_dir(dir: &Path) -> Result<(), AppError> {
    let internal = |e: std::io::Error| {
        AppError::internal(format!("prepare {} for printing: {e}", dir.display()))
    };
    std::fs::create_dir_all(dir).map_err(internal)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(internal)?;
    }
    Ok(())
}

pub fn clinic_contact(state: &AppState) -> Result<ClinicContact, AppError> {
    state.with_session(|s| Ok(s.clinic_contact()?.into()))
}

pub fn set_clinic_contact(
    state: &AppState,
    contact: ClinicContact,
) -> Result<ClinicContact, AppError> {
    state.with_session(|s| Ok(s.set_clinic_contact(&contact.into())?.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::admin::{add_user, audit_log};
    use crate::api::cases::create_child;
    use crate::api::test_support::PASS;
    use crate::api::vault::{create_vault, lock, unlock};
    use crate::ipc::cases::{ChildInput, CreateResult, ProceedingsInput};
    use crate::ipc::print::{PrintLang, PrintLayout};
    use crate::ipc::vault::Role;
    use crate::ipc::ErrorKind;
    use tether_store::VaultPaths;

    const VOLUNTEER_PASS: &str = "volunteer passphrase";

    fn io(e: std::io::Error) -> AppError {
        AppError::invalid("test", e.to_string())
    }

    /// A vault with an admin (signed in), a volunteer, and José Ramírez with a hearing at the
    /// Houston court a week from today (batches look ahead from today).
    fn clinic_with_jose(dir: &Path) -> Result<(AppState, String), AppError> {
        let state = AppState::new(VaultPaths::new(dir.join("vault")));
        create_vault(&state, "ana".into(), PASS.into())?;
        add_user(
            &state,
            "beto".into(),
            Role::Volunteer,
            VOLUNTEER_PASS.into(),
        )?;
        let hearing = chrono::Utc::now().date_naive() + chrono::Days::new(7);
        let created = create_child(
            &state,
            ChildInput {
                given_name: "José".into(),
                family_name: "Ramírez".into(),
                aliases: vec![],
                birth_date: "2010-05-01".into(),
                sex: String::new(),
                a_number: "123-456-789".into(),
                country_of_birth: "Guatemala".into(),
                primary_language: "mam".into(),
                interpreter_needed: "yes".into(),
                release_date: "2026-10-01".into(),
                orr_program: String::new(),
                relationship: "tía".into(),
                notes: String::new(),
            },
            ProceedingsInput {
                nta_status: "served".into(),
                nta_served_on: "2026-10-15".into(),
                court_code: "HOU".into(),
                next_hearing: format!("{hearing} 09:00"),
            },
            None,
            false,
        )?;
        let CreateResult::Created {
            case_number: Some(case_number),
            ..
        } = created
        else {
            return Err(AppError::invalid(
                "test",
                format!("not created: {created:?}"),
            ));
        };
        Ok((state, case_number))
    }

    fn request(document: PrintDocument, child: Option<&str>) -> PrintRequest {
        PrintRequest {
            document,
            child: child.map(str::to_owned),
            lang: PrintLang::Both,
            layout: PrintLayout::SideBySide,
            on: None,
            within_days: None,
            concern: None,
        }
    }

    fn printed_entries(state: &AppState) -> Result<usize, AppError> {
        Ok(audit_log(state, 1000)?
            .iter()
            .filter(|e| e.action == "document_printed" && e.outcome == "ok")
            .count())
    }

    #[test]
    fn a_notice_is_previewed_page_by_page_then_saved_once_and_audited() -> Result<(), AppError> {
        let dir = tempfile::tempdir().map_err(io)?;
        let (state, case_number) = clinic_with_jose(dir.path())?;
        let shown = preview(
            &state,
            request(PrintDocument::Notice, Some(&case_number)),
            &mut |_| {},
        )?;
        assert_eq!(shown.case_number.as_deref(), Some(case_number.as_str()));
        assert_eq!(shown.notice_count, 1);
        assert!(shown.page_count >= 1, "{shown:?}");
        assert_eq!((shown.page_width_pt, shown.page_height_pt), (612, 792));
        assert!(shown.file_name.ends_with(".pdf"), "{}", shown.file_name);
        assert!(page(&state, shown.job, 0)?.starts_with("<svg"));
        let past_the_end = page(&state, shown.job, shown.page_count).expect_err("no such page");
        assert_eq!(past_the_end.kind, ErrorKind::NotFound);
        // The page's words, for a screen reader: the child and the hearing as printed.
        let text = page_text(&state, shown.job, 0)?;
        let hearing = chrono::Utc::now().date_naive() + chrono::Days::new(7);
        for needle in [
            "José Ramírez".to_owned(),
            format!("({hearing})"),
            "Houston".to_owned(),
            "Child / Menor".to_owned(),
        ] {
            assert!(text.contains(&needle), "no {needle:?} in:\n{text}");
        }
        let past_the_end = page_text(&state, shown.job, shown.page_count).expect_err("no page");
        assert_eq!(past_the_end.kind, ErrorKind::NotFound);
        assert_eq!(printed_entries(&state)?, 0, "a preview is not a print");

        let out = dir.path().join("notice.pdf");
        let saved = save(&state, shown.job, &out)?;
        assert_eq!(saved.files, 1);
        let pdf = std::fs::read(&out).map_err(io)?;
        assert!(pdf.starts_with(b"%PDF"));
        assert_eq!(printed_entries(&state)?, 1);

        let again = save(&state, shown.job, &out).expect_err("never over an existing file");
        assert_eq!(
            (again.kind, again.field.as_deref()),
            (ErrorKind::InvalidInput, Some("out"))
        );
        assert_eq!(std::fs::read(&out).map_err(io)?, pdf);

        // After "Replace" in the native dialog: the existing file stays, the PDF goes beside it.
        let beside = save_chosen(&state, shown.job, &out)?;
        let second = dir.path().join("notice (2).pdf");
        assert_eq!(beside.path, second.display().to_string());
        assert_eq!(beside.chosen_path, Some(out.display().to_string()));
        assert_eq!(
            std::fs::read(&out).map_err(io)?,
            pdf,
            "the chosen file is untouched"
        );
        assert!(std::fs::read(&second).map_err(io)?.starts_with(b"%PDF"));
        let third = save_chosen(&state, shown.job, &out)?;
        assert!(third.path.ends_with("notice (3).pdf"), "{third:?}");
        let fresh = save_chosen(&state, shown.job, &dir.path().join("José.pdf"))?;
        assert_eq!(fresh.chosen_path, None);
        assert_eq!(printed_entries(&state)?, 4);

        let viewer = dir.path().join("runtime").join("tether-print");
        let file = write_for_viewer(&state, shown.job, &viewer)?;
        assert!(file.starts_with(&viewer) && file.exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&viewer).map_err(io)?.permissions().mode();
            assert_eq!(
                mode & 0o777,
                0o700,
                "only the user may read the handed-over PDF"
            );
        }
        assert_eq!(
            printed_entries(&state)?,
            5,
            "four saves and the viewer's copy"
        );
        clear_viewer_dir(&viewer);
        assert!(!viewer.exists());
        Ok(())
    }

    #[test]
    fn a_batch_reads_every_hearing_in_range_and_saves_one_file_each() -> Result<(), AppError> {
        let dir = tempfile::tempdir().map_err(io)?;
        let (state, _) = clinic_with_jose(dir.path())?;
        let mut stages = Vec::new();
        let mut batch = request(PrintDocument::BatchNotices, None);
        batch.within_days = Some(14);
        let shown = preview(&state, batch.clone(), &mut |p| stages.push(p))?;
        assert_eq!(shown.notice_count, 1);
        assert!(stages.contains(&BatchProgress::Gathering { done: 1, total: 1 }));
        assert!(stages.contains(&BatchProgress::Rendering { done: 1, total: 1 }));

        let folder = dir.path().join("notices");
        let saved = save_each(&state, shown.job, &folder, &mut |_| {})?;
        assert_eq!(saved.files, 1);
        assert_eq!(std::fs::read_dir(&folder).map_err(io)?.count(), 1);

        batch.within_days = Some(3);
        let nothing = preview(&state, batch.clone(), &mut |_| {})?;
        assert_eq!((nothing.notice_count, nothing.page_count), (0, 0));
        assert!(save(&state, nothing.job, &dir.path().join("empty.pdf")).is_err());

        batch.within_days = Some(5000);
        let too_far = preview(&state, batch, &mut |_| {}).expect_err("at most ten years");
        assert_eq!(too_far.field.as_deref(), Some("within_days"));
        Ok(())
    }

    #[test]
    fn volunteers_print_only_the_call_sheet_and_locking_forgets_previews() -> Result<(), AppError> {
        let dir = tempfile::tempdir().map_err(io)?;
        let (state, case_number) = clinic_with_jose(dir.path())?;
        let held = preview(
            &state,
            request(PrintDocument::NtaRecord, Some(&case_number)),
            &mut |_| {},
        )?;
        lock(&state);
        assert_eq!(
            page(&state, held.job, 0).map_err(|e| e.kind),
            Err(ErrorKind::Locked)
        );
        assert_eq!(
            page_text(&state, held.job, 0).map_err(|e| e.kind),
            Err(ErrorKind::Locked)
        );

        unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
        assert_eq!(
            page(&state, held.job, 0).map_err(|e| e.kind),
            Err(ErrorKind::NotFound)
        );
        let denied = preview(
            &state,
            request(PrintDocument::Notice, Some(&case_number)),
            &mut |_| {},
        )
        .expect_err("volunteers do not print case documents");
        assert_eq!(denied.kind, ErrorKind::PermissionDenied);
        let mut sheet = request(PrintDocument::CallSheet, None);
        sheet.on = Some("2026-10-31".into());
        let calls = preview(&state, sheet, &mut |_| {})?;
        assert!(calls.page_width_pt > calls.page_height_pt, "landscape");
        Ok(())
    }

    /// Ana renders a batch; while it renders (the session is released then) she locks and the
    /// volunteer Beto unlocks. Ana's notices, with José's A-Number, must not become Beto's
    /// preview: the job belongs to Ana's session and answers NotFound in Beto's.
    #[test]
    fn a_job_rendered_for_one_user_is_not_shown_to_the_next() -> Result<(), AppError> {
        let dir = tempfile::tempdir().map_err(io)?;
        let (state, _) = clinic_with_jose(dir.path())?;
        let mut batch = request(PrintDocument::BatchNotices, None);
        batch.within_days = Some(14);
        let mut switched = Ok(());
        let raced = preview(&state, batch.clone(), &mut |p| {
            if p == (BatchProgress::Rendering { done: 0, total: 1 }) {
                lock(&state);
                switched = unlock(&state, "beto".into(), VOLUNTEER_PASS.into()).map(|_| ());
            }
        })
        .expect_err("Ana's job is not Beto's");
        switched?;
        assert_eq!(raced.kind, ErrorKind::NotFound, "{raced:?}");

        // A job kept from an earlier session is gone for the next one, page and save alike.
        lock(&state);
        unlock(&state, "ana".into(), PASS.into())?;
        let held = preview(&state, batch, &mut |_| {})?;
        let epoch = state.current_epoch();
        lock(&state);
        unlock(&state, "ana".into(), PASS.into())?;
        assert_ne!(state.current_epoch(), epoch, "each unlock is a new session");
        for answer in [
            page(&state, held.job, 0).map(|_| ()),
            suggested_file_name(&state, held.job).map(|_| ()),
            save(&state, held.job, &dir.path().join("notices.pdf")).map(|_| ()),
        ] {
            assert_eq!(answer.map_err(|e| e.kind), Err(ErrorKind::NotFound));
        }
        assert!(!dir.path().join("notices.pdf").exists());
        Ok(())
    }

    /// A template file forged in the vault folder is not read, even by the app.
    #[test]
    fn the_preview_marks_an_admins_template_and_ignores_the_folder() -> Result<(), AppError> {
        let dir = tempfile::tempdir().map_err(io)?;
        let (state, case_number) = clinic_with_jose(dir.path())?;
        let folder = dir.path().join("vault").join("templates");
        std::fs::create_dir_all(&folder).map_err(io)?;
        std::fs::write(folder.join("notice.typ"), "= 123 Fake St.").map_err(io)?;
        let shown = preview(
            &state,
            request(PrintDocument::Notice, Some(&case_number)),
            &mut |_| {},
        )?;
        assert!(shown.custom_templates.is_empty(), "{shown:?}");
        assert!(!page(&state, shown.job, 0)?.contains("Fake"));

        state.with_session(|s| {
            tether_print::set_template_override(
                s,
                "clinic.typ",
                b"#let clinic = (name: \"Centro Esperanza\", phone: none, address: ())\n",
            )?;
            Ok(())
        })?;
        let shown = preview(
            &state,
            request(PrintDocument::Notice, Some(&case_number)),
            &mut |_| {},
        )?;
        assert_eq!(shown.custom_templates, ["clinic.typ"]);
        Ok(())
    }

    #[test]
    fn the_clinic_contact_is_checked_and_only_admins_change_it() -> Result<(), AppError> {
        let dir = tempfile::tempdir().map_err(io)?;
        let (state, _) = clinic_with_jose(dir.path())?;
        assert_eq!(clinic_contact(&state)?.name, "");
        let bad = set_clinic_contact(
            &state,
            ClinicContact {
                name: "Clínica Legal Ñuñoa".into(),
                phone: "call us".into(),
                address: String::new(),
            },
        )
        .expect_err("not a phone number");
        assert_eq!(bad.field.as_deref(), Some("phone"));
        assert_eq!(clinic_contact(&state)?.name, "", "nothing saved on error");

        let saved = set_clinic_contact(
            &state,
            ClinicContact {
                name: "Clínica Legal Ñuñoa".into(),
                phone: "(713) 555-0188".into(),
                address: "1200 Main St\nHouston, TX 77002".into(),
            },
        )?;
        assert_eq!(saved.phone, "+1 713-555-0188");
        assert_eq!(clinic_contact(&state)?, saved);

        lock(&state);
        unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
        let denied = set_clinic_contact(&state, saved).expect_err("admins only");
        assert_eq!(denied.kind, ErrorKind::PermissionDenied);
        Ok(())
    }

    /// The window previews a concern report by its number: the caller's words and the signers
    /// on the page a screen reader reads; saving it is audited for the child; a volunteer is
    /// refused; no number is a field error.
    #[test]
    fn a_concern_report_is_previewed_for_the_supervisor_and_refused_to_volunteers(
    ) -> Result<(), AppError> {
        use tether_core::legal::ConcernStep;
        let dir = tempfile::tempdir().map_err(io)?;
        let (state, case_number) = clinic_with_jose(dir.path())?;
        let heard = "Dice que duerme en el taller de Ñuñoa Street.";
        // Carmen, a case manager, opens and submits it; Ana, the admin, signs it off.
        add_user(
            &state,
            "carmen".into(),
            Role::CaseManager,
            VOLUNTEER_PASS.into(),
        )?;
        lock(&state);
        unlock(&state, "carmen".into(), VOLUNTEER_PASS.into())?;
        let id = state.with_session(|s| {
            let opened = s.open_concern(&case_number, "labour_exploitation", heard, None)?;
            s.concern_step(opened.concern_id, ConcernStep::Submit, "", None)?;
            Ok(opened.concern_id)
        })?;
        lock(&state);
        unlock(&state, "ana".into(), PASS.into())?;
        state.with_session(|s| {
            s.concern_step(id, ConcernStep::Approve, "Leído.", None)?;
            Ok(())
        })?;
        let mut asked = request(PrintDocument::ConcernReport, None);
        asked.lang = PrintLang::Es;
        let missing = preview(&state, asked.clone(), &mut |_| {}).expect_err("which report?");
        assert_eq!(missing.field.as_deref(), Some("concern"));
        asked.concern =
            Some(u32::try_from(id).map_err(|e| AppError::invalid("test", e.to_string()))?);
        let shown = preview(&state, asked.clone(), &mut |_| {})?;
        assert_eq!(shown.document, PrintDocument::ConcernReport);
        assert_eq!(shown.case_number.as_deref(), Some(case_number.as_str()));
        assert!(
            shown.file_name.starts_with("concern-report-"),
            "{}",
            shown.file_name
        );
        let text = page_text(&state, shown.job, 0)?;
        for needle in [
            "Reporte de preocupación para el supervisor",
            "José Ramírez",
            heard,
            "Explotación laboral",
            "por carmen",
            "por ana",
            "Leído.",
            "Este no es un formulario oficial del gobierno.",
        ] {
            assert!(text.contains(needle), "no {needle:?} in:\n{text}");
        }
        assert_eq!(printed_entries(&state)?, 0, "a preview is not a print");
        save(&state, shown.job, &dir.path().join("concern.pdf"))?;
        assert_eq!(printed_entries(&state)?, 1);

        lock(&state);
        unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
        let denied = preview(&state, asked, &mut |_| {}).expect_err("staff only");
        assert_eq!(denied.kind, ErrorKind::PermissionDenied);
        Ok(())
    }
}
