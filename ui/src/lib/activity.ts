// Reports user activity to the backend (which runs the idle auto-lock) at most once per interval.
export const TOUCH_INTERVAL_MS = 30_000;
export const ACTIVITY_EVENTS = ["mousemove", "keydown", "click"] as const;

export function createActivityReporter(
  touch: () => unknown,
  intervalMs: number = TOUCH_INTERVAL_MS,
  now: () => number = () => Date.now(),
) {
  let last = -Infinity;
  return {
    /** Call on every activity event; calls `touch` only if the interval has passed. */
    activity(): boolean {
      const at = now();
      if (at - last < intervalMs) return false;
      last = at;
      try {
        const result = touch();
        if (result instanceof Promise) result.catch(() => {});
      } catch {
        // Reporting activity is best-effort.
      }
      return true;
    },
    /** Counts `at` as reported activity (e.g. the moment of sign-in). */
    mark(at: number = now()): void {
      last = at;
    },
  };
}

/** Listens on `target` for activity and reports it; returns a function that stops listening. */
export function watchActivity(
  target: EventTarget,
  touch: () => unknown,
  intervalMs: number = TOUCH_INTERVAL_MS,
): () => void {
  const reporter = createActivityReporter(touch, intervalMs);
  reporter.mark();
  const handler = () => {
    reporter.activity();
  };
  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, handler, { passive: true });
  return () => {
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, handler);
  };
}
