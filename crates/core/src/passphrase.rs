//! The rule for new passphrases, and a strength hint. Existing ones are never re-checked: a
//! rule change must not lock anybody out.

use serde::Serialize;

pub const MIN_PASSPHRASE_CHARS: usize = 12;
pub const MAX_PASSPHRASE_CHARS: usize = 1024;

/// The most common passwords of public breach lists (see data/common-passwords.SOURCES.md).
const COMMON: &str = include_str!("../data/common-passwords.txt");

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseError {
    #[error("passphrase must have at least {MIN_PASSPHRASE_CHARS} characters")]
    TooShort,
    #[error("passphrase must have at most {MAX_PASSPHRASE_CHARS} characters")]
    TooLong,
    #[error("passphrase must not be only spaces")]
    Blank,
    #[error(
        "passphrase is one of the most common ones (or one with digits added): choose another"
    )]
    Common,
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
    if is_common(passphrase) {
        return Err(PassphraseError::Common);
    }
    Ok(())
}

/// Folded to lower-case letters and digits, then with digits stripped from both ends: a list
/// entry, an entry with a year or a counter added, or digits alone.
fn is_common(passphrase: &str) -> bool {
    let folded: String = passphrase
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let core = folded.trim_matches(|c: char| c.is_ascii_digit());
    let one_char = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|first| s.chars().all(|c| c == first))
    };
    core.is_empty()
        || one_char(&folded)
        || COMMON.lines().any(|entry| entry == folded || entry == core)
}

/// How hard a passphrase looks to guess, for the strength hint beside a new-passphrase field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// Refused by the rule.
    Refused,
    Weak,
    Fair,
    Strong,
}

/// The hint: a level, a rough estimate in bits, and what would help (a stable code a window
/// translates, `passphraseHint.<code>`; `message` is the English text the CLI prints).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrengthHint {
    pub strength: Strength,
    pub bits: u32,
    pub code: &'static str,
    pub message: &'static str,
}

/// A pure estimate: about 11 bits per word for passphrases of several words (a word from a
/// large list), otherwise the characters' variety times their length, counting repeats once
/// more than half. Deliberately conservative and simple; the rule above is what refuses.
pub fn passphrase_strength(passphrase: &str) -> StrengthHint {
    if let Err(e) = check_new_passphrase(passphrase) {
        let code = crate::casework::CodedError::code(&e);
        return StrengthHint {
            strength: Strength::Refused,
            bits: 0,
            code,
            message: "this passphrase is refused: see the error",
        };
    }
    let bits = estimate_bits(passphrase);
    let (strength, code, message) = match bits {
        0..=49 => (
            Strength::Weak,
            "add_words",
            "weak: add two or three unrelated words",
        ),
        50..=69 => (
            Strength::Fair,
            "add_word",
            "fair: one more unrelated word would make it strong",
        ),
        _ => (Strength::Strong, "strong", "strong"),
    };
    StrengthHint {
        strength,
        bits,
        code,
        message,
    }
}

fn estimate_bits(passphrase: &str) -> u32 {
    let words = passphrase
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .filter(|w| w.chars().count() >= 3)
        .count() as u32;
    let mut pool = 0u32;
    let chars: Vec<char> = passphrase.chars().collect();
    if chars.iter().any(|c| c.is_ascii_lowercase()) {
        pool += 26;
    }
    if chars.iter().any(|c| c.is_ascii_uppercase()) {
        pool += 26;
    }
    if chars.iter().any(|c| c.is_ascii_digit()) {
        pool += 10;
    }
    if chars.iter().any(|c| !c.is_ascii_alphanumeric()) {
        pool += 33;
    }
    let distinct = {
        let mut seen: Vec<char> = chars.clone();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    };
    // Repeats add little: count at most twice the distinct characters.
    let effective = chars.len().min(distinct * 2) as f64;
    // Human-chosen text carries far less than its alphabet allows: halve it.
    let by_chars = (effective * f64::from(pool.max(1)).log2() / 2.0) as u32;
    by_chars.max(words * 11)
}

impl crate::casework::CodedError for PassphraseError {
    fn code(&self) -> &'static str {
        match self {
            PassphraseError::TooShort => "passphrase_too_short",
            PassphraseError::TooLong => "passphrase_too_long",
            PassphraseError::Blank => "passphrase_blank",
            PassphraseError::Common => "passphrase_common",
        }
    }

    fn params(&self) -> std::collections::BTreeMap<String, String> {
        use crate::casework::records::params;
        match self {
            PassphraseError::TooShort => params([("min", MIN_PASSPHRASE_CHARS.to_string())]),
            PassphraseError::TooLong => params([("max", MAX_PASSPHRASE_CHARS.to_string())]),
            PassphraseError::Blank | PassphraseError::Common => params([]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrase_rule() {
        let table: [(&str, Result<(), PassphraseError>); 10] = [
            ("correct horse battery", Ok(())),
            ("contraseña segura 2026", Ok(())),
            ("short", Err(PassphraseError::TooShort)),
            ("", Err(PassphraseError::TooShort)),
            ("              ", Err(PassphraseError::Blank)),
            // Long enough, and on every attacker's first page.
            ("password1234", Err(PassphraseError::Common)),
            ("Password 2026!!", Err(PassphraseError::Common)),
            ("sunshine1234567", Err(PassphraseError::Common)),
            ("123456789012", Err(PassphraseError::Common)),
            ("aaaaaaaaaaaaaa", Err(PassphraseError::Common)),
        ];
        for (input, want) in table {
            assert_eq!(check_new_passphrase(input), want, "{input:?}");
        }
        assert_eq!(
            check_new_passphrase(&"x".repeat(1025)),
            Err(PassphraseError::TooLong)
        );
        assert_eq!(
            check_new_passphrase("qwertyuiop12"),
            Err(PassphraseError::Common)
        );
    }

    #[test]
    fn the_shipped_list_is_folded_like_the_input() {
        for entry in COMMON.lines() {
            assert!(!entry.is_empty());
            assert!(
                entry
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
                "{entry:?}"
            );
        }
    }

    #[test]
    fn strength_hint() {
        let hint = |p: &str| passphrase_strength(p).strength;
        assert_eq!(hint("password1234"), Strength::Refused);
        assert_eq!(passphrase_strength("short").code, "passphrase_too_short");
        assert_eq!(hint("abcabcabcabc"), Strength::Weak);
        assert_eq!(hint("Guatemala2026"), Strength::Weak);
        assert!(hint("lluvia en Huehuetenango") >= Strength::Fair);
        assert_eq!(hint("correct horse battery staple"), Strength::Strong);
        assert_eq!(hint("volcán Tajumulco, café y marimba"), Strength::Strong);
    }
}
