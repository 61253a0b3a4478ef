// Keyboard shortcuts for the frequent actions, listed in the help panel (ShortcutsHelp.svelte,
// opened with ? or the header's button). They never fire while typing in a field (a letter
// typed into a name is a letter) nor while a dialog is open: only ? (which closes the help
// panel again) and Escape (lib/modal.ts, which closes any dialog) act then. Letters need no
// modifier because they are safe: none changes data, and those that leave the screen are quiet
// while focus is in a form (a slip on a form's button must not throw away what was typed);
// locking, which signs you out, takes Ctrl+Shift.
import { modalOpen } from "./modal";
import type { MessageKey } from "./i18n/index.svelte";

export type ShortcutAction = "help" | "search" | "newChild" | "logNextCall" | "lock";

/** The shortcuts that take you to another screen (and so away from a half-filled form). */
export const LEAVES_SCREEN: readonly ShortcutAction[] = ["search", "newChild", "logNextCall"];

export type Shortcut = {
  action: ShortcutAction;
  /** The keys as the help panel shows them. */
  keys: readonly string[];
  /** For aria-keyshortcuts on the control that does the same. */
  aria: string;
  label: MessageKey;
  /** Case managers and administrators only (volunteers add no children). */
  staffOnly?: boolean;
};

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "search", keys: ["/"], aria: "/", label: "shortcuts.search" },
  { action: "newChild", keys: ["N"], aria: "n", label: "shortcuts.newChild", staffOnly: true },
  { action: "logNextCall", keys: ["L"], aria: "l", label: "shortcuts.logNextCall" },
  { action: "lock", keys: ["Ctrl", "Shift", "L"], aria: "Control+Shift+L", label: "shortcuts.lock" },
  { action: "help", keys: ["?"], aria: "?", label: "shortcuts.help" },
];

export function shortcut(action: ShortcutAction): Shortcut {
  return SHORTCUTS.find((s) => s.action === action)!;
}

/** Whether the key goes into a field: an input, a text area, a select, or editable text. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== "function") return false;
  return el.isContentEditable || el.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null;
}

function isQuestionMark(event: KeyboardEvent): boolean {
  // A US keyboard's Shift+/ when the key comes without its character.
  return event.key === "?" || (event.key === "Unidentified" && event.code === "Slash" && event.shiftKey);
}

/**
 * The action `event` asks for, or null. `helpOpen`: the help panel is the dialog that is open
 * (? then closes it); any other open dialog silences every shortcut.
 */
export function shortcutFor(event: KeyboardEvent, helpOpen = false): ShortcutAction | null {
  if (event.defaultPrevented || event.isComposing || event.repeat) return null;
  if (isTyping(event.target)) return null;
  if (event.altKey || event.metaKey) return null;
  const open = modalOpen();
  if (isQuestionMark(event) && !event.ctrlKey) return !open || helpOpen ? "help" : null;
  if (open) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.ctrlKey) return event.shiftKey && key === "l" ? "lock" : null;
  const action = letter(key, event.shiftKey);
  if (action && LEAVES_SCREEN.includes(action) && inForm(event.target)) return null;
  return action;
}

function letter(key: string, shift: boolean): ShortcutAction | null {
  // "/" is Shift+7 on a Spanish keyboard: Shift does not matter for it.
  if (key === "/") return "search";
  if (shift) return null;
  if (key === "n") return "newChild";
  if (key === "l") return "logNextCall";
  return null;
}

function inForm(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && typeof el.closest === "function" && el.closest("form") !== null;
}
