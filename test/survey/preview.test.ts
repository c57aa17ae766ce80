import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { axeViolations, browserAndServer, clickAndWait, heading } from "../support/browser";
import { makeCast, makeGrant, makeInvitation, makeRound } from "../support/factories";
import { getPage, postForm } from "../support/http";
import { surveyTables } from "./helpers";

const shared = browserAndServer();

/** The page's main content, with the flow's own base path made neutral and the preview banner taken out. */
function mainOf(html: string, base: string) {
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? "";
  return main
    .replace(/<p class="preview-banner"[^>]*>.*?<\/p>\s*/, "")
    .replaceAll(base, "BASE")
    .trim();
}

describe("previewing the questionnaire before opening a round", () => {
  it("shows the very pages members see, in each language, marked as a preview", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    // An open round, so that a member's link works for the comparison.
    const round = makeRound(t, cast.network.id, { status: "open", openedAt: t.clock.now(), language: "nl" });
    const { token } = makeInvitation(t, round.id);
    const cookie = cast.facilitator.cookie;
    const before = surveyTables(t);
    for (const lang of ["en", "nl"] as const) {
      for (const step of ["", "/theme/1", "/theme/5", "/about", "/review"]) {
        const member = await getPage(t, `/s/${token}${step}?lang=${lang}`);
        const preview = await getPage(t, `/rounds/${round.id}/preview${step}?lang=${lang}`, { cookie });
        expect(preview.status, `${lang}${step}`).toBe(200);
        expect(mainOf(preview.text, `/rounds/${round.id}/preview`), `${lang}${step}`).toBe(mainOf(member.text, `/s/${token}`));
        expect(preview.text).toContain(
          lang === "en"
            ? '<p class="preview-banner" role="note"><strong>Preview — answers are not saved</strong></p>'
            : '<p class="preview-banner" role="note"><strong>Voorbeeld — antwoorden worden niet bewaard</strong></p>',
        );
        expect(preview.text).toContain(`<html lang="${lang}">`);
      }
    }
    // Answering and "submitting" stores nothing at all.
    const next = await postForm(t, `/rounds/${round.id}/preview/theme/1?lang=en`, { "purpose.1": "4", go: "next" }, { cookie });
    expect(next.status).toBe(303);
    expect(next.headers.get("location")).toBe(`/rounds/${round.id}/preview/theme/2?lang=en`);
    const bad = await postForm(t, `/rounds/${round.id}/preview/theme/1?lang=en`, { "purpose.1": "9" }, { cookie });
    expect(bad.status).toBe(400);
    const submitted = await postForm(t, `/rounds/${round.id}/preview/submit?lang=en`, {}, { cookie });
    expect(submitted.headers.get("location")).toBe(`/rounds/${round.id}/preview/thanks?lang=en`);
    expect((await getPage(t, `/rounds/${round.id}/preview/thanks?lang=en`, { cookie })).text).toContain("Preview — answers are not saved");
    expect(surveyTables(t)).toEqual(before);
  });

  it("is for those who manage the round: sign-in for anonymous, 403 for a commissioner, 404 for another network's facilitator", async () => {
    const t = createTestApp();
    const cast = makeCast(t);
    const round = makeRound(t, cast.network.id);
    const path = `/rounds/${round.id}/preview`;
    const anonymous = await getPage(t, path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe(`/login?next=${encodeURIComponent(path)}`);
    expect((await getPage(t, path, { cookie: cast.commissioner.cookie })).status).toBe(403);
    expect((await getPage(t, path, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    expect((await postForm(t, `${path}/submit`, {}, { cookie: cast.otherFacilitator.cookie })).status).toBe(404);
    makeGrant(t, cast.network.id, cast.otherFacilitator.user.id, "facilitator");
    expect((await getPage(t, path, { cookie: cast.otherFacilitator.cookie })).status).toBe(200);
  });

  it("is walked in a real browser from a draft round's page to the thanks page, in Dutch, passing axe", async () => {
    const t = shared.serve(createTestApp());
    const cast = makeCast(t);
    const round = makeRound(t, cast.network.id, { title: "Voorjaarsmeting", language: "nl" });
    const before = surveyTables(t);
    const page = await shared.browser.newPage();
    try {
      await page.setCookie({ name: "nm_session", value: cast.facilitator.cookie, url: shared.url });
      await page.goto(`${shared.url}/rounds/${round.id}`, { waitUntil: "load" });
      await clickAndWait(page, `a[href="/rounds/${round.id}/preview?lang=nl"]`);
      expect(await page.$eval(".preview-banner", (p) => p.textContent?.trim())).toBe("Voorbeeld — antwoorden worden niet bewaard");
      expect(await axeViolations(page)).toEqual([]);
      await clickAndWait(page, "main a.button");
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        seen.push((await heading(page)) ?? "");
        expect(await page.$(".preview-banner")).not.toBeNull();
        await clickAndWait(page, "form button[name=go][value=next], form button[type=submit]:not([name])");
      }
      expect(seen).toHaveLength(6);
      expect(page.url()).toContain(`/rounds/${round.id}/preview/review?lang=nl`);
      await clickAndWait(page, "form button[type=submit]");
      expect(page.url()).toContain(`/rounds/${round.id}/preview/thanks?lang=nl`);
      expect(await page.$eval(".preview-banner", (p) => p.textContent?.trim())).toBe("Voorbeeld — antwoorden worden niet bewaard");
      expect(surveyTables(t)).toEqual(before);
    } finally {
      await page.close();
    }
  });
});
