//! Follow-up in the vault: the task table the scheduler keeps, the call log, red flags and
//! their acknowledgements. The rules are `tether_core::followup`'s; this is their storage.

pub(crate) mod calls;
pub(crate) mod dashboard;
pub(crate) mod facts;
pub(crate) mod flags;
pub(crate) mod tasks;
pub mod views;

pub use views::{
    CallDue, CallLogged, Dashboard, DayCount, FlagAcknowledgement, FlagView, HearingItem,
    PriorAttempt, TaskView,
};
