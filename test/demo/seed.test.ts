import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { comments, invitations, networks, organisations, responses, rounds } from "../../src/db/schema";
import { DEMO_PORTFOLIO_NAME } from "../../src/demo/portfolio";
import { DEMO_NETWORK_NAME, DEMO_PASSWORD, seedDemo } from "../../src/demo/seed";
import { roundOrganisations } from "../../src/organisations/queries";
import { roundBenchmark } from "../../src/portfolio/benchmark";
import { createTestApp } from "../support/app";
import { call, getPage, sessionCookie } from "../support/http";

describe("the demo network", () => {
  it("has a roster and three closed rounds answered through the survey's own submission code", async () => {
    const t = createTestApp();
    const logins = await seedDemo(t.deps);
    expect(logins.map((l) => l.role)).toEqual(["admin", "facilitator", "commissioner"]);
    const network = t.db.select().from(networks).where(eq(networks.name, DEMO_NETWORK_NAME)).get();
    expect(network).toBeDefined();
    const closed = t.db
      .select()
      .from(rounds)
      .where(eq(rounds.networkId, network?.id ?? ""))
      .all();
    expect(closed.map((r) => r.status)).toEqual(["closed", "closed", "closed"]);
    const submitted = (roundId: string) => t.db.select({ n: count() }).from(responses).where(eq(responses.roundId, roundId)).get()?.n;
    expect(closed.map((r) => submitted(r.id))).toEqual([24, 29, 27]);
    // Submission marked exactly that many links as submitted, and closing deleted every draft.
    const done = t.db.select({ n: count() }).from(invitations).where(eq(invitations.status, "submitted")).get()?.n;
    expect(done).toBe(80);

    const login = await call(t, "POST", "/api/v1/auth/login", { email: "facilitator@example.org", password: DEMO_PASSWORD });
    const cookie = sessionCookie(login.headers);
    const latest = closed.find((r) => r.title.startsWith("Spring"));
    const results = await call(t, "GET", `/api/v1/rounds/${latest?.id}/results`, undefined, { cookie });
    expect(results.status).toBe(200);
    expect(results.json).toMatchObject({ n: 29, invited: 36, responseRate: 80.6, confidence: "high", suppressed: false });
    expect(results.json.overall.change.previousRoundId).toBe(closed.find((r) => r.title.startsWith("Autumn"))?.id);
    expect(results.json.actions.length).toBe(5);
    const statuses = t.db
      .select({ status: comments.status })
      .from(comments)
      .where(eq(comments.roundId, latest?.id ?? ""))
      .all();
    expect(statuses.filter((s) => s.status === "hidden")).toHaveLength(1);
    expect(statuses.filter((s) => s.status === "pending")).toHaveLength(0);
  });

  it("has twelve organisations of varied types, and its latest round asked about all of them with the network map and the maturity matrix", async () => {
    const t = createTestApp();
    await seedDemo(t.deps);
    const network = t.db.select().from(networks).where(eq(networks.name, DEMO_NETWORK_NAME)).get();
    const listed = t.db
      .select()
      .from(organisations)
      .where(eq(organisations.networkId, network?.id ?? ""))
      .all();
    expect(listed).toHaveLength(12);
    expect(new Set(listed.map((o) => o.type)).size).toBeGreaterThanOrEqual(7);
    const latest = t.db.select().from(rounds).where(eq(rounds.title, "Autumn 2026 temperature check")).get();
    expect(latest?.modules).toEqual(["connections", "maturity"]);
    const asked = roundOrganisations(t.db, latest?.id ?? "");
    expect(asked.map((o) => o.position)).toEqual([...Array(12).keys()]);
    expect(asked[0]?.name).toBe("Age Well Valley (charity)");
    // The earlier rounds had no modules and asked about no organisations.
    const earlier = t.db
      .select()
      .from(rounds)
      .where(eq(rounds.networkId, network?.id ?? ""))
      .all()
      .filter((r) => r.id !== latest?.id);
    expect(earlier.map((r) => [r.modules, roundOrganisations(t.db, r.id).length])).toEqual([
      [[], 0],
      [[], 0],
    ]);
  });

  it("gives the commissioner a portfolio of 13 networks with two or more closed rounds each: heatmap, movers, over time and benchmark", async () => {
    const t = createTestApp();
    const started = performance.now();
    await seedDemo(t.deps);
    // Kept quick: the demo starts with the server.
    expect(performance.now() - started).toBeLessThan(15_000);
    const login = await call(t, "POST", "/api/v1/auth/login", { email: "commissioner@example.org", password: DEMO_PASSWORD });
    const cookie = sessionCookie(login.headers);
    const portfolio = await call(t, "GET", "/api/v1/portfolio", undefined, { cookie });
    expect(portfolio.json).toMatchObject({ name: DEMO_PORTFOLIO_NAME, benchmark: true, totalNetworks: 13 });
    for (const network of portfolio.json.networks) {
      const closed = t.db.select().from(rounds).where(eq(rounds.networkId, network.id)).all();
      expect(closed.filter((r) => r.status === "closed").length, network.name).toBeGreaterThanOrEqual(2);
    }
    // Something for every part of the page: a round with too few answers, bands, notable moves.
    const figures = portfolio.json.networks.map(
      (n: { latestRound: { figures: { overall: { band: string | null; change: number | null } } } }) => n.latestRound.figures.overall,
    );
    expect(figures.filter((f: { band: string | null }) => f.band === null)).toHaveLength(1);
    expect(new Set(figures.map((f: { band: string | null }) => f.band))).toEqual(new Set([null, "needs_attention", "mixed", "strong"]));
    expect(figures.filter((f: { change: number | null }) => f.change !== null && f.change > 0).length).toBeGreaterThan(0);
    expect(figures.filter((f: { change: number | null }) => f.change !== null && f.change < 0).length).toBeGreaterThan(0);
    const page = await getPage(t, "/portfolio", { cookie });
    expect(page.text).toContain("Largest rises");
    expect((page.text.match(/<polyline points="[^"]*,[^"]* [^"]+"/g) ?? []).length).toBe(6);
    // The demo network's spring report carries the benchmark of the whole portfolio.
    const network = t.db.select().from(networks).where(eq(networks.name, DEMO_NETWORK_NAME)).get();
    const spring = t.db
      .select()
      .from(rounds)
      .where(eq(rounds.networkId, network?.id ?? ""))
      .all()
      .find((r) => r.title.startsWith("Spring"));
    expect(roundBenchmark(t.db, spring?.id ?? "")).toMatchObject({ portfolioName: DEMO_PORTFOLIO_NAME, networks: 13 });
  });

  it("is added once, however often the server starts", async () => {
    const t = createTestApp();
    await seedDemo(t.deps);
    await seedDemo(t.deps);
    // The demo network and the twelve of the commissioner's portfolio; 3 + 25 rounds.
    expect(t.db.select({ n: count() }).from(networks).get()?.n).toBe(13);
    expect(t.db.select({ n: count() }).from(rounds).get()?.n).toBe(28);
    expect(t.db.select({ n: count() }).from(organisations).get()?.n).toBe(12);
  });
});
