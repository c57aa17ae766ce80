import { DENSE_MAP_ORGANISATIONS, type LayoutNode, type LayoutTie, MAP_SIZE } from "./map-layout";
import { drawnTies, type MapPosition } from "./map-positions";

export { DENSE_MAP_ORGANISATIONS };

/**
 * One colour per organisation type, from the Okabe–Ito palette (told apart by people with the
 * common colour-vision deficiencies); the legend and the organisation table carry the same facts
 * in words, so nothing depends on colour alone.
 */
const TYPE_COLOURS: Record<string, string> = {
  hospital: "#0072B2",
  primary_care: "#009E73",
  community: "#E69F00",
  care_home: "#CC79A7",
  mental_health: "#56B4E9",
  social_care: "#D55E00",
  voluntary: "#F0E442",
  commissioner: "#000000",
  other: "#999999",
};
const UNKNOWN_COLOUR = "#999999";
/** Line width per level: cooperate, coordinate, integrate (aware is no tie and is never drawn). */
const LINE_WIDTH: Record<number, number> = { 2: 1, 3: 2.5, 4: 4.5 };

export type MapDrawing = {
  /** The SVG viewBox: the nodes and every label, whole. */
  viewBox: { x: number; y: number; width: number; height: number };
  /**
   * The ties, one SVG path per level (`d` holds a move and a line per tie), widest last: a few
   * elements instead of one per tie keep the PDF small and quick to print.
   */
  paths: Array<{ width: number; d: string; ties: number }>;
  nodes: Array<{
    x: number;
    y: number;
    r: number;
    colour: string;
    label: string;
    labelX: number;
    labelY: number;
    anchor: "start" | "end";
    /** A white box under the label, so that lines crossing it do not hide the text. */
    box: { x: number; y: number; width: number; height: number };
  }>;
  legend: Array<{ colour: string; label: string }>;
  /** True when cooperate-level ties were left out to keep a large map readable. */
  strongTiesOnly: boolean;
};

/**
 * The network map as data for `templates/partials/connections/map.hbs`: positions frozen with the
 * map (src/connections/map-positions.ts; no layout runs here), node colour by type, size by
 * degree, line width by level, and a label beside every node (on the side away from the centre,
 * so labels spread outwards).
 *
 * @example
 * views.render("…", { map: mapDrawing(nodes, frozen.positions, ties, (type) => typeLabels[type]) })
 */
export function mapDrawing(
  nodes: LayoutNode[],
  positions: MapPosition[],
  ties: LayoutTie[],
  typeLabel: (type: string) => string,
): MapDrawing {
  const strongTiesOnly = nodes.length > DENSE_MAP_ORGANISATIONS;
  const drawn = drawnTies(nodes, ties);
  const about = new Map(nodes.map((node) => [node.id, node]));
  const placed = positions.flatMap((position) => {
    const node = about.get(position.id);
    return node ? [{ ...node, ...position }] : [];
  });
  const at = new Map(placed.map((node) => [node.id, node]));
  const centre = MAP_SIZE / 2;

  const segments = new Map<number, string[]>();
  for (const tie of drawn) {
    const a = at.get(tie.a);
    const b = at.get(tie.b);
    if (!a || !b) continue;
    const width = LINE_WIDTH[tie.level] ?? 1;
    const list = segments.get(width) ?? [];
    if (list.length === 0) segments.set(width, list);
    list.push(`M${short(a.x)} ${short(a.y)}L${short(b.x)} ${short(b.y)}`);
  }
  const paths = [...segments].sort(([x], [y]) => x - y).map(([width, list]) => ({ width, d: list.join(""), ties: list.length }));
  const drawnNodes = placed.map((node) => {
    const right = node.x >= centre;
    return {
      x: node.x,
      y: node.y,
      r: node.r,
      colour: TYPE_COLOURS[node.type] ?? UNKNOWN_COLOUR,
      label: node.name,
      labelX: short(right ? node.x + node.r + 3 : node.x - node.r - 3),
      labelY: short(node.y + 3.5),
      anchor: right ? ("start" as const) : ("end" as const),
      box: labelBox(node, right),
    };
  });
  const types = [...new Set(nodes.map((node) => node.type))].sort();
  const legend = types.map((type) => ({ colour: TYPE_COLOURS[type] ?? UNKNOWN_COLOUR, label: typeLabel(type) }));
  return { viewBox: boundsOf(drawnNodes), paths, nodes: drawnNodes, legend, strongTiesOnly };
}

/** One decimal: a tenth of a unit is finer than print shows, and the markup stays short. */
const short = (x: number) => Math.round(x * 10) / 10;

/** Liberation Sans at 10 px averages about 5.3 units a character in names like ours. */
const AVERAGE_CHAR = 5.3;

/**
 * The box under a label. Not a stroked halo round the text: Chromium prints stroked text as
 * outlines, which added some 170 kB to a 60-organisation report; 60 rectangles cost next to nothing.
 */
function labelBox(node: { x: number; y: number; r: number; name: string }, right: boolean) {
  const width = short(node.name.length * AVERAGE_CHAR + 2);
  const x = right ? node.x + node.r + 2 : node.x - node.r - 2 - width;
  return { x: short(x), y: short(node.y - 5.5), width, height: 11 };
}

/** A generous estimate of a label's width at 10 px (wide capitals and all), so no label is cut. */
const labelWidth = (text: string) => text.length * 6;
const PAD = 6;

/** The box holding every node and every label. */
function boundsOf(nodes: MapDrawing["nodes"]): MapDrawing["viewBox"] {
  if (nodes.length === 0) return { x: 0, y: 0, width: MAP_SIZE, height: MAP_SIZE };
  const left = nodes.map((node) => Math.min(node.x - node.r, node.anchor === "end" ? node.labelX - labelWidth(node.label) : node.labelX));
  const right = nodes.map((node) =>
    Math.max(node.x + node.r, node.anchor === "start" ? node.labelX + labelWidth(node.label) : node.labelX),
  );
  const top = nodes.map((node) => node.y - Math.max(node.r, 10));
  const bottom = nodes.map((node) => node.y + Math.max(node.r, 10));
  const x = Math.floor(Math.min(...left) - PAD);
  const y = Math.floor(Math.min(...top) - PAD);
  return { x, y, width: Math.ceil(Math.max(...right) + PAD - x), height: Math.ceil(Math.max(...bottom) + PAD - y) };
}
