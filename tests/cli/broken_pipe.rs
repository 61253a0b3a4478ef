//! `tether … | head -1`: when the reader goes away, the command ends quietly (exit 0, or the
//! default SIGPIPE exit a shell shows as 141), never a panic or "failed printing to stdout".

use std::process::Output;

use tether_tests::{Clinic, ADMIN, ADMIN_PASS};

/// One sponsor, Rosa Xicará, with four unrelated children: two red flags, four calls due.
fn clinic_with_flags_and_calls() -> Clinic {
    let clinic = Clinic::with_admin();
    let rows: Vec<String> = ["José", "Ana", "Luis", "Marta"]
        .iter()
        .enumerate()
        .map(|(i, given)| {
            format!(
                "{given},Ramírez,2011-04-0{},A20000002{i},GT,mam,sí,2026-09-04,,Rosa,Xicará,tía,3,\
                 +502 5123 4567,45 Calle Ñuñoa,Apt 3,Houston,TX,77002,not_served,,,",
                i + 1
            )
        })
        .collect();
    clinic.import(&rows);
    clinic
}

/// Ended quietly: success or SIGPIPE's default action, and nothing on stderr.
fn assert_quiet(args: &[&str], out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.is_empty(),
        "tether {args:?} into a closed pipe wrote to stderr: {stderr}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        let quiet = out.status.success() || out.status.signal() == Some(13); // SIGPIPE
        assert!(
            quiet,
            "tether {args:?} into a closed pipe: {:?}",
            out.status
        );
    }
    #[cfg(not(unix))]
    assert!(out.status.success(), "tether {args:?}: {:?}", out.status);
}

#[test]
fn flags_calls_and_lists_end_quietly_when_their_reader_goes_away() {
    let clinic = clinic_with_flags_and_calls();
    // Each one has something to print: two flags, four calls, four children, JSON too.
    assert!(clinic.admin(&["flags"]).contains("Rosa"));
    for args in [
        &["flags"][..],
        &["calls", "due", "--on", "2026-10-05"],
        &["child", "list", "--json"],
        &["search", "Ramírez"],
    ] {
        let out = clinic.run_into_closed_pipe(ADMIN, ADMIN_PASS, args);
        assert_quiet(args, &out);
    }
}
