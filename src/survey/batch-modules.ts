import { RATED_FROM_LEVEL } from "../connections/map-inputs";
import { DONT_KNOW } from "../db/schema/answers";
import { newId } from "../lib/ids";
import type { ConnectionsAnswer, MaturityMarks, MaturityValue } from "./module-schemas";

type Row = unknown[];

const markValue = (value: MaturityValue | undefined) => (value === undefined ? null : value === "dont_know" ? DONT_KNOW : value);

/** A response's maturity_answers rows: (response id, round, dimension, current, target), one per dimension marked. */
export function maturityRows(responseId: string, roundId: string, marks: MaturityMarks | undefined): Row[] {
  return Object.entries(marks ?? {})
    .filter(([, mark]) => mark.current !== undefined || mark.target !== undefined)
    .map(([dimension, mark]) => [responseId, roundId, dimension, markValue(mark.current), markValue(mark.target)]);
}

/**
 * One respondent's connections answers as rows of three tables, each row with an id of its own:
 * a record (round, the organisation they work for, or null for "not listed" / "prefer not to say"),
 * a level per partner given one (round, from, to, level), and a rating per partner given trust or
 * value at level 2 or higher (round, partner, trust, value — nothing that names who rated).
 * `organisations` maps the round's positions to organisation ids; a position outside it (never
 * from a checked answer) is left out rather than stopping the batch, which may be the round's close.
 */
export function connectionRows(roundId: string, organisations: ReadonlyMap<number, string>, answer: ConnectionsAnswer | undefined) {
  const records: Row[] = [];
  const levels: Row[] = [];
  const ratings: Row[] = [];
  if (answer?.organisation === undefined) return { records, levels, ratings };
  const own = typeof answer.organisation === "number" ? organisations.get(answer.organisation) : null;
  if (own === undefined) return { records, levels, ratings };
  records.push([newId(), roundId, own]);
  if (own === null) return { records, levels, ratings };
  for (const partner of answer.partners ?? []) {
    const to = organisations.get(partner.organisation);
    if (to === undefined || to === own || partner.level === undefined) continue;
    levels.push([newId(), roundId, own, to, partner.level]);
    // Ratings count only from cooperate up (the schema refuses them below, the pages drop them).
    if (partner.level >= RATED_FROM_LEVEL && (partner.trust !== undefined || partner.value !== undefined))
      ratings.push([newId(), roundId, to, partner.trust ?? null, partner.value ?? null]);
  }
  return { records, levels, ratings };
}
