//! A child as typed, and its validation: names, aliases, dates, A-Number, country, language,
//! interpreter, notes; with the readers for sex and yes/no answers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::field::{field_error, optional_text, required_name, MAX_NAME_CHARS};
use crate::casework::text::{fold, shown};
use crate::casework::{
    parse_date, ANumber, BirthDate, ChildDraft, Country, FieldError, Language, Sex,
};

/// Longest note accepted, in characters.
pub const MAX_NOTES_CHARS: usize = 10_000;

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
