//! Tether's renderers: the calendar (tasks and hearings as an RFC 5545 `.ics` file) and the
//! printables (Typst templates rendered to PDF in process). Callers hand in data already read
//! and redacted (and the template override folder) and get text or bytes back: nothing here
//! opens the vault, checks a role or writes a file.
#![forbid(unsafe_code)]

pub mod calendar;
pub mod printables;
