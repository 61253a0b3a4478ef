//! Phone numbers, stored E.164 (`+50223456789`), parsed with the `phonenumber` crate.
//!
//! A number typed without a country code is read as a US number: sponsors live in the US.
//! Central American numbers (Guatemala +502, El Salvador +503, Honduras +504, …) and Mexican
//! ones (+52) must be typed with their `+` country code, as `+502 2345 6789` or
//! `(+502) 2345-6789`.
//!
//! A work-around at this boundary: `phonenumber` 0.3 strips the national prefix with the
//! *default region's* metadata, so with US as the default a foreign number whose national part
//! starts with 1 lost that digit (`+86 139 1234 5678` became `+863912345678`) and valid numbers
//! were refused (`+55 11 3456 7890`, `+44 114 496 0123`). libphonenumber uses the metadata of
//! the region the country code belongs to; so does this module: a number typed with `+` is
//! read once without a default region to learn its country code, then again with that code's
//! main region as the default. `tests/casework/phone_oracle.rs` checks the results against
//! Debian's `python3-phonenumbers` (libphonenumber's Python port).

use std::fmt;

use phonenumber::{country, Mode};
use serde::{Deserialize, Serialize};

use super::records::{params, CodedError};
use super::text::shown;

/// A valid phone number. Serialised as its E.164 string.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone {
    e164: String,
    international: String,
    national: String,
    calling_code: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("phone number is empty")]
    Empty,
    #[error("phone number {0:?} may only hold digits, spaces, '+', '(', ')', '-', '.' and '/'")]
    BadCharacter(String),
    #[error("phone number {0:?} could not be read as a phone number")]
    Unreadable(String),
    #[error("phone number {0:?} is not a valid number (check the country code and the number of digits)")]
    Invalid(String),
}

impl PhoneError {
    /// The stable code a UI translates (see `FIELD_ERROR_CODES`).
    pub fn code(&self) -> &'static str {
        match self {
            PhoneError::Empty => "required",
            PhoneError::BadCharacter(_) => "phone_bad_character",
            PhoneError::Unreadable(_) => "phone_unreadable",
            PhoneError::Invalid(_) => "phone_invalid",
        }
    }

    /// The values the translated sentence names.
    pub fn params(&self) -> std::collections::BTreeMap<String, String> {
        match self {
            PhoneError::Empty => params([]),
            PhoneError::BadCharacter(value)
            | PhoneError::Unreadable(value)
            | PhoneError::Invalid(value) => params([("value", value.clone())]),
        }
    }
}

impl CodedError for PhoneError {
    fn code(&self) -> &'static str {
        PhoneError::code(self)
    }
    fn params(&self) -> std::collections::BTreeMap<String, String> {
        PhoneError::params(self)
    }
}

impl Phone {
    /// Reads a phone number; without a `+` country code it is taken as a US number.
    pub fn parse(raw: &str) -> Result<Self, PhoneError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        // The phonenumber crate would read letters as a keypad ("1-800-FLOWERS") and skip
        // other junk; for a sponsor's phone, a letter is a typo, so refuse it.
        if !trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-' | '.' | '/'))
        {
            return Err(PhoneError::BadCharacter(shown(raw)));
        }
        // `(+502) 2345-6789`: the country code in parentheses, as many people write it.
        let unbracketed = country_code_in_parentheses(trimmed);
        let text = unbracketed.as_deref().unwrap_or(trimmed);
        if text.chars().skip(1).any(|c| c == '+') {
            return Err(PhoneError::BadCharacter(shown(raw)));
        }
        let number = if text.starts_with('+') {
            international(text)
        } else {
            phonenumber::parse(Some(country::Id::US), text)
        }
        .map_err(|_| PhoneError::Unreadable(shown(raw)))?;
        if !phonenumber::is_valid(&number) {
            return Err(PhoneError::Invalid(shown(raw)));
        }
        Ok(Phone {
            e164: number.format().mode(Mode::E164).to_string(),
            international: number.format().mode(Mode::International).to_string(),
            national: number.format().mode(Mode::National).to_string(),
            calling_code: number.code().value(),
        })
    }

    /// `+12125550142`.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// `+1 212-555-0142`, `+502 2345 6789`.
    pub fn display_international(&self) -> &str {
        &self.international
    }

    /// As people write it: a US (+1) number in its national form, `(713) 555-0142`; any
    /// other with its country code, `+502 5123 4567`.
    pub fn display(&self) -> &str {
        if self.calling_code == 1 {
            &self.national
        } else {
            &self.international
        }
    }

    /// The country calling code: 1 for the US, 502 for Guatemala.
    pub fn calling_code(&self) -> u16 {
        self.calling_code
    }
}

/// `(+502) 2345-6789` → `+502 2345-6789`; `None` when the text does not start that way.
fn country_code_in_parentheses(text: &str) -> Option<String> {
    let inner = text.strip_prefix("(+")?;
    let close = inner.find(')')?;
    let code = &inner[..close];
    if code.is_empty() || code.len() > 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("+{code} {}", inner[close + 1..].trim_start()))
}

/// A number typed with its `+` country code, read with that code's own region as the default
/// (see the module's note): first without a region, to learn the code.
fn international(text: &str) -> Result<phonenumber::PhoneNumber, phonenumber::ParseError> {
    let first = phonenumber::parse(None, text)?;
    let region = phonenumber::metadata::DATABASE
        .by_code(&first.code().value())
        .and_then(|regions| regions.first().map(|m| m.id().to_owned()))
        .and_then(|id| id.parse::<country::Id>().ok());
    let number = match region {
        Some(region) => phonenumber::parse(Some(region), text)?,
        None => first,
    };
    // Mexico dropped the `1` once dialled before a mobile number (+52 1 55 …) in 2019; people
    // still write it and libphonenumber's older metadata (Debian's) drops it, the newer one
    // refuses the number. Drop it: it is the same phone.
    let national = number.national().value().to_string();
    if number.code().value() == 52 && national.len() == 11 && national.starts_with('1') {
        return phonenumber::parse(Some(country::Id::MX), format!("+52{}", &national[1..]));
    }
    Ok(number)
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.international)
    }
}

impl std::str::FromStr for Phone {
    type Err = PhoneError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Phone::parse(s)
    }
}

impl TryFrom<String> for Phone {
    type Error = PhoneError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Phone::parse(&value)
    }
}

impl From<Phone> for String {
    fn from(value: Phone) -> Self {
        value.e164
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_valid_numbers_round_trip(raw in "[0-9 +()./-]{0,24}") {
            if let Ok(p) = Phone::parse(&raw) {
                prop_assert!(p.e164().starts_with('+'));
                prop_assert_eq!(Phone::parse(p.e164()), Ok(p.clone()));
                prop_assert_eq!(Phone::parse(p.display_international()), Ok(p));
            }
        }
    }

    #[test]
    fn accepts_us_and_central_american_numbers() {
        let cases = [
            // Sponsors in the US, typed every way.
            ("(212) 555-0142", "+12125550142", 1),
            ("212-555-0142", "+12125550142", 1),
            ("212.555.0142", "+12125550142", 1),
            ("2125550142", "+12125550142", 1),
            ("1 (212) 555-0142", "+12125550142", 1),
            ("+1 212 555 0142", "+12125550142", 1),
            ("(713) 995-3900", "+17139953900", 1),
            // Guatemala: 8 digits, landlines start with 2, mobiles with 3, 4, 5.
            ("+502 2345 6789", "+50223456789", 502),
            ("+502 5123 4567", "+50251234567", 502),
            ("+502 5555 1234", "+50255551234", 502),
            ("+502-4123-4567", "+50241234567", 502),
            ("+50233456789", "+50233456789", 502),
            // Honduras, El Salvador, Mexico.
            ("+504 9876 5432", "+50498765432", 504),
            ("+503 7123 4567", "+50371234567", 503),
            ("+52 55 1234 5678", "+525512345678", 52),
        ];
        for (raw, e164, code) in cases {
            let p = Phone::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!(p.e164(), e164, "{raw}");
            assert_eq!(p.calling_code(), code, "{raw}");
        }
    }

    /// Numbers libphonenumber reads (checked with Python's phonenumbers): the national part
    /// is kept whole, whatever digit it starts with.
    #[test]
    fn foreign_numbers_keep_their_national_part() {
        let cases = [
            ("+86 139 1234 5678", "+8613912345678", 86),
            ("+86 138 0013 8000", "+8613800138000", 86),
            ("+55 11 93456 7890", "+5511934567890", 55),
            ("+55 11 3456 7890", "+551134567890", 55),
            ("+51 1 234 5678", "+5112345678", 51),
            ("+54 11 4321 5678", "+541143215678", 54),
            ("+91 11 2345 6789", "+911123456789", 91),
            ("+44 114 496 0123", "+441144960123", 44),
            // Mexico's old mobile prefix 1 after +52 is dropped, as libphonenumber does.
            ("+52 1 55 1234 5678", "+525512345678", 52),
            ("+52 55 1234 5678", "+525512345678", 52),
            // The country code in parentheses.
            ("(+502) 2345-6789", "+50223456789", 502),
            ("(+502)5123 4567", "+50251234567", 502),
            ("(+1) 713 555 0142", "+17135550142", 1),
        ];
        for (raw, e164, code) in cases {
            let p = Phone::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!(p.e164(), e164, "{raw}");
            assert_eq!(p.calling_code(), code, "{raw}");
        }
        for raw in ["(+502 2345 6789", "(+50222) 345 6789", "(502) 2345 6789"] {
            assert!(Phone::parse(raw).is_err(), "{raw}");
        }
    }

    #[test]
    fn shown_as_people_write_them() {
        let shown = |raw: &str| Phone::parse(raw).map(|p| p.display().to_owned());
        assert_eq!(shown("+17135550142"), Ok("(713) 555-0142".to_owned()));
        assert_eq!(shown("+1 212 555 0142"), Ok("(212) 555-0142".to_owned()));
        assert_eq!(shown("+50251234567"), Ok("+502 5123 4567".to_owned()));
        assert_eq!(shown("+525512345678"), Ok("+52 55 1234 5678".to_owned()));
        assert_eq!(shown("+8613912345678"), Ok("+86 139 1234 5678".to_owned()));
    }

    #[test]
    fn international_display_groups_digits() {
        let shown = |raw: &str| Phone::parse(raw).map(|p| p.display_international().to_owned());
        assert_eq!(shown("+502 23456789"), Ok("+502 2345 6789".to_owned()));
        assert_eq!(shown("(212) 555-0142"), Ok("+1 212-555-0142".to_owned()));
        let p = Phone::parse("+504 9876 5432").map(|p| p.to_string());
        assert_eq!(p, Ok("+504 9876-5432".to_owned()));
    }

    #[test]
    fn rejects_bad_numbers_naming_them() {
        let cases = [
            ("", PhoneError::Empty),
            ("  ", PhoneError::Empty),
            ("555-0142", PhoneError::Invalid("555-0142".into())),
            ("12", PhoneError::Unreadable("12".into())),
            ("+502 2345 678", PhoneError::Invalid("+502 2345 678".into())),
            (
                "+502 2345 67890",
                PhoneError::Invalid("+502 2345 67890".into()),
            ),
            (
                "+502 1234 5678",
                PhoneError::Invalid("+502 1234 5678".into()),
            ),
            (
                "1-800-FLOWERS",
                PhoneError::BadCharacter("1-800-FLOWERS".into()),
            ),
            (
                "llamar a José",
                PhoneError::BadCharacter("llamar a José".into()),
            ),
            (
                "212 555 0142 ext 3",
                PhoneError::BadCharacter("212 555 0142 ext 3".into()),
            ),
            (
                "📞 2125550142",
                PhoneError::BadCharacter("📞 2125550142".into()),
            ),
            (
                "+1 +502 2345 6789",
                PhoneError::BadCharacter("+1 +502 2345 6789".into()),
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(Phone::parse(raw), Err(want), "{raw:?}");
        }
        let message = Phone::parse("555-0142").err().map(|e| e.to_string());
        assert!(message.is_some_and(|m| m.starts_with(r#"phone number "555-0142""#)));
    }

    #[test]
    fn guatemalan_number_without_plus_is_read_as_us_and_refused() {
        // 8 digits with no country code is not a US number; the user must add +502.
        assert!(Phone::parse("2345 6789").is_err());
    }

    #[test]
    fn serde_round_trips_through_e164() {
        let p = Phone::parse("+502 5123 4567").ok();
        let json = p.as_ref().and_then(|p| serde_json::to_string(p).ok());
        assert_eq!(json.as_deref(), Some(r#""+50251234567""#));
        let back = json.and_then(|j| serde_json::from_str::<Phone>(&j).ok());
        assert_eq!(back, p);
        assert!(serde_json::from_str::<Phone>(r#""12""#).is_err());
    }
}
