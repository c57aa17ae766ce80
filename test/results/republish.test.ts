// A database whose closed rounds were frozen under the old rules (format 1, before the results
// format existed): at start-up they are frozen again under today's rules and cached PDFs dropped.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { getInstrument, themeItems } from "../../src/instrument";
import { manualClock } from "../../src/lib/clock";
import { openDatabase } from "../../src/lib/db";
import { RESULTS_FORMAT } from "../../src/results/freeze";
import { getRoundResults } from "../../src/results/labelled-results";
import { republishOldResults } from "../../src/results/republish";
import type { ScoredResponse } from "../../src/results/scoring";
import { scoreRound } from "../../src/results/scoring";
import { databaseAt } from "../support/database-at";
import { startServer } from "../support/server-process";

const core = getInstrument("core", 1);
if (!core) throw new Error("core v1 is missing");
const themes = themeItems(core);

// The review's round, threshold 5: 5 in hospital answer purpose.1 = 5 (score 100), 5 in primary
// care purpose.1 = 1 (score 0); 1 skipper of the organisation question answers purpose.1 = 3 (50)
// and value.1 = 1 (value score 0), and is the only one to give the 0–10 rating (9).
const people: { id: string; org: string | null; purpose: 1 | 3 | 5; value?: 1; overall?: number }[] = [
  ...Array.from({ length: 5 }, (_, i) => ({ id: `h${i}`, org: "hospital", purpose: 5 as const })),
  ...Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, org: "primary_care", purpose: 1 as const })),
  { id: "s", org: null, purpose: 3, value: 1, overall: 9 },
];
const asResponses: ScoredResponse[] = people.map((p) => ({
  answers: { "purpose.1": p.purpose, ...(p.value ? { "value.1": p.value } : {}) },
  overall: p.overall ?? null,
  organisationType: p.org,
}));

/** The full scores as the old code froze them: no shown flags, and the breakdown that gave the skipper away. */
function oldScores() {
  const scored = JSON.parse(JSON.stringify(scoreRound({ themes, responses: asResponses, minResponses: 5 })));
  for (const theme of scored.themes) delete theme.shown;
  for (const key of ["shown", "ratingShown", "trendN", "trendShown"]) delete scored.overall[key];
  scored.breakdowns = {
    organisationType: [
      { group: "hospital", n: 5, overall: 100, themes: { purpose: 100, value: null } },
      { group: "primary_care", n: 5, overall: 0, themes: { purpose: 0, value: null } },
    ],
    professionalGroup: [],
    involvement: [],
  };
  return { scores: scored, invited: 0 };
}

/** What the old code published: the value theme's score 0 with n 1, the rating 9 with ratingN 1. */
const OLD_PUBLISHED = {
  n: 11,
  invited: 0,
  responseRate: null,
  minResponses: 5,
  suppressed: false,
  confidence: null,
  previousRound: null,
  overall: { score: 46.6, n: 11, rating: 9, ratingN: 1, trend: { worse: 0, same: 0, better: 0, new: 0 } },
  themes: [
    { code: "purpose", score: 50, sd: 47.4, n: 11, items: [] },
    { code: "value", score: 0, sd: null, n: 1, items: [] },
  ],
  breakdowns: oldScores().scores.breakdowns,
};

/** An old database with the round closed and frozen as above, `stored` of its responses kept, and a cached PDF. */
function oldDatabase(stored = people.length): string {
  const file = databaseAt(1);
  const old = new Database(file);
  old.exec(`
    insert into networks (id, name, stage, created_at) values ('n1', 'Old network', 'developing', 0);
    insert into rounds (id, network_id, title, instrument_id, instrument_version, status, access, min_responses, opened_at, closed_at, created_at)
      values ('r1', 'n1', 'Spring', 'core', 1, 'closed', 'open', 5, 0, 1000, 0);
  `);
  const response = old.prepare(
    "insert into responses (id, round_id, submitted_on, overall, organisation_type, purpose_score, value_score) values (?, 'r1', '2026-03-02', ?, ?, ?, ?)",
  );
  const answer = old.prepare("insert into answers (response_id, round_id, item_code, value) values (?, 'r1', ?, ?)");
  const link = old.prepare("insert into invitations (id, round_id, member_id, token_hash, status) values (?, 'r1', null, ?, 'submitted')");
  for (const p of people.slice(0, stored)) {
    response.run(p.id, p.overall ?? null, p.org, ((p.purpose - 1) / 4) * 100, p.value ? 0 : null);
    answer.run(p.id, "purpose.1", p.purpose);
    if (p.value) answer.run(p.id, "value.1", p.value);
    link.run(`i-${p.id}`, `hash-${p.id}`);
  }
  old.prepare("insert into round_results (round_id, published, summary, computed_at, scores) values ('r1', ?, ?, 0, ?)").run(
    JSON.stringify(OLD_PUBLISHED),
    JSON.stringify({
      n: 11,
      responseRate: null,
      suppressed: false,
      overall: 46.6,
      themes: { purpose: 50, value: 0 },
      overallChange: null,
    }),
    JSON.stringify(oldScores()),
  );
  old
    .prepare("insert into report_cache (round_id, lang, key, pdf, created_at) values ('r1', 'en', 'k', ?, 0)")
    .run(Buffer.from("%PDF-old"));
  old.close();
  return file;
}

function open(file: string) {
  const db = openDatabase(file);
  const round = db.query.rounds.findFirst().sync();
  const network = db.query.networks.findFirst().sync();
  if (!round || !network) throw new Error("fixture missing");
  return { db, round, network, clock: manualClock("2026-04-01T09:00:00Z") };
}

const valueTheme = (results: ReturnType<typeof getRoundResults>) =>
  results.suppressed ? undefined : results.themes.find((t) => t.code === "value");

describe("republishing closed rounds frozen under the old rules", () => {
  it("works the results out again from the stored responses, drops cached PDFs, and does it once", () => {
    const { db, round, network, clock } = open(oldDatabase());
    try {
      // As left by the old rules: one person's value score and rating for all to see.
      const before = getRoundResults(db, round, network, "en");
      expect(valueTheme(before)).toMatchObject({ score: 0, n: 1 });

      expect(republishOldResults({ db, clock })).toBe(1);
      const after = getRoundResults(db, round, network, "en");
      if (after.suppressed) throw new Error("expected scores");
      expect(valueTheme(after)).toMatchObject({ shown: false, score: null, sd: null, n: 1 });
      expect(after.overall).toMatchObject({ rating: null, ratingN: 1, ratingShown: false });
      // purpose: (5 × 100 + 5 × 0 + 50) / 11 = 50.
      expect(after.themes.find((t) => t.code === "purpose")).toMatchObject({ shown: true, score: 50, n: 11 });
      // The skipper is in "other" with the hospital (5 + 1 = 6): (5 × 100 + 50) / 6 = 91.7;
      // overall: hospital 100 each, the skipper (50 + 0) / 2 = 25 → (500 + 25) / 6 = 87.5.
      expect(after.breakdowns.organisationType.map((r) => [r.group, r.n, r.overall, r.themes])).toEqual([
        ["primary_care", 5, 0, { purpose: 0, relationships: null, communication: null, governance: null, value: null }],
        ["other", 6, 87.5, { purpose: 91.7, relationships: null, communication: null, governance: null, value: null }],
      ]);
      expect(after.openLinkResponses).toBe(11);
      const summary = JSON.parse((db.$client.prepare("select summary from round_results").get() as { summary: string }).summary);
      expect(summary.themes.value).toBeNull();
      expect(db.$client.prepare("select count(*) as n from report_cache").get()).toEqual({ n: 0 });
      expect(db.$client.prepare("select format from round_results").get()).toEqual({ format: RESULTS_FORMAT });
      // Up to date now: a second start leaves it alone.
      expect(republishOldResults({ db, clock })).toBe(0);
    } finally {
      db.$client.close();
    }
  });

  it("keeps the old figures under today's thresholds, without the old breakdowns, when the responses are gone", () => {
    const { db, round, network, clock } = open(oldDatabase(0));
    try {
      expect(republishOldResults({ db, clock })).toBe(1);
      const after = getRoundResults(db, round, network, "en");
      if (after.suppressed) throw new Error("expected scores");
      expect(after.n).toBe(11);
      expect(valueTheme(after)).toMatchObject({ shown: false, score: null, n: 1 });
      expect(after.overall.rating).toBeNull();
      expect(after.breakdowns.organisationType).toEqual([]);
    } finally {
      db.$client.close();
    }
  });
});

it("happens when the server starts on a data directory holding old frozen results", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "netmirror-republish-"));
  try {
    copyFileSync(oldDatabase(), join(dataDir, "netmirror.db"));
    const server = await startServer({ dataDir, env: { LOG_LEVEL: "info" } });
    try {
      expect(server.output()).toContain("closed rounds' results worked out again under the current rules");
      const db = new Database(join(dataDir, "netmirror.db"), { readonly: true });
      try {
        expect(db.prepare("select format from round_results").get()).toEqual({ format: RESULTS_FORMAT });
        expect(db.prepare("select count(*) as n from report_cache").get()).toEqual({ n: 0 });
        const published = JSON.parse((db.prepare("select published from round_results").get() as { published: string }).published);
        expect(published.themes.find((t: { code: string }) => t.code === "value")).toMatchObject({ shown: false, score: null });
      } finally {
        db.close();
      }
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 30_000);
