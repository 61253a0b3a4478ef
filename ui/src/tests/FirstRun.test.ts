import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { admin, err, ok } from "./mockBindings";

const mocks = vi.hoisted(() => ({ createVault: vi.fn(), passphraseHint: vi.fn() }));
vi.mock("../lib/bindings", () => ({
  commands: { createVault: mocks.createVault, passphraseHint: mocks.passphraseHint },
  events: {},
}));

import FirstRun from "../screens/FirstRun.svelte";

async function fill(user: string, pass: string, confirm: string) {
  await fireEvent.input(screen.getByTestId("first-run-user"), { target: { value: user } });
  await fireEvent.input(screen.getByTestId("first-run-passphrase"), { target: { value: pass } });
  await fireEvent.input(screen.getByTestId("first-run-confirm"), { target: { value: confirm } });
}

describe("FirstRun", () => {
  beforeEach(() => {
    mocks.createVault.mockReset();
    mocks.passphraseHint.mockReset();
  });

  it("hints how strong the new passphrase is once typing pauses, in the rule's words", async () => {
    mocks.passphraseHint.mockImplementation(async (p: string) =>
      p === "password1234" ? { strength: "refused", code: "passphrase_common" } : { strength: "fair", code: "add_word" },
    );
    render(FirstRun, { onsignedin: vi.fn() });
    const hint = screen.getByTestId("first-run-strength");
    expect(hint).toHaveAttribute("aria-live", "polite");
    await fireEvent.input(screen.getByTestId("first-run-passphrase"), { target: { value: "password1234" } });
    await waitFor(() => expect(hint).toHaveAttribute("data-strength", "refused"));
    expect(hint).toHaveTextContent("Strength: refused — This passphrase is on the list of the most common ones");
    await fireEvent.input(screen.getByTestId("first-run-passphrase"), { target: { value: "la ceiba canta" } });
    await waitFor(() => expect(hint).toHaveTextContent("Strength: fair — one more unrelated word would make it strong."));
    // Asked once typing paused, with the last text only.
    expect(mocks.passphraseHint).toHaveBeenLastCalledWith("la ceiba canta");
    await fireEvent.input(screen.getByTestId("first-run-passphrase"), { target: { value: "" } });
    await waitFor(() => expect(hint).toHaveAttribute("data-strength", ""));
  });

  it("explains the vault and the administrator", () => {
    render(FirstRun, { onsignedin: vi.fn() });
    const root = screen.getByTestId("screen-first-run");
    expect(root).toHaveTextContent("encrypted vault on this computer");
    expect(root).toHaveTextContent("administrator");
    // Labels are bound to the inputs.
    expect(screen.getByLabelText("User name")).toBe(screen.getByTestId("first-run-user"));
    expect(screen.getByLabelText("Confirm passphrase")).toHaveAttribute("type", "password");
  });

  it("blocks mismatched passphrases without calling the backend", async () => {
    const onsignedin = vi.fn();
    render(FirstRun, { onsignedin });
    await fill("maria", "correct horse battery", "correct horse batterY");
    await fireEvent.click(screen.getByTestId("first-run-submit"));

    const confirm = screen.getByTestId("first-run-confirm");
    expect(confirm).toHaveAttribute("aria-invalid", "true");
    const errorId = confirm.getAttribute("aria-describedby")!;
    expect(document.getElementById(errorId)).toHaveTextContent("The passphrases do not match.");
    expect(mocks.createVault).not.toHaveBeenCalled();
    expect(onsignedin).not.toHaveBeenCalled();
  });

  it("blocks a passphrase shorter than 12 characters, inline on the field", async () => {
    render(FirstRun, { onsignedin: vi.fn() });
    await fill("maria", "short pass!", "short pass!");
    await fireEvent.click(screen.getByTestId("first-run-submit"));

    const pass = screen.getByTestId("first-run-passphrase");
    expect(pass).toHaveAttribute("aria-invalid", "true");
    expect(pass).toHaveAccessibleDescription(expect.stringContaining("at least 12 characters"));
    expect(mocks.createVault).not.toHaveBeenCalled();
  });

  it("calls createVault with the user name and passphrase when valid", async () => {
    mocks.createVault.mockResolvedValue(ok(admin));
    const onsignedin = vi.fn();
    render(FirstRun, { onsignedin });
    await fill("  Maria ", "correct horse battery", "correct horse battery");
    await fireEvent.click(screen.getByTestId("first-run-submit"));

    await waitFor(() => expect(onsignedin).toHaveBeenCalledWith(admin));
    expect(mocks.createVault).toHaveBeenCalledTimes(1);
    expect(mocks.createVault).toHaveBeenCalledWith("Maria", "correct horse battery");
  });

  it("shows an invalid_input error from the backend inline on the named field", async () => {
    mocks.createVault.mockResolvedValue(err("invalid_input", "user name \"a b\" may only hold letters", "user_name"));
    render(FirstRun, { onsignedin: vi.fn() });
    await fill("Maria", "correct horse battery", "correct horse battery");
    await fireEvent.click(screen.getByTestId("first-run-submit"));

    const user = screen.getByTestId("first-run-user");
    await waitFor(() => expect(user).toHaveAttribute("aria-invalid", "true"));
    expect(user).toHaveAccessibleDescription(expect.stringContaining("may only hold letters"));
    expect(screen.queryByTestId("first-run-error")).toBeNull();
  });

  it("shows other backend errors translated at form level, never as JSON", async () => {
    mocks.createVault.mockResolvedValue(err("vault_exists", "vault already exists at /x"));
    render(FirstRun, { onsignedin: vi.fn() });
    await fill("Maria", "correct horse battery", "correct horse battery");
    await fireEvent.click(screen.getByTestId("first-run-submit"));

    const box = await screen.findByTestId("first-run-error");
    expect(box).toHaveTextContent("A vault already exists on this computer.");
    expect(box.textContent).not.toContain("{");
  });
});
