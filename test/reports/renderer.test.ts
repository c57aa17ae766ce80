import { describe, expect, it } from "vitest";
import { AppError } from "../../src/lib/errors";
import { memoryLogger } from "../../src/lib/logger";
import { createPdfRenderer } from "../../src/reports/renderer";
import { createTestApp } from "../support/app";
import { call } from "../support/http";

const MISSING = "/nonexistent/chromium";

describe("the PDF renderer without Chromium", () => {
  it("is unavailable and says so in one clear warning", () => {
    const { logger, lines } = memoryLogger();
    const renderer = createPdfRenderer({ executablePath: MISSING, logger });
    expect(renderer.available).toBe(false);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "warn" });
    expect(String(lines[0]?.msg)).toMatch(/chromium/i);
    expect(String(lines[0]?.msg)).toContain("PUPPETEER_EXECUTABLE_PATH");
  });

  it("rejects a render with a 503 AppError saying what to install", async () => {
    const { logger } = memoryLogger();
    const renderer = createPdfRenderer({ executablePath: MISSING, logger });
    const err = await renderer.render("<p>Report</p>").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "unavailable", status: 503 });
    expect((err as AppError).message).toMatch(/apt-get install chromium/);
    expect((err as AppError).message).toContain("PUPPETEER_EXECUTABLE_PATH");
    await expect(renderer.close()).resolves.toBeUndefined();
  });

  it("makes a PDF route answer 503 in the error shape, and health report pdf unavailable", async () => {
    const { logger } = memoryLogger();
    const t = createTestApp({ renderer: createPdfRenderer({ executablePath: MISSING, logger }) });
    // A stand-in for a report route: it hands HTML to the renderer, as reports/ will.
    t.app.get("/api/v1/test-pdf", async (c) => c.body(new Uint8Array(await t.deps.renderer.render("<p>Report</p>"))));
    const pdf = await call(t, "GET", "/api/v1/test-pdf");
    expect(pdf.status).toBe(503);
    expect(pdf.json.error).toMatchObject({ code: "unavailable", message: expect.stringContaining("apt-get install chromium") });
    expect(t.logs.filter((l) => l.level === "error")).toEqual([]);

    const health = await call(t, "GET", "/api/v1/health");
    expect(health.status).toBe(200);
    expect(health.json).toEqual({ status: "ok", pdf: "unavailable" });
  });

  it("reports pdf available when the configured browser exists (without launching it)", async () => {
    const { logger, lines } = memoryLogger();
    const t = createTestApp({ renderer: createPdfRenderer({ executablePath: process.execPath, logger }) });
    expect(lines).toEqual([]);
    expect((await call(t, "GET", "/api/v1/health")).json).toEqual({ status: "ok", pdf: "available" });
  });
});
