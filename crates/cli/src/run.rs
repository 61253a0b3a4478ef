//! Each command: gather arguments and secrets, call the vault, print the result.

use std::io::Write;

use anyhow::{anyhow, Context, Result};
use secrecy::SecretString;
use tether_core::Permission;
use tether_store::{ErrorKind, Session, StoreError, VaultPaths};

use crate::cases;
use crate::cli::{
    AuditCommand, Cli, Command, HearingCommand, NtaCommand, ProceedingsCommand, SettingsCommand,
    UserCommand,
};
use crate::followup;
use crate::secrets;

pub fn run(cli: Cli) -> Result<()> {
    let paths = vault_paths(&cli)?;
    match cli.command {
        Command::Init => {
            let user = required_user(&cli.user)?;
            let passphrase =
                secrets::new(secrets::PASSPHRASE, &format!("New passphrase for {user}: "))?;
            let session = tether_store::create(&paths, user, &passphrase)?;
            println!(
                "created vault at {} with admin {}",
                paths.dir().display(),
                session.user().name
            );
        }
        Command::User(command) => {
            let mut session = sign_in(&paths, &cli.user)?;
            user_command(&mut session, command)?;
        }
        Command::Passwd => {
            let user = required_user(&cli.user)?;
            let current = secrets::existing(
                secrets::PASSPHRASE,
                &format!("Current passphrase for {user}: "),
            )?;
            let mut session = tether_store::unlock(&paths, user, &current)?;
            let new = secrets::new(secrets::NEW_PASSPHRASE, "New passphrase: ")?;
            session.change_passphrase(&current, &new)?;
            println!("passphrase changed for {}", session.user().name);
        }
        Command::Rekey => {
            let mut session = sign_in(&paths, &cli.user)?;
            session.rekey()?;
            println!("rekeyed: the vault now uses a new data key");
        }
        Command::Backup { out } => {
            let mut session = sign_in(&paths, &cli.user)?;
            let passphrase = secret_if_allowed(&session, Permission::Backup, || {
                secrets::new(secrets::BACKUP_PASSPHRASE, "Backup passphrase: ")
            })?;
            session.backup(&out, &passphrase)?;
            println!("backup written to {}", out.display());
        }
        Command::Restore { file, force } => {
            let passphrase = secrets::existing(secrets::BACKUP_PASSPHRASE, "Backup passphrase: ")?;
            let aside = tether_store::restore(&file, &paths, &passphrase, force)?;
            println!("restored {} to {}", file.display(), paths.dir().display());
            if let Some(aside) = aside {
                println!("the previous vault was moved to {}", aside.display());
            }
        }
        Command::Audit(AuditCommand::Verify) => {
            let mut session = sign_in(&paths, &cli.user)?;
            let report = session.audit_verify()?;
            println!("ok: {} entries", report.entries);
        }
        Command::Audit(AuditCommand::Log(args)) => {
            let mut session = sign_in(&paths, &cli.user)?;
            let entries = session.audit_log(args.limit)?;
            if args.json {
                print_json(&entries)?;
            } else {
                for e in entries {
                    println!(
                        "#{:<6} {}  {:<16} {:<20} {}:{} {}",
                        e.seq, e.at, e.actor, e.action, e.record_kind, e.record_id, e.outcome
                    );
                }
            }
        }
        Command::Settings(SettingsCommand::AutoLock { minutes }) => {
            let mut session = sign_in(&paths, &cli.user)?;
            if let Some(minutes) = minutes {
                session.set_auto_lock_minutes(minutes)?;
            }
            println!("auto-lock after {} minutes", session.auto_lock_minutes()?);
        }
        Command::Settings(SettingsCommand::Clinic {
            name,
            phone,
            address,
            json,
        }) => {
            let mut session = sign_in(&paths, &cli.user)?;
            let mut contact = session.clinic_contact()?;
            if name.is_some() || phone.is_some() || !address.is_empty() {
                let mut input = contact.to_input();
                if let Some(name) = name {
                    input.name = name;
                }
                if let Some(phone) = phone {
                    input.phone = phone;
                }
                if !address.is_empty() {
                    input.address = address.join("\n").replace("\\n", "\n");
                }
                contact = session.set_clinic_contact(&input)?;
            }
            if json {
                print_json(&contact)?;
            } else {
                let blank = "(not set)";
                println!("name:    {}", contact.name.as_deref().unwrap_or(blank));
                println!("phone:   {}", contact.phone.as_deref().unwrap_or(blank));
                if contact.address.is_empty() {
                    println!("address: {blank}");
                }
                for (n, line) in contact.address.iter().enumerate() {
                    println!("{} {line}", if n == 0 { "address:" } else { "        " });
                }
            }
        }
        Command::Import(args) => cases::import(&mut sign_in(&paths, &cli.user)?, args)?,
        Command::Search { query, json, limit } => {
            let mut session = sign_in(&paths, &cli.user)?;
            let found = session.search(&query, limit)?;
            if json {
                print_json(&found)?;
            } else {
                for c in found {
                    println!(
                        "{}  {} {}  ({})",
                        c.case_number,
                        c.given_name,
                        c.family_name,
                        c.sponsor_name.unwrap_or_default()
                    );
                }
            }
        }
        Command::Child(command) => cases::child(&mut sign_in(&paths, &cli.user)?, command)?,
        Command::Sponsor(command) => cases::sponsor(&mut sign_in(&paths, &cli.user)?, command)?,
        Command::Hearing(HearingCommand::Add(args)) => {
            cases::hearing_add(&mut sign_in(&paths, &cli.user)?, args)?
        }
        Command::Hearing(HearingCommand::Set(args)) => {
            cases::hearing_set(&mut sign_in(&paths, &cli.user)?, args)?
        }
        Command::Proceedings(ProceedingsCommand::Set(args)) => {
            cases::proceedings_set(&mut sign_in(&paths, &cli.user)?, args)?
        }
        Command::Nta(NtaCommand::Set(args)) => {
            cases::nta_set(&mut sign_in(&paths, &cli.user)?, args)?
        }
        Command::Export(args) => cases::export(&mut sign_in(&paths, &cli.user)?, args)?,
        Command::Demo(args) => cases::demo(&mut sign_in(&paths, &cli.user)?, args)?,
        Command::Calls(command) => followup::calls(&mut sign_in(&paths, &cli.user)?, command)?,
        Command::Tasks { on, json } => followup::tasks(&mut sign_in(&paths, &cli.user)?, on, json)?,
        Command::Flags(args) => followup::flags(&mut sign_in(&paths, &cli.user)?, args)?,
        Command::Print(command) => crate::print::print(&mut sign_in(&paths, &cli.user)?, command)?,
        Command::Calendar { from, to, out } => {
            followup::calendar(&mut sign_in(&paths, &cli.user)?, &from, &to, &out)?
        }
        Command::Settings(SettingsCommand::CallOffsets { days }) => {
            let mut session = sign_in(&paths, &cli.user)?;
            if !days.is_empty() {
                session.set_call_offsets(&days)?;
            }
            let days: Vec<String> = session.call_offsets()?.iter().map(u16::to_string).collect();
            println!(
                "Safety & Well-Being calls at release + {} days",
                days.join(", ")
            );
        }
    }
    Ok(())
}

fn user_command(session: &mut Session, command: UserCommand) -> Result<()> {
    match command {
        UserCommand::Add { name, role } => {
            let passphrase = secret_if_allowed(session, Permission::ManageUsers, || {
                secrets::new(
                    secrets::NEW_PASSPHRASE,
                    &format!("Passphrase for the new user {name}: "),
                )
            })?;
            let added = session.add_user(&name, role.into(), &passphrase)?;
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
            let passphrase = secret_if_allowed(session, Permission::ManageUsers, || {
                secrets::new(
                    secrets::NEW_PASSPHRASE,
                    &format!("New passphrase for {name}: "),
                )
            })?;
            session.reset_passphrase(&name, &passphrase)?;
            println!("passphrase reset for {name}");
        }
    }
    Ok(())
}

/// Asks for a secret only when the role may use it; otherwise the vault refuses (and audits the
/// refusal) without anybody typing a passphrase for nothing.
fn secret_if_allowed(
    session: &Session,
    permission: Permission,
    ask: impl FnOnce() -> Result<SecretString>,
) -> Result<SecretString> {
    if session.user().role.may(permission) {
        ask()
    } else {
        Ok(SecretString::default())
    }
}

fn vault_paths(cli: &Cli) -> Result<VaultPaths> {
    let dir = match &cli.vault {
        Some(dir) => dir.clone(),
        None => VaultPaths::default_dir()
            .ok_or_else(|| anyhow!("no home folder: pass --vault PATH or set TETHER_VAULT"))?,
    };
    Ok(VaultPaths::new(dir))
}

fn required_user(user: &Option<String>) -> Result<&str> {
    user.as_deref()
        .ok_or_else(|| anyhow!("who is signing in? pass --user NAME or set TETHER_USER"))
}

fn sign_in(paths: &VaultPaths, user: &Option<String>) -> Result<Session> {
    let user = required_user(user)?;
    let passphrase = secrets::existing(secrets::PASSPHRASE, &format!("Passphrase for {user}: "))?;
    Ok(tether_store::unlock(paths, user, &passphrase)?)
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).context("write JSON")?;
    writeln!(out).context("write JSON")?;
    Ok(())
}

/// Distinct codes let scripts tell a wrong passphrase from a denial without parsing text.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    let kind = if let Some(store) = err.downcast_ref::<StoreError>() {
        store.kind()
    } else if let Some(print) = err.downcast_ref::<tether_print::PrintError>() {
        print.kind()
    } else {
        return 1;
    };
    match kind {
        ErrorKind::WrongCredentials => 3,
        ErrorKind::PermissionDenied => 4,
        ErrorKind::VaultExists | ErrorKind::Conflict => 5,
        ErrorKind::VaultMissing | ErrorKind::NotFound => 6,
        ErrorKind::KeySlotsMissing | ErrorKind::KeySlotsCorrupt | ErrorKind::DatabaseCorrupt => 7,
        ErrorKind::InvalidInput => 8,
        ErrorKind::Locked | ErrorKind::Internal => 1,
    }
}
