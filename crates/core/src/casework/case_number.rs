//! Tether case numbers: `T-2026-000123` (year opened, 6-digit sequence within the year).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::records::{params, CodedError};
use super::text::shown;

pub const MAX_CASE_SEQUENCE: u32 = 999_999;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CaseNumber {
    year: u16,
    seq: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseNumberError {
    #[error("case number is empty")]
    Empty,
    #[error("case number {0:?} is not in the form T-YYYY-NNNNNN")]
    Malformed(String),
    #[error("case number year {0} is outside 2000–9999")]
    YearOutOfRange(i64),
    #[error("case number sequence {0} is outside 1–{MAX_CASE_SEQUENCE}")]
    SequenceOutOfRange(i64),
}

impl CaseNumberError {
    /// The stable code a UI translates (see `FIELD_ERROR_CODES`).
    pub fn code(&self) -> &'static str {
        match self {
            CaseNumberError::Empty => "required",
            CaseNumberError::Malformed(_) => "case_number_invalid",
            CaseNumberError::YearOutOfRange(_) => "case_number_year_out_of_range",
            CaseNumberError::SequenceOutOfRange(_) => "case_number_sequence_out_of_range",
        }
    }

    /// The values the translated sentence names.
    pub fn params(&self) -> std::collections::BTreeMap<String, String> {
        match self {
            CaseNumberError::Empty => params([]),
            CaseNumberError::Malformed(value) => params([("value", value.clone())]),
            CaseNumberError::YearOutOfRange(year) => params([("year", year.to_string())]),
            CaseNumberError::SequenceOutOfRange(sequence) => params([
                ("sequence", sequence.to_string()),
                ("max", MAX_CASE_SEQUENCE.to_string()),
            ]),
        }
    }
}

impl CodedError for CaseNumberError {
    fn code(&self) -> &'static str {
        CaseNumberError::code(self)
    }
    fn params(&self) -> std::collections::BTreeMap<String, String> {
        CaseNumberError::params(self)
    }
}

impl CaseNumber {
    /// `CaseNumber::new(2026, 123)` is `T-2026-000123`.
    pub fn new(year: i32, seq: u32) -> Result<Self, CaseNumberError> {
        let year = u16::try_from(year)
            .ok()
            .filter(|y| (2000..=9999).contains(y))
            .ok_or(CaseNumberError::YearOutOfRange(i64::from(year)))?;
        if !(1..=MAX_CASE_SEQUENCE).contains(&seq) {
            return Err(CaseNumberError::SequenceOutOfRange(i64::from(seq)));
        }
        Ok(CaseNumber { year, seq })
    }

    /// Reads `T-2026-000123` (the `T` in either case).
    pub fn parse(raw: &str) -> Result<Self, CaseNumberError> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(CaseNumberError::Empty);
        }
        let malformed = || CaseNumberError::Malformed(shown(raw));
        let rest = value.strip_prefix(['T', 't']).ok_or_else(malformed)?;
        let rest = rest.strip_prefix('-').ok_or_else(malformed)?;
        let (year, seq) = rest.split_once('-').ok_or_else(malformed)?;
        let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(year, 4) || !all_digits(seq, 6) {
            return Err(malformed());
        }
        let year: i32 = year.parse().map_err(|_| malformed())?;
        let seq: u32 = seq.parse().map_err(|_| malformed())?;
        CaseNumber::new(year, seq)
    }

    pub fn year(&self) -> i32 {
        i32::from(self.year)
    }

    pub fn seq(&self) -> u32 {
        self.seq
    }

    /// The next number in the same year, if the year is not full.
    pub fn next(&self) -> Option<CaseNumber> {
        CaseNumber::new(self.year(), self.seq.checked_add(1)?).ok()
    }
}

impl fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "T-{:04}-{:06}", self.year, self.seq)
    }
}

impl std::str::FromStr for CaseNumber {
    type Err = CaseNumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CaseNumber::parse(s)
    }
}

impl TryFrom<String> for CaseNumber {
    type Error = CaseNumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        CaseNumber::parse(&value)
    }
}

impl From<CaseNumber> for String {
    fn from(value: CaseNumber) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn new_and_display() {
        assert_eq!(
            CaseNumber::new(2026, 123).map(|c| c.to_string()),
            Ok("T-2026-000123".to_owned())
        );
        assert_eq!(
            CaseNumber::new(2026, 999_999).map(|c| c.to_string()),
            Ok("T-2026-999999".to_owned())
        );
        assert_eq!(
            CaseNumber::new(2026, 0),
            Err(CaseNumberError::SequenceOutOfRange(0))
        );
        assert_eq!(
            CaseNumber::new(2026, 1_000_000),
            Err(CaseNumberError::SequenceOutOfRange(1_000_000))
        );
        assert_eq!(
            CaseNumber::new(1999, 1),
            Err(CaseNumberError::YearOutOfRange(1999))
        );
        assert_eq!(
            CaseNumber::new(-5, 1),
            Err(CaseNumberError::YearOutOfRange(-5))
        );
    }

    #[test]
    fn parses_the_display_form() {
        let want = CaseNumber::new(2026, 123);
        for raw in ["T-2026-000123", "t-2026-000123", "  T-2026-000123 "] {
            assert_eq!(CaseNumber::parse(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn rejects_other_forms_naming_them() {
        for raw in [
            "T-2026-123",
            "T2026000123",
            "2026-000123",
            "T-26-000123",
            "T-2026-0001234",
            "C-2026-000123",
            "T-2026-00012a",
            "T-2026-000123-1",
            "T–2026–000123",
        ] {
            assert_eq!(
                CaseNumber::parse(raw),
                Err(CaseNumberError::Malformed(raw.to_owned())),
                "{raw:?}"
            );
        }
        assert_eq!(CaseNumber::parse(""), Err(CaseNumberError::Empty));
        assert_eq!(
            CaseNumber::parse("T-2026-000000"),
            Err(CaseNumberError::SequenceOutOfRange(0))
        );
        let message = CaseNumber::parse("T-2026-123").err().map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some(r#"case number "T-2026-123" is not in the form T-YYYY-NNNNNN"#)
        );
    }

    #[test]
    fn next_and_order() {
        let a = CaseNumber::new(2026, 41).ok();
        assert_eq!(a.and_then(|a| a.next()), CaseNumber::new(2026, 42).ok());
        assert_eq!(
            CaseNumber::new(2026, 999_999).ok().and_then(|c| c.next()),
            None
        );
        assert!(CaseNumber::new(2025, 999_999).ok() < CaseNumber::new(2026, 1).ok());
        let json = a.and_then(|a| serde_json::to_string(&a).ok());
        assert_eq!(json.as_deref(), Some(r#""T-2026-000041""#));
    }

    proptest! {
        #[test]
        fn display_parse_round_trip(year in 2000i32..=9999, seq in 1u32..=MAX_CASE_SEQUENCE) {
            let c = CaseNumber::new(year, seq);
            prop_assert!(c.is_ok());
            if let Ok(c) = c {
                prop_assert_eq!(CaseNumber::parse(&c.to_string()), Ok(c));
            }
        }
    }
}
