// The report's Maturity section and the guide's maturity topics, from a hand-made round: six
// members, threshold 5. Every count, median and sentence below is worked out by hand.
import { describe, expect, it } from "vitest";
import type { Stage } from "../../src/db/schema";
import type { MaturityResponse } from "../../src/maturity/scoring";
import { renderReportHtml } from "../../src/reports/html";
import { reportModel } from "../../src/reports/report-model";
import { createTestApp } from "../support/app";
import { makeNetwork } from "../support/factories";
import { closedMaturityRound } from "../support/maturity";
import { makeClosedRound, uniformResponse } from "../support/responses";
import { NOW, shown } from "./hand-made";

type Level = 1 | 2 | 3 | 4;
const DAY = 86_400_000;

/**
 * governance now 2,2,2,2,3,1 ([1,4,1,0], median 2 held by 4 of 6: "most"), in a year 3,3,3,3,3,4 (median 3): gap 1.
 * relationships now 1,2,2,3,3,4 ([1,2,2,1], median 2 held by 2 of 6; 3 at 1–2 and 3 at 3–4: divided), in a year all 3: gap 1.
 * value now all 2, in a year all 4: gap 2, the largest. purpose now and in a year all 3: gap 0.
 * learning now 1,1,3,3,3,3 ([2,0,4,0], median 3 held by 4 of 6; 2 of 6 at 1–2: divided), in a year all 3: gap 0.
 * communication now marked by 4 only (hidden), in a year by nobody. Membership and leadership: no marks.
 */
function marks(): MaturityResponse[] {
  const governance = [2, 2, 2, 2, 3, 1] as Level[];
  const relationships = [1, 2, 2, 3, 3, 4] as Level[];
  const learning = [1, 1, 3, 3, 3, 3] as Level[];
  return governance.map((now, i) => ({
    governance: { current: now, target: i === 5 ? 4 : 3 },
    relationships: { current: relationships[i] ?? null, target: 3 },
    value: { current: 2, target: 4 },
    purpose: { current: 3, target: 3 },
    communication: { current: i < 4 ? 2 : null, target: null },
    learning: { current: learning[i] ?? null, target: 3 },
  }));
}

function report(stage: Stage = "established") {
  const t = createTestApp({ now: NOW.toISOString() });
  const network = makeNetwork(t, { stage });
  const round = closedMaturityRound(t, network.id, marks(), { round: { title: "Spring", minResponses: 5 } });
  return { t, network, round, model: async (lang: "en" | "nl") => shown(await reportModel(t.deps, round, network, lang, NOW)) };
}

describe("the report's Maturity section", () => {
  it("puts the largest gap and the divided dimensions first, then the larger gaps, in plain words", async () => {
    const { model } = report();
    const en = (await model("en")).maturity;
    if (!en) throw new Error("expected a Maturity section");
    expect(en.title).toBe("Maturity");
    expect(en.rules).toContain("A row with fewer than 5 answers shows no figures");
    // Value (largest gap, 2), relationships (gap 1, divided), learning (gap 0, divided); then governance
    // (gap 1), purpose (gap 0), and those without a gap in the matrix's order.
    expect(en.dimensions.map((d) => d.code)).toEqual([
      "value",
      "relationships",
      "learning",
      "governance",
      "purpose",
      "communication",
      "membership",
      "leadership",
    ]);
    const byCode = Object.fromEntries(en.dimensions.map((d) => [d.code, d]));
    expect(byCode.value?.flags).toEqual(["Largest gap"]);
    expect(byCode.relationships?.flags).toEqual(["Divided"]);
    expect(byCode.governance?.sentences).toEqual([
      "Most members see governance and decision-making as Developing, and want it Maturing within a year.",
    ]);
    expect(byCode.relationships?.sentences).toEqual([
      "For relationships and trust, the middle answer is Developing, and members want it Maturing within a year.",
      "Members are divided: 3 put it at Emerging or Developing, 3 at Maturing or Thriving.",
    ]);
    expect(byCode.learning?.flags).toEqual(["Divided"]);
    expect(byCode.learning?.sentences).toEqual([
      "Most members see learning and resources as Maturing, and want it to stay Maturing in a year.",
      "Members are divided: 2 put it at Emerging or Developing, 4 at Maturing or Thriving.",
    ]);
    expect(byCode.purpose?.sentences).toEqual(["Most members see shared purpose as Maturing, and want it to stay Maturing in a year."]);
    expect(byCode.communication?.sentences).toEqual(["Too few members said where communication and information flow is now."]);
    // The grid: counts per level as text, the median marked; a hidden side says so with its n.
    expect(byCode.governance?.sides[0]?.cells).toEqual([
      { text: "1", median: false },
      { text: "4", median: true },
      { text: "1", median: false },
      { text: "0", median: false },
    ]);
    expect(byCode.communication?.sides.map((s) => s.tooFew)).toEqual(["too few answers (4)", "too few answers (0)"]);
    const nl = (await model("nl")).maturity;
    const nlGovernance = nl?.dimensions.find((d) => d.code === "governance");
    expect(nl?.title).toBe("Volwassenheid");
    expect(nlGovernance?.sentences).toEqual([
      "De meeste leden vinden besluitvorming en afspraken nu in ontwikkeling, en ze willen dat het over een jaar volwassen wordend is.",
    ]);
  });

  it("renders the grid as a table a screen reader can follow, in English and Dutch", async () => {
    const { t, model } = report();
    for (const lang of ["en", "nl"] as const) {
      const html = renderReportHtml(t.deps.views, await model(lang));
      const section = html.slice(html.indexOf('aria-labelledby="maturity-title"'), html.indexOf('aria-labelledby="guide-title"'));
      expect(section).toContain('<table class="matrix" id="maturity-grid">');
      // Eight dimensions, each a group of two rows (now, in a year) under its own header.
      expect(section.match(/<th scope="rowgroup" rowspan="2">/g)).toHaveLength(8);
      expect(section.match(/<th scope="row">/g)).toHaveLength(16);
      expect(section).toContain(lang === "en" ? "(the middle answer)" : "(het middelste antwoord)");
      // The bars only repeat the counts: hidden from screen readers, each segment numbered for grey print.
      expect(section).toContain('<div class="mat-bar" aria-hidden="true"><span class="mat-seg mat-1" style="width: 16.67%">1</span>');
      expect(html).toContain(`<li>${lang === "en" ? "Maturity" : "Volwassenheid"}</li>`);
    }
  });

  it("says what changed since the network's previous round with the matrix", async () => {
    const t = createTestApp({ now: NOW.toISOString() });
    const network = makeNetwork(t, { stage: "established" });
    // Autumn: governance now all 2 (none at 3–4), in a year all 3 (all at 3–4).
    closedMaturityRound(
      t,
      network.id,
      Array.from({ length: 6 }, () => ({ governance: { current: 2, target: 3 } })),
      {
        round: { title: "Autumn", minResponses: 5 },
        closedAt: new Date(NOW.getTime() - 180 * DAY),
      },
    );
    const round = closedMaturityRound(t, network.id, marks(), { round: { title: "Spring", minResponses: 5 } });
    const model = shown(await reportModel(t.deps, round, network, "en", NOW));
    const governance = model.maturity?.dimensions.find((d) => d.code === "governance");
    // Now: median 2 → 2; at 3–4 0 % → 1/6 = 16.67 % (+16.7). In a year: median 3 → 3; 100 % → 100 %.
    expect(governance?.change).toBe(
      'Since "Autumn": Now: middle answer 0 levels, +16.7 points at Maturing or Thriving; In a year: middle answer 0 levels, 0.0 points at Maturing or Thriving.',
    );
  });

  it("is left out of the report of a round without the matrix", async () => {
    const t = createTestApp({ now: NOW.toISOString() });
    const network = makeNetwork(t);
    const round = makeClosedRound(
      t,
      network.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
    );
    const model = shown(await reportModel(t.deps, round, network, "en", NOW));
    expect(model.maturity).toBeNull();
    expect(model.guide.maturity).toBeNull();
    expect(renderReportHtml(t.deps.views, model)).not.toContain("maturity-title");
  });
});

describe("the conversation guide's maturity topics", () => {
  it("for an established network: the largest gap and the widest division in turn", async () => {
    const guide = (await report("established").model("en")).guide.maturity;
    // Gaps: value 2, relationships 1 (half of the answers on each side), governance 1. Divisions:
    // relationships (3 of 6 the smaller half), learning (2 of 6). In turn: value, relationships,
    // then relationships again (skipped), learning.
    expect(guide?.topics.map((topic) => topic.code)).toEqual(["value", "relationships", "learning"]);
    expect(guide?.topics[0]?.reasons).toEqual(["Members see it as Developing now and want it Thriving within a year."]);
    // The next level's own descriptor, from the matrix.
    expect(guide?.topics[0]?.questions[0]).toMatch(/^The next level, Maturing, reads: "The network has agreed a few things to measure/);
    expect(guide?.topics[1]?.questions[0]).toBe(
      "Those who chose a low level and those who chose a high one: what do you each see happening?",
    );
  });

  it("for a network starting up: shared purpose and relationships first", async () => {
    const guide = (await report("forming").model("nl")).guide.maturity;
    expect(guide?.title).toBe("Uit de volwassenheidsmatrix");
    expect(guide?.topics.map((topic) => topic.code)).toEqual(["purpose", "relationships", "value"]);
    expect(guide?.topics[0]?.reasons).toEqual(["Voor een netwerk dat net begint, komen een gedeeld doel en de eerste relaties eerst."]);
  });
});
