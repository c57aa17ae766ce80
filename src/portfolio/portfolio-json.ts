// The portfolio as the API gives it: one page of networks by name, each with its latest round's
// figures as shown (1 dp), bands, notable changes and differences, and the portfolio averages.
import { FIGURE_CODES, type FigureCode } from "../db/schema";
import type { Db } from "../lib/db";
import { type ProvidedColumns, providedColumns } from "./columns";
import type { Cell, HeatmapRow } from "./figures";
import type { PortfolioResponse } from "./schemas";
import { pageOf } from "./select";
import type { Portfolio } from "./service";

const figureOf = (cell: Cell) => ({ score: cell.shown, band: cell.band, change: cell.change?.delta ?? null, difference: cell.difference });

type Columns = NonNullable<PortfolioResponse["networks"][number]["latestRound"]>["columns"];

/** A round's added columns: the number and its status, never the words (those are the page's). */
const columnsOf = (extra: ProvidedColumns, roundId: string) =>
  Object.fromEntries(
    extra.map((c) => {
      const cell = c.cells.get(roundId);
      return [c.key, { value: cell?.value ?? null, status: cell?.status ?? "not_asked" }];
    }),
  ) as Columns;

function networkOf(row: HeatmapRow, extra: ProvidedColumns): PortfolioResponse["networks"][number] {
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
          columns: columnsOf(extra, round.roundId),
        }
      : null,
  };
}

/** One page of the portfolio, networks in name order (the order listNetworks gives). */
export function portfolioResponse(
  db: Db,
  portfolio: Portfolio,
  query: { page: number; pageSize: number; stage?: string },
): PortfolioResponse {
  const rows = query.stage ? portfolio.rows.filter((r) => r.network.stage === query.stage) : portfolio.rows;
  const pages = Math.max(1, Math.ceil(rows.length / query.pageSize));
  // Past the last page: an empty page rather than the last one again, so that a client's loop ends.
  const slice = query.page > pages ? [] : pageOf(rows, query.page, query.pageSize).rows;
  // Only this page's rounds: a handful of frozen fields each.
  const extra = providedColumns(
    db,
    slice.flatMap((r) => (r.round ? [r.round.roundId] : [])),
    "en",
  );
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
    networks: slice.map((row) => networkOf(row, extra)),
  };
}
