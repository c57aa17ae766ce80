import { eq } from "drizzle-orm";
import { members } from "../../src/db/schema";
import { createTestApp, type TestApp } from "../support/app";
import { makeCast } from "../support/factories";
import { ORIGIN } from "../support/http";

/** A fresh app with the access cast, the roster's path and the facilitator's cookie. */
export function setUp() {
  const t = createTestApp();
  const cast = makeCast(t);
  const roster = `/networks/${cast.network.id}/members`;
  return { t, cast, roster, cookie: cast.facilitator.cookie };
}

export const stored = (t: TestApp, networkId: string) => t.db.select().from(members).where(eq(members.networkId, networkId)).all();

/** Posts a multipart form as a browser does for `enctype="multipart/form-data"`. */
export async function postMultipart(t: TestApp, path: string, fields: Record<string, string | File>, cookie?: string) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  const headers: Record<string, string> = { Origin: ORIGIN, Accept: "text/html" };
  if (cookie) headers.Cookie = `nm_session=${cookie}`;
  const res = await t.app.request(`${ORIGIN}${path}`, { method: "POST", headers, body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export const csvFile = (text: string | Uint8Array<ArrayBuffer>, name = "roster.csv") => new File([text], name, { type: "text/csv" });

/** The JSON the preview's confirm form carries, as the browser would send it back. */
export function hiddenRows(html: string): string {
  const value = /name="rows" value="([^"]*)"/.exec(html)?.[1];
  if (value === undefined) throw new Error("no confirm form on the page");
  const entities: Record<string, string> = {
    "&quot;": '"',
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&#x27;": "'",
    "&#x3D;": "=",
    "&#x60;": "`",
  };
  return value.replace(/&(quot|amp|lt|gt|#x27|#x3D|#x60);/g, (e) => entities[e] ?? e);
}

/** What a person reads: tags stripped, whitespace collapsed. */
export const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
