import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, rounds } from "../../src/db/schema";
import { hashToken, newToken } from "../../src/lib/ids";
import { closeDueRounds } from "../../src/rounds/lifecycle";
import { surveyLanguage } from "../../src/survey/lang";
import { createTestApp } from "../support/app";
import { call, getPage } from "../support/http";
import { fullResponse, openSurvey, survey, surveyTables } from "./helpers";

describe("GET /api/v1/s/:token", () => {
  it("returns the round, the instrument in English and no draft", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t, { title: "Spring check", closesAt: new Date("2026-03-20T17:00:00Z") });
    const res = await call(t, "GET", survey(token));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.json.round).toEqual({ title: "Spring check", closesAt: "2026-03-20T17:00:00.000Z", language: "en" });
    expect(res.json.draft).toBeNull();
    const { instrument } = res.json;
    expect(instrument).toMatchObject({ id: "core", version: 1 });
    expect(instrument.themes.map((theme: { code: string }) => theme.code)).toEqual([
      "purpose",
      "relationships",
      "communication",
      "governance",
      "value",
    ]);
    expect(instrument.themes[0].title).toBe("Purpose");
    expect(instrument.themes[0].items[0]).toEqual({
      code: "purpose.1",
      text: "I could explain the network's purpose to a colleague.",
      scale: { min: 1, max: 5, dontKnow: true },
    });
    const codes = instrument.questions.map((q: { code: string }) => q.code);
    expect(codes).toEqual(["overall", "trend", "involvement", "organisationType", "professionalGroup"]);
    const trend = instrument.questions.find((q: { code: string }) => q.code === "trend");
    expect(trend.options.map((o: { code: string }) => o.code)).toEqual(["worse", "same", "better", "new"]);
  });

  it("speaks Dutch with ?lang=nl and in a Dutch round, whatever the browser's Accept-Language", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const byQuery = await call(t, "GET", `${survey(token)}?lang=nl`);
    // The round's language decides over the browser's: an English browser opening a Dutch round.
    const dutchRoundEnglishBrowser = openSurvey(t, { language: "nl" });
    const byRound = await call(t, "GET", survey(dutchRoundEnglishBrowser.token), undefined, {
      headers: { "Accept-Language": "en-GB,en;q=0.9" },
    });
    for (const res of [byQuery, byRound]) {
      expect(res.status).toBe(200);
      expect(res.json.language).toBe("nl");
      expect(res.json.instrument.themes[0].title).toBe("Doel");
      expect(res.json.instrument.questions[0].text).toBe("Hoe gezond is dit netwerk op dit moment?");
    }
    const dutchRound = openSurvey(t, { language: "nl" });
    expect((await call(t, "GET", survey(dutchRound.token))).json.language).toBe("nl");
    const englishRound = await call(t, "GET", survey(token), undefined, { headers: { "Accept-Language": "nl-NL,nl;q=0.9" } });
    expect(englishRound.json.language).toBe("en");
    const overridden = await call(t, "GET", `${survey(dutchRound.token)}?lang=en`, undefined, { headers: { "Accept-Language": "nl" } });
    expect(overridden.json.instrument.themes[0].title).toBe("Purpose");
  });
});

describe("surveyLanguage", () => {
  it.each([
    ["nl", undefined, "en", "nl"],
    ["en", "nl-NL", "nl", "en"],
    ["de", "nl-BE", "en", "en"],
    ["de", "nl-BE", undefined, "nl"],
    [undefined, "nl-NL", "en", "en"],
    [undefined, "en-GB,en;q=0.9", "nl", "nl"],
    [undefined, "nl-NL", undefined, "nl"],
    [undefined, "fr-FR,nl;q=0.8,en;q=0.9", undefined, "en"],
    [undefined, "fr, de", undefined, "en"],
    [undefined, "en;q=0,nl;q=0.1", undefined, "nl"],
    [undefined, undefined, "nl", "nl"],
    [undefined, undefined, undefined, "en"],
  ] as const)("lang=%s, Accept-Language=%s, round %s → %s", (query, accept, round, expected) => {
    expect(surveyLanguage(query, accept, round)).toBe(expected);
  });
});

describe("link states", () => {
  const paths = (token: string) =>
    [
      ["GET", survey(token), undefined],
      ["PUT", `${survey(token)}/draft`, { answers: { "purpose.1": 3 } }],
      ["POST", `${survey(token)}/response`, { answers: { "purpose.1": 3 } }],
    ] as const;

  async function expectEverywhere(t: ReturnType<typeof createTestApp>, token: string, status: number, code: string) {
    const before = surveyTables(t);
    for (const [method, path, body] of paths(token)) {
      const res = await call(t, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.json.error.code).toBe(code);
      expect(res.json.error.requestId).toEqual(expect.any(String));
    }
    expect(surveyTables(t)).toEqual(before);
  }

  it("an unknown token is 404", async () => {
    const t = createTestApp();
    openSurvey(t);
    await expectEverywhere(t, newToken(), 404, "not_found");
    const res = await call(t, "GET", survey(newToken()));
    expect(res.json.error.message).toBe("This link is not valid. It may have been replaced by a newer one.");
  });

  it("a replaced token is 404", async () => {
    const t = createTestApp();
    const { invitation, token } = openSurvey(t);
    t.db
      .update(invitations)
      .set({ tokenHash: hashToken(newToken()) })
      .where(eq(invitations.id, invitation.id))
      .run();
    await expectEverywhere(t, token, 404, "not_found");
  });

  it("a round not opened yet is 409 not_ready", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t, { status: "draft", openedAt: null });
    await expectEverywhere(t, token, 409, "not_ready");
  });

  it("a closed round is 410", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t, { status: "closed", closedAt: t.clock.now() });
    await expectEverywhere(t, token, 410, "gone");
  });

  it("a used link is 409 already_submitted", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    expect((await call(t, "POST", `${survey(token)}/response`, fullResponse())).status).toBe(201);
    await expectEverywhere(t, token, 409, "already_submitted");
  });

  it("a round past closesAt is 410 for members everywhere, and only the scheduled closer closes it", async () => {
    const t = createTestApp({ now: "2026-03-02T09:00:00Z" });
    const { round, token } = openSurvey(t, { closesAt: new Date("2026-03-10T17:00:00Z") });
    expect((await call(t, "PUT", `${survey(token)}/draft`, { answers: { "purpose.1": 3 } })).status).toBe(200);
    t.clock.set("2026-03-10T17:00:01Z");
    // Reading, saving and submitting are all refused as for a closed round, and change nothing.
    await expectEverywhere(t, token, 410, "gone");
    const res = await call(t, "POST", `${survey(token)}/response`, fullResponse());
    expect(res.status).toBe(410);
    const page = await getPage(t, `/s/${token}`);
    expect(page.status).toBe(410);
    expect(page.text).toContain("This temperature check has closed");
    const stored = () => t.db.select().from(rounds).where(eq(rounds.id, round.id)).get();
    expect(stored()).toMatchObject({ status: "open", closedAt: null });
    expect(surveyTables(t)).toMatchObject({ responses: 0 });
    expect(surveyTables(t).drafts).toHaveLength(1);
    // The closer closes it at its closing time and deletes the drafts that can no longer be submitted.
    expect(closeDueRounds(t.deps)).toBe(1);
    expect(stored()?.status).toBe("closed");
    expect(stored()?.closedAt?.toISOString()).toBe("2026-03-10T17:00:00.000Z");
    expect(surveyTables(t)).toMatchObject({ responses: 0, drafts: [] });
  });
});
