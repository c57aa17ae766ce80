import fc from "fast-check";
import { describe, it } from "vitest";
import { createTestApp } from "../support/app";
import { makeCast, makeNetwork, makeUser } from "../support/factories";
import { makeClosedRound, uniformResponse } from "../support/responses";
import { fuzzBody, hostileString } from "./arbitraries";
import { ACCOUNT_ENDPOINTS } from "./endpoints";
import { NETWORK_ENDPOINTS } from "./network-endpoints";
import { credentialsFor, expectApiContract, expectNothingStored, sendJson, storedState, via } from "./oracle";

describe("fuzzing JSON bodies: no 5xx, the error shape, nothing stored on refusal", () => {
  for (const endpoint of [...ACCOUNT_ENDPOINTS, ...NETWORK_ENDPOINTS]) {
    it(`${endpoint.method} ${endpoint.route}`, async () => {
      const t = createTestApp();
      const target = await endpoint.setup(t);
      const how = target.vias ? fc.constantFrom(...target.vias) : via;
      await fc.assert(
        fc.asyncProperty(fuzzBody(target.valid), how, async (body, by) => {
          const before = storedState(t.db, target.watch);
          const res = await sendJson(t, endpoint.method, target.path, body, target.who, by);
          target.after?.();
          expectApiContract(res);
          expectNothingStored(res, before, storedState(t.db, target.watch));
        }),
        { numRuns: endpoint.runs },
      );
    });
  }
});

/** Query strings: valid ones, ones with a hostile or repeated value, and raw text never meant as a query. */
function fuzzQuery(valid: fc.Arbitrary<Record<string, string>>): fc.Arbitrary<string> {
  const encode = (q: Record<string, string> | [string, string][]) => new URLSearchParams(q).toString();
  return fc.oneof(
    valid.map(encode),
    fc
      .tuple(valid, hostileString)
      .map(([q, bad]) => encode(Object.fromEntries(Object.keys(q).map((k, i) => [k, i === 0 ? bad : (q[k] ?? "")])))),
    fc
      .tuple(valid, hostileString)
      .map(([q, bad]) => encode([...Object.entries(q), ...Object.keys(q).map((k): [string, string] => [k, bad])])),
    fc.dictionary(fc.oneof(fc.constantFrom("networkIds", "instrument", "lang"), hostileString), hostileString, { maxKeys: 4 }).map(encode),
    fc.string({ unit: fc.constantFrom(..."ab=&%;,+?/#[]\\'\"<> \u00e9\u0000zz0123".split("")), maxLength: 40 }),
  );
}

describe("fuzzing query strings", () => {
  it("GET /compare", async () => {
    const t = createTestApp();
    const admin = credentialsFor(t, makeUser(t.deps, { role: "admin" }).id);
    const ids = [1, 2, 3].map(() => {
      const network = makeNetwork(t.deps);
      makeClosedRound(t.deps, network.id, [uniformResponse(4), uniformResponse(2)], { minResponses: 3 });
      return network.id;
    });
    const valid = fc.record(
      { networkIds: fc.subarray(ids, { minLength: 1 }).map((list) => list.join(",")), instrument: fc.constantFrom("core", "other") },
      { requiredKeys: ["networkIds"] },
    );
    await fc.assert(
      fc.asyncProperty(fuzzQuery(valid), via, async (query, by) => {
        const before = storedState(t.db);
        const res = await sendJson(t, "GET", `/api/v1/compare?${query}`, undefined, admin, by);
        expectApiContract(res);
        expectNothingStored(res, before, storedState(t.db));
      }),
      { numRuns: 100 },
    );
  });

  it("GET /rounds/:id/results?lang", async () => {
    const t = createTestApp();
    const cast = makeCast(t.deps);
    const round = makeClosedRound(t.deps, cast.network.id, [uniformResponse(4), uniformResponse(5), uniformResponse(1)], {
      minResponses: 3,
    });
    const facilitator = credentialsFor(t, cast.facilitator.user.id);
    const valid = fc.record({ lang: fc.constantFrom("en", "nl") });
    await fc.assert(
      fc.asyncProperty(fuzzQuery(valid), via, async (query, by) => {
        const before = storedState(t.db);
        const res = await sendJson(t, "GET", `/api/v1/rounds/${round.id}/results?${query}`, undefined, facilitator, by);
        expectApiContract(res);
        expectNothingStored(res, before, storedState(t.db));
      }),
      { numRuns: 100 },
    );
  });
});
