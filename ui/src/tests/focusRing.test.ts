// The focus indicator (app.css) stands out at 3:1 or more (WCAG 1.4.11) on every background it
// is drawn on, in the light and the dark theme, and every component draws the same two rings.
// jsdom computes no colours, so the ratios are computed here from the variables themselves.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(process.cwd(), "src");
const css = readFileSync(join(SRC, "app.css"), "utf8");

/** The custom properties of the first block matching `selector` (":root" = light; the dark theme's media block). */
function variables(block: string): Record<string, string> {
  return Object.fromEntries(Array.from(block.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g), ([, name, value]) => [name, value.toLowerCase()]));
}
const light = variables(css.slice(css.indexOf(":root"), css.indexOf("@media (prefers-color-scheme: dark)")));
const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
const dark = { ...light, ...variables(css.slice(darkStart, css.indexOf("color-scheme: dark", darkStart))) };

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Where a focused control can sit: the page, cards and dialogs, the header and nav, and the buttons' own fills. */
const BACKGROUNDS = ["--surface", "--bg", "--surface-hover", "--danger-bg", "--input-bg", "--header-bg", "--primary", "--primary-hover", "--danger", "--border"];

describe.each([
  ["light", light],
  ["dark", dark],
])("the %s theme's focus rings", (_, theme) => {
  it("differ from each other by 9:1 or more (WCAG technique C40)", () => {
    expect(contrast(theme["--focus-outer"], theme["--focus-inner"])).toBeGreaterThanOrEqual(9);
  });

  it.each(BACKGROUNDS)("have one ring at 3:1 or more against %s", (name) => {
    const background = theme[name];
    expect(background).toMatch(/^#[0-9a-f]{6}$/);
    const best = Math.max(contrast(theme["--focus-outer"], background), contrast(theme["--focus-inner"], background));
    expect(best).toBeGreaterThanOrEqual(3);
  });
});

describe("the focus indicator", () => {
  it("was the amber ring that failed on white (the ratio the issue measured)", () => {
    expect(contrast("#f0a500", "#ffffff")).toBeCloseTo(2.08, 2);
    expect(contrast("#f0a500", light["--bg"])).toBeCloseTo(1.92, 2);
  });

  it("is these two rings everywhere: no component draws its own single-colour ring", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name !== "tests") walk(path);
        } else if (/\.(svelte|css)$/.test(name)) files.push(path);
      }
    };
    walk(SRC);
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [, rule] of text.matchAll(/:focus-visible[^{]*\{([^}]*)\}/g)) {
        const outline = rule.match(/outline:\s*([^;]+);/)?.[1].trim();
        if (outline === undefined || outline === "none") continue;
        if (outline !== "var(--focus-ring)" || !/box-shadow:\s*var\(--focus-halo/.test(rule)) {
          offenders.push(`${file.slice(SRC.length + 1)}: ${rule.trim().replace(/\s+/g, " ")}`);
        }
      }
    }
    expect(offenders).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  });
});
