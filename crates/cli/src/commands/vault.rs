//! The vault itself: `init`, `passwd`, `rekey`, `backup`, `restore`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use tether_core::Permission;
use tether_store::{RekeyReport, Session};

use crate::context::Context;
use crate::output::print_json;
use crate::secrets;

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Debug, Args)]
pub struct RekeyArgs {
    /// Only list who would receive the new key and which slots would be dropped
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    file: PathBuf,
    /// Replace an existing vault (it is moved aside, not deleted)
    #[arg(long)]
    force: bool,
}

/// `tether init`: there is no vault to sign in to yet; the new passphrase is asked twice.
pub fn init(ctx: &Context) -> Result<()> {
    let user = ctx.user()?;
    let passphrase = secrets::new(secrets::PASSPHRASE, &format!("New passphrase for {user}: "))?;
    let session = tether_store::create(ctx.paths(), user, &passphrase)?;
    strength_hint(&passphrase);
    println!(
        "created vault at {} with admin {}",
        ctx.paths().dir().display(),
        session.user().name
    );
    Ok(())
}

/// `tether passwd`: signs in with its own prompt, because the current passphrase is needed again.
pub fn passwd(ctx: &Context) -> Result<()> {
    let user = ctx.user()?;
    let current = secrets::existing(
        secrets::PASSPHRASE,
        &format!("Current passphrase for {user}: "),
    )?;
    let mut session = tether_store::unlock(ctx.paths(), user, &current)?;
    let new = secrets::new(secrets::NEW_PASSPHRASE, "New passphrase: ")?;
    session.change_passphrase(&current, &new)?;
    strength_hint(&new);
    println!("passphrase changed for {}", session.user().name);
    Ok(())
}

/// `tether rekey`: first says who will receive the new data key (and which slots will be
/// dropped), then rekeys and says what was done. `--dry-run` stops after the first part.
pub fn rekey(session: &mut Session, args: RekeyArgs) -> Result<()> {
    let plan = session.rekey_plan()?;
    if args.dry_run {
        if args.json {
            return print_json(&plan);
        }
        print_report("would receive the new data key", &plan);
        return Ok(());
    }
    if !args.json {
        print_report("will receive the new data key", &plan);
    }
    let done = session.rekey()?;
    if args.json {
        return print_json(&done);
    }
    println!("rekeyed: the vault now uses a new data key");
    if done != plan {
        // Something changed between the preview and the rekey (another process): say what.
        print_report("received the new data key", &done);
    }
    Ok(())
}

/// On stderr, so scripts reading stdout see what they saw before.
pub(crate) fn strength_hint(passphrase: &secrecy::SecretString) {
    let hint = tether_core::passphrase_strength(secrecy::ExposeSecret::expose_secret(passphrase));
    eprintln!("passphrase strength: {}", hint.message);
}

fn print_report(verb: &str, report: &RekeyReport) {
    println!("{verb}:");
    for r in &report.recipients {
        println!("  {:<24} {}", r.name, r.role.as_str());
    }
    for d in &report.dropped {
        println!("dropped key slot {}: {}", d.slot_id, d.reason.describe());
    }
    for u in &report.locked_out {
        println!(
            "warning: {} ({}) has no usable key slot and cannot sign in after this; reset their passphrase (`tether user reset {}`)",
            u.name,
            u.role.as_str(),
            u.name
        );
    }
}

pub fn backup(session: &mut Session, args: BackupArgs) -> Result<()> {
    let passphrase = secrets::if_allowed(session, Permission::Backup, || {
        secrets::new(secrets::BACKUP_PASSPHRASE, "Backup passphrase: ")
    })?;
    session.backup(&args.out, &passphrase)?;
    println!("backup written to {}", args.out.display());
    Ok(())
}

/// `tether restore`: no sign-in, the backup's own passphrase opens it.
pub fn restore(ctx: &Context, args: RestoreArgs) -> Result<()> {
    let passphrase = secrets::existing(secrets::BACKUP_PASSPHRASE, "Backup passphrase: ")?;
    let aside = tether_store::restore(&args.file, ctx.paths(), &passphrase, args.force)?;
    println!(
        "restored {} to {}",
        args.file.display(),
        ctx.paths().dir().display()
    );
    if let Some(aside) = aside {
        println!("the previous vault was moved to {}", aside.display());
    }
    Ok(())
}
