import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invitations, rounds } from "../../src/db/schema";
import { getInstrument } from "../../src/instrument";
import { newToken } from "../../src/lib/ids";
import { closeRound } from "../../src/rounds/lifecycle";
import { createTestApp, type TestApp } from "../support/app";
import { getPage as fetchPage, postForm as sendForm } from "../support/http";
import { openSurvey, surveyTables, writePending } from "./helpers";

const statusOf = (t: TestApp, id: string) => t.db.select().from(invitations).where(eq(invitations.id, id)).get()?.status;
const core = getInstrument("core");
if (!core) throw new Error("core instrument missing");
const itemsOf = (n: number) => core.themes[n - 1]?.items.map((item) => item.code) ?? [];
const CSS = readFileSync(new URL("../../templates/assets/app.css", import.meta.url), "utf8");

// Handlebars writes "=" in attributes as "&#x3D;" (browsers read it back as "="); tests read it plainly.
const plain = <T extends { text: string }>(res: T): T => ({ ...res, text: res.text.replaceAll("&#x3D;", "=") });
const getPage = async (...args: Parameters<typeof fetchPage>) => plain(await fetchPage(...args));
const postForm = async (...args: Parameters<typeof sendForm>) => plain(await sendForm(...args));

/** Every page of the flow, for checks that hold on all of them. */
const PAGES = ["", "/theme/1", "/theme/2", "/theme/3", "/theme/4", "/theme/5", "/about", "/review", "/saved"];

/** Answers one theme page through its form. */
const postTheme = (t: TestApp, token: string, n: number, fields: Record<string, string>, query = "") =>
  postForm(t, `/s/${token}/theme/${n}${query}`, fields);

describe("survey pages: the flow", () => {
  it("says beside each background question that it may be skipped, in English and Dutch", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const hints = {
      en: "Skip this if only a few people like you take part.",
      nl: "Sla dit over als maar weinig mensen zoals jij meedoen.",
    };
    for (const [lang, hint] of Object.entries(hints)) {
      const about = await getPage(t, `/s/${token}/about?lang=${lang}`);
      expect(about.text.split(hint).length - 1, lang).toBe(3);
      // Read out with the question it belongs to, and only with the background questions.
      for (const code of ["involvement", "organisationType", "professionalGroup"]) {
        expect(about.text).toMatch(new RegExp(`<fieldset[^>]*aria-describedby="[^"]*${code}[^"]*hint[^"]*"[^>]*>\\s*<legend>`));
      }
      expect(about.text).not.toMatch(/<fieldset[^>]*aria-describedby="[^"]*(overall|trend)[^"]*hint/);
    }
  });

  it("renders every page in English, with a descriptive title and the round's threshold", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t, { minResponses: 7, closesAt: new Date("2026-03-31T16:00:00Z") });
    const welcome = await getPage(t, `/s/${token}`);
    expect(welcome.status).toBe(200);
    expect(welcome.text).toContain('<html lang="en">');
    expect(welcome.text).toContain("at least 7 people");
    expect(welcome.text).toContain("do not forward it");
    expect(welcome.text).toContain("31 March 2026 at 17:00 BST");
    expect(welcome.text).toMatch(/<a class="button" href="\/s\/[^"]+\/theme\/1\?lang=en">Start<\/a>/);
    const theme = await getPage(t, `/s/${token}/theme/2`);
    expect(theme.text).toContain("<title>Step 2 of 7: Relationships — Network temperature check</title>");
    expect(theme.text).toContain('<p class="progress">Step 2 of 7</p>');
    expect(theme.text).toContain('<div class="progress-bar" aria-hidden="true">');
    expect(theme.text.match(/<fieldset/g)).toHaveLength(itemsOf(2).length);
    expect(theme.text.match(/type="radio"/g)).toHaveLength(itemsOf(2).length * 6);
    expect(theme.text).toContain('maxlength="2000"');
    expect(theme.text).toContain("Up to 2,000 characters");
    const about = await getPage(t, `/s/${token}/about`);
    expect(about.text).toContain("group results of at least 7 people");
    expect(about.text.match(/name="overall"/g)).toHaveLength(11);
    for (const path of PAGES) {
      const res = await getPage(t, `/s/${token}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.text).toContain('<main id="main"');
      expect(res.text).toContain('<a class="skip-link" href="#main">Skip to content</a>');
    }
  });

  it("says on the welcome page what the facilitator can see of a personal link, and that no time of answering is kept", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const en = await getPage(t, `/s/${token}`);
    expect(en.text).toContain(
      "The facilitator can see whether your link has been used (not yet, started or submitted), and so roughly when, but never which answers are yours. No time of answering is stored, not even the day.",
    );
    expect(en.text).toContain("Your link is personal");
    const nl = await getPage(t, `/s/${token}?lang=nl`);
    expect(nl.text).toContain("De begeleider kan zien of je link is gebruikt (nog niet, begonnen of verstuurd)");
    expect(nl.text).toContain("ook de dag niet");
    // "je" throughout what members read, never "u"/"uw".
    expect(nl.text).not.toMatch(/\b[Uu]w?\b/);
  });

  it("renders every page in Dutch from ?lang or the round (not Accept-Language), and keeps the choice in links and forms", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t, { closesAt: new Date("2026-03-31T16:00:00Z") });
    for (const path of PAGES) {
      const res = await getPage(t, `/s/${token}${path}?lang=nl`);
      expect(res.text, path).toContain('<html lang="nl">');
      expect(res.text, path).toContain("Naar de inhoud");
    }
    const theme = await getPage(t, `/s/${token}/theme/2?lang=nl`);
    expect(theme.text).toContain("<title>Stap 2 van 7: Relaties — Temperatuurmeting van het netwerk</title>");
    expect(theme.text).toContain("Helemaal oneens");
    expect(theme.text).toContain(`action="/s/${token}/theme/2?lang=nl"`);
    // On a page with a form, the switch is a submit button of that form.
    expect(theme.text).toContain('<button type="submit" form="survey-form" name="switch" value="en" lang="en">English</button>');
    expect((await getPage(t, `/s/${token}/saved?lang=nl`)).text).toContain(`href="/s/${token}/saved?lang=en" lang="en"`);
    expect((await getPage(t, `/s/${token}/saved?lang=nl`)).text).toContain("31 maart 2026 om 17:00 GMT+1");

    // The round's language is the default; the browser's does not override it.
    const accept = await getPage(t, `/s/${token}`, { headers: { "Accept-Language": "nl-NL,nl;q=0.9,en;q=0.5" } });
    expect(accept.text).toContain('<html lang="en">');
    const dutchRound = openSurvey(t, { language: "nl" });
    const englishBrowser = await getPage(t, `/s/${dutchRound.token}`, { headers: { "Accept-Language": "en-GB,en;q=0.9" } });
    expect(englishBrowser.text).toContain("Beginnen");
    // The member's own choice wins over the round's.
    expect((await getPage(t, `/s/${dutchRound.token}?lang=en`)).text).toContain(">Start</a>");

    const next = await postTheme(t, token, 1, { "purpose.1": "4", go: "next" }, "?lang=nl");
    expect(next.headers.get("location")).toBe(`/s/${token}/theme/2?lang=nl`);
  });

  it("saves answers through the forms, pre-fills them, and resumes with Continue", async () => {
    const t = createTestApp();
    const { token, invitation } = openSurvey(t);
    const [first, second] = itemsOf(1);
    if (!first || !second) throw new Error("theme 1 has items");
    const next = await postTheme(t, token, 1, {
      [first]: "4",
      [second]: "dont_know",
      "comment.purpose": "Clearer\r\npriorities",
      go: "next",
    });
    expect(next.status).toBe(303);
    expect(next.headers.get("location")).toBe(`/s/${token}/theme/2?lang=en`);
    expect(statusOf(t, invitation.id)).toBe("started");

    const again = await getPage(t, `/s/${token}/theme/1`);
    expect(again.text).toMatch(/id="purpose-1-4" name="purpose.1" value="4" checked/);
    expect(again.text).toMatch(/id="purpose-2-dont_know" name="purpose.2" value="dont_know" checked/);
    expect(again.text).toContain(">Clearer\npriorities</textarea>");

    const saved = await postTheme(t, token, 2, { "relationships.1": "2", go: "save" });
    expect(saved.headers.get("location")).toBe(`/s/${token}/saved?lang=en`);
    expect((await getPage(t, `/s/${token}/saved`)).text).toContain("Use the same link to carry on");
    const back = await postTheme(t, token, 1, { [first]: "5", go: "back" });
    expect(back.headers.get("location")).toBe(`/s/${token}?lang=en`);
    const welcome = await getPage(t, `/s/${token}`);
    // Theme 1 still has statements nobody answered: Continue asks them rather than skip them.
    expect(welcome.text).toContain(`href="/s/${token}/theme/1?lang=en">Continue where you left off</a>`);

    // Leaving a radio unchosen on a page skips it (the comment too): the theme's answers are replaced.
    await postTheme(t, token, 1, { go: "next" });
    expect((await getPage(t, `/s/${token}/theme/1`)).text).not.toContain("checked");
    expect((await getPage(t, `/s/${token}/theme/2`)).text).toMatch(/value="2" checked/);
  });

  it("never marks the invitation started on a GET", async () => {
    const t = createTestApp();
    const { token, invitation } = openSurvey(t);
    for (const path of [...PAGES, "/thanks"]) await getPage(t, `/s/${token}${path}`);
    expect(statusOf(t, invitation.id)).toBe("invited");
    // Saving a page with nothing answered is not starting either.
    await postTheme(t, token, 1, { go: "save" });
    expect(statusOf(t, invitation.id)).toBe("invited");
  });

  it("goes through the about page and the review to submission and a thank-you", async () => {
    const t = createTestApp();
    const { token, invitation } = openSurvey(t);
    await postTheme(t, token, 1, { "purpose.1": "4", "comment.purpose": "More meetings <b>please</b>", go: "next" });
    await postTheme(t, token, 3, { "communication.2": "1", go: "next" });
    const about = await postForm(t, `/s/${token}/about`, {
      overall: "0",
      trend: "better",
      organisationType: "hospital",
      professionalGroup: "",
      go: "next",
    });
    expect(about.headers.get("location")).toBe(`/s/${token}/review?lang=en`);
    const review = await getPage(t, `/s/${token}/review`);
    expect(review.text).toContain("<dd>Agree</dd>");
    expect(review.text).toContain("<dd>Strongly disagree</dd>");
    expect(review.text).toContain('<dd class="muted">Skipped</dd>');
    expect(review.text).toContain("More meetings &lt;b&gt;please&lt;/b&gt;");
    expect(review.text).toContain("<dd>0</dd>");
    expect(review.text).toContain("<dd>Hospital</dd>");
    expect(review.text).toContain(
      `href="/s/${token}/theme/3?lang=en&amp;from=review">Change<span class="visually-hidden"> your answers about communication</span>`,
    );

    const submitted = await postForm(t, `/s/${token}/submit?lang=nl`, {});
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get("location")).toBe(`/s/${token}/thanks?lang=nl`);
    expect(statusOf(t, invitation.id)).toBe("submitted");
    expect(surveyTables(t)).toMatchObject({ responses: 1, answers: 0, comments: 0, drafts: [] });
    writePending(t);
    expect(surveyTables(t)).toMatchObject({ responses: 1, answers: 2, comments: 1, drafts: [] });
    const thanks = await getPage(t, `/s/${token}/thanks?lang=nl`);
    expect(thanks.status).toBe(200);
    expect(thanks.text).toContain("Bedankt voor je antwoorden");
    for (const path of ["", "/theme/1", "/review"]) {
      const res = await getPage(t, `/s/${token}${path}`);
      expect(res.status, path).toBe(409);
      expect(res.text).toContain("You have already answered. Thank you.");
    }
    expect((await postForm(t, `/s/${token}/submit`, {})).status).toBe(409);
    expect(surveyTables(t).responses).toBe(1);
  });

  it("sends a thank-you address that was not submitted yet back to the start", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const res = await getPage(t, `/s/${token}/thanks?lang=nl`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/s/${token}?lang=nl`);
  });
});

describe("survey pages: bad input", () => {
  it("answers a tampered value with 400, an error summary linking to the field, and stores nothing", async () => {
    const t = createTestApp();
    const { token, invitation } = openSurvey(t);
    const res = await postTheme(t, token, 1, { "purpose.1": "7", "purpose.2": "3", go: "next" });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<div class="error-summary" role="alert"');
    expect(res.text).toContain(
      '<a href="#purpose-1-1">Choose one of the answers for “I could explain the network&#x27;s purpose to a colleague.”</a>',
    );
    expect(res.text).toContain('<fieldset class="statement field--error" aria-describedby="purpose-1-error">');
    expect(res.text).toMatch(/id="purpose-1-1" name="purpose.1" value="1" aria-invalid="true"/);
    expect(res.text).toMatch(/id="purpose-2-3" name="purpose.2" value="3" checked/);
    expect(res.text).toContain("<title>Error: Step 1 of 7: Purpose — Network temperature check</title>");
    expect(surveyTables(t).drafts).toEqual([]);
    expect(statusOf(t, invitation.id)).toBe("invited");

    const dutch = await postTheme(t, token, 1, { "purpose.1": "abc" }, "?lang=nl");
    expect(dutch.status).toBe(400);
    expect(dutch.text).toContain("Er is een probleem");
    expect(dutch.text).toContain("Kies een van de antwoorden bij");
  });

  it("accepts its forms as browsers post them under Referrer-Policy: no-referrer (Origin: null), and refuses other sites", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const ours = await postTheme(t, token, 1, { "purpose.1": "4" }, "");
    expect(ours.status).toBe(303);
    const sameOrigin = await postForm(
      t,
      `/s/${token}/theme/1`,
      { "purpose.1": "4" },
      { headers: { Origin: "null", "Sec-Fetch-Site": "same-origin" } },
    );
    expect(sameOrigin.status).toBe(303);
    const crossSite = await postForm(
      t,
      `/s/${token}/theme/1`,
      { "purpose.1": "1" },
      { headers: { Origin: "null", "Sec-Fetch-Site": "cross-site" } },
    );
    expect(crossSite.status).toBe(403);
  });

  it("refuses a comment over 2,000 characters and bad options on the about page", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const long = await postTheme(t, token, 2, { "comment.relationships": "x".repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.text).toContain('<a href="#comment-relationships">Your comment is longer than 2,000 characters</a>');
    // Line breaks count once, as the browser's maxlength counts them.
    expect((await postTheme(t, token, 2, { "comment.relationships": "x\r\n".repeat(666) })).status).toBe(303);
    const about = await postForm(t, `/s/${token}/about`, { overall: "11", trend: "sideways" });
    expect(about.status).toBe(400);
    expect(about.text).toContain('href="#overall-0"');
    expect(about.text).toContain('href="#trend-worse"');
  });

  it("sends an empty submission back to the review with an error summary", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    await postForm(t, `/s/${token}/about`, { overall: "6" });
    const res = await postForm(t, `/s/${token}/submit`, {});
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#change-purpose">Answer at least one statement</a>');
    expect(res.text).toContain('id="change-purpose"');
    expect(surveyTables(t).responses).toBe(0);
  });

  it("explains an address under a link that does not exist, in the survey's layout", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    for (const path of ["/theme/0", "/theme/6", "/theme/x", "/nothing"]) {
      const res = await getPage(t, `/s/${token}${path}?lang=nl`);
      expect(res.status, path).toBe(404);
      expect(res.text).toContain("Deze pagina bestaat niet");
    }
  });
});

describe("survey pages: link states", () => {
  const states = async () => {
    const t = createTestApp();
    const closed = openSurvey(t, { language: "nl" });
    closeRound(t.deps, closed.round);
    const draft = openSurvey(t, { status: "draft", openedAt: null });
    const passed = openSurvey(t, { closesAt: new Date("2026-03-02T09:30:00Z") });
    t.clock.set("2026-03-02T10:00:00Z");
    return { t, closed, draft, passed };
  };

  it("answers unknown, closed, not yet open and past-closing links with a page of their own", async () => {
    const { t, closed, draft, passed } = await states();
    const unknown = await getPage(t, `/s/${newToken()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('<html lang="en">');
    expect(unknown.text).toContain("This link does not work");
    expect(unknown.text).not.toMatch(/at |Error:|\.ts/);
    const unknownNl = await getPage(t, `/s/${newToken()}/theme/2`, { headers: { "Accept-Language": "nl" } });
    expect(unknownNl.text).toContain("Deze link werkt niet");
    // The round's language is known for a closed link, even though it can no longer be answered.
    const gone = await getPage(t, `/s/${closed.token}`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain("Deze temperatuurmeting is gesloten");
    expect((await getPage(t, `/s/${closed.token}?lang=en`)).text).toContain("This temperature check has closed");
    expect(gone.text).not.toContain("/m/");
    // Once the members' mirror is published, a closed link points to it.
    t.db.update(rounds).set({ mirrorSlug: "the-mirror" }).where(eq(rounds.id, closed.round.id)).run();
    expect((await getPage(t, `/s/${closed.token}`)).text).toContain(
      '<a href="/m/the-mirror">Bekijk de resultaten die met het netwerk zijn gedeeld</a>',
    );
    const notReady = await getPage(t, `/s/${draft.token}/about`);
    expect(notReady.status).toBe(409);
    expect(notReady.text).toContain("has not opened yet");
    expect((await getPage(t, `/s/${passed.token}/review`)).status).toBe(410);
    expect((await postTheme(t, passed.token, 1, { "purpose.1": "3" })).status).toBe(410);
  });

  it("answers a replaced link with 404 and the new one with the survey", async () => {
    const t = createTestApp();
    const { token, invitation } = openSurvey(t);
    const replacement = newToken();
    const { hashToken } = await import("../../src/lib/ids");
    t.db
      .update(invitations)
      .set({ tokenHash: hashToken(replacement) })
      .where(eq(invitations.id, invitation.id))
      .run();
    expect((await getPage(t, `/s/${token}`)).status).toBe(404);
    expect((await getPage(t, `/s/${replacement}`)).status).toBe(200);
  });
});

describe("survey pages: privacy and weight", () => {
  it("puts the token only in the flow's own links and form actions", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    await postTheme(t, token, 1, { "purpose.1": "4" });
    const bodies = [];
    for (const path of PAGES) bodies.push((await getPage(t, `/s/${token}${path}`)).text);
    bodies.push((await postTheme(t, token, 1, { "purpose.1": "9" })).text);
    bodies.push((await getPage(t, `/s/${token}/nothing`)).text);
    for (const html of bodies) {
      const all = html.split(token).length - 1;
      const inFlow = html.match(new RegExp(`(?:href|action)="/s/${token}[/?"]`, "g"))?.length ?? 0;
      expect(all).toBeGreaterThan(0);
      expect(all).toBe(inFlow);
    }
  });

  it("keeps a theme page and its stylesheet under 30 KB, without script", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const css = await getPage(t, "/assets/app.css");
    expect(css.text).toBe(CSS);
    for (const n of [1, 2, 3, 4, 5]) {
      const html = (await getPage(t, `/s/${token}/theme/${n}?lang=nl`)).text;
      expect(Buffer.byteLength(html) + Buffer.byteLength(CSS)).toBeLessThan(30 * 1024);
      expect(html).not.toContain("<script");
      expect(html).not.toMatch(/\sstyle=/);
    }
  });
});
