//! Follow-up after release: the working-day calendar, the tasks a case calls for (Safety &
//! Well-Being calls, hearing reminders, ACIS re-checks, EOIR-33 deadlines, escalations) and the
//! red flags a caseload raises.
//!
//! Everything here is a pure function of facts and a date passed in (`today`, `now`). Tasks
//! and flags carry stable keys, so the store can upsert them idempotently and remember which
//! ones were done or acknowledged.

pub mod calendar;
pub mod flags;
pub mod schedule;

pub use calendar::{
    add_business_days, business_day_on_or_after, federal_holidays, holiday_name, is_business_day,
    next_business_day,
};
pub use flags::{flags, ChildFacts, Flag, FlagInputs, FlagKind, OpenConcern, SponsorFacts};
pub use schedule::{
    call_status, callable_now, eoir33_deadline, sponsor_local_time, tasks_for, AddressChangeFact,
    CallAnswers, CallAttempt, CallOutcome, CallStatus, CaseFacts, EscalationReason, HearingFact,
    ScheduleSettings, Task, TaskKind, UnknownCallOutcome,
};
