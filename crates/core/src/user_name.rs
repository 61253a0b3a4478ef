//! User names: what a clinic types to sign in. Compared without regard to case.

use std::fmt;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

pub const MAX_USER_NAME_CHARS: usize = 64;

/// A validated user name, kept as typed (trimmed) for display.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UserName(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserNameError {
    #[error("user name is empty")]
    Empty,
    #[error("user name is longer than {MAX_USER_NAME_CHARS} characters")]
    TooLong,
    #[error("user name {0:?} may only hold letters, digits, '.', '_' and '-'")]
    BadCharacter(String),
}

impl UserName {
    /// Normalised to NFC: "José" typed as one code point or as "e" plus a combining accent is
    /// the same user, at creation and at every lookup.
    pub fn parse(raw: &str) -> Result<Self, UserNameError> {
        let normalised: String = raw.trim().nfc().collect();
        let name = normalised.as_str();
        if name.is_empty() {
            return Err(UserNameError::Empty);
        }
        if name.chars().count() > MAX_USER_NAME_CHARS {
            return Err(UserNameError::TooLong);
        }
        if !name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            return Err(UserNameError::BadCharacter(name.to_owned()));
        }
        Ok(UserName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used for lookups and key derivation, so `María` and `maría` are one user.
    pub fn canonical(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for UserName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for UserName {
    type Error = UserNameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        UserName::parse(&value)
    }
}

impl From<UserName> for String {
    fn from(value: UserName) -> Self {
        value.0
    }
}

impl crate::casework::CodedError for UserNameError {
    fn code(&self) -> &'static str {
        match self {
            UserNameError::Empty => "required",
            UserNameError::TooLong => "user_name_too_long",
            UserNameError::BadCharacter(_) => "user_name_bad_character",
        }
    }

    fn params(&self) -> std::collections::BTreeMap<String, String> {
        use crate::casework::records::params;
        match self {
            UserNameError::Empty => params([]),
            UserNameError::TooLong => params([("max", MAX_USER_NAME_CHARS.to_string())]),
            UserNameError::BadCharacter(name) => params([("value", name.clone())]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_clinic_style_names() {
        for raw in [
            "maria.lopez",
            "José",
            "  ana_g ",
            "k'iche".replace('\'', "-").as_str(),
        ] {
            assert!(UserName::parse(raw).is_ok(), "{raw}");
        }
        assert_eq!(
            UserName::parse("  María ").map(|n| n.canonical()),
            Ok("maría".into())
        );
    }

    #[test]
    fn visually_identical_names_are_one_user() {
        let composed = UserName::parse("Jos\u{e9}").expect("composed");
        let decomposed = UserName::parse("Jose\u{301}").expect("decomposed");
        assert_eq!(composed, decomposed);
        assert_eq!(composed.canonical(), decomposed.canonical());
    }

    #[test]
    fn rejects_bad_names() {
        assert_eq!(UserName::parse("   "), Err(UserNameError::Empty));
        assert_eq!(
            UserName::parse(&"a".repeat(65)),
            Err(UserNameError::TooLong)
        );
        assert!(matches!(
            UserName::parse("ana lopez"),
            Err(UserNameError::BadCharacter(_))
        ));
        assert!(matches!(
            UserName::parse("ana;drop"),
            Err(UserNameError::BadCharacter(_))
        ));
    }
}
