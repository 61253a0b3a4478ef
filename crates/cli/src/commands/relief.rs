//! `tether relief set|show` (a child's relief pathways and what the rules say about them),
//! `tether deadlines` (every legal deadline in the clinic) and `tether hearing in-absentia`.

use anyhow::Result;
use clap::{Args, Subcommand};
use tether_core::casework::parse_date;
use tether_core::legal::{Deadline, WarnLevel};
use tether_store::legal::{DeadlineItem, ReliefView};
use tether_store::Session;

use super::day_or_today;
use crate::errors::invalid;
use crate::output::print_json;

#[derive(Debug, Subcommand)]
pub enum ReliefCommand {
    /// Record a step of a relief pathway: --pathway sijs|asylum|t_visa|otip --status STEP
    /// [--date YYYY-MM-DD] (statuses: `identified`, `dropped`, and each pathway's steps, e.g.
    /// sijs: predicate_order_filed, predicate_order_obtained, i360_filed, i360_approved)
    Set(ReliefSetArgs),
    /// The child's relief plan, deadlines (with the rule and its source), tasks and notes
    Show {
        /// Child id or case number
        child: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ReliefSetArgs {
    /// Child id or case number
    child: String,
    /// sijs, asylum, t_visa or otip (HHS trafficking assistance)
    #[arg(long)]
    pathway: String,
    /// The step reached (see `relief set --help`)
    #[arg(long)]
    status: String,
    /// The day of the step (default today; an asylum interview may be ahead)
    #[arg(long)]
    date: Option<String>,
    /// SIJS: the state whose court makes the predicate order (two letters)
    #[arg(long)]
    state: Option<String>,
    /// Asylum: where the I-589 was filed, uscis (default) or court
    #[arg(long)]
    filed_with: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct DeadlinesArgs {
    /// Only deadlines whose last day is within this many days (overdue ones always)
    #[arg(long, default_value_t = 180)]
    within: i64,
    /// Count from this day (default today)
    #[arg(long)]
    on: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(session: &mut Session, command: ReliefCommand) -> Result<()> {
    match command {
        ReliefCommand::Set(a) => {
            let date = match a.date.as_deref() {
                Some(d) => Some(parse_date("date", d).map_err(|e| invalid("date", e))?),
                None => None,
            };
            let view = session.set_relief(
                &a.child,
                &a.pathway,
                &a.status,
                date,
                a.state.as_deref(),
                a.filed_with.as_deref(),
            )?;
            if a.json {
                return print_json(&view);
            }
            println!(
                "{}: {} {}{}",
                view.case_number,
                a.pathway.trim(),
                a.status.trim(),
                date.map(|d| format!(" on {d}")).unwrap_or_default()
            );
            print_deadlines_of(&view);
            Ok(())
        }
        ReliefCommand::Show { child, json } => {
            let view = session.relief(&child)?;
            if json {
                return print_json(&view);
            }
            print_relief(&view);
            Ok(())
        }
    }
}

fn warn_text(warn: Option<WarnLevel>) -> &'static str {
    match warn {
        Some(WarnLevel::Overdue) => "OVERDUE",
        Some(WarnLevel::Within30Days) => "within 30 days",
        Some(WarnLevel::Within90Days) => "within 90 days",
        Some(WarnLevel::Within180Days) => "within 180 days",
        None => "more than 180 days",
    }
}

fn print_deadline(d: &Deadline, indent: &str) {
    println!(
        "{indent}{}  {} ({}, {} days){}",
        d.due_on,
        d.rule.title_en,
        warn_text(d.warn),
        d.days_left,
        if d.confirm_locally {
            " — confirm locally"
        } else {
            ""
        }
    );
    println!("{indent}    {}", d.explanation_en);
    println!("{indent}    source: {}", d.rule.source);
}

fn print_deadlines_of(view: &ReliefView) {
    for d in &view.deadlines {
        print_deadline(d, "  ");
    }
}

fn print_relief(view: &ReliefView) {
    println!("{}  {}", view.case_number, view.child_name);
    match view.residence_state.as_deref() {
        Some(state) => println!("  lives in {state}"),
        None => println!("  state where the child lives: not recorded"),
    }
    if view.pathways.is_empty() {
        println!("  no relief identified yet");
    }
    for p in &view.pathways {
        let json = serde_json::to_value(p).unwrap_or_default();
        let steps: Vec<String> = json
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, v)| *k != "pathway" && !v.is_null())
            .map(|(k, v)| {
                format!(
                    "{k} {}",
                    v.as_str().map(str::to_owned).unwrap_or(v.to_string())
                )
            })
            .collect();
        println!(
            "  {}: {}",
            p.name(),
            if steps.is_empty() {
                "identified".to_owned()
            } else {
                steps.join(", ")
            }
        );
    }
    if !view.deadlines.is_empty() {
        println!("deadlines:");
        print_deadlines_of(view);
    }
    if !view.tasks.is_empty() {
        println!("tasks:");
        for t in &view.tasks {
            println!("  since {}  {}", t.since, t.explanation_en);
        }
    }
    for n in &view.notes {
        println!("note: {}", n.explanation_en);
    }
    println!("{}", view.disclaimer_en);
}

pub fn deadlines(session: &mut Session, args: DeadlinesArgs) -> Result<()> {
    let on = day_or_today(session, args.on.as_deref())?;
    let view = session.deadlines(on, args.within)?;
    if args.json {
        return print_json(&view);
    }
    if view.deadlines.is_empty() {
        println!("no legal deadlines within {} days", view.within_days);
    }
    for DeadlineItem {
        case_number,
        child_name,
        deadline,
    } in &view.deadlines
    {
        println!("{case_number}  {child_name}");
        print_deadline(deadline, "  ");
    }
    println!("{}", view.disclaimer_en);
    Ok(())
}

#[derive(Debug, Args)]
pub struct InAbsentiaArgs {
    /// The missed hearing's id (see `tether child show CHILD`)
    hearing: i64,
    /// The day the in absentia order was entered
    #[arg(long, conflicts_with = "no_order")]
    order_on: Option<String>,
    /// No order was entered
    #[arg(long)]
    no_order: bool,
    /// The ground a motion to reopen rests on: exceptional_circumstances (180 days) or
    /// notice_not_received (no time limit)
    #[arg(long)]
    ground: Option<String>,
    /// The day the motion to reopen was filed
    #[arg(long)]
    motion_filed_on: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn in_absentia(session: &mut Session, a: InAbsentiaArgs) -> Result<()> {
    let day = |field: &'static str, v: Option<&str>| -> Result<_> {
        v.map(|d| parse_date(field, d).map_err(|e| invalid(field, e)))
            .transpose()
    };
    let order_on = day("order_on", a.order_on.as_deref())?;
    if order_on.is_none() && !a.no_order {
        return Err(invalid(
            "order_on",
            "give --order-on YYYY-MM-DD, or --no-order when no order was entered",
        ));
    }
    let view = session.record_in_absentia(
        a.hearing,
        order_on,
        a.ground.as_deref(),
        day("motion_filed_on", a.motion_filed_on.as_deref())?,
    )?;
    if a.json {
        return print_json(&view);
    }
    println!("{}: in absentia order recorded", view.case_number);
    print_deadlines_of(&view);
    Ok(())
}
