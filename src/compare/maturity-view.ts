// The compare page's maturity table: per network and round with the matrix, the median level now
// of each dimension in words. Laid out from the comparison's values; nothing is computed.

import { formatterFor } from "../lib/format";
import { MATURITY_V1 } from "../maturity/matrix-v1";
import { TOO_FEW_ANSWERS } from "./comparison-model";
import type { Comparison } from "./schemas";

const LEVELS = MATURITY_V1.levels.map((level) => level.title.en);

/** The table of rounds with the matrix, or null when no compared round has it. */
export function maturityView(comparison: Comparison) {
  const rows = comparison.networks.flatMap((network) =>
    network.rounds
      .filter((round) => round.maturity)
      .map((round) => ({
        network: network.name,
        title: round.title,
        date: formatterFor("en", network.timeZone).date(round.closedAt),
        cells: MATURITY_V1.dimensions.map((d) => {
          const median = round.maturity?.[d.code] ?? null;
          return median === null ? TOO_FEW_ANSWERS : `${median} ${LEVELS[median - 1] ?? ""}`;
        }),
      })),
  );
  return rows.length === 0 ? null : { columns: MATURITY_V1.dimensions.map((d) => d.title.en), rows };
}
