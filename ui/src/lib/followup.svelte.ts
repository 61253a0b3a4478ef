// Follow-up: call outcomes and statuses, red-flag kinds, and the shared dashboard counts (dates: format.ts).
import { commands, type CallOutcome, type Dashboard } from "./bindings";
import { call } from "./api";
import { hasKey, t } from "./i18n/index.svelte";

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
