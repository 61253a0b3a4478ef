// Reference lists that rarely change (languages, courts), loaded once per session and shared.
import { commands, type CountryOption, type CourtOption, type LanguageOption } from "./bindings";
import { getLang } from "./i18n/index.svelte";

const lists = $state<{ languages: LanguageOption[]; courts: CourtOption[]; countries: CountryOption[] }>({
  languages: [],
  courts: [],
  countries: [],
});
let languagesLoad: Promise<LanguageOption[]> | null = null;
let courtsLoad: Promise<CourtOption[]> | null = null;
let countriesLoad: Promise<CountryOption[]> | null = null;

/** The countries (ISO 3166-1) with English and Spanish names, loaded on first use. */
export function loadCountries(): Promise<CountryOption[]> {
  countriesLoad ??= Promise.resolve()
    .then(() => commands.listCountries())
    .then((items) => {
      lists.countries = Array.isArray(items) ? items : [];
      return lists.countries;
    })
    .catch(() => {
      countriesLoad = null;
      return [];
    });
  return countriesLoad;
}

/** A country code's name in the interface language ("GT" → "Guatemala"), or the code if unknown. */
export function countryName(code: string | null | undefined): string | null {
  if (!code) return null;
  const option = lists.countries.find((x) => x.code === code.toUpperCase());
  if (!option) return code;
  return getLang() === "es" ? option.name_es : option.name_en;
}

/** The languages, loaded on first use; an empty list if the backend cannot answer. */
export function loadLanguages(): Promise<LanguageOption[]> {
  languagesLoad ??= Promise.resolve()
    .then(() => commands.listLanguages())
    .then((items) => {
      lists.languages = Array.isArray(items) ? items : [];
      return lists.languages;
    })
    .catch(() => {
      languagesLoad = null;
      return [];
    });
  return languagesLoad;
}

/** The immigration courts, loaded on first use; an empty list if the backend cannot answer. */
export function loadCourts(): Promise<CourtOption[]> {
  courtsLoad ??= Promise.resolve()
    .then(() => commands.listCourts())
    .then((items) => {
      lists.courts = Array.isArray(items) ? items : [];
      return lists.courts;
    })
    .catch(() => {
      courtsLoad = null;
      return [];
    });
  return courtsLoad;
}

export function languages(): LanguageOption[] {
  return lists.languages;
}

export function courts(): CourtOption[] {
  return lists.courts;
}

/** A language's name in the interface language. */
export function languageOptionName(option: LanguageOption): string {
  return getLang() === "es" ? option.name_es : option.name_en;
}

/** The name of a language code in the interface language, or the code if it is not known. */
export function languageName(code: string | null | undefined): string | null {
  if (!code) return null;
  const option = lists.languages.find((x) => x.code === code);
  return option ? languageOptionName(option) : code;
}

/** Forgets the loaded lists (tests, and after signing out). */
export function resetReference(): void {
  lists.languages = [];
  lists.courts = [];
  lists.countries = [];
  languagesLoad = null;
  courtsLoad = null;
  countriesLoad = null;
}
