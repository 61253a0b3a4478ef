//! Follow-up in the vault: the task table the scheduler keeps, the call log, red flags and
//! their acknowledgements. The rules are `tether_core::followup`'s; this is their storage.

pub(crate) mod call_queue;
pub(crate) mod calls;
pub(crate) mod dashboard;
pub(crate) mod due_set;
pub(crate) mod facts;
pub(crate) mod flag_cache;
pub(crate) mod flags;
pub(crate) mod task_list;
pub(crate) mod tasks;
pub mod views;

pub use tasks::TASK_KINDS;

pub use views::{
    CallDue, CallLogged, Dashboard, DayCount, DueWindow, FlagAcknowledgement, FlagPage, FlagView,
    HearingDay, HearingItem, Page, PageRange, PriorAttempt, TaskFilter, TaskView,
};
