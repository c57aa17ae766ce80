import puppeteer, { type Browser } from "puppeteer";
import { AppError } from "../lib/errors";
import type { Logger } from "../lib/logger";
import { chromiumArgs, findChromium, INSTALL_HINT } from "./chromium";

export interface PdfOptions {
  /** Text in the page footer beside "page X of Y" (escaped by the renderer). */
  footer?: string;
  /** Label for "page" in the footer's language, e.g. "Page" or "Pagina". */
  pageLabel?: string;
  ofLabel?: string;
}

/** Turns HTML into PDF. The only thing in the code that knows a browser exists. */
export interface PdfRenderer {
  readonly available: boolean;
  render(html: string, options?: PdfOptions): Promise<Buffer>;
  close(): Promise<void>;
}

export interface RendererOptions {
  executablePath?: string;
  logger: Logger;
  /** Renders at the same time; more wait in the queue. */
  concurrency?: number;
  /** Renders allowed to wait; beyond that the caller gets a 503. */
  maxQueue?: number;
  timeoutMs?: number;
  /** Restart the browser after this many renders, so that its memory cannot creep. */
  restartAfter?: number;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A renderer that always answers 503 because no browser is installed. */
function unavailableRenderer(): PdfRenderer {
  return {
    available: false,
    render: () => Promise.reject(new AppError("unavailable", `PDF reports are unavailable: no Chromium was found. ${INSTALL_HINT}.`)),
    close: async () => {},
  };
}

/**
 * A renderer that keeps one warm Chromium. Each render gets a fresh browser context and page with
 * JavaScript off and every request that is not `data:` aborted, closed in `finally`.
 */
export function createPdfRenderer(options: RendererOptions): PdfRenderer {
  const executablePath = findChromium(options.executablePath);
  if (!executablePath) {
    options.logger.warn(`No Chromium found: PDF reports will answer 503. ${INSTALL_HINT}.`);
    return unavailableRenderer();
  }
  const { concurrency = 2, maxQueue = 32, timeoutMs = 30_000, restartAfter = 200 } = options;
  let browser: Promise<Browser> | undefined;
  let rendersSinceLaunch = 0;
  let active = 0;
  const waiting: (() => void)[] = [];

  const launch = () =>
    puppeteer.launch({ executablePath, headless: true, args: chromiumArgs() }).then((b) => {
      b.on("disconnected", () => {
        browser = undefined;
      });
      return b;
    });

  async function getBrowser(): Promise<Browser> {
    if (rendersSinceLaunch >= restartAfter && active === 0 && browser) {
      const old = browser;
      browser = undefined;
      await (await old).close().catch(() => {});
    }
    if (!browser) {
      rendersSinceLaunch = 0;
      browser = launch();
      browser.catch(() => {
        browser = undefined;
      });
    }
    return browser;
  }

  async function acquire() {
    if (active < concurrency) {
      active++;
      return;
    }
    if (waiting.length >= maxQueue) {
      throw new AppError("unavailable", "The report renderer is busy; please try again in a minute", { retryAfterSeconds: 30 });
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release() {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  async function renderOnce(html: string, opts: PdfOptions): Promise<Buffer> {
    const b = await getBrowser();
    rendersSinceLaunch++;
    const context = await b.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        if (request.url().startsWith("data:")) void request.continue();
        else void request.abort("blockedbyclient");
      });
      await page.setContent(html, { waitUntil: "load", timeout: timeoutMs });
      const footer = escapeHtml(opts.footer ?? "");
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="font-size:8px;font-family:'Liberation Sans',Arial,sans-serif;color:#444;width:100%;padding:0 14mm;display:flex;justify-content:space-between"><span>${footer}</span><span>${escapeHtml(opts.pageLabel ?? "Page")} <span class="pageNumber"></span> ${escapeHtml(opts.ofLabel ?? "of")} <span class="totalPages"></span></span></div>`,
        margin: { top: "14mm", bottom: "16mm", left: "14mm", right: "14mm" },
        timeout: timeoutMs,
      });
      return Buffer.from(pdf);
    } finally {
      await context.close().catch(() => {});
    }
  }

  return {
    available: true,
    async render(html, opts = {}) {
      await acquire();
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new AppError("unavailable", "The report took too long to render; please try again")), timeoutMs);
        });
        return await Promise.race([renderOnce(html, opts), timeout]);
      } catch (err) {
        if (err instanceof AppError) throw err;
        options.logger.error("PDF render failed", { error: String(err) });
        // A crashed or wedged browser is replaced on the next render.
        const old = browser;
        browser = undefined;
        if (old) void old.then((b) => b.close()).catch(() => {});
        throw new AppError("unavailable", "The report could not be rendered just now; please try again");
      } finally {
        clearTimeout(timer);
        release();
      }
    },
    async close() {
      const current = browser;
      browser = undefined;
      if (current) await (await current).close().catch(() => {});
    },
  };
}
