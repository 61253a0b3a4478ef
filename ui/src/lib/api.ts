// Calling backend commands without ever letting an exception escape into the UI.
import type { AppError } from "./bindings";
import { toAppError } from "./errors";

/** The shape tauri-specta gives every command that can fail. */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

const lockedListeners = new Set<() => void>();

/**
 * Calls `listener` whenever any command answers `Locked`: the vault locked without the window
 * hearing `vault-locked` (an event lost, a lock from elsewhere), so the window must return to
 * the lock screen rather than show a stale screen that can do nothing. Returns the unsubscribe.
 */
export function onLockedError(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/** Every failed call passes through here, so no screen has to handle `Locked` itself. */
function failed<T>(error: AppError): Result<T, AppError> {
  if (error.kind === "locked") {
    for (const listener of [...lockedListeners]) {
      try {
        listener();
      } catch {
        // One broken listener must not keep the error from its caller.
      }
    }
  }
  return { status: "error", error };
}

/** Runs a command that returns a Result; a thrown error becomes `{ status: "error" }`. */
export async function call<T>(fn: () => Promise<Result<T, AppError>>): Promise<Result<T, AppError>> {
  try {
    const result = await fn();
    if (result && (result.status === "ok" || result.status === "error")) {
      return result.status === "error" ? failed(toAppError(result.error)) : result;
    }
    return failed(toAppError(result));
  } catch (e) {
    return failed(toAppError(e));
  }
}

/** Runs a command that returns its value directly (it rejects with the AppError on failure). */
export async function callPlain<T>(fn: () => Promise<T>): Promise<Result<T, AppError>> {
  try {
    return { status: "ok", data: await fn() };
  } catch (e) {
    return failed(toAppError(e));
  }
}
