//! Tether's documents. For now the calendar: tasks and hearings as an RFC 5545 `.ics` file.
#![forbid(unsafe_code)]

pub mod calendar;
