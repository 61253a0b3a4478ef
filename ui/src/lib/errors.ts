// Turning backend errors into what a person reads. Never shows raw JSON.
import type { AppError, ErrorKind, FieldError } from "./bindings";
import { hasKey, t, type MessageKey } from "./i18n/index.svelte";

const KINDS: readonly ErrorKind[] = [
  "locked",
  "wrong_credentials",
  "vault_exists",
  "vault_missing",
  "key_slots_missing",
  "key_slots_corrupt",
  "database_corrupt",
  "permission_denied",
  "invalid_input",
  "not_found",
  "conflict",
  "internal",
];

/** Kinds where the backend's message helps (e.g. which file is damaged); others speak for themselves. */
const DETAIL_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  "key_slots_missing",
  "key_slots_corrupt",
  "database_corrupt",
  "invalid_input",
  "not_found",
  "conflict",
  "internal",
]);

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === "string" &&
    (KINDS as readonly string[]).includes((value as { kind: string }).kind)
  );
}

/** Anything thrown or returned by a command, as an AppError. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) {
    return {
      kind: value.kind,
      message: typeof value.message === "string" ? value.message : "",
      field: typeof value.field === "string" ? value.field : null,
      fields: toFieldErrors((value as { fields?: unknown }).fields),
      code: typeof value.code === "string" ? value.code : null,
      params: toParams((value as { params?: unknown }).params),
    };
  }
  const message = value instanceof Error ? value.message : typeof value === "string" ? value : "";
  return { kind: "internal", message, field: null, fields: [], code: null, params: {} };
}

/** The string-valued entries of a backend `params` map (older backends send none). */
function toParams(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** The well-formed entries of a backend `fields` list (older backends send none, or no codes). */
function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (x): x is FieldError =>
        typeof x === "object" && x !== null && typeof x.field === "string" && typeof x.message === "string",
    )
    .map((x) => ({
      field: x.field,
      message: x.message,
      code: typeof x.code === "string" ? x.code : "",
      params: toParams(x.params),
    }));
}

/**
 * A backend field error (or import row error) in the reader's language: the `fieldError.<code>`
 * message with its params, or the backend's English `fallback` when the code has no translation
 * (an older backend, or a code added without one).
 */
export function fieldErrorText(
  code: string | null | undefined,
  params: Partial<Record<string, string>> | null | undefined,
  fallback: string,
): string {
  const key = code ? `fieldError.${code}` : "";
  if (key && hasKey(key)) {
    const filled: Record<string, string> = {};
    for (const [name, value] of Object.entries(params ?? {})) if (value !== undefined) filled[name] = value;
    return t(key, filled);
  }
  return fallback.trim() || kindText("invalid_input");
}

/** The translated sentence for an error kind. */
export function kindText(kind: ErrorKind): string {
  return t(`error.${kind}` as MessageKey);
}

export type FormError = { text: string; detail: string | null };

/** A form-level error: the translated kind, and the backend's message as detail where it helps. */
export function formError(err: AppError): FormError {
  if (err.code && hasKey(`errorCode.${err.code}`)) {
    // An error the backend names by code (the same hearing twice, no PDF viewer): what happened
    // and what to do, in the reader's language; the English detail is not shown.
    return { text: t(`errorCode.${err.code}` as MessageKey, err.params), detail: null };
  }
  if (err.kind === "invalid_input" && err.code && hasKey(`fieldError.${err.code}`)) {
    // A coded field error shown form-level: translate it, naming the field it is about.
    const text = fieldErrorText(err.code, err.params, err.message);
    return { text: kindText(err.kind), detail: err.field ? `${err.field}: ${text}` : text };
  }
  const detail = DETAIL_KINDS.has(err.kind) && err.message.trim() !== "" ? err.message : null;
  return { text: kindText(err.kind), detail };
}

/**
 * Splits an error between the form's fields and the form itself: an `invalid_input` that names one
 * of `fields` goes inline on that field, anything else is form-level.
 */
export function routeError(
  err: AppError,
  fields: readonly string[],
): { field: string; message: string } | { form: FormError } {
  if (err.kind === "invalid_input" && err.field && fields.includes(err.field)) {
    return { field: err.field, message: fieldErrorText(err.code, err.params, err.message) };
  }
  return { form: formError(err) };
}

/**
 * Splits an error with possibly many field errors: every `invalid_input` entry (in `fields`, or
 * the single `field`) that names one of `known` goes inline; the rest becomes a form-level error.
 */
export function routeFieldErrors(
  err: AppError,
  known: readonly string[],
): { fields: Record<string, string>; form: FormError | null } {
  if (err.kind !== "invalid_input") return { fields: {}, form: formError(err) };
  const entries: FieldError[] = [...(err.fields ?? [])];
  if (entries.length === 0 && err.field) {
    entries.push({ field: err.field, message: err.message, code: err.code ?? "", params: err.params ?? {} });
  }
  const fields: Record<string, string> = {};
  const leftover: string[] = [];
  for (const entry of entries) {
    const message = fieldErrorText(entry.code, entry.params, entry.message);
    if (known.includes(entry.field)) {
      // Keep the first message for a field; later ones are usually consequences of it.
      fields[entry.field] ??= message;
    } else {
      leftover.push(entry.field ? `${entry.field}: ${message}` : message);
    }
  }
  if (entries.length === 0) return { fields, form: formError(err) };
  const form = leftover.length > 0 ? { text: kindText("invalid_input"), detail: leftover.join("; ") } : null;
  return { fields, form };
}
