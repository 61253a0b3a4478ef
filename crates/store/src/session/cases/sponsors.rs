//! Sponsors: creating (with the duplicate check), reading (audited), listing, and recording a
//! move (which starts the EOIR-33 deadline for every child they sponsor), and the decision on
//! an address a volunteer reported on a call.

use chrono::NaiveDate;
use tether_core::casework::input::SponsorInput;
use tether_core::casework::redaction::Visibility;
use tether_core::casework::{FieldError, SponsorCategory};
use tether_core::{AuditAction, Permission};

use super::Changed;
use crate::audit_log::Target;
use crate::casework::{
    address_reports, children, search, sponsors as rows, ChildView, CreateOutcome, HouseholdMember,
    PendingAddressView, SponsorPage, SponsorView,
};
use crate::error::{Result, StoreError};
use crate::session::Session;

impl Session {
    /// Creates a sponsor, unless likely duplicates exist and `confirm` is false.
    pub fn create_sponsor(&mut self, input: &SponsorInput, confirm: bool) -> Result<CreateOutcome> {
        self.authorize(
            Permission::EditCases,
            AuditAction::SponsorCreated,
            Target::new("sponsor", ""),
        )?;
        let draft = &input.validate().map_err(StoreError::invalid_fields)?;
        if !confirm {
            let matches = rows::sponsor_duplicates(&self.conn, draft)?;
            if !matches.is_empty() {
                return Ok(CreateOutcome::NeedsConfirmation { matches });
            }
        }
        self.change_case(|tx, _| {
            let id = rows::insert_sponsor(tx, draft, None)?;
            let created = CreateOutcome::Created {
                id,
                case_number: None,
            };
            Ok(Changed::new(
                created,
                AuditAction::SponsorCreated,
                "sponsor",
                id,
            ))
        })
    }

    /// The sponsor with their children, redacted for the reader's role. Audited.
    pub fn show_sponsor(&mut self, id: i64) -> Result<SponsorView> {
        self.authorize_viewing_sponsors()?;
        let vis = self.visibility();
        self.audited_read(AuditAction::SponsorViewed, "sponsor", |tx| {
            Ok((id, rows::load_sponsor(tx, id, &vis, true)?))
        })
    }

    /// Every sponsor, redacted for the reader's role. Audited with the number listed: it is
    /// every sponsor's address at once.
    pub fn list_sponsors(&mut self) -> Result<Vec<SponsorView>> {
        self.authorize_viewing_sponsors()?;
        let vis = self.visibility();
        self.audited_bulk_read(AuditAction::SponsorsListed, "sponsor", |tx| {
            let listed = rows::ids_by_name(tx)?
                .into_iter()
                .map(|id| rows::load_sponsor(tx, id, &vis, true))
                .collect::<Result<Vec<_>>>()?;
            let count = listed.len();
            Ok((String::new(), listed, count))
        })
    }

    /// One page of the active sponsors `query` matches (a name, or a number being typed: see
    /// `SponsorQuery`), by family then given name, redacted for the reader's role. Audited like
    /// `list_sponsors`, with the number on the page.
    pub fn list_sponsors_page(
        &mut self,
        query: &str,
        offset: u32,
        limit: u32,
    ) -> Result<SponsorPage> {
        self.authorize_viewing_sponsors()?;
        if limit == 0 {
            return Err(StoreError::invalid(
                "limit",
                "must be at least 1 (how many rows a page holds)",
            ));
        }
        let limit = limit.min(crate::followup::PageRange::MAX_LIMIT);
        let vis = self.visibility();
        let query = rows::SponsorQuery::parse(query);
        self.audited_bulk_read(AuditAction::SponsorsListed, "sponsor", |tx| {
            let (ids, total) = rows::page_ids(tx, &query, offset, limit)?;
            let items = ids
                .into_iter()
                .map(|id| rows::load_sponsor(tx, id, &vis, true))
                .collect::<Result<Vec<_>>>()?;
            let count = items.len();
            let page = SponsorPage {
                total,
                active: rows::active_count(tx)?,
                items,
            };
            Ok((String::new(), page, count))
        })
    }

    fn authorize_viewing_sponsors(&mut self) -> Result<()> {
        self.authorize(
            Permission::ViewCases,
            AuditAction::SponsorViewed,
            Target::new("sponsor", ""),
        )
    }

    /// The sponsor moved: the new address replaces the current one and the change is kept
    /// with the day it was learned (the EOIR-33 deadline runs from it).
    pub fn record_address_change(
        &mut self,
        sponsor_id: i64,
        address: &SponsorInput,
        recorded_on: NaiveDate,
    ) -> Result<SponsorView> {
        self.authorize(
            Permission::EditCases,
            AuditAction::AddressChanged,
            Target::new("sponsor", &sponsor_id.to_string()),
        )?;
        if recorded_on > self.today() {
            return Err(self.in_future("recorded_on", "the date of the change", Some(recorded_on)));
        }
        let input = SponsorInput {
            address_line1: address.address_line1.clone(),
            address_line2: address.address_line2.clone(),
            city: address.city.clone(),
            state: address.state.clone(),
            postal_code: address.postal_code.clone(),
            time_zone: address.time_zone.clone(),
            ..rows::sponsor_input(&self.conn, sponsor_id)?
        };
        let draft = input.validate().map_err(StoreError::invalid_fields)?;
        if draft.address.is_none() {
            return Err(StoreError::invalid_field(FieldError::new(
                "address_line1",
                "required",
                "enter the new address",
            )));
        }
        self.change_case(|tx, _| {
            let detail = rows::move_detail(tx, sponsor_id, &draft, recorded_on, None)?;
            let change = rows::record_address_change(tx, sponsor_id, &draft, recorded_on)?;
            let moved = children::sponsored_by(tx, sponsor_id)?;
            Ok(
                Changed::new((), AuditAction::AddressChanged, "address_change", change)
                    .and_history_of(moved.clone(), "address_changed", &detail)
                    .reschedule(moved),
            )
        })?;
        rows::load_sponsor(&self.conn, sponsor_id, &self.visibility(), true)
    }

    /// Replaces what a sponsor form holds: names, phones (a number that stays keeps its
    /// not-working mark), the category given at entry, the time zone, the household, and the
    /// address as a *correction* (a typo, not a move: no EOIR-33; a move is
    /// `record_address_change`). Every child of the sponsor gets the edit in their history,
    /// with the fields it changed.
    pub fn update_sponsor(
        &mut self,
        sponsor_id: i64,
        input: &SponsorInput,
        household: &[HouseholdMember],
    ) -> Result<SponsorView> {
        self.authorize(
            Permission::EditCases,
            AuditAction::SponsorUpdated,
            Target::new("sponsor", &sponsor_id.to_string()),
        )?;
        let draft = input.validate().map_err(StoreError::invalid_fields)?;
        let household = checked_household(household)?;
        let before = rows::load_sponsor(&self.conn, sponsor_id, &Visibility::EVERYTHING, false)?;
        if before.status != "active" {
            return Err(StoreError::Conflict(format!(
                "sponsor {sponsor_id} was {}: edit the sponsor it was merged into",
                before.status
            )));
        }
        self.change_case(|tx, _| {
            rows::update_sponsor(tx, sponsor_id, &draft, &household)?;
            let after = rows::load_sponsor(tx, sponsor_id, &Visibility::EVERYTHING, false)?;
            let fields = sponsor_changed_fields(&before, &after);
            let children = children::sponsored_by(tx, sponsor_id)?;
            for &child in &children {
                search::index_child(tx, child)?;
            }
            let detail = serde_json::json!({ "sponsor_id": sponsor_id, "fields": fields });
            Ok(
                Changed::new((), AuditAction::SponsorUpdated, "sponsor", sponsor_id)
                    .and_history_of(children.clone(), "sponsor_updated", &detail)
                    .reschedule(children),
            )
        })?;
        rows::load_sponsor(&self.conn, sponsor_id, &self.visibility(), true)
    }

    /// `dup` is the same person as `keep`: their children, numbers and address history move
    /// to `keep`; `dup` stays, marked merged, and leaves the lists.
    pub fn merge_sponsors(&mut self, keep: i64, dup: i64) -> Result<SponsorView> {
        self.authorize(
            Permission::EditCases,
            AuditAction::SponsorMerged,
            Target::new("sponsor", &dup.to_string()),
        )?;
        if keep == dup {
            return Err(StoreError::Conflict(format!(
                "sponsor {keep} cannot be merged into itself"
            )));
        }
        for id in [keep, dup] {
            let s = rows::load_sponsor(&self.conn, id, &Visibility::EVERYTHING, false)?;
            if s.status != "active" {
                return Err(StoreError::Conflict(format!(
                    "sponsor {id} was already {}",
                    s.status
                )));
            }
        }
        self.change_case(|tx, _| {
            let moved = rows::merge_sponsors(tx, keep, dup)?;
            let everyone = children::sponsored_by(tx, keep)?;
            for &child in &everyone {
                search::index_child(tx, child)?;
            }
            let detail =
                serde_json::json!({ "kept": keep, "merged": dup, "children_moved": moved });
            Ok(Changed::new((), AuditAction::SponsorMerged, "sponsor", dup)
                .and_history_of(everyone.clone(), "sponsor_merged", &detail)
                .reschedule(everyone))
        })?;
        rows::load_sponsor(&self.conn, keep, &self.visibility(), true)
    }

    /// Sets the child's link to a sponsor: which sponsor (`None` keeps the current one), ORR's
    /// category *for this child* and the sponsor's relationship to them (`None` keeps each;
    /// an empty text clears it).
    pub fn link_sponsor(
        &mut self,
        id_or_case: &str,
        sponsor_id: Option<i64>,
        category: Option<&str>,
        relationship: Option<&str>,
    ) -> Result<ChildView> {
        let (id, _) = self.change_child(
            AuditAction::SponsorLinked,
            Target::new("child", ""),
            |s| {
                let category = match category.map(str::trim) {
                    Some("") => Some(None),
                    Some(raw) => Some(Some(
                        SponsorCategory::parse(raw)
                            .map_err(|e| {
                                StoreError::invalid_field(FieldError::from_error(
                                    "sponsor_category",
                                    &e,
                                ))
                            })?
                            .as_str(),
                    )),
                    None => None,
                };
                let relationship = relationship.map(|r| r.trim().to_owned());
                if relationship.as_ref().is_some_and(|r| r.chars().count() > 200) {
                    return Err(super::too_long(
                        "relationship",
                        "the relationship",
                        relationship.as_deref(),
                    ));
                }
                if let Some(sid) = sponsor_id {
                    let sponsor = rows::load_sponsor(&s.conn, sid, &Visibility::EVERYTHING, false)?;
                    if sponsor.status != "active" {
                        return Err(StoreError::Conflict(format!(
                            "sponsor {sid} was {}: link the sponsor it was merged into",
                            sponsor.status
                        )));
                    }
                }
                let child = s.child_id(id_or_case)?;
                let has_sponsor = children::load_child(&s.conn, child, &Visibility::EVERYTHING)?
                    .sponsor
                    .is_some();
                if sponsor_id.is_none() && !has_sponsor {
                    return Err(StoreError::invalid_field(FieldError::new(
                        "sponsor",
                        "required",
                        "the child has no sponsor yet: name one (--sponsor ID) to link",
                    )));
                }
                Ok((child, (category, relationship)))
            },
            |tx, id, (category, relationship)| {
                let before = children::load_child(tx, id, &Visibility::EVERYTHING)?;
                let old_sponsor = before.sponsor.as_ref().map(|s| s.id);
                let sponsor = sponsor_id.or(old_sponsor);
                let category = match category {
                    Some(c) => c.map(str::to_owned),
                    None => before.sponsor_category.clone().flatten(),
                };
                let relationship = match relationship {
                    Some(r) => Some(r).filter(|r| !r.is_empty()),
                    None => before.relationship.clone().flatten(),
                };
                rows::link_child(tx, id, sponsor, category.as_deref(), relationship.as_deref())?;
                search::index_child(tx, id)?;
                Ok((
                    "child",
                    id,
                    serde_json::json!({
                        "sponsor": { "from": old_sponsor, "to": sponsor },
                        "category": { "from": before.sponsor_category.flatten(), "to": category },
                        "relationship": { "from": before.relationship.flatten(), "to": relationship },
                    }),
                ))
            },
        )?;
        self.child_view(id)
    }

    /// What the sponsor form shows, to edit (`update_sponsor` takes it back): audited as a
    /// read of the sponsor.
    pub fn sponsor_form(
        &mut self,
        sponsor_id: i64,
    ) -> Result<(SponsorInput, Vec<HouseholdMember>)> {
        self.authorize(
            Permission::EditCases,
            AuditAction::SponsorViewed,
            Target::new("sponsor", &sponsor_id.to_string()),
        )?;
        self.audited_read(AuditAction::SponsorViewed, "sponsor", |tx| {
            let input = rows::sponsor_edit_input(tx, sponsor_id)?;
            let household =
                rows::load_sponsor(tx, sponsor_id, &Visibility::EVERYTHING, false)?.household;
            Ok((sponsor_id, (input, household)))
        })
    }

    /// A user's id from their name, or `me` for whoever is signed in (for "assigned to").
    pub fn user_id(&mut self, name_or_me: &str) -> Result<i64> {
        if name_or_me.trim().eq_ignore_ascii_case("me") {
            return Ok(self.user.id);
        }
        Ok(crate::casework::lifecycle::case_manager(&self.conn, name_or_me)?.0)
    }

    /// Addresses volunteers reported on calls, waiting for a decision (oldest first).
    pub fn pending_addresses(&mut self) -> Result<Vec<PendingAddressView>> {
        self.authorize(
            Permission::EditCases,
            AuditAction::AddressConfirmed,
            Target::new("address_report", ""),
        )?;
        address_reports::pending(&self.conn)
    }

    /// Applies a reported address exactly as `record_address_change` does, dated today: the
    /// EOIR-33 deadline runs from the confirmation, when the address is known to be right.
    pub fn confirm_address(&mut self, report_id: i64) -> Result<SponsorView> {
        self.authorize(
            Permission::EditCases,
            AuditAction::AddressConfirmed,
            Target::new("address_report", &report_id.to_string()),
        )?;
        let report = address_reports::load(&self.conn, report_id)?;
        if report.status != "pending" {
            return Err(already_decided(report_id, &report.status));
        }
        let a = &report.address;
        let input = SponsorInput {
            address_line1: a.line1.clone().unwrap_or_default(),
            address_line2: a.unit.clone().unwrap_or_default(),
            city: a.city.clone().unwrap_or_default(),
            state: a.state.clone().unwrap_or_default(),
            postal_code: a.postal_code.clone().unwrap_or_default(),
            ..rows::sponsor_input(&self.conn, report.sponsor_id)?
        };
        let draft = input.validate().map_err(StoreError::invalid_fields)?;
        let today = self.today();
        let sponsor_id = report.sponsor_id;
        self.change_case(|tx, me| {
            let detail = rows::move_detail(tx, sponsor_id, &draft, today, Some(report_id))?;
            let change = rows::record_address_change(tx, sponsor_id, &draft, today)?;
            address_reports::decide(
                tx,
                report_id,
                "confirmed",
                &me.name,
                today,
                None,
                Some(change),
            )?;
            let moved = children::sponsored_by(tx, sponsor_id)?;
            Ok(Changed::new(
                (),
                AuditAction::AddressConfirmed,
                "address_report",
                report_id,
            )
            .and_audit(AuditAction::AddressChanged, "address_change", change)
            .and_history_of(moved.clone(), "address_confirmed", &detail)
            .reschedule(moved))
        })?;
        rows::load_sponsor(&self.conn, sponsor_id, &self.visibility(), true)
    }

    /// Rejects a reported address with a reason; nothing about the sponsor changes.
    pub fn reject_address(&mut self, report_id: i64, reason: &str) -> Result<PendingAddressView> {
        self.authorize(
            Permission::EditCases,
            AuditAction::AddressRejected,
            Target::new("address_report", &report_id.to_string()),
        )?;
        let reason = reason.trim();
        if reason.chars().count() < 3 {
            return Err(StoreError::invalid_field(
                FieldError::new(
                    "reason",
                    "too_short",
                    "say why the address is rejected (at least 3 characters)",
                )
                .with("min", 3),
            ));
        }
        let report = address_reports::load(&self.conn, report_id)?;
        if report.status != "pending" {
            return Err(already_decided(report_id, &report.status));
        }
        let today = self.today();
        self.change_case(|tx, me| {
            address_reports::decide(
                tx,
                report_id,
                "rejected",
                &me.name,
                today,
                Some(reason),
                None,
            )?;
            let detail = serde_json::json!({
                "report_id": report_id,
                "reported": report.address,
                "reported_by": report.reported_by,
                "reason": reason,
            });
            let children = children::sponsored_by(tx, report.sponsor_id)?;
            Ok(Changed::new(
                (),
                AuditAction::AddressRejected,
                "address_report",
                report_id,
            )
            .and_history_of(children, "address_rejected", &detail))
        })?;
        address_reports::load(&self.conn, report_id)
    }
}

/// Household members with a name (blank lines dropped), names and relationships at most 200
/// characters.
fn checked_household(members: &[HouseholdMember]) -> Result<Vec<HouseholdMember>> {
    let mut out = Vec::new();
    for m in members {
        let (name, relationship) = (m.name.trim(), m.relationship.trim());
        if name.is_empty() && relationship.is_empty() {
            continue;
        }
        if name.is_empty() {
            return Err(StoreError::invalid_field(FieldError::new(
                "household",
                "required",
                format!("a household member ({relationship}) needs a name"),
            )));
        }
        for (value, what) in [
            (name, "a household member's name"),
            (relationship, "a relationship"),
        ] {
            if value.chars().count() > 200 {
                return Err(super::too_long("household", what, Some(value)));
            }
        }
        out.push(HouseholdMember {
            name: name.to_owned(),
            relationship: relationship.to_owned(),
        });
    }
    Ok(out)
}

/// The sponsor fields an edit changed (names, not values: the history says what, the record
/// says to what).
fn sponsor_changed_fields(before: &SponsorView, after: &SponsorView) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name: &'static str, same: bool| {
        if !same {
            fields.push(name);
        }
    };
    check("given_name", before.given_name == after.given_name);
    check("family_name", before.family_name == after.family_name);
    check("category", before.category == after.category);
    check("phones", before.phones == after.phones);
    check("address", before.address == after.address);
    check("time_zone", before.time_zone == after.time_zone);
    check("household", before.household == after.household);
    fields
}

fn already_decided(id: i64, status: &str) -> StoreError {
    StoreError::invalid("id", format!("reported address {id} was already {status}"))
}
