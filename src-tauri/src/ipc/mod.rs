//! The types that cross to the webview, one module per concern. Only this crate defines IPC
//! types; they carry no secrets and no 64-bit integers (JavaScript numbers would round them):
//! store ids go through [`ids::ipc_id`], which refuses one that does not fit.

pub mod addresses;
pub mod admin;
pub mod cases;
pub mod error;
pub mod followup;
pub mod history;
pub mod ids;
pub mod import;
pub mod print;
pub mod templates;
pub mod vault;

pub use error::{AppError, ErrorKind, FieldError};
