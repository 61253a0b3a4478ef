//! Screening on the follow-up call: questions a caller can ask a child in plain words
//! (`data/screening-questions.csv`, English and Spanish, each with its source), the answers
//! as typed values, and what the answers raise.
//!
//! Nothing is diagnosed. An answer can raise a labour flag (the federal child-labour limits
//! for 14- and 15-year-olds, the minimum age, the Hazardous Occupations Orders) or a
//! trafficking-indicator flag (a debt for the journey, an ID someone else keeps, not being
//! free to leave, food and bed from the employer). Each flag says, in English and Spanish,
//! what was answered, which rule it touches and that rule's source; a trafficking indicator
//! offers a concern report. The rules themselves are in `labour.rs` and `trafficking.rs`.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::data::{rows, RuleDataError};
use super::hazardous::HazardousOccupation;
use super::rules::{Rule, RuleId};

pub(super) const FILE: &str = "screening-questions.csv";
const HEADER: &[&str] = &[
    "id",
    "order",
    "answer_kind",
    "informs",
    "question_en",
    "question_es",
    "source",
];

/// Every screening question; the data file has exactly one row for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionId {
    Works,
    FarmWork,
    KindOfWork,
    SchoolDayHours,
    SchoolWeekHours,
    NonSchoolDayHours,
    NonSchoolWeekHours,
    StartTime,
    EndTime,
    DuringSchoolHours,
    IdHolder,
    JourneyDebt,
    FreeToLeave,
    FoodAndBed,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    YesNo,
    /// Hours and minutes.
    Hours,
    TimeOfDay,
    /// One of the choices of `IdHolder` or `FoodAndBed`.
    Choice,
    /// The caller picks the Hazardous Occupations Orders that match what the child describes.
    HazardousList,
}

impl AnswerKind {
    fn parse(raw: &str) -> Option<AnswerKind> {
        Some(match raw {
            "yes_no" => AnswerKind::YesNo,
            "hours" => AnswerKind::Hours,
            "time_of_day" => AnswerKind::TimeOfDay,
            "choice" => AnswerKind::Choice,
            "hazardous_list" => AnswerKind::HazardousList,
            _ => return None,
        })
    }
}

impl QuestionId {
    pub const ALL: [QuestionId; 14] = [
        QuestionId::Works,
        QuestionId::FarmWork,
        QuestionId::KindOfWork,
        QuestionId::SchoolDayHours,
        QuestionId::SchoolWeekHours,
        QuestionId::NonSchoolDayHours,
        QuestionId::NonSchoolWeekHours,
        QuestionId::StartTime,
        QuestionId::EndTime,
        QuestionId::DuringSchoolHours,
        QuestionId::IdHolder,
        QuestionId::JourneyDebt,
        QuestionId::FreeToLeave,
        QuestionId::FoodAndBed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionId::Works => "works",
            QuestionId::FarmWork => "farm_work",
            QuestionId::KindOfWork => "kind_of_work",
            QuestionId::SchoolDayHours => "school_day_hours",
            QuestionId::SchoolWeekHours => "school_week_hours",
            QuestionId::NonSchoolDayHours => "non_school_day_hours",
            QuestionId::NonSchoolWeekHours => "non_school_week_hours",
            QuestionId::StartTime => "start_time",
            QuestionId::EndTime => "end_time",
            QuestionId::DuringSchoolHours => "during_school_hours",
            QuestionId::IdHolder => "id_holder",
            QuestionId::JourneyDebt => "journey_debt",
            QuestionId::FreeToLeave => "free_to_leave",
            QuestionId::FoodAndBed => "food_and_bed",
        }
    }

    pub fn parse(raw: &str) -> Option<QuestionId> {
        QuestionId::ALL.into_iter().find(|q| q.as_str() == raw)
    }

    /// The answer type `ScreeningAnswers` uses for this question.
    pub fn answer_kind(self) -> AnswerKind {
        match self {
            QuestionId::Works
            | QuestionId::FarmWork
            | QuestionId::DuringSchoolHours
            | QuestionId::JourneyDebt
            | QuestionId::FreeToLeave => AnswerKind::YesNo,
            QuestionId::KindOfWork => AnswerKind::HazardousList,
            QuestionId::SchoolDayHours
            | QuestionId::SchoolWeekHours
            | QuestionId::NonSchoolDayHours
            | QuestionId::NonSchoolWeekHours => AnswerKind::Hours,
            QuestionId::StartTime | QuestionId::EndTime => AnswerKind::TimeOfDay,
            QuestionId::IdHolder | QuestionId::FoodAndBed => AnswerKind::Choice,
        }
    }
}

/// One question as the caller reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningQuestion {
    pub id: QuestionId,
    /// The order to ask in.
    pub order: u8,
    pub answer_kind: AnswerKind,
    /// The rules the answer feeds.
    pub informs: Vec<RuleId>,
    pub question_en: String,
    pub question_es: String,
    /// Where the indicator or limit the question asks about comes from.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionTable {
    questions: Vec<ScreeningQuestion>,
}

impl QuestionTable {
    pub fn parse(csv: &str) -> Result<QuestionTable, RuleDataError> {
        let mut seen: Vec<(u64, ScreeningQuestion)> = Vec::new();
        for row in rows(FILE, csv, HEADER)? {
            let raw_id = row.required("id")?;
            let id = QuestionId::parse(raw_id)
                .ok_or_else(|| row.invalid("id", raw_id, "is not a question Tether knows"))?;
            let order = row.number("order", 1..=99)?;
            let order = u8::try_from(order).map_err(|_| row.invalid("order", "", "too large"))?;
            let raw_kind = row.required("answer_kind")?;
            let answer_kind = AnswerKind::parse(raw_kind)
                .filter(|k| *k == id.answer_kind())
                .ok_or_else(|| {
                    row.invalid(
                        "answer_kind",
                        raw_kind,
                        format!("is not the answer kind of {raw_id}"),
                    )
                })?;
            let raw_informs = row.required("informs")?;
            let informs = raw_informs
                .split('|')
                .map(|r| {
                    RuleId::parse(r.trim())
                        .ok_or_else(|| row.invalid("informs", r, "is not a rule Tether knows"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            if let Some((first, _)) = seen.iter().find(|(_, q)| q.id == id) {
                return Err(row.duplicate(*first, format!("question {raw_id}")));
            }
            if let Some((first, _)) = seen.iter().find(|(_, q)| q.order == order) {
                return Err(row.duplicate(*first, format!("order {order}")));
            }
            let question = ScreeningQuestion {
                id,
                order,
                answer_kind,
                informs,
                question_en: row.required("question_en")?.to_owned(),
                question_es: row.required("question_es")?.to_owned(),
                source: row.required("source")?.to_owned(),
            };
            seen.push((row.line(), question));
        }
        if let Some(missing) = QuestionId::ALL
            .into_iter()
            .find(|q| !seen.iter().any(|(_, s)| s.id == *q))
        {
            return Err(RuleDataError::Table {
                file: FILE,
                problem: format!("no row for question {}", missing.as_str()),
            });
        }
        let mut questions: Vec<ScreeningQuestion> = seen.into_iter().map(|(_, q)| q).collect();
        questions.sort_by_key(|q| q.order);
        Ok(QuestionTable { questions })
    }

    /// The questions in the order to ask them.
    pub fn all(&self) -> &[ScreeningQuestion] {
        &self.questions
    }

    pub fn get(&self, id: QuestionId) -> Option<&ScreeningQuestion> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// "Who keeps your ID or passport?"
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdHolder {
    /// The child keeps it.
    Child,
    /// The sponsor keeps it safe and gives it when the child needs it.
    SponsorGivesItWhenAsked,
    /// Someone else keeps it (an employer, the people who arranged the trip, a sponsor who
    /// will not give it back).
    SomeoneElseKeepsIt,
    /// The child has no ID.
    NoId,
}

impl IdHolder {
    pub const ALL: [IdHolder; 4] = [
        IdHolder::Child,
        IdHolder::SponsorGivesItWhenAsked,
        IdHolder::SomeoneElseKeepsIt,
        IdHolder::NoId,
    ];

    pub fn label_en(self) -> &'static str {
        match self {
            IdHolder::Child => "I keep it",
            IdHolder::SponsorGivesItWhenAsked => {
                "My sponsor keeps it and gives it to me when I need it"
            }
            IdHolder::SomeoneElseKeepsIt => "Someone else keeps it and does not give it to me",
            IdHolder::NoId => "I have no ID",
        }
    }

    pub fn label_es(self) -> &'static str {
        match self {
            IdHolder::Child => "Yo la guardo",
            IdHolder::SponsorGivesItWhenAsked => {
                "Mi patrocinador la guarda y me la da cuando la necesito"
            }
            IdHolder::SomeoneElseKeepsIt => "Otra persona la guarda y no me la da",
            IdHolder::NoId => "No tengo identificación",
        }
    }
}

/// "Who pays for your food and the place where you sleep?"
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FoodAndBed {
    SponsorOrFamily,
    /// The child pays from their own work. Recorded, not flagged: no rule Tether could
    /// source makes it an indicator by itself.
    ChildPaysFromWork,
    /// The employer provides them.
    Employer,
    SomeoneElse,
}

impl FoodAndBed {
    pub const ALL: [FoodAndBed; 4] = [
        FoodAndBed::SponsorOrFamily,
        FoodAndBed::ChildPaysFromWork,
        FoodAndBed::Employer,
        FoodAndBed::SomeoneElse,
    ];

    pub fn label_en(self) -> &'static str {
        match self {
            FoodAndBed::SponsorOrFamily => "My sponsor or my family",
            FoodAndBed::ChildPaysFromWork => "I pay for it with my work",
            FoodAndBed::Employer => "The person I work for gives it to me",
            FoodAndBed::SomeoneElse => "Someone else",
        }
    }

    pub fn label_es(self) -> &'static str {
        match self {
            FoodAndBed::SponsorOrFamily => "Mi patrocinador o mi familia",
            FoodAndBed::ChildPaysFromWork => "Yo lo pago con mi trabajo",
            FoodAndBed::Employer => "La persona para quien trabajo me lo da",
            FoodAndBed::SomeoneElse => "Otra persona",
        }
    }
}

/// What the child answered; `None` is "not asked" or "did not answer".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ScreeningAnswers {
    pub works: Option<bool>,
    pub farm_work: Option<bool>,
    /// The Hazardous Occupations Orders (by number, HO 1–17) the caller matched to what the
    /// child described; `Some(vec![])` is "asked, none matches".
    pub hazardous_orders: Option<Vec<u8>>,
    pub school_day_minutes: Option<u32>,
    pub school_week_minutes: Option<u32>,
    pub non_school_day_minutes: Option<u32>,
    pub non_school_week_minutes: Option<u32>,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub during_school_hours: Option<bool>,
    pub id_holder: Option<IdHolder>,
    pub owes_for_journey: Option<bool>,
    pub free_to_leave: Option<bool>,
    pub food_and_bed: Option<FoodAndBed>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScreeningError {
    #[error("{field}: {minutes} minutes is more than {max} (the most a {period} has)")]
    TooManyMinutes {
        field: &'static str,
        minutes: u32,
        max: u32,
        period: &'static str,
    },
    #[error("kind_of_work: there is no Hazardous Occupations Order {0}")]
    UnknownHazardousOrder(u8),
}

impl ScreeningError {
    pub fn field(&self) -> &'static str {
        match self {
            ScreeningError::TooManyMinutes { field, .. } => field,
            ScreeningError::UnknownHazardousOrder(_) => "hazardous_orders",
        }
    }
}

impl ScreeningAnswers {
    /// Refuses answers no day or week can hold, so a typo (40 for 4) is caught at the form.
    pub(super) fn check(&self) -> Result<(), ScreeningError> {
        const DAY: u32 = 24 * 60;
        const WEEK: u32 = 7 * DAY;
        for (field, value, max, period) in [
            ("school_day_minutes", self.school_day_minutes, DAY, "day"),
            (
                "school_week_minutes",
                self.school_week_minutes,
                WEEK,
                "week",
            ),
            (
                "non_school_day_minutes",
                self.non_school_day_minutes,
                DAY,
                "day",
            ),
            (
                "non_school_week_minutes",
                self.non_school_week_minutes,
                WEEK,
                "week",
            ),
        ] {
            if let Some(minutes) = value.filter(|m| *m > max) {
                return Err(ScreeningError::TooManyMinutes {
                    field,
                    minutes,
                    max,
                    period,
                });
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreeningCategory {
    Labour,
    TraffickingIndicator,
}

/// Something an answer raised. Not a finding: an explanation, the rule and its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningFlag {
    /// Stable within one screening: `labour:school_day_hours`, `labour:hazardous:570.67`,
    /// `trafficking:journey_debt`. The store prefixes the child and the call.
    pub code: String,
    pub category: ScreeningCategory,
    pub rule: Rule,
    /// For a Hazardous Occupations Order: the order, with its own CFR section.
    pub hazardous: Option<HazardousOccupation>,
    pub explanation_en: String,
    pub explanation_es: String,
    /// A trafficking indicator: offer to make a concern report.
    pub offer_concern_report: bool,
}

/// What one set of answers raises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    pub flags: Vec<ScreeningFlag>,
    /// Questions that matter for these answers and have no answer yet.
    pub unanswered: Vec<QuestionId>,
    /// The child works and the hour limits depend on an age Tether does not have.
    pub needs_birth_date: bool,
    /// Any trafficking indicator: offer a concern report (and consider the HHS Request for
    /// Assistance deadline, which a trafficking concern starts).
    pub offer_concern_report: bool,
}

impl Screening {
    pub fn raises_trafficking_concern(&self) -> bool {
        self.flags
            .iter()
            .any(|f| f.category == ScreeningCategory::TraffickingIndicator)
    }
}

/// The questions that matter for `answers` and are still unanswered, in asking order.
pub(super) fn unanswered(answers: &ScreeningAnswers, ask_hours: bool) -> Vec<QuestionId> {
    let mut out = Vec::new();
    let mut need = |q: QuestionId, missing: bool| {
        if missing {
            out.push(q);
        }
    };
    need(QuestionId::Works, answers.works.is_none());
    if answers.works == Some(true) {
        need(QuestionId::FarmWork, answers.farm_work.is_none());
        if answers.farm_work != Some(true) {
            need(QuestionId::KindOfWork, answers.hazardous_orders.is_none());
            if ask_hours {
                need(
                    QuestionId::SchoolDayHours,
                    answers.school_day_minutes.is_none(),
                );
                need(
                    QuestionId::SchoolWeekHours,
                    answers.school_week_minutes.is_none(),
                );
                need(
                    QuestionId::NonSchoolDayHours,
                    answers.non_school_day_minutes.is_none(),
                );
                need(
                    QuestionId::NonSchoolWeekHours,
                    answers.non_school_week_minutes.is_none(),
                );
                need(QuestionId::StartTime, answers.start_time.is_none());
                need(QuestionId::EndTime, answers.end_time.is_none());
                need(
                    QuestionId::DuringSchoolHours,
                    answers.during_school_hours.is_none(),
                );
            }
        }
    }
    need(QuestionId::IdHolder, answers.id_holder.is_none());
    need(QuestionId::JourneyDebt, answers.owes_for_journey.is_none());
    need(QuestionId::FreeToLeave, answers.free_to_leave.is_none());
    need(QuestionId::FoodAndBed, answers.food_and_bed.is_none());
    out
}

/// `4 h 30 min`, `3 h`: how the explanations show an answer in minutes.
pub(super) fn show_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{h} h"),
        (0, m) => format!("{m} min"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMBEDDED: &str = include_str!("../../data/screening-questions.csv");

    #[test]
    fn every_question_is_in_english_and_spanish_with_a_source() {
        let table = QuestionTable::parse(EMBEDDED).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(table.all().len(), QuestionId::ALL.len());
        for q in table.all() {
            assert!(
                q.question_en.ends_with('?') || q.question_en.ends_with('.'),
                "{:?}",
                q.id
            );
            assert!(
                q.question_es.contains('¿') || q.question_es.ends_with('.'),
                "{:?}",
                q.id
            );
            assert!(!q.source.trim().is_empty(), "{:?}", q.id);
            assert!(!q.informs.is_empty(), "{:?}", q.id);
        }
        let orders: Vec<u8> = table.all().iter().map(|q| q.order).collect();
        assert!(orders.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(table.get(QuestionId::Works).map(|q| q.order), Some(1));
    }

    #[test]
    fn a_question_without_a_source_or_with_the_wrong_kind_is_refused() {
        let csv = EMBEDDED.replacen(",29 CFR 570.35(a)(4)", ",", 1);
        assert_ne!(csv, EMBEDDED);
        assert!(matches!(
            QuestionTable::parse(&csv),
            Err(RuleDataError::Empty {
                column: "source",
                line: 5,
                ..
            })
        ));
        let csv = EMBEDDED.replacen("school_day_hours,4,hours,", "school_day_hours,4,yes_no,", 1);
        assert!(matches!(
            QuestionTable::parse(&csv),
            Err(RuleDataError::Invalid {
                column: "answer_kind",
                ..
            })
        ));
        let csv = EMBEDDED.replacen("flsa_school_day_hours,", "flsa_school_day_hour,", 1);
        assert!(matches!(
            QuestionTable::parse(&csv),
            Err(RuleDataError::Invalid {
                column: "informs",
                ..
            })
        ));
    }

    #[test]
    fn answers_no_day_can_hold_are_refused_with_their_field() {
        let answers = ScreeningAnswers {
            school_day_minutes: Some(25 * 60),
            ..ScreeningAnswers::default()
        };
        let err = answers.check().err();
        assert_eq!(
            err.as_ref().map(ScreeningError::field),
            Some("school_day_minutes")
        );
        assert!(ScreeningAnswers {
            non_school_week_minutes: Some(40 * 60),
            ..ScreeningAnswers::default()
        }
        .check()
        .is_ok());
    }

    #[test]
    fn minutes_read_as_hours() {
        assert_eq!(show_minutes(180), "3 h");
        assert_eq!(show_minutes(270), "4 h 30 min");
        assert_eq!(show_minutes(45), "45 min");
    }

    #[test]
    fn choices_have_labels_in_both_languages() {
        for c in IdHolder::ALL {
            assert!(!c.label_en().is_empty() && !c.label_es().is_empty());
        }
        for c in FoodAndBed::ALL {
            assert!(!c.label_en().is_empty() && !c.label_es().is_empty());
        }
    }
}
