//! Whether an address can be relied on for mail or a home visit: a house number, a city, a
//! ZIP code, and a unit where the building likely has several homes.

use crate::casework::text::fold;
use crate::casework::Address;

/// Why an address cannot be relied on: nothing was entered.
pub const NO_ADDRESS: &str = "no address";
/// Why an address cannot be relied on: line 1 does not start with a house number.
pub const NO_HOUSE_NUMBER: &str = "no house number";
/// Why an address cannot be relied on: a unit is likely but none was given.
pub const NO_UNIT: &str = "no apartment or unit number";

/// Words that name a unit and are followed by its number or letter.
const UNIT_DESIGNATORS: &[&str] = &[
    "apt",
    "apartment",
    "apto",
    "apartamento",
    "unit",
    "suite",
    "ste",
    "room",
    "rm",
    "lot",
    "space",
    "spc",
    "trlr",
    "trailer",
    "fl",
    "floor",
    "piso",
    "#",
];

/// Words that say the building holds several homes.
const MULTI_UNIT_BUILDINGS: &[&str] = &[
    "apartments",
    "apartamentos",
    "apts",
    "tower",
    "towers",
    "building",
    "bldg",
    "complex",
    "condominiums",
    "condos",
];

/// Street-type words: "Tower Rd" is a street, not a tower.
const STREET_TYPES: &[&str] = &[
    "st", "street", "rd", "road", "ave", "avenue", "dr", "drive", "ln", "lane", "blvd", "way",
    "ct", "court", "pl", "place", "pkwy", "hwy", "cir", "ter",
];

/// Address words in matching form: folded, with `#` kept as its own word.
pub(crate) fn address_words(raw: &str) -> Vec<String> {
    let spaced = raw.replace('#', " # ");
    let mut words = Vec::new();
    for chunk in spaced.split_whitespace() {
        if chunk == "#" {
            words.push("#".to_owned());
        } else {
            words.extend(
                fold(chunk)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    words
}

fn is_designator(w: &str) -> bool {
    UNIT_DESIGNATORS.contains(&w)
}

/// True when line 1 already carries a unit: a designator followed by something.
fn line_has_unit(words: &[String]) -> bool {
    words
        .windows(2)
        .any(|w| is_designator(&w[0]) && !is_designator(&w[1]))
}

/// Why an address cannot be relied on for mail or a home visit, if it cannot. Not an
/// error: the address is kept and the reason raised as a red flag. Several reasons are
/// joined with `"; "`.
pub fn address_incomplete(a: &Address) -> Option<String> {
    let mut reasons: Vec<&str> = Vec::new();
    let words = address_words(&a.line1);
    if a.line1.trim().is_empty() {
        reasons.push("no street address");
    } else if !starts_with_house_number(&a.line1) {
        reasons.push(NO_HOUSE_NUMBER);
    }
    if a.city.trim().is_empty() {
        reasons.push("no city");
    }
    if a.postal_code.trim().is_empty() {
        reasons.push("no ZIP code");
    }
    let unit_words = a.unit.as_deref().map(address_words).unwrap_or_default();
    let unit_given = unit_words.iter().any(|w| !is_designator(w)) || line_has_unit(&words);
    let ends_in_designator = words.last().is_some_and(|w| is_designator(w));
    let multi_unit = words.iter().enumerate().any(|(i, w)| {
        MULTI_UNIT_BUILDINGS.contains(&w.as_str())
            && !words
                .get(i + 1)
                .is_some_and(|next| STREET_TYPES.contains(&next.as_str()))
    });
    let mentions_designator = words.iter().any(|w| is_designator(w));
    if !unit_given && (ends_in_designator || multi_unit || mentions_designator) {
        reasons.push(NO_UNIT);
    }
    if reasons.is_empty() {
        None
    } else {
        Some(reasons.join("; "))
    }
}

/// `123 Main St`, `123A Main St`, `45-12 Queens Blvd`, `N123W456 Elm Rd` (Wisconsin grid).
fn starts_with_house_number(line1: &str) -> bool {
    let Some(first) = line1.split_whitespace().next() else {
        return false;
    };
    let mut chars = first.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('N' | 'S' | 'E' | 'W' | 'n' | 's' | 'e' | 'w') => {
            chars.next().is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}
