// Calling backend commands without ever letting an exception escape into the UI.
import type { AppError } from "./bindings";
import { toAppError } from "./errors";

/** The shape tauri-specta gives every command that can fail. */
export type Result<T, E> = { status: "ok"; data: T } | { status: "error"; error: E };

/** Runs a command that returns a Result; a thrown error becomes `{ status: "error" }`. */
export async function call<T>(fn: () => Promise<Result<T, AppError>>): Promise<Result<T, AppError>> {
  try {
    const result = await fn();
    if (result && (result.status === "ok" || result.status === "error")) {
      return result.status === "error" ? { status: "error", error: toAppError(result.error) } : result;
    }
    return { status: "error", error: toAppError(result) };
  } catch (e) {
    return { status: "error", error: toAppError(e) };
  }
}

/** Runs a command that returns its value directly (it rejects with the AppError on failure). */
export async function callPlain<T>(fn: () => Promise<T>): Promise<Result<T, AppError>> {
  try {
    return { status: "ok", data: await fn() };
  } catch (e) {
    return { status: "error", error: toAppError(e) };
  }
}
