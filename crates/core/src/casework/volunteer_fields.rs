//! README's "Roles" table as data: the fields a volunteer's answers may carry a value in, per
//! kind of answer, in every command's JSON and every IPC reply alike. Nothing in the app reads
//! these lists to decide what to send (the store's `Visibility` does that); the CLI and the
//! window's tests hold every answer to them, so a field added to a view without a decision
//! about volunteers fails a test instead of reaching them.

/// A child's record.
pub const CHILD: &[&str] = &[
    "id",
    "case_number",
    "given_name",
    "family_name",
    "primary_language",
    "primary_language_name",
    "interpreter_needed",
    "sponsor",
    // open or closed: the queue shows open cases only.
    "status",
];

/// A sponsor (alone, or inside a child's record).
pub const SPONSOR: &[&str] = &[
    "id",
    "given_name",
    "family_name",
    "phones",
    // The same phones as people write them (the window's display of `phones`).
    "phones_display",
    "time_zone",
    "children",
    // The numbers a call found not working (the caller must not dial them again).
    "phones_not_working",
    "status",
];

/// A child in a list or a search result.
pub const SUMMARY: &[&str] = &[
    "id",
    "case_number",
    "given_name",
    "family_name",
    "primary_language",
    "sponsor_name",
    "status",
];

/// A call in the queue.
pub const CALL_DUE: &[&str] = &[
    "task_id",
    "child_id",
    "case_number",
    "child_name",
    "sponsor_name",
    "sponsor_phone",
    "sponsor_phones",
    // The same phones as people write them (the window's display).
    "sponsor_phone_display",
    "sponsor_phones_display",
    "attempt",
    "due_on",
    "overdue",
    "sponsor_local_time",
    "sponsor_time_zone",
    "callable_now",
    "calling_window",
    "language",
    "interpreter_needed",
    "prior_attempts",
    "sponsor_phones_not_working",
];

/// An earlier attempt of the same call.
pub const PRIOR_ATTEMPT: &[&str] = &["attempt", "on", "outcome"];

/// A task (a volunteer's are Safety & Well-Being calls only).
pub const TASK: &[&str] = &[
    "task_id",
    "key",
    "kind",
    "child_id",
    "case_number",
    "child_name",
    "due_on",
    "overdue",
    "summary",
    "attempt",
    "reason",
    "days_before",
    "done_on",
    "done_by",
    "done_note",
];

/// The answer to logging a call.
pub const CALL_LOGGED: &[&str] = &[
    "call_id",
    "child_id",
    "attempt",
    "outcome",
    "call_status",
    "next_due_on",
    // After a wrong number: the number marked not working and the next one to call.
    "not_working",
    "next_phone",
];
