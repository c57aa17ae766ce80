// The temperature as a thermometer, drawn by hand: a tube on a 0–100 scale filled to the score.
import { CHART_FONT, type Chart, escapeXml, INK, MUTED, RULE, trustedSvg } from "../../lib/charts";

const FILL = "#1f4e79";
const TOP = 16;
const BOTTOM = 196;
const TUBE_X = 34;
const TUBE_W = 22;

const yOf = (value: number) => BOTTOM - (Math.max(0, Math.min(100, value)) / 100) * (BOTTOM - TOP);

/**
 * A thermometer filled to `score` (0–100). Tick labels are plain integers; `alt` is the caller's
 * sentence with the formatted score.
 */
export function thermometerChart(score: number | null, alt: string): Chart {
  const level = score === null ? BOTTOM : yOf(score);
  const cx = TUBE_X + TUBE_W / 2;
  const ticks = [0, 25, 50, 75, 100]
    .map((v) => {
      const y = yOf(v);
      return `<line x1="${TUBE_X + TUBE_W + 4}" x2="${TUBE_X + TUBE_W + 12}" y1="${y}" y2="${y}" stroke="${MUTED}" stroke-width="1"/><text x="${TUBE_X + TUBE_W + 16}" y="${y + 3.5}" font-size="10" fill="${MUTED}">${v}</text>`;
    })
    .join("");
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="110" height="236" viewBox="0 0 110 236" font-family="${escapeXml(CHART_FONT)}" focusable="false">`,
    `<rect x="${TUBE_X}" y="${TOP - 8}" width="${TUBE_W}" height="${BOTTOM - TOP + 20}" rx="${TUBE_W / 2}" fill="#ffffff" stroke="${RULE}" stroke-width="2"/>`,
    `<circle cx="${cx}" cy="${BOTTOM + 18}" r="18" fill="${FILL}" stroke="${RULE}" stroke-width="2"/>`,
    `<rect x="${TUBE_X + 5}" y="${level}" width="${TUBE_W - 10}" height="${BOTTOM + 10 - level}" fill="${FILL}"/>`,
    ticks,
    `<line x1="${TUBE_X - 6}" x2="${TUBE_X + TUBE_W + 4}" y1="${level}" y2="${level}" stroke="${INK}" stroke-width="1.5"/>`,
    "</svg>",
  ].join("");
  return { svg: trustedSvg(svg), alt };
}
