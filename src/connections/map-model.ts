// The network map as the report, the members' mirror and the facilitator's page show it: the
// drawing, the metrics in plain words, brokers, isolates, perception gaps, introductions to make
// and change since last time. Every figure comes from the frozen map; nothing is recomputed.

import { type MapMessages, mapMessages } from "../i18n/connections";
import { getInstrument, type Lang, pickText } from "../instrument";
import type { Formatter } from "../lib/format";
import { roundTo } from "../results/rounding";
import type { FrozenNetworkMap } from "./frozen-map";
import { DENSE_MAP_ORGANISATIONS, mapDrawing } from "./map-drawing";
import { adjacencyMatrix } from "./map-matrix";
import type { PerceptionGap } from "./map-metrics";
import { mapNodes } from "./map-positions";

/** The report and the mirror list this many perception gaps, largest differences first; the facilitator's page lists all. */
export const GAPS_SHOWN = 10;

/** Who reads: only the facilitator's own page shows how many members named each organisation. */
export type MapAudience = "facilitator" | "report" | "mirror";

/** The instrument's words for organisation types, in `lang`. */
function typeLabels(lang: Lang): (type: string) => string {
  const question = getInstrument("core")?.questions.find((q) => q.code === "organisationType");
  const options = question?.kind === "choice" ? question.options : [];
  return (type) => {
    const option = options.find((o) => o.code === type);
    return option ? pickText(option.label, lang) : type;
  };
}

/** "A, B and C" in the language. */
const listOf = (names: string[], m: MapMessages) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${m.and} ${names.at(-1)}`;

/**
 * The connections section's model, or a one-line notice when the map is suppressed.
 *
 * @example connectionsModel(frozenNetworkMap(db, round.id), { lang: "nl", f, network: "Zorgnetwerk", audience: "mirror", previousTitle })
 */
export function connectionsModel(
  frozen: FrozenNetworkMap,
  opts: { lang: Lang; f: Formatter; network: string; audience: MapAudience; previousTitle: string | null; minResponses: number },
) {
  const { f } = opts;
  const m = mapMessages(opts.lang);
  const head = { title: m.title, intro: m.intro, labels: m.table, pageMap: m.pageMap, promptsTitle: m.promptsTitle };
  const { map } = frozen;
  if (map.suppressed) return { ...head, suppressed: m.suppressed(f.count(map.connectionRecords), f.count(opts.minResponses)) };

  const about = new Map(frozen.organisations.map((org) => [org.id, org]));
  const name = (id: string) => about.get(id)?.name ?? id;
  const typeLabel = typeLabels(opts.lang);
  const byId = new Map(map.organisations.map((org) => [org.id, org]));
  const nodes = mapNodes(frozen.organisations, map);
  const possible = (map.organisationsInRound * (map.organisationsInRound - 1)) / 2;
  const inTen = roundTo(map.metrics.density * 10, 0);
  const orgs = (n: number) => m.organisations(n, f.count(n));
  const rating = (kind: "trust" | "value") => {
    const figure = map.metrics[kind];
    return figure.shown
      ? m[kind](f.twoDecimals(figure.mean), orgs(figure.organisations))
      : m[kind === "trust" ? "trustHidden" : "valueHidden"];
  };
  const brokers = map.metrics.brokers.map(name);
  const isolates = map.metrics.isolates.map(name);

  return {
    ...head,
    suppressed: null,
    mapTitle: m.mapTitle(opts.network),
    drawing: mapDrawing(nodes, frozen.positions, map.ties, typeLabel),
    lineKey: m.lineKey,
    strongOnly: map.organisationsInRound > DENSE_MAP_ORGANISATIONS ? m.strongOnly(f.count(DENSE_MAP_ORGANISATIONS)) : null,
    matrix: map.organisationsInRound > DENSE_MAP_ORGANISATIONS ? { ...m.matrix, ...adjacencyMatrix(nodes, map.ties) } : null,
    factsTitle: m.facts,
    facts: [
      inTen >= 1
        ? m.density(f.count(inTen), f.count(map.metrics.ties), f.count(possible))
        : m.densityFew(f.count(map.metrics.ties), f.count(possible)),
      ...(map.metrics.centralization === null ? [] : [m.centralization(f.twoDecimals(map.metrics.centralization))]),
      map.metrics.reciprocity === null ? m.reciprocityNone : m.reciprocity(f.wholePercent(roundTo(map.metrics.reciprocity * 100, 0))),
      m.components(map.metrics.components, f.count(map.metrics.components)),
      rating("trust"),
      rating("value"),
    ],
    brokers: { title: m.brokers, intro: m.brokersIntro, names: brokers, none: m.brokersNone },
    isolates: { title: m.isolates, intro: m.isolatesIntro, names: isolates, none: m.isolatesNone },
    gaps: gapsModel(map.perceptionGaps, opts.audience === "facilitator" ? Number.POSITIVE_INFINITY : GAPS_SHOWN, m, f, name),
    introductions: {
      title: m.introductions,
      intro: m.introductionsIntro,
      none: m.introductionsNone,
      items: map.suggestions.map((s) => m.introduction(name(s.a), name(s.b), listOf(s.via.map(name), m))),
    },
    change: changeModel(frozen, m, f, name, opts.previousTitle),
    showRespondents: opts.audience === "facilitator",
    organisations: map.organisations.map((org) => ({
      name: name(org.id),
      type: typeLabel(about.get(org.id)?.type ?? "other"),
      partnerships: f.count(org.degree),
      respondents: opts.audience === "facilitator" ? f.count(byId.get(org.id)?.respondents ?? 0) : null,
      trust: org.trust.shown ? f.twoDecimals(org.trust.mean) : m.table.tooFew,
      value: org.value.shown ? f.twoDecimals(org.value.mean) : m.table.tooFew,
    })),
    prompts: conversationPrompts(m, brokers, isolates, map.perceptionGaps.length > 0, map.suggestions.length > 0, (names) =>
      listOf(names, m),
    ),
    guideTitle: m.guideTitle,
    guideReasons: m.guideReasons,
  };
}

/** Perception gaps as sentences, largest differences first (then in the map's name order), at most `limit`. */
function gapsModel(gaps: PerceptionGap[], limit: number, m: MapMessages, f: Formatter, name: (id: string) => string) {
  const size = (gap: PerceptionGap) => Math.abs(gap.aSays - gap.bSays);
  // Array sort is stable: equal differences keep the map's name order.
  const shown = [...gaps].sort((x, y) => size(y) - size(x)).slice(0, limit);
  return {
    title: m.gaps,
    intro: m.gapsIntro,
    none: m.gapsNone,
    items: shown.map((gap) => m.gap(name(gap.a), m.levels[gap.aSays as 1], name(gap.b), m.levels[gap.bSays as 1])),
    more: gaps.length > shown.length ? m.gapsMore(f.count(gaps.length - shown.length)) : null,
  };
}

function changeModel(frozen: FrozenNetworkMap, m: MapMessages, f: Formatter, name: (id: string) => string, previousTitle: string | null) {
  const { change } = frozen;
  if (!change || frozen.map.suppressed) return { title: m.change, none: m.changeNone, since: null };
  const pair = (p: { a: string; b: string }) => `${name(p.a)} – ${name(p.b)}`;
  const now = frozen.map.metrics;
  const ratingLine = (kind: "trust" | "value") => {
    const before = change[kind].previous;
    return before === null || now[kind].mean === null ? [] : [m.ratingChange(kind, f.twoDecimals(before), f.twoDecimals(now[kind].mean))];
  };
  const share = (density: number) => f.wholePercent(roundTo(density * 100, 0));
  return {
    title: m.change,
    none: null,
    since: m.changeSince(previousTitle ?? ""),
    gained: { title: m.gained(f.count(change.tiesGained.length)), items: change.tiesGained.map(pair) },
    lost: { title: m.lost(f.count(change.tiesLost.length)), items: change.tiesLost.map(pair) },
    lines: [
      ...(change.density.previous === null ? [] : [m.densityChange(share(change.density.previous), share(now.density))]),
      ...ratingLine("trust"),
      ...ratingLine("value"),
    ],
  };
}

/** Questions for the meeting, from what the map shows. */
function conversationPrompts(
  m: MapMessages,
  brokers: string[],
  isolates: string[],
  gaps: boolean,
  introductions: boolean,
  list: (names: string[]) => string,
) {
  return [
    ...(isolates.length > 0 ? [m.prompts.isolates(list(isolates))] : []),
    ...(brokers.length > 0 ? [m.prompts.brokers(list(brokers))] : []),
    ...(gaps ? [m.prompts.gaps] : []),
    ...(introductions ? [m.prompts.introductions] : []),
    m.prompts.always,
  ];
}

export type ConnectionsModel = ReturnType<typeof connectionsModel>;
