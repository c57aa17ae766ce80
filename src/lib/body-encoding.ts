import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { AppError } from "./errors";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const hex = (byte: number | undefined) => {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
};

/** The bytes an urlencoded body stands for: `%xx` turned into its byte (what a form parser decodes as text). */
function percentDecoded(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const high = body[i] === 0x25 ? hex(body[i + 1]) : -1;
    const low = high >= 0 ? hex(body[i + 2]) : -1;
    if (low >= 0) {
      out[n++] = high * 16 + low;
      i += 2;
    } else out[n++] = body[i] ?? 0;
  }
  return out.subarray(0, n);
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;

/**
 * Refuses a JSON or urlencoded form body that is not valid UTF-8 (raw, or in a form's `%xx`
 * escapes) with a 400 `invalid_body`. Decoders would otherwise turn the bad bytes into U+FFFD and
 * we would store text the person never wrote. Multipart bodies are left to their readers: a
 * roster file may come in another encoding on purpose.
 */
export function requireUtf8Body(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = c.req.header("Content-Type") ?? "";
    const json = JSON_TYPE.test(type);
    if (!json && !FORM_TYPE.test(type)) return next();
    // Read once; Hono keeps it for the route's own c.req.json() or parseBody().
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (!isUtf8(json ? body : percentDecoded(body))) {
      throw new AppError("invalid_body", "body: is not valid UTF-8", { details: [{ field: "body", message: "is not valid UTF-8" }] });
    }
    return next();
  };
}
