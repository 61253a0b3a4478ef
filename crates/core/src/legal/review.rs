//! One child's legal review: the facts the rules read, and everything they produce on a day.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::asylum::asylum_notes;
use super::book::RuleBook;
use super::in_absentia::{in_absentia_items, MissedHearing};
use super::items::{
    days_phrase, Deadline, DeadlineKind, LegalNote, LegalNoteKind, LegalTask, LegalTaskKind,
    WarnLevel,
};
use super::otip::otip_items;
use super::relief::ReliefPlan;
use super::rules::Rule;
use super::sijs::sijs_items;
use super::state_jurisdiction::ClinicOverrides;
use super::venue::{venue_items, MoveFact};
use crate::casework::{BirthDate, UsState};

/// Shown with every rule, deadline and flag.
pub const DISCLAIMER_EN: &str = "These rules are a checklist, not legal advice. Check every deadline with the child's attorney or accredited representative.";
pub const DISCLAIMER_ES: &str = "Estas reglas son una lista de verificación, no asesoría legal. Confirme cada plazo con el abogado o representante acreditado del menor.";

/// What the legal rules read about one child.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LegalFacts {
    pub child_id: i64,
    pub birth_date: Option<BirthDate>,
    /// The state of the sponsor's address, where the child lives now. A move changes it.
    pub residence_state: Option<UsState>,
    #[serde(default)]
    pub relief: ReliefPlan,
    /// A trafficking concern is recorded on the child (a screening indicator a person kept,
    /// or a concern report).
    #[serde(default)]
    pub trafficking_concern: bool,
    /// The EOIR code of the court the case is at.
    pub hearing_court: Option<String>,
    #[serde(default)]
    pub missed_hearings: Vec<MissedHearing>,
    #[serde(default)]
    pub moves: Vec<MoveFact>,
}

/// Everything the rules produce for one child on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalReview {
    /// Sorted by last day, then key; keys are unique.
    pub deadlines: Vec<Deadline>,
    /// Sorted by `since`, then key.
    pub tasks: Vec<LegalTask>,
    pub notes: Vec<LegalNote>,
    pub disclaimer_en: String,
    pub disclaimer_es: String,
}

/// A deadline before `Out` adds its key and warning.
#[derive(Debug)]
pub(super) struct DeadlineDraft<'a> {
    /// What makes the key unique within the rule: a due date, a state, a hearing.
    pub(super) tail: String,
    pub(super) kind: DeadlineKind,
    pub(super) due_on: NaiveDate,
    pub(super) rule: &'a Rule,
    pub(super) en: String,
    pub(super) es: String,
    pub(super) confirm_locally: bool,
    pub(super) birth_date_estimated: bool,
}

/// Collects one child's items, building keys and warnings the same way for every rule.
#[derive(Debug)]
pub(super) struct Out {
    child_id: i64,
    today: NaiveDate,
    deadlines: Vec<Deadline>,
    tasks: Vec<LegalTask>,
    notes: Vec<LegalNote>,
}

impl Out {
    pub(super) fn today(&self) -> NaiveDate {
        self.today
    }

    pub(super) fn days_left_phrase(&self, due: NaiveDate) -> (String, String) {
        days_phrase((due - self.today).num_days())
    }

    /// Key: `legal:{rule}:{child}:{tail}`.
    pub(super) fn deadline(&mut self, draft: DeadlineDraft<'_>) {
        let kind_name = match &draft.kind {
            DeadlineKind::Eoir33WithMotionToReopen { .. } => "eoir33_with_motion_to_reopen",
            _ => draft.rule.id.as_str(),
        };
        self.deadlines.push(Deadline {
            key: format!("legal:{kind_name}:{}:{}", self.child_id, draft.tail),
            child_id: self.child_id,
            kind: draft.kind,
            due_on: draft.due_on,
            days_left: (draft.due_on - self.today).num_days(),
            warn: WarnLevel::for_due(draft.due_on, self.today),
            rule: draft.rule.clone(),
            explanation_en: draft.en,
            explanation_es: draft.es,
            confirm_locally: draft.confirm_locally,
            birth_date_estimated: draft.birth_date_estimated,
        });
    }

    /// Key: `legal-task:{kind}:{child}:{tail}`.
    pub(super) fn task(
        &mut self,
        tail: String,
        kind: LegalTaskKind,
        since: NaiveDate,
        rule: &Rule,
        explanation_en: String,
        explanation_es: String,
    ) {
        self.tasks.push(LegalTask {
            key: format!("legal-task:{}:{}:{tail}", kind.name(), self.child_id),
            child_id: self.child_id,
            kind,
            since,
            rule: rule.clone(),
            explanation_en,
            explanation_es,
        });
    }

    pub(super) fn note(
        &mut self,
        kind: LegalNoteKind,
        rule: &Rule,
        explanation_en: String,
        explanation_es: String,
    ) {
        self.notes.push(LegalNote {
            key: format!("legal-note:{}:{}", kind.name(), self.child_id),
            child_id: self.child_id,
            kind,
            rule: rule.clone(),
            explanation_en,
            explanation_es,
        });
    }

    /// The deadlines that count from a birthday need one; asked for once, due today.
    pub(super) fn record_birth_date(&mut self, rule: &Rule) {
        let today = self.today;
        self.task(
            "0".to_owned(),
            LegalTaskKind::RecordBirthDate,
            today,
            rule,
            format!(
                "Record the child's date of birth: {} counts from it.",
                rule.title_en
            ),
            format!(
                "Registre la fecha de nacimiento del menor: «{}» se cuenta desde ella.",
                rule.title_es
            ),
        );
    }

    pub(super) fn record_residence_state(&mut self, rule: &Rule) {
        let today = self.today;
        self.task(
            "0".to_owned(),
            LegalTaskKind::RecordResidenceState,
            today,
            rule,
            "Record the state where the child lives (the sponsor's address): the predicate-order deadline depends on it.".to_owned(),
            "Registre el estado donde vive el menor (la dirección del patrocinador): el plazo de la orden estatal depende de él.".to_owned(),
        );
    }
}

impl RuleBook {
    /// Every deadline, task and note the rules in force on `today` give for `facts`.
    pub fn review(
        &self,
        facts: &LegalFacts,
        overrides: &ClinicOverrides,
        today: NaiveDate,
    ) -> LegalReview {
        let mut out = Out {
            child_id: facts.child_id,
            today,
            deadlines: Vec::new(),
            tasks: Vec::new(),
            notes: Vec::new(),
        };
        if let Some(sijs) = facts.relief.sijs() {
            sijs_items(self, facts, sijs, overrides, &mut out);
        }
        otip_items(self, facts, &mut out);
        for missed in &facts.missed_hearings {
            in_absentia_items(self.rules(), missed, &mut out);
        }
        venue_items(
            self.rules(),
            facts.hearing_court.as_deref(),
            &facts.moves,
            &mut out,
        );
        if let Some(asylum) = facts.relief.asylum() {
            asylum_notes(self.rules(), asylum, &mut out);
        }

        let mut seen = BTreeSet::new();
        out.deadlines.retain(|d| seen.insert(d.key.clone()));
        out.deadlines
            .sort_by(|a, b| (a.due_on, &a.key).cmp(&(b.due_on, &b.key)));
        let mut seen = BTreeSet::new();
        out.tasks.retain(|t| seen.insert(t.key.clone()));
        out.tasks
            .sort_by(|a, b| (a.since, &a.key).cmp(&(b.since, &b.key)));
        LegalReview {
            deadlines: out.deadlines,
            tasks: out.tasks,
            notes: out.notes,
            disclaimer_en: DISCLAIMER_EN.to_owned(),
            disclaimer_es: DISCLAIMER_ES.to_owned(),
        }
    }

    /// The dated deadlines of `review`.
    pub fn deadlines(
        &self,
        facts: &LegalFacts,
        overrides: &ClinicOverrides,
        today: NaiveDate,
    ) -> Vec<Deadline> {
        self.review(facts, overrides, today).deadlines
    }
}

/// `RuleBook::review` with the shipped rules.
pub fn review(facts: &LegalFacts, overrides: &ClinicOverrides, today: NaiveDate) -> LegalReview {
    RuleBook::embedded().review(facts, overrides, today)
}

/// `RuleBook::deadlines` with the shipped rules.
pub fn deadlines(
    facts: &LegalFacts,
    overrides: &ClinicOverrides,
    today: NaiveDate,
) -> Vec<Deadline> {
    RuleBook::embedded().deadlines(facts, overrides, today)
}
