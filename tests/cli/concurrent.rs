//! Two processes on one vault (the desktop app and the CLI, or two terminals) must not fork
//! the audit chain: each append takes the write lock before reading the head.

use std::thread;

use tether_tests::{Clinic, ADMIN, ADMIN_PASS, VOLUNTEER, VOLUNTEER_PASS};

#[test]
fn six_child_shows_at_once_leave_a_chain_that_verifies() {
    let clinic = Clinic::with_staff();
    clinic.admin(&[
        "child",
        "add",
        "--given-name",
        "José",
        "--family-name",
        "Ramírez",
    ]);
    let before = clinic.audit().len();

    // Six processes at once, staff and volunteer alike: each signs in (one entry) and reads
    // the child (another).
    thread::scope(|scope| {
        let runs: Vec<_> = (0..6)
            .map(|i| {
                let clinic = &clinic;
                scope.spawn(move || {
                    let (user, pass) = if i % 2 == 0 {
                        (ADMIN, ADMIN_PASS)
                    } else {
                        (VOLUNTEER, VOLUNTEER_PASS)
                    };
                    clinic.ok(user, pass, &["child", "show", "1"], &[])
                })
            })
            .collect();
        for run in runs {
            let shown = run.join().expect("the process ran");
            assert!(shown.contains("José"), "{shown}");
        }
    });

    let verified = clinic.admin(&["audit", "verify"]);
    assert!(verified.starts_with("ok: "), "{verified}");
    // Every entry is there: the audit read before, 6 × (sign-in + view), this verify's sign-in.
    let log = clinic.audit();
    let views = log.iter().filter(|e| e["action"] == "child_viewed").count();
    assert_eq!(views, 6);
    assert!(log.len() >= before + 12, "{} then {}", before, log.len());
}
