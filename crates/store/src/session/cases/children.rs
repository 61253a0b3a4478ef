//! Children: creating, editing, reading (audited), listing and searching.

use chrono::Datelike;
use serde_json::json;
use tether_core::casework::input::{ChildInput, ProceedingsInput};
use tether_core::casework::redaction::Visibility;
use tether_core::{AuditAction, Permission};

use super::Changed;
use crate::audit_log::Target;
use crate::casework::children::{self as rows, NewChild};
use crate::casework::{search, sponsors, ChildSummary, ChildView, CreateOutcome, ListFilter};
use crate::error::{Result, StoreError};
use crate::session::Session;

impl Session {
    /// Creates a child (with proceedings), unless likely duplicates exist and `confirm` is false.
    pub fn create_child(
        &mut self,
        child: &ChildInput,
        proceedings: &ProceedingsInput,
        sponsor_id: Option<i64>,
        confirm: bool,
    ) -> Result<CreateOutcome> {
        self.authorize(
            Permission::EditCases,
            AuditAction::ChildCreated,
            Target::new("child", ""),
        )?;
        let today = self.today();
        let (child, proceedings) = match (child.validate(today), proceedings.validate(today)) {
            (Ok(c), Ok(p)) => (c, p),
            (c, p) => {
                let mut fields = c.err().unwrap_or_default();
                fields.extend(p.err().unwrap_or_default());
                return Err(StoreError::invalid_fields(fields));
            }
        };
        let (child, proceedings) = (&child, &proceedings);
        if let Some(sid) = sponsor_id {
            sponsors::load_sponsor(&self.conn, sid, &self.visibility(), false)?;
        }
        if !confirm {
            let matches = rows::child_duplicates(&self.conn, child)?;
            if !matches.is_empty() {
                return Ok(CreateOutcome::NeedsConfirmation { matches });
            }
        }
        let year = self.today().year();
        self.change_case(|tx, me| {
            let seq = rows::next_case_seq(tx, year)?;
            // Until `child edit --sponsor-category` says otherwise, the link takes the
            // category given with the sponsor.
            let sponsor_category = match sponsor_id {
                Some(sid) => sponsors::entered_category(tx, sid)?,
                None => None,
            };
            let (id, case_number, _) = rows::insert_child(
                tx,
                &NewChild {
                    child,
                    sponsor: None,
                    proceedings,
                    sponsor_id,
                    sponsor_category,
                    created_by: Some(me.id),
                    case_year: year,
                    case_seq: seq,
                    index_for_search: true,
                },
            )?;
            let case_number_text = case_number.to_string();
            let created = CreateOutcome::Created {
                id,
                case_number: Some(case_number),
            };
            Ok(
                Changed::new(created, AuditAction::ChildCreated, "child", id)
                    .and_history(
                        id,
                        "child_created",
                        json!({ "case_number": case_number_text }),
                    )
                    .reschedule([id]),
            )
        })
    }

    /// Replaces a child's own fields (not proceedings, not the case number).
    pub fn update_child(&mut self, id_or_case: &str, child: &ChildInput) -> Result<ChildView> {
        let (id, _) = self.change_child(
            AuditAction::ChildUpdated,
            Target::new("child", ""),
            |s| {
                let draft = child
                    .validate(s.today())
                    .map_err(StoreError::invalid_fields)?;
                Ok((s.child_id(id_or_case)?, draft))
            },
            |tx, id, draft| {
                let before = rows::load_child(tx, id, &Visibility::EVERYTHING)?;
                rows::update_child(tx, id, &draft)?;
                search::index_child(tx, id)?;
                let after = rows::load_child(tx, id, &Visibility::EVERYTHING)?;
                Ok((
                    "child",
                    id,
                    json!({ "fields": changed_fields(&before, &after) }),
                ))
            },
        )?;
        self.child_view(id)
    }

    /// The full record, redacted for the reader's role. Audited: reading a child is an event.
    pub fn show_child(&mut self, id_or_case: &str) -> Result<ChildView> {
        self.authorize_viewing_children()?;
        let vis = self.visibility();
        self.audited_read(AuditAction::ChildViewed, "child", |tx| {
            let id = rows::resolve_child(tx, id_or_case)?;
            Ok((id, rows::load_child(tx, id, &vis)?))
        })
    }

    /// Children by case number, `limit` from `offset` (for a virtualised list), as `filter`
    /// selects them (open, closed or both; one case manager's).
    pub fn list_children(
        &mut self,
        offset: u32,
        limit: u32,
        filter: ListFilter,
    ) -> Result<Vec<ChildSummary>> {
        self.authorize_viewing_children()?;
        rows::page(&self.conn, offset, limit, filter, &self.visibility())
    }

    pub fn count_children(&mut self, filter: ListFilter) -> Result<u32> {
        self.authorize_viewing_children()?;
        rows::count(&self.conn, filter)
    }

    /// Ranked, accent- and case-insensitive, prefix matching as the user types. A role only
    /// searches the fields it may see (`search::plan_query`). Audited: the query's kind (name,
    /// case number, A-Number, phone, number), never its text, and the number of results.
    pub fn search(&mut self, query: &str, limit: u32) -> Result<Vec<ChildSummary>> {
        self.authorize_viewing_children()?;
        if limit == 0 {
            return Err(StoreError::invalid(
                "limit",
                "must be at least 1 (how many children to list)",
            ));
        }
        let vis = self.visibility();
        self.audited_bulk_read(AuditAction::ChildrenSearched, "search", |tx| {
            let (kind, found) = search::search(tx, query, limit.clamp(1, 500), &vis)?;
            let count = found.len();
            Ok((kind.as_str().to_owned(), found, count))
        })
    }

    /// Reading children: a refusal is audited; pages of the list (summaries) are not when
    /// allowed, a full record is (`show_child`) and so is every search.
    fn authorize_viewing_children(&mut self) -> Result<()> {
        self.authorize(
            Permission::ViewCases,
            AuditAction::ChildViewed,
            Target::new("child", ""),
        )
    }
}

/// The names of the child's own fields that differ between two reads (for the history: what
/// an edit changed, not the values).
fn changed_fields(before: &ChildView, after: &ChildView) -> Vec<String> {
    let (Ok(serde_json::Value::Object(b)), Ok(serde_json::Value::Object(a))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    a.iter()
        .filter(|(key, value)| {
            !matches!(key.as_str(), "sponsor" | "hearings" | "court") && b.get(*key) != Some(value)
        })
        .map(|(key, _)| key.clone())
        .collect()
}
