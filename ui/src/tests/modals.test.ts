// Every modal by keyboard: Shift+Tab as WebKitGTK sends it stays inside, Escape closes it from
// wherever focus is, the page behind is inert while it is open, and focus comes back after.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { admin, callDue, caseManager, dashboardData, ok, printPreviewData, redFlag, taskItem, pagedCallQueue, pagedTasks, pagedFlags } from "./mockBindings";
import { focusables } from "../lib/modal";
import { resetReference } from "../lib/reference.svelte";
import { resetDashboard } from "../lib/followup.svelte";

const mocks = vi.hoisted(() => ({
  commands: {
    listLanguages: vi.fn(),
    callsDue: vi.fn(),
    callsDuePage: vi.fn(),
    logCall: vi.fn(),
    dashboard: vi.fn(),
    openFlagCount: vi.fn(),
    listChildren: vi.fn(),
    searchChildren: vi.fn(),
    createSponsor: vi.fn(),
    listUsers: vi.fn(),
    listTasks: vi.fn(),
    listTasksPage: vi.fn(),
    completeTask: vi.fn(),
    redFlags: vi.fn(),
    redFlagsPage: vi.fn(),
    acknowledgeFlag: vi.fn(),
    printPreview: vi.fn(),
    printPage: vi.fn(),
    printPageText: vi.fn(),
    printClose: vi.fn(),
  },
}));
vi.mock("../lib/bindings", () => ({
  commands: mocks.commands,
  events: { printProgress: { listen: async () => () => {} } },
}));

import CallQueue from "../screens/CallQueue.svelte";
import Children from "../screens/Children.svelte";
import Users from "../screens/Users.svelte";
import Tasks from "../screens/Tasks.svelte";
import Flags from "../screens/Flags.svelte";
import Toast from "../lib/components/Toast.svelte";
import ShortcutsHarness from "./ShortcutsHarness.svelte";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  // Tuesday 3 June 2025.
  vi.setSystemTime(new Date(2025, 5, 3, 10, 0));
  resetReference();
  resetDashboard();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.listTasksPage.mockImplementation(pagedTasks(mocks.commands.listTasks));
  mocks.commands.callsDuePage.mockImplementation(pagedCallQueue(mocks.commands.callsDue));
  mocks.commands.listLanguages.mockResolvedValue([]);
  mocks.commands.dashboard.mockResolvedValue(ok(dashboardData()));
  mocks.commands.openFlagCount.mockResolvedValue(ok(5));
  mocks.commands.callsDue.mockResolvedValue(
    ok([
      callDue({ task_id: 1, case_number: "2025-00001", child_name: "José Ramírez", sponsor_name: "Marta Ramírez", due_on: "2025-06-03" }),
      callDue({ task_id: 2, child_id: 2, case_number: "2025-00002", child_name: "Lucía Hernández", due_on: "2025-06-03" }),
    ]),
  );
  mocks.commands.listChildren.mockResolvedValue(ok({ total: 1, items: [] }));
  mocks.commands.listUsers.mockResolvedValue(
    ok([
      { name: "Maria", role: "admin", created_at: "2025-01-02T10:00:00Z" },
      { name: "ana", role: "case_manager", created_at: "2025-01-03T10:00:00Z" },
    ]),
  );
  mocks.commands.listTasks.mockResolvedValue(
    ok([taskItem({ task_id: 5, kind: "acis_check", child_name: "José Ramírez", summary: "Check ACIS", attempt: null })]),
  );
  mocks.commands.redFlags.mockResolvedValue(ok([redFlag({ explanation_en: "José Ramírez missed the hearing on 2025-05-20." })]));
  mocks.commands.redFlagsPage.mockImplementation(pagedFlags(mocks.commands.redFlags));
  mocks.commands.printPreview.mockResolvedValue(ok(printPreviewData({ document: "call_sheet", case_number: null, page_count: 1 })));
  mocks.commands.printPage.mockResolvedValue(ok("<svg xmlns='http://www.w3.org/2000/svg'/>"));
  mocks.commands.printPageText.mockResolvedValue(ok("Call sheet"));
  mocks.commands.printClose.mockResolvedValue(undefined);
});
afterEach(() => {
  vi.useRealTimers();
});

type Case = {
  name: string;
  /** Renders the screen; returns the control that opens the modal. */
  open: () => Promise<HTMLElement>;
  dialog: string;
};

const CASES: Case[] = [
  {
    name: "Log a call",
    dialog: "log-call-dialog",
    open: async () => {
      render(CallQueue, { onopen: vi.fn() });
      const rows = await screen.findAllByTestId("call-row");
      return within(rows[0]).getByTestId("log-call");
    },
  },
  {
    name: "the call sheet's print preview",
    dialog: "print-preview",
    open: async () => {
      render(CallQueue, { onopen: vi.fn() });
      await screen.findAllByTestId("call-row");
      return screen.getByTestId("print-call-sheet");
    },
  },
  {
    name: "New sponsor",
    dialog: "sponsor-dialog",
    open: async () => {
      render(Children, { session: caseManager, onopen: vi.fn(), onnewchild: vi.fn(), onimport: vi.fn() });
      return screen.getByTestId("new-sponsor");
    },
  },
  {
    name: "Add user",
    dialog: "add-user-dialog",
    open: async () => {
      render(Users, { session: admin });
      await screen.findAllByTestId("user-row");
      return screen.getByTestId("users-add");
    },
  },
  {
    name: "Mark a task done",
    dialog: "task-done-dialog",
    open: async () => {
      render(Tasks, { session: caseManager, onopen: vi.fn(), oncalls: vi.fn() });
      return await screen.findByTestId("task-done");
    },
  },
  {
    name: "Acknowledge a red flag",
    dialog: "flag-ack-dialog",
    open: async () => {
      render(Flags, { onopen: vi.fn() });
      return await screen.findByTestId("flag-ack");
    },
  },
  {
    name: "Keyboard shortcuts",
    dialog: "shortcuts-help",
    open: async () => {
      render(ShortcutsHarness);
      return screen.getByTestId("shortcuts-button");
    },
  },
];

/** Shift+Tab as WebKitGTK delivers it. */
function shiftTab(target: Element) {
  return fireEvent.keyDown(target, { key: "Unidentified", code: "Tab", keyCode: 9, shiftKey: true });
}

async function opened(c: Case) {
  render(Toast);
  const opener = await c.open();
  opener.focus();
  await fireEvent.click(opener);
  const dialog = await screen.findByTestId(c.dialog);
  // Each modal puts focus inside itself once open.
  await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  return { opener, dialog };
}

describe.each(CASES)("$name", (c) => {
  it("keeps Shift+Tab (key Unidentified, code Tab) and Tab inside, even from outside the dialog", async () => {
    const { dialog } = await opened(c);
    const controls = focusables(dialog);
    expect(controls.length).toBeGreaterThan(1);
    const first = controls[0];
    const last = controls[controls.length - 1];

    first.focus();
    await shiftTab(first);
    expect(document.activeElement).toBe(last);

    await fireEvent.keyDown(last, { key: "Tab", code: "Tab", keyCode: 9 });
    expect(document.activeElement).toBe(first);

    // Focus fell to the body (the focused control was re-rendered): Shift+Tab comes back in.
    (document.activeElement as HTMLElement).blur();
    expect(document.activeElement).toBe(document.body);
    await shiftTab(document.body);
    expect(document.activeElement).toBe(last);
  });

  it("makes the page behind inert while open, and gives it back on closing", async () => {
    const { opener, dialog } = await opened(c);
    expect(dialog.closest("[inert]")).toBeNull();
    expect(opener.closest("[inert]")).not.toBeNull();
    expect(screen.getByRole("heading", { level: 1, hidden: true }).closest("[inert]")).not.toBeNull();
    // The toasts stay live: "Saved" must still be heard.
    expect(screen.getByRole("region", { name: "Notifications" }).closest("[inert]")).toBeNull();

    await fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId(c.dialog)).toBeNull());
    expect(document.querySelector("[inert]")).toBeNull();
  });

  it("closes on Escape wherever focus is, and gives focus back to the control that opened it", async () => {
    const { opener } = await opened(c);
    (document.activeElement as HTMLElement).blur();
    await fireEvent.keyDown(document.body, { key: "Escape", code: "Escape", keyCode: 27 });
    await waitFor(() => expect(screen.queryByTestId(c.dialog)).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });
});

describe("focus after a modal whose opener was re-rendered", () => {
  it("goes to the control that replaced it, found by its test id and name", async () => {
    render(Toast);
    const { unmount } = render(Users, { session: admin });
    await screen.findAllByTestId("user-row");
    const opener = screen.getByTestId("users-add");
    opener.focus();
    await fireEvent.click(opener);
    await screen.findByTestId("add-user-dialog");
    // The screen is drawn again while the dialog is open (a language switch, a reload).
    const replacement = opener.cloneNode(true) as HTMLElement;
    opener.replaceWith(replacement);
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("add-user-dialog")).toBeNull());
    expect(document.activeElement).toBe(replacement);
    unmount();
  });

  it("goes to the screen's heading when nothing like the opener is left", async () => {
    render(Users, { session: admin });
    await screen.findAllByTestId("user-row");
    const opener = screen.getByTestId("users-add");
    opener.focus();
    await fireEvent.click(opener);
    await screen.findByTestId("add-user-dialog");
    opener.remove();
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("add-user-dialog")).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "Users" }));
  });
});
