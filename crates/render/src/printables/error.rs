//! What can go wrong while rendering a printable: an override of no shipped template, a template that does
//! not compile, a PDF that cannot be written. Messages name the template or file at fault.

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template override {name}: {reason}")]
    Override { name: String, reason: String },
    #[error("prepare the print data: {0}")]
    Data(#[from] serde_json::Error),
    #[error("template {template}: {message}")]
    Template { template: String, message: String },
    #[error("write the PDF for {template}: {message}")]
    Pdf { template: String, message: String },
}
