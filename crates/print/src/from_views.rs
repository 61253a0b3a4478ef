//! Template data built from the store's views (already redacted for the reader): a case view
//! becomes a `CaseSheet`, a call due a `CallSheetRow`. `None` and empty lists print as a blank
//! line to fill by hand.

use chrono::NaiveDate;
use tether_core::casework::{Language, Phone};
use tether_render::printables::{
    long_date, CallSheetRow, CaseSheet, Localized, PrintAddressChange, PrintHearing,
};
use tether_store::casework::{AddressView, ChildView, HearingView};
use tether_store::followup::CallDue;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
