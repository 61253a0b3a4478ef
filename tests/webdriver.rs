//! The desktop app end to end, through its window: `tauri-driver` (W3C WebDriver, backed by
//! WebKitWebDriver) drives the real `tether-app` binary on a private Xvfb display.
//!
//! Every test owns its whole world: a fresh temp folder (vault, HOME and XDG folders, so the
//! webview's local storage and caches start empty and stay inside the folder we inspect), its own
//! X display and its own ports. That keeps parallel tests and parallel runs apart, and needs no
//! display from whoever runs `cargo test`.

use std::fs;
use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tether_tests::RELEASE_HEADER;

/// How long a screen may take to appear: app start-up, Argon2id in a debug build, a busy CI box.
const SCREEN_TIMEOUT: Duration = Duration::from_secs(15);
/// Starting the app inside a new WebDriver session is slower than any single screen change.
const SESSION_TIMEOUT: Duration = Duration::from_secs(60);
/// Between two looks at the page while waiting for it to change.
const POLL_INTERVAL: Duration = Duration::from_millis(100);
/// The key under which W3C WebDriver returns an element's id (the "web element identifier").
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
/// The Escape key in WebDriver key input (a private-use code point).
const KEY_ESCAPE: &str = "\u{E00C}";

const CANARY_USER: &str = "canaryWD7q";
const PASSPHRASE: &str = "correct horse battery staple";
const WRONG_PASSPHRASE: &str = "wrong horse battery staple";
/// The admin of the call-queue test, whose vault the CLI prepares.
const CALL_ADMIN: &str = "coordinadora";
const CALL_NOTE: &str = "No contestó; buzón de voz lleno";

type TestResult<T = ()> = Result<T, String>;

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

#[test]
fn create_lock_unlock_through_the_window() -> TestResult {
    let temp = tempfile::Builder::new()
        .prefix("tether-wd-")
        .tempdir()
        .map_err(|e| format!("creating the temp folder: {e}"))?;
    let vault = temp.path().join("vault");

    {
        // Everything with a process behind it lives in this scope, so the app, the drivers and
        // Xvfb are gone (and the vault files closed) before the files are inspected below.
        let app = App::start(temp.path(), &vault)?;
        let s = &app.session;

        create_vault(s, CANARY_USER, PASSPHRASE)?;
        expect_signed_in_as(s, CANARY_USER)?;

        s.wait_for("lock-button", SCREEN_TIMEOUT)?.click()?;
        s.wait_for("screen-unlock", SCREEN_TIMEOUT)?;
        save_screenshot_if_asked(s, "unlock.png")?;

        // A wrong passphrase: a translated form error, and the passphrase is not left behind.
        unlock(s, CANARY_USER, WRONG_PASSPHRASE)?;
        let error = s.wait_for("unlock-error", SCREEN_TIMEOUT)?;
        assert!(
            error.displayed()?,
            "the wrong-passphrase error is in the page but not visible"
        );
        let error_text = error.text()?;
        assert!(
            !error_text.trim().is_empty(),
            "the wrong-passphrase error has no text"
        );
        // The translated sentence from the catalog (en.ts), not a raw backend kind or message.
        assert_eq!(
            error_text.trim(),
            "The user name or passphrase is not correct."
        );
        let passphrase_left = s.find("unlock-passphrase")?.property("value")?;
        assert_eq!(
            passphrase_left, "",
            "the passphrase field keeps the rejected passphrase"
        );
        assert!(
            s.exists("screen-unlock")?,
            "a wrong passphrase left the unlock screen"
        );

        // The right passphrase signs in again.
        unlock(s, CANARY_USER, PASSPHRASE)?;
        expect_signed_in_as(s, CANARY_USER)?;

        app.close()?;
    }
    // Only a closed app has written everything it will write (WAL, shutdown work).
    wait_for_app_exit(&vault)?;

    // The user name is data too: with the app closed, nothing on disk may hold it in clear.
    let hits = find_bytes_in_tree(temp.path(), CANARY_USER)?;
    assert!(
        hits.is_empty(),
        "{CANARY_USER} is stored in clear in: {hits:#?}"
    );
    let header = read_prefix(&vault.join("tether.db"), 16)?;
    assert!(
        !header.starts_with(b"SQLite format 3"),
        "tether.db is a plain SQLite file, not an encrypted one"
    );
    Ok(())
}

#[test]
fn spanish_first_run_screen() -> TestResult {
    let temp = tempfile::Builder::new()
        .prefix("tether-wd-")
        .tempdir()
        .map_err(|e| format!("creating the temp folder: {e}"))?;
    let app = App::start(temp.path(), &temp.path().join("vault"))?;
    let s = &app.session;

    s.wait_for("screen-first-run", SCREEN_TIMEOUT)?;
    let english = s.find("first-run-submit")?.text()?;
    assert_eq!(
        english.trim(),
        "Create vault",
        "the first-run screen does not start in English"
    );

    s.find_css(r#"[data-testid="lang-switch"] option[value="es"]"#)?
        .click()?;
    let spanish = s.wait_until(
        SCREEN_TIMEOUT,
        "the submit button to change language",
        || {
            let text = s.find("first-run-submit")?.text()?;
            Ok((text.trim() != english.trim()).then_some(text))
        },
    )?;
    assert_eq!(spanish.trim(), "Crear bóveda");
    let title = s.find_css("#first-run-title")?.text()?;
    assert_eq!(title.trim(), "Crear la bóveda");

    app.close()
}

/// The issue's acceptance test: a sponsor and a child added through the window, the child found
/// by an accent-free name search and by its A-Number, and the duplicate check seen once.
#[test]
fn add_sponsor_and_child_then_find_by_search() -> TestResult {
    let temp = tempfile::Builder::new()
        .prefix("tether-wd-")
        .tempdir()
        .map_err(|e| format!("creating the temp folder: {e}"))?;
    let vault = temp.path().join("vault");

    {
        let app = App::start(temp.path(), &vault)?;
        let s = &app.session;

        create_vault(s, CANARY_USER, PASSPHRASE)?;
        // Staff land on the dashboard; the children list is one click away.
        s.wait_for("screen-dashboard", SCREEN_TIMEOUT)?;
        s.find("nav-children")?.click()?;
        s.wait_for("screen-children", SCREEN_TIMEOUT)?;

        // 1. A new sponsor, then "Add a child to this sponsor".
        s.find("new-sponsor")?.click()?;
        s.wait_for("sponsor-dialog", SCREEN_TIMEOUT)?;
        fill_sponsor_form(s)?;
        save_screenshot_if_asked(s, "sponsor-form.png")?;
        s.find("sponsor-submit")?.click()?;
        s.wait_for("sponsor-created", SCREEN_TIMEOUT)?;
        s.find("sponsor-add-child")?.click()?;

        // 2. The child form opens with that sponsor chosen.
        s.wait_for("screen-child-form", SCREEN_TIMEOUT)?;
        assert!(
            !s.exists("sponsor-dialog")?,
            "the sponsor dialog stays open over the child form"
        );
        let sponsor_choice = s.wait_until(
            SCREEN_TIMEOUT,
            "the new sponsor to be chosen in the child form",
            || {
                let label = s
                    .find_css(r#"[data-testid="child-sponsor"] option:checked"#)?
                    .text()?;
                Ok(label.contains("Rosa Ramírez López").then_some(label))
            },
        )?;
        assert_ne!(
            s.find("child-sponsor")?.property("value")?,
            "",
            "no sponsor is chosen (selected label {sponsor_choice:?})"
        );

        fill(s, "child-given-name", "José")?;
        fill(s, "child-family-name", "Ramírez")?;
        fill(s, "child-birth-date", "2010-05-01")?;
        fill(s, "child-a-number", "A 123 456 789")?;
        choose(s, "child-language", "mam")?;
        fill(s, "child-release-date", "2026-10-01")?;
        dismiss_toasts(s)?;
        s.find("child-submit")?.click()?;

        // A created child opens in the detail screen.
        s.wait_for("child-detail", SCREEN_TIMEOUT)?;
        let case_number = s.wait_for("detail-case-number", SCREEN_TIMEOUT)?.text()?;
        let case_number = case_number.trim().to_owned();
        assert!(
            is_case_number(&case_number) && case_number.ends_with("-000001"),
            "the first case is numbered {case_number:?}, not T-<year>-000001"
        );
        assert_eq!(s.find("detail-a-number")?.text()?.trim(), "A123-456-789");

        // 3. The list finds the child without accents, and by A-Number.
        s.find("nav-children")?.click()?;
        s.wait_for("screen-children", SCREEN_TIMEOUT)?;
        let row = search_for_one_child(s, "jose ramirez")?;
        assert!(
            row.contains(&case_number),
            "the search result {row:?} is not case {case_number}"
        );
        // The passing "created" toasts are not part of the documentation's pictures.
        dismiss_toasts(s)?;
        save_screenshot_if_asked(s, "children.png")?;
        let same_row = search_for_one_child(s, "123-456-789")?;
        assert_eq!(
            same_row, row,
            "the A-Number search found another row than the name search"
        );
        s.find_css(r#"[data-testid="search-results"] [data-testid="child-row"]"#)?
            .click()?;
        s.wait_for("child-detail", SCREEN_TIMEOUT)?;
        let opened = s.wait_for("detail-case-number", SCREEN_TIMEOUT)?.text()?;
        assert_eq!(opened.trim(), case_number, "the row opened another case");
        s.wait_for("detail-a-number", SCREEN_TIMEOUT)?;
        dismiss_toasts(s)?;
        save_screenshot_if_asked(s, "child-detail.png")?;

        // 4. The same sponsor again: the duplicate check stops it, and cancelling creates nothing.
        // The earlier "created" toasts sit over the dialog's buttons (see dismiss_toasts).
        dismiss_toasts(s)?;
        s.find("nav-children")?.click()?;
        s.wait_for("screen-children", SCREEN_TIMEOUT)?;
        s.find("new-sponsor")?.click()?;
        s.wait_for("sponsor-dialog", SCREEN_TIMEOUT)?;
        fill_sponsor_form(s)?;
        s.find("sponsor-submit")?.click()?;
        s.wait_for("confirm-create", SCREEN_TIMEOUT)?;
        let duplicates = s.find("duplicates")?.text()?;
        assert!(
            duplicates.contains("Rosa Ramírez López"),
            "the duplicate list does not name the existing sponsor: {duplicates:?}"
        );
        assert!(
            !s.exists("sponsor-created")?,
            "the duplicate sponsor was created without confirmation"
        );
        s.find("cancel-create")?.click()?;
        s.wait_until(SCREEN_TIMEOUT, "the duplicate list to close", || {
            Ok((!s.exists("duplicates")?).then_some(()))
        })?;
        // Escape from a field in the dialog (the cancelled list took the focus with it).
        s.find("sponsor-given-name")?.type_text(KEY_ESCAPE)?;
        s.wait_until(SCREEN_TIMEOUT, "the sponsor dialog to close", || {
            Ok((!s.exists("sponsor-dialog")?).then_some(()))
        })?;
        assert_eq!(
            sponsors_offered(s)?,
            vec!["Rosa Ramírez López (#1)".to_owned()],
            "cancelling the duplicate still created a sponsor"
        );
        assert!(
            !s.exists("children-error")?,
            "the children list shows an error"
        );

        app.close()?;
    }
    wait_for_app_exit(&vault)?;

    // Names and addresses are data: nothing on disk may hold them in clear.
    for canary in ["Ñuñoa", "Ramírez"] {
        let hits = find_bytes_in_tree(temp.path(), canary)?;
        assert!(hits.is_empty(), "{canary} is stored in clear in: {hits:#?}");
    }
    Ok(())
}

/// The issue's acceptance test for the call queue: a call logged through the dialog moves the
/// queue on (attempt 2 of 3, no longer overdue) and the dashboard's overdue count with it.
#[test]
fn log_a_call_through_the_dialog_updates_the_queue_and_dashboard() -> TestResult {
    let temp = tempfile::Builder::new()
        .prefix("tether-wd-")
        .tempdir()
        .map_err(|e| format!("creating the temp folder: {e}"))?;
    let vault = temp.path().join("vault");

    // The vault is prepared with the CLI, so the app opens on the unlock screen. Released on
    // Friday 2026-09-04: the Safety & Well-Being call was due Monday 2026-10-05, long overdue.
    let release = "Lucía,Xicará,2011-04-03,A200000002,GT,mam,sí,2026-09-04,,\
                   Inés,Xicará Pérez,tía,2A,+1 713 555 0102,2 Oak St,Apt 2,Houston,TX,77002,\
                   not_served,,,";
    vault_with_release(temp.path(), &vault, release)?;

    {
        let app = App::start(temp.path(), &vault)?;
        let s = &app.session;

        s.wait_for("screen-unlock", SCREEN_TIMEOUT)?;
        unlock(s, CALL_ADMIN, PASSPHRASE)?;
        expect_signed_in_as(s, CALL_ADMIN)?;

        // 1. The dashboard counts the one overdue call.
        s.wait_for("screen-dashboard", SCREEN_TIMEOUT)?;
        wait_for_overdue_count(s, 1)?;

        // 2. The queue has that call, overdue, at its first attempt.
        s.find("nav-calls")?.click()?;
        s.wait_for("screen-calls", SCREEN_TIMEOUT)?;
        let row = only_call_row(s)?;
        assert!(
            row.contains("Lucía Xicará") && row.contains("Attempt 1/3"),
            "the queue row is not Lucía's first attempt: {row:?}"
        );
        let overdue = s.find("calls-overdue")?.rendered_text()?;
        assert!(
            overdue.contains("Lucía Xicará"),
            "Lucía's call is not in the Overdue section: {overdue:?}"
        );

        // 3. Log a call that nobody answered, through the dialog.
        s.find_css(r#"[data-testid="call-row"] [data-testid="log-call"]"#)?
            .click()?;
        s.wait_for("log-call-dialog", SCREEN_TIMEOUT)?;
        let title = s.find("log-call-dialog")?.rendered_text()?;
        assert!(
            title.contains("Lucía Xicará"),
            "the dialog is not for Lucía: {title:?}"
        );
        choose(s, "log-call-outcome", "no_answer")?;
        fill(s, "log-call-note", CALL_NOTE)?;
        choose(s, "swb-feels-safe", "yes")?;
        dismiss_toasts(s)?;
        // Choosing the last answer scrolled the dialog down: show it from its title.
        scroll_to_top(s, "log-call-dialog")?;
        save_screenshot_if_asked(s, "call-queue.png")?;
        s.find("log-call-save")?.click()?;
        s.wait_until(SCREEN_TIMEOUT, "the log-call dialog to close", || {
            Ok((!s.exists("log-call-dialog")?).then_some(()))
        })?;
        assert!(
            !s.exists("log-call-error")?,
            "the dialog closed with an error"
        );

        // 4. The queue moves on: the second attempt, due on a coming business day.
        let row = s.wait_until(SCREEN_TIMEOUT, "the queue to show attempt 2/3", || {
            let rows = call_rows(s)?;
            Ok(match rows.as_slice() {
                [row] if row.contains("Attempt 2/3") => Some(row.clone()),
                _ => None,
            })
        })?;
        assert!(
            row.contains("Lucía Xicará"),
            "the second attempt is not Lucía's: {row:?}"
        );
        let overdue = s.find("calls-overdue")?.rendered_text()?;
        assert!(
            !overdue.contains("Lucía Xicará"),
            "the second attempt is still overdue: {overdue:?}"
        );
        let coming = format!(
            "{} {}",
            s.find("calls-today")?.rendered_text()?,
            s.find("calls-upcoming")?.rendered_text()?
        );
        assert!(
            coming.contains("Lucía Xicará"),
            "the second attempt is neither today nor upcoming: {coming:?}"
        );

        // 5. And the dashboard no longer counts it as overdue.
        dismiss_toasts(s)?;
        s.find("nav-dashboard")?.click()?;
        s.wait_for("screen-dashboard", SCREEN_TIMEOUT)?;
        wait_for_overdue_count(s, 0)?;

        app.close()?;
    }
    wait_for_app_exit(&vault)?;

    // The call note is data too: nothing on disk may hold it in clear.
    let hits = find_bytes_in_tree(temp.path(), "buzón de voz")?;
    assert!(
        hits.is_empty(),
        "the call note is stored in clear in: {hits:#?}"
    );
    Ok(())
}

#[test]
fn print_preview_of_a_notice_and_a_batch_from_the_window() -> TestResult {
    let temp = tempfile::Builder::new()
        .prefix("tether-wd-")
        .tempdir()
        .map_err(|e| format!("creating the temp folder: {e}"))?;
    let vault = temp.path().join("vault");

    // José's hearing is a week ahead, so the batch of the next 14 days holds his notice.
    let hearing = chrono::Utc::now().date_naive() + chrono::Days::new(7);
    let release = format!(
        "José,Ramírez,2011-04-03,A123456789,GT,mam,sí,2026-09-04,,\
         Inés,Xicará Pérez,tía,2A,+502 2345 6789,2 Oak St,Apt 2,Houston,TX,77002,\
         served,2026-09-20,HOU,{hearing} 09:00"
    );
    vault_with_release(temp.path(), &vault, &release)?;

    {
        let app = App::start(temp.path(), &vault)?;
        let s = &app.session;
        s.wait_for("screen-unlock", SCREEN_TIMEOUT)?;
        unlock(s, CALL_ADMIN, PASSPHRASE)?;
        s.wait_for("screen-dashboard", SCREEN_TIMEOUT)?;

        // 1. From the child's Documents tab: the notice in both languages, side by side.
        s.find("nav-children")?.click()?;
        s.wait_for("screen-children", SCREEN_TIMEOUT)?;
        search_for_one_child(s, "jose ramirez")?;
        s.find_css(r#"[data-testid="search-results"] [data-testid="child-row"]"#)?
            .click()?;
        s.wait_for("child-detail", SCREEN_TIMEOUT)?;
        // The tabs appear once the child's record has loaded.
        s.wait_for("tab-documents", SCREEN_TIMEOUT)?.click()?;
        s.wait_for("print-notice", SCREEN_TIMEOUT)?;
        choose(s, "print-lang", "both")?;
        choose(s, "print-layout", "side_by_side")?;
        dismiss_toasts(s)?;
        save_screenshot_if_asked(s, "child-documents.png")?;
        s.find("print-notice")?.click()?;
        s.wait_for("print-preview", SCREEN_TIMEOUT)?;
        let pages = wait_for_loaded_pages(s)?;
        let count = s.find("print-page-count")?.rendered_text()?;
        assert!(
            count.contains(&pages.to_string()),
            "the page count {count:?} does not match the {pages} pages shown"
        );
        for button in ["print-save", "print-open", "print-close"] {
            assert!(s.find(button)?.displayed()?, "{button} is not shown");
        }
        dismiss_toasts(s)?;
        save_screenshot_if_asked(s, "print-preview.png")?;
        s.find("print-close")?.click()?;
        s.wait_until(SCREEN_TIMEOUT, "the preview to close", || {
            Ok((!s.exists("print-preview")?).then_some(()))
        })?;

        // 2. The batch of the next 14 days from the hearings screen: José's one notice.
        s.find("nav-hearings")?.click()?;
        let days = s.wait_for("print-batch-days", SCREEN_TIMEOUT)?;
        days.clear()?;
        days.type_text("14")?;
        choose(s, "print-batch-lang", "es")?;
        save_screenshot_if_asked(s, "hearings-print.png")?;
        s.find("print-batch")?.click()?;
        s.wait_for("print-preview", SCREEN_TIMEOUT)?;
        wait_for_loaded_pages(s)?;
        assert!(s.find("print-save-each")?.displayed()?);
        save_screenshot_if_asked(s, "print-batch.png")?;
        s.find("print-close")?.click()?;

        app.close()?;
    }
    wait_for_app_exit(&vault)?;

    // Previews are rendered in memory: no page of José's notice is left on disk in clear.
    let hits = find_bytes_in_tree(temp.path(), "Xicará Pérez")?;
    assert!(
        hits.is_empty(),
        "the sponsor's name is in clear in: {hits:#?}"
    );
    Ok(())
}

/// Waits until the preview shows its first page, loaded; returns how many pages it lists.
fn wait_for_loaded_pages(s: &Session) -> TestResult<usize> {
    s.wait_until(SCREEN_TIMEOUT, "the preview's first page to load", || {
        let pages = s.find_all_css(r#"[data-testid="print-page"]"#)?;
        let Some(first) = pages.first() else {
            return Ok(None);
        };
        let loaded = first.attribute("data-loaded")?.as_deref() == Some("true");
        Ok(loaded.then_some(pages.len()))
    })
}

// ---------------------------------------------------------------------------------------------
// Steps through the UI
// ---------------------------------------------------------------------------------------------

fn create_vault(s: &Session, user: &str, passphrase: &str) -> TestResult {
    s.wait_for("screen-first-run", SCREEN_TIMEOUT)?;
    s.find("first-run-user")?.type_text(user)?;
    s.find("first-run-passphrase")?.type_text(passphrase)?;
    s.find("first-run-confirm")?.type_text(passphrase)?;
    s.find("first-run-submit")?.click()
}

/// The sponsor of the acceptance test, typed into the open "New sponsor" dialog.
fn fill_sponsor_form(s: &Session) -> TestResult {
    fill(s, "sponsor-given-name", "Rosa")?;
    fill(s, "sponsor-family-name", "Ramírez López")?;
    choose(s, "sponsor-category", "2A")?;
    fill(s, "sponsor-phones", "+502 5123 4567")?;
    fill(s, "sponsor-address-line1", "45 Calle Ñuñoa")?;
    fill(s, "sponsor-address-line2", "Apt 3")?;
    fill(s, "sponsor-city", "Houston")?;
    fill(s, "sponsor-state", "TX")?;
    fill(s, "sponsor-postal-code", "77002")
}

/// Types `text` into an empty field and checks it arrived whole: WebDriver key input has to
/// carry non-ASCII letters (í, Ñ) through to the page.
fn fill(s: &Session, testid: &str, text: &str) -> TestResult {
    let field = s.wait_for(testid, SCREEN_TIMEOUT)?;
    field.clear()?;
    field.type_text(text)?;
    let value = field.property("value")?;
    if value == text {
        Ok(())
    } else {
        Err(format!(
            "typed {text:?} into {testid}, which holds {value:?}"
        ))
    }
}

/// Picks the option with `value` in a select (clicking the option is what WebKitWebDriver
/// supports), once the option is there: some lists arrive from the backend after the form.
fn choose(s: &Session, testid: &str, value: &str) -> TestResult {
    let option = format!(r#"{} option[value="{value}"]"#, testid_selector(testid));
    s.wait_until(SCREEN_TIMEOUT, &option, || s.try_find_css(&option))?
        .click()?;
    s.wait_until(SCREEN_TIMEOUT, &format!("{testid} to be {value:?}"), || {
        Ok((s.find(testid)?.property("value")? == value).then_some(()))
    })
}

/// Types `query` into the children search and waits for its answer (not an earlier query's),
/// which must be exactly one row; returns that row's text.
fn search_for_one_child(s: &Session, query: &str) -> TestResult<String> {
    let search = s.find("children-search")?;
    search.clear()?;
    search.type_text(query)?;
    let done = format!("“{query}”");
    s.wait_until(
        SCREEN_TIMEOUT,
        &format!("the search for {query:?} to answer"),
        || {
            let status = s.find_css(r#"[data-testid="screen-children"] [role="status"]"#)?;
            Ok(status.text()?.contains(&done).then_some(()))
        },
    )?;
    let rows = s.find_all_css(r#"[data-testid="search-results"] [data-testid="child-row"]"#)?;
    let texts = rows
        .iter()
        .map(Element::rendered_text)
        .collect::<TestResult<Vec<_>>>()?;
    match texts.as_slice() {
        [row] if row.contains("José") && row.contains("Ramírez") => Ok(row.clone()),
        _ => Err(format!(
            "searching {query:?} should find José Ramírez alone; it found {texts:?}"
        )),
    }
}

/// The sponsors the new-child form offers (without "No sponsor"); leaves the form again.
fn sponsors_offered(s: &Session) -> TestResult<Vec<String>> {
    s.find("new-child")?.click()?;
    s.wait_for("screen-child-form", SCREEN_TIMEOUT)?;
    let selector = r#"[data-testid="child-sponsor"] option:not([value=""])"#;
    // The list arrives in one reply, so the first non-empty look is the whole list.
    let offered = s.wait_until(SCREEN_TIMEOUT, "the sponsor list", || {
        let options = s.find_all_css(selector)?;
        let texts = options
            .iter()
            .map(Element::text)
            .collect::<TestResult<Vec<_>>>()?;
        Ok((!texts.is_empty()).then_some(texts))
    })?;
    dismiss_toasts(s)?;
    s.find("child-cancel")?.click()?;
    s.wait_for("screen-children", SCREEN_TIMEOUT)?;
    Ok(offered.iter().map(|t| t.trim().to_owned()).collect())
}

/// Closes every toast with its × button. Toasts stay 5 s, in the bottom-right corner above
/// everything, dialogs included, so they can cover the button a test is about to click (a
/// WebDriver click on a covered element fails with "element click intercepted").
fn dismiss_toasts(s: &Session) -> TestResult {
    let selector = r#"[data-testid="toast"] button"#;
    s.wait_until(SCREEN_TIMEOUT, "the toasts to close", || {
        let buttons = s.find_all_css(selector)?;
        if buttons.is_empty() {
            return Ok(Some(()));
        }
        for button in buttons {
            // A toast may time out between the look and the click: try again next round.
            let _ = button.click();
        }
        Ok(None)
    })
}

/// `T-<year>-<6 digits>`.
fn is_case_number(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    matches!(parts.as_slice(), ["T", year, seq]
        if year.len() == 4 && seq.len() == 6
            && year.bytes().chain(seq.bytes()).all(|b| b.is_ascii_digit()))
}

/// Fills the unlock form and submits it. The user name may be pre-filled with the last user,
/// so it is cleared first rather than appended to.
fn unlock(s: &Session, user: &str, passphrase: &str) -> TestResult {
    let name = s.wait_for("unlock-user", SCREEN_TIMEOUT)?;
    name.clear()?;
    name.type_text(user)?;
    let pass = s.find("unlock-passphrase")?;
    pass.clear()?;
    pass.type_text(passphrase)?;
    s.find("unlock-submit")?.click()
}

/// Signed in: the header names the user. The header is on every signed-in screen, so this does
/// not depend on which screen the app lands on (that has changed: home, then the children list).
fn expect_signed_in_as(s: &Session, user: &str) -> TestResult {
    s.wait_for("signed-in-user", SCREEN_TIMEOUT)?;
    assert!(
        !s.exists("screen-unlock")? && !s.exists("screen-first-run")?,
        "the header names a user while a sign-in screen is still shown"
    );
    let shown = s.find("signed-in-user")?.text()?;
    assert!(
        shown.contains(user),
        "the header shows {shown:?}, not {user:?}"
    );
    Ok(())
}

/// The rendered text of every row in the call queue, in page order.
fn call_rows(s: &Session) -> TestResult<Vec<String>> {
    s.find_all_css(r#"[data-testid="screen-calls"] [data-testid="call-row"]"#)?
        .iter()
        .map(Element::rendered_text)
        .collect()
}

/// Waits for the queue to load, which must then hold exactly one row; returns its text.
fn only_call_row(s: &Session) -> TestResult<String> {
    let rows = s.wait_until(SCREEN_TIMEOUT, "the call queue to load", || {
        let rows = call_rows(s)?;
        Ok((!rows.is_empty()).then_some(rows))
    })?;
    match rows.as_slice() {
        [row] => Ok(row.clone()),
        _ => Err(format!("the queue should hold one call; it holds {rows:?}")),
    }
}

/// Waits for the dashboard's "calls overdue" card to show `expected`. The card holds the number
/// and a label ("1 Calls overdue"), so the number is the card's first word.
fn wait_for_overdue_count(s: &Session, expected: u32) -> TestResult {
    let mut last = String::new();
    s.wait_until(
        SCREEN_TIMEOUT,
        &format!("the dashboard to count {expected} overdue call(s)"),
        || {
            let Some(card) = s.try_find_css(&testid_selector("count-calls-overdue"))? else {
                return Ok(None);
            };
            last = card.rendered_text()?;
            let number = last.split_whitespace().next().and_then(|n| n.parse().ok());
            Ok((number == Some(expected)).then_some(()))
        },
    )
    .map_err(|e| format!("{e}\n(the card last read {last:?})"))
}

/// Scrolls the element with `data-testid="<testid>"`, and everything scrolled inside it, back to
/// the top.
fn scroll_to_top(s: &Session, testid: &str) -> TestResult {
    let selector = testid_selector(testid);
    let script = "const [sel] = arguments;\n\
                  document.querySelectorAll(`${sel}, ${sel} *`).forEach(e => { e.scrollTop = 0; });";
    s.post(
        "/execute/sync",
        json!({"script": script, "args": [selector]}),
    )
    .map(drop)
}

/// Creates the vault with the CLI (so the app opens on the unlock screen) and imports one
/// release row. The CSV is deleted afterwards: it is the clinic's own clear copy, and the tests
/// look for clear data the app left behind.
fn vault_with_release(temp: &Path, vault: &Path, release: &str) -> TestResult {
    tether_cli(vault, &["init"])?;
    let csv = temp.join("releases.csv");
    fs::write(&csv, format!("{RELEASE_HEADER}\n{release}\n"))
        .map_err(|e| format!("writing {}: {e}", csv.display()))?;
    tether_cli(vault, &["import", &path_arg(&csv)?])?;
    fs::remove_file(&csv).map_err(|e| format!("removing {}: {e}", csv.display()))
}

/// Runs the `tether` CLI on `vault` as the admin of the call-queue test.
fn tether_cli(vault: &Path, args: &[&str]) -> TestResult {
    let out = tether_tests::tether(vault, CALL_ADMIN, PASSPHRASE, args, &[]);
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "tether {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

fn path_arg(path: &Path) -> TestResult<String> {
    path.to_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("{} is not UTF-8", path.display()))
}

/// Refreshes the documentation's screenshot only when asked (`TETHER_SCREENSHOTS=1`), so that
/// ordinary test runs never modify the working tree.
fn save_screenshot_if_asked(s: &Session, name: &str) -> TestResult {
    if std::env::var("TETHER_SCREENSHOTS").as_deref() != Ok("1") {
        return Ok(());
    }
    let png = s.screenshot()?;
    let dir = tether_tests::repo_root().join("docs").join("screenshots");
    fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let path = dir.join(name);
    fs::write(&path, png).map_err(|e| format!("writing {}: {e}", path.display()))?;
    eprintln!("screenshot saved to {}", path.display());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The app under test: Xvfb + tauri-driver + a WebDriver session, torn down on drop
// ---------------------------------------------------------------------------------------------

/// The running app. Fields drop in declaration order, which is the teardown order we need:
/// the session (closes the app), then tauri-driver (and its WebKitWebDriver), then the display.
struct App {
    session: Session,
    _driver: Background,
    _display: Background,
}

impl App {
    /// Starts a display, tauri-driver and the app with the vault at `vault`; `home` becomes the
    /// app's HOME and XDG folders.
    fn start(home: &Path, vault: &Path) -> TestResult<App> {
        let app_binary = tether_tests::workspace_binary("tether-app");
        let display = start_xvfb()?;
        let mut last_error = String::new();
        for _attempt in 0..3 {
            let (driver, port) = start_tauri_driver(&display, home, vault)?;
            match Session::new(port, &app_binary) {
                Ok(session) => {
                    return Ok(App {
                        session,
                        _driver: driver,
                        _display: display.process,
                    })
                }
                // The driver dropped the connection before a session existed: seen once in CI
                // with five window tests in parallel (e.g. a native port another test took
                // between choosing and binding it). Start a fresh driver; a real start-up
                // failure of the app fails all three attempts and is reported.
                Err(e) if e.contains("Network Error") => last_error = e,
                Err(e) => return Err(e),
            }
        }
        Err(format!(
            "no WebDriver session after 3 attempts: {last_error}"
        ))
    }

    /// Ends the session explicitly so a failure to close shows up; drop does the rest.
    fn close(self) -> TestResult {
        self.session.delete()
    }
}

/// A helper process that is sent SIGTERM when dropped, falling back to SIGKILL.
struct Background {
    name: &'static str,
    child: Child,
    /// Kept open so the process never writes into a closed pipe.
    _stdout: Option<ChildStdout>,
}

impl Background {
    fn spawn(name: &'static str, command: &mut Command) -> TestResult<Background> {
        let child = command
            .spawn()
            .map_err(|e| format!("starting {name}: {e}"))?;
        Ok(Background {
            name,
            child,
            _stdout: None,
        })
    }

    fn has_exited(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: tauri-driver only stops its WebKitWebDriver when it can clean up,
        // and Xvfb removes its lock file and socket. `kill` the command, since this crate has no
        // unsafe code to call libc with.
        let pid = self.child.id().to_string();
        let _ = Command::new("kill")
            .args(["-TERM", &pid])
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if self.has_exited() {
                return;
            }
            thread::sleep(POLL_INTERVAL);
        }
        eprintln!("{} (pid {pid}) ignored SIGTERM; killing it", self.name);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Display {
    process: Background,
    number: u32,
}

/// Starts Xvfb on a display number it picks itself (`-displayfd`), which cannot collide with
/// another test or a desktop session the way a guessed number can.
fn start_xvfb() -> TestResult<Display> {
    let mut process = Background::spawn(
        "Xvfb",
        Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    )?;
    let stdout = process
        .child
        .stdout
        .take()
        .ok_or("Xvfb has no stdout pipe")?;
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    // Xvfb writes the number once it accepts connections; EOF means it failed to start.
    reader
        .read_line(&mut line)
        .map_err(|e| format!("reading Xvfb's display number: {e}"))?;
    let number = line
        .trim()
        .parse()
        .map_err(|_| format!("Xvfb did not report a display number (got {line:?})"))?;
    process._stdout = Some(reader.into_inner());
    Ok(Display { process, number })
}

/// Starts tauri-driver on free ports, with the app's environment. Retries with new ports if it
/// exits at once, since a free port can be taken by someone else before tauri-driver binds it.
fn start_tauri_driver(
    display: &Display,
    home: &Path,
    vault: &Path,
) -> TestResult<(Background, u16)> {
    let mut last_error = String::new();
    for _attempt in 0..3 {
        let (port, native_port) = two_free_ports()?;
        let mut command = Command::new(tauri_driver_path());
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", format!(":{}", display.number))
            .env("TETHER_VAULT", vault)
            // The webview keeps local storage (the language choice) and caches under HOME/XDG:
            // isolate them per test, and keep them inside the folder searched for the canary.
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            // The UI picks its first language from the system's: make that English.
            .env("LANGUAGE", "en_US")
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            // No accessibility bus in a headless run; without this GTK waits for it.
            .env("NO_AT_BRIDGE", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut driver = Background::spawn("tauri-driver", &mut command)?;
        match wait_for_port(&mut driver, port) {
            Ok(()) => return Ok((driver, port)),
            Err(e) => last_error = e,
        }
    }
    Err(format!("tauri-driver did not start: {last_error}"))
}

fn tauri_driver_path() -> PathBuf {
    // `cargo install` puts it in ~/.cargo/bin, which is not always on a test runner's PATH.
    let installed = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|cargo| cargo.join("bin").join("tauri-driver"));
    match installed {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

/// Two distinct free TCP ports, both held until both are chosen so they differ.
fn two_free_ports() -> TestResult<(u16, u16)> {
    let bind = || TcpListener::bind("127.0.0.1:0").map_err(|e| format!("finding a free port: {e}"));
    let (a, b) = (bind()?, bind()?);
    let port = |l: &TcpListener| {
        l.local_addr()
            .map(|a| a.port())
            .map_err(|e| format!("reading a port: {e}"))
    };
    Ok((port(&a)?, port(&b)?))
}

fn wait_for_port(driver: &mut Background, port: u16) -> TestResult {
    let deadline = Instant::now() + SCREEN_TIMEOUT;
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        if driver.has_exited() {
            return Err(format!(
                "tauri-driver exited before listening on port {port}"
            ));
        }
        thread::sleep(POLL_INTERVAL);
    }
    Err(format!(
        "tauri-driver is not listening on port {port} after {SCREEN_TIMEOUT:?}"
    ))
}

// ---------------------------------------------------------------------------------------------
// A minimal W3C WebDriver client
// ---------------------------------------------------------------------------------------------

struct Session {
    agent: ureq::Agent,
    /// `http://127.0.0.1:<port>/session/<id>`
    url: String,
    deleted: std::cell::Cell<bool>,
}

impl Session {
    fn new(port: u16, app_binary: &Path) -> TestResult<Session> {
        let agent = ureq::AgentBuilder::new().timeout(SESSION_TIMEOUT).build();
        let base = format!("http://127.0.0.1:{port}");
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": app_binary},
        }}});
        let value = send(agent.post(&format!("{base}/session")), Some(capabilities))?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| format!("new session without a sessionId: {value}"))?;
        Ok(Session {
            agent,
            url: format!("{base}/session/{id}"),
            deleted: std::cell::Cell::new(false),
        })
    }

    fn get(&self, path: &str) -> TestResult<Value> {
        send(self.agent.get(&format!("{}{path}", self.url)), None)
    }

    fn post(&self, path: &str, body: Value) -> TestResult<Value> {
        send(self.agent.post(&format!("{}{path}", self.url)), Some(body))
    }

    /// The element with `data-testid="<testid>"`, now.
    fn find(&self, testid: &str) -> TestResult<Element<'_>> {
        self.find_css(&testid_selector(testid))
    }

    fn find_css(&self, selector: &str) -> TestResult<Element<'_>> {
        self.try_find_css(selector)?
            .ok_or_else(|| format!("no element matches {selector}"))
    }

    /// `Ok(None)` when nothing matches; `Err` when WebDriver itself failed.
    fn try_find_css(&self, selector: &str) -> TestResult<Option<Element<'_>>> {
        match self.post(
            "/element",
            json!({"using": "css selector", "value": selector}),
        ) {
            Ok(value) => {
                let id = value[ELEMENT_KEY]
                    .as_str()
                    .ok_or_else(|| format!("element reply without an id: {value}"))?;
                Ok(Some(Element {
                    session: self,
                    id: id.to_owned(),
                }))
            }
            Err(e) if e.contains("no such element") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every element matching `selector`, in document order (none is not an error).
    fn find_all_css(&self, selector: &str) -> TestResult<Vec<Element<'_>>> {
        let value = self.post(
            "/elements",
            json!({"using": "css selector", "value": selector}),
        )?;
        let items = value
            .as_array()
            .ok_or_else(|| format!("elements reply is not a list: {value}"))?;
        items
            .iter()
            .map(|item| {
                let id = item[ELEMENT_KEY]
                    .as_str()
                    .ok_or_else(|| format!("element reply without an id: {item}"))?;
                Ok(Element {
                    session: self,
                    id: id.to_owned(),
                })
            })
            .collect()
    }

    fn exists(&self, testid: &str) -> TestResult<bool> {
        Ok(self.try_find_css(&testid_selector(testid))?.is_some())
    }

    /// Waits for the element with `data-testid="<testid>"` to be in the page: the UI renders
    /// asynchronously after every backend call.
    fn wait_for(&self, testid: &str, timeout: Duration) -> TestResult<Element<'_>> {
        let selector = testid_selector(testid);
        self.wait_until(timeout, &selector, || self.try_find_css(&selector))
    }

    /// Polls `check` until it returns `Some`; on timeout, the error shows what the page said.
    fn wait_until<T>(
        &self,
        timeout: Duration,
        what: &str,
        mut check: impl FnMut() -> TestResult<Option<T>>,
    ) -> TestResult<T> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(found) = check()? {
                return Ok(found);
            }
            if Instant::now() >= deadline {
                let page = self
                    .find_css("body")
                    .and_then(|b| b.text())
                    .unwrap_or_default();
                return Err(format!(
                    "waited {timeout:?} for {what}; the page shows:\n{page}"
                ));
            }
            thread::sleep(POLL_INTERVAL);
        }
    }

    /// Waits until the webview has painted the current DOM. Painting can trail the DOM by
    /// seconds on a loaded machine with software rendering, and a screenshot shows the last
    /// painted frame: without this, "the unlock screen" came out as the first-run screen.
    fn wait_for_paint(&self) -> TestResult {
        // The second animation frame starts only after the first one's frame was produced.
        let script = "const done = arguments[arguments.length - 1];\n\
                      requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.post("/execute/async", json!({"script": script, "args": []}))
            .map(drop)
    }

    /// The window as PNG bytes, once the page on screen matches the DOM.
    fn screenshot(&self) -> TestResult<Vec<u8>> {
        self.wait_for_paint()?;
        // Two frames are not always enough: once in a few runs the dialog just opened was still
        // missing from the picture. Let the compositor catch up, then wait for a frame again.
        thread::sleep(Duration::from_millis(300));
        self.wait_for_paint()?;
        let value = self.get("/screenshot")?;
        let encoded = value
            .as_str()
            .ok_or_else(|| format!("screenshot is not a string: {value}"))?;
        let png = decode_base64(encoded)?;
        if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err("the screenshot is not a PNG".to_owned());
        }
        Ok(png)
    }

    /// Ends the session, which closes the app.
    fn delete(&self) -> TestResult {
        if self.deleted.replace(true) {
            return Ok(());
        }
        send(self.agent.delete(&self.url), None).map(drop)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Best effort on the failure path; tauri-driver's SIGTERM closes the app regardless.
        let _ = self.delete();
    }
}

struct Element<'s> {
    session: &'s Session,
    id: String,
}

impl Element<'_> {
    fn path(&self, what: &str) -> String {
        format!("/element/{}/{what}", self.id)
    }

    fn click(&self) -> TestResult {
        self.session.post(&self.path("click"), json!({})).map(drop)
    }

    fn clear(&self) -> TestResult {
        self.session.post(&self.path("clear"), json!({})).map(drop)
    }

    fn type_text(&self, text: &str) -> TestResult {
        self.session
            .post(&self.path("value"), json!({"text": text}))
            .map(drop)
    }

    fn text(&self) -> TestResult<String> {
        let value = self.session.get(&self.path("text"))?;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("element text is not a string: {value}"))
    }

    /// The element's `innerText`: its text as laid out, one line per block or grid cell.
    /// WebKitWebDriver's own element text (`text`) comes back empty for the children search
    /// results (rows inside a scrolling list), though they are on screen.
    fn rendered_text(&self) -> TestResult<String> {
        let text = self.property("innerText")?;
        Ok(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// A DOM property, e.g. an input's current `value`.
    fn property(&self, name: &str) -> TestResult<String> {
        let value = self.session.get(&self.path(&format!("property/{name}")))?;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("property {name} is not a string: {value}"))
    }

    /// An HTML attribute, `None` when the element does not have it.
    fn attribute(&self, name: &str) -> TestResult<Option<String>> {
        let value = self.session.get(&self.path(&format!("attribute/{name}")))?;
        Ok(value.as_str().map(str::to_owned))
    }

    fn displayed(&self) -> TestResult<bool> {
        let value = self.session.get(&self.path("displayed"))?;
        value
            .as_bool()
            .ok_or_else(|| format!("displayed is not a boolean: {value}"))
    }
}

fn testid_selector(testid: &str) -> String {
    format!(r#"[data-testid="{testid}"]"#)
}

/// Sends a WebDriver request and returns the reply's `value`, or the WebDriver error as text
/// (`"<error>: <message>"`, so callers can recognise e.g. `no such element`).
fn send(request: ureq::Request, body: Option<Value>) -> TestResult<Value> {
    let what = format!("{} {}", request.method(), request.url());
    let reply = match body {
        Some(body) => request.send_json(body),
        None => request.call(),
    };
    let response = match reply {
        Ok(response) => response,
        Err(ureq::Error::Status(code, response)) => {
            let body: Value = response.into_json().unwrap_or(Value::Null);
            let error = body["value"]["error"].as_str().unwrap_or("unknown error");
            let message = body["value"]["message"].as_str().unwrap_or("");
            return Err(format!("{error}: {message} ({what} → HTTP {code})"));
        }
        Err(e) => return Err(format!("{what}: {e}")),
    };
    let body: Value = response
        .into_json()
        .map_err(|e| format!("{what}: reply is not JSON: {e}"))?;
    Ok(body["value"].clone())
}

/// Standard base64 (with padding), as WebDriver screenshots use; small enough not to need a crate.
fn decode_base64(text: &str) -> TestResult<Vec<u8>> {
    fn sextet(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let symbols: Vec<u8> = text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(symbols.len() * 3 / 4);
    for chunk in symbols.chunks(4) {
        let mut bits = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = sextet(c).ok_or_else(|| format!("invalid base64 character {:?}", c as char))?;
            bits |= v << (18 - 6 * i);
        }
        let bytes = bits.to_be_bytes();
        // 4 symbols carry 3 bytes, 3 carry 2, 2 carry 1.
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Looking at the files on disk
// ---------------------------------------------------------------------------------------------

/// Every regular file under `root` that contains `needle` as UTF-8 or as UTF-16LE (the
/// encodings a user name could be written in by SQLite or by the webview's storage).
fn find_bytes_in_tree(root: &Path, needle: &str) -> TestResult<Vec<PathBuf>> {
    let utf8 = needle.as_bytes().to_vec();
    let utf16: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut hits = Vec::new();
    let mut pending = vec![root.to_owned()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| format!("listing {}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("listing {}: {e}", dir.display()))?;
            let path = entry.path();
            // symlink_metadata: never follow a link out of the folder under test.
            let kind = fs::symlink_metadata(&path)
                .map_err(|e| format!("inspecting {}: {e}", path.display()))?
                .file_type();
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                let bytes =
                    fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
                if contains(&bytes, &utf8) || contains(&bytes, &utf16) {
                    hits.push(path);
                }
            }
        }
    }
    Ok(hits)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Waits until no process runs with `TETHER_VAULT=<vault>` in its environment, i.e. this
/// test's app (and only it: other tests use other vaults) has exited.
fn wait_for_app_exit(vault: &Path) -> TestResult {
    let marker = format!("TETHER_VAULT={}", vault.display()).into_bytes();
    let running = || -> TestResult<Vec<String>> {
        let procs = fs::read_dir("/proc").map_err(|e| format!("listing /proc: {e}"))?;
        Ok(procs
            .filter_map(Result::ok)
            .filter(|p| {
                p.file_name()
                    .to_string_lossy()
                    .bytes()
                    .all(|b| b.is_ascii_digit())
            })
            // Unreadable (exited meanwhile, or a zombie, which holds no files) counts as gone.
            .filter(|p| {
                fs::read(p.path().join("environ"))
                    .is_ok_and(|env| env.split(|&b| b == 0).any(|var| var == marker.as_slice()))
            })
            .map(|p| p.file_name().to_string_lossy().into_owned())
            .collect())
    };
    let deadline = Instant::now() + SCREEN_TIMEOUT;
    loop {
        let pids = running()?;
        if pids.is_empty() {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(format!(
                "the app still runs after its session ended: pids {pids:?}"
            ));
        }
        thread::sleep(POLL_INTERVAL);
    }
}

fn read_prefix(path: &Path, len: usize) -> TestResult<Vec<u8>> {
    let bytes = fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    Ok(bytes.into_iter().take(len).collect())
}
