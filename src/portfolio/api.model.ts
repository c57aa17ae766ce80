// The portfolio as the API gives it: one page of networks by name, each with its latest round's
// figures as shown (1 dp), bands, notable changes and differences, and the portfolio averages.
import { FIGURE_CODES, type FigureCode } from "../db/schema";
import type { Cell, HeatmapRow } from "./figures";
import type { PortfolioResponse } from "./schemas";
import { pageOf } from "./select";
import type { Portfolio } from "./service";

const figureOf = (cell: Cell) => ({ score: cell.shown, band: cell.band, change: cell.change?.delta ?? null, difference: cell.difference });

function networkOf(row: HeatmapRow): PortfolioResponse["networks"][number] {
  const round = row.round;
  return {
    id: row.network.id,
    name: row.network.name,
    stage: row.network.stage,
    latestRound: round
      ? {
          id: round.roundId,
          title: round.title,
          closedAt: round.closedAt.toISOString(),
          n: round.n,
          responseRate: round.responseRate,
          confidence: round.confidence,
          suppressed: round.suppressed,
          figures: Object.fromEntries(FIGURE_CODES.map((code) => [code, figureOf(row.cells[code])])) as Record<
            FigureCode,
            ReturnType<typeof figureOf>
          >,
        }
      : null,
  };
}

/** One page of the portfolio, networks in name order (the order listNetworks gives). */
export function portfolioResponse(portfolio: Portfolio, query: { page: number; pageSize: number; stage?: string }): PortfolioResponse {
  const rows = query.stage ? portfolio.rows.filter((r) => r.network.stage === query.stage) : portfolio.rows;
  const pages = Math.max(1, Math.ceil(rows.length / query.pageSize));
  // Past the last page: an empty page rather than the last one again, so that a client's loop ends.
  const slice = query.page > pages ? [] : pageOf(rows, query.page, query.pageSize).rows;
  return {
    name: portfolio.settings.name,
    benchmark: portfolio.settings.benchmark,
    instrument: portfolio.instrument,
    totalNetworks: rows.length,
    averages: Object.fromEntries(
      FIGURE_CODES.map((code) => {
        const a = portfolio.averages[code];
        return [code, { score: a.shown, band: a.band, networks: a.networks }];
      }),
    ) as PortfolioResponse["averages"],
    page: query.page,
    pageSize: query.pageSize,
    nextPage: query.page < pages ? query.page + 1 : null,
    networks: slice.map(networkOf),
  };
}
