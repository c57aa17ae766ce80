import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OutboxRow } from "../../src/db/schema";
import { CLAIM_LEASE_MS, claimDue } from "../../src/email/claim";
import { deliver } from "../../src/email/deliver";
import { sendReminderNow } from "../../src/email/reminders";
import { emailInvitations } from "../../src/email/service";
import type { Mailer } from "../../src/email/transport";
import { ConfigError } from "../../src/lib/config";
import { openDatabase } from "../../src/lib/db";
import { afterThisTest } from "../support/cleanup";
import { call } from "../support/http";
import { startSmtp } from "../support/smtp";
import { drain, emailWorld, linkIn, outboxOf } from "./support";

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

  it("a process whose claim lapsed neither sends the message nor overwrites the new claim's outcome", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    const [stale] = claimDue(w.t.db, w.t.clock.now(), 1);
    w.t.clock.advance(CLAIM_LEASE_MS + 1);
    const [fresh] = claimDue(w.t.db, w.t.clock.now(), 1);
    expect(fresh?.attempts).toBe(2);
    const deps = { ...w.t.deps };
    expect(await deliver(deps, w.mail.mailer as Mailer, stale as OutboxRow)).toEqual({ delivery: "taken" });
    expect(smtp.received).toHaveLength(0);
    expect(await deliver(deps, w.mail.mailer as Mailer, fresh as OutboxRow)).toEqual({ delivery: "sent" });
    expect(smtp.received).toHaveLength(1);
    expect(outboxOf(w.t, w.round.id)[0]).toMatchObject({ status: "sent", attempts: 2 });
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

  it("says how many sealed responses and sealed links a database without its key holds", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { emails: ["ana@members.example", "ben@members.example", "cas@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    await drain(w.t, w.mail);
    // Ana answers: her answer waits sealed in the pool and her link is no longer kept; Ben's and Cas's are.
    const anaToken = linkIn(smtp.received.find((r) => r.to === "ana@members.example")?.mail.text).split("/s/")[1];
    expect((await call(w.t, "POST", `/api/v1/s/${anaToken}/response`, { answers: { "purpose.1": 4 } })).status).toBe(201);
    w.t.db.$client.close();
    const file = join(w.t.dir, "test.db");
    const missing = join(w.t.dir, "..", "no-such-secrets-dir-for-this-test");
    expect(() => openDatabase(file, { secretsDir: missing })).toThrow(
      /is missing but the database holds 1 sealed response and 2 sealed email links; restore the key/,
    );
    expect(() => openDatabase(file)).toThrow(
      /^Invalid SECRETS_DIR: not set, but the database holds 1 sealed response and 2 sealed email links$/,
    );
  });

  it("refuses to start when the key does not open the sealed links, even with no response waiting", () => {
    const w = emailWorld(null, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    w.t.db.$client.close();
    const file = join(w.t.dir, "test.db");
    const wrong = join(w.t.dir, "wrong-secrets");
    mkdirSync(wrong, { mode: 0o700 });
    writeFileSync(join(wrong, "netmirror.key"), `${Buffer.alloc(32, 7).toString("base64")}\n`, { mode: 0o600 });
    const err = (() => {
      try {
        openDatabase(file, { secretsDir: wrong });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe(
      "Invalid SECRETS_DIR: its key does not open the sealed email links in the database; restore the key that belongs to it",
    );
    // The key that belongs to it still opens it.
    openDatabase(file, { secretsDir: w.t.secretsDir }).$client.close();
  });
});
