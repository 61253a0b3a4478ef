//! A sponsor as typed, and its validation: names, ORR category, phones, address, time zone.

use serde::{Deserialize, Serialize};

use super::address::{address_incomplete, NO_ADDRESS};
use super::field::{field_error, optional_text, required_name};
use crate::casework::text::shown;
use crate::casework::{
    Address, FieldError, Phone, PhoneError, SponsorCategory, SponsorDraft, UsState,
};

/// The zone used when a sponsor has no address and no override. A guess (most sponsors live
/// in the eastern half of the country); the call window then follows New York time until
/// an address or a zone is entered.
pub const FALLBACK_TIME_ZONE: &str = "America/New_York";

/// A sponsor as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SponsorInput {
    pub given_name: String,
    pub family_name: String,
    /// ORR sponsor category: `1`, `2A`, `2B`, `3`, `4` (empty: not known yet).
    pub category: String,
    pub phones: Vec<String>,
    pub address_line1: String,
    /// The apartment or unit.
    pub address_line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    /// IANA zone overriding the state's default (`America/Phoenix` for a sponsor in Arizona's
    /// Navajo Nation, `America/Denver` in El Paso).
    pub time_zone: Option<String>,
}

impl SponsorInput {
    /// Checks every field and builds the sponsor, or returns every field error.
    ///
    /// Time zone: the override if given, else the address state's default zone, else
    /// [`FALLBACK_TIME_ZONE`] (`America/New_York`) when there is no state at all — a guess,
    /// wrong for a sponsor in Hawaii or California, so enter the address or the zone.
    pub fn validate(&self) -> Result<SponsorDraft, Vec<FieldError>> {
        self.validate_with(&mut Phone::parse)
    }

    /// [`SponsorInput::validate`] with the phone parser supplied: an import passes a cache,
    /// because sponsors' numbers repeat across rows and `Phone::parse` (regex-based) was the
    /// largest single cost of validating a file. `parse_phone` must behave like `Phone::parse`.
    pub fn validate_with(
        &self,
        parse_phone: &mut dyn FnMut(&str) -> Result<Phone, PhoneError>,
    ) -> Result<SponsorDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let given_name = required_name("given_name", &self.given_name, &mut errors);
        let family_name = required_name("family_name", &self.family_name, &mut errors);

        let category = if self.category.trim().is_empty() {
            None
        } else {
            SponsorCategory::parse(&self.category)
                .map_err(|e| errors.push(FieldError::from_error("category", &e)))
                .ok()
        };

        let mut phones: Vec<Phone> = Vec::new();
        for raw in &self.phones {
            if raw.trim().is_empty() {
                continue;
            }
            match parse_phone(raw) {
                Ok(p) => {
                    if !phones.contains(&p) {
                        phones.push(p);
                    }
                }
                Err(e) => errors.push(FieldError::from_error("phones", &e)),
            }
        }

        let (address, address_incomplete) = self.address(&mut errors);

        let time_zone = match self.time_zone.as_deref().map(str::trim) {
            Some(tz) if !tz.is_empty() => {
                if is_plausible_time_zone(tz) {
                    tz.to_owned()
                } else {
                    errors.push(
                        field_error(
                            "time_zone",
                            "time_zone_invalid",
                            format!(
                                "time zone {:?} is not an IANA zone name such as America/Chicago",
                                shown(tz)
                            ),
                        )
                        .with("value", shown(tz)),
                    );
                    String::new()
                }
            }
            _ => address
                .as_ref()
                .map_or(FALLBACK_TIME_ZONE, |a| a.state.default_time_zone())
                .to_owned(),
        };

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SponsorDraft {
            given_name,
            family_name,
            category,
            phones,
            address,
            address_incomplete,
            time_zone,
        })
    }

    fn address(&self, errors: &mut Vec<FieldError>) -> (Option<Address>, Option<String>) {
        let before = errors.len();
        let line1 = optional_text("address_line1", &self.address_line1, 200, errors);
        let unit = optional_text("address_line2", &self.address_line2, 200, errors);
        let city = optional_text("city", &self.city, 200, errors);
        let all_blank = [
            &self.address_line1,
            &self.address_line2,
            &self.city,
            &self.state,
            &self.postal_code,
        ]
        .iter()
        .all(|v| v.trim().is_empty());
        if all_blank {
            return (None, Some(NO_ADDRESS.to_owned()));
        }
        let state = match UsState::parse(&self.state) {
            Ok(s) => Some(s),
            Err(e) => {
                errors.push(if self.state.trim().is_empty() {
                    field_error(
                        "state",
                        "state_required_with_address",
                        "state is required when an address is given",
                    )
                } else {
                    FieldError::from_error("state", &e)
                });
                None
            }
        };
        let postal_code = match parse_postal_code(&self.postal_code) {
            Ok(p) => p,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let Some(state) = state else {
            return (None, None);
        };
        if errors.len() > before {
            return (None, None);
        }
        let address = Address {
            line1: line1.unwrap_or_default(),
            unit,
            city: city.unwrap_or_default(),
            state,
            postal_code: postal_code.unwrap_or_default(),
        };
        let incomplete = address_incomplete(&address);
        (Some(address), incomplete)
    }
}

/// `12345` or `12345-6789`; blank is `Ok(None)` (an incomplete address, not an error).
fn parse_postal_code(raw: &str) -> Result<Option<String>, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let b = v.as_bytes();
    let ok = match b.len() {
        5 => b.iter().all(u8::is_ascii_digit),
        10 => b.iter().enumerate().all(|(i, c)| {
            if i == 5 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        }),
        _ => false,
    };
    if ok {
        return Ok(Some(v.to_owned()));
    }
    // A short all-digit code is most likely a ZIP a spreadsheet read as a number.
    let (code, hint) = if (3..=4).contains(&b.len()) && b.iter().all(u8::is_ascii_digit) {
        (
            "postal_code_leading_zeros",
            " (a spreadsheet may have dropped its leading 0s)",
        )
    } else {
        ("postal_code_invalid", "")
    };
    Err(field_error(
        "postal_code",
        code,
        format!(
            "postal code {:?} is not a ZIP code 12345 or ZIP+4 12345-6789{hint}",
            shown(v)
        ),
    )
    .with("value", shown(v)))
}

/// `Area/City` or `Area/Region/City`, e.g. `America/Chicago`, `America/Indiana/Indianapolis`,
/// `Pacific/Honolulu`. A shape check only: the zone database lives outside tether-core.
pub fn is_plausible_time_zone(tz: &str) -> bool {
    const AREAS: [&str; 10] = [
        "Africa",
        "America",
        "Antarctica",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
        "Etc",
    ];
    let parts: Vec<&str> = tz.split('/').collect();
    if !(2..=3).contains(&parts.len()) || !parts.first().is_some_and(|a| AREAS.contains(a)) {
        return false;
    }
    parts.iter().skip(1).all(|p| {
        p.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && p.len() <= 40
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
    })
}
