import { getLang, hasKey, t } from "./i18n/index.svelte";
import type { Role } from "./bindings";

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

export function auditOutcomeLabel(outcome: string): string {
  const key = `audit.outcome.${outcome}`;
  return hasKey(key) ? t(key) : outcome;
}
