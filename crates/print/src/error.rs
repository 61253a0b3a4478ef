//! A print job's error: the store's (role, reading the case), the renderer's, a bad request or
//! the output file. Carries the class of failure and the field at fault for the CLI and the app.

use std::path::PathBuf;

use tether_render::printables::RenderError;
use tether_store::{ErrorKind, StoreError};

pub type Result<T, E = PrintError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Render(#[from] RenderError),
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

impl PrintError {
    /// The class of failure, shared with the store so the CLI's exit codes and the app's error
    /// kinds stay one list.
    pub fn kind(&self) -> ErrorKind {
        match self {
            PrintError::Store(e) => e.kind(),
            PrintError::InvalidInput { .. } | PrintError::Exists { .. } => ErrorKind::InvalidInput,
            // A broken template override is the clinic's file, not a bug: say which template.
            PrintError::Render(RenderError::Template { .. })
            | PrintError::Render(RenderError::Override { .. }) => ErrorKind::InvalidInput,
            PrintError::Render(_) | PrintError::Write { .. } => ErrorKind::Internal,
        }
    }

    /// The input at fault, when there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            PrintError::Store(e) => e.field(),
            PrintError::InvalidInput { field, .. } => Some(field),
            PrintError::Exists { .. } => Some("out"),
            PrintError::Render(RenderError::Template { .. })
            | PrintError::Render(RenderError::Override { .. }) => Some("template"),
            _ => None,
        }
    }
}
