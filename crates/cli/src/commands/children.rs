//! `tether child`: add, show, list, edit.

use anyhow::Result;
use clap::{Args, Subcommand};
use tether_core::casework::input::{ChildInput, ProceedingsInput};
use tether_store::casework::{ChildSummary, ChildView, ListFilter, StatusFilter};
use tether_store::Session;

use crate::errors::invalid;
use crate::output::{line, print_json, report_created, thousands};

#[allow(clippy::large_enum_variant)] // parsed once per process
#[derive(Debug, Subcommand)]
pub enum ChildCommand {
    /// Add a child (checks for likely duplicates first; --confirm creates anyway)
    Add(ChildAddArgs),
    /// Show one child by id or case number (T-2026-000123)
    Show {
        child: String,
        #[arg(long)]
        json: bool,
    },
    /// List children by case number; when more are left, a note on stderr says how many
    List {
        #[arg(long)]
        json: bool,
        /// How many children to list, at least 1
        #[arg(long, default_value_t = 1000)]
        limit: u32,
        /// How many to skip first (with --limit, to page through a large vault)
        #[arg(long, default_value_t = 0)]
        offset: u32,
        /// open (the default), closed or all
        #[arg(long, default_value = "open")]
        status: String,
        /// Only the cases assigned to this user (a user name, or `me`)
        #[arg(long = "assigned-to")]
        assigned_to: Option<String>,
    },
    /// The case's history, newest first: calls, notes, changes, tasks done, printouts
    History {
        child: String,
        #[arg(long)]
        json: bool,
    },
    /// Change a child's details; only the fields given change. --sponsor and
    /// --sponsor-category set the child's link to their sponsor (ORR's category is the
    /// sponsor's *for this child*)
    Edit {
        child: String,
        #[command(flatten)]
        fields: ChildFields,
        /// The sponsor's id: links the child to this sponsor
        #[arg(long)]
        sponsor: Option<i64>,
        /// ORR category of the sponsor for this child: 1, 2A, 2B, 3 or 4 (empty clears it)
        #[arg(long = "sponsor-category")]
        sponsor_category: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Close the case with a reason: turned_18, moved_out_of_area, transferred,
    /// relief_granted, removed_or_departed, lost_contact, declined_services, other
    Close {
        child: String,
        #[arg(long)]
        reason: String,
        /// Required with --reason other
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Reopen a closed case, saying why
    Reopen {
        child: String,
        #[arg(long)]
        note: String,
        #[arg(long)]
        json: bool,
    },
    /// Void a record entered by mistake (an admin or its author): gone from lists, queues,
    /// exports and counts, kept in the history and the audit log
    Void {
        child: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    /// DUP is the same child as KEEP: everything on DUP moves to KEEP, and DUP's case number
    /// keeps finding KEEP
    Merge {
        keep: String,
        dup: String,
        #[arg(long)]
        json: bool,
    },
    /// Assign the case to a case manager (a user name, or `me`)
    Assign {
        child: String,
        /// The case manager's user name, or `me` (not `user`: that is the global sign-in
        /// option's name, which clap would fill with this value)
        #[arg(value_name = "USER")]
        assignee: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct ChildAddArgs {
    #[command(flatten)]
    fields: ChildFields,
    /// The sponsor's id (see `tether sponsor list`)
    #[arg(long)]
    sponsor: Option<i64>,
    /// not_served, served or filed
    #[arg(long = "nta-status")]
    nta_status: Option<String>,
    /// Date the NTA was served (YYYY-MM-DD)
    #[arg(long = "served-on")]
    served_on: Option<String>,
    /// EOIR court code (e.g. ATL, HOU; `tether courts` lists them)
    #[arg(long)]
    court: Option<String>,
    /// Next hearing, "YYYY-MM-DD HH:MM" in the court's local time
    #[arg(long = "next-hearing")]
    next_hearing: Option<String>,
    /// Create even when likely duplicates exist
    #[arg(long)]
    confirm: bool,
    #[arg(long)]
    json: bool,
}

impl ChildFields {
    /// Whether any field was given.
    fn any(&self) -> bool {
        let ChildFields {
            given_name,
            family_name,
            aliases,
            dob,
            sex,
            a_number,
            country,
            language,
            interpreter,
            release_date,
            orr_program,
            relationship,
            notes,
        } = self;
        !aliases.is_empty()
            || [
                given_name,
                family_name,
                dob,
                sex,
                a_number,
                country,
                language,
                interpreter,
                release_date,
                orr_program,
                relationship,
                notes,
            ]
            .iter()
            .any(|f| f.is_some())
    }
}

#[derive(Debug, Args, Default)]
pub struct ChildFields {
    #[arg(long = "given-name")]
    given_name: Option<String>,
    #[arg(long = "family-name")]
    family_name: Option<String>,
    /// Another name the child is known by (repeatable)
    #[arg(long = "alias")]
    aliases: Vec<String>,
    /// YYYY-MM-DD, or ~YYYY when only the year is known
    #[arg(long)]
    dob: Option<String>,
    /// female, male or other
    #[arg(long)]
    sex: Option<String>,
    /// A123456789, 123-456-789, A 123 456 789 (8 digits get a leading 0)
    #[arg(long = "a-number")]
    a_number: Option<String>,
    /// ISO code or country name (English or Spanish)
    #[arg(long)]
    country: Option<String>,
    /// ISO 639-3 code or name (quc, mam, kjb, spa, K'iche'…)
    #[arg(long)]
    language: Option<String>,
    /// yes or no
    #[arg(long)]
    interpreter: Option<String>,
    #[arg(long = "release-date")]
    release_date: Option<String>,
    #[arg(long = "orr-program")]
    orr_program: Option<String>,
    /// The sponsor's relationship to the child
    #[arg(long)]
    relationship: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

pub fn run(session: &mut Session, command: ChildCommand) -> Result<()> {
    match command {
        ChildCommand::Add(args) => add(session, args),
        ChildCommand::History { child, json } => {
            super::history::show_history(session, &child, json)
        }
        ChildCommand::Show { child, json } => {
            let view = session.show_child(&child)?;
            if json {
                print_json(&view)
            } else {
                print_child(&view);
                Ok(())
            }
        }
        ChildCommand::List {
            json,
            limit,
            offset,
            status,
            assigned_to,
        } => {
            if limit == 0 {
                return Err(invalid(
                    "limit",
                    "must be at least 1 (how many children to list)",
                ));
            }
            let filter = ListFilter {
                status: StatusFilter::parse(&status)?,
                assigned_to: assigned_to.map(|who| session.user_id(&who)).transpose()?,
            };
            let items = session.list_children(offset, limit, filter)?;
            let total = session.count_children(filter)?;
            if json {
                print_json(&items)?;
            } else {
                print_child_rows(items.iter());
            }
            // On stderr, so `--json` stays one array and stdout only rows.
            if let Some(note) = page_note(offset, items.len(), total) {
                eprintln!("{note}");
            }
            Ok(())
        }
        ChildCommand::Edit {
            child,
            mut fields,
            sponsor,
            sponsor_category,
            json,
        } => {
            let mut view = None;
            if sponsor.is_some() || sponsor_category.is_some() {
                let relationship = fields.relationship.take();
                view = Some(session.link_sponsor(
                    &child,
                    sponsor,
                    sponsor_category.as_deref(),
                    relationship.as_deref(),
                )?);
            }
            if fields.any() || view.is_none() {
                let current = session.show_child(&child)?;
                let mut input = input_from_view(&current);
                overlay(&mut input, fields);
                view = Some(session.update_child(&child, &input)?);
            }
            let Some(view) = view else {
                return Ok(());
            };
            super::lifecycle::report(&view, json, "updated")
        }
        ChildCommand::Close {
            child,
            reason,
            note,
            json,
        } => {
            let view = session.close_child(&child, &reason, note.as_deref())?;
            super::lifecycle::report(&view, json, "closed")
        }
        ChildCommand::Reopen { child, note, json } => {
            let view = session.reopen_child(&child, &note)?;
            super::lifecycle::report(&view, json, "reopened")
        }
        ChildCommand::Void {
            child,
            reason,
            json,
        } => {
            let view = session.void_child(&child, &reason)?;
            super::lifecycle::report(&view, json, "voided")
        }
        ChildCommand::Merge { keep, dup, json } => {
            let view = session.merge_children(&keep, &dup)?;
            super::lifecycle::report(&view, json, &format!("merged {dup} into"))
        }
        ChildCommand::Assign {
            child,
            assignee,
            json,
        } => {
            let view = session.assign_child(&child, &assignee)?;
            super::lifecycle::report(&view, json, "assigned")
        }
    }
}

fn add(session: &mut Session, args: ChildAddArgs) -> Result<()> {
    let mut input = ChildInput::default();
    overlay(&mut input, args.fields);
    let proceedings = ProceedingsInput {
        nta_status: args.nta_status.unwrap_or_default(),
        nta_served_on: args.served_on.unwrap_or_default(),
        court_code: args.court.unwrap_or_default(),
        next_hearing: args.next_hearing.unwrap_or_default(),
    };
    let outcome = session.create_child(&input, &proceedings, args.sponsor, args.confirm)?;
    report_created(outcome, args.json, "child")
}

/// The flags given replace the input's values; the others keep theirs.
fn overlay(input: &mut ChildInput, f: ChildFields) {
    let set = |slot: &mut String, v: Option<String>| {
        if let Some(v) = v {
            *slot = v;
        }
    };
    set(&mut input.given_name, f.given_name);
    set(&mut input.family_name, f.family_name);
    if !f.aliases.is_empty() {
        input.aliases = f.aliases;
    }
    set(&mut input.birth_date, f.dob);
    set(&mut input.sex, f.sex);
    set(&mut input.a_number, f.a_number);
    set(&mut input.country_of_birth, f.country);
    set(&mut input.primary_language, f.language);
    set(&mut input.interpreter_needed, f.interpreter);
    set(&mut input.release_date, f.release_date);
    set(&mut input.orr_program, f.orr_program);
    set(&mut input.relationship, f.relationship);
    set(&mut input.notes, f.notes);
}

/// The stored child as input again, so an edit changes only what was given.
fn input_from_view(v: &ChildView) -> ChildInput {
    ChildInput {
        given_name: v.given_name.clone(),
        family_name: v.family_name.clone(),
        aliases: v.aliases.clone(),
        birth_date: v.birth_date.clone().flatten().unwrap_or_default(),
        sex: v.sex.clone().flatten().unwrap_or_default(),
        a_number: v.a_number.clone().unwrap_or_default(),
        country_of_birth: v.country_of_birth.clone().flatten().unwrap_or_default(),
        primary_language: v.primary_language.clone().unwrap_or_default(),
        interpreter_needed: if v.interpreter_needed { "yes" } else { "no" }.into(),
        release_date: v.release_date.clone().flatten().unwrap_or_default(),
        orr_program: v.orr_program.clone().flatten().unwrap_or_default(),
        relationship: v.relationship.clone().flatten().unwrap_or_default(),
        notes: v.notes.clone(),
    }
}

fn print_child(v: &ChildView) {
    println!("{}  {} {}", v.case_number, v.given_name, v.family_name);
    line(
        "status",
        Some(&match (&v.closed_reason, &v.closed_on) {
            (Some(reason), Some(on)) => format!("{} ({reason}, {on})", v.status),
            _ => v.status.clone(),
        }),
    );
    if let Some(age) = v.age {
        line("age", Some(&age.to_string()));
    }
    if let Some(who) = &v.assigned_to {
        line("assigned to", Some(who));
    }
    if !v.merged_from.is_empty() {
        line("merged from", Some(&v.merged_from.join(", ")));
    }
    if !v.aliases.is_empty() {
        line("also known as", Some(&v.aliases.join(", ")));
    }
    shown("born", &v.birth_date);
    if let Some(a) = &v.a_number_display {
        line("A-Number", Some(a));
    }
    shown("country of birth", &v.country_of_birth);
    let language = v
        .primary_language_name
        .as_deref()
        .or(v.primary_language.as_deref());
    line(
        "language",
        language
            .map(|l| {
                if v.interpreter_needed {
                    format!("{l} (interpreter needed)")
                } else {
                    l.to_owned()
                }
            })
            .as_deref(),
    );
    shown("released", &v.release_date);
    shown("ORR program", &v.orr_program);
    if let Some(status) = &v.nta_status {
        line(
            "NTA",
            Some(&match v.nta_served_on.clone().flatten() {
                Some(d) => format!("{status} on {d}"),
                None => status.clone(),
            }),
        );
    }
    if let Some(c) = &v.court {
        line("court", Some(&format!("{} ({})", c.name, c.code)));
    }
    for h in &v.hearings {
        let judge = h.judge.as_deref().map(|j| format!(", judge {j}"));
        let outcome = h.outcome.as_deref().map(|o| format!(" — {o}"));
        line(
            "hearing",
            Some(&format!(
                "#{} {} {} {}{}{}",
                h.id,
                h.at,
                h.kind,
                h.court_code,
                judge.unwrap_or_default(),
                outcome.unwrap_or_default()
            )),
        );
    }
    if let Some(a) = &v.attorney {
        line("attorney", Some(a));
    }
    if let Some(d) = &v.last_acis_check {
        line("last ACIS check", Some(d));
    }
    if let Some(s) = &v.sponsor {
        let relationship = match &v.relationship {
            Some(r) => format!(" — {}", r.as_deref().unwrap_or("relationship unknown")),
            None => String::new(),
        };
        let relationship = match v.sponsor_category.clone().flatten() {
            Some(c) => format!("{relationship}, category {c}"),
            None => relationship,
        };
        line(
            "sponsor",
            Some(&format!(
                "{} {} (id {}){relationship}",
                s.given_name, s.family_name, s.id,
            )),
        );
        line("phones", Some(&s.phones.join(", ")));
    }
    if !v.notes.is_empty() {
        line("notes", Some(&v.notes));
    }
}

/// A line for a field this user may see (`None`: withheld, no line at all).
fn shown(label: &str, value: &Option<Option<String>>) {
    if let Some(v) = value {
        line(label, v.as_deref());
    }
}

/// One line per child: case number, name, language, release date, sponsor.
fn print_child_rows<'a>(items: impl Iterator<Item = &'a ChildSummary>) {
    for c in items {
        println!(
            "{}  {:<32} {:>3} {:<5} {:<10} {:<6} {}",
            c.case_number,
            format!("{} {}", c.given_name, c.family_name),
            c.age.map(|a| a.to_string()).unwrap_or_default(),
            c.primary_language.as_deref().unwrap_or_default(),
            c.release_date.clone().flatten().unwrap_or_default(),
            c.status,
            c.sponsor_name.as_deref().unwrap_or_default()
        );
    }
}

/// When a page of `shown` children from `offset` leaves some of the vault's `total` out (after
/// it, or before it when paging), says so and how to see the rest: "showing 1,000 of 20,000; use --limit/--offset".
fn page_note(offset: u32, shown: usize, total: u32) -> Option<String> {
    let total = usize::try_from(total).unwrap_or(usize::MAX);
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    if shown >= total {
        return None;
    }
    let from = if offset == 0 {
        String::new()
    } else {
        format!(" from number {}", thousands(offset.saturating_add(1)))
    };
    Some(format!(
        "showing {} of {}{from}; use --limit/--offset",
        thousands(shown),
        thousands(total)
    ))
}

#[cfg(test)]
mod tests {
    use super::page_note;

    #[test]
    fn a_page_that_leaves_children_out_says_so() {
        assert_eq!(
            page_note(0, 1000, 20_000).as_deref(),
            Some("showing 1,000 of 20,000; use --limit/--offset")
        );
        assert_eq!(
            page_note(19_500, 500, 20_000).as_deref(),
            Some("showing 500 of 20,000 from number 19,501; use --limit/--offset")
        );
        assert_eq!(
            page_note(25_000, 0, 20_000).as_deref(),
            Some("showing 0 of 20,000 from number 25,001; use --limit/--offset")
        );
        assert_eq!(page_note(0, 7, 7), None);
        assert_eq!(page_note(0, 0, 0), None);
    }
}
