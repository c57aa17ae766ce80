// The Connections section of the mirror report: the frozen map drawn and told in plain words, in
// English and Dutch, with its questions in the conversation guide; no per-organisation counts.
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { frozenNetworkMap } from "../../../src/connections/frozen-map";
import { refreezeOldMaps } from "../../../src/connections/refreeze";
import type { ConnectionRecord, MapOrganisation } from "../../../src/connections/types";
import { roundNetworkMaps } from "../../../src/db/schema";
import { reportHtml } from "../../../src/reports/service";
import { createTestApp } from "../../support/app";
import { makeClosedMapRound, syntheticNetwork } from "../../support/connections";
import { makeCast } from "../../support/factories";
import { getPage } from "../../support/http";
import { makeClosedRound, uniformResponse } from "../../support/responses";

type Case = { name: string; input: { organisations: MapOrganisation[]; k: number; records: ConnectionRecord[] } };
const cases = (JSON.parse(readFileSync(new URL("../../fixtures/network-map-reference.json", import.meta.url), "utf8")) as { cases: Case[] })
  .cases;
const hand = cases.find((c) => c.name === "hand-5-orgs") as Case;

/** Text of the HTML without tags, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

function reportOf(input: Case["input"], lang: "en" | "nl" = "en") {
  const t = createTestApp();
  const cast = makeCast(t);
  const round = makeClosedMapRound(t, cast.network.id, input, { minResponses: input.k });
  return reportHtml(t.deps, round, cast.network, lang);
}

/** The network map's SVG element in a page, whole. */
function mapSvgOf(html: string): string {
  const at = html.indexOf('class="network-map"');
  return html.slice(html.lastIndexOf("<svg", at), html.indexOf("</svg>", at) + "</svg>".length);
}

describe("the report's Connections section", () => {
  it("draws the map and says what it shows in plain words (hand-computed: 4 ties of 10 pairs, Birch brokers, Elder is isolated)", async () => {
    const html = await reportOf(hand.input);
    const text = textOf(html);
    expect(html).toContain('id="connections-title"');
    expect(html).toMatch(/<svg [^>]*class="network-map" role="img" aria-label="Network map of /);
    const map = html.slice(html.indexOf('class="network-map"'), html.indexOf("</svg>", html.indexOf('class="network-map"')));
    expect(
      map
        .match(/<path [^>]*d="[^"]*"/g)
        ?.join("")
        .match(/M/g),
    ).toHaveLength(4);
    expect(text).toContain("4 in 10 possible partnerships are active (4 of 10).");
    expect(text).toContain("Centralization 0.58");
    expect(text).toContain("both sides name 75% of their partnerships");
    expect(text).toContain("The network falls into 2 separate parts.");
    expect(text).toContain("3.04 out of 4 on average, over 2 organisations with enough ratings");
    expect(text).toMatch(/Brokers .* Birch GP Practice .*Isolates .* Elder Carers Group/);
    expect(text).toContain("This is the network's first map");
    // The conversation guide asks about what the map shows.
    expect(text).toContain("What would help Elder Carers Group take part?");
    expect(text).toContain("Many connections run through Birch GP Practice.");
    // The report is put on the table: no count of who answered for which organisation.
    expect(text).not.toContain("Members who named it");
    // Table of contents names the section.
    expect(text).toMatch(/Results by group Connections Conversation guide/);
  });

  it("draws the map from the positions frozen with it: no layout per report, the same bytes every time", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedMapRound(t, cast.network.id, hand.input, { minResponses: hand.input.k });
    const svg = async () => mapSvgOf(await reportHtml(t.deps, round, cast.network, "en"));
    const first = await svg();
    expect(first.match(/<circle /g)).toHaveLength(hand.input.organisations.length);
    expect(await svg()).toBe(first);
    // Frozen again from the same answers (as at start-up after a format change): the same picture, byte for byte.
    t.db.update(roundNetworkMaps).set({ format: 1 }).where(eq(roundNetworkMaps.roundId, round.id)).run();
    expect(refreezeOldMaps(t.deps)).toBe(1);
    expect(await svg()).toBe(first);
    // Positions moved in storage are drawn where they now are: the report reads them and lays nothing out.
    const frozen = frozenNetworkMap(t.db, round.id);
    if (!frozen) throw new Error("expected a frozen map");
    const moved = frozen.positions.map((p, i) => ({ ...p, x: 100 + 90 * i, y: 321 }));
    const { change: _, ...stored } = frozen;
    t.db
      .update(roundNetworkMaps)
      .set({ map: { ...stored, positions: moved } })
      .where(eq(roundNetworkMaps.roundId, round.id))
      .run();
    const drawn = await svg();
    expect(drawn).not.toBe(first);
    for (const p of moved) expect(drawn).toContain(`<circle cx="${p.x}" cy="321" r="${p.r}"`);
  });

  it("speaks Dutch", async () => {
    const text = textOf(await reportOf(hand.input, "nl"));
    expect(text).toContain("4 op de 10 mogelijke samenwerkingsrelaties zijn actief (4 van 10).");
    expect(text).toContain("Verbinders");
    expect(text).toContain("gemiddeld 3,04 van 4, over 2 organisaties met genoeg beoordelingen");
  });

  it("lists perception gaps and introductions to make, names escaped", async () => {
    const big = cases.find((c) => c.name === "random-18-orgs-60-records") as Case;
    const hostile = {
      ...big.input,
      organisations: big.input.organisations.map((org, i) => (i === 0 ? { ...org, name: "<b>Bold</b> & Co" } : org)),
    };
    const html = await reportOf(hostile);
    expect(html).not.toContain("<b>Bold</b>");
    expect(html).toContain("&lt;b&gt;Bold&lt;/b&gt; &amp; Co");
    const text = textOf(html);
    expect(text).toMatch(/Introductions to make .* both work with /);
  });

  it("says the map is not shown when too few named their organisation, and has no section without the module", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedMapRound(t, cast.network.id, { ...hand.input, responses: 6 }, { minResponses: 6 });
    const text = textOf(await reportHtml(t.deps, round, cast.network, "en"));
    expect(text).toContain("Too few members named their organisation (5; at least 6 are needed)");
    expect(text).not.toContain("possible partnerships");
    expect(text).not.toContain("What would help");
    const plain = makeClosedRound(
      t,
      cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
    );
    expect(await reportHtml(t.deps, plain, cast.network, "en")).not.toContain("connections-title");
  });

  it("above 40 organisations draws coordinate and integrate ties only and adds every tie as a matrix on a landscape page", async () => {
    const large = await reportOf({ ...syntheticNetwork(41, 1), k: 5 });
    expect(textOf(large)).toContain("With more than 40 organisations the map draws only coordinate and integrate ties");
    const matrix = large.slice(large.indexOf('<section class="sheet connections connections-matrix"'));
    expect(matrix).toContain("Every tie");
    expect(matrix.match(/<th scope="row">/g)).toHaveLength(41);
    expect(large).toContain("@page wide { size: A4 landscape; }");
    const at40 = await reportOf({ ...syntheticNetwork(40, 1), k: 5 });
    expect(at40).not.toContain('connections-matrix"');
    expect(textOf(at40)).not.toContain("With more than 40 organisations");
  });

  it("lists the 10 largest perception gaps in the report, the rest counted; the facilitator's page lists them all", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeClosedMapRound(t, cast.network.id, { ...syntheticNetwork(30, 3), responses: 90 }, { minResponses: 5 });
    const frozen = frozenNetworkMap(t.db, round.id);
    if (!frozen || frozen.map.suppressed) throw new Error("expected a map");
    const gaps = frozen.map.perceptionGaps;
    expect(gaps.length).toBeGreaterThan(10);
    const listed = (html: string) => {
      const from = html.indexOf("Perception gaps");
      return html.slice(from, html.indexOf("Introductions to make", from)).match(/says they/g)?.length ?? 0;
    };
    const report = await reportHtml(t.deps, round, cast.network, "en");
    expect(listed(report) / 2).toBe(10);
    expect(textOf(report)).toContain(`… and ${gaps.length - 10} more pairs with a smaller or equal difference.`);
    // Largest differences first: a gap of 3 levels (integrate against aware), if any, comes before any gap of 2.
    expect(gaps.some((gap) => Math.abs(gap.aSays - gap.bSays) === 3)).toBe(true);
    // …and the first in name order is not one: only sorting puts a 3-level gap first.
    expect(Math.abs((gaps[0]?.aSays ?? 0) - (gaps[0]?.bSays ?? 0))).toBe(2);
    expect(report).toMatch(/Perception gaps[\s\S]*?<li>[^<]*(integrate;[^<]*are aware|are aware[^<]*integrate)/);
    const page = await getPage(t, `/rounds/${round.id}/network-map`, { cookie: cast.facilitator.cookie });
    expect(listed(page.text) / 2).toBe(gaps.length);
    expect(page.text).not.toContain("more pairs with a smaller or equal difference");
  });
});
