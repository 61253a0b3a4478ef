//! What can go wrong while printing, with the file or field at fault.

use std::path::PathBuf;

use tether_docs::printing::PrintError;
use tether_store::{ErrorKind, StoreError};

pub type Result<T, E = PrintJobError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum PrintJobError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Render(#[from] PrintError),
    #[error("{field}: {reason}")]
    InvalidInput { field: &'static str, reason: String },
    #[error("out: {} already exists; choose a new file name", path.display())]
    Exists { path: PathBuf },
    #[error("write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl PrintJobError {
    /// The class of failure, shared with the store so the CLI's exit codes and the app's error
    /// kinds stay one list.
    pub fn kind(&self) -> ErrorKind {
        match self {
            PrintJobError::Store(e) => e.kind(),
            PrintJobError::InvalidInput { .. } | PrintJobError::Exists { .. } => {
                ErrorKind::InvalidInput
            }
            // A broken template override is the clinic's file, not a bug: say which template.
            PrintJobError::Render(PrintError::Template { .. })
            | PrintJobError::Render(PrintError::Override { .. }) => ErrorKind::InvalidInput,
            PrintJobError::Render(_) | PrintJobError::Write { .. } => ErrorKind::Internal,
        }
    }

    /// The input at fault, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            PrintJobError::Store(e) => e.field(),
            PrintJobError::InvalidInput { field, .. } => Some(field),
            PrintJobError::Exists { .. } => Some("out"),
            PrintJobError::Render(PrintError::Template { .. })
            | PrintJobError::Render(PrintError::Override { .. }) => Some("template"),
            _ => None,
        }
    }
}
