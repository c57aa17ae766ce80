// Closing dates are typed and shown in UK time. A `datetime-local` input has no time zone, so the
// conversion to an instant (with its offset, GMT or BST) happens here, once, for every page.

export const TIME_ZONE = "Europe/London";
export const TIME_ZONE_LABEL = "UK time (Europe/London)";

const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});
const readable = new Map<string, Intl.DateTimeFormat>();
const monthYear = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, month: "long", year: "numeric" });

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
// Browsers without a date-time picker (old hospital PCs) send what was typed, often "23/03/2026 17:00".
const TYPED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(\d{1,2})[:.](\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");

/** The London wall-clock fields of an instant. */
function wallOf(ms: number) {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const n = (k: string) => Number(parts[k]);
  return { y: n("year"), mo: n("month"), d: n("day"), h: n("hour"), mi: n("minute"), s: n("second") };
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function offsetMinutes(ms: number): number {
  const w = wallOf(ms);
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** An instant as `datetime-local` shows it in London, e.g. "2026-03-23T17:00". */
export function toLondonLocal(date: Date): string {
  const w = wallOf(date.getTime());
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
 * A `datetime-local` value read as London time, as ISO 8601 with its offset; null when it is not a
 * date and time. Also takes "1/7/2026 17:00" (day first, as typed where there is no picker). A time
 * skipped when the clocks go forward resolves to the hour after.
 * @example londonLocalToIso("2026-07-01T17:00") // "2026-07-01T17:00:00+01:00"
 */
export function londonLocalToIso(local: string): string | null {
  const fields = localFields(local.trim());
  if (!fields) return null;
  const [y, mo, d, h, mi] = fields;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // The offset at the guess may differ from the offset at the answer near a clock change: try both.
  let instant = asUtc - offsetMinutes(asUtc) * 60_000;
  instant = asUtc - offsetMinutes(instant) * 60_000;
  const offset = offsetMinutes(instant);
  const sign = offset < 0 ? "-" : "+";
  return `${toLondonLocal(new Date(instant))}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** "23 March 2026 at 17:00" (or "23 maart 2026 om 17:00" in `nl-NL`), in London. */
export function londonDateTime(date: Date, locale = "en-GB"): string {
  let format = readable.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: "long", timeStyle: "short" });
    readable.set(locale, format);
  }
  return format.format(date);
}

/** "March 2026", in London. */
export function londonMonthYear(date: Date): string {
  return monthYear.format(date);
}

/** Three weeks after `now` at 17:00 London time, as a `datetime-local` value: the suggested closing time. */
export function suggestedClosing(now: Date, days = 21): string {
  const w = wallOf(now.getTime());
  const day = new Date(Date.UTC(w.y, w.mo - 1, w.d + days));
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T17:00`;
}
