//! The text rules every input shares: the field-error builder, required names and optional
//! one-line text (trimmed, spaces collapsed, length-limited, no control characters).

use crate::casework::text::shown;
use crate::casework::FieldError;

/// Longest name, alias, ORR program or relationship accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// A field error with its code; add the sentence's values with `.with(name, value)`.
pub(crate) fn field_error(
    field: &str,
    code: &'static str,
    message: impl Into<String>,
) -> FieldError {
    FieldError::new(field, code, message)
}

/// A required name: trimmed, inner runs of spaces collapsed, at most 200 characters, no
/// control characters.
pub(super) fn required_name(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> String {
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
