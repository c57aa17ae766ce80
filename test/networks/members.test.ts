import { describe, expect, it } from "vitest";
import { invitations } from "../../src/db/schema";
import { hashToken, newId, newToken } from "../../src/lib/ids";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeMember, makeRound } from "../support/factories";
import { call } from "../support/http";

const fields = (res: { json: { error: { details: { field: string }[] } } }) => res.json.error.details.map((d) => d.field);
const count = (t: TestApp, table: string) => (t.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

function setUp() {
  const t = createTestApp();
  const cast = makeCast(t);
  const url = `/api/v1/networks/${cast.network.id}/members`;
  const add = (members: unknown) => call(t, "POST", url, { members }, { cookie: cast.facilitator.cookie });
  return { t, cast, url, add };
}

describe("adding members", () => {
  it("adds a batch and answers 201 with the members", async () => {
    const { t, cast, url, add } = setUp();
    const res = await add([{ name: "Anna de Wit", email: "Anna@Valley.example", organisation: "Valley Hospital" }, { name: "Bram Smit" }]);
    expect(res.status).toBe(201);
    expect(res.json.members).toEqual([
      {
        id: expect.any(String),
        name: "Anna de Wit",
        email: "anna@valley.example",
        organisation: "Valley Hospital",
        createdAt: t.clock.now().toISOString(),
      },
      { id: expect.any(String), name: "Bram Smit", email: null, organisation: "", createdAt: t.clock.now().toISOString() },
    ]);
    const list = await call(t, "GET", url, undefined, { cookie: cast.facilitator.cookie });
    expect(list.status).toBe(200);
    expect(list.json.members.map((m: { name: string }) => m.name)).toEqual(["Anna de Wit", "Bram Smit"]);
  });

  it("refuses an email already on the roster, naming the entry, and stores none of the batch", async () => {
    const { t, cast, add } = setUp();
    makeMember(t, cast.network.id, { email: "anna@valley.example" });
    const before = count(t, "members");
    const res = await add([
      { name: "New person", email: "new@valley.example" },
      { name: "Anna again", email: "ANNA@valley.example" },
    ]);
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(["members.1.email"]);
    expect(count(t, "members")).toBe(before);
  });

  it("refuses the same email twice within the batch, naming the second", async () => {
    const { t, add } = setUp();
    const before = count(t, "members");
    const res = await add([
      { name: "Anna", email: "anna@valley.example" },
      { name: "Bram", email: "bram@valley.example" },
      { name: "Anna twice", email: "Anna@Valley.example" },
    ]);
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(["members.2.email"]);
    expect(count(t, "members")).toBe(before);
  });

  it("allows the same email on two different networks", async () => {
    const { t, cast, add } = setUp();
    makeMember(t, cast.otherNetwork.id, { email: "anna@valley.example" });
    expect((await add([{ name: "Anna", email: "anna@valley.example" }])).status).toBe(201);
  });

  it.each([
    ["members", []],
    ["members.0.name", [{ name: "  " }]],
    ["members.1.email", [{ name: "Anna" }, { name: "Bram", email: "bram at valley" }]],
    ["members.0.phone", [{ name: "Anna", phone: "0612345678" }]],
  ])("answers 400 naming `%s`", async (field, members) => {
    const { t, add } = setUp();
    const before = count(t, "members");
    const res = await add(members);
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual([field]);
    expect(count(t, "members")).toBe(before);
  });
});

describe("removing members", () => {
  it("answers 204, then 404 for the same member", async () => {
    const { t, cast, url } = setUp();
    const member = makeMember(t, cast.network.id);
    const res = await call(t, "DELETE", `${url}/${member.id}`, undefined, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(204);
    expect((await call(t, "GET", url, undefined, { cookie: cast.facilitator.cookie })).json.members).toEqual([]);
    expect((await call(t, "DELETE", `${url}/${member.id}`, undefined, { cookie: cast.facilitator.cookie })).status).toBe(404);
  });

  it("will not remove a member of another network through this one", async () => {
    const { t, cast, url } = setUp();
    const theirs = makeMember(t, cast.otherNetwork.id);
    expect((await call(t, "DELETE", `${url}/${theirs.id}`, undefined, { cookie: cast.facilitator.cookie })).status).toBe(404);
    expect(count(t, "members")).toBe(1);
  });

  it("removes their invitation links with them, and nothing else", async () => {
    const { t, cast, url } = setUp();
    const round = makeRound(t, cast.network.id);
    const leaving = makeMember(t, cast.network.id);
    const staying = makeMember(t, cast.network.id);
    for (const member of [leaving, staying]) {
      t.db
        .insert(invitations)
        .values({ id: newId(), roundId: round.id, memberId: member.id, tokenHash: hashToken(newToken()) })
        .run();
    }
    const res = await call(t, "DELETE", `${url}/${leaving.id}`, undefined, { cookie: cast.facilitator.cookie });
    expect(res.status).toBe(204);
    const left = t.db.$client.prepare("select member_id as memberId from invitations").all();
    expect(left).toEqual([{ memberId: staying.id }]);
    expect(count(t, "rounds")).toBe(1);
  });
});
