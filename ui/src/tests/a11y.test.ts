// axe-core (4.x) on every screen and dialog of the window, mounted whole (App) over the mocked
// bindings, in English and in Spanish. A test fails on any critical or serious violation, and
// on a skipped heading level (tests/axe.ts says which rules jsdom cannot run, and why).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import {
  admin,
  callDue,
  caseManager,
  childDetail,
  courtOptions,
  dashboardData,
  hearingItem,
  historyItem,
  languages,
  ok,
  pagedChildren,
  printPreviewData,
  redFlag,
  sponsor,
  summary,
  taskItem,
  volunteer,
  pagedCallQueue,
  pagedTasks,
  pagedFlags,
  calendarFrom,
} from "./mockBindings";
import { axeFailures, axeViolations, labelInNameFailures } from "./axe";
import { setLang } from "../lib/i18n/index.svelte";
import { resetReference } from "../lib/reference.svelte";
import { resetDashboard } from "../lib/followup.svelte";

const mocks = vi.hoisted(() => ({
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
    saveAuditReceipt: vi.fn(),
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
    setHearingResult: vi.fn(),
    setProceedings: vi.fn(),
    recordAddressChange: vi.fn(),
    importCsv: vi.fn(),
    saveRejectedRows: vi.fn(),
    listCourts: vi.fn(),
    listLanguages: vi.fn(),
    listCountries: vi.fn(),
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
    confirmAddress: vi.fn(),
    rejectAddress: vi.fn(),
    templateSlots: vi.fn(),
    setTemplate: vi.fn(),
    resetTemplate: vi.fn(),
    clinicContact: vi.fn(),
    setClinicContact: vi.fn(),
    printPreview: vi.fn(),
    printPage: vi.fn(),
    printPageText: vi.fn(),
    printSave: vi.fn(),
    printSaveEach: vi.fn(),
    printOpen: vi.fn(),
    printClose: vi.fn(),
  },
}));
vi.mock("../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  commands: mocks.commands,
  events: {
    vaultLocked: { listen: async () => () => {} },
    importProgress: { listen: async () => () => {} },
    printProgress: { listen: async () => () => {} },
  },
}));

import App from "../App.svelte";

const jose = childDetail({
  given_name: "José",
  family_name: "Ramírez",
  notes: "Vive con su tía; prefiere llamadas después de las 17:00.",
  sponsor: { ...sponsor, given_name: "Marta", family_name: "Ramírez", children: [summary(1, { given_name: "José", family_name: "Ramírez" }), summary(2, { given_name: "Lucía", family_name: "Ramírez" })] },
});

function status(session: typeof admin | null, exists = true) {
  return { exists, session, vault_path: "/home/ana/.local/share/tether/vault" };
}

afterEach(() => {
  vi.useRealTimers();
});

beforeEach(() => {
  // Tuesday 3 June 2025 on this computer.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2025, 5, 3, 10, 0));
  // As index.html has it (jsdom starts from an empty document).
  document.title = "Tether";
  resetReference();
  resetDashboard();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.listTasksPage.mockImplementation(pagedTasks(mocks.commands.listTasks));
  mocks.commands.callsDuePage.mockImplementation(pagedCallQueue(mocks.commands.callsDue));
  const c = mocks.commands;
  c.vaultStatus.mockResolvedValue(status(admin));
  c.lock.mockResolvedValue(ok(null));
  c.touch.mockResolvedValue(null);
  c.listLanguages.mockResolvedValue(languages);
  c.listCourts.mockResolvedValue(courtOptions);
  c.listCountries.mockResolvedValue([]);
  c.listChildren.mockImplementation(pagedChildren(3));
  c.searchChildren.mockResolvedValue(ok([summary(12, { given_name: "José", family_name: "Ramírez" })]));
  c.listSponsors.mockResolvedValue(ok([sponsor]));
  c.listSponsorsPage.mockResolvedValue(ok({ total: 1, active: 1, sponsors: [sponsor] }));
  c.getChild.mockResolvedValue(ok(jose));
  c.childHistory.mockResolvedValue(
    ok([
      historyItem(2, "note_added", { text: "Habló con la tía; todo bien." }),
      historyItem(1, "child_created", { case_number: "2025-00001" }, { at: "2025-03-01T15:00:00Z" }),
    ]),
  );
  c.dashboard.mockResolvedValue(ok(dashboardData()));
  c.openFlagCount.mockResolvedValue(ok(5));
  c.callsDue.mockResolvedValue(
    ok([
      callDue({ task_id: 1, case_number: "2025-00001", child_name: "José Ramírez", sponsor_name: "Marta Ramírez", overdue: true, due_on: "2025-05-30" }),
      callDue({ task_id: 2, child_id: 2, case_number: "2025-00002", child_name: "Lucía Hernández", due_on: "2025-06-03" }),
    ]),
  );
  c.listTasks.mockResolvedValue(
    ok([
      taskItem({ task_id: 3, kind: "escalation", reason: "not_safe", child_name: "José Ramírez", attempt: null, summary: "Escalation" }),
      taskItem({ task_id: 4, kind: "acis_check", child_name: "Lucía Hernández", attempt: null, summary: "ACIS" }),
    ]),
  );
  c.redFlags.mockResolvedValue(ok([redFlag({ explanation_en: "José Ramírez missed the hearing on 2025-05-20." })]));
  c.redFlagsPage.mockImplementation(pagedFlags(c.redFlags));
  c.hearingsBetween.mockResolvedValue(ok([hearingItem({ child_name: "José Ramírez" })]));
  c.hearingCalendar.mockImplementation(calendarFrom(c.hearingsBetween));
  c.pendingAddresses.mockResolvedValue(ok([]));
  c.templateSlots.mockResolvedValue(ok([{ name: "notice.typ", custom: null }]));
  c.clinicContact.mockResolvedValue(ok({ name: "Clínica Esperanza", phone: "+1 713 555 0199", address: "100 Main St" }));
  c.auditLog.mockResolvedValue(
    ok([{ seq: 1, at: "2025-01-02T10:00:00Z", actor: "Maria", action: "vault_created", record_kind: "vault", record_id: "", outcome: "ok", count: null }]),
  );
  c.auditVerify.mockResolvedValue(ok({ ok: true, entries: 1, message: "" }));
  c.listUsers.mockResolvedValue(
    ok([
      { name: "Maria", role: "admin", created_at: "2025-01-02T10:00:00Z" },
      { name: "ana", role: "case_manager", created_at: "2025-01-03T10:00:00Z" },
    ]),
  );
  c.printPreview.mockResolvedValue(ok(printPreviewData()));
  c.printPage.mockResolvedValue(ok("<svg xmlns='http://www.w3.org/2000/svg'/>"));
  c.printPageText.mockResolvedValue(ok("Call sheet\nJosé R. +50255123456"));
  c.printClose.mockResolvedValue(undefined);
});

async function signedIn(session = admin) {
  mocks.commands.vaultStatus.mockResolvedValue(status(session));
  render(App);
  await screen.findByTestId(session.role === "volunteer" ? "screen-calls" : "screen-dashboard");
}

async function goTo(nav: string, testid: string) {
  await fireEvent.click(screen.getByTestId(`nav-${nav}`));
  await screen.findByTestId(testid);
}

/** Lets the screen's loads settle before axe looks. */
async function settled() {
  await waitFor(() => {
    const loading = Array.from(document.querySelectorAll('[role="status"], [aria-busy="true"]')).filter(
      (el) => el.getAttribute("aria-busy") === "true" || /Loading|Cargando/.test(el.textContent ?? ""),
    );
    expect(loading.map((el) => el.textContent?.trim())).toEqual([]);
  });
}

async function expectClean() {
  await settled();
  expect(await axeFailures()).toEqual([]);
}

describe.each(["en", "es"] as const)("axe, in %s", (lang) => {
  beforeEach(() => setLang(lang));

  it("finds nothing on the sign-in screen and the first run", async () => {
    mocks.commands.vaultStatus.mockResolvedValue(status(null));
    const { unmount } = render(App);
    await screen.findByTestId("screen-unlock");
    await expectClean();
    unmount();
    mocks.commands.vaultStatus.mockResolvedValue(status(null, false));
    render(App);
    await screen.findByTestId("screen-first-run");
    await expectClean();
  });

  it.each([
    ["dashboard", "screen-dashboard"],
    ["calls", "screen-calls"],
    ["tasks", "screen-tasks"],
    ["children", "screen-children"],
    ["flags", "screen-flags"],
    ["hearings", "screen-hearings"],
    ["import", "screen-import"],
    ["home", "screen-home"],
    ["users", "screen-users"],
    ["settings", "screen-settings"],
  ])("finds nothing on %s", async (nav, testid) => {
    await signedIn();
    await goTo(nav, testid);
    if (nav === "children") await screen.findAllByTestId("child-row");
    if (nav === "calls") await screen.findAllByTestId("call-row");
    if (nav === "users") await screen.findAllByTestId("user-row");
    await expectClean();
  });

  it("finds nothing on the search results", async () => {
    await signedIn();
    await goTo("children", "screen-children");
    await fireEvent.input(screen.getByTestId("children-search"), { target: { value: "jose" } });
    await screen.findByTestId("search-results");
    await expectClean();
  });

  it.each(["profile", "sponsor", "court", "history", "documents"])("finds nothing on the child's %s tab", async (tab) => {
    await signedIn();
    await goTo("children", "screen-children");
    const rows = await screen.findAllByTestId("child-row");
    await fireEvent.click(within(rows[0]).getByTestId("child-open"));
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId(`tab-${tab}`));
    if (tab === "history") await screen.findAllByTestId("history-entry");
    await expectClean();
  });

  it("finds nothing on a new child's form, empty or refused", async () => {
    await signedIn(caseManager);
    await goTo("children", "screen-children");
    await fireEvent.click(screen.getByTestId("new-child"));
    await screen.findByTestId("screen-child-form");
    await expectClean();
    await fireEvent.click(screen.getByTestId("child-submit"));
    await waitFor(() => expect(screen.getByTestId("child-given-name")).toHaveAttribute("aria-invalid", "true"));
    await expectClean();
  });

  it("finds nothing in the New sponsor dialog, empty or refused", async () => {
    await signedIn(caseManager);
    await goTo("children", "screen-children");
    await fireEvent.click(screen.getByTestId("new-sponsor"));
    await screen.findByTestId("sponsor-dialog");
    await expectClean();
    await fireEvent.click(screen.getByTestId("sponsor-submit"));
    await waitFor(() => expect(screen.getByTestId("sponsor-given-name")).toHaveAttribute("aria-invalid", "true"));
    await expectClean();
  });

  it("finds nothing in the Log a call dialog and the call sheet's preview", async () => {
    await signedIn();
    await goTo("calls", "screen-calls");
    const rows = await screen.findAllByTestId("call-row");
    await fireEvent.click(within(rows[0]).getByTestId("log-call"));
    await screen.findByTestId("log-call-dialog");
    await fireEvent.click(screen.getByTestId("swb-new-address"));
    await expectClean();
    await fireEvent.click(screen.getByTestId("log-call-cancel"));
    await fireEvent.click(screen.getByTestId("print-call-sheet"));
    await screen.findByTestId("print-page-count");
    await expectClean();
  });

  it("finds nothing in the Users dialogs", async () => {
    await signedIn();
    await goTo("users", "screen-users");
    const rows = await screen.findAllByTestId("user-row");
    await fireEvent.click(screen.getByTestId("users-add"));
    await screen.findByTestId("add-user-dialog");
    await expectClean();
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await fireEvent.click(within(rows[1]).getAllByRole("button")[0]);
    await screen.findByTestId("reset-passphrase-dialog");
    await expectClean();
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await fireEvent.click(within(rows[1]).getAllByRole("button")[1]);
    await screen.findByTestId("remove-user-dialog");
    await expectClean();
  });

  it("finds nothing in the Mark done and Acknowledge dialogs", async () => {
    await signedIn();
    await goTo("tasks", "screen-tasks");
    await fireEvent.click((await screen.findAllByTestId("task-done"))[0]);
    await screen.findByTestId("task-done-dialog");
    await expectClean();
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await goTo("flags", "screen-flags");
    await fireEvent.click(await screen.findByTestId("flag-ack"));
    await screen.findByTestId("flag-ack-dialog");
    await expectClean();
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("flag-ack-dialog")).toBeNull());
    await fireEvent.click(await screen.findByTestId("flag-details"));
    await screen.findByTestId("flag-details-dialog");
    await expectClean();
  });

  it("finds nothing in the keyboard shortcuts panel", async () => {
    await signedIn();
    await fireEvent.click(screen.getByTestId("shortcuts-button"));
    await screen.findByTestId("shortcuts-help");
    await expectClean();
  });

  it("finds nothing on a volunteer's call queue and children", async () => {
    await signedIn(volunteer);
    await screen.findAllByTestId("call-row");
    await expectClean();
    await goTo("children", "screen-children");
    await screen.findAllByTestId("child-row");
    await expectClean();
  });
});

describe("the axe check itself", () => {
  it("fails on a button whose name hides its visible text, and on a skipped heading level", async () => {
    document.body.innerHTML = `<main><h1>Children</h1><h3>Notes</h3><button aria-label="Open case 2025-00001">Ana López</button>
      <button aria-label="Mark done: Check ACIS (2025-00001)">Mark done…</button><button aria-label="Close">×</button></main>`;
    expect((await axeViolations()).map((v) => v.id)).toContain("heading-order");
    expect(labelInNameFailures()).toEqual(['label-in-name: "Open case 2025-00001" does not start with the visible "Ana López"']);
    document.body.innerHTML = "";
  });
});
