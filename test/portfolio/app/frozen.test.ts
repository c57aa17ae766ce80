import { describe, expect, it } from "vitest";
import { backfillRoundFigures } from "../../../src/portfolio/figures-write";
import { latestRounds } from "../../../src/portfolio/queries";
import { frozenPublished } from "../../../src/results/frozen";
import { createTestApp } from "../../support/app";
import { makeNetwork } from "../../support/factories";
import { roundOf } from "./fixture";

const CORE = { id: "core", version: 1 };

describe("round_figures: a closed round's figures for the portfolio", () => {
  it("are written at closing and agree with the published results", () => {
    const t = createTestApp();
    const network = makeNetwork(t);
    roundOf(t, network.id, "2025-09-01T12:00:00Z", [2, 2, 3, 3, 3]);
    const second = roundOf(t, network.id, "2026-03-01T12:00:00Z", [4, 4, 4, 5, 5], 10);
    const [latest] = latestRounds(t.db, { all: true }, CORE);
    const published = frozenPublished(t.db, second.id);
    if (!latest || !published || published.suppressed) throw new Error("expected a shown round");
    // Hand-computed: scores 75, 75, 75, 100, 100 → mean 85, sd √((3·10² + 2·15²) / 4) = 13.693; before 40; 5 of 10 invited.
    expect(latest).toMatchObject({ roundId: second.id, n: 5, responseRate: 50, confidence: "low", suppressed: false });
    expect(latest.figures.purpose.score).toBeCloseTo(85, 10);
    expect(latest.figures.purpose.sd).toBeCloseTo(Math.sqrt(750 / 4), 10);
    expect(latest.figures.purpose).toMatchObject({ n: 5, delta: 45, notable: true });
    for (const theme of published.themes) {
      const figure = latest.figures[theme.code as "purpose"];
      expect(theme.change?.delta).toBe(figure.delta);
      expect(theme.change?.notable).toBe(figure.notable);
    }
  });

  it("keep only the count of a round with too few answers", () => {
    const t = createTestApp();
    const network = makeNetwork(t);
    const round = roundOf(t, network.id, "2026-03-01T12:00:00Z", [5, 5, 5]);
    const [latest] = latestRounds(t.db, { all: true }, CORE);
    expect(latest).toMatchObject({ roundId: round.id, n: 3, suppressed: true });
    expect(latest?.figures.overall).toEqual({ score: null, sd: null, n: 0, delta: null, notable: false });
  });

  it("are written at start-up for rounds closed before they existed, the same as at closing", () => {
    const t = createTestApp();
    const network = makeNetwork(t);
    roundOf(t, network.id, "2025-09-01T12:00:00Z", [2, 2, 3, 3, 3]);
    roundOf(t, network.id, "2026-03-01T12:00:00Z", [4, 4, 4, 5, 5], 10);
    const before = latestRounds(t.db, { all: true }, CORE);
    t.db.$client.exec("delete from round_figures");
    expect(latestRounds(t.db, { all: true }, CORE)).toEqual([]);
    expect(backfillRoundFigures(t.db)).toBe(2);
    expect(latestRounds(t.db, { all: true }, CORE)).toEqual(before);
    expect(backfillRoundFigures(t.db)).toBe(0);
  });
});
