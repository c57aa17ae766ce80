import { tmpdir } from "node:os";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailTokens, invitations } from "../../src/db/schema";
import { emailInvitations } from "../../src/email/service";
import { createInvitations } from "../../src/invitations/service";
import { hashToken } from "../../src/lib/ids";
import { afterThisTest } from "../support/cleanup";
import { makeMember } from "../support/factories";
import { call } from "../support/http";
import { startSmtp } from "../support/smtp";
import { snapshotOrganisations } from "../survey/module-helpers";
import { drain, emailWorld, linkIn, outboxOf, rawHeader } from "./support";

describe("emailing the invitations", () => {
  it("sends each member their own working link in English, from the facilitator through MAIL_FROM, with one-click unsubscribe", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { closesAt: new Date("2026-03-23T18:00:00Z") });
    const result = emailInvitations(w.t, w.actor, w.round, {});
    expect(result.queued).toBe(2);
    expect(await drain(w.t, w.mail)).toMatchObject({ sent: 2 });
    expect(smtp.received.map((r) => r.to).sort()).toEqual(["ana@members.example", "ben@members.example"]);
    const ana = smtp.received.find((r) => r.to === "ana@members.example")?.mail;
    expect(ana?.from?.value[0]).toEqual({ name: "Fran Facilitator via netmirror", address: "surveys@netmirror.example" });
    expect(ana?.replyTo?.value[0]?.address).toBe("fran@riverside.example");
    expect(ana?.subject).toBe("Riverside Care Network: a temperature check of our network");
    expect(ana?.text).toContain("Dear Member A,");
    expect(ana?.text).toContain("Your answers are anonymous");
    // The closing date in the network's zone (London: GMT in March).
    expect(ana?.text).toContain("Please answer by 23 March 2026 at 18:00 GMT.");
    const link = linkIn(ana?.text);
    expect(ana?.html).toContain(`href="${link}"`);
    expect(ana?.html).toContain('<html lang="en">');
    expect(rawHeader(ana, "list-unsubscribe")).toMatch(/^<http:\/\/localhost\/u\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\?lang=en>$/);
    expect(rawHeader(ana, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // The link is the member's own and it works.
    const token = link.split("/s/")[1] as string;
    const row = w.t.db
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, hashToken(token)))
      .get();
    expect(row?.memberId).toBe(w.members[0]?.id);
    expect((await call(w.t, "GET", `/api/v1/s/${token}`)).status).toBe(200);
    expect(linkIn(smtp.received.find((r) => r.to === "ben@members.example")?.mail.text)).not.toBe(link);
  });

  it("sends a Dutch round's invitation in Dutch, the closing time in the network's zone", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, {
      language: "nl",
      zone: "Europe/Amsterdam",
      emails: ["daan@leden.example"],
      closesAt: new Date("2026-03-23T17:00:00Z"),
    });
    emailInvitations(w.t, w.actor, w.round, {});
    await drain(w.t, w.mail);
    const mail = smtp.received[0]?.mail;
    expect(mail?.subject).toBe("Riverside Care Network: een temperatuurmeting van ons netwerk");
    expect(mail?.text).toContain("Beste Member A,");
    expect(mail?.text).toContain("Je antwoorden zijn anoniem");
    expect(mail?.text).toContain("Graag antwoorden vóór 23 maart 2026 om 18:00 CET.");
    expect(mail?.html).toContain('<html lang="nl">');
    expect(rawHeader(mail, "list-unsubscribe")).toContain("?lang=nl>");
  });

  it("says about how long the round takes: 10 minutes for the themes, 5 more for each module it asks", async () => {
    const smtp = await startSmtp();
    const plain = emailWorld(smtp, { emails: ["ana@members.example"] });
    emailInvitations(plain.t, plain.actor, plain.round, {});
    await drain(plain.t, plain.mail);
    expect(smtp.received[0]?.mail.text).toContain("It takes about 10 minutes.");

    const both = emailWorld(smtp, { language: "nl", emails: ["daan@leden.example"], modules: ["connections", "maturity"] });
    snapshotOrganisations(both.t, both.network.id, both.round.id, 4);
    emailInvitations(both.t, both.actor, both.round, {});
    await drain(both.t, both.mail);
    const mail = smtp.received.find((r) => r.to === "daan@leden.example")?.mail;
    expect(mail?.text).toContain("Het kost ongeveer 20 minuten.");
    expect(mail?.html).toContain("Het kost ongeveer 20 minuten.");
  });

  it("skips members whose link was handed out another way, unless their links are replaced", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { emails: ["ana@members.example", "ben@members.example", "cas@members.example"] });
    const [ana] = createInvitations(w.t.deps, w.actor, w.round, { memberIds: [w.members[0]?.id as string] });
    const first = emailInvitations(w.t, w.actor, w.round, {});
    expect(first).toMatchObject({ queued: 2, replaced: 0, skipped: { handedOut: 1 } });
    // Twice queues nothing new: those emailed are skipped.
    expect(emailInvitations(w.t, w.actor, w.round, {})).toMatchObject({ queued: 0, skipped: { handedOut: 1, alreadyEmailed: 2 } });
    const replaced = emailInvitations(w.t, w.actor, w.round, { replaceLinks: true });
    expect(replaced).toMatchObject({ queued: 1, replaced: 1 });
    await drain(w.t, w.mail);
    expect(smtp.received.map((r) => r.to).sort()).toEqual(["ana@members.example", "ben@members.example", "cas@members.example"]);
    // The exported link stopped working; the emailed one works.
    const oldToken = ana?.url.split("/s/")[1];
    expect((await call(w.t, "GET", `/api/v1/s/${oldToken}`)).status).toBe(404);
    const emailed = linkIn(smtp.received.find((r) => r.to === "ana@members.example")?.mail.text).split("/s/")[1];
    expect((await call(w.t, "GET", `/api/v1/s/${emailed}`)).status).toBe(200);
  });

  it("keeps no link in plain text at rest: only sealed tokens, deleted when the member submits", async () => {
    const smtp = await startSmtp();
    const w = emailWorld(smtp, { emails: ["ana@members.example"] });
    emailInvitations(w.t, w.actor, w.round, {});
    await drain(w.t, w.mail);
    const token = linkIn(smtp.received[0]?.mail.text).split("/s/")[1] as string;
    w.t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const { readFileSync, readdirSync } = await import("node:fs");
    for (const file of readdirSync(w.t.dir)) expect(readFileSync(`${w.t.dir}/${file}`).includes(token), file).toBe(false);
    expect(outboxOf(w.t, w.round.id).map((m) => m.status)).toEqual(["sent"]);
    expect(w.t.db.select().from(emailTokens).all()).toHaveLength(1);
    const submitted = await call(w.t, "POST", `/api/v1/s/${token}/response`, { answers: { "purpose.1": 4 } });
    expect(submitted.status).toBe(201);
    expect(w.t.db.select().from(emailTokens).all()).toHaveLength(0);
  });

  it("invites members added to the roster later, and signs with DKIM when asked", async () => {
    const { generateKeyPairSync } = await import("node:crypto");
    const { rmSync, writeFileSync } = await import("node:fs");
    const smtp = await startSmtp();
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const keyFile = `${tmpdir()}/netmirror-dkim-${process.pid}-${Date.now()}.pem`;
    writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }));
    afterThisTest(() => rmSync(keyFile, { force: true }));
    const w = emailWorld(smtp, {
      emails: ["ana@members.example"],
      env: { DKIM_DOMAIN: "netmirror.example", DKIM_SELECTOR: "nm2026", DKIM_PRIVATE_KEY_FILE: keyFile },
    });
    expect(emailInvitations(w.t, w.actor, w.round, {}).queued).toBe(1);
    makeMember(w.t, w.network.id, { email: "late@members.example" });
    expect(emailInvitations(w.t, w.actor, w.round, {})).toMatchObject({ queued: 1, skipped: { alreadyEmailed: 1 } });
    await drain(w.t, w.mail);
    expect(smtp.received.map((r) => r.to)).toEqual(["ana@members.example", "late@members.example"]);
    expect(rawHeader(smtp.received[0]?.mail, "dkim-signature")).toMatch(/d=netmirror\.example; .*s=nm2026/s);
  });

  it("refuses a closed round and a draft one", async () => {
    const w = emailWorld(null);
    expect(() => emailInvitations(w.t, w.actor, { ...w.round, status: "closed" }, {})).toThrow(/closed/);
    expect(() => emailInvitations(w.t, w.actor, { ...w.round, status: "draft" }, {})).toThrow(/Open the round/);
  });
});
