//! The sign-in screens: creating the vault, locking, unlocking, and the first-run screen in
//! Spanish.

use super::harness::{
    find_bytes_in_tree, read_prefix, save_screenshot_if_asked, temp_home, wait_for_app_exit, App,
    TestResult, SCREEN_TIMEOUT,
};
use super::steps::{create_vault, expect_signed_in_as, unlock};
use super::{CANARY_USER, PASSPHRASE};

const WRONG_PASSPHRASE: &str = "wrong horse battery staple";

#[test]
fn create_lock_unlock_through_the_window() -> TestResult {
    let temp = temp_home()?;
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
    let temp = temp_home()?;
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
