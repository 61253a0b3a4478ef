//! The README's bilingual screenshots, from a real window: the dashboard, the call queue, a
//! child's record and the print preview, in English and in Spanish. Each screen must show its
//! heading in the language chosen; `make screenshots` (TETHER_SCREENSHOTS=1) also saves them
//! as docs/screenshots/NAME-en.png and NAME-es.png.

use super::harness::{
    save_screenshot_if_asked, temp_home, wait_for_app_exit, App, Session, TestResult,
    SCREEN_TIMEOUT,
};
use super::printing::wait_for_loaded_pages;
use super::steps::{
    choose, dismiss_toasts, expect_signed_in_as, tether_cli, unlock, vault_with_release,
};
use super::{CALL_ADMIN, PASSPHRASE};

const ROWS: [&str; 2] = [
    "José,Ramírez,2012-03-14,A201555123,GT,mam,sí,2026-10-01,,Rosa,Xicará,tía,2A,+502 5123 4567,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,served,2026-10-20,HOU,2027-03-02 09:00",
    "Lucía,Xicará,2011-04-03,A200000002,GT,quc,sí,2026-10-15,,Inés,Xicará Pérez,tía,2A,+1 713 555 0102,2 Oak St,Apt 2,Houston,TX,77002,not_served,,,",
];

/// The headings each screen shows, per language (from the catalogs).
const HEADINGS: [(&str, [&str; 2]); 2] = [
    ("en", ["Dashboard", "Call queue"]),
    ("es", ["Panel", "Llamadas pendientes"]),
];

fn heading(s: &Session, screen: &str) -> TestResult<String> {
    s.find_css(&format!(r#"[data-testid="{screen}"] h1"#))?
        .rendered_text()
}

#[test]
fn the_main_screens_in_english_and_spanish() -> TestResult {
    let temp = temp_home()?;
    let vault = temp.path().join("vault");
    vault_with_release(temp.path(), &vault, ROWS[0])?;
    let second = temp.path().join("second.csv");
    std::fs::write(
        &second,
        format!("{}\n{}\n", tether_tests::RELEASE_HEADER, ROWS[1]),
    )
    .map_err(|e| e.to_string())?;
    tether_cli(&vault, &["import", &second.to_string_lossy()])?;
    std::fs::remove_file(&second).map_err(|e| e.to_string())?;
    {
        let app = App::start(temp.path(), &vault)?;
        let s = &app.session;
        s.wait_for("screen-unlock", SCREEN_TIMEOUT)?;
        unlock(s, CALL_ADMIN, PASSPHRASE)?;
        expect_signed_in_as(s, CALL_ADMIN)?;
        for (lang, [dashboard, calls]) in HEADINGS {
            choose(s, "lang-switch", lang)?;
            s.find("nav-dashboard")?.click()?;
            s.wait_for("screen-dashboard", SCREEN_TIMEOUT)?;
            s.wait_until(SCREEN_TIMEOUT, "the dashboard heading", || {
                Ok((heading(s, "screen-dashboard")? == dashboard).then_some(()))
            })?;
            dismiss_toasts(s)?;
            save_screenshot_if_asked(s, &format!("dashboard-{lang}.png"))?;

            s.find("nav-calls")?.click()?;
            s.wait_for("call-row", SCREEN_TIMEOUT)?;
            assert_eq!(heading(s, "screen-calls")?, calls);
            save_screenshot_if_asked(s, &format!("call-queue-{lang}.png"))?;

            s.find_css(r#"[data-testid="call-row"] button.name"#)?
                .click()?;
            s.wait_for("tab-documents", SCREEN_TIMEOUT)?;
            let name = s
                .find_css(r#"[data-testid="child-detail"] h1"#)?
                .rendered_text()?;
            assert!(name.contains("José") || name.contains("Lucía"), "{name}");
            save_screenshot_if_asked(s, &format!("child-detail-{lang}.png"))?;

            s.find("tab-documents")?.click()?;
            s.wait_for("print-notice", SCREEN_TIMEOUT)?;
            choose(s, "print-lang", lang)?;
            s.find("print-notice")?.click()?;
            s.wait_for("print-preview", SCREEN_TIMEOUT)?;
            wait_for_loaded_pages(s)?;
            dismiss_toasts(s)?;
            save_screenshot_if_asked(s, &format!("print-preview-{lang}.png"))?;
            s.find("print-close")?.click()?;
            s.wait_until(SCREEN_TIMEOUT, "the preview to close", || {
                Ok((!s.exists("print-preview")?).then_some(()))
            })?;
        }
        app.close()?;
    }
    wait_for_app_exit(&vault)
}
