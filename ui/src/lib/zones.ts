// Time zones as people say them: "Central (Chicago)" / "Hora central (Chicago)" instead of
// "America/Chicago". A zone without a name in the catalogs shows its city.
import { hasKey, t } from "./i18n/index.svelte";

export function zoneLabel(zone: string | null | undefined): string {
  if (!zone) return t("common.notRecorded");
  const key = `zone.${zone}`;
  if (hasKey(key)) return t(key);
  const city = zone.split("/").pop() ?? zone;
  return city.replaceAll("_", " ");
}
