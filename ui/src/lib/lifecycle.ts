// A case's lifecycle in the reader's language: its status (open, closed with the reason and the
// day, voided, merged), the reasons a case is closed, ages, and who may void a record.
import type { ChildDetail, ChildSummary, SessionInfo } from "./bindings";
import { hasKey, t } from "./i18n/index.svelte";
import { sameUser } from "./validation";

/** Why a case closes, in the order the Close dialog lists them (`other` needs a note). */
export const CLOSURE_REASONS = [
  "turned_18",
  "moved_out_of_area",
  "transferred",
  "relief_granted",
  "removed_or_departed",
  "lost_contact",
  "declined_services",
  "other",
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** The three ways the Children list can be filtered by status (the backend's `status` argument). */
export const STATUS_FILTERS = ["open", "closed", "all"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** "Turned 18", "Lost contact", …; an unknown reason as it came, underscores as spaces. */
export function closureReasonLabel(reason: string | null | undefined): string {
  if (!reason) return t("common.notRecorded");
  const key = `closure.${reason}`;
  return hasKey(key) ? t(key) : reason.replaceAll("_", " ");
}

/** "Open", "Closed", "Voided", "Merged"; an unknown status as it came. */
export function statusLabel(status: string | null | undefined): string {
  if (!status) return t("status.open");
  const key = `status.${status}`;
  return hasKey(key) ? t(key) : status;
}

/** The status in a line: "Closed on 2025-06-01: Turned 18", "Voided: entered twice", "Open". */
export function statusText(child: Pick<ChildDetail, "status" | "closed_reason" | "closed_on" | "void_reason">): string {
  switch (child.status) {
    case "closed":
      return child.closed_on
        ? t("status.closedOn", { date: child.closed_on, reason: closureReasonLabel(child.closed_reason) })
        : t("status.closedBecause", { reason: closureReasonLabel(child.closed_reason) });
    case "voided":
      return child.void_reason ? t("status.voidedBecause", { reason: child.void_reason }) : t("status.voided");
    default:
      return statusLabel(child.status);
  }
}

/** A list row's status: "Open", or "Closed: Turned 18". */
export function summaryStatusText(child: Pick<ChildSummary, "status" | "closed_reason">): string {
  return child.status === "closed" ? t("status.closedBecause", { reason: closureReasonLabel(child.closed_reason) }) : statusLabel(child.status);
}

/** "15 years old", or "Not recorded" when the birth date is unknown (or withheld). */
export function ageText(age: number | null | undefined): string {
  return age === null || age === undefined ? t("common.notRecorded") : t("age.years", { age });
}

/** Voiding is for admins and for the person who entered the record (the backend refuses others). */
export function canVoid(session: SessionInfo, child: Pick<ChildDetail, "created_by">): boolean {
  if (session.role === "admin") return true;
  if (session.role === "volunteer") return false;
  return child.created_by !== null && child.created_by !== undefined && sameUser(child.created_by, session.user_name);
}
