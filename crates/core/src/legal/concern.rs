//! Concern reports: what a follow-up caller heard, turned into a report a supervisor signs
//! off before it goes to the agency that can act on it.
//!
//! **draft → submitted → approved → reported → closed.** A supervisor may send a submitted
//! report back to draft with a note. Each step is signed by the person who takes it; the store
//! keeps every step as an event and audits it. Who may take which step:
//!
//! - open, submit: anyone who may log calls (volunteers hear most of it);
//! - approve, return: a supervisor (an admin, or a case manager marked supervisor), never the
//!   person who submitted it: a second person signs off;
//! - report, close: a supervisor or a case manager.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// What the report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcernCategory {
    Abuse,
    Neglect,
    TraffickingIndicators,
    LabourExploitation,
    NotLivingWithSponsor,
    SponsorUnreachable,
    School,
    Other,
}

impl ConcernCategory {
    pub const ALL: [ConcernCategory; 8] = [
        ConcernCategory::Abuse,
        ConcernCategory::Neglect,
        ConcernCategory::TraffickingIndicators,
        ConcernCategory::LabourExploitation,
        ConcernCategory::NotLivingWithSponsor,
        ConcernCategory::SponsorUnreachable,
        ConcernCategory::School,
        ConcernCategory::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConcernCategory::Abuse => "abuse",
            ConcernCategory::Neglect => "neglect",
            ConcernCategory::TraffickingIndicators => "trafficking_indicators",
            ConcernCategory::LabourExploitation => "labour_exploitation",
            ConcernCategory::NotLivingWithSponsor => "not_living_with_sponsor",
            ConcernCategory::SponsorUnreachable => "sponsor_unreachable",
            ConcernCategory::School => "school",
            ConcernCategory::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<ConcernCategory, ConcernError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
            .ok_or_else(|| ConcernError::UnknownCategory(s.trim().to_owned()))
    }

    /// A concern that counts as a trafficking concern for the HHS Request for Assistance
    /// deadline (labour trafficking is trafficking).
    pub fn is_trafficking(self) -> bool {
        matches!(
            self,
            ConcernCategory::TraffickingIndicators | ConcernCategory::LabourExploitation
        )
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ConcernCategory::Abuse => "Abuse",
            ConcernCategory::Neglect => "Neglect",
            ConcernCategory::TraffickingIndicators => "Trafficking indicators",
            ConcernCategory::LabourExploitation => "Labour exploitation",
            ConcernCategory::NotLivingWithSponsor => "Not living with the sponsor",
            ConcernCategory::SponsorUnreachable => "Sponsor unreachable",
            ConcernCategory::School => "School",
            ConcernCategory::Other => "Other",
        }
    }

    pub fn label_es(self) -> &'static str {
        match self {
            ConcernCategory::Abuse => "Maltrato",
            ConcernCategory::Neglect => "Negligencia",
            ConcernCategory::TraffickingIndicators => "Indicios de trata",
            ConcernCategory::LabourExploitation => "Explotación laboral",
            ConcernCategory::NotLivingWithSponsor => "No vive con el patrocinador",
            ConcernCategory::SponsorUnreachable => "Patrocinador inalcanzable",
            ConcernCategory::School => "Escuela",
            ConcernCategory::Other => "Otro",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcernState {
    Draft,
    Submitted,
    Approved,
    Reported,
    Closed,
}

impl ConcernState {
    pub fn as_str(self) -> &'static str {
        match self {
            ConcernState::Draft => "draft",
            ConcernState::Submitted => "submitted",
            ConcernState::Approved => "approved",
            ConcernState::Reported => "reported",
            ConcernState::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Result<ConcernState, ConcernError> {
        [
            ConcernState::Draft,
            ConcernState::Submitted,
            ConcernState::Approved,
            ConcernState::Reported,
            ConcernState::Closed,
        ]
        .into_iter()
        .find(|c| c.as_str() == s.trim())
        .ok_or_else(|| ConcernError::UnknownState(s.trim().to_owned()))
    }
}

/// A step a person takes on a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcernStep {
    Open,
    Submit,
    Approve,
    Return,
    Report,
    Close,
}

impl ConcernStep {
    pub fn as_str(self) -> &'static str {
        match self {
            ConcernStep::Open => "open",
            ConcernStep::Submit => "submit",
            ConcernStep::Approve => "approve",
            ConcernStep::Return => "return",
            ConcernStep::Report => "report",
            ConcernStep::Close => "close",
        }
    }

    /// The state this step leads to from `from`, or why it cannot be taken.
    pub fn from_state(self, from: ConcernState) -> Result<ConcernState, ConcernError> {
        use ConcernState as S;
        let to = match (self, from) {
            (ConcernStep::Submit, S::Draft) => S::Submitted,
            (ConcernStep::Approve, S::Submitted) => S::Approved,
            (ConcernStep::Return, S::Submitted) => S::Draft,
            (ConcernStep::Report, S::Approved) => S::Reported,
            (ConcernStep::Close, S::Reported) => S::Closed,
            (step, state) => return Err(ConcernError::WrongState { step, state }),
        };
        Ok(to)
    }

    /// Sending back and closing need a note saying why; the others may have one.
    pub fn needs_note(self) -> bool {
        matches!(self, ConcernStep::Return | ConcernStep::Close)
    }
}

/// Where an approved report went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Destination {
    /// ORR's Notification of Concern, for a child released from ORR care.
    OrrNotificationOfConcern,
    OrrNationalCallCenter,
    ChildProtectiveServices,
    LawEnforcement,
    /// The National Human Trafficking Hotline, 1-888-373-7888.
    NationalHumanTraffickingHotline,
    /// HHS Office on Trafficking in Persons (a Request for Assistance for a child).
    HhsOtip,
}

/// What a person should know before choosing a destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DestinationInfo {
    pub destination: Destination,
    pub name_en: &'static str,
    pub name_es: &'static str,
    /// Who receives the report.
    pub who_is_told_en: &'static str,
    pub who_is_told_es: &'static str,
    /// What may happen after.
    pub what_may_follow_en: &'static str,
    pub what_may_follow_es: &'static str,
}

impl Destination {
    pub const ALL: [Destination; 6] = [
        Destination::OrrNotificationOfConcern,
        Destination::OrrNationalCallCenter,
        Destination::ChildProtectiveServices,
        Destination::LawEnforcement,
        Destination::NationalHumanTraffickingHotline,
        Destination::HhsOtip,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Destination::OrrNotificationOfConcern => "orr_notification_of_concern",
            Destination::OrrNationalCallCenter => "orr_national_call_center",
            Destination::ChildProtectiveServices => "child_protective_services",
            Destination::LawEnforcement => "law_enforcement",
            Destination::NationalHumanTraffickingHotline => "national_human_trafficking_hotline",
            Destination::HhsOtip => "hhs_otip",
        }
    }

    pub fn parse(s: &str) -> Result<Destination, ConcernError> {
        Self::ALL
            .into_iter()
            .find(|d| d.as_str() == s.trim())
            .ok_or_else(|| ConcernError::UnknownDestination(s.trim().to_owned()))
    }

    pub fn info(self) -> DestinationInfo {
        let (name_en, name_es, who_en, who_es, follow_en, follow_es) = match self {
            Destination::OrrNotificationOfConcern => (
                "ORR Notification of Concern",
                "Notificación de Preocupación de la ORR",
                "The Office of Refugee Resettlement (HHS), which released the child to the sponsor.",
                "La Oficina de Reasentamiento de Refugiados (HHS), que entregó al menor al patrocinador.",
                "ORR may contact the sponsor and the child, offer post-release services, and refer the concern to child protective services or law enforcement.",
                "La ORR puede contactar al patrocinador y al menor, ofrecer servicios posteriores a la entrega y remitir la preocupación a los servicios de protección infantil o a la policía.",
            ),
            Destination::OrrNationalCallCenter => (
                "ORR National Call Center",
                "Centro Nacional de Llamadas de la ORR",
                "Call center staff of the Office of Refugee Resettlement (HHS).",
                "El personal del centro de llamadas de la Oficina de Reasentamiento de Refugiados (HHS).",
                "The call is recorded and passed to ORR, which may follow up with the sponsor and refer the concern to child protective services or law enforcement.",
                "La llamada queda registrada y pasa a la ORR, que puede hacer seguimiento con el patrocinador y remitir la preocupación a los servicios de protección infantil o a la policía.",
            ),
            Destination::ChildProtectiveServices => (
                "Child protective services",
                "Servicios de protección infantil",
                "The child protective services agency of the county where the child lives.",
                "La agencia de servicios de protección infantil del condado donde vive el menor.",
                "The agency may open an investigation, visit the home, interview the child and the sponsor, and involve the police or the family court.",
                "La agencia puede abrir una investigación, visitar la casa, entrevistar al menor y al patrocinador, e involucrar a la policía o al tribunal de familia.",
            ),
            Destination::LawEnforcement => (
                "Law enforcement",
                "Policía local",
                "The local police or sheriff. Some tip lines belong to immigration enforcement (for example ICE's HSI tip line): choose a local agency unless counsel advises otherwise.",
                "La policía local o el alguacil. Algunas líneas de denuncia pertenecen a las autoridades de inmigración (por ejemplo la de HSI de ICE): elija una agencia local salvo que el abogado aconseje otra cosa.",
                "Officers may investigate, contact the sponsor, the employer or others, and share the report with other agencies.",
                "Los agentes pueden investigar, contactar al patrocinador, al empleador u otras personas, y compartir la denuncia con otras agencias.",
            ),
            Destination::NationalHumanTraffickingHotline => (
                "National Human Trafficking Hotline (1-888-373-7888)",
                "Línea Nacional contra la Trata de Personas (1-888-373-7888)",
                "Hotline staff, who are mandated reporters when the person at risk is a minor.",
                "El personal de la línea, que está obligado a denunciar cuando la persona en riesgo es menor de edad.",
                "Hotline staff may involve the police or child protective services, and may connect the child with local services.",
                "El personal de la línea puede involucrar a la policía o a los servicios de protección infantil, y puede poner al menor en contacto con servicios locales.",
            ),
            Destination::HhsOtip => (
                "HHS Office on Trafficking in Persons (Request for Assistance)",
                "Oficina contra la Trata de Personas del HHS (Solicitud de Asistencia)",
                "The HHS Office on Trafficking in Persons, through a Request for Assistance for the child.",
                "La Oficina contra la Trata de Personas del HHS, mediante una Solicitud de Asistencia para el menor.",
                "OTIP reviews the request and may issue an interim assistance or eligibility letter, which opens benefits and services; it may consult other federal agencies about the case.",
                "La OTIP revisa la solicitud y puede emitir una carta de asistencia provisional o de elegibilidad, que da acceso a beneficios y servicios; puede consultar a otras agencias federales sobre el caso.",
            ),
        };
        DestinationInfo {
            destination: self,
            name_en,
            name_es,
            who_is_told_en: who_en,
            who_is_told_es: who_es,
            what_may_follow_en: follow_en,
            what_may_follow_es: follow_es,
        }
    }
}

/// Days a report has to reach the supervisor after it is opened (issue 13: within 24 hours).
pub const SUBMIT_WITHIN_DAYS: u64 = 1;
/// Days an approved report has to be reported, unless the clinic sets its own.
pub const DEFAULT_REPORT_WITHIN_DAYS: u64 = 1;

/// The day a report must reach the supervisor by.
pub fn submit_due(opened_on: NaiveDate) -> NaiveDate {
    opened_on + Days::new(SUBMIT_WITHIN_DAYS)
}

/// The day an approved report must be reported by, with the clinic's number of days.
pub fn report_due(approved_on: NaiveDate, within_days: u64) -> NaiveDate {
    approved_on + Days::new(within_days)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConcernError {
    #[error("category: \"{0}\" is not one of abuse, neglect, trafficking_indicators, labour_exploitation, not_living_with_sponsor, sponsor_unreachable, school, other")]
    UnknownCategory(String),
    #[error("state: \"{0}\" is not one of draft, submitted, approved, reported, closed")]
    UnknownState(String),
    #[error("to: \"{0}\" is not one of orr_notification_of_concern, orr_national_call_center, child_protective_services, law_enforcement, national_human_trafficking_hotline, hhs_otip")]
    UnknownDestination(String),
    #[error("a report that is {} cannot be {}", state.as_str(), step_done(*step))]
    WrongState {
        step: ConcernStep,
        state: ConcernState,
    },
}

impl ConcernError {
    pub fn field(&self) -> &'static str {
        match self {
            ConcernError::UnknownCategory(_) => "category",
            ConcernError::UnknownState(_) => "state",
            ConcernError::UnknownDestination(_) => "to",
            ConcernError::WrongState { .. } => "state",
        }
    }
}

fn step_done(step: ConcernStep) -> &'static str {
    match step {
        ConcernStep::Open => "opened",
        ConcernStep::Submit => "submitted",
        ConcernStep::Approve => "approved",
        ConcernStep::Return => "sent back",
        ConcernStep::Report => "reported",
        ConcernStep::Close => "closed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_goes_draft_submitted_approved_reported_closed() {
        use ConcernState as S;
        let mut state = S::Draft;
        for (step, want) in [
            (ConcernStep::Submit, S::Submitted),
            (ConcernStep::Return, S::Draft),
            (ConcernStep::Submit, S::Submitted),
            (ConcernStep::Approve, S::Approved),
            (ConcernStep::Report, S::Reported),
            (ConcernStep::Close, S::Closed),
        ] {
            state = step.from_state(state).unwrap_or(S::Draft);
            assert_eq!(state, want, "after {step:?}");
        }
    }

    #[test]
    fn steps_out_of_order_are_refused_and_say_why() {
        let err = ConcernStep::Report.from_state(ConcernState::Submitted);
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err("a report that is submitted cannot be reported".to_owned())
        );
        assert!(ConcernStep::Approve
            .from_state(ConcernState::Draft)
            .is_err());
        assert!(ConcernStep::Close
            .from_state(ConcernState::Approved)
            .is_err());
        assert!(ConcernStep::Submit
            .from_state(ConcernState::Closed)
            .is_err());
    }

    #[test]
    fn every_destination_says_who_is_told_and_what_may_follow_in_both_languages() {
        for d in Destination::ALL {
            let info = d.info();
            for text in [
                info.name_en,
                info.name_es,
                info.who_is_told_en,
                info.who_is_told_es,
                info.what_may_follow_en,
                info.what_may_follow_es,
            ] {
                assert!(text.chars().count() > 5, "{d:?}: {text:?}");
            }
            assert_ne!(info.who_is_told_en, info.who_is_told_es);
            assert_eq!(Destination::parse(d.as_str()), Ok(d));
        }
        let hotline = Destination::NationalHumanTraffickingHotline.info();
        assert!(hotline.name_en.contains("1-888-373-7888"));
        assert!(hotline.who_is_told_en.contains("mandated reporters"));
        assert!(Destination::LawEnforcement
            .info()
            .who_is_told_en
            .contains("immigration enforcement"));
    }

    #[test]
    fn categories_parse_and_trafficking_ones_count_for_otip() {
        for c in ConcernCategory::ALL {
            assert_eq!(ConcernCategory::parse(c.as_str()), Ok(c));
        }
        assert!(ConcernCategory::LabourExploitation.is_trafficking());
        assert!(!ConcernCategory::School.is_trafficking());
        assert_eq!(
            ConcernCategory::parse("gossip").map_err(|e| e.field()),
            Err("category")
        );
    }

    #[test]
    fn the_supervisor_has_a_day_and_reporting_the_clinics_days() {
        let opened = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        assert_eq!(submit_due(opened).to_string(), "2026-12-02");
        assert_eq!(report_due(opened, 3).to_string(), "2026-12-04");
    }
}
