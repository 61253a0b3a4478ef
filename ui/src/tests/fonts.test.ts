// The bundled typeface (src/fonts.css): its files exist and its subsets cover every letter the
// app shows, so no word is drawn half in Noto Sans and half in whatever the machine has.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../lib/i18n/en";
import { es } from "../lib/i18n/es";

// Vitest runs in ui/ (jsdom gives import.meta.url no file: scheme).
const src = (name: string) => resolve(process.cwd(), "src", name);
const nodeModules = resolve(process.cwd(), "node_modules") + "/";

type Face = { family: string; weight: number; url: string; ranges: [number, number][] };

function faces(css: string): Face[] {
  return Array.from(css.matchAll(/@font-face\s*\{([^}]*)\}/g), ([, body]) => {
    const get = (prop: string) => body.match(new RegExp(`${prop}:\\s*([^;]+);`))?.[1].trim() ?? "";
    const ranges = get("unicode-range")
      .split(",")
      .map((r) => r.trim().replace(/^U\+/i, "").split("-"))
      .map(([lo, hi]) => [parseInt(lo, 16), parseInt(hi ?? lo, 16)] as [number, number]);
    return {
      family: get("font-family").replace(/"/g, ""),
      weight: Number(get("font-weight")),
      url: get("src").match(/url\("([^"]+)"\)/)?.[1] ?? "",
      ranges,
    };
  });
}

const all = faces(readFileSync(src("fonts.css"), "utf8"));
const WEIGHTS = [400, 600, 700];
/** Symbols Noto Sans does not have; they come from the machine's sans-serif. */
const SYSTEM_SYMBOLS = new Set(["⚠", "✓", "✗", "←", "→"]);

function covered(weight: number, ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return all.some((f) => f.weight === weight && f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi));
}

describe("bundled font", () => {
  it("is Noto Sans in the weights the styles use, from files that exist", () => {
    expect(new Set(all.map((f) => f.family))).toEqual(new Set(["Noto Sans"]));
    expect([...new Set(all.map((f) => f.weight))].sort()).toEqual(WEIGHTS);
    for (const face of all) {
      expect(face.url, "a package file, bundled by Vite").toMatch(/^@fontsource\/noto-sans\/files\/.+\.woff2$/);
      expect(existsSync(nodeModules + face.url), face.url).toBe(true);
    }
  });

  it("covers Spanish and the Mayan orthographies", () => {
    for (const weight of WEIGHTS) {
      for (const ch of "ʼ'äëïöüñÑáéíóúÁÉÍÓÚẍ¿¡«»“”…—·") expect(covered(weight, ch), `${ch} at ${weight}`).toBe(true);
    }
  });

  it("covers every letter of both catalogs", () => {
    const text = Object.values(en).join("") + Object.values(es).join("");
    const missing = [...new Set(text)].filter((ch) => !SYSTEM_SYMBOLS.has(ch) && !covered(400, ch));
    expect(missing).toEqual([]);
  });

  it("is the font of the page and of every form control", () => {
    const app = readFileSync(src("app.css"), "utf8");
    expect(app).toContain('@import "./fonts.css"');
    expect(app).toMatch(/--font:\s*"Noto Sans", sans-serif;/);
    expect(app).toMatch(/:root\s*\{[^}]*font-family:\s*var\(--font\)/);
    expect(app).toMatch(/input,\s*select,\s*textarea,\s*button\s*\{\s*font:\s*inherit;/);
  });
});
