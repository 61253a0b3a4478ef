// Shared fake of the tauri-specta bindings for component tests (used from vi.mock factories).
import type {
  AppError,
  CallDue,
  CallLogged,
  Dashboard,
  HearingItem,
  HistoryItem,
  RedFlag,
  ChildDetail,
  ChildSummary,
  ClinicContact,
  CourtOption,
  FieldError,
  LanguageOption,
  PrintPreview,
  SessionInfo,
  SponsorDetail,
  TaskItem,
} from "../lib/bindings";

export const ok = <T>(data: T) => ({ status: "ok" as const, data });
/** A field error as a test writes it: code and params may be left out (no translation: the message shows). */
export type TestFieldError = Pick<FieldError, "field" | "message"> & Partial<FieldError>;
const withCode = (f: TestFieldError): FieldError => ({ code: "", params: {}, ...f });
export const err = (
  kind: AppError["kind"],
  message = "",
  field: string | null = null,
  fields: TestFieldError[] = [],
  coded: Pick<AppError, "code" | "params"> = { code: null, params: {} },
) => ({
  status: "error" as const,
  error: { kind, message, field, fields: fields.map(withCode), ...coded } satisfies AppError,
});
/** An `invalid_input` naming several fields, as the casework commands return it. */
export const fieldsErr = (fields: TestFieldError[], message = "some fields are not valid") =>
  err("invalid_input", message, null, fields);

export const admin: SessionInfo = { user_name: "Maria", role: "admin", auto_lock_minutes: 15 };
export const caseManager: SessionInfo = { user_name: "ana", role: "case_manager", auto_lock_minutes: 15 };
export const volunteer: SessionInfo = { user_name: "jose", role: "volunteer", auto_lock_minutes: 15 };

/** The n-th child of a long list: case numbers 2025-00001, 2025-00002, … */
export function summary(n: number, overrides: Partial<ChildSummary> = {}): ChildSummary {
  return {
    id: n,
    case_number: `2025-${String(n).padStart(5, "0")}`,
    given_name: `Child${n}`,
    family_name: "López",
    primary_language: "mam",
    release_date: "2025-03-01",
    sponsor_name: "Rosa López",
    nta_status: "not_served",
    status: "open",
    age: 15,
    assigned_to: "ana",
    sponsor_category: "2A",
    closed_reason: null,
    relationship: "tía",
    ...overrides,
  };
}

/**
 * A fake `callsDuePage` that reads the whole queue from `callsDue(on, mine)` (the test's model
 * of what the backend holds at each read) and serves each section's pages from it, split on
 * `today` as the backend splits them. Pages asked for at once (the three sections' first
 * pages, or a reload) share one read, so `callsDue` is called once per load of the queue.
 */
export function pagedCallQueue(
  callsDue: (on: string | null, mine: boolean) => unknown,
  today = "2025-06-03",
) {
  let shared: Promise<unknown> | null = null;
  return async (section: "overdue" | "today" | "upcoming", on: string | null, mine: boolean, offset: number, limit: number) => {
    if (!shared) {
      shared = Promise.resolve(callsDue(on, mine));
      queueMicrotask(() => (shared = null));
    }
    const result = (await shared) as { status: "ok"; data: CallDue[] } | { status: "error"; error: AppError };
    if (result.status !== "ok") return result;
    const inSection = result.data.filter((c) => {
      const overdue = c.overdue || c.due_on < today;
      if (section === "overdue") return overdue;
      return !overdue && (section === "today" ? c.due_on === today : c.due_on > today);
    });
    return ok({ total: inSection.length, calls: inSection.slice(offset, offset + limit) });
  };
}

/**
 * A fake `hearingCalendar` that reads the month's hearings from `hearingsBetween(from, to)` (the
 * test's model of what the backend holds) and answers as the backend does: each day with
 * hearings, its count and its first `perDay` hearings by time.
 */
export function calendarFrom(hearingsBetween: (from: string, to: string) => unknown) {
  return async (from: string, to: string, perDay: number) => {
    const result = (await hearingsBetween(from, to)) as { status: "ok"; data: HearingItem[] } | { status: "error"; error: AppError };
    if (result.status !== "ok") return result;
    const days = new Map<string, HearingItem[]>();
    for (const h of [...result.data].sort((a, b) => a.at.localeCompare(b.at))) {
      const day = h.at.slice(0, 10);
      days.set(day, [...(days.get(day) ?? []), h]);
    }
    return ok([...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, hs]) => ({ day, total: hs.length, hearings: hs.slice(0, perDay) })));
  };
}

/**
 * A fake `redFlagsPage` that reads every flag from `redFlags()` (the test's model of what the
 * backend holds at each read) and serves pages as the backend does: the open flags first, then
 * the acknowledged ones when asked for, each part in the list's order, with both counts.
 */
export function pagedFlags(redFlags: () => unknown) {
  return async (includeAcknowledged: boolean, offset: number, limit: number) => {
    const result = (await redFlags()) as { status: "ok"; data: RedFlag[] } | { status: "error"; error: AppError };
    if (result.status !== "ok") return result;
    const open = result.data.filter((f) => !f.acknowledged);
    const acknowledged = result.data.filter((f) => f.acknowledged);
    const listed = includeAcknowledged ? [...open, ...acknowledged] : open;
    return ok({ total: listed.length, open: open.length, acknowledged: acknowledged.length, flags: listed.slice(offset, offset + limit) });
  };
}

/**
 * A fake `listTasksPage` that reads every task from `listTasks(on, mine)` (the test's model of
 * what the backend holds at each read) and serves each section's pages from it as the backend
 * does: split on today (the test's clock unless `today` is given), escalations first, then by
 * day and task; `kind` keeps one kind (`total`), `all_kinds` counts every kind. Pages asked for
 * at once (the three sections' first pages, or a reload) share one read of `listTasks`.
 */
export function pagedTasks(listTasks: (on: string | null, mine: boolean) => unknown, today?: string) {
  let shared: Promise<unknown> | null = null;
  return async (
    section: "overdue" | "today" | "upcoming",
    on: string | null,
    mine: boolean,
    kind: string | null,
    offset: number,
    limit: number,
  ) => {
    if (!shared) {
      shared = Promise.resolve(listTasks(on, mine));
      queueMicrotask(() => (shared = null));
    }
    const result = (await shared) as { status: "ok"; data: TaskItem[] } | { status: "error"; error: AppError };
    if (result.status !== "ok") return result;
    const now = new Date();
    const day = today ?? `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    const inSection = result.data.filter((t) => {
      const overdue = t.overdue || t.due_on < day;
      if (section === "overdue") return overdue;
      return !overdue && (section === "today" ? t.due_on === day : t.due_on > day);
    });
    const urgency = (t: TaskItem) => (t.kind === "escalation" ? 0 : 1);
    const ofKind = inSection
      .filter((t) => !kind || t.kind === kind)
      .sort((a, b) => urgency(a) - urgency(b) || a.due_on.localeCompare(b.due_on) || a.task_id - b.task_id);
    return ok({ total: ofKind.length, all_kinds: inSection.length, tasks: ofKind.slice(offset, offset + limit) });
  };
}

/** A fake `listChildren` over `total` generated children. */
export function pagedChildren(total: number) {
  return async (offset: number, limit: number) => {
    const end = Math.min(total, offset + limit);
    const items: ChildSummary[] = [];
    for (let i = offset; i < end; i++) items.push(summary(i + 1));
    return ok({ total, items });
  };
}

export const languages: LanguageOption[] = [
  { code: "spa", name_en: "Spanish", name_es: "Español" },
  { code: "mam", name_en: "Mam", name_es: "Mam" },
  { code: "quc", name_en: "K'iche'", name_es: "K'iche'" },
  { code: "eng", name_en: "English", name_es: "Inglés" },
];

export const courtOptions: CourtOption[] = [
  { code: "HOU", name: "Houston Immigration Court", time_zone: "America/Chicago", city: "Houston", state: "TX" },
  { code: "LOS", name: "Los Angeles Immigration Court", time_zone: "America/Los_Angeles", city: "Los Angeles", state: "CA" },
  { code: "SNA", name: "San Antonio Immigration Court", time_zone: "America/Chicago", city: "San Antonio", state: "TX" },
];

export const sponsor: SponsorDetail = {
  id: 7,
  given_name: "Rosa",
  family_name: "López",
  category: "2A",
  phones: ["+17135550100", "+50251234567"],
  phones_display: ["(713) 555-0100", "+502 5123 4567"],
  address: { line1: "12 Main St", unit: null, city: "Houston", state: "TX", postal_code: "77002" },
  address_incomplete: null,
  time_zone: "America/Chicago",
  children: [summary(1), summary(2, { given_name: "Luis" })],
  address_history: [],
  phones_not_working: [],
  phones_not_working_since: [],
  status: "active",
  merged_from: [],
  household: [],
};

export function childDetail(overrides: Partial<ChildDetail> = {}): ChildDetail {
  return {
    id: 1,
    case_number: "2025-00001",
    given_name: "Ana",
    family_name: "López",
    aliases: ["Anita"],
    birth_date: "2010-05-31",
    sex: "female",
    a_number: "A123456789",
    a_number_display: "A123-456-789",
    country_of_birth: "Guatemala",
    primary_language: "mam",
    primary_language_name: "Mam",
    interpreter_needed: true,
    release_date: "2025-03-01",
    orr_program: "Casa Esperanza",
    relationship: "aunt",
    notes: "",
    sponsor,
    nta_status: "served",
    nta_served_on: "2025-03-10",
    court: { code: "HOU", name: "Houston Immigration Court", address: ["600 Jefferson St"], time_zone: "America/Chicago" },
    hearings: [
      {
        id: 3,
        at: "2025-09-15 09:00",
        court_code: "HOU",
        court_name: "Houston Immigration Court",
        time_zone: "America/Chicago",
        kind: "master",
        judge: null,
        outcome: null,
      },
    ],
    attorney: null,
    last_acis_check: null,
    sponsor_category: "2A",
    status: "open",
    closed_reason: null,
    closed_on: null,
    void_reason: null,
    age: 15,
    assigned_to: "ana",
    created_by: "ana",
    merged_from: [],
    ...overrides,
  };
}

/** What a volunteer gets: no A-Number, no court, no address, no attorney or ACIS check (the backend redacts). */
export function redactedChildDetail(): ChildDetail {
  const c = childDetail({ family_name: "L.", birth_date: "2010", court: null, hearings: [] });
  const partial = c as Partial<ChildDetail>;
  delete partial.a_number;
  delete partial.a_number_display;
  delete partial.attorney;
  delete partial.last_acis_check;
  return { ...c, sponsor: { ...sponsor, address: null, address_history: [] } };
}

// ---- Follow-up: calls, dashboard, red flags, hearings

/** A call due, for the call queue. */
export function callDue(overrides: Partial<CallDue> = {}): CallDue {
  return {
    task_id: 1,
    child_id: 1,
    case_number: "2025-00001",
    child_name: "Ana López",
    sponsor_name: "Rosa López",
    sponsor_phone: "+17135550100",
    sponsor_phone_display: overrides.sponsor_phone === null ? null : "(713) 555-0100",
    attempt: 1,
    due_on: "2025-06-03",
    overdue: false,
    sponsor_local_time: "2025-06-03 10:15",
    sponsor_time_zone: "America/Chicago",
    callable_now: true,
    // No number at all when the test says the sponsor has none.
    sponsor_phones: overrides.sponsor_phone === null ? [] : ["+17135550100"],
    sponsor_phones_display: overrides.sponsor_phone === null ? [] : ["(713) 555-0100"],
    sponsor_phones_not_working: [],
    calling_window: "09:00–20:00",
    prior_attempts: [],
    language: "mam",
    interpreter_needed: true,
    ...overrides,
  };
}

export function callLogged(overrides: Partial<CallLogged> = {}): CallLogged {
  return {
    call_id: 11,
    child_id: 1,
    attempt: 1,
    outcome: "reached_child",
    call_status: "reached",
    next_due_on: null,
    not_working: null,
    next_phone: null,
    ...overrides,
  };
}

/** Dashboard counts; `calls_by_day` has 14 days from `on`. */
export function dashboardData(overrides: Partial<Dashboard> = {}, on = "2025-06-03"): Dashboard {
  const [y, m, d] = on.split("-").map(Number);
  const calls_by_day = Array.from({ length: 14 }, (_, i) => {
    const date = new Date(y, m - 1, d + i);
    const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
    return { day, count: [3, 1, 0, 2, 5, 0, 0, 1, 4, 0, 2, 0, 1, 0][i] };
  });
  return {
    on,
    calls_due_today: 3,
    calls_overdue: 2,
    unreached_children: 1,
    hearings_this_week: 4,
    open_flags: 5,
    nta_not_served: 6,
    tasks_due_today: 4,
    tasks_overdue: 2,
    escalations_open: 0,
    calls_by_day,
    ...overrides,
  };
}

export function redFlag(overrides: Partial<RedFlag> = {}): RedFlag {
  return {
    flag_id: "missed_hearing:1:3",
    kind: "missed_hearing",
    child_id: 1,
    sponsor_id: 7,
    explanation_en: "Ana López missed the hearing on 2025-05-20.",
    explanation_es: "Ana López no asistió a la audiencia del 2025-05-20.",
    acknowledged: false,
    acknowledged_by: null,
    acknowledged_at: null,
    acknowledgement_note: null,
    acknowledgements: [],
    ...overrides,
  };
}

export function hearingItem(overrides: Partial<HearingItem> = {}): HearingItem {
  return {
    hearing_id: 3,
    child_id: 1,
    case_number: "2025-00001",
    child_name: "Ana López",
    at: "2025-06-16 09:00",
    court_code: "HOU",
    court_name: "Houston Immigration Court",
    time_zone: "America/Chicago",
    kind: "master",
    outcome: null,
    ...overrides,
  };
}

/** An open follow-up task, for the Tasks screen (`detail` of a task as `listTasks` sends it). */
export function taskItem(overrides: Partial<TaskItem> = {}): TaskItem {
  return {
    task_id: 1,
    kind: "swb_call",
    child_id: 1,
    case_number: "2025-00001",
    child_name: "Ana López",
    due_on: "2025-06-03",
    overdue: false,
    summary: "Safety & Well-Being call (day 30), attempt 1",
    attempt: 1,
    reason: null,
    days_before: null,
    done_on: null,
    done_by: null,
    done_note: null,
    ...overrides,
  };
}

/** One event of a child's history; `detail` is given as an object and sent as JSON text. */
export function historyItem(
  id: number,
  kind: string,
  detail: Record<string, unknown> | string,
  overrides: Partial<HistoryItem> = {},
): HistoryItem {
  return {
    id,
    at: "2025-06-01T15:00:00Z",
    actor: "ana",
    kind,
    detail: typeof detail === "string" ? detail : JSON.stringify(detail),
    corrects: null,
    corrected_by: null,
    ...overrides,
  };
}

// ---- Printing

/** A rendered document held by the backend under `job` (US Letter portrait by default). */
export function printPreviewData(overrides: Partial<PrintPreview> = {}): PrintPreview {
  return {
    job: 42,
    document: "notice",
    case_number: "2025-00001",
    page_count: 2,
    notice_count: 1,
    file_name: "notice-2025-00001.pdf",
    page_width_pt: 612,
    page_height_pt: 792,
    custom_templates: [],
    ...overrides,
  };
}

/** The SVG markup of a page, as `printPage` returns it. */
export function pageSvg(n: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 612 792"><text x="72" y="72">Page ${n} & más</text></svg>`;
}

export const clinic: ClinicContact = {
  name: "Clínica Esperanza",
  phone: "+1 713 555 0199",
  address: "100 Main St\nSuite 200\nHouston, TX 77002",
};

/**
 * A stand-in for IntersectionObserver (jsdom has none): nothing intersects until a test calls
 * `FakeIntersectionObserver.scrollIntoView(elements)`.
 */
export class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = [];
  readonly observed = new Set<Element>();
  readonly root: Element | Document | null;
  readonly rootMargin: string;
  readonly thresholds: readonly number[] = [0];

  constructor(
    private readonly callback: IntersectionObserverCallback,
    options: IntersectionObserverInit = {},
  ) {
    this.root = options.root ?? null;
    this.rootMargin = options.rootMargin ?? "0px";
    FakeIntersectionObserver.instances.push(this);
  }

  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }

  /** Reports `elements` as scrolled into view to every observer watching them. */
  static scrollIntoView(elements: Element[]) {
    for (const observer of FakeIntersectionObserver.instances) {
      const targets = elements.filter((el) => observer.observed.has(el));
      if (targets.length === 0) continue;
      const entries = targets.map((target) => ({ target, isIntersecting: true, intersectionRatio: 1 }) as unknown as IntersectionObserverEntry);
      observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  }

  static reset() {
    FakeIntersectionObserver.instances = [];
  }
}
