import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { members } from "../../src/db/schema";
import { createTestApp } from "../support/app";
import { browserAndServer, clickAndWait, expectAccessibleAtLaptopAndPhone, heading } from "../support/browser";
import { makeGrant, makeMember, makeNetwork, makeRound, makeUser, TEST_PASSWORD } from "../support/factories";

// One Chromium and one HTTP server for the file; the test builds its app behind the server.
const shared = browserAndServer();

const check = expectAccessibleAtLaptopAndPhone;

describe("network and roster pages in a real browser", () => {
  it("have no WCAG A/AA violations: network page, roster, import preview with errors, remove confirmation", async () => {
    // The real time: the browser drops a session cookie whose expiry the test clock put in the past.
    const t = shared.serve(createTestApp({ env: { PUBLIC_URL: shared.url }, now: new Date().toISOString() }));
    const facilitator = makeUser(t, { email: "lead@example.org", name: "Lena Lead" });
    const network = makeNetwork(t, { name: "Valley Diabetes Network", description: "Hospitals, GPs and social care in the valley." });
    makeGrant(t, network.id, facilitator.id);
    makeGrant(t, network.id, makeUser(t, { role: "commissioner", name: "Cora Commissioner" }).id, "commissioner");
    makeMember(t, network.id, { name: "Ann Bell", email: "ann@example.org", organisation: "Valley Hospital" });
    makeMember(t, network.id, { name: "Bo Smit", email: null, organisation: "" });
    makeRound(t, network.id, { title: "Spring 2026", status: "open", openedAt: t.clock.now() });

    const page = await shared.browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    try {
      // Sign in through the form, coming back to the network page.
      await page.goto(`${shared.url}/networks/${network.id}`);
      expect(page.url()).toContain("/login?next=");
      await page.type("#email", facilitator.email);
      await page.type("#password", TEST_PASSWORD);
      await clickAndWait(page, "form[action='/login'] button[type=submit]");
      expect(await heading(page)).toBe("Valley Diabetes Network");
      await check(page, "network page");

      // The edit form with errors.
      await page.$eval("#name", (el) => {
        (el as HTMLInputElement).value = "";
      });
      await clickAndWait(page, `form[action='/networks/${network.id}'] button[type=submit]`);
      expect(await page.$eval("#name-error", (e) => e.textContent)).toBe("Name is required");
      await check(page, "network page with errors");

      await page.goto(`${shared.url}/networks/${network.id}/members`);
      expect(await heading(page)).toBe("Roster Valley Diabetes Network");
      await check(page, "roster");

      // Import a file with one bad row and one duplicate: the preview shows them before saving.
      const file = join(t.dir, "roster.csv");
      writeFileSync(
        file,
        "\uFEFFnaam;e-mail;organisatie\r\nCy Dunn;cy@example.org;Hill Practice\r\n;nameless@example.org;X\r\nAnn B;ANN@example.org;\r\n",
      );
      const input = await page.$("#file");
      if (!input) throw new Error("no file input");
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
      await clickAndWait(page, `form[action$='/members/import'] button[type=submit]`);
      expect(await heading(page)).toBe("Check the import");
      expect(await page.$eval("main", (m) => m.textContent)).toContain("name is missing");
      expect(t.db.select().from(members).all()).toHaveLength(2);
      await check(page, "import preview with errors");

      await clickAndWait(page, `form[action$='/members/import/confirm'] button[type=submit]`);
      expect(await page.$eval(".notice", (n) => n.textContent)).toBe("1 member added.");
      expect(t.db.select().from(members).all()).toHaveLength(3);

      // Remove a member: a confirmation page first.
      await clickAndWait(page, "tbody tr:first-child a[href$='/delete']");
      expect(await heading(page)).toBe("Remove Ann Bell from the roster?");
      await check(page, "remove confirmation");
      await clickAndWait(page, "main form button[type=submit]");
      expect(await page.$eval(".notice", (n) => n.textContent)).toContain("removed");
      expect(t.db.select().from(members).all()).toHaveLength(2);

      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
