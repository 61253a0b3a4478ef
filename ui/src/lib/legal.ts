// Issue 13 in the window: relief pathways and deadlines, concern reports, screening answers.
// Pure helpers (no component state), so the rules the window applies are unit-tested.
import type { Concern, LegalDeadline, ScreeningAnswers, ScreeningQuestion, SwbAnswers } from "./bindings";
import { getLang, hasKey, t } from "./i18n/index.svelte";

// ---- Bilingual texts from the backend

/** The English or Spanish one of a pair the backend sends, in the interface language. */
export function pick(en: string, es: string): string {
  return getLang() === "es" ? es || en : en || es;
}

// ---- Relief

export const PATHWAYS = ["sijs", "asylum", "t_visa", "otip"] as const;
export type Pathway = (typeof PATHWAYS)[number];

/** "SIJS", "Asylum", …; an unknown pathway as it came. */
export function pathwayLabel(pathway: string): string {
  const key = `legal.pathway.${pathway}`;
  return hasKey(key) ? t(key) : pathway.replaceAll("_", " ");
}

/** A relief status (`predicate_order_filed`, `identified`, `dropped`, …) in the reader's language. */
export function reliefStatusLabel(status: string): string {
  const key = `legal.status.${status}`;
  return hasKey(key) ? t(key) : status.replaceAll("_", " ");
}

/** Where an asylum application was filed. */
export const FILED_WITH = ["uscis", "immigration_court"] as const;

// ---- Deadlines

export const WARN_LEVELS = ["overdue", "within_30_days", "within_90_days", "within_180_days"] as const;

/** How near a deadline is, in words: "Overdue", "Within 30 days", …; none when further out. */
export function warnLabel(warn: string | null | undefined): string | null {
  if (!warn) return null;
  const key = `legal.warn.${warn}`;
  return hasKey(key) ? t(key) : warn.replaceAll("_", " ");
}

/** "12 days left", "Last day today", "3 days overdue". */
export function daysLeftLabel(days: number): string {
  if (days === 0) return t("legal.daysLeft.today");
  if (days < 0) return t("legal.daysLeft.overdue", { days: -days });
  return t("legal.daysLeft.left", { days });
}

/** Overdue first (the longest overdue first), then soonest first; a stable tie on the case number. */
export function sortDeadlines<T extends Pick<LegalDeadline, "days_left" | "due_on" | "case_number" | "rule">>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) =>
      a.days_left - b.days_left ||
      a.due_on.localeCompare(b.due_on) ||
      a.case_number.localeCompare(b.case_number) ||
      a.rule.localeCompare(b.rule),
  );
}

// ---- Concern reports

export const CONCERN_CATEGORIES = [
  "abuse",
  "neglect",
  "trafficking_indicators",
  "labour_exploitation",
  "not_living_with_sponsor",
  "sponsor_unreachable",
  "school",
  "other",
] as const;

export const CONCERN_STATES = ["draft", "submitted", "approved", "reported", "closed"] as const;
export type ConcernState = (typeof CONCERN_STATES)[number];
export type ConcernStepName = "submit" | "approve" | "return" | "report" | "close";

export function concernCategoryLabel(category: string): string {
  const key = `concern.category.${category}`;
  return hasKey(key) ? t(key) : category.replaceAll("_", " ");
}

export function concernStateLabel(state: string): string {
  const key = `concern.state.${state}`;
  return hasKey(key) ? t(key) : state.replaceAll("_", " ");
}

/** Where a report went (`national_human_trafficking_hotline`, …); an unknown one as it came. */
export function destinationLabel(destination: string): string {
  const key = `concern.destination.${destination}`;
  return hasKey(key) ? t(key) : destination.replaceAll("_", " ");
}

/** A signed step of a report ("open", "submit", …) as a past-tense label. */
export function concernStepLabel(step: string): string {
  const key = `concern.stepDone.${step}`;
  return hasKey(key) ? t(key) : step.replaceAll("_", " ");
}

/**
 * The steps a report's state allows next, in the order the buttons show them (the backend
 * decides who may take them): draft → submit; submitted → approve or return; approved → report;
 * reported → close; closed → none.
 */
export function nextConcernSteps(state: string): ConcernStepName[] {
  switch (state) {
    case "draft":
      return ["submit"];
    case "submitted":
      return ["approve", "return"];
    case "approved":
      return ["report"];
    case "reported":
      return ["close"];
    default:
      return [];
  }
}

/** Approving and sending back are a supervisor's (admin, or a case manager marked supervisor). */
export function isSupervisorStep(step: ConcernStepName): boolean {
  return step === "approve" || step === "return";
}

export const NOTE_MIN_CHARS = 3;

/** What a step needs before it is sent; the messages are the fields' inline errors. */
export function checkConcernStep(
  step: ConcernStepName,
  input: { note: string; to: string; on: string; reference: string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  if ((step === "return" || step === "close") && input.note.trim().length < NOTE_MIN_CHARS) {
    errors.note = t("concern.error.noteNeeded", { min: NOTE_MIN_CHARS });
  }
  if (step === "report") {
    if (input.to.trim() === "") errors.to = t("concern.error.destination");
    if (input.reference.trim() === "") errors.reference = t("validation.required");
    if (input.on.trim() !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(input.on.trim())) errors.on = t("concern.error.date");
  }
  return errors;
}

/** The report's disclaimer line in the reader's language. */
export function concernDisclaimer(c: Pick<Concern, "disclaimer_en" | "disclaimer_es">): string {
  return pick(c.disclaimer_en, c.disclaimer_es);
}

// ---- Screening on the follow-up call

/** Question id → the `ScreeningAnswers` field it fills. */
export const SCREENING_FIELDS: Record<string, keyof ScreeningAnswers> = {
  works: "works",
  farm_work: "farm_work",
  kind_of_work: "hazardous_orders",
  school_day_hours: "school_day_minutes",
  school_week_hours: "school_week_minutes",
  non_school_day_hours: "non_school_day_minutes",
  non_school_week_hours: "non_school_week_minutes",
  start_time: "start_time",
  end_time: "end_time",
  during_school_hours: "during_school_hours",
  id_holder: "id_holder",
  journey_debt: "owes_for_journey",
  free_to_leave: "free_to_leave",
  food_and_bed: "food_and_bed",
};

/** What the caller typed or chose, per question id: "yes"/"no"/"" for yes-no, hours as typed, a
 * time "HH:MM", an option's value, the hazardous orders ticked. */
export type ScreeningDraft = Record<string, string | number[]>;

export function blankScreening(): ScreeningAnswers {
  return {
    works: null,
    farm_work: null,
    hazardous_orders: null,
    school_day_minutes: null,
    school_week_minutes: null,
    non_school_day_minutes: null,
    non_school_week_minutes: null,
    start_time: null,
    end_time: null,
    during_school_hours: null,
    id_holder: null,
    owes_for_journey: null,
    free_to_leave: null,
    food_and_bed: null,
  };
}

/** Hours as typed ("4", "2.5", "2,5") → whole minutes; null for blank; NaN for not a number. */
export function hoursToMinutes(raw: string): number | null {
  const text = raw.trim().replace(",", ".");
  if (text === "") return null;
  if (!/^\d+(\.\d+)?$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 60);
}

/** A time of day as typed ("7:30", "19:05") → "HH:MM"; null for blank; "" when not a time. */
export function timeOfDay(raw: string): string | null {
  const text = raw.trim();
  if (text === "") return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return "";
  return `${m[1].padStart(2, "0")}:${m[2]}`;
}

export type ScreeningResult = { answers: ScreeningAnswers | null; errors: Record<string, string> };

/**
 * The caller's screening answers → `SwbAnswers.screening`: hours become minutes, times HH:MM,
 * yes/no booleans. `answers` is null when nothing was answered; `errors` names the question ids
 * whose input cannot be read (then nothing is sent).
 */
export function screeningAnswers(questions: readonly ScreeningQuestion[], draft: ScreeningDraft): ScreeningResult {
  const out = blankScreening();
  const errors: Record<string, string> = {};
  let any = false;
  for (const q of questions) {
    const field = SCREENING_FIELDS[q.id];
    if (!field) continue;
    const raw = draft[q.id];
    if (raw === undefined) continue;
    switch (q.answer_kind) {
      case "yes_no": {
        if (raw === "yes" || raw === "no") {
          (out[field] as boolean | null) = raw === "yes";
          any = true;
        }
        break;
      }
      case "hours": {
        const minutes = hoursToMinutes(String(raw));
        if (minutes === null) break;
        if (Number.isNaN(minutes) || minutes > 24 * 60 * 7) errors[q.id] = t("screening.error.hours");
        else {
          (out[field] as number | null) = minutes;
          any = true;
        }
        break;
      }
      case "time_of_day": {
        const time = timeOfDay(String(raw));
        if (time === null) break;
        if (time === "") errors[q.id] = t("screening.error.time");
        else {
          (out[field] as string | null) = time;
          any = true;
        }
        break;
      }
      case "choice": {
        if (typeof raw === "string" && raw !== "") {
          (out[field] as string | null) = raw;
          any = true;
        }
        break;
      }
      case "hazardous_list": {
        if (Array.isArray(raw) && raw.length > 0) {
          out.hazardous_orders = [...raw].sort((a, b) => a - b);
          any = true;
        }
        break;
      }
    }
  }
  return { answers: any && Object.keys(errors).length === 0 ? out : null, errors };
}

/**
 * Why a concern report is offered after a call, as message keys: a safety concern, the child
 * does not feel safe or is not with the sponsor, or a trafficking indicator from the screening
 * (a debt for the journey, an ID someone else keeps, not free to leave, food and bed from the
 * employer — the same four the backend's trafficking rules raise). Empty: no offer.
 */
export function concernOfferReasons(outcome: string, swb: SwbAnswers | null): string[] {
  const reasons: string[] = [];
  if (outcome === "safety_concern") reasons.push("concern.offer.safety");
  if (swb?.feels_safe === false) reasons.push("concern.offer.notSafe");
  if (swb?.still_with_sponsor === false) reasons.push("concern.offer.notWithSponsor");
  const s = swb?.screening;
  if (s) {
    if (s.owes_for_journey === true) reasons.push("concern.offer.journeyDebt");
    if (s.id_holder === "someone_else_keeps_it") reasons.push("concern.offer.idHeld");
    if (s.free_to_leave === false) reasons.push("concern.offer.notFreeToLeave");
    if (s.food_and_bed === "employer") reasons.push("concern.offer.employerHousing");
  }
  return reasons;
}

/** The category to start a concern report offered after a call with. */
export function offeredCategory(swb: SwbAnswers | null): string {
  const s = swb?.screening;
  if (s && (s.owes_for_journey === true || s.id_holder === "someone_else_keeps_it" || s.free_to_leave === false || s.food_and_bed === "employer")) {
    return "trafficking_indicators";
  }
  if (swb?.still_with_sponsor === false) return "not_living_with_sponsor";
  return "";
}
