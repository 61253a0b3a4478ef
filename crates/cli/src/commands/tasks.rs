//! `tether tasks`: every open task due on or before a day; `tasks done` marks one done.

use anyhow::Result;
use clap::{Args, Subcommand};
use tether_core::casework::parse_date;
use tether_store::Session;

use super::day_or_today;
use crate::errors::invalid;
use crate::output::print_json;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct TasksArgs {
    #[command(subcommand)]
    command: Option<TasksCommand>,
    /// YYYY-MM-DD (default: today)
    #[arg(long)]
    on: Option<String>,
    /// Only the cases assigned to this user (a user name, or `me`)
    #[arg(long = "assigned-to")]
    assigned_to: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
pub enum TasksCommand {
    /// Mark a task done with what was done: an escalation handled, a reminder made, an ACIS
    /// check (records the check date), an EOIR-33 filed (records the filing date)
    Done {
        task_id: i64,
        /// What was done
        #[arg(long)]
        note: String,
        /// The day it was done, YYYY-MM-DD (default: today)
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(session: &mut Session, args: TasksArgs) -> Result<()> {
    if let Some(TasksCommand::Done {
        task_id,
        note,
        on,
        json,
    }) = args.command
    {
        let on = on
            .as_deref()
            .map(|d| parse_date("on", d).map_err(|e| invalid("on", e)))
            .transpose()?;
        let task = session.complete_task(task_id, &note, on)?;
        if json {
            return print_json(&task);
        }
        println!(
            "done: #{} {} {} ({}), on {}",
            task.task_id,
            task.case_number,
            task.summary,
            task.child_name,
            task.done_on.as_deref().unwrap_or_default()
        );
        return Ok(());
    }
    let on = day_or_today(session, args.on.as_deref())?;
    let assigned = args
        .assigned_to
        .as_deref()
        .map(|who| session.user_id(who))
        .transpose()?;
    let tasks = session.tasks_for(on, assigned)?;
    if args.json {
        return print_json(&tasks);
    }
    for t in &tasks {
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
    if tasks.is_empty() {
        println!("no open tasks due on or before {on}");
    }
    Ok(())
}
