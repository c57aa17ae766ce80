import { describe, expect, it } from "vitest";
import { AppError } from "../../src/lib/errors";
import { memoryLogger } from "../../src/lib/logger";
import { findChromium, launchOptions } from "../../src/reports/chromium";
import { createPdfRenderer } from "../../src/reports/renderer";
import { createTestApp } from "../support/app";
import { call } from "../support/http";
import { pdfText } from "./pdf-support";

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
    expect((err as AppError).message).toMatch(/apt-get install chromium-headless-shell/);
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
    expect(pdf.json.error).toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("apt-get install chromium-headless-shell"),
    });
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

describe("the PDF renderer with each of Debian's Chromium builds", () => {
  it("prefers the headless shell that setup installs", () => {
    expect(findChromium()).toBe("/usr/bin/chromium-headless-shell");
    expect(launchOptions("/usr/bin/chromium-headless-shell").headless).toBe("shell");
    expect(launchOptions("/usr/bin/chromium").headless).toBe(true);
  });

  // The full browser stays the fallback (and what PUPPETEER_EXECUTABLE_PATH may name): both must print.
  for (const executablePath of ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"]) {
    it(`prints a report's text with ${executablePath}`, async () => {
      const renderer = createPdfRenderer({ executablePath, logger: memoryLogger().logger });
      try {
        const pdf = await renderer.render("<!doctype html><html lang='en'><title>R</title><h1>Mirror report</h1><p>Purpose 3.4</p>");
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        expect(await pdfText(pdf)).toContain("Purpose 3.4");
      } finally {
        await renderer.close();
      }
    });
  }
});
