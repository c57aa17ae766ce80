import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actions, comments } from "../../src/db/schema";
import { makeRound } from "../support/factories";
import { getPage, postForm } from "../support/http";
import { makeClosedRound, uniformResponse } from "../support/responses";
import { setup } from "./support";

const WORDS = ["Purpose is clear to me", "We need more meetings", "Ann from ward 3 never listens", "Decisions are opaque", "Good value"];
const THEMES = ["purpose", "relationships", "relationships", "governance", "value"];

function closedRound(s: ReturnType<typeof setup>, n = 5) {
  const list = Array.from({ length: n }, (_, i) =>
    uniformResponse(((i % 5) + 1) as 1 | 2 | 3 | 4 | 5, { comments: { [THEMES[i] ?? "purpose"]: WORDS[i] ?? "" } }),
  );
  return makeClosedRound(s.t, s.cast.network.id, list, { title: "Spring check" });
}
const commentId = (s: ReturnType<typeof setup>, text: string) =>
  s.t.db.select().from(comments).where(eq(comments.text, text)).get()?.id ?? "";
const statuses = (s: ReturnType<typeof setup>) =>
  Object.fromEntries(
    s.t.db
      .select()
      .from(comments)
      .all()
      .map((c) => [c.text, c.status]),
  );

describe("GET /rounds/:id/review", () => {
  it("shows the comments by theme with their status, and links to the report preview and PDF", async () => {
    const s = setup();
    const round = closedRound(s);
    const res = await getPage(s.t, `/rounds/${round.id}/review`, { cookie: s.cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<h3>Purpose<\/h3>[\s\S]*Purpose is clear to me[\s\S]*<h3>Relationships<\/h3>[\s\S]*We need more meetings/);
    expect(res.text).toContain("5 comments: 5 not reviewed yet, 0 released, 0 hidden.");
    // Handlebars writes "=" in attributes as &#x3D;, which the browser reads back as "=".
    const html = res.text.replaceAll("&#x3D;", "=");
    for (const lang of ["en", "nl"]) {
      expect(html).toContain(`href="/rounds/${round.id}/report?lang=${lang}"`);
      expect(html).toContain(`href="/api/v1/rounds/${round.id}/report.pdf?lang=${lang}"`);
    }
  });

  it("is a friendly 409 page before the round closes", async () => {
    const s = setup();
    const round = makeRound(s.t, s.cast.network.id, { status: "open", openedAt: s.t.clock.now() });
    const res = await getPage(s.t, `/rounds/${round.id}/review`, { cookie: s.cast.facilitator.cookie });
    expect(res.status).toBe(409);
    expect(res.text).toContain("Available when the round closes");
  });

  it("says a suppressed round has not enough responses and offers no comments", async () => {
    const s = setup();
    const round = closedRound(s, 3);
    const res = await getPage(s.t, `/rounds/${round.id}/review`, { cookie: s.cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Not enough responses to show results or comments");
    for (const text of WORDS.slice(0, 3)) expect(res.text).not.toContain(text);
    expect(res.text).not.toContain("/comments/release");
  });

  it("is for people who may read comments: 403 for a commissioner, 404 for another facilitator, sign-in for anonymous", async () => {
    const s = setup();
    const round = closedRound(s);
    expect((await getPage(s.t, `/rounds/${round.id}/review`, { cookie: s.cast.commissioner.cookie })).status).toBe(403);
    expect((await getPage(s.t, `/rounds/${round.id}/review`, { cookie: s.cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await getPage(s.t, `/rounds/${round.id}/review`)).headers.get("location")).toContain("/login?next=");
  });
});

describe("reviewing comments through forms", () => {
  it("releases all pending comments, hides one and releases it again", async () => {
    const s = setup();
    const round = closedRound(s);
    const cookie = s.cast.facilitator.cookie;
    const all = await postForm(s.t, `/rounds/${round.id}/comments/release`, {}, { cookie });
    expect(all.status).toBe(303);
    expect(all.headers.get("location")).toBe(`/rounds/${round.id}/review?done=released#comments-title`);
    expect(new Set(Object.values(statuses(s)))).toEqual(new Set(["released"]));

    const id = commentId(s, "Ann from ward 3 never listens");
    const hidden = await postForm(s.t, `/comments/${id}/hide`, {}, { cookie });
    expect(hidden.headers.get("location")).toBe(`/rounds/${round.id}/review?done=hidden#comment-${id}`);
    expect(statuses(s)["Ann from ward 3 never listens"]).toBe("hidden");
    const page = await getPage(s.t, `/rounds/${round.id}/review?done=hidden`, { cookie });
    expect(page.text).toContain("5 comments: 0 not reviewed yet, 4 released, 1 hidden.");

    await postForm(s.t, `/comments/${id}/release`, {}, { cookie });
    expect(statuses(s)["Ann from ward 3 never listens"]).toBe("released");
  });

  it("refuses commissioners (403) and other networks' facilitators (404), changing nothing", async () => {
    const s = setup();
    const round = closedRound(s);
    const id = commentId(s, "Decisions are opaque");
    expect((await postForm(s.t, `/comments/${id}/hide`, {}, { cookie: s.cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(s.t, `/comments/${id}/hide`, {}, { cookie: s.cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await postForm(s.t, `/rounds/${round.id}/comments/release`, {}, { cookie: s.cast.commissioner.cookie })).status).toBe(403);
    expect(new Set(Object.values(statuses(s)))).toEqual(new Set(["pending"]));
  });
});

describe("recording and updating actions", () => {
  it("records an action, shows errors beside the fields, and updates status and note", async () => {
    const s = setup();
    const round = closedRound(s);
    const cookie = s.cast.facilitator.cookie;
    const bad = await postForm(s.t, `/rounds/${round.id}/actions`, { title: " ", owner: "Ann", due: "soon" }, { cookie });
    expect(bad.status).toBe(400);
    // The error says what the label asks for.
    expect(bad.text).toContain('<label for="title">What was agreed</label>');
    expect(bad.text).toContain('<a href="#title">Say what was agreed</a>');
    expect(bad.text).toContain('<p class="field-error" id="title-error">Say what was agreed</p>');
    expect(bad.text).toContain('<a href="#due">By when must be a date');
    expect(bad.text).toContain('value="Ann"');

    const ok = await postForm(
      s.t,
      `/rounds/${round.id}/actions`,
      { title: "Monthly open meeting", owner: "Ann", due: "2026-05-31" },
      { cookie },
    );
    expect(ok.headers.get("location")).toBe(`/rounds/${round.id}/review?done=action-added#actions-title`);
    const action = s.t.db.select().from(actions).get();
    expect(action).toMatchObject({ roundId: round.id, title: "Monthly open meeting", owner: "Ann", due: "2026-05-31", status: "open" });

    const wrong = await postForm(s.t, `/actions/${action?.id}`, { status: "finished", note: "" }, { cookie });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain(
      `<a href="#action-${action?.id}-status">Status of “Monthly open meeting” must be one of the listed statuses`,
    );

    const updated = await postForm(s.t, `/actions/${action?.id}`, { status: "in_progress", note: "First one held in April" }, { cookie });
    expect(updated.headers.get("location")).toBe(`/rounds/${round.id}/review?done=action-updated#action-${action?.id}`);
    const page = await getPage(s.t, `/rounds/${round.id}/review`, { cookie });
    expect(page.text).toContain("In progress</span> First one held in April");
    expect(page.text).toContain("By 31 May 2026");
  });

  it("refuses commissioners and other networks' facilitators", async () => {
    const s = setup();
    const round = closedRound(s);
    const cookie = s.cast.facilitator.cookie;
    await postForm(s.t, `/rounds/${round.id}/actions`, { title: "Newsletter", owner: "", due: "" }, { cookie });
    const id = s.t.db.select().from(actions).get()?.id;
    expect((await postForm(s.t, `/rounds/${round.id}/actions`, { title: "X" }, { cookie: s.cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(s.t, `/actions/${id}`, { status: "done" }, { cookie: s.cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(s.t, `/actions/${id}`, { status: "done" }, { cookie: s.cast.otherFacilitator.cookie })).status).toBe(404);
    expect(
      s.t.db
        .select()
        .from(actions)
        .all()
        .map((a) => a.status),
    ).toEqual(["open"]);
  });
});
