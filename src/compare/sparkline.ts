import Handlebars from "handlebars";
import { formatterFor } from "../reports/format";

const WIDTH = 96;
const HEIGHT = 24;
const PAD = 3;
/** A sparkline shows shape, not level: the band is stretched to at least this many points so that noise stays flat. */
const MIN_SPAN = 10;

const fmt = formatterFor("en");

/**
 * A small inline SVG of the temperature over rounds, oldest first, drawn by hand from numbers.
 * Rounds without a temperature (too few responses) break the line. The text alternative lists
 * every value, so the picture adds nothing a screen reader misses.
 * @example sparkline([58.1, 60.2, null, 61]) // <svg role="img" aria-label="Temperature over 4 rounds: 58.1, 60.2, not enough responses, 61.0">…
 */
export function sparkline(values: readonly (number | null)[]): Handlebars.SafeString {
  const known = values.filter((v): v is number => v !== null);
  const label = `Temperature over ${values.length} round${values.length === 1 ? "" : "s"}: ${values
    .map((v) => (v === null ? "not enough responses" : fmt.score(v)))
    .join(", ")}`;
  const low = Math.min(...known);
  const high = Math.max(...known);
  const middle = (low + high) / 2;
  const span = Math.max(high - low, MIN_SPAN);
  const x = (i: number) => (values.length === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (values.length - 1));
  const y = (v: number) => HEIGHT / 2 - ((v - middle) / span) * (HEIGHT - 2 * PAD);
  const runs: string[][] = [[]];
  values.forEach((v, i) => {
    if (v === null) runs.push([]);
    else runs[runs.length - 1]?.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  const lines = runs
    .filter((run) => run.length > 1)
    .map((run) => `<polyline points="${run.join(" ")}" fill="none" stroke="#1f4e79" stroke-width="1.5" stroke-linejoin="round"/>`);
  const dots = values.flatMap((v, i) =>
    v === null ? [] : [`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2" fill="#1f4e79"/>`],
  );
  // Only numbers and our own words go in: no network name, nothing a person typed.
  return new Handlebars.SafeString(
    `<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${Handlebars.escapeExpression(label)}">${lines.join("")}${dots.join("")}</svg>`,
  );
}
