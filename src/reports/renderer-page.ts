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

/**
 * Text as a CSS string: every character but ASCII letters, digits and spaces becomes a hex escape
 * (ended by the space CSS allows), so no text can close the string or the style element.
 */
const cssString = (s: string) => `"${s.replace(/[^A-Za-z0-9 ]/gu, (ch) => `\\${ch.codePointAt(0)?.toString(16)} `)}"`;

/**
 * The footer — the caller's text on the left, "page X of Y" on the right — as CSS page-margin
 * boxes. Chromium's own header and footer templates (`displayHeaderFooter`) start one more renderer
 * process for every PDF (15–30 ms more per report on an idle two-core machine, far more when it is
 * busy); margin boxes are laid out with the document itself, and stay out of the tagged structure.
 */
function footerStyle(opts: PdfOptions): string {
  const box = "font: 8px 'Liberation Sans', Arial, sans-serif; color: #4f5b67; vertical-align: middle;";
  const pageOf = `${cssString(`${opts.pageLabel ?? "Page"} `)} counter(page) ${cssString(` ${opts.ofLabel ?? "of"} `)} counter(pages)`;
  return `<style>@page { @bottom-left { content: ${cssString(opts.footer ?? "")}; ${box} } @bottom-right { content: ${pageOf}; ${box} } }</style>`;
}

/** `html` with the footer's style at the end of its head (or at its end when it has no head). */
function withFooter(html: string, opts: PdfOptions): string {
  const head = html.indexOf("</head>");
  const style = footerStyle(opts);
  return head === -1 ? html + style : html.slice(0, head) + style + html.slice(head);
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
  await page.setContent(withFooter(html, opts), { waitUntil: "load", timeout: timeoutMs });
  const pdf = await page.pdf({
    format: "A4",
    printBackground: true,
    preferCSSPageSize: true,
    margin: { top: "14mm", bottom: "16mm", left: "14mm", right: "14mm" },
    outline: true,
    tagged: true,
    // Only installed fonts are used; waiting for web fonts would run script in the page.
    waitForFonts: false,
    timeout: timeoutMs,
  });
  return Buffer.from(pdf);
}
