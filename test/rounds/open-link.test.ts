import { OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations } from "../../src/db/schema";
import type { AppEnv } from "../../src/lib/app-env";
import { hashToken, newToken } from "../../src/lib/ids";
import { openLinkPages } from "../../src/rounds/open-link";
import { createTestApp } from "../support/app";
import { makeNetwork, makeRound } from "../support/factories";
import { getPage } from "../support/http";

function openRound(t: ReturnType<typeof createTestApp>, overrides: Parameters<typeof makeRound>[2] = {}) {
  const slug = newToken();
  const round = makeRound(t, makeNetwork(t).id, { access: "open", status: "open", openedAt: t.clock.now(), openSlug: slug, ...overrides });
  return { round, slug };
}

describe("GET /o/:slug", () => {
  it("hands each visitor a fresh personal link with 303 and stores only its hash", async () => {
    const t = createTestApp();
    const { round, slug } = openRound(t);
    const first = await getPage(t, `/o/${slug}`);
    const second = await getPage(t, `/o/${slug}`);
    expect(first.status).toBe(303);
    const tokens = [first, second].map((res) => /^\/s\/([A-Za-z0-9_-]{22})$/.exec(res.headers.get("location") ?? "")?.[1]);
    expect(tokens[0]).toBeDefined();
    expect(tokens[0]).not.toBe(tokens[1]);
    const rows = t.db.select().from(invitations).where(eq(invitations.roundId, round.id)).all();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.memberId)).toEqual([null, null]);
    expect(rows.map((r) => r.status)).toEqual(["invited", "invited"]);
    expect(new Set(rows.map((r) => r.tokenHash))).toEqual(new Set(tokens.map((tk) => hashToken(tk ?? ""))));
    expect(first.headers.get("cache-control")).toBe("no-store");
  });

  it("answers an unknown slug with a 404 page", async () => {
    const t = createTestApp();
    const res = await getPage(t, `/o/${newToken()}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(res.text).toContain("This link does not exist");
  });

  it("answers a closed round with 410 and a draft one with 404, in the round's language, making no links", async () => {
    const t = createTestApp();
    const closed = openRound(t, { status: "closed", closedAt: t.clock.now(), language: "nl" });
    const draft = openRound(t, { status: "draft", openedAt: null });
    const gone = await getPage(t, `/o/${closed.slug}`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain("Deze vragenlijst is gesloten");
    expect(gone.text).toContain('lang="nl"');
    const early = await getPage(t, `/o/${draft.slug}`);
    expect(early.status).toBe(404);
    expect(early.text).toContain("has not started yet");
    expect(t.db.select().from(invitations).all()).toHaveLength(0);
  });

  it("closes a round past its closing time instead of handing out a link", async () => {
    const t = createTestApp();
    const { slug } = openRound(t, { closesAt: new Date("2026-03-02T10:00:00Z") });
    t.clock.set("2026-03-02T10:00:01Z");
    expect((await getPage(t, `/o/${slug}`)).status).toBe(410);
  });

  it("limits visits per address and answers 429 with Retry-After once the limit is reached", async () => {
    const t = createTestApp();
    const { slug } = openRound(t);
    // The page router alone, with a limit small enough to reach.
    const app = new OpenAPIHono<AppEnv>().route("/", openLinkPages(t.deps, { limit: { max: 3, windowSeconds: 600 } }));
    for (let i = 0; i < 3; i++) expect((await getPage({ app }, `/o/${slug}`)).status).toBe(303);
    t.clock.advance(60_000);
    const limited = await getPage({ app }, `/o/${slug}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("540");
    expect(t.db.select().from(invitations).all()).toHaveLength(3);
    t.clock.advance(540_000);
    expect((await getPage({ app }, `/o/${slug}`)).status).toBe(303);
  });

  it("lets a whole meeting room behind one address in by default", async () => {
    const t = createTestApp();
    const { slug } = openRound(t);
    for (let i = 0; i < 120; i++) {
      const res = await getPage(t, `/o/${slug}`);
      if (res.status !== 303) throw new Error(`visit ${i + 1} answered ${res.status}`);
    }
  });

  it("keys the limit by the first X-Forwarded-For address only behind a trusted proxy", async () => {
    const visit = (app: OpenAPIHono<AppEnv>, slug: string, from: string) =>
      getPage({ app }, `/o/${slug}`, { headers: { "X-Forwarded-For": `${from}, 10.0.0.1` } }).then((r) => r.status);
    for (const [trust, expected] of [
      ["1", 303],
      ["0", 429],
    ] as const) {
      const t = createTestApp({ env: { TRUST_PROXY: trust } });
      const { slug } = openRound(t);
      const app = new OpenAPIHono<AppEnv>().route("/", openLinkPages(t.deps, { limit: { max: 1, windowSeconds: 600 } }));
      expect(await visit(app, slug, "192.0.2.1")).toBe(303);
      expect(await visit(app, slug, "192.0.2.1")).toBe(429);
      expect(await visit(app, slug, "198.51.100.7"), `TRUST_PROXY=${trust}`).toBe(expected);
    }
  });
});
