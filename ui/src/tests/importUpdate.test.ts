// The import's "Update existing cases": what really happened, each changed case field by field,
// the rows held back as likely duplicates, and running again with the updates.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { ok } from "./mockBindings";
import type { ImportSummary } from "../lib/bindings";
import { setLang } from "../lib/i18n/index.svelte";

const mocks = vi.hoisted(() => ({
  commands: { importCsv: vi.fn(), saveRejectedRows: vi.fn() },
}));
vi.mock("../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  commands: mocks.commands,
  events: { importProgress: { listen: async () => () => {} } },
}));

import Import from "../screens/Import.svelte";

const CSV = "child_given_name,child_family_name,next_hearing\nJosé,Ramírez,2027-02-03 09:00\n";

function report(overrides: Partial<ImportSummary> = {}): ImportSummary {
  return {
    rows: 4,
    imported_rows: 3,
    rejected_rows: 0,
    children_created: 1,
    children_already_present: 2,
    sponsors_created: 1,
    errors: [],
    children_unchanged: 1,
    children_changed: 1,
    children_updated: 0,
    children_held_back: 1,
    changes: [
      {
        line: 2,
        case_number: "2025-00001",
        child_name: "José Ramírez",
        changes: [
          { field: "next_hearing", before: "2027-01-12 09:00", after: "2027-02-03 09:00" },
          { field: "sponsor_phone", before: null, after: "+50251234567" },
        ],
        applied: false,
      },
    ],
    held_back: [
      {
        line: 4,
        child_name: "Rosa Ñuñoa",
        reason: "same_name_birth_date_and_sponsor",
        existing_case_number: "2025-00007",
        message: "Rosa Ñuñoa looks like case 2025-00007",
      },
    ],
    ...overrides,
  };
}

async function choose() {
  const input = screen.getByTestId("import-file") as HTMLInputElement;
  Object.defineProperty(input, "files", { value: [new File([CSV], "releases.csv", { type: "text/csv" })], configurable: true });
  await fireEvent.change(input);
}

beforeEach(() => {
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
});

describe("Import: existing cases", () => {
  it("shows what really happened, each change field by field and the held-back rows, and runs again with the updates", async () => {
    mocks.commands.importCsv.mockResolvedValueOnce(ok({ status: "imported", report: report() }));
    render(Import);
    await choose();
    await fireEvent.click(screen.getByTestId("import-submit"));
    await waitFor(() => expect(mocks.commands.importCsv).toHaveBeenCalledWith("releases.csv", CSV, false, false));
    const result = await screen.findByTestId("import-result");
    for (const [key, n] of [["children_created", "1"], ["children_unchanged", "1"], ["children_changed", "1"], ["children_updated", "0"], ["children_held_back", "1"], ["sponsors_created", "1"]]) {
      expect(within(result).getByTestId(`import-${key}`), key).toHaveTextContent(n);
    }
    const change = within(result).getByTestId("import-change");
    expect(change).toHaveTextContent("2025-00001 · José Ramírez · Line 2");
    expect(within(change).getByTestId("import-change-applied")).toHaveTextContent("Not applied");
    expect(within(change).getAllByTestId("import-change-field").map((f) => f.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "next_hearing 2027-01-12 09:00 → 2027-02-03 09:00",
      "sponsor_phone (empty) → +50251234567",
    ]);
    const held = within(result).getByTestId("import-held-back-row");
    expect(held).toHaveTextContent("Rosa Ñuñoa");
    expect(within(held).getByTestId("import-held-back-case")).toHaveTextContent("Looks like 2025-00007");
    expect(held).toHaveTextContent("Same name, date of birth and sponsor");

    mocks.commands.importCsv.mockResolvedValueOnce(
      ok({
        status: "imported",
        report: report({ children_created: 0, children_changed: 0, children_updated: 1, changes: [{ ...report().changes[0], applied: true }] }),
      }),
    );
    await fireEvent.click(within(result).getByTestId("import-rerun-update"));
    await waitFor(() => expect(mocks.commands.importCsv).toHaveBeenLastCalledWith("releases.csv", CSV, false, true));
    const again = await screen.findByTestId("import-result");
    await waitFor(() => expect(within(again).getByTestId("import-children_updated")).toHaveTextContent("1"));
    expect(within(again).getByTestId("import-change-applied")).toHaveTextContent("Updated");
    expect(within(again).queryByTestId("import-rerun-update")).toBeNull();
    expect(screen.getByTestId("import-update")).toBeChecked();
  });

  it("sends update=true when “Update existing cases” is ticked, and offers no rerun", async () => {
    mocks.commands.importCsv.mockResolvedValue(ok({ status: "imported", report: report({ children_changed: 0, children_updated: 1, changes: [{ ...report().changes[0], applied: true }] }) }));
    render(Import);
    await choose();
    await fireEvent.click(screen.getByTestId("import-update"));
    await fireEvent.click(screen.getByTestId("import-submit"));
    await waitFor(() => expect(mocks.commands.importCsv).toHaveBeenCalledWith("releases.csv", CSV, false, true));
    const result = await screen.findByTestId("import-result");
    expect(within(result).queryByTestId("import-rerun-update")).toBeNull();
  });

  it("is in Spanish when the interface is", async () => {
    setLang("es");
    mocks.commands.importCsv.mockResolvedValue(ok({ status: "imported", report: report() }));
    render(Import);
    await choose();
    await fireEvent.click(screen.getByTestId("import-submit"));
    const result = await screen.findByTestId("import-result");
    expect(result).toHaveTextContent("Casos con cambios sin aplicar");
    expect(within(result).getByTestId("import-change-applied")).toHaveTextContent("Sin aplicar");
    expect(within(result).getByTestId("import-held-back-case")).toHaveTextContent("Parece 2025-00007");
    expect(within(result).getByTestId("import-rerun-update")).toHaveTextContent("Importar de nuevo y aplicar estos cambios");
  });
});
