// Dates and times as the network lives them: in its time zone (Europe/London, Europe/Amsterdam…).
// A `datetime-local` input has no time zone, so the conversion to an instant (with its offset, e.g.
// CET or CEST) happens here, once, for every page.

import { DEFAULT_TIME_ZONE, LOCALE } from "../i18n/locale";

// Building an Intl.DateTimeFormat costs about 0.25 ms, formatting with one microseconds: the
// formats of the default zones (and UTC) in both locales are built once at module load and kept
// read-only; any other zone's are built when asked for.
const COMMON_ZONES = [...new Set([...Object.values(DEFAULT_TIME_ZONE), "UTC"])];
const LOCALES = Object.values(LOCALE);

type Make = (zone: string, locale: string) => Intl.DateTimeFormat;
/** A format maker with the common zones' formats made in advance, keyed by locale and zone. */
function prebuilt(make: Make, locales: readonly string[] = LOCALES): Make {
  const made: ReadonlyMap<string, Intl.DateTimeFormat> = new Map(
    locales.flatMap((locale) => COMMON_ZONES.map((zone) => [`${locale} ${zone}`, make(zone, locale)] as const)),
  );
  return (zone, locale) => made.get(`${locale} ${zone}`) ?? make(zone, locale);
}

const wallClock = prebuilt(
  (zone) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    }),
  ["en-GB"],
);
const zoneName = prebuilt((zone, locale) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" }));
const readable = prebuilt((zone, locale) => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: "long", timeStyle: "short" }));

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
// Browsers without a date-time picker (old hospital PCs) send what was typed, often "23/03/2026 17:00".
const TYPED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2})[:.](\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");

/** The wall-clock fields of an instant in `zone`. */
function wallOf(ms: number, zone: string) {
  const format = wallClock(zone, "en-GB");
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const n = (k: string) => Number(parts[k]);
  return { y: n("year"), mo: n("month"), d: n("day"), h: n("hour"), mi: n("minute"), s: n("second") };
}

/** Minutes `zone` is ahead of UTC at an instant (London: 0 in winter, 60 in summer). */
function offsetMinutes(ms: number, zone: string): number {
  const w = wallOf(ms, zone);
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** An instant as `datetime-local` shows it in `zone`, e.g. "2026-03-23T17:00". */
export function toZonedLocal(date: Date, zone: string): string {
  const w = wallOf(date.getTime(), zone);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

type Fields = [year: number, month: number, day: number, hour: number, minute: number];

/** Year, month, day, hour and minute of "2026-07-01T17:00" or of "1/7/2026 17:00". */
function localFields(value: string): Fields | null {
  const iso = LOCAL.exec(value);
  if (iso) return iso.slice(1, 6).map(Number) as Fields;
  const typed = TYPED.exec(value);
  if (!typed) return null;
  const [, day, month, year, hour, minute] = typed.map(Number) as [number, ...Fields];
  return [year, month, day, hour, minute];
}

/**
 * A `datetime-local` value read as wall time in `zone`, as ISO 8601 with its offset; null when it is
 * not a date and time. Also takes "1/7/2026 17:00" (day first, as typed where there is no picker). A
 * time skipped when the clocks go forward resolves to the hour after.
 * @example zonedLocalToIso("2026-07-01T18:00", "Europe/Amsterdam") // "2026-07-01T18:00:00+02:00"
 */
export function zonedLocalToIso(local: string, zone: string): string | null {
  const fields = localFields(local.trim());
  if (!fields) return null;
  const [y, mo, d, h, mi] = fields;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // The offset at the guess may differ from the offset at the answer near a clock change: try both.
  let instant = asUtc - offsetMinutes(asUtc, zone) * 60_000;
  instant = asUtc - offsetMinutes(instant, zone) * 60_000;
  const offset = offsetMinutes(instant, zone);
  const sign = offset < 0 ? "-" : "+";
  return `${toZonedLocal(new Date(instant), zone)}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The zone's short name at an instant: "CET" in winter and "CEST" in summer for Amsterdam, "GMT"/"BST" for London. */
export function zoneAbbreviation(date: Date, zone: string, locale = "en-GB"): string {
  const format = zoneName(zone, locale);
  return format.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? zone;
}

/**
 * "23 March 2026 at 18:00 CET" (or "23 maart 2026 om 18:00 CET" in `nl-NL`): the wall time in
 * `zone` with the zone's abbreviation, so nobody has to guess whose 18:00 it is.
 */
export function zonedDateTime(date: Date, zone: string, locale = "en-GB"): string {
  const format = readable(zone, locale);
  return `${format.format(date)} ${zoneAbbreviation(date, zone, locale)}`;
}

/** "March 2026", in `zone`. */
export function zonedMonthYear(date: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, month: "long", year: "numeric" }).format(date);
}

/** Three weeks after `now` at 17:00 in `zone`, as a `datetime-local` value: the suggested closing time. */
export function suggestedClosing(now: Date, zone: string, days = 21): string {
  const w = wallOf(now.getTime(), zone);
  const day = new Date(Date.UTC(w.y, w.mo - 1, w.d + days));
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T17:00`;
}

/** What the closing-time field says about its zone: "Europe/Amsterdam time (CET)". */
export function zoneLabel(zone: string, at: Date): string {
  return `${zone} time (${zoneAbbreviation(at, zone)})`;
}
