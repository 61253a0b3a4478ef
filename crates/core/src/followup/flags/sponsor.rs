//! The flags about one sponsor: many children, several children in category 3, an
//! incomplete address.

use std::collections::BTreeSet;

use super::{join_ids, ChildFacts, Flag, FlagKind, SponsorFacts};

/// Children per sponsor from which the sponsor is flagged.
pub const MANY_CHILDREN: usize = 3;

pub(super) fn sponsor_flags(sponsor: &SponsorFacts, out: &mut Vec<Flag>) {
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
    let unrelated: Vec<ChildFacts> = children
        .iter()
        .filter(|c| c.category.is_some_and(|c| c.is_distant_or_unrelated()))
        .cloned()
        .collect();
    if unrelated.len() > 1 {
        let (m, names, ids) = (
            unrelated.len(),
            child_names(&unrelated),
            child_ids(&unrelated),
        );
        out.push(one(
            FlagKind::SponsorSeveralUnrelated,
            format!("sponsor_several_unrelated:{}:{ids}", sponsor.id),
            format!(
                "{} sponsors {m} children in category 3 (distant relative or unrelated adult): {names}.",
                sponsor.name
            ),
            format!(
                "{} patrocina a {m} menores en la categoría 3 (familiar lejano o adulto sin parentesco): {names}.",
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
