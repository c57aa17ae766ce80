// Test runs leave nothing in the system's temporary folder: every test process, and every process
// a test starts (servers, backup scripts, Chromium), makes its files in the run's own folder, which
// test/support/global-setup.ts removes when the run ends.
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";

describe("a test run's temporary files", () => {
  it("go in one folder of the run's own, which the processes that tests start inherit", () => {
    expect(basename(tmpdir())).toMatch(/^netmirror-tests-/);
    expect(process.env.TMPDIR).toBe(tmpdir());
    const child = execFileSync(process.execPath, ["-p", "require('node:os').tmpdir()"], { encoding: "utf8" }).trim();
    expect(child).toBe(tmpdir());
    // Not the system's folder itself, so that removing it removes only what the run made.
    expect(dirname(tmpdir())).not.toBe(tmpdir());
  });
});
