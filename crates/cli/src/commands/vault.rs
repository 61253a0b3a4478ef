//! The vault itself: `init`, `passwd`, `rekey`, `backup`, `restore`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use tether_core::Permission;
use tether_store::Session;

use crate::context::Context;
use crate::secrets;

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
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
    println!("passphrase changed for {}", session.user().name);
    Ok(())
}

pub fn rekey(session: &mut Session) -> Result<()> {
    session.rekey()?;
    println!("rekeyed: the vault now uses a new data key");
    Ok(())
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
