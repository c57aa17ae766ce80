import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { DENSE_MAP_ORGANISATIONS, mapDrawing } from "../../src/connections/map-drawing";
import { type LayoutNode, type LayoutTie, layoutMap, MAP_SIZE } from "../../src/connections/map-layout";
import { drawnTies } from "../../src/connections/map-positions";

const partial = Handlebars.compile(readFileSync(new URL("../../templates/partials/connections/map.hbs", import.meta.url), "utf8"));
const TYPES = ["hospital", "primary_care", "community", "care_home"];

/** The drawing with positions laid out as freezing the map lays them out. */
const draw = (nodes: LayoutNode[], ties: LayoutTie[], typeLabel: (type: string) => string) =>
  mapDrawing(nodes, layoutMap(nodes, drawnTies(nodes, ties)), ties, typeLabel);

/** A network of `n` organisations with ties drawn from a seeded generator, degrees filled in. */
function network(n: number, chance: number, seed = 11): { nodes: LayoutNode[]; ties: LayoutTie[] } {
  let state = seed;
  const next = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `o${i}`,
    name: `Organisation ${String(i).padStart(2, "0")}`,
    type: TYPES[i % TYPES.length] ?? "other",
    degree: 0,
  }));
  const ties: LayoutTie[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (next() < chance) ties.push({ a: `o${i}`, b: `o${j}`, level: (2 + Math.floor(next() * 3)) as 2 | 3 | 4 });
  for (const tie of ties) {
    for (const id of [tie.a, tie.b]) {
      const node = nodes.find((candidate) => candidate.id === id);
      if (node) node.degree += 1;
    }
  }
  return { nodes, ties };
}

describe("the network map's layout", () => {
  it("draws the same picture for the same network, whatever order the organisations come in", () => {
    const { nodes, ties } = network(20, 0.2);
    const first = layoutMap(nodes, ties);
    const again = layoutMap([...nodes].reverse(), [...ties].reverse());
    expect(again).toEqual(first);
  });

  it("keeps every node inside the drawing and apart from every other node", () => {
    const { nodes, ties } = network(60, 0.08);
    const placed = layoutMap(nodes, ties);
    for (const node of placed) {
      expect(node.x - node.r).toBeGreaterThanOrEqual(0);
      expect(node.x + node.r).toBeLessThanOrEqual(MAP_SIZE);
      expect(node.y - node.r).toBeGreaterThanOrEqual(0);
      expect(node.y + node.r).toBeLessThanOrEqual(MAP_SIZE);
    }
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) {
        const [a, b] = [placed[i], placed[j]];
        if (!a || !b) throw new Error("missing node");
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} overlaps ${b.id}`).toBeGreaterThan(a.r + b.r);
      }
  });

  it("makes better-connected organisations bigger", () => {
    const { nodes, ties } = network(12, 0.3);
    const placed = layoutMap(nodes, ties);
    const byDegree = [...placed].sort((a, b) => a.degree - b.degree);
    expect(byDegree.at(0)?.r).toBeLessThan(byDegree.at(-1)?.r ?? 0);
  });
});

describe("the network map as SVG", () => {
  it("escapes organisation names and draws a line per tie with its level's width", () => {
    const nodes: LayoutNode[] = [
      { id: "a", name: '<script>alert("x")</script>', type: "hospital", degree: 1 },
      { id: "b", name: "Birch & Co", type: "community", degree: 2 },
      { id: "c", name: "Cedar", type: "hospital", degree: 1 },
    ];
    const ties: LayoutTie[] = [
      { a: "a", b: "b", level: 2 },
      { a: "b", b: "c", level: 4 },
    ];
    const svg = partial({ map: draw(nodes, ties, (type) => `type ${type}`) });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("Birch &amp; Co");
    // One path per level, a move and a line per tie, thinnest first.
    expect(
      svg.match(/<path stroke-width="1" d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+"\/><path stroke-width="4.5" d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+"\/>/),
    ).not.toBeNull();
    expect(
      svg
        .match(/ d="[^"]*"/g)
        ?.join("")
        .match(/M/g),
    ).toHaveLength(2);
    expect(svg.match(/<li>/g)).toHaveLength(2);
    // A white box under each label, on the label's side of its node (lines crossing it cannot hide the text).
    expect(svg.match(/<rect /g)).toHaveLength(3);
    for (const node of draw(nodes, ties, String).nodes) {
      if (node.anchor === "start") expect(node.box.x).toBeGreaterThanOrEqual(node.x + node.r);
      else expect(node.box.x + node.box.width).toBeLessThanOrEqual(node.x - node.r);
      expect(node.box.y).toBeLessThan(node.labelY - 7);
      expect(node.box.y + node.box.height).toBeGreaterThan(node.labelY);
    }
  });

  it(`draws only coordinate and integrate ties above ${DENSE_MAP_ORGANISATIONS} organisations`, () => {
    const small = network(DENSE_MAP_ORGANISATIONS, 0.1);
    const large = network(DENSE_MAP_ORGANISATIONS + 1, 0.1);
    const strong = (ties: LayoutTie[]) => ties.filter((tie) => tie.level >= 3).length;
    expect(draw(small.nodes, small.ties, String)).toMatchObject({ strongTiesOnly: false });
    const drawnTies = (paths: Array<{ ties: number; d: string }>) => paths.reduce((n, path) => n + path.ties, 0);
    expect(drawnTies(draw(small.nodes, small.ties, String).paths)).toBe(small.ties.length);
    const drawn = draw(large.nodes, large.ties, String);
    expect(drawn.strongTiesOnly).toBe(true);
    expect(drawnTies(drawn.paths)).toBe(strong(large.ties));
    expect(drawn.paths.map((path) => path.d.match(/M/g)?.length)).toEqual(drawn.paths.map((path) => path.ties));
    expect(strong(large.ties)).toBeLessThan(large.ties.length);
  });
});
