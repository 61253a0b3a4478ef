//! A missed hearing and the in absentia order it may bring.
//!
//! - A missed hearing whose outcome is not checked yet: a task to find out whether an order
//!   was entered (INA 240(b)(5)(A)).
//! - An order, with the ground for reopening recorded as exceptional circumstances: a
//!   deadline 180 calendar days after the order (INA 240(b)(5)(C)(i)), and the EOIR-33 due
//!   with the motion. The day is not moved off a weekend: Tether never stretches a statutory
//!   limit.
//! - An order whose ground is not recorded yet: counted as the 180 days, the stricter reading,
//!   and the explanation asks to record which ground applies.
//! - An order where the notice was not received: no time limit (INA 240(b)(5)(C)(ii)); a task
//!   to file soon, and the EOIR-33 task.
//!
//! A filed motion ends all of it.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::items::{DeadlineKind, LegalTaskKind};
use super::review::{DeadlineDraft, Out};
use super::rules::{RuleId, RuleTable};

/// The ground a motion to reopen an in absentia order rests on, which decides its time limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReopenGround {
    /// Not decided yet: the 180 days are counted until someone records the ground.
    NotYetRecorded,
    /// INA 240(b)(5)(C)(i): within 180 days of the order.
    ExceptionalCircumstances,
    /// INA 240(b)(5)(C)(ii): at any time.
    NoticeNotReceived,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum InAbsentiaOrder {
    /// No one has checked yet whether an order was entered.
    NotYetChecked,
    NoOrderEntered,
    Entered {
        on: NaiveDate,
        ground: ReopenGround,
        motion_filed_on: Option<NaiveDate>,
        eoir33_filed_on: Option<NaiveDate>,
    },
}

/// A hearing the child did not attend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissedHearing {
    pub hearing_id: i64,
    pub hearing_on: NaiveDate,
    pub order: InAbsentiaOrder,
}

pub(super) fn in_absentia_items(rules: &RuleTable, missed: &MissedHearing, out: &mut Out) {
    let today = out.today();
    let hearing_id = missed.hearing_id;
    let hearing_on = missed.hearing_on;
    match &missed.order {
        InAbsentiaOrder::NoOrderEntered => {}
        InAbsentiaOrder::NotYetChecked => {
            let Some(rule) = rules.in_force(RuleId::InAbsentiaAsk, today) else {
                return;
            };
            out.task(
                format!("{hearing_id}"),
                LegalTaskKind::AskInAbsentiaOrder { hearing_id },
                hearing_on,
                rule,
                format!(
                    "The child missed the hearing on {hearing_on}. Find out whether an in absentia order was entered, and on what date, and record it."
                ),
                format!(
                    "El menor faltó a la audiencia del {hearing_on}. Averigüe si se dictó una orden en ausencia, y en qué fecha, y regístrelo."
                ),
            );
        }
        InAbsentiaOrder::Entered {
            on: order_on,
            ground,
            motion_filed_on,
            eoir33_filed_on,
        } => {
            if motion_filed_on.is_some() {
                return;
            }
            let order_on = *order_on;
            match ground {
                ReopenGround::NoticeNotReceived => {
                    if let Some(rule) = rules.in_force(RuleId::InAbsentiaReopenNoNotice, today) {
                        out.task(
                            format!("{hearing_id}"),
                            LegalTaskKind::MotionToReopenNoTimeLimit {
                                hearing_id,
                                order_on,
                            },
                            order_on,
                            rule,
                            format!(
                                "An in absentia order was entered on {order_on}, and the child did not receive notice of the hearing. A motion to reopen on that ground has no time limit, but the order stands until the case is reopened: file it soon."
                            ),
                            format!(
                                "Se dictó una orden en ausencia el {order_on}, y el menor no recibió el aviso de la audiencia. Una moción para reabrir por ese motivo no tiene plazo, pero la orden sigue vigente hasta que se reabra el caso: preséntela pronto."
                            ),
                        );
                    }
                    if eoir33_filed_on.is_none() {
                        if let Some(rule) = rules.in_force(RuleId::Eoir33WithMotion, today) {
                            out.task(
                                format!("{hearing_id}"),
                                LegalTaskKind::Eoir33WithMotionToReopen { hearing_id },
                                order_on,
                                rule,
                                "File an EOIR-33 with the motion to reopen, so the court has the child's current address.".to_owned(),
                                "Presente un EOIR-33 con la moción para reabrir, para que la corte tenga la dirección actual del menor.".to_owned(),
                            );
                        }
                    }
                }
                ReopenGround::ExceptionalCircumstances | ReopenGround::NotYetRecorded => {
                    let Some(rule) = rules.in_force(RuleId::InAbsentiaReopenExceptional, today)
                    else {
                        return;
                    };
                    let Some(days) = rule.days() else {
                        return;
                    };
                    let Some(due) = order_on.checked_add_days(Days::new(u64::from(days))) else {
                        return;
                    };
                    let (left_en, left_es) = out.days_left_phrase(due);
                    let (ground_en, ground_es) = if *ground == ReopenGround::NotYetRecorded {
                        (
                            " The ground is not recorded yet. If the child did not receive the notice of the hearing there is no time limit: record which ground applies. Until then Tether counts the 180 days.",
                            " El motivo todavía no está registrado. Si el menor no recibió el aviso de la audiencia, no hay plazo: registre qué motivo aplica. Mientras tanto, Tether cuenta los 180 días.",
                        )
                    } else {
                        ("", "")
                    };
                    out.deadline(DeadlineDraft {
                        tail: format!("{hearing_id}:{due}"),
                        kind: DeadlineKind::MotionToReopen {
                            hearing_id,
                            order_on,
                            ground: *ground,
                        },
                        due_on: due,
                        rule,
                        en: format!(
                            "An in absentia order was entered on {order_on}. A motion to reopen for exceptional circumstances must be filed within {days} days: by {due}, {left_en}.{ground_en}"
                        ),
                        es: format!(
                            "Se dictó una orden en ausencia el {order_on}. Una moción para reabrir por circunstancias excepcionales debe presentarse dentro de {days} días: a más tardar el {due}, {left_es}.{ground_es}"
                        ),
                        confirm_locally: false,
                        birth_date_estimated: false,
                    });
                    if eoir33_filed_on.is_none() {
                        if let Some(eoir33) = rules.in_force(RuleId::Eoir33WithMotion, today) {
                            out.deadline(DeadlineDraft {
                                tail: format!("{hearing_id}:{due}"),
                                kind: DeadlineKind::Eoir33WithMotionToReopen { hearing_id },
                                due_on: due,
                                rule: eoir33,
                                en: format!("File an EOIR-33 with the motion to reopen, by {due}, so the court has the child's current address."),
                                es: format!("Presente un EOIR-33 con la moción para reabrir, a más tardar el {due}, para que la corte tenga la dirección actual del menor."),
                                confirm_locally: false,
                                birth_date_estimated: false,
                            });
                        }
                    }
                }
            }
        }
    }
}
