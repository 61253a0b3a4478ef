//! ORR sponsor categories (UC Policy Guide §2.2.1): 1, 2A, 2B, 3, 4.
//!
//! The English descriptions follow data/orr-sponsor-categories.md (a secondary summary of the
//! Policy Guide; the official wording was not available). The Spanish ones are Tether's own
//! translation.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::records::{params, CodedError};
use super::text::{fold, shown};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SponsorCategory {
    #[serde(rename = "1")]
    One,
    #[serde(rename = "2A")]
    TwoA,
    #[serde(rename = "2B")]
    TwoB,
    #[serde(rename = "3")]
    Three,
    #[serde(rename = "4")]
    Four,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SponsorCategoryError {
    #[error("sponsor category is empty")]
    Empty,
    #[error("sponsor category {0:?} is not one of 1, 2A, 2B, 3, 4")]
    Unknown(String),
}

impl SponsorCategoryError {
    /// The stable code a UI translates (see `FIELD_ERROR_CODES`).
    pub fn code(&self) -> &'static str {
        match self {
            SponsorCategoryError::Empty => "required",
            SponsorCategoryError::Unknown(_) => "unknown_category",
        }
    }

    /// The values the translated sentence names.
    pub fn params(&self) -> std::collections::BTreeMap<String, String> {
        match self {
            SponsorCategoryError::Empty => params([]),
            SponsorCategoryError::Unknown(value) => params([("value", value.clone())]),
        }
    }
}

impl CodedError for SponsorCategoryError {
    fn code(&self) -> &'static str {
        SponsorCategoryError::code(self)
    }
    fn params(&self) -> std::collections::BTreeMap<String, String> {
        SponsorCategoryError::params(self)
    }
}

impl SponsorCategory {
    pub const ALL: [SponsorCategory; 5] = [
        SponsorCategory::One,
        SponsorCategory::TwoA,
        SponsorCategory::TwoB,
        SponsorCategory::Three,
        SponsorCategory::Four,
    ];

    /// Reads `1`, `2A`, `2a`, `Category 2A`, `cat. 2B`, `categoría 3`.
    pub fn parse(raw: &str) -> Result<Self, SponsorCategoryError> {
        if raw.trim().is_empty() {
            return Err(SponsorCategoryError::Empty);
        }
        let key = fold(raw);
        let bare = ["category ", "categoria ", "cat "]
            .iter()
            .find_map(|prefix| key.strip_prefix(prefix))
            .unwrap_or(&key)
            .replace(' ', "");
        match bare.as_str() {
            "1" => Ok(SponsorCategory::One),
            "2a" => Ok(SponsorCategory::TwoA),
            "2b" => Ok(SponsorCategory::TwoB),
            "3" => Ok(SponsorCategory::Three),
            "4" => Ok(SponsorCategory::Four),
            _ => Err(SponsorCategoryError::Unknown(shown(raw))),
        }
    }

    /// `1`, `2A`, `2B`, `3`, `4`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SponsorCategory::One => "1",
            SponsorCategory::TwoA => "2A",
            SponsorCategory::TwoB => "2B",
            SponsorCategory::Three => "3",
            SponsorCategory::Four => "4",
        }
    }

    pub fn description_en(&self) -> &'static str {
        match self {
            SponsorCategory::One => "Parent or legal guardian",
            SponsorCategory::TwoA => {
                "Immediate relative who was previously the child's primary caregiver"
            }
            SponsorCategory::TwoB => {
                "Immediate relative who was not previously the child's primary caregiver"
            }
            SponsorCategory::Three => "Other sponsor: distant relative or unrelated adult",
            SponsorCategory::Four => "No sponsor identified",
        }
    }

    pub fn description_es(&self) -> &'static str {
        match self {
            SponsorCategory::One => "Padre, madre o tutor legal",
            SponsorCategory::TwoA => {
                "Familiar cercano que antes fue el cuidador principal del menor"
            }
            SponsorCategory::TwoB => {
                "Familiar cercano que no fue antes el cuidador principal del menor"
            }
            SponsorCategory::Three => "Otro patrocinador: familiar lejano o adulto sin parentesco",
            SponsorCategory::Four => "No se ha identificado patrocinador",
        }
    }

    /// Category 3: a distant relative or an unrelated adult. Red-flag rules look at these.
    pub fn is_distant_or_unrelated(&self) -> bool {
        matches!(self, SponsorCategory::Three)
    }
}

impl fmt::Display for SponsorCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for SponsorCategory {
    type Err = SponsorCategoryError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SponsorCategory::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SponsorCategory::*;

    #[test]
    fn accepts_the_forms_people_write() {
        let cases = [
            ("1", One),
            (" 1 ", One),
            ("2A", TwoA),
            ("2a", TwoA),
            ("2 A", TwoA),
            ("Category 2A", TwoA),
            ("category 2b", TwoB),
            ("CAT. 2B", TwoB),
            ("Categoría 3", Three),
            ("categoria 3", Three),
            ("4", Four),
        ];
        for (raw, want) in cases {
            assert_eq!(SponsorCategory::parse(raw), Ok(want), "{raw:?}");
        }
    }

    #[test]
    fn rejects_other_values_naming_them() {
        let cases = [
            ("", SponsorCategoryError::Empty),
            ("2", SponsorCategoryError::Unknown("2".into())),
            ("2C", SponsorCategoryError::Unknown("2C".into())),
            ("5", SponsorCategoryError::Unknown("5".into())),
            ("0", SponsorCategoryError::Unknown("0".into())),
            ("Category", SponsorCategoryError::Unknown("Category".into())),
            ("tío", SponsorCategoryError::Unknown("tío".into())),
            ("2️⃣", SponsorCategoryError::Unknown("2️⃣".into())),
            ("12A", SponsorCategoryError::Unknown("12A".into())),
        ];
        for (raw, want) in cases {
            assert_eq!(SponsorCategory::parse(raw), Err(want), "{raw:?}");
        }
        let message = SponsorCategory::parse("2C").err().map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some(r#"sponsor category "2C" is not one of 1, 2A, 2B, 3, 4"#)
        );
    }

    #[test]
    fn display_round_trips_and_descriptions_differ() {
        for c in SponsorCategory::ALL {
            assert_eq!(SponsorCategory::parse(&c.to_string()), Ok(c));
            assert_eq!(SponsorCategory::parse(&format!("Category {c}")), Ok(c));
        }
        let en: std::collections::HashSet<_> = SponsorCategory::ALL
            .iter()
            .map(|c| c.description_en())
            .collect();
        let es: std::collections::HashSet<_> = SponsorCategory::ALL
            .iter()
            .map(|c| c.description_es())
            .collect();
        assert_eq!((en.len(), es.len()), (5, 5));
        assert!(TwoA.description_en().contains("was previously"));
        assert!(TwoB.description_en().contains("was not previously"));
        assert!(Three.is_distant_or_unrelated());
        assert!(!TwoB.is_distant_or_unrelated());
    }

    #[test]
    fn serde_uses_orr_labels() {
        assert_eq!(
            serde_json::to_string(&TwoA).ok().as_deref(),
            Some(r#""2A""#)
        );
        assert_eq!(
            serde_json::from_str::<SponsorCategory>(r#""3""#).ok(),
            Some(Three)
        );
        assert!(serde_json::from_str::<SponsorCategory>(r#""2C""#).is_err());
    }
}
