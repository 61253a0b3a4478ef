//! A move and the immigration court: when the sponsor moves to an area another court serves,
//! consider a motion to change venue (8 CFR 1003.20), file an EOIR-33 with it, and keep the
//! child attending the current court until the judge grants it.
//!
//! Which court serves an address is EOIR's county-by-county assignment, which Tether does not
//! ship; a person records it on the move. Until then a move across states (which almost always
//! changes the court, though not always: some courts serve several states) asks them to find
//! out. Only the latest move counts: an earlier one is overtaken. The five-working-day EOIR-33
//! after every move is scheduled by `followup::schedule`, not here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::items::LegalTaskKind;
use super::review::Out;
use super::rules::{RuleId, RuleTable};
use crate::casework::{Court, UsState};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum VenueMotion {
    NotFiled,
    Filed {
        on: NaiveDate,
    },
    Granted {
        on: NaiveDate,
    },
    Denied {
        on: NaiveDate,
    },
    /// Counsel decided no motion is needed (the same court serves the new address, or the
    /// case is about to end).
    NotNeeded,
}

/// A recorded change of the child's address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveFact {
    /// The address change's id (the same as the EOIR-33 schedule's).
    pub move_id: i64,
    pub recorded_on: NaiveDate,
    pub from_state: Option<UsState>,
    pub to_state: UsState,
    /// The EOIR code of the court that serves the new address, once a person has looked it up.
    pub court_for_new_address: Option<String>,
    pub venue_motion: VenueMotion,
    pub eoir33_with_motion_filed: bool,
}

/// "Houston Immigration Court (HOU)", or the code as given when the list does not have it.
fn court_name(code: &str) -> String {
    Court::by_code(code).map_or_else(
        || code.to_owned(),
        |c| format!("{} ({})", c.display_name(), c.code),
    )
}

pub(super) fn venue_items(
    rules: &RuleTable,
    hearing_court: Option<&str>,
    moves: &[MoveFact],
    out: &mut Out,
) {
    let today = out.today();
    let Some(latest) = moves.iter().max_by_key(|m| (m.recorded_on, m.move_id)) else {
        return;
    };
    let Some(rule) = rules.in_force(RuleId::VenueChange, today) else {
        return;
    };
    let move_id = latest.move_id;
    let on = latest.recorded_on;
    let to = latest.to_state;
    let current = hearing_court.map(court_name);
    let current_en = current
        .clone()
        .unwrap_or_else(|| "the current court".to_owned());
    let current_es = current.unwrap_or_else(|| "la corte actual".to_owned());
    match latest.venue_motion {
        VenueMotion::Granted { .. } | VenueMotion::Denied { .. } | VenueMotion::NotNeeded => {}
        VenueMotion::Filed { on: filed } => {
            out.task(
                format!("{move_id}"),
                LegalTaskKind::KeepAttendingCurrentCourt {
                    move_id,
                    court: hearing_court.unwrap_or_default().to_owned(),
                },
                filed,
                rule,
                format!("A motion to change venue was filed on {filed}. Until the judge grants it, the child must keep attending every hearing at {current_en}."),
                format!("Se presentó una moción de cambio de sede el {filed}. Hasta que el juez la conceda, el menor debe seguir yendo a todas las audiencias en {current_es}."),
            );
        }
        VenueMotion::NotFiled => match (&latest.court_for_new_address, hearing_court) {
            (Some(new), Some(current)) if !new.trim().eq_ignore_ascii_case(current.trim()) => {
                let new_name = court_name(new.trim());
                out.task(
                    format!("{move_id}"),
                    LegalTaskKind::ConsiderVenueChange {
                        move_id,
                        to_court: new.trim().to_uppercase(),
                    },
                    on,
                    rule,
                    format!("The child moved to {} on {on}; {new_name} serves the new address, but the case is at {current_en}. Consider a motion to change venue. Until the judge grants it, the child must keep attending every hearing at {current_en}.", to.name()),
                    format!("El menor se mudó a {} el {on}; la nueva dirección corresponde a {new_name}, pero el caso está en {current_es}. Considere una moción de cambio de sede. Hasta que el juez la conceda, el menor debe seguir yendo a todas las audiencias en {current_es}.", to.name()),
                );
                if !latest.eoir33_with_motion_filed {
                    if let Some(eoir33) = rules.in_force(RuleId::Eoir33WithMotion, today) {
                        out.task(
                            format!("{move_id}"),
                            LegalTaskKind::Eoir33WithVenueMotion { move_id },
                            on,
                            eoir33,
                            "File an EOIR-33 with the motion to change venue, so the court has the new address.".to_owned(),
                            "Presente un EOIR-33 con la moción de cambio de sede, para que la corte tenga la nueva dirección.".to_owned(),
                        );
                    }
                }
            }
            (Some(_), _) => {}
            (None, _) if latest.from_state != Some(to) => {
                let from_en = latest
                    .from_state
                    .map_or("another state".to_owned(), |s| s.name().to_owned());
                let from_es = latest
                    .from_state
                    .map_or("otro estado".to_owned(), |s| s.name().to_owned());
                out.task(
                    format!("{move_id}"),
                    LegalTaskKind::FindCourtForNewAddress { move_id, to_state: to },
                    on,
                    rule,
                    format!("The child moved from {from_en} to {} on {on}. Find which immigration court serves the new address; if it is not {current_en}, consider a motion to change venue. Until a judge grants one, the child must keep attending every hearing at {current_en}.", to.name()),
                    format!("El menor se mudó de {from_es} a {} el {on}. Averigüe qué corte de inmigración corresponde a la nueva dirección; si no es {current_es}, considere una moción de cambio de sede. Hasta que un juez la conceda, el menor debe seguir yendo a todas las audiencias en {current_es}.", to.name()),
                );
            }
            (None, _) => {}
        },
    }
}
