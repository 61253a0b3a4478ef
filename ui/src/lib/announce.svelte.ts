// A polite message for screen readers that is not a toast: where focus went and why ("Signed
// in as Maria, Administrator", "Next in the queue: Lucía Hernández"). Announcer.svelte shows
// it in a visually hidden live region that stays out of the inert page behind a dialog.
import { tick } from "svelte";

const state = $state<{ text: string }>({ text: "" });
let seq = 0;

/** The message being announced. */
export function announcement(): string {
  return state.text;
}

/** Announces `text` politely; the same text twice is announced twice. */
export async function announce(text: string): Promise<void> {
  const mine = ++seq;
  state.text = "";
  await tick();
  if (mine === seq) state.text = text;
}

export function clearAnnouncement(): void {
  seq += 1;
  state.text = "";
}
