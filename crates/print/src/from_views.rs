//! Template data built from the store's views (already redacted for the reader): a case view
//! becomes a `CaseSheet`, a call due a `CallSheetRow`, a concern report a `ConcernSheet`. `None`
//! and empty lists print as a blank line to fill by hand.

use chrono::{DateTime, NaiveDate};
use tether_core::casework::{Language, Phone};
use tether_core::legal::{report_due, submit_due, Destination};
use tether_render::printables::{
    long_date, CallSheetRow, CaseSheet, ConcernSheet, ConcernStepRow, Localized,
    PrintAddressChange, PrintDestination, PrintHearing,
};
use tether_store::casework::{AddressView, ChildView, HearingView};
use tether_store::followup::CallDue;
use tether_store::legal::ConcernView;

/// A language's name in English and Spanish, from its ISO 639-3 code (`mam` → Mam / mam);
/// an unknown code is printed as it is.
pub fn language_names(code: Option<&str>, fallback_name: Option<&str>) -> Option<Localized> {
    let code = code.map(str::trim).filter(|c| !c.is_empty())?;
    Some(match Language::parse(code) {
        Ok(language) => Localized {
            en: language.name_en().to_owned(),
            es: language.name_es().to_owned(),
        },
        Err(_) => {
            let name = fallback_name.unwrap_or(code).to_owned();
            Localized {
                en: name.clone(),
                es: name,
            }
        }
    })
}

/// The next hearing on or after `today` (the earliest), if any.
pub fn next_hearing(hearings: &[HearingView], today: NaiveDate) -> Option<PrintHearing> {
    let today = today.to_string();
    hearings
        .iter()
        .filter(|h| h.at.get(..10).is_some_and(|d| d >= today.as_str()))
        .min_by(|a, b| a.at.cmp(&b.at))
        .and_then(|h| PrintHearing::from_local(&h.at, h.time_zone.as_deref(), &h.kind))
}

/// `1420 Calle Ñuñoa Apt 3` / `Houston, TX 77002`: the lines an envelope needs.
pub fn address_lines(a: &AddressView) -> Vec<String> {
    let joined = |parts: &[Option<&str>], separator: &str| {
        parts
            .iter()
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(separator)
    };
    let street = joined(&[a.line1.as_deref(), a.unit.as_deref()], " ");
    let state_zip = joined(&[a.state.as_deref(), a.postal_code.as_deref()], " ");
    let city = joined(&[a.city.as_deref(), Some(state_zip.as_str())], ", ");
    [street, city]
        .into_iter()
        .filter(|l| !l.is_empty())
        .collect()
}

/// `+502 2345 6789` rather than `+50223456789`: the sheet is read aloud and dialled by hand.
fn phone_for_print(e164: Option<String>) -> Option<String> {
    e164.map(|raw| {
        Phone::parse(&raw)
            .map(|p| p.display_international().to_owned())
            .unwrap_or(raw)
    })
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// What the case printables show, from the (already redacted) view.
pub fn case_sheet(view: &ChildView, hearing: Option<PrintHearing>, today: NaiveDate) -> CaseSheet {
    let sponsor = view.sponsor.as_ref();
    let court = view.court.as_ref();
    CaseSheet {
        case_number: view.case_number.clone(),
        child_name: format!("{} {}", view.given_name, view.family_name)
            .trim()
            .to_owned(),
        a_number: non_empty(view.a_number_display.as_deref()),
        birth_date: non_empty(view.birth_date.clone().flatten().as_deref()),
        country_of_birth: non_empty(view.country_of_birth.clone().flatten().as_deref()),
        language_name: language_names(
            view.primary_language.as_deref(),
            view.primary_language_name.as_deref(),
        ),
        interpreter_needed: view.interpreter_needed,
        sponsor_name: sponsor
            .and_then(|s| non_empty(Some(&format!("{} {}", s.given_name, s.family_name)))),
        sponsor_phone: phone_for_print(sponsor.and_then(|s| s.phones.first().cloned())),
        address: sponsor
            .and_then(|s| s.address.as_ref())
            .map(address_lines)
            .unwrap_or_default(),
        address_history: sponsor
            .map(|s| {
                s.address_history
                    .iter()
                    .map(|a| PrintAddressChange {
                        recorded_on: a.recorded_on.clone(),
                        lines: address_lines(&a.address),
                        eoir33_filed_on: a.eoir33_filed_on.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        court_name: court.map(|c| c.name.clone()),
        court_address: court.map(|c| c.address.clone()).unwrap_or_default(),
        court_time_zone: court.map(|c| c.time_zone.clone()),
        hearing,
        nta_status: non_empty(view.nta_status.as_deref()),
        nta_served_on: non_empty(view.nta_served_on.clone().flatten().as_deref()),
        attorney: non_empty(view.attorney.as_deref()),
        last_acis_check: non_empty(view.last_acis_check.as_deref()),
        printed_on: today.to_string(),
        printed_on_long: long_date(today),
    }
}

/// One row of the call sheet.
pub fn call_sheet_row(call: CallDue) -> CallSheetRow {
    CallSheetRow {
        language: language_names(call.language.as_deref(), None),
        case_number: call.case_number,
        child_name: call.child_name,
        sponsor_name: call.sponsor_name,
        sponsor_phone: phone_for_print(call.sponsor_phone),
        attempt: call.attempt,
        due_on: call.due_on,
        overdue: call.overdue,
        sponsor_local_time: call.sponsor_local_time,
        interpreter_needed: call.interpreter_needed,
    }
}

fn localized(en: &str, es: &str) -> Localized {
    Localized {
        en: en.to_owned(),
        es: es.to_owned(),
    }
}

/// `2026-05-01 14:03 UTC` from the step's RFC 3339 time; an unreadable one is printed as stored.
fn step_time(at: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| t.to_utc().format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|_| at.to_owned())
}

/// A destination with what its reader should know; a name Tether does not know (from a newer
/// version) prints as stored, without explanations it cannot give.
fn destination(raw: &str) -> PrintDestination {
    match Destination::parse(raw) {
        Ok(d) => {
            let i = d.info();
            PrintDestination {
                destination: d.as_str().to_owned(),
                name: localized(i.name_en, i.name_es),
                who_is_told: localized(i.who_is_told_en, i.who_is_told_es),
                what_may_follow: localized(i.what_may_follow_en, i.what_may_follow_es),
            }
        }
        Err(_) => PrintDestination {
            destination: raw.to_owned(),
            name: localized(raw, raw),
            ..PrintDestination::default()
        },
    }
}

/// What the concern report for the supervisor shows. The view gives the deadline still ahead
/// (to the supervisor while a draft, to be reported while approved); the sheet keeps both,
/// with the day each was met, so the supervisor sees them whatever the state. `report_days`
/// is the clinic's time to report an approved concern.
pub fn concern_sheet(view: &ConcernView, report_days: u64, today: NaiveDate) -> ConcernSheet {
    let day = |s: &str| NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok();
    let submit_by = view
        .submit_by
        .clone()
        .or_else(|| day(&view.opened_on).map(|d| submit_due(d).to_string()));
    let report_by = view.report_by.clone().or_else(|| {
        view.approved_on
            .as_deref()
            .and_then(day)
            .map(|d| report_due(d, report_days).to_string())
    });
    // The day it first reached the supervisor (a report sent back is submitted again).
    let submitted_on = view
        .steps
        .iter()
        .find(|s| s.step == "submit")
        .and_then(|s| day(&s.at))
        .map(|d| d.to_string());
    ConcernSheet {
        concern_id: view.concern_id,
        case_number: view.case_number.clone(),
        child_name: view.child_name.clone(),
        category: view.category.clone(),
        category_name: localized(&view.category_en, &view.category_es),
        heard: view.heard.clone(),
        state: view.state.clone(),
        opened_on: view.opened_on.clone(),
        opened_by: view.opened_by.clone(),
        submit_by,
        submitted_on,
        report_by,
        reported_on: non_empty(view.reported_on.as_deref()),
        approved_on: non_empty(view.approved_on.as_deref()),
        approved_by: non_empty(view.approved_by.as_deref()),
        reported_to: non_empty(view.reported_to.as_deref()).map(|d| destination(&d)),
        reference: non_empty(view.reference.as_deref()),
        steps: view
            .steps
            .iter()
            .map(|s| ConcernStepRow {
                at: step_time(&s.at),
                step: s.step.clone(),
                by: s.by.clone(),
                note: non_empty(Some(&s.note)),
            })
            .collect(),
        disclaimer: localized(&view.disclaimer_en, &view.disclaimer_es),
        printed_on: today.to_string(),
        printed_on_long: long_date(today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tether_store::legal::ConcernStepView;

    #[test]
    fn mayan_languages_are_named_in_both_languages() {
        let mam = language_names(Some("mam"), None).expect("named");
        assert_eq!(mam.en, "Mam");
        let spanish = language_names(Some("spa"), None).expect("named");
        assert_eq!(
            (spanish.en.as_str(), spanish.es.as_str()),
            ("Spanish", "español")
        );
        assert_eq!(language_names(Some(" "), None), None);
    }

    #[test]
    fn phones_print_grouped_for_dialling() {
        assert_eq!(
            phone_for_print(Some("+50223456789".into())).as_deref(),
            Some("+502 2345 6789")
        );
        assert_eq!(phone_for_print(None), None);
    }

    #[test]
    fn an_address_prints_as_envelope_lines() {
        let a = AddressView {
            line1: Some("1420 Calle Ñuñoa".into()),
            unit: Some("Apt 3".into()),
            city: Some("Houston".into()),
            state: Some("TX".into()),
            postal_code: Some("77002".into()),
        };
        let unknown = AddressView {
            line1: None,
            unit: None,
            city: Some(" ".into()),
            state: None,
            postal_code: None,
        };
        assert_eq!(
            address_lines(&a),
            ["1420 Calle Ñuñoa Apt 3", "Houston, TX 77002"]
        );
        assert!(address_lines(&unknown).is_empty());
    }

    fn concern_step(step: &str, at: &str, by: &str, note: &str) -> ConcernStepView {
        ConcernStepView {
            step: step.into(),
            at: at.into(),
            by: by.into(),
            note: note.into(),
            // What the step recorded is not printed: the view's own fields carry it.
            detail: Default::default(),
            state: String::new(),
        }
    }

    fn reported_view() -> ConcernView {
        ConcernView {
            concern_id: 3,
            child_id: 9,
            case_number: "T-2026-00009".into(),
            child_name: "José Ramírez".into(),
            call_id: None,
            category: "labour_exploitation".into(),
            category_en: "Labour exploitation".into(),
            category_es: "Explotación laboral".into(),
            heard: "Trabaja de noche.".into(),
            state: "reported".into(),
            opened_on: "2026-05-01".into(),
            opened_by: "tomás".into(),
            // The view gives only the deadline still ahead: none once reported.
            submit_by: None,
            report_by: None,
            approved_on: Some("2026-05-02".into()),
            approved_by: Some("lucía".into()),
            reported_to: Some("law_enforcement".into()),
            reported_on: Some("2026-05-03".into()),
            reference: Some("HPD-77".into()),
            steps: vec![
                concern_step("open", "2026-05-01T22:40:05Z", "tomás", ""),
                concern_step("submit", "2026-05-01T22:41:00Z", "tomás", " "),
                concern_step("return", "2026-05-02T08:00:00Z", "lucía", "Falta la hora."),
                concern_step("submit", "2026-05-02T09:00:00Z", "tomás", ""),
                concern_step("approve", "2026-05-02T10:00:00Z", "lucía", ""),
                concern_step("report", "not a time", "lucía", ""),
            ],
            disclaimer_en: "Checklist.".into(),
            disclaimer_es: "Lista.".into(),
        }
    }

    #[test]
    fn a_reported_concern_keeps_both_deadlines_and_the_days_they_were_met() {
        let sheet = concern_sheet(
            &reported_view(),
            2,
            NaiveDate::from_ymd_opt(2026, 5, 4).unwrap_or_default(),
        );
        assert_eq!(
            sheet.submit_by.as_deref(),
            Some("2026-05-02"),
            "opened + 1 day"
        );
        assert_eq!(
            sheet.submitted_on.as_deref(),
            Some("2026-05-01"),
            "first submitted"
        );
        assert_eq!(
            sheet.report_by.as_deref(),
            Some("2026-05-04"),
            "approved + the clinic's 2 days"
        );
        assert_eq!(sheet.reported_on.as_deref(), Some("2026-05-03"));
        assert_eq!(sheet.steps[0].at, "2026-05-01 22:40 UTC");
        assert_eq!(sheet.steps[5].at, "not a time", "printed as stored");
        assert_eq!(sheet.steps[1].note, None, "a blank note prints nothing");
        assert_eq!(sheet.steps[2].note.as_deref(), Some("Falta la hora."));
        let to = sheet.reported_to.unwrap_or_default();
        assert_eq!(to.name.es, "Policía local");
        assert!(
            to.who_is_told.en.contains("immigration enforcement"),
            "{to:?}"
        );
        assert_eq!(sheet.category_name.es, "Explotación laboral");
        assert_eq!(sheet.printed_on, "2026-05-04");
    }

    #[test]
    fn a_draft_has_no_report_deadline_and_an_unknown_destination_prints_as_stored() {
        let mut view = reported_view();
        view.state = "draft".into();
        view.submit_by = Some("2026-05-02".into());
        view.approved_on = None;
        view.reported_to = Some("state_hotline".into());
        view.steps.truncate(1);
        let sheet = concern_sheet(
            &view,
            2,
            NaiveDate::from_ymd_opt(2026, 5, 1).unwrap_or_default(),
        );
        assert_eq!(sheet.submit_by.as_deref(), Some("2026-05-02"));
        assert_eq!((sheet.submitted_on, sheet.report_by), (None, None));
        let to = sheet.reported_to.unwrap_or_default();
        assert_eq!(
            (to.name.en.as_str(), to.who_is_told.en.as_str()),
            ("state_hotline", "")
        );
    }
}
