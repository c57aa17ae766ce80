// The network map's figures in a comparison: density, trust and value of each round with the
// connections module, read in SQL from the frozen maps without parsing them.
import { z } from "@hono/zod-openapi";
import { eq, inArray, sql } from "drizzle-orm";
import { roundNetworkMaps, rounds } from "../db/schema";
import type { Db } from "../lib/db";

export const MapColumnsSchema = z
  .object({
    density: z.number().nullable().openapi({ description: "Ties ÷ possible pairs (3 dp); null when the map is suppressed" }),
    trust: z.number().nullable().openapi({ description: "The network's mean trust, 1–4; null when suppressed or not shown" }),
    value: z.number().nullable().openapi({ description: "The network's mean value, 1–4; null when suppressed or not shown" }),
  })
  .openapi("CompareMapColumns", { description: "The network map's figures; absent for a round without the connections module" });
export type MapColumns = z.infer<typeof MapColumnsSchema>;

/** Density, trust and value of every frozen map of `networkIds`' rounds, by round id (null figures when suppressed). */
export function mapColumns(db: Db, networkIds: readonly string[]): Map<string, MapColumns> {
  if (networkIds.length === 0) return new Map();
  const figure = (path: string) => sql<number | null>`case when json_extract(${roundNetworkMaps.map}, '$.map.suppressed') then null
    else json_extract(${roundNetworkMaps.map}, ${path}) end`;
  const rows = db
    .select({
      roundId: roundNetworkMaps.roundId,
      density: figure("$.map.metrics.density"),
      trust: figure("$.map.metrics.trust.mean"),
      value: figure("$.map.metrics.value.mean"),
    })
    .from(roundNetworkMaps)
    .innerJoin(rounds, eq(rounds.id, roundNetworkMaps.roundId))
    .where(inArray(rounds.networkId, [...networkIds]))
    .all();
  return new Map(rows.map(({ roundId, ...columns }) => [roundId, columns]));
}
