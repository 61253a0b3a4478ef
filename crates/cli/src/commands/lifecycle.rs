//! What `tether child close|reopen|void|merge|assign|edit` print.

use anyhow::Result;
use tether_store::casework::ChildView;

use crate::output::print_json;

/// The case as it is now (`--json`), or one line: "closed T-2026-000004 (transferred)".
pub fn report(view: &ChildView, json: bool, done: &str) -> Result<()> {
    if json {
        return print_json(view);
    }
    let status = match (&view.status[..], &view.closed_reason) {
        ("closed", Some(reason)) => format!("closed: {reason}"),
        (status, _) => status.to_owned(),
    };
    let assigned = view
        .assigned_to
        .as_deref()
        .map(|who| format!(", assigned to {who}"))
        .unwrap_or_default();
    println!("{done} {} ({status}{assigned})", view.case_number);
    Ok(())
}
