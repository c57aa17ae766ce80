// The portfolio page: the heatmap (filtered, sorted, one page of rows), the averages, the counts
// per band, movers and the over-time charts, formatted for the language. Computes nothing new.
import { STAGES } from "../db/schema";
import { portfolioMessages } from "../i18n/portfolio";
import type { Lang } from "../instrument";
import type { Db } from "../lib/db";
import { formatterFor } from "../lib/format";
import { averagesView, cellView, figureColumns, rowView } from "./cells-model";
import { askedColumns } from "./columns";
import { bandCounts, movers } from "./figures";
import type { Quarter } from "./over-time";
import { overTimeCharts } from "./over-time-model";
import type { HeatmapOptions, SortKey } from "./schemas";
import { defaultDirection, pageOf, selectRowsIn } from "./select";
import type { Portfolio } from "./service";

/** The page's address with these options (defaults left out), for sort links, the pager and downloads. */
export function portfolioHref(path: string, options: HeatmapOptions, change: Partial<HeatmapOptions> = {}): string {
  const next = { ...options, ...change };
  const params = new URLSearchParams();
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir && next.dir !== defaultDirection(next.sort)) params.set("dir", next.dir);
  if (next.stage !== "all") params.set("stage", next.stage);
  if (next.from) params.set("from", next.from);
  if (next.to) params.set("to", next.to);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.lang !== "en") params.set("lang", next.lang);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Movers as lines: network, the change and the temperature now. */
export function moversView(portfolio: Portfolio, lang: Lang) {
  const f = formatterFor(lang);
  const m = portfolioMessages(lang);
  const line = (row: Portfolio["rows"][number]) => ({
    id: row.network.id,
    name: row.network.name,
    delta: f.delta(row.cells.overall.change?.delta),
    arrow: row.cells.overall.change?.direction === "up" ? "▲" : "▼",
    changeClass: row.cells.overall.change?.direction === "up" ? "better" : "worse",
    now: cellView(row.cells.overall, m, lang),
  });
  const { rises, falls } = movers(portfolio.rows);
  return { rises: rises.map(line), falls: falls.map(line), none: rises.length + falls.length === 0 };
}

/** Counts per band of every figure, for all the portfolio's networks. */
export function countsView(portfolio: Portfolio, lang: Lang) {
  const f = formatterFor(lang);
  const counts = bandCounts(portfolio.rows);
  const columns = figureColumns(portfolio.instrument, lang);
  return columns.map(({ code, title }) => ({
    title,
    needs: f.count(counts[code].needs_attention),
    mixed: f.count(counts[code].mixed),
    strong: f.count(counts[code].strong),
    none: f.count(counts[code].none),
  }));
}

export function portfolioPageModel(db: Db, portfolio: Portfolio, quarters: readonly Quarter[], options: HeatmapOptions) {
  const { lang } = options;
  const m = portfolioMessages(lang);
  const f = formatterFor(lang);
  const selected = selectRowsIn(db, portfolio.rows, options);
  const page = pageOf(selected, options.page);
  const extra = askedColumns(
    db,
    page.rows.flatMap((r) => (r.round ? [r.round.roundId] : [])),
    lang,
  );
  const figures = figureColumns(portfolio.instrument, lang);
  const sortable = (key: SortKey, title: string) => {
    const active = options.sort === key;
    const dir = options.dir ?? defaultDirection(key);
    return {
      title,
      href: portfolioHref("/portfolio", options, {
        sort: key,
        dir: active ? (dir === "asc" ? "desc" : "asc") : defaultDirection(key),
        page: 1,
      }),
      ariaSort: active ? (dir === "asc" ? "ascending" : "descending") : null,
    };
  };
  const here = (change: Partial<HeatmapOptions>) => portfolioHref("/portfolio", options, change);
  return {
    lang,
    labels: m,
    name: portfolio.settings.name,
    settings: portfolio.settings,
    intro: m.intro(f.count(portfolio.rows.length)),
    hasNetworks: portfolio.rows.length > 0,
    columns: {
      network: sortable("name", m.network),
      date: sortable("date", m.latestRound),
      respondents: sortable("respondents", m.respondents),
      responseRate: sortable("responseRate", m.responseRate),
      figures: figures.map((c) => sortable(c.code, c.title)),
      extra: extra.map((c) => sortable(c.key as SortKey, c.title)),
    },
    rows: page.rows.map((row) => rowView(row, lang, extra)),
    averages: averagesView(portfolio.averages, lang),
    averageLabel: m.averageShort,
    noRoundSpan: figures.length + 4,
    pager: {
      text: m.page(f.count(page.page), f.count(page.pages)),
      previous: page.page > 1 ? here({ page: page.page - 1 }) : null,
      next: page.page < page.pages ? here({ page: page.page + 1 }) : null,
      many: page.pages > 1,
    },
    stages: [{ value: "all", label: m.allStages }, ...STAGES.map((s) => ({ value: s, label: m.stages[s] }))].map((s) => ({
      ...s,
      selected: s.value === options.stage,
    })),
    sorts: [
      { value: "name", label: m.network },
      ...figures.map((c) => ({ value: c.code, label: c.title })),
      { value: "respondents", label: m.respondents },
      { value: "responseRate", label: m.responseRate },
      { value: "date", label: m.latestRound },
      ...extra.map((c) => ({ value: c.key, label: c.title })),
    ].map((s) => ({ ...s, selected: s.value === options.sort })),
    directions: [
      { value: "asc", label: m.ascending, selected: (options.dir ?? defaultDirection(options.sort)) === "asc" },
      { value: "desc", label: m.descending, selected: (options.dir ?? defaultDirection(options.sort)) === "desc" },
    ],
    from: options.from ?? "",
    to: options.to ?? "",
    counts: countsView(portfolio, lang),
    movers: moversView(portfolio, lang),
    charts: overTimeCharts(quarters, figures, lang),
    csvHref: portfolioHref("/portfolio.csv", options, { page: 1 }),
    pdfHref: portfolioHref("/portfolio.pdf", options, { page: 1 }),
    otherLanguageHref: here({ lang: lang === "en" ? "nl" : "en" }),
  };
}
