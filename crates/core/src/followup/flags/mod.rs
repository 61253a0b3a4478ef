//! Red flags: computed from the caseload's facts, each explained in English and Spanish, never
//! silent. Each flag has a stable `key`; the store records acknowledgements against it. A key
//! changes when the facts behind the flag change in a way that deserves a fresh look (a new
//! child for a sponsor, a different set of sponsors sharing an address).
//!
//! Rules:
//! - a sponsor with 3 or more children;
//! - a sponsor who is category 3 (distant relative or unrelated adult) for more than one of
//!   their children (the category is recorded on each child's link to the sponsor);
//! - an address, or a phone, given by different sponsors: one flag per address or phone,
//!   naming the sponsors;
//! - a child unreached after all call attempts;
//! - a sponsor's incomplete address;
//! - NTA not served 90 or more days after release;
//! - a missed hearing;
//! - an EOIR-33 deadline passed;
//! - a concern a call raised (not safe, not with the sponsor, a safety concern), until a person
//!   closes its escalation;
//! - a school-age child not enrolled in school, as the latest call says.
//!
//! `sponsor.rs` raises the flags about one sponsor, `child.rs` those about one child,
//! `shared.rs` those about an address or phone several sponsors give. This file holds the
//! shapes and `flags`, which gathers them.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::casework::{NtaStatus, SponsorCategory};

mod child;
mod shared;
mod sponsor;

#[cfg(test)]
mod tests;

pub use child::NTA_NOT_SERVED_FLAG_DAYS;
pub use sponsor::MANY_CHILDREN;

use child::child_flags;
use shared::shared_flags;
use sponsor::sponsor_flags;

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
    /// A call raised a concern (not safe, not with the sponsor, a safety concern) that no one
    /// has closed yet.
    SafetyConcern,
    /// A school-age child said on the latest call that they are not enrolled in school.
    NotInSchool,
    /// A legal deadline (`legal::Deadline`) within 180 days of its last day, or past it.
    LegalDeadline,
    /// A screening answer on a call touches a child-labour limit.
    ChildLabour,
    /// A screening answer on a call is a trafficking indicator.
    TraffickingIndicator,
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
            FlagKind::SafetyConcern => "safety_concern",
            FlagKind::NotInSchool => "not_in_school",
            FlagKind::LegalDeadline => "legal_deadline",
            FlagKind::ChildLabour => "child_labour",
            FlagKind::TraffickingIndicator => "trafficking_indicator",
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
    /// Concerns raised on calls and not yet closed by a person (open escalations).
    #[serde(default)]
    pub open_concerns: Vec<OpenConcern>,
    /// The day of the latest call on which this school-age child said they are not enrolled.
    #[serde(default)]
    pub not_in_school_since: Option<NaiveDate>,
    /// ORR's sponsor category on this child's link to the sponsor: it describes the sponsor
    /// *for this child* (a parent of one child may be a family friend of another).
    #[serde(default)]
    pub category: Option<SponsorCategory>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenConcern {
    pub reason: crate::followup::EscalationReason,
    pub since: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SponsorFacts {
    pub id: i64,
    pub name: String,
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

/// Ids as they appear in flag keys: in the order given, joined by `,`.
fn join_ids(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}
