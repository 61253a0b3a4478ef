//! `tether user`: who may sign in.

use anyhow::Result;
use clap::{Subcommand, ValueEnum};
use tether_core::{Permission, Role};
use tether_store::Session;

use crate::output::print_json;
use crate::secrets;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user (passphrase from TETHER_NEW_PASSPHRASE or a prompt)
    Add {
        name: String,
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// List users
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a user; their passphrase stops working at once
    Remove { name: String },
    /// Give a user a new passphrase (from TETHER_NEW_PASSPHRASE or a prompt)
    Reset { name: String },
    /// Mark a case manager as supervisor (they approve concern reports); --off to unmark
    Supervisor {
        name: String,
        #[arg(long)]
        off: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum RoleArg {
    Admin,
    CaseManager,
    Volunteer,
}

impl From<RoleArg> for Role {
    fn from(value: RoleArg) -> Self {
        match value {
            RoleArg::Admin => Role::Admin,
            RoleArg::CaseManager => Role::CaseManager,
            RoleArg::Volunteer => Role::Volunteer,
        }
    }
}

pub fn run(session: &mut Session, command: UserCommand) -> Result<()> {
    match command {
        UserCommand::Add { name, role } => {
            let passphrase = secrets::if_allowed(session, Permission::ManageUsers, || {
                secrets::new(
                    secrets::NEW_PASSPHRASE,
                    &format!("Passphrase for the new user {name}: "),
                )
            })?;
            let added = session.add_user(&name, role.into(), &passphrase)?;
            super::vault::strength_hint(&passphrase);
            println!("added {} ({})", added.name, added.role);
        }
        UserCommand::List { json } => {
            let users = session.list_users()?;
            if json {
                print_json(&users)?;
            } else {
                for u in users {
                    println!("{:<24} {:<13} {}", u.name, u.role.as_str(), u.created_at);
                }
            }
        }
        UserCommand::Remove { name } => {
            session.remove_user(&name)?;
            println!("removed {name}");
        }
        UserCommand::Reset { name } => {
            let passphrase = secrets::if_allowed(session, Permission::ManageUsers, || {
                secrets::new(
                    secrets::NEW_PASSPHRASE,
                    &format!("New passphrase for {name}: "),
                )
            })?;
            session.reset_passphrase(&name, &passphrase)?;
            super::vault::strength_hint(&passphrase);
            println!("passphrase reset for {name}");
        }
        UserCommand::Supervisor { name, off } => {
            session.set_supervisor(&name, !off)?;
            if off {
                println!("{name} is no longer a supervisor");
            } else {
                println!("{name} is a supervisor: they may approve concern reports");
            }
        }
    }
    Ok(())
}
