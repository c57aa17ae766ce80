import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rounds } from "../../src/db/schema";
import { makeRound } from "../support/factories";
import { getPage, postForm } from "../support/http";
import { setup } from "./support";

const form = { title: "Open check", closesAt: "2026-03-23T17:00", language: "nl", minResponses: "5", access: "open" };

async function openRound(s: ReturnType<typeof setup>) {
  const res = await postForm(s.t, `/networks/${s.cast.network.id}/rounds`, form, { cookie: s.cast.facilitator.cookie });
  const id = /\/rounds\/([^?]+)/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
  const page = await getPage(s.t, `/rounds/${id}`, { cookie: s.cast.facilitator.cookie });
  const url = /(http:\/\/localhost\/o\/[23456789A-HJKMNP-TV-Z]{8})</.exec(page.text)?.[1] ?? "";
  return { id, url };
}

describe("the QR-code poster of an open-access round", () => {
  it("is a printable page in the round's language with the QR image and the link written out", async () => {
    const s = setup();
    const { id, url } = await openRound(s);
    expect(url).not.toBe("");
    const res = await getPage(s.t, `/rounds/${id}/poster`, { cookie: s.cast.facilitator.cookie });
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<img class="poster__qr" src="/rounds/${id}/poster.svg"`);
    expect(res.text).toContain(`<p class="poster__url">${url}</p>`);
    expect(res.text).toContain('lang="nl"');
    expect(res.text).toContain("Scan de code met de camera van je telefoon");
    // One form of address for members: "je", never "u"/"uw".
    expect(res.text).toContain("op je telefoon of computer. Je antwoorden zijn anoniem");
    expect(res.text).not.toMatch(/\b[Uu]w?\b/);
    expect(res.text).toContain("Open tot 23 maart 2026 om 17:00 GMT.");
  });

  it("says about how long the round takes: 10 minutes, and 5 more for each module it asks", async () => {
    const s = setup();
    const { id } = await openRound(s);
    const poster = () => getPage(s.t, `/rounds/${id}/poster`, { cookie: s.cast.facilitator.cookie });
    expect((await poster()).text).toContain("Doe mee met onze temperatuurmeting: ongeveer 10 minuten,");
    s.t.db
      .update(rounds)
      .set({ modules: ["maturity"] })
      .where(eq(rounds.id, id))
      .run();
    expect((await poster()).text).toContain("Doe mee met onze temperatuurmeting: ongeveer 15 minuten,");
  });

  it("prints the short code as the address to type, which opens the survey however it is typed", async () => {
    const s = setup();
    const { id, url } = await openRound(s);
    const code = url.slice("http://localhost/o/".length);
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    const poster = await getPage(s.t, `/rounds/${id}/poster`, { cookie: s.cast.facilitator.cookie });
    expect(poster.text).toContain(`<p>of typ dit adres:</p>\n  <p class="poster__url">http://localhost/o/${code}</p>`);
    await postForm(s.t, `/rounds/${id}/open`, {}, { cookie: s.cast.facilitator.cookie });
    expect((await getPage(s.t, `/o/${code.toLowerCase()}`)).status).toBe(200);
  });

  it("is no longer offered once the round has closed, and the round page stops saying anyone can answer", async () => {
    const s = setup();
    const { id } = await openRound(s);
    const cookie = s.cast.facilitator.cookie;
    await postForm(s.t, `/rounds/${id}/open`, {}, { cookie });
    const open = await getPage(s.t, `/rounds/${id}`, { cookie });
    expect(open.text).toContain("Anyone with this link can answer");
    expect(open.text).toContain(`href="/rounds/${id}/poster"`);
    expect(open.text).toContain("What an open link cannot prevent: one person answering more than once");
    expect(open.text).toContain("Links handed out: visitors of the open link who saved or sent answers");
    await postForm(s.t, `/rounds/${id}/close`, {}, { cookie });
    const closed = await getPage(s.t, `/rounds/${id}`, { cookie });
    expect(closed.text).not.toContain("Anyone with this link can answer");
    expect(closed.text).not.toContain("/poster");
    expect(closed.text).toContain("its open link now tells visitors that it takes no more answers");
    for (const path of ["poster", "poster.svg", "poster.png"]) {
      expect((await getPage(s.t, `/rounds/${id}/${path}`, { cookie })).status, path).toBe(410);
    }
  });

  it("serves the QR code as SVG and PNG, inline", async () => {
    const s = setup();
    const { id } = await openRound(s);
    const svg = await getPage(s.t, `/rounds/${id}/poster.svg`, { cookie: s.cast.facilitator.cookie });
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(svg.headers.get("content-disposition")).toBe('inline; filename="qr-open-check.svg"');
    expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1024"/);
    expect(svg.text).toMatch(/<path [^>]*d="M\d/);
    const png = await s.t.app.request(`http://localhost/rounds/${id}/poster.png`, {
      headers: { Cookie: `nm_session=${s.cast.facilitator.cookie}` },
    });
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toBe('inline; filename="qr-open-check.png"');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it("answers 404 for an invite round, 403 to a commissioner and 404 to another network's facilitator", async () => {
    const s = setup();
    const { id } = await openRound(s);
    const invite = makeRound(s.t, s.cast.network.id);
    expect((await getPage(s.t, `/rounds/${invite.id}/poster`, { cookie: s.cast.facilitator.cookie })).status).toBe(404);
    expect((await getPage(s.t, `/rounds/${id}/poster.svg`, { cookie: s.cast.commissioner.cookie })).status).toBe(403);
    expect((await getPage(s.t, `/rounds/${id}/poster.png`, { cookie: s.cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await getPage(s.t, `/rounds/${id}/poster`)).status).toBe(303);
  });
});
