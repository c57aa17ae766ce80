import { OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { drafts, invitations, rounds } from "../../src/db/schema";
import type { AppEnv } from "../../src/lib/app-env";
import { newToken } from "../../src/lib/ids";
import { newOpenCode } from "../../src/rounds/open-code";
import { openLinkPages } from "../../src/survey/open-pages";
import { createTestApp, type TestApp } from "../support/app";
import { makeInvitation, makeMember, makeNetwork, makeRound } from "../support/factories";
import { getPage, postForm } from "../support/http";

function openRound(t: TestApp, overrides: Parameters<typeof makeRound>[2] = {}) {
  const code = newOpenCode();
  const round = makeRound(t, makeNetwork(t).id, { access: "open", status: "open", openedAt: t.clock.now(), openCode: code, ...overrides });
  return { round, code };
}

const linksOf = (t: TestApp, roundId: string) => t.db.select().from(invitations).where(eq(invitations.roundId, roundId)).all();
const plain = (text: string) => text.replaceAll("&#x3D;", "=");
const tokenIn = (location: string | null) => /^\/s\/([A-Za-z0-9_-]{22})\//.exec(location ?? "")?.[1];

describe("GET /o/:code: reading makes nothing", () => {
  it("shows the survey's welcome for a shared link, and any number of visits and page views make no link", async () => {
    const t = createTestApp();
    const { round, code } = openRound(t);
    const welcome = await getPage(t, `/o/${code}`);
    expect(welcome.status).toBe(200);
    expect(welcome.headers.get("cache-control")).toBe("no-store");
    expect(welcome.text).toContain("This link is shared: everyone who opens it starts an empty survey of their own.");
    expect(welcome.text).not.toContain("Your link is personal");
    expect(welcome.text).not.toContain("do not forward it");
    expect(welcome.text).toContain("never who they are or which answers are whose");
    expect(plain(welcome.text)).toContain(`<a class="button" href="/o/${code}/theme/1?lang=en">Start</a>`);
    // A link previewer, a curious reader and someone clicking Next through empty pages.
    for (const path of ["", "", "/theme/1", "/theme/5", "/about", "/review"]) {
      expect((await getPage(t, `/o/${code}${path}`)).status, path).toBe(200);
    }
    const next = await postForm(t, `/o/${code}/theme/1`, { go: "next" });
    expect(next.headers.get("location")).toBe(`/o/${code}/theme/2?lang=en`);
    const switched = await postForm(t, `/o/${code}/theme/2`, { switch: "nl" });
    expect(switched.headers.get("location")).toBe(`/o/${code}/theme/2?lang=nl`);
    expect((await postForm(t, `/o/${code}/submit`, {})).status).toBe(400);
    expect(linksOf(t, round.id)).toHaveLength(0);
  });

  it("speaks the round's language, and the member's choice over it", async () => {
    const t = createTestApp();
    const { code } = openRound(t, { language: "nl" });
    const dutch = await getPage(t, `/o/${code}`, { headers: { "Accept-Language": "en-GB,en" } });
    expect(dutch.text).toContain('<html lang="nl">');
    expect(dutch.text).toContain("Deze link wordt gedeeld");
    expect((await getPage(t, `/o/${code}?lang=en`)).text).toContain('<html lang="en">');
  });
});

describe("saving through an open link", () => {
  it("makes a link of the visitor's own at the first save, with the draft, and carries on there", async () => {
    const t = createTestApp();
    const { round, code } = openRound(t);
    const res = await postForm(t, `/o/${code}/theme/1?lang=nl`, { "purpose.1": "4", "comment.purpose": "Eigen woorden", go: "next" });
    expect(res.status).toBe(303);
    const token = tokenIn(res.headers.get("location"));
    expect(res.headers.get("location")).toBe(`/s/${token}/theme/2?lang=nl`);
    const links = linksOf(t, round.id);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ memberId: null, status: "started" });
    expect(t.db.select().from(drafts).all()).toHaveLength(1);
    const back = plain((await getPage(t, `/s/${token}/theme/1`)).text);
    expect(back).toMatch(/name="purpose.1" value="4" checked/);
    expect(back).toContain(">Eigen woorden</textarea>");
    // Their own link belongs to no member: its welcome does not say the facilitator sees its use.
    const own = await getPage(t, `/s/${token}`);
    expect(own.text).toContain("never who they are or which answers are whose");
    expect(own.text).not.toContain("can see whether your link has been used");
    // Each visitor who saves gets a link of their own.
    const other = await postForm(t, `/o/${code}/about`, { overall: "6" });
    expect(tokenIn(other.headers.get("location"))).not.toBe(token);
    expect(linksOf(t, round.id)).toHaveLength(2);
  });

  it("after Save and finish later, shows the visitor's own link to keep and says the shared link starts afresh", async () => {
    const t = createTestApp();
    const { code } = openRound(t, { closesAt: new Date("2026-03-31T16:00:00Z") });
    const saved = await postForm(t, `/o/${code}/theme/2`, { "relationships.1": "5", go: "save" });
    const token = tokenIn(saved.headers.get("location"));
    expect(saved.headers.get("location")).toBe(`/s/${token}/saved?lang=en`);
    const page = await getPage(t, `/s/${token}/saved`);
    expect(page.text).toContain("Your answers are saved under a link of your own");
    expect(page.text).toContain(`<p class="own-link">http://localhost/s/${token}</p>`);
    expect(page.text).toContain("It works until 31 March 2026 at 17:00 BST.");
    expect(page.text).toContain("always starts a new, empty survey: it cannot bring these answers back");
    expect(page.text).not.toContain("Use the same link to carry on");
    const dutch = await getPage(t, `/s/${token}/saved?lang=nl`);
    expect(dutch.text).toContain("Je antwoorden zijn opgeslagen onder een eigen link");
    expect(dutch.text).toContain("begint altijd een nieuwe, lege vragenlijst");
    // Save with nothing chosen still asks for a link to come back to: it gets one.
    const empty = await postForm(t, `/o/${code}/theme/1`, { go: "save" });
    expect(empty.headers.get("location")).toMatch(/^\/s\/[\w-]{22}\/saved\?lang=en$/);
  });

  it("keeps a personal invitation's saved page as it was: no link written out", async () => {
    const t = createTestApp();
    const round = makeRound(t, makeNetwork(t).id, { status: "open", openedAt: t.clock.now() });
    const invitation = makeInvitation(t, round.id, { memberId: makeMember(t, round.networkId).id });
    await postForm(t, `/s/${invitation.token}/theme/1`, { "purpose.1": "2", go: "save" });
    const page = await getPage(t, `/s/${invitation.token}/saved`);
    expect(page.text).toContain("Use the same link to carry on");
    expect(page.text).not.toContain("own-link");
    expect(page.text).not.toContain(`http://localhost/s/${invitation.token}`);
  });
});

describe("a browser that answered through the open link", () => {
  it("is remembered by a cookie naming only the round, and told on the thanks page and on its next visit", async () => {
    const t = createTestApp();
    const { round, code } = openRound(t, { closesAt: new Date("2026-03-31T16:00:00Z") });
    const first = await postForm(t, `/o/${code}/theme/1`, { "purpose.1": "3" });
    const token = tokenIn(first.headers.get("location"));
    const submitted = await postForm(t, `/s/${token}/submit`, {});
    expect(submitted.status).toBe(303);
    const cookie = submitted.headers.get("set-cookie") ?? "";
    // Until the round closes: 2 March 09:00 to 31 March 16:00 UTC is 29 days and 7 hours.
    expect(cookie).toBe(`nm_answered_${round.id}=1; Max-Age=${29 * 86400 + 7 * 3600}; Path=/o; HttpOnly; SameSite=Lax`);
    expect(cookie).not.toContain(token);

    const thanks = await getPage(t, `/s/${token}/thanks`);
    expect(thanks.text).toContain("You have already answered — answer again only if someone else is using this device.");
    const revisit = await getPage(t, `/o/${code}`, { headers: { Cookie: `nm_answered_${round.id}=1` } });
    expect(revisit.status).toBe(200);
    expect(revisit.text).toContain("You have already answered — answer again only if someone else is using this device.");
    const dutch = await getPage(t, `/o/${code}?lang=nl`, { headers: { Cookie: `nm_answered_${round.id}=1` } });
    expect(dutch.text).toContain("Je hebt al geantwoord — antwoord alleen opnieuw als iemand anders dit apparaat gebruikt.");
    // Another browser, or the cookie of another round, is told nothing.
    expect((await getPage(t, `/o/${code}`)).text).not.toContain("already answered");
    expect((await getPage(t, `/o/${code}`, { headers: { Cookie: "nm_answered_other=1" } })).text).not.toContain("already answered");
  });

  it("sets no cookie for a member's personal link", async () => {
    const t = createTestApp();
    const round = makeRound(t, makeNetwork(t).id, { status: "open", openedAt: t.clock.now() });
    const invitation = makeInvitation(t, round.id);
    await postForm(t, `/s/${invitation.token}/theme/1`, { "purpose.1": "3" });
    const submitted = await postForm(t, `/s/${invitation.token}/submit`, {});
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get("set-cookie")).toBeNull();
    expect((await getPage(t, `/s/${invitation.token}/thanks`)).text).not.toContain("already answered");
  });
});

describe("open-link codes and states", () => {
  it("finds a round by its code however it is typed, and by the long link handed out before codes", async () => {
    const t = createTestApp();
    const oldSlug = newToken();
    const { code } = openRound(t, { openSlug: oldSlug });
    for (const typed of [code, code.toLowerCase(), oldSlug]) expect((await getPage(t, `/o/${typed}`)).status, typed).toBe(200);
    const saved = await postForm(t, `/o/${oldSlug}/theme/1`, { "purpose.1": "1" });
    expect(tokenIn(saved.headers.get("location"))).toBeDefined();
  });

  it("answers an unknown code, and an invite round's id, with a 404 page", async () => {
    const t = createTestApp();
    const invite = makeRound(t, makeNetwork(t).id, { status: "open", openCode: newOpenCode() });
    for (const typed of [newOpenCode(), newToken(), invite.openCode ?? ""]) {
      const res = await getPage(t, `/o/${typed}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(res.text).toContain("This link does not work");
    }
    // Guessing codes counts against the failed-lookup limit of survey links (what keeps 8 characters unguessable).
    let status = 404;
    for (let i = 0; i < 40 && status === 404; i++) status = (await getPage(t, `/o/${newOpenCode()}`)).status;
    expect(status).toBe(429);
  });

  it("answers a closed round with 410 and a draft one with 404, in the round's language, making no links", async () => {
    const t = createTestApp();
    const closed = openRound(t, { status: "closed", closedAt: t.clock.now(), language: "nl" });
    const draft = openRound(t, { status: "draft", openedAt: null });
    const gone = await getPage(t, `/o/${closed.code}`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain("Deze temperatuurmeting is gesloten");
    expect(gone.text).toContain('lang="nl"');
    expect(gone.text).not.toContain("/m/");
    expect((await postForm(t, `/o/${closed.code}/theme/1`, { "purpose.1": "4" })).status).toBe(410);
    const early = await getPage(t, `/o/${draft.code}`);
    expect(early.status).toBe(404);
    expect(early.text).toContain("has not opened yet");
    expect(t.db.select().from(invitations).all()).toHaveLength(0);
  });

  it("points members to the published mirror from a closed link, in either language", async () => {
    const t = createTestApp();
    const { code } = openRound(t, { status: "closed", closedAt: t.clock.now(), mirrorSlug: "mirror-slug-1" });
    const gone = await getPage(t, `/o/${code}`);
    expect(gone.text).toContain('<a href="/m/mirror-slug-1">See the results shared with the network</a>');
    expect((await getPage(t, `/o/${code}?lang=nl`)).text).toContain("Bekijk de resultaten die met het netwerk zijn gedeeld");
  });

  it("shows a round past its closing time as closed, on every page, without closing it", async () => {
    const t = createTestApp();
    const { round, code } = openRound(t, { closesAt: new Date("2026-03-02T10:00:00Z") });
    t.clock.set("2026-03-02T10:00:01Z");
    for (const path of [`/o/${code}`, `/o/${code}/theme/1`]) {
      const page = await getPage(t, path);
      expect(page.status, path).toBe(410);
      expect(page.text).toContain("This temperature check has closed");
    }
    expect((await postForm(t, `/o/${code}/theme/1`, { "purpose.1": "2" })).status).toBe(410);
    // Closing (freezing results, deleting drafts) is the scheduled closer's job, not a visitor's.
    expect(t.db.select().from(rounds).where(eq(rounds.id, round.id)).get()).toMatchObject({ status: "open", closedAt: null });
    expect(t.db.select().from(invitations).all()).toHaveLength(0);
  });
});

describe("the open link's limit per address", () => {
  it("counts visits and first saves, and answers 429 with Retry-After once the limit is reached", async () => {
    const t = createTestApp();
    const { code } = openRound(t);
    // The page router alone, with a limit small enough to reach.
    const app = new OpenAPIHono<AppEnv>().route("/", openLinkPages(t.deps, { limit: { max: 3, windowSeconds: 600 } }));
    for (let i = 0; i < 2; i++) expect((await getPage({ app }, `/o/${code}`)).status).toBe(200);
    // Reading pages and clicking through empty ones is not counted; a first save is.
    expect((await getPage({ app }, `/o/${code}/theme/1`)).status).toBe(200);
    expect((await postForm({ app }, `/o/${code}/theme/1`, { go: "next" })).status).toBe(303);
    expect((await postForm({ app }, `/o/${code}/theme/1`, { "purpose.1": "2" })).status).toBe(303);
    t.clock.advance(60_000);
    const limited = await getPage({ app }, `/o/${code}?lang=nl`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("540");
    expect(limited.text).toContain("Veel mensen in je netwerk openden deze link net. Probeer het over 9 minuten opnieuw.");
    expect((await postForm({ app }, `/o/${code}/theme/1`, { "purpose.1": "2" })).status).toBe(429);
    expect(t.db.select().from(invitations).all()).toHaveLength(1);
    t.clock.advance(540_000);
    expect((await getPage({ app }, `/o/${code}`)).status).toBe(200);
  });

  it("lets a whole meeting room behind one address in by default", async () => {
    const t = createTestApp();
    const { code } = openRound(t);
    for (let i = 0; i < 120; i++) {
      const visit = await getPage(t, `/o/${code}`);
      const save = await postForm(t, `/o/${code}/theme/1`, { "purpose.1": "3" });
      if (visit.status !== 200 || save.status !== 303) throw new Error(`visitor ${i + 1} got ${visit.status} / ${save.status}`);
    }
  });

  it("keys the limit by the first X-Forwarded-For address only behind a trusted proxy", async () => {
    const visit = (app: OpenAPIHono<AppEnv>, code: string, from: string) =>
      getPage({ app }, `/o/${code}`, { headers: { "X-Forwarded-For": `${from}, 10.0.0.1` } }).then((r) => r.status);
    for (const [trust, expected] of [
      ["1", 200],
      ["0", 429],
    ] as const) {
      const t = createTestApp({ env: { TRUST_PROXY: trust } });
      const { code } = openRound(t);
      const app = new OpenAPIHono<AppEnv>().route("/", openLinkPages(t.deps, { limit: { max: 1, windowSeconds: 600 } }));
      expect(await visit(app, code, "192.0.2.1")).toBe(200);
      expect(await visit(app, code, "192.0.2.1")).toBe(429);
      expect(await visit(app, code, "198.51.100.7"), `TRUST_PROXY=${trust}`).toBe(expected);
    }
  });
});
