//! Languages (ISO 639-3), from the shipped selection `data/iso639-3-selected.csv`.
//!
//! Mayan languages are first-class: `quc` K'iche', `mam` Mam, `kjb` Q'anjob'al …
//! Beware EOIR's own language codes: they look like ISO codes but are not (EOIR `QUI` is
//! K'iche', ISO `qui` is Quileute; EOIR `CAC` is Kaqchikel, ISO `cac` is Chuj). This parser
//! reads ISO codes only.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use super::records::{params, CodedError};
use super::text::{fold, shown, split_csv_line};

const LANGUAGES_CSV: &str = include_str!("../../data/iso639-3-selected.csv");

/// Extra spellings people type that the CSV does not hold, folded on load.
const EXTRA_ALIASES: &[(&str, &str)] = &[
    ("Quiché", "quc"),
    ("Kanjobal", "kjb"),
    ("Castellano", "spa"),
    ("Mandarin", "cmn"),
    ("Creole haitiano", "hat"),
    ("Kreyòl", "hat"),
];

#[derive(Debug)]
struct LanguageRow {
    code: String,
    name_en: String,
    name_es: String,
}

#[derive(Debug)]
struct LanguageTable {
    rows: Vec<LanguageRow>,
    by_key: HashMap<String, usize>,
    /// A family name shared by several varieties ("mixteco", "zapoteco", "quichua", "náhuatl")
    /// → the codes of those varieties, for a helpful error.
    families: HashMap<String, Vec<usize>>,
}

static TABLE: LazyLock<LanguageTable> = LazyLock::new(|| {
    load(LANGUAGES_CSV)
        .unwrap_or_else(|e| panic!("embedded data/iso639-3-selected.csv is broken: {e}"))
});

/// `"Kekchí (Q'eqchi')"` → `("Kekchí", ["Q'eqchi'"])`; `"Pushto (Pashto; macrolanguage)"` →
/// `("Pushto", ["Pashto"])`.
fn split_parenthetical(name: &str) -> (&str, Vec<&str>) {
    match name.split_once('(') {
        Some((base, rest)) => {
            let inner = rest.trim_end().trim_end_matches(')');
            let others = inner
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "macrolanguage")
                .collect();
            (base.trim(), others)
        }
        None => (name.trim(), Vec::new()),
    }
}

fn insert(by_key: &mut HashMap<String, usize>, key: &str, index: usize) -> Result<(), String> {
    let folded = fold(key);
    match by_key.get(&folded) {
        Some(&other) if other != index => Err(format!("{key:?} names two languages")),
        _ => {
            by_key.insert(folded, index);
            Ok(())
        }
    }
}

fn load(csv: &str) -> Result<LanguageTable, String> {
    let mut rows = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut families: HashMap<String, Vec<usize>> = HashMap::new();
    let mut lines = csv.lines().enumerate();
    if lines.next().map(|(_, l)| l.trim()) != Some("code,name_en,name_es") {
        return Err("unexpected header".to_owned());
    }
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = i + 1;
        let fields = split_csv_line(line).map_err(|e| format!("line {line_no}: {e}"))?;
        let [code, name_en, name_es] = fields.as_slice() else {
            return Err(format!("line {line_no}: expected 3 columns: {line:?}"));
        };
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(format!("line {line_no}: bad code {code:?}"));
        }
        let index = rows.len();
        let with = |e: String| format!("line {line_no}: {e}");
        insert(&mut by_key, code, index).map_err(with)?;
        insert(&mut by_key, name_en, index).map_err(with)?;
        insert(&mut by_key, name_es, index).map_err(with)?;
        // English: "Kekchí (Q'eqchi')" names one language twice; both halves are names.
        let (base_en, others_en) = split_parenthetical(name_en);
        insert(&mut by_key, base_en, index).map_err(with)?;
        for other in others_en {
            insert(&mut by_key, other, index).map_err(with)?;
        }
        // Spanish: "mixteco (Mixtepec)" is family + place. "mixteco mixtepec" names the
        // variety; "mixteco" alone names the family and is remembered as such.
        let (base_es, others_es) = split_parenthetical(name_es);
        if !others_es.is_empty() {
            let joined = format!("{base_es} {}", others_es.join(" "));
            insert(&mut by_key, &joined, index).map_err(with)?;
            families.entry(fold(base_es)).or_default().push(index);
        }
        rows.push(LanguageRow {
            code: code.clone(),
            name_en: name_en.clone(),
            name_es: name_es.clone(),
        });
    }
    for (alias, code) in EXTRA_ALIASES {
        let index = rows
            .iter()
            .position(|r| r.code == *code)
            .ok_or_else(|| format!("alias {alias:?} points at missing code {code:?}"))?;
        insert(&mut by_key, alias, index)?;
    }
    // A family name that is also a language's own full name ("zapoteco" is `zap`, "popti'" is
    // `jac`) resolves to that language, not to the family.
    families.retain(|key, _| !by_key.contains_key(key));
    Ok(LanguageTable {
        rows,
        by_key,
        families,
    })
}

/// A language, by its ISO 639-3 code. Serialised as the code (`quc`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Language {
    code: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LanguageError {
    #[error("language is empty")]
    Empty,
    #[error("language {0:?} is not an ISO 639-3 code or a language name in Tether's list")]
    Unknown(String),
    #[error("language {value:?} names a family of varieties, not one language; choose one of: {choices}")]
    Ambiguous { value: String, choices: String },
}

impl LanguageError {
    /// The stable code a UI translates (see `FIELD_ERROR_CODES`).
    pub fn code(&self) -> &'static str {
        match self {
            LanguageError::Empty => "required",
            LanguageError::Unknown(_) => "unknown_language",
            LanguageError::Ambiguous { .. } => "language_ambiguous",
        }
    }

    /// The values the translated sentence names.
    pub fn params(&self) -> std::collections::BTreeMap<String, String> {
        match self {
            LanguageError::Empty => params([]),
            LanguageError::Unknown(value) => params([("value", value.clone())]),
            LanguageError::Ambiguous { value, choices } => {
                params([("value", value.clone()), ("choices", choices.clone())])
            }
        }
    }
}

impl CodedError for LanguageError {
    fn code(&self) -> &'static str {
        LanguageError::code(self)
    }
    fn params(&self) -> std::collections::BTreeMap<String, String> {
        LanguageError::params(self)
    }
}

impl Language {
    /// Reads a code (`quc`, `MAM`) or an English or Spanish name (`K'iche'`, `Kiche`,
    /// `español`, `Spanish`), ignoring case, accents and apostrophes.
    pub fn parse(raw: &str) -> Result<Self, LanguageError> {
        if raw.trim().is_empty() {
            return Err(LanguageError::Empty);
        }
        let key = fold(raw);
        let table: &'static LanguageTable = &TABLE;
        if let Some(row) = table.by_key.get(&key).and_then(|&i| table.rows.get(i)) {
            return Ok(Language { code: &row.code });
        }
        if let Some(indices) = table.families.get(&key) {
            let choices = indices
                .iter()
                .filter_map(|&i| table.rows.get(i))
                .map(|r| format!("{} ({})", r.code, r.name_en))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(LanguageError::Ambiguous {
                value: shown(raw),
                choices,
            });
        }
        Err(LanguageError::Unknown(shown(raw)))
    }

    fn row(&self) -> Option<&'static LanguageRow> {
        let table: &'static LanguageTable = &TABLE;
        table.rows.iter().find(|r| r.code == self.code)
    }

    /// `quc`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The ISO reference name, with the common name in parentheses where they differ:
    /// `K'iche'`, `Kekchí (Q'eqchi')`.
    pub fn name_en(&self) -> &'static str {
        self.row().map_or(self.code, |r| &r.name_en)
    }

    /// `k'iche'`, `español`, `q'eqchi'` (lower case, as Spanish writes language names).
    pub fn name_es(&self) -> &'static str {
        self.row().map_or(self.code, |r| &r.name_es)
    }

    /// Every language in the shipped list, in file order.
    pub fn all() -> impl Iterator<Item = Language> {
        let table: &'static LanguageTable = &TABLE;
        table.rows.iter().map(|r| Language { code: &r.code })
    }
}

super::code_value::code_value_conversions!(Language, LanguageError);

#[cfg(test)]
mod tests {
    use super::*;

    fn code(raw: &str) -> Result<&'static str, LanguageError> {
        Language::parse(raw).map(|l| l.code())
    }

    #[test]
    fn every_shipped_row_loads() {
        let all: Vec<Language> = Language::all().collect();
        assert_eq!(all.len(), 57);
        for l in &all {
            assert_eq!(code(l.code()), Ok(l.code()));
            assert_eq!(code(l.name_en()), Ok(l.code()), "{}", l.name_en());
            assert_eq!(code(l.name_es()), Ok(l.code()), "{}", l.name_es());
        }
    }

    #[test]
    fn accepts_codes_and_names() {
        let cases = [
            ("quc", "quc"),
            ("QUC", "quc"),
            ("mam", "mam"),
            ("Mam", "mam"),
            ("kjb", "kjb"),
            ("spa", "spa"),
            ("K'iche'", "quc"),
            ("K’iche’", "quc"),
            ("Kiche", "quc"),
            ("kiché", "quc"),
            ("Quiché", "quc"),
            ("Q'anjob'al", "kjb"),
            ("Qanjobal", "kjb"),
            ("español", "spa"),
            ("ESPAÑOL", "spa"),
            ("espanol", "spa"),
            ("Spanish", "spa"),
            ("Castellano", "spa"),
            ("Q'eqchi'", "kek"),
            ("Kekchi", "kek"),
            ("Akateko", "knj"),
            ("Jakalteko", "jac"),
            ("Popti'", "jac"),
            ("Haitian Creole", "hat"),
            ("criollo haitiano", "hat"),
            ("Pashto", "pus"),
            ("Punjabi", "pan"),
            ("Garífuna", "cab"),
            ("Garifuna", "cab"),
            ("zapoteco", "zap"),
            ("Mixteco Metlatonoc", "mxv"),
            ("mixteco (Metlatónoc)", "mxv"),
            ("Mandarin", "cmn"),
            ("portugués", "por"),
        ];
        for (raw, want) in cases {
            assert_eq!(code(raw), Ok(want), "{raw:?}");
        }
    }

    #[test]
    fn eoir_codes_are_not_iso_codes() {
        // EOIR's QUI (K'iche') and CHU (Chuj) are not ISO codes in our list.
        assert_eq!(code("QUI"), Err(LanguageError::Unknown("QUI".into())));
        assert_eq!(code("CHU"), Err(LanguageError::Unknown("CHU".into())));
        // ISO cac is Chuj, not Kaqchikel (EOIR's CAC); Kaqchikel is cak.
        assert_eq!(Language::parse("cac").map(|l| l.name_en()), Ok("Chuj"));
        assert_eq!(code("Kaqchikel"), Ok("cak"));
    }

    #[test]
    fn a_family_name_asks_for_the_variety() {
        match Language::parse("Mixteco") {
            Err(LanguageError::Ambiguous { value, choices }) => {
                assert_eq!(value, "Mixteco");
                for c in ["mix", "xtn", "meh", "mio", "mxv", "mza", "xtj"] {
                    assert!(choices.contains(c), "{choices}");
                }
            }
            other => panic!("expected Ambiguous, got {other:?}"),
        }
        // There is no ISO 639-3 code for Nahuatl as a whole.
        assert!(matches!(
            Language::parse("náhuatl"),
            Err(LanguageError::Ambiguous { .. })
        ));
        assert!(matches!(
            Language::parse("Quichua"),
            Err(LanguageError::Ambiguous { .. })
        ));
    }

    #[test]
    fn rejects_unknown_languages_naming_them() {
        let cases = [
            ("", LanguageError::Empty),
            ("  ", LanguageError::Empty),
            ("Klingon", LanguageError::Unknown("Klingon".into())),
            ("es", LanguageError::Unknown("es".into())),
            ("xx1", LanguageError::Unknown("xx1".into())),
            ("Maya", LanguageError::Unknown("Maya".into())),
            ("🗣", LanguageError::Unknown("🗣".into())),
        ];
        for (raw, want) in cases {
            assert_eq!(Language::parse(raw), Err(want), "{raw:?}");
        }
        let message = Language::parse("Klingon").err().map(|e| e.to_string());
        assert!(message.is_some_and(|m| m.starts_with(r#"language "Klingon""#)));
    }

    #[test]
    fn names_in_both_languages() {
        let kek = Language::parse("kek").ok();
        assert_eq!(
            kek.map(|l| (l.name_en(), l.name_es())),
            Some(("Kekchí (Q'eqchi')", "q'eqchi'"))
        );
        let spa = Language::parse("Spanish").ok();
        assert_eq!(spa.map(|l| l.name_es()), Some("español"));
    }

    #[test]
    fn serde_uses_the_code() {
        let mam = Language::parse("Mam").ok();
        let json = mam.and_then(|l| serde_json::to_string(&l).ok());
        assert_eq!(json.as_deref(), Some(r#""mam""#));
        assert_eq!(serde_json::from_str::<Language>(r#""MAM""#).ok(), mam);
        assert!(serde_json::from_str::<Language>(r#""qui""#).is_err());
    }
}
