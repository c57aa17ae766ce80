import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { MapChange, StoredNetworkMap } from "../../connections/frozen-map";
import { rounds } from "./rounds";

/**
 * A closed round's network map, computed once in the closing transaction from its connections
 * answers (src/connections/freeze-map.ts) and never again: the report, the members' mirror, the
 * API and comparisons read it. Only rounds with the connections module have a row.
 */
export const roundNetworkMaps = sqliteTable("round_network_maps", {
  roundId: text("round_id")
    .primaryKey()
    .references(() => rounds.id, { onDelete: "cascade" }),
  // The round's organisations and the map worked out from them (StoredNetworkMap).
  map: text("map", { mode: "json" }).$type<StoredNetworkMap>().notNull(),
  // Against the network's previous closed round with a shown map; null when there is none. Worked
  // out again when an earlier round closes late and so becomes the previous one.
  change: text("change", { mode: "json" }).$type<MapChange | null>(),
  computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
  // The rules the map was worked out under (MAP_FORMAT in src/connections/freeze-map.ts).
  format: integer("format").notNull().default(1),
});
