import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import {
  admin,
  courtOptions,
  fieldsErr,
  languages,
  ok,
  pagedChildren,
  sponsor,
  summary,
  volunteer,
} from "./mockBindings";
import { setLang } from "../lib/i18n/index.svelte";
import { resetReference } from "../lib/reference.svelte";
import Toast from "../lib/components/Toast.svelte";

const mocks = vi.hoisted(() => {
  const progress: ((event: { payload: unknown }) => void)[] = [];
  return {
    progress,
    commands: {
      listChildren: vi.fn(),
      searchChildren: vi.fn(),
      createSponsor: vi.fn(),
      listSponsors: vi.fn(),
      createChild: vi.fn(),
      importCsv: vi.fn(),
      saveRejectedRows: vi.fn(),
      listCourts: vi.fn(),
      listLanguages: vi.fn(),
    },
  };
});
vi.mock("../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<object>()), // the real constants (RELEASE_CSV_COLUMNS); fake commands and events
  commands: mocks.commands,
  events: {
    importProgress: {
      listen: async (cb: (event: { payload: unknown }) => void) => {
        mocks.progress.push(cb);
        return () => {};
      },
    },
  },
}));

import Children from "../screens/Children.svelte";
import ChildForm from "../screens/ChildForm.svelte";
import Import from "../screens/Import.svelte";
import SponsorForm from "../dialogs/SponsorForm.svelte";

const noop = () => {};

beforeEach(() => {
  resetReference();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.progress.length = 0;
  mocks.commands.listLanguages.mockResolvedValue(languages);
  mocks.commands.listCourts.mockResolvedValue(courtOptions);
  mocks.commands.listSponsors.mockResolvedValue(ok([sponsor]));
  mocks.commands.listChildren.mockImplementation(pagedChildren(3));
});

function renderChildren(session = admin) {
  const onopen = vi.fn();
  const onnewchild = vi.fn();
  render(Children, { session, onopen, onnewchild, onimport: noop });
  return { onopen, onnewchild };
}

describe("Children", () => {
  it("searches as you type, once typing pauses, and renders the rows", async () => {
    mocks.commands.searchChildren.mockResolvedValue(ok([summary(42, { given_name: "Ana", nta_status: "filed" })]));
    const { onopen } = renderChildren();
    await screen.findAllByTestId("child-row");
    const box = screen.getByTestId("children-search");
    await fireEvent.input(box, { target: { value: "a" } });
    await fireEvent.input(box, { target: { value: "an" } });
    await fireEvent.input(box, { target: { value: "ana" } });
    expect(mocks.commands.searchChildren).not.toHaveBeenCalled();

    await waitFor(() => expect(mocks.commands.searchChildren).toHaveBeenCalledTimes(1));
    expect(mocks.commands.searchChildren).toHaveBeenCalledWith("ana", 50);
    const results = await screen.findByTestId("search-results");
    const rows = within(results).getAllByTestId("child-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("2025-00042");
    expect(rows[0]).toHaveTextContent("Ana López");
    expect(rows[0]).toHaveTextContent("Mam");
    expect(rows[0]).toHaveTextContent("NTA filed with the court");
    expect(screen.getByText("1 result for “ana”")).toBeInTheDocument();

    await fireEvent.click(within(rows[0]).getByTestId("child-open"));
    expect(onopen).toHaveBeenCalledWith("2025-00042");

    // Clearing the box returns to the full list.
    await fireEvent.input(box, { target: { value: "" } });
    expect(await screen.findByTestId("children-list")).toBeInTheDocument();
  });

  it("says when nothing matches", async () => {
    mocks.commands.searchChildren.mockResolvedValue(ok([]));
    renderChildren();
    await fireEvent.input(screen.getByTestId("children-search"), { target: { value: "zzz" } });
    expect(await screen.findByText("No child matches “zzz”.")).toBeInTheDocument();
  });

  it("renders only a window of rows of a very long list and fetches pages on scroll", async () => {
    mocks.commands.listChildren.mockImplementation(pagedChildren(100_000));
    renderChildren();
    const rows = await screen.findAllByTestId("child-row");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(mocks.commands.listChildren).toHaveBeenCalledWith(0, 200, null, false);
    expect(screen.getByText("100,000 children")).toBeInTheDocument();

    const list = screen.getByTestId("children-list");
    const spacer = list.firstElementChild as HTMLElement;
    expect(spacer.style.height).toBe(`${100_000 * 44}px`);

    // Scroll to row 50 100: its page is fetched and only rows around it are in the DOM.
    list.scrollTop = 50_100 * 44;
    await fireEvent.scroll(list);
    await waitFor(() => expect(mocks.commands.listChildren).toHaveBeenCalledWith(50_000, 200, null, false));
    await waitFor(() => expect(screen.getByText("2025-50101")).toBeInTheDocument());
    const after = screen.getAllByTestId("child-row");
    expect(after.length).toBeLessThan(40);
    expect(screen.queryByText("2025-00001")).toBeNull();
    expect(mocks.commands.listChildren).toHaveBeenCalledTimes(2);
  });

  it("hides the edit buttons from volunteers", async () => {
    renderChildren(volunteer);
    await screen.findAllByTestId("child-row");
    expect(screen.queryByTestId("new-child")).toBeNull();
    expect(screen.queryByTestId("new-sponsor")).toBeNull();
  });

  it("shows the list in Spanish", async () => {
    setLang("es");
    renderChildren();
    const rows = await screen.findAllByTestId("child-row");
    expect(rows[0]).toHaveTextContent("NTA no entregado");
    expect(screen.getByLabelText("Buscar menores")).toBe(screen.getByTestId("children-search"));
    expect(screen.getByTestId("new-sponsor")).toHaveTextContent("Nuevo patrocinador");
  });
});

describe("Sponsor form", () => {
  async function fill() {
    await fireEvent.input(screen.getByTestId("sponsor-given-name"), { target: { value: "Rosa" } });
    await fireEvent.input(screen.getByTestId("sponsor-family-name"), { target: { value: "López" } });
    await fireEvent.change(screen.getByTestId("sponsor-category"), { target: { value: "2A" } });
    await fireEvent.input(screen.getByTestId("sponsor-phones"), { target: { value: "713 555 0100\n\n(713) 555-0101 " } });
    await fireEvent.input(screen.getByTestId("sponsor-address-line1"), { target: { value: "12 Main St" } });
    await fireEvent.input(screen.getByTestId("sponsor-address-line2"), { target: { value: "Apt 4" } });
    await fireEvent.input(screen.getByTestId("sponsor-city"), { target: { value: "Houston" } });
    await fireEvent.input(screen.getByTestId("sponsor-state"), { target: { value: "tx" } });
    await fireEvent.input(screen.getByTestId("sponsor-postal-code"), { target: { value: "77002" } });
  }

  it("shows likely duplicates and creates anyway with confirm = true", async () => {
    mocks.commands.createSponsor
      .mockResolvedValueOnce(
        ok({
          status: "needs_confirmation",
          matches: [
            { kind: "sponsor", id: 7, label: "Rosa López (713) 555-0100", reason: "same_phone" },
            { kind: "sponsor", id: 9, label: "Rosa M. López", reason: "same_address" },
          ],
        }),
      )
      .mockResolvedValueOnce(ok({ status: "created", id: 12, case_number: null }));
    const onaddchild = vi.fn();
    render(SponsorForm, { open: true, onclose: noop, onaddchild });
    await fill();
    await fireEvent.click(screen.getByTestId("sponsor-submit"));

    const expected = {
      given_name: "Rosa",
      family_name: "López",
      category: "2A",
      phones: ["713 555 0100", "(713) 555-0101"],
      address_line1: "12 Main St",
      address_line2: "Apt 4",
      city: "Houston",
      state: "TX",
      postal_code: "77002",
      time_zone: null,
    };
    await waitFor(() => expect(mocks.commands.createSponsor).toHaveBeenCalledWith(expected, false));
    const dups = await screen.findByTestId("duplicates");
    expect(within(dups).getAllByTestId("duplicate")).toHaveLength(2);
    expect(dups).toHaveTextContent("Rosa López (713) 555-0100");
    expect(dups).toHaveTextContent("Same phone number");
    expect(dups).toHaveTextContent("Same address");

    await fireEvent.click(screen.getByTestId("confirm-create"));
    await waitFor(() => expect(mocks.commands.createSponsor).toHaveBeenLastCalledWith(expected, true));
    expect(await screen.findByTestId("sponsor-created")).toHaveTextContent("Rosa López");
    await fireEvent.click(screen.getByTestId("sponsor-add-child"));
    expect(onaddchild).toHaveBeenCalledWith(12);
  });

  it("cancelling the duplicates creates nothing and keeps the form", async () => {
    mocks.commands.createSponsor.mockResolvedValue(
      ok({ status: "needs_confirmation", matches: [{ kind: "sponsor", id: 7, label: "Rosa López", reason: "same_name" }] }),
    );
    render(SponsorForm, { open: true, onclose: noop, onaddchild: noop });
    await fill();
    await fireEvent.click(screen.getByTestId("sponsor-submit"));
    await screen.findByTestId("duplicates");
    await fireEvent.click(screen.getByTestId("cancel-create"));
    expect(screen.queryByTestId("duplicates")).toBeNull();
    expect(screen.getByTestId("sponsor-given-name")).toHaveValue("Rosa");
    expect(mocks.commands.createSponsor).toHaveBeenCalledTimes(1);
  });

  it("on an empty submit, focuses the first missing field and announces every field in error", async () => {
    render(SponsorForm, { open: true, onclose: noop, onaddchild: noop });
    const summary = screen.getByTestId("sponsor-form-summary");
    // The live region is in the page before anything goes wrong, so filling it is announced.
    expect(summary).toHaveAttribute("role", "status");
    expect(summary).toBeEmptyDOMElement();
    const submit = screen.getByTestId("sponsor-submit");
    submit.focus();
    await fireEvent.click(submit);

    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("sponsor-given-name")));
    expect(screen.getByTestId("sponsor-given-name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("sponsor-family-name")).toHaveAttribute("aria-invalid", "true");
    expect(summary).toHaveTextContent(/^2 fields need attention:/);
    expect(within(summary).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Given names: This field is required.",
      "Family names: This field is required.",
    ]);
    expect(mocks.commands.createSponsor).not.toHaveBeenCalled();

    // Half fixed: only the family name is left, and focus goes there.
    await fireEvent.input(screen.getByTestId("sponsor-given-name"), { target: { value: "Marta" } });
    submit.focus();
    await fireEvent.click(submit);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("sponsor-family-name")));
    expect(summary).toHaveTextContent("1 field needs attention: Family names: This field is required.");
    expect(summary).not.toHaveTextContent("Given names");
  });

  it("announces the empty submit in Spanish", async () => {
    setLang("es");
    render(SponsorForm, { open: true, onclose: noop, onaddchild: noop });
    await fireEvent.click(screen.getByTestId("sponsor-submit"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("sponsor-given-name")));
    expect(screen.getByTestId("sponsor-form-summary")).toHaveTextContent(/^2 campos necesitan corrección:.*Este campo es obligatorio\./);
  });

  it("focuses and announces the fields the backend refused", async () => {
    mocks.commands.createSponsor.mockResolvedValue(
      fieldsErr([{ field: "phones", message: "\"12\" is not a phone number" }]),
    );
    render(SponsorForm, { open: true, onclose: noop, onaddchild: noop });
    await fill();
    await fireEvent.click(screen.getByTestId("sponsor-submit"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("sponsor-phones")));
    expect(screen.getByTestId("sponsor-form-summary")).toHaveTextContent('1 field needs attention: Phone numbers: "12" is not a phone number');
  });

  it("shows field errors from the backend inline", async () => {
    mocks.commands.createSponsor.mockResolvedValue(
      fieldsErr([
        { field: "state", message: "\"ZZ\" is not a US state" },
        { field: "phones", message: "\"12\" is not a phone number" },
      ]),
    );
    render(SponsorForm, { open: true, onclose: noop, onaddchild: noop });
    await fill();
    await fireEvent.click(screen.getByTestId("sponsor-submit"));
    const state = screen.getByTestId("sponsor-state");
    await waitFor(() => expect(state).toHaveAttribute("aria-invalid", "true"));
    expect(state).toHaveAccessibleDescription(expect.stringContaining("not a US state"));
    expect(screen.getByTestId("sponsor-phones")).toHaveAccessibleDescription(expect.stringContaining("not a phone number"));
  });
});

describe("Child form", () => {
  async function fillMinimal() {
    await fireEvent.input(screen.getByTestId("child-given-name"), { target: { value: "Ana" } });
    await fireEvent.input(screen.getByTestId("child-family-name"), { target: { value: "López" } });
  }

  it("on an empty submit, focuses the first missing field and announces them, as the sponsor form does", async () => {
    render(ChildForm, { oncancel: noop, ondone: noop });
    await fireEvent.input(screen.getByTestId("child-family-name"), { target: { value: "Ramírez" } });
    await fireEvent.click(screen.getByTestId("child-submit"));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("child-given-name")));
    expect(screen.getByTestId("child-form-summary")).toHaveTextContent("1 field needs attention: Given names: This field is required.");
    expect(mocks.commands.createChild).not.toHaveBeenCalled();
  });

  it("shows a field error returned in `fields` next to the A-Number", async () => {
    mocks.commands.createChild.mockResolvedValue(
      fieldsErr([{ field: "a_number", message: "an A-Number has 8 or 9 digits" }]),
    );
    render(ChildForm, { oncancel: noop, ondone: noop });
    await fillMinimal();
    await fireEvent.input(screen.getByTestId("child-a-number"), { target: { value: "A12" } });
    await fireEvent.click(screen.getByTestId("child-submit"));
    const a = screen.getByTestId("child-a-number");
    await waitFor(() => expect(a).toHaveAttribute("aria-invalid", "true"));
    expect(a).toHaveAccessibleDescription(expect.stringContaining("an A-Number has 8 or 9 digits"));
    expect(a.closest(".field")).toHaveTextContent("an A-Number has 8 or 9 digits");
    await waitFor(() => expect(document.activeElement).toBe(a));
  });

  it("shows a coded A-Number error in Spanish", async () => {
    setLang("es");
    mocks.commands.createChild.mockResolvedValue(
      fieldsErr([
        {
          field: "a_number",
          message: 'A-Number "12345" must have 8 or 9 digits (it has 5)',
          code: "a_number_invalid",
          params: { value: "12345", digits: "5" },
        },
      ]),
    );
    render(ChildForm, { oncancel: noop, ondone: noop });
    await fillMinimal();
    await fireEvent.input(screen.getByTestId("child-a-number"), { target: { value: "12345" } });
    await fireEvent.click(screen.getByTestId("child-submit"));
    const a = screen.getByTestId("child-a-number");
    await waitFor(() => expect(a).toHaveAttribute("aria-invalid", "true"));
    expect(a).toHaveAccessibleDescription(expect.stringContaining("El número A «12345» debe tener 8 o 9 dígitos (tiene 5)."));
    expect(a.closest(".field")).not.toHaveTextContent("must have");
  });

  it("sends the child, proceedings and preselected sponsor, then opens the new case", async () => {
    mocks.commands.createChild.mockResolvedValue(ok({ status: "created", id: 5, case_number: "2025-00005" }));
    const ondone = vi.fn();
    render(ChildForm, { sponsorId: 7, oncancel: noop, ondone });
    await waitFor(() => expect(screen.getByRole("option", { name: "K'iche'" })).toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole("option", { name: "Rosa López (#7)" })).toBeInTheDocument());
    expect(screen.getByTestId("child-sponsor")).toHaveValue("7");
    await fillMinimal();
    await fireEvent.input(screen.getByTestId("child-aliases"), { target: { value: "Anita, , Ani " } });
    await fireEvent.input(screen.getByTestId("child-birth-date"), { target: { value: "~2010" } });
    await fireEvent.input(screen.getByTestId("child-a-number"), { target: { value: "A 123 456 789" } });
    await fireEvent.change(screen.getByTestId("child-language"), { target: { value: "quc" } });
    await fireEvent.click(screen.getByTestId("child-interpreter"));
    await fireEvent.input(screen.getByTestId("child-release-date"), { target: { value: "2025-03-01" } });
    await fireEvent.change(screen.getByTestId("child-court"), { target: { value: "HOU" } });
    expect(screen.getByTestId("child-next-hearing")).toHaveAccessibleDescription(expect.stringContaining("in the court's local time: Central (Chicago)"));
    await fireEvent.input(screen.getByTestId("child-next-hearing"), { target: { value: "2025-09-15 09:00" } });
    await fireEvent.click(screen.getByTestId("child-submit"));

    await waitFor(() => expect(mocks.commands.createChild).toHaveBeenCalledTimes(1));
    const [input, proceedings, sponsorId, confirm] = mocks.commands.createChild.mock.calls[0];
    expect(input).toEqual({
      given_name: "Ana",
      family_name: "López",
      aliases: ["Anita", "Ani"],
      birth_date: "~2010",
      sex: "",
      a_number: "A 123 456 789",
      country_of_birth: "",
      primary_language: "quc",
      interpreter_needed: "yes",
      release_date: "2025-03-01",
      orr_program: "",
      relationship: "",
      notes: "",
    });
    expect(proceedings).toEqual({ nta_status: "not_served", nta_served_on: "", court_code: "HOU", next_hearing: "2025-09-15 09:00" });
    expect(sponsorId).toBe(7);
    expect(confirm).toBe(false);
    await waitFor(() => expect(ondone).toHaveBeenCalledWith("2025-00005"));
  });

  it("asks before creating a likely duplicate child", async () => {
    mocks.commands.createChild
      .mockResolvedValueOnce(
        ok({ status: "needs_confirmation", matches: [{ kind: "child", id: 1, label: "2025-00001 Ana López", reason: "same_a_number" }] }),
      )
      .mockResolvedValueOnce(ok({ status: "created", id: 6, case_number: "2025-00006" }));
    const ondone = vi.fn();
    render(ChildForm, { oncancel: noop, ondone });
    await fillMinimal();
    await fireEvent.click(screen.getByTestId("child-submit"));
    expect(await screen.findByTestId("duplicates")).toHaveTextContent("Same A-Number");
    await fireEvent.click(screen.getByTestId("confirm-create"));
    await waitFor(() => expect(mocks.commands.createChild).toHaveBeenCalledTimes(2));
    expect(mocks.commands.createChild.mock.calls[1][3]).toBe(true);
    await waitFor(() => expect(ondone).toHaveBeenCalledWith("2025-00006"));
  });

  it("requires the names before calling the backend", async () => {
    render(ChildForm, { oncancel: noop, ondone: noop });
    await fireEvent.click(screen.getByTestId("child-submit"));
    expect(screen.getByTestId("child-given-name")).toHaveAttribute("aria-invalid", "true");
    expect(mocks.commands.createChild).not.toHaveBeenCalled();
  });
});

describe("Import", () => {
  function csvFile(name = "releases.csv") {
    return new File(["child_given_name,child_family_name\nAna,López\n"], name, { type: "text/csv" });
  }

  async function choose(file: File) {
    const input = screen.getByTestId("import-file") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [file], configurable: true });
    await fireEvent.change(input);
  }

  it("shows the rejected rows when nothing was imported", async () => {
    mocks.commands.importCsv.mockResolvedValue(
      ok({
        status: "rejected",
        rows: 3,
        errors: [
          { line: 2, column: "a_number", reason: "an A-Number has 8 or 9 digits" },
          { line: 2, column: "child_dob", reason: "not a date" },
          { line: 4, column: "sponsor_state", reason: "\"ZZ\" is not a US state" },
        ],
      }),
    );
    render(Import);
    await choose(csvFile());
    await fireEvent.click(screen.getByTestId("import-submit"));
    await waitFor(() => expect(mocks.commands.importCsv).toHaveBeenCalledTimes(1));
    expect(mocks.commands.importCsv).toHaveBeenCalledWith(
      "releases.csv",
      "child_given_name,child_family_name\nAna,López\n",
      false,
      false,
    );
    const result = await screen.findByTestId("import-result");
    expect(result).toHaveTextContent("Nothing was imported: 2 rows are invalid.");
    const table = within(result).getByTestId("import-errors");
    const rows = within(table).getAllByTestId("import-error-row");
    expect(rows).toHaveLength(3);
    expect(rows[2]).toHaveTextContent("4");
    expect(rows[2]).toHaveTextContent("sponsor_state");
    expect(rows[2]).toHaveTextContent("is not a US state");
  });

  it("names the child on each rejected row and saves the rejected rows where the user says", async () => {
    render(Toast);
    mocks.commands.importCsv.mockResolvedValue(
      ok({
        status: "rejected",
        rows: 3,
        errors: [
          { line: 2, column: "a_number", reason: "an A-Number has 8 or 9 digits", code: "", params: {}, child_name: "José Ramírez" },
          { line: 4, column: "child_dob", reason: "not a date", code: "", params: {}, child_name: "" },
        ],
      }),
    );
    mocks.commands.saveRejectedRows
      .mockResolvedValueOnce(ok({ path: "/home/ana/Documents/releases.rejected.csv", rows: 2, chosen_path: null }))
      .mockResolvedValueOnce(
        ok({ path: "/home/ana/Documents/releases.rejected (2).csv", rows: 2, chosen_path: "/home/ana/Documents/releases.rejected.csv" }),
      );
    render(Import);
    await choose(csvFile());
    await fireEvent.click(screen.getByTestId("import-submit"));
    const children = await screen.findAllByTestId("import-error-child");
    expect(children.map((c) => c.textContent)).toEqual(["José Ramírez", "(no name in the row)"]);

    const save = screen.getByTestId("import-save-rejected");
    expect(save).toHaveAccessibleDescription("A CSV file with the rejected rows and the reason for each, to correct and import again.");
    await fireEvent.click(save);
    // The Rust side asks where (a native dialog) and writes it; the window sends what it read.
    await waitFor(() =>
      expect(mocks.commands.saveRejectedRows).toHaveBeenCalledWith("releases.csv", "child_given_name,child_family_name\nAna,López\n"),
    );
    expect(await screen.findByText("Saved 2 rejected rows to /home/ana/Documents/releases.rejected.csv")).toBeInTheDocument();
    await waitFor(() => expect(save).toBeEnabled());
    await fireEvent.click(save);
    expect(
      await screen.findByText(
        "/home/ana/Documents/releases.rejected.csv already exists and Tether never replaces a file, so the 2 rejected rows were saved beside it as /home/ana/Documents/releases.rejected (2).csv.",
      ),
    ).toBeInTheDocument();
  });

  it("shows the rejected rows' reasons in Spanish by their code", async () => {
    setLang("es");
    mocks.commands.importCsv.mockResolvedValue(
      ok({
        status: "rejected",
        rows: 2,
        errors: [
          {
            line: 2,
            column: "sponsor_phone",
            reason: 'phone number "502 call me" may only hold digits, spaces, \'+\', \'(\', \')\', \'-\', \'.\' and \'/\'',
            code: "phone_bad_character",
            params: { value: "502 call me" },
          },
          { line: 3, column: "a_number", reason: "A-Number A012345678 already appears on line 2", code: "a_number_duplicate", params: { value: "A012345678", line: "2" } },
          { line: 3, column: "child_dob", reason: "an English reason", code: "not_a_known_code", params: {} },
        ],
      }),
    );
    render(Import);
    await choose(csvFile());
    await fireEvent.click(screen.getByTestId("import-submit"));
    const rows = await screen.findAllByTestId("import-error-row");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("El número de teléfono «502 call me» solo puede contener dígitos");
    expect(rows[1]).toHaveTextContent("El número A A012345678 ya aparece en la línea 2.");
    expect(rows[2]).toHaveTextContent("an English reason");
  });

  it("imports the valid rows, shows progress and the summary", async () => {
    let finish: (value: unknown) => void = noop;
    mocks.commands.importCsv.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    render(Import);
    await choose(csvFile());
    await fireEvent.click(screen.getByTestId("import-skip-invalid"));
    await fireEvent.click(screen.getByTestId("import-submit"));
    await waitFor(() => expect(mocks.commands.importCsv).toHaveBeenCalledWith("releases.csv", expect.any(String), true, false));
    await waitFor(() => expect(mocks.progress).toHaveLength(1));
    mocks.progress[0]({ payload: { done: 50, total: 200 } });
    const progress = await screen.findByTestId("import-progress");
    await waitFor(() => expect(progress).toHaveTextContent("50 of 200 rows"));
    expect(within(progress).getByRole("progressbar")).toHaveAttribute("value", "50");

    finish(
      ok({
        status: "imported",
        report: {
          rows: 200,
          imported_rows: 199,
          rejected_rows: 1,
          children_created: 150,
          children_already_present: 49,
          children_unchanged: 40,
          children_changed: 9,
          children_updated: 0,
          children_held_back: 0,
          sponsors_created: 120,
          errors: [{ line: 17, column: "release_date", reason: "not a date" }],
          changes: [],
          held_back: [],
        },
      }),
    );
    const result = await screen.findByTestId("import-result");
    expect(screen.queryByTestId("import-progress")).toBeNull();
    expect(within(result).getByTestId("import-imported_rows")).toHaveTextContent("199");
    expect(within(result).getByTestId("import-children_unchanged")).toHaveTextContent("40");
    expect(within(result).getByTestId("import-children_changed")).toHaveTextContent("9");
    expect(within(result).getByTestId("import-sponsors_created")).toHaveTextContent("120");
    expect(within(result).getAllByTestId("import-error-row")).toHaveLength(1);
  });

  it("asks for a file first and explains the columns", async () => {
    render(Import);
    await fireEvent.click(screen.getByTestId("import-submit"));
    expect(screen.getByText("Choose a CSV file first.")).toBeInTheDocument();
    expect(mocks.commands.importCsv).not.toHaveBeenCalled();
    const help = screen.getByTestId("import-help");
    expect(help).toHaveTextContent("sponsor_address_line2");
    expect(help).toHaveTextContent("next_hearing");
    expect(screen.getByTestId("import-file")).toHaveAttribute("accept", ".csv,text/csv");
  });
});
