//! `tether child history CHILD` (the case's timeline) and `tether note add` (case notes).

use anyhow::Result;
use clap::Subcommand;
use serde_json::Value;
use tether_store::casework::HistoryEntry;
use tether_store::Session;

use crate::output::print_json;

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Add a dated, signed case note (never edited: a correction is a new note, --corrects ID)
    Add {
        child: String,
        #[arg(long)]
        text: String,
        /// The history id of the earlier note this one corrects
        #[arg(long, value_name = "ID")]
        corrects: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run_note(session: &mut Session, command: NoteCommand) -> Result<()> {
    match command {
        NoteCommand::Add {
            child,
            text,
            corrects,
            json,
        } => {
            let note = session.add_note(&child, &text, corrects)?;
            if json {
                return print_json(&note);
            }
            println!("note #{} added by {} at {}", note.id, note.actor, note.at);
            Ok(())
        }
    }
}

pub fn show_history(session: &mut Session, child: &str, json: bool) -> Result<()> {
    let events = session.child_history(child)?;
    if json {
        return print_json(&events);
    }
    if events.is_empty() {
        println!("no history yet");
    }
    for e in &events {
        println!("#{:<5} {}  {:<10} {}", e.id, e.at, e.actor, line(e));
    }
    Ok(())
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// One event as a line of text (the JSON has every field).
fn line(e: &HistoryEntry) -> String {
    let d = &e.detail;
    let corrected = e
        .corrected_by
        .map(|id| format!("  [corrected by #{id}]"))
        .unwrap_or_default();
    let body = match e.kind.as_str() {
        "call_logged" => {
            let answers = d
                .get("answers")
                .and_then(Value::as_object)
                .map(|a| {
                    a.iter()
                        .filter(|(k, v)| {
                            !matches!(
                                k.as_str(),
                                "new_address" | "screening" | "screening_answers"
                            ) && !v.is_null()
                        })
                        .map(|(k, v)| format!("{k}={v}"))
                        .chain(
                            a.get("screening")
                                .and_then(|s| s.get("flags"))
                                .and_then(Value::as_array)
                                .filter(|f| !f.is_empty())
                                .map(|f| format!("screening raised {}", f.len())),
                        )
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            format!(
                "call (day {}, attempt {}) at {}: {}{}{}",
                d.get("offset_days").unwrap_or(&Value::Null),
                d.get("attempt").unwrap_or(&Value::Null),
                text(d, "at"),
                text(d, "outcome"),
                if answers.is_empty() {
                    String::new()
                } else {
                    format!(" [{answers}]")
                },
                match text(d, "note") {
                    "" => String::new(),
                    note => format!(" — {note}"),
                }
            )
        }
        "note_added" => match e.corrects {
            Some(id) => format!("note (corrects #{id}): {}", text(d, "text")),
            None => format!("note: {}", text(d, "text")),
        },
        "task_done" => format!(
            "task done on {}: {} — {}",
            text(d, "on"),
            text(d, "summary"),
            text(d, "note")
        ),
        "address_changed" | "address_confirmed" => {
            format!(
                "sponsor moved ({}): {} → {}",
                text(d, "on"),
                address(d.get("from")),
                address(d.get("to"))
            )
        }
        "nta_updated" => format!(
            "NTA {} (served {})",
            text(d, "status"),
            d.get("served_on").and_then(Value::as_str).unwrap_or("—")
        ),
        "hearing_added" => format!("hearing added: {} at {}", text(d, "at"), text(d, "court")),
        "hearing_updated" => format!(
            "hearing #{} result: {}",
            d.get("hearing_id").unwrap_or(&Value::Null),
            d.get("outcome").and_then(Value::as_str).unwrap_or("—")
        ),
        "flag_acknowledged" => {
            format!("flag {} acknowledged: {}", text(d, "kind"), text(d, "note"))
        }
        "document_printed" => format!("printed {}", text(d, "document")),
        "child_closed" => format!(
            "case closed ({}) on {}{}",
            text(d, "reason"),
            text(d, "on"),
            match text(d, "note") {
                "" => String::new(),
                note => format!(" — {note}"),
            }
        ),
        "child_reopened" => format!("case reopened — {}", text(d, "note")),
        "child_voided" => format!("record voided — {}", text(d, "reason")),
        "child_merged" => format!("{} merged into {}", text(d, "merged"), text(d, "kept")),
        "child_assigned" => format!(
            "assigned to {} (was {})",
            text(d, "to"),
            d.get("from").and_then(Value::as_str).unwrap_or("nobody")
        ),
        "phone_not_working" => format!("number {} marked not working", text(d, "phone")),
        "relief_updated" => format!(
            "relief: {} {} on {}",
            text(d, "pathway"),
            text(d, "status"),
            text(d, "on")
        ),
        "in_absentia_recorded" => format!(
            "hearing #{}: in absentia order recorded ({})",
            d.get("hearing_id").unwrap_or(&Value::Null),
            d.get("order")
                .and_then(|o| o.get("status"))
                .and_then(Value::as_str)
                .unwrap_or("—")
        ),
        "concern_opened" => format!(
            "concern report #{} opened ({})",
            d.get("concern_id").unwrap_or(&Value::Null),
            text(d, "category")
        ),
        "concern_submitted" | "concern_approved" | "concern_returned" | "concern_closed" => {
            format!(
                "concern report #{} {}{}",
                d.get("concern_id").unwrap_or(&Value::Null),
                match e.kind.as_str() {
                    "concern_submitted" => "submitted for approval",
                    "concern_approved" => "approved",
                    "concern_returned" => "sent back",
                    _ => "closed",
                },
                match text(d, "note") {
                    "" => String::new(),
                    note => format!(" — {note}"),
                }
            )
        }
        "concern_reported" => format!(
            "concern report #{} reported to {} on {} (reference {})",
            d.get("concern_id").unwrap_or(&Value::Null),
            text(d, "to"),
            text(d, "on"),
            text(d, "reference")
        ),
        "reminder_prepared" => format!(
            "hearing reminder prepared ({}, {} characters) for {}",
            text(d, "lang"),
            d.get("length").unwrap_or(&Value::Null),
            text(d, "hearing_at")
        ),
        "import_updated" => format!(
            "updated from a release file: {}",
            d.get("changes")
                .and_then(Value::as_array)
                .map(|changes| changes
                    .iter()
                    .map(|c| format!(
                        "{} {} → {}",
                        text(c, "field"),
                        c.get("before").and_then(Value::as_str).unwrap_or("(none)"),
                        text(c, "after")
                    ))
                    .collect::<Vec<_>>()
                    .join("; "))
                .unwrap_or_default()
        ),
        other => format!("{other} {d}"),
    };
    format!("{body}{corrected}")
}

fn address(a: Option<&Value>) -> String {
    let Some(a) = a.filter(|a| !a.is_null()) else {
        return "(none)".into();
    };
    ["line1", "unit", "city", "state", "postal_code"]
        .iter()
        .filter_map(|k| a.get(*k).and_then(Value::as_str))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}
