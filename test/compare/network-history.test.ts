import { describe, expect, it } from "vitest";
import { comments } from "../../src/db/schema";
import { newId } from "../../src/lib/ids";
import { createTestApp } from "../support/app";
import { makeGrant, makeNetwork, makeUser, sessionFor } from "../support/factories";
import { call, getPage } from "../support/http";
import { portfolioFixture } from "./fixtures";

describe("one network over time", () => {
  it("shows a commissioner every closed round's aggregates, the same figures as the comparison, and never a comment", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const { north } = f.networks;
    t.db
      .insert(comments)
      .values({ id: newId(), roundId: f.rounds.n3.id, theme: "purpose", text: "Ann never listens", status: "released" })
      .run();
    const opts = { cookie: f.commissioner.cookie };

    const history = await call(t, "GET", `/api/v1/networks/${north.id}/history`, undefined, opts);
    expect(history.status).toBe(200);
    const compared = await call(t, "GET", `/api/v1/compare?networkIds=${north.id}`, undefined, opts);
    expect(history.json).toEqual(compared.json);
    expect(history.json.networks[0].rounds.map((r: { title: string }) => r.title)).toEqual(["Spring 2025", "Autumn 2025", "Spring 2026"]);
    expect(history.text).not.toContain("Ann never listens");

    const page = await getPage(t, `/networks/${north.id}/history`, opts);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Results over time");
    expect(page.text).toContain("North Valley Network");
    // Each round in the table, the suppressed one without scores, with responses and response rate.
    const rows = [...page.text.matchAll(/<td>(Spring 2025|Autumn 2025|Spring 2026)<\/td>/g)].map((m) => m[1]);
    expect(rows).toEqual(["Spring 2025", "Autumn 2025", "Spring 2026"]);
    expect(page.text).toMatch(
      /<td>Autumn 2025<\/td>\s*<td class="date nowrap">1 September 2025<\/td>\s*<td class="num">3<\/td>\s*<td class="num">37.5%<\/td>\s*<td colspan="6" class="too-few">/,
    );
    expect(page.text).toContain('aria-label="Temperature (0 to 100) by round closing date. North Valley Network: 1 March 2025');
    expect(page.text).not.toContain("Ann never listens");
    expect(page.text).not.toContain("South Coast Partnership");
    // The network page links to it, for commissioners too.
    const networkPage = await getPage(t, `/networks/${north.id}`, opts);
    expect(networkPage.text).toContain(`href="/networks/${north.id}/history"`);
  });

  it("says so when the network has no closed round yet", async () => {
    const t = createTestApp();
    const network = makeNetwork(t, { name: "Brand new" });
    const commissioner = makeUser(t, { role: "commissioner" });
    makeGrant(t, network.id, commissioner.id, "commissioner");
    const page = await getPage(t, `/networks/${network.id}/history`, { cookie: sessionFor(t, commissioner.id) });
    expect(page.status).toBe(200);
    expect(page.text).toContain("This network has no closed round yet.");
  });

  it("is 404 to someone without access to the network, and sends an anonymous visitor to sign in", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const stranger = makeUser(t, { role: "commissioner" });
    const other = makeNetwork(t);
    makeGrant(t, other.id, stranger.id, "commissioner");
    const cookie = sessionFor(t, stranger.id);
    const page = await getPage(t, `/networks/${f.networks.north.id}/history`, { cookie });
    expect(page.status).toBe(404);
    expect(page.text).not.toContain("North Valley Network");
    expect((await call(t, "GET", `/api/v1/networks/${f.networks.north.id}/history`, undefined, { cookie })).status).toBe(404);
    const anonymous = await getPage(t, `/networks/${f.networks.north.id}/history`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?next=/);
  });
});
