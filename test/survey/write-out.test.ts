// The pool's write-out runs after the submission that makes a batch ready has been answered, in a
// transaction of its own: the 201 does not wait for it, and a write-out that fails loses nothing.
import { describe, expect, it } from "vitest";
import { closeRound } from "../../src/rounds/lifecycle";
import { createTestApp, type TestApp } from "../support/app";
import { makeInvitation, makeNetwork, makeRound } from "../support/factories";
import { call } from "../support/http";
import { survey } from "./helpers";

const count = (t: TestApp, table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;
const inRound = (t: TestApp, table: string, roundId: string) =>
  t.db.$client.prepare(`select count(*) from ${table} where round_id = ?`).pluck().get(roundId) as number;
const marker = (i: number) => `writeout-${i}-zq`;

function roundWith(t: TestApp, minResponses: number, links: number) {
  const round = makeRound(t, makeNetwork(t).id, { status: "open", openedAt: t.clock.now(), minResponses });
  return { round, tokens: Array.from({ length: links }, () => makeInvitation(t, round.id).token) };
}

/** Submits response `i` and returns its status as the member sees it, before any write-out. */
async function submit(t: TestApp, token: string, i: number) {
  const res = await call(t, "POST", `${survey(token)}/response`, { answers: { "purpose.1": 3 }, comments: { value: marker(i) } });
  return res.status;
}

describe("writing out the pending pool after the response", () => {
  it("answers the submission that fills a batch first, then writes k of its round's responses chosen at random", async () => {
    const t = createTestApp();
    const batches = new Set<string>();
    for (let r = 0; r < 6; r++) {
      const { round, tokens } = roundWith(t, 3, 6);
      for (const [i, token] of tokens.slice(0, 5).entries()) {
        expect(await submit(t, token, i)).toBe(201);
        await t.deps.survey.writer.idle();
      }
      // The sixth makes 2k = 6 wait. Its 201 has arrived while all six are still sealed in the pool:
      // nothing of the batch was written in its request.
      expect(await submit(t, tokens[5] ?? "", 5)).toBe(201);
      expect([inRound(t, "pending_responses", round.id), inRound(t, "comments", round.id)]).toEqual([6, 0]);
      await t.deps.survey.writer.idle();
      // A moment later: k = 3 written, k left behind.
      const written = t.db.$client.prepare("select text from comments where round_id = ? order by text").pluck().all(round.id);
      expect(written).toHaveLength(3);
      expect(inRound(t, "pending_responses", round.id)).toBe(3);
      batches.add(written.join(","));
    }
    // The same three of six every time would happen once in 20^5 = 3.2 million runs by chance.
    expect(batches.size).toBeGreaterThan(1);
  });

  it("leaves every pending row sealed in the pool when a write-out fails, and writes them later", async () => {
    const t = createTestApp();
    const { round, tokens } = roundWith(t, 3, 7);
    for (const [i, token] of tokens.slice(0, 5).entries()) expect(await submit(t, token, i)).toBe(201);
    await t.deps.survey.writer.idle();
    // A write that SQLite refuses (as a full disk would) in the middle of writing a batch.
    t.db.$client.exec("create trigger refuse_comments before insert on comments begin select raise(abort, 'disk full'); end");
    const sealed = () => t.db.$client.prepare("select id, hex(sealed) from pending_responses order by id").raw().all();
    expect(await submit(t, tokens[5] ?? "", 5)).toBe(201);
    const before = sealed();
    await t.deps.survey.writer.idle();
    expect(sealed()).toEqual(before);
    expect(before).toHaveLength(6);
    for (const table of ["responses", "answers", "comments"]) expect(count(t, table), table).toBe(0);
    expect(t.logs.some((line) => String(line.msg).startsWith("writing out pending responses failed"))).toBe(true);

    // Once writing works again, the next submission's write-out takes a batch of k from the seven.
    t.db.$client.exec("drop trigger refuse_comments");
    expect(await submit(t, tokens[6] ?? "", 6)).toBe(201);
    await t.deps.survey.writer.idle();
    expect([count(t, "pending_responses"), count(t, "responses"), count(t, "comments")]).toEqual([4, 3, 3]);
    closeRound(t.deps, round);
    expect([count(t, "pending_responses"), count(t, "responses"), count(t, "comments")]).toEqual([0, 7, 7]);
  });
});
