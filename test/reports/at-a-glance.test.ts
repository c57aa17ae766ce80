import { describe, expect, it } from "vitest";
import { getInstrument, localize } from "../../src/instrument";
import { renderReportHtml } from "../../src/reports/html";
import { reportModel } from "../../src/reports/report-model";
import { createTestApp } from "../support/app";
import { makeNetwork } from "../support/factories";
import { addAction, closedRoundWith } from "./fixtures";
import { handMadeReport, NOW, sameAnswers, shown } from "./hand-made";

const ALL_THREES = { purpose: 3, relationships: 3, communication: 3, governance: 3, value: 3 } as const;
/** Everyone answers 3 (score 50) except four statements, so the ranking is known. */
const STANDOUTS: Record<string, 1 | 2 | 3 | 4 | 5> = { "governance.2": 5, "relationships.4": 4, "value.5": 1, "communication.3": 2 };

const en = localize(getInstrument("core", 1) ?? (undefined as never), "en");
const textOf = (code: string) => en.themes.flatMap((t) => t.items).find((i) => i.code === code)?.text;

/** A network with a round of all 3s, then this round: 8 respondents, comments and actions. */
function glanceNetwork() {
  const t = createTestApp({ now: NOW.toISOString() });
  const network = makeNetwork(t);
  closedRoundWith(t, network.id, sameAnswers(8, ALL_THREES), { closedAt: new Date("2025-09-01T00:00:00Z"), round: { title: "Autumn" } });
  const round = closedRoundWith(
    t,
    network.id,
    sameAnswers(8, ALL_THREES, (_, code) => STANDOUTS[code]),
    {
      closedAt: NOW,
      comments: [
        { theme: "purpose", text: "One" },
        { theme: "purpose", text: "Two" },
        { theme: "value", text: "Three" },
        { theme: "governance", text: "Waiting", status: "pending" },
        { theme: "governance", text: "Hidden", status: "hidden" },
      ],
    },
  );
  addAction(t, round, { title: "Open meeting every month", owner: "Ann", status: "open", due: "2026-05-31" });
  addAction(t, round, { title: "Share the minutes", status: "in_progress" });
  addAction(t, round, { title: "Done already", status: "done" });
  addAction(t, round, { title: "Dropped idea", status: "dropped" });
  return { t, model: async (lang: "en" | "nl") => shown(await reportModel(t.deps, round, network, lang, NOW)) };
}

describe("the page at a glance", () => {
  it("shows the temperature, the themes with arrows and comments, the strongest and weakest statements and the open actions", async () => {
    const { t, model } = glanceNetwork();
    const report = await model("en");
    const g = report.glance;
    expect(g.title).toBe("At a glance");
    // Respondents' theme scores: purpose 50, relationships 55, communication 45, governance 60, value 40.
    expect(g.temperature.value).toBe("50.0");
    expect(g.themes.map((th) => [th.title, th.score, th.change.symbol, th.change.delta, th.comments])).toEqual([
      ["Purpose", "50.0", "", "0.0", "2"],
      ["Relationships", "55.0", "▲", "+5.0", "0"],
      ["Communication", "45.0", "▼", "-5.0", "0"],
      ["Governance", "60.0", "▲", "+10.0", "0"],
      ["Value", "40.0", "▼", "-10.0", "1"],
    ]);
    expect(g.changeNote).toBe('▲ ▼ change since "Autumn", in bold when unlikely to be chance. Comments: those released, per theme.');
    expect(g.strongest).toEqual([
      { text: textOf("governance.2"), theme: "Governance", score: "100.0" },
      { text: textOf("relationships.4"), theme: "Relationships", score: "75.0" },
    ]);
    expect(g.weakest).toEqual([
      { text: textOf("value.5"), theme: "Value", score: "0.0" },
      { text: textOf("communication.3"), theme: "Communication", score: "25.0" },
    ]);
    expect(g.actions).toEqual([
      { title: "Open meeting every month", owner: "Ann", due: "31 May 2026", status: "open", statusLabel: "Open" },
      { title: "Share the minutes", owner: "", due: "", status: "in_progress", statusLabel: "In progress" },
    ]);
    expect(g.moreActions).toBeNull();

    // First after the cover, and first in the contents.
    const html = renderReportHtml(t.deps.views, report);
    const cover = html.indexOf('aria-labelledby="cover-title"');
    const glance = html.indexOf('<section class="sheet glance"');
    expect(cover).toBeGreaterThan(-1);
    expect(glance).toBeGreaterThan(cover);
    expect(html.slice(cover, glance)).not.toContain("<section");
    expect(html.indexOf('aria-labelledby="summary-title"')).toBeGreaterThan(glance);
    expect(html).toMatch(/<ol class="contents">\s*<li>At a glance<\/li>\s*<li>Summary<\/li>/);
    expect(html).toContain('<span class="change change--down">▼ -10.0</span>');

    const nl = (await model("nl")).glance;
    expect(nl.title).toBe("In één oogopslag");
    expect(nl.themes[0]?.title).toBe("Doel");
    expect(nl.actions[1]?.statusLabel).toBe("Bezig");
  });

  it("lists five open actions and counts the rest", async () => {
    const { t, round, model } = handMadeReport(sameAnswers(6, ALL_THREES));
    for (let i = 1; i <= 7; i++) addAction(t, round, { title: `Action ${i}`, status: i % 2 ? "open" : "in_progress" });
    addAction(t, round, { title: "Finished", status: "done" });
    const report = shown(await model("en"));
    expect(report.glance.actions.map((a) => a.title)).toEqual(["Action 1", "Action 2", "Action 3", "Action 4", "Action 5"]);
    expect(report.glance.moreActions).toBe("And 2 more open actions: see Actions.");
    expect(shown(await model("nl")).glance.moreActions).toBe("En nog 2 openstaande acties: zie Acties.");
    expect(report.glance.changeNote).toBe("No earlier temperature check to compare with.");
  });
});
