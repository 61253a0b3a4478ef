// "Only mine" on the call queue and the Tasks screen; the number dialled on a call and what a
// wrong number leaves; the age-out and find-a-number tasks.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { callDue, callLogged, caseManager, dashboardData, languages, ok, taskItem, pagedCallQueue, pagedTasks } from "./mockBindings";
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
    listTasksPage: vi.fn(),
    completeTask: vi.fn(),
    dashboard: vi.fn(),
    openFlagCount: vi.fn(),
    pendingAddresses: vi.fn(),
  },
}));
vi.mock("../lib/bindings", () => ({ commands: mocks.commands, events: {} }));

import CallQueue from "../screens/CallQueue.svelte";
import Tasks from "../screens/Tasks.svelte";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2025, 5, 3, 12, 0));
  resetReference();
  resetDashboard();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.listTasksPage.mockImplementation(pagedTasks(mocks.commands.listTasks));
  mocks.commands.callsDuePage.mockImplementation(pagedCallQueue(mocks.commands.callsDue));
  mocks.commands.listLanguages.mockResolvedValue(languages);
  mocks.commands.dashboard.mockResolvedValue(ok(dashboardData()));
  mocks.commands.openFlagCount.mockResolvedValue(ok(5));
  mocks.commands.pendingAddresses.mockResolvedValue(ok([]));
});
afterEach(() => {
  vi.useRealTimers();
});

/** José Ramírez's sponsor: a Guatemalan number that no longer works, a US one, another Guatemalan one. */
const jose = callDue({
  child_name: "José Ramírez",
  sponsor_name: "Rosa Ñuñoa",
  sponsor_phone: "+17135550142",
  sponsor_phone_display: "(713) 555-0142",
  sponsor_phones: ["+50251234567", "+17135550142", "+50244556677"],
  sponsor_phones_display: ["+502 5123 4567", "(713) 555-0142", "+502 4455 6677"],
  sponsor_phones_not_working: ["+50251234567"],
});

describe("Call queue: numbers", () => {
  it("marks not-working numbers and dials the first working one", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok([jose]));
    render(CallQueue, { onopen: vi.fn() });
    const row = await screen.findByTestId("call-row");
    const dial = within(row).getByTestId("call-phone");
    expect(dial).toHaveTextContent("(713) 555-0142");
    expect(dial).toHaveAttribute("href", "tel:+17135550142");
    const dead = within(row).getByTestId("call-phone-not-working");
    expect(dead.querySelector("s")).toHaveTextContent("+502 5123 4567");
    expect(dead).toHaveTextContent("+502 5123 4567 (not working)");
    expect(within(row).getByTestId("call-phone-other")).toHaveTextContent("+502 4455 6677");
  });

  it("says so when no number works", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok([{ ...jose, sponsor_phones_not_working: [...jose.sponsor_phones] }]));
    render(CallQueue, { onopen: vi.fn() });
    const row = await screen.findByTestId("call-row");
    expect(within(row).queryByTestId("call-phone")).toBeNull();
    expect(within(row).getByTestId("call-no-working-phone")).toHaveTextContent("No working number");
    expect(within(row).getAllByTestId("call-phone-not-working")).toHaveLength(3);
  });

  it("asks which number was dialled (the first working one by default), passes it, and names the next after a wrong number", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok([jose]));
    mocks.commands.logCall.mockResolvedValue(
      ok(callLogged({ outcome: "wrong_number", call_status: "open", not_working: "+50244556677", next_phone: "+17135550142" })),
    );
    render(CallQueue, { onopen: vi.fn() });
    await fireEvent.click(await screen.findByTestId("log-call"));
    const dialog = await screen.findByTestId("log-call-dialog");
    const phone = within(dialog).getByTestId("log-call-phone");
    expect(phone).toHaveValue("+17135550142");
    expect(within(phone).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "+502 5123 4567 — not working",
      "(713) 555-0142",
      "+502 4455 6677",
    ]);
    await fireEvent.change(phone, { target: { value: "+50244556677" } });
    await fireEvent.change(within(dialog).getByTestId("log-call-outcome"), { target: { value: "wrong_number" } });
    await fireEvent.click(within(dialog).getByTestId("log-call-save"));
    await waitFor(() => expect(mocks.commands.logCall).toHaveBeenCalledWith("2025-00001", "wrong_number", null, "", null, "+50244556677"));
    expect(await screen.findByTestId("wrong-number-notice")).toHaveTextContent("+502 4455 6677 was marked not working. Next time, call (713) 555-0142.");
  });

  it("says a find-a-number task was made when no number is left, in Spanish too", async () => {
    setLang("es");
    mocks.commands.callsDue.mockResolvedValue(ok([jose]));
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ outcome: "wrong_number", call_status: "open", not_working: "+17135550142", next_phone: null })));
    render(CallQueue, { onopen: vi.fn() });
    await fireEvent.click(await screen.findByTestId("log-call"));
    const dialog = await screen.findByTestId("log-call-dialog");
    await fireEvent.change(within(dialog).getByTestId("log-call-outcome"), { target: { value: "wrong_number" } });
    await fireEvent.click(within(dialog).getByTestId("log-call-save"));
    await waitFor(() => expect(mocks.commands.logCall).toHaveBeenCalledWith("2025-00001", "wrong_number", null, "", null, "+17135550142"));
    expect(await screen.findByTestId("wrong-number-notice")).toHaveTextContent(
      "Se marcó (713) 555-0142 como número que no funciona. No queda ningún número que funcione: se creó una tarea para encontrar uno.",
    );
  });

  it("sends no number when the sponsor has only one (the backend knows it)", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok([callDue()]));
    mocks.commands.logCall.mockResolvedValue(ok(callLogged()));
    render(CallQueue, { onopen: vi.fn() });
    await fireEvent.click(await screen.findByTestId("log-call"));
    const dialog = await screen.findByTestId("log-call-dialog");
    expect(within(dialog).queryByTestId("log-call-phone")).toBeNull();
    await fireEvent.change(within(dialog).getByTestId("log-call-outcome"), { target: { value: "reached_child" } });
    await fireEvent.click(within(dialog).getByTestId("log-call-save"));
    await waitFor(() => expect(mocks.commands.logCall).toHaveBeenCalledWith("2025-00001", "reached_child", null, "", null, null));
    expect(screen.queryByTestId("wrong-number-notice")).toBeNull();
  });
});

describe("Only mine", () => {
  it("on the call queue asks for the signed-in user's calls", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok([jose]));
    render(CallQueue, { onopen: vi.fn() });
    await screen.findByTestId("call-row");
    expect(mocks.commands.callsDue).toHaveBeenLastCalledWith("2025-06-10", false);
    await fireEvent.click(screen.getByTestId("calls-mine"));
    await waitFor(() => expect(mocks.commands.callsDue).toHaveBeenLastCalledWith("2025-06-10", true));
    await fireEvent.click(screen.getByTestId("calls-mine"));
    await waitFor(() => expect(mocks.commands.callsDue).toHaveBeenLastCalledWith("2025-06-10", false));
  });

  it("is not offered to volunteers on the call queue", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok([]));
    render(CallQueue, { onopen: vi.fn(), reportsAddresses: true, mineToggle: false });
    await screen.findByTestId("calls-overdue");
    expect(screen.queryByTestId("calls-mine")).toBeNull();
  });

  it("on the Tasks screen asks for the signed-in user's tasks", async () => {
    mocks.commands.listTasks.mockResolvedValue(ok([taskItem()]));
    render(Tasks, { session: caseManager, onopen: vi.fn(), oncalls: vi.fn() });
    await screen.findByTestId("task-row");
    expect(mocks.commands.listTasks).toHaveBeenLastCalledWith("2025-07-03", false);
    await fireEvent.click(screen.getByTestId("tasks-mine"));
    await waitFor(() => expect(mocks.commands.listTasks).toHaveBeenLastCalledWith("2025-07-03", true));
    expect(mocks.commands.listTasksPage).toHaveBeenLastCalledWith(expect.any(String), "2025-07-03", true, null, 0, 100);
  });
});

describe("Age-out and find-a-number tasks", () => {
  const TASKS = [
    taskItem({ task_id: 21, kind: "age_out", attempt: null, due_on: "2025-06-20", summary: "Prepare for age-out: the 18th birthday is in 90 days" }),
    taskItem({ task_id: 22, kind: "age_out", attempt: null, due_on: "2025-06-03", summary: "Turned 18: close the case as turned_18, or note why it stays open" }),
    taskItem({ task_id: 23, kind: "find_phone", attempt: null, due_on: "2025-06-01", overdue: true, summary: "Find a working number: every number the sponsor has failed on a call" }),
  ];

  it("are named and summed up in English and Spanish, and can be filtered", async () => {
    mocks.commands.listTasks.mockResolvedValue(ok(TASKS));
    render(Tasks, { session: caseManager, onopen: vi.fn(), oncalls: vi.fn() });
    await screen.findAllByTestId("task-row");
    const summaries = () => Object.fromEntries(screen.getAllByTestId("task-row").map((r) => [r.getAttribute("data-task"), within(r).getByTestId("task-summary").textContent]));
    expect(summaries()).toEqual({
      "21": "Prepare for age-out: the 18th birthday is in 90 days",
      "22": "Turned 18: decide whether to close the case as “Turned 18”",
      "23": "Find a working number: every number the sponsor has failed on a call",
    });
    expect(screen.getAllByTestId("task-row").find((r) => r.getAttribute("data-task") === "23")).toHaveTextContent("Find a working number");
    await fireEvent.change(screen.getByTestId("tasks-filter"), { target: { value: "age_out" } });
    await waitFor(() => expect(screen.getAllByTestId("task-row")).toHaveLength(2));
    expect(mocks.commands.listTasksPage).toHaveBeenLastCalledWith(expect.any(String), "2025-07-03", false, "age_out", 0, 100);

    setLang("es");
    await waitFor(() =>
      expect(summaries()).toEqual({
        "21": "Prepararse para la mayoría de edad: cumple 18 años en 90 días",
        "22": "Cumplió 18 años: decida si cierra el caso como «Cumplió 18 años»",
      }),
    );
    expect(screen.getAllByTestId("task-row")[0]).toHaveTextContent("Mayoría de edad");
  });
});
