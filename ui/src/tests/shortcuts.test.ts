// The keyboard shortcuts, in the whole window: / searches, N starts a new child, L logs the
// next call due, Ctrl+Shift+L locks, ? lists them (also from the header's button), in English
// and Spanish. None of them fires while typing in a field or while a dialog is open.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { admin, callDue, caseManager, courtOptions, dashboardData, languages, ok, pagedChildren, sponsor, volunteer, pagedCallQueue } from "./mockBindings";
import { setLang } from "../lib/i18n/index.svelte";
import { resetDashboard } from "../lib/followup.svelte";
import { resetReference } from "../lib/reference.svelte";
import { shortcutFor } from "../lib/shortcuts";

const mocks = vi.hoisted(() => ({
  commands: {
    vaultStatus: vi.fn(),
    lock: vi.fn(),
    touch: vi.fn(),
    listLanguages: vi.fn(),
    listCourts: vi.fn(),
    listChildren: vi.fn(),
    searchChildren: vi.fn(),
    listSponsors: vi.fn(),
    callsDue: vi.fn(),
    callsDuePage: vi.fn(),
    logCall: vi.fn(),
    dashboard: vi.fn(),
    openFlagCount: vi.fn(),
    pendingAddresses: vi.fn(),
    createSponsor: vi.fn(),
  },
}));
vi.mock("../lib/bindings", () => ({
  commands: mocks.commands,
  events: { vaultLocked: { listen: async () => () => {} } },
}));

import App from "../App.svelte";

const QUEUE = [
  callDue({ task_id: 7, child_id: 7, case_number: "2025-00007", child_name: "Pedro Gómez", due_on: "2025-06-09", overdue: false }),
  callDue({ task_id: 3, child_id: 3, case_number: "2025-00003", child_name: "José Ramírez", due_on: "2025-05-30", overdue: true }),
  callDue({ task_id: 4, child_id: 4, case_number: "2025-00004", child_name: "Lucía Hernández", due_on: "2025-06-03" }),
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2025, 5, 3, 10, 0));
  resetDashboard();
  resetReference();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.callsDuePage.mockImplementation(pagedCallQueue(mocks.commands.callsDue));
  const c = mocks.commands;
  c.lock.mockResolvedValue(ok(null));
  c.touch.mockResolvedValue(null);
  c.listLanguages.mockResolvedValue(languages);
  c.listCourts.mockResolvedValue(courtOptions);
  c.listChildren.mockImplementation(pagedChildren(3));
  c.listSponsors.mockResolvedValue(ok([sponsor]));
  c.callsDue.mockResolvedValue(ok(QUEUE));
  c.dashboard.mockResolvedValue(ok(dashboardData()));
  c.openFlagCount.mockResolvedValue(ok(5));
  c.pendingAddresses.mockResolvedValue(ok([]));
});
afterEach(() => {
  vi.useRealTimers();
});

async function signedIn(session = caseManager) {
  mocks.commands.vaultStatus.mockResolvedValue({ exists: true, session, vault_path: "/home/ana/.local/share/tether/vault" });
  render(App);
  await screen.findByTestId(session.role === "volunteer" ? "screen-calls" : "screen-dashboard");
}

/** A key pressed where focus is (the page's body when nothing has it). */
function press(key: string, init: KeyboardEventInit = {}, target: Element = document.activeElement ?? document.body) {
  return fireEvent.keyDown(target, { key, ...init });
}

describe("keyboard shortcuts", () => {
  it("/ opens Children with the search box focused, from any screen", async () => {
    await signedIn();
    await press("/");
    expect(await screen.findByTestId("screen-children")).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("children-search")));
    expect(screen.getByTestId("children-search")).toHaveAttribute("aria-keyshortcuts", "/");
  });

  it("/ works as Shift+7 on a Spanish keyboard", async () => {
    setLang("es");
    await signedIn();
    await press("/", { shiftKey: true, code: "Digit7" });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Buscar menores")));
  });

  it("N opens a new child's form for staff, on its heading", async () => {
    await signedIn();
    await press("n");
    expect(await screen.findByTestId("screen-child-form")).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "New child" })));
  });

  it("N does nothing for a volunteer, who adds no children", async () => {
    await signedIn(volunteer);
    await press("n");
    expect(screen.queryByTestId("screen-child-form")).toBeNull();
    expect(screen.getByTestId("screen-calls")).toBeInTheDocument();
  });

  it("L opens the call queue on the first overdue call, and Escape returns to its row", async () => {
    await signedIn();
    await press("l");
    const dialog = await screen.findByTestId("log-call-dialog");
    expect(dialog).toHaveTextContent("Log a call — José Ramírez");
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("log-call-dialog")).toBeNull());
    expect(document.activeElement).toHaveAccessibleName("Log call for José Ramírez (2025-00003)");
  });

  it("L says so when no call is due today or overdue, and opens none ahead of time", async () => {
    mocks.commands.callsDue.mockResolvedValue(ok([QUEUE[0]]));
    await signedIn(volunteer);
    await screen.findAllByTestId("call-row");
    await press("l");
    await waitFor(() => expect(screen.getByTestId("announcer")).toHaveTextContent("No call is due today or overdue."));
    expect(screen.queryByTestId("log-call-dialog")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("heading", { level: 1, name: "Call queue" }));
  });

  it("Ctrl+Shift+L locks; a plain L does not", async () => {
    await signedIn(admin);
    await press("L", { ctrlKey: true, shiftKey: true, code: "KeyL" });
    expect(await screen.findByTestId("screen-unlock")).toBeInTheDocument();
    expect(mocks.commands.lock).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("unlock-user")).toHaveValue("Maria");
  });

  it("? lists the shortcuts for the role, and ? or Escape closes the list", async () => {
    await signedIn();
    await press("?", { shiftKey: true });
    const help = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    const rows = within(help).getAllByTestId("shortcut-row");
    // The keys as shown, and what they do; the keys themselves are <kbd>s.
    expect(rows.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent?.trim()).join(" → "))).toEqual([
      "/ → Search children (opens Children and puts you in the search box)",
      "N → New child",
      "L → Log the next call due (opens the call queue)",
      "Ctrl + Shift + L → Lock the vault",
      "? → Show or hide this list",
      "Esc → Close a dialog, wherever you are in it",
      "Tab → Next control",
      "Shift + Tab → Previous control",
    ]);
    expect(within(rows[3]).getAllByText(/^(Ctrl|Shift|L)$/).map((k) => k.tagName)).toEqual(["KBD", "KBD", "KBD"]);
    await press("?", { shiftKey: true });
    await waitFor(() => expect(screen.queryByTestId("shortcuts-help")).toBeNull());

    await press("?", { shiftKey: true });
    await screen.findByTestId("shortcuts-help");
    await fireEvent.keyDown(document.body, { key: "Escape" });
    await waitFor(() => expect(screen.queryByTestId("shortcuts-help")).toBeNull());
  });

  it("opens the list from the header's button too, in Spanish, without the staff-only ones for a volunteer", async () => {
    setLang("es");
    await signedIn(volunteer);
    const button = screen.getByTestId("shortcuts-button");
    expect(button).toHaveTextContent("Atajos");
    expect(button).toHaveAttribute("aria-keyshortcuts", "?");
    button.focus();
    await fireEvent.click(button);
    const help = await screen.findByRole("dialog", { name: "Atajos de teclado" });
    expect(help).toHaveTextContent("Registrar la próxima llamada pendiente");
    expect(help).toHaveTextContent("Bloquear la bóveda");
    expect(help).not.toHaveTextContent("Nuevo menor");
    await fireEvent.click(within(help).getByTestId("shortcuts-close"));
    await waitFor(() => expect(screen.queryByTestId("shortcuts-help")).toBeNull());
    expect(document.activeElement).toBe(button);
  });
});

describe("shortcuts stay quiet", () => {
  it("while typing in the search box or choosing in a select: the letters are typed, nothing opens", async () => {
    await signedIn();
    await fireEvent.click(screen.getByTestId("nav-children"));
    const search = await screen.findByTestId("children-search");
    search.focus();
    for (const key of ["n", "l", "/", "?"]) {
      expect(await press(key, key === "?" ? { shiftKey: true } : {}, search)).toBe(true); // not prevented: the letter is typed
    }
    await press("L", { ctrlKey: true, shiftKey: true }, search);
    expect(screen.queryByTestId("screen-child-form")).toBeNull();
    expect(screen.queryByTestId("log-call-dialog")).toBeNull();
    expect(screen.queryByTestId("shortcuts-help")).toBeNull();
    expect(mocks.commands.lock).not.toHaveBeenCalled();
    expect(screen.getByTestId("screen-children")).toBeInTheDocument();

    const select = screen.getByTestId("lang-switch");
    select.focus();
    await press("n", {}, select);
    expect(screen.queryByTestId("screen-child-form")).toBeNull();
  });

  it("while a dialog is open: not even in its buttons; only Escape closes it", async () => {
    await signedIn();
    await fireEvent.click(screen.getByTestId("nav-children"));
    await fireEvent.click(await screen.findByTestId("new-sponsor"));
    const dialog = await screen.findByTestId("sponsor-dialog");
    const cancel = within(dialog).getByRole("button", { name: "Cancel" });
    cancel.focus();
    await press("n", {}, cancel);
    await press("l", {}, cancel);
    await press("/", {}, cancel);
    await press("?", { shiftKey: true }, cancel);
    await press("L", { ctrlKey: true, shiftKey: true }, cancel);
    expect(screen.getByTestId("sponsor-dialog")).toBeInTheDocument();
    expect(screen.queryByTestId("screen-child-form")).toBeNull();
    expect(screen.queryByTestId("shortcuts-help")).toBeNull();
    expect(mocks.commands.lock).not.toHaveBeenCalled();
    await press("Escape", {}, cancel);
    await waitFor(() => expect(screen.queryByTestId("sponsor-dialog")).toBeNull());
  });

  it("on a form's buttons and anywhere on a new child's form: what was typed is not thrown away", async () => {
    await signedIn();
    await press("n");
    await screen.findByTestId("screen-child-form");
    await fireEvent.input(screen.getByTestId("child-given-name"), { target: { value: "José" } });
    const cancel = screen.getByTestId("child-cancel");
    cancel.focus();
    await press("/", {}, cancel);
    await press("l", {}, cancel);
    await press("n", {}, cancel);
    (document.activeElement as HTMLElement).blur();
    await press("/", {}, document.body);
    await press("l", {}, document.body);
    expect(screen.getByTestId("screen-child-form")).toBeInTheDocument();
    expect(screen.getByTestId("child-given-name")).toHaveValue("José");
    expect(screen.queryByTestId("log-call-dialog")).toBeNull();
    // The list of shortcuts still opens.
    await press("?", { shiftKey: true }, document.body);
    expect(await screen.findByTestId("shortcuts-help")).toBeInTheDocument();
  });

  it("with Alt, Meta or Ctrl on a letter, and on the locked screen", () => {
    const key = (k: string, init: KeyboardEventInit = {}) => shortcutFor(new KeyboardEvent("keydown", { key: k, ...init }));
    expect(key("n")).toBe("newChild");
    expect(key("N")).toBe("newChild");
    expect(key("n", { altKey: true })).toBeNull();
    expect(key("n", { metaKey: true })).toBeNull();
    expect(key("n", { ctrlKey: true })).toBeNull();
    expect(key("N", { shiftKey: true })).toBeNull();
    expect(key("l", { ctrlKey: true })).toBeNull();
    expect(key("L", { ctrlKey: true, shiftKey: true })).toBe("lock");
    expect(key("Unidentified", { code: "Slash", shiftKey: true })).toBe("help");
    expect(key("n", { repeat: true })).toBeNull();
  });

  it("on the sign-in screen", async () => {
    mocks.commands.vaultStatus.mockResolvedValue({ exists: true, session: null, vault_path: "/v" });
    render(App);
    await screen.findByTestId("screen-unlock");
    await press("?", { shiftKey: true }, document.body);
    await press("n", {}, document.body);
    expect(screen.queryByTestId("shortcuts-help")).toBeNull();
    expect(screen.getByTestId("screen-unlock")).toBeInTheDocument();
  });
});
