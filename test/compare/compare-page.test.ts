import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeGrant, makeNetwork } from "../support/factories";
import { getPage } from "../support/http";
import { portfolioFixture } from "./fixtures";

describe("GET /compare", () => {
  it("offers the networks the user may see as checkboxes in a fieldset", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    makeNetwork(t, { name: "Not Granted Network" });
    const res = await getPage(t, "/compare", { cookie: f.commissioner.cookie });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<fieldset[^>]*>\s*<legend>Networks to compare<\/legend>/);
    expect([...res.text.matchAll(/type="checkbox" name="networkIds"/g)]).toHaveLength(3);
    expect(res.text).not.toContain("Not Granted Network");
    expect(res.text).not.toContain("<svg");
  });

  it("draws a chart per figure with a text alternative, and the table beneath", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const { north, south, east } = f.networks;
    // Checkboxes send networkIds repeated; a pasted list is comma-separated. Both work.
    const res = await getPage(t, `/compare?networkIds=${north.id}&networkIds=${south.id},${east.id}`, { cookie: f.commissioner.cookie });
    expect(res.status).toBe(200);
    const figures = [...res.text.matchAll(/<figcaption>([^<]+)<\/figcaption>\s*<div role="img" aria-label="([^"]+)"><svg/g)];
    expect(figures.map((m) => m[1])).toEqual(["Temperature", "Purpose", "Relationships", "Communication", "Governance", "Value"]);
    expect(figures[0]?.[2]).toContain("North Valley Network: 1 March 2025 61.8, 1 September 2025 not enough responses, 1 March 2026 74.3");
    // The app's CSP forbids inline styles: the charts carry presentation attributes only.
    expect(res.text).not.toMatch(/style=|<style/);
    for (const network of [north, south, east]) expect(res.text).toContain(`value="${network.id}" checked`);
    // The table: every closed round, the suppressed one without scores.
    const table = res.text.slice(res.text.indexOf("<table"));
    expect([...table.matchAll(/<th scope="row">/g)]).toHaveLength(6);
    expect(table).toContain('<td colspan="6" class="too-few">not enough responses</td>');
    expect(table).toContain('<td class="num">74.3</td>');
    expect(table).not.toContain("Still open");
    expect(res.text).toContain(`href="/compare.csv?networkIds&#x3D;${encodeURIComponent([north.id, south.id, east.id].join(","))}"`);
  });

  it("escapes network names in the charts, legend and table", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const odd = makeNetwork(t, { name: '<img src=x onerror=alert(1)> & "Co"' });
    makeGrant(t, odd.id, f.commissioner.user.id, "commissioner");
    const res = await getPage(t, `/compare?networkIds=${odd.id},${f.networks.north.id}`, { cookie: f.commissioner.cookie });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain("<img src=x");
    expect(res.text).toContain("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; &quot;Co&quot;");
  });

  it("answers a bad list with a 400 page naming networkIds", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const res = await getPage(t, `/compare?networkIds=${f.networks.north.id},${f.networks.north.id}`, { cookie: f.commissioner.cookie });
    expect(res.status).toBe(400);
    expect(res.text).toContain("networkIds: lists a network more than once");
  });
});
