//! Trafficking indicators a screening answer can raise: a debt for the journey, an ID someone
//! else keeps, not being free to leave where the child lives, food and bed from the employer.
//!
//! An indicator is a reason to look closer, never a finding. Each one offers a concern report,
//! and for a child it also starts the HHS Request for Assistance deadline (`deadlines.rs`),
//! once the caller records the concern on the child.

use chrono::NaiveDate;

use super::book::RuleBook;
use super::rules::RuleId;
use super::screening::{FoodAndBed, IdHolder, ScreeningAnswers, ScreeningCategory, ScreeningFlag};

const NEXT_STEP_EN: &str = "Tether does not decide whether this is trafficking. Offer a concern report and talk with your supervisor; for a child, HHS (OTIP) must receive any Request for Assistance before the 18th birthday.";
const NEXT_STEP_ES: &str = "Tether no decide si se trata de trata de personas. Ofrezca hacer un reporte de preocupación y hable con su supervisor; en el caso de un menor, HHS (OTIP) debe recibir cualquier Solicitud de Asistencia antes de que cumpla 18 años.";

pub(super) fn trafficking_flags(
    book: &RuleBook,
    answers: &ScreeningAnswers,
    on: NaiveDate,
) -> Vec<ScreeningFlag> {
    let said: [(bool, RuleId, &str, &str, &str); 4] = [
        (
            answers.owes_for_journey == Some(true),
            RuleId::TraffickingJourneyDebt,
            "journey_debt",
            "The child said they or their family owe money for the journey.",
            "El menor dijo que él o su familia deben dinero por el viaje.",
        ),
        (
            answers.id_holder == Some(IdHolder::SomeoneElseKeepsIt),
            RuleId::TraffickingIdHeld,
            "id_held",
            "The child said someone else keeps their ID and does not give it to them.",
            "El menor dijo que otra persona guarda su identificación y no se la da.",
        ),
        (
            answers.free_to_leave == Some(false),
            RuleId::TraffickingNotFreeToLeave,
            "not_free_to_leave",
            "The child said they cannot leave the place where they live when they want to.",
            "El menor dijo que no puede salir del lugar donde vive cuando quiere.",
        ),
        (
            answers.food_and_bed == Some(FoodAndBed::Employer),
            RuleId::TraffickingEmployerHousing,
            "employer_housing",
            "The child said the person they work for provides their food and bed.",
            "El menor dijo que la persona para quien trabaja le da la comida y la cama.",
        ),
    ];
    said.into_iter()
        .filter(|(raised, ..)| *raised)
        .filter_map(|(_, id, code, en, es)| {
            let rule = book.rules().in_force(id, on)?;
            Some(ScreeningFlag {
                code: format!("trafficking:{code}"),
                category: ScreeningCategory::TraffickingIndicator,
                rule: rule.clone(),
                hazardous: None,
                explanation_en: format!("{en} {} {NEXT_STEP_EN}", rule.text_en),
                explanation_es: format!("{es} {} {NEXT_STEP_ES}", rule.text_es),
                offer_concern_report: true,
            })
        })
        .collect()
}
