// The pending pool: sealed at one size, written k at a time from at least 2k, the rest at close.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getInstrument } from "../../src/instrument";
import { frozenResults } from "../../src/results/frozen";
import { closeRound } from "../../src/rounds/lifecycle";
import { roundProgress } from "../../src/rounds/progress";
import { SEALED_BYTES } from "../../src/survey/payload";
import { MAX_COMMENT_LENGTH } from "../../src/survey/schemas";
import { createTestApp, type TestApp } from "../support/app";
import { makeInvitation, makeNetwork, makeRound } from "../support/factories";
import { call } from "../support/http";
import { survey } from "./helpers";

const core =
  getInstrument("core", 1) ??
  (() => {
    throw new Error("core v1 is missing");
  })();

/** An open round with threshold `minResponses` and `links` invitation tokens. */
function roundWith(t: TestApp, minResponses: number, links: number) {
  const network = makeNetwork(t);
  const round = makeRound(t, network.id, { status: "open", openedAt: t.clock.now(), minResponses });
  const tokens = Array.from({ length: links }, () => makeInvitation(t, round.id).token);
  return { round, tokens };
}

const count = (t: TestApp, table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;
const marker = (i: number) => `marker-${i.toString().padStart(3, "0")}-zq`;

async function submit(t: TestApp, token: string, i: number) {
  const body = { answers: { "purpose.1": (i % 5) + 1, "value.2": "dont_know" }, comments: { governance: marker(i) } };
  const res = await call(t, "POST", `${survey(token)}/response`, body);
  expect(res.status, res.text).toBe(201);
  // The pool's write-out runs just after the 201 (src/survey/write-out.ts); these tests look at the pool after it.
  await t.deps.survey.writer.idle();
}

/** The bytes of the database and its WAL, as a copy of the data folder would hold them. */
function fileBytes(t: TestApp): Buffer {
  return Buffer.concat(
    readdirSync(t.dir)
      .filter((name) => name.startsWith("test.db"))
      .map((name) => readFileSync(join(t.dir, name))),
  );
}

describe("the pending pool", () => {
  it("seals every pending response at one size, from the smallest to the largest possible", async () => {
    const t = createTestApp();
    const { tokens } = roundWith(t, 5, 3);
    const largest = {
      answers: Object.fromEntries(core.themes.flatMap((theme) => theme.items.map((item) => [item.code, 5]))),
      overall: 10,
      trend: "new",
      involvement: "occasional",
      profile: { organisationType: "hospital", professionalGroup: "nursing" },
      // Outside the Basic Multilingual Plane: two code units and four UTF-8 bytes a character.
      comments: Object.fromEntries(core.themes.map((theme) => [theme.code, "𝄞".repeat(MAX_COMMENT_LENGTH / 2)])),
    };
    for (const [i, body] of [
      { answers: { "purpose.1": 1 } },
      largest,
      { answers: { "value.1": 2 }, comments: { value: "é".repeat(2000) } },
    ].entries()) {
      expect((await call(t, "POST", `${survey(tokens[i] ?? "")}/response`, body)).status).toBe(201);
    }
    const sizes = t.db.$client.prepare("select length(sealed) from pending_responses").pluck().all();
    expect(sizes).toEqual([SEALED_BYTES, SEALED_BYTES, SEALED_BYTES]);
    // Five themes × (2 + 2 × 2,000) bytes of comments, 30 statements, 6 bytes of header, 28 of
    // sealing, and the modules' block: 8 dimensions × 2, 1 own organisation, 100 organisations × 3.
    expect(SEALED_BYTES).toBe(20_074 + 317);
  });

  it("writes k at a time, chosen from at least 2k, so that at least k always stay behind", async () => {
    const t = createTestApp();
    const { round, tokens } = roundWith(t, 3, 10);
    const seen: [number, number][] = [];
    for (const [i, token] of tokens.entries()) {
      await submit(t, token, i);
      seen.push([count(t, "pending_responses"), count(t, "responses")]);
    }
    expect(seen).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 0],
      [3, 3],
      [4, 3],
      [5, 3],
      [3, 6],
      [4, 6],
    ]);
    // Each written response came with its answers and its comment; progress counted all ten at once.
    expect([count(t, "answers"), count(t, "comments")]).toEqual([12, 6]);
    expect(roundProgress(t.db, round).submitted).toBe(10);
  });

  it("chooses each batch at random among the pending responses", async () => {
    const t = createTestApp();
    const firstBatches = new Set<string>();
    for (let r = 0; r < 6; r++) {
      const { round, tokens } = roundWith(t, 3, 6);
      for (const [i, token] of tokens.entries()) await submit(t, token, i);
      const written = t.db.$client.prepare("select text from comments where round_id = ? order by text").pluck().all(round.id);
      expect(written).toHaveLength(3);
      firstBatches.add(written.join(","));
    }
    // Always the first three would happen once in 20^5 = 3.2 million runs by chance.
    expect(firstBatches.size).toBeGreaterThan(1);
  });

  it("writes the rest as one batch when the round closes, and freezes everyone's answers", async () => {
    const t = createTestApp();
    const { round, tokens } = roundWith(t, 3, 8);
    for (const [i, token] of tokens.entries()) await submit(t, token, i);
    expect([count(t, "pending_responses"), count(t, "responses")]).toEqual([5, 3]);
    closeRound(t.deps, round);
    expect([count(t, "pending_responses"), count(t, "responses"), count(t, "comments")]).toEqual([0, 8, 8]);
    expect(frozenResults(t.db, round.id)?.scores).toMatchObject({ n: 8, suppressed: false });
  });

  it("keeps only the count of a round that closes below its threshold", async () => {
    const t = createTestApp();
    const { round, tokens } = roundWith(t, 5, 4);
    for (const [i, token] of tokens.entries()) await submit(t, token, i);
    const closed = closeRound(t.deps, round);
    for (const table of ["pending_responses", "responses", "answers", "comments"]) expect(count(t, table), table).toBe(0);
    expect(frozenResults(t.db, round.id)?.scores).toEqual({ n: 4, minResponses: 5, suppressed: true });
    expect(roundProgress(t.db, closed).submitted).toBe(4);
    t.db.$client.pragma("wal_checkpoint(PASSIVE)");
    const bytes = fileBytes(t);
    for (let i = 0; i < 4; i++) expect(bytes.includes(marker(i)), marker(i)).toBe(false);
  });

  it("leaves no readable trace of a response in the database files until its batch is written", async () => {
    const t = createTestApp();
    const { tokens } = roundWith(t, 3, 6);
    for (const [i, token] of tokens.slice(0, 5).entries()) await submit(t, token, i);
    t.db.$client.pragma("wal_checkpoint(PASSIVE)");
    let bytes = fileBytes(t);
    for (let i = 0; i < 5; i++) {
      expect(bytes.includes(marker(i)), marker(i)).toBe(false);
      expect(bytes.includes(Buffer.from(marker(i), "utf16le")), marker(i)).toBe(false);
    }
    // The sixth submission writes a batch: three markers become readable (the scan does find them).
    await submit(t, tokens[5] ?? "", 5);
    bytes = fileBytes(t);
    expect(Array.from({ length: 6 }, (_, i) => bytes.includes(marker(i))).filter(Boolean)).toHaveLength(3);
  });

  it("writes a batch in random order: the place of rows in a page says nothing of who came first", async () => {
    const t = createTestApp();
    const { round, tokens } = roundWith(t, 12, 12);
    for (const [i, token] of tokens.entries()) await submit(t, token, i);
    closeRound(t.deps, round);
    t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    // SQLite fills a page's cells from its end towards its start in the order they are inserted; the
    // twelve short comments share the table's one page.
    const pageSize = t.db.$client.pragma("page_size", { simple: true }) as number;
    const root = t.db.$client.prepare("select rootpage from sqlite_master where name = 'comments'").pluck().get() as number;
    const page = readFileSync(join(t.dir, "test.db")).subarray((root - 1) * pageSize, root * pageSize);
    const inserted = Array.from({ length: 12 }, (_, i) => i).sort((a, b) => page.indexOf(marker(b)) - page.indexOf(marker(a)));
    expect(inserted.every((i) => page.indexOf(marker(i)) >= 0)).toBe(true);
    // In submission order (or its reverse) by chance: 2 in 12! ≈ 1 in 240 million.
    const inOrder = Array.from({ length: 12 }, (_, i) => i);
    expect(inserted).not.toEqual(inOrder);
    expect(inserted).not.toEqual([...inOrder].reverse());
  });
});
