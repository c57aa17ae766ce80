import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { grants, networks } from "../../src/db/schema";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast, makeGrant, makeMember, makeRound, makeUser, sessionFor } from "../support/factories";
import { getPage, postForm } from "../support/http";

function setUp() {
  const t = createTestApp({ now: "2026-03-02T09:00:00Z" });
  const cast = makeCast(t);
  return { t, cast, url: `/networks/${cast.network.id}`, cookie: cast.facilitator.cookie };
}

const networkRow = (t: TestApp, id: string) => t.db.select().from(networks).where(eq(networks.id, id)).get();
const grantsOf = (t: TestApp, id: string) => t.db.select().from(grants).where(eq(grants.networkId, id)).all();
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the network page", () => {
  it("shows a facilitator the network, its rounds, who has access and the forms", async () => {
    const { t, cast, url, cookie } = setUp();
    t.db
      .update(networks)
      .set({ stage: "forming", description: "Diabetes care across the valley" })
      .where(eq(networks.id, cast.network.id))
      .run();
    makeMember(t, cast.network.id);
    makeMember(t, cast.network.id);
    makeRound(t, cast.network.id, {
      title: "Spring check",
      status: "open",
      openedAt: t.clock.now(),
      closesAt: new Date("2026-03-30T12:00:00Z"),
    });
    const res = await getPage(t, url, { cookie });
    expect(res.status).toBe(200);
    const page = textOf(res.text);
    expect(page).toContain(`${cast.network.name}`);
    expect(page).toContain("Stage Forming (start-up)");
    expect(page).toContain("Your access Facilitator");
    expect(page).toContain("Diabetes care across the valley");
    expect(page).toContain("Members 2 · Roster");
    expect(res.text).toContain(`href="${url}/members"`);
    // The rounds section belongs to the rounds feature; here only that it lists the network's rounds.
    expect(page).toMatch(/Spring check Open Opened 2 March 2026/);
    expect(page).toContain(`${cast.commissioner.user.name} ${cast.commissioner.user.email} Commissioner (sees aggregate results)`);
    expect(page).toContain(`${cast.facilitator.user.name} (you)`);
    expect(res.text).toContain(`action="${url}/grants"`);
    expect(res.text).toContain(`action="${url}" novalidate`);
    // No remove button for one's own access.
    const own = grantsOf(t, cast.network.id).find((g) => g.userId === cast.facilitator.user.id);
    expect(res.text).not.toContain(`/grants/${own?.id}/delete`);
  });

  it("shows a commissioner the network read-only: no roster, no access list, no forms", async () => {
    const { t, cast, url } = setUp();
    const res = await getPage(t, url, { cookie: cast.commissioner.cookie });
    expect(res.status).toBe(200);
    expect(res.text).toContain(cast.network.name);
    expect(textOf(res.text)).toContain("Your access Commissioner (sees aggregate results)");
    expect(res.text).not.toContain("/members");
    expect(res.text).not.toContain("Who has access");
    expect(res.text).not.toMatch(/<form method="post" action="\/networks/);
  });

  it("shows plain-English stages in the network list on the home page", async () => {
    const { t, cookie } = setUp();
    expect(textOf((await getPage(t, "/", { cookie })).text)).toContain("Stage: Developing · Your access: Facilitator");
  });

  it("answers 404 to a facilitator of another network and sends someone not signed in to log in", async () => {
    const { t, cast, url } = setUp();
    expect((await getPage(t, url, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await getPage(t, url, { cookie: cast.otherCommissioner.cookie })).status).toBe(404);
    const anonymous = await getPage(t, url);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe(`/login?next=${encodeURIComponent(url)}`);
  });
});

describe("editing the network", () => {
  it("saves name, description and stage and says so", async () => {
    const { t, cast, url, cookie } = setUp();
    const res = await postForm(t, url, { name: " Valley Diabetes Network ", description: "Shared care", stage: "established" }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${url}?done=updated`);
    expect(networkRow(t, cast.network.id)).toMatchObject({
      name: "Valley Diabetes Network",
      description: "Shared care",
      stage: "established",
    });
    expect((await getPage(t, `${url}?done=updated`, { cookie })).text).toContain("The network was saved.");
  });

  it("shows errors in a summary and by each field, and keeps what was typed", async () => {
    const { t, cast, url, cookie } = setUp();
    const res = await postForm(t, url, { name: "  ", description: "Kept <b>text</b>", stage: "dormant" }, { cookie });
    expect(res.status).toBe(400);
    expect(res.text).toContain('class="error-summary"');
    expect(res.text).toContain('<a href="#name">Name is required</a>');
    expect(res.text).toContain('<a href="#stage">Stage must be one of the listed stages</a>');
    expect(res.text).toContain('id="name-error">Name is required</p>');
    expect(res.text).toContain('aria-describedby="stage-error"');
    expect(res.text).toContain("Kept &lt;b&gt;text&lt;/b&gt;</textarea>");
    expect(networkRow(t, cast.network.id)?.name).toBe(cast.network.name);
  });

  it("refuses a commissioner (403) and a facilitator of another network (404)", async () => {
    const { t, cast, url } = setUp();
    const fields = { name: "Taken over", description: "", stage: "forming" };
    expect((await postForm(t, url, fields, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(t, url, fields, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    const anonymous = await postForm(t, url, fields);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe(`/login?next=${encodeURIComponent(url)}`);
    expect(networkRow(t, cast.network.id)?.name).toBe(cast.network.name);
  });
});

describe("giving and removing access", () => {
  it("gives a colleague facilitator access by email", async () => {
    const { t, cast, url, cookie } = setUp();
    const colleague = makeUser(t, { role: "facilitator", email: "colleague@example.org" });
    const res = await postForm(t, `${url}/grants`, { email: " Colleague@Example.org ", role: "facilitator" }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${url}?done=granted`);
    expect(grantsOf(t, cast.network.id).find((g) => g.userId === colleague.id)?.role).toBe("facilitator");
    expect((await getPage(t, url, { cookie: sessionFor(t, colleague.id) })).status).toBe(200);
  });

  it("gives a commissioner commissioner access, and refuses them colleague access next to the field", async () => {
    const { t, cast, url, cookie } = setUp();
    const funder = makeUser(t, { role: "commissioner", email: "funder@example.org" });
    const refused = await postForm(t, `${url}/grants`, { email: "funder@example.org", role: "facilitator" }, { cookie });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('id="role-error">A commissioner can only be given commissioner access</p>');
    expect(refused.text).toContain('value="funder@example.org"');
    const res = await postForm(t, `${url}/grants`, { email: "funder@example.org", role: "commissioner" }, { cookie });
    expect(res.status).toBe(303);
    expect(grantsOf(t, cast.network.id).find((g) => g.userId === funder.id)?.role).toBe("commissioner");
  });

  it("shows by the email field: not an email, no account, and already has access", async () => {
    const { t, cast, url, cookie } = setUp();
    const cases: [string, RegExp][] = [
      ["", /id="email-error">Email is required/],
      ["not-an-email", /id="email-error">Email must be an email address, like name@example.org/],
      ["nobody@example.org", /id="email-error">There is no netmirror account for this person; ask an administrator to create one/],
      [cast.commissioner.user.email, /id="email-error">.* already has commissioner access to this network/],
    ];
    for (const [email, message] of cases) {
      const res = await postForm(t, `${url}/grants`, { email, role: "commissioner" }, { cookie });
      expect(res.status, email).toBe(400);
      expect(res.text, email).toMatch(message);
      expect(res.text, email).toContain('<a href="#email">');
    }
    expect(grantsOf(t, cast.network.id)).toHaveLength(3);
  });

  it("removes someone's access", async () => {
    const { t, cast, url, cookie } = setUp();
    const grant = grantsOf(t, cast.network.id).find((g) => g.userId === cast.commissioner.user.id);
    const res = await postForm(t, `${url}/grants/${grant?.id}/delete`, {}, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${url}?done=revoked`);
    expect(grantsOf(t, cast.network.id).some((g) => g.userId === cast.commissioner.user.id)).toBe(false);
    expect((await getPage(t, url, { cookie: cast.commissioner.cookie })).status).toBe(404);
  });

  it("refuses grants from a commissioner (403) and from another network's facilitator (404)", async () => {
    const { t, cast, url } = setUp();
    const other = makeUser(t);
    const grant = makeGrant(t, cast.network.id, other.id);
    const fields = { email: other.email, role: "facilitator" };
    expect((await postForm(t, `${url}/grants`, fields, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(t, `${url}/grants/${grant.id}/delete`, {}, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await postForm(t, `${url}/grants/${grant.id}/delete`, {}, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect(grantsOf(t, cast.network.id).some((g) => g.id === grant.id)).toBe(true);
  });
});
