//! Dates as typed on a case: birth dates (exact or estimated), plain `YYYY-MM-DD` dates, and
//! local date-times `YYYY-MM-DD HH:MM`. `today` is always a parameter: no clock reads here.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::records::{params, CodedError};
use super::text::shown;

/// No date on a case is older than this.
pub const EARLIEST_YEAR: i32 = 1900;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("{field} is empty")]
    Empty { field: String },
    #[error("{field} {value:?} is not in the form {expected}")]
    Malformed {
        field: String,
        value: String,
        expected: &'static str,
    },
    #[error("{field} {value:?} is not a real date")]
    Impossible { field: String, value: String },
    #[error("{field} {value:?} is not a real time of day")]
    ImpossibleTime { field: String, value: String },
    #[error("{field} {value:?} is in the future (today is {today})")]
    InFuture {
        field: String,
        value: String,
        today: NaiveDate,
    },
    #[error("{field} {value:?} is before {EARLIEST_YEAR}")]
    TooEarly { field: String, value: String },
}

impl DateError {
    /// The stable code a UI translates (see `FIELD_ERROR_CODES`).
    pub fn code(&self) -> &'static str {
        match self {
            DateError::Empty { .. } => "required",
            // The expected form is in the code, so a translation can spell it its own way
            // (Spanish writes AAAA-MM-DD).
            DateError::Malformed { expected, .. } if expected.contains("HH:MM") => {
                "datetime_malformed"
            }
            DateError::Malformed { expected, .. } if expected.contains('~') => {
                "birth_date_malformed"
            }
            DateError::Malformed { .. } => "date_malformed",
            DateError::Impossible { .. } => "date_invalid",
            DateError::ImpossibleTime { .. } => "time_invalid",
            DateError::InFuture { .. } => "date_in_future",
            DateError::TooEarly { .. } => "date_too_early",
        }
    }

    /// The values the translated sentence names. The English field name is left out: a UI
    /// shows the error beside its field.
    pub fn params(&self) -> std::collections::BTreeMap<String, String> {
        match self {
            DateError::Empty { .. } => params([]),
            DateError::Malformed {
                value, expected, ..
            } => params([
                ("value", value.clone()),
                ("expected", (*expected).to_owned()),
            ]),
            DateError::Impossible { value, .. } | DateError::ImpossibleTime { value, .. } => {
                params([("value", value.clone())])
            }
            DateError::InFuture { value, today, .. } => {
                params([("value", value.clone()), ("today", today.to_string())])
            }
            DateError::TooEarly { value, .. } => params([
                ("value", value.clone()),
                ("earliest", EARLIEST_YEAR.to_string()),
            ]),
        }
    }
}

impl CodedError for DateError {
    fn code(&self) -> &'static str {
        DateError::code(self)
    }
    fn params(&self) -> std::collections::BTreeMap<String, String> {
        DateError::params(self)
    }
}

/// A child's date of birth: known exactly, or only the year (`~2009`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BirthDate {
    Exact(NaiveDate),
    Estimated { year: i32 },
}

const BIRTH_FIELD: &str = "date of birth";

impl BirthDate {
    /// Reads `YYYY-MM-DD` or `~YYYY`. Refuses impossible dates, dates after `today`, and
    /// years before 1900.
    pub fn parse(raw: &str, today: NaiveDate) -> Result<Self, DateError> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(DateError::Empty {
                field: BIRTH_FIELD.to_owned(),
            });
        }
        if let Some(rest) = value.strip_prefix('~') {
            let year_text = rest.trim();
            let malformed = || DateError::Malformed {
                field: BIRTH_FIELD.to_owned(),
                value: shown(raw),
                expected: "YYYY-MM-DD or ~YYYY",
            };
            if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
                return Err(malformed());
            }
            let year: i32 = year_text.parse().map_err(|_| malformed())?;
            if year < EARLIEST_YEAR {
                return Err(DateError::TooEarly {
                    field: BIRTH_FIELD.to_owned(),
                    value: shown(raw),
                });
            }
            if year > today.year() {
                return Err(DateError::InFuture {
                    field: BIRTH_FIELD.to_owned(),
                    value: shown(raw),
                    today,
                });
            }
            return Ok(BirthDate::Estimated { year });
        }
        let date = parse_ymd(BIRTH_FIELD, raw, "YYYY-MM-DD or ~YYYY")?;
        if date > today {
            return Err(DateError::InFuture {
                field: BIRTH_FIELD.to_owned(),
                value: shown(raw),
                today,
            });
        }
        Ok(BirthDate::Exact(date))
    }

    /// The year of birth, exact or estimated.
    pub fn year(&self) -> i32 {
        match self {
            BirthDate::Exact(d) => d.year(),
            BirthDate::Estimated { year } => *year,
        }
    }

    pub fn is_estimated(&self) -> bool {
        matches!(self, BirthDate::Estimated { .. })
    }

    /// The day the person turns `years` (an estimated date counts from 1 January, as in
    /// `age_on`; a 29 February birthday falls on 1 March in other years).
    pub fn birthday(&self, years: u32) -> Option<NaiveDate> {
        let (born, year) = match self {
            BirthDate::Exact(d) => (*d, d.year().checked_add(i32::try_from(years).ok()?)?),
            BirthDate::Estimated { year } => (
                NaiveDate::from_ymd_opt(*year, 1, 1)?,
                year.checked_add(i32::try_from(years).ok()?)?,
            ),
        };
        born.with_year(year)
            .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
    }

    /// Age in whole years on `on`. An estimated date counts from 1 January of its year, so
    /// the age it gives may be one year too high; `None` if `on` is before the birth.
    pub fn age_on(&self, on: NaiveDate) -> Option<u32> {
        let born = match self {
            BirthDate::Exact(d) => *d,
            BirthDate::Estimated { year } => NaiveDate::from_ymd_opt(*year, 1, 1)?,
        };
        on.years_since(born)
    }
}

impl fmt::Display for BirthDate {
    /// `2009-03-14` or `~2009`, the same forms `parse` reads.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BirthDate::Exact(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            BirthDate::Estimated { year } => write!(f, "~{year:04}"),
        }
    }
}

/// `YYYY-MM-DD` exactly: 4-digit year, 2-digit month and day.
fn parse_ymd(field: &str, raw: &str, expected: &'static str) -> Result<NaiveDate, DateError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(DateError::Empty {
            field: field.to_owned(),
        });
    }
    let malformed = || DateError::Malformed {
        field: field.to_owned(),
        value: shown(raw),
        expected,
    };
    let b = value.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(malformed());
    }
    let number = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
        value
            .get(range)
            .and_then(|s| s.parse::<u32>().ok())
            .ok_or_else(malformed)
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let year = i32::try_from(year).map_err(|_| malformed())?;
    if year < EARLIEST_YEAR {
        return Err(DateError::TooEarly {
            field: field.to_owned(),
            value: shown(raw),
        });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateError::Impossible {
        field: field.to_owned(),
        value: shown(raw),
    })
}

/// A plain date field (`release date`, `date NTA served` …) in the form `YYYY-MM-DD`.
/// `field` names the field in the error. Years before 1900 are refused as typos.
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate, DateError> {
    parse_ymd(field, value, "YYYY-MM-DD")
}

/// A local date-time (`hearing`), `YYYY-MM-DD HH:MM` (24-hour; a `T` may stand for the
/// space). The zone is the caller's: a hearing is in its court's zone.
pub fn parse_local_datetime(field: &str, value: &str) -> Result<NaiveDateTime, DateError> {
    const EXPECTED: &str = "YYYY-MM-DD HH:MM";
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(DateError::Empty {
            field: field.to_owned(),
        });
    }
    let malformed = || DateError::Malformed {
        field: field.to_owned(),
        value: shown(value),
        expected: EXPECTED,
    };
    let (date_part, time_part) = trimmed
        .split_once(' ')
        .or_else(|| trimmed.split_once('T'))
        .ok_or_else(malformed)?;
    let date = parse_ymd(field, date_part, EXPECTED).map_err(|e| match e {
        DateError::Malformed { .. } => malformed(),
        DateError::Impossible { .. } => DateError::Impossible {
            field: field.to_owned(),
            value: shown(value),
        },
        DateError::TooEarly { .. } => DateError::TooEarly {
            field: field.to_owned(),
            value: shown(value),
        },
        other => other,
    })?;
    let t = time_part.trim().as_bytes();
    let time_shape_ok = t.len() == 5
        && t[2] == b':'
        && t.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit());
    if !time_shape_ok {
        return Err(malformed());
    }
    let hour = u32::from(t[0] - b'0') * 10 + u32::from(t[1] - b'0');
    let minute = u32::from(t[3] - b'0') * 10 + u32::from(t[4] - b'0');
    let time =
        NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(|| DateError::ImpossibleTime {
            field: field.to_owned(),
            value: shown(value),
        })?;
    Ok(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(raw in "\\PC{0,20}") {
            let _ = BirthDate::parse(&raw, today());
            let _ = parse_date("release date", &raw);
            let _ = parse_local_datetime("hearing", &raw);
        }

        #[test]
        fn exact_birth_dates_round_trip(days in 0i64..45_000) {
            let date = day(1900, 1, 1) + chrono::Duration::days(days);
            prop_assume!(date <= today());
            let b = BirthDate::Exact(date);
            prop_assert_eq!(BirthDate::parse(&b.to_string(), today()), Ok(b));
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    const TODAY: (i32, u32, u32) = (2026, 9, 15);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn birth_dates_exact_and_estimated() {
        let cases = [
            ("2009-03-14", BirthDate::Exact(day(2009, 3, 14))),
            (" 2012-02-29 ", BirthDate::Exact(day(2012, 2, 29))),
            ("2026-09-15", BirthDate::Exact(day(2026, 9, 15))),
            ("1900-01-01", BirthDate::Exact(day(1900, 1, 1))),
            ("~2010", BirthDate::Estimated { year: 2010 }),
            ("~ 2010", BirthDate::Estimated { year: 2010 }),
            ("~2026", BirthDate::Estimated { year: 2026 }),
        ];
        for (raw, want) in cases {
            assert_eq!(BirthDate::parse(raw, today()), Ok(want), "{raw:?}");
        }
    }

    #[test]
    fn birth_dates_rejected_name_the_value() {
        let f = || BIRTH_FIELD.to_owned();
        let malformed = |v: &str| DateError::Malformed {
            field: f(),
            value: v.to_owned(),
            expected: "YYYY-MM-DD or ~YYYY",
        };
        let cases = [
            ("", DateError::Empty { field: f() }),
            (
                "2026-02-30",
                DateError::Impossible {
                    field: f(),
                    value: "2026-02-30".into(),
                },
            ),
            (
                "2025-02-29",
                DateError::Impossible {
                    field: f(),
                    value: "2025-02-29".into(),
                },
            ),
            (
                "2010-13-01",
                DateError::Impossible {
                    field: f(),
                    value: "2010-13-01".into(),
                },
            ),
            (
                "2026-09-16",
                DateError::InFuture {
                    field: f(),
                    value: "2026-09-16".into(),
                    today: today(),
                },
            ),
            (
                "~2027",
                DateError::InFuture {
                    field: f(),
                    value: "~2027".into(),
                    today: today(),
                },
            ),
            (
                "1899-12-31",
                DateError::TooEarly {
                    field: f(),
                    value: "1899-12-31".into(),
                },
            ),
            (
                "~1899",
                DateError::TooEarly {
                    field: f(),
                    value: "~1899".into(),
                },
            ),
            ("14/03/2009", malformed("14/03/2009")),
            ("2009-3-14", malformed("2009-3-14")),
            ("~09", malformed("~09")),
            ("~20l0", malformed("~20l0")),
            ("about 2010", malformed("about 2010")),
            ("2009-03-14🎂", malformed("2009-03-14🎂")),
        ];
        for (raw, want) in cases {
            assert_eq!(BirthDate::parse(raw, today()), Err(want), "{raw:?}");
        }
        let message = BirthDate::parse("2026-02-30", today())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some(r#"date of birth "2026-02-30" is not a real date"#)
        );
    }

    #[test]
    fn birth_date_display_round_trips_and_ages() {
        for raw in ["2009-03-14", "~2010"] {
            let parsed = BirthDate::parse(raw, today());
            assert_eq!(parsed.map(|b| b.to_string()).as_deref(), Ok(raw));
        }
        let b = BirthDate::parse("2009-09-16", today()).ok();
        assert_eq!(b.and_then(|b| b.age_on(today())), Some(16));
        let b = BirthDate::parse("2009-09-15", today()).ok();
        assert_eq!(b.and_then(|b| b.age_on(today())), Some(17));
        let e = BirthDate::Estimated { year: 2010 };
        assert_eq!(e.age_on(today()), Some(16));
        assert_eq!(e.year(), 2010);
        assert!(e.is_estimated());
        assert_eq!(e.age_on(day(2009, 1, 1)), None);
    }

    #[test]
    fn birth_date_serde_shape() {
        let exact = serde_json::to_string(&BirthDate::Exact(day(2009, 3, 14))).ok();
        assert_eq!(exact.as_deref(), Some(r#"{"exact":"2009-03-14"}"#));
        let est = serde_json::to_string(&BirthDate::Estimated { year: 2010 }).ok();
        assert_eq!(est.as_deref(), Some(r#"{"estimated":{"year":2010}}"#));
    }

    #[test]
    fn plain_dates_name_their_field() {
        assert_eq!(
            parse_date("release date", "2026-08-03"),
            Ok(day(2026, 8, 3))
        );
        assert_eq!(
            parse_date("release date", " 2026-08-03\n"),
            Ok(day(2026, 8, 3))
        );
        // A plain date may be in the future (a hearing, a deadline).
        assert_eq!(
            parse_date("EOIR-33 deadline", "2027-01-04"),
            Ok(day(2027, 1, 4))
        );
        let err = parse_date("date NTA served", "2026-02-30")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(r#"date NTA served "2026-02-30" is not a real date"#)
        );
        let err = parse_date("release date", "08/03/2026")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(r#"release date "08/03/2026" is not in the form YYYY-MM-DD"#)
        );
        assert_eq!(
            parse_date("release date", ""),
            Err(DateError::Empty {
                field: "release date".into()
            })
        );
        assert!(matches!(
            parse_date("release date", "0202-08-03"),
            Err(DateError::TooEarly { .. })
        ));
    }

    #[test]
    fn local_datetimes() {
        let at = |h, m| day(2026, 10, 7).and_hms_opt(h, m, 0);
        assert_eq!(
            parse_local_datetime("hearing", "2026-10-07 08:30").ok(),
            at(8, 30)
        );
        assert_eq!(
            parse_local_datetime("hearing", "2026-10-07T13:00").ok(),
            at(13, 0)
        );
        assert_eq!(
            parse_local_datetime("hearing", " 2026-10-07 00:00 ").ok(),
            at(0, 0)
        );
        assert_eq!(
            parse_local_datetime("hearing", "2026-10-07 23:59").ok(),
            at(23, 59)
        );

        let kind = |raw: &str| parse_local_datetime("hearing", raw).map_err(|e| e.to_string());
        assert_eq!(
            kind("2026-10-07 24:00"),
            Err(r#"hearing "2026-10-07 24:00" is not a real time of day"#.to_owned())
        );
        assert_eq!(
            kind("2026-10-07 09:60"),
            Err(r#"hearing "2026-10-07 09:60" is not a real time of day"#.to_owned())
        );
        assert_eq!(
            kind("2026-02-30 09:00"),
            Err(r#"hearing "2026-02-30 09:00" is not a real date"#.to_owned())
        );
        for raw in [
            "2026-10-07",
            "2026-10-07 9:00",
            "2026-10-07 09:00:00",
            "2026-10-07 9am",
            "07/10/2026 09:00",
            "mañana",
        ] {
            assert!(
                matches!(
                    parse_local_datetime("hearing", raw),
                    Err(DateError::Malformed {
                        expected: "YYYY-MM-DD HH:MM",
                        ..
                    })
                ),
                "{raw:?}"
            );
        }
    }
}
