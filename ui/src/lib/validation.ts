// Client-side checks that mirror tether-core's rules, so people see mistakes before waiting on Argon2id.
import { t } from "./i18n/index.svelte";

export const MIN_PASSPHRASE_CHARS = 12;
export const MAX_PASSPHRASE_CHARS = 1024;
export const MAX_USER_NAME_CHARS = 64;
export const MIN_AUTO_LOCK_MINUTES = 1;
export const MAX_AUTO_LOCK_MINUTES = 240;

/** Characters, not UTF-16 units, as Rust's `chars().count()`. */
function charCount(s: string): number {
  return [...s].length;
}

/** An error message for a new passphrase, or null when it is acceptable. */
export function checkNewPassphrase(passphrase: string): string | null {
  const n = charCount(passphrase);
  if (n === 0) return t("validation.required");
  if (passphrase.trim() === "") return t("validation.passphraseBlank");
  if (n < MIN_PASSPHRASE_CHARS) return t("validation.passphraseTooShort", { min: MIN_PASSPHRASE_CHARS });
  if (n > MAX_PASSPHRASE_CHARS) return t("validation.passphraseTooLong", { max: MAX_PASSPHRASE_CHARS });
  return null;
}

export function checkConfirm(passphrase: string, confirm: string): string | null {
  if (confirm === "") return t("validation.required");
  return passphrase === confirm ? null : t("validation.passphraseMismatch");
}

export function checkUserName(raw: string): string | null {
  const name = raw.trim();
  if (name === "") return t("validation.required");
  if (charCount(name) > MAX_USER_NAME_CHARS) return t("validation.userNameTooLong", { max: MAX_USER_NAME_CHARS });
  if (!/^[\p{L}\p{N}._-]+$/u.test(name)) return t("validation.userNameChars");
  return null;
}

export function checkRequired(value: string): string | null {
  return value === "" ? t("validation.required") : null;
}

export function checkMinutes(value: number | string | null | undefined): string | null {
  const n = typeof value === "number" ? value : Number(value);
  if (value === null || value === undefined || value === "" || !Number.isInteger(n) || n < MIN_AUTO_LOCK_MINUTES || n > MAX_AUTO_LOCK_MINUTES) {
    return t("validation.minutesRange", { min: MIN_AUTO_LOCK_MINUTES, max: MAX_AUTO_LOCK_MINUTES });
  }
  return null;
}

/** User names are compared without regard to case, as the vault does. */
export function sameUser(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export const MIN_NOTICE_DAYS = 1;
export const MAX_NOTICE_DAYS = 365;

/** The number of days ahead for a batch of hearing notices. */
export function checkNoticeDays(value: number | string | null | undefined): string | null {
  const n = typeof value === "number" ? value : Number(value);
  if (value === null || value === undefined || value === "" || !Number.isInteger(n) || n < MIN_NOTICE_DAYS || n > MAX_NOTICE_DAYS) {
    return t("print.batch.daysRange", { min: MIN_NOTICE_DAYS, max: MAX_NOTICE_DAYS });
  }
  return null;
}
