import { count } from "drizzle-orm";
import { users } from "../db/schema";
import type { Clock } from "../lib/clock";
import type { Db } from "../lib/db";
import type { Logger } from "../lib/logger";
import { createUser } from "./service";

/** Creates the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD when there is no user at all. */
export async function ensureFirstAdmin(deps: { db: Db; clock: Clock; logger: Logger }, admin?: { email: string; password: string }) {
  const existing = deps.db.select({ n: count() }).from(users).get()?.n ?? 0;
  if (existing > 0) return;
  if (!admin) {
    deps.logger.warn("There are no users yet. Set ADMIN_EMAIL and ADMIN_PASSWORD to create the first administrator.");
    return;
  }
  await createUser(deps, { email: admin.email, name: "Administrator", role: "admin", password: admin.password });
  deps.logger.info("created the first administrator", { email: admin.email });
}
