// Test runs leave nothing in the system's temporary folder: every test process, and every process
// a test starts (servers, backup scripts, Chromium), makes its files in the run's own folder, which
// test/support/global-setup.ts removes when the run ends.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestApp, migratedTemplate } from "../support/app";
import { removeFoldersOfEndedRuns } from "../support/global-setup";

describe("a test run's temporary files", () => {
  it("go in one folder of the run's own, which the processes that tests start inherit", () => {
    const run = tmpdir();
    expect(basename(run)).toMatch(/^netmirror-tests-/);
    const child = execFileSync(process.execPath, ["-p", "require('node:os').tmpdir()"], { encoding: "utf8" }).trim();
    expect(child).toBe(run);
    expect(createTestApp().dir.startsWith(join(run, "netmirror-test-"))).toBe(true);
    expect(migratedTemplate().startsWith(join(run, "netmirror-template-"))).toBe(true);
  });

  it("of a run killed before its teardown are removed by the next run, and a running run's are kept", () => {
    const parent = mkdtempSync(join(tmpdir(), "runs-"));
    const ended = spawnSync(process.execPath, ["-e", ""]).pid;
    const folders = {
      ended: join(parent, `netmirror-tests-${ended}-AbC123`),
      running: join(parent, `netmirror-tests-${process.pid}-XyZ789`),
    };
    for (const folder of Object.values(folders)) mkdirSync(join(folder, "netmirror-server-1"), { recursive: true });
    mkdirSync(join(parent, "something-else"));
    removeFoldersOfEndedRuns(parent);
    expect(existsSync(folders.ended)).toBe(false);
    expect(existsSync(folders.running)).toBe(true);
    expect(existsSync(join(parent, "something-else"))).toBe(true);
  });
});
