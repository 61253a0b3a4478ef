//! Casework command bodies: children, sponsors, proceedings, the release-CSV import and the
//! reference lists.

use tether_core::casework::{parse_date, parse_local_datetime, Country, Court, Language};
use tether_store::StoreError;

use super::optional_date;
use crate::ipc::cases::{
    AddressInput, ChildDetail, ChildInput, ChildPage, ChildSummary, CountryOption, CourtOption,
    CreateResult, HearingOutcome, HearingType, HearingView, LanguageOption, NtaStatus,
    ProceedingsInput, SponsorDetail, SponsorInput, SponsorPage,
};
use crate::ipc::ids::{convert_all, count32, store_id};
use crate::ipc::import::{ImportOutcome, ImportSummary, SavedRejectedRows};
use crate::ipc::AppError;
use crate::state::AppState;

/// `status`: `open` (the default), `closed` or `all`; `mine`: only the signed-in user's cases.
pub fn list_children(
    state: &AppState,
    offset: u32,
    limit: u32,
    status: Option<String>,
    mine: bool,
) -> Result<ChildPage, AppError> {
    let status = match status.as_deref() {
        Some(raw) => tether_store::casework::StatusFilter::parse(raw)?,
        None => tether_store::casework::StatusFilter::Open,
    };
    state.with_session(|s| {
        let filter = tether_store::casework::ListFilter {
            status,
            assigned_to: if mine { Some(s.user_id("me")?) } else { None },
        };
        let total = s.count_children(filter)?;
        let items = s.list_children(offset, limit.min(1000), filter)?;
        Ok(ChildPage {
            total,
            items: convert_all(items)?,
        })
    })
}

pub fn search_children(
    state: &AppState,
    query: String,
    limit: u32,
) -> Result<Vec<ChildSummary>, AppError> {
    state.with_session(|s| Ok(convert_all(s.search(&query, limit)?)?))
}

pub fn get_child(state: &AppState, id_or_case: String) -> Result<ChildDetail, AppError> {
    state.with_session(|s| Ok(s.show_child(&id_or_case)?.try_into()?))
}

pub fn update_child(
    state: &AppState,
    id_or_case: String,
    input: ChildInput,
) -> Result<ChildDetail, AppError> {
    state.with_session(|s| Ok(s.update_child(&id_or_case, &input.into())?.try_into()?))
}

pub fn create_sponsor(
    state: &AppState,
    input: SponsorInput,
    confirm: bool,
) -> Result<CreateResult, AppError> {
    state.with_session(|s| Ok(s.create_sponsor(&input.into(), confirm)?.try_into()?))
}

pub fn list_sponsors(state: &AppState) -> Result<Vec<SponsorDetail>, AppError> {
    state.with_session(|s| Ok(convert_all(s.list_sponsors()?)?))
}

pub fn list_sponsors_page(
    state: &AppState,
    query: String,
    offset: u32,
    limit: u32,
) -> Result<SponsorPage, AppError> {
    state.with_session(|s| {
        let page = s.list_sponsors_page(&query, offset, limit)?;
        Ok(SponsorPage {
            total: page.total,
            active: page.active,
            sponsors: convert_all(page.items)?,
        })
    })
}

pub fn create_child(
    state: &AppState,
    input: ChildInput,
    proceedings: ProceedingsInput,
    sponsor_id: Option<u32>,
    confirm: bool,
) -> Result<CreateResult, AppError> {
    state.with_session(|s| {
        Ok(s.create_child(
            &input.into(),
            &proceedings.into(),
            sponsor_id.map(store_id),
            confirm,
        )?
        .try_into()?)
    })
}

pub fn set_nta(
    state: &AppState,
    id_or_case: String,
    status: NtaStatus,
    served_on: Option<String>,
) -> Result<ChildDetail, AppError> {
    let served_on = optional_date("served_on", served_on.as_deref())?;
    state.with_session(|s| {
        Ok(s.set_nta(&id_or_case, status.into(), served_on)?
            .try_into()?)
    })
}

pub fn add_hearing(
    state: &AppState,
    id_or_case: String,
    at: String,
    court: String,
    kind: HearingType,
) -> Result<HearingView, AppError> {
    let at = parse_local_datetime("at", &at).map_err(|e| AppError::invalid_parse("at", &e))?;
    state.with_session(|s| {
        Ok(s.add_hearing(&id_or_case, at, &court, kind.into())?
            .try_into()?)
    })
}

pub fn set_hearing_result(
    state: &AppState,
    hearing_id: u32,
    outcome: Option<HearingOutcome>,
    judge: Option<String>,
) -> Result<HearingView, AppError> {
    state.with_session(|s| {
        Ok(s.set_hearing_result(
            store_id(hearing_id),
            outcome.map(Into::into),
            judge.as_deref(),
        )?
        .try_into()?)
    })
}

pub fn set_proceedings(
    state: &AppState,
    id_or_case: String,
    attorney: Option<String>,
    acis_checked: Option<String>,
) -> Result<ChildDetail, AppError> {
    let acis = optional_date("acis_checked", acis_checked.as_deref())?;
    state.with_session(|s| {
        Ok(s.set_proceedings(&id_or_case, attorney.as_deref(), acis)?
            .try_into()?)
    })
}

pub fn record_address_change(
    state: &AppState,
    sponsor_id: u32,
    address: AddressInput,
    recorded_on: String,
) -> Result<SponsorDetail, AppError> {
    let on = parse_date("recorded_on", &recorded_on)
        .map_err(|e| AppError::invalid_parse("recorded_on", &e))?;
    state.with_session(|s| {
        Ok(
            s.record_address_change(store_id(sponsor_id), &address.into(), on)?
                .try_into()?,
        )
    })
}

/// The window reads the file and sends its text: no file-system access for the webview, and
/// the rejected rows come back in the result instead of a file beside the input.
pub fn import_csv(
    state: &AppState,
    file_name: String,
    contents: String,
    skip_invalid: bool,
    update: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportOutcome, AppError> {
    state.with_session(|s| {
        match s.import_release_bytes(
            &file_name,
            contents.as_bytes(),
            skip_invalid,
            update,
            progress,
        ) {
            Ok(report) => Ok(ImportOutcome::Imported {
                report: ImportSummary::from(report),
            }),
            Err(StoreError::ImportRejected { rows, errors, .. }) => Ok(ImportOutcome::Rejected {
                rows: count32(rows),
                errors: errors.into_iter().map(Into::into).collect(),
            }),
            Err(e) => Err(e.into()),
        }
    })
}

/// The name the Save dialog suggests for a file's rejected rows: `releases.rejected.csv`.
pub fn rejected_rows_file_name(file_name: &str) -> String {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "import".to_owned());
    format!("{stem}.rejected.csv")
}

/// Writes the rejected rows of the file the window read (`contents`) to `chosen`, the path
/// picked in the native Save dialog (or beside it, never over a file).
pub fn save_rejected_rows(
    state: &AppState,
    file_name: String,
    contents: String,
    chosen: &std::path::Path,
) -> Result<SavedRejectedRows, AppError> {
    let (path, rows) = state
        .with_session(|s| Ok(s.save_rejected_rows(&file_name, contents.as_bytes(), chosen)?))?;
    Ok(SavedRejectedRows {
        chosen_path: (path != chosen).then(|| chosen.display().to_string()),
        path: path.display().to_string(),
        rows: count32(rows),
    })
}

pub fn list_courts() -> Vec<CourtOption> {
    Court::all()
        .iter()
        .map(|c| CourtOption {
            code: c.code.clone(),
            name: c.display_name(),
            time_zone: c.time_zone.clone(),
            city: c.city.clone(),
            state: c.state.code().to_owned(),
        })
        .collect()
}

pub fn list_countries() -> Vec<CountryOption> {
    Country::all()
        .map(|c| CountryOption {
            code: c.code().to_owned(),
            name_en: c.name_en().to_owned(),
            name_es: c.name_es().to_owned(),
        })
        .collect()
}

pub fn list_languages() -> Vec<LanguageOption> {
    Language::all()
        .map(|l| LanguageOption {
            code: l.code().to_owned(),
            name_en: l.name_en().to_owned(),
            name_es: l.name_es().to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::{child, clinic, no_proceedings, vault, PASS, VOLUNTEER_PASS};
    use crate::api::vault::{create_vault, lock, unlock};
    use crate::ipc::ErrorKind;

    #[test]
    fn case_manager_adds_a_child_finds_it_and_a_volunteer_sees_it_redacted() -> Result<(), AppError>
    {
        let (_dir, state) = clinic()?;

        let bad = create_child(
            &state,
            child("José", "12345"),
            no_proceedings(),
            None,
            false,
        )
        .expect_err("a 5-digit A-Number is refused");
        assert_eq!(bad.kind, ErrorKind::InvalidInput);
        assert!(bad.fields.iter().any(|f| f.field == "a_number"), "{bad:?}");

        let created = create_child(
            &state,
            child("José", "123-456-789"),
            no_proceedings(),
            None,
            false,
        )?;
        assert!(matches!(created, CreateResult::Created { .. }));
        let again = create_child(
            &state,
            child("Jose", "123456789"),
            no_proceedings(),
            None,
            false,
        )?;
        assert!(
            matches!(again, CreateResult::NeedsConfirmation { .. }),
            "{again:?}"
        );

        let found = search_children(&state, "jose ramirez".into(), 10)?;
        assert_eq!(found.len(), 1);
        let detail = get_child(&state, found[0].case_number.clone())?;
        assert_eq!(detail.a_number.as_deref(), Some("A123456789"));

        lock(&state);
        unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
        let redacted = get_child(&state, detail.case_number.clone())?;
        assert_eq!(
            (redacted.a_number, redacted.family_name.as_str()),
            (None, "R.")
        );
        let denied = create_child(&state, child("Luis", ""), no_proceedings(), None, true)
            .expect_err("volunteers do not add children");
        assert_eq!(denied.kind, ErrorKind::PermissionDenied);
        Ok(())
    }

    #[test]
    fn proceedings_errors_carry_codes_the_window_translates() -> Result<(), AppError> {
        let (_dir, state) = vault();
        create_vault(&state, "ana".into(), PASS.into())?;
        let created = create_child(
            &state,
            child("José", "123-456-789"),
            no_proceedings(),
            None,
            false,
        )?;
        let CreateResult::Created {
            case_number: Some(case),
            ..
        } = created
        else {
            return Err(AppError::invalid("test", format!("{created:?}")));
        };
        let tomorrow = chrono::Utc::now().date_naive() + chrono::Days::new(2);
        let future = set_proceedings(&state, case.clone(), None, Some(tomorrow.to_string()))
            .expect_err("an ACIS check cannot lie ahead");
        assert_eq!(
            (future.field.as_deref(), future.code.as_deref()),
            (Some("acis_checked"), Some("date_in_future"))
        );
        assert_eq!(future.params.get("value"), Some(&tomorrow.to_string()));

        let long = set_proceedings(&state, case, Some("Ñ".repeat(201)), None)
            .expect_err("a name of 201 characters is too long");
        assert_eq!(
            (long.field.as_deref(), long.code.as_deref()),
            (Some("attorney"), Some("too_long"))
        );
        assert_eq!(long.params.get("max").map(String::as_str), Some("200"));
        Ok(())
    }

    /// A release file with one good row and two bad ones: Lucía's A-Number is short, and a
    /// formula hides in Iván's family name.
    fn release_file() -> String {
        let header = tether_core::casework::release_csv::RELEASE_COLUMNS.join(",");
        let row = |given: &str, family: &str, a_number: &str| {
            format!(
                "{given},{family},2011-04-01,{a_number},GT,mam,sí,2026-09-04,,Rosa,Xicará,tía,1,\
                 +502 5123 4567,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,not_served,,,"
            )
        };
        format!(
            "{header}\n{}\n{}\n{}\n",
            row("José", "Ramírez", "A123456789"),
            row("Lucía", "Pérez", "A12"),
            row("Iván", "=1+2", "A12345")
        )
    }

    #[test]
    fn rejected_rows_name_the_child_and_are_saved_private_and_neutralised_never_over_a_file(
    ) -> Result<(), AppError> {
        let (dir, state) = clinic()?;
        let contents = release_file();
        let outcome = import_csv(
            &state,
            "releases.csv".into(),
            contents.clone(),
            false,
            false,
            &mut |_, _| {},
        )?;
        let ImportOutcome::Rejected { errors, .. } = outcome else {
            panic!("two bad rows reject the file: {outcome:?}");
        };
        let names: Vec<&str> = errors.iter().map(|e| e.child_name.as_str()).collect();
        assert!(names.contains(&"Lucía Pérez"), "{names:?}");
        assert!(names.iter().all(|n| !n.is_empty()), "{names:?}");
        assert_eq!(
            rejected_rows_file_name("releases.csv"),
            "releases.rejected.csv"
        );

        let chosen = dir.path().join("releases.rejected.csv");
        let saved = save_rejected_rows(&state, "releases.csv".into(), contents.clone(), &chosen)?;
        assert_eq!((saved.rows, saved.chosen_path.as_deref()), (2, None));
        let text =
            std::fs::read_to_string(&chosen).map_err(|e| AppError::internal(e.to_string()))?;
        assert!(text.contains("Lucía") && text.contains("reason"), "{text}");
        assert!(!text.contains("José"), "only the rejected rows: {text}");
        assert!(text.contains("'=1+2"), "a formula is neutralised: {text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&chosen)
                .map_err(|e| AppError::internal(e.to_string()))?
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "rejected rows are owner-only");
        }
        // The Save dialog's "Replace" never replaces: the rows go beside the file.
        let again = save_rejected_rows(&state, "releases.csv".into(), contents, &chosen)?;
        assert!(
            again.path.ends_with("releases.rejected (2).csv"),
            "{again:?}"
        );
        assert_eq!(again.chosen_path, Some(chosen.display().to_string()));
        assert_eq!(
            std::fs::read_to_string(&chosen).map_err(|e| AppError::internal(e.to_string()))?,
            text
        );
        Ok(())
    }

    #[test]
    fn reference_lists_are_complete() {
        assert!(list_courts().iter().any(|c| c.code == "NYC"));
        let guatemala = list_countries().into_iter().find(|c| c.code == "GT");
        assert_eq!(
            guatemala.map(|c| (c.name_en, c.name_es)),
            Some(("Guatemala".to_owned(), "Guatemala".to_owned()))
        );
        assert!(list_countries()
            .iter()
            .any(|c| c.code == "MX" && c.name_es == "México"));
        assert!(list_languages()
            .iter()
            .any(|l| l.code == "mam" && l.name_en == "Mam"));
    }
}
