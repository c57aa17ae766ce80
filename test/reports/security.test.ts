import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PdfRenderer } from "../../src/reports/renderer";
import { createTestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { closedRoundWith, demoResponses, refreshCookies } from "./fixtures";
import { download, pdfText, realRenderer } from "./pdf-support";

// A listener on 127.0.0.1 that counts every connection and request: a rendered report must never
// reach it, whatever the comments say.
let listener: Server;
let port = 0;
const hits: string[] = [];
let connections = 0;
let browser: PdfRenderer;

beforeAll(async () => {
  listener = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end("hit");
  });
  listener.on("connection", () => connections++);
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  port = (listener.address() as AddressInfo).port;
  browser = realRenderer();
});

afterAll(async () => {
  await browser.close();
  await new Promise((resolve) => listener.close(resolve));
});

/** Hostile HTML aimed at the listener, the file system and the page's own script. */
function hostile(base: string): string[] {
  return [
    `<img src="${base}/img">`,
    `<iframe src="${base}/frame"></iframe>`,
    `<iframe src="file:///etc/passwd"></iframe>`,
    `<link rel=stylesheet href="${base}/css">`,
    `<script>fetch('${base}/js')</script>`,
    `<div style="background:url(${base}/bg)">styled</div>`,
    `<style>@import url(${base}/imp)</style>`,
    `<style>@font-face{font-family:x;src:url(${base}/font)} body{font-family:x}</style>`,
    `<object data="${base}/object"></object><embed src="${base}/embed">`,
    `<svg><image href="${base}/svg-image"/></svg>`,
    `<video poster="${base}/poster"></video><audio src="${base}/audio"></audio>`,
    `<link rel=prefetch href="${base}/prefetch"><link rel=preload as=image href="${base}/preload">`,
    `<link rel=preconnect href="${base}"><link rel=dns-prefetch href="${base}">`,
  ];
}

describe("a report reaches nothing outside itself", () => {
  it("escapes hostile released comments: no request, and the PDF shows them as text", async () => {
    const t = createTestApp({ renderer: browser });
    const cast = makeCast(t);
    const base = `http://127.0.0.1:${port}`;
    const comments = hostile(base).map((text, i) => ({
      theme: ["purpose", "relationships", "communication", "governance", "value"][i % 5] ?? "value",
      text,
    }));
    const round = closedRoundWith(t, cast.network.id, demoResponses(12, 3), { comments });
    refreshCookies(t, cast);
    const res = await download(t, `/api/v1/rounds/${round.id}/report.pdf`, cast.facilitator.cookie);
    expect(res.status).toBe(200);
    expect(hits).toEqual([]);
    expect(connections).toBe(0);
    const text = await pdfText(res.bytes);
    expect(text).toContain(`<img src="${base}/img">`);
    expect(text).toContain(`<iframe src="file:///etc/passwd">`);
    expect(text).toContain(`<script>fetch('${base}/js')</script>`);
    expect(text).not.toContain("root:x:0:0");
  });

  it("stops the same content even with escaping bypassed and no CSP: the renderer is the second wall", async () => {
    const base = `http://127.0.0.1:${port}`;
    const html = `<!doctype html><html><head><title>raw</title>${hostile(base).join("\n")}</head><body><h1>Raw, unescaped</h1>${hostile(base).join("\n")}<p>end of page</p></body></html>`;
    const pdf = await browser.render(html);
    // Give anything that slipped out a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hits).toEqual([]);
    expect(connections).toBe(0);
    const text = await pdfText(new Uint8Array(pdf));
    expect(text).toContain("Raw, unescaped");
    expect(text).not.toContain("root:x:0:0");
  });

  it("stops a meta refresh too, and the renderer keeps working after one", async () => {
    const base = `http://127.0.0.1:${port}`;
    const html = `<html><head><meta http-equiv="refresh" content="0;url=${base}/refresh"></head><body><p>Refreshing</p></body></html>`;
    // The aborted navigation may race the printing (then the render fails with a 503): either
    // way nothing may reach the listener.
    await browser.render(html).catch((err: unknown) => expect(err).toMatchObject({ code: "unavailable" }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hits).toEqual([]);
    expect(connections).toBe(0);
    expect(await pdfText(new Uint8Array(await browser.render("<p>Still rendering</p>")))).toContain("Still rendering");
  });
});
