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
/** Whether the open-flag count is still being worked out. */
let flagsPending = $state(false);

export function dashboardCounts(): Dashboard | null {
  return state.dashboard;
}

/**
 * Fetches the counts again; on failure keeps nothing stale and returns the error. The open red
 * flags follow on their own (`open_flag_count` raises every flag, the one slow count at a large
 * caseload): the other counts show first, with the flag card's last count (or "counting") until
 * it arrives. Resolves once the counts are in, not waiting for the flags.
 */
export async function refreshDashboard(on: string | null = null) {
  const mine = ++seq;
  const result = await call(() => commands.dashboard(on));
  if (mine !== seq) return result;
  if (result.status !== "ok") {
    state.dashboard = null;
    return result;
  }
  const known = state.dashboard?.open_flags ?? null;
  state.dashboard = { ...result.data, open_flags: known };
  flagsPending = true;
  void countFlags(mine);
  return result;
}

export function flagCountPending(): boolean {
  return flagsPending;
}

async function countFlags(mine: number) {
  const result = await call(() => commands.openFlagCount());
  if (mine !== seq) return;
  flagsPending = false;
  if (state.dashboard) {
    // A failure leaves the card without a number rather than a stale one.
    state.dashboard = { ...state.dashboard, open_flags: result.status === "ok" ? result.data : null };
  }
}

export function resetDashboard(): void {
  seq += 1;
  flagsPending = false;
  state.dashboard = null;
}
