//! The rule for new passphrases. Existing ones are never re-checked: a rule change must not
//! lock anybody out.

pub const MIN_PASSPHRASE_CHARS: usize = 12;
pub const MAX_PASSPHRASE_CHARS: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseError {
    #[error("passphrase must have at least {MIN_PASSPHRASE_CHARS} characters")]
    TooShort,
    #[error("passphrase must have at most {MAX_PASSPHRASE_CHARS} characters")]
    TooLong,
    #[error("passphrase must not be only spaces")]
    Blank,
}

pub fn check_new_passphrase(passphrase: &str) -> Result<(), PassphraseError> {
    let chars = passphrase.chars().count();
    if passphrase.trim().is_empty() && chars > 0 {
        return Err(PassphraseError::Blank);
    }
    if chars < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseError::TooShort);
    }
    if chars > MAX_PASSPHRASE_CHARS {
        return Err(PassphraseError::TooLong);
    }
    Ok(())
}

impl crate::casework::CodedError for PassphraseError {
    fn code(&self) -> &'static str {
        match self {
            PassphraseError::TooShort => "passphrase_too_short",
            PassphraseError::TooLong => "passphrase_too_long",
            PassphraseError::Blank => "passphrase_blank",
        }
    }

    fn params(&self) -> std::collections::BTreeMap<String, String> {
        use crate::casework::records::params;
        match self {
            PassphraseError::TooShort => params([("min", MIN_PASSPHRASE_CHARS.to_string())]),
            PassphraseError::TooLong => params([("max", MAX_PASSPHRASE_CHARS.to_string())]),
            PassphraseError::Blank => params([]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrase_rule() {
        let table: [(&str, Result<(), PassphraseError>); 5] = [
            ("correct horse battery", Ok(())),
            ("contraseña segura 2026", Ok(())),
            ("short", Err(PassphraseError::TooShort)),
            ("", Err(PassphraseError::TooShort)),
            ("              ", Err(PassphraseError::Blank)),
        ];
        for (input, want) in table {
            assert_eq!(check_new_passphrase(input), want, "{input:?}");
        }
        assert_eq!(
            check_new_passphrase(&"x".repeat(1025)),
            Err(PassphraseError::TooLong)
        );
    }
}
