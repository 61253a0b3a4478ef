//! Why a case closes. A closed case keeps everything; it only leaves the queue, the dashboard
//! and the flags, and it can be reopened.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::records::{params, CodedError};
use super::text::shown;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosureReason {
    Turned18,
    MovedOutOfArea,
    Transferred,
    ReliefGranted,
    RemovedOrDeparted,
    LostContact,
    DeclinedServices,
    Other,
}

impl ClosureReason {
    pub const ALL: [ClosureReason; 8] = [
        ClosureReason::Turned18,
        ClosureReason::MovedOutOfArea,
        ClosureReason::Transferred,
        ClosureReason::ReliefGranted,
        ClosureReason::RemovedOrDeparted,
        ClosureReason::LostContact,
        ClosureReason::DeclinedServices,
        ClosureReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClosureReason::Turned18 => "turned_18",
            ClosureReason::MovedOutOfArea => "moved_out_of_area",
            ClosureReason::Transferred => "transferred",
            ClosureReason::ReliefGranted => "relief_granted",
            ClosureReason::RemovedOrDeparted => "removed_or_departed",
            ClosureReason::LostContact => "lost_contact",
            ClosureReason::DeclinedServices => "declined_services",
            ClosureReason::Other => "other",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, ClosureReasonError> {
        let value = raw.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        if value.is_empty() {
            return Err(ClosureReasonError::Empty);
        }
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == value)
            .ok_or_else(|| ClosureReasonError::Unknown(shown(raw)))
    }

    /// "Other" says nothing by itself: the note must.
    pub fn needs_note(self) -> bool {
        self == ClosureReason::Other
    }
}

impl fmt::Display for ClosureReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClosureReasonError {
    #[error("the reason for closing is empty")]
    Empty,
    #[error("closing reason {0:?} is not one of turned_18, moved_out_of_area, transferred, relief_granted, removed_or_departed, lost_contact, declined_services, other")]
    Unknown(String),
}

impl CodedError for ClosureReasonError {
    fn code(&self) -> &'static str {
        match self {
            ClosureReasonError::Empty => "required",
            ClosureReasonError::Unknown(_) => "closure_reason_invalid",
        }
    }
    fn params(&self) -> std::collections::BTreeMap<String, String> {
        match self {
            ClosureReasonError::Empty => params([]),
            ClosureReasonError::Unknown(v) => params([("value", v.clone())]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_reads_back_from_its_name() {
        for r in ClosureReason::ALL {
            assert_eq!(ClosureReason::parse(r.as_str()), Ok(r));
        }
        assert_eq!(
            ClosureReason::parse(" Turned-18 "),
            Ok(ClosureReason::Turned18)
        );
        assert_eq!(
            serde_json::to_string(&ClosureReason::MovedOutOfArea).ok(),
            Some("\"moved_out_of_area\"".into())
        );
    }

    #[test]
    fn an_unknown_reason_names_the_value() {
        let e = ClosureReason::parse("graduated").expect_err("unknown");
        assert_eq!(e.code(), "closure_reason_invalid");
        assert!(e.to_string().contains("\"graduated\""));
        assert_eq!(
            ClosureReason::parse("  ").map_err(|e| e.code()),
            Err("required")
        );
    }
}
