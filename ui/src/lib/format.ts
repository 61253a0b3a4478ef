import { getLang, hasKey, t } from "./i18n/index.svelte";
import { en } from "./i18n/en";
import { es } from "./i18n/es";
import type { AddressView, HearingOutcome, Role } from "./bindings";

/** A date-time from the backend (RFC 3339) in the current language; the raw text if unparsable. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(getLang(), { dateStyle: "medium", timeStyle: "short" }).format(date);
  } catch {
    return value;
  }
}

export function roleLabel(role: Role | string): string {
  const key = `role.${role}`;
  return hasKey(key) ? t(key) : role;
}

export function auditActionLabel(action: string): string {
  const key = `audit.action.${action}`;
  return hasKey(key) ? t(key) : action;
}

/** What an audit entry is about: "child 3" → "niño 3"; a search says what it was read as. */
export function auditRecordLabel(kind: string, id: string): string {
  const kindKey = `audit.kind.${kind}`;
  const label = hasKey(kindKey) ? t(kindKey) : kind;
  if (id === "") return label;
  if (kind === "search") {
    const readAs = id.split("+").map((part) => {
      const key = `audit.search.${part}`;
      return hasKey(key) ? t(key) : part;
    });
    return `${label} (${readAs.join(", ")})`;
  }
  return `${label} ${id}`;
}

/** Lower case without accents, for matching what people type. */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim().replace(/\s+/g, " ");
}

const RELATIONSHIPS = [
  "mother", "father", "sister", "brother", "older_sister", "older_brother", "grandmother", "grandfather",
  "aunt", "uncle", "cousin", "stepmother", "stepfather", "family_friend", "godmother", "godfather", "legal_guardian",
] as const;

/** The ways a relationship's English or Spanish name may be typed ("primo(a)": primo, prima). */
function spellings(text: string): string[] {
  const base = folded(text);
  if (!base.includes("o(a)")) return [base];
  return [base.replaceAll("o(a)", "o"), base.replaceAll("o(a)", "a")];
}

/**
 * A relationship typed in English or Spanish ("tía", "Aunt", "family friend") in the reader's
 * language; anything else exactly as it was typed.
 */
export function relationshipLabel(value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === "") return t("common.notRecorded");
  const typed = folded(value);
  for (const rel of RELATIONSHIPS) {
    const key = `relationship.${rel}` as const;
    const known = [en[key], es[key]].flatMap(spellings);
    if (known.includes(typed)) return t(key);
  }
  return value;
}

export function auditOutcomeLabel(outcome: string): string {
  const key = `audit.outcome.${outcome}`;
  return hasKey(key) ? t(key) : outcome;
}

/** A value from the backend that may be missing, or "Not recorded". */
export function orNotRecorded(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === "" ? t("common.notRecorded") : value;
}

/** A backend code translated through `prefix.code`, or the code itself when unknown. */
function coded(prefix: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === "") return t("common.notRecorded");
  const key = `${prefix}.${code}`;
  return hasKey(key) ? t(key) : code;
}

export const ntaLabel = (status: string | null | undefined) => coded("nta", status);
export const hearingKindLabel = (kind: string | null | undefined) => coded("hearing", kind);
/** The outcomes a hearing can have, in the order a case manager reads them. */
export const HEARING_OUTCOMES: readonly HearingOutcome[] = [
  "attended",
  "missed",
  "continued",
  "removal_ordered",
  "relief_granted",
  "terminated",
];
export function isHearingOutcome(value: string | null | undefined): value is HearingOutcome {
  return (HEARING_OUTCOMES as readonly (string | null | undefined)[]).includes(value);
}
/** A hearing's outcome, or "No outcome yet" when none is recorded. */
export function hearingOutcomeLabel(outcome: string | null | undefined): string {
  if (outcome === null || outcome === undefined || outcome === "") return t("hearing.outcome.none");
  return coded("hearing.outcome", outcome);
}
export const sexLabel = (sex: string | null | undefined) => coded("sex", sex);
export const categoryLabel = (category: string | null | undefined) => coded("category", category);
export const duplicateReasonLabel = (reason: string) => coded("dup.reason", reason);

export function yesNo(value: boolean): string {
  return value ? t("common.yes") : t("common.no");
}

/** "Given Family", skipping empty parts. */
export function fullName(given: string | null | undefined, family: string | null | undefined): string {
  return [given, family].filter((x) => x && x.trim() !== "").join(" ");
}

/** A whole number with the language's digit grouping (100,000 / 100.000). */
export function formatCount(n: number): string {
  try {
    return new Intl.NumberFormat(getLang()).format(n);
  } catch {
    return String(n);
  }
}

/** Parses YYYY-MM-DD as a local calendar date (no time zone shifts). */
export function parseIsoDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.slice(0, 10));
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `iso` moved by `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  date.setDate(date.getDate() + days);
  return isoDate(date);
}

/**
 * Beyond this many days from today a date shows its year, as does any date in another year
 * than today's: "Due Sat, Jan 2" read on 1 December could be either January.
 */
export const YEAR_SHOWN_BEYOND_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether `date` needs its year to be read right on `today`. */
export function needsYear(date: Date, today: Date): boolean {
  if (date.getFullYear() !== today.getFullYear()) return true;
  const midnight = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round(Math.abs(date.getTime() - midnight.getTime()) / DAY_MS) > YEAR_SHOWN_BEYOND_DAYS;
}

const SHORT_DAY: Intl.DateTimeFormatOptions = { weekday: "short", month: "short", day: "numeric" };

/**
 * A calendar date (YYYY-MM-DD) in the interface language, e.g. "Tue, Jun 3" / "mar, 3 jun",
 * with its year when it is in another year or more than a few months from `today`
 * ("Sat, Jan 2, 2027" / "sáb, 2 ene 2027"). A format without a month and day (a chart's
 * weekday letter) is left as asked. The raw text if unparsable.
 */
export function formatDay(iso: string, options: Intl.DateTimeFormatOptions = SHORT_DAY, today: Date = new Date()): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const withYear =
    options.year === undefined && options.month !== undefined && options.day !== undefined && needsYear(date, today)
      ? { ...options, year: "numeric" as const }
      : options;
  try {
    return new Intl.DateTimeFormat(getLang(), withYear).format(date);
  } catch {
    return iso;
  }
}

/** Today's date on this computer (not UTC) as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return isoDate(now);
}

/** An address as display lines: street, unit, "City, ST 12345"; empty when nothing is known. */
export function addressLines(a: AddressView | null | undefined): string[] {
  if (!a) return [];
  const cityLine = [a.city, [a.state, a.postal_code].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [a.line1, a.unit, cityLine].filter((x): x is string => !!x && x.trim() !== "");
}
