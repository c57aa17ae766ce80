import { describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/lib/logger";
import { createPdfRenderer } from "../../src/reports/renderer";

const launches = (lines: Record<string, unknown>[]) => lines.filter((l) => l.msg === "launching Chromium for PDF reports").length;
const PAGE = "<p>A small report</p>";

describe("the warm PDF renderer", () => {
  it("keeps one browser across renders and starts a new one after `restartAfter` renders", async () => {
    const { logger, lines } = memoryLogger();
    const renderer = createPdfRenderer({ logger, restartAfter: 2 });
    try {
      for (let i = 0; i < 3; i++) expect((await renderer.render(PAGE)).subarray(0, 5).toString()).toBe("%PDF-");
      expect(launches(lines)).toBe(2);
    } finally {
      await renderer.close();
    }
  });

  it("answers 503 busy, with Retry-After, when the queue is full", async () => {
    const { logger } = memoryLogger();
    const renderer = createPdfRenderer({ logger, concurrency: 1, maxQueue: 0 });
    try {
      const first = renderer.render(PAGE);
      const second = await renderer.render(PAGE).catch((e: unknown) => e);
      expect(second).toMatchObject({ code: "unavailable", status: 503, retryAfterSeconds: 30 });
      await expect(first).resolves.toBeInstanceOf(Buffer);
    } finally {
      await renderer.close();
    }
  });

  it("gives up on a render that takes too long with a 503", async () => {
    const { logger } = memoryLogger();
    const renderer = createPdfRenderer({ logger, timeoutMs: 20 });
    try {
      await expect(renderer.render(PAGE)).rejects.toMatchObject({ code: "unavailable", message: expect.stringContaining("too long") });
    } finally {
      await renderer.close();
    }
  });

  it("refuses renders once closed, without launching a browser", async () => {
    const { logger, lines } = memoryLogger();
    const renderer = createPdfRenderer({ logger });
    await renderer.close();
    await expect(renderer.render(PAGE)).rejects.toMatchObject({ code: "unavailable" });
    expect(launches(lines)).toBe(0);
  });
});
