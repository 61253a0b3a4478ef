// Where focus goes when the thing that had it disappears: after a call is saved (its row is
// drawn again) and after signing in (the sign-in form is gone). Never the page's body, and
// always said out loud.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { admin, callDue, callLogged, dashboardData, ok, pagedChildren, volunteer, pagedCallQueue } from "./mockBindings";
import { setLang } from "../lib/i18n/index.svelte";
import { resetDashboard } from "../lib/followup.svelte";
import { resetReference } from "../lib/reference.svelte";

const mocks = vi.hoisted(() => ({
  commands: {
    vaultStatus: vi.fn(),
    unlock: vi.fn(),
    lock: vi.fn(),
    touch: vi.fn(),
    listLanguages: vi.fn(),
    listCourts: vi.fn(),
    listChildren: vi.fn(),
    callsDue: vi.fn(),
    callsDuePage: vi.fn(),
    logCall: vi.fn(),
    dashboard: vi.fn(),
    openFlagCount: vi.fn(),
    pendingAddresses: vi.fn(),
    listTasks: vi.fn(),
  },
}));
vi.mock("../lib/bindings", () => ({
  commands: mocks.commands,
  events: { vaultLocked: { listen: async () => () => {} } },
}));

import App from "../App.svelte";
import CallQueue from "../screens/CallQueue.svelte";
import Toast from "../lib/components/Toast.svelte";
import Announcer from "../lib/components/Announcer.svelte";

const jose = callDue({ task_id: 1, child_id: 1, case_number: "2025-00001", child_name: "José Ramírez", due_on: "2025-06-02", overdue: true });
const lucia = callDue({ task_id: 2, child_id: 2, case_number: "2025-00002", child_name: "Lucía Hernández", due_on: "2025-06-03" });
const pedro = callDue({ task_id: 3, child_id: 3, case_number: "2025-00003", child_name: "Pedro Gómez", due_on: "2025-06-03" });
/** José's second attempt, after no answer: a new task, next week. */
const joseAgain = callDue({ ...jose, task_id: 9, attempt: 2, due_on: "2025-06-05", overdue: false });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2025, 5, 3, 10, 0));
  resetDashboard();
  resetReference();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.callsDuePage.mockImplementation(pagedCallQueue(mocks.commands.callsDue));
  mocks.commands.listLanguages.mockResolvedValue([]);
  mocks.commands.listCourts.mockResolvedValue([]);
  mocks.commands.dashboard.mockResolvedValue(ok(dashboardData()));
  mocks.commands.openFlagCount.mockResolvedValue(ok(5));
  mocks.commands.pendingAddresses.mockResolvedValue(ok([]));
  mocks.commands.listChildren.mockImplementation(pagedChildren(2));
  mocks.commands.touch.mockResolvedValue(null);
});
afterEach(() => {
  vi.useRealTimers();
});

async function logFirstCall(outcome: string) {
  const rows = await screen.findAllByTestId("call-row");
  const button = within(rows[0]).getByTestId("log-call");
  button.focus();
  await fireEvent.click(button);
  const dialog = await screen.findByTestId("log-call-dialog");
  await fireEvent.change(within(dialog).getByTestId("log-call-outcome"), { target: { value: outcome } });
  await fireEvent.click(screen.getByTestId("log-call-save"));
  await waitFor(() => expect(screen.queryByTestId("log-call-dialog")).toBeNull());
}

describe("after a call is saved", () => {
  it("goes to the next call in the queue and says so, while the row that was logged is redrawn", async () => {
    mocks.commands.callsDue.mockResolvedValueOnce(ok([jose, lucia, pedro])).mockResolvedValue(ok([lucia, pedro, joseAgain]));
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ call_status: "open", outcome: "no_answer", next_due_on: "2025-06-05" })));
    render(CallQueue, { onopen: vi.fn() });
    render(Toast);
    render(Announcer);
    await logFirstCall("no_answer");

    // Once the queue has been read again (José's call has left the overdue section).
    await waitFor(() => {
      const lucíaRow = screen.getAllByTestId("call-row").find((r) => r.textContent?.includes("Lucía Hernández"))!;
      expect(document.activeElement).toBe(within(lucíaRow).getByTestId("log-call"));
    });
    expect(document.activeElement).toHaveAccessibleName("Log call for Lucía Hernández (2025-00002)");
    await waitFor(() => expect(screen.getByTestId("announcer")).toHaveTextContent("Next in the queue: Lucía Hernández (2025-00002)."));
    expect(screen.getByTestId("announcer")).toHaveAttribute("aria-live", "polite");
    expect(screen.getByText("Call saved: attempts continue. Next call due Thu, Jun 5.")).toBeInTheDocument();
  });

  it("goes to the call before when the last one was logged", async () => {
    mocks.commands.callsDue.mockResolvedValueOnce(ok([lucia, pedro])).mockResolvedValue(ok([lucia]));
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ call_status: "reached" })));
    render(CallQueue, { onopen: vi.fn() });
    render(Announcer);
    const rows = await screen.findAllByTestId("call-row");
    const pedroButton = within(rows[1]).getByTestId("log-call");
    pedroButton.focus();
    await fireEvent.click(pedroButton);
    const dialog = await screen.findByTestId("log-call-dialog");
    await fireEvent.change(within(dialog).getByTestId("log-call-outcome"), { target: { value: "reached_child" } });
    await fireEvent.click(screen.getByTestId("log-call-save"));
    await waitFor(() => expect(screen.getAllByTestId("call-row")).toHaveLength(1));
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName("Log call for Lucía Hernández (2025-00002)"));
  });

  it("goes to the queue's heading when no call is left, and says so in Spanish", async () => {
    setLang("es");
    mocks.commands.callsDue.mockResolvedValueOnce(ok([jose])).mockResolvedValue(ok([]));
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ call_status: "reached" })));
    render(CallQueue, { onopen: vi.fn() });
    render(Announcer);
    await logFirstCall("reached_child");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "Llamadas pendientes" })));
    await waitFor(() => expect(screen.getByTestId("announcer")).toHaveTextContent("No quedan otras llamadas pendientes."));
  });

  it("leaves focus alone when it was moved elsewhere while the queue was read again", async () => {
    let answer!: (v: unknown) => void;
    mocks.commands.callsDue.mockResolvedValueOnce(ok([jose, lucia])).mockReturnValue(new Promise((r) => (answer = r)));
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ call_status: "reached" })));
    render(CallQueue, { onopen: vi.fn() });
    await logFirstCall("reached_child");
    const printButton = screen.getByTestId("print-call-sheet");
    printButton.focus();
    answer(ok([lucia]));
    await waitFor(() => expect(screen.getAllByTestId("call-row")).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(document.activeElement).toBe(printButton);
  });
});

describe("after signing in", () => {
  function status(session: typeof admin | null) {
    return { exists: true, session, vault_path: "/home/maria/.local/share/tether/vault" };
  }

  async function signIn(name: string) {
    await fireEvent.input(await screen.findByTestId("unlock-user"), { target: { value: name } });
    await fireEvent.input(screen.getByTestId("unlock-passphrase"), { target: { value: "caballo correcto batería grapa" } });
    await fireEvent.click(screen.getByTestId("unlock-submit"));
  }

  it("is on the first screen's heading, with who is signed in announced", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(null));
    mocks.commands.unlock.mockResolvedValue(ok(admin));
    render(App);
    await signIn("Maria");
    const heading = await screen.findByRole("heading", { level: 1, name: "Dashboard" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading).toHaveAttribute("tabindex", "-1");
    await waitFor(() => expect(screen.getByTestId("announcer")).toHaveTextContent("Signed in as Maria, Administrator."));
  });

  it("puts a volunteer on the call queue's heading, in Spanish", async () => {
    setLang("es");
    mocks.commands.vaultStatus.mockResolvedValue(status(null));
    mocks.commands.unlock.mockResolvedValue(ok(volunteer));
    mocks.commands.callsDue.mockResolvedValue(ok([]));
    render(App);
    await signIn("jose");
    const heading = await screen.findByRole("heading", { level: 1, name: "Llamadas pendientes" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await waitFor(() => expect(screen.getByTestId("announcer")).toHaveTextContent("Sesión iniciada como jose, Voluntario(a)."));
  });

  it("moves to each screen's heading from the navigation", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(admin));
    render(App);
    await screen.findByTestId("screen-dashboard");
    await fireEvent.click(screen.getByTestId("nav-children"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "Children" })));
  });
});
