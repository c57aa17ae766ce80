import { describe, expect, it } from "vitest";
import { seedDemo } from "../../src/demo/seed";
import { createMail } from "../../src/email/transport";
import { createTestApp } from "../support/app";
import { drain, outboxOf } from "./support";

describe("the demo's email", () => {
  it("captures an open round's invitations and a reminder for every member, to read instead of send", async () => {
    const t = createTestApp({ env: { DEMO: "1", MAIL_CAPTURE: "1", MAIL_RATE: "10000" } });
    t.db.$client.pragma("synchronous = OFF");
    await seedDemo(t.deps);
    const mail = createMail(t.config.mail);
    expect(await drain(t, mail)).toMatchObject({ sent: 72, failed: 0 });
    const kept = mail.captured?.list() ?? [];
    expect(kept.filter((m) => m.subject.startsWith("Reminder:"))).toHaveLength(36);
    expect(kept.filter((m) => m.subject.endsWith("a temperature check of our network"))).toHaveLength(36);
    expect(kept[0]?.text).toMatch(/http:\/\/localhost\/s\/[A-Za-z0-9_-]{22}/);
    const roundId = t.db.$client.prepare("select id from rounds where status = 'open'").get() as { id: string };
    expect(outboxOf(t, roundId.id).every((m) => m.status === "sent")).toBe(true);
  });

  it("emails nobody when messages are not captured", async () => {
    const t = createTestApp({ env: { DEMO: "1" } });
    t.db.$client.pragma("synchronous = OFF");
    await seedDemo(t.deps);
    expect(t.db.$client.prepare("select count(*) as n from email_outbox").get()).toEqual({ n: 0 });
  });
});
