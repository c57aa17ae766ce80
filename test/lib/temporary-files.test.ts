// Test runs leave nothing in the system's temporary folder: every test process, and every process
// a test starts (servers, backup scripts, Chromium), makes its files in the run's own folder, which
// test/support/global-setup.ts removes when the run ends.
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestApp, migratedTemplate } from "../support/app";

describe("a test run's temporary files", () => {
  it("go in one folder of the run's own, which the processes that tests start inherit", () => {
    const run = tmpdir();
    expect(basename(run)).toMatch(/^netmirror-tests-/);
    const child = execFileSync(process.execPath, ["-p", "require('node:os').tmpdir()"], { encoding: "utf8" }).trim();
    expect(child).toBe(run);
    expect(createTestApp().dir.startsWith(join(run, "netmirror-test-"))).toBe(true);
    expect(migratedTemplate().startsWith(join(run, "netmirror-template-"))).toBe(true);
  });
});
