import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, networks, rounds } from "../../src/db/schema";
import { reportModel } from "../../src/reports/report-model";
import { closedRoundWith } from "../reports/fixtures";
import { createTestApp } from "../support/app";
import { makeCast, makeGrant, makeInvitation, makeNetwork, makeRound } from "../support/factories";
import { call, getPage, postForm } from "../support/http";
import { uniformResponse } from "../support/responses";

const AMSTERDAM = "Europe/Amsterdam";
const form = { title: "Voorjaarsmeting", language: "nl", minResponses: "5", access: "invite" };
const roundOf = (t: ReturnType<typeof createTestApp>, id: string) => t.db.select().from(rounds).where(eq(rounds.id, id)).get();

describe("a network's time zone", () => {
  it("defaults from the language (Dutch: Europe/Amsterdam), can be chosen and changed, and is validated against Intl's zones", async () => {
    const t = createTestApp();
    const { facilitator } = makeCast(t);
    const opts = { cookie: facilitator.cookie };
    const en = await call(t, "POST", "/api/v1/networks", { name: "Care network" }, opts);
    expect(en.json.timeZone).toBe("Europe/London");
    const nl = await call(t, "POST", "/api/v1/networks", { name: "Zorgnetwerk", language: "nl" }, opts);
    expect(nl.json.timeZone).toBe(AMSTERDAM);
    const ny = await call(t, "POST", "/api/v1/networks", { name: "Elsewhere", language: "nl", timeZone: "America/New_York" }, opts);
    expect(ny.json.timeZone).toBe("America/New_York");
    for (const timeZone of ["Mars/Olympus", "europe/amsterdam", "", 42]) {
      const bad = await call(t, "PATCH", `/api/v1/networks/${en.json.id}`, { timeZone }, opts);
      expect(bad.status, String(timeZone)).toBe(400);
      expect(bad.json.error.details.map((d: { field: string }) => d.field)).toEqual(["timeZone"]);
    }
    const changed = await call(t, "PATCH", `/api/v1/networks/${en.json.id}`, { timeZone: AMSTERDAM }, opts);
    expect(changed.status).toBe(200);
    expect(changed.json.timeZone).toBe(AMSTERDAM);
    const audit = t.db.select().from(auditLog).where(eq(auditLog.targetId, en.json.id)).all();
    expect(audit.at(-1)?.detail).toEqual({ fields: ["timeZone"] });
  });

  it("is changed on the network page, and the create form suggests Amsterdam to a Dutch browser", async () => {
    const t = createTestApp();
    const { facilitator, network } = makeCast(t);
    const cookie = facilitator.cookie;
    const page = await getPage(t, `/networks/${network.id}`, { cookie });
    expect(page.text).toContain("<dt>Time zone</dt><dd>Europe/London time (GMT)</dd>");
    expect(page.text).toContain("<option selected>Europe/London</option>");
    const edit = { name: network.name, description: "", stage: network.stage };
    const bad = await postForm(t, `/networks/${network.id}`, { ...edit, timeZone: "Nowhere/Land" }, { cookie });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<a href="#timeZone">Time zone must be one of the listed time zones</a>');
    const ok = await postForm(t, `/networks/${network.id}`, { ...edit, timeZone: AMSTERDAM }, { cookie });
    expect(ok.status).toBe(303);
    expect(t.db.select().from(networks).where(eq(networks.id, network.id)).get()?.timeZone).toBe(AMSTERDAM);
    const home = await getPage(t, "/", { cookie, headers: { "Accept-Language": "nl-NL,nl;q=0.9,en;q=0.5" } });
    expect(home.text).toContain("<option selected>Europe/Amsterdam</option>");
    const created = await postForm(t, "/networks", { name: "Zorgnetwerk West", stage: "forming", timeZone: AMSTERDAM }, { cookie });
    const id = /\/networks\/(.+)$/.exec(created.headers.get("location") ?? "")?.[1] ?? "";
    expect(t.db.select().from(networks).where(eq(networks.id, id)).get()?.timeZone).toBe(AMSTERDAM);
  });

  it("reads a closing time typed for a Dutch round as Amsterdam time and shows 18:00 CET, and 18:00 CEST across daylight saving time", async () => {
    const t = createTestApp({ now: "2026-01-05T09:00:00Z" });
    const cast = makeCast(t);
    t.db.update(networks).set({ timeZone: AMSTERDAM }).where(eq(networks.id, cast.network.id)).run();
    const cookie = cast.facilitator.cookie;
    const networkPage = await getPage(t, `/networks/${cast.network.id}`, { cookie });
    expect(networkPage.text).toContain("In Europe/Amsterdam time (CET).");

    const winter = await postForm(t, `/networks/${cast.network.id}/rounds`, { ...form, closesAt: "2026-01-15T18:00" }, { cookie });
    const winterId = /\/rounds\/([^?]+)/.exec(winter.headers.get("location") ?? "")?.[1] ?? "";
    expect(roundOf(t, winterId)?.closesAt?.toISOString()).toBe("2026-01-15T17:00:00.000Z");
    const winterPage = await getPage(t, `/rounds/${winterId}`, { cookie });
    expect(winterPage.text).toContain("15 January 2026 at 18:00 CET");
    expect(winterPage.text).not.toContain("17:00 GMT");
    expect(winterPage.text).not.toContain("UK time");
    expect(winterPage.text).toContain('value="2026-01-15T18:00"');

    const summer = await postForm(t, `/networks/${cast.network.id}/rounds`, { ...form, closesAt: "2026-07-10T18:00" }, { cookie });
    const summerId = /\/rounds\/([^?]+)/.exec(summer.headers.get("location") ?? "")?.[1] ?? "";
    expect(roundOf(t, summerId)?.closesAt?.toISOString()).toBe("2026-07-10T16:00:00.000Z");
    expect((await getPage(t, `/rounds/${summerId}`, { cookie })).text).toContain("10 July 2026 at 18:00 CEST");
    const list = await getPage(t, `/networks/${cast.network.id}`, { cookie });
    expect(list.text).toContain("10 July 2026 at 18:00 CEST");

    // Extending takes the new time in Amsterdam too.
    const extended = await postForm(t, `/rounds/${winterId}/extend`, { closesAt: "2026-01-20T09:30" }, { cookie });
    expect(extended.status).toBe(303);
    expect(roundOf(t, winterId)?.closesAt?.toISOString()).toBe("2026-01-20T08:30:00.000Z");
  });

  it("dates the report, the mirror and the comparison as days in the network's zone", async () => {
    // Closed at 23:30 UTC on 1 March: still 1 March in London, already 2 March in Amsterdam.
    const t = createTestApp({ now: "2026-03-01T23:30:00Z" });
    const cast = makeCast(t);
    const dutch = makeNetwork(t, { name: "Zorgnetwerk", timeZone: AMSTERDAM });
    const english = makeNetwork(t, { name: "Care network" });
    const five = Array.from({ length: 5 }, () => uniformResponse(4));
    const nlRound = closedRoundWith(t, dutch.id, five);
    const enRound = closedRoundWith(t, english.id, five);
    const cover = async (round: typeof nlRound, network: typeof dutch, lang: "en" | "nl") =>
      Object.fromEntries((await reportModel(t.deps, round, network, lang, t.clock.now())).cover.facts.map((f) => [f.label, f.value]));
    expect((await cover(nlRound, dutch, "nl"))["Rapport gemaakt op"]).toBe("2 maart 2026");
    expect((await cover(nlRound, dutch, "en"))["Report made on"]).toBe("2 March 2026");
    expect((await cover(enRound, english, "en"))["Report made on"]).toBe("1 March 2026");
    expect((await cover(enRound, english, "nl"))["Rapport gemaakt op"]).toBe("1 maart 2026");

    for (const id of [dutch.id, english.id]) makeGrant(t, id, cast.commissioner.user.id, "commissioner");
    const res = await call(t, "GET", `/api/v1/compare?networkIds=${dutch.id},${english.id}`, undefined, {
      cookie: cast.commissioner.cookie,
    });
    expect(res.json.networks.map((n: { timeZone: string }) => n.timeZone)).toEqual([AMSTERDAM, "Europe/London"]);
    const page = await getPage(t, `/compare?networkIds=${dutch.id},${english.id}`, { cookie: cast.commissioner.cookie });
    expect(page.text).toMatch(/Zorgnetwerk: 2 March 2026/);
    expect(page.text).toMatch(/Care network: 1 March 2026/);
  });
});

describe("the survey's closing time", () => {
  it("is shown to members in their network's time zone, whatever the round's language", async () => {
    const t = createTestApp({ now: "2026-01-05T09:00:00Z" });
    const network = makeNetwork(t, { timeZone: AMSTERDAM });
    // 17:00 UTC in January is 18:00 in Amsterdam (CET) and 17:00 in London.
    const round = makeRound(t, network.id, { status: "open", language: "en", closesAt: new Date("2026-01-15T17:00:00Z") });
    const { token } = makeInvitation(t, round.id);
    const welcome = await getPage(t, `/s/${token}`);
    expect(welcome.text).toContain("15 January 2026 at 18:00 CET");
    expect(welcome.text).not.toContain("17:00 GMT");
  });
});
