// The renderer's page: a fresh, locked-down browser context and page, and printing HTML in it.
// Only renderer.ts uses this file; together they are the one place that knows Puppeteer.
import type { Browser, BrowserContext, Page } from "puppeteer";
import type { PdfOptions } from "./renderer";

/**
 * Every render's context sends its traffic to this proxy, where nothing listens, loopback included:
 * the few fetches that request interception never sees (`<link rel=prefetch>`, preconnects, DNS
 * prefetches) fail there instead of reaching the network.
 */
const DEAD_PROXY = { proxyServer: "http://127.0.0.1:1", proxyBypassList: ["<-loopback>"] };

export interface FreshPage {
  context: BrowserContext;
  page: Page;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function footerTemplate(opts: PdfOptions): string {
  const page = `${escapeHtml(opts.pageLabel ?? "Page")} <span class="pageNumber"></span> ${escapeHtml(opts.ofLabel ?? "of")} <span class="totalPages"></span>`;
  return `<div style="font-size:8px;font-family:'Liberation Sans',Arial,sans-serif;color:#4f5b67;width:100%;padding:0 14mm;display:flex;justify-content:space-between"><span>${escapeHtml(opts.footer ?? "")}</span><span>${page}</span></div>`;
}

/**
 * A new context and page that have never held anything: JavaScript off and every request that is
 * not `data:` aborted, so nothing in the HTML can reach the network or the file system even if
 * escaping failed. The context is closed if setting it up fails.
 */
export async function freshPage(browser: Browser): Promise<FreshPage> {
  const context = await browser.createBrowserContext(DEAD_PROXY);
  try {
    const page = await context.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const settled = request.url().startsWith("data:") ? request.continue() : request.abort("blockedbyclient");
      // The page may be closing already; an unhandled rejection here would end the process.
      settled.catch(() => {});
    });
    return { context, page };
  } catch (err) {
    await context.close().catch(() => {});
    throw err;
  }
}

/** Loads `html` into the page and prints it as A4 with the footer; the caller closes the context. */
export async function printPdf(page: Page, html: string, opts: PdfOptions, timeoutMs: number): Promise<Buffer> {
  await page.setContent(html, { waitUntil: "load", timeout: timeoutMs });
  const pdf = await page.pdf({
    format: "A4",
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate: footerTemplate(opts),
    margin: { top: "14mm", bottom: "16mm", left: "14mm", right: "14mm" },
    outline: true,
    tagged: true,
    // Only installed fonts are used; waiting for web fonts would run script in the page.
    waitForFonts: false,
    timeout: timeoutMs,
  });
  return Buffer.from(pdf);
}
