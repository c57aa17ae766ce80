// The cover: network, round, dates, responses, response rate and confidence.

import type { Messages } from "../../i18n/report";
import type { Formatter } from "../../lib/format";
import type { RoundResults } from "../../results/labelled-results";

export function coverSection(results: RoundResults, instrumentTitle: string, now: Date, m: Messages, f: Formatter) {
  const { round, network } = results;
  const invite = round.access === "invite";
  const confidence = !results.suppressed && results.confidence ? m.confidenceLabel[results.confidence] : null;
  return {
    kicker: m.reportTitle,
    networkName: network.name,
    roundTitle: round.title,
    instrumentTitle,
    facts: [
      { label: m.cover.stage, value: m.stage[network.stage as keyof Messages["stage"]] ?? network.stage },
      { label: m.cover.period, value: `${f.date(round.openedAt)} – ${f.date(round.closedAt)}` },
      { label: m.cover.responses, value: invite ? m.cover.responsesOf(f.count(results.n), f.count(results.invited)) : f.count(results.n) },
      { label: m.cover.openLinks, value: m.cover.openLinksOf(f.count(results.openLinkResponses)) },
      { label: m.cover.responseRate, value: results.responseRate === null ? m.cover.openAccess : f.percent(results.responseRate) },
      ...(confidence ? [{ label: m.cover.confidence, value: confidence }] : []),
      { label: m.cover.generated, value: f.date(now) },
    ],
    confidential: m.confidential,
  };
}

export type CoverSection = ReturnType<typeof coverSection>;
