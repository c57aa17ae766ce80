// The compare page's network map table: per network and round, how many possible partnerships are
// active and the network's trust and value (means 1–4, as the API gives them). Laid out from the
// comparison's values; nothing is computed.

import { formatterFor } from "../lib/format";
import { densityText } from "../portfolio/map-columns";
import { TOO_FEW_ANSWERS } from "./comparison-model";
import type { CompareRound, Comparison } from "./schemas";

/** A round without the connections module: it has no map to show. */
export const NOT_ASKED = "not asked";

const fmt = formatterFor("en");

function cellsOf(round: CompareRound): string[] {
  const map = round.map;
  if (!map) return [NOT_ASKED, NOT_ASKED, NOT_ASKED];
  const mean = (x: number | null) => (x === null ? TOO_FEW_ANSWERS : fmt.twoDecimals(x));
  return [map.density === null ? TOO_FEW_ANSWERS : densityText(map.density, "en"), mean(map.trust), mean(map.value)];
}

/** Every compared round with its map's figures, or null when no compared round asked the module. */
export function mapView(comparison: Comparison) {
  if (!comparison.networks.some((n) => n.rounds.some((r) => r.map))) return null;
  const rows = comparison.networks.flatMap((network) =>
    network.rounds.map((round) => ({
      network: network.name,
      title: round.title,
      date: formatterFor("en", network.timeZone).date(round.closedAt),
      cells: cellsOf(round),
    })),
  );
  return { columns: ["Partnerships active", "Trust (1–4)", "Value (1–4)"], rows };
}
