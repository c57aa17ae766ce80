import Graph from "graphology";
import { connectedComponents } from "graphology-components";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import { roundTo } from "../results/rounding";
import { type MapReports, reportsOfRecords } from "./map-inputs";
import { type NetworkRating, networkRating, publicPart, type Received, receivedRatings } from "./ratings";
import type { ConnectionLevel, ConnectionRecord, MapOrganisation } from "./types";

export type { LevelReport, MapReports, RatingReport } from "./map-inputs";
export type { ConnectionLevel, ConnectionLink, ConnectionRecord, MapOrganisation, PartnerRating } from "./types";

export type MapInput = { organisations: MapOrganisation[]; records: ConnectionRecord[]; minResponses: number };

export type MapTie = { a: string; b: string; level: ConnectionLevel; reports: number; bothSides: boolean };
export type PerceptionGap = { a: string; b: string; aSays: number; bSays: number };
export type Introduction = { a: string; b: string; common: number; via: string[] };

export type OrganisationFigures = {
  id: string;
  respondents: number;
  degree: number;
  degreeCentrality: number;
  betweenness: number;
  trust: Received;
  value: Received;
};

export type NetworkMap =
  | { connectionRecords: number; suppressed: true }
  | {
      connectionRecords: number;
      suppressed: false;
      organisationsInRound: number;
      ties: MapTie[];
      metrics: {
        ties: number;
        density: number;
        centralization: number | null;
        reciprocity: number | null;
        components: number;
        isolates: string[];
        brokers: string[];
        trust: NetworkRating;
        value: NetworkRating;
      };
      organisations: OrganisationFigures[];
      perceptionGaps: PerceptionGap[];
      suggestions: Introduction[];
    };

/** A tie exists from "cooperate" (level 2) up; "aware" alone is not a working relationship. */
const TIE_LEVEL = 2;
/** A side's own view of a pair is shown only from this many respondents of that organisation. */
const GAP_MIN_RESPONDENTS = 3;
const GAP_MIN_DIFFERENCE = 2;
const BROKERS = 3;
const INTRODUCTIONS = 5;
const INTRODUCTION_MIN_SHARED = 2;

/** The lower median: the middle value, or the lower of the two middle values. */
export function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (middle === undefined) throw new RangeError("lowerMedian needs at least one value");
  return middle;
}

/** Key of an ordered pair of organisation ids. */
const directed = (from: string, to: string) => `${from}\u0000${to}`;

/**
 * The network map of one round, from its anonymous connections records: ties, the graph's
 * metrics, brokers and isolates, perception gaps, trust and value received, and introductions to
 * make. Nothing derived is returned when fewer records than `minResponses` name an organisation.
 * Every figure is rounded once, here, half away from zero.
 *
 * @example
 * networkMap({ organisations, records, minResponses: 5 }).suppressed // false from 5 records
 */
export function networkMap(input: MapInput): NetworkMap {
  return mapFromReports(reportsOfRecords(input));
}

/**
 * The same map from what storage keeps: respondents per organisation, level reports and ratings
 * received (which carry no rater). `networkMap` is this over records turned into reports.
 *
 * @example
 * mapFromReports(loadMapReports(db, round)).suppressed
 */
export function mapFromReports(input: MapReports): NetworkMap {
  const connectionRecords = input.respondents.reduce((sum, { n }) => sum + n, 0);
  if (connectionRecords < input.minResponses) return { connectionRecords, suppressed: true };

  const byName = [...input.organisations].sort((x, y) => compareText(x.name, y.name));
  const rank = new Map(byName.map((org, i) => [org.id, i]));
  const known = (id: string) => rank.has(id);
  const inNameOrder = (ids: Iterable<string>) => [...ids].sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0));

  const respondents = new Map(byName.map((org) => [org.id, 0]));
  for (const { org, n } of input.respondents) if (known(org)) respondents.set(org, (respondents.get(org) ?? 0) + n);
  const reportsAbout = new Map<string, number[]>(); // directed (reporter's organisation → partner)
  for (const { from, to, level, n } of input.levels) {
    if (!known(from) || !known(to) || from === to) continue;
    const key = directed(from, to);
    const list = reportsAbout.get(key) ?? [];
    for (let i = 0; i < n; i++) list.push(level);
    reportsAbout.set(key, list);
  }

  const ties = pairTies(byName, reportsAbout);
  const graph = new Graph({ type: "undirected" });
  for (const org of byName) graph.addNode(org.id);
  for (const tie of ties) graph.addEdge(tie.a, tie.b);

  const n = byName.length;
  const betweenness = n > 2 ? betweennessCentrality(graph, { normalized: true }) : {};
  const trust = receivedRatings(byName, input.ratings, "trust", input.minResponses);
  const value = receivedRatings(byName, input.ratings, "value", input.minResponses);
  const organisations = byName.map((org) => ({
    id: org.id,
    respondents: respondents.get(org.id) ?? 0,
    degree: graph.degree(org.id),
    degreeCentrality: n > 1 ? roundTo(graph.degree(org.id) / (n - 1), 3) : 0,
    betweenness: roundTo(betweenness[org.id] ?? 0, 3),
    trust: publicPart(trust.get(org.id)),
    value: publicPart(value.get(org.id)),
  }));

  return {
    connectionRecords,
    suppressed: false,
    organisationsInRound: n,
    ties,
    metrics: {
      ties: ties.length,
      density: n > 1 ? roundTo(ties.length / ((n * (n - 1)) / 2), 3) : 0,
      centralization: centralization(organisations.map((org) => org.degree)),
      reciprocity: reciprocity(ties, respondents, reportsAbout),
      components: connectedComponents(graph).length,
      isolates: organisations.filter((org) => org.degree === 0).map((org) => org.id),
      brokers: brokers(byName, betweenness),
      trust: networkRating(trust.values()),
      value: networkRating(value.values()),
    },
    organisations,
    perceptionGaps: perceptionGaps(byName, respondents, reportsAbout),
    suggestions: introductions(graph, byName, inNameOrder),
  };
}

/** Every pair with a tie, `a` before `b` by name, in name order: the lower median of all its reports ≥ 2. */
function pairTies(byName: MapOrganisation[], reportsAbout: Map<string, number[]>): MapTie[] {
  const ties: MapTie[] = [];
  byName.forEach((first, i) => {
    for (const second of byName.slice(i + 1)) {
      const aSays = reportsAbout.get(directed(first.id, second.id)) ?? [];
      const bSays = reportsAbout.get(directed(second.id, first.id)) ?? [];
      if (aSays.length + bSays.length === 0) continue;
      const level = lowerMedian([...aSays, ...bSays]);
      if (level < TIE_LEVEL) continue;
      const bothSides = aSays.length > 0 && bSays.length > 0;
      ties.push({ a: first.id, b: second.id, level: level as ConnectionLevel, reports: aSays.length + bSays.length, bothSides });
    }
  });
  return ties;
}

/** Freeman's degree centralization; null below 3 organisations, where it is undefined. */
function centralization(degrees: number[]): number | null {
  const n = degrees.length;
  if (n < 3) return null;
  const most = Math.max(...degrees);
  const spread = degrees.reduce((sum, degree) => sum + (most - degree), 0);
  return roundTo(spread / ((n - 1) * (n - 2)), 3);
}

/**
 * Of the ties joining two organisations that both have respondents, the share that each side sees
 * as at least cooperation; null when no tie joins two such organisations.
 */
function reciprocity(ties: MapTie[], respondents: Map<string, number>, reportsAbout: Map<string, number[]>): number | null {
  const answered = ties.filter((tie) => (respondents.get(tie.a) ?? 0) > 0 && (respondents.get(tie.b) ?? 0) > 0);
  if (answered.length === 0) return null;
  const sideSees = (from: string, to: string) => {
    const reports = reportsAbout.get(directed(from, to)) ?? [];
    return reports.length > 0 && lowerMedian(reports) >= TIE_LEVEL;
  };
  const mutual = answered.filter((tie) => sideSees(tie.a, tie.b) && sideSees(tie.b, tie.a));
  return roundTo(mutual.length / answered.length, 3);
}

/** The top organisations by betweenness above 0; equal betweenness goes by name. */
function brokers(byName: MapOrganisation[], betweenness: Record<string, number>): string[] {
  return byName
    .map((org, order) => ({ id: org.id, order, betweenness: Number((betweenness[org.id] ?? 0).toPrecision(12)) }))
    .filter((org) => org.betweenness > 0)
    .sort((x, y) => y.betweenness - x.betweenness || x.order - y.order)
    .slice(0, BROKERS)
    .map((org) => org.id);
}

/**
 * Pairs where both sides reported (tied or not) and each side has enough respondents for its own
 * view to be shown, whose views differ by at least two levels: a prompt for the meeting, not a verdict.
 */
function perceptionGaps(byName: MapOrganisation[], respondents: Map<string, number>, reportsAbout: Map<string, number[]>): PerceptionGap[] {
  const enough = (id: string) => (respondents.get(id) ?? 0) >= GAP_MIN_RESPONDENTS;
  const gaps: PerceptionGap[] = [];
  byName.forEach((first, i) => {
    for (const second of byName.slice(i + 1)) {
      const aReports = reportsAbout.get(directed(first.id, second.id)) ?? [];
      const bReports = reportsAbout.get(directed(second.id, first.id)) ?? [];
      if (aReports.length === 0 || bReports.length === 0 || !enough(first.id) || !enough(second.id)) continue;
      const aSays = lowerMedian(aReports);
      const bSays = lowerMedian(bReports);
      if (Math.abs(aSays - bSays) >= GAP_MIN_DIFFERENCE) gaps.push({ a: first.id, b: second.id, aSays, bSays });
    }
  });
  return gaps;
}

/**
 * Untied pairs that share at least two tie-partners: the introductions most likely to work, most
 * shared partners first, then by name.
 */
function introductions(graph: Graph, byName: MapOrganisation[], inNameOrder: (ids: Iterable<string>) => string[]): Introduction[] {
  const found: Array<Introduction & { order: [number, number] }> = [];
  byName.forEach((first, i) => {
    const firstPartners = new Set(graph.neighbors(first.id));
    byName.slice(i + 1).forEach((second, j) => {
      if (graph.hasEdge(first.id, second.id)) return;
      const shared = graph.neighbors(second.id).filter((id) => firstPartners.has(id));
      if (shared.length < INTRODUCTION_MIN_SHARED) return;
      found.push({ a: first.id, b: second.id, common: shared.length, via: inNameOrder(shared), order: [i, i + 1 + j] });
    });
  });
  return found
    .sort((x, y) => y.common - x.common || x.order[0] - y.order[0] || x.order[1] - y.order[1])
    .slice(0, INTRODUCTIONS)
    .map(({ a, b, common, via }) => ({ a, b, common, via }));
}

/** Names in a stable, locale-independent order. */
function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
