// Every new case-history event, audit action and task kind in the reader's language.
import { describe, expect, it } from "vitest";
import { historyItem } from "./mockBindings";
import { describeEvent } from "../lib/history";
import { auditActionLabel } from "../lib/format";
import { setLang } from "../lib/i18n/index.svelte";
import { taskKindLabel, taskSummary, factsFromKey } from "../lib/tasks";
import { closureReasonLabel, CLOSURE_REASONS } from "../lib/lifecycle";

const EVENTS = [
  historyItem(1, "child_closed", { reason: "turned_18", note: "Cumplió 18; sigue con Rosa.", on: "2025-06-02" }),
  historyItem(2, "child_reopened", { note: "Rosa llamó otra vez.", was_closed_as: "lost_contact" }),
  historyItem(3, "child_voided", { reason: "Registro de prueba" }),
  historyItem(4, "child_merged", { kept: "2025-00001", merged: "2025-00009", filled: ["a_number"], calls_moved: 2, hearings_moved: 1 }),
  historyItem(5, "child_assigned", { from: "ana", to: "Tomás" }),
  historyItem(6, "sponsor_linked", { sponsor: { from: 7, to: 7 }, category: { from: "2A", to: "3" }, relationship: { from: "tía", to: "family friend" } }),
  historyItem(7, "sponsor_updated", { sponsor_id: 7, fields: ["given_name", "phones", "household"] }),
  historyItem(8, "sponsor_merged", { kept: 7, merged: 9, children_moved: 1 }),
  historyItem(9, "phone_not_working", { sponsor_id: 7, phone: "+50251234567", call_id: 3 }),
  historyItem(10, "import_updated", { changes: [{ field: "next_hearing", before: "2027-01-12 09:00", after: "2027-02-03 09:00" }, { field: "sponsor_phone", before: null, after: "+50244556677" }] }),
];

function described() {
  return EVENTS.map((e) => {
    const v = describeEvent(e);
    return [e.kind, v.title, ...v.lines, ...(v.text ? [v.text] : [])];
  });
}

describe("history events of the case lifecycle", () => {
  it("are told in English", () => {
    expect(described()).toEqual([
      ["child_closed", "Case closed: Turned 18", "Closed on Jun 2, 2025", "Cumplió 18; sigue con Rosa."],
      ["child_reopened", "Case reopened", "It had been closed: Lost contact", "Rosa llamó otra vez."],
      ["child_voided", "Record voided", "Registro de prueba"],
      ["child_merged", "Duplicate merged: 2025-00009 into 2025-00001", "Calls moved: 2 · hearings moved: 1", "Filled from the duplicate: A-Number"],
      ["child_assigned", "Assigned to Tomás", "Before: ana"],
      ["sponsor_linked", "Link to the sponsor changed", "Category: 2A → 3", "Relationship: aunt → family friend"],
      ["sponsor_updated", "Sponsor’s details corrected", "Changed: given names, phone numbers, household"],
      ["sponsor_merged", "Sponsor records merged", "Children moved: 1"],
      ["phone_not_working", "Number marked not working: +50251234567"],
      ["import_updated", "Updated from a release file", "next_hearing: 2027-01-12 09:00 → 2027-02-03 09:00", "sponsor_phone: (none) → +50244556677"],
    ]);
  });

  it("are told in Spanish", () => {
    setLang("es");
    expect(described()).toEqual([
      ["child_closed", "Caso cerrado: Cumplió 18 años", "Cerrado el 2 jun 2025", "Cumplió 18; sigue con Rosa."],
      ["child_reopened", "Caso reabierto", "Estaba cerrado: Se perdió el contacto", "Rosa llamó otra vez."],
      ["child_voided", "Registro anulado", "Registro de prueba"],
      ["child_merged", "Duplicado fusionado: 2025-00009 en 2025-00001", "Llamadas trasladadas: 2 · audiencias trasladadas: 1", "Completado desde el duplicado: Número A (A-Number)"],
      ["child_assigned", "Asignado a Tomás", "Antes: ana"],
      ["sponsor_linked", "Cambió el vínculo con el patrocinador", "Categoría: 2A → 3", "Parentesco: tía → amigo(a) de la familia"],
      ["sponsor_updated", "Se corrigieron los datos del patrocinador", "Cambió: nombres, teléfonos, hogar"],
      ["sponsor_merged", "Se fusionaron registros del patrocinador", "Menores trasladados: 1"],
      ["phone_not_working", "Número marcado como que no funciona: +50251234567"],
      ["import_updated", "Actualizado desde un archivo de entregas", "next_hearing: 2027-01-12 09:00 → 2027-02-03 09:00", "sponsor_phone: (ninguno) → +50244556677"],
    ]);
  });
});

const ACTIONS = ["sponsor_updated", "sponsor_merged", "sponsor_linked", "phone_not_working", "child_merged", "child_voided", "child_closed", "child_reopened", "child_assigned"];

describe("audit actions of the case lifecycle", () => {
  it("are translated in both languages, and differently", () => {
    const english = ACTIONS.map(auditActionLabel);
    expect(english).toEqual([
      "Sponsor changed",
      "Sponsors merged",
      "Child’s sponsor link changed",
      "Number marked not working",
      "Children merged",
      "Child record voided",
      "Case closed",
      "Case reopened",
      "Case assigned",
    ]);
    setLang("es");
    const spanish = ACTIONS.map(auditActionLabel);
    expect(spanish).toEqual([
      "Patrocinador modificado",
      "Patrocinadores fusionados",
      "Cambió el vínculo del menor con el patrocinador",
      "Número marcado como que no funciona",
      "Menores fusionados",
      "Registro de menor anulado",
      "Caso cerrado",
      "Caso reabierto",
      "Caso asignado",
    ]);
  });
});

describe("task kinds of the case lifecycle", () => {
  it("name age-out and find-a-number tasks, with the days before the birthday from the key", () => {
    expect(taskKindLabel("age_out")).toBe("Age-out");
    expect(taskKindLabel("find_phone")).toBe("Find a working number");
    expect(taskSummary(factsFromKey("age_out", "ageout:17:30", null))).toBe("Prepare for age-out: the 18th birthday is in 30 days");
    expect(taskSummary(factsFromKey("age_out", "ageout:17:0", null))).toBe("Turned 18: decide whether to close the case as “Turned 18”");
    expect(taskSummary({ kind: "find_phone" })).toBe("Find a working number: every number the sponsor has failed on a call");
    setLang("es");
    expect(taskKindLabel("age_out")).toBe("Mayoría de edad");
    expect(taskKindLabel("find_phone")).toBe("Buscar un número que funcione");
    expect(taskSummary(factsFromKey("age_out", "ageout:17:90", null))).toBe("Prepararse para la mayoría de edad: cumple 18 años en 90 días");
  });

  it("and every closure reason has its own label in both languages", () => {
    const en = CLOSURE_REASONS.map(closureReasonLabel);
    setLang("es");
    const es = CLOSURE_REASONS.map(closureReasonLabel);
    expect(new Set(en).size).toBe(CLOSURE_REASONS.length);
    en.forEach((label, i) => expect(es[i], label).not.toBe(label));
  });
});
