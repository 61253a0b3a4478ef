//! What each role may see of a case. Pure rules: the store and the app apply them before a
//! record leaves the vault, so a volunteer's screen never receives what it may not show.

use crate::Role;

use super::BirthDate;

/// Which parts of a child's case a role sees. What a volunteer needs to make a Safety &
/// Well-Being call is visible to every role: the child's given name and family initial, the
/// sponsor's name, phones and time zone (the local calling window), the child's language and
/// whether an interpreter is needed, and the calls of their queue (due day, attempt, earlier
/// outcomes). README's "Roles" table lists the same, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Visibility {
    pub a_number: bool,
    /// The sponsor's street address.
    pub address: bool,
    /// Court, hearing dates, NTA and other proceedings detail.
    pub court_detail: bool,
    /// Otherwise the birth year only.
    pub full_birth_date: bool,
    /// Otherwise given name + family initial (`María R.`).
    pub full_child_name: bool,
    /// Who the child is beyond the call: birth date, sex, country of birth, release date, ORR
    /// program, relationship to the sponsor, NTA status, aliases, notes, the sponsor's ORR
    /// category and why their address is incomplete. Otherwise these are left out.
    pub case_detail: bool,
    /// Tasks other than Safety & Well-Being calls: hearing reminders (their due day minus 7 is
    /// the hearing date), ACIS re-checks and EOIR-33 deadlines (they tell the NTA's state and
    /// a move), escalations. Otherwise the call tasks only.
    pub all_tasks: bool,
}

impl Visibility {
    pub const EVERYTHING: Visibility = Visibility {
        a_number: true,
        address: true,
        court_detail: true,
        full_birth_date: true,
        full_child_name: true,
        case_detail: true,
        all_tasks: true,
    };

    /// Admins and case managers see everything; a volunteer sees what the calls need (above)
    /// and nothing else: no A-Number, address, court detail, birth date or other case detail.
    pub fn for_role(role: Role) -> Visibility {
        match role {
            Role::Admin | Role::CaseManager => Visibility::EVERYTHING,
            Role::Volunteer => Visibility {
                a_number: false,
                address: false,
                court_detail: false,
                full_birth_date: false,
                full_child_name: false,
                case_detail: false,
                all_tasks: false,
            },
        }
    }
}

/// The child's name as this visibility allows: `María Ramírez`, or `María R.` without the
/// full name. The initial is the family name's first letter (`de León` → `D.`); a blank
/// family name shows the given name alone.
pub fn display_child_name(given: &str, family: &str, vis: Visibility) -> String {
    let given = given.split_whitespace().collect::<Vec<_>>().join(" ");
    let family = family.split_whitespace().collect::<Vec<_>>().join(" ");
    if vis.full_child_name {
        return match (given.is_empty(), family.is_empty()) {
            (_, true) => given,
            (true, false) => family,
            _ => format!("{given} {family}"),
        };
    }
    let initial: String = family
        .chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    match (given.is_empty(), initial.is_empty()) {
        (_, true) => given,
        (true, false) => format!("{initial}."),
        _ => format!("{given} {initial}."),
    }
}

/// The birth date as this visibility allows: `2009-03-14` / `~2009`, or the year alone.
pub fn display_birth_date(birth: &BirthDate, vis: Visibility) -> String {
    if vis.full_birth_date {
        birth.to_string()
    } else {
        match birth {
            BirthDate::Exact(_) => birth.year().to_string(),
            BirthDate::Estimated { year } => format!("~{year}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn role_matrix() {
        // (role, a_number, address, court_detail, full_birth_date, full_child_name,
        //  case_detail, all_tasks)
        let rows = [
            (Role::Admin, [true; 7]),
            (Role::CaseManager, [true; 7]),
            (Role::Volunteer, [false; 7]),
        ];
        for (role, want) in rows {
            let v = Visibility::for_role(role);
            assert_eq!(
                [
                    v.a_number,
                    v.address,
                    v.court_detail,
                    v.full_birth_date,
                    v.full_child_name,
                    v.case_detail,
                    v.all_tasks,
                ],
                want,
                "{role}"
            );
        }
    }

    #[test]
    fn child_names_per_role() {
        let full = Visibility::for_role(Role::CaseManager);
        let vol = Visibility::for_role(Role::Volunteer);
        let cases = [
            ("María", "Ramírez", "María Ramírez", "María R."),
            (
                "  José  Luis ",
                " Pérez López ",
                "José Luis Pérez López",
                "José Luis P.",
            ),
            ("Ana", "de León", "Ana de León", "Ana D."),
            ("Ana", "ñuñoa", "Ana ñuñoa", "Ana Ñ."),
            ("Ixchel", "", "Ixchel", "Ixchel"),
            ("", "Xol", "Xol", "X."),
            ("Ana", "'Ochoa", "Ana 'Ochoa", "Ana O."),
        ];
        for (given, family, want_full, want_vol) in cases {
            assert_eq!(display_child_name(given, family, full), want_full);
            assert_eq!(display_child_name(given, family, vol), want_vol);
        }
    }

    #[test]
    fn birth_dates_per_role() {
        let vol = Visibility::for_role(Role::Volunteer);
        let exact = BirthDate::Exact(NaiveDate::from_ymd_opt(2009, 3, 14).expect("date"));
        assert_eq!(
            display_birth_date(&exact, Visibility::EVERYTHING),
            "2009-03-14"
        );
        assert_eq!(display_birth_date(&exact, vol), "2009");
        let est = BirthDate::Estimated { year: 2010 };
        assert_eq!(display_birth_date(&est, vol), "~2010");
    }
}
