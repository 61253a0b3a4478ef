//! Asylum for an unaccompanied child: two rules to keep in view so no one applies the adult
//! ones by mistake. The one-year filing deadline does not apply (INA 208(a)(2)(E)), and USCIS
//! has initial jurisdiction even in removal proceedings (INA 208(b)(3)(C)). Shown whenever
//! the clinic pursues asylum for the child.

use super::items::LegalNoteKind;
use super::relief::{AsylumForum, AsylumProgress};
use super::review::Out;
use super::rules::{RuleId, RuleTable};

pub(super) fn asylum_notes(rules: &RuleTable, asylum: &AsylumProgress, out: &mut Out) {
    let today = out.today();
    if let Some(rule) = rules.in_force(RuleId::AsylumUacOneYearExempt, today) {
        out.note(
            LegalNoteKind::AsylumNoOneYearDeadline,
            rule,
            "The child is an unaccompanied child: the one-year asylum deadline does not apply. Do not count it.".to_owned(),
            "El menor es un menor no acompañado: el plazo de un año para el asilo no se aplica. No lo cuente.".to_owned(),
        );
    }
    if let Some(rule) = rules.in_force(RuleId::AsylumUacUscisJurisdiction, today) {
        let (en, es) = if asylum.filed_with == Some(AsylumForum::ImmigrationCourt) {
            (
                "The I-589 is recorded as filed with the immigration court. For an unaccompanied child USCIS has initial jurisdiction: check with counsel that it reaches an asylum officer.",
                "El I-589 figura como presentado ante la corte de inmigración. En el caso de un menor no acompañado, USCIS tiene la competencia inicial: confirme con el abogado que llegue a un oficial de asilo.",
            )
        } else {
            (
                "For an unaccompanied child the asylum officer (USCIS) decides first, even during removal proceedings: file the I-589 with USCIS.",
                "En el caso de un menor no acompañado, el oficial de asilo (USCIS) decide primero, aun durante el proceso de deportación: presente el I-589 ante USCIS.",
            )
        };
        out.note(
            LegalNoteKind::AsylumUscisInitialJurisdiction,
            rule,
            en.to_owned(),
            es.to_owned(),
        );
    }
}
