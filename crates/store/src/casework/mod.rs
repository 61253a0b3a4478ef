//! Casework in the vault: sponsors, children, proceedings, search, import and export.

pub(crate) mod address_reports;
pub(crate) mod children;
pub(crate) mod columns;
pub(crate) mod csv_out;
pub(crate) mod export;
pub(crate) mod hearings;
pub(crate) mod history;
pub(crate) mod import;
pub(crate) mod lifecycle;
pub(crate) mod reimport;
pub mod search;
pub(crate) mod sponsors;
pub mod views;

pub use children::{ListFilter, StatusFilter};
pub use history::HistoryEntry;
pub use import::{ImportReport, ImportRowError};
pub use reimport::{FieldChange, HeldBackRow, MatchedCase};
pub use views::{
    AddressChangeView, AddressView, ChildSummary, ChildView, CourtView, CreateOutcome, HearingView,
    HouseholdMember, NotWorkingPhone, PendingAddressView, PossibleDuplicate, SponsorPage,
    SponsorView,
};
