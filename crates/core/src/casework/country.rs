//! Countries (ISO 3166-1 alpha-2), from the table in `data/countries.csv` (CLDR English and
//! Spanish names; see `data/countries.SOURCES.md`).

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use super::records::{params, CodedError};
use super::text::{fold, shown, split_csv_line};

const COUNTRIES_CSV: &str = include_str!("../../data/countries.csv");

#[derive(Debug)]
struct CountryRow {
    code: String,
    name_en: String,
    name_es: String,
}

#[derive(Debug)]
struct CountryTable {
    rows: Vec<CountryRow>,
    /// Folded code, name or alias → index in `rows`.
    by_key: HashMap<String, usize>,
}

static TABLE: LazyLock<CountryTable> = LazyLock::new(|| {
    load(COUNTRIES_CSV).unwrap_or_else(|e| panic!("embedded data/countries.csv is broken: {e}"))
});

fn load(csv: &str) -> Result<CountryTable, String> {
    let mut rows = Vec::new();
    let mut by_key = HashMap::new();
    for (i, line) in csv.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = i + 1;
        let fields = split_csv_line(line).map_err(|e| format!("line {line_no}: {e}"))?;
        let [code, name_en, name_es, aliases] = fields.as_slice() else {
            return Err(format!("line {line_no}: expected 4 columns: {line:?}"));
        };
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!("line {line_no}: bad code {code:?}"));
        }
        let index = rows.len();
        let keys = [code.as_str(), name_en, name_es]
            .into_iter()
            .chain(aliases.split('|').filter(|a| !a.trim().is_empty()));
        for key in keys {
            let folded = fold(key);
            match by_key.insert(folded.clone(), index) {
                Some(other) if other != index => {
                    return Err(format!(
                        "line {line_no}: {key:?} also names another country"
                    ));
                }
                _ => {}
            }
        }
        rows.push(CountryRow {
            code: code.clone(),
            name_en: name_en.clone(),
            name_es: name_es.clone(),
        });
    }
    Ok(CountryTable { rows, by_key })
}

/// A country, by its ISO 3166-1 alpha-2 code. Serialised as the code (`GT`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Country {
    code: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountryError {
    #[error("country is empty")]
    Empty,
    #[error("country {0:?} is not an ISO 3166-1 code or a country name Tether knows (English or Spanish)")]
    Unknown(String),
}

impl CountryError {
    /// The stable code a UI translates (see `FIELD_ERROR_CODES`).
    pub fn code(&self) -> &'static str {
        match self {
            CountryError::Empty => "required",
            CountryError::Unknown(_) => "unknown_country",
        }
    }

    /// The values the translated sentence names.
    pub fn params(&self) -> std::collections::BTreeMap<String, String> {
        match self {
            CountryError::Empty => params([]),
            CountryError::Unknown(value) => params([("value", value.clone())]),
        }
    }
}

impl CodedError for CountryError {
    fn code(&self) -> &'static str {
        CountryError::code(self)
    }
    fn params(&self) -> std::collections::BTreeMap<String, String> {
        CountryError::params(self)
    }
}

impl Country {
    /// Reads a code (`gt`, `GT`) or an English or Spanish name (`Guatemala`, `México`,
    /// `Republica Dominicana`, `Estados Unidos`), ignoring case and accents.
    pub fn parse(raw: &str) -> Result<Self, CountryError> {
        if raw.trim().is_empty() {
            return Err(CountryError::Empty);
        }
        let key = fold(raw);
        let table: &'static CountryTable = &TABLE;
        table
            .by_key
            .get(&key)
            .and_then(|&i| table.rows.get(i))
            .map(|row| Country { code: &row.code })
            .ok_or_else(|| CountryError::Unknown(shown(raw)))
    }

    fn row(&self) -> Option<&'static CountryRow> {
        let table: &'static CountryTable = &TABLE;
        table.rows.iter().find(|r| r.code == self.code)
    }

    /// `GT`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// `Guatemala`, `Mexico`, `Dominican Republic` (CLDR English).
    pub fn name_en(&self) -> &'static str {
        self.row().map_or(self.code, |r| &r.name_en)
    }

    /// `Guatemala`, `México`, `República Dominicana` (CLDR Spanish).
    pub fn name_es(&self) -> &'static str {
        self.row().map_or(self.code, |r| &r.name_es)
    }

    /// Every country in the table, in code order.
    pub fn all() -> impl Iterator<Item = Country> {
        let table: &'static CountryTable = &TABLE;
        table.rows.iter().map(|r| Country { code: &r.code })
    }
}

super::code_value::code_value_conversions!(Country, CountryError);

#[cfg(test)]
mod tests {
    use super::*;

    fn code(raw: &str) -> Result<&'static str, CountryError> {
        Country::parse(raw).map(|c| c.code())
    }

    #[test]
    fn the_table_loads_with_every_iso_code() {
        let all: Vec<Country> = Country::all().collect();
        assert_eq!(all.len(), 249, "ISO 3166-1 has 249 alpha-2 codes");
        let mut codes: Vec<&str> = all.iter().map(|c| c.code()).collect();
        let before = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), before, "codes are unique and sorted");
        assert!(all
            .iter()
            .all(|c| !c.name_en().is_empty() && !c.name_es().is_empty()));
    }

    #[test]
    fn accepts_codes_and_names_in_english_and_spanish() {
        let cases = [
            ("GT", "GT"),
            ("gt", "GT"),
            (" Guatemala ", "GT"),
            ("GUATEMALA", "GT"),
            ("Honduras", "HN"),
            ("El Salvador", "SV"),
            ("el salvador", "SV"),
            ("Mexico", "MX"),
            ("México", "MX"),
            ("MÉXICO", "MX"),
            ("Ecuador", "EC"),
            ("Nicaragua", "NI"),
            ("Colombia", "CO"),
            ("Venezuela", "VE"),
            ("Cuba", "CU"),
            ("Haiti", "HT"),
            ("Haití", "HT"),
            ("Dominican Republic", "DO"),
            ("República Dominicana", "DO"),
            ("republica dominicana", "DO"),
            ("Peru", "PE"),
            ("Perú", "PE"),
            ("Brazil", "BR"),
            ("Brasil", "BR"),
            ("India", "IN"),
            ("China", "CN"),
            ("United States", "US"),
            ("Estados Unidos", "US"),
            ("USA", "US"),
            ("EE. UU.", "US"),
            ("EEUU", "US"),
            ("Costa de Marfil", "CI"),
            ("Cote d'Ivoire", "CI"),
            ("Afganistán", "AF"),
            ("Mauritania", "MR"),
            ("Antigua and Barbuda", "AG"),
            ("Belice", "BZ"),
        ];
        for (raw, want) in cases {
            assert_eq!(code(raw), Ok(want), "{raw:?}");
        }
    }

    #[test]
    fn rejects_unknown_countries_naming_them() {
        let cases = [
            ("", CountryError::Empty),
            ("   ", CountryError::Empty),
            ("Guatamala", CountryError::Unknown("Guatamala".into())),
            ("GTM", CountryError::Unknown("GTM".into())),
            ("XK", CountryError::Unknown("XK".into())),
            ("ZZ", CountryError::Unknown("ZZ".into())),
            (
                "Centroamérica",
                CountryError::Unknown("Centroamérica".into()),
            ),
            ("🇬🇹", CountryError::Unknown("🇬🇹".into())),
        ];
        for (raw, want) in cases {
            assert_eq!(Country::parse(raw), Err(want), "{raw:?}");
        }
        let message = Country::parse("Guatamala").err().map(|e| e.to_string());
        assert!(message.is_some_and(|m| m.starts_with(r#"country "Guatamala""#)));
    }

    #[test]
    fn names_come_back_in_both_languages() {
        let mx = Country::parse("mx").ok();
        assert_eq!(
            mx.map(|c| (c.name_en(), c.name_es())),
            Some(("Mexico", "México"))
        );
        let us = Country::parse("Estados Unidos").ok();
        assert_eq!(us.map(|c| c.name_en()), Some("United States"));
        assert_eq!(us.map(|c| c.to_string()).as_deref(), Some("US"));
    }

    #[test]
    fn serde_uses_the_code() {
        let hn = Country::parse("Honduras").ok();
        let json = hn.and_then(|c| serde_json::to_string(&c).ok());
        assert_eq!(json.as_deref(), Some(r#""HN""#));
        assert_eq!(serde_json::from_str::<Country>(r#""hn""#).ok(), hn);
        assert!(serde_json::from_str::<Country>(r#""Atlantis""#).is_err());
    }
}
