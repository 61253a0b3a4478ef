//! Running the casework commands.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use chrono::NaiveDateTime;
use tether_core::casework::input::{ChildInput, ProceedingsInput, SponsorInput};
use tether_core::casework::{
    parse_date, parse_local_datetime, HearingOutcome, HearingType, NtaStatus,
};
use tether_store::casework::{ChildView, CreateOutcome, SponsorView};
use tether_store::{Session, StoreError};

use crate::cases_cli::{
    ChildAddArgs, ChildCommand, ChildFields, DemoArgs, ExportArgs, HearingAddArgs, HearingKindArg,
    HearingSetArgs, ImportArgs, NtaSetArgs, NtaStatusArg, ProceedingsSetArgs, SponsorAddArgs,
    SponsorCommand, SponsorMoveArgs,
};
use crate::run::print_json;

pub fn child(session: &mut Session, command: ChildCommand) -> Result<()> {
    match command {
        ChildCommand::Add(args) => child_add(session, args),
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
        } => {
            let items = session.list_children(offset, limit)?;
            if json {
                return print_json(&items);
            }
            for c in items {
                println!(
                    "{}  {:<32} {:<5} {:<10} {}",
                    c.case_number,
                    format!("{} {}", c.given_name, c.family_name),
                    c.primary_language.unwrap_or_default(),
                    c.release_date.unwrap_or_default(),
                    c.sponsor_name.unwrap_or_default()
                );
            }
            Ok(())
        }
        ChildCommand::Edit {
            child,
            fields,
            json,
        } => {
            let current = session.show_child(&child)?;
            let mut input = input_from_view(&current);
            overlay(&mut input, fields);
            let view = session.update_child(&child, &input)?;
            if json {
                print_json(&view)
            } else {
                println!("updated {}", view.case_number);
                Ok(())
            }
        }
    }
}

fn child_add(session: &mut Session, args: ChildAddArgs) -> Result<()> {
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

fn report_created(outcome: CreateOutcome, json: bool, what: &str) -> Result<()> {
    if json {
        print_json(&outcome)?;
    }
    match outcome {
        CreateOutcome::Created { id, case_number } => {
            if !json {
                match case_number {
                    Some(case) => println!("created {what} {case} (id {id})"),
                    None => println!("created {what} {id}"),
                }
            }
            Ok(())
        }
        CreateOutcome::NeedsConfirmation { matches } => {
            if !json {
                for m in &matches {
                    eprintln!(
                        "  possible duplicate: {} {} {} ({})",
                        m.kind,
                        m.id,
                        m.label,
                        m.reason.replace('_', " ")
                    );
                }
            }
            Err(StoreError::Conflict(format!(
                "{} likely duplicate(s) found; nothing was created (check them, then add --confirm to create anyway)",
                matches.len()
            ))
            .into())
        }
    }
}

pub fn sponsor(session: &mut Session, command: SponsorCommand) -> Result<()> {
    match command {
        SponsorCommand::Add(args) => sponsor_add(session, args),
        SponsorCommand::Show { id, json } => {
            let view = session.show_sponsor(id)?;
            if json {
                print_json(&view)
            } else {
                print_sponsor(&view);
                Ok(())
            }
        }
        SponsorCommand::Move(args) => sponsor_move(session, args),
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
                    s.category.unwrap_or_default(),
                    s.phones.join(", ")
                );
            }
            Ok(())
        }
    }
}

fn sponsor_add(session: &mut Session, a: SponsorAddArgs) -> Result<()> {
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

pub fn hearing_add(session: &mut Session, a: HearingAddArgs) -> Result<()> {
    let at: NaiveDateTime = parse_local_datetime("at", &a.at).map_err(|e| invalid("at", e))?;
    let kind = match a.kind {
        HearingKindArg::Master => HearingType::Master,
        HearingKindArg::Individual => HearingType::Individual,
    };
    let mut hearing = session.add_hearing(&a.child, at, &a.court, kind)?;
    if let Some(judge) = a.judge.as_deref() {
        hearing = session.set_hearing_result(hearing.id, None, Some(judge))?;
    }
    if a.json {
        return print_json(&hearing);
    }
    println!(
        "hearing added: {} {} at {} ({})",
        hearing.kind,
        hearing.at,
        hearing.court_name.unwrap_or(hearing.court_code),
        hearing.time_zone.unwrap_or_default()
    );
    Ok(())
}

pub fn hearing_set(session: &mut Session, a: HearingSetArgs) -> Result<()> {
    let outcome = a
        .outcome
        .as_deref()
        .map(|o| HearingOutcome::parse(o).map_err(|e| invalid("outcome", e)))
        .transpose()?;
    let hearing = session.set_hearing_result(a.hearing, outcome, a.judge.as_deref())?;
    if a.json {
        return print_json(&hearing);
    }
    println!(
        "hearing {} on {}: {}{}",
        hearing.id,
        hearing.at,
        hearing.outcome.as_deref().unwrap_or("no outcome yet"),
        hearing
            .judge
            .map(|j| format!(", judge {j}"))
            .unwrap_or_default()
    );
    Ok(())
}

pub fn proceedings_set(session: &mut Session, a: ProceedingsSetArgs) -> Result<()> {
    let acis = a
        .acis_checked
        .as_deref()
        .map(|d| parse_date("acis-checked", d).map_err(|e| invalid("acis_checked", e)))
        .transpose()?;
    let view = session.set_proceedings(&a.child, a.attorney.as_deref(), acis)?;
    println!(
        "{}: attorney {}, last ACIS check {}",
        view.case_number,
        view.attorney.as_deref().unwrap_or("none"),
        view.last_acis_check.as_deref().unwrap_or("never")
    );
    Ok(())
}

fn sponsor_move(session: &mut Session, a: SponsorMoveArgs) -> Result<()> {
    let on = match a.on.as_deref() {
        Some(d) => parse_date("on", d).map_err(|e| invalid("on", e))?,
        None => session.today(),
    };
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
    if let Some(why) = view.address_incomplete {
        println!("note: the new address looks incomplete ({why})");
    }
    Ok(())
}

pub fn nta_set(session: &mut Session, a: NtaSetArgs) -> Result<()> {
    let status = match a.status {
        NtaStatusArg::NotServed => NtaStatus::NotServed,
        NtaStatusArg::Served => NtaStatus::Served,
        NtaStatusArg::Filed => NtaStatus::Filed,
    };
    let served_on = a
        .served_on
        .as_deref()
        .map(|d| parse_date("served-on", d).map_err(|e| invalid("served_on", e)))
        .transpose()?;
    let view = session.set_nta(&a.child, status, served_on)?;
    println!("{}: NTA {}", view.case_number, view.nta_status);
    Ok(())
}

pub fn import(session: &mut Session, a: ImportArgs) -> Result<()> {
    let show_progress = std::io::stderr().is_terminal();
    let mut progress = |done: usize, total: usize| {
        if show_progress && total >= 1000 {
            eprint!("\rimporting {done}/{total}");
            let _ = std::io::stderr().flush();
        }
    };
    let result = session.import_release_records(&a.file, a.skip_invalid, &mut progress);
    if show_progress {
        eprintln!();
    }
    let report = match result {
        Ok(report) => report,
        Err(StoreError::ImportRejected { file, rows, errors }) => {
            for e in &errors {
                eprintln!("{}:{}: {}: {}", file.display(), e.line, e.column, e.reason);
            }
            return Err(StoreError::ImportRejected { file, rows, errors }.into());
        }
        Err(e) => return Err(e.into()),
    };
    if a.json {
        return print_json(&report);
    }
    println!(
        "imported {} of {} rows: {} children created, {} already present, {} sponsors created",
        report.imported_rows,
        report.rows,
        report.children_created,
        report.children_already_present,
        report.sponsors_created
    );
    if let Some(rejected) = &report.rejected_file {
        println!(
            "{} rows were rejected and written with a reason column to {}",
            report.rejected_rows,
            rejected.display()
        );
    }
    Ok(())
}

pub fn export(session: &mut Session, a: ExportArgs) -> Result<()> {
    let reason = if a.full {
        a.reason.as_deref().or(Some(""))
    } else {
        None
    };
    let rows = session.export_csv(&a.out, reason)?;
    println!(
        "exported {rows} children to {} ({})",
        a.out.display(),
        if a.full {
            "full"
        } else {
            "redacted: no A-Number, address, phone; birth year only"
        }
    );
    Ok(())
}

pub fn demo(session: &mut Session, a: DemoArgs) -> Result<()> {
    let show_progress = std::io::stderr().is_terminal();
    let mut progress = |done: usize, total: usize| {
        if show_progress {
            eprint!("\rgenerating {done}/{total}");
        }
    };
    let report = session.import_demo(a.children, a.seed, &mut progress)?;
    if show_progress {
        eprintln!();
    }
    println!(
        "demo data: {} synthetic children, {} sponsors (clearly marked DEMO)",
        report.children_created, report.sponsors_created
    );
    Ok(())
}

fn invalid(field: &'static str, e: impl std::fmt::Display) -> anyhow::Error {
    StoreError::invalid(field, e.to_string()).into()
}

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
        birth_date: v.birth_date.clone().unwrap_or_default(),
        sex: v.sex.clone().unwrap_or_default(),
        a_number: v.a_number.clone().unwrap_or_default(),
        country_of_birth: v.country_of_birth.clone().unwrap_or_default(),
        primary_language: v.primary_language.clone().unwrap_or_default(),
        interpreter_needed: if v.interpreter_needed { "yes" } else { "no" }.into(),
        release_date: v.release_date.clone().unwrap_or_default(),
        orr_program: v.orr_program.clone().unwrap_or_default(),
        relationship: v.relationship.clone().unwrap_or_default(),
        notes: v.notes.clone(),
    }
}

fn line(label: &str, value: Option<&str>) {
    println!(
        "  {label:<20} {}",
        value.filter(|v| !v.is_empty()).unwrap_or("—")
    );
}

fn print_child(v: &ChildView) {
    println!("{}  {} {}", v.case_number, v.given_name, v.family_name);
    if !v.aliases.is_empty() {
        line("also known as", Some(&v.aliases.join(", ")));
    }
    line("born", v.birth_date.as_deref());
    if let Some(a) = &v.a_number_display {
        line("A-Number", Some(a));
    }
    line("country of birth", v.country_of_birth.as_deref());
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
    line("released", v.release_date.as_deref());
    line("ORR program", v.orr_program.as_deref());
    line(
        "NTA",
        Some(&match &v.nta_served_on {
            Some(d) => format!("{} on {d}", v.nta_status),
            None => v.nta_status.clone(),
        }),
    );
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
        line(
            "sponsor",
            Some(&format!(
                "{} {} (id {}) — {}",
                s.given_name,
                s.family_name,
                s.id,
                v.relationship.as_deref().unwrap_or("relationship unknown")
            )),
        );
        line("phones", Some(&s.phones.join(", ")));
    }
    if !v.notes.is_empty() {
        line("notes", Some(&v.notes));
    }
}

fn print_sponsor(s: &SponsorView) {
    println!(
        "{} {}  (id {}, category {})",
        s.given_name,
        s.family_name,
        s.id,
        s.category.as_deref().unwrap_or("?")
    );
    line("phones", Some(&s.phones.join(", ")));
    if let Some(a) = &s.address {
        let parts: Vec<&str> = [&a.line1, &a.unit, &a.city, &a.state, &a.postal_code]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        line("address", Some(&parts.join(", ")));
    }
    if let Some(why) = &s.address_incomplete {
        line("address incomplete", Some(why));
    }
    line("time zone", Some(&s.time_zone));
    for c in &s.children {
        line(
            "child",
            Some(&format!(
                "{} {} {}",
                c.case_number, c.given_name, c.family_name
            )),
        );
    }
}
