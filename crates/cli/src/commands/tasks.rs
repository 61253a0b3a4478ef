//! `tether tasks`: every open task due on or before a day.

use anyhow::Result;
use clap::Args;
use tether_store::Session;

use super::day_or_today;
use crate::output::print_json;

#[derive(Debug, Args)]
pub struct TasksArgs {
    /// YYYY-MM-DD (default: today)
    #[arg(long)]
    on: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(session: &mut Session, args: TasksArgs) -> Result<()> {
    let on = day_or_today(session, args.on.as_deref())?;
    let tasks = session.tasks(on)?;
    if args.json {
        return print_json(&tasks);
    }
    for t in tasks {
        println!(
            "{}{}  #{}  {}  {}  {}",
            if t.overdue { "OVERDUE " } else { "" },
            t.due_on,
            t.task_id,
            t.case_number,
            t.child_name,
            t.summary
        );
    }
    Ok(())
}
