import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { admin, caseManager, childDetail, courtOptions, dashboardData, languages, pagedChildren, volunteer, ok, pagedCallQueue, pagedTasks, pagedFlags, calendarFrom } from "./mockBindings";
import { STORAGE_KEY } from "../lib/i18n/index.svelte";

const mocks = vi.hoisted(() => {
  const listeners: ((event: { payload: unknown }) => void)[] = [];
  return {
    listeners,
    commands: {
      vaultStatus: vi.fn(),
      createVault: vi.fn(),
      unlock: vi.fn(),
      lock: vi.fn(),
      touch: vi.fn(),
      changePassphrase: vi.fn(),
      listUsers: vi.fn(),
      addUser: vi.fn(),
      removeUser: vi.fn(),
      resetPassphrase: vi.fn(),
      setAutoLockMinutes: vi.fn(),
      auditVerify: vi.fn(),
      auditLog: vi.fn(),
      listChildren: vi.fn(),
      searchChildren: vi.fn(),
      getChild: vi.fn(),
      updateChild: vi.fn(),
      createSponsor: vi.fn(),
      listSponsors: vi.fn(),
      listSponsorsPage: vi.fn(),
      createChild: vi.fn(),
      setNta: vi.fn(),
      addHearing: vi.fn(),
      importCsv: vi.fn(),
      listCourts: vi.fn(),
      listLanguages: vi.fn(),
      callsDue: vi.fn(),
      callsDuePage: vi.fn(),
      logCall: vi.fn(),
      listTasks: vi.fn(),
    listTasksPage: vi.fn(),
      completeTask: vi.fn(),
      childHistory: vi.fn(),
      addNote: vi.fn(),
      redFlags: vi.fn(),
      redFlagsPage: vi.fn(),
      acknowledgeFlag: vi.fn(),
      dashboard: vi.fn(),
      openFlagCount: vi.fn(),
      hearingsBetween: vi.fn(),
      hearingCalendar: vi.fn(),
      pendingAddresses: vi.fn(),
      templateSlots: vi.fn(),
      clinicContact: vi.fn(),
    },
    listen: vi.fn(),
  };
});
vi.mock("../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<object>()), // the real constants (RELEASE_CSV_COLUMNS); fake commands and events
  commands: mocks.commands,
  events: { vaultLocked: { listen: mocks.listen }, importProgress: { listen: vi.fn(async () => () => {}) } },
}));

import App from "../App.svelte";

function status(session: typeof admin | null, exists = true) {
  return { exists, session, vault_path: "/home/x/.local/share/tether/vault" };
}

function emitVaultLocked(reason: "idle" | "user") {
  for (const cb of mocks.listeners) cb({ payload: { reason } });
}

describe("App", () => {
  beforeEach(() => {
    for (const fn of Object.values(mocks.commands)) fn.mockReset();
    mocks.commands.listTasksPage.mockImplementation(pagedTasks(mocks.commands.listTasks));
    mocks.commands.callsDuePage.mockImplementation(pagedCallQueue(mocks.commands.callsDue));
    mocks.listeners.length = 0;
    mocks.listen.mockReset();
    mocks.listen.mockImplementation(async (cb: (event: { payload: unknown }) => void) => {
      mocks.listeners.push(cb);
      return () => {};
    });
    mocks.commands.lock.mockResolvedValue(null);
    mocks.commands.touch.mockResolvedValue(null);
    mocks.commands.listChildren.mockImplementation(pagedChildren(3));
    mocks.commands.listSponsorsPage.mockResolvedValue(ok({ total: 0, active: 0, sponsors: [] }));
    mocks.commands.listLanguages.mockResolvedValue(languages);
    mocks.commands.listCourts.mockResolvedValue(courtOptions);
    mocks.commands.dashboard.mockResolvedValue(ok(dashboardData()));
    mocks.commands.openFlagCount.mockResolvedValue(ok(5));
    mocks.commands.callsDue.mockResolvedValue(ok([]));
    mocks.commands.listTasks.mockResolvedValue(ok([]));
    mocks.commands.redFlags.mockResolvedValue(ok([]));
    mocks.commands.redFlagsPage.mockImplementation(pagedFlags(mocks.commands.redFlags));
    mocks.commands.hearingsBetween.mockResolvedValue(ok([]));
    mocks.commands.hearingCalendar.mockImplementation(calendarFrom(mocks.commands.hearingsBetween));
    mocks.commands.pendingAddresses.mockResolvedValue(ok([]));
    mocks.commands.templateSlots.mockResolvedValue(ok([]));
  });

  it("shows first run when there is no vault, and no navigation", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(null, false));
    render(App);
    expect(await screen.findByTestId("screen-first-run")).toBeInTheDocument();
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.queryByTestId("lock-button")).toBeNull();
  });

  it("switches visible text to Spanish with the language switch and remembers it", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(null));
    render(App);
    const unlock = await screen.findByTestId("screen-unlock");
    expect(within(unlock).getByRole("heading", { level: 1 })).toHaveTextContent("Unlock the vault");
    expect(screen.getByTestId("unlock-submit")).toHaveTextContent("Sign in");

    await fireEvent.change(screen.getByTestId("lang-switch"), { target: { value: "es" } });

    expect(within(unlock).getByRole("heading", { level: 1 })).toHaveTextContent("Desbloquear la bóveda");
    expect(screen.getByTestId("unlock-submit")).toHaveTextContent("Iniciar sesión");
    expect(screen.getByLabelText("Contraseña")).toBe(screen.getByTestId("unlock-passphrase"));
    expect(screen.queryByText("Sign in")).toBeNull();
    expect(localStorage.getItem(STORAGE_KEY)).toBe("es");
    expect(document.documentElement.lang).toBe("es");
  });

  it("opens on the Dashboard with the admin's name, role and navigation; Children stays reachable", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(admin));
    render(App);
    expect(await screen.findByTestId("screen-dashboard")).toBeInTheDocument();
    expect(screen.getByTestId("signed-in-user")).toHaveTextContent("Maria");
    expect(screen.getByRole("banner")).toHaveTextContent("Administrator");
    const nav = screen.getByRole("navigation");
    expect(within(nav).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual([
      "Dashboard",
      "Calls",
      "Tasks",
      "Children",
      "Sponsors",
      "Red flags",
      "Hearings",
      "Concerns",
      "Import",
      "Account",
      "Users",
      "Settings",
    ]);
    expect(screen.getByTestId("nav-dashboard")).toHaveAttribute("aria-current", "page");
    await fireEvent.click(screen.getByTestId("nav-children"));
    expect(await screen.findByTestId("screen-children")).toBeInTheDocument();
    expect(await screen.findAllByTestId("child-row")).toHaveLength(3);
    expect(screen.getByTestId("nav-children")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("new-child")).toBeInTheDocument();
  });

  it("goes from the dashboard's cards to the call queue, the flags and the calendar", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(caseManager));
    render(App);
    await fireEvent.click(await screen.findByTestId("count-calls-overdue"));
    expect(await screen.findByTestId("screen-calls")).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    await fireEvent.click(await screen.findByTestId("count-open-flags"));
    expect(await screen.findByTestId("screen-flags")).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    await fireEvent.click(await screen.findByTestId("count-hearings-week"));
    expect(await screen.findByTestId("screen-hearings")).toBeInTheDocument();
    expect(screen.getByTestId("nav-hearings")).toHaveAttribute("aria-current", "page");
  });

  it("goes from the dashboard's task cards to Tasks, and from a call task to the call queue", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(caseManager));
    mocks.commands.dashboard.mockResolvedValue(ok(dashboardData({ escalations_open: 1 })));
    mocks.commands.openFlagCount.mockResolvedValue(ok(5));
    mocks.commands.listTasks.mockResolvedValue(
      ok([
        {
          task_id: 1, kind: "swb_call", child_id: 1, case_number: "2025-00001", child_name: "Ana López", due_on: "2025-06-03",
          overdue: false, summary: "Safety & Well-Being call (day 30), attempt 1", attempt: 1, reason: null, done_on: null, done_by: null, done_note: null,
        },
      ]),
    );
    render(App);
    await fireEvent.click(await screen.findByTestId("count-escalations"));
    expect(await screen.findByTestId("screen-tasks")).toBeInTheDocument();
    expect(screen.getByTestId("nav-tasks")).toHaveAttribute("aria-current", "page");
    await fireEvent.click(await screen.findByTestId("task-to-calls"));
    expect(await screen.findByTestId("screen-calls")).toBeInTheDocument();
    expect(screen.getByTestId("nav-calls")).toHaveAttribute("aria-current", "page");
    await fireEvent.click(screen.getByTestId("nav-dashboard"));
    await fireEvent.click(await screen.findByTestId("count-tasks-overdue"));
    expect(await screen.findByTestId("screen-tasks")).toBeInTheDocument();
  });

  it("gives a volunteer the Tasks screen without Mark done", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(volunteer));
    mocks.commands.listTasks.mockResolvedValue(
      ok([
        {
          task_id: 1, kind: "swb_call", child_id: 1, case_number: "2025-00001", child_name: "Ana L.", due_on: "2025-06-03",
          overdue: false, summary: "Safety & Well-Being call (day 30), attempt 1", attempt: 1, reason: null, done_on: null, done_by: null, done_note: null,
        },
      ]),
    );
    render(App);
    await screen.findByTestId("screen-calls");
    await fireEvent.click(screen.getByTestId("nav-tasks"));
    expect(await screen.findAllByTestId("task-row")).toHaveLength(1);
    expect(screen.queryByTestId("task-done")).toBeNull();
  });

  it("gives a case manager the follow-up screens, Children, Import and Account", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(caseManager));
    render(App);
    await screen.findByTestId("screen-dashboard");
    const nav = screen.getByRole("navigation");
    expect(within(nav).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual([
      "Dashboard",
      "Calls",
      "Tasks",
      "Children",
      "Sponsors",
      "Red flags",
      "Hearings",
      "Concerns",
      "Import",
      "Account",
    ]);
    await fireEvent.click(screen.getByTestId("nav-import"));
    expect(await screen.findByTestId("screen-import")).toBeInTheDocument();
  });

  it("gives a volunteer the call queue first, Children and Account, without edit buttons or flags", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(volunteer));
    render(App);
    await screen.findByTestId("screen-calls");
    const nav = screen.getByRole("navigation");
    expect(within(nav).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Calls", "Tasks", "Children", "Concerns", "Account"]);
    expect(screen.queryByTestId("nav-flags")).toBeNull();
    expect(screen.queryByTestId("nav-hearings")).toBeNull();
    expect(mocks.commands.redFlags).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId("nav-children"));
    await screen.findByTestId("screen-children");
    expect(screen.queryByTestId("new-child")).toBeNull();
    expect(screen.queryByTestId("new-sponsor")).toBeNull();
    expect(screen.queryByTestId("open-import")).toBeNull();
    await fireEvent.click(screen.getByTestId("nav-home"));
    expect(await screen.findByTestId("screen-home")).toHaveTextContent("Volunteer");
  });

  it("opens a child's detail from the list and goes back", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(admin));
    mocks.commands.getChild.mockResolvedValue(ok(childDetail({ case_number: "2025-00002" })));
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-children"));
    const rows = await screen.findAllByTestId("child-row");
    await fireEvent.click(within(rows[1]).getByTestId("child-open"));
    expect(await screen.findByTestId("child-detail")).toBeInTheDocument();
    expect(mocks.commands.getChild).toHaveBeenCalledWith("2025-00002");
    expect(await screen.findByTestId("detail-case-number")).toHaveTextContent("2025-00002");
    expect(screen.getByTestId("nav-children")).toHaveAttribute("aria-current", "page");
    await fireEvent.click(screen.getByTestId("detail-back"));
    expect(await screen.findByTestId("screen-children")).toBeInTheDocument();
  });

  it("navigates to Users and lists them", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(admin));
    mocks.commands.listUsers.mockResolvedValue(
      ok([
        { name: "Maria", role: "admin", created_at: "2025-01-02T10:00:00Z" },
        { name: "jose", role: "volunteer", created_at: "2025-01-03T10:00:00Z" },
      ]),
    );
    render(App);
    await screen.findByTestId("screen-dashboard");
    await fireEvent.click(screen.getByTestId("nav-users"));
    const rows = await screen.findAllByTestId("user-row");
    expect(rows).toHaveLength(2);
    // No "Remove" for yourself.
    expect(within(rows[0]).queryByRole("button", { name: /Remove/ })).toBeNull();
    expect(within(rows[1]).getByRole("button", { name: "Remove jose" })).toBeInTheDocument();
  });

  it("returns to Unlock with a toast when the backend locks after inactivity", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(admin));
    render(App);
    await screen.findByTestId("screen-dashboard");
    await waitFor(() => expect(mocks.listeners).toHaveLength(1));

    emitVaultLocked("idle");

    expect(await screen.findByTestId("screen-unlock")).toBeInTheDocument();
    expect(screen.queryByTestId("screen-dashboard")).toBeNull();
    expect(screen.getByText("Locked after inactivity")).toBeInTheDocument();
    expect(screen.queryByTestId("signed-in-user")).toBeNull();
    // The last user's name is kept for convenience.
    expect(screen.getByTestId("unlock-user")).toHaveValue("Maria");
  });

  it("returns to Unlock when any command answers Locked, even without the vault-locked event", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(admin));
    render(App);
    await screen.findByTestId("screen-dashboard");
    // Locked from elsewhere (the event lost): the next command is the first to know.
    mocks.commands.listChildren.mockResolvedValue({
      status: "error",
      error: { kind: "locked", message: "the vault is locked", field: null, fields: [], code: null, params: {} },
    });
    await fireEvent.click(screen.getByTestId("nav-children"));

    expect(await screen.findByTestId("screen-unlock")).toBeInTheDocument();
    expect(screen.queryByTestId("signed-in-user")).toBeNull();
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.getByTestId("unlock-user")).toHaveValue("Maria");
    expect(mocks.listeners).toHaveLength(1);
  });

  it("locks with the Lock button", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(admin));
    render(App);
    await screen.findByTestId("screen-dashboard");
    await fireEvent.click(screen.getByTestId("lock-button"));
    expect(await screen.findByTestId("screen-unlock")).toBeInTheDocument();
    expect(mocks.commands.lock).toHaveBeenCalledTimes(1);
  });

  it("reports activity at most once per 30 s while signed in", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      mocks.commands.vaultStatus.mockResolvedValue(status(admin));
      render(App);
      await screen.findByTestId("screen-dashboard");
      vi.setSystemTime(Date.now() + 31_000);
      await fireEvent.mouseMove(window);
      await fireEvent.keyDown(window, { key: "a" });
      await fireEvent.click(document.body);
      expect(mocks.commands.touch).toHaveBeenCalledTimes(1);
      vi.setSystemTime(Date.now() + 31_000);
      await fireEvent.keyDown(window, { key: "b" });
      expect(mocks.commands.touch).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not report activity while locked", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(null));
    render(App);
    await screen.findByTestId("screen-unlock");
    await fireEvent.mouseMove(window);
    await fireEvent.keyDown(window, { key: "a" });
    expect(mocks.commands.touch).not.toHaveBeenCalled();
  });
});
