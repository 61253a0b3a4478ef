// A case's history in the reader's language: one event of `childHistory` as a title, lines of
// facts, the words a person wrote (a note, a call's note) and, for a move, the addresses.
import type { AddressView, HistoryItem } from "./bindings";
import { callOutcomeLabel, flagKindLabel } from "./followup.svelte";
import { addressLines, formatDateTime, formatDay, hearingOutcomeLabel, ntaLabel, relationshipLabel } from "./format";
import { closureReasonLabel } from "./lifecycle";
import { hasKey, t, type MessageKey } from "./i18n/index.svelte";
import { factsFromKey, taskSummary } from "./tasks";
import { concernCategoryLabel, concernStateLabel, destinationLabel, pathwayLabel, reliefStatusLabel } from "./legal";

type Detail = Record<string, unknown>;

/** The event's `detail` (a JSON object as text); `{}` when it is not one. */
export function parseDetail(text: string | null | undefined): Detail {
  try {
    const value: unknown = JSON.parse(text ?? "");
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Detail) : {};
  } catch {
    return {};
  }
}

function str(d: Detail, key: string): string | null {
  const v = d[key];
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

function num(d: Detail, key: string): number | null {
  const v = d[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function obj(d: Detail, key: string): Detail | null {
  const v = d[key];
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Detail) : null;
}

function address(d: Detail, key: string): string[] {
  const a = obj(d, key);
  if (!a) return [];
  const view: AddressView = {
    line1: str(a, "line1"),
    unit: str(a, "unit"),
    city: str(a, "city"),
    state: str(a, "state"),
    postal_code: str(a, "postal_code"),
  };
  return addressLines(view);
}

/** A date (YYYY-MM-DD) or a date and time, in the interface language. */
function day(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, { year: "numeric", month: "short", day: "numeric" }) : formatDateTime(value);
}

function yesNo(value: unknown): string | null {
  if (value === true) return t("history.yes");
  if (value === false) return t("history.no");
  return null;
}

const ANSWERS = ["still_with_sponsor", "enrolled_in_school", "knows_court_date", "feels_safe"] as const;

/** Fields of a child's record under the labels the profile uses. */
const FIELD_ALIASES: Record<string, string> = {
  a_number_display: "a_number",
  primary_language_name: "primary_language",
};

function fieldLabel(field: string): string {
  const name = FIELD_ALIASES[field] ?? field;
  const key = `child.field.${name}`;
  return hasKey(key) ? t(key) : name.replaceAll("_", " ");
}

function documentLabel(document: string): string {
  const key = `print.doc.${document}`;
  return hasKey(key) ? t(key) : document;
}

function sponsorFieldLabel(field: string): string {
  const key = `history.sponsor.field.${field}`;
  return hasKey(key) ? t(key) : field.replaceAll("_", " ");
}

function strings(d: Detail, key: string): string[] {
  const v = d[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "") : [];
}

/** A value before or after a change, "(none)" when there was none. */
function orNone(value: string | null): string {
  return value ?? t("history.none");
}

/** `{ from, to }` of a link change; null when the detail has no such pair or nothing changed. */
function fromTo(d: Detail, key: string): { from: string | null; to: string | null } | null {
  const pair = obj(d, key);
  if (!pair) return null;
  const from = str(pair, "from");
  const to = str(pair, "to");
  return from === to ? null : { from, to };
}

/** A release file's changes to a case, one a line: "next_hearing: 2027-01-12 09:00 → 2027-02-03 09:00". */
export function importChangeLines(changes: unknown): string[] {
  if (!Array.isArray(changes)) return [];
  return changes
    .filter((c): c is Detail => typeof c === "object" && c !== null && !Array.isArray(c))
    .map((c) =>
      t("history.import.change", {
        field: str(c, "field") ?? "?",
        before: str(c, "before") ?? t("history.none"),
        after: str(c, "after") ?? t("history.none"),
      }),
    );
}

export type EventView = {
  title: string;
  /** Facts, one a line. */
  lines: string[];
  /** What a person wrote (a note, a call's note, what was done), shown as written. */
  text: string | null;
  /** A move: the address before and after (empty when none was on file). */
  move: { from: string[]; to: string[] } | null;
  /** Something to notice at once (a safety concern, a child who does not feel safe). */
  alert: boolean;
};

/** One history event for the timeline; never throws, whatever the detail holds. */
export function describeEvent(item: HistoryItem): EventView {
  const d = parseDetail(item.detail);
  const view: EventView = { title: item.kind, lines: [], text: null, move: null, alert: false };
  const titled = (key: MessageKey, params?: Record<string, string | number>) => (view.title = t(key, params));

  switch (item.kind) {
    case "call_logged": {
      const outcome = str(d, "outcome");
      titled("history.kind.call_logged", { outcome: outcome ? callOutcomeLabel(outcome) : t("common.notRecorded") });
      const offset = num(d, "offset_days");
      const attempt = num(d, "attempt");
      if (offset !== null && offset > 0) view.lines.push(t("history.call.dayAttempt", { day: offset, attempt: attempt ?? 1 }));
      else view.lines.push(t("history.call.outsideSchedule"));
      const at = str(d, "at");
      if (at) view.lines.push(str(d, "time_zone") ? t("history.call.at", { at, zone: str(d, "time_zone") ?? "" }) : at);
      const answers = obj(d, "answers") ?? {};
      const said: string[] = [];
      for (const q of ANSWERS) {
        const value = yesNo(answers[q]);
        if (value !== null) said.push(t(`history.answer.${q}`, { value }));
      }
      if (said.length > 0) view.lines.push(said.join(" · "));
      if (answers.new_address === true) view.lines.push(t("history.answer.new_address"));
      view.text = str(d, "note");
      view.alert = outcome === "safety_concern" || answers.feels_safe === false || answers.still_with_sponsor === false;
      break;
    }
    case "note_added":
      titled("history.kind.note_added");
      view.text = str(d, "text");
      break;
    case "task_done": {
      const kind = str(d, "kind") ?? "";
      // The detail names the reason and the days before a hearing; older events only the key.
      const fromKey = factsFromKey(kind, str(d, "key"), str(d, "summary"));
      const facts = { ...fromKey, reason: str(d, "reason") ?? fromKey.reason, daysBefore: num(d, "days_before") ?? fromKey.daysBefore };
      titled("history.kind.task_done", { summary: taskSummary(facts) });
      const on = str(d, "on");
      if (on) view.lines.push(t("history.task.on", { date: day(on) }));
      view.text = str(d, "note");
      break;
    }
    case "address_changed":
    case "address_confirmed": {
      titled(item.kind === "address_changed" ? "history.kind.address_changed" : "history.kind.address_confirmed");
      const on = str(d, "on");
      if (on) view.lines.push(t("history.address.on", { date: day(on) }));
      view.move = { from: address(d, "from"), to: address(d, "to") };
      break;
    }
    case "address_reported":
      titled("history.kind.address_reported");
      break;
    case "address_rejected": {
      titled("history.kind.address_rejected");
      const by = str(d, "reported_by");
      if (by) view.lines.push(t("history.address.reportedBy", { user: by }));
      const reported = address(d, "reported");
      if (reported.length > 0) view.lines.push(reported.join(", "));
      view.text = str(d, "reason");
      break;
    }
    case "nta_updated": {
      titled("history.kind.nta_updated", { status: ntaLabel(str(d, "status")) });
      const served = str(d, "served_on");
      if (served) view.lines.push(t("history.nta.servedOn", { date: day(served) }));
      break;
    }
    case "hearing_added": {
      titled("history.kind.hearing_added");
      const at = str(d, "at");
      if (at) view.lines.push(t("history.hearing.when", { at, court: str(d, "court") ?? t("common.notRecorded") }));
      break;
    }
    case "hearing_updated": {
      titled("history.kind.hearing_updated", { outcome: hearingOutcomeLabel(str(d, "outcome")) });
      const judge = str(d, "judge");
      if (judge) view.lines.push(t("history.hearing.judge", { judge }));
      view.alert = str(d, "outcome") === "missed";
      break;
    }
    case "proceedings_updated": {
      titled("history.kind.proceedings_updated");
      if (typeof d.attorney === "string") {
        view.lines.push(d.attorney.trim() === "" ? t("history.proceedings.attorneyCleared") : t("history.proceedings.attorney", { attorney: d.attorney.trim() }));
      }
      const acis = str(d, "acis_checked");
      if (acis) view.lines.push(t("history.proceedings.acis", { date: day(acis) }));
      break;
    }
    case "child_created": {
      titled("history.kind.child_created");
      const number = str(d, "case_number");
      if (number) view.lines.push(t("history.child.caseNumber", { case: number }));
      break;
    }
    case "child_imported":
      titled("history.kind.child_imported");
      break;
    case "child_updated": {
      titled("history.kind.child_updated");
      const fields = Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === "string") : [];
      const labels = [...new Set(fields.map(fieldLabel))];
      if (labels.length > 0) view.lines.push(t("history.child.fields", { fields: labels.join(", ") }));
      break;
    }
    case "flag_acknowledged": {
      const kind = str(d, "kind");
      titled("history.kind.flag_acknowledged", { flag: kind ? flagKindLabel(kind) : t("common.notRecorded") });
      view.text = str(d, "note");
      break;
    }
    case "document_printed": {
      const document = str(d, "document");
      titled("history.kind.document_printed", { document: document ? documentLabel(document) : t("common.notRecorded") });
      break;
    }
    case "child_closed": {
      titled("history.kind.child_closed", { reason: closureReasonLabel(str(d, "reason")) });
      const on = str(d, "on");
      if (on) view.lines.push(t("history.closed.on", { date: day(on) }));
      view.text = str(d, "note");
      break;
    }
    case "child_reopened": {
      titled("history.kind.child_reopened");
      const was = str(d, "was_closed_as");
      if (was) view.lines.push(t("history.reopened.was", { reason: closureReasonLabel(was) }));
      view.text = str(d, "note");
      break;
    }
    case "child_voided":
      titled("history.kind.child_voided");
      view.text = str(d, "reason");
      break;
    case "child_merged": {
      titled("history.kind.child_merged", { merged: str(d, "merged") ?? "?", kept: str(d, "kept") ?? "?" });
      const calls = num(d, "calls_moved");
      const hearings = num(d, "hearings_moved");
      if (calls !== null || hearings !== null) view.lines.push(t("history.merged.moved", { calls: calls ?? 0, hearings: hearings ?? 0 }));
      const filled = [...new Set(strings(d, "filled").map(fieldLabel))];
      if (filled.length > 0) view.lines.push(t("history.merged.filled", { fields: filled.join(", ") }));
      break;
    }
    case "child_assigned": {
      titled("history.kind.child_assigned", { user: str(d, "to") ?? t("lifecycle.nobody") });
      const from = str(d, "from");
      view.lines.push(t("history.assigned.from", { user: from ?? t("lifecycle.nobody") }));
      break;
    }
    case "sponsor_linked": {
      titled("history.kind.sponsor_linked");
      if (fromTo(d, "sponsor")) view.lines.push(t("history.link.sponsor"));
      const category = fromTo(d, "category");
      if (category) view.lines.push(t("history.link.category", { from: orNone(category.from), to: orNone(category.to) }));
      const relationship = fromTo(d, "relationship");
      if (relationship) {
        view.lines.push(
          t("history.link.relationship", {
            from: relationship.from ? relationshipLabel(relationship.from) : t("history.none"),
            to: relationship.to ? relationshipLabel(relationship.to) : t("history.none"),
          }),
        );
      }
      break;
    }
    case "sponsor_updated": {
      titled("history.kind.sponsor_updated");
      const fields = strings(d, "fields").map(sponsorFieldLabel);
      if (fields.length > 0) view.lines.push(t("history.sponsor.fields", { fields: fields.join(", ") }));
      break;
    }
    case "sponsor_merged": {
      titled("history.kind.sponsor_merged");
      const moved = num(d, "children_moved");
      if (moved !== null) view.lines.push(t("history.sponsorMerged.moved", { count: moved }));
      break;
    }
    case "phone_not_working":
      titled("history.kind.phone_not_working", { phone: str(d, "phone") ?? t("common.notRecorded") });
      break;
    case "import_updated":
      titled("history.kind.import_updated");
      view.lines.push(...importChangeLines(d.changes));
      break;
    case "relief_updated": {
      titled("history.kind.relief_updated", {
        pathway: pathwayLabel(str(d, "pathway") ?? "?"),
        status: reliefStatusLabel(str(d, "status") ?? "?"),
      });
      const on = str(d, "on");
      if (on) view.lines.push(t("history.relief.on", { date: day(on) }));
      const state = str(d, "state");
      if (state) view.lines.push(t("history.relief.state", { state }));
      break;
    }
    case "in_absentia_recorded": {
      titled("history.kind.in_absentia_recorded");
      // The order as the backend keeps it: a word for none, or an object (maybe tagged) with `on`.
      const order = d.order;
      const entered = typeof order === "object" && order !== null && !Array.isArray(order) ? (order as Detail) : null;
      const inner = entered ? (str(entered, "on") ? entered : (Object.values(entered).find((v) => typeof v === "object" && v !== null) as Detail | undefined) ?? null) : null;
      const on = inner ? str(inner, "on") : null;
      view.lines.push(on ? t("history.inAbsentia.on", { date: day(on) }) : t("history.inAbsentia.none"));
      view.alert = on !== null;
      break;
    }
    case "concern_opened": {
      const id = num(d, "concern_id") ?? "?";
      titled("history.kind.concern_opened", { id, category: concernCategoryLabel(str(d, "category") ?? "other") });
      const call = num(d, "call_id");
      if (call !== null) view.lines.push(t("history.concern.fromCall", { id: call }));
      view.alert = true;
      break;
    }
    case "concern_submitted":
    case "concern_approved":
    case "concern_returned":
    case "concern_reported":
    case "concern_closed": {
      titled(`history.kind.${item.kind}`, { id: num(d, "concern_id") ?? "?" });
      if (item.kind === "concern_reported") {
        view.lines.push(
          t("history.concern.reported", {
            destination: str(d, "to") ? destinationLabel(str(d, "to") ?? "") : t("common.notRecorded"),
            date: str(d, "on") ? day(str(d, "on") ?? "") : t("common.notRecorded"),
            reference: str(d, "reference") ?? t("common.notRecorded"),
          }),
        );
      }
      const state = str(d, "state");
      if (state && item.kind !== "concern_reported") view.lines.push(concernStateLabel(state));
      view.text = str(d, "note");
      break;
    }
    case "reminder_prepared": {
      const lang = str(d, "lang");
      titled("history.kind.reminder_prepared", { lang: lang === "es" || lang === "en" ? t(`lang.${lang}`) : (lang ?? "?") });
      const length = num(d, "length");
      const at = str(d, "hearing_at");
      if (length !== null) view.lines.push(t("history.reminder.length", { length, at: at ?? t("common.notRecorded") }));
      break;
    }
    default:
      // A kind this window does not know yet: shown as it came, never dropped.
      view.title = item.kind || "?";
  }
  return view;
}
