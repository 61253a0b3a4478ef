// Shared fake of the tauri-specta bindings for component tests (used from vi.mock factories).
import { vi } from "vitest";
import type { AppError, SessionInfo } from "../lib/bindings";

export function makeCommands() {
  return {
    vaultStatus: vi.fn(),
    createVault: vi.fn(),
    unlock: vi.fn(),
    lock: vi.fn(),
    touch: vi.fn(),
    changePassphrase: vi.fn(),
    listUsers: vi.fn(),
    addUser: vi.fn(),
    removeUser: vi.fn(),
    resetPassphrase: vi.fn(),
    setAutoLockMinutes: vi.fn(),
    auditVerify: vi.fn(),
    auditLog: vi.fn(),
  };
}

export const ok = <T>(data: T) => ({ status: "ok" as const, data });
export const err = (kind: AppError["kind"], message = "", field: string | null = null) => ({
  status: "error" as const,
  error: { kind, message, field } satisfies AppError,
});

export const admin: SessionInfo = { user_name: "Maria", role: "admin", auto_lock_minutes: 15 };
export const volunteer: SessionInfo = { user_name: "jose", role: "volunteer", auto_lock_minutes: 15 };
