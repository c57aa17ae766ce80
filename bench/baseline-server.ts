// The bare baseline (run as its own process by submissions.ts and survey-page.ts): a minimal Hono
// app that parses the same body with zod and stores the same rows (1 response + 25 answers +
// 1 comment) with raw prepared statements in one transaction, on a database made by the project's
// own migrations and pragmas (WAL, synchronous=FULL, the same indexes). No link lookup, no
// middleware, no logging: the cost of the stack and the disk, nothing of netmirror's own.
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { z } from "zod";
import { getInstrument, INVOLVEMENT_CODES, itemCodes, TREND_CODES } from "../src/instrument";
import { openDatabase } from "../src/lib/db";
import { newId } from "../src/lib/ids";
import { createGroupCommit } from "../src/survey/group-commit";
import { insertOpenRound } from "./open-round";

const core = getInstrument("core", 1);
if (!core) throw new Error("core v1 is missing");
const value = z.union([z.int().min(1).max(5), z.literal("dont_know")]);
const body = z.strictObject({
  answers: z.strictObject(Object.fromEntries(itemCodes(core).map((code) => [code, value.optional()]))),
  overall: z.int().min(0).max(10).optional(),
  trend: z.enum(TREND_CODES).optional(),
  involvement: z.enum(INVOLVEMENT_CODES).optional(),
  profile: z.strictObject({ organisationType: z.string().optional(), professionalGroup: z.string().optional() }).optional(),
  comments: z.record(z.string(), z.string().max(2000)).optional(),
});

const db = openDatabase(process.env.BENCH_DB ?? ":memory:");
const roundId = insertOpenRound(db);
const client = db.$client;
const insertResponse = client.prepare(
  `insert into responses (id, round_id, overall, trend, involvement, organisation_type, professional_group)
   values (?, ?, ?, ?, ?, ?, ?)`,
);
const insertAnswer = client.prepare("insert into answers (response_id, round_id, item_code, value) values (?, ?, ?, ?)");
const insertComment = client.prepare("insert into comments (id, round_id, theme, text, status) values (?, ?, ?, ?, 'pending')");

function insertRows(input: z.infer<typeof body>): void {
  const id = newId();
  const p = input.profile;
  insertResponse.run(
    id,
    roundId,
    input.overall ?? null,
    input.trend ?? null,
    input.involvement ?? null,
    p?.organisationType ?? null,
    p?.professionalGroup ?? null,
  );
  for (const [code, v] of Object.entries(input.answers)) insertAnswer.run(id, roundId, code, v === "dont_know" ? 0 : v);
  for (const [theme, text] of Object.entries(input.comments ?? {}))
    if (text.trim()) insertComment.run(newId(), roundId, theme, text.trim());
}
const store = client.transaction(insertRows).immediate;
// The same inserts through the project's group commit: what batching alone gives the bare stack.
const group = createGroupCommit(client);

// The same HTML as the real survey page, served as a constant: the reference for GET /s/:token.
const page = process.env.BENCH_PAGE ? readFileSync(process.env.BENCH_PAGE, "utf8") : "<!doctype html><title>-</title>";

const app = new Hono();
app.post("/api/v1/s/:token/response", async (c) => {
  const parsed = body.safeParse(await c.req.json());
  if (!parsed.success) return c.json({ error: { code: "invalid_input" } }, 400);
  store(parsed.data);
  return c.json({ status: "submitted" }, 201);
});
app.post("/grouped/:token/response", async (c) => {
  const parsed = body.safeParse(await c.req.json());
  if (!parsed.success) return c.json({ error: { code: "invalid_input" } }, 400);
  await group.run(() => insertRows(parsed.data));
  return c.json({ status: "submitted" }, 201);
});
app.get("/page", (c) => c.html(page));

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: process.env.HOST ?? "127.0.0.1" }, () => {
  process.stdout.write("baseline listening\n");
});
process.on("SIGTERM", () => {
  client.close();
  process.exit(0);
});
