// What the members' mirror shows: every figure from getRoundResults (formatted, never recomputed),
// comments only as released, and the anonymity rules of the report: a suppressed round shows
// nothing derived from answers and no comments.

import { releasedComments } from "../comments/service";
import { connectionsModel } from "../connections/map-model";
import { loadMapSource } from "../connections/map-source";
import type { NetworkRow, RoundRow } from "../db/schema";
import { mirrorText } from "../i18n/mirror";
import { messagesFor } from "../i18n/report";
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import { formatterFor } from "../lib/format";
import { actionsSection } from "../reports/sections/actions";
import { describeChange } from "../reports/sections/change";
import { maturitySection } from "../reports/sections/maturity";
import { getRoundResults, type ShownRoundResults } from "../results/labelled-results";

function scoresModel(db: Db, results: ShownRoundResults, lang: Lang, timeZone: string) {
  const m = messagesFor(lang);
  const f = formatterFor(lang, timeZone);
  const released = releasedComments(db, results.round.id).comments;
  // A figure with too few respondents behind it says so, as in the report.
  const scoreOf = (shown: boolean, score: number | null) => (shown ? f.score(score) : m.theme.tooFew);
  return {
    temperature: scoreOf(results.overall.shown, results.overall.score),
    temperatureChange: describeChange(results.overall.change, m, f),
    changeHeading: results.previousRound ? m.change.since(results.previousRound.title) : m.summary.change,
    noPrevious: results.previousRound ? null : m.change.none,
    themes: results.themes.map((t) => ({
      code: t.code,
      title: t.title,
      score: scoreOf(t.shown, t.score),
      change: describeChange(t.change, m, f),
      comments: released.filter((c) => c.theme === t.code).map((c) => c.text),
    })),
    anyComments: released.length > 0,
  };
}

/**
 * The mirror of a published round in `lang`.
 * @example mirrorModel(db, round, network, "nl").scores?.temperature // "62,5"
 */
export function mirrorModel(db: Db, round: RoundRow, network: NetworkRow, lang: Lang) {
  const results = getRoundResults(db, round, network, lang);
  const m = messagesFor(lang);
  const f = formatterFor(lang, network.timeZone);
  const t = mirrorText(lang);
  return {
    lang,
    t,
    labels: m,
    title: `${t.title} · ${results.round.title}`,
    intro: t.intro(results.network.name),
    network: results.network.name,
    round: results.round.title,
    period: t.period(f.date(results.round.openedAt), f.date(results.round.closedAt)),
    n: f.count(results.n),
    responseRate: results.responseRate === null ? null : f.percent(results.responseRate),
    openAccess: results.round.access === "open",
    suppressed: results.suppressed
      ? { notice: m.suppressed(f.count(results.n), f.count(results.minResponses)), hint: m.suppressedHint }
      : null,
    // Comments of a suppressed round are never read, not even counted.
    scores: results.suppressed ? null : scoresModel(db, results, lang, network.timeZone),
    // The report's Maturity grid, the same figures and words; null without the matrix.
    maturity: results.suppressed ? null : maturitySection(results.maturity, results.minResponses, lang, f),
    actions: actionsSection(results.actions, m, f),
    connections: results.suppressed ? null : mirrorConnections(db, round, network, lang),
  };
}

/** The network map for members: as in the report, never how many answered for an organisation. */
function mirrorConnections(db: Db, round: RoundRow, network: NetworkRow, lang: Lang) {
  const source = loadMapSource(db, round);
  if (!source) return null;
  const f = formatterFor(lang, network.timeZone);
  const { frozen, previousTitle, minResponses } = source;
  return connectionsModel(frozen, { lang, f, network: network.name, audience: "mirror", previousTitle, minResponses });
}
