//! EOIR immigration courts, from the shipped list `data/eoir-courts.csv` (see
//! `data/eoir-courts.SOURCES.md` for where every column comes from and its caveats).

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::phone::Phone;
use super::records::{params, CodedError};
use super::text::{shown, split_csv_line};
use super::us_state::UsState;

const COURTS_CSV: &str = include_str!("../../data/eoir-courts.csv");
const HEADER: &str = "code,name,street,suite,city,state,postal_code,phone,time_zone";

/// One immigration court location. `name` is EOIR's label without "Immigration Court"
/// (add it when displaying). A hearing's date-time is local to `time_zone`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Court {
    pub code: String,
    pub name: String,
    pub street: String,
    pub suite: Option<String>,
    pub city: String,
    pub state: UsState,
    pub postal_code: String,
    pub phone: Option<Phone>,
    /// IANA zone name, e.g. `America/Chicago`.
    pub time_zone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CourtError {
    #[error("immigration court code is empty")]
    Empty,
    #[error("{}", unknown_message(.0))]
    Unknown(String),
}

/// "immigration court code "LAX" is not in the EOIR court list; close: NLA (Los Angeles – N.
/// Los Angeles Street, Los Angeles, CA), …".
fn unknown_message(value: &str) -> String {
    let mut message = format!("immigration court code {value:?} is not in the EOIR court list");
    let close = Court::close_to(value);
    if !close.is_empty() {
        let close: Vec<String> = close
            .iter()
            .map(|c| format!("{} ({}, {}, {})", c.code, c.name, c.city, c.state.code()))
            .collect();
        message.push_str("; close: ");
        message.push_str(&close.join(", "));
    }
    message
}

impl CourtError {
    /// The stable code a UI translates (see `FIELD_ERROR_CODES`).
    pub fn code(&self) -> &'static str {
        match self {
            CourtError::Empty => "required",
            CourtError::Unknown(_) => "unknown_court",
        }
    }

    /// The values the translated sentence names.
    pub fn params(&self) -> std::collections::BTreeMap<String, String> {
        match self {
            CourtError::Empty => params([]),
            CourtError::Unknown(value) => params([
                ("value", value.clone()),
                (
                    "close",
                    Court::close_to(value)
                        .iter()
                        .map(|c| c.code.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ]),
        }
    }
}

impl CodedError for CourtError {
    fn code(&self) -> &'static str {
        CourtError::code(self)
    }
    fn params(&self) -> std::collections::BTreeMap<String, String> {
        CourtError::params(self)
    }
}

static COURTS: LazyLock<Vec<Court>> = LazyLock::new(|| {
    parse_courts(COURTS_CSV)
        .unwrap_or_else(|e| panic!("embedded data/eoir-courts.csv is broken: {e}"))
});

fn parse_courts(csv: &str) -> Result<Vec<Court>, String> {
    let mut lines = csv.lines().enumerate();
    if lines.next().map(|(_, l)| l.trim()) != Some(HEADER) {
        return Err(format!("header is not {HEADER:?}"));
    }
    let mut courts: Vec<Court> = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = i + 1;
        let court = parse_row(line).map_err(|e| format!("line {line_no}: {e}"))?;
        if courts.iter().any(|c| c.code == court.code) {
            return Err(format!("line {line_no}: code {} appears twice", court.code));
        }
        courts.push(court);
    }
    Ok(courts)
}

fn parse_row(line: &str) -> Result<Court, String> {
    let fields = split_csv_line(line)?;
    let [code, name, street, suite, city, state, postal_code, phone, time_zone] = fields.as_slice()
    else {
        return Err(format!("expected 9 columns, found {}", fields.len()));
    };
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("code {code:?} is not three capital letters"));
    }
    for (column, value) in [("name", name), ("street", street), ("city", city)] {
        if value.trim().is_empty() {
            return Err(format!("{column} is empty"));
        }
    }
    let state = UsState::parse(state).map_err(|e| e.to_string())?;
    let zip_ok = matches!(postal_code.len(), 5 | 10)
        && postal_code
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || (i == 5 && b == b'-'));
    if !zip_ok {
        return Err(format!("postal code {postal_code:?} is not a ZIP or ZIP+4"));
    }
    let phone = if phone.trim().is_empty() {
        None
    } else {
        Some(Phone::parse(phone).map_err(|e| e.to_string())?)
    };
    let zone_ok = time_zone
        .split_once('/')
        .is_some_and(|(area, city)| matches!(area, "America" | "Pacific") && !city.is_empty());
    if !zone_ok {
        return Err(format!("time zone {time_zone:?} is not an IANA zone name"));
    }
    let suite = Some(suite.trim().to_owned()).filter(|s| !s.is_empty());
    Ok(Court {
        code: code.clone(),
        name: name.trim().to_owned(),
        street: street.trim().to_owned(),
        suite,
        city: city.trim().to_owned(),
        state,
        postal_code: postal_code.clone(),
        phone,
        time_zone: time_zone.clone(),
    })
}

impl Court {
    /// Every court in the shipped list, in file order.
    pub fn all() -> &'static [Court] {
        &COURTS
    }

    /// The court with this EOIR code (`ADL`, `adl`), if the list has it.
    pub fn by_code(code: &str) -> Option<&'static Court> {
        let code = code.trim();
        COURTS.iter().find(|c| c.code.eq_ignore_ascii_case(code))
    }

    /// Like `by_code`, with an error naming the value for forms and imports.
    pub fn parse_code(raw: &str) -> Result<&'static Court, CourtError> {
        if raw.trim().is_empty() {
            return Err(CourtError::Empty);
        }
        Court::by_code(raw).ok_or_else(|| CourtError::Unknown(shown(raw)))
    }

    /// The courts someone typing `raw` may have meant, at most five, best first: a code one
    /// letter off (`HUO` → HOU), courts whose city's initials begin it (`LAX` → the Los
    /// Angeles courts), then courts whose code, city or name starts with what was typed
    /// (`hous` → HOU), accents and case aside.
    pub fn close_to(raw: &str) -> Vec<&'static Court> {
        let typed = fold(raw.trim());
        if typed.is_empty() {
            return Vec::new();
        }
        let mut close: Vec<&'static Court> = Vec::new();
        let mut add = |c: &'static Court| {
            if close.len() < 5 && !close.contains(&c) {
                close.push(c);
            }
        };
        let typed_upper = typed.to_ascii_uppercase();
        for c in COURTS.iter() {
            if typed.len() == 3 && one_letter_off(&typed_upper, &c.code) {
                add(c);
            }
        }
        let initials = |place: &str| -> String {
            fold(place)
                .split(|ch: char| !ch.is_alphanumeric())
                .filter_map(|w| w.chars().next())
                .collect()
        };
        for c in COURTS.iter() {
            // The city, and the place the name starts with ("Los Angeles - Van Nuys Boulevard").
            let place = c.name.split(['-', '–']).next().unwrap_or_default();
            if [initials(&c.city), initials(place)]
                .iter()
                .any(|i| i.len() >= 2 && typed.starts_with(i.as_str()))
            {
                add(c);
            }
        }
        if typed.chars().count() >= 3 {
            for c in COURTS.iter() {
                let starts = |text: &str| {
                    fold(text)
                        .split(|ch: char| !ch.is_alphanumeric())
                        .any(|w| w.starts_with(&typed))
                };
                if starts(&c.code) || starts(&c.city) || starts(&c.name) {
                    add(c);
                }
            }
        }
        close
    }

    /// Whether `filter` (words, in any order) matches this court's code, name, city or state,
    /// accents and case aside: what the window's court picker and `tether courts` filter by.
    pub fn matches(&self, filter: &str) -> bool {
        let haystack = fold(&format!(
            "{} {} {} {}",
            self.code,
            self.name,
            self.city,
            self.state.code()
        ));
        let words: Vec<&str> = haystack
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        fold(filter)
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|typed| words.iter().any(|w| w.starts_with(typed)))
    }

    /// `Adelanto Immigration Court`.
    pub fn display_name(&self) -> String {
        format!("{} Immigration Court", self.name)
    }

    /// The postal address on up to three lines: street, suite, `City, ST 12345`.
    pub fn address_lines(&self) -> Vec<String> {
        let mut lines = vec![self.street.clone()];
        if let Some(suite) = &self.suite {
            lines.push(suite.clone());
        }
        lines.push(format!(
            "{}, {} {}",
            self.city,
            self.state.code(),
            self.postal_code
        ));
        lines
    }
}

/// Lower case without the accents the court list uses (`Hagåtña`, `Ñ`), for matching.
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// Two three-letter codes that differ in one letter, or by two neighbours swapped.
fn one_letter_off(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a == b {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diff.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(courts: &[&Court]) -> Vec<String> {
        courts.iter().map(|c| c.code.clone()).collect()
    }

    #[test]
    fn an_unknown_code_suggests_the_courts_meant() {
        assert_eq!(codes(&Court::close_to("LAX")), ["NLA", "VNS", "WLA"]);
        assert_eq!(codes(&Court::close_to("HUO"))[0], "HOU");
        assert!(codes(&Court::close_to("hous")).contains(&"HOU".to_owned()));
        assert!(codes(&Court::close_to("San Anto")).contains(&"SNA".to_owned()));
        assert!(Court::close_to("").is_empty());
        assert!(Court::close_to("zzzz").is_empty());
        let err = Court::parse_code("LAX").expect_err("LAX is an airport");
        let message = err.to_string();
        assert!(
            message.contains("\"LAX\" is not in the EOIR court list"),
            "{message}"
        );
        assert!(message.contains("close: NLA ("), "{message}");
        assert!(message.contains("Los Angeles, CA"), "{message}");
        assert_eq!(
            err.params().get("close").map(String::as_str),
            Some("NLA, VNS, WLA")
        );
    }

    #[test]
    fn a_filter_matches_code_city_or_name_in_any_order() {
        let hou = Court::by_code("HOU").expect("Houston");
        for filter in [
            "hou",
            "HOU",
            "houston",
            "jefferson hou",
            "TX",
            "hOuStOn jeff",
        ] {
            assert!(hou.matches(filter), "{filter}");
        }
        assert!(!hou.matches("dallas"));
        let los_angeles: Vec<&str> = Court::all()
            .iter()
            .filter(|c| c.matches("los angeles"))
            .map(|c| c.code.as_str())
            .collect();
        assert_eq!(los_angeles, ["NLA", "VNS", "WLA"]);
    }

    #[test]
    fn every_shipped_row_parses_and_has_a_time_zone() {
        let parsed = parse_courts(COURTS_CSV);
        assert!(parsed.is_ok(), "{parsed:?}");
        let courts = Court::all();
        let data_rows = COURTS_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count();
        assert_eq!(courts.len(), data_rows);
        assert_eq!(courts.len(), 75, "SOURCES.md says 75 rows");
        for c in courts {
            assert!(!c.time_zone.is_empty(), "{}", c.code);
            assert_eq!(Court::by_code(&c.code), Some(c));
        }
        let with_phone = courts.iter().filter(|c| c.phone.is_some()).count();
        assert_eq!(with_phone, 66, "9 courts have no verified phone");
    }

    #[test]
    fn finds_courts_by_code_in_any_case() {
        let adl = Court::by_code("adl");
        assert_eq!(adl.map(|c| c.name.as_str()), Some("Adelanto"));
        assert_eq!(
            adl.map(|c| c.time_zone.as_str()),
            Some("America/Los_Angeles")
        );
        assert_eq!(adl.map(|c| c.state.code()), Some("CA"));
        assert_eq!(
            adl.and_then(|c| c.phone.as_ref()).map(|p| p.e164()),
            Some("+17605616500")
        );
        // El Paso keeps Mountain time though Texas mostly keeps Central.
        assert_eq!(
            Court::by_code(" ELP ").map(|c| c.time_zone.as_str()),
            Some("America/Denver")
        );
        assert_eq!(Court::by_code("HOU").and_then(|c| c.phone.as_ref()), None);
        assert_eq!(Court::by_code("SAJ").map(|c| c.state.code()), Some("PR"));
        assert_eq!(
            Court::by_code("SAI").map(|c| c.time_zone.as_str()),
            Some("Pacific/Saipan")
        );
    }

    #[test]
    fn unknown_and_retired_codes_are_refused() {
        // WAS (Arlington) became ANN; LOS (Olive St) closed in 2024; QUI is a language.
        for raw in ["WAS", "LOS", "QUI", "AD", "ADLX"] {
            assert_eq!(Court::by_code(raw), None, "{raw}");
            assert_eq!(Court::parse_code(raw), Err(CourtError::Unknown(raw.into())));
        }
        assert_eq!(Court::parse_code("  "), Err(CourtError::Empty));
        let message = Court::parse_code("WAS").err().map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some(r#"immigration court code "WAS" is not in the EOIR court list"#)
        );
    }

    #[test]
    fn address_lines_keep_leading_zero_zips() {
        let bos = Court::by_code("BOS");
        assert_eq!(
            bos.map(Court::address_lines),
            Some(vec![
                "15 New Sudbury Street".to_owned(),
                "Room 320".to_owned(),
                "Boston, MA 02203".to_owned(),
            ])
        );
        let aur = Court::by_code("AUR");
        assert_eq!(
            aur.map(|c| c.address_lines().len()),
            Some(2),
            "no suite line"
        );
        assert_eq!(
            aur.map(Court::display_name).as_deref(),
            Some("Aurora Immigration Court")
        );
    }

    #[test]
    fn broken_rows_are_reported_with_their_line() {
        let bad_zone = format!("{HEADER}\nADL,Adelanto,1 Road,,Adelanto,CA,92301,,Mars/Base\n");
        let err = parse_courts(&bad_zone).err();
        assert!(
            err.as_deref().is_some_and(|e| e.starts_with("line 2:")),
            "{err:?}"
        );
        let bad_state =
            format!("{HEADER}\nADL,Adelanto,1 Road,,Adelanto,XX,92301,,America/Los_Angeles\n");
        assert!(parse_courts(&bad_state).is_err());
        let dup = format!(
            "{HEADER}\nADL,A,1 Road,,A,CA,92301,,America/Los_Angeles\nADL,B,2 Road,,B,CA,92301,,America/Los_Angeles\n"
        );
        assert!(parse_courts(&dup)
            .err()
            .is_some_and(|e| e.contains("twice")));
        assert!(parse_courts("code,name\n").is_err());
    }
}
