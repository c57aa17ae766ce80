import type { Browser, BrowserContext, LaunchOptions } from "puppeteer";
import { AppError } from "../lib/errors";
import type { Logger } from "../lib/logger";
import { findChromium, INSTALL_HINT, launchOptions } from "./chromium";
import { slotQueue } from "./queue";
import { type FreshPage, freshPage, printPdf } from "./renderer-page";

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
  /** Longest a render may take, and longest a caller waits in the queue. */
  timeoutMs?: number;
  /** Restart the browser after this many renders, so that its memory cannot creep. */
  restartAfter?: number;
}

const unavailable = (why: string) => new AppError("unavailable", why);

/** A renderer that always answers 503 because no browser is installed. */
function unavailableRenderer(): PdfRenderer {
  return {
    available: false,
    render: () => Promise.reject(unavailable(`PDF reports are unavailable: no Chromium was found. ${INSTALL_HINT}.`)),
    close: async () => {},
  };
}

/**
 * Starts Chromium. Puppeteer is loaded at the first render rather than with every module that can
 * reach the renderer, which is the whole app.
 */
async function launch(options: LaunchOptions): Promise<Browser> {
  const { default: puppeteer } = await import("puppeteer");
  return puppeteer.launch(options);
}

/** One launched browser, the renders it has done and the renders still running on it. */
interface Instance {
  browser: Promise<Browser>;
  renders: number;
  inFlight: number;
  retired: boolean;
  /** A fresh context and page made ready while the last render printed, for the next one. */
  spare?: Promise<FreshPage>;
}

/**
 * A renderer that keeps one warm Chromium for many reports: a fresh context and page per render
 * (closed in `finally`), at most `concurrency` at a time with a bounded queue (503 beyond it), a
 * timeout per render, and a new browser after a crash, a timeout or `restartAfter` renders. A
 * retired browser finishes its renders in flight before it is closed.
 *
 * Making a context starts a new renderer process (~0.1 s of CPU in the headless shell, ~0.45 s in the
 * full browser), so after each render the next fresh context and page are made ready while the
 * server is idle; a render takes that spare if there is one. It is still a context nothing has used
 * before. The spare is made only once the render has ended: made during the print, it competed with
 * it for the CPU and made it ~200 ms slower on two cores.
 */
export function createPdfRenderer(options: RendererOptions): PdfRenderer {
  const executablePath = findChromium(options.executablePath);
  if (!executablePath) {
    options.logger.warn(`No Chromium found: PDF reports will answer 503. ${INSTALL_HINT}.`);
    return unavailableRenderer();
  }
  const launching = launchOptions(executablePath);
  const { logger } = options;
  const { concurrency = 2, maxQueue = 32, timeoutMs = 30_000, restartAfter = 200 } = options;
  const queue = slotQueue(concurrency, maxQueue, timeoutMs);
  let current: Instance | undefined;
  let closed = false;
  // Every browser not yet closed, retired ones finishing their renders included.
  const live = new Set<Instance>();

  const closeBrowser = (inst: Instance) => {
    live.delete(inst);
    return inst.browser.then((b) => b.close()).catch(() => {});
  };
  const shut = (inst: Instance) => void closeBrowser(inst);

  function retire(inst: Instance) {
    inst.retired = true;
    if (current === inst) current = undefined;
    if (inst.inFlight === 0) shut(inst);
  }

  function instance(): Instance {
    if (current && current.renders >= restartAfter) retire(current);
    if (current) return current;
    logger.info("launching Chromium for PDF reports", { executablePath });
    const inst: Instance = {
      browser: launch(launching),
      renders: 0,
      inFlight: 0,
      retired: false,
    };
    inst.browser.then(
      (b) => b.on("disconnected", () => retire(inst)),
      () => retire(inst),
    );
    current = inst;
    live.add(inst);
    return inst;
  }

  /** The spare page if it is still usable, otherwise a new one. */
  async function takePage(inst: Instance): Promise<FreshPage> {
    const spare = inst.spare;
    inst.spare = undefined;
    const ready = spare ? await spare.catch(() => undefined) : undefined;
    if (ready && !ready.page.isClosed()) return ready;
    if (ready) void ready.context.close().catch(() => {});
    return freshPage(await inst.browser);
  }

  /** Makes the next render's page ready, unless one is ready or the browser is going away. */
  function prepareSpare(inst: Instance) {
    if (closed || inst.retired || inst.spare || current !== inst) return;
    const spare = inst.browser.then(freshPage);
    spare.catch(() => {
      if (inst.spare === spare) inst.spare = undefined;
    });
    inst.spare = spare;
  }

  interface Held {
    context?: BrowserContext;
    timedOut?: boolean;
  }

  /** One render on `inst` in a fresh context, closed in `finally`; `held` lets a timeout stop it. */
  async function renderOn(inst: Instance, html: string, opts: PdfOptions, held: Held): Promise<Buffer> {
    try {
      const { context, page } = await takePage(inst);
      held.context = context;
      if (held.timedOut) throw unavailable("The report took too long to render; please try again");
      return await printPdf(page, html, opts, timeoutMs);
    } finally {
      await held.context?.close().catch(() => {});
    }
  }

  function onTimeout(inst: Instance, held: Held) {
    held.timedOut = true;
    // Closing the context makes the render's pending calls fail, so its slot comes back. The
    // browser may be wedged: new renders get a fresh one, and if this one does not let go of its
    // renders soon, it is closed under them.
    void held.context?.close().catch(() => {});
    retire(inst);
    setTimeout(() => {
      if (inst.inFlight > 0) shut(inst);
    }, 5_000).unref();
  }

  return {
    available: true,
    async render(html, opts = {}) {
      if (closed) throw unavailable("The report renderer is shutting down");
      await queue.acquire();
      if (closed) {
        queue.release();
        throw unavailable("The report renderer is shutting down");
      }
      const inst = instance();
      inst.renders++;
      inst.inFlight++;
      const held: Held = {};
      // The slot is given back when the render really ends, not when the caller stops waiting.
      const work = renderOn(inst, html, opts, held).finally(() => {
        inst.inFlight--;
        if (inst.retired && inst.inFlight === 0) shut(inst);
        queue.release();
        prepareSpare(inst);
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          onTimeout(inst, held);
          reject(unavailable("The report took too long to render; please try again"));
        }, timeoutMs);
      });
      try {
        return await Promise.race([work, timeout]);
      } catch (err) {
        if (err instanceof AppError) throw err;
        logger.error("PDF render failed", { error: err instanceof Error ? err.message : String(err) });
        // A crashed browser (or one that failed to start) is replaced on the next render.
        if (!(await inst.browser.then((b) => b.connected).catch(() => false))) retire(inst);
        throw unavailable("The report could not be rendered just now; please try again");
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      closed = true;
      queue.rejectAll(unavailable("The report renderer is shutting down"));
      current = undefined;
      await Promise.all([...live].map(closeBrowser));
    },
  };
}
