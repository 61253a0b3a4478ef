//! IPC types for casework: children, sponsors, proceedings, and the reference lists.
//! Mirrors of the store's views with 32-bit ids (see `ids`).

use serde::{Deserialize, Serialize};
use specta::Type;
use tether_core::casework::input as core_input;
use tether_store::casework as views;

use super::ids::{convert_all, ipc_id, IdOutOfRange};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum NtaStatus {
    NotServed,
    Served,
    Filed,
}

impl NtaStatus {
    fn parse(s: &str) -> NtaStatus {
        match s {
            "served" => NtaStatus::Served,
            "filed" => NtaStatus::Filed,
            _ => NtaStatus::NotServed,
        }
    }
}

impl From<NtaStatus> for tether_core::casework::NtaStatus {
    fn from(s: NtaStatus) -> Self {
        match s {
            NtaStatus::NotServed => tether_core::casework::NtaStatus::NotServed,
            NtaStatus::Served => tether_core::casework::NtaStatus::Served,
            NtaStatus::Filed => tether_core::casework::NtaStatus::Filed,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum HearingType {
    Master,
    Individual,
}

impl From<HearingType> for tether_core::casework::HearingType {
    fn from(k: HearingType) -> Self {
        match k {
            HearingType::Master => tether_core::casework::HearingType::Master,
            HearingType::Individual => tether_core::casework::HearingType::Individual,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ChildSummary {
    pub id: u32,
    pub case_number: String,
    pub given_name: String,
    pub family_name: String,
    pub primary_language: Option<String>,
    pub release_date: Option<String>,
    pub sponsor_name: Option<String>,
    /// `null` for volunteers (withheld), as every case detail they may not see.
    pub nta_status: Option<NtaStatus>,
    /// `open` or `closed`.
    pub status: String,
    /// Age in whole years today (`null`: no birth date, or withheld).
    pub age: Option<u32>,
    /// The assigned case manager's user name.
    pub assigned_to: Option<String>,
    /// ORR's category on this child's link to the sponsor.
    pub sponsor_category: Option<String>,
    pub closed_reason: Option<String>,
    /// The sponsor's relationship to the child (the link's).
    pub relationship: Option<String>,
}

impl TryFrom<views::ChildSummary> for ChildSummary {
    type Error = IdOutOfRange;
    fn try_from(c: views::ChildSummary) -> Result<Self, Self::Error> {
        Ok(ChildSummary {
            id: ipc_id(c.id)?,
            nta_status: c.nta_status.as_deref().map(NtaStatus::parse),
            case_number: c.case_number,
            given_name: c.given_name,
            family_name: c.family_name,
            primary_language: c.primary_language,
            release_date: c.release_date.flatten(),
            sponsor_name: c.sponsor_name,
            status: c.status,
            age: c.age,
            assigned_to: c.assigned_to,
            sponsor_category: c.sponsor_category.flatten(),
            closed_reason: c.closed_reason,
            relationship: c.relationship.flatten(),
        })
    }
}

/// One page of the Sponsors list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SponsorPage {
    /// How many active sponsors the query matches.
    pub total: u32,
    /// How many active sponsors there are.
    pub active: u32,
    pub sponsors: Vec<SponsorDetail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ChildPage {
    pub total: u32,
    pub items: Vec<ChildSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AddressView {
    pub line1: Option<String>,
    pub unit: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct AddressChange {
    pub id: u32,
    pub recorded_on: String,
    pub address: AddressView,
    pub eoir33_filed_on: Option<String>,
    /// `release` (the address at release, kept at the first move) or `move`.
    pub kind: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum HearingOutcome {
    Attended,
    Missed,
    Continued,
    RemovalOrdered,
    ReliefGranted,
    Terminated,
}

impl From<HearingOutcome> for tether_core::casework::HearingOutcome {
    fn from(o: HearingOutcome) -> Self {
        use tether_core::casework::HearingOutcome as C;
        match o {
            HearingOutcome::Attended => C::Attended,
            HearingOutcome::Missed => C::Missed,
            HearingOutcome::Continued => C::Continued,
            HearingOutcome::RemovalOrdered => C::RemovalOrdered,
            HearingOutcome::ReliefGranted => C::ReliefGranted,
            HearingOutcome::Terminated => C::Terminated,
        }
    }
}

/// A new address for a sponsor, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
pub struct AddressInput {
    pub address_line1: String,
    pub address_line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub time_zone: Option<String>,
}

impl From<AddressInput> for core_input::SponsorInput {
    fn from(a: AddressInput) -> Self {
        core_input::SponsorInput {
            address_line1: a.address_line1,
            address_line2: a.address_line2,
            city: a.city,
            state: a.state,
            postal_code: a.postal_code,
            time_zone: a.time_zone.filter(|t| !t.trim().is_empty()),
            ..core_input::SponsorInput::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SponsorDetail {
    pub id: u32,
    pub given_name: String,
    pub family_name: String,
    pub category: Option<String>,
    /// E.164, as stored (for `tel:` links and scripts).
    pub phones: Vec<String>,
    /// The same phones as people write them: `(713) 555-0142`, `+502 5123 4567`.
    pub phones_display: Vec<String>,
    pub address: Option<AddressView>,
    pub address_incomplete: Option<String>,
    pub time_zone: String,
    pub children: Vec<ChildSummary>,
    pub address_history: Vec<AddressChange>,
    /// Numbers a call found not working (E.164; also in `phones`, listed last).
    pub phones_not_working: Vec<String>,
    /// The day each of `phones_not_working` failed on a call, in the same order.
    pub phones_not_working_since: Vec<String>,
    /// `active`, `merged` or `voided`.
    pub status: String,
    /// Sponsor records merged into this one.
    pub merged_from: Vec<u32>,
    /// The other people in the sponsor's home.
    pub household: Vec<HouseholdMember>,
}

/// Someone else in the sponsor's home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct HouseholdMember {
    pub name: String,
    pub relationship: String,
}

impl From<HouseholdMember> for views::HouseholdMember {
    fn from(m: HouseholdMember) -> Self {
        views::HouseholdMember {
            name: m.name,
            relationship: m.relationship,
        }
    }
}

pub(crate) fn address_view(a: views::AddressView) -> AddressView {
    AddressView {
        line1: a.line1,
        unit: a.unit,
        city: a.city,
        state: a.state,
        postal_code: a.postal_code,
    }
}

impl TryFrom<views::SponsorView> for SponsorDetail {
    type Error = IdOutOfRange;
    fn try_from(s: views::SponsorView) -> Result<Self, Self::Error> {
        Ok(SponsorDetail {
            id: ipc_id(s.id)?,
            given_name: s.given_name,
            family_name: s.family_name,
            category: s.category.flatten(),
            phones_display: s.phones.iter().map(|p| super::phone_display(p)).collect(),
            phones: s.phones,
            address: s.address.map(address_view),
            address_incomplete: s.address_incomplete.flatten(),
            time_zone: s.time_zone,
            phones_not_working_since: s
                .phones_not_working
                .iter()
                .map(|p| p.since.clone())
                .collect(),
            phones_not_working: s.phones_not_working.into_iter().map(|p| p.phone).collect(),
            status: s.status,
            merged_from: s
                .merged_from
                .into_iter()
                .map(ipc_id)
                .collect::<Result<_, _>>()?,
            household: s
                .household
                .into_iter()
                .map(|m| HouseholdMember {
                    name: m.name,
                    relationship: m.relationship,
                })
                .collect(),
            children: convert_all(s.children)?,
            address_history: s
                .address_history
                .into_iter()
                .map(|c| {
                    Ok(AddressChange {
                        id: ipc_id(c.id)?,
                        recorded_on: c.recorded_on,
                        address: address_view(c.address),
                        eoir33_filed_on: c.eoir33_filed_on,
                        kind: c.kind,
                    })
                })
                .collect::<Result<_, IdOutOfRange>>()?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CourtView {
    pub code: String,
    pub name: String,
    pub address: Vec<String>,
    pub time_zone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HearingView {
    pub id: u32,
    pub at: String,
    pub court_code: String,
    pub court_name: Option<String>,
    pub time_zone: Option<String>,
    pub kind: HearingType,
    pub judge: Option<String>,
    pub outcome: Option<String>,
}

impl TryFrom<views::HearingView> for HearingView {
    type Error = IdOutOfRange;
    fn try_from(h: views::HearingView) -> Result<Self, Self::Error> {
        Ok(HearingView {
            id: ipc_id(h.id)?,
            at: h.at,
            court_code: h.court_code,
            court_name: h.court_name,
            time_zone: h.time_zone,
            kind: if h.kind == "individual" {
                HearingType::Individual
            } else {
                HearingType::Master
            },
            judge: h.judge,
            outcome: h.outcome,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ChildDetail {
    pub id: u32,
    pub case_number: String,
    pub given_name: String,
    pub family_name: String,
    pub aliases: Vec<String>,
    pub birth_date: Option<String>,
    pub sex: Option<String>,
    pub a_number: Option<String>,
    pub a_number_display: Option<String>,
    pub country_of_birth: Option<String>,
    pub primary_language: Option<String>,
    pub primary_language_name: Option<String>,
    pub interpreter_needed: bool,
    pub release_date: Option<String>,
    pub orr_program: Option<String>,
    pub relationship: Option<String>,
    pub notes: String,
    pub sponsor: Option<SponsorDetail>,
    /// `null` for volunteers (withheld).
    pub nta_status: Option<NtaStatus>,
    pub nta_served_on: Option<String>,
    pub court: Option<CourtView>,
    pub hearings: Vec<HearingView>,
    pub attorney: Option<String>,
    pub last_acis_check: Option<String>,
    /// ORR's category of the sponsor for this child (the link's).
    pub sponsor_category: Option<String>,
    /// `open`, `closed`, `voided` or `merged`.
    pub status: String,
    pub closed_reason: Option<String>,
    pub closed_on: Option<String>,
    pub void_reason: Option<String>,
    pub age: Option<u32>,
    pub assigned_to: Option<String>,
    pub created_by: Option<String>,
    /// Case numbers of the duplicates merged into this case.
    pub merged_from: Vec<String>,
}

impl TryFrom<views::ChildView> for ChildDetail {
    type Error = IdOutOfRange;
    fn try_from(c: views::ChildView) -> Result<Self, Self::Error> {
        Ok(ChildDetail {
            id: ipc_id(c.id)?,
            case_number: c.case_number,
            given_name: c.given_name,
            family_name: c.family_name,
            aliases: c.aliases,
            // A field withheld from this role and one not recorded both arrive as null.
            birth_date: c.birth_date.flatten(),
            sex: c.sex.flatten(),
            a_number: c.a_number,
            a_number_display: c.a_number_display,
            country_of_birth: c.country_of_birth.flatten(),
            primary_language: c.primary_language,
            primary_language_name: c.primary_language_name,
            interpreter_needed: c.interpreter_needed,
            release_date: c.release_date.flatten(),
            orr_program: c.orr_program.flatten(),
            relationship: c.relationship.flatten(),
            notes: c.notes,
            sponsor: c.sponsor.map(SponsorDetail::try_from).transpose()?,
            nta_status: c.nta_status.as_deref().map(NtaStatus::parse),
            nta_served_on: c.nta_served_on.flatten(),
            court: c.court.map(|k| CourtView {
                code: k.code,
                name: k.name,
                address: k.address,
                time_zone: k.time_zone,
            }),
            hearings: convert_all(c.hearings)?,
            attorney: c.attorney,
            last_acis_check: c.last_acis_check,
            sponsor_category: c.sponsor_category.flatten(),
            status: c.status,
            closed_reason: c.closed_reason,
            closed_on: c.closed_on,
            void_reason: c.void_reason,
            age: c.age,
            assigned_to: c.assigned_to,
            created_by: c.created_by,
            merged_from: c.merged_from,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SponsorInput {
    pub given_name: String,
    pub family_name: String,
    pub category: String,
    pub phones: Vec<String>,
    pub address_line1: String,
    pub address_line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub time_zone: Option<String>,
}

impl From<core_input::SponsorInput> for SponsorInput {
    fn from(s: core_input::SponsorInput) -> Self {
        SponsorInput {
            given_name: s.given_name,
            family_name: s.family_name,
            category: s.category,
            phones: s.phones,
            address_line1: s.address_line1,
            address_line2: s.address_line2,
            city: s.city,
            state: s.state,
            postal_code: s.postal_code,
            time_zone: s.time_zone,
        }
    }
}

/// What the sponsor form shows to edit: the fields, and the household.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SponsorForm {
    pub input: SponsorInput,
    pub household: Vec<HouseholdMember>,
}

impl From<SponsorInput> for core_input::SponsorInput {
    fn from(s: SponsorInput) -> Self {
        core_input::SponsorInput {
            given_name: s.given_name,
            family_name: s.family_name,
            category: s.category,
            phones: s.phones,
            address_line1: s.address_line1,
            address_line2: s.address_line2,
            city: s.city,
            state: s.state,
            postal_code: s.postal_code,
            time_zone: s.time_zone.filter(|t| !t.trim().is_empty()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
pub struct ChildInput {
    pub given_name: String,
    pub family_name: String,
    pub aliases: Vec<String>,
    pub birth_date: String,
    pub sex: String,
    pub a_number: String,
    pub country_of_birth: String,
    pub primary_language: String,
    pub interpreter_needed: String,
    pub release_date: String,
    pub orr_program: String,
    pub relationship: String,
    pub notes: String,
}

impl From<ChildInput> for core_input::ChildInput {
    fn from(c: ChildInput) -> Self {
        core_input::ChildInput {
            given_name: c.given_name,
            family_name: c.family_name,
            aliases: c.aliases,
            birth_date: c.birth_date,
            sex: c.sex,
            a_number: c.a_number,
            country_of_birth: c.country_of_birth,
            primary_language: c.primary_language,
            interpreter_needed: c.interpreter_needed,
            release_date: c.release_date,
            orr_program: c.orr_program,
            relationship: c.relationship,
            notes: c.notes,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Type)]
pub struct ProceedingsInput {
    pub nta_status: String,
    pub nta_served_on: String,
    pub court_code: String,
    pub next_hearing: String,
}

impl From<ProceedingsInput> for core_input::ProceedingsInput {
    fn from(p: ProceedingsInput) -> Self {
        core_input::ProceedingsInput {
            nta_status: p.nta_status,
            nta_served_on: p.nta_served_on,
            court_code: p.court_code,
            next_hearing: p.next_hearing,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PossibleDuplicate {
    pub kind: String,
    pub id: u32,
    pub label: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum CreateResult {
    Created {
        id: u32,
        case_number: Option<String>,
    },
    NeedsConfirmation {
        matches: Vec<PossibleDuplicate>,
    },
}

impl TryFrom<views::CreateOutcome> for CreateResult {
    type Error = IdOutOfRange;
    fn try_from(o: views::CreateOutcome) -> Result<Self, Self::Error> {
        Ok(match o {
            views::CreateOutcome::Created { id, case_number } => CreateResult::Created {
                id: ipc_id(id)?,
                case_number,
            },
            views::CreateOutcome::NeedsConfirmation { matches } => {
                CreateResult::NeedsConfirmation {
                    matches: matches
                        .into_iter()
                        .map(|m| {
                            Ok(PossibleDuplicate {
                                kind: m.kind.into(),
                                id: ipc_id(m.id)?,
                                label: m.label,
                                reason: m.reason.into(),
                            })
                        })
                        .collect::<Result<_, IdOutOfRange>>()?,
                }
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CourtOption {
    pub code: String,
    pub name: String,
    pub time_zone: String,
    /// Where the court sits, for the picker's filter and its labels.
    pub city: String,
    /// USPS code, e.g. `TX`.
    pub state: String,
}

/// A country of the shipped list (ISO 3166-1 alpha-2) with its English and Spanish names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CountryOption {
    pub code: String,
    pub name_en: String,
    pub name_es: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LanguageOption {
    pub code: String,
    pub name_en: String,
    pub name_es: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: i64) -> views::ChildSummary {
        views::ChildSummary {
            id,
            case_number: "2026-00001".into(),
            given_name: "José".into(),
            family_name: "Ramírez".into(),
            primary_language: None,
            release_date: Some(None),
            sponsor_name: None,
            nta_status: Some("served".into()),
            status: "open".into(),
            age: Some(16),
            assigned_to: Some("ana".into()),
            sponsor_category: Some(Some("1".into())),
            closed_reason: None,
            relationship: Some(Some("tía".into())),
        }
    }

    #[test]
    fn a_store_id_past_u32_is_refused_not_saturated() {
        let ok = ChildSummary::try_from(summary(7));
        assert_eq!(
            ok.map(|c| (c.id, c.nta_status)),
            Ok((7, Some(NtaStatus::Served)))
        );
        let big = 1_i64 << 33;
        assert_eq!(ChildSummary::try_from(summary(big)), Err(IdOutOfRange(big)));
    }
}
