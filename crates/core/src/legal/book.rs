//! The rule book: the four embedded tables, parsed once.

use std::sync::LazyLock;

use chrono::NaiveDate;

use super::data::RuleDataError;
use super::hazardous::HazardousTable;
use super::labour::labour_flags;
use super::rules::RuleTable;
use super::screening::{unanswered, QuestionTable, Screening, ScreeningAnswers, ScreeningError};
use super::state_jurisdiction::StateTable;
use super::trafficking::trafficking_flags;
use crate::casework::BirthDate;

const RULES_CSV: &str = include_str!("../../data/legal-rules.csv");
const STATES_CSV: &str = include_str!("../../data/sijs-state-jurisdiction.csv");
const HAZARDOUS_CSV: &str = include_str!("../../data/hazardous-occupations.csv");
const QUESTIONS_CSV: &str = include_str!("../../data/screening-questions.csv");

/// The legal rules, the state table, the Hazardous Occupations Orders and the screening
/// questions. `RuleBook::embedded()` is the shipped data; `RuleBook::parse` reads other
/// tables (tests, or a clinic's reviewed copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleBook {
    rules: RuleTable,
    states: StateTable,
    hazardous: HazardousTable,
    questions: QuestionTable,
}

static EMBEDDED: LazyLock<RuleBook> = LazyLock::new(|| {
    RuleBook::parse(RULES_CSV, STATES_CSV, HAZARDOUS_CSV, QUESTIONS_CSV)
        .unwrap_or_else(|e| panic!("embedded legal rule data is broken: {e}"))
});

impl RuleBook {
    /// The shipped tables. They are checked by this crate's tests, so this cannot fail in a
    /// released build.
    pub fn embedded() -> &'static RuleBook {
        &EMBEDDED
    }

    pub fn parse(
        rules_csv: &str,
        states_csv: &str,
        hazardous_csv: &str,
        questions_csv: &str,
    ) -> Result<RuleBook, RuleDataError> {
        Ok(RuleBook {
            rules: RuleTable::parse(rules_csv)?,
            states: StateTable::parse(states_csv)?,
            hazardous: HazardousTable::parse(hazardous_csv)?,
            questions: QuestionTable::parse(questions_csv)?,
        })
    }

    /// The shipped CSV texts, for a clinic that wants to start its own copy from them.
    pub fn embedded_sources() -> [(&'static str, &'static str); 4] {
        [
            (super::rules::FILE, RULES_CSV),
            (super::state_jurisdiction::FILE, STATES_CSV),
            (super::hazardous::FILE, HAZARDOUS_CSV),
            (super::screening::FILE, QUESTIONS_CSV),
        ]
    }

    pub fn rules(&self) -> &RuleTable {
        &self.rules
    }

    pub fn states(&self) -> &StateTable {
        &self.states
    }

    pub fn hazardous(&self) -> &HazardousTable {
        &self.hazardous
    }

    pub fn questions(&self) -> &QuestionTable {
        &self.questions
    }

    /// What a call's answers raise, by the rules in force on `call_date`. The age for the
    /// labour rules is the youngest `birth_date` allows.
    pub fn screen(
        &self,
        answers: &ScreeningAnswers,
        birth_date: Option<&BirthDate>,
        call_date: NaiveDate,
    ) -> Result<Screening, ScreeningError> {
        answers.check()?;
        let labour = labour_flags(self, answers, birth_date, call_date)?;
        let mut flags = labour.flags;
        flags.extend(trafficking_flags(self, answers, call_date));
        let offer_concern_report = flags.iter().any(|f| f.offer_concern_report);
        Ok(Screening {
            flags,
            unanswered: unanswered(answers, labour.ask_hours),
            needs_birth_date: labour.needs_birth_date,
            offer_concern_report,
        })
    }
}

/// `RuleBook::screen` with the shipped rules.
pub fn screen(
    answers: &ScreeningAnswers,
    birth_date: Option<&BirthDate>,
    call_date: NaiveDate,
) -> Result<Screening, ScreeningError> {
    RuleBook::embedded().screen(answers, birth_date, call_date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_tables_parse() {
        let book = RuleBook::parse(RULES_CSV, STATES_CSV, HAZARDOUS_CSV, QUESTIONS_CSV);
        assert!(book.is_ok(), "{:?}", book.err());
        assert_eq!(RuleBook::embedded().hazardous().all().len(), 17);
        for (file, text) in RuleBook::embedded_sources() {
            assert!(file.ends_with(".csv") && text.ends_with('\n'), "{file}");
        }
    }

    #[test]
    fn every_question_informs_a_rule_that_exists_on_the_day() {
        let book = RuleBook::embedded();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or(NaiveDate::MIN);
        for q in book.questions().all() {
            for id in &q.informs {
                assert!(
                    book.rules().in_force(*id, today).is_some(),
                    "{:?} → {id:?}",
                    q.id
                );
            }
        }
    }
}
