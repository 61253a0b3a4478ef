// Backend field errors arrive with a stable code; the UI says them in the reader's language.
import { describe, expect, it } from "vitest";
import codes from "../lib/i18n/field-error-codes.json";
import { en } from "../lib/i18n/en";
import { es } from "../lib/i18n/es";
import { setLang } from "../lib/i18n/index.svelte";
import { fieldErrorText, formError, routeError, routeFieldErrors, toAppError } from "../lib/errors";
import type { AppError } from "../lib/bindings";

const invalid = (over: Partial<AppError>): AppError => ({
  kind: "invalid_input",
  message: "some fields are not valid",
  field: null,
  fields: [],
  code: null,
  params: {},
  ...over,
});

const phoneInvalid = {
  field: "phones",
  message: 'phone number "502 555" is not a valid number (check the country code and the number of digits)',
  code: "phone_invalid",
  params: { value: "502 555" },
};
const aNumberInvalid = {
  field: "a_number",
  message: 'A-Number "12345" must have 8 or 9 digits (it has 5)',
  code: "a_number_invalid",
  params: { value: "12345", digits: "5" },
};

describe("field error codes", () => {
  it("are the list the Rust side writes (field-error-codes.json)", () => {
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it("each have an English and a Spanish message", () => {
    for (const code of codes) {
      const key = `fieldError.${code}`;
      expect(Object.keys(en), key).toContain(key);
      expect(Object.keys(es), key).toContain(key);
      // Really translated, not copied.
      expect(es[key as keyof typeof es], key).not.toBe(en[key as keyof typeof en]);
    }
  });

  it("have no catalog entries the backend cannot send", () => {
    const keys = Object.keys(en).filter((k) => k.startsWith("fieldError."));
    expect(keys.map((k) => k.slice("fieldError.".length)).sort()).toEqual([...codes].sort());
  });
});

describe("field errors in Spanish", () => {
  it("show the Spanish text for phone_invalid and a_number_invalid inline", () => {
    setLang("es");
    const routed = routeFieldErrors(invalid({ fields: [phoneInvalid, aNumberInvalid] }), ["phones", "a_number"]);
    expect(routed.form).toBeNull();
    expect(routed.fields.phones).toBe(
      "El número de teléfono «502 555» no es válido (revise el código de país y la cantidad de dígitos).",
    );
    expect(routed.fields.a_number).toBe("El número A «12345» debe tener 8 o 9 dígitos (tiene 5).");
  });

  it("translate a single-field error by the error's own code (the clinic phone)", () => {
    setLang("es");
    const err = invalid({
      field: "phone",
      message: 'phone number "502 call me" may only hold digits …',
      code: "phone_bad_character",
      params: { value: "502 call me" },
    });
    expect(routeError(err, ["phone"])).toEqual({
      field: "phone",
      message: "El número de teléfono «502 call me» solo puede contener dígitos, espacios y + ( ) - . /",
    });
    expect(routeFieldErrors(err, ["phone"]).fields.phone).toContain("«502 call me»");
    // Not a field of this form: still Spanish, naming the field.
    expect(formError(err).detail).toBe(
      "phone: El número de teléfono «502 call me» solo puede contener dígitos, espacios y + ( ) - . /",
    );
  });

  it("fall back to the backend's message for an unknown or missing code", () => {
    setLang("es");
    expect(fieldErrorText("no_such_code", { value: "x" }, "the English message")).toBe("the English message");
    expect(fieldErrorText("", {}, "older backend")).toBe("older backend");
    expect(fieldErrorText(null, null, "  ")).toBe("Algunos datos no son válidos.");
    const routed = routeFieldErrors(
      invalid({ fields: [{ field: "a_number", message: "a new English reason", code: "brand_new", params: {} }] }),
      ["a_number"],
    );
    expect(routed.fields.a_number).toBe("a new English reason");
  });

  it("read in English from the catalog too", () => {
    setLang("en");
    expect(fieldErrorText("a_number_invalid", { value: "12345", digits: "5" }, "")).toBe(
      "A-Number “12345” must have 8 or 9 digits (it has 5).",
    );
    expect(fieldErrorText("too_long", { chars: "201", max: "200" }, "")).toBe(
      "This is 201 characters long; the limit is 200.",
    );
  });

  it("keep code and params from the wire, and tolerate an older backend without them", () => {
    const wire = toAppError({
      kind: "invalid_input",
      message: "m",
      field: "phone",
      fields: [{ ...phoneInvalid, params: { value: "502 555", junk: 3 } }, { field: "x", message: "no code" }],
      code: "phone_invalid",
      params: { value: "502 555" },
    });
    expect(wire.code).toBe("phone_invalid");
    expect(wire.params).toEqual({ value: "502 555" });
    expect(wire.fields).toEqual([
      { ...phoneInvalid, params: { value: "502 555" } },
      { field: "x", message: "no code", code: "", params: {} },
    ]);
    const old = toAppError({ kind: "invalid_input", message: "m", field: "phone" });
    expect(old.code).toBeNull();
    expect(old.params).toEqual({});
  });
});
