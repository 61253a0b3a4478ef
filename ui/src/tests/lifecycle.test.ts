// A case's lifecycle on the child detail (status, age, assignment, close, reopen, void, merge,
// the sponsor link) and the Children list's status filter and "Only mine".
import { beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { admin, caseManager, childDetail, courtOptions, err, languages, ok, pagedChildren, sponsor, summary, volunteer } from "./mockBindings";
import type { SessionInfo } from "../lib/bindings";
import { setLang } from "../lib/i18n/index.svelte";
import { resetReference } from "../lib/reference.svelte";

const mocks = vi.hoisted(() => ({
  commands: {
    getChild: vi.fn(),
    listSponsors: vi.fn(),
    listCourts: vi.fn(),
    listLanguages: vi.fn(),
    listCountries: vi.fn(),
    listUsers: vi.fn(),
    closeChild: vi.fn(),
    reopenChild: vi.fn(),
    voidChild: vi.fn(),
    mergeChildren: vi.fn(),
    assignChild: vi.fn(),
    linkSponsor: vi.fn(),
    searchChildren: vi.fn(),
    listChildren: vi.fn(),
  },
}));
vi.mock("../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  commands: mocks.commands,
}));

import ChildDetail from "../screens/ChildDetail.svelte";
import Children from "../screens/Children.svelte";

/** José Ramírez, 16, released to Rosa Ñuñoa; his case was opened by ana. */
const jose = childDetail({
  given_name: "José",
  family_name: "Ramírez",
  birth_date: "2009-02-14",
  age: 16,
  a_number: "A201234567",
  a_number_display: "A201-234-567",
  sponsor: { ...sponsor, given_name: "Rosa", family_name: "Ñuñoa" },
  relationship: "tía",
  created_by: "ana",
  assigned_to: "ana",
});

beforeEach(() => {
  resetReference();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.listLanguages.mockResolvedValue(languages);
  mocks.commands.listCourts.mockResolvedValue(courtOptions);
  mocks.commands.listCountries.mockResolvedValue([]);
  mocks.commands.listSponsors.mockResolvedValue(ok([sponsor]));
  mocks.commands.getChild.mockResolvedValue(ok(jose));
  mocks.commands.listUsers.mockResolvedValue(
    ok([
      { name: "Maria", role: "admin", created_at: "2025-01-02T10:00:00Z" },
      { name: "ana", role: "case_manager", created_at: "2025-01-02T10:00:00Z" },
      { name: "Tomás", role: "case_manager", created_at: "2025-01-03T10:00:00Z" },
      { name: "jose", role: "volunteer", created_at: "2025-01-04T10:00:00Z" },
    ]),
  );
});

function renderDetail(session: SessionInfo = admin) {
  const onopen = vi.fn();
  render(ChildDetail, { session, idOrCase: "2025-00001", onback: () => {}, onopen });
  return { onopen };
}

describe("Child detail: status, age and assignment", () => {
  it("shows the status, the age beside the birth date, who follows the case and the merged duplicates", async () => {
    mocks.commands.getChild.mockResolvedValue(ok({ ...jose, merged_from: ["2025-00009", "2025-00012"] }));
    renderDetail();
    expect(await screen.findByTestId("child-status")).toHaveTextContent("Open");
    expect(screen.getByTestId("detail-birth-date")).toHaveTextContent("2009-02-14 · 16 years old");
    expect(screen.getByTestId("child-assigned-to")).toHaveTextContent("ana");
    expect(screen.getAllByTestId("merged-from-case").map((e) => e.textContent)).toEqual(["2025-00009", "2025-00012"]);
  });

  it("shows a closed case with its reason and day, offers Reopen, in both languages", async () => {
    mocks.commands.getChild.mockResolvedValue(ok({ ...jose, status: "closed", closed_reason: "moved_out_of_area", closed_on: "2025-06-02" }));
    renderDetail();
    expect(await screen.findByTestId("child-status")).toHaveTextContent("Closed on 2025-06-02: Moved out of the service area");
    expect(screen.queryByTestId("child-close")).toBeNull();
    expect(screen.getByTestId("child-reopen")).toBeInTheDocument();
    setLang("es");
    await waitFor(() => expect(screen.getByTestId("child-status")).toHaveTextContent("Cerrado el 2025-06-02: Se mudó fuera del área de servicio"));
  });

  it("shows a voided record with no actions on it", async () => {
    mocks.commands.getChild.mockResolvedValue(ok({ ...jose, status: "voided", void_reason: "Entered twice by mistake" }));
    renderDetail();
    expect(await screen.findByTestId("child-status")).toHaveTextContent("Voided: Entered twice by mistake");
    expect(screen.getByTestId("voided-notice")).toHaveTextContent("Entered twice by mistake");
    for (const id of ["child-close", "child-reopen", "child-void", "child-merge", "child-reassign"]) expect(screen.queryByTestId(id)).toBeNull();
  });

  it("reassigns to a staff member (volunteers are not offered)", async () => {
    mocks.commands.assignChild.mockResolvedValue(ok({ ...jose, assigned_to: "Tomás" }));
    renderDetail();
    await fireEvent.click(await screen.findByTestId("child-reassign"));
    const dialog = await screen.findByTestId("assign-dialog");
    const select = await within(dialog).findByTestId("assign-user");
    expect(select).toHaveValue("ana");
    expect(within(select).getAllByRole("option").map((o) => o.getAttribute("value"))).toEqual(["", "Maria", "ana", "Tomás"]);
    await fireEvent.change(select, { target: { value: "Tomás" } });
    await fireEvent.click(within(dialog).getByTestId("assign-save"));
    await waitFor(() => expect(mocks.commands.assignChild).toHaveBeenCalledWith("2025-00001", "Tomás"));
    await waitFor(() => expect(screen.getByTestId("child-assigned-to")).toHaveTextContent("Tomás"));
    expect(screen.queryByTestId("assign-dialog")).toBeNull();
  });

  it("gives a volunteer no lifecycle actions", async () => {
    renderDetail(volunteer);
    await screen.findByTestId("child-status");
    expect(screen.queryByTestId("child-close")).toBeNull();
    expect(screen.queryByTestId("child-reassign")).toBeNull();
  });
});

describe("Child detail: close, reopen, void", () => {
  it("closes with a reason; “Other reason” requires a note", async () => {
    mocks.commands.closeChild.mockResolvedValue(ok({ ...jose, status: "closed", closed_reason: "other", closed_on: "2025-06-03" }));
    renderDetail();
    await fireEvent.click(await screen.findByTestId("child-close"));
    const dialog = await screen.findByTestId("close-dialog");
    const reason = within(dialog).getByTestId("close-reason");
    expect(within(reason).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Choose…",
      "Turned 18",
      "Moved out of the service area",
      "Transferred to another provider",
      "Immigration relief granted",
      "Removed or left the United States",
      "Lost contact",
      "Declined services",
      "Other reason",
    ]);
    await fireEvent.click(within(dialog).getByTestId("close-save"));
    expect(within(dialog).getByText("This field is required.")).toBeInTheDocument();
    await fireEvent.change(reason, { target: { value: "other" } });
    await fireEvent.click(within(dialog).getByTestId("close-save"));
    expect(within(dialog).getByText("Say why the case is closed.")).toBeInTheDocument();
    expect(mocks.commands.closeChild).not.toHaveBeenCalled();

    await fireEvent.input(within(dialog).getByTestId("close-note"), { target: { value: "La familia volvió a Guatemala con su mamá." } });
    await fireEvent.click(within(dialog).getByTestId("close-save"));
    await waitFor(() => expect(mocks.commands.closeChild).toHaveBeenCalledWith("2025-00001", "other", "La familia volvió a Guatemala con su mamá."));
    await waitFor(() => expect(screen.getByTestId("child-status")).toHaveTextContent("Closed on 2025-06-03: Other reason"));
    expect(screen.getByTestId("child-reopen")).toBeInTheDocument();
  });

  it("closes with a listed reason and no note (null), and shows a backend refusal in the dialog", async () => {
    mocks.commands.closeChild.mockResolvedValueOnce(err("invalid_input", "\"graduated\" is not a closure reason", "reason", [], { code: "closure_reason_invalid", params: { value: "graduated" } }));
    renderDetail();
    await fireEvent.click(await screen.findByTestId("child-close"));
    const dialog = await screen.findByTestId("close-dialog");
    await fireEvent.change(within(dialog).getByTestId("close-reason"), { target: { value: "turned_18" } });
    await fireEvent.click(within(dialog).getByTestId("close-save"));
    await waitFor(() => expect(mocks.commands.closeChild).toHaveBeenCalledWith("2025-00001", "turned_18", null));
    expect(await within(dialog).findByText("“graduated” is not a reason for closing a case.")).toBeInTheDocument();
  });

  it("reopens with a required note", async () => {
    mocks.commands.getChild.mockResolvedValue(ok({ ...jose, status: "closed", closed_reason: "lost_contact", closed_on: "2025-05-01" }));
    mocks.commands.reopenChild.mockResolvedValue(ok(jose));
    renderDetail();
    await fireEvent.click(await screen.findByTestId("child-reopen"));
    const dialog = await screen.findByTestId("reopen-dialog");
    await fireEvent.click(within(dialog).getByTestId("reopen-save"));
    expect(within(dialog).getByText("This field is required.")).toBeInTheDocument();
    expect(mocks.commands.reopenChild).not.toHaveBeenCalled();
    await fireEvent.input(within(dialog).getByTestId("reopen-note"), { target: { value: "Rosa llamó: José sigue con ella en Houston." } });
    await fireEvent.click(within(dialog).getByTestId("reopen-save"));
    await waitFor(() => expect(mocks.commands.reopenChild).toHaveBeenCalledWith("2025-00001", "Rosa llamó: José sigue con ella en Houston."));
    await waitFor(() => expect(screen.getByTestId("child-status")).toHaveTextContent("Open"));
    expect(screen.getByTestId("child-close")).toBeInTheDocument();
  });

  it("offers Void to an admin and to the record's author only, and requires a reason", async () => {
    renderDetail(caseManager); // ana entered José's record
    expect(await screen.findByTestId("child-void")).toBeInTheDocument();
    cleanup();

    renderDetail({ user_name: "Tomás", role: "case_manager", auto_lock_minutes: 15 });
    await screen.findByTestId("child-status");
    expect(screen.queryByTestId("child-void")).toBeNull();
    cleanup();

    mocks.commands.voidChild.mockResolvedValue(ok({ ...jose, status: "voided", void_reason: "Registro de prueba" }));
    renderDetail(admin);
    await fireEvent.click(await screen.findByTestId("child-void"));
    const dialog = await screen.findByTestId("void-dialog");
    await fireEvent.click(within(dialog).getByTestId("void-save"));
    expect(within(dialog).getByText("This field is required.")).toBeInTheDocument();
    expect(mocks.commands.voidChild).not.toHaveBeenCalled();
    await fireEvent.input(within(dialog).getByTestId("void-reason"), { target: { value: "Registro de prueba" } });
    await fireEvent.click(within(dialog).getByTestId("void-save"));
    await waitFor(() => expect(mocks.commands.voidChild).toHaveBeenCalledWith("2025-00001", "Registro de prueba"));
    await waitFor(() => expect(screen.getByTestId("child-status")).toHaveTextContent("Voided: Registro de prueba"));
  });
});

describe("Child detail: merge and the sponsor link", () => {
  it("finds the other record, names both, merges and opens the kept case", async () => {
    mocks.commands.searchChildren.mockResolvedValue(
      ok([summary(1, { given_name: "José", family_name: "Ramírez" }), summary(9, { given_name: "Jose", family_name: "Ramirez", age: 16 })]),
    );
    mocks.commands.mergeChildren.mockResolvedValue(ok(childDetail({ id: 9, case_number: "2025-00009", merged_from: ["2025-00001"] })));
    const { onopen } = renderDetail();
    await fireEvent.click(await screen.findByTestId("child-merge"));
    const dialog = await screen.findByTestId("merge-child-dialog");
    await fireEvent.input(within(dialog).getByTestId("merge-child-search"), { target: { value: "Ramirez" } });
    await waitFor(() => expect(mocks.commands.searchChildren).toHaveBeenCalledWith("Ramirez", 20));
    // This case itself is not offered.
    const options = await within(dialog).findAllByTestId("merge-child-option");
    expect(options.map((o) => o.getAttribute("data-case"))).toEqual(["2025-00009"]);
    await fireEvent.click(options[0]);
    expect(within(dialog).getByTestId("merge-child-confirm-text")).toHaveTextContent("2025-00001 (José Ramírez) and 2025-00009 (Jose Ramirez) are the same child.");
    await fireEvent.click(within(dialog).getByTestId("merge-child-keep-other"));
    expect(within(dialog).getByTestId("merge-child-consequence")).toHaveTextContent("of 2025-00001 move to 2025-00009");
    await fireEvent.click(within(dialog).getByTestId("merge-child-save"));
    await waitFor(() => expect(mocks.commands.mergeChildren).toHaveBeenCalledWith("2025-00009", "2025-00001"));
    await waitFor(() => expect(onopen).toHaveBeenCalledWith("2025-00009"));
  });

  it("keeps this case by default and shows it merged", async () => {
    mocks.commands.searchChildren.mockResolvedValue(ok([summary(9, { given_name: "Jose", family_name: "Ramirez" })]));
    mocks.commands.mergeChildren.mockResolvedValue(ok({ ...jose, merged_from: ["2025-00009"] }));
    const { onopen } = renderDetail();
    await fireEvent.click(await screen.findByTestId("child-merge"));
    const dialog = await screen.findByTestId("merge-child-dialog");
    await fireEvent.input(within(dialog).getByTestId("merge-child-search"), { target: { value: "2025-00009" } });
    await fireEvent.click(await within(dialog).findByTestId("merge-child-option"));
    await fireEvent.click(within(dialog).getByTestId("merge-child-save"));
    await waitFor(() => expect(mocks.commands.mergeChildren).toHaveBeenCalledWith("2025-00001", "2025-00009"));
    await waitFor(() => expect(screen.getByTestId("merged-from-case")).toHaveTextContent("2025-00009"));
    expect(onopen).not.toHaveBeenCalled();
  });

  it("edits this child's link: the ORR category and the relationship", async () => {
    mocks.commands.linkSponsor.mockResolvedValue(ok({ ...jose, sponsor_category: "3", relationship: "family friend" }));
    renderDetail();
    await fireEvent.click(await screen.findByTestId("tab-sponsor"));
    expect(screen.getByTestId("detail-link-relationship")).toHaveTextContent("aunt");
    const category = screen.getByTestId("link-category");
    expect(category).toHaveValue("2A");
    expect(screen.getByTestId("link-relationship")).toHaveValue("tía");
    await fireEvent.change(category, { target: { value: "3" } });
    await fireEvent.input(screen.getByTestId("link-relationship"), { target: { value: "family friend" } });
    await fireEvent.click(screen.getByTestId("link-save"));
    await waitFor(() => expect(mocks.commands.linkSponsor).toHaveBeenCalledWith("2025-00001", null, "3", "family friend"));
    await waitFor(() => expect(screen.getByTestId("detail-link-category")).toHaveTextContent("3 — Distant relative"));
  });
});

describe("Children list: status and mine", () => {
  it("lists open cases by default, and asks for closed, all and only mine", async () => {
    mocks.commands.listChildren.mockImplementation(pagedChildren(3));
    render(Children, { session: caseManager, onopen: vi.fn(), onnewchild: vi.fn(), onimport: vi.fn() });
    const rows = await screen.findAllByTestId("child-row");
    expect(mocks.commands.listChildren).toHaveBeenLastCalledWith(0, 200, null, false);
    expect(within(rows[0]).getByTestId("child-row-age")).toHaveTextContent("15");
    expect(within(rows[0]).getByTestId("child-row-status")).toHaveTextContent("Open");

    mocks.commands.listChildren.mockResolvedValue(ok({ total: 1, items: [summary(5, { given_name: "Marta", family_name: "Ramírez", status: "closed", closed_reason: "turned_18", age: 18 })] }));
    await fireEvent.change(screen.getByTestId("children-status-filter"), { target: { value: "closed" } });
    await waitFor(() => expect(mocks.commands.listChildren).toHaveBeenLastCalledWith(0, 200, "closed", false));
    await waitFor(() => expect(screen.getByTestId("child-row-status")).toHaveTextContent("Closed: Turned 18"));

    await fireEvent.click(screen.getByTestId("children-mine"));
    await waitFor(() => expect(mocks.commands.listChildren).toHaveBeenLastCalledWith(0, 200, "closed", true));
    await fireEvent.change(screen.getByTestId("children-status-filter"), { target: { value: "all" } });
    await waitFor(() => expect(mocks.commands.listChildren).toHaveBeenLastCalledWith(0, 200, "all", true));
  });

  it("offers no Mine toggle to volunteers", async () => {
    mocks.commands.listChildren.mockImplementation(pagedChildren(2));
    render(Children, { session: volunteer, onopen: vi.fn(), onnewchild: vi.fn(), onimport: vi.fn() });
    await screen.findAllByTestId("child-row");
    expect(screen.queryByTestId("children-mine")).toBeNull();
    expect(screen.getByTestId("children-status-filter")).toBeInTheDocument();
  });
});
