//! The call queue and the task list a page at a time: every page together is the whole list,
//! in its order, with the same count, whatever the cases' states and whoever reads; and the
//! dashboard's cheap counts equal the lists they count.

mod common;

use chrono::{DateTime, Days, NaiveDate, Utc};
use common::Clinic;
use tether_store::followup::{
    CallDue, DueWindow, FlagPage, FlagView, PageRange, TaskFilter, TaskView,
};
use tether_store::Session;

const PAGE: u32 = 37;

/// A demo caseload with closed, voided, merged and assigned cases and acknowledged flags.
fn varied_clinic() -> (Clinic, common::Staff) {
    let (clinic, mut staff) = Clinic::new();
    let admin = &mut staff.admin;
    admin
        .import_demo(240, 7, &mut |_, _| {})
        .expect("demo cases");
    let cases: Vec<String> = admin
        .list_children(0, 240, Default::default())
        .expect("the children")
        .into_iter()
        .map(|c| c.case_number)
        .collect();
    admin
        .close_child(&cases[0], "turned_18", None)
        .expect("a case closes");
    admin
        .void_child(&cases[1], "entered twice by mistake")
        .expect("a case is voided");
    admin
        .merge_children(&cases[2], &cases[3])
        .expect("two cases merge");
    for case in cases.iter().skip(4).step_by(3) {
        admin.assign_child(case, "me").expect("a case is assigned");
    }
    let flags = admin.red_flags().expect("the flags");
    for flag in flags.iter().step_by(2) {
        admin
            .acknowledge_flag(&flag.flag_id, "called the sponsor back")
            .expect("a flag is acknowledged");
    }
    (clinic, staff)
}

fn every_page_of_calls(
    s: &mut Session,
    window: DueWindow,
    now: DateTime<Utc>,
) -> (u32, Vec<CallDue>) {
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let page = s
            .calls_due_page(
                window,
                now,
                PageRange {
                    offset,
                    limit: PAGE,
                },
            )
            .expect("a page of the queue");
        let total = page.total;
        let n = page.items.len();
        all.extend(page.items);
        offset += PAGE;
        if n < PAGE as usize {
            assert_eq!(
                offset - PAGE + n as u32,
                total,
                "the last page ends at the total"
            );
            return (total, all);
        }
    }
}

fn every_page_of_tasks(s: &mut Session, filter: TaskFilter) -> (u32, Vec<TaskView>) {
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let page = s
            .tasks_page(
                filter,
                PageRange {
                    offset,
                    limit: PAGE,
                },
            )
            .expect("a page of tasks");
        let total = page.total;
        let n = page.items.len();
        all.extend(page.items);
        offset += PAGE;
        if n < PAGE as usize {
            return (total, all);
        }
    }
}

/// The three parts of the queue as the window shows them, and all of it.
fn windows(today: NaiveDate, last: NaiveDate, assigned_to: Option<i64>) -> Vec<DueWindow> {
    let yesterday = today.pred_opt().expect("a day before");
    [
        (None, last),
        (None, yesterday),
        (Some(today), today),
        (today.succ_opt(), last),
    ]
    .into_iter()
    .map(|(from, to)| DueWindow {
        from,
        to,
        assigned_to,
    })
    .collect()
}

fn within(day: &str, w: &DueWindow) -> bool {
    w.from.is_none_or(|f| day >= f.to_string().as_str()) && day <= w.to.to_string().as_str()
}

#[test]
fn the_call_queue_page_by_page_is_the_whole_queue_in_order() {
    let (_clinic, mut staff) = varied_clinic();
    let now = Utc::now();
    for s in [&mut staff.admin, &mut staff.volunteer] {
        let today = s.today();
        let me = s.user_id("me").ok();
        for assigned_to in [None, me] {
            let whole = s
                .calls_due_for(today + Days::new(7), now, assigned_to)
                .expect("the whole queue");
            if assigned_to.is_none() {
                assert!(!whole.is_empty(), "the demo caseload has calls due");
            }
            for window in windows(today, today + Days::new(7), assigned_to) {
                let expected: Vec<CallDue> = whole
                    .iter()
                    .filter(|c| within(&c.due_on, &window))
                    .cloned()
                    .collect();
                let (total, paged) = every_page_of_calls(s, window, now);
                assert_eq!(total as usize, expected.len(), "the count of {window:?}");
                assert_eq!(paged, expected, "the pages of {window:?}");
            }
        }
    }
}

#[test]
fn the_task_list_page_by_page_is_every_task_escalations_first() {
    let (_clinic, mut staff) = varied_clinic();
    for s in [
        &mut staff.admin,
        &mut staff.case_manager,
        &mut staff.volunteer,
    ] {
        let today = s.today();
        let on = today + Days::new(30);
        let whole = s.tasks(on).expect("every task");
        assert_eq!(
            s.tasks_due_count(on).expect("the count"),
            whole.len(),
            "the count of tasks due by {on}"
        );
        for window in windows(today, on, None) {
            for kind in [None, Some("escalation"), Some("swb_call"), Some("eoir33")] {
                let filter = match kind {
                    Some(k) => TaskFilter::of_kind(window, k).expect("a kind of task"),
                    None => TaskFilter::any_kind(window),
                };
                let mut expected: Vec<TaskView> = whole
                    .iter()
                    .filter(|t| within(&t.due_on, &window) && kind.is_none_or(|k| t.kind == k))
                    .cloned()
                    .collect();
                // Stable: by due day and task within each group, as the whole list is.
                expected.sort_by_key(|t| t.kind != "escalation");
                let (total, paged) = every_page_of_tasks(s, filter);
                assert_eq!(
                    total as usize,
                    expected.len(),
                    "the count of {kind:?} in {window:?}"
                );
                assert_eq!(paged, expected, "the pages of {kind:?} in {window:?}");
                assert_eq!(s.count_tasks(filter).expect("a count"), total);
            }
        }
    }
}

#[test]
fn a_kind_of_task_that_does_not_exist_is_refused_by_name() {
    let window = DueWindow::until(NaiveDate::from_ymd_opt(2026, 1, 1).expect("a day"));
    let err = TaskFilter::of_kind(window, "haircut").expect_err("no such kind");
    assert!(err.to_string().contains("kind"), "{err}");
}

#[test]
fn an_empty_page_is_refused_by_name() {
    let (_clinic, mut staff) = Clinic::new();
    let today = staff.admin.today();
    let err = staff
        .admin
        .calls_due_page(
            DueWindow::until(today),
            Utc::now(),
            PageRange {
                offset: 0,
                limit: 0,
            },
        )
        .expect_err("a page of nothing");
    assert!(err.to_string().contains("limit"), "{err}");
}

#[test]
fn the_dashboard_counts_the_open_flags_the_flag_list_holds() {
    let (_clinic, mut staff) = varied_clinic();
    let s = &mut staff.admin;
    let flags = s.red_flags().expect("the flags");
    let open = flags.iter().filter(|f| !f.acknowledged).count();
    assert!(
        open > 0 && open < flags.len(),
        "some flags open, some acknowledged"
    );
    assert_eq!(s.open_flag_count().expect("the count") as usize, open);
    assert_eq!(
        s.dashboard(s.today()).expect("the dashboard").open_flags as usize,
        open
    );
}

fn every_page_of_flags(s: &mut Session, include_acknowledged: bool) -> (FlagPage, Vec<FlagView>) {
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let page = s
            .red_flags_page(
                include_acknowledged,
                PageRange {
                    offset,
                    limit: PAGE,
                },
            )
            .expect("a page of flags");
        let n = page.items.len();
        all.extend(page.items.iter().cloned());
        offset += PAGE;
        if n < PAGE as usize {
            return (page, all);
        }
    }
}

#[test]
fn the_red_flags_page_by_page_are_the_open_ones_then_the_acknowledged() {
    let (_clinic, mut staff) = varied_clinic();
    for s in [&mut staff.admin, &mut staff.case_manager] {
        let whole = s.red_flags().expect("the flags");
        let (open, acknowledged): (Vec<FlagView>, Vec<FlagView>) =
            whole.iter().cloned().partition(|f| !f.acknowledged);
        assert!(!open.is_empty() && !acknowledged.is_empty());

        let (last, paged) = every_page_of_flags(s, true);
        let expected: Vec<FlagView> = open.iter().chain(&acknowledged).cloned().collect();
        assert_eq!(paged, expected, "open first, each part in the list's order");
        assert_eq!(last.total as usize, whole.len());
        assert_eq!(last.open as usize, open.len());
        assert_eq!(last.acknowledged as usize, acknowledged.len());

        let (last, paged) = every_page_of_flags(s, false);
        assert_eq!(paged, open, "without the acknowledged ones");
        assert_eq!(last.total as usize, open.len());
        assert_eq!(last.acknowledged as usize, acknowledged.len());
    }
    let err = staff
        .volunteer
        .red_flags_page(
            true,
            PageRange {
                offset: 0,
                limit: 10,
            },
        )
        .expect_err("volunteers see no flags");
    assert!(
        err.to_string().contains("denied") || err.to_string().contains("may not"),
        "{err}"
    );
}

/// The flags are kept between requests (raising them all reads the whole caseload); a change
/// made by anyone, in this session or another on the same vault, is seen on the next request.
#[test]
fn a_flag_raised_from_another_session_is_counted_on_the_next_request() {
    let (_clinic, mut staff) = common::Clinic::new();
    let case = common::open_case(&mut staff.admin);
    let before = staff.admin.open_flag_count().expect("the count");
    let listed = staff.admin.red_flags().expect("the flags").len();
    // Reads in between change nothing.
    staff
        .case_manager
        .list_children(0, 10, Default::default())
        .expect("a read");
    assert_eq!(staff.admin.open_flag_count().expect("the count"), before);

    // Rosa gives Marta's number and address: the two sponsors share both.
    let rosa = tether_core::casework::input::SponsorInput {
        given_name: "Rosa".into(),
        family_name: "Ixcoy".into(),
        ..common::marta()
    };
    let rosa_id = match staff
        .case_manager
        .create_sponsor(&rosa, true)
        .expect("a second sponsor")
    {
        tether_store::casework::CreateOutcome::Created { id, .. } => id,
        other => panic!("{other:?}"),
    };
    let flags = staff.admin.red_flags().expect("the flags");
    let shared: Vec<&FlagView> = flags
        .iter()
        .filter(|f| f.kind == "shared_phone" || f.kind == "shared_address")
        .collect();
    assert_eq!(shared.len(), 3, "two numbers and the address: {shared:#?}");
    assert!(shared
        .iter()
        .all(|f| f.sponsor_ids == vec![case.sponsor_id, rosa_id]));
    assert_eq!(flags.len(), listed + 3);
    assert_eq!(
        staff.admin.open_flag_count().expect("the count"),
        before + 3
    );
    let page = staff
        .admin
        .red_flags_page(
            false,
            PageRange {
                offset: 0,
                limit: 100,
            },
        )
        .expect("the page");
    assert_eq!(page.open, before + 3);

    // Acknowledging one, here or in the other session, counts at once too.
    staff
        .case_manager
        .acknowledge_flag(&shared[0].flag_id, "cousins, confirmed on a home visit")
        .expect("acknowledged");
    assert_eq!(
        staff.admin.open_flag_count().expect("the count"),
        before + 2
    );

    // The same person after all: merged, and the shared flags are gone.
    staff
        .admin
        .merge_sponsors(case.sponsor_id, rosa_id)
        .expect("merged");
    assert_eq!(staff.admin.open_flag_count().expect("the count"), before);
    assert_eq!(
        staff.case_manager.open_flag_count().expect("the count"),
        before
    );
}

#[test]
fn the_hearings_calendar_counts_each_day_and_keeps_its_first_hearings() {
    let (_clinic, mut staff) = varied_clinic();
    let s = &mut staff.admin;
    let from = s.today() - Days::new(90);
    let to = s.today() + Days::new(120);
    let whole = s.hearings_between(from, to).expect("the hearings");
    assert!(whole.len() > 20, "the demo caseload has hearings");
    let days = s.hearing_calendar(from, to, 2).expect("the calendar");
    let mut busiest = 0;
    for d in &days {
        let on_day: Vec<_> = whole
            .iter()
            .filter(|h| h.at.starts_with(&d.day))
            .cloned()
            .collect();
        assert_eq!(d.total as usize, on_day.len(), "the count of {}", d.day);
        assert_eq!(
            d.hearings,
            on_day.into_iter().take(2).collect::<Vec<_>>(),
            "{}",
            d.day
        );
        busiest = busiest.max(d.total);
    }
    assert!(busiest > 2, "some day has more hearings than it shows");
    assert_eq!(
        days.iter().map(|d| d.total as usize).sum::<usize>(),
        whole.len(),
        "every hearing is counted on its day"
    );
    assert!(
        days.windows(2).all(|w| w[0].day < w[1].day),
        "days in order"
    );
    assert!(days
        .iter()
        .all(|d| d.day.as_str() >= from.to_string().as_str()
            && d.day.as_str() <= to.to_string().as_str()));

    let err = s
        .hearing_calendar(from, to, 0)
        .expect_err("no hearings a day");
    assert!(err.to_string().contains("per_day"), "{err}");
    assert!(staff
        .volunteer
        .hearing_calendar(from, to, 2)
        .expect("a volunteer's calendar")
        .is_empty());
}
