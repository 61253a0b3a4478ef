//! Casework benchmark (not a test): `cargo bench -p tether-tests --bench casework`.
//!
//! Each figure is reported beside a baseline measured in the same run on the same machine:
//! - import of 100,000 release rows through `Session` (parse, validate, merge sponsors,
//!   duplicate check, insert, index) vs a plain prepared-statement insert loop of the same rows
//!   into an equally keyed SQLCipher table;
//! - search p50/p99 through `Session::search` vs the same FTS5 query on a raw connection.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use rusqlite::params;
use secrecy::SecretString;
use tether_core::casework::demo::demo_records;
use tether_core::casework::release_csv::ReleaseRecord;
use tether_store::casework::search::fts_query;
use tether_store::VaultPaths;

const CHILDREN: usize = 100_000;
fn children() -> usize {
    std::env::var("BENCH_CHILDREN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CHILDREN)
}
const QUERIES: usize = 2_000;
const PASS: &str = "benchmark passphrase";

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let today = chrono::Utc::now().date_naive();
    let records = demo_records(children(), 7, today);
    if std::env::var_os("BENCH_PHASES").is_some() {
        let bytes = to_csv(&records);
        let t = Instant::now();
        let f = tether_core::casework::release_csv::parse_release_records(bytes.as_bytes(), today)
            .expect("parse");
        eprintln!("parse+validate: {:?} ({} rows)", t.elapsed(), f.rows.len());
    }
    let csv_path = dir.path().join("releases.csv");
    std::fs::write(&csv_path, to_csv(&records)).expect("write CSV");

    // Baseline: the same rows, a prepared INSERT in one transaction, same cipher settings.
    let baseline = baseline_insert(&dir.path().join("baseline.db"), &records);

    let paths = VaultPaths::new(dir.path().join("vault"));
    let pass = SecretString::from(PASS.to_owned());
    let mut session = tether_store::create(&paths, "bench", &pass).expect("vault");
    let start = Instant::now();
    let report = session
        .import_release_records(&csv_path, false, false, &mut |_, _| {})
        .expect("import");
    let import = start.elapsed();
    assert_eq!(report.children_created, children());

    let queries = queries(&records);
    let mut ours = Vec::with_capacity(QUERIES);
    let mut found = 0usize;
    for q in &queries {
        let t = Instant::now();
        found += session.search(q, 20).expect("search").len();
        ours.push(t.elapsed());
    }
    drop(session);

    let raw = tether_store::inspect::open_raw(&paths, "bench", &pass).expect("raw");
    let mut stmt = raw
        .prepare(
            "SELECT c.id, c.case_number, c.given_name, c.family_name, c.primary_language,
                    c.release_date, s.given_name || ' ' || s.family_name, c.nta_status
             FROM child_search f JOIN children c ON c.id = f.rowid
             LEFT JOIN sponsors s ON s.id = c.sponsor_id
             WHERE child_search MATCH ?1 ORDER BY bm25(child_search, 10.0, 5.0) LIMIT 20",
        )
        .expect("prepare");
    // The same shortcut Tether takes for one to three typed letters, so both sides run the
    // same SQL.
    let mut newest = raw
        .prepare(
            "SELECT c.id FROM child_search f JOIN children c ON c.id = f.rowid
             LEFT JOIN sponsors s ON s.id = c.sponsor_id
             WHERE child_search MATCH ?1 ORDER BY f.rowid DESC LIMIT 20",
        )
        .expect("prepare");
    let mut base = Vec::with_capacity(QUERIES);
    for q in &queries {
        let fts = fts_query(q).unwrap_or_default();
        let t = Instant::now();
        let short = q
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
            == 1
            && q.chars().filter(|c| c.is_alphanumeric()).count() <= 3
            && !q.chars().all(|c| c.is_ascii_digit());
        let statement = if short { &mut newest } else { &mut stmt };
        let n = statement
            .query_map([fts], |r| r.get::<_, i64>(0))
            .expect("query")
            .count();
        base.push(t.elapsed());
        if std::env::var_os("BENCH_PHASES").is_some() && t.elapsed() > Duration::from_millis(20) {
            eprintln!(
                "slow {:?}: {q:?} -> {}",
                t.elapsed(),
                fts_query(q).unwrap_or_default()
            );
        }
        std::hint::black_box(n);
    }

    println!("## Casework benchmark ({CHILDREN} children, release build)\n");
    println!("| measure | Tether | baseline | ratio |");
    println!("| --- | ---: | ---: | ---: |");
    println!(
        "| import {CHILDREN} rows (s) | {:.2} | {:.2} (plain insert loop) | {:.1}× |",
        import.as_secs_f64(),
        baseline.as_secs_f64(),
        import.as_secs_f64() / baseline.as_secs_f64()
    );
    let (p50, p99) = percentiles(&mut ours);
    let (b50, b99) = percentiles(&mut base);
    println!(
        "| search p50 (ms) | {:.3} | {:.3} (same FTS query, raw) | {:.2}× |",
        ms(p50),
        ms(b50),
        ms(p50) / ms(b50)
    );
    println!(
        "| search p99 (ms) | {:.3} | {:.3} (same FTS query, raw) | {:.2}× |",
        ms(p99),
        ms(b99),
        ms(p99) / ms(b99)
    );
    println!("\n{QUERIES} queries (names with and without accents, prefixes, A-Numbers in three forms, phones, case numbers), {found} results in all.");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentiles(samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort();
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    (at(0.50), at(0.99))
}

/// What a case manager types: names (accented or not, partial), A-Numbers in several forms,
/// phone numbers, case numbers.
fn queries(records: &[ReleaseRecord]) -> Vec<String> {
    let mut out = Vec::with_capacity(QUERIES);
    let fold = tether_core::casework::matching::fold_text;
    for (i, r) in records
        .iter()
        .step_by(records.len() / QUERIES)
        .take(QUERIES)
        .enumerate()
    {
        let c = &r.child;
        let q = match i % 8 {
            0 => format!("{} {}", c.given_name, c.family_name),
            1 => fold(&format!("{} {}", c.given_name, c.family_name)),
            2 => c.family_name.chars().take(4).collect(),
            3 => c.a_number.map(|a| a.to_string()).unwrap_or_default(),
            4 => c.a_number.map(|a| a.digits()).unwrap_or_default(),
            5 => r
                .sponsor
                .phones
                .first()
                .map(|p| p.e164().to_owned())
                .unwrap_or_default(),
            6 => format!("T-{}-{:06}", chrono::Utc::now().format("%Y"), i * 40 + 1),
            _ => fold(&c.given_name).chars().take(3).collect(),
        };
        out.push(q);
    }
    out
}

fn baseline_insert(path: &std::path::Path, records: &[ReleaseRecord]) -> Duration {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(&format!(
        "PRAGMA cipher_log_level = NONE; PRAGMA key = \"x'{}'\";
         PRAGMA cipher_memory_security = OFF; PRAGMA temp_store = MEMORY;
         PRAGMA secure_delete = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
         CREATE TABLE children (id INTEGER PRIMARY KEY, given_name TEXT, family_name TEXT,
            birth_date TEXT, a_number TEXT, country TEXT, language TEXT, release_date TEXT,
            sponsor_given TEXT, sponsor_family TEXT, phone TEXT, line1 TEXT, city TEXT,
            state TEXT, zip TEXT);",
        "ab".repeat(32)
    ))
    .expect("baseline schema");
    let start = Instant::now();
    let tx = conn.unchecked_transaction().expect("tx");
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO children (given_name, family_name, birth_date, a_number, country,
                    language, release_date, sponsor_given, sponsor_family, phone, line1, city,
                    state, zip) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )
            .expect("prepare");
        for r in records {
            let c = &r.child;
            let a = r.sponsor.address.as_ref();
            stmt.execute(params![
                c.given_name,
                c.family_name,
                c.birth_date.as_ref().map(|b| b.to_string()),
                c.a_number.map(|a| a.digits()),
                c.country_of_birth.map(|x| x.code()),
                c.primary_language.map(|l| l.code()),
                c.release_date.map(|d| d.to_string()),
                r.sponsor.given_name,
                r.sponsor.family_name,
                r.sponsor.phones.first().map(|p| p.e164().to_owned()),
                a.map(|a| a.line1.clone()),
                a.map(|a| a.city.clone()),
                a.map(|a| a.state.code()),
                a.map(|a| a.postal_code.clone()),
            ])
            .expect("insert");
        }
    }
    tx.commit().expect("commit");
    start.elapsed()
}

fn to_csv(records: &[ReleaseRecord]) -> String {
    let mut out = format!("{}\n", tether_tests::RELEASE_HEADER);
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    for r in records {
        let (c, s, p) = (&r.child, &r.sponsor, &r.proceedings);
        let a = s.address.as_ref();
        let nta = match p.nta_status {
            tether_core::casework::NtaStatus::NotServed => "not_served",
            tether_core::casework::NtaStatus::Served => "served",
            tether_core::casework::NtaStatus::Filed => "filed",
        };
        let fields: Vec<String> = vec![
            q(&c.given_name),
            q(&c.family_name),
            c.birth_date
                .as_ref()
                .map(|b| b.to_string())
                .unwrap_or_default(),
            c.a_number.map(|a| a.normalized()).unwrap_or_default(),
            c.country_of_birth
                .map(|x| x.code().to_owned())
                .unwrap_or_default(),
            c.primary_language
                .map(|l| l.code().to_owned())
                .unwrap_or_default(),
            if c.interpreter_needed {
                "yes".into()
            } else {
                "no".into()
            },
            c.release_date.map(|d| d.to_string()).unwrap_or_default(),
            q(c.orr_program.as_deref().unwrap_or("")),
            q(&s.given_name),
            q(&s.family_name),
            q(c.relationship.as_deref().unwrap_or("")),
            s.category
                .map(|k| k.as_str().to_owned())
                .unwrap_or_default(),
            s.phones
                .iter()
                .map(|p| p.e164().to_owned())
                .collect::<Vec<_>>()
                .join(" | "),
            q(a.map(|a| a.line1.as_str()).unwrap_or("")),
            q(a.and_then(|a| a.unit.as_deref()).unwrap_or("")),
            q(a.map(|a| a.city.as_str()).unwrap_or("")),
            a.map(|a| a.state.code().to_owned()).unwrap_or_default(),
            a.map(|a| a.postal_code.clone()).unwrap_or_default(),
            nta.into(),
            p.nta_served_on.map(|d| d.to_string()).unwrap_or_default(),
            p.court_code.clone().unwrap_or_default(),
            p.next_hearing
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
        ];
        let _ = writeln!(out, "{}", fields.join(","));
    }
    out
}
