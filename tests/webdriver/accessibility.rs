//! Every screen and dialog of the real window, checked with axe-core (the npm dev dependency,
//! `ui/node_modules/axe-core/axe.min.js`, injected into the page) in English and Spanish, as an
//! admin and as a volunteer: no critical or serious violation anywhere. And the keyboard: a
//! call logged without the mouse, and a dialog that Shift+Tab cannot leave and Escape closes.

use serde_json::Value;

use super::harness::{
    temp_home, testid_selector, App, Session, TestResult, KEY_DOWN, KEY_ESCAPE, KEY_TAB,
    SCREEN_TIMEOUT,
};
use super::steps::{dismiss_toasts, expect_signed_in_as, unlock, vault_with_release};
use super::{CALL_ADMIN, PASSPHRASE};

const LUCIA: &str = "Lucía,Xicará,2011-04-03,A200000002,GT,mam,sí,2026-09-04,,\
                     Inés,Xicará Pérez,tía,2A,+1 713 555 0102,2 Oak St,Apt 2,Houston,TX,77002,\
                     served,2026-09-20,HOU,2027-03-02 09:00";
const VOLUNTEER: &str = "beto";
const VOLUNTEER_PASS: &str = "volunteer passphrase 2026";

/// axe-core's source, read once per test.
fn axe_source() -> TestResult<String> {
    let path = tether_tests::repo_root().join("ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{} is missing ({e}): `make test` installs the UI's npm dev dependencies",
            path.display()
        )
    })
}

/// The critical and serious violations axe finds in the page now, as "rule (impact) at
/// selector" lines, each prefixed with `place`.
fn violations(s: &Session, axe: &str, place: &str) -> TestResult<Vec<String>> {
    let loaded = s.execute("return typeof window.axe === 'object';", vec![])?;
    if loaded != Value::Bool(true) {
        s.execute(&format!("{axe}\n;return true;"), vec![])?;
    }
    let script = "const done = arguments[arguments.length - 1];\n\
        window.axe.run(document, { resultTypes: ['violations'] })\n\
          .then(r => done(r.violations\n\
            .filter(v => v.impact === 'critical' || v.impact === 'serious')\n\
            .map(v => v.id + ' (' + v.impact + ') at ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))\n\
          .catch(e => done(['axe failed: ' + e]));";
    let found = s.execute_async(script, vec![])?;
    Ok(found
        .as_array()
        .ok_or_else(|| format!("axe returned {found}"))?
        .iter()
        .map(|v| format!("{place}: {}", v.as_str().unwrap_or_default()))
        .collect())
}

/// The nav items the signed-in user has, by test id.
fn nav_items(s: &Session) -> TestResult<Vec<String>> {
    let found = s.execute(
        "return [...document.querySelectorAll('[data-testid^=\"nav-\"]')].map(e => e.dataset.testid);",
        vec![],
    )?;
    Ok(found
        .as_array()
        .ok_or_else(|| format!("nav items: {found}"))?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect())
}

fn set_language(s: &Session, lang: &str) -> TestResult {
    let script = "const el = document.querySelector('[data-testid=\"lang-switch\"]');\n\
                  el.value = arguments[0]; el.dispatchEvent(new Event('change', {bubbles: true}));";
    s.execute(script, vec![lang.into()]).map(drop)
}

/// Every screen in the nav, every tab of a child's record, and the dialogs a user of this role
/// opens: their violations.
fn check_everything(s: &Session, axe: &str, who: &str, lang: &str) -> TestResult<Vec<String>> {
    let mut found = Vec::new();
    for item in nav_items(s)? {
        let screen = item.trim_start_matches("nav-");
        dismiss_toasts(s)?;
        s.find(&item)?.click()?;
        s.wait_for(&format!("screen-{screen}"), SCREEN_TIMEOUT)?;
        found.extend(violations(s, axe, &format!("{who}/{lang}/{screen}"))?);
    }
    // The call queue's log-call dialog.
    s.find("nav-calls")?.click()?;
    s.wait_for("screen-calls", SCREEN_TIMEOUT)?;
    s.wait_for("log-call", SCREEN_TIMEOUT)?.click()?;
    s.wait_for("log-call-dialog", SCREEN_TIMEOUT)?;
    found.extend(violations(
        s,
        axe,
        &format!("{who}/{lang}/log-call dialog"),
    )?);
    // With its screening questions open.
    s.find("screening-toggle")?.click()?;
    s.wait_for("screening-works", SCREEN_TIMEOUT)?;
    found.extend(violations(
        s,
        axe,
        &format!("{who}/{lang}/log-call screening"),
    )?);
    s.press_keys(&[KEY_ESCAPE], false)?;
    // The shortcuts list.
    s.press_keys(&["?"], false)?;
    s.wait_for("shortcuts-help", SCREEN_TIMEOUT)?;
    found.extend(violations(s, axe, &format!("{who}/{lang}/shortcuts"))?);
    s.press_keys(&[KEY_ESCAPE], false)?;
    // A child's record, tab by tab (a volunteer opens it from the queue's name).
    s.find("nav-calls")?.click()?;
    s.wait_for("screen-calls", SCREEN_TIMEOUT)?;
    s.find_css(r#"[data-testid="call-row"] button.name"#)?
        .click()?;
    s.wait_for("child-detail", SCREEN_TIMEOUT)?;
    let tabs = s.execute(
        "return [...document.querySelectorAll('[role=\"tab\"]')].map(e => e.dataset.testid).filter(Boolean);",
        vec![],
    )?;
    for tab in tabs
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        s.find(tab)?.click()?;
        found.extend(violations(s, axe, &format!("{who}/{lang}/child {tab}"))?);
    }
    if who == "admin" {
        found.extend(staff_dialogs(s, axe, &format!("{who}/{lang}"))?);
    }
    Ok(found)
}

/// Opens the dialog behind `button` (waiting for `dialog`), checks it, closes it with Escape.
fn dialog(
    s: &Session,
    axe: &str,
    place: &str,
    button: &str,
    dialog: &str,
) -> TestResult<Vec<String>> {
    dismiss_toasts(s)?;
    s.wait_for(button, SCREEN_TIMEOUT)?.click()?;
    s.wait_for(dialog, SCREEN_TIMEOUT)?;
    let found = violations(s, axe, &format!("{place}/{dialog}"))?;
    s.press_keys(&[KEY_ESCAPE], false)?;
    s.wait_until(SCREEN_TIMEOUT, &format!("{dialog} to close"), || {
        Ok((!s.exists(dialog)?).then_some(()))
    })?;
    Ok(found)
}

/// The dialogs only staff open: a case's actions, the print preview, the sponsor's edit and
/// merge, a new sponsor, a new user.
fn staff_dialogs(s: &Session, axe: &str, place: &str) -> TestResult<Vec<String>> {
    let mut found = Vec::new();
    // On the child's record (still open from the tabs above).
    s.find("tab-profile")?.click()?;
    for (button, name) in [
        ("child-close", "close-dialog"),
        ("child-reassign", "assign-dialog"),
        ("child-merge", "merge-child-dialog"),
        ("child-void", "void-dialog"),
    ] {
        found.extend(dialog(s, axe, place, button, name)?);
    }
    s.find("tab-documents")?.click()?;
    found.extend(dialog(s, axe, place, "print-notice", "print-preview")?);
    // The Legal tab: a new concern report, a hearing reminder.
    s.find("tab-legal")?.click()?;
    found.extend(dialog(s, axe, place, "new-concern", "new-concern-dialog")?);
    found.extend(dialog(
        s,
        axe,
        place,
        "prepare-reminder",
        "reminder-dialog",
    )?);
    // A concern report, at the step that shows where it may go (approved: report).
    s.find("nav-concerns")?.click()?;
    s.wait_for("screen-concerns", SCREEN_TIMEOUT)?;
    found.extend(dialog(s, axe, place, "concern-open", "concern-dialog")?);
    // A sponsor's page.
    s.find("nav-sponsors")?.click()?;
    // The screen reopens the sponsor last shown, else the list.
    let row = s.wait_until(
        SCREEN_TIMEOUT,
        "the sponsors list or a sponsor's page",
        || {
            if s.exists("sponsor-detail")? {
                return Ok(Some(None));
            }
            Ok(s.try_find_css(&testid_selector("sponsor-row"))?.map(Some))
        },
    )?;
    if let Some(row) = row {
        row.click()?;
    }
    s.wait_for("sponsor-detail", SCREEN_TIMEOUT)?;
    found.extend(violations(s, axe, &format!("{place}/sponsor page"))?);
    found.extend(dialog(
        s,
        axe,
        place,
        "sponsor-edit",
        "sponsor-edit-dialog",
    )?);
    found.extend(dialog(
        s,
        axe,
        place,
        "sponsor-merge",
        "sponsor-merge-dialog",
    )?);
    // New sponsor, new user.
    s.find("nav-children")?.click()?;
    s.wait_for("screen-children", SCREEN_TIMEOUT)?;
    found.extend(dialog(s, axe, place, "new-sponsor", "sponsor-dialog")?);
    s.find("nav-users")?.click()?;
    s.wait_for("screen-users", SCREEN_TIMEOUT)?;
    found.extend(dialog(s, axe, place, "users-add", "add-user-dialog")?);
    Ok(found)
}

#[test]
fn no_screen_or_dialog_has_a_critical_or_serious_axe_violation() -> TestResult {
    let axe = axe_source()?;
    let temp = temp_home()?;
    let vault = temp.path().join("vault");
    vault_with_release(temp.path(), &vault, LUCIA)?;
    let out = tether_tests::tether(
        &vault,
        CALL_ADMIN,
        PASSPHRASE,
        &["user", "add", VOLUNTEER, "--role", "volunteer"],
        &[("TETHER_NEW_PASSPHRASE", VOLUNTEER_PASS)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A concern report the admin approved (the volunteer opened it), for its report form.
    let opened = tether_tests::tether(
        &vault,
        VOLUNTEER,
        VOLUNTEER_PASS,
        &[
            "concern",
            "open",
            "1",
            "--category",
            "school",
            "--text",
            "No va a la escuela desde marzo.",
            "--json",
        ],
        &[],
    );
    assert!(
        opened.status.success(),
        "{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    let id = serde_json::from_slice::<Value>(&opened.stdout)
        .map_err(|e| format!("concern open: {e}"))?["concern_id"]
        .to_string();
    for (user, pass, step) in [
        (VOLUNTEER, VOLUNTEER_PASS, "submit"),
        (CALL_ADMIN, PASSPHRASE, "approve"),
    ] {
        let out = tether_tests::tether(&vault, user, pass, &["concern", step, &id], &[]);
        assert!(
            out.status.success(),
            "concern {step}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let app = App::start(temp.path(), &vault)?;
    let s = &app.session;
    let mut found = Vec::new();
    for (user, pass, who) in [
        (CALL_ADMIN, PASSPHRASE, "admin"),
        (VOLUNTEER, VOLUNTEER_PASS, "volunteer"),
    ] {
        s.wait_for("screen-unlock", SCREEN_TIMEOUT)?;
        found.extend(violations(s, &axe, &format!("{who}/unlock"))?);
        unlock(s, user, pass)?;
        expect_signed_in_as(s, user)?;
        for lang in ["en", "es"] {
            set_language(s, lang)?;
            found.extend(check_everything(s, &axe, who, lang)?);
        }
        set_language(s, "en")?;
        s.find("lock-button")?.click()?;
    }
    app.close()?;
    assert!(
        found.is_empty(),
        "axe-core found {} critical or serious violations:\n{}",
        found.len(),
        found.join("\n")
    );
    Ok(())
}

/// What has focus: its test id, or its tag and text.
fn focused(s: &Session) -> TestResult<String> {
    let v = s.execute(
        "const e = document.activeElement;\n\
         return e ? (e.dataset.testid || (e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40))) : 'none';",
        vec![],
    )?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

fn focus_inside(s: &Session, testid: &str) -> TestResult<bool> {
    let v = s.execute(
        "const d = document.querySelector(`[data-testid=\"${arguments[0]}\"]`);\n\
         return !!d && d.contains(document.activeElement);",
        vec![testid.into()],
    )?;
    Ok(v == Value::Bool(true))
}

#[test]
fn a_call_is_logged_and_a_dialog_closed_with_the_keyboard_only() -> TestResult {
    let temp = temp_home()?;
    let vault = temp.path().join("vault");
    vault_with_release(temp.path(), &vault, LUCIA)?;
    let app = App::start(temp.path(), &vault)?;
    let s = &app.session;
    s.wait_for("screen-unlock", SCREEN_TIMEOUT)?;
    unlock(s, CALL_ADMIN, PASSPHRASE)?;
    expect_signed_in_as(s, CALL_ADMIN)?;
    s.wait_for("screen-dashboard", SCREEN_TIMEOUT)?;

    // `L`: the log-call dialog of the next call due; focus is inside it.
    s.press_keys(&["l"], false)?;
    s.wait_for("log-call-dialog", SCREEN_TIMEOUT)?;
    assert!(
        focus_inside(s, "log-call-dialog")?,
        "focus: {}",
        focused(s)?
    );
    // Shift+Tab round the dialog twice over: focus never leaves it.
    for _ in 0..30 {
        s.press_keys(&[KEY_TAB], true)?;
        assert!(
            focus_inside(s, "log-call-dialog")?,
            "Shift+Tab left the dialog for {}",
            focused(s)?
        );
    }
    // Escape closes it, wherever focus is inside.
    s.press_keys(&[KEY_ESCAPE], false)?;
    s.wait_until(SCREEN_TIMEOUT, "the dialog to close", || {
        Ok((!s.exists("log-call-dialog")?).then_some(()))
    })?;

    // Again, and this time log it: the outcome by arrow keys, a note, Enter on Save.
    s.press_keys(&["l"], false)?;
    s.wait_for("log-call-dialog", SCREEN_TIMEOUT)?;
    let mut reached_outcome = false;
    for _ in 0..20 {
        if focused(s)? == "log-call-outcome" {
            reached_outcome = true;
            break;
        }
        s.press_keys(&[KEY_TAB], false)?;
    }
    assert!(
        reached_outcome,
        "Tab never reached the outcome: {}",
        focused(s)?
    );
    s.press_keys(&[KEY_DOWN, KEY_DOWN, KEY_DOWN], false)?;
    let outcome = s.find("log-call-outcome")?.property("value")?;
    assert!(!outcome.is_empty(), "no outcome chosen by keyboard");
    let mut at_save = false;
    for _ in 0..40 {
        if focused(s)? == "log-call-save" {
            at_save = true;
            break;
        }
        s.press_keys(&[KEY_TAB], false)?;
    }
    assert!(at_save, "Tab never reached Save: {}", focused(s)?);
    s.press_keys(&[super::harness::KEY_ENTER], false)?;
    s.wait_until(SCREEN_TIMEOUT, "the call to be saved", || {
        Ok((!s.exists("log-call-dialog")?).then_some(()))
    })?;
    // Focus is somewhere meaningful, not the page's body.
    let after = focused(s)?;
    assert!(
        !after.starts_with("BODY"),
        "focus fell to the body after saving"
    );
    let out = tether_tests::tether(
        &vault,
        CALL_ADMIN,
        PASSPHRASE,
        &["child", "history", "1", "--json"],
        &[],
    );
    let history = String::from_utf8_lossy(&out.stdout);
    assert!(history.contains("call_logged"), "{history}");
    app.close()
}
