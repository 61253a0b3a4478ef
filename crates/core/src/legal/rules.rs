//! The legal rules as versioned data (`data/legal-rules.csv`, sources in
//! `data/legal-rules.SOURCES.md`).
//!
//! A rule id may have several rows, each with the date it took effect: the row in force on a
//! day is the latest one whose `effective_from` is not after that day, and a rule whose first
//! row starts after `today` does not apply yet. When a statute, regulation or agency guide
//! changes, a new row is added; the old row stays, so past deadlines can still be explained.
//!
//! The numbers the rules use (21 years, 180 days, 3 hours, 7 p.m.) live in the `value` column,
//! so a change in the law is a change in the data, not in the code. Which kind of value a rule
//! carries is fixed here, by `RuleId::value_kind`.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::data::{parse_time, rows, RuleDataError};

pub(super) const FILE: &str = "legal-rules.csv";
const HEADER: &[&str] = &[
    "id",
    "effective_from",
    "value",
    "source_kind",
    "source",
    "title_en",
    "title_es",
    "text_en",
    "text_es",
];

/// Every rule Tether applies. The data file must have at least one row for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    SijsI360Age,
    SijsPredicateOrder,
    OtipRfaAge,
    InAbsentiaAsk,
    InAbsentiaReopenExceptional,
    InAbsentiaReopenNoNotice,
    Eoir33WithMotion,
    VenueChange,
    AsylumUacOneYearExempt,
    AsylumUacUscisJurisdiction,
    FlsaMinimumAge,
    FlsaHoursAge,
    FlsaOutsideSchoolHours,
    FlsaSchoolDayHours,
    FlsaSchoolWeekHours,
    FlsaNonSchoolDayHours,
    FlsaNonSchoolWeekHours,
    FlsaEarliestStart,
    FlsaLatestEnd,
    FlsaSummerLatestEnd,
    FlsaHazardousAge,
    FlsaFarmWork,
    TraffickingJourneyDebt,
    TraffickingIdHeld,
    TraffickingNotFreeToLeave,
    TraffickingEmployerHousing,
}

/// What a rule's `value` cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// The cell is empty: the rule has no number.
    Nothing,
    /// An age in years (a birthday that ends something).
    Years,
    /// A period in calendar days.
    Days,
    /// A number of hours.
    Hours,
    /// A time of day, `HH:MM`.
    TimeOfDay,
}

impl RuleId {
    pub const ALL: [RuleId; 26] = [
        RuleId::SijsI360Age,
        RuleId::SijsPredicateOrder,
        RuleId::OtipRfaAge,
        RuleId::InAbsentiaAsk,
        RuleId::InAbsentiaReopenExceptional,
        RuleId::InAbsentiaReopenNoNotice,
        RuleId::Eoir33WithMotion,
        RuleId::VenueChange,
        RuleId::AsylumUacOneYearExempt,
        RuleId::AsylumUacUscisJurisdiction,
        RuleId::FlsaMinimumAge,
        RuleId::FlsaHoursAge,
        RuleId::FlsaOutsideSchoolHours,
        RuleId::FlsaSchoolDayHours,
        RuleId::FlsaSchoolWeekHours,
        RuleId::FlsaNonSchoolDayHours,
        RuleId::FlsaNonSchoolWeekHours,
        RuleId::FlsaEarliestStart,
        RuleId::FlsaLatestEnd,
        RuleId::FlsaSummerLatestEnd,
        RuleId::FlsaHazardousAge,
        RuleId::FlsaFarmWork,
        RuleId::TraffickingJourneyDebt,
        RuleId::TraffickingIdHeld,
        RuleId::TraffickingNotFreeToLeave,
        RuleId::TraffickingEmployerHousing,
    ];

    /// The id as the data file and the stored keys write it: `sijs_i360_age`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::SijsI360Age => "sijs_i360_age",
            RuleId::SijsPredicateOrder => "sijs_predicate_order",
            RuleId::OtipRfaAge => "otip_rfa_age",
            RuleId::InAbsentiaAsk => "in_absentia_ask",
            RuleId::InAbsentiaReopenExceptional => "in_absentia_reopen_exceptional",
            RuleId::InAbsentiaReopenNoNotice => "in_absentia_reopen_no_notice",
            RuleId::Eoir33WithMotion => "eoir33_with_motion",
            RuleId::VenueChange => "venue_change",
            RuleId::AsylumUacOneYearExempt => "asylum_uac_one_year_exempt",
            RuleId::AsylumUacUscisJurisdiction => "asylum_uac_uscis_jurisdiction",
            RuleId::FlsaMinimumAge => "flsa_minimum_age",
            RuleId::FlsaHoursAge => "flsa_hours_age",
            RuleId::FlsaOutsideSchoolHours => "flsa_outside_school_hours",
            RuleId::FlsaSchoolDayHours => "flsa_school_day_hours",
            RuleId::FlsaSchoolWeekHours => "flsa_school_week_hours",
            RuleId::FlsaNonSchoolDayHours => "flsa_non_school_day_hours",
            RuleId::FlsaNonSchoolWeekHours => "flsa_non_school_week_hours",
            RuleId::FlsaEarliestStart => "flsa_earliest_start",
            RuleId::FlsaLatestEnd => "flsa_latest_end",
            RuleId::FlsaSummerLatestEnd => "flsa_summer_latest_end",
            RuleId::FlsaHazardousAge => "flsa_hazardous_age",
            RuleId::FlsaFarmWork => "flsa_farm_work",
            RuleId::TraffickingJourneyDebt => "trafficking_journey_debt",
            RuleId::TraffickingIdHeld => "trafficking_id_held",
            RuleId::TraffickingNotFreeToLeave => "trafficking_not_free_to_leave",
            RuleId::TraffickingEmployerHousing => "trafficking_employer_housing",
        }
    }

    pub fn parse(raw: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|id| id.as_str() == raw)
    }

    pub fn value_kind(self) -> ValueKind {
        match self {
            RuleId::SijsI360Age
            | RuleId::OtipRfaAge
            | RuleId::FlsaMinimumAge
            | RuleId::FlsaHoursAge
            | RuleId::FlsaHazardousAge => ValueKind::Years,
            RuleId::InAbsentiaReopenExceptional => ValueKind::Days,
            RuleId::FlsaSchoolDayHours
            | RuleId::FlsaSchoolWeekHours
            | RuleId::FlsaNonSchoolDayHours
            | RuleId::FlsaNonSchoolWeekHours => ValueKind::Hours,
            RuleId::FlsaEarliestStart | RuleId::FlsaLatestEnd | RuleId::FlsaSummerLatestEnd => {
                ValueKind::TimeOfDay
            }
            RuleId::SijsPredicateOrder
            | RuleId::InAbsentiaAsk
            | RuleId::InAbsentiaReopenNoNotice
            | RuleId::Eoir33WithMotion
            | RuleId::VenueChange
            | RuleId::AsylumUacOneYearExempt
            | RuleId::AsylumUacUscisJurisdiction
            | RuleId::FlsaOutsideSchoolHours
            | RuleId::FlsaFarmWork
            | RuleId::TraffickingJourneyDebt
            | RuleId::TraffickingIdHeld
            | RuleId::TraffickingNotFreeToLeave
            | RuleId::TraffickingEmployerHousing => ValueKind::Nothing,
        }
    }
}

/// A rule's number, typed by `RuleId::value_kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum RuleValue {
    Nothing,
    Years(u8),
    Days(u16),
    Hours(u8),
    TimeOfDay(NaiveTime),
}

/// What kind of authority a rule rests on, so a reader knows how much weight it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Statute,
    Regulation,
    CaseLaw,
    AgencyGuidance,
    PublicGuide,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Statute => "statute",
            SourceKind::Regulation => "regulation",
            SourceKind::CaseLaw => "case_law",
            SourceKind::AgencyGuidance => "agency_guidance",
            SourceKind::PublicGuide => "public_guide",
        }
    }

    fn parse(raw: &str) -> Option<SourceKind> {
        [
            SourceKind::Statute,
            SourceKind::Regulation,
            SourceKind::CaseLaw,
            SourceKind::AgencyGuidance,
            SourceKind::PublicGuide,
        ]
        .into_iter()
        .find(|k| k.as_str() == raw)
    }
}

/// One version of a rule: what it says, in English and Spanish, where it comes from and from
/// when. Every deadline, task, note and flag carries the rule it comes from, so a person can
/// read the rule and check its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub id: RuleId,
    pub effective_from: NaiveDate,
    pub value: RuleValue,
    pub source_kind: SourceKind,
    /// The statute, regulation, case, agency document or named public guide.
    pub source: String,
    pub title_en: String,
    pub title_es: String,
    pub text_en: String,
    pub text_es: String,
}

impl Rule {
    pub fn years(&self) -> Option<u8> {
        match self.value {
            RuleValue::Years(n) => Some(n),
            _ => None,
        }
    }

    pub fn days(&self) -> Option<u16> {
        match self.value {
            RuleValue::Days(n) => Some(n),
            _ => None,
        }
    }

    pub fn hours(&self) -> Option<u8> {
        match self.value {
            RuleValue::Hours(n) => Some(n),
            _ => None,
        }
    }

    pub fn time_of_day(&self) -> Option<NaiveTime> {
        match self.value {
            RuleValue::TimeOfDay(t) => Some(t),
            _ => None,
        }
    }
}

/// Every version of every rule, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleTable {
    rules: Vec<Rule>,
}

impl RuleTable {
    pub fn parse(csv: &str) -> Result<RuleTable, RuleDataError> {
        let mut rules: Vec<(u64, Rule)> = Vec::new();
        for row in rows(FILE, csv, HEADER)? {
            let raw_id = row.required("id")?;
            let id = RuleId::parse(raw_id)
                .ok_or_else(|| row.invalid("id", raw_id, "is not a rule Tether knows"))?;
            let effective_from = row.date("effective_from")?;
            let raw_value = row.text("value")?;
            let value = parse_value(id.value_kind(), raw_value)
                .ok_or_else(|| row.invalid("value", raw_value, expected_value(id)))?;
            let raw_kind = row.required("source_kind")?;
            let source_kind = SourceKind::parse(raw_kind).ok_or_else(|| {
                row.invalid(
                    "source_kind",
                    raw_kind,
                    "is not statute, regulation, case_law, agency_guidance or public_guide",
                )
            })?;
            let rule = Rule {
                id,
                effective_from,
                value,
                source_kind,
                source: row.required("source")?.to_owned(),
                title_en: row.required("title_en")?.to_owned(),
                title_es: row.required("title_es")?.to_owned(),
                text_en: row.required("text_en")?.to_owned(),
                text_es: row.required("text_es")?.to_owned(),
            };
            if let Some((first, _)) = rules
                .iter()
                .find(|(_, r)| r.id == id && r.effective_from == effective_from)
            {
                return Err(row.duplicate(*first, format!("{raw_id} from {effective_from}")));
            }
            rules.push((row.line(), rule));
        }
        if let Some(missing) = RuleId::ALL
            .into_iter()
            .find(|id| !rules.iter().any(|(_, r)| r.id == *id))
        {
            return Err(RuleDataError::Table {
                file: FILE,
                problem: format!("no row for rule {}", missing.as_str()),
            });
        }
        Ok(RuleTable {
            rules: rules.into_iter().map(|(_, r)| r).collect(),
        })
    }

    /// The version of `id` in force on `on`: the latest row whose `effective_from` is not
    /// after `on`. `None` when the rule has not taken effect yet on that day.
    pub fn in_force(&self, id: RuleId, on: NaiveDate) -> Option<&Rule> {
        self.rules
            .iter()
            .filter(|r| r.id == id && r.effective_from <= on)
            .max_by_key(|r| r.effective_from)
    }

    /// Every version of every rule, in file order.
    pub fn all(&self) -> &[Rule] {
        &self.rules
    }
}

fn parse_value(kind: ValueKind, raw: &str) -> Option<RuleValue> {
    let number = |max: u32| raw.parse::<u32>().ok().filter(|n| (1..=max).contains(n));
    match kind {
        ValueKind::Nothing => raw.is_empty().then_some(RuleValue::Nothing),
        ValueKind::Years => number(30)
            .and_then(|n| u8::try_from(n).ok())
            .map(RuleValue::Years),
        ValueKind::Days => number(3650)
            .and_then(|n| u16::try_from(n).ok())
            .map(RuleValue::Days),
        ValueKind::Hours => number(168)
            .and_then(|n| u8::try_from(n).ok())
            .map(RuleValue::Hours),
        ValueKind::TimeOfDay => parse_time(raw).map(RuleValue::TimeOfDay),
    }
}

fn expected_value(id: RuleId) -> String {
    let what = match id.value_kind() {
        ValueKind::Nothing => "empty",
        ValueKind::Years => "an age in years (1 to 30)",
        ValueKind::Days => "a number of days (1 to 3650)",
        ValueKind::Hours => "a number of hours (1 to 168)",
        ValueKind::TimeOfDay => "a time of day HH:MM",
    };
    format!("is not valid for {}: expected {what}", id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMBEDDED: &str = include_str!("../../data/legal-rules.csv");

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn header() -> String {
        HEADER.join(",")
    }

    #[test]
    fn the_embedded_rules_parse_and_every_row_names_its_source() {
        let table = RuleTable::parse(EMBEDDED);
        assert!(table.is_ok(), "{table:?}");
        let table = table.unwrap_or(RuleTable { rules: Vec::new() });
        let data_rows = EMBEDDED.lines().skip(1).count();
        assert_eq!(table.all().len(), data_rows);
        for rule in table.all() {
            assert!(!rule.source.trim().is_empty(), "{:?}", rule.id);
            assert!(
                rule.effective_from > day(1990, 1, 1),
                "{:?} {}",
                rule.id,
                rule.effective_from
            );
        }
        for id in RuleId::ALL {
            assert_eq!(RuleId::parse(id.as_str()), Some(id));
        }
    }

    #[test]
    fn a_row_without_a_source_is_refused() {
        let csv = EMBEDDED.replacen(
            "sijs_i360_age,2009-03-23,21,statute,\"TVPRA 2008 § 235(d)(6), Pub. L. 110-457 (8 U.S.C. § 1232(d)(6)), in force 90 days after enactment\"",
            "sijs_i360_age,2009-03-23,21,statute,\" \"",
            1,
        );
        assert_ne!(csv, EMBEDDED, "the test edits a real row");
        assert_eq!(
            RuleTable::parse(&csv).err(),
            Some(RuleDataError::Empty {
                file: FILE,
                line: 2,
                column: "source"
            })
        );
    }

    #[test]
    fn the_version_in_force_is_the_latest_that_has_started() {
        let table = RuleTable::parse(EMBEDDED).unwrap_or(RuleTable { rules: Vec::new() });
        // The I-360 age rule: TVPRA 2008 until the 2022 regulation took effect.
        let on = |d| {
            table
                .in_force(RuleId::SijsI360Age, d)
                .map(|r| r.effective_from)
        };
        assert_eq!(on(day(2009, 3, 22)), None, "not in force before TVPRA 2008");
        assert_eq!(on(day(2009, 3, 23)), Some(day(2009, 3, 23)));
        assert_eq!(on(day(2022, 4, 6)), Some(day(2009, 3, 23)));
        assert_eq!(on(day(2022, 4, 7)), Some(day(2022, 4, 7)));
        assert_eq!(on(day(2026, 12, 1)), Some(day(2022, 4, 7)));
        let rule = table.in_force(RuleId::SijsI360Age, day(2026, 12, 1));
        assert!(rule.is_some_and(|r| r.source.starts_with("8 CFR 204.11(b)(1)")));
        assert_eq!(rule.and_then(Rule::years), Some(21));
    }

    #[test]
    fn a_rule_whose_effective_date_is_after_today_does_not_apply_yet() {
        let mut csv = EMBEDDED.to_owned();
        csv.push_str(
            "flsa_school_day_hours,2030-01-01,2,regulation,29 CFR 570.35(a)(4) (a future amendment),T,T,X,X\n",
        );
        let table = RuleTable::parse(&csv).unwrap_or(RuleTable { rules: Vec::new() });
        let hours = |d| {
            table
                .in_force(RuleId::FlsaSchoolDayHours, d)
                .and_then(Rule::hours)
        };
        assert_eq!(hours(day(2029, 12, 31)), Some(3));
        assert_eq!(hours(day(2030, 1, 1)), Some(2));
    }

    #[test]
    fn values_must_fit_the_rule() {
        let cases = [
            ("sijs_i360_age,2030-01-01,,statute,S,T,T,X,X", "value"),
            ("sijs_i360_age,2030-01-01,twenty,statute,S,T,T,X,X", "value"),
            ("venue_change,2030-01-01,5,statute,S,T,T,X,X", "value"),
            (
                "flsa_latest_end,2030-01-01,7pm,regulation,S,T,T,X,X",
                "value",
            ),
            (
                "sijs_i360_age,2030-01-01,21,hearsay,S,T,T,X,X",
                "source_kind",
            ),
            (
                "sijs_i360_age,2030-13-01,21,statute,S,T,T,X,X",
                "effective_from",
            ),
            ("no_such_rule,2030-01-01,,statute,S,T,T,X,X", "id"),
        ];
        for (row, column) in cases {
            let csv = format!("{EMBEDDED}{row}\n");
            let err = RuleTable::parse(&csv).err();
            assert!(
                matches!(&err, Some(RuleDataError::Invalid { column: c, .. }) if *c == column),
                "{row}: {err:?}"
            );
        }
    }

    #[test]
    fn duplicates_and_missing_rules_are_refused() {
        let dup = format!("{EMBEDDED}venue_change,2003-02-28,,regulation,S,T,T,X,X\n");
        assert!(matches!(
            RuleTable::parse(&dup),
            Err(RuleDataError::Duplicate { .. })
        ));
        let only_one = format!(
            "{}\nvenue_change,2003-02-28,,regulation,S,T,T,X,X\n",
            header()
        );
        assert_eq!(
            RuleTable::parse(&only_one).err().map(|e| e.to_string()),
            Some("legal-rules.csv: no row for rule sijs_i360_age".to_owned())
        );
    }
}
