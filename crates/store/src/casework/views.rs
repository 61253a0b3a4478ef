//! What a reader gets back: plain, serialisable views, already redacted for the reader's role.
//!
//! A field a role may not see is left out of the JSON, not sent empty: such a field is
//! `Option<…>` with `skip_serializing_if`; where the value itself may be unknown it is
//! `Option<Option<…>>`: `None` = withheld (no key), `Some(None)` = not recorded (`null`, as
//! staff have always seen it). Lists and notes a volunteer may not see come empty.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddressView {
    pub line1: Option<String>,
    pub unit: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub postal_code: Option<String>,
}

/// One page of the Sponsors list (`Session::list_sponsors_page`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SponsorPage {
    /// How many active sponsors the query matches.
    pub total: u32,
    /// How many active sponsors there are.
    pub active: u32,
    pub items: Vec<SponsorView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SponsorView {
    pub id: i64,
    pub given_name: String,
    pub family_name: String,
    /// Read with a child: ORR's category on that child's link. Read alone: the category
    /// given when the sponsor was entered (each child in `children` has its link's own).
    /// Withheld from volunteers (`None`); `Some(None)` when not recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Option<String>>,
    /// E.164, working numbers first.
    pub phones: Vec<String>,
    /// Numbers a call found not working (`wrong_number`), with the day; also in `phones`, last.
    pub phones_not_working: Vec<NotWorkingPhone>,
    /// `active`, `merged` or `voided`.
    pub status: String,
    /// Sponsor numbers merged into this one.
    pub merged_from: Vec<i64>,
    /// The other people living with the sponsor (empty for volunteers).
    pub household: Vec<HouseholdMember>,
    /// Absent for volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<AddressView>,
    /// Why the address cannot be relied on, if it cannot. Withheld from volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_incomplete: Option<Option<String>>,
    pub time_zone: String,
    pub children: Vec<ChildSummary>,
    /// Earlier and current addresses recorded as changes, newest first (absent for volunteers).
    pub address_history: Vec<AddressChangeView>,
}

/// Someone else living in the sponsor's home, as the sponsor named them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct HouseholdMember {
    pub name: String,
    /// To the sponsor ("wife", "cuñado", "roommate").
    pub relationship: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotWorkingPhone {
    /// E.164.
    pub phone: String,
    pub since: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddressChangeView {
    pub id: i64,
    /// The day the new address was learned (starts the EOIR-33 deadline).
    pub recorded_on: String,
    pub address: AddressView,
    pub eoir33_filed_on: Option<String>,
    /// `release` (the address the sponsor had when the first move was recorded: no EOIR-33)
    /// or `move`.
    pub kind: String,
}

/// An address a volunteer reported on a call, waiting for a case manager (`tether address
/// pending --json`). Not applied: the sponsor's address and the EOIR-33 deadline wait for
/// the confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingAddressView {
    pub id: i64,
    pub sponsor_id: i64,
    pub sponsor_name: String,
    pub child_id: Option<i64>,
    pub case_number: Option<String>,
    pub call_id: Option<i64>,
    pub reported_by: String,
    /// The sponsor's local day of the call.
    pub reported_on: String,
    pub address: AddressView,
    /// The sponsor's address now, to compare.
    pub current_address: AddressView,
    /// `pending`, `confirmed` or `rejected`.
    pub status: String,
    pub decided_by: Option<String>,
    pub decided_on: Option<String>,
    /// Why it was rejected.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HearingView {
    pub id: i64,
    /// `YYYY-MM-DD HH:MM` in the court's time zone.
    pub at: String,
    pub court_code: String,
    pub court_name: Option<String>,
    pub time_zone: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub judge: Option<String>,
    pub outcome: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CourtView {
    pub code: String,
    pub name: String,
    pub address: Vec<String>,
    pub time_zone: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChildView {
    pub id: i64,
    pub case_number: String,
    pub given_name: String,
    /// Only the initial for volunteers.
    pub family_name: String,
    /// Empty for volunteers.
    pub aliases: Vec<String>,
    /// `YYYY-MM-DD` or `~YYYY`. This and every `Option<Option<…>>` below: withheld from
    /// volunteers (no key), `Some(None)` when not recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Option<String>>,
    /// Normalised `A123456789`; absent for volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a_number: Option<String>,
    /// `A123-456-789`; absent for volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a_number_display: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_of_birth: Option<Option<String>>,
    /// ISO 639-3.
    pub primary_language: Option<String>,
    pub primary_language_name: Option<String>,
    pub interpreter_needed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release_date: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orr_program: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Option<String>>,
    /// Empty for volunteers.
    pub notes: String,
    pub sponsor: Option<SponsorView>,
    /// `not_served`, `served` or `filed`; withheld from volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nta_status: Option<String>,
    /// Withheld from volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nta_served_on: Option<Option<String>>,
    /// Absent for volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub court: Option<CourtView>,
    /// Empty for volunteers (no court detail).
    pub hearings: Vec<HearingView>,
    /// Attorney of record (absent for volunteers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attorney: Option<String>,
    /// Last check of the case in EOIR's ACIS (1-800-898-7180), absent for volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_acis_check: Option<String>,
    /// ORR's sponsor category on this child's link to the sponsor (1, 2A, 2B, 3, 4); withheld
    /// from volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sponsor_category: Option<Option<String>>,
    /// `open`, `closed`, `voided` (entered by mistake) or `merged` (into another case).
    pub status: String,
    /// Why the case closed (`turned_18`, `transferred`, …), while it is closed (absent
    /// otherwise, and for volunteers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<String>,
    /// Why the record was voided (withheld from volunteers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub void_reason: Option<String>,
    /// Age in whole years today (withheld from volunteers; none without a birth date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// The assigned case manager's user name (withheld from volunteers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_to_id: Option<i64>,
    /// Who entered the case (withheld from volunteers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_by: Option<String>,
    /// Case numbers of the duplicates merged into this case (they still find it); empty for
    /// volunteers.
    pub merged_from: Vec<String>,
}

/// One line of a list or a search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChildSummary {
    pub id: i64,
    pub case_number: String,
    pub given_name: String,
    pub family_name: String,
    pub primary_language: Option<String>,
    /// Withheld from volunteers (no key); `Some(None)` when not recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release_date: Option<Option<String>>,
    pub sponsor_name: Option<String>,
    /// Withheld from volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nta_status: Option<String>,
    /// `open` or `closed` (lists never show voided or merged records).
    pub status: String,
    /// Withheld from volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    /// The category on the child's link to the sponsor; withheld from volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sponsor_category: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_reason: Option<String>,
    /// The sponsor's relationship to the child (the link's); withheld from volunteers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Option<String>>,
}

/// A likely duplicate found before a create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PossibleDuplicate {
    pub kind: &'static str,
    pub id: i64,
    pub label: String,
    /// `same_name_and_birth_date`, `same_a_number`, `same_phone`, `same_address`, `same_name`.
    pub reason: &'static str,
}

/// The result of a create that checks for duplicates first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum CreateOutcome {
    Created {
        id: i64,
        case_number: Option<String>,
    },
    NeedsConfirmation {
        matches: Vec<PossibleDuplicate>,
    },
}
