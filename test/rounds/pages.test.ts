import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, rounds } from "../../src/db/schema";
import { makeInvitation, makeMember, makeResponse, makeRound, sessionFor } from "../support/factories";
import { getPage, postForm } from "../support/http";
import { setup } from "./support";

// The manual clock starts on Monday 2 March 2026, 09:00 UTC (GMT: London time is UTC).
const form = { title: "Spring check", closesAt: "2026-03-23T17:00", language: "en", minResponses: "5", access: "invite" };
const roundOf = (t: ReturnType<typeof setup>["t"], id: string) => t.db.select().from(rounds).where(eq(rounds.id, id)).get();

describe("the create-round form on the network page", () => {
  it("suggests this month's title, three weeks at 17:00 UK time, English, threshold 5 and invitations", async () => {
    const { t, cast } = setup();
    const res = await getPage(t, `/networks/${cast.network.id}`, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="Temperature check — March 2026"');
    expect(res.text).toMatch(/id="closesAt" name="closesAt" type="datetime-local" value="2026-03-23T17:00"/);
    expect(res.text).toContain("In Europe/London time (GMT).");
    expect(res.text).toMatch(/<option value="en" selected>/);
    // Which language members see, said where it is chosen.
    expect(res.text).toContain('aria-describedby="language-hint"');
    expect(res.text).toContain("whatever their browser's language; each member can switch");
    expect(res.text).toContain('value="5"');
    expect(res.text).toMatch(/value="invite" checked/);
    expect(res.text).toContain("nobody can be recognised");
  });

  it("creates a draft round, reading the closing time as London time (BST in summer), and opens its page", async () => {
    const { t, cast } = setup();
    const res = await postForm(
      t,
      `/networks/${cast.network.id}/rounds`,
      { ...form, closesAt: "2026-07-10T17:00", language: "nl", minResponses: "7" },
      { cookie: cast.facilitator.cookie },
    );
    expect(res.status).toBe(303);
    const id = /\/rounds\/([^?]+)\?done=created/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
    const row = roundOf(t, id);
    expect(row).toMatchObject({ title: "Spring check", status: "draft", language: "nl", minResponses: 7, access: "invite" });
    expect(row?.closesAt?.toISOString()).toBe("2026-07-10T16:00:00.000Z");
    const roundPage = await getPage(t, `/rounds/${id}?done=created`, { cookie: cast.facilitator.cookie });
    expect(roundPage.text).toContain("The round was created as a draft");
    expect(roundPage.text).toContain("10 July 2026 at 17:00");
  });

  it("gives an open-access round its open link at creation, so the poster can be printed before it opens", async () => {
    const { t, cast } = setup();
    const res = await postForm(t, `/networks/${cast.network.id}/rounds`, { ...form, access: "open" }, { cookie: cast.facilitator.cookie });
    const id = /\/rounds\/([^?]+)/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
    const slug = roundOf(t, id)?.openCode ?? "";
    expect(slug).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    const page = await getPage(t, `/rounds/${id}`, { cookie: cast.facilitator.cookie });
    expect(page.text).toContain(`http://localhost/o/${slug}`);
    // Until it opens, the open link answers a clear "not open yet".
    const visit = await getPage(t, `/o/${slug}`);
    expect(visit.status).toBe(404);
    expect(visit.text).toContain("has not opened yet");
  });

  it("shows every error in a summary and beside its field, keeps the values, and saves nothing", async () => {
    const { t, cast } = setup();
    const res = await postForm(
      t,
      `/networks/${cast.network.id}/rounds`,
      { title: "  ", closesAt: "next friday", language: "fr", minResponses: "2", access: "public" },
      { cookie: cast.facilitator.cookie },
    );
    expect(res.status).toBe(400);
    for (const [field, message] of [
      ["title", "Title is required"],
      ["closesAt", "Closing date must be a date and time"],
      ["language", "Language must be English or Dutch"],
      ["minResponses", "Anonymity threshold must be at least 3"],
      ["access", "Access must be personal invitations or an open link"],
    ]) {
      expect(res.text).toContain(`<a href="#${field}">${message}`);
      expect(res.text).toContain(`id="${field}-error"`);
    }
    expect(res.text).toContain('value="next friday"');
    expect(res.text).toContain('value="2"');
    expect(t.db.select().from(rounds).all()).toHaveLength(0);
  });

  it("refuses a closing date in the past, naming the field", async () => {
    const { t, cast } = setup();
    const res = await postForm(
      t,
      `/networks/${cast.network.id}/rounds`,
      { ...form, closesAt: "2026-03-01T17:00" },
      { cookie: cast.facilitator.cookie },
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#closesAt">Closing date must be in the future');
    expect(t.db.select().from(rounds).all()).toHaveLength(0);
  });

  it("lists the network's rounds with status, dates and response rate", async () => {
    const { t, cast } = setup();
    const round = makeRound(t, cast.network.id, { title: "Autumn check", status: "open", openedAt: t.clock.now() });
    for (let i = 0; i < 4; i++) makeInvitation(t, round.id, { memberId: makeMember(t, cast.network.id).id });
    makeResponse(t, round.id);
    const res = await getPage(t, `/networks/${cast.network.id}`, { cookie: cast.commissioner.cookie });
    expect(res.text).toContain(`<a href="/rounds/${round.id}">Autumn check</a>`);
    expect(res.text).toContain("25.0%");
    // Commissioners see the list, not the form.
    expect(res.text).not.toContain("Create a round");
  });
});

describe("running a round from its page", () => {
  it("opens, extends and closes (after a confirm page) through forms, with audit entries", async () => {
    const { t, cast } = setup();
    const round = makeRound(t, cast.network.id, { closesAt: new Date("2026-03-20T17:00:00Z") });
    const cookie = cast.facilitator.cookie;
    const draft = await getPage(t, `/rounds/${round.id}`, { cookie });
    expect(draft.text).toContain("Open the round");
    expect(draft.text).toContain('value="2026-03-20T17:00"');

    expect((await postForm(t, `/rounds/${round.id}/open`, {}, { cookie })).headers.get("location")).toBe(`/rounds/${round.id}?done=opened`);
    const extended = await postForm(t, `/rounds/${round.id}/extend`, { closesAt: "2026-04-03T17:00" }, { cookie });
    expect(extended.status).toBe(303);
    expect(roundOf(t, round.id)?.closesAt?.toISOString()).toBe("2026-04-03T16:00:00.000Z");

    const earlier = await postForm(t, `/rounds/${round.id}/extend`, { closesAt: "2026-03-25T17:00" }, { cookie });
    expect(earlier.status).toBe(400);
    expect(earlier.text).toContain("can only be moved later");
    expect(earlier.text).toContain('value="2026-03-25T17:00"');

    const confirm = await getPage(t, `/rounds/${round.id}/close`, { cookie });
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain("Closing is final: no more answers; results are computed.");
    expect(roundOf(t, round.id)?.status).toBe("open");
    const closed = await postForm(t, `/rounds/${round.id}/close`, {}, { cookie });
    expect(closed.headers.get("location")).toBe(`/rounds/${round.id}?done=closed`);
    expect(roundOf(t, round.id)?.status).toBe("closed");
    const audit = t.db.select().from(auditLog).where(eq(auditLog.targetId, round.id)).all();
    expect(audit.map((a) => a.action)).toEqual(["round.open", "round.update", "round.close"]);
  });

  it("shows invited / started / submitted, the response rate and responses per day as a chart and a table", async () => {
    const { t, cast } = setup();
    const round = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now() });
    for (const status of ["invited", "invited", "started", "submitted", "submitted"] as const) {
      makeInvitation(t, round.id, { memberId: makeMember(t, cast.network.id).id, status });
    }
    makeResponse(t, round.id, { day: "2026-03-02" });
    t.clock.set("2026-03-04T10:00:00Z");
    makeResponse(t, round.id, { day: "2026-03-04" });
    const res = await getPage(t, `/rounds/${round.id}`, { cookie: sessionFor(t, cast.commissioner.user.id) });
    expect(res.status).toBe(200);
    const stats = [...res.text.matchAll(/<dt>(Invited|Started|Submitted|Response rate)<\/dt><dd>([^<]+)<\/dd>/g)].map((m) => [m[1], m[2]]);
    expect(stats).toEqual([
      ["Invited", "5"],
      ["Started", "3"],
      ["Submitted", "2"],
      ["Response rate", "40.0%"],
    ]);
    expect(res.text).toMatch(/role="img" aria-label="Bar chart of responses per day from 2 Mar to 4 Mar; the most in one day was 1/);
    expect(res.text.match(/<rect /g)).toHaveLength(3);
    expect(res.text).toContain('<td>2 March 2026</td><td class="num">1</td>');
    expect(res.text).toContain('<td>4 March 2026</td><td class="num">1</td>');
    // A commissioner sees progress but no controls.
    expect(res.text).not.toContain("Run the round");
  });

  it("says there are no responses yet instead of drawing an empty chart", async () => {
    const { t, cast } = setup();
    const round = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now() });
    makeInvitation(t, round.id, { memberId: makeMember(t, cast.network.id).id, status: "invited" });
    const res = await getPage(t, `/rounds/${round.id}`, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.text).toContain("No responses yet. A chart of responses per day appears here after the first one.");
    expect(res.text).not.toContain("most in a day");
    expect(res.text).not.toContain("Responses per day</figcaption>");
    expect(res.text).not.toContain("Bar chart of responses per day");
  });
});

describe("access to the round pages", () => {
  it("sends anonymous visitors to sign in, answers 404 to another network's facilitator and 403 to a commissioner managing", async () => {
    const { t, cast } = setup();
    const round = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now() });
    const anonymous = await getPage(t, `/rounds/${round.id}`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe(`/login?next=${encodeURIComponent(`/rounds/${round.id}`)}`);
    expect((await getPage(t, `/rounds/${round.id}`, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await getPage(t, `/rounds/${round.id}/close`, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(t, `/rounds/${round.id}/close`, {}, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(t, `/networks/${cast.network.id}/rounds`, form, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(t, `/networks/${cast.network.id}/rounds`, form, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await postForm(t, `/rounds/${round.id}/close`, {})).headers.get("location")).toContain("/login?next=");
    expect(roundOf(t, round.id)?.status).toBe("open");
  });
});
