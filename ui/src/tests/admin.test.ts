import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { admin, caseManager, err, ok } from "./mockBindings";
import { setLang } from "../lib/i18n/index.svelte";

const mocks = vi.hoisted(() => ({
  listUsers: vi.fn(),
  addUser: vi.fn(),
  removeUser: vi.fn(),
  resetPassphrase: vi.fn(),
  setAutoLockMinutes: vi.fn(),
  auditVerify: vi.fn(),
  auditLog: vi.fn(),
  clinicContact: vi.fn(),
  setClinicContact: vi.fn(),
  saveAuditReceipt: vi.fn(),
  templateSlots: vi.fn(),
  setTemplate: vi.fn(),
  resetTemplate: vi.fn(),
}));
vi.mock("../lib/bindings", () => ({ commands: mocks, events: {} }));

import Users from "../screens/Users.svelte";
import Settings from "../screens/Settings.svelte";

const people = [
  { name: "Maria", role: "admin", created_at: "2025-01-02T10:00:00Z" },
  { name: "jose", role: "volunteer", created_at: "2025-01-03T10:00:00Z" },
];

describe("Users", () => {
  beforeEach(() => {
    for (const fn of Object.values(mocks)) fn.mockReset();
    mocks.listUsers.mockResolvedValue(ok(people));
  });

  it("adds a user through the dialog", async () => {
    mocks.addUser.mockResolvedValue(ok({ name: "ana", role: "case_manager", created_at: "2025-01-04T10:00:00Z" }));
    render(Users, { session: admin });
    await screen.findAllByTestId("user-row");
    await fireEvent.click(screen.getByTestId("users-add"));
    const dialog = screen.getByRole("dialog", { name: "Add user" });
    await fireEvent.input(within(dialog).getByTestId("add-user-name"), { target: { value: "ana" } });
    await fireEvent.change(within(dialog).getByTestId("add-user-role"), { target: { value: "volunteer" } });
    await fireEvent.input(within(dialog).getByTestId("add-user-passphrase"), { target: { value: "a fine long passphrase" } });
    await fireEvent.input(within(dialog).getByTestId("add-user-confirm"), { target: { value: "a fine long passphrase" } });
    await fireEvent.click(within(dialog).getByTestId("add-user-submit"));
    await waitFor(() => expect(mocks.addUser).toHaveBeenCalledWith("ana", "volunteer", "a fine long passphrase"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(mocks.listUsers).toHaveBeenCalledTimes(2);
  });

  it("shows a backend field error inline in the add dialog", async () => {
    mocks.addUser.mockResolvedValue(err("invalid_input", "passphrase must not be only spaces", "passphrase"));
    render(Users, { session: admin });
    await screen.findAllByTestId("user-row");
    await fireEvent.click(screen.getByTestId("users-add"));
    const dialog = screen.getByRole("dialog");
    await fireEvent.input(within(dialog).getByTestId("add-user-name"), { target: { value: "ana" } });
    await fireEvent.input(within(dialog).getByTestId("add-user-passphrase"), { target: { value: "a fine long passphrase" } });
    await fireEvent.input(within(dialog).getByTestId("add-user-confirm"), { target: { value: "a fine long passphrase" } });
    await fireEvent.click(within(dialog).getByTestId("add-user-submit"));
    const pass = within(dialog).getByTestId("add-user-passphrase");
    await waitFor(() => expect(pass).toHaveAttribute("aria-invalid", "true"));
    expect(pass).toHaveAccessibleDescription(expect.stringContaining("only spaces"));
  });

  it("removes another user only after confirmation", async () => {
    mocks.removeUser.mockResolvedValue(ok(null));
    render(Users, { session: admin });
    const rows = await screen.findAllByTestId("user-row");
    await fireEvent.click(within(rows[1]).getByRole("button", { name: "Remove jose" }));
    expect(mocks.removeUser).not.toHaveBeenCalled();
    const dialog = screen.getByRole("dialog", { name: "Remove user" });
    expect(dialog).toHaveTextContent("Remove jose?");
    await fireEvent.click(within(dialog).getByTestId("remove-user-confirm"));
    await waitFor(() => expect(mocks.removeUser).toHaveBeenCalledWith("jose"));
  });

  it("resets a passphrase", async () => {
    mocks.resetPassphrase.mockResolvedValue(ok(null));
    render(Users, { session: admin });
    const rows = await screen.findAllByTestId("user-row");
    await fireEvent.click(within(rows[1]).getByRole("button", { name: "Reset passphrase of jose" }));
    const dialog = screen.getByRole("dialog", { name: "Reset passphrase" });
    await fireEvent.input(within(dialog).getByTestId("reset-passphrase"), { target: { value: "another long phrase" } });
    await fireEvent.input(within(dialog).getByTestId("reset-confirm"), { target: { value: "another long phrase" } });
    await fireEvent.click(within(dialog).getByTestId("reset-submit"));
    await waitFor(() => expect(mocks.resetPassphrase).toHaveBeenCalledWith("jose", "another long phrase"));
  });
});

const SHIPPED = [
  { name: "clinic.typ", custom: null },
  { name: "notice.typ", custom: null },
];
const CUSTOM = { sha256: "9f2c".padEnd(64, "0"), set_by: "Maria", set_at: "2025-06-03T10:00:00Z" };

describe("Settings", () => {
  beforeEach(() => {
    for (const fn of Object.values(mocks)) fn.mockReset();
    mocks.clinicContact.mockResolvedValue(ok({ name: "", phone: "", address: "" }));
    mocks.templateSlots.mockResolvedValue(ok(SHIPPED));
    mocks.auditLog.mockResolvedValue(
      ok([{ seq: 1, at: "2025-01-02T10:00:00Z", actor: "Maria", action: "vault_created", record_kind: "vault", record_id: "", outcome: "ok" }]),
    );
  });

  it("rejects minutes outside 1–240 and saves valid ones", async () => {
    const onsession = vi.fn();
    mocks.setAutoLockMinutes.mockResolvedValue(ok({ ...admin, auto_lock_minutes: 30 }));
    render(Settings, { session: admin, onsession });
    const input = screen.getByTestId("settings-auto-lock");
    expect(input).toHaveValue(15);
    await fireEvent.input(input, { target: { value: "500" } });
    await fireEvent.click(screen.getByTestId("settings-auto-lock-save"));
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(mocks.setAutoLockMinutes).not.toHaveBeenCalled();

    await fireEvent.input(input, { target: { value: "30" } });
    await fireEvent.click(screen.getByTestId("settings-auto-lock-save"));
    await waitFor(() => expect(mocks.setAutoLockMinutes).toHaveBeenCalledWith(30));
    await waitFor(() => expect(onsession).toHaveBeenCalledWith({ ...admin, auto_lock_minutes: 30 }));
  });

  it("lists audit entries in Spanish: actions, records and searches translated", async () => {
    setLang("es");
    mocks.auditLog.mockResolvedValue(
      ok([
        { seq: 3, at: "2025-01-02T10:05:00Z", actor: "Maria", action: "child_viewed", record_kind: "child", record_id: "3", outcome: "ok", count: null },
        { seq: 2, at: "2025-01-02T10:04:00Z", actor: "jose", action: "children_searched", record_kind: "search", record_id: "name+number", outcome: "ok", count: 2 },
        { seq: 1, at: "2025-01-02T10:00:00Z", actor: "jose", action: "flag_acknowledged", record_kind: "flag", record_id: "", outcome: "denied", count: null },
      ]),
    );
    render(Settings, { session: admin, onsession: vi.fn() });
    const viewed = (await screen.findByText("Niño consultado")).closest("tr");
    expect(viewed).toHaveTextContent("niño 3");
    expect(viewed).not.toHaveTextContent("child_viewed");
    const searched = screen.getByText("Búsqueda de niños").closest("tr");
    expect(searched).toHaveTextContent("búsqueda (por nombre, por número)");
    const refused = screen.getByText("Alerta roja atendida").closest("tr");
    expect(refused).toHaveTextContent("alerta roja");
    expect(refused).toHaveTextContent("Denegado");
  });

  it("lists audit entries and verifies the chain", async () => {
    mocks.auditVerify.mockResolvedValueOnce(ok({ ok: true, entries: 7, message: "" }));
    render(Settings, { session: admin, onsession: vi.fn() });
    expect(await screen.findByText("Vault created")).toBeInTheDocument();
    expect(mocks.auditLog).toHaveBeenCalledWith(50);
    await fireEvent.click(screen.getByTestId("audit-verify"));
    expect(await screen.findByTestId("audit-result")).toHaveTextContent("ok: 7 entries");

    mocks.auditVerify.mockResolvedValueOnce(ok({ ok: false, entries: 7, message: "entry 4: hash mismatch" }));
    await fireEvent.click(screen.getByTestId("audit-verify"));
    await waitFor(() =>
      expect(screen.getByTestId("audit-result")).toHaveTextContent("The audit chain is broken: entry 4: hash mismatch"),
    );
  });

  it("lets an admin replace a print template with a file and go back to the shipped one", async () => {
    // The file dialog is Rust's: a cancelled dialog answers null and nothing changes.
    mocks.setTemplate.mockResolvedValueOnce(ok(null));
    mocks.setTemplate.mockResolvedValueOnce(ok([{ name: "clinic.typ", custom: null }, { name: "notice.typ", custom: CUSTOM }]));
    mocks.resetTemplate.mockResolvedValueOnce(ok(SHIPPED));
    render(Settings, { session: admin, onsession: vi.fn() });
    const rows = await screen.findAllByTestId("template-row");
    expect(rows.map((r) => r.getAttribute("data-name"))).toEqual(["clinic.typ", "notice.typ"]);
    expect(rows[1]).toHaveTextContent("Shipped with Tether");

    await fireEvent.click(within(rows[1]).getByTestId("template-replace"));
    await waitFor(() => expect(mocks.setTemplate).toHaveBeenCalledWith("notice.typ"));
    expect(within(rows[1]).queryByTestId("template-reset")).not.toBeInTheDocument();

    await fireEvent.click(within(rows[1]).getByTestId("template-replace"));
    const custom = await screen.findByTestId("template-reset");
    const row = custom.closest("tr") as HTMLElement;
    expect(row).toHaveTextContent("Custom");
    expect(row).toHaveTextContent("set by Maria");
    expect(row).toHaveTextContent("SHA-256 9f2c");

    await fireEvent.click(custom);
    await waitFor(() => expect(mocks.resetTemplate).toHaveBeenCalledWith("notice.typ"));
    await waitFor(() => expect(screen.queryByTestId("template-reset")).not.toBeInTheDocument());
  });

  it("shows the template's error and keeps the list when a file is refused", async () => {
    mocks.setTemplate.mockResolvedValueOnce(err("invalid_input", "a Typst template must be UTF-8 text", "file"));
    render(Settings, { session: admin, onsession: vi.fn() });
    const rows = await screen.findAllByTestId("template-row");
    await fireEvent.click(within(rows[0]).getByTestId("template-replace"));
    expect(await screen.findByTestId("templates-error")).toHaveTextContent("UTF-8");
    expect(screen.getAllByTestId("template-row")).toHaveLength(2);
  });

  it("has no template section for a case manager", async () => {
    render(Settings, { session: caseManager, onsession: vi.fn() });
    await screen.findByText("Vault created");
    expect(screen.queryByTestId("template-overrides")).not.toBeInTheDocument();
    expect(mocks.templateSlots).not.toHaveBeenCalled();
  });
});
