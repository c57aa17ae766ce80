import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/lib/config";

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error("accepted");
};

describe("mail settings", () => {
  it("default to no mail server, 5 per second, no capture", () => {
    expect(loadConfig({}).mail).toEqual({
      smtpUrl: undefined,
      from: "netmirror@localhost",
      ratePerSecond: 5,
      capture: false,
      dkim: undefined,
    });
  });

  it("read SMTP_URL (smtp or smtps, user and password in it), MAIL_FROM, MAIL_RATE and DKIM", () => {
    const mail = loadConfig({
      SMTP_URL: "smtps://mailer:s3cret@mail.example.org:465",
      MAIL_FROM: "Riverside surveys <surveys@example.org>",
      MAIL_RATE: "20",
      DKIM_DOMAIN: "example.org",
      DKIM_SELECTOR: "nm2026",
      DKIM_PRIVATE_KEY_FILE: "/etc/netmirror/dkim.pem",
    }).mail;
    expect(mail).toEqual({
      smtpUrl: "smtps://mailer:s3cret@mail.example.org:465",
      from: "surveys@example.org",
      ratePerSecond: 20,
      capture: false,
      dkim: { domainName: "example.org", keySelector: "nm2026", privateKeyFile: "/etc/netmirror/dkim.pem" },
    });
  });

  it.each([
    ["SMTP_URL", { SMTP_URL: "http://mail.example.org", MAIL_FROM: "a@example.org" }],
    ["MAIL_FROM", { SMTP_URL: "smtp://mail.example.org:25" }],
    ["MAIL_FROM", { MAIL_FROM: "not an address" }],
    ["MAIL_RATE", { MAIL_RATE: "0" }],
    ["MAIL_CAPTURE", { MAIL_CAPTURE: "1" }],
    ["DKIM_PRIVATE_KEY_FILE", { DKIM_DOMAIN: "example.org", DKIM_SELECTOR: "nm" }],
  ])("stops with one line naming %s", (name, env) => {
    const message = refusal(env);
    expect(message).toMatch(new RegExp(`^Invalid ${name}: `));
    expect(message).not.toContain("\n");
  });

  it("refuses MAIL_CAPTURE without DEMO, saying why, and takes it with DEMO", () => {
    expect(refusal({ MAIL_CAPTURE: "1" })).toBe(
      "Invalid MAIL_CAPTURE: only with DEMO=1 (captured messages hold members' links in plain text)",
    );
    expect(loadConfig({ MAIL_CAPTURE: "1", DEMO: "1" }).mail.capture).toBe(true);
  });

  it("never repeats the password of a bad SMTP_URL", () => {
    expect(refusal({ SMTP_URL: "imap://mailer:s3cret@mail.example.org" })).not.toContain("s3cret");
  });
});
