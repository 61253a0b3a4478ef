//! Window benchmark (not a test): how long each screen of the real window takes, from the click
//! to its content, on 5,000- and 100,000-child demo vaults, beside the time of the screen's own
//! query through `Session` in the same run.
//!
//! `make package` (or `cargo build --release -p tether-app`) first, then
//! `cargo bench -p tether-tests --bench window`. Uses the release `tether-app` when it is
//! built (the debug one otherwise, and says so); needs Xvfb, tauri-driver and WebKitWebDriver
//! like the WebDriver tests. A screen that shows nothing within `GIVE_UP` is reported as such.
//! Goal (issue 14): every screen within 300 ms at 100,000 children.

#[path = "../webdriver/harness/mod.rs"]
// The WebDriver tests' harness, shared as it is; the bench uses part of it.
#[allow(dead_code, unused_imports)]
mod harness;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
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
    ("hearings", r#"[data-testid="hearings-grid"]"#),
    ("tasks", r#"[data-testid="task-row"]"#),
    ("dashboard", r#"[data-testid="chart-bar"]"#),
    // Last: at 100,000 children it may not come back at all.
    ("calls", r#"[data-testid="call-row"]"#),
];

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

/// The screen's own queries, through `Session`, as the window's commands run them: for Tasks
/// and Calls the first page of each of the three sections (with its count), what the screens
/// now ask for when they open.
fn query_time(session: &mut tether_store::Session, screen: &str) -> Duration {
    let today = session.today();
    let start = Instant::now();
    let ok = match screen {
        "children" => session
            .list_children(0, 200, tether_store::casework::ListFilter::default())
            .map(drop),
        "sponsors" => session.list_sponsors().map(drop),
        "flags" => session.red_flags().map(drop),
        "hearings" => session
            .hearings_between(today, today + chrono::Days::new(42))
            .map(drop),
        "tasks" => sections(today, today + chrono::Days::new(30))
            .into_iter()
            .try_for_each(|w| session.tasks_page(TaskFilter::any_kind(w), PAGE).map(drop)),
        "dashboard" => session.dashboard(today).map(drop),
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

/// The whole-list queries the Tasks and Calls screens made before they were paged (the CLI
/// and the calendar still use them), for comparison.
fn whole_list_times(session: &mut tether_store::Session) -> [(&'static str, Duration); 2] {
    let today = session.today();
    let start = Instant::now();
    session
        .tasks(today + chrono::Days::new(30))
        .unwrap_or_else(|e| panic!("tasks: {e}"));
    let tasks = start.elapsed();
    let start = Instant::now();
    session
        .calls_due(today + chrono::Days::new(7), chrono::Utc::now())
        .unwrap_or_else(|e| panic!("calls: {e}"));
    [("tasks", tasks), ("calls", start.elapsed())]
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
        let queries: Vec<Duration> = SCREENS
            .iter()
            .map(|(screen, _)| query_time(&mut session, screen))
            .collect();
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
        let unlocked = time_to(s, "unlock-submit", &testid_selector("chart-bar"));
        println!(
            "| dashboard after unlock | {children} | {} | — | {} |",
            shown(unlocked),
            if unlocked.is_some_and(|d| d <= GOAL) {
                "yes"
            } else {
                "no"
            }
        );
        for ((screen, marker), query) in SCREENS.iter().zip(&queries) {
            let took = time_to(s, &format!("nav-{screen}"), marker);
            println!(
                "| {screen} | {children} | {} | {:.1} ms | {} |",
                shown(took),
                query.as_secs_f64() * 1000.0,
                if took.is_some_and(|d| d <= GOAL) {
                    "yes"
                } else {
                    "no"
                }
            );
            if took.is_none() {
                println!("| (gave up on the window after {screen}) | {children} | | | |");
                break;
            }
        }
        let _ = app.close();
        for (screen, took) in whole {
            println!(
                "| ({screen}: the whole list, as before paging) | {children} | — | {:.1} ms | — |",
                took.as_secs_f64() * 1000.0
            );
        }
    }
}
