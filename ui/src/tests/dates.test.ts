// A due date far away, or in another year, says its year: "Due Sat, Jan 2" read in December
// could be either January.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { callDue, callLogged, caseManager, dashboardData, ok, taskItem, pagedCallQueue, pagedTasks } from "./mockBindings";
import { formatDay, needsYear, parseIsoDate, YEAR_SHOWN_BEYOND_DAYS } from "../lib/format";
import { setLang } from "../lib/i18n/index.svelte";
import { resetDashboard } from "../lib/followup.svelte";
import { resetReference } from "../lib/reference.svelte";

const mocks = vi.hoisted(() => ({
  commands: {
    listLanguages: vi.fn(),
    callsDue: vi.fn(),
    callsDuePage: vi.fn(),
    logCall: vi.fn(),
    dashboard: vi.fn(),
    openFlagCount: vi.fn(),
    listTasks: vi.fn(),
    listTasksPage: vi.fn(),
  },
}));
vi.mock("../lib/bindings", () => ({ commands: mocks.commands, events: {} }));

import CallQueue from "../screens/CallQueue.svelte";
import Tasks from "../screens/Tasks.svelte";
import Toast from "../lib/components/Toast.svelte";

const day = (iso: string) => parseIsoDate(iso)!;

describe("formatDay around the turn of the year", () => {
  // Tuesday 1 December 2026.
  const today = day("2026-12-01");

  it("gives a date in the next year its year, in English and in Spanish", () => {
    expect(formatDay("2027-01-02", undefined, today)).toBe("Sat, Jan 2, 2027");
    setLang("es");
    expect(formatDay("2027-01-02", undefined, today)).toBe("sáb, 2 ene 2027");
  });

  it("leaves the year out of a date a few days or weeks away in the same year", () => {
    expect(formatDay("2026-12-15", undefined, today)).toBe("Tue, Dec 15");
    expect(formatDay("2026-11-27", undefined, today)).toBe("Fri, Nov 27");
    setLang("es");
    expect(formatDay("2026-12-15", undefined, today)).toBe("mar, 15 dic");
  });

  it("gives a date in the past year its year too (an overdue call from last December)", () => {
    expect(formatDay("2025-12-30", undefined, day("2026-01-05"))).toBe("Tue, Dec 30, 2025");
  });

  it("shows the year beyond a few months away even in the same year", () => {
    const june = day("2026-06-01");
    expect(YEAR_SHOWN_BEYOND_DAYS).toBe(90);
    expect(needsYear(day("2026-08-30"), june)).toBe(false); // 90 days on
    expect(needsYear(day("2026-08-31"), june)).toBe(true); // 91 days on
    expect(formatDay("2026-08-30", undefined, june)).toBe("Sun, Aug 30");
    expect(formatDay("2026-08-31", undefined, june)).toBe("Mon, Aug 31, 2026");
    expect(formatDay("2026-01-10", undefined, june)).toBe("Sat, Jan 10, 2026");
  });

  it("adds the year to a long format, and never to a chart's weekday letter", () => {
    expect(formatDay("2027-01-02", { weekday: "long", month: "long", day: "numeric" }, today)).toBe("Saturday, January 2, 2027");
    expect(formatDay("2027-01-02", { weekday: "narrow" }, today)).toBe("S");
    setLang("es");
    expect(formatDay("2027-01-02", { weekday: "long", month: "long", day: "numeric" }, today)).toBe("sábado, 2 de enero de 2027");
  });

  it("reads today from the computer's clock when not given", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date(2026, 11, 1, 9, 30));
      expect(formatDay("2027-01-02")).toBe("Sat, Jan 2, 2027");
      expect(formatDay("2026-12-03")).toBe("Thu, Dec 3");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("due dates on the screens, read on 3 December 2026", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 11, 3, 10, 0));
    resetDashboard();
    resetReference();
    for (const fn of Object.values(mocks.commands)) fn.mockReset();
    mocks.commands.listTasksPage.mockImplementation(pagedTasks(mocks.commands.listTasks));
    mocks.commands.callsDuePage.mockImplementation(pagedCallQueue(mocks.commands.callsDue));
    mocks.commands.listLanguages.mockResolvedValue([]);
    mocks.commands.dashboard.mockResolvedValue(ok(dashboardData({}, "2026-12-03")));
    mocks.commands.openFlagCount.mockResolvedValue(ok(5));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("says which January the next attempt of a call is due in", async () => {
    mocks.commands.callsDue.mockResolvedValue(
      ok([callDue({ task_id: 1, case_number: "2026-00412", child_name: "José Ramírez", due_on: "2026-12-03" })]),
    );
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ call_status: "attempted", outcome: "no_answer", next_due_on: "2027-01-02" })));
    render(CallQueue, { onopen: vi.fn() });
    render(Toast);
    await fireEvent.click(await screen.findByTestId("log-call"));
    const dialog = await screen.findByTestId("log-call-dialog");
    await fireEvent.change(within(dialog).getByTestId("log-call-outcome"), { target: { value: "no_answer" } });
    await fireEvent.click(screen.getByTestId("log-call-save"));
    await waitFor(() => expect(screen.getByText(/Next call due Sat, Jan 2, 2027\./)).toBeInTheDocument());
  });

  it("shows the year on a task due next year, and not on one due this month (in Spanish too)", async () => {
    mocks.commands.listTasks.mockResolvedValue(
      ok([
        taskItem({ task_id: 1, kind: "acis_check", child_name: "José Ramírez", due_on: "2026-12-10", attempt: null }),
        taskItem({ task_id: 2, kind: "eoir33", child_name: "Lucía Hernández", due_on: "2027-01-02", attempt: null }),
      ]),
    );
    render(Tasks, { session: caseManager, onopen: vi.fn(), oncalls: vi.fn() });
    const rows = await screen.findAllByTestId("task-row");
    expect(rows[0]).toHaveTextContent("Due Thu, Dec 10");
    expect(rows[0]).not.toHaveTextContent("2026");
    expect(rows[1]).toHaveTextContent("Due Sat, Jan 2, 2027");
    setLang("es");
    await waitFor(() => expect(screen.getAllByTestId("task-row")[1]).toHaveTextContent("Vence el sáb, 2 ene 2027"));
    expect(screen.getAllByTestId("task-row")[0]).toHaveTextContent("Vence el jue, 10 dic");
  });
});
