import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeGrant, makeNetwork, makeUser, sessionFor } from "../support/factories";
import { getPage } from "../support/http";
import { makeClosedRound, uniformResponse } from "../support/responses";
import { portfolioFixture } from "./fixtures";

const NAMES = ["North Valley Network", "South Coast Partnership", "East Side Collaborative"];

/** The network names in the order the portfolio table lists them. */
function order(html: string): string[] {
  return [...html.matchAll(/<th scope="row"><a href="\/networks\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1] ?? "");
}

describe("GET /portfolio", () => {
  it("lists only the commissioner's networks, each with its latest temperature, change and sparkline", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const hidden = makeNetwork(t, { name: "Hidden Hills Network" });
    const res = await getPage(t, "/portfolio", { cookie: f.commissioner.cookie });
    expect(res.status).toBe(200);
    expect(order(res.text)).toEqual(["East Side Collaborative", "North Valley Network", "South Coast Partnership"]);
    expect(res.text).not.toContain(hidden.name);
    // North: latest round Spring 2026, temperature and change as the compare API gives them.
    const api = await getPage(t, `/api/v1/compare?networkIds=${f.networks.north.id}`, {
      cookie: f.commissioner.cookie,
      headers: { Accept: "application/json" },
    });
    const north = JSON.parse(api.text).networks[0];
    const latest = north.rounds.at(-1);
    const row = res.text.slice(
      res.text.indexOf("North Valley Network"),
      res.text.indexOf("</tr>", res.text.indexOf("North Valley Network")),
    );
    expect(row).toContain(`<strong>${latest.overall.toFixed(1)}</strong>`);
    expect(row).toContain("1 March 2026");
    expect(row).toContain('<span class="cell-note">Established</span>');
    expect(row).toContain("70.0%");
    // The change is the results' own: delta and whether it is notable, in words.
    const results = await getPage(t, `/api/v1/rounds/${latest.id}/results`, {
      cookie: f.commissioner.cookie,
      headers: { Accept: "application/json" },
    });
    const change = JSON.parse(results.text).overall.change;
    const words = change.notable ? "a clear change" : "not clearly beyond chance";
    expect(row).toContain(
      `<span class="nowrap">${change.delta > 0 ? "+" : ""}${change.delta.toFixed(1)}</span><span class="cell-note">${words}</span>`,
    );
    const temps = north.rounds.map((r: { overall: number | null }) => (r.overall === null ? "not enough responses" : r.overall.toFixed(1)));
    expect(row).toContain(`role="img" aria-label="Temperature over 3 rounds: ${temps.join(", ")}"`);
    expect(res.text).toContain('<a href="/portfolio">Portfolio</a>');
  });

  it("sorts by temperature, response rate and date, and filters by stage", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const page = async (query: string) => order((await getPage(t, `/portfolio${query}`, { cookie: f.commissioner.cookie })).text);
    // Temperatures 74.3 (North), 62.0 (East), 42.6 (South): highest first.
    expect(await page("?sort=temperature")).toEqual(["North Valley Network", "East Side Collaborative", "South Coast Partnership"]);
    // Rates 83.3 % (South), 70.0 % (North), none for East's open round: last.
    expect(await page("?sort=responseRate")).toEqual(["South Coast Partnership", "North Valley Network", "East Side Collaborative"]);
    // Latest rounds 1 March 2026, 1 February 2026, 15 November 2025: most recent first.
    expect(await page("?sort=date")).toEqual(["North Valley Network", "South Coast Partnership", "East Side Collaborative"]);
    expect(await page("?stage=forming")).toEqual(["South Coast Partnership"]);
    expect(await page("?stage=renewing&sort=temperature")).toEqual([]);
    // A stale or mistyped link falls back to the defaults rather than failing.
    expect(await page("?sort=nonsense&stage=nope")).toEqual([...NAMES].sort());
    const form = (await getPage(t, "/portfolio?stage=forming&sort=date", { cookie: f.commissioner.cookie })).text;
    expect(form).toContain('<form method="get" action="/portfolio"');
    expect(form).toContain('<option value="forming" selected>');
    expect(form).toContain('<option value="date" selected>');
    expect((await getPage(t, "/portfolio?stage=renewing", { cookie: f.commissioner.cookie })).text).toContain(
      "No network you may see is at this stage.",
    );
  });

  it("shows a network without closed rounds, and one whose latest round has too few responses", async () => {
    const t = createTestApp();
    const user = makeUser(t, { role: "commissioner" });
    const quiet = makeNetwork(t, { name: "Quiet Network" });
    makeGrant(t, quiet.id, user.id, "commissioner");
    const few = makeNetwork(t, { name: "Few Voices Network" });
    makeGrant(t, few.id, user.id, "commissioner");
    makeClosedRound(t, few.id, [uniformResponse(4), uniformResponse(5)]);
    const res = await getPage(t, "/portfolio", { cookie: sessionFor(t, user.id) });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Quiet Network");
    expect(res.text).toContain("No closed round yet");
    const row = res.text.slice(res.text.indexOf("Few Voices Network"));
    expect(row.slice(0, row.indexOf("</tr>"))).toContain('<td colspan="6" class="too-few">not enough responses</td>');
    expect(row).toContain('aria-label="Temperature over 1 round: not enough responses"');
  });

  it("sends anonymous visitors to the login page", async () => {
    const t = createTestApp();
    const res = await getPage(t, "/portfolio");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?next=%2Fportfolio");
  });
});
