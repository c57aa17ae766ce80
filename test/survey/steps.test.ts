// Moving through the survey: the step count, where Continue resumes, Change on Check answers, and
// the language switch that saves the page first.
import { describe, expect, it } from "vitest";
import { getInstrument } from "../../src/instrument";
import { saveDraft } from "../../src/survey/drafts";
import { resolveLink } from "../../src/survey/link";
import type { AnswerValue } from "../../src/survey/schemas";
import { createTestApp, type TestApp } from "../support/app";
import { getPage, postForm } from "../support/http";
import { openSurvey } from "./helpers";

const core = getInstrument("core");
if (!core) throw new Error("core instrument missing");
const itemsOf = (n: number) => core.themes[n - 1]?.items.map((item) => item.code) ?? [];
const allAnswered = (value: AnswerValue): Record<string, AnswerValue> =>
  Object.fromEntries(core.themes.flatMap((theme) => theme.items.map((item) => [item.code, value])));
const plain = (text: string) => text.replaceAll("&#x3D;", "=");
const location = (res: { headers: Headers }) => plain(res.headers.get("location") ?? "");

const draftOf = (t: TestApp, token: string) => {
  const link = resolveLink(t.deps, token);
  return t.db.$client.prepare("select count(*) as n from drafts where invitation_id = ?").get(link.invitation.id) as { n: number };
};

describe("the step count", () => {
  it("counts every page that asks something: the themes, about you and Check answers (Step n of 7), in both languages", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const steps: [string, number][] = [
      ["/theme/1", 1],
      ["/theme/5", 5],
      ["/about", 6],
      ["/review", 7],
    ];
    for (const [path, n] of steps) {
      const en = await getPage(t, `/s/${token}${path}`);
      expect(en.text, path).toContain(`<p class="progress">Step ${n} of 7</p>`);
      expect(en.text, path).toMatch(new RegExp(`<title>Step ${n} of 7: `));
      const nl = await getPage(t, `/s/${token}${path}?lang=nl`);
      expect(nl.text, path).toContain(`<p class="progress">Stap ${n} van 7</p>`);
    }
    expect((await getPage(t, `/s/${token}/about`)).text).toContain("<title>Step 6 of 7: About you and the network — ");
    expect((await getPage(t, `/s/${token}/review?lang=nl`)).text).toContain("<title>Stap 7 van 7: Controleer je antwoorden — ");
    expect((await getPage(t, `/s/${token}/review`)).text).toContain('<span class="w5"></span>');
  });
});

describe("Continue where you left off", () => {
  const continueHref = async (t: TestApp, token: string) =>
    /href="([^"]+)">Continue where you left off/.exec(plain((await getPage(t, `/s/${token}`)).text))?.[1];

  it("goes back to the first page with a statement not answered yet", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const [first, second] = itemsOf(1);
    if (!first || !second) throw new Error("theme 1 has items");
    // The issue's walk-through: 2 of the purpose statements answered, then saved.
    const saved = await postForm(t, `/s/${token}/theme/1`, { [first]: "4", [second]: "2", go: "save" });
    expect(location(saved)).toBe(`/s/${token}/saved?lang=en`);
    expect(await continueHref(t, token)).toBe(`/s/${token}/theme/1?lang=en`);

    const link = resolveLink(t.deps, token);
    const answers = allAnswered(3);
    delete answers[itemsOf(3)[1] ?? ""];
    saveDraft(t.deps, link, token, { answers });
    expect(await continueHref(t, token)).toBe(`/s/${token}/theme/3?lang=en`);
    saveDraft(t.deps, link, token, { answers: allAnswered(3) });
    expect(await continueHref(t, token)).toBe(`/s/${token}/about?lang=en`);
    saveDraft(t.deps, link, token, { answers: allAnswered(3), overall: 6 });
    expect(await continueHref(t, token)).toBe(`/s/${token}/review?lang=en`);
  });
});

describe("Change on Check answers", () => {
  it("returns to Check answers after Next (and Back) on the page changed, and only then", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    await postForm(t, `/s/${token}/theme/1`, { [itemsOf(1)[0] ?? ""]: "4" });
    const review = plain((await getPage(t, `/s/${token}/review`)).text);
    expect(review).toContain(`id="change-governance" href="/s/${token}/theme/4?lang=en&amp;from=review"`);
    expect(review).toContain(`id="change-about" href="/s/${token}/about?lang=en&amp;from=review"`);

    const changing = plain((await getPage(t, `/s/${token}/theme/4?lang=en&from=review`)).text);
    expect(changing).toContain(`action="/s/${token}/theme/4?lang=en&amp;from=review"`);
    const next = await postForm(t, `/s/${token}/theme/4?lang=en&from=review`, { [itemsOf(4)[0] ?? ""]: "2", go: "next" });
    expect(location(next)).toBe(`/s/${token}/review?lang=en`);
    const back = await postForm(t, `/s/${token}/about?lang=nl&from=review`, { overall: "4", go: "back" });
    expect(location(back)).toBe(`/s/${token}/review?lang=nl`);
    const save = await postForm(t, `/s/${token}/about?lang=en&from=review`, { overall: "4", go: "save" });
    expect(location(save)).toBe(`/s/${token}/saved?lang=en`);
    // Without "from", Next goes on through the flow as before.
    const onward = await postForm(t, `/s/${token}/theme/4?lang=en`, { go: "next" });
    expect(location(onward)).toBe(`/s/${token}/theme/5?lang=en`);
  });
});

describe("the language switch on a page with a form", () => {
  it("saves what was ticked, then shows the same page in the other language", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const [first] = itemsOf(2);
    if (!first) throw new Error("theme 2 has items");
    const page = plain((await getPage(t, `/s/${token}/theme/2`)).text);
    expect(page).toContain('<form id="survey-form" method="post"');
    expect(page).toContain('<button type="submit" form="survey-form" name="switch" value="nl" lang="nl">Nederlands</button>');
    expect(page).toContain('<span class="lang-switch__current" lang="en" aria-current="true">English</span>');
    // The hidden Next comes before the switch, so Enter in the form still means Next.
    expect(page.indexOf('form="survey-form" name="go" value="next" hidden')).toBeLessThan(page.indexOf('name="switch"'));

    const switched = await postForm(t, `/s/${token}/theme/2?lang=en`, { [first]: "5", "comment.relationships": "Kept", switch: "nl" });
    expect(switched.status).toBe(303);
    expect(location(switched)).toBe(`/s/${token}/theme/2?lang=nl`);
    const dutch = plain((await getPage(t, location(switched))).text);
    expect(dutch).toContain('<html lang="nl">');
    expect(dutch).toMatch(new RegExp(`name="${first}" value="5" checked`));
    expect(dutch).toContain(">Kept</textarea>");
    expect(draftOf(t, token).n).toBe(1);

    // From Check answers the page keeps returning there; on the about page it works alike.
    const about = await postForm(t, `/s/${token}/about?lang=nl&from=review`, { overall: "8", switch: "en" });
    expect(location(about)).toBe(`/s/${token}/about?lang=en&from=review`);
    expect(plain((await getPage(t, `/s/${token}/about`)).text)).toMatch(/name="overall" value="8" checked/);
  });

  it("shows a page that cannot be saved again in the language asked for, with its errors, saving nothing", async () => {
    const t = createTestApp();
    const { token } = openSurvey(t);
    const res = await postForm(t, `/s/${token}/theme/1?lang=en`, { "purpose.1": "9", switch: "nl" });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<html lang="nl">');
    expect(res.text).toContain("Kies een van de antwoorden bij");
    expect(plain(res.text)).toContain(`action="/s/${token}/theme/1?lang=nl"`);
    expect(draftOf(t, token).n).toBe(0);
    // Anything else in "switch" is not a language: the page is saved and Next is taken.
    const odd = await postForm(t, `/s/${token}/theme/1?lang=en`, { "purpose.1": "3", switch: "de" });
    expect(location(odd)).toBe(`/s/${token}/theme/2?lang=en`);
  });
});
