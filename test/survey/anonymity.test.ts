import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hashToken } from "../../src/lib/ids";
import { createTestApp, type TestApp } from "../support/app";
import { call } from "../support/http";
import { fullResponse, openSurvey, survey, writePending } from "./helpers";
import { openModuleSurvey } from "./module-helpers";

/** Every value in every row of a table, as text. */
function cells(t: TestApp, table: string): string[] {
  const rows = t.db.$client.prepare(`select * from ${table}`).all() as Record<string, unknown>[];
  return rows.flatMap((row) => Object.values(row).map((value) => (Buffer.isBuffer(value) ? value.toString("hex") : String(value))));
}

function columns(t: TestApp, table: string): string[] {
  return (t.db.$client.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
}

describe("anonymity of a submitted response", () => {
  it("leaves nothing in the database that links the response to the person or the link", async () => {
    const t = createTestApp({ now: "2026-03-05T14:31:07.123Z" });
    const { member, invitation, token } = openSurvey(t);
    await call(t, "PUT", `${survey(token)}/draft`, { answers: { "purpose.1": 2 } });
    expect((await call(t, "POST", `${survey(token)}/response`, fullResponse())).status).toBe(201);
    // Until its batch is written, the response is only a sealed row beside its round.
    expect(columns(t, "pending_responses")).toEqual(["id", "round_id", "sealed"]);
    for (const table of ["responses", "answers", "comments"]) expect(cells(t, table), table).toEqual([]);
    writePending(t);

    const secrets = [token, hashToken(token), invitation.id, member.id, member.email ?? "", member.name];
    for (const table of ["responses", "answers", "comments"]) {
      const values = cells(t, table);
      expect(values.length).toBeGreaterThan(0);
      for (const secret of secrets)
        expect(
          values.some((value) => value.includes(secret)),
          `${table} holds ${secret}`,
        ).toBe(false);
      // No column that could carry a link, an address, a browser or a time.
      expect(
        columns(t, table).filter((name) => /token|invitation|member|(^|_)ip(_|$)|address|agent|_at$|time|email|name/.test(name)),
      ).toEqual([]);
    }
    expect(columns(t, "responses")).toEqual([
      "id",
      "round_id",
      "overall",
      "trend",
      "involvement",
      "organisation_type",
      "professional_group",
      // Derived from the answers above: a respondent's score per theme.
      "purpose_score",
      "relationships_score",
      "communication_score",
      "governance_score",
      "value_score",
    ]);
    // No time at all on a response: the day is counted beside the invitations instead.
    expect(t.db.$client.prepare("select round_id, day, submitted from daily_submissions").raw().all()).toEqual([
      [expect.any(String), "2026-03-05", 1],
    ]);

    // The invitation records only its status: no time or order of use.
    expect(columns(t, "invitations")).toEqual(["id", "round_id", "member_id", "token_hash", "status"]);
    expect(t.db.$client.prepare("select status from invitations").pluck().all()).toEqual(["submitted"]);
    // The draft went with the submission.
    expect(cells(t, "drafts")).toEqual([]);
    // The response id is random, not derived from anything the invitation holds.
    const [responseId] = t.db.$client.prepare("select id from responses").pluck().all() as string[];
    expect(responseId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // Responses, answers and comments keep no hidden insertion order either.
    for (const table of ["responses", "answers", "comments"]) {
      expect(() => t.db.$client.prepare(`select rowid from ${table}`).all(), table).toThrow(/rowid/);
    }
  });

  it("leaves nothing in the modules' tables that links their rows to the person or the link", async () => {
    const t = createTestApp({ now: "2026-03-05T14:31:07.123Z" });
    const { member, invitation, token } = openModuleSurvey(t, { organisations: 4 });
    const body = {
      ...fullResponse(),
      maturity: { purpose: { current: 2, target: 4 } },
      connections: { organisation: 1, partners: [{ organisation: 3, level: 2, trust: 4, value: 3 }] },
    };
    expect((await call(t, "POST", `${survey(token)}/response`, body)).status).toBe(201);
    writePending(t);
    const secrets = [token, hashToken(token), invitation.id, member.id, member.email ?? "", member.name, "2026-03-05"];
    for (const table of ["maturity_answers", "connection_records", "connection_levels", "connection_ratings"]) {
      const values = cells(t, table);
      expect(values.length, table).toBeGreaterThan(0);
      for (const secret of secrets)
        expect(
          values.some((value) => value.includes(secret)),
          `${table} holds ${secret}`,
        ).toBe(false);
      expect(
        columns(t, table).filter((name) => /token|invitation|member|(^|_)ip(_|$)|address|agent|_at$|time|email|response/.test(name)),
        table,
      ).toEqual(table === "maturity_answers" ? ["response_id"] : []);
    }
  });

  it("never writes the token to the database files", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    await call(t, "PUT", `${survey(token)}/draft`, { answers: { "purpose.1": 2 }, comments: { value: "half way" } });
    await call(t, "POST", `${survey(token)}/response`, fullResponse());
    t.db.$client.pragma("wal_checkpoint(PASSIVE)");
    const files = readdirSync(t.dir).filter((name) => name.startsWith("test.db"));
    expect(files).toContain("test.db");
    for (const name of files) {
      const bytes = readFileSync(join(t.dir, name));
      expect(bytes.includes(Buffer.from(token)), name).toBe(false);
    }
  });

  it("logs survey requests without the token", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    await call(t, "GET", `${survey(token)}?lang=nl`);
    await call(t, "PUT", `${survey(token)}/draft`, { answers: { "purpose.1": 2 } });
    await call(t, "POST", `${survey(token)}/response`, fullResponse());
    await call(t, "POST", `${survey(token)}/response`, fullResponse());
    const requests = t.logs.filter((line) => line.msg === "request");
    expect(requests.map((line) => [line.method, line.path, line.status])).toEqual([
      ["GET", "/api/v1/s/:token", 200],
      ["PUT", "/api/v1/s/:token/draft", 200],
      ["POST", "/api/v1/s/:token/response", 201],
      ["POST", "/api/v1/s/:token/response", 409],
    ]);
    const everything = JSON.stringify(t.logs);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain("We need clearer priorities");
  });
});
