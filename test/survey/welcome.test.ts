// The welcome page says what the round really asks and about how long it takes: the five themes in
// about 10 minutes, and about 5 more for each module (the network map's questions, the maturity
// matrix), in English and Dutch.
import { describe, expect, it } from "vitest";
import type { RoundModule } from "../../src/db/schema/rounds";
import { createTestApp } from "../support/app";
import { getPage } from "../support/http";
import { openModuleSurvey } from "./module-helpers";

const plain = (html: string) => html.replaceAll("&#x27;", "'");

/** The welcome page of a personal link to a round asking `modules`, in `lang`. */
async function welcome(modules: RoundModule[], lang: "en" | "nl", organisations = 6) {
  const t = createTestApp();
  const { token } = openModuleSurvey(t, { modules, organisations });
  const page = await getPage(t, `/s/${token}?lang=${lang}`);
  expect(page.status).toBe(200);
  return plain(page.text);
}

const CONNECTIONS = {
  en: "After the themes, you say which organisations your organisation works with, and how.",
  nl: "Na de thema's geef je aan met welke organisaties jouw organisatie samenwerkt, en hoe.",
};
const MATURITY = {
  en: "After the themes, you say where the network stands now and where it should be in a year.",
  nl: "Na de thema's geef je aan waar het netwerk nu staat en waar het over een jaar zou moeten staan.",
};
const BOTH = {
  en: "After the themes, you say which organisations your organisation works with, and how. Then you say where the network stands now and where it should be in a year.",
  nl: "Na de thema's geef je aan met welke organisaties jouw organisatie samenwerkt, en hoe. Daarna geef je aan waar het netwerk nu staat en waar het over een jaar zou moeten staan.",
};
const minutes = { en: (n: number) => `It takes about ${n} minutes.`, nl: (n: number) => `Het kost ongeveer ${n} minuten.` };
const after = { en: "After the themes", nl: "Na de thema's" };

describe("the welcome page", () => {
  for (const lang of ["en", "nl"] as const) {
    it(`asks only the five themes, in about 10 minutes, for a round without modules (${lang})`, async () => {
      const text = await welcome([], lang);
      expect(text).toContain(minutes[lang](10));
      expect(text).not.toContain(after[lang]);
    });

    it(`adds the network map's questions and 5 minutes (${lang})`, async () => {
      const text = await welcome(["connections"], lang);
      expect(text).toContain(CONNECTIONS[lang]);
      expect(text).toContain(minutes[lang](15));
      expect(text).not.toContain(MATURITY[lang]);
    });

    it(`adds the maturity matrix and 5 minutes (${lang})`, async () => {
      const text = await welcome(["maturity"], lang, 0);
      expect(text).toContain(MATURITY[lang]);
      expect(text).toContain(minutes[lang](15));
      expect(text).not.toContain(CONNECTIONS[lang]);
    });

    it(`adds both, and 10 minutes, for a round with both modules (${lang})`, async () => {
      const text = await welcome(["connections", "maturity"], lang);
      expect(text).toContain(BOTH[lang]);
      expect(text).toContain(minutes[lang](20));
    });

    it(`leaves out the network map when the round has no organisations to ask about, as its pages do (${lang})`, async () => {
      const text = await welcome(["connections"], lang, 0);
      expect(text).toContain(minutes[lang](10));
      expect(text).not.toContain(after[lang]);
    });
  }
});
