// Where each organisation sits on the map. Worked out once, when the map is frozen at close, and
// kept with it: the layout (ForceAtlas2 and overlap removal) is the map's dearest step, and the
// report, the members' mirror and the map page would otherwise run it on every request.

import { DENSE_MAP_ORGANISATIONS, type LayoutNode, type LayoutTie, layoutMap } from "./map-layout";
import type { NetworkMap } from "./map-metrics";
import type { MapOrganisation } from "./types";

/** One organisation's place and radius in the drawing's units (see MAP_SIZE). */
export type MapPosition = { id: string; x: number; y: number; r: number };

/** The map's organisations as the layout and the drawing take them: name and type from the round, degree from the map. */
export function mapNodes(organisations: MapOrganisation[], map: NetworkMap): LayoutNode[] {
  if (map.suppressed) return [];
  const about = new Map(organisations.map((org) => [org.id, org]));
  return map.organisations.map((org) => ({
    id: org.id,
    name: about.get(org.id)?.name ?? org.id,
    type: about.get(org.id)?.type ?? "other",
    degree: org.degree,
  }));
}

/** The ties the map draws: above DENSE_MAP_ORGANISATIONS organisations, coordinate and integrate only (the matrix has the rest). */
export function drawnTies(nodes: LayoutNode[], ties: LayoutTie[]): LayoutTie[] {
  return nodes.length > DENSE_MAP_ORGANISATIONS ? ties.filter((tie) => tie.level >= 3) : ties;
}

/**
 * The positions to freeze with a map, in name order; none for a suppressed map. The same map
 * always gives the same positions (the layout is deterministic).
 *
 * @example mapPositions(reports.organisations, mapFromReports(reports))[0] // { id, x: 312.4, y: 88, r: 11.3 }
 */
export function mapPositions(organisations: MapOrganisation[], map: NetworkMap): MapPosition[] {
  if (map.suppressed) return [];
  const nodes = mapNodes(organisations, map);
  return layoutMap(nodes, drawnTies(nodes, map.ties)).map(({ id, x, y, r }) => ({ id, x, y, r }));
}
