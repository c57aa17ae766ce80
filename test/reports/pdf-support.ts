// Helpers of the PDF tests: the real renderer, a download that keeps the bytes, the text of a PDF,
// and a renderer wrapper that counts renders (the real renderer underneath; nothing is mocked).
import { extractText, getDocumentProxy } from "unpdf";
import { memoryLogger } from "../../src/lib/logger";
import { INSTALL_HINT } from "../../src/reports/chromium";
import { createPdfRenderer, type PdfRenderer } from "../../src/reports/renderer";
import type { TestApp } from "../support/app";
import { ORIGIN } from "../support/http";

/** The renderer the server would use (the system's Chromium); throws, saying what to install, when there is none. */
export function realRenderer(): PdfRenderer {
  const renderer = createPdfRenderer({ logger: memoryLogger().logger });
  if (!renderer.available) throw new Error(`These tests need Chromium. ${INSTALL_HINT}.`);
  return renderer;
}

/** GETs a path with a session cookie and keeps the body as bytes. */
export async function download(t: Pick<TestApp, "app">, path: string, cookie?: string) {
  const headers: Record<string, string> = { Accept: "application/pdf, application/json" };
  if (cookie) headers.Cookie = `nm_session=${cookie}`;
  const res = await t.app.request(`${ORIGIN}${path}`, { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const isJson = (res.headers.get("content-type") ?? "").includes("json");
  return { status: res.status, headers: res.headers, bytes, json: isJson ? JSON.parse(new TextDecoder().decode(bytes)) : undefined };
}

/**
 * True when two PDFs are the same byte for byte. Cheaper than `toEqual`, which walks a 300 KB array
 * element by element (about a second of CPU per comparison).
 */
export const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/** All text of a PDF, with runs of whitespace made single spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

/** The tagged PDF's structure: how often each role occurs, and each Figure's alternative text. */
export async function pdfStructure(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const roles: Record<string, number> = {};
  const figures: string[] = [];
  const walk = (node: StructNode | null) => {
    if (!node) return;
    if (node.role) roles[node.role] = (roles[node.role] ?? 0) + 1;
    if (node.role === "Figure") figures.push(node.alt ?? "");
    for (const child of node.children ?? []) walk(child);
  };
  for (let n = 1; n <= pdf.numPages; n++) walk((await (await pdf.getPage(n)).getStructTree()) as StructNode | null);
  return { roles, figures };
}

/** The renderer, counting how often it is asked to render. */
export function countingRenderer(inner: PdfRenderer) {
  const counter = {
    renders: 0,
    renderer: {
      get available() {
        return inner.available;
      },
      render(html: string, options?: Parameters<PdfRenderer["render"]>[1]) {
        counter.renders++;
        return inner.render(html, options);
      },
      close: () => inner.close(),
    } satisfies PdfRenderer,
  };
  return counter;
}

/** A figure as the JSON gives it, written the way the language writes it (independent of src/). */
export function written(x: number, lang: "en" | "nl", decimals = 1): string {
  const s = x.toFixed(decimals);
  return lang === "nl" ? s.replace(".", ",") : s;
}

/** Escapes text for a RegExp. */
export const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
