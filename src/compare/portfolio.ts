import { z } from "zod";
import type { Actor } from "../auth/actor";
import { STAGES } from "../db/schema";
import { THEME_CODES } from "../instrument";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import { STAGE_LABELS } from "../networks/labels";
import { listNetworks } from "../networks/service";
import { formatterFor, MISSING } from "../reports/format";
import type { SummarisedRound } from "./round-summaries";
import { comparedInstrument, type NetworkHistory, networkHistories } from "./service";
import { sparkline } from "./sparkline";
import { figureTitles, TOO_FEW } from "./view";

export const SORTS = { name: "Name", temperature: "Temperature", responseRate: "Response rate", date: "Latest round" } as const;

/** The portfolio's sort and filter; a page should not fail on a stale link, so unknown values fall back. */
export const PortfolioQuery = z.object({
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]]).catch("name"),
  stage: z.enum(["all", ...STAGES]).catch("all"),
});
export type PortfolioOptions = z.infer<typeof PortfolioQuery>;

const fmt = formatterFor("en");
/** Beyond this many networks a side-by-side chart is unreadable, so the page offers no one-click link. */
const COMPARE_LINK_MAX = 20;

/** The temperature's change since the round before: the figure, and words a board paper can quote. */
export function changeText(latest: SummarisedRound | undefined): { figure: string; words: string } {
  const none = { figure: MISSING, words: "" };
  if (!latest || latest.suppressed) return none;
  const change = latest.overallChange;
  if (!change) return { figure: MISSING, words: "no earlier round" };
  if (change.delta === null) return none;
  return { figure: fmt.delta(change.delta), words: change.notable ? "a clear change" : "not clearly beyond chance" };
}

function row({ network, rounds }: NetworkHistory) {
  const latest = rounds.at(-1);
  const shown = latest && !latest.suppressed ? latest : undefined;
  return {
    id: network.id,
    name: network.name,
    stage: STAGE_LABELS[network.stage],
    hasRound: Boolean(latest),
    suppressed: latest?.suppressed ?? false,
    date: latest ? formatterFor("en", network.timeZone).date(latest.closedAt) : MISSING,
    respondents: fmt.count(latest?.n),
    responseRate: fmt.percent(latest?.responseRate),
    temperature: fmt.score(shown?.overall),
    themes: THEME_CODES.map((code) => fmt.score(shown?.themes?.[code])),
    change: changeText(latest),
    sparkline: rounds.length > 0 ? sparkline(rounds.map((r) => r.overall)) : null,
    // Sort keys: the unformatted figures; null sorts last whichever way.
    keys: {
      name: network.name,
      temperature: shown?.overall ?? null,
      responseRate: latest?.responseRate ?? null,
      date: latest?.closedAt ?? null,
    },
  };
}
type Row = ReturnType<typeof row>;

function compareRows(sort: PortfolioOptions["sort"]) {
  return (a: Row, b: Row): number => {
    if (sort === "name") return a.keys.name.localeCompare(b.keys.name, "en");
    const x = a.keys[sort];
    const y = b.keys[sort];
    if (x === null || y === null) return x === y ? a.keys.name.localeCompare(b.keys.name, "en") : x === null ? 1 : -1;
    // Highest temperature and rate, most recent date first.
    return x < y ? 1 : x > y ? -1 : a.keys.name.localeCompare(b.keys.name, "en");
  };
}

/**
 * The networks the actor may see (for a commissioner, those granted), each with its latest closed
 * round on the core instrument and the temperature over time; filtered by stage and sorted.
 */
export function portfolio(deps: { db: Db; clock: Clock }, actor: Actor, options: PortfolioOptions) {
  const visible = listNetworks(deps.db, actor).filter((n) => options.stage === "all" || n.stage === options.stage);
  const instrument = comparedInstrument("core");
  const rows = networkHistories(deps, visible, instrument).map(row).sort(compareRows(options.sort));
  return {
    rows,
    themes: figureTitles(instrument)
      .slice(1)
      .map((f) => f.title),
    tooFew: TOO_FEW,
    compareIds: rows.length > 0 && rows.length <= COMPARE_LINK_MAX ? rows.map((r) => r.id).join(",") : null,
  };
}
