//! Reference values demo data uses, parsed once per call rather than once per record.

use std::collections::HashMap;

use super::pools::CITIES;
use crate::casework::{Country, Language, Phone, UsState};

/// Values parsed once per call: the parsers look things up by name, which is too slow to do
/// 100,000 times.
pub(super) struct Tables {
    pub(super) countries: Vec<Country>,
    pub(super) spanish: Option<Language>,
    pub(super) mayan: Vec<Language>,
    pub(super) states: Vec<Option<UsState>>,
    pub(super) phones: HashMap<String, Option<Phone>>,
}

impl Tables {
    pub(super) fn new() -> Tables {
        Tables {
            countries: ["GT", "HN", "SV"]
                .iter()
                .filter_map(|c| Country::parse(c).ok())
                .collect(),
            spanish: Language::parse("spa").ok(),
            mayan: ["quc", "mam", "kjb", "kek"]
                .iter()
                .filter_map(|c| Language::parse(c).ok())
                .collect(),
            states: CITIES.iter().map(|c| UsState::parse(c.1).ok()).collect(),
            phones: HashMap::new(),
        }
    }

    pub(super) fn phone(&mut self, raw: String) -> Option<Phone> {
        self.phones
            .entry(raw)
            .or_insert_with_key(|k| Phone::parse(k).ok())
            .clone()
    }
}
