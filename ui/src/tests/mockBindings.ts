// Shared fake of the tauri-specta bindings for component tests (used from vi.mock factories).
import type {
  AppError,
  ChildDetail,
  ChildSummary,
  CourtOption,
  FieldError,
  LanguageOption,
  SessionInfo,
  SponsorDetail,
} from "../lib/bindings";

export const ok = <T>(data: T) => ({ status: "ok" as const, data });
export const err = (kind: AppError["kind"], message = "", field: string | null = null, fields: FieldError[] = []) => ({
  status: "error" as const,
  error: { kind, message, field, fields } satisfies AppError,
});
/** An `invalid_input` naming several fields, as the casework commands return it. */
export const fieldsErr = (fields: FieldError[], message = "some fields are not valid") =>
  err("invalid_input", message, null, fields);

export const admin: SessionInfo = { user_name: "Maria", role: "admin", auto_lock_minutes: 15 };
export const caseManager: SessionInfo = { user_name: "ana", role: "case_manager", auto_lock_minutes: 15 };
export const volunteer: SessionInfo = { user_name: "jose", role: "volunteer", auto_lock_minutes: 15 };

/** The n-th child of a long list: case numbers 2025-00001, 2025-00002, … */
export function summary(n: number, overrides: Partial<ChildSummary> = {}): ChildSummary {
  return {
    id: n,
    case_number: `2025-${String(n).padStart(5, "0")}`,
    given_name: `Child${n}`,
    family_name: "López",
    primary_language: "mam",
    release_date: "2025-03-01",
    sponsor_name: "Rosa López",
    nta_status: "not_served",
    ...overrides,
  };
}

/** A fake `listChildren` over `total` generated children. */
export function pagedChildren(total: number) {
  return async (offset: number, limit: number) => {
    const end = Math.min(total, offset + limit);
    const items: ChildSummary[] = [];
    for (let i = offset; i < end; i++) items.push(summary(i + 1));
    return ok({ total, items });
  };
}

export const languages: LanguageOption[] = [
  { code: "spa", name_en: "Spanish", name_es: "Español" },
  { code: "mam", name_en: "Mam", name_es: "Mam" },
  { code: "quc", name_en: "K'iche'", name_es: "K'iche'" },
  { code: "eng", name_en: "English", name_es: "Inglés" },
];

export const courtOptions: CourtOption[] = [
  { code: "HOU", name: "Houston Immigration Court", time_zone: "America/Chicago" },
  { code: "LOS", name: "Los Angeles Immigration Court", time_zone: "America/Los_Angeles" },
];

export const sponsor: SponsorDetail = {
  id: 7,
  given_name: "Rosa",
  family_name: "López",
  category: "2A",
  phones: ["+17135550100"],
  address: { line1: "12 Main St", unit: null, city: "Houston", state: "TX", postal_code: "77002" },
  address_incomplete: null,
  time_zone: "America/Chicago",
  children: [summary(1), summary(2, { given_name: "Luis" })],
  address_history: [],
};

export function childDetail(overrides: Partial<ChildDetail> = {}): ChildDetail {
  return {
    id: 1,
    case_number: "2025-00001",
    given_name: "Ana",
    family_name: "López",
    aliases: ["Anita"],
    birth_date: "2010-05-31",
    sex: "female",
    a_number: "A123456789",
    a_number_display: "A123-456-789",
    country_of_birth: "Guatemala",
    primary_language: "mam",
    primary_language_name: "Mam",
    interpreter_needed: true,
    release_date: "2025-03-01",
    orr_program: "Casa Esperanza",
    relationship: "aunt",
    notes: "",
    sponsor,
    nta_status: "served",
    nta_served_on: "2025-03-10",
    court: { code: "HOU", name: "Houston Immigration Court", address: ["600 Jefferson St"], time_zone: "America/Chicago" },
    hearings: [
      {
        id: 3,
        at: "2025-09-15 09:00",
        court_code: "HOU",
        court_name: "Houston Immigration Court",
        time_zone: "America/Chicago",
        kind: "master",
        judge: null,
        outcome: null,
      },
    ],
    attorney: null,
    last_acis_check: null,
    ...overrides,
  };
}

/** What a volunteer gets: no A-Number, no court, no address, no attorney or ACIS check (the backend redacts). */
export function redactedChildDetail(): ChildDetail {
  const c = childDetail({ family_name: "L.", birth_date: "2010", court: null, hearings: [] });
  const partial = c as Partial<ChildDetail>;
  delete partial.a_number;
  delete partial.a_number_display;
  delete partial.attorney;
  delete partial.last_acis_check;
  return { ...c, sponsor: { ...sponsor, address: null, address_history: [] } };
}
