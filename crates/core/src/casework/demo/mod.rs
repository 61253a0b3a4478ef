//! Synthetic, clearly fake release records for trying Tether and for benchmarks.
//!
//! Every child's notes say `DEMO — synthetic record, not a real child`; streets are named
//! `Example`, `Sample`, `Placeholder` …; US phones are in the 555-0100…555-0199 range reserved
//! for fiction; A-Numbers run from A200000000. Names are common Guatemalan, Honduran and
//! Salvadoran names, so name search and accent folding get a realistic workout.
//! Deterministic for a seed (a hand-rolled SplitMix64, no dependency).
//!
//! `pools.rs` holds the names, places and numbers drawn from, `tables.rs` their parsed forms,
//! `rng.rs` the generator; `sponsor.rs` and `child.rs` draw one sponsor's and one child's
//! values. This file puts the records together.

use chrono::NaiveDate;

use super::input::address_incomplete;
use super::release_csv::ReleaseRecord;
use super::{Address, Court, Phone, SponsorDraft};

mod child;
mod pools;
mod rng;
mod sponsor;
mod tables;

#[cfg(test)]
mod tests;

use child::{demo_child, demo_proceedings};
use pools::{FAMILY, GIVEN_F, GIVEN_M, RELATIONSHIPS};
use rng::SplitMix64;
use sponsor::{children_for_sponsor, random_address, random_phone};
use tables::Tables;

/// The notes every demo child carries.
pub const DEMO_NOTE: &str = "DEMO — synthetic record, not a real child";
/// The first demo A-Number; child `i` gets `A200000000 + i`.
pub const FIRST_DEMO_A_NUMBER: u32 = 200_000_000;

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
