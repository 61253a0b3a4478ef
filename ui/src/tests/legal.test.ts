// Issue 13's rules in the window: screening answers, the next steps of a concern report,
// deadlines in order with their labels, and every new history event, audit action, task kind
// and flag kind in both languages.
import { describe, expect, it } from "vitest";
import type { LegalDeadline, ScreeningQuestion } from "../lib/bindings";
import { historyItem } from "./mockBindings";
import { describeEvent } from "../lib/history";
import { auditActionLabel } from "../lib/format";
import { flagKindLabel } from "../lib/followup.svelte";
import { setLang } from "../lib/i18n/index.svelte";
import { en } from "../lib/i18n/en";
import { es } from "../lib/i18n/es";
import { factsFromKey, taskKindLabel, taskSummary, TASK_KINDS } from "../lib/tasks";
import {
  checkConcernStep,
  CONCERN_CATEGORIES,
  CONCERN_STATES,
  concernCategoryLabel,
  concernOfferReasons,
  concernStateLabel,
  daysLeftLabel,
  destinationLabel,
  hoursToMinutes,
  nextConcernSteps,
  offeredCategory,
  pathwayLabel,
  PATHWAYS,
  reliefStatusLabel,
  screeningAnswers,
  sortDeadlines,
  timeOfDay,
  warnLabel,
  WARN_LEVELS,
} from "../lib/legal";

function q(id: string, answer_kind: string, options: string[] = []): ScreeningQuestion {
  return {
    id,
    answer_kind,
    question_en: id,
    question_es: id,
    source: "29 CFR 570",
    options: options.map((value) => ({ value, label_en: value, label_es: value })),
  };
}

const QUESTIONS: ScreeningQuestion[] = [
  q("works", "yes_no"),
  q("farm_work", "yes_no"),
  q("kind_of_work", "hazardous_list", ["2", "12"]),
  q("school_day_hours", "hours"),
  q("school_week_hours", "hours"),
  q("non_school_day_hours", "hours"),
  q("non_school_week_hours", "hours"),
  q("start_time", "time_of_day"),
  q("end_time", "time_of_day"),
  q("during_school_hours", "yes_no"),
  q("id_holder", "choice", ["child", "someone_else_keeps_it"]),
  q("journey_debt", "yes_no"),
  q("free_to_leave", "yes_no"),
  q("food_and_bed", "choice", ["sponsor_or_family", "employer"]),
];

describe("screening answers → SwbAnswers.screening", () => {
  it("maps every question to its field, hours to minutes and times to HH:MM", () => {
    const { answers, errors } = screeningAnswers(QUESTIONS, {
      works: "yes",
      farm_work: "no",
      kind_of_work: [12, 2],
      school_day_hours: "4",
      school_week_hours: "22,5",
      non_school_day_hours: "8.25",
      non_school_week_hours: "",
      start_time: "7:05",
      end_time: "21:30",
      during_school_hours: "no",
      id_holder: "someone_else_keeps_it",
      journey_debt: "yes",
      free_to_leave: "no",
      food_and_bed: "employer",
    });
    expect(errors).toEqual({});
    expect(answers).toEqual({
      works: true,
      farm_work: false,
      hazardous_orders: [2, 12],
      school_day_minutes: 240,
      school_week_minutes: 1350,
      non_school_day_minutes: 495,
      non_school_week_minutes: null,
      start_time: "07:05",
      end_time: "21:30",
      during_school_hours: false,
      id_holder: "someone_else_keeps_it",
      owes_for_journey: true,
      free_to_leave: false,
      food_and_bed: "employer",
    });
  });

  it("sends nothing when nothing was answered", () => {
    expect(screeningAnswers(QUESTIONS, {}).answers).toBeNull();
    expect(screeningAnswers(QUESTIONS, { works: "", kind_of_work: [], school_day_hours: "  " }).answers).toBeNull();
  });

  it("refuses hours and times it cannot read, naming the question, in the reader's language", () => {
    const bad = screeningAnswers(QUESTIONS, { journey_debt: "yes", school_day_hours: "four", end_time: "25:00" });
    expect(bad.answers).toBeNull();
    expect(bad.errors).toEqual({
      school_day_hours: "Write the hours as a number, e.g. 4 or 2.5.",
      end_time: "Write the time as HH:MM, e.g. 19:30.",
    });
    setLang("es");
    expect(screeningAnswers(QUESTIONS, { school_day_hours: "x" }).errors.school_day_hours).toBe("Escriba las horas como un número, p. ej. 4 o 2,5.");
  });

  it("reads hours and times exactly", () => {
    expect(hoursToMinutes("2.5")).toBe(150);
    expect(hoursToMinutes("0")).toBe(0);
    expect(hoursToMinutes("")).toBeNull();
    expect(hoursToMinutes("-1")).toBeNaN();
    expect(timeOfDay("9:00")).toBe("09:00");
    expect(timeOfDay("23:59")).toBe("23:59");
    expect(timeOfDay("24:00")).toBe("");
    expect(timeOfDay("7")).toBe("");
  });
});

describe("the concern-report offer after a call", () => {
  const swb = { still_with_sponsor: null, enrolled_in_school: null, knows_court_date: null, feels_safe: null, new_address: null };
  it("comes with a safety concern, a no to feels safe or still with the sponsor, or a trafficking indicator", () => {
    expect(concernOfferReasons("no_answer", null)).toEqual([]);
    expect(concernOfferReasons("reached_child", swb)).toEqual([]);
    expect(concernOfferReasons("safety_concern", null)).toEqual(["concern.offer.safety"]);
    expect(concernOfferReasons("reached_child", { ...swb, feels_safe: false, still_with_sponsor: false })).toEqual(["concern.offer.notSafe", "concern.offer.notWithSponsor"]);
    const screened = screeningAnswers(QUESTIONS, { journey_debt: "yes" }).answers;
    expect(concernOfferReasons("reached_child", { ...swb, screening: screened })).toEqual(["concern.offer.journeyDebt"]);
    expect(offeredCategory({ ...swb, screening: screened })).toBe("trafficking_indicators");
    expect(offeredCategory({ ...swb, still_with_sponsor: false })).toBe("not_living_with_sponsor");
    expect(offeredCategory(swb)).toBe("");
    // Working long hours is a labour flag, not a trafficking indicator: no offer from it alone.
    const labour = screeningAnswers(QUESTIONS, { works: "yes", school_day_hours: "6" }).answers;
    expect(concernOfferReasons("reached_child", { ...swb, screening: labour })).toEqual([]);
  });
});

describe("a concern report's next steps", () => {
  it("follow its state: draft → submit; submitted → approve or return; approved → report; reported → close", () => {
    expect(CONCERN_STATES.map((s) => [s, nextConcernSteps(s)])).toEqual([
      ["draft", ["submit"]],
      ["submitted", ["approve", "return"]],
      ["approved", ["report"]],
      ["reported", ["close"]],
      ["closed", []],
    ]);
    expect(nextConcernSteps("nonsense")).toEqual([]);
  });

  it("need a note to send back or close, and a destination and reference to report", () => {
    const blank = { note: "", to: "", on: "", reference: "" };
    expect(checkConcernStep("submit", blank)).toEqual({});
    expect(checkConcernStep("approve", blank)).toEqual({});
    expect(Object.keys(checkConcernStep("return", { ...blank, note: "ok" }))).toEqual(["note"]);
    expect(checkConcernStep("close", { ...blank, note: "done" })).toEqual({});
    expect(Object.keys(checkConcernStep("report", blank))).toEqual(["to", "reference"]);
    expect(Object.keys(checkConcernStep("report", { ...blank, to: "hhs_otip", reference: "R-1", on: "3/6/2025" }))).toEqual(["on"]);
    expect(checkConcernStep("report", { ...blank, to: "hhs_otip", reference: "R-1", on: "2025-06-03" })).toEqual({});
  });
});

function deadline(overrides: Partial<LegalDeadline>): LegalDeadline {
  return {
    key: "k",
    child_id: 1,
    case_number: "2025-00001",
    child_name: "Ana",
    rule: "sijs_i360_age",
    due_on: "2026-01-01",
    days_left: 100,
    warn: "within_180_days",
    title_en: "t",
    title_es: "t",
    explanation_en: "e",
    explanation_es: "e",
    source: "8 CFR 204.11(b)",
    effective_from: "2022-04-07",
    confirm_locally: false,
    birth_date_estimated: false,
    ...overrides,
  };
}

describe("deadlines", () => {
  it("are listed overdue first (longest overdue first), then soonest first", () => {
    const list = [
      deadline({ key: "a", days_left: 170, due_on: "2025-11-20" }),
      deadline({ key: "b", days_left: -3, due_on: "2025-05-31", warn: "overdue" }),
      deadline({ key: "c", days_left: 12, due_on: "2025-06-15", warn: "within_30_days" }),
      deadline({ key: "d", days_left: -40, due_on: "2025-04-24", warn: "overdue" }),
      deadline({ key: "e", days_left: 12, due_on: "2025-06-15", case_number: "2025-00000" }),
    ];
    expect(sortDeadlines(list).map((d) => d.key)).toEqual(["d", "b", "e", "c", "a"]);
  });

  it("say how near they are in both languages", () => {
    expect(WARN_LEVELS.map(warnLabel)).toEqual(["Overdue", "Within 30 days", "Within 90 days", "Within 180 days"]);
    expect(warnLabel(null)).toBeNull();
    expect([daysLeftLabel(5), daysLeftLabel(0), daysLeftLabel(-2)]).toEqual(["5 days left", "Last day today", "2 days overdue"]);
    setLang("es");
    expect(WARN_LEVELS.map(warnLabel)).toEqual(["Vencido", "En menos de 30 días", "En menos de 90 días", "En menos de 180 días"]);
    expect([daysLeftLabel(5), daysLeftLabel(0), daysLeftLabel(-2)]).toEqual(["Quedan 5 días", "Hoy es el último día", "Vencido hace 2 días"]);
  });
});

const EVENTS = [
  historyItem(1, "relief_updated", { pathway: "sijs", status: "predicate_order_filed", on: "2025-06-02", state: "CA" }),
  historyItem(2, "in_absentia_recorded", { hearing_id: 4, order: { entered: { on: "2025-05-20", ground: "exceptional_circumstances" } } }),
  historyItem(3, "concern_opened", { concern_id: 7, category: "trafficking_indicators", call_id: 31 }),
  historyItem(4, "concern_submitted", { concern_id: 7, state: "submitted", note: "" }),
  historyItem(5, "concern_approved", { concern_id: 7, state: "approved", note: "Visto." }),
  historyItem(6, "concern_returned", { concern_id: 7, state: "draft", note: "Falta la fecha." }),
  historyItem(7, "concern_reported", { concern_id: 7, state: "reported", note: "", to: "national_human_trafficking_hotline", on: "2025-06-03", reference: "NHTH-1" }),
  historyItem(8, "concern_closed", { concern_id: 7, state: "closed", note: "Seguimiento hecho." }),
  historyItem(9, "reminder_prepared", { lang: "es", length: 152, hearing_at: "2025-07-01 09:00" }),
];

function described() {
  return EVENTS.map((e) => {
    const v = describeEvent(e);
    return [e.kind, v.title, ...v.lines, ...(v.text ? [v.text] : [])];
  });
}

describe("history events of issue 13", () => {
  it("are told in English", () => {
    expect(described()).toEqual([
      ["relief_updated", "Relief plan: Special Immigrant Juvenile Status (SIJS), Predicate order filed", "On Jun 2, 2025", "State: CA"],
      ["in_absentia_recorded", "In absentia order recorded", "Order entered on May 20, 2025"],
      ["concern_opened", "Concern report #7 opened: Trafficking indicators", "From call #31"],
      ["concern_submitted", "Concern report #7 submitted for approval", "Submitted for approval"],
      ["concern_approved", "Concern report #7 approved", "Approved", "Visto."],
      ["concern_returned", "Concern report #7 sent back", "Draft", "Falta la fecha."],
      ["concern_reported", "Concern report #7 reported", "To National Human Trafficking Hotline (1-888-373-7888) on Jun 3, 2025, reference NHTH-1"],
      ["concern_closed", "Concern report #7 closed", "Closed", "Seguimiento hecho."],
      ["reminder_prepared", "Hearing reminder prepared (Español)", "152 characters, for the hearing of 2025-07-01 09:00"],
    ]);
  });

  it("are told in Spanish", () => {
    setLang("es");
    const titles = described().map((d) => d[1]);
    expect(titles).toEqual([
      "Plan de alivio: Estatus Especial de Inmigrante Juvenil (SIJS), Orden previa solicitada",
      "Se registró la orden in absentia",
      "Reporte de preocupación n.º 7 abierto: Indicios de trata",
      "Reporte de preocupación n.º 7 enviado para aprobación",
      "Reporte de preocupación n.º 7 aprobado",
      "Reporte de preocupación n.º 7 devuelto",
      "Reporte de preocupación n.º 7 reportado",
      "Reporte de preocupación n.º 7 cerrado",
      "Se preparó un recordatorio de audiencia (Español)",
    ]);
    expect(described()[6][2]).toBe("A Línea Nacional contra la Trata de Personas (1-888-373-7888) el 3 jun 2025, referencia NHTH-1");
  });

  it("say when no in absentia order was entered", () => {
    expect(describeEvent(historyItem(1, "in_absentia_recorded", { hearing_id: 4, order: "no_order_entered" })).lines).toEqual(["No order was entered"]);
  });
});

const AUDIT = [
  "relief_updated",
  "in_absentia_recorded",
  "deadlines_listed",
  "concern_opened",
  "concern_submitted",
  "concern_approved",
  "concern_returned",
  "concern_reported",
  "concern_closed",
  "concerns_listed",
  "reminder_prepared",
  "supervisor_changed",
];
const TASKS = ["legal_deadline", "legal_step", "concern_submit", "concern_report"];
const FLAGS = ["legal_deadline", "child_labour", "trafficking_indicator"];

/** Every label has its own catalog entry in both languages, and the two differ where words do. */
function bothLanguages(labels: (x: string) => string, items: string[]) {
  setLang("en");
  const english = items.map(labels);
  setLang("es");
  const spanish = items.map(labels);
  setLang("en");
  english.forEach((label, i) => {
    expect(label, items[i]).not.toBe(items[i]);
    expect(label, items[i]).not.toContain("_");
  });
  expect(new Set(english).size, "English labels are distinct").toBe(items.length);
  return { english, spanish };
}

describe("every new kind is translated in both languages", () => {
  it("audit actions", () => {
    const { english, spanish } = bothLanguages(auditActionLabel, AUDIT);
    english.forEach((label, i) => expect(spanish[i], label).not.toBe(label));
  });

  it("task kinds, with summaries in the reader's language", () => {
    expect(TASK_KINDS).toEqual(expect.arrayContaining(TASKS));
    const { english, spanish } = bothLanguages(taskKindLabel, TASKS);
    english.forEach((label, i) => expect(spanish[i], label).not.toBe(label));
    for (const kind of TASKS) {
      expect(Object.keys(en)).toContain(`tasks.filter.${kind}`);
      expect(Object.keys(es)).toContain(`tasks.filter.${kind}`);
    }
    const submit = { kind: "concern_submit", fallback: "Submit concern report #12 to the supervisor" };
    const report = factsFromKey("concern_report", "concern:report:12", null);
    const due = { kind: "legal_deadline", fallback: "I-360 before the 21st birthday (last day 2026-02-01)" };
    const dueRule = factsFromKey("legal_deadline", "legal:sijs_i360_age:3:21:remind:180", due.fallback);
    expect([taskSummary(submit), taskSummary(report), taskSummary(due), taskSummary(dueRule), taskSummary({ kind: "legal_step" })]).toEqual([
      "Submit concern report #12 to the supervisor",
      "Report concern report #12: it is approved",
      "Legal deadline: the last day is 2026-02-01",
      "I-360 (SIJS) before the 21st birthday: the last day is 2026-02-01",
      "Legal step: see the child’s Legal tab",
    ]);
    setLang("es");
    expect([taskSummary(submit), taskSummary(report), taskSummary(dueRule)]).toEqual([
      "Enviar al supervisor el reporte de preocupación n.º 12",
      "Reportar el reporte de preocupación n.º 12: está aprobado",
      "I-360 (SIJS) antes de cumplir 21 años: el último día es el 2026-02-01",
    ]);
  });

  it("flag kinds", () => {
    const { english, spanish } = bothLanguages(flagKindLabel, FLAGS);
    english.forEach((label, i) => expect(spanish[i], label).not.toBe(label));
  });

  it("categories, states, destinations, pathways and relief statuses", () => {
    const destinations = ["orr_notification_of_concern", "orr_national_call_center", "child_protective_services", "law_enforcement", "national_human_trafficking_hotline", "hhs_otip"];
    const statuses = ["identified", "dropped", "predicate_order_filed", "predicate_order_obtained", "i360_filed", "i360_approved", "i589_filed", "interview_scheduled", "granted", "denied", "referred", "i914_filed", "rfa_submitted", "eligibility_letter"];
    bothLanguages(concernCategoryLabel, [...CONCERN_CATEGORIES]);
    bothLanguages(concernStateLabel, [...CONCERN_STATES]);
    bothLanguages(destinationLabel, destinations);
    bothLanguages(pathwayLabel, [...PATHWAYS]);
    bothLanguages(reliefStatusLabel, statuses);
    setLang("es");
    expect(concernCategoryLabel("trafficking_indicators")).toBe("Indicios de trata");
    expect(concernStateLabel("reported")).toBe("Reportado");
  });
});
