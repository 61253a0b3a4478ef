//! Sponsors: creating (with the duplicate check), reading (audited), listing, and recording a
//! move (which starts the EOIR-33 deadline for every child they sponsor), and the decision on
//! an address a volunteer reported on a call.

use chrono::NaiveDate;
use tether_core::casework::input::SponsorInput;
use tether_core::casework::FieldError;
use tether_core::{AuditAction, Permission};

use super::Changed;
use crate::audit_log::Target;
use crate::casework::{
    address_reports, children, sponsors as rows, CreateOutcome, PendingAddressView, SponsorView,
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

fn already_decided(id: i64, status: &str) -> StoreError {
    StoreError::invalid("id", format!("reported address {id} was already {status}"))
}
