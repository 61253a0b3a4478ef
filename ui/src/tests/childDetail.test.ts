// The child detail screen: tabs, proceedings, hearings, address changes, roles.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import {
  admin,
  caseManager,
  childDetail,
  courtOptions,
  err,
  fieldsErr,
  languages,
  ok,
  redactedChildDetail,
  sponsor,
  volunteer,
} from "./mockBindings";
import { setLang } from "../lib/i18n/index.svelte";
import { resetReference } from "../lib/reference.svelte";

const mocks = vi.hoisted(() => ({
  commands: {
    getChild: vi.fn(),
    updateChild: vi.fn(),
    listSponsors: vi.fn(),
    setNta: vi.fn(),
    addHearing: vi.fn(),
    listCourts: vi.fn(),
    listLanguages: vi.fn(),
    listCountries: vi.fn(),
    setHearingResult: vi.fn(),
    setProceedings: vi.fn(),
    recordAddressChange: vi.fn(),
  },
}));
vi.mock("../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<object>()), // the real constants; fake commands
  commands: mocks.commands,
}));

import ChildDetail from "../screens/ChildDetail.svelte";

const noop = () => {};

beforeEach(() => {
  resetReference();
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.listLanguages.mockResolvedValue(languages);
  mocks.commands.listCourts.mockResolvedValue(courtOptions);
  mocks.commands.listCountries.mockResolvedValue([
    { code: "GT", name_en: "Guatemala", name_es: "Guatemala" },
    { code: "MX", name_en: "Mexico", name_es: "México" },
    { code: "US", name_en: "United States", name_es: "Estados Unidos" },
  ]);
  mocks.commands.listSponsors.mockResolvedValue(ok([sponsor]));
});

describe("Child detail", () => {
  function renderDetail(session = admin) {
    render(ChildDetail, { session, idOrCase: "2025-00001", onback: noop, onopen: vi.fn() });
  }

  it("shows the profile with the A-Number, and edits it", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(childDetail()));
    mocks.commands.updateChild.mockResolvedValue(ok(childDetail({ given_name: "Ana María" })));
    renderDetail();
    expect(await screen.findByTestId("detail-case-number")).toHaveTextContent("2025-00001");
    expect(mocks.commands.getChild).toHaveBeenCalledWith("2025-00001");
    expect(screen.getByTestId("detail-a-number")).toHaveTextContent("A123-456-789");
    expect(screen.getByTestId("child-detail")).toHaveTextContent("Casa Esperanza");

    await fireEvent.click(screen.getByTestId("child-edit-button"));
    const given = screen.getByTestId("child-given-name");
    expect(given).toHaveValue("Ana");
    expect(screen.getByTestId("child-a-number")).toHaveValue("A123-456-789");
    await fireEvent.input(given, { target: { value: "Ana María" } });
    await fireEvent.click(screen.getByTestId("child-submit"));
    await waitFor(() => expect(mocks.commands.updateChild).toHaveBeenCalledTimes(1));
    expect(mocks.commands.updateChild.mock.calls[0][0]).toBe("2025-00001");
    expect(mocks.commands.updateChild.mock.calls[0][1]).toMatchObject({ given_name: "Ana María", interpreter_needed: "yes", aliases: ["Anita"] });
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("Ana María López");
  });

  it("shows a volunteer what the backend sends, without A-Number row or edit buttons", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(redactedChildDetail()));
    renderDetail(volunteer);
    await screen.findByTestId("detail-case-number");
    expect(screen.queryByTestId("detail-a-number")).toBeNull();
    expect(screen.queryByText("A-Number")).toBeNull();
    expect(screen.queryByTestId("child-edit-button")).toBeNull();
    await fireEvent.click(screen.getByTestId("tab-sponsor"));
    expect(screen.queryByTestId("sponsor-address")).toBeNull();
    await fireEvent.click(screen.getByTestId("tab-court"));
    expect(screen.queryByTestId("nta-save")).toBeNull();
    expect(screen.queryByTestId("hearing-add")).toBeNull();
  });

  it("shows the sponsor, an incomplete address warning and the other children", async () => {
    const onopen = vi.fn();
    mocks.commands.getChild.mockResolvedValue(
      ok(childDetail({ sponsor: { ...sponsor, address_incomplete: "no apartment number" } })),
    );
    render(ChildDetail, { session: admin, idOrCase: "2025-00001", onback: noop, onopen });
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-sponsor"));
    expect(screen.getByTestId("address-incomplete")).toHaveTextContent("Incomplete address: no apartment number");
    expect(screen.getByTestId("sponsor-address")).toHaveTextContent("12 Main St");
    // The category is this child's link's (also offered to edit on the link form).
    expect(screen.getByTestId("detail-link-category")).toHaveTextContent("Immediate relative");
    const siblings = screen.getAllByTestId("sibling-link");
    expect(siblings).toHaveLength(1);
    await fireEvent.click(siblings[0]);
    expect(onopen).toHaveBeenCalledWith("2025-00002");
  });

  it("edits the proceedings: NTA and a new hearing", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(childDetail({ nta_status: "not_served", nta_served_on: null })));
    mocks.commands.setNta.mockResolvedValue(ok(childDetail({ nta_status: "filed", nta_served_on: "2025-04-01" })));
    mocks.commands.addHearing.mockResolvedValue(
      ok({ id: 4, at: "2025-10-01 13:30", court_code: "LOS", court_name: "Los Angeles Immigration Court", time_zone: "America/Los_Angeles", kind: "individual", judge: null, outcome: null }),
    );
    renderDetail();
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-court"));
    expect(screen.getAllByTestId("hearing-row")).toHaveLength(1);

    await fireEvent.change(screen.getByTestId("nta-status"), { target: { value: "filed" } });
    await fireEvent.input(screen.getByTestId("nta-served-on"), { target: { value: "2025-04-01" } });
    await fireEvent.click(screen.getByTestId("nta-save"));
    await waitFor(() => expect(mocks.commands.setNta).toHaveBeenCalledWith("2025-00001", "filed", "2025-04-01"));

    await waitFor(() => expect(screen.getByRole("option", { name: "Los Angeles Immigration Court (LOS) — Los Angeles, CA" })).toBeInTheDocument());
    expect(screen.getByTestId("hearing-court")).toHaveValue("HOU");
    await fireEvent.change(screen.getByTestId("hearing-court"), { target: { value: "LOS" } });
    expect(screen.getByTestId("hearing-at")).toHaveAccessibleDescription(expect.stringContaining("Pacific (Los Angeles)"));
    expect(screen.getByTestId("hearing-at")).toHaveAttribute("placeholder", "YYYY-MM-DD HH:MM");
    await fireEvent.input(screen.getByTestId("hearing-at"), { target: { value: "2025-10-01 13:30" } });
    await fireEvent.change(screen.getByTestId("hearing-type"), { target: { value: "individual" } });
    await fireEvent.click(screen.getByTestId("hearing-add"));
    await waitFor(() =>
      expect(mocks.commands.addHearing).toHaveBeenCalledWith("2025-00001", "2025-10-01 13:30", "LOS", "individual"),
    );
    await waitFor(() => expect(screen.getAllByTestId("hearing-row")).toHaveLength(2));
    expect(screen.getAllByTestId("hearing-row")[1]).toHaveTextContent("Individual (merits)");
  });

  it("picks the hearing's court by typing its code, city or name", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(childDetail()));
    renderDetail();
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-court"));
    await waitFor(() => expect(within(screen.getByTestId("hearing-court")).getAllByRole("option")).toHaveLength(4));
    const filter = screen.getByTestId("hearing-court-filter");
    expect(filter).toHaveAccessibleName("Filter the list for Immigration court");

    // "san" narrows to San Antonio, which is then chosen.
    await fireEvent.input(filter, { target: { value: "san" } });
    expect(screen.getByTestId("hearing-court")).toHaveValue("SNA");
    expect(screen.getByTestId("hearing-court-count")).toHaveTextContent("1 of 3 courts match");
    // By city, accents aside: "los ángeles" leaves Los Angeles (and the chosen court, still shown).
    await fireEvent.input(filter, { target: { value: "los ángeles" } });
    expect(screen.getByTestId("hearing-court")).toHaveValue("LOS");
    // By state: two Texas courts, nothing chosen for the user.
    await fireEvent.input(filter, { target: { value: "tx" } });
    expect(screen.getByTestId("hearing-court-count")).toHaveTextContent("2 of 3 courts match");
    const labels = within(screen.getByTestId("hearing-court")).getAllByRole("option").map((o) => o.textContent);
    expect(labels).toEqual(["Choose…", "Houston Immigration Court (HOU) — Houston, TX", "Los Angeles Immigration Court (LOS) — Los Angeles, CA", "San Antonio Immigration Court (SNA) — San Antonio, TX"]);
    await fireEvent.input(filter, { target: { value: "zzz" } });
    expect(screen.getByTestId("hearing-court-count")).toHaveTextContent("0 of 3 courts match");
  });

  it("refuses the same hearing twice and says which, in English and in Spanish", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(childDetail()));
    const duplicate = err("conflict", "child 2025-00001 already has a hearing on 2025-09-15 09:00 at HOU; nothing was added", null, [], {
      code: "duplicate_hearing",
      params: { at: "2025-09-15 09:00", court: "HOU" },
    });
    mocks.commands.addHearing.mockResolvedValue(duplicate);
    renderDetail();
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-court"));
    await fireEvent.input(screen.getByTestId("hearing-at"), { target: { value: "2025-09-15 09:00" } });
    await fireEvent.click(screen.getByTestId("hearing-add"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This child already has a hearing on 2025-09-15 09:00 at the HOU immigration court. Nothing was added");
    expect(screen.getAllByTestId("hearing-row")).toHaveLength(1);
    expect(screen.queryByText("The hearing was added.")).toBeNull();

    setLang("es");
    await fireEvent.click(screen.getByTestId("hearing-add"));
    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent("Este niño ya tiene una audiencia el 2025-09-15 09:00 en la corte de inmigración HOU. No se agregó nada"),
    );
  });

  it("records a hearing's outcome and judge, and flags a missed hearing", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(childDetail()));
    const hearing = childDetail().hearings[0];
    mocks.commands.setHearingResult.mockResolvedValue(ok({ ...hearing, outcome: "missed", judge: "Hon. Carmen Ruiz" }));
    renderDetail();
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-court"));
    const row = screen.getAllByTestId("hearing-row")[0];
    expect(row).toHaveTextContent("No outcome yet");
    expect(row).not.toHaveClass("missed");

    const edit = within(row).getByTestId("hearing-edit");
    expect(edit).toHaveAccessibleName("Edit the hearing of 2025-09-15 09:00, Central (Chicago)");
    await fireEvent.click(edit);
    expect(edit).toHaveAttribute("aria-expanded", "true");
    const outcome = screen.getByTestId("hearing-outcome");
    expect(outcome).toHaveValue("");
    expect(within(outcome).getByRole("option", { name: "Removal ordered" })).toBeInTheDocument();
    await fireEvent.change(outcome, { target: { value: "missed" } });
    await fireEvent.input(screen.getByTestId("hearing-judge"), { target: { value: "  Hon. Carmen Ruiz " } });
    await fireEvent.click(screen.getByTestId("hearing-save"));

    await waitFor(() => expect(mocks.commands.setHearingResult).toHaveBeenCalledWith(3, "missed", "Hon. Carmen Ruiz"));
    await waitFor(() => expect(screen.queryByTestId("hearing-editor")).toBeNull());
    const updated = screen.getAllByTestId("hearing-row")[0];
    expect(updated).toHaveClass("missed");
    expect(within(updated).getByTestId("hearing-missed")).toHaveTextContent("Missed");
    expect(within(updated).getByTestId("hearing-judge-cell")).toHaveTextContent("Hon. Carmen Ruiz");
  });

  it("clears a hearing's outcome and judge with null, and shows a judge error inline", async () => {
    const hearing = { ...childDetail().hearings[0], outcome: "attended", judge: "Hon. Ruiz" };
    mocks.commands.getChild.mockResolvedValue(ok(childDetail({ hearings: [hearing] })));
    mocks.commands.setHearingResult
      .mockResolvedValueOnce(err("invalid_input", "the judge's name is longer than 200 characters", "judge"))
      .mockResolvedValueOnce(ok({ ...hearing, outcome: null, judge: null }));
    renderDetail();
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-court"));
    expect(screen.getByTestId("hearing-outcome-cell")).toHaveTextContent("Attended");
    await fireEvent.click(screen.getByTestId("hearing-edit"));
    expect(screen.getByTestId("hearing-outcome")).toHaveValue("attended");
    expect(screen.getByTestId("hearing-judge")).toHaveValue("Hon. Ruiz");
    await fireEvent.click(screen.getByTestId("hearing-save"));
    const judge = screen.getByTestId("hearing-judge");
    await waitFor(() => expect(judge).toHaveAccessibleDescription(expect.stringContaining("longer than 200 characters")));

    await fireEvent.change(screen.getByTestId("hearing-outcome"), { target: { value: "" } });
    await fireEvent.input(judge, { target: { value: " " } });
    await fireEvent.click(screen.getByTestId("hearing-save"));
    await waitFor(() => expect(mocks.commands.setHearingResult).toHaveBeenLastCalledWith(3, null, null));
    await waitFor(() => expect(screen.getByTestId("hearing-outcome-cell")).toHaveTextContent("No outcome yet"));
  });

  it("saves the attorney of record and the last ACIS check", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(childDetail({ attorney: "Old Lawyer" })));
    mocks.commands.setProceedings.mockResolvedValue(
      ok(childDetail({ attorney: "Lucía Méndez, KIND", last_acis_check: "2025-06-02" })),
    );
    renderDetail();
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-court"));
    const attorney = screen.getByTestId("proceedings-attorney");
    const acis = screen.getByTestId("proceedings-acis");
    expect(attorney).toHaveValue("Old Lawyer");
    expect(acis).toHaveValue("");
    expect(acis).toHaveAccessibleDescription(expect.stringContaining("Check by phone at 1-800-898-7180 or online (ACIS)"));
    await fireEvent.input(attorney, { target: { value: " Lucía Méndez, KIND " } });
    await fireEvent.input(acis, { target: { value: "2025-06-02" } });
    await fireEvent.click(screen.getByTestId("proceedings-save"));
    await waitFor(() => expect(mocks.commands.setProceedings).toHaveBeenCalledWith("2025-00001", "Lucía Méndez, KIND", "2025-06-02"));
    await waitFor(() => expect(attorney).toHaveValue("Lucía Méndez, KIND"));
    expect(acis).toHaveValue("2025-06-02");
  });

  it("clears the attorney with an empty string, leaves the ACIS date alone, and shows its error inline", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(childDetail({ attorney: "Old Lawyer" })));
    mocks.commands.setProceedings
      .mockResolvedValueOnce(err("invalid_input", "the ACIS check date is in the future", "acis_checked"))
      .mockResolvedValueOnce(ok(childDetail({ attorney: null })));
    renderDetail();
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-court"));
    await fireEvent.input(screen.getByTestId("proceedings-acis"), { target: { value: "2099-01-01" } });
    await fireEvent.click(screen.getByTestId("proceedings-save"));
    const acis = screen.getByTestId("proceedings-acis");
    await waitFor(() => expect(acis).toHaveAttribute("aria-invalid", "true"));
    expect(acis).toHaveAccessibleDescription(expect.stringContaining("in the future"));

    await fireEvent.input(screen.getByTestId("proceedings-attorney"), { target: { value: "" } });
    await fireEvent.input(acis, { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("proceedings-save"));
    await waitFor(() => expect(mocks.commands.setProceedings).toHaveBeenLastCalledWith("2025-00001", "", null));
  });

  describe("sponsor address changes", () => {
    const moved = {
      ...sponsor,
      address: { line1: "400 Oak Ave", unit: "Apt 2", city: "Dallas", state: "TX", postal_code: "75201" },
      address_history: [
        {
          id: 11,
          recorded_on: "2025-06-01",
          address: { line1: "400 Oak Ave", unit: "Apt 2", city: "Dallas", state: "TX", postal_code: "75201" },
          eoir33_filed_on: null,
          kind: "move",
        },
        {
          id: 10,
          recorded_on: "2025-03-01",
          address: { line1: "12 Main St", unit: null, city: "Houston", state: "TX", postal_code: "77002" },
          eoir33_filed_on: "2025-03-04",
          kind: "move",
        },
      ],
    };

    async function openSponsor() {
      renderDetail();
      await screen.findByTestId("detail-case-number");
      await fireEvent.click(screen.getByTestId("tab-sponsor"));
    }

    async function fillAddress(zip = "75201") {
      await fireEvent.input(screen.getByTestId("address-change-line1"), { target: { value: " 400 Oak Ave " } });
      await fireEvent.input(screen.getByTestId("address-change-line2"), { target: { value: "Apt 2" } });
      await fireEvent.input(screen.getByTestId("address-change-city"), { target: { value: "Dallas" } });
      await fireEvent.input(screen.getByTestId("address-change-state"), { target: { value: "tx" } });
      await fireEvent.input(screen.getByTestId("address-change-zip"), { target: { value: zip } });
      await fireEvent.input(screen.getByTestId("address-change-date"), { target: { value: "2025-06-01" } });
    }

    it("defaults the date to today and shows a postal_code error from `fields` inline", async () => {
      mocks.commands.getChild.mockResolvedValue(ok(childDetail()));
      mocks.commands.recordAddressChange.mockResolvedValue(
        fieldsErr([{ field: "postal_code", message: "\"7520\" is not a ZIP code" }]),
      );
      await openSponsor();
      expect(screen.getByTestId("address-history-empty")).toHaveTextContent("No address changes recorded.");
      const now = new Date();
      const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
      expect(screen.getByTestId("address-change-date")).toHaveValue(today);
      await fillAddress("7520");
      await fireEvent.click(screen.getByTestId("address-change-save"));
      const zip = screen.getByTestId("address-change-zip");
      await waitFor(() => expect(zip).toHaveAttribute("aria-invalid", "true"));
      expect(zip).toHaveAccessibleDescription(expect.stringContaining("is not a ZIP code"));
      expect(zip.closest(".field")).toHaveTextContent("is not a ZIP code");
      await waitFor(() => expect(document.activeElement).toBe(zip));
      expect(screen.queryByTestId("address-change-error")).toBeNull();
      expect(screen.queryByTestId("eoir33-notice")).toBeNull();
      // The form keeps what was typed.
      expect(screen.getByTestId("address-change-line1")).toHaveValue(" 400 Oak Ave ");
    });

    it("records the new address, then shows it, the history and the EOIR-33 deadline", async () => {
      mocks.commands.getChild.mockResolvedValue(ok(childDetail()));
      mocks.commands.recordAddressChange.mockResolvedValue(ok(moved));
      await openSponsor();
      await fillAddress();
      await fireEvent.click(screen.getByTestId("address-change-save"));
      await waitFor(() =>
        expect(mocks.commands.recordAddressChange).toHaveBeenCalledWith(
          7,
          { address_line1: "400 Oak Ave", address_line2: "Apt 2", city: "Dallas", state: "TX", postal_code: "75201", time_zone: null },
          "2025-06-01",
        ),
      );
      const notice = await screen.findByTestId("eoir33-notice");
      expect(notice).toHaveTextContent("The EOIR-33 change of address must be filed within 5 working days");
      expect(screen.getByTestId("sponsor-address")).toHaveTextContent("400 Oak Ave");
      const entries = within(screen.getByTestId("address-history")).getAllByTestId("address-change");
      expect(entries).toHaveLength(2);
      expect(entries[0]).toHaveTextContent("Recorded on 2025-06-01");
      expect(entries[0]).toHaveTextContent("Dallas, TX 75201");
      expect(entries[0]).toHaveTextContent("EOIR-33 not filed yet");
      expect(entries[1]).toHaveTextContent("EOIR-33 filed on 2025-03-04");
      expect(screen.getByTestId("address-change-line1")).toHaveValue("");

      // The notice is still there after looking at another tab.
      await fireEvent.click(screen.getByTestId("tab-court"));
      await fireEvent.click(screen.getByTestId("tab-sponsor"));
      expect(screen.getByTestId("eoir33-notice")).toBeInTheDocument();
    });

    it("shows the address history and the notice in Spanish", async () => {
      setLang("es");
      mocks.commands.getChild.mockResolvedValue(ok(childDetail()));
      mocks.commands.recordAddressChange.mockResolvedValue(ok(moved));
      await openSponsor();
      expect(screen.getByRole("heading", { name: "Historial de direcciones" })).toBeInTheDocument();
      await fillAddress();
      await fireEvent.click(screen.getByTestId("address-change-save"));
      expect(await screen.findByTestId("eoir33-notice")).toHaveTextContent("El cambio de domicilio EOIR-33 debe presentarse dentro de 5 días hábiles");
      expect(screen.getAllByTestId("address-change")[0]).toHaveTextContent("EOIR-33 aún no presentado");
    });
  });

  it("shows the sponsor's phones as people write them and the time zone by name", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(childDetail()));
    renderDetail();
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-sponsor"));
    const detail = screen.getByTestId("child-detail");
    expect(detail).toHaveTextContent("(713) 555-0100, +502 5123 4567");
    expect(detail).not.toHaveTextContent("+17135550100");
    expect(detail).toHaveTextContent("Central (Chicago)");
    expect(detail).not.toHaveTextContent("America/Chicago");
    setLang("es");
    await waitFor(() => expect(detail).toHaveTextContent("Hora central (Chicago)"));
    await fireEvent.click(screen.getByTestId("tab-court"));
    expect(screen.getByTestId("hearing-at")).toHaveAttribute("placeholder", "AAAA-MM-DD HH:MM");
    expect(detail).not.toHaveTextContent(/\b2025-09-15 09:00\b.*America/);
  });

  it("names the country and the relationship in the reader's language, and says corte", async () => {
    setLang("es");
    mocks.commands.getChild.mockResolvedValue(ok(childDetail({ country_of_birth: "MX", relationship: "aunt" })));
    renderDetail();
    await screen.findByTestId("detail-case-number");
    await waitFor(() => expect(screen.getByTestId("child-detail")).toHaveTextContent("México"));
    expect(screen.getByTestId("child-detail")).toHaveTextContent("tía");
    expect(screen.getByTestId("child-detail")).not.toHaveTextContent(/\bMX\b/);
    expect(screen.getByTestId("tab-court")).toHaveTextContent("Corte");
    expect(screen.getByTestId("child-detail")).not.toHaveTextContent(/tribunal/i);

    setLang("en");
    mocks.commands.getChild.mockResolvedValue(ok(childDetail({ country_of_birth: "GT", relationship: "Tía" })));
    renderDetail();
    await waitFor(() => expect(screen.getAllByTestId("child-detail")[1]).toHaveTextContent("aunt"));
    expect(screen.getAllByTestId("child-detail")[1]).toHaveTextContent("Guatemala");
  });

  it("shows the new court controls in Spanish", async () => {
    setLang("es");
    mocks.commands.getChild.mockResolvedValue(ok(childDetail({ hearings: [{ ...childDetail().hearings[0], outcome: "relief_granted" }] })));
    renderDetail();
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-court"));
    expect(screen.getByTestId("hearing-outcome-cell")).toHaveTextContent("Se concedió un alivio migratorio");
    expect(screen.getByTestId("hearing-edit")).toHaveTextContent("Editar");
    expect(screen.getByRole("heading", { name: "Abogado(a) y ACIS" })).toBeInTheDocument();
    expect(screen.getByTestId("proceedings-acis")).toHaveAccessibleDescription(
      expect.stringContaining("Consulte por teléfono al 1-800-898-7180 o en línea (ACIS)"),
    );
  });

  it("hides the hearing, attorney and address controls from volunteers", async () => {
    const hearing = { ...childDetail().hearings[0], outcome: "missed", judge: "Hon. Ruiz" };
    const c = redactedChildDetail();
    mocks.commands.getChild.mockResolvedValue(ok({ ...c, hearings: [hearing] }));
    renderDetail(volunteer);
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-sponsor"));
    expect(screen.queryByTestId("address-change-form")).toBeNull();
    expect(screen.queryByTestId("address-change-save")).toBeNull();
    expect(screen.queryByText("Address history")).toBeNull();
    await fireEvent.click(screen.getByTestId("tab-court"));
    // Read-only: the row is there, without an Edit control.
    expect(screen.getByTestId("hearing-row")).toHaveTextContent("Missed");
    expect(screen.queryByTestId("hearing-edit")).toBeNull();
    expect(screen.queryByTestId("proceedings-card")).toBeNull();
    expect(screen.queryByTestId("proceedings-save")).toBeNull();
    expect(screen.queryByTestId("proceedings-attorney")).toBeNull();
    expect(mocks.commands.setHearingResult).not.toHaveBeenCalled();
  });

  it("lets a case manager edit too", async () => {
    mocks.commands.getChild.mockResolvedValue(ok(childDetail()));
    renderDetail(caseManager);
    await screen.findByTestId("detail-case-number");
    await fireEvent.click(screen.getByTestId("tab-court"));
    expect(screen.getByTestId("hearing-edit")).toBeInTheDocument();
    expect(screen.getByTestId("proceedings-save")).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId("tab-sponsor"));
    expect(screen.getByTestId("address-change-save")).toBeInTheDocument();
  });

  it("shows why a case could not be opened", async () => {
    mocks.commands.getChild.mockResolvedValue(err("not_found", "no child 2025-00001"));
    renderDetail();
    expect(await screen.findByTestId("detail-error")).toHaveTextContent("It was not found.");
  });
});

