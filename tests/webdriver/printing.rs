//! Printing from the window: a notice's preview from the child's Documents tab, and the batch
//! of notices from the hearings screen.

use super::harness::{
    find_bytes_in_tree, save_screenshot_if_asked, temp_home, wait_for_app_exit, App, Session,
    TestResult, SCREEN_TIMEOUT,
};
use super::steps::{
    choose, dismiss_toasts, fill, search_for_one_child, unlock, vault_with_release,
};
use super::{CALL_ADMIN, PASSPHRASE};

#[test]
fn print_preview_of_a_notice_and_a_batch_from_the_window() -> TestResult {
    let temp = temp_home()?;
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
        fill(s, "print-batch-days", "14")?;
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
pub(super) fn wait_for_loaded_pages(s: &Session) -> TestResult<usize> {
    s.wait_until(SCREEN_TIMEOUT, "the preview's first page to load", || {
        let pages = s.find_all_css(r#"[data-testid="print-page"]"#)?;
        let Some(first) = pages.first() else {
            return Ok(None);
        };
        let loaded = first.attribute("data-loaded")?.as_deref() == Some("true");
        Ok(loaded.then_some(pages.len()))
    })
}
