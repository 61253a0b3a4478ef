// Follow-up: call outcomes and statuses, red-flag kinds, dates, and the shared dashboard counts.
import { commands, type CallOutcome, type Dashboard } from "./bindings";
import { call } from "./api";
import { getLang, hasKey, t } from "./i18n/index.svelte";

export const CALL_OUTCOMES: readonly CallOutcome[] = [
  "reached_child",
  "reached_sponsor",
  "no_answer",
  "voicemail",
  "wrong_number",
  "refused",
  "safety_concern",
];

function coded(prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return hasKey(key) ? t(key) : code.replaceAll("_", " ");
}

export const callOutcomeLabel = (outcome: string) => coded("callOutcome", outcome);
export const callStatusLabel = (status: string) => coded("callStatus", status);
export const flagKindLabel = (kind: string) => coded("flags.kind", kind);

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

/** A calendar date (YYYY-MM-DD) in the interface language, e.g. "Tue, Jun 3"; the raw text if unparsable. */
export function formatDay(iso: string, options: Intl.DateTimeFormatOptions = { weekday: "short", month: "short", day: "numeric" }): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  try {
    return new Intl.DateTimeFormat(getLang(), options).format(date);
  } catch {
    return iso;
  }
}

/** Dashboard counts shared by the dashboard and the call queue (refreshed after a call is logged). */
const state = $state<{ dashboard: Dashboard | null }>({ dashboard: null });
let seq = 0;

export function dashboardCounts(): Dashboard | null {
  return state.dashboard;
}

/** Fetches the counts again; on failure keeps nothing stale and returns the error. */
export async function refreshDashboard(on: string | null = null) {
  const mine = ++seq;
  const result = await call(() => commands.dashboard(on));
  if (mine !== seq) return result;
  state.dashboard = result.status === "ok" ? result.data : null;
  return result;
}

export function resetDashboard(): void {
  seq += 1;
  state.dashboard = null;
}
