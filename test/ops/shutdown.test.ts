import { describe, expect, it } from "vitest";
import { fullResponse, http, prepareRound, startServer } from "../support/server-process";

describe("graceful shutdown", () => {
  // Through `npm start`, as operators run it: npm must pass SIGTERM on to the server.
  it("finishes in-flight requests on SIGTERM to npm start, then stops accepting and exits cleanly", async () => {
    const server = await startServer({ env: { LOG_LEVEL: "info" }, npmStart: true });
    const { tokens } = await prepareRound(server, 30);
    const inFlight = tokens.slice(0, 20).map((token, i) => http(server, "POST", `/api/v1/s/${token}/response`, fullResponse(i)));
    // Let the requests reach the server, then ask it to stop while they are being handled.
    await new Promise((r) => setTimeout(r, 5));
    server.child.kill("SIGTERM");
    const statuses = (await Promise.allSettled(inFlight)).map((r) => (r.status === "fulfilled" ? r.value.status : "refused"));
    // Every request that reached the server got its full answer; none got a 5xx.
    expect(statuses.filter((s) => s !== 201 && s !== "refused")).toEqual([]);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"shutting down"');
    expect(server.output()).toContain('"msg":"stopped"');
    await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();
  }, 30_000);
});
