import { describe, expect, it, vi } from "vitest";
import { call, callPlain, onLockedError } from "../lib/api";
import type { AppError } from "../lib/bindings";

const locked: AppError = { kind: "locked", message: "", field: null, fields: [], code: null, params: {} };

describe("a Locked answer from any command", () => {
  it("reaches every listener, whether returned or thrown, and nothing else does", async () => {
    const heard = vi.fn();
    const off = onLockedError(heard);

    await call(async () => ({ status: "error" as const, error: locked }));
    await callPlain(async () => Promise.reject(locked));
    expect(heard).toHaveBeenCalledTimes(2);

    await call(async () => ({ status: "error" as const, error: { ...locked, kind: "not_found" as const } }));
    await call(async () => ({ status: "ok" as const, data: 1 }));
    expect(heard).toHaveBeenCalledTimes(2);

    off();
    const result = await call(async () => ({ status: "error" as const, error: locked }));
    expect(heard).toHaveBeenCalledTimes(2);
    expect(result).toMatchObject({ status: "error", error: { kind: "locked" } });
  });

  it("still returns the error to its caller when a listener throws", async () => {
    const off = onLockedError(() => {
      throw new Error("broken listener");
    });
    const result = await callPlain(async () => Promise.reject(locked));
    expect(result).toMatchObject({ status: "error", error: { kind: "locked" } });
    off();
  });
});
