// The Tasks screen (every open follow-up task, marked done by staff) and the dashboard's task cards.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { admin, caseManager, dashboardData, err, ok, pagedTasks, taskItem, volunteer } from "./mockBindings";
import { setLang } from "../lib/i18n/index.svelte";
import { resetDashboard } from "../lib/followup.svelte";

const mocks = vi.hoisted(() => ({
  commands: {
    listTasks: vi.fn(),
    listTasksPage: vi.fn(),
    completeTask: vi.fn(),
    dashboard: vi.fn(),
    openFlagCount: vi.fn(),
    pendingAddresses: vi.fn(),
  },
}));
vi.mock("../lib/bindings", () => ({ commands: mocks.commands, events: {} }));

import Tasks from "../screens/Tasks.svelte";
import Dashboard from "../screens/Dashboard.svelte";
import Toast from "../lib/components/Toast.svelte";

beforeEach(() => {
  // "Today" is Tuesday 3 June 2025 on this computer.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2025, 5, 3, 12, 0));
  resetDashboard();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  // Each section's pages come from the whole list `listTasks` holds, as the backend pages them.
  mocks.commands.listTasksPage.mockImplementation(pagedTasks(mocks.commands.listTasks));
  mocks.commands.dashboard.mockResolvedValue(ok(dashboardData()));
  mocks.commands.openFlagCount.mockResolvedValue(ok(5));
  mocks.commands.pendingAddresses.mockResolvedValue(ok([]));
});
afterEach(() => {
  vi.useRealTimers();
});

const jose = { child_id: 7, case_number: "2025-00007", child_name: "José Ramírez" };
const TASKS = [
  taskItem({ task_id: 1, due_on: "2025-05-30", overdue: true, attempt: 2, summary: "Safety & Well-Being call (day 30), attempt 2" }),
  taskItem({ task_id: 6, kind: "hearing_notice", due_on: "2025-06-01", overdue: true, attempt: null, summary: "Send the hearing notice: the family does not know the court date" }),
  taskItem({ task_id: 7, ...jose, kind: "escalation", reason: "unreached", due_on: "2025-06-02", overdue: true, attempt: null, summary: "Escalation to the case manager: the family was not reached after every attempt" }),
  taskItem({ task_id: 2, kind: "acis_check", due_on: "2025-06-03", attempt: null, summary: "Check the case in ACIS (1-800-898-7180)" }),
  taskItem({ task_id: 3, ...jose, kind: "escalation", reason: "not_safe", due_on: "2025-06-03", attempt: null, summary: "Escalation to the case manager: the child said they do not feel safe" }),
  taskItem({ task_id: 4, kind: "eoir33", due_on: "2025-06-06", attempt: null, summary: "File the EOIR-33 change of address (due within 5 working days)" }),
  taskItem({ task_id: 5, kind: "hearing_reminder", due_on: "2025-06-20", attempt: null, summary: "Hearing reminder call: the hearing is in 7 day(s)" }),
];

const ids = (section: string) =>
  within(screen.getByTestId(`tasks-${section}`))
    .queryAllByTestId("task-row")
    .map((r) => Number(r.getAttribute("data-task")));

function row(id: number): HTMLElement {
  const found = screen.getAllByTestId("task-row").find((r) => r.getAttribute("data-task") === String(id));
  if (!found) throw new Error(`no task row ${id}`);
  return found;
}

function renderTasks(session = caseManager) {
  const onopen = vi.fn();
  const oncalls = vi.fn();
  render(Tasks, { session, onopen, oncalls });
  return { onopen, oncalls };
}

describe("Tasks", () => {
  it("groups the next 30 days into overdue, today and upcoming, escalations first", async () => {
    mocks.commands.listTasks.mockResolvedValue(ok(TASKS));
    const { onopen, oncalls } = renderTasks();
    expect(screen.getByTestId("screen-tasks")).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId("task-row")).toHaveLength(7));
    expect(mocks.commands.listTasks).toHaveBeenCalledWith("2025-07-03", false);
    // Each section is paged from the backend, every kind.
    for (const section of ["overdue", "today", "upcoming"]) {
      expect(mocks.commands.listTasksPage).toHaveBeenCalledWith(section, "2025-07-03", false, null, 0, 100);
    }
    expect(ids("overdue")).toEqual([7, 1, 6]);
    expect(ids("today")).toEqual([3, 2]);
    expect(ids("upcoming")).toEqual([4, 5]);
    expect(screen.getByTestId("tasks-overdue")).toHaveTextContent("Overdue (3)");

    const escalation = row(3);
    expect(escalation).toHaveClass("escalation");
    expect(escalation).toHaveTextContent("José Ramírez");
    expect(escalation).toHaveTextContent("2025-00007");
    expect(escalation).toHaveTextContent("Escalation");
    expect(within(escalation).getByTestId("task-reason")).toHaveTextContent("The child does not feel safe");
    expect(within(row(7)).getByTestId("task-reason")).toHaveTextContent("Not reached after every attempt");
    expect(within(escalation).getByTestId("task-done")).toHaveTextContent("Mark done…");

    // Summaries are built here, in the reader's language.
    expect(within(row(5)).getByTestId("task-summary")).toHaveTextContent("Reminder call: the hearing is in 7 day(s)");
    expect(within(row(2)).getByTestId("task-summary")).toHaveTextContent("Check the case in ACIS (1-800-898-7180)");
    expect(row(4)).toHaveTextContent("Due Fri, Jun 6");

    // A call is logged in the call queue, not marked done here.
    const callRow = row(1);
    expect(within(callRow).getByTestId("task-summary")).toHaveTextContent("Safety & Well-Being call, attempt 2");
    expect(callRow).toHaveTextContent("Log the call from the call queue.");
    expect(within(callRow).queryByTestId("task-done")).toBeNull();
    await fireEvent.click(within(callRow).getByTestId("task-to-calls"));
    expect(oncalls).toHaveBeenCalledTimes(1);

    await fireEvent.click(within(escalation).getByTestId("task-open-child"));
    expect(onopen).toHaveBeenCalledWith("2025-00007");
  });

  it("filters by kind and says how many are shown", async () => {
    mocks.commands.listTasks.mockResolvedValue(ok(TASKS));
    renderTasks();
    await screen.findAllByTestId("task-row");
    const filter = screen.getByTestId("tasks-filter");
    expect(within(filter).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "All tasks",
      "Calls",
      "Escalations",
      "Hearing reminders",
      "Hearing notices",
      "ACIS checks",
      "EOIR-33",
      "Age-outs",
      "Numbers to find",
      "Legal deadlines",
      "Legal steps",
      "Concern reports to submit",
      "Concern reports to report",
    ]);
    expect(screen.getByTestId("tasks-shown")).toHaveTextContent("7 of 7 tasks shown.");
    await fireEvent.change(filter, { target: { value: "escalation" } });
    // The kind is asked of the backend, whose counts say how many of how many.
    await waitFor(() => expect(screen.getByTestId("tasks-shown")).toHaveTextContent("2 of 7 tasks shown."));
    expect(mocks.commands.listTasksPage).toHaveBeenLastCalledWith(expect.any(String), "2025-07-03", false, "escalation", 0, 100);
    expect(screen.getAllByTestId("task-row").map((r) => r.getAttribute("data-kind"))).toEqual(["escalation", "escalation"]);
    expect(within(screen.getByTestId("tasks-upcoming")).getByText("No tasks here.")).toBeInTheDocument();
    await fireEvent.change(filter, { target: { value: "acis_check" } });
    await waitFor(() => expect(ids("today")).toEqual([2]));
    expect(ids("overdue")).toEqual([]);
    await fireEvent.change(filter, { target: { value: "swb_call" } });
    await waitFor(() => expect(ids("overdue")).toEqual([1]));
    await fireEvent.change(filter, { target: { value: "all" } });
    await waitFor(() => expect(screen.getAllByTestId("task-row")).toHaveLength(7));
  });

  it("marks an escalation done: what was done is required, the day is today unless changed", async () => {
    // The backend's open tasks: a task done leaves them.
    let open = [...TASKS];
    mocks.commands.listTasks.mockImplementation(async () => ok(open));
    mocks.commands.completeTask.mockImplementation(async (id: number, note: string, on: string | null) => {
      open = open.filter((x) => x.task_id !== id);
      return ok({ ...TASKS.find((x) => x.task_id === id)!, done_on: on ?? "2025-06-03", done_by: "ana", done_note: note });
    });
    renderTasks();
    render(Toast);
    await screen.findAllByTestId("task-row");

    await fireEvent.click(within(row(3)).getByTestId("task-done"));
    const dialog = await screen.findByTestId("task-done-dialog");
    expect(dialog).toHaveTextContent("Mark the task done");
    expect(dialog).toHaveTextContent("José Ramírez");
    expect(dialog).toHaveTextContent("Escalation to the case manager: The child does not feel safe");
    expect(within(dialog).getByTestId("task-done-on")).toHaveValue("2025-06-03");
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByTestId("task-done-note")));

    // Nothing is sent without saying what was done.
    await fireEvent.click(screen.getByTestId("task-done-save"));
    expect(within(dialog).getByText("This field is required.")).toBeInTheDocument();
    expect(within(dialog).getByTestId("task-done-note")).toHaveAttribute("aria-invalid", "true");
    expect(mocks.commands.completeTask).not.toHaveBeenCalled();

    await fireEvent.input(within(dialog).getByTestId("task-done-note"), { target: { value: " Visita con Rosa; plan de seguridad. " } });
    await fireEvent.click(screen.getByTestId("task-done-save"));
    await waitFor(() => expect(mocks.commands.completeTask).toHaveBeenCalledWith(3, "Visita con Rosa; plan de seguridad.", null));
    await waitFor(() => expect(screen.queryByTestId("task-done-dialog")).toBeNull());
    // The sections are read again: the task has left, the count follows.
    await waitFor(() => expect(ids("today")).toEqual([2]));
    expect(await screen.findByText("Task done: Escalation to the case manager: The child does not feel safe.")).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toHaveAttribute("id", "tasks-h-today"));
    expect(document.activeElement).toHaveTextContent("Today (1)");
    // The dashboard's counts follow.
    expect(mocks.commands.dashboard).toHaveBeenCalled();

    // An earlier day is sent as typed.
    await fireEvent.click(within(row(7)).getByTestId("task-done"));
    const again = await screen.findByTestId("task-done-dialog");
    await fireEvent.input(within(again).getByTestId("task-done-note"), { target: { value: "Visita a domicilio; la familia está bien." } });
    await fireEvent.input(within(again).getByTestId("task-done-on"), { target: { value: "2025-06-02" } });
    await fireEvent.click(screen.getByTestId("task-done-save"));
    await waitFor(() => expect(mocks.commands.completeTask).toHaveBeenLastCalledWith(7, "Visita a domicilio; la familia está bien.", "2025-06-02"));
    await waitFor(() => expect(ids("overdue")).toEqual([1, 6]));
  });

  it("shows the backend's errors on the day and note fields, or for the form", async () => {
    mocks.commands.listTasks.mockResolvedValue(ok(TASKS));
    mocks.commands.completeTask
      .mockResolvedValueOnce(err("invalid_input", "2025-06-09 is in the future (today is 2025-06-03)", "on"))
      .mockResolvedValueOnce(err("invalid_input", "say what was done (at least 3 characters)", "note"))
      .mockResolvedValueOnce(err("invalid_input", "task 2 is no longer open: the case changed since", "task"));
    renderTasks(admin);
    await screen.findAllByTestId("task-row");
    await fireEvent.click(within(row(2)).getByTestId("task-done"));
    const dialog = await screen.findByTestId("task-done-dialog");
    await fireEvent.input(within(dialog).getByTestId("task-done-note"), { target: { value: "ok" } });
    await fireEvent.input(within(dialog).getByTestId("task-done-on"), { target: { value: "2025-06-09" } });
    await fireEvent.click(screen.getByTestId("task-done-save"));
    expect(await within(dialog).findByText("2025-06-09 is in the future (today is 2025-06-03)")).toBeInTheDocument();
    expect(within(dialog).getByTestId("task-done-on")).toHaveAttribute("aria-invalid", "true");

    await fireEvent.click(screen.getByTestId("task-done-save"));
    expect(await within(dialog).findByText("say what was done (at least 3 characters)")).toBeInTheDocument();
    expect(within(dialog).getByTestId("task-done-note")).toHaveAttribute("aria-invalid", "true");

    await fireEvent.click(screen.getByTestId("task-done-save"));
    expect(await within(dialog).findByTestId("task-done-error")).toHaveTextContent("task 2 is no longer open");
    // The task stays listed until it is really done.
    expect(ids("today")).toEqual([3, 2]);
  });

  it("gives a volunteer their call tasks and no Mark done", async () => {
    const calls = TASKS.filter((x) => x.kind === "swb_call").concat(taskItem({ task_id: 9, due_on: "2025-06-10", attempt: 1 }));
    mocks.commands.listTasks.mockResolvedValue(ok(calls));
    const { oncalls } = renderTasks(volunteer);
    await waitFor(() => expect(screen.getAllByTestId("task-row")).toHaveLength(2));
    expect(screen.queryByTestId("task-done")).toBeNull();
    expect(screen.getAllByTestId("task-to-calls")).toHaveLength(2);
    await fireEvent.click(screen.getAllByTestId("task-to-calls")[1]);
    expect(oncalls).toHaveBeenCalled();
  });

  it("is in Spanish when the interface is", async () => {
    setLang("es");
    mocks.commands.listTasks.mockResolvedValue(ok(TASKS));
    renderTasks();
    await screen.findAllByTestId("task-row");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Tareas");
    expect(screen.getByTestId("tasks-overdue")).toHaveTextContent("Atrasadas (3)");
    expect(within(row(3)).getByTestId("task-reason")).toHaveTextContent("El niño o la niña no se siente seguro(a)");
    expect(within(row(3)).getByTestId("task-done")).toHaveTextContent("Marcar como hecha…");
    expect(within(row(1)).getByTestId("task-summary")).toHaveTextContent("Llamada de seguridad y bienestar, intento 2");
    expect(within(row(5)).getByTestId("task-summary")).toHaveTextContent("la audiencia es en 7 día(s)");
    expect(within(row(2)).getByTestId("task-summary")).toHaveTextContent("Consultar el caso en ACIS");
    expect(screen.getByTestId("screen-tasks")).not.toHaveTextContent("Check the case in ACIS");
    expect(within(screen.getByTestId("tasks-filter")).getByRole("option", { name: "Escalamientos" })).toBeInTheDocument();
  });

  it("renders a window of a section of 95,000 overdue calls, paged from the backend", async () => {
    const TOTAL = 95_000;
    mocks.commands.listTasksPage.mockImplementation(
      async (section: string, _on: string | null, _mine: boolean, _kind: string | null, offset: number, limit: number) => {
        if (section !== "overdue") return ok({ total: 0, all_kinds: 0, tasks: [] });
        const n = Math.max(0, Math.min(limit, TOTAL - offset));
        const tasks = Array.from({ length: n }, (_, i) =>
          taskItem({ task_id: offset + i + 1, due_on: "2025-05-01", overdue: true, child_name: `Child ${offset + i + 1}` }),
        );
        return ok({ total: TOTAL, all_kinds: TOTAL, tasks });
      },
    );
    renderTasks();
    await waitFor(() => expect(screen.getByTestId("tasks-overdue")).toHaveTextContent("Overdue (95,000)"));
    // Only the rows in view (and a few either side) are in the document; one page was asked for.
    const rows = within(screen.getByTestId("tasks-overdue")).getAllByTestId("task-row");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(30);
    expect(mocks.commands.listTasksPage).toHaveBeenCalledWith("overdue", "2025-07-03", false, null, 0, 100);
    expect(mocks.commands.listTasksPage.mock.calls.filter((c) => c[0] === "overdue")).toHaveLength(1);
    expect(mocks.commands.listTasks).not.toHaveBeenCalled();
    const list = screen.getByTestId("tasks-list-overdue");
    expect(list).toHaveAttribute("role", "list");
    expect(rows[0].closest("[role=listitem]")).toHaveAttribute("aria-setsize", "95000");
    expect(screen.getByTestId("tasks-shown")).toHaveTextContent("95,000 of 95,000 tasks shown.");
  });

  it("reports a failed load instead of empty sections", async () => {
    mocks.commands.listTasks.mockResolvedValue(err("internal", "disk I/O error"));
    renderTasks();
    expect(await screen.findByTestId("tasks-error")).toHaveTextContent("disk I/O error");
    expect(screen.queryByText("No tasks here.")).toBeNull();
  });
});

describe("Dashboard task cards", () => {
  it("show the counts, overdue and escalations as alerts, and open the Tasks screen", async () => {
    mocks.commands.dashboard.mockResolvedValue(ok(dashboardData({ tasks_due_today: 4, tasks_overdue: 2, escalations_open: 1 })));
    mocks.commands.openFlagCount.mockResolvedValue(ok(5));
    const onnavigate = vi.fn();
    render(Dashboard, { session: caseManager, onnavigate });
    const due = await screen.findByTestId("count-tasks-due");
    expect(due).toHaveTextContent("4");
    expect(due).toHaveTextContent("Tasks due today");
    expect(due).not.toHaveClass("alert");
    expect(screen.getByTestId("count-tasks-overdue")).toHaveTextContent("2");
    expect(screen.getByTestId("count-tasks-overdue")).toHaveTextContent("Tasks overdue");
    expect(screen.getByTestId("count-tasks-overdue")).toHaveClass("alert");
    expect(screen.getByTestId("count-escalations")).toHaveTextContent("1");
    expect(screen.getByTestId("count-escalations")).toHaveTextContent("Open escalations");
    expect(screen.getByTestId("count-escalations")).toHaveClass("alert");

    await fireEvent.click(due);
    expect(onnavigate).toHaveBeenLastCalledWith("tasks");
    await fireEvent.click(screen.getByTestId("count-tasks-overdue"));
    expect(onnavigate).toHaveBeenLastCalledWith("tasks");
    await fireEvent.click(screen.getByTestId("count-escalations"));
    expect(onnavigate).toHaveBeenLastCalledWith("tasks");
    expect(onnavigate).toHaveBeenCalledTimes(3);
  });

  it("are calm at zero, and a volunteer has no escalations card", async () => {
    mocks.commands.dashboard.mockResolvedValue(ok(dashboardData({ tasks_overdue: 0, escalations_open: 0 })));
    mocks.commands.openFlagCount.mockResolvedValue(ok(5));
    render(Dashboard, { session: volunteer, onnavigate: vi.fn() });
    expect(await screen.findByTestId("count-tasks-overdue")).not.toHaveClass("alert");
    expect(screen.getByTestId("count-tasks-due")).toBeInTheDocument();
    expect(screen.queryByTestId("count-escalations")).toBeNull();
  });

  it("are in Spanish when the interface is", async () => {
    setLang("es");
    mocks.commands.dashboard.mockResolvedValue(ok(dashboardData({ escalations_open: 3 })));
    mocks.commands.openFlagCount.mockResolvedValue(ok(5));
    render(Dashboard, { session: admin, onnavigate: vi.fn() });
    expect(await screen.findByTestId("count-tasks-due")).toHaveTextContent("Tareas para hoy");
    expect(screen.getByTestId("count-tasks-overdue")).toHaveTextContent("Tareas atrasadas");
    expect(screen.getByTestId("count-escalations")).toHaveTextContent("Escalamientos abiertos");
  });
});
