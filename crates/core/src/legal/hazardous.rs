//! The Hazardous Occupations Orders (29 CFR 570.51–570.68): work barred to everyone under 18
//! outside farms, as data (`data/hazardous-occupations.csv`) with each order's CFR section and
//! plain-language examples a caller can recognise in what a child says.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::data::{rows, RuleDataError};

pub(super) const FILE: &str = "hazardous-occupations.csv";
const HEADER: &[&str] = &[
    "order",
    "cfr_section",
    "effective_from",
    "name_en",
    "name_es",
    "examples_en",
    "examples_es",
    "source",
];

/// One Hazardous Occupations Order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HazardousOccupation {
    /// The order's number, HO 1 to HO 17.
    pub order: u8,
    /// `570.67`: the section of 29 CFR part 570.
    pub cfr_section: String,
    pub effective_from: NaiveDate,
    pub name_en: String,
    pub name_es: String,
    pub examples_en: String,
    pub examples_es: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HazardousTable {
    orders: Vec<HazardousOccupation>,
}

impl HazardousTable {
    pub fn parse(csv: &str) -> Result<HazardousTable, RuleDataError> {
        let mut seen: Vec<(u64, HazardousOccupation)> = Vec::new();
        for row in rows(FILE, csv, HEADER)? {
            let order = row.number("order", 1..=17)?;
            let order = u8::try_from(order).map_err(|_| row.invalid("order", "", "too large"))?;
            let cfr_section = row.required("cfr_section")?;
            let in_subpart_e = cfr_section
                .strip_prefix("570.")
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| (51..=68).contains(&n) && cfr_section.len() == 6);
            if !in_subpart_e {
                return Err(row.invalid(
                    "cfr_section",
                    cfr_section,
                    "is not a section from 570.51 to 570.68",
                ));
            }
            let source = row.required("source")?;
            if !source.contains(cfr_section) {
                return Err(row.invalid("source", source, "does not cite the order's own section"));
            }
            if let Some((first, _)) = seen.iter().find(|(_, h)| h.order == order) {
                return Err(row.duplicate(*first, format!("HO {order}")));
            }
            if let Some((first, _)) = seen.iter().find(|(_, h)| h.cfr_section == cfr_section) {
                return Err(row.duplicate(*first, format!("section {cfr_section}")));
            }
            let occupation = HazardousOccupation {
                order,
                cfr_section: cfr_section.to_owned(),
                effective_from: row.date("effective_from")?,
                name_en: row.required("name_en")?.to_owned(),
                name_es: row.required("name_es")?.to_owned(),
                examples_en: row.required("examples_en")?.to_owned(),
                examples_es: row.required("examples_es")?.to_owned(),
                source: source.to_owned(),
            };
            seen.push((row.line(), occupation));
        }
        Ok(HazardousTable {
            orders: seen.into_iter().map(|(_, h)| h).collect(),
        })
    }

    /// Every order, in file order (HO 1 first).
    pub fn all(&self) -> &[HazardousOccupation] {
        &self.orders
    }

    pub fn by_order(&self, order: u8) -> Option<&HazardousOccupation> {
        self.orders.iter().find(|h| h.order == order)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMBEDDED: &str = include_str!("../../data/hazardous-occupations.csv");

    #[test]
    fn all_seventeen_orders_are_listed_with_their_section_and_source() {
        let table = HazardousTable::parse(EMBEDDED).unwrap_or_else(|e| panic!("{e}"));
        let orders: Vec<u8> = table.all().iter().map(|h| h.order).collect();
        assert_eq!(orders, (1..=17).collect::<Vec<u8>>());
        for h in table.all() {
            assert!(h.source.starts_with("29 CFR 570."), "HO {}", h.order);
            assert!(
                h.source.contains(&format!("(HO {}", h.order)),
                "HO {}",
                h.order
            );
        }
        // 570.56 is reserved: radiation (HO 6) is 570.57.
        assert_eq!(
            table.by_order(6).map(|h| h.cfr_section.as_str()),
            Some("570.57")
        );
        assert_eq!(
            table.by_order(16).map(|h| h.cfr_section.as_str()),
            Some("570.67")
        );
        assert_eq!(
            table.by_order(17).map(|h| h.cfr_section.as_str()),
            Some("570.68")
        );
        assert!(table.by_order(18).is_none());
    }

    #[test]
    fn a_row_without_its_section_in_the_source_is_refused() {
        let csv = EMBEDDED.replacen("29 CFR 570.68 (HO 17)", " ", 1);
        assert_ne!(csv, EMBEDDED);
        assert!(matches!(
            HazardousTable::parse(&csv),
            Err(RuleDataError::Empty {
                column: "source",
                line: 18,
                ..
            })
        ));
        let csv = EMBEDDED.replacen("29 CFR 570.68 (HO 17)", "29 CFR 570.67 (HO 17)", 1);
        assert!(matches!(
            HazardousTable::parse(&csv),
            Err(RuleDataError::Invalid {
                column: "source",
                ..
            })
        ));
        let csv = EMBEDDED.replacen("17,570.68,", "17,570.69,", 1);
        assert!(matches!(
            HazardousTable::parse(&csv),
            Err(RuleDataError::Invalid {
                column: "cfr_section",
                ..
            })
        ));
        let csv = EMBEDDED.replacen("17,570.68,", "16,570.68,", 1);
        assert!(matches!(
            HazardousTable::parse(&csv),
            Err(RuleDataError::Duplicate { .. })
        ));
    }
}
