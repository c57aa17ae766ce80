import { describe, expect, it } from "vitest";
import { getInstrument, localize } from "../../src/instrument";
import { createChartViews } from "../../src/lib/charts";
import { themeScoresChart } from "../../src/reports/charts/theme-scores";
import { roundLabel, trendChart } from "../../src/reports/charts/trend";
import { handMadeReport, sameAnswers, shown } from "./hand-made";

const LEVELS = { purpose: 4, relationships: 4, communication: 3, governance: 3, value: 2 } as const;

/** The text of each <text> element of an SVG, its lines (tspans) joined by spaces, entities decoded. */
function svgTexts(svg: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    decode((m[1] ?? "").replace(/<\/tspan>\s*<tspan\b[^>]*>/g, " ").replace(/<[^>]+>/g, "")),
  );
}

describe("chart labels", () => {
  for (const lang of ["en", "nl"] as const) {
    it(`show every statement and theme in full, wrapped over lines, never cut (${lang})`, async () => {
      const { model } = handMadeReport(sameAnswers(6, LEVELS));
      const report = shown(await model(lang));
      const instrument = localize(getInstrument("core", 1) ?? (undefined as never), lang);
      for (const [t, theme] of instrument.themes.entries()) {
        const texts = svgTexts(report.themes[t]?.chart.svg.toString() ?? "");
        for (const [i, item] of theme.items.entries()) expect(texts).toContain(`${i + 1}. ${item.text}`);
        expect(texts.join(" ")).not.toContain("…");
      }
      const summary = svgTexts(report.summary.chart.svg.toString());
      for (const theme of instrument.themes) expect(summary).toContain(theme.title);
      expect(summary.join(" ")).not.toContain("…");
    });
  }

  it("names the statements Vega used to cut: governance 3 in English, value 5 in Dutch", async () => {
    const { model } = handMadeReport(sameAnswers(6, LEVELS));
    const en = svgTexts(shown(await model("en")).themes[3]?.chart.svg.toString() ?? "");
    expect(en).toContain("3. I can find out why a decision was made.");
    const nl = svgTexts(shown(await model("nl")).themes[4]?.chart.svg.toString() ?? "");
    expect(nl).toContain("5. De tijd die ik in het netwerk steek, is het waard.");
  });

  it("keeps long theme names and round titles whole in the scores and trend charts", async () => {
    const long = "Samenwerking tussen ziekenhuizen, huisartsen en gemeenten";
    const scores = svgTexts((await themeScoresChart(createChartViews(), [{ label: long, score: 50, text: "50,0" }], "alt")).svg.toString());
    expect(scores).toContain(long);
    const title = "Temperatuurmeting voorjaar 2026 na de fusie van de regio's";
    const trend = svgTexts(
      (
        await trendChart(
          createChartViews(),
          [
            { round: roundLabel(title, "2 maart 2026"), series: long, score: 50 },
            { round: roundLabel("Najaar", "1 oktober 2026"), series: long, score: 60 },
          ],
          [long],
          "Temperatuur",
          "alt",
        )
      ).svg.toString(),
    );
    expect(trend).toContain(`${title} 2 maart 2026`);
    expect(trend).toContain(long);
    expect(trend.join(" ")).not.toContain("…");
  });
});
