// The keyboard inside a modal (Dialog, the print preview): Tab and Shift+Tab cycle through the
// modal's own controls and never reach the page behind it; Escape asks it to close.

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The controls inside `root` that Tab can reach, in document order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
}

/**
 * Whether the key is Tab. WebKitGTK delivers Shift+Tab with `key: "Unidentified"` (only `code`
 * and `keyCode` say Tab), so `key` alone let Shift+Tab leave every modal.
 */
export function isTab(event: KeyboardEvent): boolean {
  return event.key === "Tab" || event.code === "Tab" || event.keyCode === 9;
}

/** On Tab, wraps focus from the last control to the first (and back with Shift); `root` itself when it has none. */
export function trapTab(event: KeyboardEvent, root: HTMLElement): void {
  if (!isTab(event)) return;
  const items = focusables(root);
  if (items.length === 0) {
    event.preventDefault();
    root.focus();
    return;
  }
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === root)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** A modal's keys: Escape asks it to close (and goes no further); Tab stays inside `root`. */
export function modalKeydown(event: KeyboardEvent, root: HTMLElement | null, close: () => void): void {
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    close();
    return;
  }
  if (root) trapTab(event, root);
}
