// The child detail's History tab: the timeline of every kind of event, case notes and their
// corrections, and what a volunteer sees.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { admin, caseManager, childDetail, courtOptions, err, historyItem, languages, ok, redactedChildDetail, sponsor, volunteer } from "./mockBindings";
import { formatDateTime } from "../lib/format";
import { describeEvent } from "../lib/history";
import { setLang } from "../lib/i18n/index.svelte";
import { resetReference } from "../lib/reference.svelte";

const mocks = vi.hoisted(() => ({
  commands: {
    getChild: vi.fn(),
    listCourts: vi.fn(),
    listLanguages: vi.fn(),
    listSponsors: vi.fn(),
    childHistory: vi.fn(),
    addNote: vi.fn(),
  },
}));
vi.mock("../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  commands: mocks.commands,
}));

import ChildDetail from "../screens/ChildDetail.svelte";
import Toast from "../lib/components/Toast.svelte";

const houston = { line1: "12 Main St", unit: null, city: "Houston", state: "TX", postal_code: "77002" };
const nunoa = { line1: "45 Calle Ñuñoa", unit: "Apt 3", city: "Houston", state: "TX", postal_code: "77009" };

/** José Ramírez's case, newest first, one event of every kind (and one this window does not know). */
const HISTORY = [
  historyItem(20, "note_added", { text: "Corrección: Rosa llamó el martes, no el lunes." }, { at: "2025-06-03T16:30:00Z", corrects: 18 }),
  historyItem(
    19,
    "task_done",
    {
      task_id: 31,
      key: "escalation:1:30:not_safe",
      kind: "escalation",
      summary: "Escalation to the case manager: the child said they do not feel safe",
      on: "2025-06-02",
      note: "Visita con Rosa; plan de seguridad.",
    },
    { at: "2025-06-02T20:00:00Z" },
  ),
  historyItem(18, "note_added", { text: "Rosa llamó el lunes; pidió útiles escolares." }, { at: "2025-06-02T14:05:00Z", corrected_by: 20 }),
  historyItem(
    17,
    "call_logged",
    {
      call_id: 9,
      offset_days: 30,
      attempt: 1,
      at: "2025-06-01 18:15",
      time_zone: "America/Chicago",
      outcome: "reached_child",
      note: "Dice que no se siente seguro en casa.",
      answers: { still_with_sponsor: true, enrolled_in_school: true, knows_court_date: false, feels_safe: false, new_address: false },
    },
    { actor: "jose" },
  ),
  historyItem(16, "address_changed", { sponsor_id: 7, from: houston, to: nunoa, on: "2025-05-28", report_id: null }),
  historyItem(15, "address_confirmed", { sponsor_id: 7, from: houston, to: nunoa, on: "2025-05-27", report_id: 3 }),
  historyItem(14, "address_reported", { report_id: 3, call_id: 8 }, { actor: "jose" }),
  historyItem(13, "address_rejected", { report_id: 2, reported: { ...nunoa, line1: "9 Calle Falsa" }, reported_by: "jose", reason: "La patrocinadora dice que fue un error." }),
  historyItem(12, "nta_updated", { status: "served", served_on: "2025-03-10" }),
  historyItem(11, "hearing_added", { hearing_id: 3, at: "2025-09-15 09:00", court: "HOU" }),
  historyItem(10, "hearing_updated", { hearing_id: 3, outcome: "continued", judge: "Hon. Peña" }),
  historyItem(9, "proceedings_updated", { attorney: "Lic. Marta Núñez", acis_checked: "2025-04-01" }),
  historyItem(8, "child_updated", { fields: ["given_name", "a_number", "a_number_display"] }),
  historyItem(7, "flag_acknowledged", { flag_id: "shared_phone:+17135550100", kind: "shared_phone", note: "Son pareja casada." }),
  historyItem(6, "document_printed", { document: "notice" }),
  historyItem(5, "child_imported", { rows_imported: 40 }),
  historyItem(4, "child_created", { case_number: "2025-00001" }, { at: "2025-03-01T15:00:00Z" }),
  historyItem(3, "sync_merged", "not json at all"),
];

const jose = () => childDetail({ given_name: "José", family_name: "Ramírez" });

beforeEach(() => {
  resetReference();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.listLanguages.mockResolvedValue(languages);
  mocks.commands.listCourts.mockResolvedValue(courtOptions);
  mocks.commands.listSponsors.mockResolvedValue(ok([sponsor]));
  mocks.commands.getChild.mockResolvedValue(ok(jose()));
  mocks.commands.childHistory.mockResolvedValue(ok(HISTORY));
});

async function openHistory(session = caseManager) {
  render(ChildDetail, { session, idOrCase: "2025-00001", onback: () => {}, onopen: vi.fn() });
  await fireEvent.click(await screen.findByTestId("tab-history"));
  expect(screen.getByTestId("tab-history")).toHaveAttribute("aria-selected", "true");
  return screen.findAllByTestId("history-entry");
}

function entry(entries: HTMLElement[], id: number): HTMLElement {
  const found = entries.find((e) => e.getAttribute("data-id") === String(id));
  if (!found) throw new Error(`no history entry ${id}`);
  return found;
}

describe("History tab", () => {
  it("shows every event newest first, each kind in its own words", async () => {
    const entries = await openHistory();
    expect(mocks.commands.childHistory).toHaveBeenCalledWith("2025-00001");
    expect(entries.map((e) => e.getAttribute("data-id"))).toEqual(HISTORY.map((h) => String(h.id)));
    expect(screen.getByTestId("history-count")).toHaveTextContent("18 events, newest first.");

    const call = entry(entries, 17);
    expect(call).toHaveTextContent("Call: Reached the child");
    expect(call).toHaveTextContent("by jose");
    expect(call).toHaveTextContent("Day 30 call, attempt 1");
    expect(call).toHaveTextContent("Sponsor's time: 2025-06-01 18:15 (America/Chicago)");
    expect(call).toHaveTextContent("Still with sponsor: yes");
    expect(call).toHaveTextContent("In school: yes");
    expect(call).toHaveTextContent("Knows the court date: no");
    expect(call).toHaveTextContent("Feels safe: no");
    expect(within(call).getByTestId("history-text")).toHaveTextContent("Dice que no se siente seguro en casa.");
    // A child who does not feel safe stands out.
    expect(call).toHaveClass("alert");
    expect(within(call).getByRole("time")).toHaveAttribute("datetime", HISTORY[3].at);
    expect(call).toHaveTextContent(formatDateTime(HISTORY[3].at));

    const task = entry(entries, 19);
    expect(task).toHaveTextContent("Task done: Escalation to the case manager: The child does not feel safe");
    expect(task).toHaveTextContent("Done on Jun 2, 2025");
    expect(task).toHaveTextContent("Visita con Rosa; plan de seguridad.");
    expect(task).not.toHaveTextContent("the child said they do not feel safe");

    const moved = entry(entries, 16);
    expect(moved).toHaveTextContent("The sponsor moved");
    expect(moved).toHaveTextContent("Since May 28, 2025");
    const move = within(moved).getByTestId("history-move");
    expect(move).toHaveTextContent(/From\s*12 Main St\s*Houston, TX 77002/);
    expect(move).toHaveTextContent(/To\s*45 Calle Ñuñoa\s*Apt 3\s*Houston, TX 77009/);
    expect(entry(entries, 15)).toHaveTextContent("Reported address confirmed: the sponsor moved");
    expect(within(entry(entries, 15)).getByTestId("history-move")).toHaveTextContent("45 Calle Ñuñoa");
    expect(entry(entries, 14)).toHaveTextContent("A new address was reported on a call; it waits for a case manager");
    const rejected = entry(entries, 13);
    expect(rejected).toHaveTextContent("Reported address rejected");
    expect(rejected).toHaveTextContent("Reported by jose");
    expect(rejected).toHaveTextContent("9 Calle Falsa, Apt 3, Houston, TX 77009");
    expect(rejected).toHaveTextContent("La patrocinadora dice que fue un error.");

    expect(entry(entries, 12)).toHaveTextContent("Notice to Appear: NTA served");
    expect(entry(entries, 12)).toHaveTextContent("Served on Mar 10, 2025");
    expect(entry(entries, 11)).toHaveTextContent("Hearing added");
    expect(entry(entries, 11)).toHaveTextContent("2025-09-15 09:00 at HOU");
    expect(entry(entries, 10)).toHaveTextContent("Hearing result: Continued to a later date");
    expect(entry(entries, 10)).toHaveTextContent("Judge: Hon. Peña");
    expect(entry(entries, 9)).toHaveTextContent("Proceedings updated");
    expect(entry(entries, 9)).toHaveTextContent("Attorney of record: Lic. Marta Núñez");
    expect(entry(entries, 9)).toHaveTextContent("Checked in ACIS on Apr 1, 2025");
    // The A-Number and its display form are one field to a reader.
    expect(entry(entries, 8)).toHaveTextContent("Profile updated");
    expect(entry(entries, 8)).toHaveTextContent(/Changed: Given names, A-Number$/);
    expect(entry(entries, 7)).toHaveTextContent("Red flag reviewed: Phone shared by sponsors");
    expect(entry(entries, 7)).toHaveTextContent("Son pareja casada.");
    expect(entry(entries, 6)).toHaveTextContent("Printed: Hearing notice");
    expect(entry(entries, 5)).toHaveTextContent("Imported from the release records");
    expect(entry(entries, 4)).toHaveTextContent("Case opened");
    expect(entry(entries, 4)).toHaveTextContent("Case number 2025-00001");
    // A kind this window does not know, with a detail that is not JSON: shown raw, not dropped.
    expect(within(entry(entries, 3)).getByTestId("history-title")).toHaveTextContent(/^sync_merged$/);
  });

  it("keeps a corrected note in the timeline, marked, and says what the correction corrects", async () => {
    const entries = await openHistory();
    const earlier = entry(entries, 18);
    expect(earlier).toHaveClass("corrected");
    expect(within(earlier).getByTestId("history-text")).toHaveTextContent("Rosa llamó el lunes; pidió útiles escolares.");
    expect(within(earlier).getByTestId("history-corrected")).toHaveTextContent(`Corrected on ${formatDateTime(HISTORY[0].at)}`);
    const correction = entry(entries, 20);
    expect(correction).not.toHaveClass("corrected");
    expect(within(correction).getByTestId("history-corrects")).toHaveTextContent(`Corrects the note of ${formatDateTime(HISTORY[2].at)}`);
    // Only notes can be corrected.
    expect(within(earlier).getByTestId("history-correct")).toBeInTheDocument();
    expect(within(entry(entries, 17)).queryByTestId("history-correct")).toBeNull();
  });

  it("is in Spanish when the interface is", async () => {
    setLang("es");
    const entries = await openHistory();
    expect(screen.getByTestId("tab-history")).toHaveTextContent("Historial");
    expect(screen.getByRole("heading", { level: 2, name: "Historial del caso" })).toBeInTheDocument();
    const call = entry(entries, 17);
    expect(call).toHaveTextContent("Llamada: Se habló con el niño o la niña");
    expect(call).toHaveTextContent("Llamada del día 30, intento 1");
    expect(call).toHaveTextContent("Sigue con el patrocinador: sí");
    expect(call).toHaveTextContent("Se siente seguro(a): no");
    expect(call).not.toHaveTextContent("Feels safe");
    expect(entry(entries, 19)).toHaveTextContent("Tarea hecha: Escalamiento al gestor(a) de casos: El niño o la niña no se siente seguro(a)");
    expect(entry(entries, 16)).toHaveTextContent("El patrocinador se mudó");
    expect(entry(entries, 16)).toHaveTextContent("45 Calle Ñuñoa");
    expect(entry(entries, 12)).toHaveTextContent("Aviso de comparecencia: NTA entregado");
    expect(entry(entries, 10)).toHaveTextContent("Resultado de la audiencia: Aplazada a otra fecha");
    expect(entry(entries, 8)).toHaveTextContent("Cambios: Nombres, Número A (A-Number)");
    expect(entry(entries, 7)).toHaveTextContent("Alerta revisada: Teléfono compartido entre patrocinadores");
    expect(entry(entries, 6)).toHaveTextContent("Impreso: Aviso de audiencia");
    expect(within(entry(entries, 18)).getByTestId("history-corrected")).toHaveTextContent("Corregida el");
    expect(within(entry(entries, 20)).getByTestId("history-corrects")).toHaveTextContent("Corrige la nota del");
    expect(screen.getByTestId("history-note-save")).toHaveTextContent("Agregar nota");
    expect(screen.getByTestId("history-count")).toHaveTextContent("18 eventos");
  });

  it("refuses an empty note without asking the backend", async () => {
    await openHistory();
    await fireEvent.input(screen.getByTestId("history-note-text"), { target: { value: "   " } });
    await fireEvent.click(screen.getByTestId("history-note-save"));
    expect(screen.getByText("This field is required.")).toBeInTheDocument();
    expect(screen.getByTestId("history-note-text")).toHaveAttribute("aria-invalid", "true");
    expect(mocks.commands.addNote).not.toHaveBeenCalled();
  });

  it("adds a note at the top, empties the box and moves focus to it", async () => {
    const added = historyItem(21, "note_added", { text: "Rosa pidió útiles escolares para José." }, { at: "2025-06-03T18:00:00Z" });
    mocks.commands.addNote.mockResolvedValue(ok(added));
    await openHistory(admin);
    render(Toast);
    await fireEvent.input(screen.getByTestId("history-note-text"), { target: { value: "  Rosa pidió útiles escolares para José. " } });
    await fireEvent.click(screen.getByTestId("history-note-save"));
    await waitFor(() => expect(mocks.commands.addNote).toHaveBeenCalledWith("2025-00001", "Rosa pidió útiles escolares para José.", null));
    await waitFor(() => expect(screen.getAllByTestId("history-entry")).toHaveLength(HISTORY.length + 1));
    const first = screen.getAllByTestId("history-entry")[0];
    expect(first).toHaveAttribute("data-id", "21");
    expect(first).toHaveTextContent("Case note");
    expect(first).toHaveTextContent("Rosa pidió útiles escolares para José.");
    expect(screen.getByTestId("history-note-text")).toHaveValue("");
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(await screen.findByText("The note was added.")).toBeInTheDocument();
  });

  it("corrects a note: the box names the note, sends `corrects`, and the earlier note is marked", async () => {
    const fix = historyItem(21, "note_added", { text: "Rosa llamó el miércoles." }, { at: "2025-06-03T18:00:00Z", corrects: 20 });
    mocks.commands.addNote.mockResolvedValue(ok(fix));
    const entries = await openHistory();
    render(Toast);

    // Correct… then Cancel: back to a plain note.
    await fireEvent.click(within(entry(entries, 20)).getByTestId("history-correct"));
    expect(screen.getByLabelText(`Correction of the note of ${formatDateTime(HISTORY[0].at)}`)).toBe(screen.getByTestId("history-note-text"));
    expect(screen.getByTestId("history-note-text")).toHaveValue("");
    expect(document.activeElement).toBe(screen.getByTestId("history-note-text"));
    expect(screen.getByTestId("history-correcting")).toHaveTextContent("Corrección: Rosa llamó el martes, no el lunes.");
    await fireEvent.click(screen.getByTestId("history-note-cancel"));
    expect(screen.getByLabelText("New case note")).toBe(screen.getByTestId("history-note-text"));
    expect(screen.queryByTestId("history-note-cancel")).toBeNull();

    await fireEvent.click(within(entry(entries, 20)).getByTestId("history-correct"));
    expect(screen.getByTestId("history-note-save")).toHaveTextContent("Save correction");
    await fireEvent.input(screen.getByTestId("history-note-text"), { target: { value: "Rosa llamó el miércoles." } });
    await fireEvent.click(screen.getByTestId("history-note-save"));
    await waitFor(() => expect(mocks.commands.addNote).toHaveBeenCalledWith("2025-00001", "Rosa llamó el miércoles.", 20));
    const after = await screen.findAllByTestId("history-entry");
    await waitFor(() => expect(after[0]).toHaveAttribute("data-id", "21"));
    const now = screen.getAllByTestId("history-entry");
    expect(within(now[0]).getByTestId("history-corrects")).toHaveTextContent(`Corrects the note of ${formatDateTime(HISTORY[0].at)}`);
    expect(entry(now, 20)).toHaveClass("corrected");
    expect(within(entry(now, 20)).getByTestId("history-corrected")).toHaveTextContent(`Corrected on ${formatDateTime(fix.at)}`);
    expect(screen.getByTestId("history-note-save")).toHaveTextContent("Add note");
    expect(await screen.findByText(/The correction was added/)).toBeInTheDocument();
  });

  it("keeps a note being written when another tab is opened and the history reloads", async () => {
    await openHistory();
    await fireEvent.input(screen.getByTestId("history-note-text"), { target: { value: "Rosa confirma la escuela." } });
    await fireEvent.click(screen.getByTestId("tab-court"));
    expect(screen.queryByTestId("history-note-text")).toBeNull();
    await fireEvent.click(screen.getByTestId("tab-history"));
    expect(await screen.findByTestId("history-note-text")).toHaveValue("Rosa confirma la escuela.");
    // Fresh each time: a change made on another tab is in the history when it is opened again.
    await waitFor(() => expect(mocks.commands.childHistory).toHaveBeenCalledTimes(2));
  });

  it("shows a refusal in the form's error box and keeps the text", async () => {
    mocks.commands.addNote.mockResolvedValue(err("permission_denied", "case_manager may not add notes"));
    await openHistory();
    await fireEvent.input(screen.getByTestId("history-note-text"), { target: { value: "Nota nueva" } });
    await fireEvent.click(screen.getByTestId("history-note-save"));
    expect(await screen.findByTestId("history-note-error")).toHaveTextContent("Your role does not allow this action.");
    expect(screen.getByTestId("history-note-text")).toHaveValue("Nota nueva");
    expect(screen.getAllByTestId("history-entry")).toHaveLength(HISTORY.length);
  });

  it("puts the backend's note error on the field", async () => {
    mocks.commands.addNote.mockResolvedValue(err("invalid_input", "a note holds at most 5000 characters, not 5001", "text"));
    await openHistory();
    await fireEvent.input(screen.getByTestId("history-note-text"), { target: { value: "x" } });
    await fireEvent.click(screen.getByTestId("history-note-save"));
    expect(await screen.findByText("a note holds at most 5000 characters, not 5001")).toBeInTheDocument();
    expect(screen.getByTestId("history-note-text")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("history-note-error")).toBeNull();
  });

  it("gives a volunteer the tab with their calls and no note box", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(redactedChildDetail()));
    mocks.commands.childHistory.mockResolvedValue(ok([HISTORY[3]]));
    const entries = await openHistory(volunteer);
    expect(screen.getAllByRole("tab").map((tab) => tab.textContent?.trim())).toEqual(["Profile", "Sponsor", "Court", "History"]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toHaveTextContent("Call: Reached the child");
    expect(screen.queryByTestId("history-note-form")).toBeNull();
    expect(screen.queryByTestId("history-note-text")).toBeNull();
    expect(screen.queryByTestId("history-correct")).toBeNull();
    expect(screen.getByTestId("case-history")).toHaveTextContent("You see the calls of this case.");
  });

  it("says so when the history may not be read (a child outside the volunteer's queue)", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(redactedChildDetail()));
    mocks.commands.childHistory.mockResolvedValue(err("permission_denied"));
    render(ChildDetail, { session: volunteer, idOrCase: "2025-00001", onback: () => {}, onopen: vi.fn() });
    await fireEvent.click(await screen.findByTestId("tab-history"));
    expect(await screen.findByTestId("history-error")).toHaveTextContent("Your role does not allow this action.");
    expect(screen.queryByTestId("history-count")).toBeNull();
  });

  it("never throws on a detail it cannot read", () => {
    for (const detail of ["", "null", "[1,2]", "{\"answers\": 3, \"fields\": \"x\", \"from\": 4}", "42"]) {
      for (const kind of ["call_logged", "note_added", "task_done", "address_changed", "child_updated", "flag_acknowledged", "document_printed", "other"]) {
        expect(() => describeEvent(historyItem(1, kind, detail))).not.toThrow();
      }
    }
    expect(describeEvent(historyItem(1, "call_logged", "{}")).title).toBe("Call: Not recorded");
  });
});
