//! A-Numbers (Alien Registration Numbers): 9 digits, shown `A123-456-789`.
//!
//! An 8-digit number gets a leading 0, as the EOIR Practice Manual says to write it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::records::{params, CodedError};
use super::text::shown;

/// A valid A-Number. Stored as its 9 digits; serialised as `A123456789`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ANumber(u32);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ANumberError {
    #[error("A-Number is empty")]
    Empty,
    #[error(
        "A-Number {0:?} may only hold digits, spaces and hyphens, after an optional leading A"
    )]
    BadCharacter(String),
    #[error("A-Number {value:?} must have 8 or 9 digits (it has {digits})")]
    WrongLength { value: String, digits: usize },
    #[error("A-Number {0:?} is all zeros, a placeholder rather than a real number")]
    AllZeros(String),
}

impl ANumberError {
    /// The stable code a UI translates (see `FIELD_ERROR_CODES`).
    pub fn code(&self) -> &'static str {
        match self {
            ANumberError::Empty => "required",
            ANumberError::BadCharacter(_) => "a_number_bad_character",
            ANumberError::WrongLength { .. } => "a_number_invalid",
            ANumberError::AllZeros(_) => "a_number_all_zeros",
        }
    }

    /// The values the translated sentence names.
    pub fn params(&self) -> std::collections::BTreeMap<String, String> {
        match self {
            ANumberError::Empty => params([]),
            ANumberError::BadCharacter(value) | ANumberError::AllZeros(value) => {
                params([("value", value.clone())])
            }
            ANumberError::WrongLength { value, digits } => {
                params([("value", value.clone()), ("digits", digits.to_string())])
            }
        }
    }
}

impl CodedError for ANumberError {
    fn code(&self) -> &'static str {
        ANumberError::code(self)
    }
    fn params(&self) -> std::collections::BTreeMap<String, String> {
        ANumberError::params(self)
    }
}

impl ANumber {
    /// Reads `A123456789`, `a123456789`, `123-456-789`, `A 123 456 789`, `A-123-456-789`,
    /// `123456789`, or the 8-digit forms of these (a leading 0 is added).
    pub fn parse(raw: &str) -> Result<Self, ANumberError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(ANumberError::Empty);
        }
        let body = match trimmed.strip_prefix(['A', 'a']) {
            Some(rest) => rest.trim_start_matches([' ', '-']),
            None => trimmed,
        };
        let mut value: u32 = 0;
        let mut digits = 0usize;
        let mut last_was_digit = false;
        for c in body.chars() {
            match c {
                '0'..='9' => {
                    digits += 1;
                    if digits <= 9 {
                        value = value * 10 + (u32::from(c) - u32::from('0'));
                    }
                    last_was_digit = true;
                }
                ' ' | '-' if last_was_digit => last_was_digit = false,
                _ => return Err(ANumberError::BadCharacter(shown(raw))),
            }
        }
        if !last_was_digit && digits > 0 {
            // A trailing separator: "123-456-789-".
            return Err(ANumberError::BadCharacter(shown(raw)));
        }
        if !(8..=9).contains(&digits) {
            return Err(ANumberError::WrongLength {
                value: shown(raw),
                digits,
            });
        }
        if value == 0 {
            return Err(ANumberError::AllZeros(shown(raw)));
        }
        Ok(ANumber(value))
    }

    /// Builds an A-Number from its value (1 ..= 999 999 999).
    pub fn from_u32(value: u32) -> Option<Self> {
        (1..=999_999_999).contains(&value).then_some(ANumber(value))
    }

    /// The 9 digits, e.g. `012345678`.
    pub fn digits(&self) -> String {
        format!("{:09}", self.0)
    }

    /// The compact form for storage and search: `A123456789`.
    pub fn normalized(&self) -> String {
        format!("A{:09}", self.0)
    }

    pub fn value(&self) -> u32 {
        self.0
    }
}

impl fmt::Display for ANumber {
    /// `A123-456-789`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.digits();
        write!(f, "A{}-{}-{}", &d[0..3], &d[3..6], &d[6..9])
    }
}

impl std::str::FromStr for ANumber {
    type Err = ANumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ANumber::parse(s)
    }
}

impl TryFrom<String> for ANumber {
    type Error = ANumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        ANumber::parse(&value)
    }
}

impl From<ANumber> for String {
    fn from(value: ANumber) -> Self {
        value.normalized()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_the_forms_clinics_write() {
        for raw in [
            "A123456789",
            "a123456789",
            "123-456-789",
            "A 123 456 789",
            "A-123-456-789",
            "123456789",
            "  A123-456-789  ",
            "A123 456-789",
        ] {
            let n = ANumber::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!(n.normalized(), "A123456789", "{raw}");
            assert_eq!(n.to_string(), "A123-456-789", "{raw}");
            assert_eq!(n.digits(), "123456789", "{raw}");
        }
    }

    #[test]
    fn eight_digits_get_a_leading_zero() {
        for raw in ["A12345678", "12345678", "12-345-678", "A 12 345 678"] {
            let n = ANumber::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!(n.digits(), "012345678", "{raw}");
            assert_eq!(n.to_string(), "A012-345-678", "{raw}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_a_number() {
        let cases: [(&str, ANumberError); 13] = [
            ("", ANumberError::Empty),
            ("   ", ANumberError::Empty),
            (
                "1234567",
                ANumberError::WrongLength {
                    value: "1234567".into(),
                    digits: 7,
                },
            ),
            (
                "A1234567890",
                ANumberError::WrongLength {
                    value: "A1234567890".into(),
                    digits: 10,
                },
            ),
            (
                "1234567890123",
                ANumberError::WrongLength {
                    value: "1234567890123".into(),
                    digits: 13,
                },
            ),
            (
                "A",
                ANumberError::WrongLength {
                    value: "A".into(),
                    digits: 0,
                },
            ),
            (
                "A12345678O",
                ANumberError::BadCharacter("A12345678O".into()),
            ),
            (
                "José Ramírez",
                ANumberError::BadCharacter("José Ramírez".into()),
            ),
            (
                "AA123456789",
                ANumberError::BadCharacter("AA123456789".into()),
            ),
            (
                "123.456.789",
                ANumberError::BadCharacter("123.456.789".into()),
            ),
            (
                "-123456789",
                ANumberError::BadCharacter("-123456789".into()),
            ),
            (
                "123456789🙂",
                ANumberError::BadCharacter("123456789🙂".into()),
            ),
            ("000-000-000", ANumberError::AllZeros("000-000-000".into())),
        ];
        for (raw, want) in cases {
            assert_eq!(ANumber::parse(raw), Err(want), "{raw:?}");
        }
        // Double and trailing separators are typos, not formats.
        for raw in ["123--456-789", "123-456-789-", "B123456789", "A12345678 9x"] {
            assert!(ANumber::parse(raw).is_err(), "{raw:?}");
        }
    }

    #[test]
    fn errors_name_the_field_and_the_value() {
        let err = ANumber::parse("12345").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(r#"A-Number "12345" must have 8 or 9 digits (it has 5)"#)
        );
        let err = ANumber::parse("A12x456789").err().map(|e| e.to_string());
        assert!(err
            .as_deref()
            .is_some_and(|m| m.contains(r#""A12x456789""#)));
    }

    #[test]
    fn serde_uses_the_compact_form_and_validates() {
        let n = ANumber::parse("A-012-345-678").ok();
        let json = n.and_then(|n| serde_json::to_string(&n).ok());
        assert_eq!(json.as_deref(), Some(r#""A012345678""#));
        let back: Result<ANumber, _> = serde_json::from_str(r#""A012345678""#);
        assert_eq!(back.ok(), n);
        assert!(serde_json::from_str::<ANumber>(r#""A123""#).is_err());
    }

    #[test]
    fn from_u32_bounds() {
        assert_eq!(ANumber::from_u32(0), None);
        assert_eq!(ANumber::from_u32(1_000_000_000), None);
        assert_eq!(
            ANumber::from_u32(12_345_678)
                .map(|n| n.to_string())
                .as_deref(),
            Some("A012-345-678")
        );
    }

    proptest! {
        #[test]
        fn display_and_normalized_round_trip(value in 1u32..=999_999_999) {
            let Some(n) = ANumber::from_u32(value) else {
                return Err(TestCaseError::fail("in range"));
            };
            prop_assert_eq!(ANumber::parse(&n.to_string()), Ok(n));
            prop_assert_eq!(ANumber::parse(&n.normalized()), Ok(n));
            prop_assert_eq!(ANumber::parse(&n.digits()), Ok(n));
            let renormalized = ANumber::parse(&n.to_string()).map(|m| m.normalized());
            prop_assert_eq!(renormalized, Ok(n.normalized()));
        }

        #[test]
        fn never_panics(raw in "\\PC{0,20}") {
            let _ = ANumber::parse(&raw);
        }
    }
}
