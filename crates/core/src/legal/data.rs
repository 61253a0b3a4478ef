//! One reader for every embedded rule table, so every error names the file, the line and the
//! column, and every table gets the same checks (exact header, no blank lines, trimmed cells,
//! strict `YYYY-MM-DD` dates).

use chrono::{NaiveDate, NaiveTime};

/// A rule table that does not parse. The embedded tables are checked by tests; a clinic's own
/// table (`RuleBook::parse`) reports the first problem it finds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleDataError {
    #[error("{file}: the header is {found:?}, expected {expected:?}")]
    Header {
        file: &'static str,
        expected: String,
        found: String,
    },
    #[error("{file} line {line}: {message}")]
    Malformed {
        file: &'static str,
        line: u64,
        message: String,
    },
    #[error("{file} line {line}: {column} is empty")]
    Empty {
        file: &'static str,
        line: u64,
        column: &'static str,
    },
    #[error("{file} line {line}: {column} {value:?} {problem}")]
    Invalid {
        file: &'static str,
        line: u64,
        column: &'static str,
        value: String,
        problem: String,
    },
    #[error("{file} line {line}: {what} already appears on line {first_line}")]
    Duplicate {
        file: &'static str,
        line: u64,
        first_line: u64,
        what: String,
    },
    #[error("{file}: {problem}")]
    Table { file: &'static str, problem: String },
}

/// One data row, with its line number in the file (the header is line 1).
#[derive(Debug)]
pub(super) struct Row {
    file: &'static str,
    line: u64,
    header: &'static [&'static str],
    cells: Vec<String>,
}

impl Row {
    pub(super) fn line(&self) -> u64 {
        self.line
    }

    /// The trimmed cell under `column`, possibly empty. An unknown column is a programming
    /// error in this module, reported as an error rather than a panic.
    pub(super) fn text(&self, column: &'static str) -> Result<&str, RuleDataError> {
        self.header
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.cells.get(i))
            .map(String::as_str)
            .ok_or_else(|| RuleDataError::Malformed {
                file: self.file,
                line: self.line,
                message: format!("no column {column:?}"),
            })
    }

    /// The cell under `column`, which must not be empty.
    pub(super) fn required(&self, column: &'static str) -> Result<&str, RuleDataError> {
        let value = self.text(column)?;
        if value.is_empty() {
            return Err(RuleDataError::Empty {
                file: self.file,
                line: self.line,
                column,
            });
        }
        Ok(value)
    }

    pub(super) fn invalid(
        &self,
        column: &'static str,
        value: &str,
        problem: impl Into<String>,
    ) -> RuleDataError {
        RuleDataError::Invalid {
            file: self.file,
            line: self.line,
            column,
            value: value.to_owned(),
            problem: problem.into(),
        }
    }

    pub(super) fn duplicate(&self, first_line: u64, what: String) -> RuleDataError {
        RuleDataError::Duplicate {
            file: self.file,
            line: self.line,
            first_line,
            what,
        }
    }

    /// A required `YYYY-MM-DD` date.
    pub(super) fn date(&self, column: &'static str) -> Result<NaiveDate, RuleDataError> {
        let value = self.required(column)?;
        parse_date(value).ok_or_else(|| self.invalid(column, value, "is not a YYYY-MM-DD date"))
    }

    /// An optional `YYYY-MM-DD` date: empty is `None`.
    pub(super) fn optional_date(
        &self,
        column: &'static str,
    ) -> Result<Option<NaiveDate>, RuleDataError> {
        let value = self.text(column)?;
        if value.is_empty() {
            return Ok(None);
        }
        self.date(column).map(Some)
    }

    /// A required whole number within `range`.
    pub(super) fn number(
        &self,
        column: &'static str,
        range: std::ops::RangeInclusive<u32>,
    ) -> Result<u32, RuleDataError> {
        let value = self.required(column)?;
        value
            .parse::<u32>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                self.invalid(
                    column,
                    value,
                    format!(
                        "is not a whole number from {} to {}",
                        range.start(),
                        range.end()
                    ),
                )
            })
    }
}

/// `YYYY-MM-DD`, exactly ten characters: chrono alone would also take `2026-1-5`.
pub(super) fn parse_date(value: &str) -> Option<NaiveDate> {
    if value.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// `HH:MM`, 24-hour.
pub(super) fn parse_time(value: &str) -> Option<NaiveTime> {
    if value.len() != 5 {
        return None;
    }
    NaiveTime::parse_from_str(value, "%H:%M").ok()
}

/// Every data row of `text`, whose header must be exactly `header`.
///
/// Blank lines are refused rather than skipped: the csv crate does not count them in its
/// positions, so a blank line would make every later error name the wrong line.
pub(super) fn rows(
    file: &'static str,
    text: &str,
    header: &'static [&'static str],
) -> Result<Vec<Row>, RuleDataError> {
    let content = text.strip_suffix('\n').unwrap_or(text);
    for (i, line) in content.split('\n').enumerate() {
        if line.trim().is_empty() {
            return Err(RuleDataError::Malformed {
                file,
                line: u64::try_from(i + 1).unwrap_or(u64::MAX),
                message: "blank line".to_owned(),
            });
        }
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(text.as_bytes());
    let found = reader
        .headers()
        .map_err(|e| RuleDataError::Malformed {
            file,
            line: 1,
            message: e.to_string(),
        })?
        .iter()
        .collect::<Vec<_>>()
        .join(",");
    let expected = header.join(",");
    if found != expected {
        return Err(RuleDataError::Header {
            file,
            expected,
            found,
        });
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| RuleDataError::Malformed {
            file,
            line: e.position().map_or(0, csv::Position::line),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        out.push(Row {
            file,
            line,
            header,
            cells: record.iter().map(str::to_owned).collect(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &[&str] = &["id", "effective_from"];

    #[test]
    fn rows_carry_their_line_and_cells() {
        let rows = rows("t.csv", "id,effective_from\na, 2026-01-05 \nb,\n", HEADER);
        let rows = rows.expect("parses");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line(), 2);
        assert_eq!(rows[1].line(), 3);
        assert_eq!(rows[0].text("id"), Ok("a"));
        assert_eq!(
            rows[0].date("effective_from").ok(),
            NaiveDate::from_ymd_opt(2026, 1, 5)
        );
        assert_eq!(rows[1].optional_date("effective_from"), Ok(None));
        assert_eq!(
            rows[1].date("effective_from"),
            Err(RuleDataError::Empty {
                file: "t.csv",
                line: 3,
                column: "effective_from"
            })
        );
    }

    #[test]
    fn a_wrong_header_a_blank_line_or_a_short_row_is_refused() {
        assert!(matches!(
            rows("t.csv", "id,when\na,b\n", HEADER),
            Err(RuleDataError::Header { .. })
        ));
        assert_eq!(
            rows("t.csv", "id,effective_from\na,b\n\nc,d\n", HEADER).err(),
            Some(RuleDataError::Malformed {
                file: "t.csv",
                line: 3,
                message: "blank line".to_owned()
            })
        );
        let short = rows("t.csv", "id,effective_from\na,b\nc\n", HEADER).err();
        assert!(
            matches!(short, Some(RuleDataError::Malformed { line: 3, .. })),
            "{short:?}"
        );
    }

    #[test]
    fn dates_and_times_are_strict() {
        assert!(parse_date("2026-01-05").is_some());
        for bad in [
            "2026-1-5",
            "2026-02-30",
            "05/01/2026",
            "2026-01-05T00:00",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_time("07:00").is_some());
        for bad in ["7:00", "24:00", "19:60", "7 pm"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        let rows = rows("t.csv", "id,effective_from\na,2026-13-01\n", HEADER).unwrap_or_default();
        let err = rows.first().map(|r| r.date("effective_from"));
        assert_eq!(
            err.and_then(Result::err).map(|e| e.to_string()).as_deref(),
            Some(r#"t.csv line 2: effective_from "2026-13-01" is not a YYYY-MM-DD date"#)
        );
    }
}
