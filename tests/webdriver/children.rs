//! Children and sponsors through the window: the issue's acceptance test.

use super::harness::{
    find_bytes_in_tree, save_screenshot_if_asked, temp_home, wait_for_app_exit, App, Element,
    Session, TestResult, KEY_ESCAPE, SCREEN_TIMEOUT,
};
use super::steps::{choose, create_vault, dismiss_toasts, fill, search_for_one_child};
use super::{CANARY_USER, PASSPHRASE};

/// The issue's acceptance test: a sponsor and a child added through the window, the child found
/// by an accent-free name search and by its A-Number, and the duplicate check seen once.
#[test]
fn add_sponsor_and_child_then_find_by_search() -> TestResult {
    let temp = temp_home()?;
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

/// `T-<year>-<6 digits>`.
fn is_case_number(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    matches!(parts.as_slice(), ["T", year, seq]
        if year.len() == 4 && seq.len() == 6
            && year.bytes().chain(seq.bytes()).all(|b| b.is_ascii_digit()))
}
