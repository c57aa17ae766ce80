import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, organisations } from "../../src/db/schema";
import { rosterOrganisationNames } from "../../src/organisations/roster-names";
import { createTestApp } from "../support/app";
import { makeCast, makeMember } from "../support/factories";
import { getPage, postForm } from "../support/http";
import { makeOrganisation } from "./support";

function setUp() {
  const t = createTestApp();
  const cast = makeCast(t);
  const list = `/networks/${cast.network.id}/organisations`;
  return { t, cast, list, page: `${list}/from-roster`, cookie: cast.facilitator.cookie };
}

const stored = (t: ReturnType<typeof setUp>["t"], networkId: string) =>
  t.db
    .select({ name: organisations.name, type: organisations.type, active: organisations.active })
    .from(organisations)
    .where(eq(organisations.networkId, networkId))
    .all()
    .sort((a, b) => a.name.localeCompare(b.name));

describe("the organisations named in the roster", () => {
  it("are the distinct non-empty names not yet in the list, case aside, under the spelling most members use, with a guessed type", () => {
    const { t, cast } = setUp();
    const org = (organisation: string) => makeMember(t, cast.network.id, { organisation });
    for (const name of [
      "Valley Hospital",
      "valley hospital",
      "Valley Hospital",
      "Hill Practice",
      "",
      "GGZ Dal",
      "Listed Already",
      "Stichting Welzijn Noord",
    ])
      org(name);
    makeMember(t, cast.otherNetwork.id, { organisation: "Other Network Clinic" });
    makeOrganisation(t, cast.network.id, { name: "LISTED ALREADY" });
    org("x".repeat(121));
    expect(rosterOrganisationNames(t.db, cast.network.id)).toEqual({
      names: [
        { name: "GGZ Dal", members: 1, type: "mental_health" },
        { name: "Hill Practice", members: 1, type: "primary_care" },
        { name: "Stichting Welzijn Noord", members: 1, type: "voluntary" },
        { name: "Valley Hospital", members: 3, type: "hospital" },
      ],
      tooLong: 1,
      anyNamed: true,
    });
  });

  it("are offered from the organisations page, each with a ticked box and its type preselected, in English and Dutch", async () => {
    const { t, cast, list, page, cookie } = setUp();
    makeMember(t, cast.network.id, { organisation: "Valley Hospital" });
    makeMember(t, cast.network.id, { organisation: "Age Well Valley (charity)" });
    const onList = await getPage(t, `${list}?lang=en`, { cookie });
    expect(onList.text).toContain("2 organisations named in the roster are not in the list yet.");
    expect(onList.text).toContain(`href="${page}?lang&#x3D;en"`);
    const form = await getPage(t, `${page}?lang=en`, { cookie });
    expect(form.status).toBe(200);
    expect(form.text).toContain('name="name-0" value="Age Well Valley (charity)"');
    expect(form.text).toContain('id="add-0" name="add-0" value="yes" checked');
    expect(form.text).toMatch(
      /id="type-0" name="type-0" aria-label="Type of Age Well Valley \(charity\)">(?:(?!<\/select>)[\s\S])*<option value="voluntary" selected>/,
    );
    expect(form.text).toMatch(/id="type-1"(?:(?!<\/select>)[\s\S])*<option value="hospital" selected>Hospital<\/option>/);
    const nl = await getPage(t, `${page}?lang=nl`, { cookie });
    expect(nl.text).toContain("Organisaties uit de ledenlijst toevoegen");
    expect(nl.text).toContain('aria-label="Soort van Valley Hospital"');
  });

  it("adds the ticked ones with the chosen types in one go, and says how many", async () => {
    const { t, cast, list, page, cookie } = setUp();
    const res = await postForm(
      t,
      `${page}?lang=en`,
      {
        "name-0": "Age Well Valley",
        "add-0": "yes",
        "type-0": "voluntary",
        "name-1": "Hill Practice",
        "type-1": "primary_care",
        "name-2": "Valley Hospital",
        "add-2": "yes",
        "type-2": "community",
      },
      { cookie },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${list}?lang=en&done=imported&count=2`);
    expect(stored(t, cast.network.id)).toEqual([
      { name: "Age Well Valley", type: "voluntary", active: true },
      { name: "Valley Hospital", type: "community", active: true },
    ]);
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, "organisation.add")).all()).toHaveLength(2);
    expect((await getPage(t, `${list}?lang=en&done=imported&count=2`, { cookie })).text).toContain("2 organisations added.");
  });

  it("adds nothing when one ticked name is already in the list (added meanwhile), and shows the form again", async () => {
    const { t, cast, page, cookie } = setUp();
    makeMember(t, cast.network.id, { organisation: "Hill Practice" });
    makeOrganisation(t, cast.network.id, { name: "Valley Hospital" });
    const res = await postForm(
      t,
      page,
      {
        "name-0": "Hill Practice",
        "add-0": "yes",
        "type-0": "primary_care",
        "name-1": "valley hospital",
        "add-1": "yes",
        "type-1": "hospital",
      },
      { cookie },
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain("The list changed while you were choosing");
    expect(stored(t, cast.network.id).map((o) => o.name)).toEqual(["Valley Hospital"]);
  });

  it("refuses a post with nothing ticked, or with a name or type the form cannot have sent, adding nothing", async () => {
    const { t, cast, page, cookie } = setUp();
    makeMember(t, cast.network.id, { organisation: "Hill Practice" });
    const none = await postForm(t, page, { "name-0": "Hill Practice", "type-0": "primary_care" }, { cookie });
    expect(none.status).toBe(400);
    expect(none.text).toContain('<a href="#add-0">Tick at least one organisation to add</a>');
    for (const fields of [
      { "name-0": "Hill Practice", "add-0": "yes", "type-0": "castle" },
      { "name-0": "", "add-0": "yes", "type-0": "hospital" },
      { "name-0": "x".repeat(121), "add-0": "yes", "type-0": "hospital" },
    ])
      expect((await postForm(t, page, fields, { cookie })).status).toBe(400);
    expect(stored(t, cast.network.id)).toEqual([]);
  });

  it("says how many roster names are too long to offer, in English and Dutch", async () => {
    const { t, cast, page, cookie } = setUp();
    makeMember(t, cast.network.id, { organisation: "Valley Hospital" });
    makeMember(t, cast.network.id, { organisation: "x".repeat(121) });
    const en = (await getPage(t, `${page}?lang=en`, { cookie })).text;
    expect(en).toContain("1 name is longer than 120 characters and not shown: shorten it in the roster first.");
    const nl = (await getPage(t, `${page}?lang=nl`, { cookie })).text;
    expect(nl).toContain("1 naam is langer dan 120 tekens en staat hier niet: maak hem eerst korter in de ledenlijst.");
  });

  it("says so when the roster names no organisation, or every one is listed", async () => {
    const { t, cast, list, page, cookie } = setUp();
    expect((await getPage(t, list, { cookie })).text).toContain("Nobody on the roster has an organisation filled in yet.");
    makeMember(t, cast.network.id, { organisation: "Valley Hospital" });
    makeOrganisation(t, cast.network.id, { name: "Valley Hospital" });
    expect((await getPage(t, list, { cookie })).text).toContain("Every organisation named in the roster is in the list.");
    expect((await getPage(t, page, { cookie })).text).toContain("Every organisation named in the roster is in the list.");
  });

  it("is for the network's managers only", async () => {
    const { t, cast, page } = setUp();
    expect((await getPage(t, page, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect(
      (await postForm(t, page, { "name-0": "X", "add-0": "yes", "type-0": "hospital" }, { cookie: cast.otherFacilitator.cookie })).status,
    ).toBe(404);
    expect(stored(t, cast.network.id)).toEqual([]);
  });
});
