//! Keys for finding the same person or the same home typed two ways. Pure string work: the
//! store indexes these keys and asks for matches.

use super::input::address_words;
use super::text::fold;
use super::Address;

/// The folding the name lookups use, for callers outside `casework`: lower case, Latin
/// accents removed, apostrophes and dots dropped, other punctuation read as a space, runs
/// of spaces collapsed. `JOSÉ  RAMÍREZ` → `jose ramirez`.
pub fn fold_text(s: &str) -> String {
    fold(s)
}

/// The duplicate-check key for a person's name: `José Ramírez`, `jose ramirez` and
/// `JOSÉ  RAMÍREZ` all give `jose ramirez`. Hyphens read as spaces (`Ramírez-López` meets
/// `Ramirez Lopez`).
pub fn name_key(given: &str, family: &str) -> String {
    let g = fold(given);
    let f = fold(family);
    match (g.is_empty(), f.is_empty()) {
        (true, _) => f,
        (_, true) => g,
        _ => format!("{g} {f}"),
    }
}

/// One address word in its matching form: common abbreviations, and every way of writing
/// a unit (`Apartment`, `#`, `Unit`, `Suite`, `Apto`) as `apt`.
fn normal_word(w: &str) -> &str {
    match w {
        "street" | "str" | "calle" => "st",
        "avenue" | "av" | "avenida" => "ave",
        "road" => "rd",
        "drive" => "dr",
        "lane" => "ln",
        "boulevard" => "blvd",
        "court" => "ct",
        "place" => "pl",
        "parkway" => "pkwy",
        "highway" => "hwy",
        "circle" => "cir",
        "terrace" => "ter",
        "north" => "n",
        "south" => "s",
        "east" => "e",
        "west" => "w",
        "apartment" | "apto" | "apartamento" | "unit" | "suite" | "ste" | "#" => "apt",
        other => other,
    }
}

/// Normalises one address line; consecutive `apt`s (`Apt #4`) collapse into one.
fn normalize_line(raw: &str, out: &mut Vec<String>) {
    for word in address_words(raw) {
        let w = normal_word(&word);
        if w == "apt" && out.last().is_some_and(|l| l == "apt") {
            continue;
        }
        out.push(w.to_owned());
    }
}

/// Street line 1 in matching form, without the unit: `123 North Main Street` → `123 n main st`.
pub fn street_key(line1: &str) -> String {
    let mut words = Vec::new();
    normalize_line(line1, &mut words);
    words.join(" ")
}

/// The duplicate-check key for a home: folded line 1 + unit + the 5-digit ZIP, with common
/// abbreviations normalised, so `123 Main Street, Apartment 4B, 02134-1234` and
/// `123 main st #4b 02134` meet. A unit written on line 1 meets the same unit on line 2.
pub fn address_key(a: &Address) -> String {
    let mut words = Vec::new();
    normalize_line(&a.line1, &mut words);
    if let Some(unit) = a.unit.as_deref().filter(|u| !u.trim().is_empty()) {
        let mut unit_words = Vec::new();
        normalize_line(unit, &mut unit_words);
        if unit_words.first().map(String::as_str) != Some("apt") && !unit_words.is_empty() {
            unit_words.insert(0, "apt".to_owned());
        }
        for w in unit_words {
            if w == "apt" && words.last().is_some_and(|l| l == "apt") {
                continue;
            }
            words.push(w);
        }
    }
    let zip: String = a.postal_code.chars().take(5).collect();
    if !zip.is_empty() {
        words.push(zip);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casework::UsState;

    fn addr(line1: &str, unit: Option<&str>, zip: &str) -> Address {
        Address {
            line1: line1.to_owned(),
            unit: unit.map(str::to_owned),
            city: "Boston".to_owned(),
            state: UsState::parse("MA").expect("MA is a state"),
            postal_code: zip.to_owned(),
        }
    }

    #[test]
    fn names_meet_across_case_accents_and_spaces() {
        let same = [
            ("José", "Ramírez"),
            ("jose", "ramirez"),
            ("JOSÉ ", " RAMÍREZ"),
            ("  José", "Ramírez  "),
            ("Jose\u{301}", "Rami\u{301}rez"),
        ];
        for (g, f) in same {
            assert_eq!(name_key(g, f), "jose ramirez", "{g:?} {f:?}");
        }
        assert_eq!(name_key("JOSÉ  MARÍA", "RAMÍREZ"), "jose maria ramirez");
        assert_eq!(name_key("Ana", "Ramírez-López"), "ana ramirez lopez");
        assert_eq!(name_key("Ñuñoa", ""), "nunoa");
        assert_ne!(name_key("José", "Ramírez"), name_key("Josué", "Ramírez"));
    }

    #[test]
    fn addresses_meet_across_abbreviations() {
        let key = address_key(&addr("123 Main St", Some("Apt 4B"), "02134"));
        assert_eq!(key, "123 main st apt 4b 02134");
        let same = [
            addr("123 Main Street", Some("Apartment 4B"), "02134"),
            addr("123 MAIN ST.", Some("#4B"), "02134-1234"),
            addr("123 Main St", Some("4B"), "02134"),
            addr("123 Main St", Some("Unit 4B"), "02134"),
            addr("123 Main St Apt 4B", None, "02134"),
            addr("123 Main St #4B", None, "02134"),
            addr("123 Main St Apt #4B", None, "02134"),
            addr("123 Main St", Some("Apt. # 4B"), "02134"),
        ];
        for a in same {
            assert_eq!(address_key(&a), key, "{a:?}");
        }
        assert_eq!(
            address_key(&addr("45 Avenue of the Americas", None, "10036")),
            "45 ave of the americas 10036"
        );
        assert_ne!(
            address_key(&addr("123 Main St", Some("4A"), "02134")),
            key,
            "another unit is another home"
        );
        assert_ne!(address_key(&addr("123 Main St", Some("4B"), "02135")), key);
    }

    #[test]
    fn street_key_drops_nothing_but_spelling() {
        assert_eq!(street_key("123 North Main Street"), "123 n main st");
        assert_eq!(street_key(""), "");
    }
}
