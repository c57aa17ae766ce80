import { describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { call, getPage } from "../support/http";
import { makeClosedRound, uniformResponse } from "../support/responses";

/** The cast, with a scored closed round in each network so that a leak would have figures to show. */
function setup() {
  const t = createTestApp();
  const cast = makeCast(t);
  makeClosedRound(
    t,
    cast.network.id,
    Array.from({ length: 5 }, () => uniformResponse(4, { overall: 8 })),
  );
  makeClosedRound(
    t,
    cast.otherNetwork.id,
    Array.from({ length: 5 }, () => uniformResponse(2, { overall: 3 })),
  );
  return { t, cast };
}

const compare = (t: TestApp, ids: string[], cookie?: string) =>
  call(t, "GET", `/api/v1/compare?networkIds=${ids.join(",")}`, undefined, cookie ? { cookie } : {});

/** Nothing of either network in a refusal: no name, no figure (the rounds score 75 and 25). */
function expectNothingLeaked(text: string, names: string[]) {
  for (const name of names) expect(text).not.toContain(name);
  expect(text).not.toMatch(/\b(75|25)(\.0)?\b|"rounds"|"overall"/);
}

describe("who may compare which networks", () => {
  it("lets a granted commissioner and an admin compare", async () => {
    const { t, cast } = setup();
    const mine = await compare(t, [cast.network.id], cast.commissioner.cookie);
    expect(mine.status).toBe(200);
    expect(mine.json.networks[0].rounds[0].overall).toBe(75);
    const admin = await compare(t, [cast.network.id, cast.otherNetwork.id], cast.admin.cookie);
    expect(admin.status).toBe(200);
    expect(admin.json.networks.map((n: { rounds: { overall: number }[] }) => n.rounds[0]?.overall)).toEqual([75, 25]);
  });

  it("404s the whole request for a network not granted, alone or among granted ones, leaking nothing", async () => {
    const { t, cast } = setup();
    const names = [cast.network.name, cast.otherNetwork.name];
    for (const ids of [[cast.otherNetwork.id], [cast.network.id, cast.otherNetwork.id], [cast.otherNetwork.id, cast.network.id]]) {
      const res = await compare(t, ids, cast.commissioner.cookie);
      expect(res.status).toBe(404);
      expect(res.json.error).toMatchObject({ code: "not_found", message: "Network not found" });
      expectNothingLeaked(res.text, names);
    }
    // A network that does not exist looks the same as one not granted.
    const missing = await compare(t, [cast.network.id, "no-such-network"], cast.commissioner.cookie);
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toBe("Network not found");
  });

  it("404s a facilitator of another network", async () => {
    const { t, cast } = setup();
    const res = await compare(t, [cast.network.id], cast.otherFacilitator.cookie);
    expect(res.status).toBe(404);
    expectNothingLeaked(res.text, [cast.network.name, cast.otherNetwork.name]);
    expect((await compare(t, [cast.network.id], cast.facilitator.cookie)).status).toBe(200);
  });

  it("401s anonymous and deactivated callers", async () => {
    const { t, cast } = setup();
    for (const cookie of [undefined, cast.deactivated.cookie]) {
      const res = await compare(t, [cast.network.id], cookie);
      expect(res.status).toBe(401);
      expectNothingLeaked(res.text, [cast.network.name]);
    }
  });

  it("applies the same rule to the pages and downloads", async () => {
    const { t, cast } = setup();
    const both = `networkIds=${cast.network.id},${cast.otherNetwork.id}`;
    for (const path of [`/compare?${both}`, `/compare.csv?${both}`, `/compare.pdf?${both}`]) {
      const refused = await getPage(t, path, { cookie: cast.commissioner.cookie });
      expect(refused.status, path).toBe(404);
      expectNothingLeaked(refused.text, [cast.network.name, cast.otherNetwork.name]);
      const anonymous = await getPage(t, path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get("location")).toMatch(/^\/login\?next=/);
    }
    // The portfolio of the commissioner shows only the granted network.
    const portfolio = await getPage(t, "/portfolio", { cookie: cast.commissioner.cookie });
    expect(portfolio.text).toContain(cast.network.name);
    expect(portfolio.text).not.toContain(cast.otherNetwork.name);
  });
});
