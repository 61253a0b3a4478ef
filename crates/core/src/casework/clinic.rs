//! The clinic's own contact, printed on every notice and letter so a family knows whom to call.

use serde::{Deserialize, Serialize};

use super::input::{field_error, optional_text};
use super::records::FieldError;
use super::Phone;

/// Longest clinic name or address line: a letterhead line, not a paragraph.
pub const MAX_CLINIC_LINE_CHARS: usize = 120;
/// Address lines printed under the clinic's name.
pub const MAX_CLINIC_ADDRESS_LINES: usize = 4;

/// The contact as typed in settings: the address is one line per line of text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClinicContactInput {
    pub name: String,
    pub phone: String,
    pub address: String,
}

/// A checked contact. Every part may be empty: the printout then shows a line to fill by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClinicContact {
    pub name: Option<String>,
    /// International display form, e.g. `+1 213-555-0147`.
    pub phone: Option<String>,
    pub address: Vec<String>,
}

impl ClinicContactInput {
    /// Checks every field and returns every error at once.
    pub fn validate(&self) -> Result<ClinicContact, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = optional_text("name", &self.name, MAX_CLINIC_LINE_CHARS, &mut errors);
        let phone = if self.phone.trim().is_empty() {
            None
        } else {
            match Phone::parse(&self.phone) {
                Ok(p) => Some(p.display_international().to_owned()),
                Err(e) => {
                    errors.push(FieldError::from_error("phone", &e));
                    None
                }
            }
        };
        let lines: Vec<&str> = self
            .address
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.len() > MAX_CLINIC_ADDRESS_LINES {
            errors.push(
                field_error(
                    "address",
                    "too_many_lines",
                    format!(
                        "address has {} lines; the limit is {MAX_CLINIC_ADDRESS_LINES}",
                        lines.len()
                    ),
                )
                .with("lines", lines.len())
                .with("max", MAX_CLINIC_ADDRESS_LINES),
            );
        }
        let address = lines
            .iter()
            .filter_map(|l| optional_text("address", l, MAX_CLINIC_LINE_CHARS, &mut errors))
            .collect();
        if errors.is_empty() {
            Ok(ClinicContact {
                name,
                phone,
                address,
            })
        } else {
            Err(errors)
        }
    }
}

impl ClinicContact {
    /// Back to the form's text, for editing.
    pub fn to_input(&self) -> ClinicContactInput {
        ClinicContactInput {
            name: self.name.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            address: self.address.join("\n"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, phone: &str, address: &str) -> ClinicContactInput {
        ClinicContactInput {
            name: name.into(),
            phone: phone.into(),
            address: address.into(),
        }
    }

    #[test]
    fn a_full_contact_is_tidied() {
        let c = input(
            "  Clínica  Legal Ñuñoa ",
            "(213) 555-0147",
            "1200 W. 7th St, Suite 300\n\n  Los Ángeles, CA 90017  \n",
        )
        .validate()
        .expect("valid");
        assert_eq!(c.name.as_deref(), Some("Clínica Legal Ñuñoa"));
        assert_eq!(c.phone.as_deref(), Some("+1 213-555-0147"));
        assert_eq!(
            c.address,
            vec!["1200 W. 7th St, Suite 300", "Los Ángeles, CA 90017"]
        );
        assert_eq!(c.to_input().validate(), Ok(c));
    }

    #[test]
    fn an_empty_contact_is_allowed() {
        assert_eq!(
            input("", " ", "\n").validate(),
            Ok(ClinicContact::default())
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        let long = "x".repeat(MAX_CLINIC_LINE_CHARS + 1);
        let errors = input(&long, "502 call me", "a\nb\nc\nd\ne")
            .validate()
            .expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "phone", "address"]);
        assert!(errors[1].message.contains("502 call me"), "{errors:?}");
        let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["too_long", "phone_bad_character", "too_many_lines"]);
    }
}
