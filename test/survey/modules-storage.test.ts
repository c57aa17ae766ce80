// The modules' answers on their way to storage: checked against the round (zod), sealed at the one
// fixed size, written out with the batch into maturity_answers and the three connection tables.
import { hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getInstrument } from "../../src/instrument";
import { seal } from "../../src/lib/sealing";
import { pendingContext } from "../../src/lib/secrets";
import { closeRound } from "../../src/rounds/lifecycle";
import { encodePayload, SEALED_BYTES, V1_PAYLOAD_BYTES, V1_SEALED_BYTES } from "../../src/survey/payload";
import { createTestApp, type TestApp } from "../support/app";
import { call } from "../support/http";
import { fullResponse, survey, writePending } from "./helpers";
import { anotherLink, openModuleSurvey } from "./module-helpers";

const rows = (t: TestApp, sql: string) => t.db.$client.prepare(sql).raw().all();
const count = (t: TestApp, table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

/** A response from a respondent of organisation 0 who works with 1 (integrate, rated), 2 (aware) and 3 (no level). */
function withModules() {
  return {
    answers: { "purpose.1": 4 },
    maturity: { purpose: { current: 2, target: 3 }, governance: { current: "dont_know" }, learning: { target: 4 } },
    connections: {
      organisation: 0,
      partners: [
        { organisation: 1, level: 4, trust: 3, value: 2 },
        { organisation: 2, level: 1 },
        { organisation: 3 },
        { organisation: 4, level: 2, value: 1 },
      ],
    },
  };
}

describe("the modules' answers in storage", () => {
  it("writes maturity marks with the response, and the connections as record, levels and ratings with ids of their own", async () => {
    const t = createTestApp();
    const { round, token, orgs } = openModuleSurvey(t);
    const res = await call(t, "POST", `${survey(token)}/response`, withModules());
    expect(res.status, res.text).toBe(201);
    expect(count(t, "maturity_answers") + count(t, "connection_records")).toBe(0);
    writePending(t);

    const [responseId] = t.db.$client.prepare("select id from responses").pluck().all() as string[];
    expect(rows(t, "select response_id, round_id, dimension, current, target from maturity_answers order by dimension")).toEqual([
      [responseId, round.id, "governance", 0, null],
      [responseId, round.id, "learning", null, 4],
      [responseId, round.id, "purpose", 2, 3],
    ]);
    const id = (i: number) => orgs[i]?.id;
    expect(rows(t, "select round_id, organisation_id from connection_records")).toEqual([[round.id, id(0)]]);
    expect(rows(t, "select round_id, from_organisation_id, to_organisation_id, level from connection_levels order by level")).toEqual([
      [round.id, id(0), id(2), 1],
      [round.id, id(0), id(4), 2],
      [round.id, id(0), id(1), 4],
    ]);
    expect(rows(t, "select round_id, organisation_id, trust, value from connection_ratings order by trust")).toEqual([
      [round.id, id(4), null, 1],
      [round.id, id(1), 3, 2],
    ]);
    // Every row its own random id, none shared with the response or with another table.
    const ids = ["connection_records", "connection_levels", "connection_ratings"].flatMap(
      (table) => t.db.$client.prepare(`select id from ${table}`).pluck().all() as string[],
    );
    expect(ids).toHaveLength(6);
    expect(new Set([...ids, responseId]).size).toBe(7);
    for (const found of ids) expect(found).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it("keeps a record with no organisation for 'not listed' and 'prefer not to say', and nothing for a skipped page", async () => {
    const t = createTestApp();
    const { round, token } = openModuleSurvey(t);
    for (const [link, connections] of [
      [token, { organisation: "not_listed" }],
      [anotherLink(t, round.id), { organisation: "prefer_not_to_say" }],
      [anotherLink(t, round.id), undefined],
    ] as const) {
      const res = await call(t, "POST", `${survey(link)}/response`, { answers: { "purpose.1": 3 }, connections });
      expect(res.status, res.text).toBe(201);
    }
    writePending(t);
    expect(rows(t, "select organisation_id from connection_records")).toEqual([[null], [null]]);
    expect(count(t, "connection_levels") + count(t, "connection_ratings") + count(t, "maturity_answers")).toBe(0);
  });

  it("seals every response at one size, whether it ticks no organisation or all 100", async () => {
    const t = createTestApp();
    const { round, token } = openModuleSurvey(t, { organisations: 100 });
    const all = {
      ...fullResponse(),
      maturity: Object.fromEntries(
        ["purpose", "relationships", "communication", "governance", "value", "membership", "leadership", "learning"].map((d) => [
          d,
          { current: 4, target: 4 },
        ]),
      ),
      connections: {
        organisation: 99,
        partners: Array.from({ length: 99 }, (_, i) => ({ organisation: i, level: 4, trust: 4, value: 4 })),
      },
    };
    for (const [link, body] of [
      [token, { answers: { "purpose.1": 1 } }],
      [anotherLink(t, round.id), { answers: { "purpose.1": 1 }, connections: { organisation: 0 } }],
      [anotherLink(t, round.id), all],
    ] as const) {
      const res = await call(t, "POST", `${survey(link)}/response`, body);
      expect(res.status, res.text).toBe(201);
    }
    expect(t.db.$client.prepare("select length(sealed) from pending_responses").pluck().all()).toEqual([
      SEALED_BYTES,
      SEALED_BYTES,
      SEALED_BYTES,
    ]);
    writePending(t);
    expect(count(t, "connection_levels")).toBe(99);
    expect(count(t, "connection_ratings")).toBe(99);
    expect(count(t, "maturity_answers")).toBe(8);
  });

  it("deletes the maturity marks and connections answers of a round that closes below its threshold", async () => {
    const t = createTestApp();
    const { round, token } = openModuleSurvey(t, { minResponses: 3 });
    // Two written straight out (as demo data is), one still pending: below the threshold of 3.
    await call(t, "POST", `${survey(token)}/response`, withModules());
    await call(t, "POST", `${survey(anotherLink(t, round.id))}/response`, withModules());
    writePending(t);
    await call(t, "POST", `${survey(anotherLink(t, round.id))}/response`, withModules());
    expect(count(t, "connection_levels")).toBeGreaterThan(0);
    // Three submitted is the threshold: close with one fewer by closing before the third counts.
    t.db.$client.prepare("update daily_submissions set submitted = submitted - 1").run();
    closeRound(t.deps, round);
    for (const table of ["maturity_answers", "connection_records", "connection_levels", "connection_ratings", "pending_responses"])
      expect(count(t, table), table).toBe(0);
  });
});

describe("checking the modules' answers", () => {
  it("names each wrong field", async () => {
    const t = createTestApp();
    const { token } = openModuleSurvey(t, { organisations: 6 });
    const res = await call(t, "POST", `${survey(token)}/response`, {
      answers: { "purpose.1": 4 },
      maturity: { purpose: { current: 5 }, vision: { current: 1 }, value: { target: "maybe" } },
      connections: {
        organisation: 2,
        partners: [
          { organisation: 6, level: 2 },
          { organisation: 2, level: 2 },
          { organisation: 1, level: 0 },
          { organisation: 3, level: 1, trust: 2 },
          { organisation: 4, level: 3, value: 5 },
          { organisation: 4, level: 3 },
        ],
      },
    });
    expect(res.status).toBe(400);
    const fields = (res.json.error.details as { field: string; message: string }[]).map((d) => `${d.field}: ${d.message}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'maturity.purpose.current: must be a whole number from 1 to 4, or "dont_know"',
        "maturity.vision: is not a known field",
        'maturity.value.target: must be a whole number from 1 to 4, or "dont_know"',
        "connections.partners.2.level: must be 1 (aware), 2 (cooperate), 3 (coordinate) or 4 (integrate)",
        "connections.partners.3.trust: is given only with level 2 (cooperate) or higher",
        "connections.partners.4.value: must be a whole number from 1 to 4",
      ]),
    );
    // The round's own checks (its snapshot's positions, own organisation, twice) run once the general shape holds.
    const second = await call(t, "POST", `${survey(token)}/response`, {
      answers: { "purpose.1": 4 },
      connections: { organisation: 2, partners: [{ organisation: 6, level: 2 }] },
    });
    expect(second.json.error.details).toEqual([
      { field: "connections.partners.0.organisation", message: "must be the position of one of the round's organisations, 0 to 5" },
    ]);
    const again = await call(t, "POST", `${survey(token)}/response`, {
      answers: { "purpose.1": 4 },
      connections: { organisation: 2, partners: [{ organisation: 2, level: 2 }, { organisation: 4 }, { organisation: 4 }] },
    });
    expect(again.json.error.details).toEqual([
      { field: "connections.partners.0.organisation", message: "must not be your own organisation" },
      { field: "connections.partners.2.organisation", message: "is named twice" },
    ]);
    const third = await call(t, "POST", `${survey(token)}/response`, {
      answers: { "purpose.1": 4 },
      connections: { organisation: "not_listed", partners: [{ organisation: 1, level: 2 }] },
    });
    expect(third.json.error.details).toEqual([
      { field: "connections.partners", message: "are given only with an organisation of your own" },
    ]);
    const fourth = await call(t, "POST", `${survey(token)}/response`, { answers: { "purpose.1": 4 }, connections: { organisation: 6 } });
    expect(fourth.json.error.details[0].field).toBe("connections.organisation");
  });

  it("refuses a module's answers in a round that does not ask it, or has no snapshot", async () => {
    const t = createTestApp();
    const { token } = openModuleSurvey(t, { modules: ["maturity"], organisations: 0 });
    const res = await call(t, "POST", `${survey(token)}/response`, { answers: { "purpose.1": 4 }, connections: { organisation: 0 } });
    expect(res.json.error.details).toEqual([{ field: "connections", message: "is not a known field" }]);
    const u = createTestApp();
    const other = openModuleSurvey(u, { modules: ["connections"], organisations: 3 });
    const draft = await call(u, "PUT", `${survey(other.token)}/draft`, { maturity: { purpose: { current: 1 } } });
    expect(draft.json.error.details).toEqual([{ field: "maturity", message: "is not a known field" }]);
  });

  it("describes the modules in the survey's JSON, in the respondent's language", async () => {
    const t = createTestApp();
    const { token, orgs } = openModuleSurvey(t, { organisations: 3 });
    const view = (await call(t, "GET", `${survey(token)}?lang=nl`)).json;
    expect(view.connections.organisations).toEqual(orgs.map((o, position) => ({ position, name: o.name, type: o.type })));
    expect(view.maturity.levels).toEqual(["Beginnend", "In ontwikkeling", "Volwassen wordend", "Bloeiend"]);
    expect(view.maturity.dimensions).toHaveLength(8);
    expect(view.maturity.dimensions[0].descriptors).toHaveLength(4);
    const u = createTestApp();
    const plain = openModuleSurvey(u, { modules: [], organisations: 0 });
    const none = (await call(u, "GET", survey(plain.token))).json;
    expect([none.connections, none.maturity]).toEqual([null, null]);
  });

  it("keeps the modules' answers in a draft", async () => {
    const t = createTestApp();
    const { token } = openModuleSurvey(t);
    const draft = { maturity: { purpose: { current: 2 } }, connections: { organisation: 0, partners: [{ organisation: 3 }] } };
    expect((await call(t, "PUT", `${survey(token)}/draft`, draft)).status).toBe(200);
    expect((await call(t, "GET", survey(token))).json.draft).toEqual(draft);
  });
});

describe("payloads written before rounds had modules (version 1)", () => {
  const core = getInstrument("core", 1);
  if (!core) throw new Error("core v1 is missing");
  /** A version-1 payload as the code before modules wrote it: the same bytes up to the modules' block. */
  const v1 = (draft: object) => {
    const bytes = Buffer.from(encodePayload(core, draft).subarray(0, V1_PAYLOAD_BYTES));
    bytes[0] = 1;
    return bytes;
  };

  it("still writes out a pending response sealed at the old size", async () => {
    const t = createTestApp();
    const { round, token } = openModuleSurvey(t);
    await call(t, "POST", `${survey(token)}/response`, withModules());
    const old = seal(t.db.$sealKey, v1({ answers: { "value.2": 5 }, comments: { value: "from before" } }), pendingContext(round.id));
    expect(old.length).toBe(V1_SEALED_BYTES);
    t.db.$client.prepare("insert into pending_responses (round_id, sealed) values (?, ?)").run(round.id, old);
    writePending(t);
    expect(rows(t, "select item_code, value from answers order by item_code")).toEqual([
      ["purpose.1", 4],
      ["value.2", 5],
    ]);
    expect(rows(t, "select text from comments")).toEqual([["from before"]]);
    expect(count(t, "connection_records")).toBe(1);
  });

  it("still opens a draft sealed at the old size, and saves it again at the new one", async () => {
    const t = createTestApp();
    const { token, invitation } = openModuleSurvey(t);
    const key = Buffer.from(hkdfSync("sha256", token, invitation.id, "netmirror draft v2", 32));
    const old = seal(key, v1({ answers: { "purpose.3": 2 } }), "");
    t.db.$client.prepare("insert into drafts (invitation_id, sealed) values (?, ?)").run(invitation.id, old);
    expect((await call(t, "GET", survey(token))).json.draft).toEqual({ answers: { "purpose.3": 2 } });
    await call(t, "PUT", `${survey(token)}/draft`, { answers: { "purpose.3": 2 }, maturity: { value: { target: 3 } } });
    expect(t.db.$client.prepare("select length(sealed) from drafts").pluck().get()).toBe(SEALED_BYTES);
  });
});
