//! One demo sponsor's drawn values: phone numbers, an address (some left incomplete on
//! purpose), how many children they sponsor.

use super::pools::{AREA_CODES, CITIES, STREETS};
use super::rng::SplitMix64;
use super::tables::Tables;
use crate::casework::{Address, Phone};

pub(super) fn random_phone(rng: &mut SplitMix64, tables: &mut Tables) -> Option<Phone> {
    let raw = if rng.chance(12) {
        // Guatemalan mobile numbers: a small fixed block, so few real numbers appear.
        format!("+502 5555 01{:02}", rng.below(100))
    } else {
        format!("+1{}55501{:02}", rng.pick(AREA_CODES), rng.below(100))
    };
    tables.phone(raw)
}

pub(super) fn children_for_sponsor(rng: &mut SplitMix64) -> usize {
    // 1: 65 %, 2: 22 %, 3: 9 %, 4: 4 % — about 1.5 on average.
    match rng.below(100) {
        0..=64 => 1,
        65..=86 => 2,
        87..=95 => 3,
        _ => 4,
    }
}

pub(super) fn random_address(rng: &mut SplitMix64, tables: &Tables) -> Option<Address> {
    let city_index = rng.below(CITIES.len());
    let (city, _, zip3) = CITIES[city_index];
    let state = tables.states.get(city_index).copied().flatten()?;
    let number = 100 + rng.below(9_900);
    let street = rng.pick(STREETS);
    let (line1, unit) = match rng.below(100) {
        // A house.
        0..=49 => (format!("{number} {street}"), None),
        // An apartment, unit given.
        50..=84 => (
            format!("{number} {street}"),
            Some(format!(
                "Apt {}{}",
                1 + rng.below(30),
                ['A', 'B', 'C', 'D'][rng.below(4)]
            )),
        ),
        // An apartment building, unit missing: flagged incomplete.
        85..=93 => (format!("{number} {street}, Sample Apartments"), None),
        // No house number: flagged incomplete.
        _ => (street.to_string(), None),
    };
    Some(Address {
        line1,
        unit,
        city: city.to_owned(),
        state,
        postal_code: format!("{zip3}{:02}", rng.below(100)),
    })
}
