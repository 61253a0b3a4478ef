//! Relief pathways, their legal deadlines, and screening on the follow-up call (issue 13,
//! sections 1 and 3). Pure: facts and a date in, values out.
//!
//! **These rules are a checklist, not legal advice** ([`DISCLAIMER_EN`], [`DISCLAIMER_ES`]):
//! every deadline, task, note and flag carries the rule it comes from (its text in English and
//! Spanish, its source and the date it took effect), and the UI shows them with the
//! disclaimer.
//!
//! # Rules as versioned data
//!
//! The rules live in `crates/core/data/`, each file with a `*.SOURCES.md` beside it:
//!
//! - `legal-rules.csv`: every rule (`RuleId`), one row per version, with `effective_from`,
//!   its number (`21` years, `180` days, `3` hours, `19:00`), its source and its text. A rule
//!   whose first version starts after `today` does not apply yet ([`RuleTable::in_force`]).
//! - `sijs-state-jurisdiction.csv`: the age at which each of the 56 states, DC and territories
//!   stops making SIJS predicate orders, each row sourced or marked `confirm_locally` (18
//!   assumed, the earliest any state uses). [`ClinicOverrides`] win over the table.
//! - `hazardous-occupations.csv`: the 17 Hazardous Occupations Orders with their CFR section.
//! - `screening-questions.csv`: the call's questions in English and Spanish, each with the
//!   source of the indicator or limit it asks about.
//!
//! [`RuleBook::embedded`] parses them once; tests check that every row has a source.
//!
//! # Deadlines (section 1)
//!
//! ```text
//! let facts = LegalFacts { child_id, birth_date, residence_state, relief, trafficking_concern,
//!                          hearing_court, missed_hearings, moves };
//! let review: LegalReview = legal::review(&facts, &clinic_overrides, today);
//! let only_dated: Vec<Deadline> = legal::deadlines(&facts, &clinic_overrides, today);
//! ```
//!
//! - [`Deadline`]: a last day (`due_on`), `days_left`, a [`WarnLevel`] from 180 days ahead
//!   (`Within180Days`, `Within90Days`, `Within30Days`, `Overdue`; `None` further out), the
//!   [`Rule`], explanations in both languages, and `confirm_locally` /
//!   `birth_date_estimated`. The store makes each one a task and, once `warn` is `Some`, a
//!   red flag, both keyed by `key`: the I-360 before 21, the predicate order before the
//!   state's age (the state where the child lives now: a move gives a new deadline and key),
//!   the OTIP Request for Assistance before 18, the 180-day motion to reopen an in absentia
//!   order and its EOIR-33.
//! - [`LegalTask`]: steps with no legal deadline of their own (ask whether an in absentia
//!   order was entered, a motion to reopen with no time limit, consider a change of venue,
//!   keep attending the current court, find the court for a new address, record a missing
//!   birth date or state).
//! - [`LegalNote`]: rules to keep in view (asylum: no one-year deadline for an unaccompanied
//!   child; USCIS has initial jurisdiction).
//!
//! The plan ([`ReliefPlan`], empty = no relief identified yet) holds SIJS, asylum, T visa and
//! HHS trafficking assistance with their steps' dates. A T visa (I-914) has no deadline rule in
//! the data: it is recorded, not scheduled.
//!
//! A 20-year-old pursuing SIJS in California (21) sees the I-360 and the predicate order due
//! the day before the 21st birthday, warned from 180 days ahead; the same child with
//! `residence_state` in Texas (18) gets the predicate-order deadline already overdue.
//!
//! # Screening (section 3)
//!
//! ```text
//! let screening: Screening = legal::screen(&answers, birth_date.as_ref(), call_date)?;
//! ```
//!
//! [`ScreeningAnswers`] are typed answers to the questions of
//! `RuleBook::embedded().questions()`. [`Screening::flags`] are labour flags (the 14–15 hour
//! and time limits, the minimum age, the Hazardous Occupations Orders) and trafficking
//! indicators (a debt for the journey, an ID someone else keeps, not free to leave, food and
//! bed from the employer, each with `offer_concern_report`). Nothing is diagnosed: a flag
//! says what was answered and which rule it touches. A trafficking concern a person keeps
//! goes back into [`LegalFacts::trafficking_concern`], which starts the OTIP deadline.
//!
//! # Conservative readings
//!
//! Where the data is uncertain the rules lean to the earlier warning: an unsourced state is
//! 18; an estimated birth year counts from 1 January for deadlines and from 31 December
//! (the youngest) for the labour rules; 29 February birthdays fall on 28 February; an in
//! absentia order whose reopening ground is not recorded gets the 180 days; statutory days
//! are not moved off weekends.

mod age;
mod asylum;
mod book;
mod concern;
mod data;
mod hazardous;
mod in_absentia;
mod items;
mod labour;
mod otip;
mod relief;
mod relief_step;
mod review;
mod rules;
mod screening;
mod sijs;
mod state_jurisdiction;
mod trafficking;
mod venue;

#[cfg(test)]
mod tests;

pub use book::{screen, RuleBook};
pub use concern::{
    report_due, submit_due, ConcernCategory, ConcernError, ConcernState, ConcernStep, Destination,
    DestinationInfo, DEFAULT_REPORT_WITHIN_DAYS, SUBMIT_WITHIN_DAYS,
};
pub use data::RuleDataError;
pub use hazardous::{HazardousOccupation, HazardousTable};
pub use in_absentia::{InAbsentiaOrder, MissedHearing, ReopenGround};
pub use items::{
    Deadline, DeadlineKind, LegalNote, LegalNoteKind, LegalTask, LegalTaskKind, WarnLevel,
    WARN_DAYS,
};
pub use relief::{
    AsylumDecision, AsylumForum, AsylumOutcome, AsylumProgress, OtipProgress, Pathway, ReliefError,
    ReliefPlan, ReliefStatus, SijsProgress, TVisaProgress,
};
pub use relief_step::{statuses, ReliefStepError, StepDetail, PATHWAYS};
pub use review::{deadlines, review, LegalFacts, LegalReview, DISCLAIMER_EN, DISCLAIMER_ES};
pub use rules::{Rule, RuleId, RuleTable, RuleValue, SourceKind, ValueKind};
pub use screening::{
    AnswerKind, FoodAndBed, IdHolder, QuestionId, QuestionTable, Screening, ScreeningAnswers,
    ScreeningCategory, ScreeningError, ScreeningFlag, ScreeningQuestion,
};
pub use state_jurisdiction::{
    AgeBasis, ClinicOverrides, JurisdictionStatus, OverrideError, PredicateOrderAge,
    StateJurisdiction, StateTable, CONFIRM_LOCALLY_AGE, CONFIRM_LOCALLY_SOURCE, PREDICATE_AGES,
};
pub use venue::{MoveFact, VenueMotion};
