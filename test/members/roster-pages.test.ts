import { describe, expect, it } from "vitest";
import { invitations, responses } from "../../src/db/schema";
import { makeInvitation, makeMember, makeResponse, makeRound } from "../support/factories";
import { getPage, ORIGIN, postForm } from "../support/http";
import { postMultipart, setUp, stored, textOf } from "./helpers";

describe("the roster page", () => {
  it("lists the members with name, email and organisation and offers add, import and export", async () => {
    const { t, cast, roster, cookie } = setUp();
    makeMember(t, cast.network.id, { name: "Ann Bell", email: "ann@example.org", organisation: "Valley Hospital" });
    makeMember(t, cast.otherNetwork.id, { name: "Not Ours" });
    const res = await getPage(t, roster, { cookie });
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain("Ann Bell ann@example.org Valley Hospital");
    expect(res.text).not.toContain("Not Ours");
    expect(res.text).toContain(`href="${roster}.csv"`);
    expect(res.text).toContain(`action="${roster}/import" enctype="multipart/form-data"`);
    expect(res.text).toContain(`action="${roster}"`);
  });

  it("adds a member by hand and says so", async () => {
    const { t, cast, roster, cookie } = setUp();
    const res = await postForm(t, roster, { name: " Bo Smit ", email: "Bo@Example.org", organisation: "" }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${roster}?done=added`);
    expect(stored(t, cast.network.id)).toMatchObject([{ name: "Bo Smit", email: "bo@example.org", organisation: "" }]);
    expect((await getPage(t, `${roster}?done=added`, { cookie })).text).toContain("The member was added.");
  });

  it("shows field errors and keeps what was typed", async () => {
    const { t, cast, roster, cookie } = setUp();
    const res = await postForm(t, roster, { name: "", email: "bo@", organisation: "Hill" }, { cookie });
    expect(res.status).toBe(400);
    expect(res.text).toContain('class="error-summary"');
    expect(res.text).toContain('<a href="#name">Name is missing</a>');
    expect(res.text).toMatch(/id="email-error">Email “bo@” is not a valid email address/);
    expect(res.text).toContain('aria-describedby="name-error"');
    expect(res.text).toContain('value="bo@"');
    expect(res.text).toContain('value="Hill"');
    expect(stored(t, cast.network.id)).toEqual([]);
  });

  it("refuses an email already on the roster, next to the field", async () => {
    const { t, cast, roster, cookie } = setUp();
    makeMember(t, cast.network.id, { email: "ann@example.org" });
    const res = await postForm(t, roster, { name: "Ann again", email: "ANN@example.org" }, { cookie });
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="email-error">Someone with this email is already on the roster');
    expect(stored(t, cast.network.id)).toHaveLength(1);
  });
});

describe("removing a member", () => {
  it("asks first, on a page of its own, saying what happens to links and answers", async () => {
    const { t, cast, roster, cookie } = setUp();
    const member = makeMember(t, cast.network.id, { name: "Ann Bell" });
    const res = await getPage(t, `${roster}/${member.id}/delete`, { cookie });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Removing Ann Bell also removes their invitation links; any anonymous answers stay.");
    expect(res.text).toContain(`method="post" action="${roster}/${member.id}/delete"`);
    expect(stored(t, cast.network.id)).toHaveLength(1);
  });

  it("removes the member and their links; submitted answers stay", async () => {
    const { t, cast, roster, cookie } = setUp();
    const member = makeMember(t, cast.network.id);
    const round = makeRound(t, cast.network.id, { status: "open" });
    makeInvitation(t, round.id, { memberId: member.id, status: "submitted" });
    makeResponse(t, round.id);
    const res = await postForm(t, `${roster}/${member.id}/delete`, {}, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${roster}?done=removed`);
    expect(stored(t, cast.network.id)).toEqual([]);
    expect(t.db.select().from(invitations).all()).toEqual([]);
    expect(t.db.select().from(responses).all()).toHaveLength(1);
  });

  it("answers 404 for a member of another network, on the confirm page and the post", async () => {
    const { t, cast, roster, cookie } = setUp();
    const stranger = makeMember(t, cast.otherNetwork.id);
    expect((await getPage(t, `${roster}/${stranger.id}/delete`, { cookie })).status).toBe(404);
    expect((await postForm(t, `${roster}/${stranger.id}/delete`, {}, { cookie })).status).toBe(404);
    expect(stored(t, cast.otherNetwork.id)).toHaveLength(1);
  });
});

describe("exporting the roster as CSV", () => {
  it("downloads name, email and organisation, every field quoted, with formula injection neutralised", async () => {
    const { t, cast, roster, cookie } = setUp();
    makeMember(t, cast.network.id, { name: '=HYPERLINK("http://evil.example")', email: "a@example.org", organisation: "+31 clinic" });
    makeMember(t, cast.network.id, { name: "-Minus", email: "b@example.org", organisation: "@SUM(A1)" });
    makeMember(t, cast.network.id, { name: "Plain, Person", email: null, organisation: "Valley" });
    // With a semicolon list separator (Dutch Excel) the text after `;` or a tab is a cell of its own.
    makeMember(t, cast.network.id, { name: "Tab\t=1+2", email: "c@example.org", organisation: "Org;=1+2" });
    const res = await getPage(t, `${roster}.csv`, { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".*-members\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    // The byte-order mark that makes Excel read UTF-8 (Response.text() drops it, so read the bytes).
    const raw = await t.app.request(`${ORIGIN}${roster}.csv`, { headers: { Cookie: `nm_session=${cookie}` } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text).toBe(
      [
        '"name","email","organisation"',
        '"\'-Minus","b@example.org","\'@SUM(A1)"',
        '"\'=HYPERLINK(""http://evil.example"")","a@example.org","\'+31 clinic"',
        '"Plain, Person","","Valley"',
        '"Tab\t\'=1+2","c@example.org","Org;\'=1+2"',
        "",
      ].join("\r\n"),
    );
  });
});

describe("who may use the roster", () => {
  const paths = (roster: string, memberId: string) => ({
    gets: [roster, `${roster}.csv`, `${roster}/${memberId}/delete`],
    posts: [roster, `${roster}/import`, `${roster}/import/confirm`, `${roster}/${memberId}/delete`],
  });

  it("gives a commissioner of the network 403 on every roster page and form", async () => {
    const { t, cast, roster } = setUp();
    const member = makeMember(t, cast.network.id);
    const { gets, posts } = paths(roster, member.id);
    for (const path of gets) expect((await getPage(t, path, { cookie: cast.commissioner.cookie })).status, path).toBe(403);
    for (const path of posts)
      expect(
        (await postMultipart(t, path, { name: "X", csv: "name\nX", rows: '[{"name":"X"}]' }, cast.commissioner.cookie)).status,
        path,
      ).toBe(403);
    expect(stored(t, cast.network.id)).toHaveLength(1);
  });

  it("gives a facilitator of another network 404, as if the network did not exist", async () => {
    const { t, cast, roster } = setUp();
    const member = makeMember(t, cast.network.id);
    const { gets, posts } = paths(roster, member.id);
    for (const path of gets) expect((await getPage(t, path, { cookie: cast.otherFacilitator.cookie })).status, path).toBe(404);
    for (const path of posts)
      expect(
        (await postMultipart(t, path, { name: "X", csv: "name\nX", rows: '[{"name":"X"}]' }, cast.otherFacilitator.cookie)).status,
        path,
      ).toBe(404);
    expect(stored(t, cast.network.id)).toHaveLength(1);
  });

  it("sends someone not signed in to the login page, and back to the roster afterwards", async () => {
    const { t, cast, roster } = setUp();
    const member = makeMember(t, cast.network.id);
    const { gets, posts } = paths(roster, member.id);
    for (const path of gets) {
      const res = await getPage(t, path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    for (const path of posts) {
      const res = await postMultipart(t, path, { name: "X", csv: "name\nX", rows: '[{"name":"X"}]' });
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent(roster)}`);
    }
    expect(stored(t, cast.network.id)).toHaveLength(1);
  });

  it("lets an administrator manage any roster", async () => {
    const { t, roster, cast } = setUp();
    expect((await getPage(t, roster, { cookie: cast.admin.cookie })).status).toBe(200);
  });
});
