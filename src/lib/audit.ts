import { auditLog } from "../db/schema";
import type { Clock } from "./clock";
import type { Db } from "./db";
import { newId } from "./ids";

export interface AuditEntry {
  userId?: string | null;
  action: string;
  targetType: "user" | "network" | "round" | "member" | "grant" | "comment" | "action" | "organisation";
  targetId: string;
  detail?: Record<string, unknown>;
}

/** Notes who did what. Never pass anything a respondent wrote, or any response id. */
export function recordAudit(db: Db, clock: Clock, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      id: newId(),
      at: clock.now(),
      userId: entry.userId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      detail: entry.detail ?? null,
    })
    .run();
}
