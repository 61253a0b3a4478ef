// The court picker's filter: words, in any order, each the start of a word of the court's code,
// name, city or state; accents and case aside (as `Court::matches` in tether-core).
import type { CourtOption } from "./bindings";

/** Lower case without accents: "Hagåtña" → "hagatna". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
}

/** Whether every typed word starts a word of the court's code, name, city or state. */
export function courtMatches(court: CourtOption, filter: string): boolean {
  const haystack = words(`${court.code} ${court.name} ${court.city ?? ""} ${court.state ?? ""}`);
  return words(filter).every((typed) => haystack.some((w) => w.startsWith(typed)));
}

/** "Houston - Jefferson Street Immigration Court (HOU) — Houston, TX". */
export function courtLabel(court: CourtOption): string {
  const place = court.city && court.state ? ` — ${court.city}, ${court.state}` : "";
  return `${court.name} (${court.code})${place}`;
}
