//! Printing from the window: a notice's preview from the child's Documents tab, and the batch
//! of notices from the hearings screen; what a screen reader gets of their pages.

use super::harness::{
    find_bytes_in_tree, save_screenshot_if_asked, temp_home, wait_for_app_exit, App, Session,
    TestResult, SCREEN_TIMEOUT,
};
use super::steps::{
    choose, dismiss_toasts, fill, search_for_one_child, unlock, vault_with_release,
};
use super::{CALL_ADMIN, PASSPHRASE};

use chrono::{Datelike, NaiveDate};

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
        let (english_date, spanish_date) = long_dates(hearing);
        let iso = format!("({hearing})");
        let heard = first_page_as_heard(s, &format!("Page 1 of {pages}"))?;
        for needle in [
            "José Ramírez",
            "Child / Menor",
            english_date.as_str(),
            spanish_date.as_str(),
            iso.as_str(),
        ] {
            assert!(
                heard.contains(needle),
                "no {needle:?} in the page as heard: {heard}"
            );
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
        let pages = wait_for_loaded_pages(s)?;
        assert!(s.find("print-save-each")?.displayed()?);
        let heard = first_page_as_heard(s, &format!("Page 1 of {pages}"))?;
        for needle in ["José Ramírez", "Menor", spanish_date.as_str()] {
            assert!(
                heard.contains(needle),
                "no {needle:?} in the page as heard: {heard}"
            );
        }
        assert!(
            !heard.contains(&english_date),
            "a notice in Spanish only: {heard}"
        );
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

/// What a screen reader is given of the preview's first page, once its text has loaded: the
/// text of its group with everything hidden from assistive technology (`aria-hidden`,
/// `display: none`, `visibility: hidden`) left out and images read by their `alt`. Also checks
/// the group is named by its heading, `heading`.
fn first_page_as_heard(s: &Session, heading: &str) -> TestResult<String> {
    let slot = r#"[data-testid="print-page-slot"]"#;
    s.wait_until(SCREEN_TIMEOUT, "the first page's text to load", || {
        s.try_find_css(&format!(
            r#"{slot} [data-testid="print-page-text"][data-loaded="true"]"#
        ))
    })?;
    let group = s.find_css(slot)?;
    assert_eq!(group.attribute("role")?.as_deref(), Some("group"));
    let label = group
        .attribute("aria-labelledby")?
        .ok_or("the page's group has no aria-labelledby")?;
    let named = s.find_css(&format!("#{label}"))?.property("textContent")?;
    assert_eq!(named.trim(), heading);
    let heard = s.execute(
        "const exposed = (el) => {\n\
           if (el.getAttribute('aria-hidden') === 'true' || el.hidden) return false;\n\
           const style = getComputedStyle(el);\n\
           return style.display !== 'none' && style.visibility !== 'hidden';\n\
         };\n\
         const text = (node) => {\n\
           if (node.nodeType === Node.TEXT_NODE) return node.textContent;\n\
           if (node.nodeType !== Node.ELEMENT_NODE || !exposed(node)) return '';\n\
           if (node.tagName === 'IMG') return ' ' + (node.getAttribute('alt') || '') + ' ';\n\
           const inner = Array.from(node.childNodes).map(text).join('');\n\
           return getComputedStyle(node).display === 'inline' ? inner : ' ' + inner + ' ';\n\
         };\n\
         return text(arguments[0]).replace(/\\s+/g, ' ').trim();",
        vec![group.reference()],
    )?;
    heard
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("the page's text is not a string: {heard}"))
}

/// `day` as the notice prints it: "Wednesday, March 4, 2026" and "miércoles, 4 de marzo de 2026".
fn long_dates(day: NaiveDate) -> (String, String) {
    const DIAS: [&str; 7] = [
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ];
    const MESES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    let dia = DIAS[day.weekday().num_days_from_monday() as usize];
    let mes = MESES[day.month0() as usize];
    (
        day.format("%A, %B %-d, %Y").to_string(),
        format!("{dia}, {} de {mes} de {}", day.day(), day.year()),
    )
}
