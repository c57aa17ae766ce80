import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { grants, networks } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Config } from "../lib/config";
import type { Db } from "../lib/db";
import { newId } from "../lib/ids";
import type { Logger } from "../lib/logger";
import { addMembers } from "../members/service";
import { createNetwork } from "../networks/service";
import { addOrganisations } from "../organisations/service";
import { createUser, findUserByEmail } from "../users/service";
import { seedDemoEmail } from "./email";
import { seedDemoPortfolio } from "./portfolio";
import { DEMO_NETWORK_ORGANISATIONS, demoRoster } from "./roster";
import { seedDemoRounds } from "./rounds";

export const DEMO_NETWORK_NAME = "North Valley Integrated Care Partnership";
export const DEMO_PASSWORD = "netmirror-demo";
export const DEMO_USERS = [
  { role: "admin", email: "admin@example.org", name: "Alex Admin" },
  { role: "facilitator", email: "facilitator@example.org", name: "Fran Facilitator" },
  { role: "commissioner", email: "commissioner@example.org", name: "Chris Commissioner" },
] as const;

interface SeedDeps {
  db: Db;
  clock: Clock;
  config: Config;
  logger: Logger;
}

async function demoUser(deps: SeedDeps, user: (typeof DEMO_USERS)[number]): Promise<Actor> {
  const existing = findUserByEmail(deps.db, user.email);
  const view = existing ?? (await createUser(deps, { ...user, password: DEMO_PASSWORD }));
  return { userId: view.id, email: view.email, name: view.name, role: view.role, via: "session" };
}

/**
 * Fills an empty database with a demo network: three demo accounts, a realistic roster across
 * eight organisations, twelve organisations for the network map and three closed rounds of example
 * answers, the last with the network map and the maturity matrix, plus the commissioner's portfolio
 * of twelve more networks (src/demo/portfolio.ts). Safe to run at every start: it does nothing when the demo network exists.
 */
export async function seedDemo(deps: SeedDeps) {
  const [, facilitator, commissioner] = await Promise.all(DEMO_USERS.map((u) => demoUser(deps, u)));
  const logins = DEMO_USERS.map((u) => ({ role: u.role, email: u.email, password: DEMO_PASSWORD }));
  if (!facilitator || !commissioner) return logins;
  if (deps.db.select().from(networks).where(eq(networks.name, DEMO_NETWORK_NAME)).get()) return logins;

  const network = createNetwork(deps, facilitator, {
    name: DEMO_NETWORK_NAME,
    description:
      "Hospitals, general practice, social care, mental health and voluntary partners working together for older people with complex needs.",
    stage: "established",
  });
  deps.db
    .insert(grants)
    .values({ id: newId(), networkId: network.id, userId: commissioner.userId, role: "commissioner", createdAt: deps.clock.now() })
    .run();
  addMembers(deps, facilitator, network.id, demoRoster());
  addOrganisations(deps, facilitator, network.id, [...DEMO_NETWORK_ORGANISATIONS]);
  // The portfolio's other networks close their rounds first: the demo network's latest report then shows the benchmark.
  seedDemoPortfolio(deps, facilitator, commissioner);
  seedDemoRounds(deps, facilitator, network.id);
  // Only when messages are captured: a demo must never email its made-up members for real.
  if (deps.config.mail.capture) seedDemoEmail(deps, facilitator, network.id);
  deps.logger.info("created the demo network", { networkId: network.id });
  return logins;
}
