// Translation: a reactive current language and `t(key, params)`.
import { en, type MessageKey } from "./en";
import { es } from "./es";

export type Lang = "en" | "es";
export type { MessageKey };

export const LANGS: readonly Lang[] = ["en", "es"];
export const STORAGE_KEY = "tether.lang";

export const catalogs: Record<Lang, Record<MessageKey, string>> = { en, es };

function isLang(value: unknown): value is Lang {
  return value === "en" || value === "es";
}

/** The language to start with: the stored choice, else the system's (es* → es), else English. */
export function initialLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage may be unavailable; fall through to the system language.
  }
  const nav = globalThis.navigator?.language ?? "";
  return nav.toLowerCase().startsWith("es") ? "es" : "en";
}

const state = $state<{ lang: Lang }>({ lang: initialLang() });

function applyDocumentLang(lang: Lang) {
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}
applyDocumentLang(state.lang);

export function getLang(): Lang {
  return state.lang;
}

export function setLang(lang: Lang): void {
  if (!isLang(lang)) return;
  state.lang = lang;
  applyDocumentLang(lang);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not fatal: the choice just won't survive a restart.
  }
}

/** Re-reads the stored or system language (used by tests). */
export function resetLang(): void {
  state.lang = initialLang();
  applyDocumentLang(state.lang);
}

export type Params = Record<string, string | number>;

/** The current language's text for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Params): string {
  const text = catalogs[state.lang][key] ?? en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether `key` names a message (for keys built from backend values, e.g. audit actions). */
export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
