// Follow-up tasks in the reader's language: kinds, escalation reasons and a one-line summary
// built from the task's kind, reason and attempt (the backend's `summary` is English only).
import { hasKey, t } from "./i18n/index.svelte";

/** The task kinds the rules make, in the order the filter lists them. */
export const TASK_KINDS = [
  "swb_call",
  "escalation",
  "hearing_reminder",
  "hearing_notice",
  "acis_check",
  "eoir33",
  "age_out",
  "find_phone",
  "legal_deadline",
  "legal_step",
  "concern_submit",
  "concern_report",
] as const;
export type TaskKindName = (typeof TASK_KINDS)[number];

export function isTaskKind(kind: string): kind is TaskKindName {
  return (TASK_KINDS as readonly string[]).includes(kind);
}

/** "Escalation", "ACIS check", …; an unknown kind as it came, underscores as spaces. */
export function taskKindLabel(kind: string): string {
  const key = `tasks.kind.${kind}`;
  return hasKey(key) ? t(key) : kind.replaceAll("_", " ");
}

/** Why a case was escalated: `not_safe`, `not_with_sponsor`, `safety_concern`, `unreached`. */
export function escalationReasonLabel(reason: string | null | undefined): string {
  if (!reason) return t("tasks.kind.escalation");
  const key = `tasks.reason.${reason}`;
  return hasKey(key) ? t(key) : reason.replaceAll("_", " ");
}

export type TaskFacts = {
  kind: string;
  reason?: string | null;
  attempt?: number | null;
  /** A hearing reminder: how many days before the hearing. */
  daysBefore?: number | null;
  /** The backend's English summary: the last resort for a kind this window does not know. */
  fallback?: string | null;
  /** A legal deadline: the rule it comes from (`sijs_i360_age`, …), when known. */
  rule?: string | null;
  /** A concern report's number, when known. */
  concernId?: number | null;
};

/** A legal deadline's last day, from the English summary ("… (last day 2027-03-01)"). */
function lastDay(summary: string | null | undefined): string | null {
  return /last day (\d{4}-\d{2}-\d{2})/.exec(summary ?? "")?.[1] ?? null;
}

/** A concern report's number, from the English summary ("… concern report #12 …"). */
function concernNumber(task: TaskFacts): number | null {
  if (task.concernId != null) return task.concernId;
  const m = /#(\d+)/.exec(task.fallback ?? "");
  return m ? Number(m[1]) : null;
}

/** The task in a line, in the interface language. */
export function taskSummary(task: TaskFacts): string {
  switch (task.kind) {
    case "swb_call":
      return task.attempt != null ? t("tasks.summary.swb_call", { attempt: task.attempt }) : t("tasks.kind.swb_call");
    case "escalation":
      return t("tasks.summary.escalation", { reason: escalationReasonLabel(task.reason) });
    case "hearing_reminder":
      return task.daysBefore != null ? t("tasks.summary.hearing_reminder", { days: task.daysBefore }) : t("tasks.summary.hearing_reminderAny");
    case "hearing_notice":
      return t("tasks.summary.hearing_notice");
    case "acis_check":
      return t("tasks.summary.acis_check");
    case "eoir33":
      return t("tasks.summary.eoir33");
    case "age_out":
      if (task.daysBefore === 0) return t("tasks.summary.age_outTurned");
      return task.daysBefore != null ? t("tasks.summary.age_out", { days: task.daysBefore }) : t("tasks.summary.age_outAny");
    case "find_phone":
      return t("tasks.summary.find_phone");
    case "legal_deadline": {
      const date = lastDay(task.fallback);
      if (!date) return t("tasks.summary.legal_deadlineAny");
      const ruleKey = `legal.rule.${task.rule ?? ""}`;
      return task.rule && hasKey(ruleKey)
        ? t("tasks.summary.legal_deadlineRule", { rule: t(ruleKey), date })
        : t("tasks.summary.legal_deadline", { date });
    }
    case "legal_step":
      return t("tasks.summary.legal_step");
    case "concern_submit":
    case "concern_report": {
      const id = concernNumber(task);
      return id === null ? t("tasks.summary.concernAny") : t(`tasks.summary.${task.kind}`, { id });
    }
    default:
      return task.fallback?.trim() || taskKindLabel(task.kind);
  }
}

/**
 * The number of days a hearing reminder comes before the hearing. The task carries it only in
 * its English summary ("… the hearing is in 7 day(s)"): the digits are read, not the words.
 */
export function reminderDays(summary: string | null | undefined): number | null {
  const m = /(\d+)\s*day/.exec(summary ?? "");
  return m ? Number(m[1]) : null;
}

/**
 * The days before the 18th birthday of an age-out task: 90, 30, or 0 once the child is 18. The
 * task's `days_before` when the backend sends it, else read from its English summary ("… in 90
 * days", "Turned 18: …").
 */
export function ageOutDays(daysBefore: number | null | undefined, summary: string | null | undefined): number | null {
  if (daysBefore !== null && daysBefore !== undefined) return daysBefore;
  const text = summary ?? "";
  const m = /in\s+(\d+)\s*day/i.exec(text);
  if (m) return Number(m[1]);
  return /turned\s+18/i.test(text) ? 0 : null;
}

/**
 * What a task's stable key says (`escalation:17:30:not_safe`, `hearing:17:5:7`,
 * `swb:17:30:2`): the reason, the days before a hearing, the attempt. For tasks in the history.
 */
export function factsFromKey(kind: string, key: string | null | undefined, fallback: string | null | undefined): TaskFacts {
  const parts = (key ?? "").split(":");
  const last = parts.length >= 4 ? parts[parts.length - 1] : "";
  const n = /^\d+$/.test(last) ? Number(last) : null;
  switch (kind) {
    case "escalation":
      return { kind, reason: last || null, fallback };
    case "hearing_reminder":
      return { kind, daysBefore: n ?? reminderDays(fallback), fallback };
    case "swb_call":
      return { kind, attempt: n, fallback };
    case "age_out": {
      // `ageout:17:90`: the days before the birthday are the last part.
      const days = parts.length >= 3 && /^\d+$/.test(parts[parts.length - 1]) ? Number(parts[parts.length - 1]) : null;
      return { kind, daysBefore: ageOutDays(days, fallback), fallback };
    }
    case "legal_deadline":
      // `legal:{rule}:{child}:{tail}:remind:{days}`.
      return { kind, rule: parts[0] === "legal" && parts.length > 1 ? parts[1] : null, fallback };
    case "concern_submit":
    case "concern_report":
      // `concern:submit:{id}`, `concern:report:{id}`.
      return { kind, concernId: n ?? (/^\d+$/.test(parts[2] ?? "") ? Number(parts[2]) : null), fallback };
    default:
      return { kind, fallback };
  }
}
