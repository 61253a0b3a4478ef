import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import {
  admin,
  callDue,
  callLogged,
  caseManager,
  dashboardData,
  err,
  fieldsErr,
  hearingItem,
  languages,
  ok,
  redFlag,
  sponsor,
  volunteer,
  pagedCallQueue,
  pagedFlags,
  calendarFrom,
} from "./mockBindings";
import { en } from "../lib/i18n/en";
import { es } from "../lib/i18n/es";
import { setLang } from "../lib/i18n/index.svelte";
import { resetReference } from "../lib/reference.svelte";
import { resetDashboard } from "../lib/followup.svelte";

const mocks = vi.hoisted(() => ({
  commands: {
    listLanguages: vi.fn(),
    callsDue: vi.fn(),
    callsDuePage: vi.fn(),
    logCall: vi.fn(),
    listTasks: vi.fn(),
    redFlags: vi.fn(),
    redFlagsPage: vi.fn(),
    acknowledgeFlag: vi.fn(),
    dashboard: vi.fn(),
    openFlagCount: vi.fn(),
    hearingsBetween: vi.fn(),
    hearingCalendar: vi.fn(),
    pendingAddresses: vi.fn(),
    confirmAddress: vi.fn(),
    rejectAddress: vi.fn(),
  },
}));
vi.mock("../lib/bindings", () => ({ commands: mocks.commands, events: {} }));

import CallQueue from "../screens/CallQueue.svelte";
import Dashboard from "../screens/Dashboard.svelte";
import Flags from "../screens/Flags.svelte";
import Hearings from "../screens/Hearings.svelte";
import Toast from "../lib/components/Toast.svelte";

beforeEach(() => {
  // "Today" is Tuesday 3 June 2025 on this computer.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2025, 5, 3, 12, 0));
  resetReference();
  resetDashboard();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.callsDuePage.mockImplementation(pagedCallQueue(mocks.commands.callsDue));
  mocks.commands.listLanguages.mockResolvedValue(languages);
  mocks.commands.dashboard.mockResolvedValue(ok(dashboardData()));
  mocks.commands.openFlagCount.mockResolvedValue(ok(5));
  mocks.commands.pendingAddresses.mockResolvedValue(ok([]));
});
afterEach(() => {
  vi.useRealTimers();
});

const QUEUE = [
  callDue({ task_id: 1, due_on: "2025-05-30", overdue: true, attempt: 2, callable_now: false, sponsor_local_time: "2025-06-03 21:40", sponsor_time_zone: "America/Los_Angeles" }),
  callDue({ task_id: 2, child_id: 2, case_number: "2025-00002", child_name: "Luis Pérez", due_on: "2025-06-03", language: "spa", interpreter_needed: false }),
  callDue({ task_id: 3, child_id: 3, case_number: "2025-00003", child_name: "Eva Ruiz", due_on: "2025-06-07", sponsor_phone: null }),
];

describe("Call queue", () => {
  it("lists overdue, today's and upcoming calls with what the caller needs", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok(QUEUE));
    render(CallQueue, { onopen: vi.fn() });
    expect(screen.getByTestId("screen-calls")).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId("call-row")).toHaveLength(3));
    expect(mocks.commands.callsDue).toHaveBeenCalledWith("2025-06-10", false);

    const overdue = within(screen.getByTestId("calls-overdue")).getByTestId("call-row");
    expect(overdue).toHaveTextContent("Ana López");
    expect(overdue).toHaveTextContent("2025-00001");
    expect(overdue).toHaveTextContent("Attempt 2/3");
    expect(overdue).toHaveTextContent("Rosa López");
    expect(within(overdue).getByTestId("call-phone")).toHaveAttribute("href", "tel:+17135550100");
    expect(overdue).toHaveTextContent("Sponsor's time: 21:40, Pacific (Los Angeles)");
    expect(overdue).not.toHaveTextContent("America/");
    // The number as people write it; the link dials the stored E.164 number.
    expect(within(overdue).getByTestId("call-phone")).toHaveTextContent("(713) 555-0100");
    expect(overdue).not.toHaveTextContent("+17135550100");
    expect(within(overdue).getByTestId("outside-hours")).toHaveTextContent("Outside calling hours");
    await waitFor(() => expect(overdue).toHaveTextContent("Mam"));
    expect(within(overdue).getByTestId("interpreter-badge")).toBeInTheDocument();

    const today = within(screen.getByTestId("calls-today")).getByTestId("call-row");
    expect(today).toHaveTextContent("Luis Pérez");
    expect(today).toHaveTextContent("Spanish");
    expect(within(today).queryByTestId("outside-hours")).toBeNull();
    expect(within(today).queryByTestId("interpreter-badge")).toBeNull();

    const upcoming = within(screen.getByTestId("calls-upcoming")).getByTestId("call-row");
    expect(upcoming).toHaveTextContent("Eva Ruiz");
    expect(upcoming).toHaveTextContent("No phone recorded");
    expect(await screen.findByTestId("calls-summary")).toHaveTextContent("2 overdue · 3 due today");
  });

  it("logs a call with the outcome, note and answers, then refreshes the queue and the counts", async () => {
    mocks.commands.callsDue.mockResolvedValueOnce(ok(QUEUE)).mockResolvedValue(ok(QUEUE.slice(1)));
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ call_status: "reached", next_due_on: "2025-07-03" })));
    render(CallQueue, { onopen: vi.fn() });
    render(Toast);
    const rows = await screen.findAllByTestId("call-row");
    await waitFor(() => expect(mocks.commands.dashboard).toHaveBeenCalledTimes(1));

    await fireEvent.click(within(rows[0]).getByTestId("log-call"));
    const dialog = await screen.findByTestId("log-call-dialog");
    expect(dialog).toHaveTextContent("Log a call — Ana López");
    const outcome = within(dialog).getByTestId("log-call-outcome");
    expect(within(outcome).getByRole("option", { name: "Reached the child" })).toBeInTheDocument();
    expect(within(dialog).getByText("YYYY-MM-DD HH:MM in the sponsor's local time; empty = now")).toBeInTheDocument();

    await fireEvent.change(outcome, { target: { value: "reached_child" } });
    await fireEvent.input(within(dialog).getByTestId("log-call-note"), { target: { value: "  Doing well, starts school Monday. " } });
    await fireEvent.change(within(dialog).getByTestId("swb-still-with-sponsor"), { target: { value: "yes" } });
    await fireEvent.change(within(dialog).getByTestId("swb-in-school"), { target: { value: "no" } });
    await fireEvent.change(within(dialog).getByTestId("swb-feels-safe"), { target: { value: "yes" } });
    await fireEvent.click(within(dialog).getByTestId("swb-new-address"));
    // Staff: the address applies at once, so no "waits for a case manager" line.
    expect(within(dialog).queryByTestId("swb-address-pending")).toBeNull();
    await fireEvent.input(within(dialog).getByTestId("swb-new-line1"), { target: { value: "40 Elm St" } });
    await fireEvent.input(within(dialog).getByTestId("swb-new-unit"), { target: { value: "2B" } });
    await fireEvent.input(within(dialog).getByTestId("swb-new-city"), { target: { value: "Dallas" } });
    await fireEvent.input(within(dialog).getByTestId("swb-new-state"), { target: { value: "tx" } });
    await fireEvent.input(within(dialog).getByTestId("swb-new-zip"), { target: { value: "75201" } });
    expect(screen.queryByTestId("safety-warning")).toBeNull();
    await fireEvent.click(screen.getByTestId("log-call-save"));

    await waitFor(() => expect(mocks.commands.logCall).toHaveBeenCalledTimes(1));
    expect(mocks.commands.logCall).toHaveBeenCalledWith("2025-00001", "reached_child", null, "Doing well, starts school Monday.", {
      still_with_sponsor: true,
      enrolled_in_school: false,
      knows_court_date: null,
      feels_safe: true,
      new_address: { line1: "40 Elm St", unit: "2B", city: "Dallas", state: "TX", zip: "75201" },
    }, null);
    await waitFor(() => expect(mocks.commands.callsDue).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(mocks.commands.dashboard).toHaveBeenCalledTimes(2));
    expect(screen.queryByTestId("log-call-dialog")).toBeNull();
    expect(await screen.findByText(/Call saved: reached\. Next call due/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId("call-row")).toHaveLength(2));
  });

  it("sends no answers and the typed time when only an outcome is chosen", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok(QUEUE));
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ outcome: "no_answer", call_status: "open", next_due_on: "2025-06-04" })));
    render(CallQueue, { onopen: vi.fn() });
    const rows = await screen.findAllByTestId("call-row");
    await fireEvent.click(within(rows[1]).getByTestId("log-call"));
    const dialog = await screen.findByTestId("log-call-dialog");
    // No outcome: nothing is sent.
    await fireEvent.click(screen.getByTestId("log-call-save"));
    expect(within(dialog).getByText("This field is required.")).toBeInTheDocument();
    expect(mocks.commands.logCall).not.toHaveBeenCalled();

    await fireEvent.change(within(dialog).getByTestId("log-call-outcome"), { target: { value: "no_answer" } });
    await fireEvent.input(within(dialog).getByTestId("log-call-at"), { target: { value: "2025-06-03 09:30" } });
    await fireEvent.click(screen.getByTestId("log-call-save"));
    await waitFor(() => expect(mocks.commands.logCall).toHaveBeenCalledWith("2025-00002", "no_answer", "2025-06-03 09:30", "", null, null));
  });

  it("shows the backend's field errors inline", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok(QUEUE));
    mocks.commands.logCall.mockResolvedValue(
      fieldsErr([
        { field: "at", message: "Use YYYY-MM-DD HH:MM." },
        { field: "postal_code", message: "A ZIP code has 5 digits." },
      ]),
    );
    render(CallQueue, { onopen: vi.fn() });
    const rows = await screen.findAllByTestId("call-row");
    await fireEvent.click(within(rows[0]).getByTestId("log-call"));
    const dialog = await screen.findByTestId("log-call-dialog");
    await fireEvent.change(within(dialog).getByTestId("log-call-outcome"), { target: { value: "reached_sponsor" } });
    await fireEvent.input(within(dialog).getByTestId("log-call-at"), { target: { value: "yesterday" } });
    await fireEvent.click(screen.getByTestId("log-call-save"));
    expect(await within(dialog).findByText("Use YYYY-MM-DD HH:MM.")).toBeInTheDocument();
    expect(within(dialog).getByTestId("log-call-at")).toHaveAttribute("aria-invalid", "true");
    // The address form opens to show its error.
    expect(within(dialog).getByText("A ZIP code has 5 digits.")).toBeInTheDocument();
    expect(within(dialog).getByTestId("swb-new-zip")).toHaveAttribute("aria-invalid", "true");
    expect(mocks.commands.callsDue).toHaveBeenCalledTimes(1);
  });

  it("warns before saving a safety concern that the case is escalated now", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok(QUEUE));
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ outcome: "safety_concern", call_status: "escalated" })));
    render(CallQueue, { onopen: vi.fn() });
    render(Toast);
    const rows = await screen.findAllByTestId("call-row");
    await fireEvent.click(within(rows[0]).getByTestId("log-call"));
    const dialog = await screen.findByTestId("log-call-dialog");
    expect(within(dialog).queryByTestId("safety-warning")).toBeNull();
    await fireEvent.change(within(dialog).getByTestId("log-call-outcome"), { target: { value: "safety_concern" } });
    const warning = within(dialog).getByTestId("safety-warning");
    expect(warning).toHaveAttribute("role", "alert");
    expect(warning).toHaveTextContent("This escalates the case to the case manager now");
    expect(screen.getByTestId("log-call-save")).toHaveTextContent("Save and escalate");
    expect(mocks.commands.logCall).not.toHaveBeenCalled();
    await fireEvent.input(within(dialog).getByTestId("log-call-note"), { target: { value: "Child says the sponsor hits him." } });
    await fireEvent.click(screen.getByTestId("log-call-save"));
    await waitFor(() => expect(mocks.commands.logCall).toHaveBeenCalledWith("2025-00001", "safety_concern", null, "Child says the sponsor hits him.", null, null));
    expect(await screen.findByText("Call saved: escalated to the case manager.")).toBeInTheDocument();
  });

  it("is in Spanish when the interface is", async () => {
    setLang("es");
    mocks.commands.callsDue.mockResolvedValue(ok(QUEUE));
    render(CallQueue, { onopen: vi.fn() });
    const rows = await screen.findAllByTestId("call-row");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Llamadas pendientes");
    expect(rows[0]).toHaveTextContent("Fuera del horario de llamadas");
    await fireEvent.click(within(rows[0]).getByTestId("log-call"));
    const outcome = within(await screen.findByTestId("log-call-dialog")).getByTestId("log-call-outcome");
    expect(within(outcome).getByRole("option", { name: "Preocupación de seguridad" })).toBeInTheDocument();
  });
  it("reports a failed load instead of empty sections", async () => {
    mocks.commands.callsDue.mockResolvedValue(err("internal", "disk I/O error"));
    render(CallQueue, { onopen: vi.fn() });
    expect(await screen.findByTestId("calls-error")).toHaveTextContent("disk I/O error");
    expect(screen.queryByText("No calls here.")).toBeNull();
  });
});

describe("Dashboard", () => {
  it("shows the counts and a bar per day, with an accessible summary and table", async () => {
    const onnavigate = vi.fn();
    render(Dashboard, { session: admin, onnavigate });
    expect(screen.getByTestId("screen-dashboard")).toBeInTheDocument();
    expect(await screen.findByTestId("count-calls-due")).toHaveTextContent("3");
    expect(screen.getByTestId("count-calls-due")).toHaveTextContent("Calls due today");
    expect(screen.getByTestId("count-calls-overdue")).toHaveTextContent("2");
    expect(screen.getByTestId("count-unreached")).toHaveTextContent("1");
    expect(screen.getByTestId("count-hearings-week")).toHaveTextContent("4");
    expect(screen.getByTestId("count-open-flags")).toHaveTextContent("5");
    expect(screen.getByTestId("count-no-nta")).toHaveTextContent("6");

    const chart = screen.getByTestId("calls-chart");
    expect(chart.tagName.toLowerCase()).toBe("svg");
    expect(chart).toHaveAttribute("role", "img");
    expect(chart.getAttribute("aria-label")).toContain("19 in all");
    expect(chart.getAttribute("aria-label")).toContain("with 5");
    const bars = within(chart as unknown as HTMLElement).getAllByTestId("chart-bar");
    expect(bars).toHaveLength(14);
    expect(bars.map((b) => b.getAttribute("data-count"))).toEqual(["3", "1", "0", "2", "5", "0", "0", "1", "4", "0", "2", "0", "1", "0"]);
    // The busiest day has the tallest bar; an empty day has none.
    expect(Number(bars[4].getAttribute("height"))).toBeGreaterThan(Number(bars[0].getAttribute("height")));
    expect(bars[2].getAttribute("height")).toBe("0");
    const table = screen.getByTestId("calls-chart-table");
    expect(table).toHaveClass("visually-hidden");
    expect(within(table).getAllByRole("row")).toHaveLength(15);

    await fireEvent.click(screen.getByTestId("count-calls-due"));
    expect(onnavigate).toHaveBeenLastCalledWith("calls");
    await fireEvent.click(screen.getByTestId("count-open-flags"));
    expect(onnavigate).toHaveBeenLastCalledWith("flags");
    await fireEvent.click(screen.getByTestId("count-hearings-week"));
    expect(onnavigate).toHaveBeenLastCalledWith("hearings");
  });

  it("shows the other counts at once and the open flags when they are counted", async () => {
    let answer: (n: number) => void = () => {};
    mocks.commands.openFlagCount.mockImplementation(() => new Promise((resolve) => (answer = (n) => resolve(ok(n)))));
    render(Dashboard, { session: admin, onnavigate: vi.fn() });
    expect(await screen.findByTestId("count-calls-due")).toHaveTextContent("3");
    const flags = screen.getByTestId("count-open-flags");
    expect(flags).toHaveAttribute("aria-busy", "true");
    expect(flags).toHaveTextContent("counting");
    answer(54_000);
    await waitFor(() => expect(flags).toHaveTextContent("54,000"));
    expect(flags).not.toHaveAttribute("aria-busy");
    expect(flags).toHaveClass("alert");
  });

  it("shows no flag card to a volunteer, who sees no flags", async () => {
    mocks.commands.openFlagCount.mockResolvedValue(ok(null));
    render(Dashboard, { session: volunteer, onnavigate: vi.fn() });
    expect(await screen.findByTestId("count-calls-due")).toBeInTheDocument();
    expect(screen.queryByTestId("count-open-flags")).toBeNull();
  });

  it("summarises an empty fortnight", async () => {
    const base = dashboardData();
    mocks.commands.dashboard.mockResolvedValue(ok({ ...base, calls_by_day: base.calls_by_day.map((d) => ({ ...d, count: 0 })) }));
    mocks.commands.openFlagCount.mockResolvedValue(ok(5));
    render(Dashboard, { session: admin, onnavigate: vi.fn() });
    const chart = await screen.findByTestId("calls-chart");
    expect(chart).toHaveAttribute("aria-label", "No calls are due over the next 14 days.");
  });

  it("says what went wrong when the counts cannot be read", async () => {
    mocks.commands.dashboard.mockResolvedValue(err("locked"));
    mocks.commands.openFlagCount.mockResolvedValue(ok(5));
    render(Dashboard, { session: volunteer, onnavigate: vi.fn() });
    expect(await screen.findByTestId("dashboard-error")).toHaveTextContent("The vault is locked");
  });
});

describe("Red flags", () => {
  const FLAGS = [
    redFlag(),
    redFlag({
      flag_id: "shared_phone:+17135550100",
      kind: "shared_phone",
      child_id: null,
      sponsor_id: null,
      explanation_en: "Two sponsors give the phone +17135550100.",
      explanation_es: "Dos patrocinadores dan el teléfono +17135550100.",
      acknowledged: true,
      acknowledged_by: "ana",
      acknowledged_at: "2025-06-01T15:00:00Z",
      acknowledgement_note: "They are a married couple.",
    }),
  ];

  it("lists flags, opens the child and acknowledges with a note", async () => {
    // The backend's flags as each read finds them: acknowledging changes what the next page holds.
    let held = [...FLAGS];
    mocks.commands.redFlags.mockImplementation(async () => ok(held));
    mocks.commands.redFlagsPage.mockImplementation(pagedFlags(mocks.commands.redFlags));
    mocks.commands.acknowledgeFlag.mockImplementation(async (id: string, note: string) => {
      const acked = { ...FLAGS[0], flag_id: id, acknowledged: true, acknowledged_by: "Maria", acknowledged_at: "2025-06-03T17:00:00Z", acknowledgement_note: note };
      held = held.map((f) => (f.flag_id === id ? acked : f));
      return ok(acked);
    });
    const onopen = vi.fn();
    render(Flags, { onopen });
    render(Toast);
    const rows = await screen.findAllByTestId("flag-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Missed hearing");
    expect(rows[0]).toHaveTextContent("Ana López missed the hearing on 2025-05-20.");
    expect(rows[1]).toHaveTextContent("Phone shared by sponsors");
    expect(within(rows[1]).getByTestId("flag-acknowledged")).toHaveTextContent("Acknowledged by ana");
    expect(rows[1]).toHaveTextContent("They are a married couple.");
    expect(within(rows[1]).queryByTestId("flag-open-child")).toBeNull();
    expect(screen.getByTestId("flags-count")).toHaveTextContent("1 open, 1 acknowledged.");

    await fireEvent.click(within(rows[0]).getByTestId("flag-open-child"));
    expect(onopen).toHaveBeenCalledWith("1");

    await fireEvent.click(within(rows[0]).getByTestId("flag-ack"));
    const dialog = await screen.findByTestId("flag-ack-dialog");
    await fireEvent.input(within(dialog).getByTestId("flag-ack-note"), { target: { value: "ok" } });
    await fireEvent.click(screen.getByTestId("flag-ack-save"));
    expect(within(dialog).getByText("Write at least 3 characters.")).toBeInTheDocument();
    expect(mocks.commands.acknowledgeFlag).not.toHaveBeenCalled();

    await fireEvent.input(within(dialog).getByTestId("flag-ack-note"), { target: { value: "Called the court; reset for July." } });
    await fireEvent.click(screen.getByTestId("flag-ack-save"));
    await waitFor(() => expect(mocks.commands.acknowledgeFlag).toHaveBeenCalledWith("missed_hearing:1:3", "Called the court; reset for July."));
    await waitFor(() => expect(screen.queryByTestId("flag-ack-dialog")).toBeNull());
    // Read again from the backend: both acknowledged now, the count says so.
    await waitFor(() => expect(screen.getByTestId("flags-count")).toHaveTextContent("0 open, 2 acknowledged."));
    const updated = screen.getAllByTestId("flag-row").find((r) => r.textContent?.includes("Missed hearing"))!;
    expect(within(updated).getByTestId("flag-acknowledged")).toHaveTextContent("Acknowledged by Maria");
    expect(updated).toHaveTextContent("Called the court; reset for July.");
    expect(within(updated).queryByTestId("flag-ack")).toBeNull();
    expect(await screen.findByText("The red flag was acknowledged.")).toBeInTheDocument();
    expect(mocks.commands.dashboard).toHaveBeenCalled();
    expect(document.activeElement?.tagName).toBe("H1");
  });

  it("shows a flag's whole explanation and every acknowledgement, newest first", async () => {
    const twice = redFlag({
      ...FLAGS[1],
      acknowledgements: [
        { at: "2025-05-01T15:00:00Z", by: "ana", note: "Sisters, same flat." },
        { at: "2025-06-01T15:00:00Z", by: "Maria", note: "They are a married couple." },
      ],
    });
    mocks.commands.redFlags.mockResolvedValue(ok([FLAGS[0], twice]));
    mocks.commands.redFlagsPage.mockImplementation(pagedFlags(mocks.commands.redFlags));
    render(Flags, { onopen: vi.fn() });
    const rows = await screen.findAllByTestId("flag-row");
    await fireEvent.click(within(rows[1]).getByTestId("flag-details"));
    const dialog = await screen.findByTestId("flag-details-dialog");
    expect(within(dialog).getByTestId("flag-details-explanation")).toHaveTextContent("Two sponsors give the phone +17135550100.");
    const acks = within(dialog).getAllByTestId("flag-details-ack");
    expect(acks.map((a) => a.textContent)).toEqual([
      expect.stringContaining("They are a married couple."),
      expect.stringContaining("Sisters, same flat."),
    ]);
    expect(acks[1]).toHaveTextContent("Acknowledged by ana");
    // Acknowledging again from the details opens the note form for this flag.
    await fireEvent.click(within(dialog).getByTestId("flag-details-ack-button"));
    expect(await screen.findByTestId("flag-ack-dialog")).toHaveTextContent("Two sponsors give the phone");

    await fireEvent.click(screen.getByText("Cancel"));
    await fireEvent.click(within(rows[0]).getByTestId("flag-details"));
    expect(await screen.findByTestId("flag-details-none")).toHaveTextContent("No one has acknowledged this flag yet.");
  });

  it("draws a window of a caseload's 54,000 flags from one page request", async () => {
    const open = 54_000;
    mocks.commands.redFlagsPage.mockImplementation(async (_ack: boolean, offset: number, limit: number) =>
      ok({
        total: open,
        open,
        acknowledged: 0,
        flags: Array.from({ length: Math.min(limit, open - offset) }, (_, i) =>
          redFlag({ flag_id: `unreached:${offset + i}`, kind: "unreached", explanation_en: `Child ${offset + i} could not be reached.` }),
        ),
      }),
    );
    render(Flags, { onopen: vi.fn() });
    const rows = await screen.findAllByTestId("flag-row");
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.length).toBeLessThan(20);
    expect(mocks.commands.redFlagsPage).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("flags-count")).toHaveTextContent("54,000 open, 0 acknowledged.");
    expect(screen.getByTestId("flags-list")).toHaveAttribute("role", "list");
    expect(rows[0].closest('[role="listitem"]')).toHaveAttribute("aria-setsize", "54000");
  });

  it("shows the backend's note error inline", async () => {
    mocks.commands.redFlags.mockResolvedValue(ok(FLAGS));
    mocks.commands.redFlagsPage.mockImplementation(pagedFlags(mocks.commands.redFlags));
    mocks.commands.acknowledgeFlag.mockResolvedValue(err("invalid_input", "The note is too short.", "note"));
    render(Flags, { onopen: vi.fn() });
    const rows = await screen.findAllByTestId("flag-row");
    await fireEvent.click(within(rows[0]).getByTestId("flag-ack"));
    const dialog = await screen.findByTestId("flag-ack-dialog");
    await fireEvent.input(within(dialog).getByTestId("flag-ack-note"), { target: { value: "   abc" } });
    await fireEvent.click(screen.getByTestId("flag-ack-save"));
    expect(await within(dialog).findByText("The note is too short.")).toBeInTheDocument();
  });

  it("shows acknowledged flags by default and says how many are hidden when filtered", async () => {
    mocks.commands.redFlags.mockResolvedValue(ok(FLAGS));
    mocks.commands.redFlagsPage.mockImplementation(pagedFlags(mocks.commands.redFlags));
    render(Flags, { onopen: vi.fn() });
    await screen.findAllByTestId("flag-row");
    const filter = screen.getByTestId("flags-show-ack");
    expect(filter).toBeChecked();
    await fireEvent.click(filter);
    await waitFor(() => expect(screen.getAllByTestId("flag-row")).toHaveLength(1));
    expect(screen.getByTestId("flags-hidden")).toHaveTextContent("1 acknowledged flags are hidden.");
    expect(mocks.commands.redFlagsPage).toHaveBeenLastCalledWith(false, 0, expect.any(Number));
  });

  it("explains in Spanish when the interface is Spanish", async () => {
    setLang("es");
    mocks.commands.redFlags.mockResolvedValue(ok(FLAGS));
    mocks.commands.redFlagsPage.mockImplementation(pagedFlags(mocks.commands.redFlags));
    render(Flags, { onopen: vi.fn() });
    const rows = await screen.findAllByTestId("flag-row");
    expect(rows[0]).toHaveTextContent("Ana López no asistió a la audiencia del 2025-05-20.");
    expect(rows[0]).toHaveTextContent("Audiencia perdida");
    expect(rows[0]).not.toHaveTextContent("missed the hearing");
  });

  it("reports a permission error instead of an empty list", async () => {
    mocks.commands.redFlags.mockResolvedValue(err("permission_denied"));
    mocks.commands.redFlagsPage.mockImplementation(pagedFlags(mocks.commands.redFlags));
    render(Flags, { onopen: vi.fn() });
    expect(await screen.findByTestId("flags-error")).toHaveTextContent("Your role does not allow this action.");
    expect(screen.queryByTestId("flags-empty")).toBeNull();
  });
});

describe("Hearings calendar", () => {
  it("shows the month Monday first with its hearings, and moves between months", async () => {
    mocks.commands.hearingsBetween.mockResolvedValue(
      ok([
        hearingItem(),
        hearingItem({ hearing_id: 4, child_id: 2, case_number: "2025-00002", child_name: "Luis Pérez", at: "2025-06-02 13:30", court_code: "LOS", outcome: "missed" }),
      ]),
    );
    mocks.commands.hearingCalendar.mockImplementation(calendarFrom(mocks.commands.hearingsBetween));
    const onopen = vi.fn();
    render(Hearings, { onopen });
    expect(screen.getByTestId("screen-hearings")).toBeInTheDocument();
    await waitFor(() => expect(mocks.commands.hearingCalendar).toHaveBeenCalledWith("2025-06-01", "2025-06-30", 3));
    expect(screen.getByTestId("hearings-month")).toHaveTextContent("June 2025");
    const heads = within(screen.getByTestId("hearings-grid")).getAllByRole("columnheader");
    expect(heads[0]).toHaveTextContent("Mon");
    expect(heads[6]).toHaveTextContent("Sun");
    // 1 June 2025 is a Sunday: six blank cells before it.
    const firstRow = within(screen.getByTestId("hearings-grid")).getAllByRole("row")[1];
    expect(firstRow.querySelectorAll("td.blank")).toHaveLength(6);

    const items = await screen.findAllByTestId("hearing-item");
    expect(items).toHaveLength(2);
    const missed = items.find((i) => i.textContent?.includes("Luis Pérez"))!;
    expect(missed).toHaveTextContent("13:30");
    expect(missed).toHaveTextContent("LOS");
    expect(missed).toHaveClass("missed");
    expect(missed).toHaveTextContent("Missed");
    expect(missed.closest("[data-testid='hearings-day']")).toHaveAttribute("data-day", "2025-06-02");
    const other = items.find((i) => i.textContent?.includes("Ana López"))!;
    expect(other).not.toHaveClass("missed");
    expect(other.closest("[data-testid='hearings-day']")).toHaveAttribute("data-day", "2025-06-16");

    await fireEvent.click(other);
    expect(onopen).toHaveBeenCalledWith("2025-00001");

    await fireEvent.click(screen.getByTestId("hearings-next"));
    await waitFor(() => expect(mocks.commands.hearingCalendar).toHaveBeenLastCalledWith("2025-07-01", "2025-07-31", 3));
    await fireEvent.click(screen.getByTestId("hearings-prev"));
    await fireEvent.click(screen.getByTestId("hearings-prev"));
    await waitFor(() => expect(mocks.commands.hearingCalendar).toHaveBeenLastCalledWith("2025-05-01", "2025-05-31", 3));
    expect(screen.getByTestId("hearings-month")).toHaveTextContent("May 2025");
  });

  it("titles a Spanish month in sentence case, not every word capitalised", async () => {
    setLang("es");
    mocks.commands.hearingsBetween.mockResolvedValue(ok([]));
    mocks.commands.hearingCalendar.mockImplementation(calendarFrom(mocks.commands.hearingsBetween));
    render(Hearings, { onopen: vi.fn() });
    await waitFor(() => expect(mocks.commands.hearingCalendar).toHaveBeenCalled());
    expect(screen.getByTestId("hearings-month")).toHaveTextContent(/^Junio de 2025$/);
  });

  it("says when a month has no hearings", async () => {
    mocks.commands.hearingsBetween.mockResolvedValue(ok([]));
    mocks.commands.hearingCalendar.mockImplementation(calendarFrom(mocks.commands.hearingsBetween));
    render(Hearings, { onopen: vi.fn(), initial: "2024-02-10" });
    expect(await screen.findByText("No hearings this month.")).toBeInTheDocument();
    expect(mocks.commands.hearingCalendar).toHaveBeenCalledWith("2024-02-01", "2024-02-29", 3);
  });

  it("shows a busy court day's first hearings and lists all of them on asking", async () => {
    const day = Array.from({ length: 240 }, (_, i) =>
      hearingItem({ hearing_id: 100 + i, child_id: 100 + i, case_number: `2025-${String(100 + i).padStart(5, "0")}`, child_name: `Niño ${i}`, at: `2025-06-10 ${String(8 + Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}` }),
    );
    mocks.commands.hearingsBetween.mockImplementation(async (from: string, to: string) => ok(day.filter((h) => h.at.slice(0, 10) >= from && h.at.slice(0, 10) <= to)));
    mocks.commands.hearingCalendar.mockImplementation(calendarFrom(mocks.commands.hearingsBetween));
    const onopen = vi.fn();
    render(Hearings, { onopen });
    const cell = (await screen.findAllByTestId("hearings-day")).find((d) => d.getAttribute("data-day") === "2025-06-10")!;
    await waitFor(() => expect(within(cell).getAllByTestId("hearing-item")).toHaveLength(3));
    expect(screen.getAllByTestId("hearing-item")).toHaveLength(3);
    expect(screen.getByRole("status")).toHaveTextContent("240 hearings this month");
    const more = within(cell).getByTestId("hearings-day-more");
    expect(more).toHaveTextContent("237 more");
    expect(more).toHaveAttribute("aria-expanded", "false");
    // The month asked only for each day's first hearings.
    expect(mocks.commands.hearingsBetween).not.toHaveBeenCalledWith("2025-06-10", "2025-06-10");

    await fireEvent.click(more);
    const list = await screen.findByTestId("hearings-day-list");
    expect(mocks.commands.hearingsBetween).toHaveBeenLastCalledWith("2025-06-10", "2025-06-10");
    await waitFor(() => expect(within(list).getAllByTestId("hearings-day-item")).toHaveLength(240));
    expect(list).toHaveTextContent("Tuesday, June 10, 2025");
    expect(document.activeElement).toBe(within(list).getByRole("heading"));
    expect(more).toHaveAttribute("aria-expanded", "true");
    await fireEvent.click(within(list).getAllByTestId("hearings-day-item")[239]);
    expect(onopen).toHaveBeenCalledWith("2025-00339");
    await fireEvent.click(within(list).getByTestId("hearings-day-close"));
    expect(screen.queryByTestId("hearings-day-list")).toBeNull();
  });
});

describe("Follow-up catalog", () => {
  it("has every follow-up key in Spanish, really translated", () => {
    const prefixes = ["nav.dashboard", "nav.calls", "nav.flags", "nav.hearings", "calls.", "logCall.", "callOutcome.", "callStatus.", "dashboard.", "flags.", "hearings."];
    const keys = (Object.keys(en) as (keyof typeof en)[]).filter((k) => prefixes.some((p) => k.startsWith(p)));
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      expect(Object.keys(es), key).toContain(key);
      expect(es[key].trim(), key).not.toBe("");
    }
    const copied = keys.filter((k) => es[k] === en[k]);
    expect(copied).toEqual(["hearings.open"]);
    for (const outcome of ["reached_child", "reached_sponsor", "no_answer", "voicemail", "wrong_number", "refused", "safety_concern"]) {
      expect(keys).toContain(`callOutcome.${outcome}`);
    }
    for (const status of ["open", "reached", "unreached", "escalated", "logged_outside_schedule"]) {
      expect(keys).toContain(`callStatus.${status}`);
    }
  });
});

describe("Reported addresses", () => {
  it("tells a volunteer that a new address heard on a call waits for a case manager", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok(QUEUE));
    render(CallQueue, { onopen: vi.fn(), reportsAddresses: true });
    const rows = await screen.findAllByTestId("call-row");
    await fireEvent.click(within(rows[0]).getByTestId("log-call"));
    const dialog = await screen.findByTestId("log-call-dialog");
    await fireEvent.click(within(dialog).getByTestId("swb-new-address"));
    expect(within(dialog).getByTestId("swb-address-pending")).toHaveTextContent("A case manager confirms the new address");
  });

  const address = (line1: string, city: string) => ({ line1, unit: null, city, state: "TX", postal_code: "77009" });
  const report = (id: number, line1: string) => ({
    id,
    sponsor_id: 4,
    sponsor_name: "Rosa Ramírez",
    child_id: 1,
    case_number: "2025-00001",
    reported_by: "jose",
    reported_on: "2025-06-02",
    address: address(line1, "Houston"),
    current_address: address("1200 Main St", "Houston"),
    status: "pending",
    decided_by: null,
    decided_on: null,
    reason: null,
  });

  it("lets a case manager confirm one report and reject another with a reason", async () => {
    mocks.commands.pendingAddresses.mockResolvedValue(ok([report(7, "9 Wrong Way"), report(8, "500 Elm St")]));
    mocks.commands.rejectAddress.mockResolvedValue(ok({ ...report(7, "9 Wrong Way"), status: "rejected" }));
    mocks.commands.confirmAddress.mockResolvedValue(ok(sponsor));
    render(Dashboard, { session: caseManager, onnavigate: vi.fn() });
    const rows = await screen.findAllByTestId("pending-address");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Reported by jose");
    expect(within(rows[0]).getByTestId("pending-new")).toHaveTextContent("9 Wrong Way");
    expect(within(rows[0]).getByTestId("pending-current")).toHaveTextContent("1200 Main St");

    // A rejection needs a reason: nothing is sent without one.
    await fireEvent.click(within(rows[0]).getByTestId("pending-reject"));
    await fireEvent.click(within(rows[0]).getByTestId("pending-reject-save"));
    expect(within(rows[0]).getByTestId("pending-reason")).toHaveAttribute("aria-invalid", "true");
    expect(mocks.commands.rejectAddress).not.toHaveBeenCalled();
    await fireEvent.input(within(rows[0]).getByTestId("pending-reason"), { target: { value: "Sponsor says it was a joke" } });
    await fireEvent.click(within(rows[0]).getByTestId("pending-reject-save"));
    await waitFor(() => expect(mocks.commands.rejectAddress).toHaveBeenCalledWith(7, "Sponsor says it was a joke"));
    await waitFor(() => expect(screen.getAllByTestId("pending-address")).toHaveLength(1));
    expect(document.activeElement).toHaveAttribute("id", "pending-title");

    await fireEvent.click(screen.getByTestId("pending-confirm"));
    await waitFor(() => expect(mocks.commands.confirmAddress).toHaveBeenCalledWith(8));
    await waitFor(() => expect(screen.queryByTestId("pending-addresses")).not.toBeInTheDocument());
  });

  it("is not asked for by a volunteer, whose reports wait for a case manager", async () => {
    render(Dashboard, { session: volunteer, onnavigate: vi.fn() });
    await screen.findByTestId("count-calls-due");
    expect(mocks.commands.pendingAddresses).not.toHaveBeenCalled();
    expect(screen.queryByTestId("pending-addresses")).not.toBeInTheDocument();
  });
});
