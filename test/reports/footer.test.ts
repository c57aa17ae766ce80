import { afterAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/lib/logger";
import { createPdfRenderer } from "../../src/reports/renderer";
import { pdfText } from "./pdf-support";

const renderer = createPdfRenderer({ logger: memoryLogger().logger });
afterAll(() => renderer.close());

const twoPages = `<!doctype html><html><head><title>t</title></head><body><p>First</p><p style="break-before: page">Second</p></body></html>`;

describe("the PDF footer", () => {
  it("prints the footer text and page X of Y on every page, in the caller's words", async () => {
    const pdf = await renderer.render(twoPages, { footer: "North Valley · Spring 2026", pageLabel: "Pagina", ofLabel: "van" });
    const text = await pdfText(new Uint8Array(pdf));
    expect(text).toContain("North Valley · Spring 2026");
    expect(text).toContain("Pagina 1 van 2");
    expect(text).toContain("Pagina 2 van 2");
  });

  it("keeps hostile footer text as text: it cannot end the CSS string or the style element", async () => {
    const footer = `Quote " back\\slash } </style><h1>Injected</h1> 'x' é 🙂`;
    const pdf = await renderer.render(twoPages, { footer });
    const text = await pdfText(new Uint8Array(pdf));
    expect(text).toContain(`Quote " back\\slash } </style><h1>Injected</h1> 'x' é`);
    expect(text).toContain("Page 1 of 2");
  });
});
