import "@testing-library/jest-dom/vitest";
import { beforeEach } from "vitest";
import { resetLang } from "../lib/i18n/index.svelte";
import { clearToasts } from "../lib/toast.svelte";
import { clearAnnouncement } from "../lib/announce.svelte";

beforeEach(() => {
  localStorage.clear();
  // jsdom's navigator.language is en-US, so every test starts in English.
  resetLang();
  clearToasts();
  clearAnnouncement();
});
