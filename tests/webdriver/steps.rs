//! Steps through the UI that more than one flow takes: signing in, filling forms, closing
//! toasts, searching; and a vault the CLI prepares for the app.

use std::fs;
use std::path::Path;

use tether_tests::RELEASE_HEADER;

use super::harness::{testid_selector, Element, Session, TestResult, SCREEN_TIMEOUT};
use super::{CALL_ADMIN, PASSPHRASE};

/// Fills the first-run form and submits it: the vault is created with `user` as its admin.
pub fn create_vault(s: &Session, user: &str, passphrase: &str) -> TestResult {
    s.wait_for("screen-first-run", SCREEN_TIMEOUT)?;
    s.find("first-run-user")?.type_text(user)?;
    s.find("first-run-passphrase")?.type_text(passphrase)?;
    s.find("first-run-confirm")?.type_text(passphrase)?;
    s.find("first-run-submit")?.click()
}

/// Types `text` into an empty field and checks it arrived whole: WebDriver key input has to
/// carry non-ASCII letters (í, Ñ) through to the page.
pub fn fill(s: &Session, testid: &str, text: &str) -> TestResult {
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
pub fn choose(s: &Session, testid: &str, value: &str) -> TestResult {
    let option = format!(r#"{} option[value="{value}"]"#, testid_selector(testid));
    s.wait_until(SCREEN_TIMEOUT, &option, || s.try_find_css(&option))?
        .click()?;
    s.wait_until(SCREEN_TIMEOUT, &format!("{testid} to be {value:?}"), || {
        Ok((s.find(testid)?.property("value")? == value).then_some(()))
    })
}

/// Types `query` into the children search and waits for its answer (not an earlier query's),
/// which must be exactly one row; returns that row's text.
pub fn search_for_one_child(s: &Session, query: &str) -> TestResult<String> {
    let search = s.find("children-search")?;
    search.clear()?;
    search.type_text(query)?;
    // English quotes the query “so”, Spanish «así».
    let done = [format!("“{query}”"), format!("«{query}»")];
    s.wait_until(
        SCREEN_TIMEOUT,
        &format!("the search for {query:?} to answer"),
        || {
            let status = s.find_css(r#"[data-testid="screen-children"] [role="status"]"#)?;
            let text = status.text()?;
            Ok(done.iter().any(|d| text.contains(d.as_str())).then_some(()))
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

/// Closes every toast with its × button. Toasts stay 5 s, in the bottom-right corner above
/// everything, dialogs included, so they can cover the button a test is about to click (a
/// WebDriver click on a covered element fails with "element click intercepted").
pub fn dismiss_toasts(s: &Session) -> TestResult {
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

/// Fills the unlock form and submits it. The user name may be pre-filled with the last user,
/// so it is cleared first rather than appended to.
pub fn unlock(s: &Session, user: &str, passphrase: &str) -> TestResult {
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
pub fn expect_signed_in_as(s: &Session, user: &str) -> TestResult {
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

/// Scrolls the element with `data-testid="<testid>"`, and everything scrolled inside it, back to
/// the top.
pub fn scroll_to_top(s: &Session, testid: &str) -> TestResult {
    let selector = testid_selector(testid);
    let script = "const [sel] = arguments;\n\
                  document.querySelectorAll(`${sel}, ${sel} *`).forEach(e => { e.scrollTop = 0; });";
    s.execute(script, vec![selector.into()]).map(drop)
}

/// Creates the vault with the CLI (so the app opens on the unlock screen) and imports one
/// release row. The CSV is deleted afterwards: it is the clinic's own clear copy, and the tests
/// look for clear data the app left behind.
pub fn vault_with_release(temp: &Path, vault: &Path, release: &str) -> TestResult {
    tether_cli(vault, &["init"])?;
    let csv = temp.join("releases.csv");
    fs::write(&csv, format!("{RELEASE_HEADER}\n{release}\n"))
        .map_err(|e| format!("writing {}: {e}", csv.display()))?;
    tether_cli(vault, &["import", &path_arg(&csv)?])?;
    fs::remove_file(&csv).map_err(|e| format!("removing {}: {e}", csv.display()))
}

/// Runs the `tether` CLI on `vault` as the admin of the call-queue test.
pub fn tether_cli(vault: &Path, args: &[&str]) -> TestResult {
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
