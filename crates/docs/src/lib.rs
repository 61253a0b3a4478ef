//! Tether's documents: the calendar (tasks and hearings as an RFC 5545 `.ics` file) and the
//! printables (Typst templates rendered to PDF in process).
#![forbid(unsafe_code)]

pub mod calendar;
pub mod printing;
