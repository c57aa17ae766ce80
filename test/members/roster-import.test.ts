import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "../../src/app";
import { makeMember } from "../support/factories";
import { getPage, ORIGIN, postForm } from "../support/http";
import { csvFile, hiddenRows, postMultipart, setUp, stored, textOf } from "./helpers";

describe("importing a CSV: preview, then confirm", () => {
  it("previews an uploaded Dutch Excel file (BOM, semicolons, quoted line breaks) and saves nothing", async () => {
    const { t, cast, roster, cookie } = setUp();
    const text =
      '\uFEFFNaam;E-mail;Organisatie\r\n"de Wit;\r\nAnna";anna@example.nl;"GGD, Noord"\r\nBram;bram@example.nl;\r\n;geen-naam@example.nl;X\r\n';
    const res = await postMultipart(t, `${roster}/import`, { file: csvFile(text), csv: "" }, cookie);
    expect(res.status).toBe(200);
    const page = textOf(res.text);
    expect(page).toContain("Nothing has been saved yet.");
    expect(page).toContain("2 members to add");
    expect(page).toContain("1 row with errors (skipped)");
    // Anna starts on line 2 and ends on 3; Bram is on 4, the nameless row on 5.
    expect(page).toContain("2 de Wit; Anna anna@example.nl GGD, Noord");
    expect(page).toContain("4 Bram bram@example.nl");
    expect(page).toContain("5 name is missing");
    expect(stored(t, cast.network.id)).toEqual([]);
  });

  it("shows one bad row before saving, stores nothing until confirm, then adds only the good rows", async () => {
    const { t, cast, roster, cookie } = setUp();
    const text = "name,email,organisation\nAnn,ann@example.org,Valley\nBo,bo-at-example.org,Hill\nCy,cy@example.org,\n";
    const preview = await postMultipart(t, `${roster}/import`, { csv: text }, cookie);
    expect(preview.status).toBe(200);
    expect(textOf(preview.text)).toContain("3 email “bo-at-example.org” is not a valid email address");
    expect(stored(t, cast.network.id)).toEqual([]);

    const confirm = await postMultipart(t, `${roster}/import/confirm`, { rows: hiddenRows(preview.text) }, cookie);
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get("location")).toBe(`${roster}?done=imported&count=2&skipped=0`);
    expect(
      stored(t, cast.network.id)
        .map((m) => m.email)
        .sort(),
    ).toEqual(["ann@example.org", "cy@example.org"]);
    expect((await getPage(t, confirm.headers.get("location") ?? "", { cookie })).text).toContain("2 members added.");
  });

  it("lists duplicates against the roster and within the file, and skips them on confirm", async () => {
    const { t, cast, roster, cookie } = setUp();
    makeMember(t, cast.network.id, { name: "Ann Bell", email: "ann@example.org" });
    const text = "email,name\nANN@example.org,Ann B\nbo@example.org,Bo\nBo@Example.org,Bo twice\n";
    const preview = await postMultipart(t, `${roster}/import`, { csv: text }, cookie);
    const page = textOf(preview.text);
    expect(page).toContain("2 duplicates (skipped)");
    expect(page).toContain("2 Ann B ann@example.org already on the roster");
    expect(page).toContain("4 Bo twice bo@example.org same email as line 3");
    expect(page).toContain("1 member to add");
    const confirm = await postForm(t, `${roster}/import/confirm`, { rows: hiddenRows(preview.text) }, { cookie });
    expect(confirm.status).toBe(303);
    expect(stored(t, cast.network.id).map((m) => m.email)).toEqual(["ann@example.org", "bo@example.org"]);
  });

  it("skips on confirm an email that reached the roster after the preview", async () => {
    const { t, cast, roster, cookie } = setUp();
    const preview = await postMultipart(t, `${roster}/import`, { csv: "name,email\nAnn,ann@example.org\nBo,bo@example.org\n" }, cookie);
    makeMember(t, cast.network.id, { email: "bo@example.org" });
    const confirm = await postForm(t, `${roster}/import/confirm`, { rows: hiddenRows(preview.text) }, { cookie });
    expect(confirm.headers.get("location")).toBe(`${roster}?done=imported&count=1&skipped=1`);
    expect(stored(t, cast.network.id)).toHaveLength(2);
  });

  it("refuses a file without a name column on the roster page, next to the file field", async () => {
    const { t, cast, roster, cookie } = setUp();
    const res = await postMultipart(t, `${roster}/import`, { file: csvFile("email;organisatie\na@example.org;X\n") }, cookie);
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#file">');
    expect(res.text).toMatch(/id="file-error">The first row must name the columns, and there is no “name” column/);
    expect(stored(t, cast.network.id)).toEqual([]);
  });

  it("refuses an empty form and a file that is not UTF-8", async () => {
    const { t, roster, cookie } = setUp();
    const empty = await postMultipart(t, `${roster}/import`, { csv: "  " }, cookie);
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Choose a CSV file, or paste the rows");
    // "José" in Windows-1252: the é is byte 0xE9, not valid UTF-8.
    const latin1 = new Uint8Array([...new TextEncoder().encode("name\nJos"), 0xe9, 0x0a]);
    const res = await postMultipart(t, `${roster}/import`, { file: csvFile(latin1) }, cookie);
    expect(res.status).toBe(400);
    expect(res.text).toContain("The file is not UTF-8 text");
  });

  it("answers a form body that does not match its content type with 400, not a crash", async () => {
    const { t, cast, roster, cookie } = setUp();
    const res = await t.app.request(`${ORIGIN}${roster}/import`, {
      method: "POST",
      headers: { Origin: ORIGIN, Accept: "text/html", Cookie: `nm_session=${cookie}`, "Content-Type": "multipart/form-data; boundary=x" },
      body: "csv=name%0AAnn",
    });
    expect(res.status).toBe(400);
    expect(stored(t, cast.network.id)).toHaveLength(0);
  });

  it("never trusts the confirmed rows: a tampered or invalid list adds nobody", async () => {
    const { t, cast, roster, cookie } = setUp();
    for (const rows of [
      "not json",
      "[]",
      '[{"name":"Ann","email":"not-an-email"}]',
      '[{"name":"","email":"a@example.org"}]',
      '[{"name":"A","networkId":"x"}]',
    ]) {
      const res = await postForm(t, `${roster}/import/confirm`, { rows }, { cookie });
      expect(res.status, rows).toBe(400);
      expect(res.text).toContain("nothing was added");
    }
    expect(stored(t, cast.network.id)).toEqual([]);
  });

  it("previews and confirms a 5,000-row file within the body limit", async () => {
    const { t, cast, roster, cookie } = setUp();
    const lines = Array.from(
      { length: 5000 },
      (_, i) => `"Member ${i}, Jr";member-${i}@example-health-network.org;Organisation number ${i % 40}`,
    );
    const text = `naam;e-mail;organisatie\r\n${lines.join("\r\n")}\r\n`;
    expect(Buffer.byteLength(text)).toBeLessThan(BODY_LIMIT_BYTES);
    const preview = await postMultipart(t, `${roster}/import`, { file: csvFile(text) }, cookie);
    expect(preview.status).toBe(200);
    expect(textOf(preview.text)).toContain("5,000 members to add");
    expect(textOf(preview.text)).toContain("Showing the first 500; 4,500 more will be added too.");
    expect(stored(t, cast.network.id)).toEqual([]);
    const rows = hiddenRows(preview.text);
    expect(Buffer.byteLength(rows)).toBeLessThan(BODY_LIMIT_BYTES);
    const confirm = await postMultipart(t, `${roster}/import/confirm`, { rows }, cookie);
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get("location")).toBe(`${roster}?done=imported&count=5000&skipped=0`);
    expect(stored(t, cast.network.id)).toHaveLength(5000);
    expect((await getPage(t, confirm.headers.get("location") ?? "", { cookie })).text).toContain("5,000 members added.");
  });
});
