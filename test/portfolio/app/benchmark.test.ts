import { describe, expect, it } from "vitest";
import { roundBenchmark } from "../../../src/portfolio/benchmark";
import type { TestApp } from "../../support/app";
import { createTestApp } from "../../support/app";
import { makeGrant, makeNetwork, makeUser, sessionFor } from "../../support/factories";
import { getPage, postForm } from "../../support/http";
import { roundOf } from "./fixture";

/** A commissioner holding `networks`, with their portfolio named and the benchmark turned on or off through the page's form. */
async function commissionerOf(t: TestApp, networks: { id: string }[], name: string, benchmark = true) {
  const user = makeUser(t, { role: "commissioner" });
  for (const n of networks) makeGrant(t, n.id, user.id, "commissioner");
  const cookie = sessionFor(t, user.id);
  const res = await postForm(t, "/portfolio/settings", { name, ...(benchmark ? { benchmark: "on" } : {}) }, { cookie });
  expect(res.status).toBe(303);
  return { user, cookie };
}

/** The summary's theme table as text, for reading the benchmark column. */
async function reportText(t: TestApp, roundId: string, lang = "en") {
  const admin = makeUser(t, { role: "admin" });
  const res = await getPage(t, `/rounds/${roundId}/report?lang=${lang}`, { cookie: sessionFor(t, admin.id) });
  expect(res.status).toBe(200);
  return res.text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

/** Four networks with closed rounds: 75, 50, 100 and 25 in every figure. */
function fourNetworks(t: TestApp) {
  const values = [4, 3, 5, 2] as const;
  return values.map((v, i) => {
    const network = makeNetwork(t, { name: `Network ${i + 1}` });
    roundOf(t, network.id, `2026-0${i + 1}-01T12:00:00Z`, [v, v, v, v, v]);
    return network;
  });
}

describe("the benchmark in the mirror report", () => {
  it("shows, per theme, the portfolio average as a whole number of the networks when the round closed", async () => {
    const t = createTestApp();
    const networks = [...fourNetworks(t), makeNetwork(t, { name: "Fifth Network" })];
    await commissionerOf(t, networks, "North Programme");
    // The fifth closes at 85 ([75, 75, 75, 100, 100]): (75 + 50 + 100 + 25 + 85) / 5 = 67.
    const round = roundOf(t, networks[4]?.id ?? "", "2026-06-01T12:00:00Z", [4, 4, 4, 5, 5]);
    const text = await reportText(t, round.id);
    expect(text).toContain(
      "Portfolio average: the average of 5 networks in North Programme, as a whole number, fixed when this round closed.",
    );
    expect(text).toMatch(/Purpose 85\.0 5 .*? 67 /);
    expect(roundBenchmark(t.db, round.id)?.themes).toEqual(
      Object.fromEntries(
        ["purpose", "relationships", "communication", "governance", "value"].map((c) => [c, { average: 67, networks: 5 }]),
      ),
    );
    const dutch = await reportText(t, round.id, "nl");
    expect(dutch).toContain("het gemiddelde van 5 netwerken in North Programme");
  });

  it("stays as it was frozen when later rounds change the portfolio", async () => {
    const t = createTestApp();
    const networks = [...fourNetworks(t), makeNetwork(t, { name: "Fifth Network" })];
    await commissionerOf(t, networks, "North Programme");
    const round = roundOf(t, networks[4]?.id ?? "", "2026-06-01T12:00:00Z", [4, 4, 4, 5, 5]);
    // Network 4 rises from 25 to 100: the portfolio average would now be 82, but the report keeps 67.
    const later = roundOf(t, networks[3]?.id ?? "", "2026-07-01T12:00:00Z", [5, 5, 5, 5, 5]);
    expect(roundBenchmark(t.db, round.id)?.themes.purpose).toEqual({ average: 67, networks: 5 });
    expect(roundBenchmark(t.db, later.id)?.themes.purpose).toEqual({ average: 82, networks: 5 });
  });

  it("is not shown with fewer than 5 networks with a round with enough answers, nor without opting in", async () => {
    const t = createTestApp();
    const networks = fourNetworks(t);
    const fifth = makeNetwork(t, { name: "Fifth Network" });
    await commissionerOf(t, [...networks, fifth], "Small Programme");
    // The fifth's round has too few answers: four networks with a shown round, and none for a suppressed round.
    const few = roundOf(t, fifth.id, "2026-06-01T12:00:00Z", [4, 4, 4]);
    const own = roundOf(t, networks[0]?.id ?? "", "2026-07-01T12:00:00Z", [4, 4, 4, 4, 4]);
    expect(roundBenchmark(t.db, few.id)).toBeUndefined();
    expect(roundBenchmark(t.db, own.id)).toBeUndefined();
    expect(await reportText(t, own.id)).not.toContain("Portfolio average");

    const u = createTestApp();
    const quiet = [...fourNetworks(u), makeNetwork(u, { name: "Fifth Network" })];
    await commissionerOf(u, quiet, "Quiet Programme", false);
    const closed = roundOf(u, quiet[4]?.id ?? "", "2026-06-01T12:00:00Z", [4, 4, 4, 5, 5]);
    expect(roundBenchmark(u.db, closed.id)).toBeUndefined();
  });

  it("uses the opted-in portfolio with the most networks, and by name when they hold as many", async () => {
    const t = createTestApp();
    const networks = [...fourNetworks(t), makeNetwork(t, { name: "Fifth Network" })];
    const extra = makeNetwork(t, { name: "Sixth Network" });
    await commissionerOf(t, networks, "Alpha Programme");
    await commissionerOf(t, [...networks, extra], "Zeta Programme");
    const round = roundOf(t, networks[4]?.id ?? "", "2026-06-01T12:00:00Z", [4, 4, 4, 5, 5]);
    expect(roundBenchmark(t.db, round.id)?.portfolioName).toBe("Zeta Programme");

    const u = createTestApp();
    const same = [...fourNetworks(u), makeNetwork(u, { name: "Fifth Network" })];
    await commissionerOf(u, same, "Zeta Programme");
    await commissionerOf(u, same, "Alpha Programme");
    const tie = roundOf(u, same[4]?.id ?? "", "2026-06-01T12:00:00Z", [4, 4, 4, 5, 5]);
    expect(roundBenchmark(u.db, tie.id)?.portfolioName).toBe("Alpha Programme");
  });
});
