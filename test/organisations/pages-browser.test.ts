import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations } from "../../src/db/schema";
import { createTestApp } from "../support/app";
import { browserAndServer, clickAndWait, expectAccessibleAtLaptopAndPhone, heading } from "../support/browser";
import { makeGrant, makeMember, makeNetwork, makeRound, makeUser, TEST_PASSWORD } from "../support/factories";
import { makeOrganisation, useInRound } from "./support";

// One Chromium and one HTTP server for the file; the test builds its app behind the server.
const shared = browserAndServer();
const check = expectAccessibleAtLaptopAndPhone;

describe("organisations pages in a real browser", () => {
  it("have no WCAG A/AA violations in English and Dutch, and work without JavaScript", async () => {
    // The real time: the browser drops a session cookie whose expiry the test clock put in the past.
    const t = shared.serve(createTestApp({ env: { PUBLIC_URL: shared.url }, now: new Date().toISOString() }));
    const facilitator = makeUser(t, { email: "lead@example.org", name: "Lena Lead" });
    const network = makeNetwork(t, { name: "Valley Diabetes Network" });
    makeGrant(t, network.id, facilitator.id);
    const used = makeOrganisation(t, network.id, { name: "Valley General Hospital", type: "hospital" });
    makeOrganisation(t, network.id, { name: "Hill Practice", type: "primary_care", active: false });
    useInRound(t, makeRound(t, network.id, { status: "closed", modules: ["connections"] }).id, used);
    makeMember(t, network.id, { organisation: "Age Well Valley (charity)" });
    makeMember(t, network.id, { organisation: "GGZ Dal en Heuvel" });

    const page = await shared.browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    try {
      await page.goto(`${shared.url}/networks/${network.id}/organisations`);
      await page.type("#email", facilitator.email);
      await page.type("#password", TEST_PASSWORD);
      await clickAndWait(page, "form[action='/login'] button[type=submit]");
      expect(await heading(page)).toBe("Organisations Valley Diabetes Network");
      await check(page, "organisations page");
      // The header's white link-buttons once made "Deactivate" invisible here, which axe let through.
      const toggle = await page.$eval(".actions-cell button", (b) => ({ color: getComputedStyle(b).color, text: b.textContent }));
      expect(toggle.color).not.toBe("rgb(255, 255, 255)");
      expect(toggle.text).toContain("Reactivate");

      // The add form with errors: no name.
      await clickAndWait(page, "form[action*='/organisations?lang'] button[type=submit]");
      expect(await page.$eval("#name-error", (e) => e.textContent)).toBe("Enter the organisation's name");
      await check(page, "organisations page with errors");

      // Without JavaScript from here: every form is a plain post.
      await page.setJavaScriptEnabled(false);
      await page.goto(`${shared.url}/networks/${network.id}/organisations/from-roster?lang=en`);
      expect(await heading(page)).toBe("Add the organisations named in the roster Valley Diabetes Network");
      await clickAndWait(page, "main form button[type=submit]");
      expect(await page.$eval(".notice", (n) => n.textContent)).toBe("2 organisations added.");
      const types = t.db
        .select({ name: organisations.name, type: organisations.type })
        .from(organisations)
        .where(eq(organisations.networkId, network.id))
        .all();
      expect(types).toEqual(
        expect.arrayContaining([
          { name: "Age Well Valley (charity)", type: "voluntary" },
          { name: "GGZ Dal en Heuvel", type: "mental_health" },
        ]),
      );
      await page.setJavaScriptEnabled(true);

      // The rest in Dutch, reached through the switch.
      await clickAndWait(page, "a[hreflang='nl']");
      expect(await page.$eval("html", (h) => h.lang)).toBe("nl");
      expect(await heading(page)).toBe("Organisaties Valley Diabetes Network");
      await check(page, "organisations page in Dutch");

      await page.goto(`${shared.url}/networks/${network.id}/organisations/${used.id}/edit?lang=nl`);
      expect(await heading(page)).toBe("Valley General Hospital wijzigen");
      await check(page, "change page in Dutch");

      await page.goto(`${shared.url}/networks/${network.id}/organisations/${used.id}/delete?lang=nl`);
      expect(await heading(page)).toBe("Valley General Hospital deactiveren?");
      await check(page, "delete page in Dutch");

      makeMember(t, network.id, { organisation: "Thuiszorg West" });
      await page.goto(`${shared.url}/networks/${network.id}/organisations/from-roster?lang=nl`);
      await check(page, "organisations from the roster in Dutch");

      await page.goto(`${shared.url}/networks/${network.id}`);
      await check(page, "network page with the round form's extra parts");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
    // Eight axe runs at two widths: more than the default 30 s on a busy machine.
  }, 120_000);
});
