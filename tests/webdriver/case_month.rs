//! A month of one case through the window, in English and in Spanish: the day-30 call reaches
//! José, who says he does not feel safe; the escalation shows on the dashboard and in Tasks,
//! where the case manager marks it done with what was done; a note in the History tab; the
//! sponsor moves (Sponsor tab) and the EOIR-33 is marked filed in Tasks. The History tab then
//! holds every step, newest first. The CLI prepares the vault and the two failed attempts.

use super::harness::{
    save_screenshot_if_asked, temp_home, testid_selector, wait_for_app_exit, App, Session,
    TestResult, SCREEN_TIMEOUT,
};
use super::steps::{
    choose, dismiss_toasts, expect_signed_in_as, fill, scroll_to_top, search_for_one_child,
    tether_cli, unlock, vault_with_release,
};
use super::{CALL_ADMIN, PASSPHRASE};

const JOSE: &str = "José,Ramírez,2012-03-14,A201555123,GT,mam,sí,2026-10-01,,Rosa,Xicará,tía,\
                    2A,+502 5123 4567,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,not_served,,,";

/// The words the test reads on screen, per language (from the en and es catalogs).
struct Words {
    lang: &'static str,
    history_tab: &'static str,
    not_safe: &'static str,
}

const ENGLISH: Words = Words {
    lang: "en",
    history_tab: "History",
    not_safe: "The child does not feel safe",
};

const SPANISH: Words = Words {
    lang: "es",
    history_tab: "Historial",
    not_safe: "El niño o la niña no se siente seguro(a)",
};

#[test]
fn a_month_of_one_case_through_the_window_in_english() -> TestResult {
    month_of_one_case(&ENGLISH)
}

#[test]
fn a_month_of_one_case_through_the_window_in_spanish() -> TestResult {
    month_of_one_case(&SPANISH)
}

fn month_of_one_case(words: &Words) -> TestResult {
    let temp = temp_home()?;
    let vault = temp.path().join("vault");
    vault_with_release(temp.path(), &vault, JOSE)?;
    // Released Thursday 2026-10-01: the day-30 call is due Monday 2026-11-02.
    for at in ["2026-11-02 10:00", "2026-11-03 17:30"] {
        tether_cli(
            &vault,
            &["calls", "log", "1", "--outcome", "no_answer", "--at", at],
        )?;
    }
    {
        let app = App::start(temp.path(), &vault)?;
        let s = &app.session;
        s.wait_for("screen-unlock", SCREEN_TIMEOUT)?;
        if words.lang != "en" {
            s.find_css(&format!(
                r#"[data-testid="lang-switch"] option[value="{}"]"#,
                words.lang
            ))?
            .click()?;
        }
        unlock(s, CALL_ADMIN, PASSPHRASE)?;
        expect_signed_in_as(s, CALL_ADMIN)?;
        s.wait_for("screen-dashboard", SCREEN_TIMEOUT)?;

        // 1. The third attempt reaches José; he does not feel safe.
        s.find("nav-calls")?.click()?;
        s.wait_for("screen-calls", SCREEN_TIMEOUT)?;
        s.wait_until(SCREEN_TIMEOUT, "the call queue to load", || {
            s.try_find_css(r#"[data-testid="call-row"] [data-testid="log-call"]"#)
        })?
        .click()?;
        s.wait_for("log-call-dialog", SCREEN_TIMEOUT)?;
        choose(s, "log-call-outcome", "reached_child")?;
        choose(s, "swb-feels-safe", "no")?;
        fill(
            s,
            "log-call-note",
            "Habla bajito; dice que el tío le grita.",
        )?;
        dismiss_toasts(s)?;
        s.find("log-call-save")?.click()?;
        s.wait_until(SCREEN_TIMEOUT, "the log-call dialog to close", || {
            Ok((!s.exists("log-call-dialog")?).then_some(()))
        })?;
        // "Does not feel safe" offers a concern report; the case manager handles it later
        // (the concern report's own path is tests/webdriver/legal.rs).
        s.wait_for("concern-offer-later", SCREEN_TIMEOUT)?.click()?;

        // 2. The dashboard counts the open escalation.
        dismiss_toasts(s)?;
        s.find("nav-dashboard")?.click()?;
        wait_for_text(s, "count-escalations", "1")?;

        // 3. Tasks: the escalation, with its reason; marked done with what was done.
        s.find("nav-tasks")?.click()?;
        s.wait_for("screen-tasks", SCREEN_TIMEOUT)?;
        let row = wait_for_task(s, "escalation")?;
        if words.lang == "en" {
            save_screenshot_if_asked(s, "tasks.png")?;
        }
        assert!(
            row.contains(words.not_safe),
            "the escalation does not say why: {row:?}"
        );
        mark_done(s, "escalation", "Visita con Rosa; plan de seguridad hecho.")?;

        // 4. History: the calls and the task done; then a note.
        open_jose(s)?;
        let tab = s.find("tab-history")?;
        assert_eq!(tab.text()?.trim(), words.history_tab);
        tab.click()?;
        wait_for_kinds(
            s,
            &[
                "task_done",
                "call_logged",
                "call_logged",
                "call_logged",
                "child_imported",
            ],
        )?;
        fill(s, "history-note-text", "José empieza la escuela el lunes.")?;
        s.find("history-note-save")?.click()?;
        wait_for_kinds(
            s,
            &[
                "note_added",
                "task_done",
                "call_logged",
                "call_logged",
                "call_logged",
                "child_imported",
            ],
        )?;

        // 5. The sponsor moves; the EOIR-33 is filed from Tasks.
        dismiss_toasts(s)?;
        s.find("tab-sponsor")?.click()?;
        fill(s, "address-change-line1", "500 Elm St")?;
        fill(s, "address-change-city", "Houston")?;
        fill(s, "address-change-state", "TX")?;
        fill(s, "address-change-zip", "77009")?;
        s.find("address-change-save")?.click()?;
        s.wait_for("eoir33-notice", SCREEN_TIMEOUT)?;
        let addresses = s.find("address-history")?.rendered_text()?;
        assert!(
            addresses.contains("500 Elm St") && addresses.contains("45 Calle Ñuñoa"),
            "both addresses are kept: {addresses:?}"
        );
        dismiss_toasts(s)?;
        s.find("nav-tasks")?.click()?;
        s.wait_for("screen-tasks", SCREEN_TIMEOUT)?;
        wait_for_task(s, "eoir33")?;
        mark_done(
            s,
            "eoir33",
            "EOIR-33 presentado en ECAS, confirmación 8841.",
        )?;

        // 6. The whole month, newest first.
        open_jose(s)?;
        s.find("tab-history")?.click()?;
        wait_for_kinds(
            s,
            &[
                "task_done",
                "address_changed",
                "note_added",
                "task_done",
                "call_logged",
                "call_logged",
                "call_logged",
                "child_imported",
            ],
        )?;
        if words.lang == "en" {
            scroll_to_top(s, "case-history")?;
            save_screenshot_if_asked(s, "case-history.png")?;
        }
        let history = s.find("case-history")?.rendered_text()?;
        for seen in [
            "500 Elm St",
            "José empieza la escuela el lunes.",
            "Habla bajito",
        ] {
            assert!(
                history.contains(seen),
                "the history lacks {seen:?}: {history}"
            );
        }
        app.close()?;
    }
    wait_for_app_exit(&vault)
}

fn wait_for_text(s: &Session, testid: &str, text: &str) -> TestResult {
    s.wait_until(
        SCREEN_TIMEOUT,
        &format!("{testid} to show {text:?}"),
        || {
            Ok(s.try_find_css(&testid_selector(testid))?
                .map(|e| e.rendered_text())
                .transpose()?
                .filter(|t| t.contains(text))
                .map(|_| ()))
        },
    )
}

fn task_selector(kind: &str) -> String {
    format!(r#"[data-testid="screen-tasks"] [data-testid="task-row"][data-kind="{kind}"]"#)
}

/// Waits for the one task row of `kind`; returns its text.
fn wait_for_task(s: &Session, kind: &str) -> TestResult<String> {
    let selector = task_selector(kind);
    s.wait_until(SCREEN_TIMEOUT, &format!("a {kind} task"), || {
        s.try_find_css(&selector)?
            .map(|row| row.rendered_text())
            .transpose()
    })
}

fn mark_done(s: &Session, kind: &str, note: &str) -> TestResult {
    dismiss_toasts(s)?;
    s.find_css(&format!(
        r#"{} [data-testid="task-done"]"#,
        task_selector(kind)
    ))?
    .click()?;
    s.wait_for("task-done-dialog", SCREEN_TIMEOUT)?;
    fill(s, "task-done-note", note)?;
    s.find("task-done-save")?.click()?;
    let selector = task_selector(kind);
    s.wait_until(
        SCREEN_TIMEOUT,
        &format!("the {kind} task to leave the list"),
        || Ok(s.try_find_css(&selector)?.is_none().then_some(())),
    )
}

fn open_jose(s: &Session) -> TestResult {
    dismiss_toasts(s)?;
    s.find("nav-children")?.click()?;
    s.wait_for("screen-children", SCREEN_TIMEOUT)?;
    search_for_one_child(s, "José Ramírez")?;
    s.find_css(r#"[data-testid="search-results"] [data-testid="child-row"]"#)?
        .click()?;
    s.wait_for("detail-case-number", SCREEN_TIMEOUT)?;
    Ok(())
}

/// Waits until the History tab lists exactly these kinds, in this order.
fn wait_for_kinds(s: &Session, kinds: &[&str]) -> TestResult {
    s.wait_until(
        SCREEN_TIMEOUT,
        &format!("the history to be {kinds:?}"),
        || {
            let seen = s
                .find_all_css(r#"[data-testid="history-entry"]"#)?
                .iter()
                .map(|e| e.attribute("data-kind").map(Option::unwrap_or_default))
                .collect::<TestResult<Vec<String>>>()?;
            Ok((seen == kinds).then_some(()))
        },
    )
}
