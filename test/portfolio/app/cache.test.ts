import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { grants, rounds } from "../../../src/db/schema";
import { createPortfolioCache, portfolioVersion } from "../../../src/portfolio/cache";
import { loadPortfolio } from "../../../src/portfolio/service";
import { startAutoClose } from "../../../src/rounds/auto-close";
import { createTestApp, type TestApp } from "../../support/app";
import { makeNetwork, makeRound, makeUser, sessionFor } from "../../support/factories";
import { call, getPage } from "../../support/http";
import { insertResponses, uniformResponse } from "../../support/responses";
import { heatmapFixture, roundOf } from "./fixture";

/** The network names the heatmap lists, in order. */
const names = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/networks\/[^"]+\/history">([^<]+)<\/a>/g)].map((m) => m[1]);
/** The text of a network's row. */
function rowOf(html: string, name: string): string {
  const start = html.indexOf(`>${name}</a>`) + 1;
  return html
    .slice(start, html.indexOf("</tr>", start))
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function admin(t: TestApp) {
  const user = makeUser(t, { role: "admin" });
  return sessionFor(t, user.id);
}

describe("the worked-out portfolio is kept between requests, and never outlives its data", () => {
  it("serves the same figures again while nothing changes, without working them out again", () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const actor = { userId: f.commissioner.user.id, email: "", name: "", role: "commissioner" as const, via: "session" as const };
    const first = loadPortfolio(t.deps, actor);
    const again = loadPortfolio(t.deps, actor);
    expect(again.rows).toBe(first.rows);
    expect(again.quarters).toBe(first.quarters);
    // A new round of responses in an open round is not portfolio data: the kept figures stay.
    const open = makeRound(t, f.networks.elm.id, { status: "open", openedAt: t.clock.now() });
    insertResponses(t, open.id, [uniformResponse(2), uniformResponse(3)]);
    expect(loadPortfolio(t.deps, actor).rows).toBe(first.rows);
    // The kept rows cannot be sorted in place by one request and seen sorted by the next.
    expect(() => (first.rows as unknown as unknown[]).reverse()).toThrow();
  });

  it("shows a round on the page as soon as it closes, and the network's new average", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const cookie = f.commissioner.cookie;
    expect(rowOf((await getPage(t, "/portfolio", { cookie })).text, "Elm Network")).toBe("Elm Network Renewing No closed round yet");
    // Elm's first round (six times 4: 75.0) closes through the API, an hour later.
    t.clock.set("2026-04-01T10:00:00Z");
    const round = makeRound(t, f.networks.elm.id, { status: "open", openedAt: t.clock.now() });
    insertResponses(
      t,
      round.id,
      Array.from({ length: 6 }, () => uniformResponse(4)),
    );
    expect((await call(t, "POST", `/api/v1/rounds/${round.id}/close`, undefined, { cookie: admin(t) })).status).toBe(200);
    const page = (await getPage(t, "/portfolio", { cookie })).text;
    expect(rowOf(page, "Elm Network")).toContain("Elm Network Renewing 1 April 2026 6 – low 75.0 strong");
    // (85 + 70 + 50 + 75 + 75) / 5 = 71.0 of 5 networks.
    expect(page).toContain("71.0");
    expect(page.slice(page.indexOf("<tfoot>"), page.indexOf("</tfoot>"))).toContain("5 networks");
  });

  it("follows a renamed network, a new grant and a withdrawn one, and a later round of a network", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const cookie = f.commissioner.cookie;
    const boss = admin(t);
    const before = (await getPage(t, "/portfolio", { cookie })).text;
    expect(names(before)).toEqual(["Alder Network", "Birch Partnership", "Cedar Collaborative", "Dogwood Alliance", "Elm Network"]);

    const renamed = await call(t, "PATCH", `/api/v1/networks/${f.networks.cedar.id}`, { name: "Aspen Collaborative" }, { cookie: boss });
    expect(renamed.status).toBe(200);
    const granted = await call(
      t,
      "POST",
      `/api/v1/networks/${f.networks.hidden.id}/grants`,
      { userId: f.commissioner.user.id, role: "commissioner" },
      { cookie: boss },
    );
    expect(granted.status).toBe(201);
    const birchGrant = t.db.select().from(grants).where(eq(grants.networkId, f.networks.birch.id)).get();
    const withdrawn = await call(t, "DELETE", `/api/v1/networks/${f.networks.birch.id}/grants/${birchGrant?.id}`, undefined, {
      cookie: boss,
    });
    expect(withdrawn.status).toBe(204);
    const after = (await getPage(t, "/portfolio", { cookie })).text;
    expect(names(after)).toEqual(["Alder Network", "Aspen Collaborative", "Dogwood Alliance", "Elm Network", "Hidden Network"]);

    // Dogwood's next round (five times 2: 25.0) replaces its "too few answers".
    roundOf(t, f.networks.dogwood.id, "2026-04-01T11:00:00Z", [2, 2, 2, 2, 2]);
    expect(rowOf((await getPage(t, "/portfolio", { cookie })).text, "Dogwood Alliance")).toContain(
      "Dogwood Alliance Established 1 April 2026 5 – low 25.0 needs attention",
    );
  });

  it("raises the portfolio's data version on every change it is worked out from, and on nothing else", () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const raises = (change: () => unknown) => {
      const before = portfolioVersion(t.db);
      change();
      return portfolioVersion(t.db) > before;
    };
    const closed = t.db.select().from(rounds).where(eq(rounds.networkId, f.networks.alder.id)).all()[0];
    if (!closed) throw new Error("Alder has closed rounds");
    expect(raises(() => t.db.update(rounds).set({ title: "Spring check" }).where(eq(rounds.id, closed.id)).run())).toBe(true);
    expect(raises(() => t.db.$client.prepare("update round_figures set n = n where round_id = ?").run(closed.id))).toBe(true);
    expect(raises(() => t.db.$client.prepare("update networks set stage = 'renewing' where id = ?").run(f.networks.alder.id))).toBe(true);
    expect(raises(() => t.db.delete(grants).where(eq(grants.networkId, f.networks.alder.id)).run())).toBe(true);
    expect(raises(() => t.db.delete(rounds).where(eq(rounds.id, closed.id)).run())).toBe(true);
    // An open round and its answers are not portfolio data: a national launch's submissions leave it kept.
    const open = makeRound(t, f.networks.elm.id, { status: "open", openedAt: t.clock.now() });
    expect(raises(() => insertResponses(t, open.id, [uniformResponse(4)]))).toBe(false);
    expect(raises(() => t.db.update(rounds).set({ title: "Still open" }).where(eq(rounds.id, open.id)).run())).toBe(false);
    expect(raises(() => t.db.update(rounds).set({ status: "closed", closedAt: t.clock.now() }).where(eq(rounds.id, open.id)).run())).toBe(
      true,
    );
  });

  it("is worked out again by the scheduled closer after a round closes, before anyone looks", async () => {
    const t = createTestApp();
    const f = heatmapFixture(t);
    const actor = { userId: f.commissioner.user.id, email: "", name: "", role: "commissioner" as const, via: "session" as const };
    const before = loadPortfolio(t.deps, actor);
    // Elm's first round is due at 10:00; the closer's tick closes it and works the portfolio out again.
    const round = makeRound(t, f.networks.elm.id, { status: "open", openedAt: t.clock.now(), closesAt: new Date("2026-04-01T10:00:00Z") });
    insertResponses(
      t,
      round.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
    );
    t.clock.set("2026-04-01T10:00:00Z");
    const stop = startAutoClose(t.deps);
    stop();
    // The refresh runs one portfolio per turn of the event loop; after two turns the kept value is
    // current, so the next look works nothing out.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    let computed = 0;
    const kept = t.deps.portfolioCache.get(t.db, `user:${f.commissioner.user.id}:core@1`, () => {
      computed++;
      return { rows: null };
    });
    expect(computed).toBe(0);
    expect(kept.rows).not.toBe(before.rows);
    const elm = loadPortfolio(t.deps, actor).rows.find((row) => row.network.id === f.networks.elm.id);
    expect(elm?.cells.overall.shown).toBe(75);
  });

  it("refreshes only what changed, one portfolio at a time", async () => {
    const t = createTestApp();
    const cache = createPortfolioCache();
    let computed = 0;
    const value = () => cache.get(t.db, "a", () => ++computed);
    expect(value()).toBe(1);
    expect(await cache.refresh(t.db)).toBe(0);
    makeRound(t, makeNetwork(t).id, { status: "closed", closedAt: t.clock.now() });
    expect(await cache.refresh(t.db)).toBe(1);
    expect(value()).toBe(2);
    expect(computed).toBe(2);
  });

  it("keeps at most its size of portfolios, working out again the one used longest ago", () => {
    const t = createTestApp();
    const cache = createPortfolioCache(2);
    let computed = 0;
    const get = (key: string) =>
      cache.get(t.db, key, () => {
        computed++;
        return { key };
      });
    const a = get("a");
    get("b");
    expect(get("a")).toBe(a);
    get("c"); // drops b, used longest ago
    expect(computed).toBe(3);
    expect(get("a")).toBe(a);
    get("b");
    expect(computed).toBe(4);
  });
});
