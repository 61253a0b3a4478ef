//! How domain values are written into columns: the text forms the schema's CHECKs expect, and
//! the time stamp of a change.

use tether_core::casework::{HearingType, NtaStatus};

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub(crate) fn nta_str(s: NtaStatus) -> &'static str {
    match s {
        NtaStatus::NotServed => "not_served",
        NtaStatus::Served => "served",
        NtaStatus::Filed => "filed",
    }
}

pub(crate) fn hearing_kind_str(k: HearingType) -> &'static str {
    match k {
        HearingType::Master => "master",
        HearingType::Individual => "individual",
    }
}

pub(crate) fn sex_str(s: tether_core::casework::Sex) -> &'static str {
    match s {
        tether_core::casework::Sex::Female => "female",
        tether_core::casework::Sex::Male => "male",
        tether_core::casework::Sex::Other => "other",
    }
}
