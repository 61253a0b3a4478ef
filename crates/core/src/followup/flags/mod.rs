//! Red flags: computed from the caseload's facts, each explained in English and Spanish, never
//! silent. Each flag has a stable `key`; the store records acknowledgements against it. A key
//! changes when the facts behind the flag change in a way that deserves a fresh look (a new
//! child for a sponsor, a different set of sponsors sharing an address).
//!
//! Rules:
//! - a sponsor with 3 or more children;
//! - a category 3 sponsor (distant relative or unrelated adult) of more than one child (the
//!   category is the sponsor's, applied to each of their children);
//! - an address, or a phone, given by different sponsors: one flag per address or phone,
//!   naming the sponsors;
//! - a child unreached after all call attempts;
//! - a sponsor's incomplete address;
//! - NTA not served 90 or more days after release;
//! - a missed hearing;
//! - an EOIR-33 deadline passed.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::casework::{NtaStatus, SponsorCategory};

/// Days after release from which an unserved NTA is flagged.
pub const NTA_NOT_SERVED_FLAG_DAYS: i64 = 90;
/// Children per sponsor from which the sponsor is flagged.
pub const MANY_CHILDREN: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    SponsorManyChildren,
    SponsorSeveralUnrelated,
    SharedAddress,
    SharedPhone,
    Unreached,
    IncompleteAddress,
    NtaNotServed90Days,
    MissedHearing,
    Eoir33Overdue,
}

impl FlagKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            FlagKind::SponsorManyChildren => "sponsor_many_children",
            FlagKind::SponsorSeveralUnrelated => "sponsor_several_unrelated",
            FlagKind::SharedAddress => "shared_address",
            FlagKind::SharedPhone => "shared_phone",
            FlagKind::Unreached => "unreached",
            FlagKind::IncompleteAddress => "incomplete_address",
            FlagKind::NtaNotServed90Days => "nta_not_served_90_days",
            FlagKind::MissedHearing => "missed_hearing",
            FlagKind::Eoir33Overdue => "eoir33_overdue",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Flag {
    pub kind: FlagKind,
    /// Stable, for acknowledgement.
    pub key: String,
    /// The child the flag is about, if it is about one child.
    pub child_id: Option<i64>,
    /// The sponsor the flag is about, if it is about one sponsor (or the sponsor of `child_id`).
    pub sponsor_id: Option<i64>,
    /// Every sponsor concerned, ascending: one for most flags, two or more for shared
    /// addresses and phones.
    pub sponsor_ids: Vec<i64>,
    pub explanation_en: String,
    pub explanation_es: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildFacts {
    pub id: i64,
    /// As it may be shown (the caller redacts per role).
    pub name: String,
    pub release_date: Option<NaiveDate>,
    pub nta_status: NtaStatus,
    pub missed_hearing: bool,
    /// Every attempt of a Safety & Well-Being call failed.
    pub unreached: bool,
    /// The first day an EOIR-33 is overdue (the day after its deadline), if one is.
    pub eoir33_overdue_since: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SponsorFacts {
    pub id: i64,
    pub name: String,
    /// The sponsor's ORR category, applied to each of their children.
    pub category: Option<SponsorCategory>,
    /// `casework::address_key` of the sponsor's address, if they have one.
    pub address_key: Option<String>,
    /// Why the address is incomplete, if it is (from validation).
    pub address_incomplete: Option<String>,
    /// E.164 numbers.
    pub phones: Vec<String>,
    pub children: Vec<ChildFacts>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FlagInputs {
    pub sponsors: Vec<SponsorFacts>,
}

/// Every red flag the facts raise on `today`, sorted by kind then key, with unique keys.
pub fn flags(world: &FlagInputs, today: NaiveDate) -> Vec<Flag> {
    let mut out = Vec::new();
    for sponsor in &world.sponsors {
        sponsor_flags(sponsor, &mut out);
        for child in &sponsor.children {
            child_flags(sponsor, child, today, &mut out);
        }
    }
    shared_flags(world, &mut out);

    let mut seen = BTreeSet::new();
    out.retain(|f| seen.insert(f.key.clone()));
    out.sort_by(|a, b| (a.kind, &a.key).cmp(&(b.kind, &b.key)));
    out
}

fn sponsor_flags(sponsor: &SponsorFacts, out: &mut Vec<Flag>) {
    let children = &sponsor.children;
    let names = child_names(children);
    let ids = child_ids(children);
    let n = children.len();
    let one = |kind: FlagKind, key: String, en: String, es: String| Flag {
        kind,
        key,
        child_id: None,
        sponsor_id: Some(sponsor.id),
        sponsor_ids: vec![sponsor.id],
        explanation_en: en,
        explanation_es: es,
    };

    if n >= MANY_CHILDREN {
        out.push(one(
            FlagKind::SponsorManyChildren,
            format!("sponsor_many_children:{}:{ids}", sponsor.id),
            format!("{} sponsors {n} children ({names}).", sponsor.name),
            format!("{} patrocina a {n} menores ({names}).", sponsor.name),
        ));
    }
    let unrelated = sponsor
        .category
        .is_some_and(|c| c.is_distant_or_unrelated());
    if unrelated && n > 1 {
        out.push(one(
            FlagKind::SponsorSeveralUnrelated,
            format!("sponsor_several_unrelated:{}:{ids}", sponsor.id),
            format!(
                "{} sponsors {n} children in category 3 (distant relative or unrelated adult): {names}.",
                sponsor.name
            ),
            format!(
                "{} patrocina a {n} menores en la categoría 3 (familiar lejano o adulto sin parentesco): {names}.",
                sponsor.name
            ),
        ));
    }
    if let Some(reason) = &sponsor.address_incomplete {
        let reason = reason.trim().trim_end_matches('.');
        let (en, es) = if reason.is_empty() {
            (
                format!("{}'s address is incomplete.", sponsor.name),
                format!("La dirección de {} está incompleta.", sponsor.name),
            )
        } else {
            (
                format!("{}'s address is incomplete: {reason}.", sponsor.name),
                format!(
                    "La dirección de {} está incompleta (motivo: {reason}).",
                    sponsor.name
                ),
            )
        };
        out.push(one(
            FlagKind::IncompleteAddress,
            format!("incomplete_address:{}", sponsor.id),
            en,
            es,
        ));
    }
}

fn child_flags(sponsor: &SponsorFacts, child: &ChildFacts, today: NaiveDate, out: &mut Vec<Flag>) {
    let one = |kind: FlagKind, key: String, en: String, es: String| Flag {
        kind,
        key,
        child_id: Some(child.id),
        sponsor_id: Some(sponsor.id),
        sponsor_ids: vec![sponsor.id],
        explanation_en: en,
        explanation_es: es,
    };
    let name = &child.name;

    if child.unreached {
        out.push(one(
            FlagKind::Unreached,
            format!("unreached:{}", child.id),
            format!(
                "{name} and the sponsor, {}, could not be reached after all call attempts.",
                sponsor.name
            ),
            format!(
                "No se pudo contactar ni a {name} ni a {}, responsable del patrocinio, después de todos los intentos de llamada.",
                sponsor.name
            ),
        ));
    }
    if child.nta_status == NtaStatus::NotServed {
        if let Some(release) = child.release_date {
            let days = (today - release).num_days();
            if days >= NTA_NOT_SERVED_FLAG_DAYS {
                out.push(one(
                    FlagKind::NtaNotServed90Days,
                    format!("nta_not_served_90_days:{}", child.id),
                    format!(
                        "{name} was released on {release}, {days} days ago, and the Notice to Appear (NTA) has not been served."
                    ),
                    format!(
                        "{name} salió del albergue el {release}, hace {days} días, y todavía no se ha notificado el Aviso de Comparecencia (NTA)."
                    ),
                ));
            }
        }
    }
    if child.missed_hearing {
        out.push(one(
            FlagKind::MissedHearing,
            format!("missed_hearing:{}", child.id),
            format!("{name} missed an immigration court hearing."),
            format!("{name} no se presentó a una audiencia en la corte de inmigración."),
        ));
    }
    if let Some(since) = child.eoir33_overdue_since {
        if since <= today {
            out.push(one(
                FlagKind::Eoir33Overdue,
                format!("eoir33_overdue:{}:{since}", child.id),
                format!(
                    "The change of address form (EOIR-33) for {name} is overdue since {since}: it must be filed within five working days of the move."
                ),
                format!(
                    "El formulario de cambio de dirección (EOIR-33) de {name} está vencido desde el {since}: debe presentarse dentro de cinco días hábiles después de la mudanza."
                ),
            ));
        }
    }
}

fn shared_flags(world: &FlagInputs, out: &mut Vec<Flag>) {
    // value → sponsor id → sponsor name (ascending ids; a sponsor listed twice counts once).
    let mut addresses: BTreeMap<String, BTreeMap<i64, &str>> = BTreeMap::new();
    let mut phones: BTreeMap<String, BTreeMap<i64, &str>> = BTreeMap::new();
    for sponsor in &world.sponsors {
        if let Some(key) = sponsor.address_key.as_deref().map(str::trim) {
            if !key.is_empty() {
                addresses
                    .entry(key.to_string())
                    .or_default()
                    .insert(sponsor.id, &sponsor.name);
            }
        }
        for phone in &sponsor.phones {
            let phone = phone_key(phone);
            if !phone.is_empty() {
                phones
                    .entry(phone)
                    .or_default()
                    .insert(sponsor.id, &sponsor.name);
            }
        }
    }

    for sponsors in addresses.values().filter(|s| s.len() > 1) {
        let (ids, names, n) = describe(sponsors);
        out.push(Flag {
            kind: FlagKind::SharedAddress,
            key: format!("shared_address:{}", join_ids(&ids)),
            child_id: None,
            sponsor_id: None,
            sponsor_ids: ids,
            explanation_en: format!("{n} different sponsors give the same address: {names}."),
            explanation_es: format!(
                "{n} patrocinadores distintos tienen la misma dirección: {names}."
            ),
        });
    }
    for (phone, sponsors) in phones.iter().filter(|(_, s)| s.len() > 1) {
        let (ids, names, n) = describe(sponsors);
        out.push(Flag {
            kind: FlagKind::SharedPhone,
            key: format!("shared_phone:{phone}:{}", join_ids(&ids)),
            child_id: None,
            sponsor_id: None,
            sponsor_ids: ids,
            explanation_en: format!("{n} different sponsors give the same phone {phone}: {names}."),
            explanation_es: format!(
                "{n} patrocinadores distintos tienen el mismo teléfono {phone}: {names}."
            ),
        });
    }
}

/// The phone as compared: `+` and digits only.
fn phone_key(raw: &str) -> String {
    raw.chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

fn describe(sponsors: &BTreeMap<i64, &str>) -> (Vec<i64>, String, usize) {
    let ids: Vec<i64> = sponsors.keys().copied().collect();
    let names: Vec<&str> = sponsors.values().copied().collect();
    (ids, names.join(", "), sponsors.len())
}

fn join_ids(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

fn child_names(children: &[ChildFacts]) -> String {
    children
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn child_ids(children: &[ChildFacts]) -> String {
    let ids: BTreeSet<i64> = children.iter().map(|c| c.id).collect();
    join_ids(&ids.into_iter().collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    fn child(id: i64, name: &str) -> ChildFacts {
        ChildFacts {
            id,
            name: name.to_string(),
            release_date: Some(d("2026-10-01")),
            nta_status: NtaStatus::Served,
            missed_hearing: false,
            unreached: false,
            eoir33_overdue_since: None,
        }
    }

    fn sponsor(id: i64, name: &str, children: Vec<ChildFacts>) -> SponsorFacts {
        SponsorFacts {
            id,
            name: name.to_string(),
            category: Some(SponsorCategory::One),
            address_key: Some(format!("address-of-{id}")),
            address_incomplete: None,
            phones: vec![format!("+1555000{id:04}")],
            children,
        }
    }

    fn kinds(flags: &[Flag]) -> Vec<FlagKind> {
        flags.iter().map(|f| f.kind).collect()
    }

    const TODAY: &str = "2026-11-01";

    #[test]
    fn four_unrelated_children_raise_exactly_many_children_and_several_unrelated() {
        let mut rosa = sponsor(
            1,
            "Rosa Ramírez",
            vec![
                child(10, "José"),
                child(11, "Ana"),
                child(12, "Luis"),
                child(13, "Marta"),
            ],
        );
        rosa.category = Some(SponsorCategory::Three);
        let world = FlagInputs {
            sponsors: vec![rosa, sponsor(2, "Juan Pérez", vec![child(20, "Pedro")])],
        };
        let got = flags(&world, d(TODAY));
        assert_eq!(
            kinds(&got),
            vec![
                FlagKind::SponsorManyChildren,
                FlagKind::SponsorSeveralUnrelated
            ]
        );
        let many = &got[0];
        assert_eq!(
            many.explanation_en,
            "Rosa Ramírez sponsors 4 children (José, Ana, Luis, Marta)."
        );
        assert_eq!(
            many.explanation_es,
            "Rosa Ramírez patrocina a 4 menores (José, Ana, Luis, Marta)."
        );
        assert_eq!(many.key, "sponsor_many_children:1:10,11,12,13");
        assert_eq!(many.sponsor_id, Some(1));
        assert_eq!(many.child_id, None);
        assert!(got[1].explanation_en.contains("category 3"));
        assert!(got[1].explanation_es.contains("categoría 3"));
    }

    #[test]
    fn sponsor_thresholds() {
        // (children, category, expected kinds)
        let cases: [(usize, SponsorCategory, &[FlagKind]); 6] = [
            (1, SponsorCategory::Three, &[]),
            (
                2,
                SponsorCategory::Three,
                &[FlagKind::SponsorSeveralUnrelated],
            ),
            (2, SponsorCategory::One, &[]),
            (3, SponsorCategory::One, &[FlagKind::SponsorManyChildren]),
            (3, SponsorCategory::TwoB, &[FlagKind::SponsorManyChildren]),
            (
                3,
                SponsorCategory::Three,
                &[
                    FlagKind::SponsorManyChildren,
                    FlagKind::SponsorSeveralUnrelated,
                ],
            ),
        ];
        for (n, category, want) in cases {
            let children = (0..n)
                .map(|i| child(100 + i as i64, &format!("Child {i}")))
                .collect();
            let mut s = sponsor(1, "Rosa Ramírez", children);
            s.category = Some(category);
            let world = FlagInputs { sponsors: vec![s] };
            assert_eq!(
                kinds(&flags(&world, d(TODAY))),
                want.to_vec(),
                "{n} {category}"
            );
        }
    }

    #[test]
    fn a_phone_shared_by_two_sponsors_raises_exactly_one_flag() {
        let mut a = sponsor(1, "Rosa Ramírez", vec![child(10, "José")]);
        let mut b = sponsor(2, "Juan Pérez", vec![child(20, "Pedro")]);
        a.phones = vec!["+15550001111".into(), "+15550002222".into()];
        // The same number written with spaces, and listed twice by the same sponsor.
        b.phones = vec!["+1 555 000 1111".into(), "+15550001111".into()];
        let world = FlagInputs {
            sponsors: vec![a, b],
        };
        let got = flags(&world, d(TODAY));
        assert_eq!(kinds(&got), vec![FlagKind::SharedPhone]);
        assert_eq!(got[0].sponsor_ids, vec![1, 2]);
        assert_eq!(got[0].key, "shared_phone:+15550001111:1,2");
        assert_eq!(
            got[0].explanation_en,
            "2 different sponsors give the same phone +15550001111: Rosa Ramírez, Juan Pérez."
        );
        assert!(got[0].explanation_es.contains("mismo teléfono"));
    }

    #[test]
    fn a_phone_listed_twice_by_one_sponsor_is_not_shared() {
        let mut a = sponsor(1, "Rosa Ramírez", vec![]);
        a.phones = vec!["+15550001111".into(), "+15550001111".into()];
        assert_eq!(flags(&FlagInputs { sponsors: vec![a] }, d(TODAY)), vec![]);
    }

    #[test]
    fn an_address_shared_by_three_sponsors_raises_one_flag_naming_them() {
        let mut sponsors = vec![
            sponsor(3, "Carla Díaz", vec![]),
            sponsor(1, "Rosa Ramírez", vec![]),
            sponsor(2, "Juan Pérez", vec![]),
        ];
        for s in &mut sponsors {
            s.address_key = Some("123 main st|apt 4|houston|tx|77001".into());
        }
        let got = flags(&FlagInputs { sponsors }, d(TODAY));
        assert_eq!(kinds(&got), vec![FlagKind::SharedAddress]);
        assert_eq!(got[0].sponsor_ids, vec![1, 2, 3]);
        assert_eq!(got[0].key, "shared_address:1,2,3");
        assert_eq!(
            got[0].explanation_en,
            "3 different sponsors give the same address: Rosa Ramírez, Juan Pérez, Carla Díaz."
        );
    }

    #[test]
    fn nta_not_served_from_day_90() {
        let cases = [
            ("2026-12-29", None),     // day 89
            ("2026-12-30", Some(90)), // day 90
            ("2027-01-10", Some(101)),
        ];
        for (today, want) in cases {
            let mut c = child(10, "José");
            c.nta_status = NtaStatus::NotServed;
            let world = FlagInputs {
                sponsors: vec![sponsor(1, "Rosa Ramírez", vec![c])],
            };
            let got = flags(&world, d(today));
            match want {
                None => assert_eq!(got, vec![], "{today}"),
                Some(days) => {
                    assert_eq!(kinds(&got), vec![FlagKind::NtaNotServed90Days], "{today}");
                    assert!(got[0].explanation_en.contains(&format!("{days} days ago")));
                    assert!(got[0].explanation_es.contains(&format!("hace {days} días")));
                    assert_eq!(got[0].child_id, Some(10));
                    assert_eq!(got[0].sponsor_id, Some(1));
                }
            }
        }
        // Served or filed: no flag, however long ago.
        for status in [NtaStatus::Served, NtaStatus::Filed] {
            let mut c = child(10, "José");
            c.nta_status = status;
            let world = FlagInputs {
                sponsors: vec![sponsor(1, "Rosa Ramírez", vec![c])],
            };
            assert_eq!(flags(&world, d("2027-06-01")), vec![]);
        }
    }

    #[test]
    fn child_and_address_flags() {
        let mut c = child(10, "José");
        c.unreached = true;
        c.missed_hearing = true;
        c.eoir33_overdue_since = Some(d("2026-12-02"));
        let mut s = sponsor(1, "Rosa Ramírez", vec![c]);
        s.address_incomplete = Some("no unit number for an apartment building".into());
        let world = FlagInputs { sponsors: vec![s] };

        // Before the EOIR-33 is overdue.
        assert_eq!(
            kinds(&flags(&world, d("2026-12-01"))),
            vec![
                FlagKind::Unreached,
                FlagKind::IncompleteAddress,
                FlagKind::MissedHearing
            ]
        );
        let got = flags(&world, d("2026-12-02"));
        assert_eq!(
            kinds(&got),
            vec![
                FlagKind::Unreached,
                FlagKind::IncompleteAddress,
                FlagKind::MissedHearing,
                FlagKind::Eoir33Overdue
            ]
        );
        for f in &got {
            assert!(!f.explanation_en.is_empty() && !f.explanation_es.is_empty());
            assert_ne!(f.explanation_en, f.explanation_es);
        }
        assert_eq!(
            got[1].explanation_en,
            "Rosa Ramírez's address is incomplete: no unit number for an apartment building."
        );
        assert_eq!(got[3].key, "eoir33_overdue:10:2026-12-02");
    }

    #[test]
    fn flags_are_stable_and_keys_unique() {
        let mut rosa = sponsor(
            1,
            "Rosa Ramírez",
            vec![child(10, "José"), child(11, "Ana"), child(12, "Luis")],
        );
        rosa.category = Some(SponsorCategory::Three);
        let mut juan = sponsor(2, "Juan Pérez", vec![child(20, "Pedro")]);
        juan.phones = rosa.phones.clone();
        juan.address_key = rosa.address_key.clone();
        let world = FlagInputs {
            sponsors: vec![rosa, juan],
        };
        let first = flags(&world, d(TODAY));
        assert_eq!(first, flags(&world, d(TODAY)));
        let keys: BTreeSet<&str> = first.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys.len(), first.len());
        assert_eq!(first.len(), 4);
    }
}
