import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations } from "../../src/db/schema";
import { createTestApp } from "../support/app";
import { makeCast, makeRound } from "../support/factories";
import { getPage, postForm } from "../support/http";
import { makeOrganisation, useInRound } from "./support";

function setUp() {
  const t = createTestApp();
  const cast = makeCast(t);
  const list = `/networks/${cast.network.id}/organisations`;
  return { t, cast, list, cookie: cast.facilitator.cookie };
}

const stored = (t: ReturnType<typeof setUp>["t"], networkId: string) =>
  t.db.select().from(organisations).where(eq(organisations.networkId, networkId)).all();

/** What a person reads: tags stripped, whitespace collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([.,:])/g, "$1");

describe("the organisations page", () => {
  it("lists name, type, status and rounds that used each, in English, and is reached from the network page", async () => {
    const { t, cast, list, cookie } = setUp();
    const valley = makeOrganisation(t, cast.network.id, { name: "Valley Hospital", type: "hospital" });
    makeOrganisation(t, cast.network.id, { name: "Hill Practice", type: "primary_care", active: false });
    makeOrganisation(t, cast.otherNetwork.id, { name: "Not Ours" });
    useInRound(t, makeRound(t, cast.network.id, { status: "closed" }).id, valley);
    const network = await getPage(t, `/networks/${cast.network.id}`, { cookie });
    expect(network.text).toContain(`href="${list}"`);
    expect(textOf(network.text)).toContain("Organisations 1 active");
    const res = await getPage(t, list, { cookie, headers: { "Accept-Language": "en-GB" } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="en">');
    const text = textOf(res.text);
    expect(text).toContain("1 of 2 organisations are active.");
    expect(text).toContain("Hill Practice General practice or primary care Not active 0");
    expect(text).toContain("Valley Hospital Hospital Active 1");
    expect(text).toContain("Reactivate Hill Practice");
    expect(text).toContain("Deactivate Valley Hospital");
    expect(res.text).not.toContain("Not Ours");
  });

  it("speaks Dutch with ?lang=nl or a Dutch browser, and keeps the language through its forms", async () => {
    const { t, cast, list, cookie } = setUp();
    makeOrganisation(t, cast.network.id, { name: "Ziekenhuis Dal", type: "hospital" });
    for (const res of [
      await getPage(t, `${list}?lang=nl`, { cookie }),
      await getPage(t, list, { cookie, headers: { "Accept-Language": "nl-NL,nl;q=0.9,en;q=0.5" } }),
    ]) {
      expect(res.text).toContain('<html lang="nl">');
      const text = textOf(res.text);
      expect(text).toContain("Organisaties");
      expect(text).toContain("1 van 1 organisatie is actief.");
      expect(text).toContain("Ziekenhuis Dal Ziekenhuis Actief 0");
      expect(text).toContain("Organisatie toevoegen");
      // Handlebars writes "=" in attributes as &#x3D;, which the browser reads as "=".
      expect(res.text).toContain(`action="${list}?lang&#x3D;nl"`);
      expect(res.text).toContain('lang="en" hreflang="en">English</a>');
      expect(res.text).toContain('<nav aria-label="Main" lang="en">');
    }
    const added = await postForm(t, `${list}?lang=nl`, { name: "Huisartsen Noord", type: "primary_care" }, { cookie });
    expect(added.headers.get("location")).toBe(`${list}?lang=nl&done=added`);
    expect(textOf((await getPage(t, `${list}?lang=nl&done=added`, { cookie })).text)).toContain("De organisatie is toegevoegd.");
  });

  it("adds an organisation, and refuses a missing name, an unknown type and a name taken, next to the fields", async () => {
    const { t, cast, list, cookie } = setUp();
    const ok = await postForm(t, `${list}?lang=en`, { name: "  Valley Hospital ", type: "hospital" }, { cookie });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe(`${list}?lang=en&done=added`);
    expect(stored(t, cast.network.id)).toMatchObject([{ name: "Valley Hospital", type: "hospital", active: true }]);

    const bad = await postForm(t, list, { name: " ", type: "castle" }, { cookie });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<a href="#name">Enter the organisation&#x27;s name</a>');
    expect(bad.text).toContain('id="type-error">Choose the type of organisation');
    expect(bad.text).toContain('aria-invalid="true"');
    const long = await postForm(t, `${list}?lang=en`, { name: "x".repeat(121), type: "hospital" }, { cookie });
    expect(long.status).toBe(400);
    expect(long.text).toContain('<a href="#name">The name must be 120 characters or fewer</a>');

    const taken = await postForm(t, `${list}?lang=nl`, { name: "VALLEY hospital", type: "hospital" }, { cookie });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('id="name-error">Een andere organisatie in dit netwerk heeft al deze naam');
    expect(taken.text).toContain('value="VALLEY hospital"');
    expect(stored(t, cast.network.id)).toHaveLength(1);
  });

  it("escapes what was typed", async () => {
    const { t, list, cookie } = setUp();
    const res = await postForm(t, list, { name: "<script>alert(1)</script>", type: "nonsense" }, { cookie });
    expect(res.status).toBe(400);
    expect(res.text).not.toContain("<script>alert(1)</script>");
    expect(res.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("deactivates and reactivates from the list", async () => {
    const { t, cast, list, cookie } = setUp();
    const org = makeOrganisation(t, cast.network.id);
    const off = await postForm(t, `${list}/${org.id}/active?lang=en`, { active: "false" }, { cookie });
    expect(off.headers.get("location")).toBe(`${list}?lang=en&done=deactivated`);
    expect(stored(t, cast.network.id)[0]?.active).toBe(false);
    await postForm(t, `${list}/${org.id}/active?lang=en`, { active: "true" }, { cookie });
    expect(stored(t, cast.network.id)[0]?.active).toBe(true);
  });

  it("changes name and type on a page of its own, in both languages", async () => {
    const { t, cast, list, cookie } = setUp();
    const org = makeOrganisation(t, cast.network.id, { name: "Valley Hospital", type: "hospital" });
    makeOrganisation(t, cast.network.id, { name: "Hill Practice" });
    const form = await getPage(t, `${list}/${org.id}/edit?lang=nl`, { cookie });
    expect(form.status).toBe(200);
    expect(textOf(form.text)).toContain("Valley Hospital wijzigen");
    expect(form.text).toContain('value="Valley Hospital"');
    expect(form.text).toContain('<option value="hospital" selected>Ziekenhuis</option>');
    const taken = await postForm(t, `${list}/${org.id}/edit?lang=en`, { name: "hill practice", type: "hospital" }, { cookie });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain("Another organisation in this network already has this name");
    const saved = await postForm(t, `${list}/${org.id}/edit?lang=en`, { name: "Valley General Hospital", type: "community" }, { cookie });
    expect(saved.headers.get("location")).toBe(`${list}?lang=en&done=updated`);
    expect(stored(t, cast.network.id).find((o) => o.id === org.id)).toMatchObject({ name: "Valley General Hospital", type: "community" });
  });

  it("deletes an unused organisation after asking; one a round used is deactivated instead, and the pages say so", async () => {
    const { t, cast, list, cookie } = setUp();
    const unused = makeOrganisation(t, cast.network.id, { name: "Unused Clinic" });
    const used = makeOrganisation(t, cast.network.id, { name: "Valley Hospital" });
    useInRound(t, makeRound(t, cast.network.id, { status: "closed" }).id, used);

    const ask = await getPage(t, `${list}/${unused.id}/delete?lang=en`, { cookie });
    expect(textOf(ask.text)).toContain("Delete Unused Clinic?");
    const gone = await postForm(t, `${list}/${unused.id}/delete?lang=en`, {}, { cookie });
    expect(gone.headers.get("location")).toBe(`${list}?lang=en&done=deleted`);

    const askUsed = await getPage(t, `${list}/${used.id}/delete?lang=nl`, { cookie });
    expect(textOf(askUsed.text)).toContain("Valley Hospital deactiveren?");
    expect(textOf(askUsed.text)).toContain("Een meting heeft naar haar gevraagd, dus wordt ze gedeactiveerd in plaats van verwijderd");
    const kept = await postForm(t, `${list}/${used.id}/delete?lang=en`, {}, { cookie });
    expect(kept.headers.get("location")).toBe(`${list}?lang=en&done=kept`);
    expect(textOf((await getPage(t, `${list}?lang=en&done=kept`, { cookie })).text)).toContain(
      "A round asked about this organisation, so it was deactivated instead of deleted",
    );
    expect(stored(t, cast.network.id)).toMatchObject([{ id: used.id, active: false }]);
  });

  it("is for the network's managers only: sign in first, 403 for its commissioner, 404 for strangers and other networks' organisations", async () => {
    const { t, cast, list } = setUp();
    const org = makeOrganisation(t, cast.network.id);
    const theirs = makeOrganisation(t, cast.otherNetwork.id);
    const anonymous = await getPage(t, list);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toContain("/login?next=");
    expect((await postForm(t, list, { name: "X", type: "hospital" })).headers.get("location")).toBe(
      `/login?next=${encodeURIComponent(list)}`,
    );
    expect((await getPage(t, list, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(t, list, { name: "X", type: "hospital" }, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await getPage(t, list, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await getPage(t, `${list}/${org.id}/edit`, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await postForm(t, `${list}/${theirs.id}/delete`, {}, { cookie: cast.facilitator.cookie })).status).toBe(404);
    expect((await postForm(t, `${list}/${theirs.id}/active`, { active: "false" }, { cookie: cast.facilitator.cookie })).status).toBe(404);
    expect(stored(t, cast.otherNetwork.id)).toHaveLength(1);
    expect((await getPage(t, list, { cookie: cast.admin.cookie })).status).toBe(200);
  });
});
