//! The vault side of legal work (issue 13): relief plans, in absentia orders and concern
//! reports as rows, the facts the rules in `tether_core::legal` read, and their deadlines and
//! steps as tasks. `Session` (session/legal.rs) decides who may do what.

pub(crate) mod concerns;
pub(crate) mod facts;
pub(crate) mod flags;
pub(crate) mod schedule;
mod views;

pub use views::{
    ConcernStepView, ConcernView, DeadlineItem, DeadlinesView, DestinationView, ReliefView,
    ReminderView,
};
