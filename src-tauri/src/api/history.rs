//! A child's history and case notes (the History tab), and marking a task done (Tasks).

use tether_core::casework::parse_date;

use crate::ipc::followup::TaskItem;
use crate::ipc::history::HistoryItem;
use crate::ipc::ids::{convert_all, store_id};
use crate::ipc::AppError;
use crate::state::AppState;

pub fn child_history(state: &AppState, id_or_case: String) -> Result<Vec<HistoryItem>, AppError> {
    state.with_session(|s| Ok(convert_all(s.child_history(&id_or_case)?)?))
}

pub fn add_note(
    state: &AppState,
    id_or_case: String,
    text: String,
    corrects: Option<u32>,
) -> Result<HistoryItem, AppError> {
    state.with_session(|s| {
        Ok(s.add_note(&id_or_case, &text, corrects.map(store_id))?
            .try_into()?)
    })
}

/// `on` empty or `None`: today.
pub fn complete_task(
    state: &AppState,
    task_id: u32,
    note: String,
    on: Option<String>,
) -> Result<TaskItem, AppError> {
    let on = on
        .filter(|d| !d.trim().is_empty())
        .map(|d| parse_date("on", &d).map_err(|e| AppError::invalid_parse("on", &e)))
        .transpose()?;
    state.with_session(|s| Ok(s.complete_task(store_id(task_id), &note, on)?.try_into()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::followup::{dashboard, list_tasks, log_call, red_flags};
    use crate::api::test_support::{clinic, jose_with_rosa, VOLUNTEER_PASS};
    use crate::api::vault::{lock, unlock};
    use crate::ipc::followup::{CallOutcome, SwbAnswers};
    use crate::ipc::ErrorKind;

    /// The window's path through an unsafe answer: the escalation shows on the dashboard and
    /// in Tasks, a case manager marks it done with what was done, and the History tab has
    /// the call, the note and the task, newest first.
    #[test]
    fn an_unsafe_answer_is_handled_and_kept_in_the_history() -> Result<(), AppError> {
        let (_dir, state) = clinic()?;
        let (_, case) = jose_with_rosa(&state)?;
        log_call(
            &state,
            case.clone(),
            CallOutcome::ReachedChild,
            Some("2026-11-04 18:15".into()),
            "Dice que no se siente seguro en casa.".into(),
            Some(SwbAnswers {
                still_with_sponsor: Some(true),
                enrolled_in_school: Some(true),
                knows_court_date: Some(true),
                feels_safe: Some(false),
                new_address: None,
                screening: None,
            }),
            None,
        )?;
        let counts = dashboard(&state, Some("2026-11-04".into()))?;
        assert_eq!(counts.escalations_open, 1);
        assert!(counts.tasks_due_today >= 1);
        let tasks = list_tasks(&state, Some("2026-11-04".into()), false)?;
        let escalation = tasks
            .iter()
            .find(|t| t.kind == "escalation")
            .expect("the escalation is a task");
        assert_eq!(escalation.reason.as_deref(), Some("not_safe"));
        assert!(red_flags(&state)?
            .iter()
            .any(|f| f.kind == "safety_concern"));

        let short = complete_task(&state, escalation.task_id, " ok ".into(), None)
            .expect_err("say what was done");
        assert_eq!(short.field.as_deref(), Some("note"));
        let done = complete_task(
            &state,
            escalation.task_id,
            "Visita con Rosa; plan de seguridad.".into(),
            Some("2026-11-05".into()),
        )?;
        assert_eq!(done.done_on.as_deref(), Some("2026-11-05"));
        assert_eq!(done.done_by.as_deref(), Some("ana"));
        assert!(!red_flags(&state)?
            .iter()
            .any(|f| f.kind == "safety_concern"));
        assert_eq!(
            dashboard(&state, Some("2026-11-05".into()))?.escalations_open,
            0
        );

        let note = add_note(
            &state,
            case.clone(),
            "Rosa pidió útiles escolares.".into(),
            None,
        )?;
        let history = child_history(&state, case.clone())?;
        let kinds: Vec<&str> = history.iter().map(|e| e.kind.as_str()).collect();
        assert_eq!(
            kinds,
            ["note_added", "task_done", "call_logged", "child_created"]
        );
        assert_eq!(history[0].id, note.id);
        assert!(history[2].detail.contains("\"feels_safe\":false"));

        // José was reached: he is in no volunteer's queue, and beto never called him.
        lock(&state);
        unlock(&state, "beto".into(), VOLUNTEER_PASS.into())?;
        let outside = child_history(&state, case.clone()).expect_err("not in beto's queue");
        assert_eq!(outside.kind, ErrorKind::PermissionDenied);
        let refused = add_note(&state, case, "hola".into(), None).expect_err("volunteer");
        assert_eq!(refused.kind, ErrorKind::PermissionDenied);
        Ok(())
    }
}
