import { describe, expect, it } from "vitest";
import { londonLocalToIso, suggestedClosing, toLondonLocal } from "../../src/rounds/london-time";

describe("closing times typed in UK time", () => {
  it.each([
    ["2026-03-23T17:00", "2026-03-23T17:00:00+00:00"], // GMT
    ["2026-07-01T17:00", "2026-07-01T17:00:00+01:00"], // BST
    ["2026-03-29T01:30", "2026-03-29T02:30:00+01:00"], // skipped when the clocks go forward
    ["2026-10-25T01:30", "2026-10-25T01:30:00+00:00"], // the second 01:30 when they go back
    ["23/03/2026 17:00", "2026-03-23T17:00:00+00:00"], // typed where the browser has no picker
    ["1/7/2026 9:05", "2026-07-01T09:05:00+01:00"],
  ])("reads %s as %s", (local, iso) => {
    expect(londonLocalToIso(local)).toBe(iso);
  });

  it.each(["", "next friday", "2026-02-30T10:00", "31/02/2026 10:00", "2026-03-23T24:00"])("refuses %j", (local) => {
    expect(londonLocalToIso(local)).toBeNull();
  });

  it("shows an instant as London wall time and suggests three weeks ahead at 17:00", () => {
    expect(toLondonLocal(new Date("2026-07-01T16:00:00Z"))).toBe("2026-07-01T17:00");
    expect(suggestedClosing(new Date("2026-03-02T09:00:00Z"))).toBe("2026-03-23T17:00");
    // 23:30 UTC on 10 March is still 10 March in London (GMT); across the clock change it stays 17:00.
    expect(suggestedClosing(new Date("2026-03-10T23:30:00Z"))).toBe("2026-03-31T17:00");
  });
});
