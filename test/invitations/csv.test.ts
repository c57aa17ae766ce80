import { describe, expect, it } from "vitest";
import { setup } from "../rounds/support";
import { makeMember, makeRound } from "../support/factories";
import { ORIGIN } from "../support/http";

describe("invitations as a mail-merge CSV", () => {
  it("answers Accept: text/csv with name, email and link per new invitation, as an attachment", async () => {
    const { t, cast, asFacilitator } = setup();
    const round = makeRound(t, cast.network.id, { title: "Voorjaar 2026: Zorg & Welzijn" });
    makeMember(t, cast.network.id, { name: "Ann de Vries", email: "ann@example.org" });
    makeMember(t, cast.network.id, { name: '=HYPERLINK("http://evil")', email: null });
    const res = await asFacilitator("POST", `/api/v1/rounds/${round.id}/invitations`, { all: true }, { Accept: "text/csv" });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="invitations-voorjaar-2026-zorg-welzijn.csv"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const lines = res.text.split("\r\n");
    expect(lines[0]).toBe(`"name","email","link"`);
    // A name that would run as a formula arrives as text.
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\)","","http:\/\/localhost\/s\/[A-Za-z0-9_-]{22}"$/);
    expect(lines[2]).toMatch(/^"Ann de Vries","ann@example\.org","http:\/\/localhost\/s\/[A-Za-z0-9_-]{22}"$/);
    expect(lines[3]).toBe("");
    expect(lines).toHaveLength(4);
  });

  it("sends a UTF-8 byte-order mark so that Excel reads accents right, and just the header when there is nothing new", async () => {
    const { t, cast } = setup();
    const round = makeRound(t, cast.network.id);
    // Raw bytes: Response.text() would silently drop the byte-order mark.
    const res = await t.app.request(`${ORIGIN}/api/v1/rounds/${round.id}/invitations`, {
      method: "POST",
      headers: { Accept: "text/csv", "Content-Type": "application/json", Origin: ORIGIN, Cookie: `nm_session=${cast.facilitator.cookie}` },
      body: JSON.stringify({ all: true }),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString("utf8")).toBe(`"name","email","link"\r\n`);
  });
});
