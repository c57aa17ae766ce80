import { describe, expect, it } from "vitest";
import { createTestApp } from "../support/app";
import { ORIGIN } from "../support/http";

// Found by the fuzz tests (test/fuzz/headers.test.ts): these used to be 500s.
describe("a form post whose body its Content-Type does not describe", () => {
  for (const type of ["multipart/form-data", "multipart/form-data; boundary=x"]) {
    it(`is a 400 naming the body, not a 500 (${type})`, async () => {
      const t = createTestApp();
      const send = (accept: string) =>
        t.app.request(`${ORIGIN}/login`, {
          method: "POST",
          headers: { "Content-Type": type, Accept: accept },
          body: "email=a%40example.org",
        });
      const page = await send("text/html");
      expect(page.status).toBe(400);
      expect(await page.text()).toContain("could not be read as a form");
      const json = await send("application/json");
      expect(json.status).toBe(400);
      expect((await json.json()).error).toMatchObject({
        code: "invalid_input",
        details: [{ field: "body", message: "could not be read as a form" }],
      });
    });
  }
});
