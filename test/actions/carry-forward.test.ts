import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actions, auditLog, networks } from "../../src/db/schema";
import { reportCacheKey } from "../../src/reports/cache";
import { renderReportHtml } from "../../src/reports/html";
import { reportModel } from "../../src/reports/report-model";
import { reportHtml } from "../../src/reports/service";
import { addAction, closedRoundWith } from "../reports/fixtures";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { call, getPage, postForm } from "../support/http";
import { uniformResponse } from "../support/responses";

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const five = () => Array.from({ length: 5 }, () => uniformResponse(3));

/**
 * Four rounds: round 1 records actions, round 2 records none, round 3 is suppressed (3 responses),
 * round 4 records one. Open: "Open forum" (open), "Shared budget map" (in progress). Closed:
 * "Newsletter" done on 1 May 2025 (before round 2 closed), "Joint clinic" dropped on 1 Dec 2025
 * (after round 3 closed on 1 Nov 2025).
 */
function history(t: TestApp) {
  const cast = makeCast(t);
  const net = cast.network;
  const r1 = closedRoundWith(t, net.id, five(), { round: { title: "Round 1" }, closedAt: day("2025-03-01") });
  const at = (d: string) => ({ createdAt: day("2025-03-15"), updatedAt: day(d) });
  addAction(t, r1, { title: "Open forum", ...at("2025-03-15") });
  addAction(t, r1, { title: "Shared budget map", status: "in_progress", ...at("2025-03-16") });
  addAction(t, r1, { title: "Newsletter", status: "done", closedAt: day("2025-05-01"), ...at("2025-05-01") });
  addAction(t, r1, { title: "Joint clinic", status: "dropped", closedAt: day("2025-12-01"), ...at("2025-12-01") });
  const r2 = closedRoundWith(t, net.id, five(), { round: { title: "Round 2" }, closedAt: day("2025-09-01") });
  const r3 = closedRoundWith(t, net.id, five().slice(0, 3), { round: { title: "Round 3", minResponses: 5 }, closedAt: day("2025-11-01") });
  const r4 = closedRoundWith(t, net.id, five(), { round: { title: "Round 4" }, closedAt: day("2026-03-01") });
  addAction(t, r4, { title: "Buddy scheme", createdAt: day("2026-03-10"), updatedAt: day("2026-03-10") });
  return { cast, net, r1, r2, r3, r4 };
}

const titles = (list: { title: string }[]) => list.map((a) => a.title);

describe("actions carry forward until done or dropped", () => {
  it("lists round 1's open actions in round 4's report although round 2 recorded none, with those closed since round 3", async () => {
    const t = createTestApp({ now: "2026-03-20T09:00:00Z" });
    const { net, r4 } = history(t);
    const model = await reportModel(t.deps, r4, net, "en", t.clock.now());
    if (model.suppressed) throw new Error("round 4 has results");
    expect(titles(model.actions.previous)).toEqual(["Open forum", "Shared budget map", "Joint clinic"]);
    expect(model.actions.previous.map((a) => a.statusLabel)).toEqual(["Open", "In progress", "Dropped"]);
    expect(titles(model.actions.current)).toEqual(["Buddy scheme"]);
    const html = renderReportHtml(t.deps.views, model);
    expect(html).toContain("Agreed at earlier meetings: still open, or closed since the last temperature check");
    expect(html).toContain("Open forum");
    expect(html).not.toContain("Newsletter");
  });

  it("gives a suppressed round's report its actions section, in both languages, and never a later round's actions", async () => {
    const t = createTestApp({ now: "2026-03-20T09:00:00Z" });
    const { net, r3 } = history(t);
    const en = await reportModel(t.deps, r3, net, "en", t.clock.now());
    expect(en.suppressed).not.toBeNull();
    // Since round 2 closed (1 Sep 2025): "Joint clinic" was dropped after it, "Newsletter" done before.
    expect(titles(en.actions.previous)).toEqual(["Open forum", "Shared budget map", "Joint clinic"]);
    expect(en.actions.current).toEqual([]);
    const html = renderReportHtml(t.deps.views, en);
    expect(html).toContain('<h2 id="actions-title">Actions</h2>');
    expect(html).toContain("Shared budget map");
    expect(html).not.toContain("Buddy scheme");
    const nl = renderReportHtml(t.deps.views, await reportModel(t.deps, r3, net, "nl", t.clock.now()));
    expect(nl).toContain('<h2 id="actions-title">Acties</h2>');
    expect(nl).toContain("Eerder afgesproken: nog open, of afgerond sinds de vorige temperatuurmeting");
    expect(nl).toContain("Bezig");
  });

  it("follows round 1's actions up in round 2's report, including the one done since round 1", async () => {
    const t = createTestApp({ now: "2026-03-20T09:00:00Z" });
    const { net, r2 } = history(t);
    const model = await reportModel(t.deps, r2, net, "en", t.clock.now());
    expect(titles(model.actions.previous)).toEqual(["Open forum", "Shared budget map", "Newsletter", "Joint clinic"]);
  });

  it("records when an action is closed, and forgets it when it is reopened", async () => {
    const t = createTestApp({ now: "2026-03-20T09:00:00Z" });
    const { cast } = history(t);
    const id = t.db.select().from(actions).where(eq(actions.title, "Open forum")).get()?.id;
    const opts = { cookie: cast.facilitator.cookie };
    const done = await call(t, "PATCH", `/api/v1/actions/${id}`, { status: "done" }, opts);
    expect(done.json.closedAt).toBe("2026-03-20T09:00:00.000Z");
    t.clock.set("2026-03-20T09:05:00Z");
    expect((await call(t, "PATCH", `/api/v1/actions/${id}`, { note: "Held twice" }, opts)).json.closedAt).toBe("2026-03-20T09:00:00.000Z");
    expect((await call(t, "PATCH", `/api/v1/actions/${id}`, { status: "open" }, opts)).json.closedAt).toBeNull();
  });
});

describe("editing and deleting actions", () => {
  it("edits what was agreed, who and by when through the API, audited", async () => {
    const t = createTestApp({ now: "2026-03-20T09:00:00Z" });
    const { cast } = history(t);
    const id = t.db.select().from(actions).where(eq(actions.title, "Open forum")).get()?.id;
    const res = await call(
      t,
      "PATCH",
      `/api/v1/actions/${id}`,
      { title: "Monthly open forum", owner: "Priya", due: "2026-06-30" },
      { cookie: cast.facilitator.cookie },
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ title: "Monthly open forum", owner: "Priya", due: "2026-06-30", status: "open" });
    const bad = await call(t, "PATCH", `/api/v1/actions/${id}`, { title: "  " }, { cookie: cast.facilitator.cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].field).toBe("title");
    const audit = t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, id ?? ""))
      .all();
    expect(audit.map((a) => a.action)).toEqual(["action.update"]);
  });

  it("deletes an action through the API (204, audited with what it said); only the network's managers may", async () => {
    const t = createTestApp({ now: "2026-03-20T09:00:00Z" });
    const { cast, net } = history(t);
    const id = t.db.select().from(actions).where(eq(actions.title, "Newsletter")).get()?.id ?? "";
    const path = `/api/v1/actions/${id}`;
    expect((await call(t, "DELETE", path, undefined, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await call(t, "DELETE", path, undefined, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await call(t, "DELETE", path, undefined)).status).toBe(401);
    const gone = await call(t, "DELETE", path, undefined, { cookie: cast.facilitator.cookie });
    expect(gone.status).toBe(204);
    expect((await call(t, "DELETE", path, undefined, { cookie: cast.facilitator.cookie })).status).toBe(404);
    const list = await call(t, "GET", `/api/v1/networks/${net.id}/actions`, undefined, { cookie: cast.facilitator.cookie });
    expect(titles(list.json.actions)).not.toContain("Newsletter");
    const audit = t.db.select().from(auditLog).where(eq(auditLog.targetId, id)).get();
    expect(audit).toMatchObject({ action: "action.delete", userId: cast.facilitator.user.id });
    expect(audit?.detail).toMatchObject({ title: "Newsletter", status: "done" });
  });

  it("shows earlier rounds' open actions on a later review page, and edits and deletes them there", async () => {
    const t = createTestApp({ now: "2026-03-20T09:00:00Z" });
    const { cast, r1, r4 } = history(t);
    const cookie = cast.facilitator.cookie;
    const page = await getPage(t, `/rounds/${r4.id}/review`, { cookie });
    const carried = page.text.slice(page.text.indexOf("Still open from earlier rounds"), page.text.indexOf("Agreed about this round"));
    expect(carried).toContain("Open forum");
    expect(carried).toContain("Shared budget map");
    expect(carried).not.toContain("Joint clinic");
    const forum = t.db.select().from(actions).where(eq(actions.title, "Open forum")).get();
    const id = forum?.id ?? "";

    const empty = await postForm(t, `/actions/${id}`, { from: r4.id, title: "", owner: "", due: "", status: "open", note: "" }, { cookie });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain(`<a href="#action-${id}-title">Say what was agreed</a>`);
    expect(empty.text).toContain(`<label for="action-${id}-title">What was agreed</label>`);

    const edited = await postForm(
      t,
      `/actions/${id}`,
      { from: r4.id, title: "Monthly open forum", owner: "Ann", due: "2026-05-31", status: "in_progress", note: "Two held" },
      { cookie },
    );
    expect(edited.status).toBe(303);
    expect(edited.headers.get("location")).toBe(`/rounds/${r4.id}/review?done=action-updated#action-${id}`);
    expect(t.db.select().from(actions).where(eq(actions.id, id)).get()).toMatchObject({
      roundId: r1.id,
      title: "Monthly open forum",
      owner: "Ann",
      due: "2026-05-31",
      status: "in_progress",
      note: "Two held",
    });

    const deleted = await postForm(t, `/actions/${id}/delete`, { from: r4.id }, { cookie });
    expect(deleted.headers.get("location")).toBe(`/rounds/${r4.id}/review?done=action-deleted#actions-title`);
    expect(t.db.select().from(actions).where(eq(actions.id, id)).get()).toBeUndefined();
    expect(
      t.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, id))
        .all()
        .map((a) => a.action),
    ).toEqual(["action.update", "action.delete"]);
    expect((await postForm(t, `/actions/${id}/delete`, {}, { cookie: cast.commissioner.cookie })).status).toBe(404);
  });

  it("refuses deleting to commissioners and other networks' facilitators through the form", async () => {
    const t = createTestApp({ now: "2026-03-20T09:00:00Z" });
    const { cast } = history(t);
    const id = t.db.select().from(actions).where(eq(actions.title, "Open forum")).get()?.id;
    expect((await postForm(t, `/actions/${id}/delete`, {}, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(t, `/actions/${id}/delete`, {}, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect(
      t.db
        .select()
        .from(actions)
        .where(eq(actions.id, id ?? ""))
        .get(),
    ).toBeDefined();
  });
});

describe("the cached PDF of a report with carried actions", () => {
  it("is made again when an action carried from an earlier round changes, or the dates it shows do, and kept otherwise", async () => {
    const t = createTestApp({ now: "2026-03-20T09:00:00Z" });
    const { net, r4 } = history(t);
    const key = async () => {
      const network = t.db.select().from(networks).where(eq(networks.id, net.id)).get();
      if (!network) throw new Error("no network");
      return reportCacheKey(await reportHtml(t.deps, r4, network, "en"), {});
    };
    const first = await key();
    expect(await key()).toBe(first);
    // Later the same day (the cover names the day the report is made).
    t.clock.set("2026-03-20T15:00:00Z");
    expect(await key()).toBe(first);
    t.db
      .update(actions)
      .set({ status: "done", closedAt: t.clock.now(), updatedAt: t.clock.now() })
      .where(eq(actions.title, "Open forum"))
      .run();
    const second = await key();
    expect(second).not.toBe(first);
    // A time zone in which the report's dates read the same changes nothing; one in which they move does.
    t.db.update(networks).set({ timeZone: "Europe/Amsterdam" }).where(eq(networks.id, net.id)).run();
    expect(await key()).toBe(second);
    t.db.update(networks).set({ timeZone: "Pacific/Kiritimati" }).where(eq(networks.id, net.id)).run();
    expect(await key()).not.toBe(second);
  });
});
