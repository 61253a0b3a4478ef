//! Synthetic, clearly fake release records for trying Tether and for benchmarks.
//!
//! Every child's notes say `DEMO — synthetic record, not a real child`; streets are named
//! `Example`, `Sample`, `Placeholder` …; US phones are in the 555-0100…555-0199 range reserved
//! for fiction; A-Numbers run from A200000000. Names are common Guatemalan, Honduran and
//! Salvadoran names, so name search and accent folding get a realistic workout.
//! Deterministic for a seed (a hand-rolled SplitMix64, no dependency).

use std::collections::HashMap;

use chrono::{Days, NaiveDate, NaiveTime};

use super::input::address_incomplete;
use super::release_csv::ReleaseRecord;
use super::{
    ANumber, Address, BirthDate, ChildDraft, Country, Court, Language, NtaStatus, Phone,
    ProceedingsDraft, Sex, SponsorCategory, SponsorDraft, UsState,
};

/// The notes every demo child carries.
pub const DEMO_NOTE: &str = "DEMO — synthetic record, not a real child";
/// The first demo A-Number; child `i` gets `A200000000 + i`.
pub const FIRST_DEMO_A_NUMBER: u32 = 200_000_000;

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, good enough for fake data.
#[derive(Debug, Clone)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`; 0 gives 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // Multiply-shift: bias is negligible for the small `n` used here.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const GIVEN_F: &[&str] = &[
    "María",
    "Ana",
    "Sofía",
    "Valeria",
    "Camila",
    "Daniela",
    "Lucía",
    "Andrea",
    "Fernanda",
    "Guadalupe",
    "Yesenia",
    "Mélany",
    "Dulce",
    "Alejandra",
    "Jimena",
    "Ximena",
    "Rosa",
    "Ingrid",
    "Dayana",
    "Nicol",
    "Génesis",
    "Yoselin",
    "Keila",
    "Ixchel",
    "Candelaria",
];
const GIVEN_M: &[&str] = &[
    "José",
    "Juan",
    "Luis",
    "Carlos",
    "Jesús",
    "Ángel",
    "Miguel",
    "Kevin",
    "Brayan",
    "Josué",
    "Elmer",
    "Wílmer",
    "Édgar",
    "Óscar",
    "Anderson",
    "Jefferson",
    "Santiago",
    "Mateo",
    "Diego",
    "Marvin",
    "Érick",
    "Nelson",
    "Germán",
    "Selvin",
    "Baltazar",
];
const FAMILY: &[&str] = &[
    "García",
    "López",
    "Hernández",
    "Pérez",
    "Martínez",
    "Rodríguez",
    "González",
    "Ramírez",
    "Sánchez",
    "Morales",
    "Cruz",
    "Reyes",
    "Flores",
    "Díaz",
    "Gómez",
    "Méndez",
    "Castillo",
    "Juárez",
    "Chávez",
    "Orellana",
    "Aguilar",
    "Velásquez",
    "Argueta",
    "Ajú",
    "Xol",
    "Tzul",
    "Cux",
    "Ixcoy",
    "Pú",
    "Mejía",
    "Zelaya",
    "Ordóñez",
    "Alvarado",
    "Rivera",
    "Portillo",
    "Guzmán",
    "Quiñónez",
    "Muñoz",
    "Ayala",
    "Escobar",
];
const STREETS: &[&str] = &[
    "Example Ave",
    "Sample St",
    "Placeholder Rd",
    "Fictional Blvd",
    "Demo Dr",
    "Testing Way",
    "Mock Ln",
    "Specimen Ct",
];
/// (city, state, a 3-digit ZIP prefix for the area).
const CITIES: &[(&str, &str, &str)] = &[
    ("Houston", "TX", "770"),
    ("Los Angeles", "CA", "900"),
    ("Miami", "FL", "331"),
    ("New York", "NY", "104"),
    ("Hempstead", "NY", "115"),
    ("Silver Spring", "MD", "209"),
    ("Charlotte", "NC", "282"),
    ("Atlanta", "GA", "303"),
    ("New Orleans", "LA", "701"),
    ("Dallas", "TX", "752"),
    ("Nashville", "TN", "372"),
    ("Omaha", "NE", "681"),
    ("Chicago", "IL", "606"),
    ("Boston", "MA", "021"),
    ("Seattle", "WA", "981"),
    ("Honolulu", "HI", "968"),
];
/// Area codes for the fictional 555-01XX numbers.
const AREA_CODES: &[&str] = &[
    "212", "718", "713", "832", "305", "786", "213", "323", "301", "704", "404", "504", "214",
    "615", "402", "312", "617", "206", "808", "516",
];
/// (relationship, category).
const RELATIONSHIPS: &[(&str, SponsorCategory)] = &[
    ("mother", SponsorCategory::One),
    ("father", SponsorCategory::One),
    ("mother", SponsorCategory::One),
    ("older sister", SponsorCategory::TwoA),
    ("older brother", SponsorCategory::TwoA),
    ("grandmother", SponsorCategory::TwoA),
    ("uncle", SponsorCategory::TwoB),
    ("tía", SponsorCategory::TwoB),
    ("cousin", SponsorCategory::TwoB),
    ("family friend", SponsorCategory::Three),
];
const ORR_PROGRAMS: &[&str] = &[
    "Demo Shelter Houston",
    "Demo Shelter San Antonio",
    "Demo Transitional Foster Care Miami",
    "Demo Shelter Phoenix",
];
const HEARING_TIMES: &[(u32, u32)] = &[(8, 30), (9, 0), (10, 0), (13, 0), (13, 30)];

/// Values parsed once per call: the parsers look things up by name, which is too slow to do
/// 100,000 times.
struct Tables {
    countries: Vec<Country>,
    spanish: Option<Language>,
    mayan: Vec<Language>,
    states: Vec<Option<UsState>>,
    phones: HashMap<String, Option<Phone>>,
}

impl Tables {
    fn new() -> Tables {
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

    fn phone(&mut self, raw: String) -> Option<Phone> {
        self.phones
            .entry(raw)
            .or_insert_with_key(|k| Phone::parse(k).ok())
            .clone()
    }
}

fn random_phone(rng: &mut SplitMix64, tables: &mut Tables) -> Option<Phone> {
    let raw = if rng.chance(12) {
        // Guatemalan mobile numbers: a small fixed block, so few real numbers appear.
        format!("+502 5555 01{:02}", rng.below(100))
    } else {
        format!("+1{}55501{:02}", rng.pick(AREA_CODES), rng.below(100))
    };
    tables.phone(raw)
}

fn children_for_sponsor(rng: &mut SplitMix64) -> usize {
    // 1: 65 %, 2: 22 %, 3: 9 %, 4: 4 % — about 1.5 on average.
    match rng.below(100) {
        0..=64 => 1,
        65..=86 => 2,
        87..=95 => 3,
        _ => 4,
    }
}

fn random_address(rng: &mut SplitMix64, tables: &Tables) -> Option<Address> {
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

/// `children` synthetic release records, the same for the same `seed` and `today`. Sponsors
/// have 1–4 children (about 1.5 on average); about 3 % of sponsors share an earlier
/// sponsor's address and 2 % an earlier sponsor's phone, so shared-address and shared-phone
/// red flags have something to find. About 5 % of sponsors have no address.
pub fn demo_records(children: usize, seed: u64, today: NaiveDate) -> Vec<ReleaseRecord> {
    let mut rng = SplitMix64(seed);
    let mut tables = Tables::new();
    let mut out = Vec::with_capacity(children);
    let mut addresses: Vec<Address> = Vec::new();
    let mut phones_used: Vec<Phone> = Vec::new();
    let courts = Court::all();

    while out.len() < children {
        let family = *rng.pick(FAMILY);
        let female = rng.chance(60);
        let given = *rng.pick(if female { GIVEN_F } else { GIVEN_M });
        let &(relationship, category) = rng.pick(RELATIONSHIPS);

        let mut phones = Vec::new();
        if !rng.chance(4) {
            let shared = !phones_used.is_empty() && rng.chance(2);
            let first = if shared {
                Some(phones_used[rng.below(phones_used.len())].clone())
            } else {
                random_phone(&mut rng, &mut tables)
            };
            phones.extend(first);
            if rng.chance(25) {
                if let Some(p) = random_phone(&mut rng, &mut tables) {
                    if !phones.contains(&p) {
                        phones.push(p);
                    }
                }
            }
        }
        if let Some(p) = phones.first() {
            if phones_used.len() < 10_000 {
                phones_used.push(p.clone());
            }
        }

        let address = if rng.chance(5) {
            None
        } else if !addresses.is_empty() && rng.chance(3) {
            Some(addresses[rng.below(addresses.len())].clone())
        } else {
            random_address(&mut rng, &tables)
        };
        if let Some(a) = &address {
            if addresses.len() < 10_000 {
                addresses.push(a.clone());
            }
        }
        let address_incomplete = match &address {
            None => Some("no address".to_owned()),
            Some(a) => address_incomplete(a),
        };
        let time_zone = address
            .as_ref()
            .map_or("America/New_York", |a| a.state.default_time_zone())
            .to_owned();
        let sponsor = SponsorDraft {
            given_name: given.to_owned(),
            family_name: family.to_owned(),
            category: Some(category),
            phones,
            address,
            address_incomplete,
            time_zone,
        };

        let n = children_for_sponsor(&mut rng).min(children - out.len());
        for _ in 0..n {
            let i = out.len();
            let child = demo_child(&mut rng, &tables, family, relationship, i, today);
            let proceedings = demo_proceedings(&mut rng, courts, child.release_date, today);
            out.push(ReleaseRecord {
                sponsor: sponsor.clone(),
                child,
                proceedings,
            });
        }
    }
    out
}

fn demo_child(
    rng: &mut SplitMix64,
    tables: &Tables,
    sponsor_family: &str,
    relationship: &str,
    i: usize,
    today: NaiveDate,
) -> ChildDraft {
    let female = rng.chance(45);
    let given = *rng.pick(if female { GIVEN_F } else { GIVEN_M });
    // Children of a parent or sibling sponsor usually share a family name.
    let family = if relationship != "family friend" && rng.chance(70) {
        sponsor_family
    } else {
        rng.pick(FAMILY)
    };
    let release_date = today.checked_sub_days(Days::new(rng.below(730) as u64));
    let age_days = 365 * (6 + rng.below(12)) + rng.below(365);
    let birth_date = release_date
        .and_then(|r| r.checked_sub_days(Days::new(age_days as u64)))
        .map(|d| {
            if rng.chance(10) {
                BirthDate::Estimated {
                    year: chrono::Datelike::year(&d),
                }
            } else {
                BirthDate::Exact(d)
            }
        });
    let country = tables.countries.get(rng.below(3)).copied();
    let guatemalan = country.is_some_and(|c| c.code() == "GT");
    let (primary_language, interpreter_needed) = if guatemalan && rng.chance(35) {
        (
            tables.mayan.get(rng.below(tables.mayan.len())).copied(),
            true,
        )
    } else {
        (tables.spanish, rng.chance(90))
    };
    let a_number = u32::try_from(i)
        .ok()
        .and_then(|i| FIRST_DEMO_A_NUMBER.checked_add(i))
        .and_then(ANumber::from_u32);
    ChildDraft {
        given_name: given.to_owned(),
        family_name: family.to_owned(),
        aliases: Vec::new(),
        birth_date,
        sex: Some(if female { Sex::Female } else { Sex::Male }),
        a_number,
        country_of_birth: country,
        primary_language,
        interpreter_needed,
        release_date,
        orr_program: Some((*rng.pick(ORR_PROGRAMS)).to_owned()),
        relationship: Some(relationship.to_owned()),
        notes: DEMO_NOTE.to_owned(),
    }
}

fn demo_proceedings(
    rng: &mut SplitMix64,
    courts: &[Court],
    release_date: Option<NaiveDate>,
    today: NaiveDate,
) -> ProceedingsDraft {
    let nta_status = match rng.below(100) {
        0..=29 => NtaStatus::NotServed,
        30..=59 => NtaStatus::Served,
        _ => NtaStatus::Filed,
    };
    let nta_served_on = match (nta_status, release_date) {
        (NtaStatus::NotServed, _) | (_, None) => None,
        (_, Some(r)) => r
            .checked_add_days(Days::new(rng.below(60) as u64))
            .map(|d| d.min(today)),
    };
    let court_code = if nta_status == NtaStatus::NotServed || courts.is_empty() {
        None
    } else {
        Some(rng.pick(courts).code.clone())
    };
    let next_hearing = match &court_code {
        Some(_) if rng.chance(80) => {
            let (h, m) = *rng.pick(HEARING_TIMES);
            let day = today.checked_add_days(Days::new(1 + rng.below(300) as u64));
            day.zip(NaiveTime::from_hms_opt(h, m, 0))
                .map(|(d, t)| d.and_time(t))
        }
        _ => None,
    };
    ProceedingsDraft {
        nta_status,
        nta_served_on,
        court_code,
        next_hearing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
    }

    #[test]
    fn same_seed_same_records_other_seed_other_records() {
        let a = demo_records(500, 42, today());
        let b = demo_records(500, 42, today());
        let c = demo_records(500, 43, today());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.len(), 500);
        assert!(demo_records(0, 1, today()).is_empty());
    }

    /// `cargo test -p tether-core --release -- --ignored demo_speed`: 100,000 children must
    /// take well under a second.
    #[test]
    #[ignore = "timing; run in release mode"]
    fn demo_speed() {
        // Warm the embedded tables (phone metadata, courts) first: that is a one-off.
        let _ = demo_records(10, 1, today());
        let started = std::time::Instant::now();
        let recs = demo_records(100_000, 1, today());
        let took = started.elapsed();
        assert_eq!(recs.len(), 100_000);
        eprintln!("100,000 demo children in {took:?}");
        assert!(took < std::time::Duration::from_millis(500), "{took:?}");
    }

    #[test]
    fn demo_records_pass_their_own_validation() {
        // A demo record written out as input validates back to itself (sponsor side).
        for r in demo_records(300, 9, today()) {
            let s = &r.sponsor;
            let input = crate::casework::SponsorInput {
                given_name: s.given_name.clone(),
                family_name: s.family_name.clone(),
                category: s
                    .category
                    .map(|c| c.as_str().to_owned())
                    .unwrap_or_default(),
                phones: s.phones.iter().map(|p| p.e164().to_owned()).collect(),
                address_line1: s
                    .address
                    .as_ref()
                    .map(|a| a.line1.clone())
                    .unwrap_or_default(),
                address_line2: s
                    .address
                    .as_ref()
                    .and_then(|a| a.unit.clone())
                    .unwrap_or_default(),
                city: s
                    .address
                    .as_ref()
                    .map(|a| a.city.clone())
                    .unwrap_or_default(),
                state: s
                    .address
                    .as_ref()
                    .map(|a| a.state.code().to_owned())
                    .unwrap_or_default(),
                postal_code: s
                    .address
                    .as_ref()
                    .map(|a| a.postal_code.clone())
                    .unwrap_or_default(),
                time_zone: None,
            };
            assert_eq!(input.validate().as_ref(), Ok(s));
        }
    }

    #[test]
    fn records_look_like_the_spec() {
        let recs = demo_records(3_000, 7, today());
        let a_numbers: HashSet<_> = recs.iter().filter_map(|r| r.child.a_number).collect();
        assert_eq!(a_numbers.len(), recs.len(), "A-Numbers unique and present");
        assert_eq!(
            recs[0].child.a_number.map(|a| a.normalized()),
            Some("A200000000".to_owned())
        );
        let earliest = today().checked_sub_days(Days::new(730)).expect("date");
        for r in &recs {
            assert_eq!(r.child.notes, DEMO_NOTE);
            let released = r.child.release_date.expect("release date");
            assert!(released <= today() && released >= earliest);
            if let Some(born) = r.child.birth_date {
                assert!(born.year() <= chrono::Datelike::year(&released));
            }
            for p in &r.sponsor.phones {
                let e = p.e164();
                let fake_us = e.starts_with("+1") && e.len() == 12 && &e[5..10] == "55501";
                assert!(fake_us || e.starts_with("+502555501"), "{e}");
            }
            if let Some(code) = &r.proceedings.court_code {
                assert!(Court::by_code(code).is_some());
            }
            if r.proceedings.next_hearing.is_some() {
                assert!(r.proceedings.court_code.is_some());
            }
        }
        // Sponsors: 1–4 children, about 1.5 on average; some share addresses and phones.
        let mut per_sponsor: HashMap<String, usize> = HashMap::new();
        let mut runs = Vec::new();
        let mut prev: Option<&SponsorDraft> = None;
        for r in &recs {
            if prev == Some(&r.sponsor) {
                if let Some(last) = runs.last_mut() {
                    *last += 1;
                }
            } else {
                runs.push(1usize);
            }
            prev = Some(&r.sponsor);
            *per_sponsor
                .entry(format!("{:?}", r.sponsor.address))
                .or_default() += 1;
        }
        assert!(runs.iter().all(|&n| (1..=4).contains(&n)));
        let mean = recs.len() as f64 / runs.len() as f64;
        assert!(
            (1.3..1.7).contains(&mean),
            "mean children per sponsor {mean}"
        );
        let hearings = recs
            .iter()
            .filter(|r| r.proceedings.next_hearing.is_some())
            .count();
        assert!(
            (recs.len() / 3..recs.len() * 2 / 3).contains(&hearings),
            "{hearings}"
        );
        let shared_phone = {
            let mut owners: HashMap<&str, HashSet<(&str, &str)>> = HashMap::new();
            for r in &recs {
                for p in &r.sponsor.phones {
                    owners
                        .entry(p.e164())
                        .or_default()
                        .insert((&r.sponsor.given_name, &r.sponsor.family_name));
                }
            }
            owners.values().any(|o| o.len() > 1)
        };
        assert!(shared_phone);
        let with_phone = recs.iter().filter(|r| !r.sponsor.phones.is_empty()).count();
        assert!(with_phone > recs.len() * 9 / 10, "{with_phone}");
        assert!(recs
            .iter()
            .any(|r| r.sponsor.phones.iter().any(|p| p.calling_code() == 502)));
        assert!(recs.iter().any(|r| r.sponsor.address_incomplete.is_some()));
        assert!(recs.iter().any(
            |r| r.child.primary_language.map(|l| l.code()) == Some("quc")
                || r.child.primary_language.map(|l| l.code()) == Some("mam")
        ));
    }
}
