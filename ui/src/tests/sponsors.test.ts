// The Sponsors screen: the list (a page at a time, windowed) and its filter, a sponsor's page, Edit (what was typed is what is
// saved, a second time too) and "Same person as…" (merge).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { childDetail, err, fieldsErr, ok, sponsor, summary } from "./mockBindings";
import { axeFailures } from "./axe";
import type { SponsorDetail, SponsorForm } from "../lib/bindings";
import { setLang } from "../lib/i18n/index.svelte";

const mocks = vi.hoisted(() => ({
  commands: {
    listSponsorsPage: vi.fn(),
    getSponsor: vi.fn(),
    getChild: vi.fn(),
    sponsorForm: vi.fn(),
    updateSponsor: vi.fn(),
    mergeSponsors: vi.fn(),
    recordAddressChange: vi.fn(),
  },
}));
vi.mock("../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  commands: mocks.commands,
}));

import Sponsors from "../screens/Sponsors.svelte";

/**
 * A fake `listSponsorsPage` over `sponsors` (or that many generated ones), as the backend
 * answers it: active sponsors only, by family then given name; a query of three digits or more
 * and nothing but the signs numbers are written with matches a number (e164), anything else
 * every word in the name, accents and case aside.
 */
function sponsorPage(sponsors: SponsorDetail[] | number) {
  const all =
    typeof sponsors === "number"
      ? Array.from({ length: sponsors }, (_, i): SponsorDetail => ({
          ...sponsor,
          id: i + 1,
          given_name: "Ana",
          family_name: `Sponsor ${String(i + 1).padStart(6, "0")}`,
          children: [],
        }))
      : sponsors;
  const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const order = (s: SponsorDetail) => [s.family_name, s.given_name, String(s.id).padStart(12, "0")].join("\u0000");
  const activeOnes = all.filter((s) => s.status === "active").sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return async (query: string, offset: number, limit: number) => {
    if (limit < 1 || limit > 1000) return err("invalid_input", "limit must be 1 to 1000", "limit");
    const words = fold(query).split(/\s+/).filter(Boolean);
    const digits = query.replace(/\D/g, "");
    const written = query.replace(/[\s()+.-]/g, "").length;
    const matches = (s: SponsorDetail) => {
      if (words.length === 0) return true;
      if (digits.length >= 3 && digits.length >= written) return s.phones.some((p) => p.includes(digits));
      const name = fold(`${s.given_name} ${s.family_name}`);
      return words.every((w) => name.includes(w));
    };
    const found = activeOnes.filter(matches);
    return ok({ total: found.length, active: activeOnes.length, sponsors: found.slice(offset, offset + limit) });
  };
}

/** Rosa Ñuñoa sponsors José and Marta Ramírez; her Guatemalan number stopped working. */
const rosa: SponsorDetail = {
  ...sponsor,
  id: 7,
  given_name: "Rosa",
  family_name: "Ñuñoa",
  category: "2B",
  phones: ["+50251234567", "+17135550142"],
  phones_display: ["+502 5123 4567", "(713) 555-0142"],
  phones_not_working: ["+50251234567"],
  phones_not_working_since: ["2026-11-02"],
  children: [
    summary(1, { given_name: "José", family_name: "Ramírez", age: 16, sponsor_category: "2B", sponsor_name: "Rosa Ñuñoa", relationship: "tía" }),
    summary(2, { given_name: "Marta", family_name: "Ramírez", age: 18, status: "closed", closed_reason: "turned_18", sponsor_category: "1", relationship: "mother" }),
  ],
  household: [{ name: "Julio Ñuñoa", relationship: "brother" }],
  address: { line1: "45 Calle Ñuñoa", unit: "Apt 3", city: "Houston", state: "TX", postal_code: "77009" },
  address_history: [],
};
/** The same woman entered twice, without the tilde. */
const rosaAgain: SponsorDetail = {
  ...sponsor,
  id: 9,
  given_name: "Rosa",
  family_name: "Nunoa",
  phones: ["+50255550000"],
  phones_display: ["+502 5555 0000"],
  phones_not_working: [],
  children: [summary(3, { given_name: "Luis", family_name: "Ramírez" })],
  household: [],
};
const pedro: SponsorDetail = {
  ...sponsor,
  id: 11,
  given_name: "Pedro",
  family_name: "Gómez",
  phones: ["+17135550100"],
  phones_display: ["(713) 555-0100"],
  phones_not_working: [],
  children: [summary(4)],
  household: [],
};
const merged: SponsorDetail = { ...rosa, status: "active", merged_from: [9], children: [...rosa.children, ...rosaAgain.children] };

const rosaForm: SponsorForm = {
  input: {
    given_name: "Rosa",
    family_name: "Ñuñoa",
    category: "2B",
    phones: ["+502 5123 4567", "(713) 555-0142"],
    address_line1: "45 Calle Ñuñoa",
    address_line2: "Apt 3",
    city: "Houston",
    state: "TX",
    postal_code: "77009",
    time_zone: null,
  },
  household: [{ name: "Julio Ñuñoa", relationship: "brother" }],
};

beforeEach(() => {
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.listSponsorsPage.mockImplementation(sponsorPage([pedro, rosa, rosaAgain, { ...sponsor, id: 12, status: "merged" }]));
  mocks.commands.getSponsor.mockImplementation(async (id: number) => ok([rosa, rosaAgain, pedro].find((s) => s.id === id)));
  mocks.commands.getChild.mockImplementation(async (c: string) =>
    ok(childDetail({ case_number: c, relationship: c === "2025-00001" ? "tía" : "mother" })),
  );
  mocks.commands.sponsorForm.mockResolvedValue(ok(rosaForm));
});

async function openRosa() {
  const onopen = vi.fn();
  render(Sponsors, { onopen });
  await screen.findAllByTestId("sponsor-row");
  const row = screen.getAllByTestId("sponsor-row").find((r) => r.getAttribute("data-sponsor") === "7")!;
  // The row's button is named by the name it shows.
  await fireEvent.click(within(row).getByRole("button", { name: "Rosa Ñuñoa" }));
  await screen.findByTestId("sponsor-detail");
  return { onopen };
}

/** The names in the list, once they are what `expected` says (the list restarts as typing pauses). */
async function expectNames(expected: string[]) {
  await waitFor(() => expect(screen.queryAllByTestId("sponsor-row-name").map((n) => n.textContent)).toEqual(expected));
}

describe("Sponsors list", () => {
  it("lists the active sponsors a page at a time and narrows them as you type by name (accents or not) and by phone", async () => {
    render(Sponsors, { onopen: vi.fn() });
    const rows = await screen.findAllByTestId("sponsor-row");
    // The backend leaves the merged record out; by family name, then given name.
    expect(rows.map((r) => r.getAttribute("data-sponsor"))).toEqual(["11", "9", "7"]);
    expect(mocks.commands.listSponsorsPage).toHaveBeenCalledWith("", 0, 60);
    expect(screen.getByTestId("sponsors-count")).toHaveTextContent("3 of 3 sponsors");
    const rosaRow = rows.find((r) => r.getAttribute("data-sponsor") === "7")!;
    expect(rosaRow).toHaveTextContent("Rosa Ñuñoa");
    expect(within(rosaRow).getByTestId("sponsor-phone-not-working")).toHaveTextContent("+502 5123 4567 (not working)");
    expect(within(rosaRow).getByTestId("sponsor-phone")).toHaveTextContent("(713) 555-0142");
    expect(within(rosaRow).getByTestId("sponsor-row-children")).toHaveTextContent("2 children");
    // The button says the name; its numbers and children describe it.
    const open = within(rosaRow).getByRole("button", { name: "Rosa Ñuñoa" });
    expect(open).toHaveAccessibleDescription(/^\+502 5123 4567 \(not working\) ?, \(713\) 555-0142 2 children$/);

    const box = screen.getByTestId("sponsors-search");
    await fireEvent.input(box, { target: { value: "nuñoa" } });
    await expectNames(["Rosa Nunoa", "Rosa Ñuñoa"]);
    expect(mocks.commands.listSponsorsPage).toHaveBeenLastCalledWith("nuñoa", 0, 60);
    expect(screen.getByTestId("sponsors-count")).toHaveTextContent("2 of 3 sponsors");
    await fireEvent.input(box, { target: { value: "ROSA nunoa" } });
    await waitFor(() => expect(mocks.commands.listSponsorsPage).toHaveBeenLastCalledWith("ROSA nunoa", 0, 60));
    await expectNames(["Rosa Nunoa", "Rosa Ñuñoa"]);
    await fireEvent.input(box, { target: { value: "5123" } });
    await expectNames(["Rosa Ñuñoa"]);
    await fireEvent.input(box, { target: { value: "(713) 555-0100" } });
    await expectNames(["Pedro Gómez"]);
    expect(mocks.commands.listSponsorsPage).toHaveBeenLastCalledWith("(713) 555-0100", 0, 60);
    await fireEvent.input(box, { target: { value: "Zacarías" } });
    await waitFor(() => expect(screen.getByTestId("sponsors-count")).toHaveTextContent("No sponsor matches “Zacarías”."));
    expect(screen.queryByTestId("sponsor-row")).toBeNull();
    // Cleared: everyone again.
    await fireEvent.input(box, { target: { value: "" } });
    await expectNames(["Pedro Gómez", "Rosa Nunoa", "Rosa Ñuñoa"]);
    expect(screen.getByTestId("sponsors-count")).toHaveTextContent("3 of 3 sponsors");
  });

  it("asks for one page of a very long list and draws only the rows in view", async () => {
    mocks.commands.listSponsorsPage.mockImplementation(sponsorPage(65_000));
    render(Sponsors, { onopen: vi.fn() });
    const rows = await screen.findAllByTestId("sponsor-row");
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(mocks.commands.listSponsorsPage).toHaveBeenCalledTimes(1);
    expect(mocks.commands.listSponsorsPage).toHaveBeenCalledWith("", 0, 60);
    expect(screen.getByTestId("sponsors-count")).toHaveTextContent("65,000 of 65,000 sponsors");
    // The table tells assistive technology how many rows there are in all (and the head row).
    expect(screen.getByRole("table", { name: "Sponsors" })).toHaveAttribute("aria-rowcount", "65001");

    // Far down the list: its page is fetched, and only the rows around it are drawn.
    const list = screen.getByTestId("sponsors-list");
    list.scrollTop = 40_100 * 48;
    await fireEvent.scroll(list);
    await waitFor(() => expect(mocks.commands.listSponsorsPage).toHaveBeenCalledWith("", 40_080, 60));
    await waitFor(() => expect(screen.getAllByTestId("sponsor-row").map((r) => r.getAttribute("data-sponsor"))).toContain("40101"));
    expect(screen.getAllByTestId("sponsor-row").length).toBeLessThan(40);
    expect(screen.queryByText("Ana Sponsor 000001")).toBeNull();
  });

  it("asks the backend for what is typed once typing pauses, from the top, and counts what matches", async () => {
    vi.useFakeTimers();
    try {
      const page = vi.fn(async (query: string, offset: number, limit: number) =>
        query === "" ? ok({ total: 5000, active: 5000, sponsors: [] as SponsorDetail[] }) : ok({ total: 2, active: 5000, sponsors: [rosaAgain, rosa].slice(offset, offset + limit) }),
      );
      mocks.commands.listSponsorsPage.mockImplementation(page);
      render(Sponsors, { onopen: vi.fn() });
      await vi.waitFor(() => expect(screen.getByTestId("sponsors-count")).toHaveTextContent("5,000 of 5,000 sponsors"));
      page.mockClear();

      const box = screen.getByTestId("sponsors-search");
      await fireEvent.input(box, { target: { value: "ros" } });
      await fireEvent.input(box, { target: { value: "rosa ñu" } });
      await vi.advanceTimersByTimeAsync(100);
      // Still typing: nothing asked yet.
      expect(page).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(100);
      // One request, for what was typed last, from the first row.
      expect(page).toHaveBeenCalledTimes(1);
      expect(page).toHaveBeenCalledWith("rosa ñu", 0, 60);
      await vi.waitFor(() => expect(screen.getByTestId("sponsors-count")).toHaveTextContent("2 of 5,000 sponsors"));
      expect(screen.getAllByTestId("sponsor-row-name").map((n) => n.textContent)).toEqual(["Rosa Nunoa", "Rosa Ñuñoa"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("says when there are no sponsors yet", async () => {
    mocks.commands.listSponsorsPage.mockImplementation(sponsorPage([]));
    render(Sponsors, { onopen: vi.fn() });
    await waitFor(() => expect(screen.getByTestId("sponsors-count")).toHaveTextContent("There are no sponsors yet."));
    expect(screen.queryByTestId("sponsor-row")).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("shows a failed page request in the error box", async () => {
    mocks.commands.listSponsorsPage.mockResolvedValue(err("internal", "disk I/O error"));
    render(Sponsors, { onopen: vi.fn() });
    expect(await screen.findByTestId("sponsors-error")).toHaveTextContent("disk I/O error");
    expect(screen.queryByTestId("sponsor-row")).toBeNull();
    expect(screen.getByTestId("sponsors-count")).not.toHaveTextContent("Loading");

    // A search that fails says so too, and one that works clears it.
    mocks.commands.listSponsorsPage.mockImplementation(sponsorPage([pedro, rosa]));
    await fireEvent.input(screen.getByTestId("sponsors-search"), { target: { value: "pedro" } });
    await expectNames(["Pedro Gómez"]);
    expect(screen.queryByTestId("sponsors-error")).toBeNull();
  });

  it.each(["en", "es"] as const)("passes axe, in %s (the list, and a search that matches no one)", async (lang) => {
    document.title = "Tether";
    setLang(lang);
    render(Sponsors, { onopen: vi.fn() });
    await screen.findAllByTestId("sponsor-row");
    // A table of rows under visible column heads.
    expect(screen.getAllByRole("columnheader")).toHaveLength(3);
    expect(await axeFailures()).toEqual([]);
    await fireEvent.input(screen.getByTestId("sponsors-search"), { target: { value: "Zacarías" } });
    await waitFor(() => expect(screen.getByTestId("sponsors-count")).toHaveTextContent("Zacarías"));
    expect(await axeFailures()).toEqual([]);
  });
});

describe("Sponsor page", () => {
  it("shows the children with this link's category and relationship, the household, numbers and address", async () => {
    const { onopen } = await openRosa();
    expect(mocks.commands.getSponsor).toHaveBeenCalledWith(7);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Rosa Ñuñoa");
    const kids = screen.getAllByTestId("sponsor-child");
    expect(kids).toHaveLength(2);
    expect(kids[0]).toHaveTextContent("2025-00001");
    expect(kids[0]).toHaveTextContent("José Ramírez");
    expect(within(kids[0]).getByTestId("sponsor-child-age")).toHaveTextContent("16 years old");
    expect(within(kids[0]).getByTestId("sponsor-child-status")).toHaveTextContent("Open");
    expect(within(kids[0]).getByTestId("sponsor-child-category")).toHaveTextContent("2B — Immediate relative who was not");
    await waitFor(() => expect(within(kids[0]).getByTestId("sponsor-child-relationship")).toHaveTextContent("aunt"));
    expect(within(kids[1]).getByTestId("sponsor-child-status")).toHaveTextContent("Closed: Turned 18");
    expect(within(kids[1]).getByTestId("sponsor-child-relationship")).toHaveTextContent("mother");
    expect(screen.getByTestId("sponsor-household-member")).toHaveTextContent("Julio Ñuñoa · brother");
    expect(screen.getByTestId("sponsor-detail-phone-not-working")).toHaveTextContent("+502 5123 4567");
    expect(screen.getByText(/not working since/)).toHaveTextContent("Nov 2");
    expect(screen.getByTestId("sponsor-detail-phone")).toHaveTextContent("(713) 555-0142");
    // The relationship comes with the sponsor's children: no child record is opened (each would be audited).
    expect(mocks.commands.getChild).not.toHaveBeenCalled();
    expect(screen.getByTestId("sponsor-detail-address")).toHaveTextContent("45 Calle Ñuñoa");
    await fireEvent.click(within(kids[0]).getByTestId("sponsor-child-open"));
    expect(onopen).toHaveBeenCalledWith("2025-00001");

    const asked = mocks.commands.listSponsorsPage.mock.calls.length;
    await fireEvent.click(screen.getByTestId("sponsor-back"));
    expect(await screen.findAllByTestId("sponsor-row")).toHaveLength(3);
    // The list is read again (an edit or a merge may have changed it).
    expect(mocks.commands.listSponsorsPage.mock.calls.length).toBeGreaterThan(asked);
  });

  it("is in Spanish when the interface is", async () => {
    setLang("es");
    await openRosa();
    const kids = screen.getAllByTestId("sponsor-child");
    expect(within(kids[0]).getByTestId("sponsor-child-age")).toHaveTextContent("16 años");
    expect(within(kids[1]).getByTestId("sponsor-child-status")).toHaveTextContent("Cerrado: Cumplió 18 años");
    await waitFor(() => expect(within(kids[0]).getByTestId("sponsor-child-relationship")).toHaveTextContent("tía"));
    expect(screen.getByTestId("sponsor-household-member")).toHaveTextContent("Julio Ñuñoa · hermano");
    expect(screen.getByTestId("sponsor-edit")).toHaveTextContent("Editar patrocinador");
    expect(screen.getByTestId("sponsor-merge")).toHaveTextContent("Es la misma persona que…");
  });
});

describe("Sponsor edit", () => {
  it("saves what was typed, numbers and household added and removed, and saves a second edit of the same field", async () => {
    const saved1: SponsorDetail = { ...rosa, given_name: "Rosa María" };
    mocks.commands.updateSponsor.mockResolvedValueOnce(ok(saved1));
    await openRosa();
    await fireEvent.click(screen.getByTestId("sponsor-edit"));
    const dialog = await screen.findByTestId("sponsor-edit-dialog");
    expect(mocks.commands.sponsorForm).toHaveBeenCalledWith(7);
    const given = await within(dialog).findByTestId("sponsor-given-name");
    expect(given).toHaveValue("Rosa");
    expect(within(dialog).getByTestId("sponsor-phone-0")).toHaveValue("+502 5123 4567");
    expect(within(dialog).getByTestId("household-name-0")).toHaveValue("Julio Ñuñoa");
    // A correction, not a move: the form says where a move goes.
    expect(within(dialog).getByTestId("sponsor-address-correction")).toHaveTextContent("EOIR-33");

    await fireEvent.input(given, { target: { value: "Rosa María" } });
    await fireEvent.click(within(dialog).getByTestId("sponsor-phone-remove-0"));
    expect(within(dialog).getByTestId("sponsor-phone-0")).toHaveValue("(713) 555-0142");
    await fireEvent.click(within(dialog).getByTestId("sponsor-phone-add"));
    await fireEvent.input(within(dialog).getByTestId("sponsor-phone-1"), { target: { value: "+502 4455 6677" } });
    await fireEvent.click(within(dialog).getByTestId("household-add"));
    await fireEvent.input(within(dialog).getByTestId("household-name-1"), { target: { value: "Inés Ñuñoa" } });
    await fireEvent.input(within(dialog).getByTestId("household-relationship-1"), { target: { value: "sobrina" } });
    await fireEvent.input(within(dialog).getByTestId("sponsor-postal-code"), { target: { value: "77008" } });
    await fireEvent.click(within(dialog).getByTestId("sponsor-edit-save"));

    await waitFor(() => expect(mocks.commands.updateSponsor).toHaveBeenCalledTimes(1));
    expect(mocks.commands.updateSponsor).toHaveBeenCalledWith(
      7,
      {
        given_name: "Rosa María",
        family_name: "Ñuñoa",
        category: "2B",
        phones: ["(713) 555-0142", "+502 4455 6677"],
        address_line1: "45 Calle Ñuñoa",
        address_line2: "Apt 3",
        city: "Houston",
        state: "TX",
        postal_code: "77008",
        time_zone: null,
      },
      [
        { name: "Julio Ñuñoa", relationship: "brother" },
        { name: "Inés Ñuñoa", relationship: "sobrina" },
      ],
    );
    await waitFor(() => expect(screen.queryByTestId("sponsor-edit-dialog")).toBeNull());
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Rosa María Ñuñoa");

    // The same field again: the form reloads what was saved, and the new text is what is sent.
    mocks.commands.sponsorForm.mockResolvedValue(ok({ ...rosaForm, input: { ...rosaForm.input, given_name: "Rosa María" } }));
    mocks.commands.updateSponsor.mockResolvedValueOnce(ok({ ...rosa, given_name: "Rosa Elena" }));
    await fireEvent.click(screen.getByTestId("sponsor-edit"));
    const again = await screen.findByTestId("sponsor-edit-dialog");
    const given2 = await within(again).findByTestId("sponsor-given-name");
    await waitFor(() => expect(given2).toHaveValue("Rosa María"));
    await fireEvent.input(given2, { target: { value: "Rosa Elena" } });
    await fireEvent.click(within(again).getByTestId("sponsor-edit-save"));
    await waitFor(() => expect(mocks.commands.updateSponsor).toHaveBeenCalledTimes(2));
    expect(mocks.commands.updateSponsor.mock.calls[1][1]).toMatchObject({ given_name: "Rosa Elena" });
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Rosa Elena Ñuñoa"));
  });

  it("shows the backend's field errors on the numbers and the household, and requires the names", async () => {
    mocks.commands.updateSponsor.mockResolvedValue(
      fieldsErr([
        { field: "phones", message: "\"12\" is not a phone number", code: "nonexistent_code" },
        { field: "household", message: "a household member (sobrina) needs a name", code: "required" },
      ]),
    );
    await openRosa();
    await fireEvent.click(screen.getByTestId("sponsor-edit"));
    const dialog = await screen.findByTestId("sponsor-edit-dialog");
    const family = await within(dialog).findByTestId("sponsor-family-name");
    await fireEvent.input(family, { target: { value: " " } });
    await fireEvent.click(within(dialog).getByTestId("sponsor-edit-save"));
    expect(within(dialog).getByText("This field is required.")).toBeInTheDocument();
    expect(mocks.commands.updateSponsor).not.toHaveBeenCalled();

    await fireEvent.input(family, { target: { value: "Ñuñoa" } });
    await fireEvent.click(within(dialog).getByTestId("sponsor-edit-save"));
    expect(await within(dialog).findByTestId("sponsor-phones-error")).toHaveTextContent("\"12\" is not a phone number");
    expect(within(dialog).getByTestId("household-error")).toHaveTextContent("This field is required.");
    expect(screen.getByTestId("sponsor-edit-dialog")).toBeInTheDocument();
  });
});

describe("Sponsor merge", () => {
  /** Opens Rosa's page, then "Same person as…"; returns the dialog. */
  async function openMerge() {
    await openRosa();
    await fireEvent.click(screen.getByTestId("sponsor-merge"));
    return screen.findByTestId("sponsor-merge-dialog");
  }

  /** The values the pick offers, once it offers any. */
  async function offered(dialog: HTMLElement) {
    const pick = await within(dialog).findByTestId("sponsor-merge-pick");
    return within(pick)
      .getAllByRole("option")
      .map((o) => o.getAttribute("value"));
  }

  it("searches for this sponsor's family name at once, offers the others found, names both before merging, then shows the kept one", async () => {
    mocks.commands.mergeSponsors.mockResolvedValue(ok(merged));
    const dialog = await openMerge();
    const search = within(dialog).getByTestId("sponsor-merge-search");
    expect(search).toHaveValue("Ñuñoa");
    expect(search).toHaveAccessibleName("Find the other record: name or phone");
    // One request, for the family name, at once; Rosa herself is not offered (Pedro does not match).
    await waitFor(() => expect(mocks.commands.listSponsorsPage).toHaveBeenLastCalledWith("Ñuñoa", 0, 50));
    expect(await offered(dialog)).toEqual(["", "9"]);
    expect(within(dialog).getByTestId("sponsor-merge-found")).toHaveTextContent("1 other sponsor matches “Ñuñoa”.");
    const pick = within(dialog).getByTestId("sponsor-merge-pick");
    expect(pick).toHaveAccessibleName("Other sponsor record");
    expect(within(pick).getByRole("option", { name: "Rosa Nunoa — +502 5555 0000 — 1 child" })).toBeInTheDocument();
    const asked = mocks.commands.listSponsorsPage.mock.calls.filter((c) => c[0] === "Ñuñoa").length;
    expect(asked).toBe(1);

    await fireEvent.click(within(dialog).getByTestId("sponsor-merge-next"));
    expect(within(dialog).getByText("This field is required.")).toBeInTheDocument();
    await fireEvent.change(pick, { target: { value: "9" } });
    await fireEvent.click(within(dialog).getByTestId("sponsor-merge-next"));
    expect(within(dialog).getByTestId("sponsor-merge-confirm-text")).toHaveTextContent("Rosa Ñuñoa and Rosa Nunoa are the same person.");
    expect(within(dialog).getByTestId("sponsor-merge-consequence")).toHaveTextContent("of Rosa Nunoa move to Rosa Ñuñoa");
    expect(mocks.commands.mergeSponsors).not.toHaveBeenCalled();
    await fireEvent.click(within(dialog).getByTestId("sponsor-merge-save"));

    await waitFor(() => expect(mocks.commands.mergeSponsors).toHaveBeenCalledWith(7, 9));
    await waitFor(() => expect(screen.queryByTestId("sponsor-merge-dialog")).toBeNull());
    expect(screen.getAllByTestId("sponsor-child")).toHaveLength(3);
    expect(screen.getByTestId("sponsor-merged-from")).toHaveTextContent("Records merged into this one: 1");
  });

  it("asks again for what is typed (a phone number) once typing pauses, and offers what that finds instead", async () => {
    const marco: SponsorDetail = { ...pedro, id: 15, given_name: "Marco", family_name: "Xol", phones: ["+50255123456"], phones_display: ["+502 5512 3456"] };
    const page = sponsorPage([pedro, rosa, rosaAgain, marco]);
    // The family name's answer is slow: it comes after the number's, and must not replace it.
    let slow: () => void = () => {};
    mocks.commands.listSponsorsPage.mockImplementation((query: string, offset: number, limit: number) =>
      query === "Ñuñoa" ? new Promise((resolve) => (slow = () => resolve(page(query, offset, limit)))) : page(query, offset, limit),
    );
    const dialog = await openMerge();
    await waitFor(() => expect(mocks.commands.listSponsorsPage).toHaveBeenLastCalledWith("Ñuñoa", 0, 50));
    expect(within(dialog).getByTestId("sponsor-merge-found")).toHaveTextContent("Searching…");
    vi.useFakeTimers();
    try {
      mocks.commands.listSponsorsPage.mockClear();
      const search = within(dialog).getByTestId("sponsor-merge-search");
      await fireEvent.input(search, { target: { value: "5512" } });
      await fireEvent.input(search, { target: { value: "5512 3456" } });
      await vi.advanceTimersByTimeAsync(100);
      // Still typing: nothing asked yet.
      expect(mocks.commands.listSponsorsPage).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(100);
      expect(mocks.commands.listSponsorsPage).toHaveBeenCalledTimes(1);
      expect(mocks.commands.listSponsorsPage).toHaveBeenCalledWith("5512 3456", 0, 50);
      await vi.waitFor(() => expect(within(dialog).getByTestId("sponsor-merge-found")).toHaveTextContent("1 other sponsor matches “5512 3456”."));
    } finally {
      vi.useRealTimers();
    }
    expect(await offered(dialog)).toEqual(["", "15"]);
    // The superseded answer arrives at last, and is ignored.
    slow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await offered(dialog)).toEqual(["", "15"]);
    expect(within(dialog).getByTestId("sponsor-merge-found")).toHaveTextContent("“5512 3456”");

    // Someone else's number: a different sponsor, and the choice made before is dropped.
    await fireEvent.change(within(dialog).getByTestId("sponsor-merge-pick"), { target: { value: "15" } });
    await fireEvent.input(within(dialog).getByTestId("sponsor-merge-search"), { target: { value: "(713) 555-0100" } });
    await waitFor(async () => expect(await offered(dialog)).toEqual(["", "11"]));
    expect(within(dialog).getByTestId("sponsor-merge-pick")).toHaveValue("");
    expect(mocks.commands.listSponsorsPage).toHaveBeenLastCalledWith("(713) 555-0100", 0, 50);

    // Nothing matches: it says so, and offers nothing to continue with.
    await fireEvent.input(within(dialog).getByTestId("sponsor-merge-search"), { target: { value: "Zacarías" } });
    expect(await within(dialog).findByTestId("sponsor-merge-none")).toHaveTextContent("No other active sponsor matches “Zacarías”.");
    expect(within(dialog).queryByTestId("sponsor-merge-pick")).toBeNull();
    expect(within(dialog).queryByTestId("sponsor-merge-next")).toBeNull();
  });

  it("says when only the first 50 of many matches are listed, and to type more", async () => {
    const many = Array.from({ length: 50 }, (_, i): SponsorDetail => ({ ...pedro, id: 100 + i, given_name: `Ana ${i}`, family_name: "Ñuñoa" }));
    await openRosa();
    mocks.commands.listSponsorsPage.mockResolvedValue(ok({ total: 3400, active: 60_000, sponsors: many }));
    await fireEvent.click(screen.getByTestId("sponsor-merge"));
    const dialog = await screen.findByTestId("sponsor-merge-dialog");
    await waitFor(() =>
      expect(within(dialog).getByTestId("sponsor-merge-found")).toHaveTextContent(
        "3,400 sponsors match “Ñuñoa”; only the first 50 are listed. Type more of the name or number to narrow it.",
      ),
    );
    expect(mocks.commands.listSponsorsPage).toHaveBeenCalledWith("Ñuñoa", 0, 50);
    const values = await offered(dialog);
    expect(values).toHaveLength(51);
    expect(values.slice(0, 3)).toEqual(["", "100", "101"]);
    expect(within(dialog).queryByTestId("sponsor-merge-none")).toBeNull();
  });

  it("shows a search that failed in the error box, and a search that works clears it", async () => {
    await openRosa();
    mocks.commands.listSponsorsPage.mockResolvedValue(err("internal", "disk I/O error"));
    await fireEvent.click(screen.getByTestId("sponsor-merge"));
    const dialog = await screen.findByTestId("sponsor-merge-dialog");
    expect(await within(dialog).findByTestId("sponsor-merge-error")).toHaveTextContent("disk I/O error");
    expect(within(dialog).queryByTestId("sponsor-merge-pick")).toBeNull();
    expect(within(dialog).queryByTestId("sponsor-merge-none")).toBeNull();

    mocks.commands.listSponsorsPage.mockImplementation(sponsorPage([pedro, rosa, rosaAgain]));
    await fireEvent.input(within(dialog).getByTestId("sponsor-merge-search"), { target: { value: "rosa" } });
    expect(await offered(dialog)).toEqual(["", "9"]);
    expect(within(dialog).queryByTestId("sponsor-merge-error")).toBeNull();
  });

  it.each(["en", "es"] as const)("passes axe with the dialog open, in %s (choices found, and none)", async (lang) => {
    document.title = "Tether";
    setLang(lang);
    const dialog = await openMerge();
    await offered(dialog);
    expect(await axeFailures()).toEqual([]);
    await fireEvent.input(within(dialog).getByTestId("sponsor-merge-search"), { target: { value: "Zacarías" } });
    await within(dialog).findByTestId("sponsor-merge-none");
    expect(within(dialog).getByTestId("sponsor-merge-found")).toHaveTextContent(lang === "es" ? "Ningún otro patrocinador activo coincide con «Zacarías»." : "No other active sponsor matches “Zacarías”.");
    expect(await axeFailures()).toEqual([]);
  });

  it("keeps the other record when asked, and opens it", async () => {
    mocks.commands.mergeSponsors.mockResolvedValue(ok({ ...rosaAgain, merged_from: [7] }));
    await openRosa();
    await fireEvent.click(screen.getByTestId("sponsor-merge"));
    const dialog = await screen.findByTestId("sponsor-merge-dialog");
    await fireEvent.change(within(dialog).getByTestId("sponsor-merge-pick"), { target: { value: "9" } });
    await fireEvent.click(within(dialog).getByTestId("sponsor-merge-next"));
    await fireEvent.click(within(dialog).getByTestId("sponsor-merge-keep-other"));
    expect(within(dialog).getByTestId("sponsor-merge-consequence")).toHaveTextContent("of Rosa Ñuñoa move to Rosa Nunoa");
    await fireEvent.click(within(dialog).getByTestId("sponsor-merge-save"));
    await waitFor(() => expect(mocks.commands.mergeSponsors).toHaveBeenCalledWith(9, 7));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Rosa Nunoa"));
    expect(mocks.commands.getSponsor).toHaveBeenLastCalledWith(9);
  });
});
