import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { admin, err, ok } from "./mockBindings";
import { setLang } from "../lib/i18n/index.svelte";

const mocks = vi.hoisted(() => ({ unlock: vi.fn() }));
vi.mock("../lib/bindings", () => ({
  commands: { unlock: mocks.unlock },
  events: {},
}));

import Unlock from "../screens/Unlock.svelte";

async function signIn(user: string, pass: string) {
  await fireEvent.input(screen.getByTestId("unlock-user"), { target: { value: user } });
  await fireEvent.input(screen.getByTestId("unlock-passphrase"), { target: { value: pass } });
  await fireEvent.click(screen.getByTestId("unlock-submit"));
}

describe("Unlock", () => {
  beforeEach(() => {
    mocks.unlock.mockReset();
  });

  it("shows the translated wrong-credentials error and clears the passphrase", async () => {
    mocks.unlock.mockResolvedValue(err("wrong_credentials", "wrong user name or passphrase"));
    const onsignedin = vi.fn();
    render(Unlock, { onsignedin });
    await signIn("maria", "not the passphrase");

    const error = await screen.findByTestId("unlock-error");
    expect(error).toHaveTextContent("The user name or passphrase is not correct.");
    expect(screen.getByTestId("unlock-passphrase")).toHaveValue("");
    expect(screen.getByTestId("unlock-user")).toHaveValue("maria");
    expect(mocks.unlock).toHaveBeenCalledWith("maria", "not the passphrase");
    expect(onsignedin).not.toHaveBeenCalled();
  });

  it("shows the error in Spanish when Spanish is chosen", async () => {
    setLang("es");
    mocks.unlock.mockResolvedValue(err("wrong_credentials", "wrong user name or passphrase"));
    render(Unlock, { onsignedin: vi.fn() });
    expect(screen.getByTestId("unlock-submit")).toHaveTextContent("Iniciar sesión");
    await signIn("maria", "not the passphrase");

    expect(await screen.findByTestId("unlock-error")).toHaveTextContent(
      "El nombre de usuario o la contraseña no son correctos.",
    );
    expect(screen.getByTestId("unlock-passphrase")).toHaveValue("");
  });

  it("is busy while waiting and signs in on success", async () => {
    let resolve!: (v: unknown) => void;
    mocks.unlock.mockReturnValue(new Promise((r) => (resolve = r)));
    const onsignedin = vi.fn();
    render(Unlock, { onsignedin });
    await signIn("Maria", "correct horse battery");

    const button = screen.getByTestId("unlock-submit");
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute("aria-busy", "true");
    expect(button).toHaveTextContent("Checking…");

    resolve(ok(admin));
    await waitFor(() => expect(onsignedin).toHaveBeenCalledWith(admin));
    expect(button).not.toHaveAttribute("aria-busy");
  });

  it("requires both fields before calling the backend", async () => {
    render(Unlock, { onsignedin: vi.fn() });
    await fireEvent.click(screen.getByTestId("unlock-submit"));
    expect(screen.getByTestId("unlock-user")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("unlock-passphrase")).toHaveAttribute("aria-invalid", "true");
    expect(mocks.unlock).not.toHaveBeenCalled();
  });

  it("turns a thrown exception into a readable error", async () => {
    mocks.unlock.mockRejectedValue(new TypeError("window.__TAURI_INTERNALS__ is undefined"));
    render(Unlock, { onsignedin: vi.fn() });
    await signIn("maria", "whatever passphrase");
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("Something went wrong inside Tether.");
    expect(screen.getByTestId("unlock-passphrase")).toHaveValue("");
  });
});
