//! The flags about an address or a phone that different sponsors give: one flag per address
//! or phone, naming the sponsors.

use std::collections::BTreeMap;

use super::{join_ids, Flag, FlagInputs, FlagKind};

pub(super) fn shared_flags(world: &FlagInputs, out: &mut Vec<Flag>) {
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
