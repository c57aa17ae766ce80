import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { call } from "../support/http";
import { portfolioFixture } from "./fixtures";

const THEMES = ["purpose", "relationships", "communication", "governance", "value"] as const;

describe("GET /api/v1/compare", () => {
  it("gives every round the results' own figures, exactly", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const ids = [f.networks.north.id, f.networks.south.id, f.networks.east.id];
    const res = await call(t, "GET", `/api/v1/compare?networkIds=${ids.join(",")}`, undefined, { cookie: f.commissioner.cookie });
    expect(res.status).toBe(200);
    expect(res.json.instrument).toEqual({ id: "core", version: 1 });
    expect(res.json.networks.map((n: { id: string }) => n.id)).toEqual(ids);
    const rounds = res.json.networks.flatMap((n: { rounds: unknown[] }) => n.rounds);
    expect(rounds).toHaveLength(6);
    let shown = 0;
    for (const round of rounds) {
      const results = await call(t, "GET", `/api/v1/rounds/${round.id}/results`, undefined, { cookie: f.commissioner.cookie });
      expect(results.status).toBe(200);
      expect(round.n).toBe(results.json.n);
      expect(round.responseRate).toBe(results.json.responseRate);
      expect(round.suppressed).toBe(results.json.suppressed);
      if (results.json.suppressed) continue;
      shown++;
      expect(round.overall).toBe(results.json.overall.score);
      const themeScores = Object.fromEntries(results.json.themes.map((th: { code: string; score: number }) => [th.code, th.score]));
      expect(round.themes).toEqual(themeScores);
      for (const code of THEMES) expect(round.themes[code]).toBe(themeScores[code]);
    }
    expect(shown).toBe(5);
    // Varied answers: not every round and theme has the same score.
    expect(
      new Set(rounds.filter((r: { overall: number | null }) => r.overall !== null).map((r: { overall: number }) => r.overall)).size,
    ).toBe(5);
  });

  it("lists closed rounds only, oldest first, suppressed ones without scores", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const { north, south, east } = f.networks;
    const res = await call(t, "GET", `/api/v1/compare?networkIds=${south.id},${north.id},${east.id}`, undefined, {
      cookie: f.commissioner.cookie,
    });
    expect(res.status).toBe(200);
    const [s, n, e] = res.json.networks;
    expect(n).toMatchObject({ id: north.id, name: "North Valley Network", stage: "established" });
    expect(n.rounds.map((r: { title: string }) => r.title)).toEqual(["Spring 2025", "Autumn 2025", "Spring 2026"]);
    expect(n.rounds[1]).toEqual({
      id: f.rounds.n2.id,
      title: "Autumn 2025",
      closedAt: "2025-09-01T12:00:00.000Z",
      n: 3,
      responseRate: 37.5,
      suppressed: true,
      overall: null,
      themes: null,
      maturity: null,
    });
    // South's rounds were made newest first; they still come oldest first.
    expect(s.rounds.map((r: { title: string }) => r.title)).toEqual(["First", "Second"]);
    expect(s.rounds[0].responseRate).toBe(50);
    // East: the open-access round has no rate; the round on another instrument version is left out.
    expect(e.rounds.map((r: { id: string }) => r.id)).toEqual([f.rounds.e1.id]);
    expect(e.rounds[0].responseRate).toBeNull();
    expect(JSON.stringify(res.json)).not.toContain(f.rounds.open.id);
    // Aggregates only: nothing item-level, no comments.
    expect(Object.keys(n.rounds[0]).sort()).toEqual([
      "closedAt",
      "id",
      "maturity",
      "n",
      "overall",
      "responseRate",
      "suppressed",
      "themes",
      "title",
    ]);
  });

  it("answers CSV to Accept: text/csv", async () => {
    const t = createTestApp();
    const f = portfolioFixture(t);
    const res = await call(t, "GET", `/api/v1/compare?networkIds=${f.networks.north.id}`, undefined, {
      cookie: f.commissioner.cookie,
      headers: { Accept: "text/csv" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="comparison-2026-04-02.csv"');
    expect(res.text.split("\r\n").filter(Boolean)).toHaveLength(4);
  });

  it("refuses bad networkIds and instruments with a 400 naming the field", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const ask = (query: string) => call(t, "GET", `/api/v1/compare${query}`, undefined, { cookie: cast.admin.cookie });
    const many = Array.from({ length: 501 }, (_, i) => `id${i}`).join(",");
    for (const query of [
      "",
      "?networkIds=",
      `?networkIds=${cast.network.id},`,
      `?networkIds=a,a`,
      `?networkIds=${many}`,
      `?networkIds=${"x".repeat(65)}`,
    ]) {
      const res = await ask(query);
      expect(res.status, query.slice(0, 40)).toBe(400);
      expect(res.json.error.code).toBe("invalid_input");
      expect(res.json.error.details[0].field).toBe("networkIds");
      expect(res.json.error.message).toMatch(/^networkIds: /);
    }
    const res = await ask(`?networkIds=${cast.network.id}&instrument=nope`);
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].field).toBe("instrument");
    expect((await ask(`?networkIds=${cast.network.id}&instrument=core`)).status).toBe(200);
  });

  it("is in the OpenAPI document", async () => {
    const t = createTestApp();
    const res = await call(t, "GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const op = res.json.paths["/compare"].get;
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(["instrument", "networkIds"]);
    expect(Object.keys(op.responses["200"].content).sort()).toEqual(["application/json", "text/csv"]);
  });
});
