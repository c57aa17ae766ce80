import { describe, expect, it } from "vitest";
import { isTimeZone } from "../../src/lib/time-zone";
import { suggestedClosing, toZonedLocal, zonedDateTime, zonedLocalToIso } from "../../src/lib/zoned-time";

const LONDON = "Europe/London";
const AMSTERDAM = "Europe/Amsterdam";

describe("closing times typed in the network's time zone", () => {
  it.each([
    ["2026-03-23T17:00", "2026-03-23T17:00:00+00:00"], // GMT
    ["2026-07-01T17:00", "2026-07-01T17:00:00+01:00"], // BST
    ["2026-03-29T01:30", "2026-03-29T02:30:00+01:00"], // skipped when the clocks go forward
    ["2026-10-25T01:30", "2026-10-25T01:30:00+00:00"], // the second 01:30 when they go back
    ["23/03/2026 17:00", "2026-03-23T17:00:00+00:00"], // typed where the browser has no picker
    ["1/7/2026 9:05", "2026-07-01T09:05:00+01:00"],
  ])("reads %s in London as %s", (local, iso) => {
    expect(zonedLocalToIso(local, LONDON)).toBe(iso);
  });

  it.each([
    ["2026-01-15T18:00", "2026-01-15T18:00:00+01:00"], // CET
    ["2026-07-15T18:00", "2026-07-15T18:00:00+02:00"], // CEST
    ["2026-03-29T02:30", "2026-03-29T03:30:00+02:00"], // skipped when the clocks go forward
  ])("reads %s in Amsterdam as %s", (local, iso) => {
    expect(zonedLocalToIso(local, AMSTERDAM)).toBe(iso);
  });

  it.each(["", "next friday", "2026-02-30T10:00", "31/02/2026 10:00", "2026-03-23T24:00"])("refuses %j", (local) => {
    expect(zonedLocalToIso(local, LONDON)).toBeNull();
  });

  it("shows an instant as wall time in the zone and suggests three weeks ahead at 17:00", () => {
    expect(toZonedLocal(new Date("2026-07-01T16:00:00Z"), LONDON)).toBe("2026-07-01T17:00");
    expect(toZonedLocal(new Date("2026-07-01T16:00:00Z"), AMSTERDAM)).toBe("2026-07-01T18:00");
    expect(suggestedClosing(new Date("2026-03-02T09:00:00Z"), LONDON)).toBe("2026-03-23T17:00");
    // 23:30 UTC on 10 March is still 10 March in London (GMT) but already 11 March in Amsterdam.
    expect(suggestedClosing(new Date("2026-03-10T23:30:00Z"), LONDON)).toBe("2026-03-31T17:00");
    expect(suggestedClosing(new Date("2026-03-10T23:30:00Z"), AMSTERDAM)).toBe("2026-04-01T17:00");
  });

  it("says the time with the zone's abbreviation, across daylight saving time", () => {
    expect(zonedDateTime(new Date("2026-01-15T17:00:00Z"), AMSTERDAM)).toBe("15 January 2026 at 18:00 CET");
    expect(zonedDateTime(new Date("2026-07-15T16:00:00Z"), AMSTERDAM)).toBe("15 July 2026 at 18:00 CEST");
    expect(zonedDateTime(new Date("2026-01-15T17:00:00Z"), AMSTERDAM, "nl-NL")).toBe("15 januari 2026 om 18:00 CET");
    expect(zonedDateTime(new Date("2026-01-15T17:00:00Z"), LONDON)).toBe("15 January 2026 at 17:00 GMT");
    expect(zonedDateTime(new Date("2026-07-15T16:00:00Z"), LONDON)).toBe("15 July 2026 at 17:00 BST");
  });

  it("knows the runtime's time zones", () => {
    for (const zone of ["Europe/London", "Europe/Amsterdam", "America/New_York", "UTC"]) expect(isTimeZone(zone)).toBe(true);
    for (const zone of ["Mars/Olympus", "europe/london", "", "GMT+1; DROP TABLE"]) expect(isTimeZone(zone)).toBe(false);
  });
});
