import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/lib/config";

/** The ConfigError a bad environment gives, so that its message can be checked. */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("loadConfig accepted a bad environment");
}

describe("loadConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      dataDir: "./data",
      secretsDir: "./secrets",
      publicUrl: "http://localhost:3000",
      secureCookies: false,
      logLevel: "info",
      trustProxy: false,
      demo: false,
    });
    expect(config.admin).toBeUndefined();
    expect(config.chromiumPath).toBeUndefined();
  });

  it("reads every variable and ignores ones it does not know", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      DATA_DIR: "/var/lib/netmirror",
      SECRETS_DIR: "/etc/netmirror/secrets",
      PUBLIC_URL: "https://netmirror.example.org/",
      ADMIN_EMAIL: "Admin@Example.org",
      ADMIN_PASSWORD: "a long enough secret",
      LOG_LEVEL: "warn",
      PUPPETEER_EXECUTABLE_PATH: "/usr/bin/chromium",
      TRUST_PROXY: "1",
      DEMO: "yes",
      PATH: "/usr/bin",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "127.0.0.1",
      dataDir: "/var/lib/netmirror",
      secretsDir: "/etc/netmirror/secrets",
      publicUrl: "https://netmirror.example.org",
      secureCookies: true,
      admin: { email: "admin@example.org", password: "a long enough secret" },
      logLevel: "warn",
      chromiumPath: "/usr/bin/chromium",
      trustProxy: true,
      demo: true,
    });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "", PUBLIC_URL: "" })).toMatchObject({ port: 3000, publicUrl: "http://localhost:3000" });
  });

  it.each([
    ["PORT", { PORT: "eighty" }],
    ["PORT", { PORT: "70000" }],
    ["PUBLIC_URL", { PUBLIC_URL: "netmirror.example.org" }],
    ["PUBLIC_URL", { PUBLIC_URL: "ftp://netmirror.example.org" }],
    ["ADMIN_EMAIL", { ADMIN_EMAIL: "not-an-email", ADMIN_PASSWORD: "a long enough secret" }],
    ["ADMIN_PASSWORD", { ADMIN_EMAIL: "admin@example.org", ADMIN_PASSWORD: "short" }],
    ["LOG_LEVEL", { LOG_LEVEL: "verbose" }],
    ["TRUST_PROXY", { TRUST_PROXY: "maybe" }],
    ["DEMO", { DEMO: "sure" }],
  ])("stops with one line naming %s", (name, env) => {
    const err = configError(env);
    expect(err.message).toMatch(new RegExp(`^Invalid ${name}: `));
    expect(err.message).not.toContain("\n");
  });

  it("says what is missing when only one of ADMIN_EMAIL and ADMIN_PASSWORD is set", () => {
    expect(configError({ ADMIN_EMAIL: "admin@example.org" }).message).toMatch(/^Invalid ADMIN_PASSWORD: .*set together/);
    expect(configError({ ADMIN_PASSWORD: "a long enough secret" }).message).toMatch(/^Invalid ADMIN_EMAIL: .*set together/);
  });

  it.each([
    { DATA_DIR: "/var/lib/netmirror", SECRETS_DIR: "/var/lib/netmirror" },
    { DATA_DIR: "/var/lib/netmirror", SECRETS_DIR: "/var/lib/netmirror/secrets" },
    { DATA_DIR: "./data", SECRETS_DIR: "data/../data/keys" },
  ])("refuses a SECRETS_DIR inside DATA_DIR: a copy of the data must not hold the key (%o)", (env) => {
    expect(configError(env).message).toMatch(/^Invalid SECRETS_DIR: must not be DATA_DIR or inside it/);
  });

  it("accepts a SECRETS_DIR beside DATA_DIR, even with a similar name", () => {
    expect(loadConfig({ DATA_DIR: "/srv/data", SECRETS_DIR: "/srv/data-secrets" }).secretsDir).toBe("/srv/data-secrets");
  });

  it("explains the password rule rather than quoting the value", () => {
    const err = configError({ ADMIN_EMAIL: "admin@example.org", ADMIN_PASSWORD: "hunter2" });
    expect(err.message).toContain("at least 12 characters");
    expect(err.message).not.toContain("hunter2");
  });
});
