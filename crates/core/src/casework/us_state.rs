//! US states and territories: two-letter USPS codes, names, and a default time zone.
//!
//! The time zone is the IANA zone where most of the state's people live; states that span two
//! zones say so (`spans_several_time_zones`) so the UI can ask. A sponsor's zone stays
//! overridable.

use std::sync::LazyLock;

use serde::Serialize;

use super::records::{params, CodedError};
use super::text::{fold, shown};

/// (code, name, default IANA zone, spans several zones)
const STATES: &[(&str, &str, &str, bool)] = &[
    ("AL", "Alabama", "America/Chicago", false),
    ("AK", "Alaska", "America/Anchorage", true),
    ("AZ", "Arizona", "America/Phoenix", false),
    ("AR", "Arkansas", "America/Chicago", false),
    ("CA", "California", "America/Los_Angeles", false),
    ("CO", "Colorado", "America/Denver", false),
    ("CT", "Connecticut", "America/New_York", false),
    ("DE", "Delaware", "America/New_York", false),
    ("DC", "District of Columbia", "America/New_York", false),
    ("FL", "Florida", "America/New_York", true),
    ("GA", "Georgia", "America/New_York", false),
    ("HI", "Hawaii", "Pacific/Honolulu", false),
    ("ID", "Idaho", "America/Boise", true),
    ("IL", "Illinois", "America/Chicago", false),
    ("IN", "Indiana", "America/Indiana/Indianapolis", true),
    ("IA", "Iowa", "America/Chicago", false),
    ("KS", "Kansas", "America/Chicago", true),
    ("KY", "Kentucky", "America/New_York", true),
    ("LA", "Louisiana", "America/Chicago", false),
    ("ME", "Maine", "America/New_York", false),
    ("MD", "Maryland", "America/New_York", false),
    ("MA", "Massachusetts", "America/New_York", false),
    ("MI", "Michigan", "America/Detroit", true),
    ("MN", "Minnesota", "America/Chicago", false),
    ("MS", "Mississippi", "America/Chicago", false),
    ("MO", "Missouri", "America/Chicago", false),
    ("MT", "Montana", "America/Denver", false),
    ("NE", "Nebraska", "America/Chicago", true),
    ("NV", "Nevada", "America/Los_Angeles", false),
    ("NH", "New Hampshire", "America/New_York", false),
    ("NJ", "New Jersey", "America/New_York", false),
    ("NM", "New Mexico", "America/Denver", false),
    ("NY", "New York", "America/New_York", false),
    ("NC", "North Carolina", "America/New_York", false),
    ("ND", "North Dakota", "America/Chicago", true),
    ("OH", "Ohio", "America/New_York", false),
    ("OK", "Oklahoma", "America/Chicago", false),
    ("OR", "Oregon", "America/Los_Angeles", true),
    ("PA", "Pennsylvania", "America/New_York", false),
    ("RI", "Rhode Island", "America/New_York", false),
    ("SC", "South Carolina", "America/New_York", false),
    ("SD", "South Dakota", "America/Chicago", true),
    ("TN", "Tennessee", "America/Chicago", true),
    ("TX", "Texas", "America/Chicago", true),
    ("UT", "Utah", "America/Denver", false),
    ("VT", "Vermont", "America/New_York", false),
    ("VA", "Virginia", "America/New_York", false),
    ("WA", "Washington", "America/Los_Angeles", false),
    ("WV", "West Virginia", "America/New_York", false),
    ("WI", "Wisconsin", "America/Chicago", false),
    ("WY", "Wyoming", "America/Denver", false),
    ("PR", "Puerto Rico", "America/Puerto_Rico", false),
    ("GU", "Guam", "Pacific/Guam", false),
    ("VI", "U.S. Virgin Islands", "America/St_Thomas", false),
    ("AS", "American Samoa", "Pacific/Pago_Pago", false),
    ("MP", "Northern Mariana Islands", "Pacific/Saipan", false),
];

/// Other names people write for a state or territory.
const ALIASES: &[(&str, &str)] = &[
    ("Washington DC", "DC"),
    ("Washington D.C.", "DC"),
    ("Washington, D.C.", "DC"),
    ("Virgin Islands", "VI"),
    ("US Virgin Islands", "VI"),
    ("Islas Vírgenes", "VI"),
    ("CNMI", "MP"),
    ("Hawaiʻi", "HI"),
    ("Hawái", "HI"),
    ("Nueva York", "NY"),
    ("Nuevo México", "NM"),
    ("Carolina del Norte", "NC"),
    ("Carolina del Sur", "SC"),
    ("Luisiana", "LA"),
    ("Misisipi", "MS"),
    ("Pensilvania", "PA"),
    ("Tejas", "TX"),
];

/// [`STATES`] and [`ALIASES`] in folded form, computed once: folding all ~130 names on every
/// parse was a quarter of a sponsor's validation time in a 100,000-row import.
struct FoldedTables {
    /// (folded code, folded name), by `STATES` row.
    rows: Vec<(String, String)>,
    /// (folded alias, `STATES` row).
    aliases: Vec<(String, usize)>,
}

static FOLDED: LazyLock<FoldedTables> = LazyLock::new(|| FoldedTables {
    rows: STATES
        .iter()
        .map(|(code, name, _, _)| (fold(code), fold(name)))
        .collect(),
    aliases: ALIASES
        .iter()
        .filter_map(|(alias, code)| {
            let row = STATES.iter().position(|(c, _, _, _)| c == code)?;
            Some((fold(alias), row))
        })
        .collect(),
});

/// A US state, DC, or one of the inhabited territories (PR, GU, VI, AS, MP).
/// Serialised as its code (`TX`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct UsState {
    index: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsStateError {
    #[error("state is empty")]
    Empty,
    #[error("state {0:?} is not a US state or territory code or name")]
    Unknown(String),
}

impl UsStateError {
    /// The stable code a UI translates (see `FIELD_ERROR_CODES`).
    pub fn code(&self) -> &'static str {
        match self {
            UsStateError::Empty => "required",
            UsStateError::Unknown(_) => "unknown_state",
        }
    }

    /// The values the translated sentence names.
    pub fn params(&self) -> std::collections::BTreeMap<String, String> {
        match self {
            UsStateError::Empty => params([]),
            UsStateError::Unknown(value) => params([("value", value.clone())]),
        }
    }
}

impl CodedError for UsStateError {
    fn code(&self) -> &'static str {
        UsStateError::code(self)
    }
    fn params(&self) -> std::collections::BTreeMap<String, String> {
        UsStateError::params(self)
    }
}

impl UsState {
    /// Reads a code (`tx`, `TX`) or a name (`Texas`, `new york`, `Washington DC`, `Tejas`).
    pub fn parse(raw: &str) -> Result<Self, UsStateError> {
        if raw.trim().is_empty() {
            return Err(UsStateError::Empty);
        }
        let key = fold(raw);
        let by_row = FOLDED
            .rows
            .iter()
            .position(|(code, name)| *code == key || *name == key);
        let by_alias = || {
            FOLDED
                .aliases
                .iter()
                .find(|(alias, _)| *alias == key)
                .map(|(_, row)| *row)
        };
        by_row
            .or_else(by_alias)
            .and_then(|i| u8::try_from(i).ok())
            .map(|index| UsState { index })
            .ok_or_else(|| UsStateError::Unknown(shown(raw)))
    }

    fn row(&self) -> (&'static str, &'static str, &'static str, bool) {
        STATES
            .get(usize::from(self.index))
            .copied()
            .unwrap_or(("??", "??", "UTC", false))
    }

    /// `TX`.
    pub fn code(&self) -> &'static str {
        self.row().0
    }

    /// `Texas`.
    pub fn name(&self) -> &'static str {
        self.row().1
    }

    /// The IANA zone most of the state lives in: `America/Chicago` for Texas.
    pub fn default_time_zone(&self) -> &'static str {
        self.row().2
    }

    /// True where part of the state keeps another zone (El Paso, the Florida panhandle,
    /// northern Idaho …): ask rather than assume.
    pub fn spans_several_time_zones(&self) -> bool {
        self.row().3
    }

    /// The 50 states, DC, PR, GU, VI, AS and MP.
    pub fn all() -> impl Iterator<Item = UsState> {
        (0..STATES.len()).filter_map(|i| u8::try_from(i).ok().map(|index| UsState { index }))
    }
}

super::code_value::code_value_conversions!(UsState, UsStateError);

#[cfg(test)]
mod tests {
    use super::*;

    fn code(raw: &str) -> Result<&'static str, UsStateError> {
        UsState::parse(raw).map(|s| s.code())
    }

    #[test]
    fn table_has_50_states_dc_and_5_territories() {
        assert_eq!(UsState::all().count(), 56);
        let mut codes: Vec<&str> = UsState::all().map(|s| s.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 56, "codes are unique");
        for s in UsState::all() {
            assert_eq!(UsState::parse(s.code()), Ok(s));
            assert_eq!(UsState::parse(s.name()), Ok(s));
            let tz = s.default_time_zone();
            assert!(
                tz.starts_with("America/") || tz.starts_with("Pacific/"),
                "{tz}"
            );
        }
    }

    #[test]
    fn accepts_codes_and_names() {
        let cases = [
            ("TX", "TX"),
            ("tx", "TX"),
            (" Texas ", "TX"),
            ("new york", "NY"),
            ("NEW YORK", "NY"),
            ("Puerto Rico", "PR"),
            ("pr", "PR"),
            ("Washington DC", "DC"),
            ("Washington, D.C.", "DC"),
            ("District of Columbia", "DC"),
            ("Washington", "WA"),
            ("Guam", "GU"),
            ("Virgin Islands", "VI"),
            ("American Samoa", "AS"),
            ("Northern Mariana Islands", "MP"),
            ("Hawái", "HI"),
            ("Carolina del Norte", "NC"),
        ];
        for (raw, want) in cases {
            assert_eq!(code(raw), Ok(want), "{raw:?}");
        }
    }

    #[test]
    fn default_time_zones() {
        let cases = [
            ("NY", "America/New_York"),
            ("HI", "Pacific/Honolulu"),
            ("AZ", "America/Phoenix"),
            ("TX", "America/Chicago"),
            ("CA", "America/Los_Angeles"),
            ("FL", "America/New_York"),
            ("AK", "America/Anchorage"),
            ("PR", "America/Puerto_Rico"),
            ("MP", "Pacific/Saipan"),
            ("IN", "America/Indiana/Indianapolis"),
        ];
        for (raw, tz) in cases {
            assert_eq!(
                UsState::parse(raw).map(|s| s.default_time_zone()),
                Ok(tz),
                "{raw}"
            );
        }
        assert_eq!(
            UsState::parse("TX").map(|s| s.spans_several_time_zones()),
            Ok(true)
        );
        assert_eq!(
            UsState::parse("NY").map(|s| s.spans_several_time_zones()),
            Ok(false)
        );
    }

    #[test]
    fn rejects_what_is_not_a_state() {
        let cases = [
            ("", UsStateError::Empty),
            ("XX", UsStateError::Unknown("XX".into())),
            ("Guatemala", UsStateError::Unknown("Guatemala".into())),
            ("Texs", UsStateError::Unknown("Texs".into())),
            // Military "states" are mail codes, not places a sponsor lives.
            ("AE", UsStateError::Unknown("AE".into())),
            ("T X", UsStateError::Unknown("T X".into())),
            ("🤠", UsStateError::Unknown("🤠".into())),
        ];
        for (raw, want) in cases {
            assert_eq!(UsState::parse(raw), Err(want), "{raw:?}");
        }
        let message = UsState::parse("Texs").err().map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some(r#"state "Texs" is not a US state or territory code or name"#)
        );
    }

    #[test]
    fn serde_uses_the_code() {
        let tx = UsState::parse("Texas").ok();
        let json = tx.and_then(|s| serde_json::to_string(&s).ok());
        assert_eq!(json.as_deref(), Some(r#""TX""#));
        assert_eq!(serde_json::from_str::<UsState>(r#""tx""#).ok(), tx);
        assert!(serde_json::from_str::<UsState>(r#""ZZ""#).is_err());
    }
}
