//! The legal rules' items as rows of the task table, beside the follow-up rules' own tasks:
//!
//! - each deadline as reminders on the days its warnings start (180, 90 and 30 days before)
//!   and on its last day; only the latest one reached stays open, with those still to come;
//! - each legal step (ask whether an in absentia order was entered, consider a change of
//!   venue …) from the day of the fact that opened it;
//! - a concern report to submit to the supervisor within a day of opening it, and an approved
//!   one to report within the clinic's days.
//!
//! The rows' `detail` is the core item as JSON, so the task list shows the rule and its source.

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};
use serde_json::json;
use tether_core::legal::{
    report_due, submit_due, ConcernCategory, Deadline, LegalReview, RuleBook, WARN_DAYS,
};

use super::{concerns, facts};
use crate::error::{Result, StoreError};

/// One row for the task table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LegalTaskRow {
    pub key: String,
    pub kind: &'static str,
    pub due_on: NaiveDate,
    pub detail: String,
}

/// Whether the vault has the legal tables (migration 12): the migrations before it
/// reschedule with the follow-up rules only.
pub(crate) fn schema_ready(conn: &Connection) -> Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'concerns'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .map_err(StoreError::sql("read the schema"))
}

/// The legal review of one child on `today`, with the clinic's overrides.
pub(crate) fn review(conn: &Connection, child_id: i64, today: NaiveDate) -> Result<LegalReview> {
    let facts = facts::legal_facts(conn, child_id, today)?;
    let overrides = facts::clinic_overrides(conn)?;
    Ok(RuleBook::embedded().review(&facts, &overrides, today))
}

/// The reminder days of a deadline still open on `today`: the latest warning day reached (if
/// any) and every one after it, up to the last day.
pub(crate) fn reminder_days(deadline: &Deadline, today: NaiveDate) -> Vec<(i64, NaiveDate)> {
    let mut days: Vec<(i64, NaiveDate)> = WARN_DAYS
        .iter()
        .chain(std::iter::once(&0))
        .filter_map(|&n| {
            let d = deadline
                .due_on
                .checked_sub_days(Days::new(n.unsigned_abs()))?;
            Some((n, d))
        })
        .collect();
    // The latest day already reached, and those to come.
    let reached = days.iter().rposition(|(_, d)| *d <= today);
    if let Some(i) = reached {
        days.drain(..i);
    }
    days
}

/// Every legal task row for `child_id` on `today` (none for a case that is not open).
pub(crate) fn rows(
    conn: &Connection,
    child_id: i64,
    today: NaiveDate,
) -> Result<Vec<LegalTaskRow>> {
    let review = review(conn, child_id, today)?;
    let mut out = Vec::new();
    for d in &review.deadlines {
        let detail = serde_json::to_string(d).unwrap_or_default();
        for (days_before, on) in reminder_days(d, today) {
            out.push(LegalTaskRow {
                key: format!("{}:remind:{days_before}", d.key),
                kind: "legal_deadline",
                due_on: on,
                detail: detail.clone(),
            });
        }
    }
    for t in &review.tasks {
        out.push(LegalTaskRow {
            key: t.key.clone(),
            kind: "legal_step",
            due_on: t.since,
            detail: serde_json::to_string(t).unwrap_or_default(),
        });
    }
    let report_days = crate::settings::concern_report_days(conn)?;
    for c in concerns::of_child(conn, child_id)? {
        let category = ConcernCategory::parse(&c.category).ok();
        let detail = |kind: &str, due: NaiveDate| {
            json!({
                "kind": kind,
                "concern_id": c.id,
                "category": c.category,
                "trafficking": category.is_some_and(ConcernCategory::is_trafficking),
                "due_on": due.to_string(),
            })
            .to_string()
        };
        let opened = NaiveDate::parse_from_str(&c.opened_on, "%Y-%m-%d").unwrap_or(today);
        match c.state.as_str() {
            "draft" => {
                let due = submit_due(opened);
                out.push(LegalTaskRow {
                    key: format!("concern:submit:{}", c.id),
                    kind: "concern_submit",
                    due_on: due,
                    detail: detail("submit", due),
                });
            }
            "approved" => {
                let approved = c
                    .approved_on
                    .as_deref()
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .unwrap_or(today);
                let due = report_due(approved, report_days);
                out.push(LegalTaskRow {
                    key: format!("concern:report:{}", c.id),
                    kind: "concern_report",
                    due_on: due,
                    detail: detail("report", due),
                });
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Writes `rows` into the task table the way the follow-up tasks are written (a task a person
/// marked done stays done) and returns their keys, for the caller to close the rest.
pub(crate) fn upsert(
    conn: &Connection,
    child_id: i64,
    rows: &[LegalTaskRow],
) -> Result<Vec<String>> {
    let mut upsert = conn
        .prepare_cached(
            "INSERT INTO tasks (key, child_id, kind, due_on, attempt, detail, closed)
             VALUES (?1, ?2, ?3, ?4, NULL, ?5, 0)
             ON CONFLICT (key) DO UPDATE SET due_on = excluded.due_on,
                detail = excluded.detail, closed = 0
             WHERE (tasks.due_on IS NOT excluded.due_on OR tasks.closed = 1
                OR tasks.detail IS NOT excluded.detail)
               AND tasks.done_on IS NULL",
        )
        .map_err(StoreError::sql("schedule legal tasks"))?;
    for r in rows {
        upsert
            .execute(params![
                r.key,
                child_id,
                r.kind,
                r.due_on.to_string(),
                r.detail
            ])
            .map_err(StoreError::sql("schedule legal tasks"))?;
    }
    Ok(rows.iter().map(|r| r.key.clone()).collect())
}

/// What a legal task row asks, in English, from its detail: the deadline or step's own
/// explanation, or the concern report's next step. `None` for any other detail.
pub(crate) fn summary(detail: &str) -> Option<String> {
    if let Ok(d) = serde_json::from_str::<Deadline>(detail) {
        return Some(format!("{} (last day {})", d.rule.title_en, d.due_on));
    }
    if let Ok(t) = serde_json::from_str::<tether_core::legal::LegalTask>(detail) {
        return Some(t.explanation_en);
    }
    let v: serde_json::Value = serde_json::from_str(detail).ok()?;
    let id = v.get("concern_id")?;
    Some(match v.get("kind").and_then(|k| k.as_str()) {
        Some("report") => format!("Report concern report #{id}: it is approved"),
        _ => format!("Submit concern report #{id} to the supervisor"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tether_core::legal::{DeadlineKind, RuleId, WarnLevel};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn deadline(due: &str) -> Option<Deadline> {
        let rule = RuleBook::embedded()
            .rules()
            .in_force(RuleId::SijsI360Age, day("2026-12-01"))?
            .clone();
        Some(Deadline {
            key: "legal:sijs_i360_age:1:2027-06-14".into(),
            child_id: 1,
            kind: DeadlineKind::I360BeforeAge { age: 21 },
            due_on: day(due),
            days_left: 0,
            warn: Some(WarnLevel::Within180Days),
            rule,
            explanation_en: String::new(),
            explanation_es: String::new(),
            confirm_locally: false,
            birth_date_estimated: false,
        })
    }

    #[test]
    fn only_the_latest_warning_reached_stays_with_those_to_come() {
        let Some(d) = deadline("2027-06-14") else {
            panic!("the I-360 rule is in force");
        };
        let names = |today: &str| -> Vec<i64> {
            reminder_days(&d, day(today))
                .into_iter()
                .map(|(n, _)| n)
                .collect()
        };
        assert_eq!(
            names("2026-06-01"),
            vec![180, 90, 30, 0],
            "nothing reached yet"
        );
        assert_eq!(
            names("2026-12-16"),
            vec![180, 90, 30, 0],
            "the 180-day day itself"
        );
        assert_eq!(names("2027-03-16"), vec![90, 30, 0]);
        assert_eq!(names("2027-06-14"), vec![0], "the last day");
        assert_eq!(
            names("2027-08-01"),
            vec![0],
            "overdue: the last day's stays open"
        );
        assert_eq!(
            reminder_days(&d, day("2026-12-01"))[0].1,
            day("2026-12-16"),
            "180 days before 14 June 2027"
        );
    }
}
