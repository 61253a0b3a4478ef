//! Window benchmark (not a test): how long each screen of the real window takes, from the click
//! to its content, on 5,000- and 100,000-child demo vaults, beside the time of the screen's own
//! query through `Session` in the same run.
//!
//! `make package` (or `cargo build --release -p tether-app`) first, then
//! `cargo bench -p tether-tests --bench window`. Uses the release `tether-app` when it is
//! built (the debug one otherwise, and says so); needs Xvfb, tauri-driver and WebKitWebDriver
//! like the WebDriver tests. A screen that shows nothing within `GIVE_UP` is reported as such,
//! and the bench goes on to the next one.
//! Goal (issue 14): every screen within 300 ms at 100,000 children.

#[path = "../webdriver/harness/mod.rs"]
// The WebDriver tests' harness, shared as it is; the bench uses part of it.
#[allow(dead_code, unused_imports)]
mod harness;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use harness::{temp_home, testid_selector, App, Session};
use secrecy::SecretString;
use tether_store::followup::{DueWindow, PageRange, TaskFilter};
use tether_store::VaultPaths;

const USER: &str = "coordinadora";
const PASS: &str = "benchmark passphrase for the window";
const GIVE_UP: Duration = Duration::from_secs(90);
const GOAL: Duration = Duration::from_millis(300);

/// Each screen: its nav item, and what shows that its content is there.
const SCREENS: &[(&str, &str)] = &[
    ("children", r#"[data-testid="child-row"]"#),
    ("sponsors", r#"[data-testid="sponsor-row"]"#),
    ("flags", r#"[data-testid="flag-row"]"#),
    ("hearings", r#"[data-testid="hearing-item"]"#),
    ("tasks", r#"[data-testid="task-row"]"#),
    ("dashboard", r#"[data-testid="chart-bar"]"#),
    ("calls", r#"[data-testid="call-row"]"#),
];

/// The dashboard's open-flag card once it holds its number (it is counted after the rest).
const FLAG_COUNT_SHOWN: &str = r#"[data-testid="count-open-flags"]:not([aria-busy])"#;

fn app_binary() -> (PathBuf, &'static str) {
    // The bench runs from target/release/deps; the app may be built in either profile.
    let target = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.parent()?.to_path_buf()))
        .expect("the bench lives in target/<profile>/deps");
    let release = target.join("release").join("tether-app");
    if release.is_file() {
        (release, "release")
    } else {
        (target.join("debug").join("tether-app"), "debug")
    }
}

/// Clicks, then polls for `marker`: the time to content, or `None` after `GIVE_UP`.
fn time_to(s: &Session, click: &str, marker: &str) -> Option<Duration> {
    let start = Instant::now();
    s.find(click).ok()?.click().ok()?;
    poll(s, start, marker)
}

/// Polls for `marker` from `start`: the time it took, or `None` after `GIVE_UP`.
fn poll(s: &Session, start: Instant, marker: &str) -> Option<Duration> {
    loop {
        if s.try_find_css(marker).ok().flatten().is_some() {
            return Some(start.elapsed());
        }
        if start.elapsed() > GIVE_UP {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// How many rows the Tasks and Calls screens ask for at once (`PAGE_SIZE` in Tasks.svelte and
/// CallQueue.svelte).
const PAGE: PageRange = PageRange {
    offset: 0,
    limit: 100,
};

/// The days of each section (overdue, today, upcoming to `on`) on `today`, as
/// `src-tauri/src/api/followup.rs` builds them for `list_tasks_page` and `calls_due_page`.
fn sections(today: NaiveDate, on: NaiveDate) -> [DueWindow; 3] {
    [
        DueWindow {
            from: None,
            to: today.pred_opt().unwrap_or(today),
            assigned_to: None,
        },
        DueWindow {
            from: Some(today),
            to: today,
            assigned_to: None,
        },
        DueWindow {
            from: today.succ_opt(),
            to: on,
            assigned_to: None,
        },
    ]
}

/// The first page a windowed list asks for (`pageSize` in VirtualList.svelte).
const LIST_PAGE: u32 = 200;
/// The Sponsors list's (`SPONSOR_PAGE` in Sponsors.svelte): each sponsor comes whole.
const SPONSOR_PAGE: u32 = 60;

/// The screen's own queries, through `Session`, as the window's commands run them: for Tasks
/// and Calls the first page of each of the three sections (with its count), for the lists
/// their first page, for the dashboard its counts and then the open flags; what the screens
/// ask for when they open. `session` is fresh (nothing kept yet), as after signing in.
fn query_time(session: &mut tether_store::Session, screen: &str) -> Duration {
    let today = session.today();
    let start = Instant::now();
    let ok = match screen {
        "children" => session
            .list_children(0, LIST_PAGE, tether_store::casework::ListFilter::default())
            .map(drop),
        "sponsors" => session.list_sponsors_page("", 0, SPONSOR_PAGE).map(drop),
        "flags" => session
            .red_flags_page(
                true,
                PageRange {
                    offset: 0,
                    limit: LIST_PAGE,
                },
            )
            .map(drop),
        "hearings" => {
            let first = today.with_day(1).unwrap_or(today);
            let last = (first + chrono::Months::new(1)).pred_opt().unwrap_or(first);
            session.hearing_calendar(first, last, 3).map(drop)
        }
        "tasks" => sections(today, today + chrono::Days::new(30))
            .into_iter()
            .try_for_each(|w| session.tasks_page(TaskFilter::any_kind(w), PAGE).map(drop)),
        "dashboard" => session
            .dashboard_counts(today)
            .and_then(|_| session.open_flag_count())
            .map(drop),
        "calls" => sections(today, today + chrono::Days::new(7))
            .into_iter()
            .try_for_each(|w| {
                session
                    .calls_due_page(w, chrono::Utc::now(), PAGE)
                    .map(drop)
            }),
        _ => Ok(()),
    };
    ok.unwrap_or_else(|e| panic!("{screen}: {e}"));
    start.elapsed()
}

/// The whole-list queries the screens made before they were paged (the CLI and the calendar
/// export still use them), and raising every flag once (what the first flag request after
/// signing in or after a change costs; later ones are kept), for comparison.
fn whole_list_times(session: &mut tether_store::Session) -> Vec<(&'static str, Duration)> {
    let today = session.today();
    let mut times = Vec::new();
    let mut time = |name: &'static str, run: &mut dyn FnMut() -> tether_store::Result<()>| {
        let start = Instant::now();
        run().unwrap_or_else(|e| panic!("{name}: {e}"));
        times.push((name, start.elapsed()));
    };
    time("tasks: the whole list, as before paging", &mut || {
        session.tasks(today + chrono::Days::new(30)).map(drop)
    });
    time("calls: the whole list, as before paging", &mut || {
        session
            .calls_due(today + chrono::Days::new(7), chrono::Utc::now())
            .map(drop)
    });
    time("sponsors: the whole list, as before paging", &mut || {
        session.list_sponsors().map(drop)
    });
    time("hearings (six weeks, every hearing)", &mut || {
        session
            .hearings_between(today, today + chrono::Days::new(42))
            .map(drop)
    });
    for name in [
        "flags: the first page, cold (every flag raised)",
        "flags: the page again, kept",
    ] {
        time(name, &mut || {
            session
                .red_flags_page(
                    true,
                    PageRange {
                        offset: 0,
                        limit: LIST_PAGE,
                    },
                )
                .map(drop)
        });
    }
    times
}

fn within_goal(d: Option<Duration>) -> &'static str {
    match d {
        Some(d) if d <= GOAL => "yes",
        _ => "no",
    }
}

fn shown(d: Option<Duration>) -> String {
    match d {
        Some(d) => format!("{:.0} ms", d.as_secs_f64() * 1000.0),
        None => format!("> {} s", GIVE_UP.as_secs()),
    }
}

fn main() {
    let (binary, build) = app_binary();
    println!(
        "window benchmark with the {build} tether-app ({})",
        binary.display()
    );
    println!("| screen | children | time to content | its query | within 300 ms |");
    println!("| --- | ---: | ---: | ---: | --- |");
    for children in [5_000usize, 100_000] {
        let home = temp_home().expect("temp home");
        let vault = home.path().join("vault");
        let paths = VaultPaths::new(&vault);
        let pass = SecretString::from(PASS.to_owned());
        let mut session = tether_store::create(&paths, USER, &pass).expect("vault");
        session
            .import_demo(children, 7, &mut |_, _| {})
            .expect("demo vault");
        drop(session);
        // Each screen's query in a fresh sign-in, so nothing is kept from another screen's
        // (the flags: the dashboard raises them in the window before the Flags screen opens,
        // so the bench's flag query is the cold one, and the kept one is listed below).
        let queries: Vec<Duration> = SCREENS
            .iter()
            .map(|(screen, _)| {
                let mut fresh = tether_store::unlock(&paths, USER, &pass).expect("sign in");
                query_time(&mut fresh, screen)
            })
            .collect();
        let mut session = tether_store::unlock(&paths, USER, &pass).expect("sign in");
        let whole = whole_list_times(&mut session);
        drop(session);

        let app = App::start_binary(home.path(), &vault, &binary).expect("the window");
        let s = &app.session;
        s.wait_for("unlock-user", GIVE_UP).expect("unlock screen");
        s.find("unlock-user")
            .and_then(|e| e.type_text(USER))
            .expect("user");
        s.find("unlock-passphrase")
            .and_then(|e| e.type_text(PASS))
            .expect("passphrase");
        let signed_in = Instant::now();
        let unlocked = time_to(s, "unlock-submit", &testid_selector("chart-bar"));
        let flag_count = poll(s, signed_in, FLAG_COUNT_SHOWN);
        println!(
            "| dashboard after unlock | {children} | {} | — | {} |",
            shown(unlocked),
            within_goal(unlocked)
        );
        println!(
            "| (its open-flag card, counted after the rest) | {children} | {} | — | {} |",
            shown(flag_count),
            within_goal(flag_count)
        );
        for ((screen, marker), query) in SCREENS.iter().zip(&queries) {
            let took = time_to(s, &format!("nav-{screen}"), marker);
            println!(
                "| {screen} | {children} | {} | {:.1} ms | {} |",
                shown(took),
                query.as_secs_f64() * 1000.0,
                within_goal(took)
            );
        }
        let _ = app.close();
        for (screen, took) in whole {
            println!(
                "| ({screen}) | {children} | — | {:.1} ms | — |",
                took.as_secs_f64() * 1000.0
            );
        }
    }
}
