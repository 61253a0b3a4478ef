// A small store of passing messages (success, error, info), shown by Toast.svelte.
export type ToastKind = "success" | "error" | "info";
export type ToastItem = { id: number; kind: ToastKind; text: string };

const DEFAULT_MS = 5000;
const ERROR_MS = 8000;

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const toasts = $state<ToastItem[]>([]);

export function dismissToast(id: number): void {
  const i = toasts.findIndex((x) => x.id === id);
  if (i >= 0) toasts.splice(i, 1);
  const timer = timers.get(id);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(id);
}

export function showToast(kind: ToastKind, text: string, ms?: number): number {
  const id = nextId++;
  toasts.push({ id, kind, text });
  const life = ms ?? (kind === "error" ? ERROR_MS : DEFAULT_MS);
  if (life > 0) timers.set(id, setTimeout(() => dismissToast(id), life));
  return id;
}

export const toast = {
  success: (text: string, ms?: number) => showToast("success", text, ms),
  error: (text: string, ms?: number) => showToast("error", text, ms),
  info: (text: string, ms?: number) => showToast("info", text, ms),
};

export function clearToasts(): void {
  for (const item of [...toasts]) dismissToast(item.id);
}
