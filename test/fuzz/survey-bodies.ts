import fc from "fast-check";
import { getInstrument, INVOLVEMENT_CODES, type Instrument, itemCodes, THEME_CODES, TREND_CODES } from "../../src/instrument";
import { MAX_COMMENT_LENGTH } from "../../src/survey/schemas";
import type { TestApp } from "../support/app";
import { makeInvitation, makeNetwork, makeRound } from "../support/factories";
import { anyText, HOSTILE_STRINGS, hostileString, type JsonObject } from "./arbitraries";

const core = getInstrument("core", 1) as Instrument;

const optionsOf = (code: "organisationType" | "professionalGroup") => {
  const question = core.questions.find((q) => q.code === code);
  return question?.kind === "choice" ? question.options.map((o) => o.code) : [];
};

/** A response the core instrument accepts: some statements rated, the rest of the fields perhaps. */
export const validResponse: fc.Arbitrary<JsonObject> = fc.record(
  {
    answers: fc.dictionary(
      fc.constantFrom(...itemCodes(core)),
      fc.constantFrom<1 | 2 | 3 | 4 | 5 | "dont_know">(1, 2, 3, 4, 5, "dont_know"),
      {
        minKeys: 1,
        maxKeys: 6,
      },
    ),
    overall: fc.integer({ min: 0, max: 10 }),
    trend: fc.constantFrom(...TREND_CODES),
    involvement: fc.constantFrom(...INVOLVEMENT_CODES),
    profile: fc.record(
      {
        organisationType: fc.constantFrom(...optionsOf("organisationType")),
        professionalGroup: fc.constantFrom(...optionsOf("professionalGroup")),
      },
      { requiredKeys: [] },
    ),
    comments: fc.dictionary(fc.constantFrom(...THEME_CODES), fc.string({ maxLength: 80 }), { maxKeys: 2 }),
  },
  { requiredKeys: ["answers"] },
);

/** Replaces lone surrogates, which no UTF-8 column can hold, with U+FFFD (what any UTF-8 encoder does). */
export const wellFormed = (s: string) => s.replace(/\p{Cs}/gu, "\uFFFD");

/**
 * A comment a member might paste: SQL, HTML, CSV formulas, odd Unicode, NULs; kept to what the
 * schema takes (at most MAX_COMMENT_LENGTH characters, not blank).
 */
export const hostileComment: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    hostileString,
    fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), anyText, fc.constantFrom(...HOSTILE_STRINGS)).map((p) => p.join(" ")),
  )
  .map((s) => wellFormed(s.slice(0, MAX_COMMENT_LENGTH)))
  .filter((s) => s.trim() !== "");

/** Whatever goes where a link token goes: random text (percent-encoded), raw percent garbage, look-alikes of real tokens. */
export const tokenSegment: fc.Arbitrary<string> = fc.oneof(
  anyText.map((s) => encodeURIComponent(wellFormed(s))),
  hostileString.map((s) => encodeURIComponent(wellFormed(s))),
  fc.string({ unit: fc.constantFrom(..."%zZ09AF._~-+!$&'()*,;=:@".split("")), maxLength: 30 }),
  fc.constantFrom("%ED%A0%80", "%C0%AF", "%FF%FE", "%2e%2e%2f", "%00", "x".repeat(201), "nm_", "s"),
  fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
);

/** An open round of core v1 in a network of its own. */
export function openRound(t: TestApp) {
  const network = makeNetwork(t.deps);
  return makeRound(t.deps, network.id, { status: "open", openedAt: t.clock.now() });
}

/** Links in each state a respondent can meet: live, already submitted, round not open yet, round closed. */
export function linkMaker(t: TestApp) {
  const network = makeNetwork(t.deps);
  const open = openRound(t);
  const draft = makeRound(t.deps, network.id);
  const closed = makeRound(t.deps, network.id, { status: "closed", openedAt: t.clock.now(), closedAt: t.clock.now() });
  return (state: "live" | "submitted" | "not_ready" | "gone") => {
    const roundId = state === "not_ready" ? draft.id : state === "gone" ? closed.id : open.id;
    return makeInvitation(t.deps, roundId, state === "submitted" ? { status: "submitted" } : {}).token;
  };
}
