import { describe, expect, it } from "vitest";
import { renderReportHtml } from "../../src/reports/html";
import { handMadeReport, sameAnswers } from "./hand-made";

const LEVELS = { purpose: 4, relationships: 4, communication: 3, governance: 3, value: 2 } as const;

describe("the report's confidence", () => {
  it("is low for 8 respondents even when all 8 invited answered", async () => {
    const { model } = handMadeReport(sameAnswers(8, LEVELS), { invited: 8 });
    const en = await model("en");
    expect(en.cover.facts.find((f) => f.label === "Response rate")?.value).toBe("100.0%");
    expect(en.cover.facts.find((f) => f.label === "Confidence")?.value).toBe("Low");
    const nl = await model("nl");
    expect(nl.cover.facts.find((f) => f.label === "Betrouwbaarheid")?.value).toBe("Laag");
  });

  it("is moderate for 10 of 12 invited, and given for an open link by the number of respondents", async () => {
    const invited = handMadeReport(sameAnswers(10, LEVELS), { invited: 12 });
    expect((await invited.model("en")).cover.facts.find((f) => f.label === "Confidence")?.value).toBe("Moderate");
    const open = handMadeReport(sameAnswers(15, LEVELS));
    const cover = (await open.model("en")).cover.facts;
    expect(cover.find((f) => f.label === "Response rate")?.value).toBe("Open link: no response rate");
    expect(cover.find((f) => f.label === "Confidence")?.value).toBe("Moderate");
  });

  it('states the rule under its own "Confidence" heading in How to read, in both languages', async () => {
    const { t, model } = handMadeReport(sameAnswers(8, LEVELS), { invited: 8 });
    const en = await model("en");
    const block = en.howToRead.blocks.find((b) => b.title === "Confidence");
    expect(block?.paragraphs.join(" ")).toContain(
      "high when at least 80% of those invited responded and at least 20 people did; moderate from 65% and 10 people; otherwise low",
    );
    expect(block?.paragraphs.join(" ")).toContain("high from 30 responses, moderate from 15, otherwise low");
    // The rule is no longer a stray sentence under Anonymity.
    const anonymity = en.howToRead.blocks.find((b) => b.title === "Anonymity");
    expect(anonymity?.paragraphs.join(" ")).not.toMatch(/response rate of 80/);
    expect(renderReportHtml(t.deps.views, en)).toMatch(/<h3>Confidence<\/h3>\s*<p>Confidence says/);

    const nl = await model("nl");
    const nlBlock = nl.howToRead.blocks.find((b) => b.title === "Betrouwbaarheid");
    expect(nlBlock?.paragraphs.join(" ")).toContain("ten minste 80% van de uitgenodigden reageerde en ten minste 20 mensen");
    expect(nlBlock?.paragraphs.join(" ")).toContain("hoog vanaf 30 reacties, redelijk vanaf 15, anders laag");
  });
});
