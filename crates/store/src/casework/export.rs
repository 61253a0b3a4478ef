//! CSV export, redacted by default. The full form uses the import's column names, so a full
//! export can be imported into another vault. Cells go out through `csv_out` (no formulas).

use std::fs;
use std::path::Path;

use rusqlite::{params, Connection};
use tether_core::casework::ANumber;

use crate::error::{Result, StoreError};

const REDACTED: &[&str] = &[
    "case_number",
    "child_given_name",
    "child_family_name",
    "child_birth_year",
    "country_of_birth",
    "primary_language",
    "interpreter_needed",
    "release_date",
    "orr_program",
    "sponsor_given_name",
    "sponsor_family_name",
    "sponsor_relationship",
    "sponsor_category",
    "nta_status",
    "court_code",
    "next_hearing",
];

const FULL_EXTRA: &[&str] = &[
    "child_dob",
    "a_number",
    "sponsor_phone",
    "sponsor_address_line1",
    "sponsor_address_line2",
    "sponsor_city",
    "sponsor_state",
    "sponsor_postal_code",
    "nta_served_date",
];

/// Writes the export; refuses to overwrite an existing file. Returns the number of children.
pub(crate) fn write(conn: &Connection, out: &Path, full: bool) -> Result<usize> {
    // 0600: a full export holds A-Numbers and addresses.
    let file = crate::files::create_new_private(out).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            StoreError::invalid(
                "out",
                format!("{} already exists; choose a new file name", out.display()),
            )
        } else {
            StoreError::io(format!("create {}", out.display()))(e)
        }
    })?;
    let result = write_rows(conn, file, full);
    if result.is_err() {
        let _ = fs::remove_file(out);
    }
    result
}

fn write_rows(conn: &Connection, file: fs::File, full: bool) -> Result<usize> {
    let csv_err = |e: csv::Error| StoreError::Io {
        context: "write the export".into(),
        source: std::io::Error::other(e.to_string()),
    };
    let mut w = csv::Writer::from_writer(std::io::BufWriter::new(file));
    let mut header: Vec<&str> = REDACTED.to_vec();
    if full {
        header.extend_from_slice(FULL_EXTRA);
    }
    super::csv_out::write_row(&mut w, &header).map_err(csv_err)?;
    let mut stmt = conn
        .prepare(
            "SELECT c.case_number, c.given_name, c.family_name, c.birth_date, c.country_of_birth,
                c.primary_language, c.interpreter_needed, c.release_date, c.orr_program,
                s.given_name, s.family_name, c.relationship, c.sponsor_category, c.nta_status,
                c.court_code,
                (SELECT min(at_local) FROM hearings h WHERE h.child_id = c.id),
                c.a_number,
                (SELECT group_concat(e164, ' / ') FROM sponsor_phones p WHERE p.sponsor_id = s.id),
                s.address_line1, s.address_unit, s.address_city, s.address_state,
                s.address_postal_code, c.nta_served_on
             FROM children c LEFT JOIN sponsors s ON s.id = c.sponsor_id
             WHERE c.status IN ('open', 'closed') ORDER BY c.id",
        )
        .map_err(StoreError::sql("export"))?;
    let mut rows = stmt.query([]).map_err(StoreError::sql("export"))?;
    let mut count = 0;
    while let Some(r) = rows.next().map_err(StoreError::sql("export"))? {
        let text = |i: usize| -> rusqlite::Result<String> {
            Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default())
        };
        let birth = text(3).map_err(StoreError::sql("export"))?;
        let interpreter: bool = r.get(6).map_err(StoreError::sql("export"))?;
        let mut record = Vec::with_capacity(header.len());
        for i in 0..3 {
            record.push(text(i).map_err(StoreError::sql("export"))?);
        }
        record.push(birth.trim_start_matches('~').chars().take(4).collect());
        for i in 4..6 {
            record.push(text(i).map_err(StoreError::sql("export"))?);
        }
        record.push(if interpreter { "yes" } else { "no" }.into());
        for i in 7..16 {
            record.push(text(i).map_err(StoreError::sql("export"))?);
        }
        if full {
            record.push(birth);
            let a = text(16).map_err(StoreError::sql("export"))?;
            record.push(
                ANumber::parse(&a)
                    .map(|a| a.normalized())
                    .unwrap_or_default(),
            );
            for i in 17..24 {
                record.push(text(i).map_err(StoreError::sql("export"))?);
            }
        }
        super::csv_out::write_row(&mut w, &record).map_err(csv_err)?;
        count += 1;
    }
    w.flush()
        .map_err(|e| StoreError::io("write the export")(e))?;
    Ok(count)
}

/// Keeps the export's reason beside the audit entry; returns the row id the entry names.
pub(crate) fn record(conn: &Connection, full: bool, reason: &str, rows: usize) -> Result<i64> {
    conn.execute(
        "INSERT INTO exports (at, full, reason, rows) VALUES (?1, ?2, ?3, ?4)",
        params![super::columns::now(), full, reason, rows as i64],
    )
    .map_err(StoreError::sql("record the export"))?;
    Ok(conn.last_insert_rowid())
}
