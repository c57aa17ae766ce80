import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimDue } from "../../src/email/claim";
import { sendReminderNow } from "../../src/email/reminders";
import { emailInvitations } from "../../src/email/service";
import { ConfigError } from "../../src/lib/config";
import { openDatabase } from "../../src/lib/db";
import { afterThisTest } from "../support/cleanup";
import { startSmtp } from "../support/smtp";
import { drain, emailWorld, outboxOf } from "./support";

describe("claiming messages", () => {
  it("gives each message to one process only, even with two connections claiming at once", () => {
    const emails = Array.from({ length: 40 }, (_, i) => `m${i}@members.example`);
    const w = emailWorld(null, { emails });
    emailInvitations(w.t, w.actor, w.round, {});
    const other = openDatabase(join(w.t.dir, "test.db"), { secretsDir: w.t.secretsDir });
    afterThisTest(() => other.$client.close());
    const now = w.t.clock.now();
    const claimed: string[] = [];
    for (let i = 0; i < 6; i++) {
      claimed.push(...claimDue(w.t.db, now, 4).map((r) => r.id));
      claimed.push(...claimDue(other, now, 5).map((r) => r.id));
    }
    expect(claimed).toHaveLength(40);
    expect(new Set(claimed).size).toBe(40);
    expect(claimDue(other, now, 5)).toEqual([]);
  });

  it("cancels a reminder whose link was replaced by hand, saying why, and sends it to nobody", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    await drain(w.t, w.mail);
    const [message] = outboxOf(w.t, w.round.id);
    const { reissueInvitation, findInvitation } = await import("../../src/invitations/service");
    const invitation = findInvitation(w.t.db, message?.invitationId as string);
    if (!invitation) throw new Error("no invitation");
    reissueInvitation(w.t.deps, w.actor, w.round, invitation);
    // The member no longer has a sealed link: no reminder is queued for them.
    expect(() => sendReminderNow(w.t, w.actor, w.round)).toThrow(/email the invitations first/);
    expect(smtp.received).toHaveLength(1);
  });

  it("refuses to start on a database holding sealed links when the key is gone", () => {
    const w = emailWorld(null, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    w.t.db.$client.close();
    const file = join(w.t.dir, "test.db");
    expect(() => openDatabase(file, { secretsDir: join(w.t.dir, "..", "no-such-secrets-dir-for-this-test") })).toThrow(ConfigError);
    // The key that belongs to it still opens it.
    openDatabase(file, { secretsDir: w.t.secretsDir }).$client.close();
  });
});
