// The server as `npm start` runs it: one bundle (dist/server.mjs) on plain Node. What a bundle can
// break, beside the source the other tests run: finding templates/ and migrations/ from dist/, the
// lazily loaded chart libraries, and the PDF renderer.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pdfStructure, pdfText } from "../reports/pdf-support";
import { afterThisTest } from "../support/cleanup";
import { fullResponse, http, prepareRound, procStat, startServer } from "../support/server-process";

describe("the built server", () => {
  it("serves pages, the stylesheet and a mirror report with its charts", async () => {
    const server = await startServer();
    afterThisTest(() => server.child.kill("SIGKILL"));

    const login = await fetch(`${server.url}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('href="/assets/app.css');
    const css = await fetch(`${server.url}/assets/app.css`);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await css.text()).length).toBeGreaterThan(1000);

    const { cookie, roundId, tokens } = await prepareRound(server, 4);
    for (const [i, token] of tokens.entries()) {
      expect((await http(server, "POST", `/api/v1/s/${token}/response`, fullResponse(i))).status).toBe(201);
    }
    expect((await http(server, "POST", `/api/v1/rounds/${roundId}/close`, undefined, cookie)).status).toBe(200);
    const page = await fetch(`${server.url}/rounds/${roundId}/report`, { headers: { Cookie: `nm_session=${cookie}` } });
    expect(page.status).toBe(200);
    // Vega's own SVG (class "marks"): vega and vega-lite, loaded lazily, work inside the bundle.
    expect(await page.text()).toMatch(/<svg focusable="false" [^>]*class="marks"/);

    const report = await fetch(`${server.url}/api/v1/rounds/${roundId}/report.pdf`, { headers: { Cookie: `nm_session=${cookie}` } });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await report.arrayBuffer());
    expect(await pdfText(bytes)).toContain("Durability network");
    // The charts reach the PDF as tagged figures, each with its description.
    const { figures } = await pdfStructure(bytes);
    expect(figures.filter((alt) => alt.startsWith("Bar chart of the theme scores out of 100: Purpose "))).toHaveLength(1);

    // Killed outright (kill -9, the OOM killer), the server takes its Chromium with it.
    const browsers = childrenOf(server.child.pid as number);
    expect(browsers.length).toBeGreaterThan(0);
    server.child.kill("SIGKILL");
    await server.exited;
    const deadline = Date.now() + 10_000;
    while (browsers.some(isRunning) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(browsers.filter(isRunning)).toEqual([]);
  }, 60_000);
});

/** The processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name) && procStat(Number(name))?.[1] === String(pid))
    .map(Number);
}

/** False once the process is gone, or a zombie: exited, only not yet collected by its parent. */
const isRunning = (pid: number) => ![undefined, "Z"].includes(procStat(pid)?.[0]);
