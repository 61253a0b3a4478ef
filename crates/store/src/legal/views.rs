//! What readers of legal work get back: serialisable views for the CLI's JSON and the window.

use serde::Serialize;
use tether_core::legal::{Deadline, LegalNote, LegalTask, Pathway};

/// A child's relief plan and everything the rules say about it today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReliefView {
    pub child_id: i64,
    pub case_number: String,
    pub child_name: String,
    /// `no_relief_identified_yet` or `pursuing`.
    pub status: String,
    /// Each pathway with its steps' dates.
    pub pathways: Vec<Pathway>,
    /// The state the deadlines read (the sponsor's address), two letters.
    pub residence_state: Option<String>,
    pub deadlines: Vec<Deadline>,
    pub tasks: Vec<LegalTask>,
    pub notes: Vec<LegalNote>,
    pub disclaimer_en: String,
    pub disclaimer_es: String,
}

/// One deadline in the clinic-wide list, with the case it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlineItem {
    pub case_number: String,
    pub child_name: String,
    #[serde(flatten)]
    pub deadline: Deadline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeadlinesView {
    /// The day the deadlines are counted from.
    pub on: String,
    /// Only deadlines whose last day is within this many days (overdue ones always).
    pub within_days: i64,
    pub deadlines: Vec<DeadlineItem>,
    pub disclaimer_en: String,
    pub disclaimer_es: String,
}

/// A step someone took on a concern report, signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConcernStepView {
    /// `open`, `submit`, `approve`, `return`, `report`, `close`.
    pub step: String,
    pub at: String,
    pub by: String,
    pub note: String,
    /// What the step recorded: where a report went, its day and reference.
    pub detail: serde_json::Value,
    /// The state after the step.
    pub state: String,
}

/// Where a report may go, and what the person should know before choosing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DestinationView {
    pub destination: String,
    pub name_en: String,
    pub name_es: String,
    pub who_is_told_en: String,
    pub who_is_told_es: String,
    pub what_may_follow_en: String,
    pub what_may_follow_es: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConcernView {
    pub concern_id: i64,
    pub child_id: i64,
    pub case_number: String,
    pub child_name: String,
    /// The call it was opened from, if any.
    pub call_id: Option<i64>,
    pub category: String,
    pub category_en: String,
    pub category_es: String,
    /// What was heard, in the caller's words.
    pub heard: String,
    /// `draft`, `submitted`, `approved`, `reported`, `closed`.
    pub state: String,
    pub opened_on: String,
    pub opened_by: String,
    /// The day it must reach the supervisor by (while a draft).
    pub submit_by: Option<String>,
    /// The day it must be reported by (once approved).
    pub report_by: Option<String>,
    pub approved_on: Option<String>,
    pub approved_by: Option<String>,
    pub reported_to: Option<String>,
    pub reported_on: Option<String>,
    pub reference: Option<String>,
    /// Every step, oldest first.
    pub steps: Vec<ConcernStepView>,
    pub disclaimer_en: String,
    pub disclaimer_es: String,
}

/// A hearing reminder ready to send from the case manager's own phone: Tether sends nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReminderView {
    pub child_id: i64,
    pub case_number: String,
    /// `en` or `es`.
    pub lang: String,
    pub text: String,
    /// Characters in `text`.
    pub length: usize,
    /// `gsm-7` when every character fits the basic SMS alphabet, `ucs-2` otherwise.
    pub encoding: String,
    /// How many SMS messages the text takes (160 / 153 characters in GSM-7, 70 / 67 in UCS-2).
    pub sms_parts: usize,
    /// The number the links open, E.164.
    pub phone: String,
    /// `sms:+1…?body=…`
    pub sms_link: String,
    /// `https://wa.me/1…?text=…`
    pub whatsapp_link: String,
    /// The hearing the reminder is about, `YYYY-MM-DD HH:MM` court-local.
    pub hearing_at: String,
    pub court: String,
}
