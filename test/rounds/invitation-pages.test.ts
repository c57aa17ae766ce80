import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { makeMember, makeRound } from "../support/factories";
import { call, getPage, postForm } from "../support/http";
import { setup } from "./support";

const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

function openInviteRound(s: ReturnType<typeof setup>) {
  const round = makeRound(s.t, s.cast.network.id, { title: "Spring check", status: "open", openedAt: s.t.clock.now() });
  const ann = makeMember(s.t, s.cast.network.id, { name: "Ann Archer", email: "ann@example.org" });
  const bob = makeMember(s.t, s.cast.network.id, { name: "=Bob Baker", email: "bob@example.org" });
  return { round, ann, bob };
}

describe("POST /rounds/:id/invitations.csv", () => {
  it("makes everyone's missing link and answers the mail-merge CSV whose links work", async () => {
    const s = setup();
    const { round } = openInviteRound(s);
    const res = await postForm(s.t, `/rounds/${round.id}/invitations.csv`, {}, { cookie: s.cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="invitations-spring-check.csv"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const rows: string[][] = parse(res.text.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["name", "email", "link"]);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ["'=Bob Baker", "bob@example.org"],
      ["Ann Archer", "ann@example.org"],
    ]);
    for (const [, , link] of rows.slice(1)) {
      expect(link).toMatch(/^http:\/\/localhost\/s\/[\w-]{22}$/);
      const survey = await call(s.t, "GET", `/api/v1/s/${tokenOf(link ?? "")}`);
      expect(survey.status).toBe(200);
    }
  });

  it("includes only members added since when downloaded again, and says so when there is nobody new", async () => {
    const s = setup();
    const { round } = openInviteRound(s);
    const cookie = s.cast.facilitator.cookie;
    const before = await getPage(s.t, `/rounds/${round.id}`, { cookie });
    expect(before.text).toContain("Links are shown only once");
    expect(before.text).toContain("Downloading again later only includes members added since");
    await postForm(s.t, `/rounds/${round.id}/invitations.csv`, {}, { cookie });
    const none = await postForm(s.t, `/rounds/${round.id}/invitations.csv`, {}, { cookie });
    expect(none.status).toBe(303);
    expect(none.headers.get("location")).toBe(`/rounds/${round.id}?done=no-new-links`);
    makeMember(s.t, s.cast.network.id, { name: "Cleo New", email: "cleo@example.org" });
    const again = await postForm(s.t, `/rounds/${round.id}/invitations.csv`, {}, { cookie });
    const rows: string[][] = parse(again.text.replace(/^\uFEFF/, ""));
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Cleo New"]);
    const page = await getPage(s.t, `/rounds/${round.id}`, { cookie });
    expect(page.text).toContain("3 of 3 members");
    expect(page.text).toContain("Everyone on the roster has a link");
  });

  it("is for managers only", async () => {
    const s = setup();
    const { round } = openInviteRound(s);
    expect((await postForm(s.t, `/rounds/${round.id}/invitations.csv`, {}, { cookie: s.cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(s.t, `/rounds/${round.id}/invitations.csv`, {}, { cookie: s.cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await postForm(s.t, `/rounds/${round.id}/invitations.csv`, {})).headers.get("location")).toContain("/login?next=");
  });
});

describe("members' link status and reissuing one link", () => {
  it("lists each member with their link status and shows a reissued link once; the old one stops working", async () => {
    const s = setup();
    const { round, ann } = openInviteRound(s);
    const cookie = s.cast.facilitator.cookie;
    const created = await call(s.t, "POST", `/api/v1/rounds/${round.id}/invitations`, { memberIds: [ann.id] }, { cookie });
    const old = created.json.invitations[0];
    const list = await getPage(s.t, `/rounds/${round.id}/links`, { cookie });
    expect(list.status).toBe(200);
    expect(list.text).toMatch(/Ann Archer<\/td>[\s\S]*?<td>Invited<\/td>/);
    expect(list.text).toMatch(/Bob Baker<\/td>[\s\S]*?<td>No link yet<\/td>/);
    expect(list.text).not.toContain(tokenOf(old.url));

    const res = await postForm(s.t, `/rounds/${round.id}/links/${old.id}/reissue`, {}, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const url = /<p class="token">([^<]+)<\/p>/.exec(res.text)?.[1] ?? "";
    expect(url).toMatch(/^http:\/\/localhost\/s\/[\w-]{22}$/);
    expect(res.text).toContain("New link for Ann Archer");
    expect((await call(s.t, "GET", `/api/v1/s/${tokenOf(url)}`)).status).toBe(200);
    expect((await call(s.t, "GET", `/api/v1/s/${tokenOf(old.url)}`)).status).toBe(404);
  });

  it("answers 404 for another round's invitation and 403 to a commissioner", async () => {
    const s = setup();
    const { round, ann } = openInviteRound(s);
    const other = makeRound(s.t, s.cast.network.id, { status: "open", openedAt: s.t.clock.now() });
    const cookie = s.cast.facilitator.cookie;
    const created = await call(s.t, "POST", `/api/v1/rounds/${other.id}/invitations`, { memberIds: [ann.id] }, { cookie });
    const id = created.json.invitations[0].id;
    expect((await postForm(s.t, `/rounds/${round.id}/links/${id}/reissue`, {}, { cookie })).status).toBe(404);
    expect((await getPage(s.t, `/rounds/${round.id}/links`, { cookie: s.cast.commissioner.cookie })).status).toBe(403);
  });
});
