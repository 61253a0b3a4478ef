//! Full-text search over children: names, aliases, sponsor names, A-Number, phones, case
//! number. SQLite FTS5 with `unicode61 remove_diacritics 2`, so `jose ramirez` finds
//! `José Ramírez`; every word is a prefix while typing; results ranked by bm25.
//!
//! A role that may not see a field may not search by it, or search becomes an oracle (typing
//! `T-2026-000001 A2`, `… A20`, … recovers an A-Number digit by digit). A-Numbers therefore
//! live in a column of their own, `a_numbers`, and a query built for a role without
//! `Visibility::a_number` names only the other columns: the index is never asked about them.
//! Addresses are not indexed at all.

use rusqlite::{params, Connection};
use tether_core::casework::redaction::Visibility;
use tether_core::casework::{ANumber, CaseNumber, ChildDraft, Phone, SponsorDraft};

use super::children::{summary_from_row, SUMMARY_COLUMNS};
use super::views::ChildSummary;
use crate::error::{Result, StoreError};

/// A phone's digits as searched: the whole E.164 number, and the national part.
pub(crate) fn phone_digits(p: &Phone) -> (String, String) {
    let full = p.e164().trim_start_matches('+').to_owned();
    let cc = p.calling_code().to_string();
    let national = full.strip_prefix(cc.as_str()).unwrap_or(&full).to_owned();
    (full, national)
}

/// How many trailing digits of a phone are indexed as its local number: a US number without
/// its area code (`555-0142`), or the last seven of a longer national number, as people note
/// a number they half remember. FTS5 matches prefixes only, so the tail is a token of its own.
const LOCAL_DIGITS: usize = 7;

/// The phone's local-number token, when its national part is longer than that.
fn local_digits(national: &str) -> Option<&str> {
    let start = national.len().checked_sub(LOCAL_DIGITS)?;
    (start > 0).then(|| &national[start..])
}

/// (Re)writes the search row of an existing child from what is stored. A voided or merged
/// record has no row (it is found through the case it was merged into, whose row also holds
/// the merged records' case numbers and A-Numbers).
pub(crate) fn index_child(conn: &Connection, child_id: i64) -> Result<()> {
    let row = conn
        .prepare_cached(
            "SELECT c.given_name || ' ' || c.family_name || ' ' || c.aliases || ' ' ||
                    coalesce(s.given_name || ' ' || s.family_name, ''),
                    c.case_number, c.a_number,
                    (SELECT group_concat(e164, ' ') FROM sponsor_phones p WHERE p.sponsor_id = c.sponsor_id),
                    c.status,
                    (SELECT json_group_array(json_array(m.case_number, m.a_number))
                     FROM children m WHERE m.merged_into = c.id)
             FROM children c LEFT JOIN sponsors s ON s.id = c.sponsor_id WHERE c.id = ?1",
        )
        .and_then(|mut stmt| {
            stmt.query_row([child_id], |r| {
                let names: String = r.get(0)?;
                let case_number: String = r.get(1)?;
                let a_number: Option<String> = r.get(2)?;
                let phones: Option<String> = r.get(3)?;
                let status: String = r.get(4)?;
                let merged: Vec<(String, Option<String>)> =
                    serde_json::from_str(&r.get::<_, String>(5)?).unwrap_or_default();
                let phones: Vec<Phone> = phones
                    .unwrap_or_default()
                    .split_whitespace()
                    .filter_map(|e164| Phone::parse(e164).ok())
                    .collect();
                let mut numbers = number_terms(&case_number, phones.iter());
                let mut a_numbers = a_number_terms(a_number);
                for (merged_case, merged_a) in merged {
                    numbers.push(' ');
                    numbers.push_str(&number_terms(&merged_case, std::iter::empty()));
                    a_numbers.push(' ');
                    a_numbers.push_str(&a_number_terms(merged_a));
                }
                Ok((
                    names.replace(['[', ']', '"', ','], " "),
                    numbers,
                    a_numbers,
                    matches!(status.as_str(), "open" | "closed"),
                ))
            })
        })
        .map_err(StoreError::sql("index a child for search"))?;
    let (names, numbers, a_numbers, listed) = row;
    if !listed {
        conn.prepare_cached("DELETE FROM child_search WHERE rowid = ?1")
            .and_then(|mut s| s.execute([child_id]))
            .map_err(StoreError::sql("index a child for search"))?;
        return Ok(());
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO child_search (rowid, names, numbers, a_numbers)
         VALUES (?1, ?2, ?3, ?4)",
    )
    .and_then(|mut s| s.execute(params![child_id, names, numbers, a_numbers]))
    .map_err(StoreError::sql("index a child for search"))?;
    Ok(())
}

/// Indexes a child created a moment ago, from the values in hand: no read back, no old row
/// to replace (the import path, where this is most of the work per row).
pub(crate) fn index_new_child(
    conn: &Connection,
    child_id: i64,
    child: &ChildDraft,
    sponsor: Option<&SponsorDraft>,
    case_number: &str,
) -> Result<()> {
    let (names, numbers, a_numbers) = new_child_terms(child, sponsor, case_number);
    insert_row(conn, child_id, &names, &numbers, &a_numbers)
}

/// One child's search row, ready to insert: (rowid = child id, names, numbers, a_numbers).
pub(crate) type SearchRow = (i64, String, String, String);

/// The `names`, `numbers` and `a_numbers` columns for a new child, from the values in hand.
pub(crate) fn new_child_terms(
    child: &ChildDraft,
    sponsor: Option<&SponsorDraft>,
    case_number: &str,
) -> (String, String, String) {
    let mut names = format!(
        "{} {} {}",
        child.given_name,
        child.family_name,
        child.aliases.join(" ")
    );
    if let Some(s) = sponsor {
        names.push(' ');
        names.push_str(&s.given_name);
        names.push(' ');
        names.push_str(&s.family_name);
    }
    let a_number = child.a_number.map(|a| a.digits());
    let phones = sponsor.map(|s| s.phones.as_slice()).unwrap_or_default();
    let numbers = number_terms(case_number, phones.iter());
    (names, numbers, a_number_terms(a_number))
}

/// Writes many new children's search rows, a few thousand per statement.
///
/// Why the import collects them and calls this last: FTS5 keeps new rows in memory and
/// flushes them to a new on-disk segment whenever a statement opens a savepoint (an
/// `INSERT … RETURNING`, a multi-row write, a trigger). With such a statement between two
/// children's search rows, every child became its own one-row segment and merging them was
/// 40 % of a 100,000-row import. Written last, the rows only flush when FTS5's in-memory
/// hash fills, whatever the rest of the import does.
pub(crate) fn insert_rows(conn: &Connection, rows: &[SearchRow]) -> Result<()> {
    // Bounds the JSON text handed to SQLite (about 1.5 MB per chunk).
    const CHUNK: usize = 10_000;
    let mut stmt = conn
        .prepare_cached(
            "INSERT INTO child_search (rowid, names, numbers, a_numbers)
             SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?1)",
        )
        .map_err(StoreError::sql("index children for search"))?;
    for chunk in rows.chunks(CHUNK) {
        serde_json::to_string(chunk)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
            .and_then(|json| stmt.execute([json]))
            .map_err(StoreError::sql("index children for search"))?;
    }
    Ok(())
}

/// The `a_numbers` column: the A-Number with and without its `A`.
fn a_number_terms(a_number: Option<String>) -> String {
    a_number.map(|a| format!("A{a} {a}")).unwrap_or_default()
}

fn number_terms<'a>(case_number: &str, phones: impl Iterator<Item = &'a Phone>) -> String {
    let mut numbers = vec![case_number.replace('-', " "), case_number.replace('-', "")];
    for p in phones {
        let (full, national) = phone_digits(p);
        if let Some(local) = local_digits(&national) {
            numbers.push(local.to_owned());
        }
        numbers.push(full);
        numbers.push(national);
    }
    numbers.join(" ")
}

fn insert_row(
    conn: &Connection,
    child_id: i64,
    names: &str,
    numbers: &str,
    a_numbers: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO child_search (rowid, names, numbers, a_numbers) VALUES (?1, ?2, ?3, ?4)",
    )
    .and_then(|mut s| s.execute(params![child_id, names, numbers, a_numbers]))
    .map_err(StoreError::sql("index a child for search"))?;
    Ok(())
}

/// What a query was read as, for the audit log (never what was typed): `name`,
/// `case_number`, `a_number`, `phone`, `number` (digits that are none of those), joined with
/// `+` when it reads as several, or `empty`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryKind(String);

impl QueryKind {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Reads what someone typed: its kind, always, and its FTS5 query for a role that sees
/// `vis` (`None` when nothing searchable is left).
///
/// Identifiers typed in any accepted form (A-Number `123-456-789`, case number, phone) are
/// matched exactly; every word is also tried as a prefix, so a Guatemalan 8-digit number is
/// found as a phone even though it would also read as an A-Number. Without
/// `Visibility::a_number`, no alternative touches the `a_numbers` column.
pub fn plan_query(raw: &str, vis: &Visibility) -> (QueryKind, Option<String>) {
    let plan = plan(raw, vis);
    (plan.kind, plan.query)
}

/// A query as planned for one role.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Plan {
    kind: QueryKind,
    /// Everything the query may match (identifiers exactly, words as prefixes).
    query: Option<String>,
    /// The identifiers alone (a case number, its sequence typed bare, an A-Number, a phone):
    /// their matches are listed first, so `5` finds T-…-000005 before phones that start with 5.
    exact: Option<String>,
}

fn plan(raw: &str, vis: &Visibility) -> Plan {
    let mut kinds: Vec<&str> = Vec::new();
    let mut alternatives = Vec::new();
    let mut exact = Vec::new();
    // Every column a word may match for this role, as an FTS5 column filter.
    let (all_columns, number_columns) = if vis.a_number {
        ("{names numbers a_numbers}", "{numbers a_numbers}")
    } else {
        ("{names numbers}", "numbers")
    };
    let words: Vec<String> = raw
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(str::to_lowercase)
        .collect();
    if let Ok(c) = CaseNumber::parse(raw) {
        kinds.push("case_number");
        exact.push(format!("numbers : \"{}\"", c.to_string().replace('-', "")));
    }
    // A bare number of up to six digits (`5`, `000123`) may be a case number's sequence, which
    // is indexed as its own six-digit token. Its kind stays `number`: that is what it looks like.
    let bare = raw.trim();
    if (1..=6).contains(&bare.len()) && bare.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(seq) = bare.parse::<u32>() {
            if seq > 0 {
                exact.push(format!("numbers : \"{seq:06}\""));
            }
        }
    }
    if let Ok(a) = ANumber::parse(raw) {
        kinds.push("a_number");
        if vis.a_number {
            exact.push(format!("a_numbers : \"{}\"", a.digits()));
        }
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 7 {
        if let Ok(p) = Phone::parse(raw) {
            kinds.push("phone");
            exact.push(format!("numbers : \"{}\"", phone_digits(&p).0));
        }
    }
    alternatives.extend(exact.iter().cloned());
    // A number typed with spaces or dashes (`5123 4567`, `555-0142`) is one number.
    let number_like = raw
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+' | '.'));
    if number_like && digits.len() >= 4 {
        alternatives.push(format!("{number_columns} : \"{digits}\"*"));
    }
    // Not one identifier as a whole: words, of letters (names) or of digits (numbers).
    if kinds.is_empty() {
        if words.iter().any(|w| w.chars().any(char::is_alphabetic)) {
            kinds.push("name");
        }
        if words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit())) {
            kinds.push("number");
        }
    }
    if !words.is_empty() {
        let words: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
        alternatives.push(format!("{all_columns} : ({})", words.join(" AND ")));
    }
    let kind = QueryKind(if kinds.is_empty() {
        "empty".to_owned()
    } else {
        kinds.join("+")
    });
    let or =
        |alternatives: Vec<String>| (!alternatives.is_empty()).then(|| alternatives.join(" OR "));
    Plan {
        kind,
        query: or(alternatives),
        exact: or(exact),
    }
}

/// The FTS5 query as staff (who see everything) would run it.
pub fn fts_query(raw: &str) -> Option<String> {
    plan_query(raw, &Visibility::EVERYTHING).1
}

/// A single word of at most three letters, such as the first keystrokes of a name.
fn is_short_prefix(raw: &str) -> bool {
    let mut words = raw
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    match (words.next(), words.next()) {
        (Some(w), None) => w.chars().count() <= 3 && !w.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

pub(crate) fn search(
    conn: &Connection,
    raw: &str,
    limit: u32,
    vis: &Visibility,
) -> Result<(QueryKind, Vec<ChildSummary>)> {
    let Plan { kind, query, exact } = plan(raw, vis);
    let Some(query) = query else {
        return Ok((kind, Vec::new()));
    };
    // One or two letters typed so far match thousands of children: ranking them all by bm25
    // costs tens of milliseconds and means little, so show the newest cases instead (FTS5
    // walks rowids backwards and stops at the limit). An identifier's exact matches come
    // before everything it also matches as a prefix.
    let order = if is_short_prefix(raw) {
        "f.rowid DESC"
    } else if exact.is_some() {
        "f.rowid IN (SELECT rowid FROM child_search WHERE child_search MATCH ?3) DESC,
         bm25(child_search, 10.0, 5.0, 5.0)"
    } else {
        "bm25(child_search, 10.0, 5.0, 5.0)"
    };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}
         FROM child_search f
         JOIN children c ON c.id = f.rowid
         LEFT JOIN sponsors s ON s.id = c.sponsor_id
         LEFT JOIN users u ON u.id = c.assigned_to
         WHERE child_search MATCH ?1 AND c.status IN ('open', 'closed')
         ORDER BY {order}
         LIMIT ?2"
    );
    let mut stmt = conn
        .prepare_cached(&sql)
        .map_err(StoreError::sql("search"))?;
    let found = match &exact {
        Some(exact) => stmt
            .query_map(params![query, limit, exact], |r| summary_from_row(r, vis))
            .and_then(|rows| rows.collect::<rusqlite::Result<_>>()),
        None => stmt
            .query_map(params![query, limit], |r| summary_from_row(r, vis))
            .and_then(|rows| rows.collect::<rusqlite::Result<_>>()),
    }
    .map_err(StoreError::sql("search"))?;
    Ok((kind, found))
}

#[cfg(test)]
mod tests {
    use tether_core::casework::redaction::Visibility;
    use tether_core::Role;

    use super::{fts_query, local_digits, plan, plan_query};

    #[test]
    fn queries_read_identifiers_in_any_accepted_form() {
        let q = fts_query("123-456-789").unwrap_or_default();
        assert!(q.contains("numbers : \"123456789\""), "{q}");
        let q = fts_query("A 023 456 789").unwrap_or_default();
        assert!(q.contains("\"023456789\""), "{q}");
        let q = fts_query("jose ram").unwrap_or_default();
        assert_eq!(q, "{names numbers a_numbers} : (\"jose\"* AND \"ram\"*)");
        let q = fts_query("+502 5123 4567").unwrap_or_default();
        assert!(q.contains("\"50251234567\""), "{q}");
        assert_eq!(fts_query("  -- "), None);
    }

    #[test]
    fn quotes_cannot_break_out_of_the_query() {
        let q = fts_query("\"; DROP TABLE children; --").unwrap_or_default();
        assert!(!q.contains("\"\""), "{q}");
        assert!(q.starts_with("{names numbers a_numbers} : ("), "{q}");
    }

    #[test]
    fn a_volunteers_query_never_names_the_a_number_column() {
        let volunteer = Visibility::for_role(Role::Volunteer);
        for raw in [
            "123-456-789",
            "A123456789",
            "A2",
            "T-2026-000001 A2",
            "T-2026-000001 A20",
            "2024",
            "jose",
        ] {
            let (_, q) = plan_query(raw, &volunteer);
            let q = q.unwrap_or_default();
            assert!(!q.contains("a_numbers"), "{raw:?} → {q}");
            assert!(!q.is_empty(), "{raw:?}");
        }
    }

    #[test]
    fn a_bare_number_is_also_read_as_a_case_numbers_sequence_first() {
        let staff = Visibility::EVERYTHING;
        let p = plan("5", &staff);
        assert_eq!(p.exact.as_deref(), Some("numbers : \"000005\""));
        assert_eq!(p.kind.as_str(), "number");
        assert_eq!(
            plan("000123", &staff).exact.as_deref(),
            Some("numbers : \"000123\"")
        );
        assert_eq!(plan("0", &staff).exact, None);
        assert_eq!(plan("1234567", &staff).exact, None);
        assert_eq!(plan("José", &staff).exact, None);
    }

    #[test]
    fn a_phones_last_seven_digits_are_a_token_of_their_own() {
        assert_eq!(local_digits("7135550142"), Some("5550142"));
        assert_eq!(local_digits("51234567"), Some("1234567"));
        assert_eq!(local_digits("5550142"), None);
    }

    #[test]
    fn a_querys_kind_says_what_it_looks_like_not_what_it_says() {
        let staff = Visibility::EVERYTHING;
        let kind = |raw: &str| plan_query(raw, &staff).0.as_str().to_owned();
        assert_eq!(kind("José Ramírez"), "name");
        assert_eq!(kind("T-2026-000001"), "case_number");
        assert_eq!(kind("A 123 456 789"), "a_number");
        assert_eq!(kind("T-2026-000001 A2"), "name+number");
        assert_eq!(kind("123-456-789"), "a_number");
        assert_eq!(kind("+502 5123 4567"), "phone");
        assert_eq!(kind("5123"), "number");
        assert_eq!(kind(" -- "), "empty");
    }
}
