//! The two SIJS deadlines, both set by birthdays:
//!
//! - the I-360 before the 21st birthday (8 CFR 204.11(b)), until the I-360 is filed;
//! - the state predicate order before the state court loses jurisdiction, at the age of the
//!   state where the child lives now (the sponsor's address), until the order is obtained.
//!   A move to another state changes the age, so the deadline and its key.
//!
//! Both count from the earliest birth date the record allows (1 January for `~2009`).

use chrono::NaiveDate;

use super::age::{birthday, earliest_birth, last_day_under};
use super::book::RuleBook;
use super::items::DeadlineKind;
use super::relief::SijsProgress;
use super::review::{DeadlineDraft, LegalFacts, Out};
use super::rules::RuleId;
use super::state_jurisdiction::{AgeBasis, ClinicOverrides};

pub(super) const ESTIMATED_EN: &str = " The date of birth is only a year: Tether counts from 1 January, the earliest it can be. Record the exact date.";
pub(super) const ESTIMATED_ES: &str = " La fecha de nacimiento es solo un año: Tether cuenta desde el 1 de enero, lo más temprano posible. Registre la fecha exacta.";

pub(super) fn sijs_items(
    book: &RuleBook,
    facts: &LegalFacts,
    sijs: &SijsProgress,
    overrides: &ClinicOverrides,
    out: &mut Out,
) {
    let today = out.today();
    let rules = book.rules();
    let i360_due = sijs.i360_filed_on.is_none();
    // An I-360 on file means the predicate order was obtained, dated or not.
    let order_due = sijs.predicate_order_obtained_on.is_none() && i360_due;
    if !i360_due {
        return;
    }
    let Some(birth) = facts.birth_date else {
        if let Some(rule) = rules.in_force(RuleId::SijsI360Age, today) {
            out.record_birth_date(rule);
        }
        return;
    };
    let Some(born) = earliest_birth(&birth) else {
        return;
    };
    let estimated = birth.is_estimated();
    let (est_en, est_es) = if estimated {
        (ESTIMATED_EN, ESTIMATED_ES)
    } else {
        ("", "")
    };

    if let Some(rule) = rules.in_force(RuleId::SijsI360Age, today) {
        if let Some((age, turns, due)) = limit(born, rule.years()) {
            let (left_en, left_es) = out.days_left_phrase(due);
            let (en, es) = if due < today {
                (
                    format!("The child turned {age} on {turns}: the I-360 (SIJS) can no longer be filed. Talk with the child's attorney now about other relief."),
                    format!("El menor cumplió {age} años el {turns}: ya no se puede presentar el I-360 (SIJS). Hable hoy con el abogado del menor sobre otras opciones."),
                )
            } else {
                (
                    format!("The I-360 (SIJS) must be filed before the child turns {age} on {turns}: the last day is {due}, {left_en}. The state predicate order must come first."),
                    format!("El I-360 (SIJS) debe presentarse antes de que el menor cumpla {age} años el {turns}: el último día es el {due}, {left_es}. Primero hace falta la orden del tribunal estatal."),
                )
            };
            out.deadline(DeadlineDraft {
                tail: format!("{due}"),
                kind: DeadlineKind::I360BeforeAge { age },
                due_on: due,
                rule,
                en: format!("{en}{est_en}"),
                es: format!("{es}{est_es}"),
                confirm_locally: false,
                birth_date_estimated: estimated,
            });
        }
    }

    if !order_due {
        return;
    }
    let Some(rule) = rules.in_force(RuleId::SijsPredicateOrder, today) else {
        return;
    };
    let Some(state) = facts.residence_state else {
        out.record_residence_state(rule);
        return;
    };
    let jurisdiction = book.states().predicate_order_age(state, overrides, today);
    let Some((age, turns, due)) = limit(born, Some(jurisdiction.age)) else {
        return;
    };
    let name = state.name();
    let (basis_en, basis_es) = match jurisdiction.basis {
        AgeBasis::Sourced => (
            format!(" {name}'s age: {}.", jurisdiction.source),
            format!(" Edad en {name}: {}.", jurisdiction.source),
        ),
        AgeBasis::ClinicOverride => (
            format!(" The clinic set {name}'s age to {age}."),
            format!(" La clínica fijó la edad de {name} en {age} años."),
        ),
        AgeBasis::ConfirmLocally => (
            format!(" Tether has no sourced age for {name}: it assumes 18, the earliest any state uses. Confirm with local counsel and set the clinic's value."),
            format!(" Tether no tiene una edad con fuente para {name}: supone 18 años, la más temprana que usa un estado. Confírmelo con un abogado local y fije el valor de la clínica."),
        ),
    };
    let (left_en, left_es) = out.days_left_phrase(due);
    let (en, es) = if due < today {
        (
            format!("The child turned {age} on {turns}: courts in {name}, where the child lives, can no longer make the predicate order. Talk with the child's attorney now."),
            format!("El menor cumplió {age} años el {turns}: los tribunales de {name}, donde vive el menor, ya no pueden emitir la orden estatal (predicate order). Hable hoy con el abogado del menor."),
        )
    } else {
        (
            format!("Courts in {name}, where the child lives, can make the predicate order only until the child turns {age} on {turns}: it must be issued by {due}, {left_en}."),
            format!("Los tribunales de {name}, donde vive el menor, pueden emitir la orden estatal (predicate order) solo hasta que cumpla {age} años el {turns}: debe estar emitida a más tardar el {due}, {left_es}."),
        )
    };
    let confirm = jurisdiction.confirm_locally();
    out.deadline(DeadlineDraft {
        tail: format!("{}:{due}", state.code()),
        kind: DeadlineKind::PredicateOrder { jurisdiction },
        due_on: due,
        rule,
        en: format!("{en}{basis_en}{est_en}"),
        es: format!("{es}{basis_es}{est_es}"),
        confirm_locally: confirm,
        birth_date_estimated: estimated,
    });
}

/// (the age, the birthday it is reached on, the last day before it).
pub(super) fn limit(born: NaiveDate, age: Option<u8>) -> Option<(u8, NaiveDate, NaiveDate)> {
    let age = age?;
    Some((age, birthday(born, age)?, last_day_under(born, age)?))
}
