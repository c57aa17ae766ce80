// The mirror report model: everything the templates show, every figure taken from the round's
// results (getRoundResults) and formatted for the language. Nothing here recomputes a number.

import { type CommentView, releasedComments } from "../comments/service";
import { loadMapSource, type MapSource } from "../connections/map-source";
import type { NetworkRow, RoundRow, Stage } from "../db/schema";
import { messagesFor } from "../i18n/report";
import { getInstrument, type Lang, type LocalizedInstrument, localize } from "../instrument";
import type { ChartViews } from "../lib/charts";
import type { Db } from "../lib/db";
import { formatterFor } from "../lib/format";
import { benchmarkView, type RoundBenchmark, roundBenchmark } from "../portfolio/benchmark";
import { getRoundResults, type RoundResults } from "../results/labelled-results";
import { type HistoryEntry, loadHistory } from "./history";
import { actionsSection } from "./sections/actions";
import { atAGlanceSection } from "./sections/at-a-glance";
import { connectionsSection, withConnectionPrompts } from "./sections/connections";
import { coverSection } from "./sections/cover";
import { guideSection } from "./sections/guide";
import { maturityGuide } from "./sections/guide-maturity";
import { heatmapSection } from "./sections/heatmap";
import { howToReadSection } from "./sections/how-to-read";
import { maturitySection } from "./sections/maturity";
import { summarySection } from "./sections/summary";
import { themeSections } from "./sections/themes";
import { trendSection } from "./sections/trend";

/** What a report is made from. A suppressed round has no comments and no history in it. */
export interface ReportSources {
  lang: Lang;
  /** The network's time zone: every date of the report is a day there. */
  timeZone: string;
  now: Date;
  results: RoundResults;
  instrument: LocalizedInstrument;
  released: { comments: CommentView[]; withheld: number } | null;
  history: HistoryEntry[];
  /** The frozen network map of a round with the connections module; null otherwise. */
  networkMap?: MapSource | null;
  /** The portfolio average frozen when the round closed, when its commissioner opted in. */
  benchmark?: RoundBenchmark;
}

/** Reads everything a closed round's report needs (409 from getRoundResults while it is open). */
export function loadReportSources(db: Db, round: RoundRow, network: NetworkRow, lang: Lang, now: Date): ReportSources {
  const results = getRoundResults(db, round, network, lang);
  const instrument = getInstrument(round.instrumentId, round.instrumentVersion);
  if (!instrument) throw new Error(`Round ${round.id} uses an unknown instrument`);
  const suppressed = results.suppressed;
  return {
    lang,
    timeZone: network.timeZone,
    now,
    results,
    instrument: localize(instrument, lang),
    // Comments of a suppressed round are never read, not even counted.
    released: suppressed ? null : releasedComments(db, round.id),
    history: suppressed ? [] : loadHistory(db, round, network, lang, results),
    networkMap: suppressed ? null : loadMapSource(db, round),
    benchmark: suppressed ? undefined : roundBenchmark(db, round.id),
  };
}

/**
 * Builds the report model. A suppressed round gets only the cover, the "not enough responses"
 * notice, the actions and how to read: nothing derived from answers, no comments.
 * @example const model = await buildReportModel(loadReportSources(db, round, network, "nl", new Date()))
 */
export async function buildReportModel(src: ReportSources, charts: ChartViews) {
  const m = messagesFor(src.lang);
  const f = formatterFor(src.lang, src.timeZone);
  const { results } = src;
  const base = {
    lang: src.lang,
    labels: m,
    documentTitle: `${m.reportTitle} · ${results.network.name} · ${results.round.title}`,
    footer: `${results.network.name} · ${results.round.title}`,
    cover: coverSection(results, src.instrument.title, src.now, m, f),
  };
  if (results.suppressed) {
    return {
      ...base,
      suppressed: { notice: m.suppressed(f.count(results.n), f.count(results.minResponses)), hint: m.suppressedHint },
      // Actions are not derived from answers: the meeting still follows them up.
      actions: actionsSection(results.actions, m, f),
      howToRead: howToReadSection(results.minResponses, null, m, f),
    };
  }
  const released = src.released ?? { comments: [], withheld: 0 };
  const stage = results.network.stage as Stage;
  const [summary, themes, trend] = await Promise.all([
    summarySection(charts, results, m, f),
    themeSections(charts, results, src.instrument, released.comments, m, f),
    trendSection(charts, src.history, results.themes, m, f),
  ]);
  const connections = connectionsSection(src.networkMap ?? null, results.network.name, f);
  return {
    ...base,
    suppressed: null,
    glance: atAGlanceSection(results, released.comments, m, f),
    benchmark: src.benchmark ? benchmarkView(src.benchmark, src.lang) : null,
    summary,
    themes,
    trend,
    heatmap: heatmapSection(results, m, f),
    connections,
    // Null for a round without the maturity matrix: the report then has no Maturity section.
    maturity: maturitySection(results.maturity, results.minResponses, src.lang, f),
    guide: {
      ...withConnectionPrompts(guideSection(results, src.instrument, stage, m, f), connections),
      maturity: maturityGuide(results.maturity, stage, src.lang, f),
    },
    actions: actionsSection(results.actions, m, f),
    howToRead: howToReadSection(results.minResponses, released.withheld, m, f),
  };
}

export type ReportModel = Awaited<ReturnType<typeof buildReportModel>>;

/** Loads and builds the model of a closed round's report. */
export function reportModel(
  deps: { db: Db; charts: ChartViews },
  round: RoundRow,
  network: NetworkRow,
  lang: Lang,
  now: Date,
): Promise<ReportModel> {
  return buildReportModel(loadReportSources(deps.db, round, network, lang, now), deps.charts);
}
