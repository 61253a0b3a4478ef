//! `tether sponsor`: add, show, list, move.

use anyhow::Result;
use clap::{Args, Subcommand};
use tether_core::casework::input::SponsorInput;
use tether_store::casework::{HouseholdMember, SponsorView};
use tether_store::Session;

use super::day_or_today;
use crate::output::{line, print_json, report_created};

#[allow(clippy::large_enum_variant)] // parsed once per process
#[derive(Debug, Subcommand)]
pub enum SponsorCommand {
    /// Add a sponsor (checks for likely duplicates first; --confirm creates anyway)
    Add(SponsorAddArgs),
    /// Show one sponsor and their children
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// List sponsors
    List {
        #[arg(long)]
        json: bool,
    },
    /// Record a new address for a sponsor (the old one is kept in the history)
    Move(SponsorMoveArgs),
    /// Correct a sponsor's details; only the fields given change. An address given here is
    /// a correction (a typo): a move is `sponsor move`, which starts the EOIR-33 deadline
    Edit(SponsorEditArgs),
    /// DUP is the same person as KEEP: DUP's children, numbers and addresses move to KEEP
    Merge {
        keep: i64,
        dup: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct SponsorEditArgs {
    /// The sponsor's id
    id: i64,
    #[arg(long = "given-name")]
    given_name: Option<String>,
    #[arg(long = "family-name")]
    family_name: Option<String>,
    /// ORR category given when the sponsor was entered (each child's own is set with
    /// `child edit --sponsor-category`)
    #[arg(long)]
    category: Option<String>,
    /// Replaces every number (repeatable, first = the one to call first)
    #[arg(long = "phone")]
    phones: Vec<String>,
    /// Adds a number, to call first (repeatable)
    #[arg(long = "add-phone")]
    add_phones: Vec<String>,
    /// Removes a number (repeatable)
    #[arg(long = "remove-phone")]
    remove_phones: Vec<String>,
    #[arg(long = "address-line1")]
    address_line1: Option<String>,
    #[arg(long = "unit")]
    unit: Option<String>,
    #[arg(long)]
    city: Option<String>,
    #[arg(long)]
    state: Option<String>,
    #[arg(long = "zip")]
    postal_code: Option<String>,
    #[arg(long = "time-zone")]
    time_zone: Option<String>,
    /// Someone else in the home, "Name: relationship" (repeatable; replaces the list)
    #[arg(long = "household")]
    household: Vec<String>,
    /// Empties the household list
    #[arg(long = "clear-household", conflicts_with = "household")]
    clear_household: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct SponsorAddArgs {
    #[arg(long = "given-name")]
    given_name: String,
    #[arg(long = "family-name")]
    family_name: String,
    /// ORR category: 1, 2A, 2B, 3 or 4
    #[arg(long)]
    category: Option<String>,
    /// Phone (repeatable); without a country code it is a US number
    #[arg(long = "phone")]
    phones: Vec<String>,
    #[arg(long = "address-line1")]
    address_line1: Option<String>,
    /// Apartment or unit
    #[arg(long = "unit")]
    unit: Option<String>,
    #[arg(long)]
    city: Option<String>,
    /// Two-letter US state
    #[arg(long)]
    state: Option<String>,
    #[arg(long = "zip")]
    postal_code: Option<String>,
    /// IANA time zone, when the state's is wrong for this sponsor
    #[arg(long = "time-zone")]
    time_zone: Option<String>,
    #[arg(long)]
    confirm: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct SponsorMoveArgs {
    /// The sponsor's id
    id: i64,
    #[arg(long = "address-line1")]
    address_line1: String,
    #[arg(long = "unit")]
    unit: Option<String>,
    #[arg(long)]
    city: String,
    #[arg(long)]
    state: String,
    #[arg(long = "zip")]
    postal_code: String,
    #[arg(long = "time-zone")]
    time_zone: Option<String>,
    /// The day the new address was learned (default: today); starts the EOIR-33 deadline
    #[arg(long = "on")]
    on: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(session: &mut Session, command: SponsorCommand) -> Result<()> {
    match command {
        SponsorCommand::Add(args) => add(session, args),
        SponsorCommand::Show { id, json } => {
            let view = session.show_sponsor(id)?;
            if json {
                print_json(&view)
            } else {
                print_sponsor(&view);
                Ok(())
            }
        }
        SponsorCommand::Move(args) => move_to(session, args),
        SponsorCommand::Edit(args) => edit(session, args),
        SponsorCommand::Merge { keep, dup, json } => {
            let view = session.merge_sponsors(keep, dup)?;
            if json {
                return print_json(&view);
            }
            println!(
                "merged sponsor {dup} into {} {} (id {}): {} children",
                view.given_name,
                view.family_name,
                view.id,
                view.children.len()
            );
            Ok(())
        }
        SponsorCommand::List { json } => {
            let sponsors = session.list_sponsors()?;
            if json {
                return print_json(&sponsors);
            }
            for s in sponsors {
                println!(
                    "{:>6}  {:<32} {:<3} {}",
                    s.id,
                    format!("{} {}", s.given_name, s.family_name),
                    s.category.flatten().unwrap_or_default(),
                    s.phones.join(", ")
                );
            }
            Ok(())
        }
    }
}

fn add(session: &mut Session, a: SponsorAddArgs) -> Result<()> {
    let input = SponsorInput {
        given_name: a.given_name,
        family_name: a.family_name,
        category: a.category.unwrap_or_default(),
        phones: a.phones,
        address_line1: a.address_line1.unwrap_or_default(),
        address_line2: a.unit.unwrap_or_default(),
        city: a.city.unwrap_or_default(),
        state: a.state.unwrap_or_default(),
        postal_code: a.postal_code.unwrap_or_default(),
        time_zone: a.time_zone,
    };
    let outcome = session.create_sponsor(&input, a.confirm)?;
    report_created(outcome, a.json, "sponsor")
}

fn edit(session: &mut Session, a: SponsorEditArgs) -> Result<()> {
    let (mut input, mut household) = session.sponsor_form(a.id)?;
    let set = |slot: &mut String, v: Option<String>| {
        if let Some(v) = v {
            *slot = v;
        }
    };
    set(&mut input.given_name, a.given_name);
    set(&mut input.family_name, a.family_name);
    set(&mut input.category, a.category);
    set(&mut input.address_line1, a.address_line1);
    set(&mut input.address_line2, a.unit);
    set(&mut input.city, a.city);
    set(&mut input.state, a.state);
    set(&mut input.postal_code, a.postal_code);
    if a.time_zone.is_some() {
        input.time_zone = a.time_zone;
    }
    if !a.phones.is_empty() {
        input.phones = a.phones;
    }
    for added in a.add_phones.into_iter().rev() {
        input.phones.insert(0, added);
    }
    if !a.remove_phones.is_empty() {
        let removed: Vec<String> = a.remove_phones.iter().map(|p| digits(p)).collect();
        // A number that is not the sponsor's is a typo: say so rather than change nothing.
        if let Some(unknown) = a
            .remove_phones
            .iter()
            .find(|r| !input.phones.iter().any(|p| digits(p) == digits(r)))
        {
            return Err(crate::errors::invalid(
                "remove-phone",
                format!("{unknown} is not one of the sponsor's numbers"),
            ));
        }
        input.phones.retain(|p| !removed.contains(&digits(p)));
    }
    if a.clear_household {
        household.clear();
    } else if !a.household.is_empty() {
        household = a
            .household
            .iter()
            .map(|m| {
                let (name, relationship) = m.split_once(':').unwrap_or((m, ""));
                HouseholdMember {
                    name: name.trim().to_owned(),
                    relationship: relationship.trim().to_owned(),
                }
            })
            .collect();
    }
    let view = session.update_sponsor(a.id, &input, &household)?;
    if a.json {
        return print_json(&view);
    }
    println!(
        "updated sponsor {} {} (id {})",
        view.given_name, view.family_name, view.id
    );
    Ok(())
}

/// A number's last ten digits, to match `--remove-phone` however it is written.
fn digits(phone: &str) -> String {
    let all: String = phone.chars().filter(char::is_ascii_digit).collect();
    all.chars()
        .skip(all.chars().count().saturating_sub(10))
        .collect()
}

fn move_to(session: &mut Session, a: SponsorMoveArgs) -> Result<()> {
    let on = day_or_today(session, a.on.as_deref())?;
    let address = SponsorInput {
        address_line1: a.address_line1,
        address_line2: a.unit.unwrap_or_default(),
        city: a.city,
        state: a.state,
        postal_code: a.postal_code,
        time_zone: a.time_zone,
        ..SponsorInput::default()
    };
    let view = session.record_address_change(a.id, &address, on)?;
    if a.json {
        return print_json(&view);
    }
    println!(
        "{} {} moved on {on}; the EOIR-33 change of address is due within 5 working days",
        view.given_name, view.family_name
    );
    if let Some(why) = view.address_incomplete.flatten() {
        println!("note: the new address looks incomplete ({why})");
    }
    Ok(())
}

fn print_sponsor(s: &SponsorView) {
    let category = match &s.category {
        Some(c) => format!(", category {}", c.as_deref().unwrap_or("?")),
        None => String::new(),
    };
    println!(
        "{} {}  (id {}{category})",
        s.given_name, s.family_name, s.id
    );
    line("phones", Some(&s.phones.join(", ")));
    for dead in &s.phones_not_working {
        line(
            "not working",
            Some(&format!("{} (since {})", dead.phone, dead.since)),
        );
    }
    if let Some(a) = &s.address {
        let parts: Vec<&str> = [&a.line1, &a.unit, &a.city, &a.state, &a.postal_code]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        line("address", Some(&parts.join(", ")));
    }
    if let Some(Some(why)) = &s.address_incomplete {
        line("address incomplete", Some(why));
    }
    line("time zone", Some(&s.time_zone));
    for m in &s.household {
        line(
            "household",
            Some(&format!("{} ({})", m.name, m.relationship)),
        );
    }
    for c in &s.children {
        let category = c
            .sponsor_category
            .clone()
            .flatten()
            .map(|k| format!(", category {k}"))
            .unwrap_or_default();
        line(
            "child",
            Some(&format!(
                "{} {} {} ({}{category})",
                c.case_number, c.given_name, c.family_name, c.status
            )),
        );
    }
}
