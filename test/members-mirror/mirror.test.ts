import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, comments, rounds } from "../../src/db/schema";
import { formatterFor } from "../../src/lib/format";
import { setup } from "../rounds/support";
import { makeRound } from "../support/factories";
import { call, getPage, postForm } from "../support/http";
import { makeClosedRound, uniformResponse } from "../support/responses";

type S = ReturnType<typeof setup>;
const VALUES = [1, 5, 1, 5, 3] as const;

/** A closed round after an earlier one, so change is shown; one comment per response. */
function roundWithHistory(s: S, n = 5) {
  makeClosedRound(
    s.t,
    s.cast.network.id,
    VALUES.map((v) => uniformResponse(v, { overall: v * 2 })),
    { title: "Autumn check", openedAt: new Date("2025-10-01T09:00:00Z") },
  );
  s.t.clock.advance(60_000);
  const list = Array.from({ length: n }, (_, i) =>
    uniformResponse(VALUES[i % 5] === 1 ? 2 : (VALUES[i % 5] ?? 3), { overall: 6, comments: { purpose: `Comment number ${i}` } }),
  );
  return makeClosedRound(s.t, s.cast.network.id, list, { title: "Spring check" });
}

async function publish(s: S, roundId: string) {
  const res = await postForm(s.t, `/rounds/${roundId}/mirror/publish`, {}, { cookie: s.cast.facilitator.cookie });
  expect(res.status).toBe(303);
  return s.t.db.select().from(rounds).where(eq(rounds.id, roundId)).get()?.mirrorSlug ?? "";
}

describe("the members' mirror", () => {
  it("shows the results' temperature, theme scores and change, released comments only and the actions, without staff navigation", async () => {
    const s = setup();
    const round = roundWithHistory(s);
    const cookie = s.cast.facilitator.cookie;
    await postForm(s.t, `/rounds/${round.id}/comments/release`, {}, { cookie });
    const hidden = s.t.db.select().from(comments).where(eq(comments.text, "Comment number 3")).get();
    await postForm(s.t, `/comments/${hidden?.id}/hide`, {}, { cookie });
    await postForm(s.t, `/rounds/${round.id}/actions`, { title: "Monthly open meeting", owner: "Ann", due: "" }, { cookie });
    const slug = await publish(s, round.id);
    expect(Buffer.from(slug, "base64url")).toHaveLength(16);

    const results = (await call(s.t, "GET", `/api/v1/rounds/${round.id}/results`, undefined, { cookie })).json;
    const res = await getPage(s.t, `/m/${slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const f = formatterFor("en");
    expect(res.text).toContain(`<span class="headline-figure__value">${f.score(results.overall.score)}</span>`);
    for (const theme of results.themes) {
      // An arrow beside the change, so its direction reads without colour.
      const arrow = theme.change.delta > 0 ? "▲ " : theme.change.delta < 0 ? "▼ " : "";
      expect(res.text).toContain(
        `<th scope="row">${theme.title}</th><td class="num">${f.score(theme.score)}</td><td>${arrow}${f.delta(theme.change.delta)}`,
      );
      expect(res.text).toContain(theme.change.notable ? "unlikely to be chance" : "not clearly beyond chance");
    }
    expect(res.text).toContain('Change since "Autumn check"'.replaceAll('"', "&quot;"));
    for (const i of [0, 1, 2, 4]) expect(res.text).toContain(`Comment number ${i}`);
    expect(res.text).not.toContain("Comment number 3");
    expect(res.text).toContain("Monthly open meeting");
    expect(res.text).not.toContain('href="/account"');
    expect(res.text).not.toContain("/logout");

    const audit = s.t.db.select().from(auditLog).where(eq(auditLog.targetId, round.id)).all();
    expect(audit.map((a) => a.action)).toContain("mirror.publish");
    const roundPage = await getPage(s.t, `/rounds/${round.id}`, { cookie });
    expect(roundPage.text).toContain(`http://localhost/m/${slug}`);
  });

  it("speaks the round's language, or the one asked for with ?lang=", async () => {
    const s = setup();
    const round = roundWithHistory(s);
    s.t.db.update(rounds).set({ language: "nl" }).where(eq(rounds.id, round.id)).run();
    const slug = await publish(s, round.id);
    const results = (await call(s.t, "GET", `/api/v1/rounds/${round.id}/results?lang=nl`, undefined, { cookie: s.cast.facilitator.cookie }))
      .json;
    const nl = await getPage(s.t, `/m/${slug}`);
    expect(nl.text).toContain('<html lang="nl">');
    expect(nl.text).toContain("Temperatuur");
    expect(nl.text).toContain(formatterFor("nl").score(results.overall.score));
    const en = await getPage(s.t, `/m/${slug}?lang=en`);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain("Temperature");
  });

  it("stops at once when unpublished, and republishing makes a new link", async () => {
    const s = setup();
    const round = roundWithHistory(s);
    const slug = await publish(s, round.id);
    const res = await postForm(s.t, `/rounds/${round.id}/mirror/unpublish`, {}, { cookie: s.cast.facilitator.cookie });
    expect(res.headers.get("location")).toBe(`/rounds/${round.id}?done=mirror-unpublished#mirror-title`);
    const gone = await getPage(s.t, `/m/${slug}`);
    expect(gone.status).toBe(404);
    expect(gone.text).toContain("no longer published");
    const again = await publish(s, round.id);
    expect(again).not.toBe(slug);
    expect((await getPage(s.t, `/m/${again}`)).status).toBe(200);
    expect((await getPage(s.t, "/m/not-a-real-slug")).status).toBe(404);
    const audit = s.t.db.select().from(auditLog).where(eq(auditLog.targetId, round.id)).all();
    expect(audit.map((a) => a.action).filter((a) => a.startsWith("mirror."))).toEqual([
      "mirror.publish",
      "mirror.unpublish",
      "mirror.publish",
    ]);
  });

  it("shows a suppressed round's dates and count but no scores and no comments", async () => {
    const s = setup();
    const round = makeClosedRound(
      s.t,
      s.cast.network.id,
      [1, 2, 3].map((v) => uniformResponse(v as 1 | 2 | 3, { comments: { purpose: `Secret words ${v}` } })),
    );
    await postForm(s.t, `/rounds/${round.id}/comments/release`, {}, { cookie: s.cast.facilitator.cookie });
    const slug = await publish(s, round.id);
    const res = await getPage(s.t, `/m/${slug}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain("Not enough responses to show results (3 of 5).");
    expect(res.text).not.toContain("Secret words");
    expect(res.text).not.toContain("headline-figure__value");
    expect(res.text).not.toContain('<th scope="row">');
  });

  it("is published by managers of closed rounds only", async () => {
    const s = setup();
    const open = makeRound(s.t, s.cast.network.id, { status: "open", openedAt: s.t.clock.now() });
    expect((await postForm(s.t, `/rounds/${open.id}/mirror/publish`, {}, { cookie: s.cast.facilitator.cookie })).status).toBe(409);
    const round = roundWithHistory(s);
    const path = `/rounds/${round.id}/mirror/publish`;
    expect((await postForm(s.t, path, {}, { cookie: s.cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(s.t, path, {}, { cookie: s.cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await postForm(s.t, path, {})).headers.get("location")).toContain("/login?next=");
    expect(s.t.db.select().from(rounds).where(eq(rounds.id, round.id)).get()?.mirrorSlug).toBeNull();
  });
});
