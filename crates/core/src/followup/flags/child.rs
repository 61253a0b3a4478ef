//! The flags about one child: unreached, NTA not served after 90 days, a missed hearing, an
//! EOIR-33 overdue, an open concern from a call, not in school.

use chrono::NaiveDate;

use super::{ChildFacts, Flag, FlagKind, SponsorFacts};
use crate::casework::NtaStatus;
use crate::followup::EscalationReason;

/// Days after release from which an unserved NTA is flagged.
pub const NTA_NOT_SERVED_FLAG_DAYS: i64 = 90;

pub(super) fn child_flags(
    sponsor: &SponsorFacts,
    child: &ChildFacts,
    today: NaiveDate,
    out: &mut Vec<Flag>,
) {
    let one = |kind: FlagKind, key: String, en: String, es: String| Flag {
        kind,
        key,
        child_id: Some(child.id),
        sponsor_id: Some(sponsor.id),
        sponsor_ids: vec![sponsor.id],
        explanation_en: en,
        explanation_es: es,
    };
    let name = &child.name;

    if child.unreached {
        out.push(one(
            FlagKind::Unreached,
            format!("unreached:{}", child.id),
            format!(
                "{name} and the sponsor, {}, could not be reached after all call attempts.",
                sponsor.name
            ),
            format!(
                "No se pudo contactar ni a {name} ni a {}, responsable del patrocinio, después de todos los intentos de llamada.",
                sponsor.name
            ),
        ));
    }
    if child.nta_status == NtaStatus::NotServed {
        if let Some(release) = child.release_date {
            let days = (today - release).num_days();
            if days >= NTA_NOT_SERVED_FLAG_DAYS {
                out.push(one(
                    FlagKind::NtaNotServed90Days,
                    format!("nta_not_served_90_days:{}", child.id),
                    format!(
                        "{name} was released on {release}, {days} days ago, and the Notice to Appear (NTA) has not been served."
                    ),
                    format!(
                        "{name} salió del albergue el {release}, hace {days} días, y todavía no se ha notificado el Aviso de Comparecencia (NTA)."
                    ),
                ));
            }
        }
    }
    if child.missed_hearing {
        out.push(one(
            FlagKind::MissedHearing,
            format!("missed_hearing:{}", child.id),
            format!("{name} missed an immigration court hearing."),
            format!("{name} no se presentó a una audiencia en la corte de inmigración."),
        ));
    }
    if let Some(since) = child.eoir33_overdue_since {
        if since <= today {
            out.push(one(
                FlagKind::Eoir33Overdue,
                format!("eoir33_overdue:{}:{since}", child.id),
                format!(
                    "The change of address form (EOIR-33) for {name} is overdue since {since}: it must be filed within five working days of the move."
                ),
                format!(
                    "El formulario de cambio de dirección (EOIR-33) de {name} está vencido desde el {since}: debe presentarse dentro de cinco días hábiles después de la mudanza."
                ),
            ));
        }
    }
    for concern in &child.open_concerns {
        let (en, es) = match concern.reason {
            EscalationReason::NotSafe => (
                format!("On a call on {}, {name} said they do not feel safe. The escalation is open until a case manager records what was done.", concern.since),
                format!("En una llamada del {}, {name} dijo que no se siente seguro. La escalación sigue abierta hasta que un administrador de casos registre lo que se hizo.", concern.since),
            ),
            EscalationReason::NotWithSponsor => (
                format!("On a call on {}, {name} is no longer living with the sponsor, {}. The escalation is open until a case manager records what was done.", concern.since, sponsor.name),
                format!("En una llamada del {}, {name} ya no vive con {}, responsable del patrocinio. La escalación sigue abierta hasta que un administrador de casos registre lo que se hizo.", concern.since, sponsor.name),
            ),
            EscalationReason::SafetyConcern => (
                format!("A call on {} about {name} logged a safety concern. The escalation is open until a case manager records what was done.", concern.since),
                format!("Una llamada del {} sobre {name} registró una preocupación de seguridad. La escalación sigue abierta hasta que un administrador de casos registre lo que se hizo.", concern.since),
            ),
            EscalationReason::Unreached => continue,
        };
        out.push(one(
            FlagKind::SafetyConcern,
            format!(
                "safety_concern:{}:{}:{}",
                child.id,
                concern.reason.as_str(),
                concern.since
            ),
            en,
            es,
        ));
    }
    if let Some(since) = child.not_in_school_since {
        out.push(one(
            FlagKind::NotInSchool,
            format!("not_in_school:{}:{since}", child.id),
            format!("On the call of {since}, {name} said they are not enrolled in school."),
            format!("En la llamada del {since}, {name} dijo que no está inscrito en la escuela."),
        ));
    }
}
