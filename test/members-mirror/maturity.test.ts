// The members' mirror shows the maturity grid of a round with the matrix, the same figures and
// words as the report; a round without the matrix shows none.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rounds } from "../../src/db/schema";
import { setup } from "../rounds/support";
import { getPage, postForm } from "../support/http";
import { closedMaturityRound } from "../support/maturity";
import { makeClosedRound, uniformResponse } from "../support/responses";

type S = ReturnType<typeof setup>;

async function publish(s: S, roundId: string) {
  const res = await postForm(s.t, `/rounds/${roundId}/mirror/publish`, {}, { cookie: s.cast.facilitator.cookie });
  expect(res.status).toBe(303);
  return s.t.db.select().from(rounds).where(eq(rounds.id, roundId)).get()?.mirrorSlug ?? "";
}

describe("the members' mirror of a round with the maturity matrix", () => {
  it("shows the grid with the median marked, in English and Dutch", async () => {
    const s = setup();
    // Five members: governance now 2, 2, 2, 3, 1 ([1,3,1,0], median 2), in a year all 3.
    const now = [2, 2, 2, 3, 1] as const;
    const round = closedMaturityRound(
      s.t,
      s.cast.network.id,
      now.map((current) => ({ governance: { current, target: 3 as const } })),
      { round: { minResponses: 5 } },
    );
    const slug = await publish(s, round.id);
    const en = await getPage(s.t, `/m/${slug}?lang=en`);
    expect(en.status).toBe(200);
    expect(en.text).toContain('<h2 id="maturity-title">Maturity</h2>');
    expect(en.text).toContain("Most members see governance and decision-making as Developing, and want it Maturing within a year.");
    const governance = en.text.slice(en.text.indexOf('id="maturity-governance"'));
    expect(governance.replace(/\s+/g, " ")).toContain(
      '<th scope="row">Now</th> <td class="num">1</td><td class="num"><strong><span aria-hidden="true">◆ </span>3</strong><span class="visually-hidden"> (the middle answer)</span></td><td class="num">1</td><td class="num">0</td> <td class="num">5</td>',
    );
    // A dimension nobody marked says so, with nothing else.
    expect(en.text).toContain("too few answers (0)");
    const nl = await getPage(s.t, `/m/${slug}?lang=nl`);
    expect(nl.text).toContain('<h2 id="maturity-title">Volwassenheid</h2>');
    expect(nl.text).toContain("(het middelste antwoord)");
  });

  it("shows no grid for a round without the matrix", async () => {
    const s = setup();
    const round = makeClosedRound(
      s.t,
      s.cast.network.id,
      Array.from({ length: 5 }, () => uniformResponse(4)),
    );
    const res = await getPage(s.t, `/m/${await publish(s, round.id)}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain("maturity-title");
  });
});
