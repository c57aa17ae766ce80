// The modules' survey pages over HTTP, as plain forms: the connections pages and the maturity pages,
// the step count, where Next and Back lead (skipping what does not apply), Change from Check
// answers, drafts and the submission.
import { describe, expect, it } from "vitest";
import { getInstrument } from "../../src/instrument";
import { newOpenCode } from "../../src/rounds/open-code";
import { loadDraft } from "../../src/survey/drafts";
import { resolveLink } from "../../src/survey/link";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeNetwork, makeRound } from "../support/factories";
import { getPage, postForm } from "../support/http";
import { writePending } from "./helpers";
import { openModuleSurvey, snapshotOrganisations } from "./module-helpers";

const core = getInstrument("core");
if (!core) throw new Error("core instrument missing");
const plain = (text: string) => text.replaceAll("&#x3D;", "=");
const location = (res: { headers: Headers }) => plain(res.headers.get("location") ?? "").replace(/^\/s\/[^/?]+/, "");
const draftOf = (t: TestApp, token: string) => loadDraft(t.deps, resolveLink(t.deps, token), token);

describe("the modules' pages", () => {
  it("counts the modules' pages in the steps: 5 themes, 3 connections, 4 maturity, about, Check answers", async () => {
    const t = createTestApp();
    const { token } = openModuleSurvey(t);
    for (const [path, n] of [
      ["/theme/5", 5],
      ["/connections/1", 6],
      ["/connections/3", 8],
      ["/maturity/1", 9],
      ["/maturity/4", 12],
      ["/about", 13],
      ["/review", 14],
    ] as const) {
      const page = await getPage(t, `/s/${token}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain(`<p class="progress">Step ${n} of 14</p>`);
    }
    const nl = await getPage(t, `/s/${token}/maturity/2?lang=nl`);
    expect(nl.text).toContain('<p class="progress">Stap 10 van 14</p>');
    expect(nl.text).toContain("Waar staat het netwerk nu?");
  });

  it("leaves the pages out of a round without the modules, and answers 404 for them", async () => {
    const t = createTestApp();
    const { token } = openModuleSurvey(t, { modules: ["maturity"], organisations: 0 });
    expect((await getPage(t, `/s/${token}/connections/1`)).status).toBe(404);
    expect((await getPage(t, `/s/${token}/maturity/5`)).status).toBe(404);
    expect((await getPage(t, `/s/${token}/about`)).text).toContain("Step 10 of 11");
    expect(location(await postForm(t, `/s/${token}/theme/5`, { go: "next" }))).toBe("/maturity/1?lang=en");
  });

  it("walks through the connections pages, skipping what does not apply, and keeps the answers in the draft", async () => {
    const t = createTestApp();
    const { token, orgs } = openModuleSurvey(t, { organisations: 6 });
    expect(location(await postForm(t, `/s/${token}/theme/5`, { go: "next" }))).toBe("/connections/1?lang=en");

    const first = plain((await getPage(t, `/s/${token}/connections/1`)).text);
    expect(first).toContain("Which organisation do you mainly work for?");
    expect(first).toContain("It never shows names, and never ratings given by fewer than 5 people.");
    for (const o of orgs) expect(first).toContain(`value="${orgs.indexOf(o)}"><span>${o.name}</span>`);
    // "Not listed" skips the partners and the levels.
    expect(location(await postForm(t, `/s/${token}/connections/1`, { organisation: "not_listed", go: "next" }))).toBe(
      "/maturity/1?lang=en",
    );
    expect(location(await postForm(t, `/s/${token}/maturity/1`, { go: "back" }))).toBe("/connections/1?lang=en");
    expect(draftOf(t, token)?.connections).toEqual({ organisation: "not_listed" });

    expect(location(await postForm(t, `/s/${token}/connections/1`, { organisation: "2", go: "next" }))).toBe("/connections/2?lang=en");
    const second = plain((await getPage(t, `/s/${token}/connections/2`)).text);
    // The others, grouped by type; never the respondent's own.
    expect(second).not.toContain('name="partner.2"');
    expect(second).toContain("<legend>Hospital</legend>");
    expect(second).toContain('id="partner-0" name="partner.0"');
    // None ticked skips how you work together.
    expect(location(await postForm(t, `/s/${token}/connections/2`, { go: "next" }))).toBe("/maturity/1?lang=en");
    expect(location(await postForm(t, `/s/${token}/connections/2`, { "partner.0": "1", "partner.4": "1", go: "next" }))).toBe(
      "/connections/3?lang=en",
    );
    const third = plain((await getPage(t, `/s/${token}/connections/3`)).text);
    expect(third).toContain(`How do you work with ${orgs[0]?.name}?`);
    expect(third).toContain("Coordinate: we plan or align our work");
    expect(third).toContain("Only if you chose cooperate or higher");
    // Ratings with "aware" are dropped, as the page says; from "cooperate" up they are kept.
    const saved = await postForm(t, `/s/${token}/connections/3`, {
      "level.0": "1",
      "trust.0": "4",
      "level.4": "3",
      "trust.4": "2",
      "value.4": "4",
      go: "next",
    });
    expect(location(saved)).toBe("/maturity/1?lang=en");
    expect(draftOf(t, token)?.connections).toEqual({
      organisation: 2,
      partners: [
        { organisation: 0, level: 1 },
        { organisation: 4, level: 3, trust: 2, value: 4 },
      ],
    });
    expect(location(await postForm(t, `/s/${token}/maturity/1`, { go: "back" }))).toBe("/connections/3?lang=en");
    // Choosing a partner as one's own organisation drops it as a partner.
    await postForm(t, `/s/${token}/connections/1`, { organisation: "4", go: "next" });
    expect(draftOf(t, token)?.connections).toEqual({ organisation: 4, partners: [{ organisation: 0, level: 1 }] });
  });

  it("saves what was ticked when the language switch is pressed, and shows the same page in the other language", async () => {
    const t = createTestApp();
    const { token } = openModuleSurvey(t);
    const res = await postForm(t, `/s/${token}/maturity/2?lang=en`, { "maturity.governance.target": "4", switch: "nl" });
    expect(location(res)).toBe("/maturity/2?lang=nl");
    expect(draftOf(t, token)?.maturity).toEqual({ governance: { target: 4 } });
    const page = await getPage(t, `/s/${token}/maturity/2?lang=nl`);
    expect(page.text).toContain("Besluitvorming en afspraken");
    expect(page.text).toMatch(/id="maturity-governance-target-4"[^>]* checked/);
  });

  it("shows organisations' names as text, never as markup", async () => {
    const t = createTestApp();
    const { token, orgs } = openModuleSurvey(t, { organisations: 3 });
    t.db.$client
      .prepare("update round_organisations set name = ? where organisation_id = ?")
      .run('<img src=x onerror="alert(1)">', orgs[1]?.id);
    await postForm(t, `/s/${token}/connections/1`, { organisation: "0", go: "next" });
    await postForm(t, `/s/${token}/connections/2`, { "partner.1": "1", go: "next" });
    for (const path of ["/connections/1", "/connections/2", "/connections/3", "/review"]) {
      const page = await getPage(t, `/s/${token}${path}`);
      expect(page.text, path).not.toContain("<img src=x");
      expect(page.text, path).toContain("&lt;img src");
    }
  });

  it("refuses a tampered value, naming it on the page", async () => {
    const t = createTestApp();
    const { token } = openModuleSurvey(t);
    await postForm(t, `/s/${token}/connections/1`, { organisation: "1", go: "next" });
    await postForm(t, `/s/${token}/connections/2`, { "partner.3": "1", go: "next" });
    const bad = await postForm(t, `/s/${token}/connections/3`, { "level.3": "9", go: "next" });
    expect(bad.status).toBe(400);
    expect(plain(bad.text)).toContain('href="#level-3-1"');
    const nowhere = await postForm(t, `/s/${token}/connections/1`, { organisation: "17", go: "next" });
    expect(nowhere.status).toBe(400);
    const maturity = await postForm(t, `/s/${token}/maturity/1`, { "maturity.purpose.current": "5", go: "next" });
    expect(maturity.status).toBe(400);
    expect(plain(maturity.text)).toContain('href="#maturity-purpose-current-1"');
  });

  it("asks the maturity matrix two dimensions a page, now and in a year, with don't know", async () => {
    const t = createTestApp();
    const { token } = openModuleSurvey(t);
    const page = plain((await getPage(t, `/s/${token}/maturity/1`)).text);
    expect(page).toContain('<h2 id="dimension-purpose">Shared purpose</h2>');
    expect(page).toContain('<h2 id="dimension-relationships">Relationships and trust</h2>');
    expect(page).not.toContain("dimension-communication");
    expect(page).toContain('name="maturity.purpose.target" value="dont_know"');
    expect(page).toContain("Emerging: Members joined for different reasons.");
    const res = await postForm(t, `/s/${token}/maturity/1`, {
      "maturity.purpose.current": "2",
      "maturity.purpose.target": "3",
      "maturity.relationships.target": "dont_know",
      go: "next",
    });
    expect(location(res)).toBe("/maturity/2?lang=en");
    expect(draftOf(t, token)?.maturity).toEqual({ purpose: { current: 2, target: 3 }, relationships: { target: "dont_know" } });
    expect(location(await postForm(t, `/s/${token}/maturity/4`, { go: "next" }))).toBe("/about?lang=en");
    expect(location(await postForm(t, `/s/${token}/about`, { go: "back" }))).toBe("/maturity/4?lang=en");
  });

  it("shows the modules on Check answers, where Change walks through a module's pages and back, and submits them", async () => {
    const t = createTestApp();
    const { token, orgs } = openModuleSurvey(t);
    await postForm(t, `/s/${token}/theme/1`, { "purpose.1": "4", go: "next" });
    await postForm(t, `/s/${token}/connections/1`, { organisation: "0", go: "next" });
    await postForm(t, `/s/${token}/connections/2`, { "partner.1": "1", go: "next" });
    await postForm(t, `/s/${token}/connections/3`, { "level.1": "2", "trust.1": "3", go: "next" });
    await postForm(t, `/s/${token}/maturity/3`, { "maturity.value.current": "1", go: "next" });
    const review = plain((await getPage(t, `/s/${token}/review`)).text);
    expect(review).toContain("<dt>Your organisation</dt>");
    expect(review).toContain(`<dd>${orgs[0]?.name}</dd>`);
    expect(review).toContain("<dd>Cooperate: we share information; trust 3, value not rated</dd>");
    expect(review).toContain("<dt>Value and impact: Where is the network now?</dt>\n    <dd>Emerging</dd>");
    expect(review).toMatch(/id="change-connections" href="[^"]*\/connections\/1\?lang=en&amp;from=review"/);
    expect(review).toMatch(/id="change-maturity" href="[^"]*\/maturity\/1\?lang=en&amp;from=review"/);
    // Change walks through the connections pages in turn, then back to Check answers.
    expect(location(await postForm(t, `/s/${token}/connections/1?lang=en&from=review`, { organisation: "0", go: "next" }))).toBe(
      "/connections/2?lang=en&from=review",
    );
    expect(location(await postForm(t, `/s/${token}/connections/3?lang=en&from=review`, { "level.1": "2", go: "next" }))).toBe(
      "/review?lang=en",
    );
    const submitted = await postForm(t, `/s/${token}/submit`, {});
    expect(location(submitted)).toBe("/thanks?lang=en");
    writePending(t);
    const count = (table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get();
    expect([count("connection_records"), count("connection_levels"), count("connection_ratings"), count("maturity_answers")]).toEqual([
      1, 1, 0, 1,
    ]);
  });

  it("continues at the first module page not answered yet", async () => {
    const t = createTestApp();
    const { token } = openModuleSurvey(t);
    const all = Object.fromEntries(core.themes.flatMap((theme) => theme.items.map((item) => [item.code, "3"])));
    for (const [i, theme] of core.themes.entries()) {
      const fields = Object.fromEntries(theme.items.map((item) => [item.code, all[item.code] ?? "3"]));
      await postForm(t, `/s/${token}/theme/${i + 1}`, { ...fields, go: "next" });
    }
    const href = () => getPage(t, `/s/${token}`).then((res) => /href="([^"]+)">Continue/.exec(plain(res.text))?.[1] ?? "");
    expect(await href()).toMatch(/\/connections\/1\?lang=en$/);
    await postForm(t, `/s/${token}/connections/1`, { organisation: "prefer_not_to_say", go: "next" });
    expect(await href()).toMatch(/\/maturity\/1\?lang=en$/);
    await postForm(t, `/s/${token}/maturity/1`, { "maturity.purpose.current": "1", go: "next" });
    expect(await href()).toMatch(/\/maturity\/2\?lang=en$/);
  });
});

describe("the modules' pages through an open link and in the preview", () => {
  it("asks them through an open link, and the first save there gives a link of one's own", async () => {
    const t = createTestApp();
    const code = newOpenCode();
    const network = makeNetwork(t);
    const round = makeRound(t, network.id, {
      access: "open",
      status: "open",
      openedAt: t.clock.now(),
      openCode: code,
      modules: ["connections", "maturity"],
    });
    snapshotOrganisations(t, network.id, round.id, 4);
    expect((await getPage(t, `/o/${code}/connections/1`)).text).toContain("Step 6 of 14");
    expect(location(await postForm(t, `/o/${code}/theme/5`, { go: "next" }))).toBe(`/o/${code}/connections/1?lang=en`);
    const saved = await postForm(t, `/o/${code}/connections/1`, { organisation: "1", go: "next" });
    expect(location(saved)).toBe("/connections/2?lang=en");
    const token = /^\/s\/([^/]+)/.exec(plain(saved.headers.get("location") ?? ""))?.[1] ?? "";
    expect(draftOf(t, token)?.connections).toEqual({ organisation: 1 });
  });

  it("previews them before the round opens, with the network's organisations in place of the snapshot", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeRound(t, cast.network.id, { modules: ["connections", "maturity"] });
    const [first] = snapshotOrganisations(t, cast.network.id, round.id, 3);
    // A draft round has no snapshot yet: only the network's organisations.
    t.db.$client.prepare("delete from round_organisations").run();
    const cookie = cast.facilitator.cookie;
    const page = await getPage(t, `/rounds/${round.id}/preview/connections/1?lang=nl`, { cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain("Voor welke organisatie werk je vooral?");
    expect(page.text).toContain(first?.name ?? "?");
    const next = await postForm(t, `/rounds/${round.id}/preview/connections/1?lang=en`, { organisation: "0", go: "next" }, { cookie });
    expect(next.headers.get("location")).toBe(`/rounds/${round.id}/preview/connections/2?lang=en`);
    // Its schemas were built once and kept in the app's memo, as the members' pages keep theirs.
    expect(t.deps.survey.schemas.size).toBe(1);
    // The last connections page, which would ask about no one with nothing kept, shows sample partners.
    const levels = await getPage(t, `/rounds/${round.id}/preview/connections/3`, { cookie });
    expect(levels.text).toContain("How do you work with Organisation 002?");
    expect(levels.text).toContain("How do you work with Organisation 003?");
    const last = await postForm(t, `/rounds/${round.id}/preview/maturity/4?lang=en`, { go: "next" }, { cookie });
    expect(last.headers.get("location")).toBe(`/rounds/${round.id}/preview/about?lang=en`);
    expect((await getPage(t, `/rounds/${round.id}/preview/maturity/2`, { cookie })).text).toContain("Communication and information flow");
    expect(t.db.$client.prepare("select count(*) from drafts").pluck().get()).toBe(0);
  });
});
