// Every modal (Dialog, the print preview, the shortcuts panel) goes through `openModal`: while
// it is open the page behind it is `inert` (no focus, no clicks, gone from the accessibility
// tree), Tab and Shift+Tab cycle through the modal's own controls, Escape asks it to close
// wherever focus is, and on closing focus goes back to the control that opened it, or, when
// that control was re-rendered meanwhile, to its replacement or to the screen's heading.

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Elements that stay out of the inert page: the live regions (toasts, announcements) must still be heard. */
export const KEEP_LIVE = "[data-live-region]";

/** The controls inside `root` that Tab can reach, in document order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest("[inert]"));
}

/**
 * Whether the key is Tab. WebKitGTK delivers Shift+Tab with `key: "Unidentified"` (only `code`
 * and `keyCode` say Tab), so `key` alone let Shift+Tab leave every modal.
 */
export function isTab(event: KeyboardEvent): boolean {
  return event.key === "Tab" || event.code === "Tab" || event.keyCode === 9;
}

export function isEscape(event: KeyboardEvent): boolean {
  return event.key === "Escape" || event.key === "Esc" || event.code === "Escape" || event.keyCode === 27;
}

/**
 * On Tab, wraps focus from the last control to the first (and back with Shift); `root` itself
 * when it has none. Focus outside `root` (on the body, say, after the focused control was
 * removed) is brought back in.
 */
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
  if (!active || !root.contains(active)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  } else if (event.shiftKey && (active === first || active === root)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

export type ModalOptions = {
  /** Escape was pressed (anywhere) while this is the topmost modal. */
  onescape: () => void;
  /**
   * Where focus goes on closing when the control that opened the modal is gone (re-rendered,
   * removed); the screen's heading when this gives nothing.
   */
  returnFocus?: () => HTMLElement | null | undefined;
};

type Open = {
  root: HTMLElement;
  options: ModalOptions;
  /** What had focus when the modal opened, and how to find it again if it is re-rendered. */
  opener: HTMLElement | null;
  openerKey: OpenerKey | null;
  /** The elements this modal made inert (and only those: another modal's stay as they are). */
  inerted: HTMLElement[];
};

type OpenerKey = { id: string | null; testid: string | null; name: string };

const stack: Open[] = [];

/** Whether any modal is open (shortcuts stay quiet then). */
export function modalOpen(): boolean {
  return stack.length > 0;
}

function keyOf(el: HTMLElement | null): OpenerKey | null {
  if (!el || el === document.body) return null;
  const testid = el.getAttribute("data-testid");
  if (!el.id && !testid) return null;
  return { id: el.id || null, testid, name: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() };
}

function usable(el: HTMLElement | null | undefined): el is HTMLElement {
  return !!el && el.isConnected && !el.closest("[inert]") && !(el as HTMLButtonElement).disabled;
}

/** The control that replaced the opener after a re-render: same id, or same test id and name. */
function findAgain(key: OpenerKey | null): HTMLElement | null {
  if (!key) return null;
  if (key.id) {
    const byId = document.getElementById(key.id);
    if (usable(byId)) return byId;
  }
  if (!key.testid) return null;
  const same = Array.from(document.querySelectorAll<HTMLElement>("[data-testid]")).filter(
    (el) => el.getAttribute("data-testid") === key.testid && usable(el),
  );
  return same.find((el) => (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() === key.name) ?? null;
}

/** The screen's main heading, focusable by script, else the main area; null outside the app. */
export function screenHeading(): HTMLElement | null {
  const main = document.querySelector<HTMLElement>("main");
  const heading = (main ?? document).querySelector<HTMLElement>("h1");
  if (heading && !heading.closest("[inert]")) {
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    return heading;
  }
  return main;
}

/**
 * Makes everything outside `keep` inert: the siblings of every ancestor of a kept element, so
 * the kept ones themselves stay live. Returns what it changed.
 */
function inertOutside(keep: Element[]): HTMLElement[] {
  const changed: HTMLElement[] = [];
  const walk = (parent: Element) => {
    for (const child of Array.from(parent.children)) {
      if (!(child instanceof HTMLElement) || child.tagName === "SCRIPT" || child.tagName === "STYLE") continue;
      if (keep.includes(child)) continue;
      if (keep.some((k) => child.contains(k))) {
        walk(child);
        continue;
      }
      if (!child.hasAttribute("inert")) {
        child.setAttribute("inert", "");
        changed.push(child);
      }
    }
  };
  walk(document.body);
  return changed;
}

function onDocumentKeydown(event: KeyboardEvent) {
  const top = stack[stack.length - 1];
  if (!top || event.defaultPrevented) return;
  if (isEscape(event)) {
    event.preventDefault();
    event.stopPropagation();
    top.options.onescape();
    return;
  }
  trapTab(event, top.root);
}

/** Focus that lands outside the topmost modal (a click on a toast aside) is brought back. */
function onDocumentFocusin(event: FocusEvent) {
  const top = stack[stack.length - 1];
  const target = event.target as Node | null;
  if (!top || !target || top.root.contains(target)) return;
  if (target instanceof Element && target.closest(KEEP_LIVE)) return;
  (focusables(top.root)[0] ?? top.root).focus();
}

/**
 * Opens `root` as a modal: the page behind becomes inert and the document's keys are watched.
 * Returns the function that closes it again (call it when the modal leaves the page).
 */
export function openModal(root: HTMLElement, options: ModalOptions): () => void {
  const opener = document.activeElement instanceof HTMLElement && !root.contains(document.activeElement) ? document.activeElement : null;
  const entry: Open = {
    root,
    options,
    opener,
    openerKey: keyOf(opener),
    inerted: inertOutside([root, ...Array.from(document.querySelectorAll(KEEP_LIVE))]),
  };
  if (stack.length === 0) {
    document.addEventListener("keydown", onDocumentKeydown);
    document.addEventListener("focusin", onDocumentFocusin);
  }
  stack.push(entry);
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    const i = stack.indexOf(entry);
    if (i >= 0) stack.splice(i, 1);
    if (stack.length === 0) {
      document.removeEventListener("keydown", onDocumentKeydown);
      document.removeEventListener("focusin", onDocumentFocusin);
    }
    // The page first: an inert control cannot take focus.
    for (const el of entry.inerted) el.removeAttribute("inert");
    const active = document.activeElement;
    const focusWasInside = !active || active === document.body || root.contains(active) || !active.isConnected;
    if (!focusWasInside || i !== stack.length) return;
    const target = [entry.opener, findAgain(entry.openerKey), options.returnFocus?.(), screenHeading()].find(usable);
    target?.focus();
  };
}

/** A Svelte action: `use:modal={{ onescape }}` for a modal that is in the page while it is open. */
export function modal(node: HTMLElement, options: ModalOptions) {
  let current = options;
  const close = openModal(node, {
    onescape: () => current.onescape(),
    returnFocus: () => current.returnFocus?.(),
  });
  return {
    update(next: ModalOptions) {
      current = next;
    },
    destroy: close,
  };
}
