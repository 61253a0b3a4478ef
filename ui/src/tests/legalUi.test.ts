// Issue 13's dialogs and screens over the mocked bindings: the screening section of the
// log-call dialog and the concern-report offer after it, a report's steps (who is told before
// a destination is chosen; a supervisor's refusal in the reader's language), the dashboard's
// deadlines, the Legal tab's step form, and the Users screen's supervisor toggle.
import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import type { Concern, ConcernDestination, LegalDeadline, Relief, ScreeningQuestion } from "../lib/bindings";
import { admin, callDue, callLogged, childDetail, err, ok } from "./mockBindings";
import { setLang } from "../lib/i18n/index.svelte";
import { axeFailures } from "./axe";

const mocks = vi.hoisted(() => ({
  commands: {
    logCall: vi.fn(),
    screeningQuestions: vi.fn(),
    openConcern: vi.fn(),
    concernStep: vi.fn(),
    concern: vi.fn(),
    concerns: vi.fn(),
    concernDestinations: vi.fn(),
    legalDeadlines: vi.fn(),
    relief: vi.fn(),
    setRelief: vi.fn(),
    listUsers: vi.fn(),
    setSupervisor: vi.fn(),
  },
}));
vi.mock("../lib/bindings", () => ({ commands: mocks.commands }));

import LogCallDialog from "../dialogs/LogCallDialog.svelte";
import ConcernDialog from "../dialogs/ConcernDialog.svelte";
import NewConcernDialog from "../dialogs/NewConcernDialog.svelte";
import LegalDeadlines from "../panels/LegalDeadlines.svelte";
import ReliefPanel from "../panels/ReliefPanel.svelte";
import Users from "../screens/Users.svelte";

const QUESTIONS: ScreeningQuestion[] = [
  { id: "works", answer_kind: "yes_no", question_en: "Do you work?", question_es: "¿Trabajas?", source: "29 CFR 570.2", options: [] },
  { id: "school_day_hours", answer_kind: "hours", question_en: "Hours on a school day?", question_es: "¿Horas en un día de escuela?", source: "29 CFR 570.35", options: [] },
  { id: "journey_debt", answer_kind: "yes_no", question_en: "Do you owe money for the journey?", question_es: "¿Debes dinero por el viaje?", source: "22 U.S.C. 7102", options: [] },
];

function concern(overrides: Partial<Concern> = {}): Concern {
  return {
    concern_id: 5,
    child_id: 1,
    case_number: "2025-00001",
    child_name: "José Ramírez",
    call_id: 31,
    category: "trafficking_indicators",
    category_en: "Trafficking indicators",
    category_es: "Indicios de trata",
    heard: "Dice que debe 6000 dólares por el viaje.",
    state: "approved",
    opened_on: "2025-06-03",
    opened_by: "jose",
    submit_by: "2025-06-04",
    report_by: "2025-06-06",
    approved_on: "2025-06-03",
    approved_by: "Maria",
    reported_to: null,
    reported_on: null,
    reference: null,
    steps: [
      { step: "open", at: "2025-06-03T14:00:00Z", by: "jose", note: "", state: "draft" },
      { step: "submit", at: "2025-06-03T14:05:00Z", by: "jose", note: "", state: "submitted" },
      { step: "approve", at: "2025-06-03T15:00:00Z", by: "Maria", note: "", state: "approved" },
    ],
    disclaimer_en: "These rules are a checklist, not legal advice.",
    disclaimer_es: "Estas reglas son una lista de control, no asesoría legal.",
    ...overrides,
  };
}

const DESTINATIONS: ConcernDestination[] = [
  {
    destination: "national_human_trafficking_hotline",
    name_en: "National Human Trafficking Hotline",
    name_es: "Línea Nacional contra la Trata de Personas",
    who_is_told_en: "Hotline staff, who are mandated reporters.",
    who_is_told_es: "El personal de la línea, obligado a reportar.",
    what_may_follow_en: "They may involve police or child protective services.",
    what_may_follow_es: "Pueden avisar a la policía o a protección infantil.",
  },
  {
    destination: "hhs_otip",
    name_en: "HHS OTIP",
    name_es: "OTIP de HHS",
    who_is_told_en: "HHS's Office on Trafficking in Persons.",
    who_is_told_es: "La Oficina contra la Trata de HHS.",
    what_may_follow_en: "An eligibility letter may follow.",
    what_may_follow_es: "Puede seguir una carta de elegibilidad.",
  },
];

beforeEach(() => {
  for (const fn of Object.values(mocks.commands)) fn.mockReset();
  mocks.commands.screeningQuestions.mockResolvedValue(ok(QUESTIONS));
  mocks.commands.concernDestinations.mockResolvedValue(ok(DESTINATIONS));
  mocks.commands.concerns.mockResolvedValue(ok([]));
});

describe("the log-call dialog's screening section", () => {
  it("is collapsed, sends hours as minutes, and offers a concern report with the call prefilled", async () => {
    const due = callDue({ task_id: 1, child_id: 1, case_number: "2025-00001", child_name: "José Ramírez" });
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ call_id: 31 })));
    mocks.commands.openConcern.mockResolvedValue(ok(concern({ state: "draft", steps: [] })));
    mocks.commands.concernStep.mockResolvedValue(ok(concern({ state: "submitted" })));
    // Something of the page behind the dialogs, which must stay out of reach while either is open.
    const behind = document.body.appendChild(document.createElement("button"));
    onTestFinished(() => behind.remove());
    // As the call queue does: the call's dialog closes once the call is logged.
    const onlogged = vi.fn(() => view.rerender({ due: null }));
    const view = render(LogCallDialog, { due, onclose: vi.fn(), onlogged });

    const toggle = await screen.findByTestId("screening-toggle");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByTestId("screening-section")).not.toBeVisible();
    await fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const debt = await screen.findByLabelText("Do you owe money for the journey?");
    expect(debt).toHaveAccessibleDescription("Source: 22 U.S.C. 7102");
    await fireEvent.change(debt, { target: { value: "yes" } });
    await fireEvent.input(screen.getByLabelText("Hours on a school day?"), { target: { value: "2.5" } });
    await fireEvent.change(screen.getByTestId("log-call-outcome"), { target: { value: "reached_child" } });
    await fireEvent.input(screen.getByTestId("log-call-note"), { target: { value: "Debe dinero del viaje." } });
    await fireEvent.click(screen.getByTestId("log-call-save"));

    await waitFor(() => expect(onlogged).toHaveBeenCalled());
    const answers = mocks.commands.logCall.mock.calls[0][4];
    expect(answers.screening).toMatchObject({ owes_for_journey: true, school_day_minutes: 150, works: null });

    const offer = await screen.findByTestId("concern-offer-dialog");
    // The offer opens after the call's dialog has closed: the page behind is inert again.
    await waitFor(() => expect(behind.closest("[inert]")).not.toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(within(offer).getByTestId("concern-offer-open")));
    expect(within(offer).getByTestId("concern-offer-reasons")).toHaveTextContent("The child or their family owe money for the journey.");
    await fireEvent.click(within(offer).getByTestId("concern-offer-open"));
    const form = await screen.findByTestId("new-concern-dialog");
    expect(within(form).getByTestId("concern-call")).toHaveTextContent("From call #31");
    expect(within(form).getByLabelText("Category")).toHaveValue("trafficking_indicators");
    expect(within(form).getByLabelText(/What was heard/)).toHaveValue("Debe dinero del viaje.");
    await fireEvent.click(within(form).getByTestId("new-concern-submit"));
    await waitFor(() => expect(mocks.commands.concernStep).toHaveBeenCalled());
    expect(mocks.commands.openConcern).toHaveBeenCalledWith("2025-00001", "trafficking_indicators", "Debe dinero del viaje.", 31);
    expect(mocks.commands.concernStep).toHaveBeenCalledWith(5, "submit", "", null, null, null);
    await waitFor(() => expect(screen.queryByTestId("new-concern-dialog")).toBeNull());
    expect(behind.closest("[inert]")).toBeNull();
  });

  it("refuses hours it cannot read, beside the question, and sends nothing", async () => {
    const due = callDue({ task_id: 2 });
    render(LogCallDialog, { due, onclose: vi.fn(), onlogged: vi.fn() });
    await fireEvent.click(await screen.findByTestId("screening-toggle"));
    await fireEvent.input(await screen.findByLabelText("Hours on a school day?"), { target: { value: "four" } });
    await fireEvent.change(screen.getByTestId("log-call-outcome"), { target: { value: "reached_child" } });
    await fireEvent.click(screen.getByTestId("log-call-save"));
    const field = await screen.findByLabelText("Hours on a school day?");
    await waitFor(() => expect(field).toHaveAttribute("aria-invalid", "true"));
    expect(field).toHaveAccessibleDescription(expect.stringContaining("Write the hours as a number"));
    expect(mocks.commands.logCall).not.toHaveBeenCalled();
  });

  it("offers nothing after an ordinary call", async () => {
    mocks.commands.logCall.mockResolvedValue(ok(callLogged({ call_id: 40 })));
    const onlogged = vi.fn();
    render(LogCallDialog, { due: callDue({ task_id: 3 }), onclose: vi.fn(), onlogged });
    await fireEvent.change(await screen.findByTestId("log-call-outcome"), { target: { value: "no_answer" } });
    await fireEvent.click(screen.getByTestId("log-call-save"));
    await waitFor(() => expect(onlogged).toHaveBeenCalled());
    expect(screen.queryByTestId("concern-offer-dialog")).toBeNull();
    expect(mocks.commands.logCall.mock.calls[0][4]).toBeNull();
  });
});

describe("a concern report's steps", () => {
  it("show who is told and what may follow for every destination before one is chosen, then record the report", async () => {
    mocks.commands.concern.mockResolvedValue(ok(concern()));
    mocks.commands.concernStep.mockResolvedValue(
      ok(concern({ state: "reported", reported_to: "national_human_trafficking_hotline", reported_on: "2025-06-03", reference: "NHTH-1" })),
    );
    render(ConcernDialog, { concernId: 5, onclose: vi.fn() });
    const dialog = await screen.findByTestId("concern-dialog");
    await within(dialog).findByText("Hotline staff, who are mandated reporters.", { exact: false });
    expect(dialog).toHaveTextContent("These rules are a checklist, not legal advice.");
    const hotline = within(dialog).getByTestId("concern-to-national_human_trafficking_hotline");
    expect(hotline).not.toBeChecked();
    expect(hotline).toHaveAccessibleDescription(
      "Who will be told: Hotline staff, who are mandated reporters. What may follow: They may involve police or child protective services.",
    );
    expect(within(dialog).getByTestId("concern-steps").querySelectorAll("li")).toHaveLength(3);
    expect(within(dialog).queryByTestId("concern-step-submit")).toBeNull();

    // Reported without a destination or reference: refused beside the fields.
    await fireEvent.click(within(dialog).getByTestId("concern-step-report"));
    expect(await within(dialog).findByTestId("concern-to-error")).toHaveTextContent("Choose where it was reported.");
    expect(mocks.commands.concernStep).not.toHaveBeenCalled();

    await fireEvent.click(hotline);
    await fireEvent.input(within(dialog).getByLabelText("Reference number"), { target: { value: "NHTH-1" } });
    await fireEvent.click(within(dialog).getByTestId("concern-step-report"));
    await waitFor(() => expect(within(dialog).getByTestId("concern-state")).toHaveTextContent("Reported"));
    expect(mocks.commands.concernStep).toHaveBeenCalledWith(5, "report", "", "national_human_trafficking_hotline", null, "NHTH-1");
    expect(within(dialog).getByTestId("concern-step-close")).toBeInTheDocument();
  });

  it("say a supervisor's refusal in Spanish", async () => {
    setLang("es");
    mocks.commands.concern.mockResolvedValue(ok(concern({ state: "submitted" })));
    mocks.commands.concernStep.mockResolvedValue(err("permission_denied", "only a supervisor who did not submit it may approve"));
    render(ConcernDialog, { concernId: 5, onclose: vi.fn() });
    const dialog = await screen.findByTestId("concern-dialog");
    await fireEvent.click(await within(dialog).findByTestId("concern-step-approve"));
    const error = await within(dialog).findByTestId("concern-step-error");
    expect(error).toHaveTextContent("Su rol no permite esta acción.");
    expect(error).toHaveTextContent("Aprobar o devolver le toca a un supervisor");
    expect(error).not.toHaveTextContent("only a supervisor");
  });

  it("offer a volunteer only what a volunteer may do: submit a draft, not approve it", async () => {
    mocks.commands.concern.mockResolvedValue(ok(concern({ state: "submitted" })));
    const view = render(ConcernDialog, { concernId: 5, onclose: vi.fn(), volunteer: true });
    const dialog = await screen.findByTestId("concern-dialog");
    await within(dialog).findByTestId("concern-close-dialog");
    await waitFor(() => expect(mocks.commands.concern).toHaveBeenCalledWith(5));
    expect(within(dialog).queryByTestId("concern-step-approve")).toBeNull();
    expect(within(dialog).queryByTestId("concern-step-return")).toBeNull();
    view.unmount();

    mocks.commands.concern.mockResolvedValue(ok(concern({ state: "draft" })));
    render(ConcernDialog, { concernId: 6, onclose: vi.fn(), volunteer: true });
    expect(await screen.findByTestId("concern-step-submit")).toBeInTheDocument();
  });

  it("need a note to send back", async () => {
    mocks.commands.concern.mockResolvedValue(ok(concern({ state: "submitted" })));
    render(ConcernDialog, { concernId: 5, onclose: vi.fn() });
    const dialog = await screen.findByTestId("concern-dialog");
    await fireEvent.click(await within(dialog).findByTestId("concern-step-return"));
    const note = within(dialog).getByLabelText("Note");
    await waitFor(() => expect(note).toHaveAttribute("aria-invalid", "true"));
    expect(mocks.commands.concernStep).not.toHaveBeenCalled();
  });

  it.each(["en", "es"] as const)("pass axe in %s (the report form, a new report, the Legal tab)", async (lang) => {
    document.title = "Tether";
    setLang(lang);
    mocks.commands.concern.mockResolvedValue(ok(concern()));
    const view = render(ConcernDialog, { concernId: 5, onclose: vi.fn() });
    await screen.findByTestId("concern-to-hhs_otip");
    expect(await axeFailures()).toEqual([]);
    view.unmount();
    const start = { idOrCase: "2025-00001", childName: "José", callId: 31, category: "", text: "", reasons: ["concern.offer.journeyDebt"] };
    const fresh = render(NewConcernDialog, { start, onclose: vi.fn() });
    await screen.findByTestId("concern-offer-dialog");
    expect(await axeFailures()).toEqual([]);
    await fireEvent.click(screen.getByTestId("concern-offer-open"));
    await screen.findByTestId("new-concern-dialog");
    expect(await axeFailures()).toEqual([]);
    fresh.unmount();
    mocks.commands.relief.mockResolvedValue(ok(relief()));
    render(ReliefPanel, { child: childDetail({ case_number: "2025-00001" }) });
    await screen.findByTestId("relief-pathway");
    expect(await axeFailures()).toEqual([]);
  });
});

function legalDeadline(overrides: Partial<LegalDeadline>): LegalDeadline {
  return {
    key: "legal:sijs_i360_age:1:21",
    child_id: 1,
    case_number: "2025-00001",
    child_name: "José Ramírez",
    rule: "sijs_i360_age",
    due_on: "2025-11-30",
    days_left: 180,
    warn: "within_180_days",
    title_en: "I-360 before the 21st birthday",
    title_es: "I-360 antes de cumplir 21 años",
    explanation_en: "File the I-360 before the 21st birthday.",
    explanation_es: "Presente el I-360 antes de cumplir 21 años.",
    source: "8 CFR 204.11(b)",
    effective_from: "2022-04-07",
    confirm_locally: false,
    birth_date_estimated: false,
    ...overrides,
  };
}

describe("the dashboard's legal deadlines", () => {
  it("list overdue first, with source, warn level and the disclaimer, linking to the child", async () => {
    mocks.commands.legalDeadlines.mockResolvedValue(
      ok({
        on: "2025-06-03",
        within_days: 180,
        deadlines: [
          legalDeadline({}),
          legalDeadline({ key: "b", case_number: "2025-00002", child_name: "Ana", rule: "sijs_predicate_order", days_left: -2, due_on: "2025-06-01", warn: "overdue", confirm_locally: true, title_en: "Predicate order" }),
        ],
        disclaimer_en: "These rules are a checklist, not legal advice.",
        disclaimer_es: "Estas reglas son una lista de control, no asesoría legal.",
      }),
    );
    const onopen = vi.fn();
    render(LegalDeadlines, { onopen });
    const items = await screen.findAllByTestId("legal-deadline");
    expect(mocks.commands.legalDeadlines).toHaveBeenCalledWith(180);
    expect(items.map((i) => i.getAttribute("data-case"))).toEqual(["2025-00002", "2025-00001"]);
    expect(items[0]).toHaveTextContent("2 days overdue");
    expect(items[0]).toHaveTextContent("Overdue");
    expect(within(items[0]).getByTestId("deadline-confirm-locally")).toHaveTextContent("Confirm locally");
    expect(items[1]).toHaveTextContent("180 days left");
    expect(items[1]).toHaveTextContent("Source: 8 CFR 204.11(b)");
    expect(screen.getByTestId("legal-deadlines-disclaimer")).toHaveTextContent("not legal advice");
    await fireEvent.click(within(items[1]).getByRole("button", { name: "Open José Ramírez (2025-00001)" }));
    expect(onopen).toHaveBeenCalledWith("2025-00001");
  });
});

function relief(overrides: Partial<Relief> = {}): Relief {
  return {
    child_id: 1,
    case_number: "2025-00001",
    child_name: "José Ramírez",
    status: "pursuing",
    pathways: [{ pathway: "sijs", steps: [{ status: "predicate_order_filed", on: "2025-06-01" }], detail: "CA", statuses: ["identified", "predicate_order_filed", "predicate_order_obtained", "i360_filed", "i360_approved", "dropped"] }],
    other_pathways: ["asylum", "t_visa", "otip"],
    residence_state: "CA",
    deadlines: [legalDeadline({})],
    tasks: [],
    notes: [],
    disclaimer_en: "These rules are a checklist, not legal advice.",
    disclaimer_es: "Estas reglas son una lista de control, no asesoría legal.",
    ...overrides,
  };
}

describe("the Legal tab", () => {
  it("shows the plan and records a step, with a backend field error beside its field", async () => {
    mocks.commands.relief.mockResolvedValue(ok(relief()));
    mocks.commands.setRelief.mockResolvedValue(err("invalid_input", "date: the day is in the future", "date"));
    render(ReliefPanel, { child: childDetail({ case_number: "2025-00001" }) });
    const pathway = await screen.findByTestId("relief-pathway");
    expect(pathway).toHaveTextContent("Predicate order filed");
    expect(screen.getByTestId("relief-disclaimer")).toHaveTextContent("not legal advice");
    expect(screen.getByTestId("relief-deadline")).toHaveTextContent("Source: 8 CFR 204.11(b)");
    await fireEvent.change(screen.getByLabelText("Step"), { target: { value: "i360_filed" } });
    await fireEvent.input(screen.getByLabelText(/^Date/), { target: { value: "2030-01-01" } });
    await fireEvent.click(screen.getByTestId("relief-submit"));
    await waitFor(() => expect(mocks.commands.setRelief).toHaveBeenCalledWith("2025-00001", "sijs", "i360_filed", "2030-01-01", null, null));
    await waitFor(() => expect(screen.getByLabelText(/^Date/)).toHaveAttribute("aria-invalid", "true"));
  });
});

describe("the Users screen", () => {
  it("gives a case manager a supervisor checkbox, and only a case manager", async () => {
    mocks.commands.listUsers.mockResolvedValue(
      ok([
        { name: "Maria", role: "admin", created_at: "2025-01-01T00:00:00Z", supervisor: false },
        { name: "ana", role: "case_manager", created_at: "2025-01-01T00:00:00Z", supervisor: false },
        { name: "jose", role: "volunteer", created_at: "2025-01-01T00:00:00Z", supervisor: false },
      ]),
    );
    mocks.commands.setSupervisor.mockResolvedValue(ok(null));
    render(Users, { session: admin });
    const boxes = await screen.findAllByTestId("user-supervisor");
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toHaveAccessibleName("Supervisor: ana");
    await fireEvent.click(boxes[0]);
    await waitFor(() => expect(mocks.commands.setSupervisor).toHaveBeenCalledWith("ana", true));
    await waitFor(() => expect(screen.getByTestId("user-supervisor")).toBeChecked());
  });
});
