//! The relief pathways a clinic pursues for a child, each with its steps and their dates.
//!
//! An empty plan means "no relief identified yet". A plan holds each pathway at most once,
//! and its dates must be in the order the steps happen (a predicate order is obtained after
//! it is requested, an I-360 is approved after it is filed …) and not in the future, except
//! an asylum interview, which may be scheduled ahead.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::casework::UsState;

/// Special Immigrant Juvenile Status: the state predicate order, then the I-360.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SijsProgress {
    pub predicate_order_filed_on: Option<NaiveDate>,
    pub predicate_order_obtained_on: Option<NaiveDate>,
    /// The state whose court issued (or is asked for) the order.
    pub predicate_order_state: Option<UsState>,
    pub i360_filed_on: Option<NaiveDate>,
    pub i360_approved_on: Option<NaiveDate>,
}

/// Where an I-589 was filed. For an unaccompanied child, USCIS has initial jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AsylumForum {
    Uscis,
    ImmigrationCourt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AsylumOutcome {
    Granted,
    Denied,
    /// USCIS did not grant and referred the case to the immigration court.
    Referred,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AsylumDecision {
    pub on: NaiveDate,
    pub outcome: AsylumOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AsylumProgress {
    pub i589_filed_on: Option<NaiveDate>,
    pub filed_with: Option<AsylumForum>,
    /// May be in the future: the interview is scheduled.
    pub interview_on: Option<NaiveDate>,
    pub decision: Option<AsylumDecision>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TVisaProgress {
    pub i914_filed_on: Option<NaiveDate>,
}

/// HHS trafficking assistance for a child: the OTIP Request for Assistance, then the
/// eligibility (or interim assistance) letter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OtipProgress {
    pub rfa_submitted_on: Option<NaiveDate>,
    pub eligibility_letter_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "pathway", rename_all = "snake_case")]
pub enum Pathway {
    Sijs(SijsProgress),
    Asylum(AsylumProgress),
    TVisa(TVisaProgress),
    HhsTraffickingAssistance(OtipProgress),
}

impl Pathway {
    pub fn name(&self) -> &'static str {
        match self {
            Pathway::Sijs(_) => "sijs",
            Pathway::Asylum(_) => "asylum",
            Pathway::TVisa(_) => "t_visa",
            Pathway::HhsTraffickingAssistance(_) => "hhs_trafficking_assistance",
        }
    }
}

/// Whether any relief has been identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReliefStatus {
    NoReliefIdentifiedYet,
    Pursuing,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReliefError {
    #[error("{pathway} appears twice in the plan")]
    Duplicate { pathway: &'static str },
    #[error("{pathway}: {field} ({on}) is before {earlier_field} ({earlier_on})")]
    OutOfOrder {
        pathway: &'static str,
        field: &'static str,
        on: NaiveDate,
        earlier_field: &'static str,
        earlier_on: NaiveDate,
    },
    #[error("{pathway}: {field} is set but {requires} is not")]
    MissingStep {
        pathway: &'static str,
        field: &'static str,
        requires: &'static str,
    },
    #[error("{pathway}: {field} ({on}) is in the future (today is {today})")]
    InFuture {
        pathway: &'static str,
        field: &'static str,
        on: NaiveDate,
        today: NaiveDate,
    },
}

impl ReliefError {
    /// The field the error is about, for a form to show it beside.
    pub fn field(&self) -> &'static str {
        match self {
            ReliefError::Duplicate { .. } => "pathway",
            ReliefError::OutOfOrder { field, .. }
            | ReliefError::MissingStep { field, .. }
            | ReliefError::InFuture { field, .. } => field,
        }
    }
}

/// A child's relief plan, checked.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "Vec<Pathway>", into = "Vec<Pathway>")]
pub struct ReliefPlan {
    pathways: Vec<Pathway>,
}

impl ReliefPlan {
    /// "No relief identified yet."
    pub fn none_identified() -> ReliefPlan {
        ReliefPlan::default()
    }

    /// Checks the plan as of `today` (dates of things done cannot be after it).
    pub fn new(pathways: Vec<Pathway>, today: NaiveDate) -> Result<ReliefPlan, ReliefError> {
        for (i, p) in pathways.iter().enumerate() {
            if pathways[..i].iter().any(|q| q.name() == p.name()) {
                return Err(ReliefError::Duplicate { pathway: p.name() });
            }
            check_pathway(p, Some(today))?;
        }
        Ok(ReliefPlan { pathways })
    }

    pub fn status(&self) -> ReliefStatus {
        if self.pathways.is_empty() {
            ReliefStatus::NoReliefIdentifiedYet
        } else {
            ReliefStatus::Pursuing
        }
    }

    pub fn pathways(&self) -> &[Pathway] {
        &self.pathways
    }

    pub fn sijs(&self) -> Option<&SijsProgress> {
        self.pathways.iter().find_map(|p| match p {
            Pathway::Sijs(s) => Some(s),
            _ => None,
        })
    }

    pub fn asylum(&self) -> Option<&AsylumProgress> {
        self.pathways.iter().find_map(|p| match p {
            Pathway::Asylum(a) => Some(a),
            _ => None,
        })
    }

    pub fn t_visa(&self) -> Option<&TVisaProgress> {
        self.pathways.iter().find_map(|p| match p {
            Pathway::TVisa(t) => Some(t),
            _ => None,
        })
    }

    pub fn hhs_trafficking_assistance(&self) -> Option<&OtipProgress> {
        self.pathways.iter().find_map(|p| match p {
            Pathway::HhsTraffickingAssistance(o) => Some(o),
            _ => None,
        })
    }
}

/// Deserialising cannot know `today`, so it checks order and duplicates only; the store
/// validates with `ReliefPlan::new` when a person saves.
impl TryFrom<Vec<Pathway>> for ReliefPlan {
    type Error = ReliefError;
    fn try_from(pathways: Vec<Pathway>) -> Result<Self, Self::Error> {
        for (i, p) in pathways.iter().enumerate() {
            if pathways[..i].iter().any(|q| q.name() == p.name()) {
                return Err(ReliefError::Duplicate { pathway: p.name() });
            }
            check_pathway(p, None)?;
        }
        Ok(ReliefPlan { pathways })
    }
}

impl From<ReliefPlan> for Vec<Pathway> {
    fn from(plan: ReliefPlan) -> Self {
        plan.pathways
    }
}

type Step = (&'static str, Option<NaiveDate>);

fn check_pathway(p: &Pathway, today: Option<NaiveDate>) -> Result<(), ReliefError> {
    let pathway = p.name();
    // (step, the step it needs first); `past` lists the steps that cannot be in the future.
    let (chain, past): (Vec<(Step, Step)>, Vec<Step>) = match p {
        Pathway::Sijs(s) => {
            let filed = ("predicate_order_filed_on", s.predicate_order_filed_on);
            let obtained = ("predicate_order_obtained_on", s.predicate_order_obtained_on);
            let i360 = ("i360_filed_on", s.i360_filed_on);
            let approved = ("i360_approved_on", s.i360_approved_on);
            (
                vec![(obtained, filed), (i360, obtained), (approved, i360)],
                vec![filed, obtained, i360, approved],
            )
        }
        Pathway::Asylum(a) => {
            let filed = ("i589_filed_on", a.i589_filed_on);
            let interview = ("interview_on", a.interview_on);
            let decided = ("decision", a.decision.map(|d| d.on));
            (
                vec![(interview, filed), (decided, filed), (decided, interview)],
                vec![filed, decided],
            )
        }
        Pathway::TVisa(t) => (Vec::new(), vec![("i914_filed_on", t.i914_filed_on)]),
        Pathway::HhsTraffickingAssistance(o) => {
            let rfa = ("rfa_submitted_on", o.rfa_submitted_on);
            let letter = ("eligibility_letter_on", o.eligibility_letter_on);
            (vec![(letter, rfa)], vec![rfa, letter])
        }
    };
    for ((field, on), (earlier_field, earlier_on)) in chain {
        match (on, earlier_on) {
            (Some(on), Some(earlier_on)) if on < earlier_on => {
                return Err(ReliefError::OutOfOrder {
                    pathway,
                    field,
                    on,
                    earlier_field,
                    earlier_on,
                })
            }
            _ => {}
        }
    }
    let missing = |field, requires| ReliefError::MissingStep {
        pathway,
        field,
        requires,
    };
    match p {
        // An order can be recorded without its request date, an approval not without the
        // filing: USCIS approves only what was filed.
        Pathway::Sijs(s) if s.i360_approved_on.is_some() && s.i360_filed_on.is_none() => {
            return Err(missing("i360_approved_on", "i360_filed_on"))
        }
        Pathway::Asylum(a) if a.decision.is_some() && a.i589_filed_on.is_none() => {
            return Err(missing("decision", "i589_filed_on"))
        }
        Pathway::Asylum(a) if a.filed_with.is_some() && a.i589_filed_on.is_none() => {
            return Err(missing("filed_with", "i589_filed_on"))
        }
        Pathway::HhsTraffickingAssistance(o)
            if o.eligibility_letter_on.is_some() && o.rfa_submitted_on.is_none() =>
        {
            return Err(missing("eligibility_letter_on", "rfa_submitted_on"))
        }
        _ => {}
    }
    if let Some(today) = today {
        for (field, on) in past {
            if let Some(on) = on.filter(|d| *d > today) {
                return Err(ReliefError::InFuture {
                    pathway,
                    field,
                    on,
                    today,
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    const TODAY: (i32, u32, u32) = (2026, 12, 1);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    #[test]
    fn an_empty_plan_is_no_relief_identified_yet() {
        assert_eq!(
            ReliefPlan::none_identified().status(),
            ReliefStatus::NoReliefIdentifiedYet
        );
        let plan = ReliefPlan::new(
            vec![
                Pathway::Sijs(SijsProgress {
                    predicate_order_filed_on: Some(day(2026, 3, 2)),
                    predicate_order_obtained_on: Some(day(2026, 5, 20)),
                    predicate_order_state: UsState::parse("TX").ok(),
                    i360_filed_on: Some(day(2026, 6, 1)),
                    i360_approved_on: None,
                }),
                Pathway::Asylum(AsylumProgress {
                    i589_filed_on: Some(day(2026, 2, 10)),
                    filed_with: Some(AsylumForum::Uscis),
                    interview_on: Some(day(2027, 1, 12)),
                    decision: None,
                }),
            ],
            today(),
        );
        assert_eq!(
            plan.as_ref().map(ReliefPlan::status),
            Ok(ReliefStatus::Pursuing)
        );
        assert!(plan
            .as_ref()
            .is_ok_and(|p| p.sijs().is_some() && p.t_visa().is_none()));
    }

    #[test]
    fn steps_out_of_order_missing_or_in_the_future_are_refused() {
        let sijs = |s: SijsProgress| ReliefPlan::new(vec![Pathway::Sijs(s)], today());
        let err = sijs(SijsProgress {
            predicate_order_filed_on: Some(day(2026, 5, 1)),
            predicate_order_obtained_on: Some(day(2026, 4, 1)),
            ..SijsProgress::default()
        })
        .err();
        assert_eq!(
            err.as_ref().map(ReliefError::field),
            Some("predicate_order_obtained_on")
        );
        assert_eq!(
            err.map(|e| e.to_string()).as_deref(),
            Some("sijs: predicate_order_obtained_on (2026-04-01) is before predicate_order_filed_on (2026-05-01)")
        );
        let err = sijs(SijsProgress {
            i360_approved_on: Some(day(2026, 4, 1)),
            ..SijsProgress::default()
        });
        assert_eq!(
            err.err().as_ref().map(ReliefError::field),
            Some("i360_approved_on")
        );
        let err = sijs(SijsProgress {
            i360_filed_on: Some(day(2026, 12, 2)),
            ..SijsProgress::default()
        });
        assert!(matches!(
            err,
            Err(ReliefError::InFuture {
                field: "i360_filed_on",
                ..
            })
        ));
        let twice = ReliefPlan::new(
            vec![
                Pathway::TVisa(TVisaProgress::default()),
                Pathway::TVisa(TVisaProgress::default()),
            ],
            today(),
        );
        assert_eq!(twice, Err(ReliefError::Duplicate { pathway: "t_visa" }));
        let letter_first = ReliefPlan::new(
            vec![Pathway::HhsTraffickingAssistance(OtipProgress {
                rfa_submitted_on: None,
                eligibility_letter_on: Some(day(2026, 7, 1)),
            })],
            today(),
        );
        assert!(matches!(letter_first, Err(ReliefError::MissingStep { .. })));
    }

    #[test]
    fn a_scheduled_interview_may_be_ahead_but_not_before_the_filing() {
        let asylum = |a: AsylumProgress| ReliefPlan::new(vec![Pathway::Asylum(a)], today());
        assert!(asylum(AsylumProgress {
            i589_filed_on: Some(day(2026, 2, 10)),
            interview_on: Some(day(2027, 3, 1)),
            ..AsylumProgress::default()
        })
        .is_ok());
        assert!(matches!(
            asylum(AsylumProgress {
                i589_filed_on: Some(day(2026, 2, 10)),
                interview_on: Some(day(2026, 1, 5)),
                ..AsylumProgress::default()
            }),
            Err(ReliefError::OutOfOrder {
                field: "interview_on",
                ..
            })
        ));
    }

    #[test]
    fn serde_round_trips_and_checks_order() {
        let plan = ReliefPlan::new(
            vec![Pathway::TVisa(TVisaProgress {
                i914_filed_on: Some(day(2026, 8, 3)),
            })],
            today(),
        )
        .unwrap_or_default();
        let json = serde_json::to_string(&plan).unwrap_or_default();
        assert_eq!(
            json,
            r#"[{"pathway":"t_visa","i914_filed_on":"2026-08-03"}]"#
        );
        assert_eq!(serde_json::from_str::<ReliefPlan>(&json).ok(), Some(plan));
        let bad = r#"[{"pathway":"hhs_trafficking_assistance","rfa_submitted_on":"2026-05-01","eligibility_letter_on":"2026-04-01"}]"#;
        assert!(serde_json::from_str::<ReliefPlan>(bad).is_err());
    }
}
