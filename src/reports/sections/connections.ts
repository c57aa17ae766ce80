// The Connections section of the report (the network map and what it shows) and its questions in
// the conversation guide; only for rounds with the connections module.

import { type ConnectionsModel, connectionsModel } from "../../connections/map-model";
import type { MapSource } from "../../connections/map-source";
import type { Formatter } from "../../lib/format";
import type { GuideSection } from "./guide";

/** The section's model; null for a round without the module. */
export function connectionsSection(source: MapSource | null, network: string, f: Formatter): ConnectionsModel | null {
  if (!source) return null;
  const { frozen, previousTitle, minResponses } = source;
  return connectionsModel(frozen, { lang: f.lang, f, network, audience: "report", previousTitle, minResponses });
}

/** The guide with the map's conversation prompts as one more topic, last (a suppressed map adds none). */
export function withConnectionPrompts(guide: GuideSection, connections: ConnectionsModel | null): GuideSection {
  if (!connections || connections.suppressed !== null) return guide;
  const topic = { code: "connections", title: connections.guideTitle, reasons: [connections.guideReasons], questions: connections.prompts };
  return { ...guide, none: null, topics: [...guide.topics, topic] };
}
