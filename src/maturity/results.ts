// A closed round's matrix as the results give it: the published figures labelled in a language.
// The JSON endpoint, the mirror report and the members' mirror all read this.
import type { Lang } from "../instrument";
import type { MaturityMatrix } from "./matrix-schema";
import { MATURITY_V1 } from "./matrix-v1";
import type { PublishedMaturity } from "./types";

const MATRICES: Record<number, Readonly<MaturityMatrix>> = { [MATURITY_V1.version]: MATURITY_V1 };

/** A version of the maturity matrix, if it exists. */
export function getMaturityMatrix(version: number): Readonly<MaturityMatrix> | undefined {
  return MATRICES[version];
}

/**
 * The published matrix with each dimension's title and each level's name in `lang`; null for a
 * round without the matrix. A hidden side keeps only its n: its distribution, median and mean are null.
 */
export function labelMaturity(published: PublishedMaturity | null | undefined, lang: Lang) {
  if (!published) return null;
  const matrix = getMaturityMatrix(published.version);
  if (!matrix) throw new Error(`Unknown maturity matrix version ${published.version}`);
  return {
    version: published.version,
    levels: matrix.levels.map((level, i) => ({ level: i + 1, code: level.code, title: level.title[lang] })),
    previousRound: published.previousRound,
    dimensions: published.dimensions.map((dimension) => {
      const def = matrix.dimensions.find((d) => d.code === dimension.code);
      return { ...dimension, title: def?.title[lang] ?? dimension.code };
    }),
  };
}

export type MaturityResults = NonNullable<ReturnType<typeof labelMaturity>>;
export type MaturityResultsDimension = MaturityResults["dimensions"][number];
