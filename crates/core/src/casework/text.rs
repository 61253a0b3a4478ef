//! Text folding shared by the name lookups (countries, languages, states, courts).

/// The key a typed name is matched on: lower case, Latin accents removed, apostrophes and dots
/// dropped, `&` read as "and", other punctuation read as a space, runs of spaces collapsed.
///
/// So `K'iche'`, `Kiche` and `KICHE` meet, as do `México` and `mexico`, `EE. UU.` and `ee uu`.
pub(crate) fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars().flat_map(char::to_lowercase) {
        let mapped: Option<&str> = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => Some("a"),
            'é' | 'è' | 'ê' | 'ë' | 'ē' => Some("e"),
            'í' | 'ì' | 'î' | 'ï' | 'ī' => Some("i"),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' | 'ø' => Some("o"),
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => Some("u"),
            'ñ' => Some("n"),
            'ç' => Some("c"),
            'ý' | 'ÿ' => Some("y"),
            'æ' => Some("ae"),
            'œ' => Some("oe"),
            'ß' => Some("ss"),
            '&' => Some("and"),
            // Apostrophes of every kind (K'iche', Q’anjob’al, Côte d’Ivoire) and dots vanish.
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}' | '.' => {
                Some("")
            }
            // Combining accents typed in decomposed form.
            '\u{0300}'..='\u{036F}' => Some(""),
            _ => None,
        };
        match mapped {
            Some("and") => push_word(&mut out, &mut pending_space, "and", true),
            Some(s) => push_word(&mut out, &mut pending_space, s, false),
            None if c.is_alphanumeric() => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
            None => pending_space = true,
        }
    }
    out
}

fn push_word(out: &mut String, pending_space: &mut bool, s: &str, separate: bool) {
    if s.is_empty() {
        return;
    }
    if (*pending_space || separate) && !out.is_empty() {
        out.push(' ');
    }
    out.push_str(s);
    *pending_space = separate;
}

/// A value shortened for an error message, so a pasted page does not flood the screen.
pub(crate) fn shown(raw: &str) -> String {
    const MAX: usize = 60;
    let trimmed = raw.trim();
    if trimmed.chars().count() <= MAX {
        trimmed.to_owned()
    } else {
        let mut s: String = trimmed.chars().take(MAX).collect();
        s.push('…');
        s
    }
}

/// Splits one line of a simple CSV file (RFC 4180 quoting, no line breaks inside fields).
pub(crate) fn split_csv_line(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut in_quotes = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                at_field_start = false;
            }
            '"' => return Err(format!("stray quote in {line:?}")),
            ',' => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if in_quotes {
        return Err(format!("unclosed quote in {line:?}"));
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_meets_the_spellings_people_type() {
        let cases = [
            ("K'iche'", "kiche"),
            ("Q’anjob’al", "qanjobal"),
            ("  México ", "mexico"),
            ("REPÚBLICA   DOMINICANA", "republica dominicana"),
            ("EE. UU.", "ee uu"),
            ("Antigua & Barbuda", "antigua and barbuda"),
            ("Guinea-Bisáu", "guinea bisau"),
            ("Côte d’Ivoire", "cote divoire"),
            ("Haiti\u{0301}", "haiti"),
            ("", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(fold(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn shown_cuts_long_values() {
        assert_eq!(shown(" José "), "José");
        let long = "9".repeat(100);
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), 61);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn csv_lines_split_with_quotes() {
        assert_eq!(
            split_csv_line(r#"ATD,"180 Ted Turner Drive, SW",,"say ""hi""""#),
            Ok(vec![
                "ATD".to_owned(),
                "180 Ted Turner Drive, SW".to_owned(),
                String::new(),
                "say \"hi\"".to_owned(),
            ])
        );
        assert!(split_csv_line(r#"ATD,"open"#).is_err());
        assert!(split_csv_line(r#"AT"D,x"#).is_err());
    }
}
