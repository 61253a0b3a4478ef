//! Addresses volunteers reported on calls: case managers list them and confirm or reject each.

use crate::ipc::addresses::PendingAddress;
use crate::ipc::cases::SponsorDetail;
use crate::ipc::ids::{convert_all, store_id};
use crate::ipc::AppError;
use crate::state::AppState;

pub fn pending_addresses(state: &AppState) -> Result<Vec<PendingAddress>, AppError> {
    state.with_session(|s| Ok(convert_all(s.pending_addresses()?)?))
}

/// Applies the address (the EOIR-33 deadline runs from today) and returns the sponsor.
pub fn confirm_address(state: &AppState, report_id: u32) -> Result<SponsorDetail, AppError> {
    state.with_session(|s| Ok(s.confirm_address(store_id(report_id))?.try_into()?))
}

pub fn reject_address(
    state: &AppState,
    report_id: u32,
    reason: String,
) -> Result<PendingAddress, AppError> {
    state.with_session(|s| Ok(s.reject_address(store_id(report_id), &reason)?.try_into()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::cases::get_child;
    use crate::api::followup::log_call;
    use crate::api::test_support::{clinic, jose_with_rosa, PASS, VOLUNTEER_PASS};
    use crate::api::vault::{lock, unlock};
    use crate::ipc::followup::{CallOutcome, NewAddress, SwbAnswers};
    use crate::ipc::ErrorKind;

    fn moved_to(line1: &str) -> SwbAnswers {
        SwbAnswers {
            still_with_sponsor: Some(true),
            enrolled_in_school: None,
            knows_court_date: None,
            feels_safe: Some(true),
            new_address: Some(NewAddress {
                line1: line1.into(),
                unit: "Apt 3".into(),
                city: "Ñuñoa Heights".into(),
                state: "TX".into(),
                zip: "77009".into(),
            }),
            screening: None,
        }
    }

    /// A volunteer's reported address waits; the case manager rejects one and confirms the
    /// next, and only the confirmed one reaches the sponsor. A second decision is refused.
    #[test]
    fn a_volunteers_address_waits_for_a_case_manager() -> Result<(), AppError> {
        let (_dir, state) = clinic()?;
        let (_, case) = jose_with_rosa(&state)?;

        lock(&state);
        unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
        for line1 in ["9 Wrong Way", "500 Elm St"] {
            log_call(
                &state,
                case.clone(),
                CallOutcome::ReachedChild,
                Some("2026-11-02 10:00".into()),
                String::new(),
                Some(moved_to(line1)),
                None,
            )?;
        }
        let refused = pending_addresses(&state).expect_err("volunteers do not decide");
        assert_eq!(refused.kind, ErrorKind::PermissionDenied);

        lock(&state);
        unlock(&state, "ana".into(), PASS.into())?;
        let on_file = get_child(&state, case.clone())?.sponsor.expect("sponsor");
        assert_eq!(
            on_file.address.and_then(|a| a.line1).as_deref(),
            Some("1200 Main St"),
            "a volunteer's report changes nothing yet"
        );
        let pending = pending_addresses(&state)?;
        assert_eq!(pending.len(), 2, "{pending:?}");
        assert_eq!(pending[0].reported_by, "beto");
        assert_eq!(pending[0].case_number.as_deref(), Some(case.as_str()));
        assert_eq!(
            pending[0].current_address.line1.as_deref(),
            Some("1200 Main St")
        );

        let short = reject_address(&state, pending[0].id, " x ".into()).expect_err("no reason");
        assert_eq!(short.field.as_deref(), Some("reason"));
        let rejected = reject_address(&state, pending[0].id, "Sponsor says it was a joke".into())?;
        assert_eq!(rejected.status, "rejected");
        let moved = confirm_address(&state, pending[1].id)?;
        assert_eq!(
            moved.address.and_then(|a| a.line1).as_deref(),
            Some("500 Elm St")
        );
        assert_eq!(
            moved.address_history.len(),
            2,
            "{:?}",
            moved.address_history
        );
        assert_eq!(
            moved.address_history[1].kind, "release",
            "the release address is kept"
        );
        assert!(pending_addresses(&state)?.is_empty());
        let again = confirm_address(&state, pending[0].id).expect_err("already decided");
        assert_eq!(
            (again.kind, again.field.as_deref()),
            (ErrorKind::InvalidInput, Some("id")),
            "{again:?}"
        );
        Ok(())
    }
}
