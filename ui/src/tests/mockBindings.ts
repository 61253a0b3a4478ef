// Shared fake of the tauri-specta bindings for component tests (used from vi.mock factories).
import type { AppError, SessionInfo } from "../lib/bindings";

export const ok = <T>(data: T) => ({ status: "ok" as const, data });
export const err = (kind: AppError["kind"], message = "", field: string | null = null) => ({
  status: "error" as const,
  error: { kind, message, field } satisfies AppError,
});

export const admin: SessionInfo = { user_name: "Maria", role: "admin", auto_lock_minutes: 15 };
export const volunteer: SessionInfo = { user_name: "jose", role: "volunteer", auto_lock_minutes: 15 };
