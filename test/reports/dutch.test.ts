import { describe, expect, it } from "vitest";
import { mirrorModel } from "../../src/members-mirror/mirror-model";
import { renderReportHtml } from "../../src/reports/html";
import type { StoredResponse } from "../support/responses";
import { handMadeReport, sameAnswers, shown } from "./hand-made";

const LEVELS = { purpose: 4, relationships: 4, communication: 3, governance: 3, value: 2 } as const;
type Trend = NonNullable<StoredResponse["trend"]>;

/** Six respondents whose "compared with a year ago" answers are `trends`; only the first rates the network. */
function withTrends(trends: Trend[]): StoredResponse[] {
  return sameAnswers(trends.length, LEVELS).map((r, i) => ({ ...r, trend: trends[i], overall: i === 0 ? 7 : null }));
}

describe("the Dutch report", () => {
  it("agrees verbs and nouns with their number through the language's plural rules", async () => {
    const one = handMadeReport(withTrends(["better", "new", "worse", "same", "same", "same"]), {
      comments: [{ theme: "purpose", text: "Nog niet bekeken", status: "pending" }],
    });
    const nl = shown(await one.model("nl"));
    expect(nl.summary.trend).toBe(
      "Vergeleken met een jaar geleden: 1 vindt het beter, 3 ongeveer hetzelfde, 1 slechter; 1 is korter dan een jaar lid.",
    );
    expect(nl.summary.rating).toMatch(/ \(1 antwoord\)\.$/);
    expect(renderReportHtml(one.t.deps.views, nl)).toContain("1 opmerking is niet getoond");
    const en = shown(await one.model("en"));
    expect(en.summary.trend).toBe("Compared with a year ago: 1 says better, 3 about the same, 1 worse; 1 joined less than a year ago.");
    expect(en.summary.rating).toMatch(/ \(1 answer\)\.$/);

    const two = handMadeReport(withTrends(["better", "better", "new", "new", "worse", "same"]));
    expect(shown(await two.model("nl")).summary.trend).toBe(
      "Vergeleken met een jaar geleden: 2 vinden het beter, 1 ongeveer hetzelfde, 1 slechter; 2 zijn korter dan een jaar lid.",
    );
    expect(shown(await two.model("en")).summary.trend).toContain("2 say better");
  });

  it('says "begeleider", never "facilitator", and addresses the reader as "je", never "u"', async () => {
    const { t, round, network, model } = handMadeReport(withTrends(["better", "new", "worse", "same", "same", "same"]), {
      invited: 8,
      comments: [{ theme: "value", text: "Goed overleg" }],
    });
    const html = renderReportHtml(t.deps.views, await model("nl"));
    expect(html).toContain("nadat de begeleider ze heeft vrijgegeven");
    expect(html).toContain("Zo lees je dit rapport");
    const text = html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ");
    expect(text).not.toMatch(/facilitator/i);
    expect(text).not.toMatch(/\b(u|uw)\b/i);
    const mirror = mirrorModel(t.db, round, network, "nl");
    expect(mirror.t.commentsIntro).toContain("de begeleider");
    expect(JSON.stringify(mirror)).not.toMatch(/facilitator/i);
  });
});
