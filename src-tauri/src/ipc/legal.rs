//! Legal work as the window sees it (issue 13): a child's relief plan with its deadlines,
//! tasks and notes, the clinic's deadlines, concern reports and where they may go, hearing
//! reminders, and the screening questions of the log-call dialog. Every rule comes with its
//! source and the not-legal-advice line.

use serde::Serialize;
use specta::Type;
use tether_core::legal::{
    Deadline, FoodAndBed, IdHolder, LegalNote, LegalTask, Pathway, RuleBook, WarnLevel,
};
use tether_store::legal as views;

use super::ids::{ipc_id, IdOutOfRange};

/// A deadline: the last day, how near it is, and the rule it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LegalDeadline {
    pub key: String,
    pub child_id: u32,
    pub case_number: String,
    pub child_name: String,
    /// The rule's id: `sijs_i360_age`, `sijs_predicate_order`, `otip_rfa_age`,
    /// `in_absentia_reopen`, …
    pub rule: String,
    pub due_on: String,
    pub days_left: i32,
    /// `within_180_days`, `within_90_days`, `within_30_days`, `overdue`; none further out.
    pub warn: Option<String>,
    pub title_en: String,
    pub title_es: String,
    pub explanation_en: String,
    pub explanation_es: String,
    pub source: String,
    pub effective_from: String,
    /// The state's age is not sourced: confirm with local counsel.
    pub confirm_locally: bool,
    pub birth_date_estimated: bool,
}

fn deadline(
    d: Deadline,
    case_number: &str,
    child_name: &str,
) -> Result<LegalDeadline, IdOutOfRange> {
    Ok(LegalDeadline {
        key: d.key,
        child_id: ipc_id(d.child_id)?,
        case_number: case_number.to_owned(),
        child_name: child_name.to_owned(),
        rule: d.rule.id.as_str().to_owned(),
        due_on: d.due_on.to_string(),
        days_left: i32::try_from(d.days_left).unwrap_or(i32::MIN),
        warn: d.warn.map(|w: WarnLevel| w.as_str().to_owned()),
        title_en: d.rule.title_en,
        title_es: d.rule.title_es,
        explanation_en: d.explanation_en,
        explanation_es: d.explanation_es,
        source: d.rule.source,
        effective_from: d.rule.effective_from.to_string(),
        confirm_locally: d.confirm_locally,
        birth_date_estimated: d.birth_date_estimated,
    })
}

/// A step with no deadline of its own, or a rule to keep in mind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LegalItem {
    pub key: String,
    /// The step's or note's kind: `ask_in_absentia_order`, `consider_venue_change`,
    /// `asylum_no_one_year_deadline`, …
    pub kind: String,
    /// The day of the fact that opened a step (none for a note).
    pub since: Option<String>,
    pub title_en: String,
    pub title_es: String,
    pub explanation_en: String,
    pub explanation_es: String,
    pub source: String,
}

fn task(t: LegalTask) -> LegalItem {
    LegalItem {
        key: t.key,
        kind: t.kind.name().to_owned(),
        since: Some(t.since.to_string()),
        title_en: t.rule.title_en,
        title_es: t.rule.title_es,
        explanation_en: t.explanation_en,
        explanation_es: t.explanation_es,
        source: t.rule.source,
    }
}

fn note(n: LegalNote) -> LegalItem {
    LegalItem {
        key: n.key,
        kind: n.kind.name().to_owned(),
        since: None,
        title_en: n.rule.title_en,
        title_es: n.rule.title_es,
        explanation_en: n.explanation_en,
        explanation_es: n.explanation_es,
        source: n.rule.source,
    }
}

/// One step of a pathway and its day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ReliefStepDone {
    /// `predicate_order_filed`, `i360_filed`, `i589_filed`, `interview_scheduled`, `granted`, …
    pub status: String,
    pub on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ReliefPathway {
    /// `sijs`, `asylum`, `t_visa`, `otip`.
    pub pathway: String,
    /// The steps reached, in order.
    pub steps: Vec<ReliefStepDone>,
    /// SIJS: the state of the predicate order. Asylum: `uscis` or `immigration_court`.
    pub detail: Option<String>,
    /// Every status `set_relief` takes for this pathway, in order.
    pub statuses: Vec<String>,
}

fn pathway(p: &Pathway) -> ReliefPathway {
    let step = |status: &str, on: Option<chrono::NaiveDate>| {
        on.map(|on| ReliefStepDone {
            status: status.to_owned(),
            on: on.to_string(),
        })
    };
    let (name, steps, detail) = match p {
        Pathway::Sijs(s) => (
            "sijs",
            vec![
                step("predicate_order_filed", s.predicate_order_filed_on),
                step("predicate_order_obtained", s.predicate_order_obtained_on),
                step("i360_filed", s.i360_filed_on),
                step("i360_approved", s.i360_approved_on),
            ],
            s.predicate_order_state.map(|st| st.code().to_owned()),
        ),
        Pathway::Asylum(a) => (
            "asylum",
            vec![
                step("i589_filed", a.i589_filed_on),
                step("interview_scheduled", a.interview_on),
                a.decision.and_then(|d| {
                    let status = serde_json::to_value(d.outcome)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default();
                    step(&status, Some(d.on))
                }),
            ],
            a.filed_with.and_then(|f| {
                serde_json::to_value(f)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
            }),
        ),
        Pathway::TVisa(t) => ("t_visa", vec![step("i914_filed", t.i914_filed_on)], None),
        Pathway::HhsTraffickingAssistance(o) => (
            "otip",
            vec![
                step("rfa_submitted", o.rfa_submitted_on),
                step("eligibility_letter", o.eligibility_letter_on),
            ],
            None,
        ),
    };
    ReliefPathway {
        pathway: name.to_owned(),
        steps: steps.into_iter().flatten().collect(),
        detail,
        statuses: tether_core::legal::statuses(name)
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Relief {
    pub child_id: u32,
    pub case_number: String,
    pub child_name: String,
    /// `no_relief_identified_yet` or `pursuing`.
    pub status: String,
    pub pathways: Vec<ReliefPathway>,
    /// Pathways not in the plan yet, which `set_relief … identified` adds.
    pub other_pathways: Vec<String>,
    pub residence_state: Option<String>,
    pub deadlines: Vec<LegalDeadline>,
    pub tasks: Vec<LegalItem>,
    pub notes: Vec<LegalItem>,
    pub disclaimer_en: String,
    pub disclaimer_es: String,
}

impl TryFrom<views::ReliefView> for Relief {
    type Error = IdOutOfRange;
    fn try_from(v: views::ReliefView) -> Result<Self, IdOutOfRange> {
        let pathways: Vec<ReliefPathway> = v.pathways.iter().map(pathway).collect();
        Ok(Relief {
            child_id: ipc_id(v.child_id)?,
            other_pathways: tether_core::legal::PATHWAYS
                .iter()
                .filter(|p| !pathways.iter().any(|q| q.pathway == **p))
                .map(|p| (*p).to_owned())
                .collect(),
            pathways,
            deadlines: v
                .deadlines
                .into_iter()
                .map(|d| deadline(d, &v.case_number, &v.child_name))
                .collect::<Result<_, _>>()?,
            case_number: v.case_number,
            child_name: v.child_name,
            status: v.status,
            residence_state: v.residence_state,
            tasks: v.tasks.into_iter().map(task).collect(),
            notes: v.notes.into_iter().map(note).collect(),
            disclaimer_en: v.disclaimer_en,
            disclaimer_es: v.disclaimer_es,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct LegalDeadlines {
    pub on: String,
    pub within_days: i32,
    pub deadlines: Vec<LegalDeadline>,
    pub disclaimer_en: String,
    pub disclaimer_es: String,
}

impl TryFrom<views::DeadlinesView> for LegalDeadlines {
    type Error = IdOutOfRange;
    fn try_from(v: views::DeadlinesView) -> Result<Self, IdOutOfRange> {
        Ok(LegalDeadlines {
            on: v.on,
            within_days: i32::try_from(v.within_days).unwrap_or(i32::MAX),
            deadlines: v
                .deadlines
                .into_iter()
                .map(|d| deadline(d.deadline, &d.case_number, &d.child_name))
                .collect::<Result<_, _>>()?,
            disclaimer_en: v.disclaimer_en,
            disclaimer_es: v.disclaimer_es,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ConcernStepSigned {
    pub step: String,
    pub at: String,
    pub by: String,
    pub note: String,
    pub state: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Concern {
    pub concern_id: u32,
    pub child_id: u32,
    pub case_number: String,
    pub child_name: String,
    pub call_id: Option<u32>,
    pub category: String,
    pub category_en: String,
    pub category_es: String,
    pub heard: String,
    /// `draft`, `submitted`, `approved`, `reported`, `closed`.
    pub state: String,
    pub opened_on: String,
    pub opened_by: String,
    pub submit_by: Option<String>,
    pub report_by: Option<String>,
    pub approved_on: Option<String>,
    pub approved_by: Option<String>,
    pub reported_to: Option<String>,
    pub reported_on: Option<String>,
    pub reference: Option<String>,
    pub steps: Vec<ConcernStepSigned>,
    pub disclaimer_en: String,
    pub disclaimer_es: String,
}

impl TryFrom<views::ConcernView> for Concern {
    type Error = IdOutOfRange;
    fn try_from(v: views::ConcernView) -> Result<Self, IdOutOfRange> {
        Ok(Concern {
            concern_id: ipc_id(v.concern_id)?,
            child_id: ipc_id(v.child_id)?,
            call_id: v.call_id.map(ipc_id).transpose()?,
            case_number: v.case_number,
            child_name: v.child_name,
            category: v.category,
            category_en: v.category_en,
            category_es: v.category_es,
            heard: v.heard,
            state: v.state,
            opened_on: v.opened_on,
            opened_by: v.opened_by,
            submit_by: v.submit_by,
            report_by: v.report_by,
            approved_on: v.approved_on,
            approved_by: v.approved_by,
            reported_to: v.reported_to,
            reported_on: v.reported_on,
            reference: v.reference,
            steps: v
                .steps
                .into_iter()
                .map(|s| ConcernStepSigned {
                    step: s.step,
                    at: s.at,
                    by: s.by,
                    note: s.note,
                    state: s.state,
                })
                .collect(),
            disclaimer_en: v.disclaimer_en,
            disclaimer_es: v.disclaimer_es,
        })
    }
}

/// Where a report may go: who will be told and what may follow, before it is chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ConcernDestination {
    pub destination: String,
    pub name_en: String,
    pub name_es: String,
    pub who_is_told_en: String,
    pub who_is_told_es: String,
    pub what_may_follow_en: String,
    pub what_may_follow_es: String,
}

impl From<views::DestinationView> for ConcernDestination {
    fn from(d: views::DestinationView) -> Self {
        ConcernDestination {
            destination: d.destination,
            name_en: d.name_en,
            name_es: d.name_es,
            who_is_told_en: d.who_is_told_en,
            who_is_told_es: d.who_is_told_es,
            what_may_follow_en: d.what_may_follow_en,
            what_may_follow_es: d.what_may_follow_es,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Reminder {
    pub child_id: u32,
    pub case_number: String,
    pub lang: String,
    pub text: String,
    pub length: u32,
    /// `gsm-7` or `ucs-2`.
    pub encoding: String,
    pub sms_parts: u32,
    pub phone: String,
    pub sms_link: String,
    pub whatsapp_link: String,
    pub hearing_at: String,
    pub court: String,
}

impl TryFrom<views::ReminderView> for Reminder {
    type Error = IdOutOfRange;
    fn try_from(r: views::ReminderView) -> Result<Self, IdOutOfRange> {
        Ok(Reminder {
            child_id: ipc_id(r.child_id)?,
            case_number: r.case_number,
            lang: r.lang,
            length: u32::try_from(r.length).unwrap_or(u32::MAX),
            encoding: r.encoding,
            sms_parts: u32::try_from(r.sms_parts).unwrap_or(u32::MAX),
            phone: r.phone,
            sms_link: r.sms_link,
            whatsapp_link: r.whatsapp_link,
            hearing_at: r.hearing_at,
            court: r.court,
            text: r.text,
        })
    }
}

/// An answer to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ScreeningOption {
    pub value: String,
    pub label_en: String,
    pub label_es: String,
}

/// One screening question of the log-call dialog, in the order to ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ScreeningQuestion {
    /// `works`, `farm_work`, `kind_of_work`, `school_day_hours`, …, `food_and_bed`.
    pub id: String,
    /// `yes_no`, `hours`, `time_of_day`, `choice`, `hazardous_list`.
    pub answer_kind: String,
    pub question_en: String,
    pub question_es: String,
    pub source: String,
    /// For `choice` and `hazardous_list`.
    pub options: Vec<ScreeningOption>,
}

/// The shipped questions, with their answers.
pub fn screening_questions() -> Vec<ScreeningQuestion> {
    let book = RuleBook::embedded();
    let mut all: Vec<_> = book.questions().all().to_vec();
    all.sort_by_key(|q| q.order);
    all.into_iter()
        .map(|q| {
            let options = match q.id.as_str() {
                "id_holder" => IdHolder::ALL
                    .iter()
                    .map(|o| ScreeningOption {
                        value: json_name(o),
                        label_en: o.label_en().to_owned(),
                        label_es: o.label_es().to_owned(),
                    })
                    .collect(),
                "food_and_bed" => FoodAndBed::ALL
                    .iter()
                    .map(|o| ScreeningOption {
                        value: json_name(o),
                        label_en: o.label_en().to_owned(),
                        label_es: o.label_es().to_owned(),
                    })
                    .collect(),
                "kind_of_work" => book
                    .hazardous()
                    .all()
                    .iter()
                    .map(|h| ScreeningOption {
                        value: h.order.to_string(),
                        label_en: format!("HO {}: {} ({})", h.order, h.name_en, h.examples_en),
                        label_es: format!("HO {}: {} ({})", h.order, h.name_es, h.examples_es),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            ScreeningQuestion {
                id: q.id.as_str().to_owned(),
                answer_kind: json_name(&q.answer_kind),
                question_en: q.question_en,
                question_es: q.question_es,
                source: q.source,
                options,
            }
        })
        .collect()
}

fn json_name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
