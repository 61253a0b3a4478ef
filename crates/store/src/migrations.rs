//! Append-only schema migrations, tracked in `PRAGMA user_version`, each in its own transaction.
//!
//! rusqlite_migration has no release for rusqlite 0.43 (two libsqlite3-sys cannot link), and
//! this runner is small enough to own.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Result, StoreError};

/// A schema step: SQL, or Rust for steps that need the domain (re-indexing).
enum Step {
    Sql(&'static str),
    Rust(fn(&Connection) -> Result<()>),
}

/// Never edit or reorder an entry: add a new one.
const MIGRATIONS: &[Step] = &[
    // 1: users, settings, the audit chain
    Step::Sql(
        "CREATE TABLE users (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        name_key    TEXT NOT NULL UNIQUE,
        role        TEXT NOT NULL CHECK (role IN ('admin', 'case_manager', 'volunteer')),
        slot_id     TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL
     );
     CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
     );
     CREATE TABLE audit (
        id          INTEGER PRIMARY KEY,
        seq         INTEGER NOT NULL,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        record_kind TEXT NOT NULL,
        record_id   TEXT NOT NULL,
        outcome     TEXT NOT NULL,
        prev_hash   BLOB NOT NULL,
        hash        BLOB NOT NULL
     );
     CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
     CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
    ),
    // 2: casework: sponsors, children, proceedings, search
    Step::Sql(
        "CREATE TABLE sponsors (
        id                  INTEGER PRIMARY KEY,
        given_name          TEXT NOT NULL,
        family_name         TEXT NOT NULL,
        name_key            TEXT NOT NULL,
        category            TEXT,
        address_line1       TEXT,
        address_unit        TEXT,
        address_city        TEXT,
        address_state       TEXT,
        address_postal_code TEXT,
        address_key         TEXT,
        address_incomplete  TEXT,
        time_zone           TEXT NOT NULL,
        import_key          TEXT UNIQUE,
        created_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL
     );
     CREATE INDEX sponsors_name_key ON sponsors (name_key);
     CREATE INDEX sponsors_address_key ON sponsors (address_key);
     CREATE TABLE sponsor_phones (
        sponsor_id INTEGER NOT NULL REFERENCES sponsors (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        e164       TEXT NOT NULL,
        PRIMARY KEY (sponsor_id, e164)
     );
     CREATE INDEX sponsor_phones_e164 ON sponsor_phones (e164);
     CREATE TABLE children (
        id                 INTEGER PRIMARY KEY,
        case_number        TEXT NOT NULL UNIQUE,
        case_year          INTEGER NOT NULL,
        case_seq           INTEGER NOT NULL,
        given_name         TEXT NOT NULL,
        family_name        TEXT NOT NULL,
        name_key           TEXT NOT NULL,
        aliases            TEXT NOT NULL DEFAULT '[]',
        birth_date         TEXT,
        sex                TEXT,
        a_number           TEXT,
        country_of_birth   TEXT,
        primary_language   TEXT,
        interpreter_needed INTEGER NOT NULL DEFAULT 0,
        release_date       TEXT,
        orr_program        TEXT,
        notes              TEXT NOT NULL DEFAULT '',
        sponsor_id         INTEGER REFERENCES sponsors (id),
        relationship       TEXT,
        nta_status         TEXT NOT NULL DEFAULT 'not_served'
                           CHECK (nta_status IN ('not_served', 'served', 'filed')),
        nta_served_on      TEXT,
        court_code         TEXT,
        attorney           TEXT,
        last_acis_check    TEXT,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL,
        UNIQUE (case_year, case_seq)
     );
     CREATE INDEX children_a_number ON children (a_number);
     CREATE INDEX children_name_key ON children (name_key, birth_date);
     CREATE INDEX children_sponsor ON children (sponsor_id);
     CREATE INDEX children_release ON children (release_date);
     CREATE TABLE hearings (
        id         INTEGER PRIMARY KEY,
        child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        at_local   TEXT NOT NULL,
        court_code TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('master', 'individual')),
        judge      TEXT,
        outcome    TEXT,
        UNIQUE (child_id, at_local, court_code)
     );
     CREATE INDEX hearings_at ON hearings (at_local);
     CREATE TABLE address_changes (
        id              INTEGER PRIMARY KEY,
        sponsor_id      INTEGER NOT NULL REFERENCES sponsors (id) ON DELETE CASCADE,
        recorded_on     TEXT NOT NULL,
        address_line1   TEXT,
        address_unit    TEXT,
        address_city    TEXT,
        address_state   TEXT,
        address_postal_code TEXT,
        eoir33_filed_on TEXT
     );
     CREATE TABLE exports (
        id      INTEGER PRIMARY KEY,
        at      TEXT NOT NULL,
        full    INTEGER NOT NULL,
        reason  TEXT NOT NULL,
        rows    INTEGER NOT NULL
     );
     CREATE VIRTUAL TABLE child_search USING fts5 (
        names, numbers,
        tokenize = 'unicode61 remove_diacritics 2'
     );",
    ),
    // 3: prefix indexes for search-as-you-type (2- and 3-character prefixes were scanning
    //    thousands of terms at 100k children); the index is rebuilt from the stored cases.
    Step::Rust(rebuild_search_with_prefix_index),
    // 4: follow-up: the call log, the scheduler's task table, red-flag acknowledgements
    Step::Sql(
        "CREATE TABLE calls (
            id          INTEGER PRIMARY KEY,
            child_id    INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
            offset_days INTEGER NOT NULL,
            attempt     INTEGER NOT NULL,
            called_at   TEXT NOT NULL,
            called_on   TEXT NOT NULL,
            time_zone   TEXT NOT NULL,
            outcome     TEXT NOT NULL,
            caller      TEXT NOT NULL,
            notes       TEXT NOT NULL DEFAULT '',
            answers     TEXT NOT NULL DEFAULT '{}'
         );
         CREATE INDEX calls_child ON calls (child_id);
         CREATE TABLE tasks (
            id       INTEGER PRIMARY KEY,
            key      TEXT NOT NULL UNIQUE,
            child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
            kind     TEXT NOT NULL,
            due_on   TEXT NOT NULL,
            attempt  INTEGER,
            detail   TEXT NOT NULL,
            closed   INTEGER NOT NULL DEFAULT 0
         );
         CREATE INDEX tasks_open ON tasks (closed, kind, due_on);
         CREATE INDEX tasks_child ON tasks (child_id);
         CREATE TABLE flag_acks (
            key   TEXT PRIMARY KEY,
            at    TEXT NOT NULL,
            actor TEXT NOT NULL,
            note  TEXT NOT NULL
         );",
    ),
    // 5: tasks for the cases already in the vault
    Step::Rust(schedule_existing_cases),
    // 6: trust: one entry per seq, the actor's user id and a read's count in the chain, and
    //    A-Numbers in a search column of their own (so volunteers' queries can leave it out)
    Step::Rust(audit_ids_and_search_by_role),
    // 7: addresses reported on a call by a volunteer, waiting for a case manager
    Step::Sql(
        "CREATE TABLE address_reports (
            id            INTEGER PRIMARY KEY,
            sponsor_id    INTEGER NOT NULL REFERENCES sponsors (id) ON DELETE CASCADE,
            child_id      INTEGER REFERENCES children (id) ON DELETE SET NULL,
            call_id       INTEGER REFERENCES calls (id) ON DELETE SET NULL,
            reported_by   TEXT NOT NULL,
            reported_on   TEXT NOT NULL,
            address_line1 TEXT NOT NULL,
            address_unit  TEXT,
            address_city  TEXT NOT NULL,
            address_state TEXT NOT NULL,
            address_postal_code TEXT NOT NULL,
            status        TEXT NOT NULL DEFAULT 'pending'
                          CHECK (status IN ('pending', 'confirmed', 'rejected')),
            decided_by    TEXT,
            decided_on    TEXT,
            reason        TEXT,
            address_change_id INTEGER REFERENCES address_changes (id)
         );
         CREATE INDEX address_reports_status ON address_reports (status, id);",
    ),
    // 8: a case's life: the history as events (never updated), tasks done by a person,
    //    every acknowledgement of a flag kept, and the address a sponsor had at release
    Step::Sql(
        "CREATE TABLE case_events (
            id        INTEGER PRIMARY KEY,
            child_id  INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
            at        TEXT NOT NULL,
            actor     TEXT NOT NULL,
            actor_id  INTEGER,
            kind      TEXT NOT NULL,
            detail    TEXT NOT NULL DEFAULT '{}',
            corrects  INTEGER REFERENCES case_events (id)
         );
         CREATE INDEX case_events_child ON case_events (child_id, id);
         CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
         BEGIN SELECT RAISE(ABORT, 'the case history is append-only'); END;
         CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
         WHEN (SELECT count(*) FROM children WHERE id = OLD.child_id) > 0
         BEGIN SELECT RAISE(ABORT, 'the case history is append-only'); END;
         INSERT INTO case_events (child_id, at, actor, kind, detail)
            SELECT child_id, called_at, caller, 'call_logged',
                   json_object('call_id', id, 'offset_days', offset_days, 'attempt', attempt,
                               'on', called_on, 'outcome', outcome, 'note', notes,
                               'answers', json(answers))
            FROM calls ORDER BY id;
         ALTER TABLE tasks ADD COLUMN done_on TEXT;
         ALTER TABLE tasks ADD COLUMN done_by TEXT;
         ALTER TABLE tasks ADD COLUMN done_note TEXT;
         CREATE TABLE flag_acknowledgements (
            id    INTEGER PRIMARY KEY,
            key   TEXT NOT NULL,
            at    TEXT NOT NULL,
            actor TEXT NOT NULL,
            note  TEXT NOT NULL
         );
         CREATE INDEX flag_acknowledgements_key ON flag_acknowledgements (key, id);
         INSERT INTO flag_acknowledgements (key, at, actor, note)
            SELECT key, at, actor, note FROM flag_acks ORDER BY at;
         DROP TABLE flag_acks;
         ALTER TABLE address_changes ADD COLUMN kind TEXT NOT NULL DEFAULT 'move'
            CHECK (kind IN ('release', 'move'));",
    ),
    // 9: the search index again, now with each phone's last seven digits (children indexed
    //    before would otherwise not be found that way until their next edit)
    Step::Rust(rebuild_search_with_prefix_index),
    // 10: the case lifecycle: ORR's category on each child's link to the sponsor (kept from
    //     the sponsor's), open / closed / voided / merged cases and sponsors, who created and
    //     who is assigned a case (from the audit log's `child_created` entries where there is
    //     one), numbers marked not working, and the other people in the sponsor's household
    Step::Sql(
        "ALTER TABLE children ADD COLUMN sponsor_category TEXT;
         UPDATE children SET sponsor_category =
            (SELECT category FROM sponsors s WHERE s.id = children.sponsor_id)
         WHERE sponsor_id IS NOT NULL;
         ALTER TABLE children ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'closed', 'voided', 'merged'));
         ALTER TABLE children ADD COLUMN closed_reason TEXT;
         ALTER TABLE children ADD COLUMN closed_on TEXT;
         ALTER TABLE children ADD COLUMN void_reason TEXT;
         ALTER TABLE children ADD COLUMN merged_into INTEGER REFERENCES children (id);
         ALTER TABLE children ADD COLUMN created_by INTEGER REFERENCES users (id);
         ALTER TABLE children ADD COLUMN assigned_to INTEGER REFERENCES users (id);
         UPDATE children SET created_by =
            (SELECT a.actor_id FROM audit a WHERE a.action = 'child_created'
                AND a.record_kind = 'child' AND a.record_id = CAST(children.id AS TEXT)
             ORDER BY a.id LIMIT 1);
         UPDATE children SET assigned_to = created_by;
         CREATE INDEX children_status ON children (status, assigned_to);
         CREATE INDEX children_merged_into ON children (merged_into);
         ALTER TABLE sponsors ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
            CHECK (status IN ('active', 'voided', 'merged'));
         ALTER TABLE sponsors ADD COLUMN merged_into INTEGER REFERENCES sponsors (id);
         ALTER TABLE sponsor_phones ADD COLUMN not_working_on TEXT;
         ALTER TABLE sponsors ADD COLUMN household TEXT NOT NULL DEFAULT '[]';",
    ),
    // 11: the search index (merged records' numbers find their case) and every case's tasks
    //     (age-out, a sponsor with no working number) from the lifecycle schema
    Step::Rust(reindex_and_reschedule),
    // 12: legal deadlines and child protection (issue 13): each child's relief plan, the
    //     in absentia order a missed hearing may bring, concern reports with every step kept
    //     as an event, and supervisors among the case managers; indexes for a sponsor's merged
    //     records and address history (without them the Sponsors list read every sponsor
    //     row for each sponsor: 13 minutes at 100,000 children); then every case's tasks
    //     again (a missed hearing before this asks whether an order was entered)
    Step::Rust(legal_tables_and_reschedule),
    // 13: indexes the screens page by (issue 14): the Sponsors list in name order; the
    //     Children list in case-number order (each page sorted every open case without it:
    //     220 ms at 100,000 children); the dashboard's count of unserved NTAs among open cases
    //     (a scan of every open case without it: 114 ms)
    Step::Sql(
        "CREATE INDEX sponsors_by_name ON sponsors (status, family_name, given_name, id);
         CREATE INDEX children_by_case ON children (status, case_year, case_seq);
         CREATE INDEX children_nta ON children (nta_status, status);",
    ),
];

const LEGAL_TABLES: &str = "CREATE TABLE relief_plans (
            child_id   INTEGER PRIMARY KEY REFERENCES children (id),
            plan       TEXT NOT NULL DEFAULT '[]',
            updated_at TEXT NOT NULL
         );
         CREATE TABLE in_absentia_orders (
            hearing_id INTEGER PRIMARY KEY REFERENCES hearings (id),
            child_id   INTEGER NOT NULL REFERENCES children (id),
            order_json TEXT NOT NULL,
            updated_at TEXT NOT NULL
         );
         CREATE TABLE concerns (
            id          INTEGER PRIMARY KEY,
            child_id    INTEGER NOT NULL REFERENCES children (id),
            call_id     INTEGER REFERENCES calls (id),
            category    TEXT NOT NULL,
            heard       TEXT NOT NULL,
            state       TEXT NOT NULL DEFAULT 'draft'
                CHECK (state IN ('draft', 'submitted', 'approved', 'reported', 'closed')),
            opened_on   TEXT NOT NULL,
            approved_on TEXT,
            reported_to TEXT,
            reported_on TEXT,
            reference   TEXT
         );
         CREATE INDEX concerns_child ON concerns (child_id);
         CREATE INDEX concerns_state ON concerns (state);
         CREATE TABLE concern_steps (
            id         INTEGER PRIMARY KEY,
            concern_id INTEGER NOT NULL REFERENCES concerns (id),
            step       TEXT NOT NULL,
            at         TEXT NOT NULL,
            actor      TEXT NOT NULL,
            actor_id   INTEGER,
            note       TEXT NOT NULL DEFAULT '',
            detail     TEXT NOT NULL DEFAULT '{}'
         );
         CREATE INDEX concern_steps_concern ON concern_steps (concern_id, id);
         CREATE TRIGGER concern_steps_no_update BEFORE UPDATE ON concern_steps
         BEGIN SELECT RAISE(ABORT, 'the steps of a concern report are append-only'); END;
         CREATE TRIGGER concern_steps_no_delete BEFORE DELETE ON concern_steps
         BEGIN SELECT RAISE(ABORT, 'the steps of a concern report are append-only'); END;
         ALTER TABLE users ADD COLUMN supervisor INTEGER NOT NULL DEFAULT 0;
         CREATE INDEX sponsors_merged_into ON sponsors (merged_into);
         CREATE INDEX address_changes_sponsor ON address_changes (sponsor_id, id);";

/// Migration 12.
fn legal_tables_and_reschedule(conn: &Connection) -> Result<()> {
    conn.execute_batch(LEGAL_TABLES)
        .map_err(StoreError::sql("add the legal tables"))?;
    if !has_lifecycle(conn)? {
        return Ok(());
    }
    crate::followup::tasks::reschedule_all(conn, chrono::Utc::now().date_naive()).map(|_| ())
}

/// Whether the schema has migration 10's columns, which today's search and scheduling code
/// reads. Earlier Rust steps (3, 5, 6, 9) run that code; on a vault older than 10 they skip
/// it, and step 11 does the same work once the columns exist.
fn has_lifecycle(conn: &Connection) -> Result<bool> {
    conn.query_row(
        "SELECT count(*) FROM pragma_table_info('children') WHERE name = 'status'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .map_err(StoreError::sql("read the schema"))
}

/// Migration 11.
fn reindex_and_reschedule(conn: &Connection) -> Result<()> {
    rebuild_search_with_prefix_index(conn)?;
    crate::followup::tasks::reschedule_all(conn, chrono::Utc::now().date_naive()).map(|_| ())
}

/// Migration 6. The unique `seq` makes a second entry after the same head (two processes
/// appending at once) fail instead of forking the chain. A vault that already forked has
/// duplicate seqs that must stay (the log is append-only, and `audit verify` reports them):
/// there the index covers the entries written from now on only.
fn audit_ids_and_search_by_role(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "ALTER TABLE audit ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
         ALTER TABLE audit ADD COLUMN actor_id INTEGER;
         ALTER TABLE audit ADD COLUMN count INTEGER;",
    )
    .map_err(StoreError::sql("add user ids to the audit log"))?;
    let (duplicates, last_id): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM (SELECT seq FROM audit GROUP BY seq HAVING count(*) > 1)),
                    coalesce((SELECT max(id) FROM audit), 0)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(StoreError::sql("check the audit log's sequence numbers"))?;
    let index = if duplicates == 0 {
        "CREATE UNIQUE INDEX audit_seq_unique ON audit (seq)".to_owned()
    } else {
        // Plus a plain index, for the append's look-up of the highest seq.
        format!(
            "CREATE UNIQUE INDEX audit_seq_unique ON audit (seq) WHERE id > {last_id};
             CREATE INDEX audit_seq ON audit (seq);"
        )
    };
    conn.execute_batch(&index)
        .map_err(StoreError::sql("make audit sequence numbers unique"))?;
    rebuild_search_with_prefix_index(conn)
}

fn schedule_existing_cases(conn: &Connection) -> Result<()> {
    if !has_lifecycle(conn)? {
        return Ok(());
    }
    crate::followup::tasks::reschedule_all(conn, chrono::Utc::now().date_naive()).map(|_| ())
}

/// Drops and rebuilds the search index in its current shape from the stored cases. The index
/// is derived data, so migration 3 (the prefix indexes) and migration 6 (the `a_numbers`
/// column) both run this: on a vault older than 3, step 3 already builds today's shape and
/// step 6 rebuilds it once more.
fn rebuild_search_with_prefix_index(conn: &Connection) -> Result<()> {
    if !has_lifecycle(conn)? {
        return Ok(());
    }
    conn.execute_batch(
        "DROP TABLE child_search;
         CREATE VIRTUAL TABLE child_search USING fts5 (
            names, numbers, a_numbers,
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3 4'
         );",
    )
    .map_err(StoreError::sql("rebuild the search index"))?;
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM children")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(StoreError::sql("rebuild the search index"))?;
    for id in ids {
        crate::casework::search::index_child(conn, id)?;
    }
    Ok(())
}

pub(crate) const LATEST: i64 = MIGRATIONS.len() as i64;

pub(crate) fn current_version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(StoreError::sql("read the schema version"))
}

/// Brings the schema up to date; refuses a database from a newer Tether.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let found = current_version(conn)?;
    if found > LATEST {
        return Err(StoreError::SchemaTooNew {
            found,
            supported: LATEST,
        });
    }
    for (index, step) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(found).unwrap_or(0))
    {
        let version = index as i64 + 1;
        // IMMEDIATE, like every write: the write lock is taken before anything is read.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::sql("start a migration"))?;
        match step {
            Step::Sql(sql) => tx
                .execute_batch(sql)
                .map_err(StoreError::sql("apply a migration"))?,
            Step::Rust(run) => run(&tx)?,
        }
        tx.pragma_update(None, "user_version", version)
            .map_err(StoreError::sql("record the schema version"))?;
        tx.commit().map_err(StoreError::sql("commit a migration"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_once_and_are_idempotent() -> Result<()> {
        let mut conn = Connection::open_in_memory().map_err(StoreError::sql("open"))?;
        migrate(&mut conn)?;
        assert_eq!(current_version(&conn)?, LATEST);
        migrate(&mut conn)?;
        assert_eq!(current_version(&conn)?, LATEST);
        Ok(())
    }

    #[test]
    fn newer_schema_is_refused() -> Result<()> {
        let mut conn = Connection::open_in_memory().map_err(StoreError::sql("open"))?;
        conn.pragma_update(None, "user_version", LATEST + 1)
            .map_err(StoreError::sql("set"))?;
        assert!(matches!(
            migrate(&mut conn),
            Err(StoreError::SchemaTooNew { .. })
        ));
        Ok(())
    }

    #[test]
    fn audit_rows_cannot_be_changed_through_sql() -> Result<()> {
        let mut conn = Connection::open_in_memory().map_err(StoreError::sql("open"))?;
        migrate(&mut conn)?;
        conn.execute(
            "INSERT INTO audit (seq, at, actor, action, record_kind, record_id, outcome, prev_hash, hash)
             VALUES (1, 't', 'a', 'x', 'k', '1', 'ok', x'00', x'00')",
            [],
        )
        .map_err(StoreError::sql("insert"))?;
        assert!(conn.execute("UPDATE audit SET actor = 'b'", []).is_err());
        assert!(conn.execute("DELETE FROM audit", []).is_err());
        Ok(())
    }

    #[test]
    fn a_second_entry_with_the_same_seq_is_refused() -> Result<()> {
        let mut conn = Connection::open_in_memory().map_err(StoreError::sql("open"))?;
        migrate(&mut conn)?;
        let insert = "INSERT INTO audit (seq, at, actor, action, record_kind, record_id, outcome, prev_hash, hash)
             VALUES (1, 't', 'a', 'x', 'k', '1', 'ok', x'00', x'00')";
        conn.execute(insert, [])
            .map_err(StoreError::sql("insert"))?;
        assert!(conn.execute(insert, []).is_err());
        Ok(())
    }

    /// A vault from before the case history: its calls become the history's first events and
    /// its flag acknowledgement is kept, and the history cannot be rewritten through SQL.
    #[test]
    fn migration_8_carries_calls_and_acknowledgements_into_the_history() -> Result<()> {
        let mut conn = Connection::open_in_memory().map_err(StoreError::sql("open"))?;
        for (index, step) in MIGRATIONS.iter().take(7).enumerate() {
            match step {
                Step::Sql(sql) => conn.execute_batch(sql).map_err(StoreError::sql("old"))?,
                Step::Rust(run) => run(&conn)?,
            }
            conn.pragma_update(None, "user_version", index as i64 + 1)
                .map_err(StoreError::sql("old"))?;
        }
        conn.execute_batch(
            "INSERT INTO children (id, case_number, case_year, case_seq, given_name, family_name,
                name_key, created_at, updated_at)
             VALUES (1, 'T-2026-000001', 2026, 1, 'José', 'Ramírez', 'jose ramirez',
                '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z');
             INSERT INTO calls (child_id, offset_days, attempt, called_at, called_on, time_zone,
                outcome, caller, notes, answers)
             VALUES (1, 30, 1, '2026-11-02T16:00:00Z', '2026-11-02', 'America/Chicago',
                'reached_child', 'ana', 'Dice que no se siente seguro.', '{\"feels_safe\":false}');
             INSERT INTO flag_acks (key, at, actor, note)
             VALUES ('shared_address:1,2', '2026-11-03T10:00:00Z', 'ana', 'Dúplex: visitado.');",
        )
        .map_err(StoreError::sql("old rows"))?;
        migrate(&mut conn)?;
        let (kind, actor, detail): (String, String, String) = conn
            .query_row(
                "SELECT kind, actor, detail FROM case_events WHERE child_id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(StoreError::sql("read"))?;
        assert_eq!((kind.as_str(), actor.as_str()), ("call_logged", "ana"));
        let detail: serde_json::Value = serde_json::from_str(&detail)
            .map_err(|_| StoreError::invalid("detail", "the migrated call is JSON"))?;
        assert_eq!(detail["answers"]["feels_safe"], false);
        assert_eq!(detail["note"], "Dice que no se siente seguro.");
        let note: String = conn
            .query_row(
                "SELECT note FROM flag_acknowledgements WHERE key = 'shared_address:1,2'",
                [],
                |r| r.get(0),
            )
            .map_err(StoreError::sql("read"))?;
        assert_eq!(note, "Dúplex: visitado.");
        assert!(conn
            .execute("UPDATE case_events SET actor = 'x'", [])
            .is_err());
        assert!(conn.execute("DELETE FROM case_events", []).is_err());
        Ok(())
    }

    /// A vault from before the lifecycle: the sponsor's category moves onto each child's link,
    /// every case is open and assigned to whoever the audit log says created it.
    #[test]
    fn migration_10_keeps_the_category_on_each_link_and_the_author() -> Result<()> {
        let mut conn = Connection::open_in_memory().map_err(StoreError::sql("open"))?;
        for (index, step) in MIGRATIONS.iter().take(9).enumerate() {
            match step {
                Step::Sql(sql) => conn.execute_batch(sql).map_err(StoreError::sql("old"))?,
                Step::Rust(run) => run(&conn)?,
            }
            conn.pragma_update(None, "user_version", index as i64 + 1)
                .map_err(StoreError::sql("old"))?;
        }
        conn.execute_batch(
            "INSERT INTO users (id, name, name_key, role, slot_id, created_at)
             VALUES (4, 'ana', 'ana', 'case_manager', 's4', '2026-09-01T00:00:00Z');
             INSERT INTO sponsors (id, given_name, family_name, name_key, category, time_zone,
                created_at, updated_at)
             VALUES (1, 'Rosa', 'Xicará', 'rosa xicara', '3', 'America/Chicago',
                '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z');
             INSERT INTO children (id, case_number, case_year, case_seq, given_name, family_name,
                name_key, sponsor_id, created_at, updated_at)
             VALUES (1, 'T-2026-000001', 2026, 1, 'José', 'Ramírez', 'jose ramirez', 1,
                '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z'),
                    (2, 'T-2026-000002', 2026, 2, 'Lucía', 'Ramírez', 'lucia ramirez', NULL,
                '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z');
             INSERT INTO audit (seq, at, actor, action, record_kind, record_id, outcome,
                prev_hash, hash, actor_id)
             VALUES (1, 't', 'ana', 'child_created', 'child', '1', 'ok', x'00', x'00', 4);",
        )
        .map_err(StoreError::sql("old rows"))?;
        migrate(&mut conn)?;
        type Link = (Option<String>, String, Option<i64>, Option<i64>);
        let rows: Vec<Link> = conn
            .prepare("SELECT sponsor_category, status, created_by, assigned_to FROM children ORDER BY id")
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                    .collect()
            })
            .map_err(StoreError::sql("read"))?;
        assert_eq!(
            rows,
            vec![
                (Some("3".into()), "open".into(), Some(4), Some(4)),
                (None, "open".into(), None, None),
            ]
        );
        // The search index was built in today's shape, merged numbers included.
        let indexed: i64 = conn
            .query_row("SELECT count(*) FROM child_search", [], |r| r.get(0))
            .map_err(StoreError::sql("read"))?;
        assert_eq!(indexed, 2);
        Ok(())
    }

    #[test]
    fn migration_12_asks_about_an_order_for_a_hearing_missed_before_it() -> Result<()> {
        let mut conn = Connection::open_in_memory().map_err(StoreError::sql("open"))?;
        for (index, step) in MIGRATIONS.iter().take(11).enumerate() {
            match step {
                Step::Sql(sql) => conn.execute_batch(sql).map_err(StoreError::sql("old"))?,
                Step::Rust(run) => run(&conn)?,
            }
            conn.pragma_update(None, "user_version", index as i64 + 1)
                .map_err(StoreError::sql("old"))?;
        }
        conn.execute_batch(
            "INSERT INTO children (id, case_number, case_year, case_seq, given_name, family_name,
                name_key, court_code, created_at, updated_at)
             VALUES (1, 'T-2026-000001', 2026, 1, 'José', 'Ramírez', 'jose ramirez', 'HOU',
                '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z');
             INSERT INTO hearings (id, child_id, at_local, court_code, kind, outcome)
             VALUES (7, 1, '2026-11-12 09:00', 'HOU', 'master', 'missed');",
        )
        .map_err(StoreError::sql("old rows"))?;
        migrate(&mut conn)?;
        let asks: i64 = conn
            .query_row(
                "SELECT count(*) FROM tasks WHERE child_id = 1 AND closed = 0
                 AND kind = 'legal_step' AND key LIKE 'legal-task:ask_in_absentia_order:1:7'",
                [],
                |r| r.get(0),
            )
            .map_err(StoreError::sql("read"))?;
        assert_eq!(asks, 1);
        let supervisors: i64 = conn
            .query_row("SELECT count(*) FROM users WHERE supervisor = 1", [], |r| {
                r.get(0)
            })
            .map_err(StoreError::sql("read"))?;
        assert_eq!(supervisors, 0);
        Ok(())
    }

    #[test]
    fn a_vault_whose_chain_already_forked_still_opens() -> Result<()> {
        let mut conn = Connection::open_in_memory().map_err(StoreError::sql("open"))?;
        // Up to migration 5, then the fork two processes used to make: two entries #2.
        for (index, step) in MIGRATIONS.iter().take(5).enumerate() {
            match step {
                Step::Sql(sql) => conn.execute_batch(sql).map_err(StoreError::sql("old"))?,
                Step::Rust(run) => run(&conn)?,
            }
            conn.pragma_update(None, "user_version", index as i64 + 1)
                .map_err(StoreError::sql("old"))?;
        }
        for seq in [1, 2, 2] {
            conn.execute(
                "INSERT INTO audit (seq, at, actor, action, record_kind, record_id, outcome, prev_hash, hash)
                 VALUES (?1, 't', 'a', 'x', 'k', '1', 'ok', x'00', x'00')",
                [seq],
            )
            .map_err(StoreError::sql("insert"))?;
        }
        migrate(&mut conn)?;
        assert_eq!(current_version(&conn)?, LATEST);
        let next = "INSERT INTO audit (seq, at, actor, action, record_kind, record_id, outcome, prev_hash, hash)
             VALUES (3, 't', 'a', 'x', 'k', '1', 'ok', x'00', x'00')";
        conn.execute(next, []).map_err(StoreError::sql("insert"))?;
        assert!(conn.execute(next, []).is_err(), "new entries are unique");
        Ok(())
    }
}
