import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { ElementHandle } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/lib/logger";
import { createPdfRenderer, type PdfRenderer } from "../../src/reports/renderer";
import { createTestApp, type TestApp } from "../support/app";
import { browserAndServer } from "../support/browser";
import { makeUser } from "../support/factories";
import { fullResponse } from "../support/server-process";
import { walker } from "./walk";

// One Chromium for the people, one warm renderer for the PDF, one app on a real port for the file.
const shared = browserAndServer();
let renderer: PdfRenderer;
let t: TestApp;
let walk: ReturnType<typeof walker>;

beforeAll(() => {
  renderer = createPdfRenderer({ logger: memoryLogger().logger, executablePath: process.env.PUPPETEER_EXECUTABLE_PATH });
  // PUBLIC_URL is the served origin, so that links in CSVs and pages work from the browser.
  // The clock starts at the real time: the browser drops a session cookie that expired by its own clock.
  t = shared.serve(createTestApp({ env: { PUBLIC_URL: shared.url }, renderer, now: new Date().toISOString() }));
  walk = walker(shared.browser, shared.url);
});

afterAll(() => renderer?.close());

const ROSTER = [
  "name,email,organisation",
  ...Array.from({ length: 6 }, (_, i) => `Member ${i + 1},member${i + 1}@example.org,Valley Hospital`),
  "Broken Row,not-an-email,Nowhere",
].join("\n");

describe("a facilitator and a commissioner in a real browser", () => {
  it("walks from sign-in to the members' mirror, then compares as a commissioner", async () => {
    const facilitator = makeUser(t, { role: "facilitator", email: "fran@example.org", name: "Fran Facilitator" });
    makeUser(t, { role: "commissioner", email: "cora@example.org", name: "Cora Commissioner" });
    expect(facilitator.id).toBeTruthy();
    const { visited, problems, violations, checkA11y, clickAndWait, byText, newPerson, signIn, asBrowser, fitsPhone, heading, text } = walk;
    const { context, page } = await newPerson();

    // Sign in and create a network.
    await signIn(page, "fran@example.org");
    expect(await heading(page)).toBe("Networks");
    await page.type("#name", "Valley Care Network");
    await clickAndWait(page, await byText(page, "button", "Create network"));
    expect(await heading(page)).toBe("Valley Care Network");
    const networkUrl = page.url();
    const networkId = new URL(networkUrl).pathname.split("/")[2] ?? "";

    // Import a roster with one bad row, seen in the preview before anything is saved.
    await clickAndWait(page, `a[href="/networks/${networkId}/members"]`);
    const csvFile = join(mkdtempSync(join(tmpdir(), "netmirror-e2e-")), "roster.csv");
    writeFileSync(csvFile, ROSTER);
    const input = (await page.$("#file")) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(csvFile);
    await clickAndWait(page, await byText(page, "button", "Check the import"));
    expect(await heading(page)).toBe("Check the import");
    const errorRows = await page.$$eval(".error-summary tbody tr", (trs) =>
      trs.map((tr) => [...tr.cells].map((c) => c.textContent?.trim())),
    );
    expect(errorRows).toEqual([["8", expect.stringContaining("not-an-email")]]);
    expect(await text(page)).toContain("Nothing has been saved yet");
    await clickAndWait(page, await byText(page, "button", "Add 6 members"), false);
    expect(await text(page)).toContain("6 members added");

    // Create a round with the suggested values, and open it.
    await page.goto(networkUrl);
    expect(await page.$eval("#closesAt", (e) => (e as HTMLInputElement).value)).toMatch(/^\d{4}-\d{2}-\d{2}T17:00$/);
    await clickAndWait(page, await byText(page, "button", "Create round"));
    expect(await text(page)).toContain("created as a draft");
    const roundId = new URL(page.url()).pathname.split("/")[2] ?? "";
    await fitsPhone(page);
    await clickAndWait(page, await byText(page, "button", "Open the round"), false);
    expect(await text(page)).toContain("The round is open");

    // Download the invitation CSV (the form's POST, with the browser's cookie) and answer with five links.
    expect(await byText(page, "button", "download the CSV")).toBeTruthy();
    const download = await asBrowser(context, "POST", `/rounds/${roundId}/invitations.csv`);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="invitations-/);
    const rows: string[][] = parse((await download.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["name", "email", "link"]);
    expect(rows).toHaveLength(7);
    for (const [i, row] of rows.slice(1, 6).entries()) {
      const token = (row[2] ?? "").split("/s/")[1];
      const body = { ...fullResponse(i), comments: { purpose: `Purpose comment ${i}`, value: `Value comment ${i}` } };
      const res = await fetch(`${shared.url}/api/v1/s/${token}/response`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
    }
    await page.reload();
    await checkA11y(page);
    const stats = await page.$$eval("dl.stats div", (divs) =>
      divs.map((d) => `${d.querySelector("dt")?.textContent}: ${d.querySelector("dd")?.textContent}`),
    );
    expect(stats).toEqual(["Invited: 6", "Started: 5", "Submitted: 5", "Response rate: 83.3%"]);

    // Close, through the confirm page.
    await clickAndWait(page, await byText(page, "a", "Close the round"));
    expect(await text(page)).toContain("Closing is final: no more answers; results are computed.");
    await clickAndWait(page, await byText(page, "button", "Close the round"));
    expect(await text(page)).toContain("The round is closed");

    // Release the comments and hide one.
    await clickAndWait(page, await byText(page, "a", "Review and report"), false);
    await clickAndWait(page, await byText(page, "button", "Release all pending comments"), false);
    const hide = await page.$('li.comment form[action$="/hide"] button');
    const hiddenText = await page.$eval("li.comment .comment__text", (e) => e.textContent ?? "");
    await clickAndWait(page, hide as ElementHandle<Element>);
    expect(await text(page)).toContain("1 hidden");

    // Preview the report, then download the PDF.
    const reviewUrl = page.url();
    await clickAndWait(page, await byText(page, "a", "Preview the report in English"));
    expect(page.url()).toContain(`/rounds/${roundId}/report?lang=en`);
    const reportText = await page.$eval("body", (b) => b.textContent ?? "");
    expect(reportText).toContain("Valley Care Network");
    expect(reportText).not.toContain(hiddenText);
    const pdf = await asBrowser(context, "GET", `/api/v1/rounds/${roundId}/report.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    // Record the action agreed at the meeting.
    await page.goto(reviewUrl);
    await page.type("#title", "Hold a monthly open meeting");
    await page.type("#owner", "Fran");
    await clickAndWait(page, await byText(page, "button", "Record the action"));
    expect(await text(page)).toContain("Hold a monthly open meeting");

    // Publish the members' mirror and open it as a member would.
    await page.goto(`${shared.url}/rounds/${roundId}`);
    await clickAndWait(page, await byText(page, "button", "Publish the members' mirror"));
    const mirrorUrl = await page.$eval("#mirror-title ~ p.token a", (a) => (a as HTMLAnchorElement).href);
    const member = await newPerson();
    await member.page.goto(mirrorUrl);
    await checkA11y(member.page);
    const mirror = await text(member.page);
    expect(mirror).toContain("Hold a monthly open meeting");
    expect(mirror).not.toContain(hiddenText);
    expect(await member.page.$("nav[aria-label='Main']")).toBeNull();
    await fitsPhone(member.page);
    await clickAndWait(member.page, await byText(member.page, "a", "Nederlands"));
    expect(await text(member.page)).toContain("Temperatuur");
    await member.context.close();

    // Give the commissioner access from the network page.
    await page.goto(networkUrl);
    await page.type("#email", "cora@example.org");
    await page.select("#role", "commissioner");
    await clickAndWait(page, await byText(page, "button", "Give access"));
    expect(await text(page)).toContain("Access was given");
    await context.close();

    // The commissioner: portfolio → compare → CSV.
    const cora = await newPerson();
    await signIn(cora.page, "cora@example.org", false);
    await cora.page.goto(`${shared.url}/portfolio`);
    await checkA11y(cora.page);
    expect(await text(cora.page)).toContain("Valley Care Network");
    await cora.page.goto(`${shared.url}/compare`);
    await checkA11y(cora.page);
    await cora.page.click(`input[name="networkIds"][value="${networkId}"]`);
    await clickAndWait(cora.page, await byText(cora.page, "button", "Compare"));
    const csvHref = await cora.page.$eval('a[href^="/compare.csv"]', (a) => a.getAttribute("href") ?? "");
    const csv = await asBrowser(cora.context, "GET", csvHref);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain("Valley Care Network");
    // Commissioners never reach comments.
    expect((await asBrowser(cora.context, "GET", `/rounds/${roundId}/review`)).status).toBe(403);
    await cora.context.close();

    expect(violations).toEqual({});
    expect(problems).toEqual([]);
    const shapes = new Set(visited.map((path) => path.replace(/^\/(networks|rounds|m)\/[\w-]+/, "/$1/:id")));
    expect([...shapes].sort()).toEqual(
      [
        "/login",
        "/",
        "/networks/:id",
        "/networks/:id/members",
        "/networks/:id/members/import",
        "/rounds/:id",
        "/rounds/:id/close",
        "/rounds/:id/review",
        "/rounds/:id/report",
        "/m/:id",
        "/portfolio",
        "/compare",
      ].sort(),
    );
    // About 30 s on an idle two-core machine; the limit leaves room for a busy one (axe is most of the time).
  }, 150_000);
});
