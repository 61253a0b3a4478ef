//! The call queue and the dashboard: logging a call through the dialog.

use super::harness::{
    find_bytes_in_tree, save_screenshot_if_asked, temp_home, testid_selector, wait_for_app_exit,
    App, Element, Session, TestResult, SCREEN_TIMEOUT,
};
use super::steps::{
    choose, dismiss_toasts, expect_signed_in_as, fill, scroll_to_top, unlock, vault_with_release,
};
use super::{CALL_ADMIN, PASSPHRASE};

const CALL_NOTE: &str = "No contestó; buzón de voz lleno";

/// The issue's acceptance test for the call queue: a call logged through the dialog moves the
/// queue on (attempt 2 of 3, no longer overdue) and the dashboard's overdue count with it.
#[test]
fn log_a_call_through_the_dialog_updates_the_queue_and_dashboard() -> TestResult {
    let temp = temp_home()?;
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
