import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { createActivityReporter } from "../lib/activity";
import { focusables } from "../lib/modal";
import { routeError, routeFieldErrors, toAppError } from "../lib/errors";
import { dismissToast, toast, toasts } from "../lib/toast.svelte";
import DialogHarness from "./DialogHarness.svelte";
import CheckboxField from "../lib/components/CheckboxField.svelte";
import Field from "../lib/components/Field.svelte";
import SelectField from "../lib/components/SelectField.svelte";
import TextAreaField from "../lib/components/TextAreaField.svelte";
import Toast from "../lib/components/Toast.svelte";

describe("Dialog", () => {
  it("is a labelled modal that focuses its first field and closes on Escape", async () => {
    const onclose = vi.fn();
    render(DialogHarness, { onclose });
    const dialog = screen.getByRole("dialog", { name: "Add user" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Name")));
    await fireEvent.keyDown(dialog, { key: "Escape" });
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it("keeps Tab inside the dialog", async () => {
    render(DialogHarness, { onclose: vi.fn() });
    const dialog = screen.getByRole("dialog");
    const last = screen.getByRole("button", { name: "OK" });
    last.focus();
    await fireEvent.keyDown(dialog, { key: "Tab" });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(last);
  });

  it("keeps Shift+Tab inside the dialog as WebKitGTK sends it (key Unidentified, code Tab)", async () => {
    render(DialogHarness, { onclose: vi.fn() });
    const dialog = screen.getByRole("dialog");
    // The dialog focuses its first field once open; then go to its first control.
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Name")));
    const controls = focusables(dialog);
    controls[0].focus();
    await fireEvent.keyDown(dialog, { key: "Unidentified", code: "Tab", keyCode: 9, shiftKey: true });
    // From the first control, Shift+Tab wraps to the last one instead of the page behind.
    expect(document.activeElement).toBe(controls[controls.length - 1]);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "OK" }));
  });
});

describe("Dialog scrolling", () => {
  it("brings a focused field, label to error, into the body's view", async () => {
    const scroll = vi.fn();
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = scroll;
    try {
      render(DialogHarness, { onclose: vi.fn() });
      const input = screen.getByLabelText("Name");
      await vi.waitFor(() => expect(document.activeElement).toBe(input));
      scroll.mockClear();
      screen.getByRole("button", { name: "OK" }).focus();
      input.focus();
      const field = input.closest(".field");
      expect(field).not.toBeNull();
      expect(scroll.mock.contexts).toContain(field);
      expect(scroll).toHaveBeenLastCalledWith({ block: "nearest", inline: "nearest" });
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });
});

describe("field shell", () => {
  it("wires the label, the hint and the error to every kind of control", () => {
    render(Field, { label: "A-Number", hint: "Nine digits", error: "Not an A-Number", testid: "f" });
    render(SelectField, { label: "Role", options: [{ value: "", label: "Choose" }], error: "Required", testid: "s" });
    render(TextAreaField, { label: "Note", hint: "Optional", testid: "t" });
    for (const [name, testid, described] of [
      ["A-Number", "f", ["Nine digits", "Not an A-Number"]],
      ["Role", "s", ["Required"]],
      ["Note", "t", ["Optional"]],
    ] as const) {
      const control = screen.getByLabelText(name);
      expect(control).toBe(screen.getByTestId(testid));
      const ids = (control.getAttribute("aria-describedby") ?? "").split(" ");
      expect(ids.map((id) => document.getElementById(id)?.textContent)).toEqual(described);
    }
    expect(screen.getByLabelText("A-Number")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Note")).not.toHaveAttribute("aria-invalid");
  });

  it("puts a checkbox before its label, which toggles it", async () => {
    render(CheckboxField, { label: "Skip invalid rows", hint: "The rest is imported", testid: "c" });
    const box = screen.getByLabelText("Skip invalid rows");
    expect(box).toHaveAccessibleDescription("The rest is imported");
    expect(box).not.toBeChecked();
    await fireEvent.click(screen.getByText("Skip invalid rows"));
    expect(box).toBeChecked();
  });
});

describe("toasts", () => {
  it("shows and dismisses messages", async () => {
    render(Toast);
    const id = toast.success("Saved it");
    expect(await screen.findByText("Saved it")).toBeInTheDocument();
    toast.error("Broke it");
    expect(await screen.findByRole("alert")).toHaveTextContent("Broke it");
    dismissToast(id);
    await vi.waitFor(() => expect(screen.queryByText("Saved it")).toBeNull());
    expect(toasts).toHaveLength(1);
  });
});

describe("activity reporter", () => {
  it("calls touch at most once per interval", () => {
    let now = 1_000_000;
    const touch = vi.fn();
    const reporter = createActivityReporter(touch, 30_000, () => now);
    reporter.mark();
    expect(reporter.activity()).toBe(false);
    now += 29_999;
    reporter.activity();
    expect(touch).not.toHaveBeenCalled();
    now += 1;
    reporter.activity();
    reporter.activity();
    expect(touch).toHaveBeenCalledTimes(1);
  });
});

describe("backend errors", () => {
  it("route invalid_input with a known field inline, everything else to the form", () => {
    const inline = routeError({ kind: "invalid_input", message: "too short", field: "passphrase", fields: [], code: null, params: {} }, ["passphrase"]);
    expect(inline).toEqual({ field: "passphrase", message: "too short" });
    const form = routeError({ kind: "conflict", message: "user exists", field: null, fields: [], code: null, params: {} }, ["name"]);
    expect(form).toEqual({
      form: { text: "This conflicts with existing data, for example a user with the same name.", detail: "user exists" },
    });
  });

  it("normalise anything thrown", () => {
    expect(toAppError(new Error("boom"))).toEqual({ kind: "internal", message: "boom", field: null, fields: [], code: null, params: {} });
    expect(toAppError({ kind: "locked", message: "m", field: null })).toEqual({ kind: "locked", message: "m", field: null, fields: [], code: null, params: {} });
    expect(
      toAppError({ kind: "invalid_input", message: "m", field: null, fields: [{ field: "a_number", message: "bad" }, { nope: 1 }] })
        .fields,
    ).toEqual([{ field: "a_number", message: "bad", code: "", params: {} }]);
    expect(toAppError({ weird: true }).kind).toBe("internal");
  });

  it("route many field errors inline and unknown fields to the form", () => {
    const routed = routeFieldErrors(
      {
        kind: "invalid_input",
        message: "2 problems",
        field: null,
        fields: [
          { field: "a_number", message: "not an A-Number", code: "", params: {} },
          { field: "mystery", message: "odd", code: "", params: {} },
        ],
        code: null,
        params: {},
      },
      ["a_number", "birth_date"],
    );
    expect(routed.fields).toEqual({ a_number: "not an A-Number" });
    expect(routed.form?.detail).toBe("mystery: odd");
    const single = routeFieldErrors({ kind: "invalid_input", message: "bad date", field: "birth_date", fields: [], code: null, params: {} }, ["birth_date"]);
    expect(single).toEqual({ fields: { birth_date: "bad date" }, form: null });
    expect(routeFieldErrors({ kind: "locked", message: "", field: null, fields: [], code: null, params: {} }, []).form?.text).toBe(
      "The vault is locked. Sign in again.",
    );
  });
});

describe("relationships and audit records", () => {
  it("shows common relationships in the reader's language and others as typed", async () => {
    const { relationshipLabel, auditRecordLabel } = await import("../lib/format");
    const { setLang } = await import("../lib/i18n/index.svelte");
    setLang("es");
    expect(relationshipLabel("aunt")).toBe("tía");
    expect(relationshipLabel("Family friend")).toBe("amigo(a) de la familia");
    expect(relationshipLabel("prima")).toBe("primo(a)");
    expect(relationshipLabel("vecina de Ñuñoa")).toBe("vecina de Ñuñoa");
    expect(auditRecordLabel("child", "3")).toBe("niño 3");
    setLang("en");
    expect(relationshipLabel("tía")).toBe("aunt");
    expect(relationshipLabel("  TÍO ")).toBe("uncle");
    expect(relationshipLabel("")).toBe("Not recorded");
    expect(auditRecordLabel("search", "a_number")).toBe("search (by A-Number)");
    expect(auditRecordLabel("mystery", "7")).toBe("mystery 7");
  });
});
