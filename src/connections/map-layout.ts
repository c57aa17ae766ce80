import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import type { ConnectionLevel } from "./types";

export type LayoutNode = { id: string; name: string; type: string; degree: number };
export type LayoutTie = { a: string; b: string; level: ConnectionLevel };

/** A node placed in the drawing's own units (0…`size` on both axes), with its radius. */
export type PlacedNode = LayoutNode & { x: number; y: number; r: number };

/** Above this many organisations only coordinate-and-integrate ties are drawn; the matrix shows the rest. */
export const DENSE_MAP_ORGANISATIONS = 40;
/** Drawing box, in SVG user units; the map is square. */
export const MAP_SIZE = 640;
/** Room kept at each edge for the outermost nodes' labels. */
const MARGIN = 70;
const MIN_RADIUS = 6;
const MAX_RADIUS = 18;
/** Enough for ForceAtlas2 to settle a network of a few dozen organisations. */
const ITERATIONS = 300;

/**
 * Places organisations for the network map. Deterministic: the same organisations and ties always
 * give the same picture, because every node starts at a fixed place on a circle (in name order)
 * and neither ForceAtlas2 nor the overlap removal draws random numbers. Isolates drift to the edge,
 * tightly tied groups pull together; a node's radius grows with its degree.
 *
 * @example
 * layoutMap(organisations, ties).map(({ id, x, y }) => `${id} at ${x},${y}`)
 */
export function layoutMap(nodes: LayoutNode[], ties: LayoutTie[]): PlacedNode[] {
  if (nodes.length === 0) return [];
  const sorted = [...nodes].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const maxDegree = Math.max(1, ...sorted.map((node) => node.degree));
  const radius = (degree: number) => MIN_RADIUS + ((MAX_RADIUS - MIN_RADIUS) * degree) / maxDegree;

  const graph = new Graph({ type: "undirected" });
  sorted.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / sorted.length;
    graph.addNode(node.id, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle), size: radius(node.degree) });
  });
  // Edges in a fixed order too: ForceAtlas2 sums forces edge by edge, and float sums depend on order.
  const order = new Map(sorted.map((node, i) => [node.id, i]));
  const position = (id: string) => order.get(id) ?? 0;
  const edges = ties
    .map((tie) => (position(tie.a) <= position(tie.b) ? tie : { ...tie, a: tie.b, b: tie.a }))
    .sort((x, y) => position(x.a) - position(y.a) || position(x.b) - position(y.b));
  for (const tie of edges) graph.addEdge(tie.a, tie.b, { weight: tie.level });

  if (ties.length > 0) {
    const settings = { ...forceAtlas2.inferSettings(graph), gravity: 1, adjustSizes: false, barnesHutOptimize: false };
    forceAtlas2.assign(graph, { iterations: ITERATIONS, settings, getEdgeWeight: "weight" });
  }
  fitInto(graph, MAP_SIZE - 2 * MARGIN, MARGIN);
  // Labels sit beside their nodes: keep nodes at least a label's height plus both radii apart.
  noverlap.assign(graph, { maxIterations: 200, settings: { margin: 14, ratio: 1, speed: 3 } });
  fitInto(graph, MAP_SIZE - 2 * MARGIN, MARGIN);

  return sorted.map((node) => {
    const { x, y } = graph.getNodeAttributes(node.id) as { x: number; y: number };
    return { ...node, x: round(x), y: round(y), r: round(radius(node.degree)) };
  });
}

/** Scales and moves every node so the layout fills a square of `span` starting at `offset`. */
function fitInto(graph: Graph, span: number, offset: number): void {
  const xs = graph.mapNodes((_, attrs) => attrs.x as number);
  const ys = graph.mapNodes((_, attrs) => attrs.y as number);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const extent = Math.max(maxX - minX, maxY - minY);
  const scale = extent > 0 ? span / extent : 0;
  // Centre the shorter side so a wide network is not stuck to the top edge.
  const padX = (span - (maxX - minX) * scale) / 2;
  const padY = (span - (maxY - minY) * scale) / 2;
  graph.updateEachNodeAttributes((_, attrs) => ({
    ...attrs,
    x: extent > 0 ? offset + padX + ((attrs.x as number) - minX) * scale : offset + span / 2,
    y: extent > 0 ? offset + padY + ((attrs.y as number) - minY) * scale : offset + span / 2,
  }));
}

/** Two decimals are plenty for SVG and keep the markup small and stable. */
const round = (x: number) => Math.round(x * 100) / 100;
