// The maturity grid where members and commissioners meet it, in a real browser: the members' mirror
// (English and Dutch) and the compare page, with no WCAG A/AA violations at laptop and phone width.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/auth/sessions";
import { rounds } from "../../src/db/schema";
import { createTestApp } from "../support/app";
import { axeViolations, browserAndServer, expectAccessibleAtLaptopAndPhone } from "../support/browser";
import { makeCast, sessionFor } from "../support/factories";
import { closedMaturityRound } from "../support/maturity";

const shared = browserAndServer();

describe("the maturity grid in a real browser", () => {
  it("has no WCAG A/AA violations in the members' mirror and on the compare page", async () => {
    // The real time: the browser drops a session cookie whose expiry the test clock put in the past.
    const t = shared.serve(createTestApp({ env: { PUBLIC_URL: shared.url }, now: new Date().toISOString() }));
    const cast = makeCast(t);
    // Relationships divided, governance with a gap, learning hidden now.
    const levels = [1, 2, 2, 3, 4, 4] as const;
    const marks = levels.map((level, i) => ({
      relationships: { current: level, target: 4 as const },
      governance: { current: 2 as const, target: 3 as const },
      learning: { current: i < 2 ? level : null, target: level },
    }));
    const round = closedMaturityRound(t, cast.network.id, marks, { round: { minResponses: 5 } });
    const slug = "maturity-mirror-slug-00";
    t.db.update(rounds).set({ mirrorSlug: slug }).where(eq(rounds.id, round.id)).run();

    const page = await shared.browser.newPage();
    try {
      for (const lang of ["en", "nl"] as const) {
        await page.goto(`${shared.url}/m/${slug}?lang=${lang}`);
        expect(await page.$eval("#maturity-title", (h) => h.textContent)).toBe(lang === "en" ? "Maturity" : "Volwassenheid");
        await expectAccessibleAtLaptopAndPhone(page, `members' mirror (${lang})`);
      }
      await page.setCookie({ name: SESSION_COOKIE, value: sessionFor(t, cast.commissioner.user.id), url: shared.url });
      await page.goto(`${shared.url}/compare?networkIds=${cast.network.id}`);
      expect(await page.$eval("#maturity-title", (h) => h.textContent)).toBe("Maturity now");
      // axe at both widths; not the sideways-scroll check: the compare page's existing charts are
      // wider than a phone (a commissioner's desk page), which is not the maturity table's doing.
      for (const width of [1280, 360]) {
        await page.setViewport({ width, height: 800 });
        expect(await axeViolations(page), `compare page at ${width}px`).toEqual([]);
      }
      const table = await page.$eval("#maturity-title + p + .table-scroll", (el) => el.scrollWidth > 0 && el.getAttribute("tabindex"));
      expect(table).toBe("0");
    } finally {
      await page.close();
    }
  });
});
