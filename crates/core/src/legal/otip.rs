//! The HHS (OTIP) Request for Assistance for a child with a trafficking concern: HHS must
//! receive it before the 18th birthday; one received in time can be decided after
//! (OTIP-PI-16-01). The deadline applies when a trafficking concern is recorded on the child
//! or the clinic pursues HHS trafficking assistance, until the request is submitted.

use super::age::earliest_birth;
use super::book::RuleBook;
use super::items::DeadlineKind;
use super::review::{DeadlineDraft, LegalFacts, Out};
use super::rules::RuleId;
use super::sijs::{limit, ESTIMATED_EN, ESTIMATED_ES};

pub(super) fn otip_items(book: &RuleBook, facts: &LegalFacts, out: &mut Out) {
    let today = out.today();
    let pursued = facts.relief.hhs_trafficking_assistance();
    if !facts.trafficking_concern && pursued.is_none() {
        return;
    }
    if pursued.is_some_and(|p| p.rfa_submitted_on.is_some()) {
        return;
    }
    let Some(rule) = book.rules().in_force(RuleId::OtipRfaAge, today) else {
        return;
    };
    let Some(birth) = facts.birth_date else {
        out.record_birth_date(rule);
        return;
    };
    let Some((age, turns, due)) = earliest_birth(&birth).and_then(|b| limit(b, rule.years()))
    else {
        return;
    };
    let estimated = birth.is_estimated();
    let (est_en, est_es) = if estimated {
        (ESTIMATED_EN, ESTIMATED_ES)
    } else {
        ("", "")
    };
    let (left_en, left_es) = out.days_left_phrase(due);
    let (en, es) = if due < today {
        (
            format!("The child turned {age} on {turns}: OTIP no longer takes a Request for Assistance for them as a child. HHS certifies adult victims through a different process; ask counsel."),
            format!("El menor cumplió {age} años el {turns}: OTIP ya no acepta una Solicitud de Asistencia como menor de edad. HHS certifica a víctimas adultas por otro proceso; consulte con un abogado."),
        )
    } else {
        (
            format!("A trafficking concern is recorded. HHS (OTIP) must receive the Request for Assistance before the child turns {age} on {turns}: the last day is {due}, {left_en}."),
            format!("Hay una sospecha de trata registrada. HHS (OTIP) debe recibir la Solicitud de Asistencia antes de que el menor cumpla {age} años el {turns}: el último día es el {due}, {left_es}."),
        )
    };
    out.deadline(DeadlineDraft {
        tail: format!("{due}"),
        kind: DeadlineKind::OtipRequestForAssistance { age },
        due_on: due,
        rule,
        en: format!("{en}{est_en}"),
        es: format!("{es}{est_es}"),
        confirm_locally: false,
        birth_date_estimated: estimated,
    });
}
