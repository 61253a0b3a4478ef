//! One change to a relief plan, as a person records it: a pathway, the step it reached and
//! the day (`tether relief set CHILD --pathway sijs --status i360_filed --date 2026-11-02`).

use chrono::NaiveDate;

use super::relief::{
    AsylumDecision, AsylumForum, AsylumOutcome, AsylumProgress, OtipProgress, Pathway, ReliefError,
    ReliefPlan, SijsProgress, TVisaProgress,
};
use crate::casework::UsState;

/// The pathways as people name them; `otip` is HHS trafficking assistance.
pub const PATHWAYS: [&str; 4] = ["sijs", "asylum", "t_visa", "otip"];

/// Each pathway's statuses, in the order they happen. `identified` adds the pathway with no
/// step yet; `dropped` takes it out of the plan (the history keeps it).
pub fn statuses(pathway: &str) -> &'static [&'static str] {
    match pathway {
        "sijs" => &[
            "identified",
            "predicate_order_filed",
            "predicate_order_obtained",
            "i360_filed",
            "i360_approved",
            "dropped",
        ],
        "asylum" => &[
            "identified",
            "i589_filed",
            "interview_scheduled",
            "granted",
            "denied",
            "referred",
            "dropped",
        ],
        "t_visa" => &["identified", "i914_filed", "dropped"],
        "otip" => &[
            "identified",
            "rfa_submitted",
            "eligibility_letter",
            "dropped",
        ],
        _ => &[],
    }
}

/// The details some steps carry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StepDetail {
    /// The state whose court is asked for the predicate order.
    pub state: Option<UsState>,
    /// Where the I-589 was filed.
    pub filed_with: Option<AsylumForum>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReliefStepError {
    #[error("pathway: \"{0}\" is not one of sijs, asylum, t_visa, otip")]
    UnknownPathway(String),
    #[error("status: \"{status}\" is not a step of {pathway} (one of {})", statuses(pathway).join(", "))]
    UnknownStatus {
        pathway: &'static str,
        status: String,
    },
    #[error("status: {pathway} is not in the plan, so it cannot be dropped")]
    NotInPlan { pathway: &'static str },
    #[error(transparent)]
    Plan(#[from] ReliefError),
}

impl ReliefStepError {
    pub fn field(&self) -> &'static str {
        match self {
            ReliefStepError::UnknownPathway(_) => "pathway",
            ReliefStepError::UnknownStatus { .. } | ReliefStepError::NotInPlan { .. } => "status",
            // A date out of order is the date's fault: it is the one given with the step.
            ReliefStepError::Plan(ReliefError::Duplicate { .. }) => "pathway",
            ReliefStepError::Plan(_) => "date",
        }
    }
}

fn canonical(pathway: &str) -> Result<&'static str, ReliefStepError> {
    match pathway.trim() {
        "sijs" => Ok("sijs"),
        "asylum" => Ok("asylum"),
        "t_visa" => Ok("t_visa"),
        "otip" | "hhs_trafficking_assistance" => Ok("otip"),
        other => Err(ReliefStepError::UnknownPathway(other.to_owned())),
    }
}

fn core_name(pathway: &str) -> &'static str {
    match pathway {
        "otip" => "hhs_trafficking_assistance",
        "sijs" => "sijs",
        "asylum" => "asylum",
        _ => "t_visa",
    }
}

fn empty(pathway: &str) -> Pathway {
    match pathway {
        "sijs" => Pathway::Sijs(SijsProgress::default()),
        "asylum" => Pathway::Asylum(AsylumProgress::default()),
        "otip" => Pathway::HhsTraffickingAssistance(OtipProgress::default()),
        _ => Pathway::TVisa(TVisaProgress::default()),
    }
}

impl ReliefPlan {
    /// The plan after `pathway` reached `status` on `on`, checked as of `today`. A step's date
    /// replaces the one recorded before (a correction); the plan's order rules still hold.
    pub fn with_step(
        &self,
        pathway: &str,
        status: &str,
        on: NaiveDate,
        detail: StepDetail,
        today: NaiveDate,
    ) -> Result<ReliefPlan, ReliefStepError> {
        let pathway = canonical(pathway)?;
        let status = status.trim();
        if !statuses(pathway).contains(&status) {
            return Err(ReliefStepError::UnknownStatus {
                pathway,
                status: status.to_owned(),
            });
        }
        let mut pathways: Vec<Pathway> = self.pathways().to_vec();
        let at = pathways.iter().position(|p| p.name() == core_name(pathway));
        if status == "dropped" {
            let Some(i) = at else {
                return Err(ReliefStepError::NotInPlan { pathway });
            };
            pathways.remove(i);
            return Ok(ReliefPlan::new(pathways, today)?);
        }
        let i = match at {
            Some(i) => i,
            None => {
                pathways.push(empty(pathway));
                pathways.len() - 1
            }
        };
        let Some(slot) = pathways.get_mut(i) else {
            return Err(ReliefStepError::NotInPlan { pathway });
        };
        match slot {
            Pathway::Sijs(s) => match status {
                "predicate_order_filed" => {
                    s.predicate_order_filed_on = Some(on);
                    s.predicate_order_state = detail.state.or(s.predicate_order_state);
                }
                "predicate_order_obtained" => {
                    s.predicate_order_obtained_on = Some(on);
                    s.predicate_order_state = detail.state.or(s.predicate_order_state);
                }
                "i360_filed" => s.i360_filed_on = Some(on),
                "i360_approved" => s.i360_approved_on = Some(on),
                _ => {}
            },
            Pathway::Asylum(a) => match status {
                "i589_filed" => {
                    a.i589_filed_on = Some(on);
                    // USCIS has initial jurisdiction over an unaccompanied child's application.
                    a.filed_with = detail
                        .filed_with
                        .or(a.filed_with)
                        .or(Some(AsylumForum::Uscis));
                }
                "interview_scheduled" => a.interview_on = Some(on),
                "granted" | "denied" | "referred" => {
                    let outcome = match status {
                        "granted" => AsylumOutcome::Granted,
                        "denied" => AsylumOutcome::Denied,
                        _ => AsylumOutcome::Referred,
                    };
                    a.decision = Some(AsylumDecision { on, outcome });
                }
                _ => {}
            },
            Pathway::TVisa(t) => {
                if status == "i914_filed" {
                    t.i914_filed_on = Some(on);
                }
            }
            Pathway::HhsTraffickingAssistance(o) => match status {
                "rfa_submitted" => o.rfa_submitted_on = Some(on),
                "eligibility_letter" => o.eligibility_letter_on = Some(on),
                _ => {}
            },
        }
        Ok(ReliefPlan::new(pathways, today)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    const TODAY: &str = "2026-12-01";

    fn step(
        plan: &ReliefPlan,
        pathway: &str,
        status: &str,
        on: &str,
    ) -> Result<ReliefPlan, ReliefStepError> {
        plan.with_step(pathway, status, day(on), StepDetail::default(), day(TODAY))
    }

    #[test]
    fn sijs_steps_fill_the_plan_in_order_and_a_second_date_corrects_the_first(
    ) -> Result<(), ReliefStepError> {
        let plan = step(&ReliefPlan::none_identified(), "sijs", "identified", TODAY)?;
        assert_eq!(plan.sijs(), Some(&SijsProgress::default()));
        let plan = step(&plan, "sijs", "predicate_order_filed", "2026-09-14")?;
        let plan = step(&plan, "sijs", "predicate_order_obtained", "2026-10-20")?;
        let plan = step(&plan, "sijs", "predicate_order_obtained", "2026-10-21")?;
        let s = plan.sijs().cloned().unwrap_or_default();
        assert_eq!(s.predicate_order_filed_on, Some(day("2026-09-14")));
        assert_eq!(s.predicate_order_obtained_on, Some(day("2026-10-21")));
        let err = step(&plan, "sijs", "i360_filed", "2026-10-01");
        assert_eq!(
            err.as_ref().map_err(ReliefStepError::field).err(),
            Some("date"),
            "{err:?}"
        );
        Ok(())
    }

    #[test]
    fn otip_is_hhs_trafficking_assistance_and_dropping_keeps_the_rest(
    ) -> Result<(), ReliefStepError> {
        let plan = step(
            &ReliefPlan::none_identified(),
            "otip",
            "rfa_submitted",
            "2026-11-30",
        )?;
        let plan = step(&plan, "asylum", "i589_filed", "2026-11-02")?;
        assert_eq!(
            plan.asylum().and_then(|a| a.filed_with),
            Some(AsylumForum::Uscis),
            "USCIS by default for an unaccompanied child"
        );
        let plan = step(&plan, "otip", "dropped", TODAY)?;
        assert!(plan.hhs_trafficking_assistance().is_none());
        assert!(plan.asylum().is_some());
        Ok(())
    }

    #[test]
    fn bad_names_and_future_dates_name_their_field() {
        let none = ReliefPlan::none_identified();
        let field = |r: Result<ReliefPlan, ReliefStepError>| r.map_err(|e| e.field());
        assert_eq!(
            field(step(&none, "u_visa", "identified", TODAY)),
            Err("pathway")
        );
        assert_eq!(
            field(step(&none, "sijs", "i589_filed", TODAY)),
            Err("status")
        );
        assert_eq!(
            field(step(&none, "t_visa", "dropped", TODAY)),
            Err("status")
        );
        assert_eq!(
            field(step(&none, "t_visa", "i914_filed", "2027-01-05")),
            Err("date")
        );
        assert!(
            step(&none, "asylum", "interview_scheduled", "2027-01-05").is_ok(),
            "an interview may be scheduled ahead"
        );
    }
}
