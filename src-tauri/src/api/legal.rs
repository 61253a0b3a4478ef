//! Legal work (issue 13): relief plans, deadlines, concern reports, reminders. Thin: each is
//! one `Session` call (the reminder's text comes from `tether_print`, like the notice).

use tether_core::casework::parse_date;
use tether_core::legal::ConcernStep;
use tether_print::reminder::{prepare_reminder as prepare, ReminderError};

use crate::ipc::ids::store_id;
use crate::ipc::legal::{
    screening_questions as questions, Concern, ConcernDestination, LegalDeadlines, Relief,
    Reminder, ScreeningQuestion,
};
use crate::ipc::AppError;
use crate::state::AppState;

fn day(field: &str, raw: Option<&str>) -> Result<Option<chrono::NaiveDate>, AppError> {
    raw.map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| parse_date(field, d).map_err(|e| AppError::invalid_parse(field, &e)))
        .transpose()
}

pub fn relief(state: &AppState, id_or_case: String) -> Result<Relief, AppError> {
    state.with_session(|s| Ok(s.relief(&id_or_case)?.try_into()?))
}

pub fn set_relief(
    state: &AppState,
    id_or_case: String,
    pathway: String,
    status: String,
    date: Option<String>,
    us_state: Option<String>,
    filed_with: Option<String>,
) -> Result<Relief, AppError> {
    let date = day("date", date.as_deref())?;
    state.with_session(|s| {
        Ok(s.set_relief(
            &id_or_case,
            &pathway,
            &status,
            date,
            us_state.as_deref(),
            filed_with.as_deref(),
        )?
        .try_into()?)
    })
}

pub fn legal_deadlines(
    state: &AppState,
    within_days: Option<u32>,
) -> Result<LegalDeadlines, AppError> {
    state.with_session(|s| {
        let today = s.today();
        Ok(s.deadlines(today, i64::from(within_days.unwrap_or(180)))?
            .try_into()?)
    })
}

pub fn concerns(state: &AppState, concern_state: Option<String>) -> Result<Vec<Concern>, AppError> {
    state.with_session(|s| {
        s.concerns(concern_state.as_deref())?
            .into_iter()
            .map(|c| Ok(c.try_into()?))
            .collect()
    })
}

pub fn concern(state: &AppState, concern_id: u32) -> Result<Concern, AppError> {
    state.with_session(|s| Ok(s.concern(store_id(concern_id))?.try_into()?))
}

pub fn open_concern(
    state: &AppState,
    id_or_case: String,
    category: String,
    text: String,
    call_id: Option<u32>,
) -> Result<Concern, AppError> {
    state.with_session(|s| {
        Ok(
            s.open_concern(&id_or_case, &category, &text, call_id.map(store_id))?
                .try_into()?,
        )
    })
}

/// `submit`, `approve`, `return`, `report` (with `to`, `on`, `reference`) or `close`.
pub fn concern_step(
    state: &AppState,
    concern_id: u32,
    step: String,
    note: String,
    to: Option<String>,
    on: Option<String>,
    reference: Option<String>,
) -> Result<Concern, AppError> {
    let step = match step.as_str() {
        "submit" => ConcernStep::Submit,
        "approve" => ConcernStep::Approve,
        "return" => ConcernStep::Return,
        "report" => ConcernStep::Report,
        "close" => ConcernStep::Close,
        other => {
            return Err(AppError::invalid(
                "step",
                format!("\"{other}\" is not one of submit, approve, return, report, close"),
            ))
        }
    };
    let on = day("on", on.as_deref())?;
    state.with_session(|s| {
        let on = on.unwrap_or_else(|| s.today());
        let reported = to.as_deref().map(|to| tether_store::ReportedTo {
            to,
            on,
            reference: reference.as_deref().unwrap_or(""),
        });
        Ok(s.concern_step(store_id(concern_id), step, &note, reported)?
            .try_into()?)
    })
}

pub fn concern_destinations() -> Vec<ConcernDestination> {
    tether_store::concern_destinations()
        .into_iter()
        .map(Into::into)
        .collect()
}

pub fn prepare_reminder(
    state: &AppState,
    id_or_case: String,
    lang: String,
) -> Result<Reminder, AppError> {
    state.with_session(|s| {
        let r = prepare(s, &id_or_case, &lang).map_err(|e| match e {
            ReminderError::Store(e) => AppError::from(e),
            ReminderError::Missing { field, reason } => AppError::invalid(field, reason),
        })?;
        Ok(r.try_into()?)
    })
}

/// A link `open_message_link` may open: `sms:+…` or `https://wa.me/…`, nothing else.
pub fn check_message_link(link: &str) -> Result<(), AppError> {
    let ok = (link.starts_with("sms:+") || link.starts_with("https://wa.me/"))
        && !link.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(())
    } else {
        Err(AppError::invalid(
            "link",
            "only a reminder's sms: or https://wa.me/ link can be opened",
        ))
    }
}

pub fn screening_questions() -> Vec<ScreeningQuestion> {
    questions()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::followup::{log_call, red_flags};
    use crate::api::test_support::{clinic, jose_with_rosa, PASS, VOLUNTEER_PASS};
    use crate::api::vault::{lock, unlock};
    use crate::ipc::followup::{CallOutcome, SwbAnswers};
    use crate::ipc::screening::ScreeningAnswers;
    use crate::ipc::ErrorKind;

    fn answers(screening: ScreeningAnswers) -> SwbAnswers {
        SwbAnswers {
            still_with_sponsor: Some(true),
            enrolled_in_school: Some(true),
            knows_court_date: None,
            feels_safe: Some(true),
            new_address: None,
            screening: Some(screening),
        }
    }

    /// The log-call dialog's screening: a volunteer hears that José (16) works on a roof and
    /// that his employer keeps his ID; the flags say so with their sources, the volunteer opens
    /// and submits a concern report from the call, and the admin approves and reports it.
    #[test]
    fn only_sms_and_whatsapp_links_open() {
        assert!(check_message_link("sms:+12135550142?body=Andrea%20tiene").is_ok());
        assert!(check_message_link("https://wa.me/12135550142?text=Andrea").is_ok());
        for bad in [
            "file:///etc/passwd",
            "https://example.org/",
            "sms:+1 213",
            "javascript:alert(1)",
        ] {
            assert!(check_message_link(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn screening_answers_raise_flags_and_a_concern_goes_from_the_call_to_reported(
    ) -> Result<(), AppError> {
        let (_dir, state) = clinic()?;
        let (_, case) = jose_with_rosa(&state)?;
        lock(&state);
        unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
        let bad_time = log_call(
            &state,
            case.clone(),
            CallOutcome::ReachedChild,
            Some("2026-11-04 18:15".into()),
            String::new(),
            Some(answers(ScreeningAnswers {
                works: Some(true),
                start_time: Some("25:99".into()),
                ..ScreeningAnswers::default()
            })),
            None,
        );
        let err = bad_time
            .err()
            .ok_or_else(|| AppError::invalid("test", "accepted"))?;
        assert_eq!(err.kind, ErrorKind::InvalidInput);
        assert_eq!(err.field.as_deref(), Some("screening.start_time"));

        let roofing = screening_questions()
            .into_iter()
            .find(|q| q.id == "kind_of_work")
            .and_then(|q| q.options.into_iter().find(|o| o.label_en.contains("roof")))
            .ok_or_else(|| AppError::invalid("test", "no roofing order"))?;
        let logged = log_call(
            &state,
            case.clone(),
            CallOutcome::ReachedChild,
            Some("2026-11-04 18:15".into()),
            "Trabaja en techos con su patrón.".into(),
            Some(answers(ScreeningAnswers {
                works: Some(true),
                hazardous_orders: Some(vec![roofing.value.parse().unwrap_or(0)]),
                id_holder: Some("someone_else_keeps_it".into()),
                ..ScreeningAnswers::default()
            })),
            None,
        )?;
        let call_id = logged.call_id;
        let opened = open_concern(
            &state,
            case.clone(),
            "labour_exploitation".into(),
            "Trabaja en techos; el patrón tiene su identificación.".into(),
            Some(call_id),
        )?;
        assert_eq!(opened.call_id, Some(call_id));
        let submitted = concern_step(
            &state,
            opened.concern_id,
            "submit".into(),
            String::new(),
            None,
            None,
            None,
        )?;
        assert_eq!(submitted.state, "submitted");
        lock(&state);
        unlock(&state, "ana".into(), PASS.into())?;
        let flags = red_flags(&state)?;
        let kinds: Vec<&str> = flags.iter().map(|f| f.kind.as_str()).collect();
        assert!(kinds.contains(&"child_labour"), "{kinds:?}");
        assert!(kinds.contains(&"trafficking_indicator"), "{kinds:?}");
        // The dashboard counts the same flags the list shows, legal and screening ones too
        // (its card asks `open_flag_count`; `dashboard` leaves it to that).
        let open = flags.iter().filter(|f| !f.acknowledged).count();
        let counts = crate::api::followup::dashboard(&state, None)?;
        assert_eq!(counts.open_flags, None);
        let count = crate::api::followup::open_flag_count(&state)?;
        assert_eq!(count.and_then(|n| usize::try_from(n).ok()), Some(open));
        let approved = concern_step(
            &state,
            opened.concern_id,
            "approve".into(),
            "Visto.".into(),
            None,
            None,
            None,
        )?;
        assert_eq!(approved.approved_by.as_deref(), Some("ana"));
        let reported = concern_step(
            &state,
            opened.concern_id,
            "report".into(),
            String::new(),
            Some("hhs_otip".into()),
            None,
            Some("RFA-2026-0457".into()),
        )?;
        assert_eq!(reported.state, "reported");
        let signers: Vec<(&str, &str)> = reported
            .steps
            .iter()
            .map(|s| (s.step.as_str(), s.by.as_str()))
            .collect();
        assert_eq!(
            signers,
            [
                ("open", "beto"),
                ("submit", "beto"),
                ("approve", "ana"),
                ("report", "ana")
            ]
        );
        // A 16-year-old with a labour-exploitation concern: the OTIP Request for Assistance is
        // due before the 18th birthday.
        let relief = relief(&state, case)?;
        assert!(
            relief.deadlines.iter().any(|d| d.rule == "otip_rfa_age"),
            "{:?}",
            relief.deadlines
        );
        Ok(())
    }
}
