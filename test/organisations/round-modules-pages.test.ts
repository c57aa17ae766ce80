import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations, rounds } from "../../src/db/schema";
import { createTestApp } from "../support/app";
import { makeCast, makeRound } from "../support/factories";
import { getPage, postForm } from "../support/http";
import { makeOrganisation, makeOrganisations } from "./support";

function setUp() {
  const t = createTestApp({ now: "2026-03-02T09:00:00Z" });
  const cast = makeCast(t);
  return { t, cast, cookie: cast.facilitator.cookie, networkPage: `/networks/${cast.network.id}` };
}

const form = { title: "Autumn check", closesAt: "2026-03-20T17:00", language: "en", minResponses: "5", access: "invite" };
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const roundIdFrom = (location: string | null) => /\/rounds\/([^?]+)/.exec(location ?? "")?.[1] ?? "";

describe("choosing modules when creating a round", () => {
  it("offers the maturity matrix always, and explains why the network map is not offered below 3 active organisations", async () => {
    const { t, cast, cookie, networkPage } = setUp();
    makeOrganisations(t, cast.network.id, 2);
    const res = await getPage(t, networkPage, { cookie });
    expect(res.text).toContain('name="moduleMaturity" value="yes"');
    expect(res.text).not.toContain('name="moduleConnections"');
    expect(textOf(res.text)).toContain("The network map needs at least 3 active organisations to draw, and this network has 2.");
    expect(res.text).toContain(`<a href="/networks/${cast.network.id}/organisations">List the network's organisations</a>`);
  });

  it("offers the network map from 3 active organisations, and creates a round with the ticked modules", async () => {
    const { t, cast, cookie, networkPage } = setUp();
    makeOrganisations(t, cast.network.id, 3);
    const page = await getPage(t, networkPage, { cookie });
    expect(page.text).toContain('name="moduleConnections" value="yes"');
    expect(textOf(page.text)).toContain("which of the network's 3 active organisations");
    const res = await postForm(t, `${networkPage}/rounds`, { ...form, moduleMaturity: "yes", moduleConnections: "yes" }, { cookie });
    expect(res.status).toBe(303);
    const id = roundIdFrom(res.headers.get("location"));
    expect(t.db.select().from(rounds).where(eq(rounds.id, id)).get()?.modules).toEqual(["connections", "maturity"]);
    expect(textOf((await getPage(t, `/rounds/${id}`, { cookie })).text)).toContain("Extra parts Network map and maturity matrix");

    const plain = await postForm(t, `${networkPage}/rounds`, form, { cookie });
    const plainId = roundIdFrom(plain.headers.get("location"));
    expect(t.db.select().from(rounds).where(eq(rounds.id, plainId)).get()?.modules).toEqual([]);
    expect(textOf((await getPage(t, `/rounds/${plainId}`, { cookie })).text)).toContain("Extra parts None: the temperature check only");
  });

  it("refuses the network map when organisations were deactivated meanwhile, keeping what was typed", async () => {
    const { t, cast, cookie, networkPage } = setUp();
    const [first] = makeOrganisations(t, cast.network.id, 3);
    t.db
      .update(organisations)
      .set({ active: false })
      .where(eq(organisations.id, first?.id ?? ""))
      .run();
    const res = await postForm(t, `${networkPage}/rounds`, { ...form, moduleMaturity: "yes", moduleConnections: "yes" }, { cookie });
    expect(res.status).toBe(400);
    expect(res.text).toContain(
      '<a href="#modules">The connections module (network map) needs at least 3 active organisations, and the network has 2</a>',
    );
    expect(res.text).toMatch(/id="modules" name="moduleMaturity" value="yes" checked/);
    expect(t.db.select().from(rounds).all()).toEqual([]);
  });
});

describe("opening a round with the network map from its page", () => {
  it("says plainly why it cannot open with too few organisations, and how many it asks about once open", async () => {
    const { t, cast, cookie } = setUp();
    makeOrganisations(t, cast.network.id, 2);
    const round = makeRound(t, cast.network.id, { modules: ["connections"] });
    const refused = await postForm(t, `/rounds/${round.id}/open`, {}, { cookie });
    expect(refused.status).toBe(409);
    expect(textOf(refused.text)).toContain(
      "This round includes the network map, which needs at least 3 active organisations; the network has 2 active organisations.",
    );
    makeOrganisation(t, cast.network.id, { name: "Org 003" });
    expect((await postForm(t, `/rounds/${round.id}/open`, {}, { cookie })).status).toBe(303);
    expect(textOf((await getPage(t, `/rounds/${round.id}`, { cookie })).text)).toContain("Extra parts Network map (3 organisations)");
  });
});
