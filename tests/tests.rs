//! Tether end to end: the `tether` CLI as a process, the vault files on disk, and the desktop
//! app through WebDriver. One test binary; each area is a module.

mod casework;
mod cli;
mod code_map;
mod followup;
mod printing;
mod webdriver;
