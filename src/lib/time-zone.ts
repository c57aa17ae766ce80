// A network's time zone: which zones exist, and the default for a language.
import { eq } from "drizzle-orm";
import { networks } from "../db/schema";
import { DEFAULT_TIME_ZONE } from "../i18n/locale";
import type { Lang } from "../instrument";
import type { Db } from "./db";

// Intl's list leaves out "UTC" itself, which every runtime supports.
const SUPPORTED = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

/** Every time zone the runtime knows, sorted: what the forms offer. */
export const TIME_ZONES: readonly string[] = [...SUPPORTED].sort();

/** Whether `zone` is one of the runtime's supported IANA time zones (e.g. "Europe/Amsterdam"). */
export function isTimeZone(zone: string): boolean {
  return SUPPORTED.has(zone);
}

/** The network's default time zone from its language. */
export function defaultTimeZone(lang: Lang | undefined): string {
  return DEFAULT_TIME_ZONE[lang ?? "en"];
}

/** The time zone a network lives in (every date and time it is shown is in it). */
export function networkTimeZone(db: Db, networkId: string): string {
  return db.select({ zone: networks.timeZone }).from(networks).where(eq(networks.id, networkId)).get()?.zone ?? DEFAULT_TIME_ZONE.en;
}
