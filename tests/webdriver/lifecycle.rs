//! A case's life through the window, in English and in Spanish: the Sponsors screen (the list
//! and its search, a sponsor's page, an edit of her numbers and household), the merge of a
//! sponsor entered twice, and a case closed as transferred and reopened. The CLI prepares the
//! vault and reads back the history and the audit log.

use serde_json::Value;

use super::harness::{
    save_screenshot_if_asked, temp_home, testid_selector, wait_for_app_exit, App, Session,
    TestResult, SCREEN_TIMEOUT,
};
use super::steps::{
    choose, dismiss_toasts, expect_signed_in_as, fill, tether_cli, unlock, vault_with_release,
};
use super::{CALL_ADMIN, PASSPHRASE};

const JOSE: &str = "José,Ramírez,2012-03-14,A201555123,GT,mam,sí,2026-10-01,,Rosa,Xicará,tía,\
                    2A,+502 5123 4567,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,not_served,,,";

struct Words {
    lang: &'static str,
    /// The sponsor page's "merged" note, in part.
    closed_badge: &'static str,
    open_badge: &'static str,
}

const ENGLISH: Words = Words {
    lang: "en",
    closed_badge: "Closed",
    open_badge: "Open",
};

const SPANISH: Words = Words {
    lang: "es",
    closed_badge: "Cerrado",
    open_badge: "Abierto",
};

#[test]
fn sponsors_a_merge_a_closure_and_a_reopening_in_english() -> TestResult {
    case_life(&ENGLISH)
}

#[test]
fn sponsors_a_merge_a_closure_and_a_reopening_in_spanish() -> TestResult {
    case_life(&SPANISH)
}

fn cli_json(vault: &std::path::Path, args: &[&str]) -> TestResult<Value> {
    let out = tether_tests::tether(vault, CALL_ADMIN, PASSPHRASE, args, &[]);
    if !out.status.success() {
        return Err(format!(
            "tether {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("tether {args:?}: {e}"))
}

fn rows(s: &Session, testid: &str) -> TestResult<Vec<String>> {
    s.find_all_css(&testid_selector(testid))?
        .iter()
        .map(|r| r.rendered_text())
        .collect()
}

fn case_life(words: &Words) -> TestResult {
    let temp = temp_home()?;
    let vault = temp.path().join("vault");
    vault_with_release(temp.path(), &vault, JOSE)?;
    // Rosa entered a second time by hand, with another number: the same person.
    tether_cli(
        &vault,
        &[
            "sponsor",
            "add",
            "--given-name",
            "Rosa",
            "--family-name",
            "Xicara",
            "--phone",
            "+1 713 555 0142",
            "--confirm",
        ],
    )?;
    {
        let app = App::start(temp.path(), &vault)?;
        let s = &app.session;
        s.wait_for("screen-unlock", SCREEN_TIMEOUT)?;
        unlock(s, CALL_ADMIN, PASSPHRASE)?;
        expect_signed_in_as(s, CALL_ADMIN)?;
        choose(s, "lang-switch", words.lang)?;

        // 1. The list, searched without the accent: both Rosas.
        s.find("nav-sponsors")?.click()?;
        s.wait_for("screen-sponsors", SCREEN_TIMEOUT)?;
        fill(s, "sponsors-search", "xicara")?;
        s.wait_until(SCREEN_TIMEOUT, "two sponsors named Xicará", || {
            Ok((rows(s, "sponsor-row")?.len() == 2).then_some(()))
        })?;
        save_screenshot_if_asked(s, &format!("sponsors-{}.png", words.lang))?;

        // 2. Her page: José, his age and the link's category.
        s.find_css(r#"[data-testid="sponsor-row"][data-sponsor="1"]"#)?
            .click()?;
        s.wait_for("sponsor-detail", SCREEN_TIMEOUT)?;
        let child = s
            .wait_for("sponsor-child", SCREEN_TIMEOUT)?
            .rendered_text()?;
        assert!(child.contains("José") && child.contains("2A"), "{child}");
        assert!(s.find("sponsor-child-age")?.rendered_text()?.contains("14"));

        // 3. The edit: a new number and her husband in the household.
        s.find("sponsor-edit")?.click()?;
        s.wait_for("sponsor-edit-dialog", SCREEN_TIMEOUT)?;
        s.find("sponsor-phone-add")?.click()?;
        fill(s, "sponsor-phone-1", "+502 5999 0000")?;
        s.find("household-add")?.click()?;
        fill(s, "household-name-0", "Marcos Xicará")?;
        fill(s, "household-relationship-0", "esposo")?;
        s.find("sponsor-edit-save")?.click()?;
        s.wait_until(SCREEN_TIMEOUT, "the edit dialog to close", || {
            Ok((!s.exists("sponsor-edit-dialog")?).then_some(()))
        })?;
        s.wait_until(SCREEN_TIMEOUT, "the new number on her page", || {
            let phones = rows(s, "sponsor-detail-phone")?.join(" ");
            Ok(phones.contains("5999").then_some(()))
        })?;
        let household = s.find("sponsor-household-member")?.rendered_text()?;
        assert!(household.contains("Marcos Xicará"), "{household}");
        dismiss_toasts(s)?;

        // 4. The merge: the record entered by hand is the same Rosa.
        s.find("sponsor-merge")?.click()?;
        s.wait_for("sponsor-merge-dialog", SCREEN_TIMEOUT)?;
        choose(s, "sponsor-merge-pick", "2")?;
        s.find("sponsor-merge-next")?.click()?;
        let confirm = s
            .wait_for("sponsor-merge-confirm-text", SCREEN_TIMEOUT)?
            .rendered_text()?;
        assert!(
            confirm.contains("Xicara") && confirm.contains("Xicará"),
            "{confirm}"
        );
        s.find("sponsor-merge-save")?.click()?;
        s.wait_for("sponsor-merged-from", SCREEN_TIMEOUT)?;
        s.wait_until(SCREEN_TIMEOUT, "the merged number on her page", || {
            let phones = rows(s, "sponsor-detail-phone")?.join(" ");
            Ok(phones.contains("555-0142").then_some(()))
        })?;
        dismiss_toasts(s)?;

        // 5. José's case: closed as transferred, then reopened.
        s.find("sponsor-child-open")?.click()?;
        s.wait_for("child-detail", SCREEN_TIMEOUT)?;
        s.wait_for("child-close", SCREEN_TIMEOUT)?.click()?;
        s.wait_for("close-dialog", SCREEN_TIMEOUT)?;
        choose(s, "close-reason", "transferred")?;
        fill(s, "close-note", "Pasa a la clínica de Dallas.")?;
        s.find("close-save")?.click()?;
        s.wait_until(SCREEN_TIMEOUT, "the case to show closed", || {
            let status = s.find("child-status")?;
            Ok((status.attribute("data-status")?.as_deref() == Some("closed")).then_some(status))
        })?;
        let badge = s.find("child-status")?.rendered_text()?;
        assert!(badge.contains(words.closed_badge), "{badge}");
        save_screenshot_if_asked(s, &format!("case-closed-{}.png", words.lang))?;
        dismiss_toasts(s)?;
        s.find("child-reopen")?.click()?;
        s.wait_for("reopen-dialog", SCREEN_TIMEOUT)?;
        fill(s, "reopen-note", "Dallas no puede tomar el caso.")?;
        s.find("reopen-save")?.click()?;
        s.wait_until(SCREEN_TIMEOUT, "the case to show open", || {
            let status = s.find("child-status")?;
            Ok((status.attribute("data-status")?.as_deref() == Some("open")).then_some(()))
        })?;
        let badge = s.find("child-status")?.rendered_text()?;
        assert!(badge.contains(words.open_badge), "{badge}");
        app.close()?;
    }
    wait_for_app_exit(&vault)?;

    // Every step is in the case's history and in the audit log.
    let history = cli_json(&vault, &["child", "history", "1", "--json"])?.to_string();
    for kind in [
        "sponsor_updated",
        "sponsor_merged",
        "child_closed",
        "child_reopened",
    ] {
        assert!(
            history.contains(kind),
            "{kind} missing from the history: {history}"
        );
    }
    assert!(
        history.contains("Pasa a la clínica de Dallas."),
        "{history}"
    );
    let audit = cli_json(&vault, &["audit", "log", "--json", "--limit", "1000"])?.to_string();
    for action in [
        "sponsor_updated",
        "sponsor_merged",
        "child_closed",
        "child_reopened",
    ] {
        assert!(
            audit.contains(action),
            "{action} missing from the audit log"
        );
    }
    let sponsor = cli_json(&vault, &["sponsor", "show", "1", "--json"])?;
    assert_eq!(sponsor["household"][0]["name"], "Marcos Xicará");
    assert_eq!(sponsor["merged_from"][0], 2);
    Ok(())
}
