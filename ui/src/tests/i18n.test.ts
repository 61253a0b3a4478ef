import { describe, expect, it, vi } from "vitest";
import { en } from "../lib/i18n/en";
import { es } from "../lib/i18n/es";
import { getLang, initialLang, resetLang, setLang, STORAGE_KEY, t } from "../lib/i18n/index.svelte";

describe("catalogs", () => {
  it("have exactly the same keys", () => {
    const enKeys = Object.keys(en).sort();
    const esKeys = Object.keys(es).sort();
    expect(esKeys).toEqual(enKeys);
    expect(enKeys.length).toBeGreaterThan(50);
  });

  it("have no empty strings", () => {
    for (const [lang, catalog] of Object.entries({ en, es })) {
      for (const [key, value] of Object.entries(catalog)) {
        expect(typeof value, `${lang}:${key}`).toBe("string");
        expect(value.trim(), `${lang}:${key}`).not.toBe("");
      }
    }
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("translate every backend error kind", () => {
    const kinds = [
      "locked", "wrong_credentials", "vault_exists", "vault_missing", "key_slots_missing",
      "key_slots_corrupt", "database_corrupt", "permission_denied", "invalid_input",
      "not_found", "conflict", "internal",
    ];
    for (const kind of kinds) {
      expect(Object.keys(en)).toContain(`error.${kind}`);
    }
  });

  it("translate every casework key into Spanish", () => {
    const prefixes = ["nav.children", "nav.import", "nta.", "hearing.", "sex.", "category.", "dup.", "children.", "child.", "childForm.", "sponsor.", "sponsorForm.", "detail.", "import."];
    const keys = (Object.keys(en) as (keyof typeof en)[]).filter((k) => prefixes.some((p) => k.startsWith(p)));
    expect(keys.length).toBeGreaterThan(150);
    for (const key of keys) {
      expect(Object.keys(es), key).toContain(key);
      expect(es[key].trim(), key).not.toBe("");
    }
    // Most are really translated, not copied.
    const copied = keys.filter((k) => es[k] === en[k]);
    expect(copied.length).toBeLessThan(keys.length / 10);
    expect(es["nav.home"]).toBe("Cuenta");
    expect(es["dup.createAnyway"]).toBe("Crear de todos modos");
    expect(es["import.rejected"]).toContain("{count}");
  });

  it("are proper Spanish for the key words", () => {
    expect(es["field.passphrase"]).toBe("Contraseña");
    expect(es["unlock.submit"]).toBe("Iniciar sesión");
    expect(es["firstRun.title"]).toContain("bóveda");
  });
});

describe("t and the current language", () => {
  it("fills placeholders", () => {
    expect(t("home.welcome", { name: "Ana" })).toBe("Welcome, Ana");
    expect(t("validation.passphraseTooShort", { min: 12 })).toBe("The passphrase must have at least 12 characters.");
  });

  it("switches language and remembers it in localStorage", () => {
    setLang("es");
    expect(getLang()).toBe("es");
    expect(t("home.welcome", { name: "Ana" })).toBe("Bienvenido(a), Ana");
    expect(localStorage.getItem(STORAGE_KEY)).toBe("es");
    expect(document.documentElement.lang).toBe("es");
    resetLang();
    expect(getLang()).toBe("es");
  });

  it("defaults from navigator.language: es* is Spanish, anything else English", () => {
    const spy = vi.spyOn(navigator, "language", "get");
    spy.mockReturnValue("es-MX");
    expect(initialLang()).toBe("es");
    spy.mockReturnValue("fr-FR");
    expect(initialLang()).toBe("en");
    localStorage.setItem(STORAGE_KEY, "es");
    expect(initialLang()).toBe("es");
    localStorage.setItem(STORAGE_KEY, "de");
    expect(initialLang()).toBe("en");
    spy.mockRestore();
  });
});
