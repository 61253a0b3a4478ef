//! Follow-up benchmark (not a test): `cargo build --release -p tether-cli && cargo bench -p
//! tether-tests --bench followup`.
//!
//! A 100,000-child demo vault with about 300,000 logged call attempts; then `calls due` for one
//! day: the `Session` query beside the same SQL on a raw connection, and the whole `tether
//! calls due` process beside `tether user list` (unlock and a trivial read) in the same run.

use std::process::Command;
use std::time::{Duration, Instant};

use secrecy::SecretString;
use tether_store::VaultPaths;

const CHILDREN: usize = 100_000;
const PASS: &str = "benchmark passphrase";
const RUNS: usize = 200;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = VaultPaths::new(dir.path().join("vault"));
    let pass = SecretString::from(PASS.to_owned());
    let mut session = tether_store::create(&paths, "bench", &pass).expect("vault");
    session
        .import_demo(CHILDREN, 11, &mut |_, _| {})
        .expect("demo");
    drop(session);

    // Call attempts straight into the table (setting up 300k through log_call would take
    // minutes); 1 child in 200 still has its third attempt open.
    let raw = tether_store::inspect::open_raw(&paths, "bench", &pass).expect("raw");
    let attempts = {
        let tx = raw.unchecked_transaction().expect("tx");
        let mut n = 0usize;
        {
            let ids: Vec<(i64, String)> = tx
                .prepare("SELECT id, release_date FROM children")
                .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
                .expect("children");
            let mut insert = tx
                .prepare(
                    "INSERT INTO calls (child_id, offset_days, attempt, called_at, called_on,
                        time_zone, outcome, caller, notes, answers)
                     VALUES (?1, 30, ?2, ?3 || ' 10:00', ?3, 'America/Chicago', ?4, 'bench', '', '{}')",
                )
                .expect("prepare");
            for (i, (id, release)) in ids.iter().enumerate() {
                let Ok(release) = chrono::NaiveDate::parse_from_str(release, "%Y-%m-%d") else {
                    continue;
                };
                let open = i % 200 == 0;
                let reached = i % 3 != 0;
                for attempt in 1..=3u8 {
                    if open && attempt == 3 {
                        break;
                    }
                    let day = release + chrono::Days::new(29 + u64::from(attempt));
                    let outcome = if attempt == 3 && reached {
                        "reached_sponsor"
                    } else {
                        "no_answer"
                    };
                    insert
                        .execute(rusqlite::params![id, attempt, day.to_string(), outcome])
                        .expect("insert");
                    n += 1;
                }
            }
        }
        tx.commit().expect("commit");
        n
    };
    drop(raw);

    // Bring the task table in line with the calls (as every logged call does for its child).
    let mut session = tether_store::unlock(&paths, "bench", &pass).expect("unlock");
    let t = Instant::now();
    session.set_call_offsets(&[30]).expect("reschedule");
    let reschedule = t.elapsed();
    let today = session.today();
    let now = chrono::Utc::now();

    let mut ours = Vec::with_capacity(RUNS);
    let mut rows = 0;
    for _ in 0..RUNS {
        let t = Instant::now();
        rows = session.calls_due(today, now).expect("calls due").len();
        ours.push(t.elapsed());
    }
    drop(session);

    let raw = tether_store::inspect::open_raw(&paths, "bench", &pass).expect("raw");
    let mut stmt = raw
        .prepare(
            "SELECT t.id, t.child_id, c.case_number, c.given_name, c.family_name,
                s.given_name || ' ' || s.family_name,
                (SELECT e164 FROM sponsor_phones p WHERE p.sponsor_id = s.id ORDER BY position LIMIT 1),
                t.attempt, t.due_on, s.time_zone, c.primary_language, c.interpreter_needed
             FROM tasks t JOIN children c ON c.id = t.child_id
             LEFT JOIN sponsors s ON s.id = c.sponsor_id
             WHERE t.closed = 0 AND t.kind = 'swb_call' AND t.due_on <= ?1
             ORDER BY t.due_on, t.id",
        )
        .expect("prepare");
    let mut base = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        let n = stmt
            .query_map([today.to_string()], |r| r.get::<_, i64>(0))
            .expect("query")
            .count();
        base.push(t.elapsed());
        std::hint::black_box(n);
    }
    drop(stmt);
    drop(raw);

    println!(
        "## Follow-up benchmark ({CHILDREN} children, {attempts} call attempts, release build)\n"
    );
    println!("| measure | Tether | baseline | ratio |");
    println!("| --- | ---: | ---: | ---: |");
    let (p50, p99) = percentiles(&mut ours);
    let (b50, b99) = percentiles(&mut base);
    println!(
        "| `calls due` query, p50 (ms), {rows} rows | {:.2} | {:.2} (same SQL, raw connection) | {:.2}× |",
        ms(p50), ms(b50), ms(p50) / ms(b50)
    );
    println!(
        "| `calls due` query, p99 (ms) | {:.2} | {:.2} | {:.2}× |",
        ms(p99),
        ms(b99),
        ms(p99) / ms(b99)
    );

    let cli = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent()?.parent().map(|d| d.join("tether")))
        .filter(|p| p.exists());
    match cli {
        Some(cli) => {
            let run = |args: &[&str]| -> Duration {
                let mut samples: Vec<Duration> = (0..7)
                    .map(|_| {
                        let t = Instant::now();
                        let out = Command::new(&cli)
                            .args(args)
                            .env("TETHER_VAULT", paths.dir())
                            .env("TETHER_USER", "bench")
                            .env("TETHER_PASSPHRASE", PASS)
                            .output()
                            .expect("tether runs");
                        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                        t.elapsed()
                    })
                    .collect();
                percentiles(&mut samples).0
            };
            let day = today.to_string();
            let calls = run(&["calls", "due", "--on", &day, "--json"]);
            let unlock = run(&["user", "list"]);
            println!(
                "| `tether calls due --json` process (ms), median of 7 | {:.0} | {:.0} (`tether user list`: unlock + trivial read) | +{:.0} ms over unlock |",
                ms(calls), ms(unlock), ms(calls) - ms(unlock)
            );
        }
        None => println!("\n(`tether` release binary not built: run `cargo build --release -p tether-cli` first for the process figure)"),
    }
    println!(
        "\nRescheduling every child after changing the call offsets: {:.1} s.",
        reschedule.as_secs_f64()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentiles(samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort();
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    (at(0.50), at(0.99))
}
