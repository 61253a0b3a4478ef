// axe-core in jsdom, for the accessibility tests (a11y.test.ts).
import axe from "axe-core";

/**
 * Rules left out in jsdom, and why:
 * - color-contrast: jsdom does no layout and computes no colours (every element reports the
 *   same transparent background), so axe can only answer "incomplete". The colours are
 *   checked where they are defined (focusRing.test.ts computes the focus indicator's ratios
 *   from app.css); the text colours need axe on the real window (the WebDriver suite, with
 *   node_modules/axe-core/axe.min.js).
 */
const JSDOM_DISABLED = { "color-contrast": { enabled: false } };

/**
 * Rules axe ships turned off that issue 14 measured (WCAG 2.5.3 "Label in Name"): an
 * accessible name that does not contain the visible text. In jsdom axe reads no visible text
 * (it needs layout) and reports every such control "incomplete", so `labelInNameFailures`
 * below checks the same thing, stricter, from the DOM.
 */
const TURNED_ON = { "label-content-name-mismatch": { enabled: true } };

/** Controls whose aria-label replaces the text they show. */
const WIDGETS =
  'button[aria-label], a[href][aria-label], summary[aria-label], [role="button"][aria-label], [role="link"][aria-label], [role="tab"][aria-label], [role="menuitem"][aria-label], [role="option"][aria-label], [role="checkbox"][aria-label], [role="switch"][aria-label]';

/** Letters and digits only, lower case: "Mark done…" and "mark done" are the same words. */
function words(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/[\p{P}\p{S}]/gu, " ").replace(/\s+/g, " ").trim();
}

/** The text a control shows: its text without what is hidden from sight or from assistive technology. */
function shownText(el: Element): string {
  let text = "";
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? "";
    else if (node instanceof Element && node.getAttribute("aria-hidden") !== "true" && !node.classList.contains("visually-hidden")) {
      text += " " + shownText(node) + " ";
    }
  }
  return text;
}

/**
 * WCAG 2.5.3 "Label in Name", as issue 14 asks it: a control's aria-label must start with the
 * words it shows (a speech user says what they see). Symbols only ("×") are not words.
 */
export function labelInNameFailures(root: ParentNode = document): string[] {
  const failures: string[] = [];
  for (const el of Array.from(root.querySelectorAll(WIDGETS))) {
    const shown = words(shownText(el));
    if (shown === "") continue;
    const label = el.getAttribute("aria-label") ?? "";
    if (!words(label).startsWith(shown)) failures.push(`label-in-name: "${label}" does not start with the visible "${shownText(el).trim()}"`);
  }
  return failures;
}

/** Moderate rules that still fail a test here: a skipped heading level is a wrong outline. */
const ALSO_FAILING = new Set(["heading-order"]);

export type Violation = { id: string; impact: string | null | undefined; help: string; targets: string[] };

/** Every violation axe finds in `root` (the whole document by default). */
export async function axeViolations(root: Element | Document = document): Promise<Violation[]> {
  const results = await axe.run(root, {
    rules: { ...JSDOM_DISABLED, ...TURNED_ON },
    resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}

/** The violations a test fails on: critical and serious ones, and heading-order. */
export function failing(violations: Violation[]): string[] {
  return violations
    .filter((v) => v.impact === "critical" || v.impact === "serious" || ALSO_FAILING.has(v.id))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 5).join(" | ")}`);
}

/** Runs axe (and the label-in-name check) and returns what fails, as readable lines (an empty list passes). */
export async function axeFailures(root: Element | Document = document): Promise<string[]> {
  return [...failing(await axeViolations(root)), ...labelInNameFailures(root)];
}
