//! Casework in the vault: sponsors, children, proceedings, search, import and export.

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod rows;
pub mod search;
pub mod views;

pub use import::{ImportReport, ImportRowError};
pub use views::{
    AddressChangeView, AddressView, ChildSummary, ChildView, CourtView, CreateOutcome, HearingView,
    PossibleDuplicate, SponsorView,
};
