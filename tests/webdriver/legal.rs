//! Issue 13 through the window, in English and in Spanish: Andrea Cúmez, 20, pursues SIJS in
//! California (predicate orders until 21), so the dashboard shows her I-360 deadline 180 days
//! ahead with its source. A case manager logs a call with the screening questions (she owes
//! money for the journey), accepts the offer of a concern report and submits it; the admin
//! approves it, reads who the National Human Trafficking Hotline tells before choosing it, and
//! records the report. The CLI then reads every step back with its signer.
//!
//! The binary reads the clock, so the birth date counts back from today (as the CLI test does):
//! her 21st birthday is 181 days away, the last day exactly 180 days ahead.

use chrono::{Days, Months, Utc};
use serde_json::Value;

use super::harness::{
    save_screenshot_if_asked, temp_home, testid_selector, wait_for_app_exit, App, Session,
    TestResult, SCREEN_TIMEOUT,
};
use super::steps::{
    choose, dismiss_toasts, expect_signed_in_as, fill, tether_cli, unlock, vault_with_release,
};
use super::{CALL_ADMIN, PASSPHRASE};

const CASE_MANAGER: &str = "tomas";
const CASE_MANAGER_PASS: &str = "case manager passphrase 2026";
const HEARD: &str = "Dice que debe dinero del viaje y que trabaja de noche.";

struct Words {
    lang: &'static str,
    last_day: &'static str,
    days_left: &'static str,
    offer: &'static str,
    reported: &'static str,
    who_is_told: &'static str,
    reference: &'static str,
}

const ENGLISH: Words = Words {
    lang: "en",
    last_day: "Last day",
    days_left: "180 days left",
    offer: "owe money for the journey",
    reported: "Reported",
    who_is_told: "mandated reporters",
    reference: "NHTH-2026-0001",
};

const SPANISH: Words = Words {
    lang: "es",
    last_day: "Último día",
    days_left: "Quedan 180 días",
    offer: "deben dinero por el viaje",
    reported: "Reportado",
    who_is_told: "obligado a denunciar",
    reference: "NHTH-2026-0002",
};

#[test]
fn a_deadline_on_the_dashboard_and_a_concern_from_the_call_to_reported_in_english() -> TestResult {
    concern_to_reported(&ENGLISH)
}

#[test]
fn a_deadline_on_the_dashboard_and_a_concern_from_the_call_to_reported_in_spanish() -> TestResult {
    concern_to_reported(&SPANISH)
}

fn andrea_row() -> String {
    let today = Utc::now().date_naive();
    let birth = (today + Days::new(181))
        .checked_sub_months(Months::new(21 * 12))
        .expect("a birth date");
    let hearing = today + Days::new(60);
    format!(
        "Andrea,Cúmez,{birth},A201555777,GT,quc,sí,2026-06-01,,Marta,Cúmez,tía,2A,\
         +1 213 555 0142,1400 Calle Ñuñoa,,Los Angeles,CA,90012,served,2026-06-20,NLA,\
         {hearing} 09:00"
    )
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

/// Waits for the open concern report to show `state` (its `data-state`).
fn wait_for_state(s: &Session, state: &str) -> TestResult<String> {
    s.wait_until(SCREEN_TIMEOUT, &format!("the report to be {state}"), || {
        let Some(el) = s.try_find_css(&testid_selector("concern-state"))? else {
            return Ok(None);
        };
        (el.attribute("data-state")?.as_deref() == Some(state))
            .then(|| el.rendered_text())
            .transpose()
    })
}

fn concern_to_reported(words: &Words) -> TestResult {
    let temp = temp_home()?;
    let vault = temp.path().join("vault");
    vault_with_release(temp.path(), &vault, &andrea_row())?;
    let out = tether_tests::tether(
        &vault,
        CALL_ADMIN,
        PASSPHRASE,
        &["user", "add", CASE_MANAGER, "--role", "case_manager"],
        &[("TETHER_NEW_PASSPHRASE", CASE_MANAGER_PASS)],
    );
    if !out.status.success() {
        return Err(format!(
            "user add: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let filed = (Utc::now().date_naive() - Days::new(20)).to_string();
    tether_cli(
        &vault,
        &[
            "relief",
            "set",
            "1",
            "--pathway",
            "sijs",
            "--status",
            "predicate_order_filed",
            "--date",
            &filed,
        ],
    )?;
    {
        let app = App::start(temp.path(), &vault)?;
        let s = &app.session;
        s.wait_for("screen-unlock", SCREEN_TIMEOUT)?;
        unlock(s, CASE_MANAGER, CASE_MANAGER_PASS)?;
        expect_signed_in_as(s, CASE_MANAGER)?;
        choose(s, "lang-switch", words.lang)?;

        // 1. The dashboard: Andrea's I-360, 180 days ahead, with its source and the disclaimer.
        s.wait_for("screen-dashboard", SCREEN_TIMEOUT)?;
        let i360 = r#"[data-testid="legal-deadline"][data-rule="sijs_i360_age"]"#;
        let item = s.wait_until(
            SCREEN_TIMEOUT,
            "the I-360 deadline on the dashboard",
            || s.try_find_css(i360),
        )?;
        let text = item.rendered_text()?;
        for expected in [
            "Andrea",
            words.last_day,
            words.days_left,
            "8 CFR 204.11",
            "I-360",
        ] {
            assert!(text.contains(expected), "{expected:?} not in {text:?}");
        }
        assert_eq!(
            item.attribute("data-warn")?.as_deref(),
            Some("within_180_days")
        );
        let disclaimer = s.find("legal-deadlines-disclaimer")?.rendered_text()?;
        assert!(!disclaimer.trim().is_empty());
        save_screenshot_if_asked(s, &format!("legal-deadlines-{}.png", words.lang))?;

        // 2. The call, with the screening: she owes money for the journey.
        s.find("nav-calls")?.click()?;
        s.wait_for("screen-calls", SCREEN_TIMEOUT)?;
        s.wait_until(SCREEN_TIMEOUT, "Andrea's call in the queue", || {
            s.try_find_css(r#"[data-testid="call-row"] [data-testid="log-call"]"#)
        })?
        .click()?;
        s.wait_for("log-call-dialog", SCREEN_TIMEOUT)?;
        choose(s, "log-call-outcome", "reached_child")?;
        fill(s, "log-call-note", HEARD)?;
        let toggle = s.find("screening-toggle")?;
        assert_eq!(toggle.attribute("aria-expanded")?.as_deref(), Some("false"));
        toggle.click()?;
        choose(s, "screening-journey_debt", "yes")?;
        dismiss_toasts(s)?;
        save_screenshot_if_asked(s, &format!("screening-{}.png", words.lang))?;
        s.find("log-call-save")?.click()?;

        // 3. The offer, accepted; the report prefilled from the call, then submitted.
        let offer = s.wait_for("concern-offer-dialog", SCREEN_TIMEOUT)?;
        let reasons = offer.rendered_text()?;
        assert!(reasons.contains(words.offer), "{reasons}");
        s.find("concern-offer-open")?.click()?;
        s.wait_for("new-concern-dialog", SCREEN_TIMEOUT)?;
        assert_eq!(
            s.find("concern-category")?.property("value")?,
            "trafficking_indicators"
        );
        assert_eq!(s.find("concern-text")?.property("value")?, HEARD);
        let from_call = s.find("concern-call")?.rendered_text()?;
        assert!(from_call.chars().any(|c| c.is_ascii_digit()), "{from_call}");
        save_screenshot_if_asked(s, &format!("concern-new-{}.png", words.lang))?;
        s.find("new-concern-submit")?.click()?;
        s.wait_until(SCREEN_TIMEOUT, "the new report's dialog to close", || {
            Ok((!s.exists("new-concern-dialog")?).then_some(()))
        })?;
        dismiss_toasts(s)?;

        // 4. The admin (a supervisor by role) approves it and reports it.
        s.find("lock-button")?.click()?;
        s.wait_for("screen-unlock", SCREEN_TIMEOUT)?;
        unlock(s, CALL_ADMIN, PASSPHRASE)?;
        expect_signed_in_as(s, CALL_ADMIN)?;
        choose(s, "lang-switch", words.lang)?;
        s.wait_for("nav-concerns", SCREEN_TIMEOUT)?.click()?;
        s.wait_for("screen-concerns", SCREEN_TIMEOUT)?;
        s.wait_until(SCREEN_TIMEOUT, "the submitted report in the list", || {
            s.try_find_css(
                r#"[data-testid="concern-row"][data-state="submitted"] [data-testid="concern-open"]"#,
            )
        })?
        .click()?;
        s.wait_for("concern-dialog", SCREEN_TIMEOUT)?;
        wait_for_state(s, "submitted")?;
        s.find("concern-step-approve")?.click()?;
        wait_for_state(s, "approved")?;
        dismiss_toasts(s)?;
        // Who the hotline tells, read before it is chosen.
        let hotline = s.wait_for(
            "concern-to-national_human_trafficking_hotline",
            SCREEN_TIMEOUT,
        )?;
        let described = s.execute(
            "const el = document.querySelector('[data-testid=\"concern-to-national_human_trafficking_hotline\"]');\n\
             return el.checked ? 'checked already' : document.getElementById(el.getAttribute('aria-describedby')).textContent;",
            vec![],
        )?;
        let described = described.as_str().unwrap_or_default();
        assert!(described.contains(words.who_is_told), "{described}");
        hotline.click()?;
        fill(s, "concern-reference", words.reference)?;
        save_screenshot_if_asked(s, &format!("concern-report-{}.png", words.lang))?;
        s.find("concern-step-report")?.click()?;
        let state = wait_for_state(s, "reported")?;
        assert!(state.contains(words.reported), "{state}");
        let to = s.find("concern-reported-to")?.rendered_text()?;
        assert!(to.contains(words.reference), "{to}");

        // 5. Her Legal tab: the plan, the deadline with its source, the report as reported.
        s.find("concern-close-dialog")?.click()?;
        s.wait_until(SCREEN_TIMEOUT, "the report's dialog to close", || {
            Ok((!s.exists("concern-dialog")?).then_some(()))
        })?;
        dismiss_toasts(s)?;
        s.find("concern-child-open")?.click()?;
        s.wait_for("child-detail", SCREEN_TIMEOUT)?;
        s.wait_for("tab-legal", SCREEN_TIMEOUT)?.click()?;
        let pathway = s
            .wait_for("relief-pathway", SCREEN_TIMEOUT)?
            .rendered_text()?;
        assert!(pathway.contains("SIJS"), "{pathway}");
        let deadline = s
            .find_css(r#"[data-testid="relief-deadline"][data-rule="sijs_i360_age"]"#)?
            .rendered_text()?;
        assert!(deadline.contains("8 CFR 204.11"), "{deadline}");
        let concerns = s.wait_until(
            SCREEN_TIMEOUT,
            "the reported concern on the Legal tab",
            || {
                let text = s.find("child-concerns")?.rendered_text()?;
                Ok(text.contains(words.reported).then_some(text))
            },
        )?;
        // The report's number, in either language ("#1", "n.º 1").
        assert!(
            concerns.contains("#1") || concerns.contains("n.º 1"),
            "{concerns}"
        );
        save_screenshot_if_asked(s, &format!("legal-tab-{}.png", words.lang))?;

        // 6. The Users screen: Tomás, a case manager, is made a supervisor.
        dismiss_toasts(s)?;
        s.find("nav-users")?.click()?;
        s.wait_for("screen-users", SCREEN_TIMEOUT)?;
        let boxes = s.wait_until(SCREEN_TIMEOUT, "the supervisor checkbox", || {
            let found = s.find_all_css(&testid_selector("user-supervisor"))?;
            Ok((!found.is_empty()).then_some(found))
        })?;
        // Only the case manager has one (the admin always may approve).
        assert_eq!(boxes.len(), 1);
        boxes[0].click()?;
        s.wait_until(SCREEN_TIMEOUT, "the checkbox to be ticked", || {
            let ticked = s.execute(
                "return document.querySelector('[data-testid=\"user-supervisor\"]').checked;",
                vec![],
            )?;
            Ok((ticked == Value::Bool(true)).then_some(()))
        })?;
        save_screenshot_if_asked(s, &format!("users-supervisor-{}.png", words.lang))?;
        app.close()?;
    }
    wait_for_app_exit(&vault)?;

    // 7. The CLI reads it back: reported to the hotline, every step signed.
    let list = cli_json(&vault, &["concern", "list", "--json"])?;
    let report = list
        .as_array()
        .and_then(|l| l.first())
        .ok_or_else(|| format!("no concern report: {list}"))?;
    assert_eq!(report["state"], "reported", "{report}");
    assert_eq!(report["reported_to"], "national_human_trafficking_hotline");
    assert_eq!(report["reference"], words.reference);
    assert!(report["call_id"].as_i64().is_some(), "{report}");
    let signers: Vec<(String, String)> = report["steps"]
        .as_array()
        .ok_or_else(|| format!("no steps: {report}"))?
        .iter()
        .map(|s| {
            (
                s["step"].as_str().unwrap_or_default().to_owned(),
                s["by"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [
        ("open", CASE_MANAGER),
        ("submit", CASE_MANAGER),
        ("approve", CALL_ADMIN),
        ("report", CALL_ADMIN),
    ]
    .iter()
    .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
    .collect();
    assert_eq!(signers, expected);
    let history = cli_json(&vault, &["child", "history", "1", "--json"])?;
    let events: Vec<(String, String)> = history
        .as_array()
        .ok_or_else(|| format!("history: {history}"))?
        .iter()
        .filter(|e| {
            e["kind"]
                .as_str()
                .is_some_and(|k| k.starts_with("concern_"))
        })
        .map(|e| {
            (
                e["kind"].as_str().unwrap_or_default().to_owned(),
                e["actor"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    for (kind, actor) in [
        ("concern_opened", CASE_MANAGER),
        ("concern_submitted", CASE_MANAGER),
        ("concern_approved", CALL_ADMIN),
        ("concern_reported", CALL_ADMIN),
    ] {
        assert!(
            events.contains(&(kind.to_owned(), actor.to_owned())),
            "({kind}, {actor}) not in {events:?}"
        );
    }
    let users = cli_json(&vault, &["user", "list", "--json"])?;
    let tomas = users
        .as_array()
        .and_then(|u| u.iter().find(|u| u["name"] == CASE_MANAGER))
        .ok_or_else(|| format!("no {CASE_MANAGER}: {users}"))?;
    assert_eq!(tomas["supervisor"], true, "{tomas}");
    // The screened call is in the history too, with the debt the caller heard.
    let text = history.to_string();
    assert!(text.contains("call_logged"), "{text}");
    Ok(())
}
