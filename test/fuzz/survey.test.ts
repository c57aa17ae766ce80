import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { THEME_CODES } from "../../src/instrument";
import { createTestApp } from "../support/app";
import { makeInvitation } from "../support/factories";
import { call } from "../support/http";
import { writePending } from "../survey/helpers";
import { anyText, fuzzBody, hostileString, loneSurrogate } from "./arbitraries";
import { expectApiContract, expectNothingStored, storedState } from "./oracle";
import { hostileComment, linkMaker, openRound, tokenSegment, validResponse, wellFormed } from "./survey-bodies";

// What a survey request may write: counts of every table, and the drafts and invitation statuses themselves.
const WATCHED = ["drafts", "invitations"];
const SURVEY_CALLS = [
  { method: "GET", suffix: "" },
  { method: "PUT", suffix: "/draft" },
  { method: "POST", suffix: "/response" },
] as const;

/** One survey request; no cookie and no token, the link is the only credential. */
function surveyCall(t: ReturnType<typeof createTestApp>, method: string, path: string, body?: string) {
  return call(t, method, path, body, body === undefined ? {} : { headers: { "Content-Type": "application/json" } });
}

describe("fuzzing the public survey JSON", () => {
  it("any token, any body: a 404 (or a 400 for a bad body) in the error shape, nothing stored", async () => {
    const t = createTestApp();
    linkMaker(t)("live");
    await fc.assert(
      fc.asyncProperty(tokenSegment, fc.constantFrom(...SURVEY_CALLS), fuzzBody(validResponse), async (token, { method, suffix }, body) => {
        const before = storedState(t.db, WATCHED);
        const res = await surveyCall(t, method, `/api/v1/s/${token}${suffix}`, method === "GET" ? undefined : body);
        // Stay under the limit on failed lookups (30 per 10 minutes), so each request reaches the lookup.
        t.clock.advance(21_000);
        expectApiContract(res);
        // The body's general shape is checked before the link is looked up: a bad body is a 400 either way.
        expect([400, 404], res.text).toContain(res.status);
        expectNothingStored(res, before, storedState(t.db, WATCHED));
      }),
      { numRuns: 150 },
    );
  });

  it("links in every state, random and hostile bodies and ?lang: no 5xx, nothing stored on refusal", async () => {
    const t = createTestApp();
    const link = linkMaker(t);
    const state = fc.constantFrom("live", "live", "live", "submitted", "not_ready", "gone") as fc.Arbitrary<Parameters<typeof link>[0]>;
    await fc.assert(
      fc.asyncProperty(
        state,
        fc.constantFrom(...SURVEY_CALLS),
        fuzzBody(validResponse),
        hostileString,
        async (s, { method, suffix }, body, lang) => {
          const token = link(s);
          const before = storedState(t.db, WATCHED);
          const query = method === "GET" ? `?${new URLSearchParams({ lang: wellFormed(lang) })}` : "";
          const res = await surveyCall(t, method, `/api/v1/s/${token}${suffix}${query}`, method === "GET" ? undefined : body);
          expectApiContract(res);
          if (s !== "live") expect([400, { submitted: 409, not_ready: 409, gone: 410 }[s]], res.text).toContain(res.status);
          expectNothingStored(res, before, storedState(t.db, WATCHED));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("stores hostile comments verbatim and byte for byte: values are bound, never pasted into SQL", async () => {
    const t = createTestApp();
    const comments = fc.dictionary(fc.constantFrom(...THEME_CODES), hostileComment, { minKeys: 1, maxKeys: 3 });
    await fc.assert(
      fc.asyncProperty(comments, async (sent) => {
        const round = openRound(t);
        const { token } = makeInvitation(t.deps, round.id);
        const res = await surveyCall(
          t,
          "POST",
          `/api/v1/s/${token}/response`,
          JSON.stringify({ answers: { "purpose.1": 3 }, comments: sent }),
        );
        expect(res.status, res.text).toBe(201);
        // Through the pending pool (sealed, then opened) and out as ordinary rows.
        writePending(t);
        const stored = t.db.$client
          .prepare("select theme, text, hex(text) as hex from comments where round_id = ? order by theme")
          .all(round.id) as { theme: string; text: string; hex: string }[];
        const expected = Object.entries(sent)
          .map(([theme, text]) => ({ theme, text: text.trim(), hex: Buffer.from(text.trim(), "utf8").toString("hex").toUpperCase() }))
          .sort((a, b) => a.theme.localeCompare(b.theme));
        expect(stored).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it("refuses a comment holding an unpaired surrogate with a 400 naming it, and stores nothing", async () => {
    const t = createTestApp();
    const round = openRound(t);
    // Neighbours may pair the surrogate up into a valid character; keep only texts where it stays alone.
    const broken = fc
      .tuple(anyText, loneSurrogate, anyText)
      .map((parts) => parts.join(""))
      .filter((text) => /\p{Cs}/u.test(text));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...THEME_CODES), broken, async (theme, text) => {
        const { token } = makeInvitation(t.deps, round.id);
        const before = storedState(t.db, WATCHED);
        const body = JSON.stringify({ answers: { "value.2": 4 }, comments: { [theme]: text } });
        const res = await surveyCall(t, "POST", `/api/v1/s/${token}/response`, body);
        expectApiContract(res);
        expect(res.status, res.text).toBe(400);
        expect(JSON.parse(res.text).error.details).toContainEqual(expect.objectContaining({ field: `comments.${theme}` }));
        expect(storedState(t.db, WATCHED)).toBe(before);
      }),
      { numRuns: 50 },
    );
  });
});
