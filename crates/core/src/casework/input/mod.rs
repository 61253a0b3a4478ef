//! Raw input, as a person types it into a form or as it sits in a CSV cell: every field a
//! `String`. `validate` turns it into the record shapes of `records.rs`, collecting every
//! field error at once (so a form can mark all of them) rather than stopping at the first.
//!
//! Field names in errors are the input field names below (`given_name`, `phones`,
//! `address_line1` …); the CSV import maps them back to its column names.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text::{fold, shown};
use super::{
    parse_date, parse_local_datetime, ANumber, Address, BirthDate, ChildDraft, Country, Court,
    FieldError, Language, NtaStatus, Phone, PhoneError, ProceedingsDraft, Sex, SponsorCategory,
    SponsorDraft, UsState,
};

/// Longest name, alias, ORR program or relationship accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest note accepted, in characters.
pub const MAX_NOTES_CHARS: usize = 10_000;
/// The zone used when a sponsor has no address and no override. A guess (most sponsors live
/// in the eastern half of the country); the call window then follows New York time until
/// an address or a zone is entered.
pub const FALLBACK_TIME_ZONE: &str = "America/New_York";

/// Why an address cannot be relied on: nothing was entered.
pub const NO_ADDRESS: &str = "no address";
/// Why an address cannot be relied on: line 1 does not start with a house number.
pub const NO_HOUSE_NUMBER: &str = "no house number";
/// Why an address cannot be relied on: a unit is likely but none was given.
pub const NO_UNIT: &str = "no apartment or unit number";

/// A field error with its code; add the sentence's values with `.with(name, value)`.
pub(crate) fn field_error(
    field: &str,
    code: &'static str,
    message: impl Into<String>,
) -> FieldError {
    FieldError::new(field, code, message)
}

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

/// A child as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ChildInput {
    pub given_name: String,
    pub family_name: String,
    pub aliases: Vec<String>,
    /// `YYYY-MM-DD`, or `~YYYY` when only the year is known.
    pub birth_date: String,
    pub sex: String,
    pub a_number: String,
    pub country_of_birth: String,
    pub primary_language: String,
    pub interpreter_needed: String,
    pub release_date: String,
    pub orr_program: String,
    /// The sponsor's relationship to this child.
    pub relationship: String,
    pub notes: String,
}

/// A child's immigration proceedings as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ProceedingsInput {
    /// `not_served`, `served` or `filed` (empty: not served).
    pub nta_status: String,
    /// `YYYY-MM-DD`.
    pub nta_served_on: String,
    /// EOIR court code (`ATL`, `HOU`).
    pub court_code: String,
    /// `YYYY-MM-DD HH:MM`, the court's local time.
    pub next_hearing: String,
}

/// A required name: trimmed, inner runs of spaces collapsed, at most 200 characters, no
/// control characters.
fn required_name(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> String {
    match optional_text(field, raw, MAX_NAME_CHARS, errors) {
        Some(v) => v,
        None => {
            if raw.trim().is_empty() {
                errors.push(field_error(
                    field,
                    "required",
                    format!("{field} is required"),
                ));
            }
            String::new()
        }
    }
}

/// An optional one-line text: `None` when blank or refused (the refusal is pushed).
pub(crate) fn optional_text(
    field: &str,
    raw: &str,
    max_chars: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    let chars = trimmed.chars().count();
    if chars > max_chars {
        errors.push(
            field_error(
                field,
                "too_long",
                format!("{field} is {chars} characters long; the limit is {max_chars}"),
            )
            .with("chars", chars)
            .with("max", max_chars),
        );
        return None;
    }
    if trimmed.chars().any(char::is_control) {
        errors.push(
            field_error(
                field,
                "control_character",
                format!(
                    "{field} {:?} holds a control character (a tab, line break or similar)",
                    shown(trimmed)
                ),
            )
            .with("value", shown(trimmed)),
        );
        return None;
    }
    Some(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
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

/// Words that name a unit and are followed by its number or letter.
const UNIT_DESIGNATORS: &[&str] = &[
    "apt",
    "apartment",
    "apto",
    "apartamento",
    "unit",
    "suite",
    "ste",
    "room",
    "rm",
    "lot",
    "space",
    "spc",
    "trlr",
    "trailer",
    "fl",
    "floor",
    "piso",
    "#",
];

/// Words that say the building holds several homes.
const MULTI_UNIT_BUILDINGS: &[&str] = &[
    "apartments",
    "apartamentos",
    "apts",
    "tower",
    "towers",
    "building",
    "bldg",
    "complex",
    "condominiums",
    "condos",
];

/// Street-type words: "Tower Rd" is a street, not a tower.
const STREET_TYPES: &[&str] = &[
    "st", "street", "rd", "road", "ave", "avenue", "dr", "drive", "ln", "lane", "blvd", "way",
    "ct", "court", "pl", "place", "pkwy", "hwy", "cir", "ter",
];

/// Address words in matching form: folded, with `#` kept as its own word.
pub(crate) fn address_words(raw: &str) -> Vec<String> {
    let spaced = raw.replace('#', " # ");
    let mut words = Vec::new();
    for chunk in spaced.split_whitespace() {
        if chunk == "#" {
            words.push("#".to_owned());
        } else {
            words.extend(
                fold(chunk)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    words
}

fn is_designator(w: &str) -> bool {
    UNIT_DESIGNATORS.contains(&w)
}

/// True when line 1 already carries a unit: a designator followed by something.
fn line_has_unit(words: &[String]) -> bool {
    words
        .windows(2)
        .any(|w| is_designator(&w[0]) && !is_designator(&w[1]))
}

/// Why an address cannot be relied on for mail or a home visit, if it cannot. Not an
/// error: the address is kept and the reason raised as a red flag. Several reasons are
/// joined with `"; "`.
pub fn address_incomplete(a: &Address) -> Option<String> {
    let mut reasons: Vec<&str> = Vec::new();
    let words = address_words(&a.line1);
    if a.line1.trim().is_empty() {
        reasons.push("no street address");
    } else if !starts_with_house_number(&a.line1) {
        reasons.push(NO_HOUSE_NUMBER);
    }
    if a.city.trim().is_empty() {
        reasons.push("no city");
    }
    if a.postal_code.trim().is_empty() {
        reasons.push("no ZIP code");
    }
    let unit_words = a.unit.as_deref().map(address_words).unwrap_or_default();
    let unit_given = unit_words.iter().any(|w| !is_designator(w)) || line_has_unit(&words);
    let ends_in_designator = words.last().is_some_and(|w| is_designator(w));
    let multi_unit = words.iter().enumerate().any(|(i, w)| {
        MULTI_UNIT_BUILDINGS.contains(&w.as_str())
            && !words
                .get(i + 1)
                .is_some_and(|next| STREET_TYPES.contains(&next.as_str()))
    });
    let mentions_designator = words.iter().any(|w| is_designator(w));
    if !unit_given && (ends_in_designator || multi_unit || mentions_designator) {
        reasons.push(NO_UNIT);
    }
    if reasons.is_empty() {
        None
    } else {
        Some(reasons.join("; "))
    }
}

/// `123 Main St`, `123A Main St`, `45-12 Queens Blvd`, `N123W456 Elm Rd` (Wisconsin grid).
fn starts_with_house_number(line1: &str) -> bool {
    let Some(first) = line1.split_whitespace().next() else {
        return false;
    };
    let mut chars = first.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('N' | 'S' | 'E' | 'W' | 'n' | 's' | 'e' | 'w') => {
            chars.next().is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

impl ChildInput {
    /// Checks every field and builds the child, or returns every field error. `today` bounds
    /// the birth and release dates.
    pub fn validate(&self, today: NaiveDate) -> Result<ChildDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let given_name = required_name("given_name", &self.given_name, &mut errors);
        let family_name = required_name("family_name", &self.family_name, &mut errors);

        let mut aliases: Vec<String> = Vec::new();
        for raw in &self.aliases {
            if let Some(alias) = optional_text("aliases", raw, MAX_NAME_CHARS, &mut errors) {
                if !aliases.iter().any(|a| fold(a) == fold(&alias)) {
                    aliases.push(alias);
                }
            }
        }

        let birth_date = if self.birth_date.trim().is_empty() {
            None
        } else {
            BirthDate::parse(&self.birth_date, today)
                .map_err(|e| errors.push(FieldError::from_error("birth_date", &e)))
                .ok()
        };

        let sex = parse_sex(&self.sex)
            .map_err(|m| {
                errors.push(field_error("sex", "sex_invalid", m).with("value", shown(&self.sex)))
            })
            .ok()
            .flatten();

        let a_number = if self.a_number.trim().is_empty() {
            None
        } else {
            ANumber::parse(&self.a_number)
                .map_err(|e| errors.push(FieldError::from_error("a_number", &e)))
                .ok()
        };

        let country_of_birth = if self.country_of_birth.trim().is_empty() {
            None
        } else {
            Country::parse(&self.country_of_birth)
                .map_err(|e| errors.push(FieldError::from_error("country_of_birth", &e)))
                .ok()
        };

        let primary_language = if self.primary_language.trim().is_empty() {
            None
        } else {
            Language::parse(&self.primary_language)
                .map_err(|e| errors.push(FieldError::from_error("primary_language", &e)))
                .ok()
        };

        let interpreter_needed = parse_yes_no("interpreter_needed", &self.interpreter_needed)
            .map_err(|m| {
                errors.push(
                    field_error("interpreter_needed", "yes_no", m)
                        .with("value", shown(&self.interpreter_needed)),
                )
            })
            .unwrap_or(false);

        let release_date = if self.release_date.trim().is_empty() {
            None
        } else {
            match parse_date("release date", &self.release_date) {
                Ok(d) if d > today => {
                    errors.push(
                        field_error(
                            "release_date",
                            "date_in_future",
                            format!("release date {d} is in the future (today is {today})"),
                        )
                        .with("value", d)
                        .with("today", today),
                    );
                    None
                }
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(FieldError::from_error("release_date", &e));
                    None
                }
            }
        };
        if let (Some(BirthDate::Exact(born)), Some(released)) = (birth_date, release_date) {
            if released < born {
                errors.push(
                    field_error(
                        "release_date",
                        "date_before_birth",
                        format!("release date {released} is before the date of birth {born}"),
                    )
                    .with("value", released)
                    .with("birth", born),
                );
            }
        }

        let orr_program = optional_text("orr_program", &self.orr_program, 200, &mut errors);
        let relationship = optional_text("relationship", &self.relationship, 200, &mut errors);
        let notes = parse_notes(&self.notes, &mut errors);

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ChildDraft {
            given_name,
            family_name,
            aliases,
            birth_date,
            sex,
            a_number,
            country_of_birth,
            primary_language,
            interpreter_needed,
            release_date,
            orr_program,
            relationship,
            notes,
        })
    }
}

/// Notes: several lines allowed (line breaks and tabs), other control characters refused,
/// at most [`MAX_NOTES_CHARS`].
fn parse_notes(raw: &str, errors: &mut Vec<FieldError>) -> String {
    let trimmed = raw.trim();
    let chars = trimmed.chars().count();
    if chars > MAX_NOTES_CHARS {
        errors.push(
            field_error(
                "notes",
                "too_long",
                format!("notes is {chars} characters long; the limit is {MAX_NOTES_CHARS}"),
            )
            .with("chars", chars)
            .with("max", MAX_NOTES_CHARS),
        );
        return String::new();
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        errors.push(field_error(
            "notes",
            "notes_control_character",
            "notes holds a control character other than a line break or tab",
        ));
        return String::new();
    }
    trimmed.to_owned()
}

/// `F/M/X`, `female/male/other`, `femenino/masculino/otro` (any case, accents optional);
/// blank is `None`.
pub fn parse_sex(raw: &str) -> Result<Option<Sex>, String> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    match fold(raw).as_str() {
        "f" | "female" | "femenino" | "femenina" | "mujer" => Ok(Some(Sex::Female)),
        "m" | "male" | "masculino" | "hombre" => Ok(Some(Sex::Male)),
        "x" | "other" | "otro" | "otra" => Ok(Some(Sex::Other)),
        _ => Err(format!(
            "sex {:?} is not one of F, M, X (female, male, other; femenino, masculino, otro)",
            shown(raw)
        )),
    }
}

/// `yes/no/true/false/1/0/sí/si/y/n` (any case); blank is `false`.
pub fn parse_yes_no(field: &str, raw: &str) -> Result<bool, String> {
    if raw.trim().is_empty() {
        return Ok(false);
    }
    match fold(raw).as_str() {
        "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" | "si" | "s" => Ok(true),
        _ => Err(format!(
            "{field} {:?} is not yes or no (yes/no, true/false, 1/0, sí/no)",
            shown(raw)
        )),
    }
}

/// `not_served` (also `not served`, `no`, blank), `served`, `filed`.
pub fn parse_nta_status(raw: &str) -> Result<NtaStatus, String> {
    if raw.trim().is_empty() {
        return Ok(NtaStatus::NotServed);
    }
    match fold(raw).as_str() {
        "not served" | "notserved" | "no" | "none" => Ok(NtaStatus::NotServed),
        "served" => Ok(NtaStatus::Served),
        "filed" => Ok(NtaStatus::Filed),
        _ => Err(format!(
            "NTA status {:?} is not one of not_served, served, filed",
            shown(raw)
        )),
    }
}

impl ProceedingsInput {
    /// Checks every field and builds the proceedings, or returns every field error.
    pub fn validate(&self, today: NaiveDate) -> Result<ProceedingsDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let nta_status = parse_nta_status(&self.nta_status)
            .map_err(|m| {
                errors.push(
                    field_error("nta_status", "nta_status_invalid", m)
                        .with("value", shown(&self.nta_status)),
                )
            })
            .unwrap_or_default();
        let status_known = !errors.iter().any(|e| e.field == "nta_status");

        let nta_served_on = if self.nta_served_on.trim().is_empty() {
            None
        } else {
            match parse_date("date NTA served", &self.nta_served_on) {
                Ok(d) if d > today => {
                    errors.push(
                        field_error(
                            "nta_served_on",
                            "date_in_future",
                            format!("date NTA served {d} is in the future (today is {today})"),
                        )
                        .with("value", d)
                        .with("today", today),
                    );
                    None
                }
                Ok(d) if status_known && nta_status == NtaStatus::NotServed => {
                    errors.push(
                        field_error(
                            "nta_served_on",
                            "nta_date_without_service",
                            format!(
                                "date NTA served {d} is given but the NTA status is not_served; \
                                 set the status to served or filed, or clear the date"
                            ),
                        )
                        .with("value", d),
                    );
                    None
                }
                Ok(d) => Some(d),
                Err(e) => {
                    errors.push(FieldError::from_error("nta_served_on", &e));
                    None
                }
            }
        };

        let court_code = if self.court_code.trim().is_empty() {
            None
        } else {
            Court::parse_code(&self.court_code)
                .map(|c| c.code.clone())
                .map_err(|e| errors.push(FieldError::from_error("court_code", &e)))
                .ok()
        };

        let next_hearing = if self.next_hearing.trim().is_empty() {
            None
        } else {
            match parse_local_datetime("next hearing", &self.next_hearing) {
                Ok(at) => {
                    if self.court_code.trim().is_empty() {
                        errors.push(
                            field_error(
                                "next_hearing",
                                "hearing_without_court",
                                format!(
                                    "next hearing {at} has no court: a hearing's time is the \
                                     court's local time, so give the court code"
                                ),
                            )
                            .with("value", at.format("%Y-%m-%d %H:%M")),
                        );
                    }
                    Some(at)
                }
                Err(e) => {
                    errors.push(FieldError::from_error("next_hearing", &e));
                    None
                }
            }
        };

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ProceedingsDraft {
            nta_status,
            nta_served_on,
            court_code,
            next_hearing,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
    }

    fn sponsor() -> SponsorInput {
        SponsorInput {
            given_name: "José".into(),
            family_name: "Ramírez".into(),
            category: "2B".into(),
            phones: vec!["(713) 555-0142".into()],
            address_line1: "1234 Bellaire Blvd".into(),
            address_line2: "Apt 5C".into(),
            city: "Houston".into(),
            state: "TX".into(),
            postal_code: "77036".into(),
            time_zone: None,
        }
    }

    fn child() -> ChildInput {
        ChildInput {
            given_name: "María José".into(),
            family_name: "Ramírez Xol".into(),
            birth_date: "2011-04-02".into(),
            a_number: "A201-234-567".into(),
            country_of_birth: "Guatemala".into(),
            primary_language: "K'iche'".into(),
            interpreter_needed: "sí".into(),
            release_date: "2026-10-01".into(),
            ..ChildInput::default()
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    fn codes(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect()
    }

    #[test]
    fn typical_mistakes_carry_codes_and_params() {
        let jose = ChildInput {
            given_name: "José".into(),
            family_name: "Ramírez".into(),
            a_number: "12345".into(),
            birth_date: "2027-01-02".into(),
            ..ChildInput::default()
        };
        let errors = jose.validate(today()).expect_err("invalid");
        assert_eq!(
            codes(&errors),
            [
                ("birth_date", "date_in_future"),
                ("a_number", "a_number_invalid")
            ]
        );
        assert_eq!(
            errors[1].params.get("value").map(String::as_str),
            Some("12345")
        );
        assert_eq!(
            errors[1].params.get("digits").map(String::as_str),
            Some("5")
        );
        assert_eq!(
            errors[0].params.get("today").map(String::as_str),
            Some("2026-11-25")
        );
        // The English message is unchanged.
        assert!(
            errors[1].message.contains("must have 8 or 9 digits"),
            "{errors:?}"
        );

        let mut s = sponsor();
        s.phones = vec!["502 call me".into()];
        s.given_name = "x".repeat(MAX_NAME_CHARS + 1);
        s.postal_code = "2134".into();
        let errors = s.validate().expect_err("invalid");
        assert_eq!(
            codes(&errors),
            [
                ("given_name", "too_long"),
                ("phones", "phone_bad_character"),
                ("postal_code", "postal_code_leading_zeros"),
            ]
        );
        assert_eq!(errors[0].params.get("max").map(String::as_str), Some("200"));
        assert_eq!(
            errors[1].params.get("value").map(String::as_str),
            Some("502 call me")
        );

        let blank = SponsorInput::default()
            .validate()
            .expect_err("names required");
        assert_eq!(
            codes(&blank),
            [("given_name", "required"), ("family_name", "required")]
        );
    }

    #[test]
    fn a_full_sponsor_validates() {
        let s = sponsor().validate().expect("valid sponsor");
        assert_eq!(s.given_name, "José");
        assert_eq!(s.category, Some(SponsorCategory::TwoB));
        assert_eq!(s.phones.len(), 1);
        assert_eq!(s.phones[0].e164(), "+17135550142");
        assert_eq!(s.time_zone, "America/Chicago");
        assert_eq!(s.address_incomplete, None);
        let a = s.address.expect("address");
        assert_eq!(a.unit.as_deref(), Some("Apt 5C"));
        assert_eq!(a.state.code(), "TX");
    }

    #[test]
    fn sponsor_fields_accepted() {
        type Edit = fn(&mut SponsorInput);
        let cases: &[(&str, Edit)] = &[
            ("names trimmed", |s| s.given_name = "  José  Luis ".into()),
            ("ñ in name", |s| s.family_name = "Ñuñoa".into()),
            ("emoji name", |s| s.given_name = "José 🌟".into()),
            ("no category", |s| s.category = String::new()),
            ("category word", |s| s.category = "Categoría 1".into()),
            ("guatemalan phone", |s| {
                s.phones = vec!["+502 2345 6789".into()]
            }),
            ("blank phone ignored", |s| s.phones = vec!["  ".into()]),
            ("zip+4", |s| s.postal_code = "77036-1234".into()),
            ("state by name", |s| s.state = "Texas".into()),
            ("tz override", |s| {
                s.time_zone = Some("America/Denver".into())
            }),
            ("blank tz override", |s| s.time_zone = Some(" ".into())),
            ("three-part tz", |s| {
                s.time_zone = Some("America/Indiana/Indianapolis".into())
            }),
        ];
        for (what, edit) in cases {
            let mut s = sponsor();
            edit(&mut s);
            assert!(s.validate().is_ok(), "{what}: {:?}", s.validate());
        }
    }

    #[test]
    fn sponsor_fields_refused_with_field_and_value() {
        type Edit = fn(&mut SponsorInput);
        let cases: &[(&str, Edit, &str, &str)] = &[
            (
                "no given name",
                |s| s.given_name = " ".into(),
                "given_name",
                "required",
            ),
            (
                "no family name",
                |s| s.family_name = String::new(),
                "family_name",
                "required",
            ),
            (
                "long name",
                |s| s.given_name = "a".repeat(201),
                "given_name",
                "201",
            ),
            (
                "tab in name",
                |s| s.family_name = "Ramírez\tLópez".into(),
                "family_name",
                "control",
            ),
            (
                "bad category",
                |s| s.category = "5".into(),
                "category",
                "\"5\"",
            ),
            (
                "bad phone",
                |s| s.phones = vec!["555-CALL".into()],
                "phones",
                "555-CALL",
            ),
            (
                "short phone",
                |s| s.phones = vec!["12345".into()],
                "phones",
                "12345",
            ),
            (
                "bad state",
                |s| s.state = "Tejass".into(),
                "state",
                "Tejass",
            ),
            ("no state", |s| s.state = String::new(), "state", "required"),
            (
                "bad zip",
                |s| s.postal_code = "7703".into(),
                "postal_code",
                "leading 0",
            ),
            (
                "zip letters",
                |s| s.postal_code = "SW1A 1AA".into(),
                "postal_code",
                "SW1A",
            ),
            (
                "bad tz",
                |s| s.time_zone = Some("CST".into()),
                "time_zone",
                "CST",
            ),
            (
                "tz city",
                |s| s.time_zone = Some("Houston".into()),
                "time_zone",
                "Houston",
            ),
        ];
        for (what, edit, field, needle) in cases {
            let mut s = sponsor();
            edit(&mut s);
            let errors = s.validate().expect_err(what);
            assert_eq!(fields(&errors), vec![*field], "{what}");
            assert!(
                errors[0].message.contains(needle),
                "{what}: {:?}",
                errors[0]
            );
        }
    }

    #[test]
    fn sponsor_errors_are_all_collected() {
        let s = SponsorInput {
            phones: vec!["+502 2345 6789".into(), "nope".into(), "123".into()],
            state: "Narnia".into(),
            postal_code: "1".into(),
            ..SponsorInput::default()
        };
        let errors = s.validate().expect_err("invalid");
        assert_eq!(
            fields(&errors),
            vec![
                "given_name",
                "family_name",
                "phones",
                "phones",
                "state",
                "postal_code"
            ]
        );
    }

    #[test]
    fn phones_deduplicated_in_order() {
        let mut s = sponsor();
        s.phones = vec![
            "713-555-0142".into(),
            "+502 2345 6789".into(),
            "(713) 555 0142".into(),
            "+17135550142".into(),
        ];
        let got: Vec<String> = s
            .validate()
            .expect("valid")
            .phones
            .iter()
            .map(|p| p.e164().to_owned())
            .collect();
        assert_eq!(got, vec!["+17135550142", "+50223456789"]);
    }

    #[test]
    fn no_address_is_incomplete_not_an_error() {
        let mut s = sponsor();
        s.address_line1.clear();
        s.address_line2.clear();
        s.city.clear();
        s.state = " ".into();
        s.postal_code.clear();
        let d = s.validate().expect("valid");
        assert_eq!(d.address, None);
        assert_eq!(d.address_incomplete.as_deref(), Some("no address"));
        assert_eq!(d.time_zone, "America/New_York");
    }

    #[test]
    fn time_zone_follows_state_unless_overridden() {
        let mut s = sponsor();
        s.state = "HI".into();
        s.postal_code = "96817".into();
        assert_eq!(s.validate().expect("valid").time_zone, "Pacific/Honolulu");
        s.time_zone = Some("America/Los_Angeles".into());
        assert_eq!(
            s.validate().expect("valid").time_zone,
            "America/Los_Angeles"
        );
    }

    #[test]
    fn address_completeness() {
        let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
            // (line1, line2, city, zip, incomplete)
            ("1234 Bellaire Blvd", "", "Houston", "77036", None),
            ("1234 Bellaire Blvd Apt 5C", "", "Houston", "77036", None),
            ("1234 Bellaire Blvd #5C", "", "Houston", "77036", None),
            ("1234 Bellaire Blvd", "5C", "Houston", "77036", None),
            ("45-12 Queens Blvd", "", "Houston", "77036", None),
            ("N123W456 Elm Rd", "", "Houston", "77036", None),
            ("1 Tower Rd", "", "Houston", "77036", None),
            (
                "Bellaire Blvd",
                "Apt 5C",
                "Houston",
                "77036",
                Some(NO_HOUSE_NUMBER),
            ),
            ("PO Box 12", "", "Houston", "77036", Some(NO_HOUSE_NUMBER)),
            (
                "1234 Bellaire Blvd Apt",
                "",
                "Houston",
                "77036",
                Some(NO_UNIT),
            ),
            (
                "1234 Bellaire Blvd #",
                "",
                "Houston",
                "77036",
                Some(NO_UNIT),
            ),
            (
                "1234 Bellaire Blvd Suite",
                "",
                "Houston",
                "77036",
                Some(NO_UNIT),
            ),
            (
                "Las Palmas Apartments, 800 Palm Dr",
                "",
                "Houston",
                "77036",
                Some("no house number; no apartment or unit number"),
            ),
            (
                "800 Palm Dr, Las Palmas Apartments",
                "",
                "Houston",
                "77036",
                Some(NO_UNIT),
            ),
            ("800 Palm Dr Bldg 3", "", "Houston", "77036", Some(NO_UNIT)),
            ("800 Palm Dr Bldg 3", "Apt 12", "Houston", "77036", None),
            (
                "800 Palm Dr Apartment",
                "Apt",
                "Houston",
                "77036",
                Some(NO_UNIT),
            ),
            ("800 Sunrise Tower", "", "Houston", "77036", Some(NO_UNIT)),
            ("", "", "Houston", "77036", Some("no street address")),
            ("800 Palm Dr", "", "", "", Some("no city; no ZIP code")),
        ];
        for (line1, line2, city, zip, want) in cases {
            let mut s = sponsor();
            s.address_line1 = (*line1).into();
            s.address_line2 = (*line2).into();
            s.city = (*city).into();
            s.postal_code = (*zip).into();
            let d = s.validate().expect(line1);
            assert!(d.address.is_some());
            assert_eq!(
                d.address_incomplete.as_deref(),
                *want,
                "{line1:?} / {line2:?}"
            );
        }
    }

    #[test]
    fn a_full_child_validates() {
        let c = child().validate(today()).expect("valid child");
        assert_eq!(c.given_name, "María José");
        assert_eq!(
            c.a_number.map(|a| a.to_string()).as_deref(),
            Some("A201-234-567")
        );
        assert_eq!(c.country_of_birth.map(|c| c.code()), Some("GT"));
        assert_eq!(c.primary_language.map(|l| l.code()), Some("quc"));
        assert!(c.interpreter_needed);
        assert_eq!(c.notes, "");
        assert_eq!(
            c.birth_date.map(|b| b.to_string()).as_deref(),
            Some("2011-04-02")
        );
    }

    #[test]
    fn child_fields_accepted() {
        type Edit = fn(&mut ChildInput);
        let cases: &[(&str, Edit)] = &[
            ("8-digit A-Number", |c| c.a_number = "12345678".into()),
            ("no A-Number", |c| c.a_number = " ".into()),
            ("estimated birth", |c| c.birth_date = "~2010".into()),
            ("release today", |c| c.release_date = "2026-11-25".into()),
            ("honduras", |c| c.country_of_birth = "HN".into()),
            ("mam", |c| c.primary_language = "Mam".into()),
            ("aliases", |c| {
                c.aliases = vec!["Majo".into(), "majo".into(), "".into()]
            }),
            ("notes multi-line", |c| {
                c.notes = "Llamó la tía.\nTodo bien.".into()
            }),
            ("notes at the limit", |c| c.notes = "n".repeat(10_000)),
            ("emoji", |c| c.given_name = "Ana 🦋".into()),
        ];
        for (what, edit) in cases {
            let mut c = child();
            edit(&mut c);
            assert!(
                c.validate(today()).is_ok(),
                "{what}: {:?}",
                c.validate(today())
            );
        }
        let mut c = child();
        c.a_number = "12345678".into();
        assert_eq!(
            c.validate(today())
                .expect("valid")
                .a_number
                .map(|a| a.normalized()),
            Some("A012345678".into())
        );
        c.aliases = vec!["Majo".into(), "MAJO".into(), "Majó".into()];
        assert_eq!(c.validate(today()).expect("valid").aliases, vec!["Majo"]);
    }

    #[test]
    fn sex_spellings() {
        let cases = [
            ("F", Ok(Some(Sex::Female))),
            ("female", Ok(Some(Sex::Female))),
            ("Femenino", Ok(Some(Sex::Female))),
            ("m", Ok(Some(Sex::Male))),
            ("MASCULINO", Ok(Some(Sex::Male))),
            ("X", Ok(Some(Sex::Other))),
            ("otro", Ok(Some(Sex::Other))),
            ("", Ok(None)),
            ("  ", Ok(None)),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_sex(raw), want, "{raw:?}");
        }
        for bad in ["fem", "2", "unknown", "?"] {
            let e = parse_sex(bad).expect_err(bad);
            assert!(e.contains(bad), "{e}");
        }
    }

    #[test]
    fn yes_no_spellings() {
        for yes in ["yes", "YES", "true", "1", "sí", "Si", "y"] {
            assert_eq!(parse_yes_no("interpreter_needed", yes), Ok(true), "{yes}");
        }
        for no in ["no", "No", "false", "0", "n", ""] {
            assert_eq!(parse_yes_no("interpreter_needed", no), Ok(false), "{no}");
        }
        let e = parse_yes_no("interpreter_needed", "maybe").expect_err("maybe");
        assert!(e.contains("interpreter_needed") && e.contains("maybe"));
    }

    #[test]
    fn child_fields_refused_with_field_and_value() {
        type Edit = fn(&mut ChildInput);
        let cases: &[(&str, Edit, &str, &str)] = &[
            (
                "no given name",
                |c| c.given_name.clear(),
                "given_name",
                "required",
            ),
            (
                "A-Number 7 digits",
                |c| c.a_number = "A1234567".into(),
                "a_number",
                "A1234567",
            ),
            (
                "A-Number letters",
                |c| c.a_number = "A12345678X".into(),
                "a_number",
                "A12345678X",
            ),
            (
                "born in future",
                |c| c.birth_date = "2027-01-01".into(),
                "birth_date",
                "2027-01-01",
            ),
            (
                "bad birth",
                |c| c.birth_date = "02/04/2011".into(),
                "birth_date",
                "02/04/2011",
            ),
            (
                "country",
                |c| c.country_of_birth = "Guatamala".into(),
                "country_of_birth",
                "Guatamala",
            ),
            (
                "language",
                |c| c.primary_language = "Klingon".into(),
                "primary_language",
                "Klingon",
            ),
            (
                "interpreter",
                |c| c.interpreter_needed = "maybe".into(),
                "interpreter_needed",
                "maybe",
            ),
            ("sex", |c| c.sex = "?".into(), "sex", "?"),
            (
                "future release",
                |c| c.release_date = "2026-11-26".into(),
                "release_date",
                "2026-11-26",
            ),
            (
                "release before birth",
                |c| c.release_date = "2010-01-01".into(),
                "release_date",
                "2010-01-01",
            ),
            (
                "release malformed",
                |c| c.release_date = "yesterday".into(),
                "release_date",
                "yesterday",
            ),
            (
                "notes too long",
                |c| c.notes = "n".repeat(10_001),
                "notes",
                "10001",
            ),
            (
                "notes NUL",
                |c| c.notes = "a\u{0}b".into(),
                "notes",
                "control",
            ),
            (
                "long program",
                |c| c.orr_program = "p".repeat(300),
                "orr_program",
                "300",
            ),
            (
                "alias newline",
                |c| c.aliases = vec!["Ma\nJo".into()],
                "aliases",
                "control",
            ),
        ];
        for (what, edit, field, needle) in cases {
            let mut c = child();
            edit(&mut c);
            let errors = c.validate(today()).expect_err(what);
            assert_eq!(fields(&errors), vec![*field], "{what}: {errors:?}");
            assert!(
                errors[0].message.contains(needle),
                "{what}: {:?}",
                errors[0]
            );
        }
    }

    #[test]
    fn proceedings_accepted() {
        let cases: &[(&str, &str, &str, &str)] = &[
            ("", "", "", ""),
            ("not served", "", "", ""),
            ("not_served", "", "", ""),
            ("No", "", "", ""),
            ("served", "2026-10-15", "ATL", ""),
            ("Filed", "", "hou", "2027-02-03 08:30"),
            ("filed", "2026-11-25", "HOU", "2027-02-03T13:00"),
            ("not_served", "", "ATL", ""),
        ];
        for (status, served, court, hearing) in cases {
            let p = ProceedingsInput {
                nta_status: (*status).into(),
                nta_served_on: (*served).into(),
                court_code: (*court).into(),
                next_hearing: (*hearing).into(),
            };
            assert!(
                p.validate(today()).is_ok(),
                "{p:?}: {:?}",
                p.validate(today())
            );
        }
        let p = ProceedingsInput {
            nta_status: "filed".into(),
            court_code: "hou".into(),
            next_hearing: "2027-02-03 08:30".into(),
            ..ProceedingsInput::default()
        }
        .validate(today())
        .expect("valid");
        assert_eq!(p.nta_status, NtaStatus::Filed);
        assert_eq!(p.court_code.as_deref(), Some("HOU"));
        assert_eq!(
            p.next_hearing.map(|t| t.to_string()).as_deref(),
            Some("2027-02-03 08:30:00")
        );
    }

    #[test]
    fn proceedings_refused() {
        type Case<'a> = (&'a str, &'a str, &'a str, &'a str, &'a [&'a str], &'a str);
        let cases: &[Case<'_>] = &[
            ("pending", "", "", "", &["nta_status"], "pending"),
            (
                "not_served",
                "2026-10-01",
                "",
                "",
                &["nta_served_on"],
                "not_served",
            ),
            ("", "2026-10-01", "", "", &["nta_served_on"], "2026-10-01"),
            ("served", "2026-12-01", "", "", &["nta_served_on"], "future"),
            (
                "served",
                "15/10/2026",
                "",
                "",
                &["nta_served_on"],
                "15/10/2026",
            ),
            ("served", "", "XYZ", "", &["court_code"], "XYZ"),
            (
                "served",
                "",
                "",
                "2027-02-03 08:30",
                &["next_hearing"],
                "court",
            ),
            (
                "served",
                "",
                "ATL",
                "2027-02-03 25:00",
                &["next_hearing"],
                "25:00",
            ),
            (
                "served",
                "",
                "ATL",
                "next week",
                &["next_hearing"],
                "next week",
            ),
            (
                "bogus",
                "2030-01-01",
                "???",
                "x",
                &["nta_status", "nta_served_on", "court_code", "next_hearing"],
                "bogus",
            ),
        ];
        for (status, served, court, hearing, want, needle) in cases {
            let p = ProceedingsInput {
                nta_status: (*status).into(),
                nta_served_on: (*served).into(),
                court_code: (*court).into(),
                next_hearing: (*hearing).into(),
            };
            let errors = p.validate(today()).expect_err(status);
            assert_eq!(fields(&errors), want.to_vec(), "{p:?}");
            assert!(errors[0].message.contains(needle), "{p:?}: {errors:?}");
        }
    }

    #[test]
    fn time_zone_shapes() {
        for ok in [
            "America/Chicago",
            "Pacific/Honolulu",
            "America/Indiana/Indianapolis",
            "America/Port-au-Prince",
            "Etc/GMT+5",
        ] {
            assert!(is_plausible_time_zone(ok), "{ok}");
        }
        for bad in [
            "",
            "CST",
            "America",
            "America/",
            "america/chicago",
            "Mars/Olympus",
            "America/Chicago/X/Y",
            "America/Chi cago",
        ] {
            assert!(!is_plausible_time_zone(bad), "{bad}");
        }
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[0-9A-Za-z #/.-]{0,30}",
            "\\PC{0,40}",
            Just("n".repeat(10_001)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn validation_never_panics(
            a in any_text(), b in any_text(), c in any_text(), d in any_text(),
            e in any_text(), f in any_text(), g in any_text(), h in any_text(),
            tz in proptest::option::of(any_text()),
        ) {
            let s = SponsorInput {
                given_name: a.clone(), family_name: b.clone(), category: c.clone(),
                phones: vec![d.clone(), e.clone()], address_line1: e.clone(),
                address_line2: f.clone(), city: g.clone(), state: h.clone(),
                postal_code: d.clone(), time_zone: tz,
            };
            if let Err(errors) = s.validate() {
                prop_assert!(!errors.is_empty());
            }
            let ch = ChildInput {
                given_name: a.clone(), family_name: b.clone(), aliases: vec![c.clone()],
                birth_date: d.clone(), sex: e.clone(), a_number: f.clone(),
                country_of_birth: g.clone(), primary_language: h.clone(),
                interpreter_needed: a.clone(), release_date: b.clone(), orr_program: c.clone(),
                relationship: d.clone(), notes: e.clone(),
            };
            if let Err(errors) = ch.validate(today()) {
                prop_assert!(!errors.is_empty());
            }
            let p = ProceedingsInput {
                nta_status: a, nta_served_on: b, court_code: c, next_hearing: d,
            };
            let _ = p.validate(today());
        }
    }
}
