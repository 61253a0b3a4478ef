//! Red flags from legal work: each deadline once it is within 180 days of its last day (or
//! past it), and each screening answer on a child's latest screened call that touches a
//! child-labour limit or is a trafficking indicator. Acknowledged like every other flag.

use chrono::NaiveDate;
use rusqlite::Connection;
use tether_core::followup::{Flag, FlagKind};
use tether_core::legal::{Screening, ScreeningCategory};

use super::schedule;
use crate::error::{Result, StoreError};

/// Open cases any legal rule may have something to say about: a relief plan, a concern
/// report, a missed hearing or a move. Every other case's review is empty.
pub(crate) fn legal_children(conn: &Connection) -> Result<Vec<i64>> {
    conn.prepare_cached(
        "SELECT id FROM children WHERE status = 'open' AND (
            id IN (SELECT child_id FROM relief_plans WHERE plan <> '[]')
         OR id IN (SELECT child_id FROM concerns)
         OR id IN (SELECT child_id FROM hearings WHERE outcome = 'missed')
         OR sponsor_id IN (SELECT sponsor_id FROM address_changes WHERE kind = 'move'))
         ORDER BY id",
    )
    .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
    .map_err(StoreError::sql("find cases with legal deadlines"))
}

fn sponsor_of(conn: &Connection, child_id: i64) -> Result<Option<i64>> {
    conn.prepare_cached("SELECT sponsor_id FROM children WHERE id = ?1")
        .and_then(|mut s| s.query_row([child_id], |r| r.get(0)))
        .map_err(StoreError::sql("read the case"))
}

pub(crate) fn legal_flags(conn: &Connection, today: NaiveDate) -> Result<Vec<Flag>> {
    let mut out = Vec::new();
    for child_id in legal_children(conn)? {
        let review = schedule::review(conn, child_id, today)?;
        let sponsor_id = sponsor_of(conn, child_id)?;
        for d in review.deadlines.into_iter().filter(|d| d.is_red_flag()) {
            out.push(Flag {
                kind: FlagKind::LegalDeadline,
                key: d.key,
                child_id: Some(child_id),
                sponsor_id,
                sponsor_ids: sponsor_id.into_iter().collect(),
                explanation_en: format!("{} Source: {}.", d.explanation_en, d.rule.source),
                explanation_es: format!("{} Fuente: {}.", d.explanation_es, d.rule.source),
            });
        }
    }
    out.extend(screening_flags(conn)?);
    Ok(out)
}

/// The flags of each open child's latest call that has screening answers.
fn screening_flags(conn: &Connection) -> Result<Vec<Flag>> {
    let rows: Vec<(i64, i64, Option<i64>, String)> = conn
        .prepare_cached(
            "SELECT k.id, k.child_id, c.sponsor_id, json_extract(k.answers, '$.screening')
             FROM calls k JOIN children c ON c.id = k.child_id
             WHERE c.status = 'open' AND json_extract(k.answers, '$.screening') IS NOT NULL
               AND k.id = (SELECT max(k2.id) FROM calls k2 WHERE k2.child_id = k.child_id
                           AND json_extract(k2.answers, '$.screening') IS NOT NULL)
             ORDER BY k.child_id",
        )
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(StoreError::sql("read the screening answers"))?;
    let mut out = Vec::new();
    for (call_id, child_id, sponsor_id, json) in rows {
        let Ok(screening) = serde_json::from_str::<Screening>(&json) else {
            continue;
        };
        for f in screening.flags {
            out.push(Flag {
                kind: match f.category {
                    ScreeningCategory::Labour => FlagKind::ChildLabour,
                    ScreeningCategory::TraffickingIndicator => FlagKind::TraffickingIndicator,
                },
                key: format!("screening:{child_id}:{call_id}:{}", f.code),
                child_id: Some(child_id),
                sponsor_id,
                sponsor_ids: sponsor_id.into_iter().collect(),
                explanation_en: format!("{} Source: {}.", f.explanation_en, f.rule.source),
                explanation_es: format!("{} Fuente: {}.", f.explanation_es, f.rule.source),
            });
        }
    }
    Ok(out)
}
