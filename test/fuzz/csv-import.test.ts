import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, parseRosterCsv } from "../../src/members/import";
import { previewImport } from "../../src/members/import-preview";
import { createTestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { ORIGIN } from "../support/http";
import { anyText, hostileString } from "./arbitraries";
import { storedState } from "./oracle";

const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;
const cell = fc.oneof(
  hostileString,
  fc.constantFrom("Anna de Vries", "anna@example.org", "not-an-email", "Valley Hospital", ""),
  hostileString.map(quoted),
  fc.constantFrom('"never closed', 'a"b', '""', '"a""', '"x"y', '"line\nbreak"', '"semi;colon,comma"'),
);
const header = fc.oneof(
  fc.constantFrom(
    ["name", "email", "organisation"],
    ["naam", "e-mail", "organisatie"],
    ["Email", "NAME"],
    ["email", "organisation"],
    ["name"],
  ),
  fc.array(cell, { maxLength: 4 }),
);

/** CSV text: a header and rows with random delimiters, quotes, line endings and BOMs; some binary or huge. */
const csvText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        bom: fc.constantFrom("", "", "\uFEFF", "\uFEFF\uFEFF"),
        delimiter: fc.constantFrom(",", ";", "\t", "|"),
        eol: fc.constantFrom("\n", "\r\n", "\r"),
        header,
        rows: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 25 }),
      })
      .map(({ bom, delimiter, eol, header: h, rows }) => bom + [h, ...rows].map((r) => r.join(delimiter)).join(eol)),
  },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString("latin1")) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 200_000 }).map((n) => `name,email\n${"x".repeat(n)},a@example.org`) },
  { weight: 1, arbitrary: fc.constantFrom(`name\n${"a\n".repeat(MAX_IMPORT_ROWS + 1)}`, `name\n${"\n".repeat(5000)}`, '"'.repeat(3001)) },
);

describe("fuzzing the roster CSV import", () => {
  it("parseRosterCsv never throws: rows with their line, or a message", () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const parsed = parseRosterCsv(text);
        if (!parsed.ok) {
          expect(parsed.message.trim()).not.toBe("");
          return;
        }
        for (const row of parsed.rows) {
          expect(Number.isInteger(row.line) && row.line >= 2, `line ${row.line}`).toBe(true);
          for (const value of [row.name, row.email, row.organisation]) expect(value).not.toMatch(/[\r\n\t]/);
        }
        previewImport(parsed.rows, new Set(["anna@example.org"]));
      }),
      { numRuns: 150 },
    );
  });

  it("POST /networks/:id/members/import (file or pasted): a preview or a 400 page, never a 5xx, nothing stored", async () => {
    const t = createTestApp();
    const cast = makeCast(t.deps);
    const path = `${ORIGIN}/networks/${cast.network.id}/members/import`;
    const upload = fc.oneof(
      csvText.map((text) => ({ file: new TextEncoder().encode(text) })),
      fc.uint8Array({ maxLength: 2000 }).map((file) => ({ file })),
      csvText.map((csv) => ({ csv })),
    );
    await fc.assert(
      fc.asyncProperty(upload, async (sent) => {
        const form = new FormData();
        if ("file" in sent) form.set("file", new File([sent.file], "roster.csv", { type: "text/csv" }));
        else form.set("csv", sent.csv);
        const before = storedState(t.db);
        const res = await t.app.request(path, {
          method: "POST",
          headers: { Accept: "text/html", Origin: ORIGIN, Cookie: `nm_session=${cast.facilitator.cookie}` },
          body: form,
        });
        const html = await res.text();
        expect([200, 400], html.slice(0, 300)).toContain(res.status);
        if (res.status === 400) expect(html).toContain('class="error-summary"');
        expect(html).not.toContain("<script>alert(1)</script>");
        expect(storedState(t.db), "the preview stored something").toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it("POST .../members/import/confirm with tampered rows: never a 5xx; a refusal stores nothing", async () => {
    const t = createTestApp();
    const cast = makeCast(t.deps);
    const row = fc.record(
      { name: hostileString, email: fc.oneof(hostileString, fc.constant("b@example.org")), organisation: hostileString },
      { requiredKeys: [] },
    );
    const rows = fc.oneof(
      fc.array(row, { maxLength: 4 }).map((r) => JSON.stringify(r)),
      anyText,
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(rows, async (posted) => {
        const before = storedState(t.db);
        const res = await t.app.request(`${ORIGIN}/networks/${cast.network.id}/members/import/confirm`, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Accept: "text/html",
            Origin: ORIGIN,
            Cookie: `nm_session=${cast.facilitator.cookie}`,
          },
          body: new URLSearchParams({ rows: posted }).toString(),
        });
        const html = await res.text();
        expect([303, 400], html.slice(0, 300)).toContain(res.status);
        if (res.status === 400) {
          expect(html).toContain('class="error-summary"');
          expect(storedState(t.db), "a refused confirm stored something").toBe(before);
        }
      }),
      { numRuns: 100 },
    );
  });
});
