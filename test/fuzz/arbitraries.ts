import fc from "fast-check";

export type Json = fc.JsonValue;
export type JsonObject = { [key: string]: Json };

/** Strings people paste to break things: SQL, HTML, CSV formulas, odd Unicode, traversal, NULs. */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE responses; --",
  '" OR 1=1 --',
  "' OR '1'='1",
  "1; SELECT * FROM users --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
  "{{{body}}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant as plain text
  "${7*7}",
  '=HYPERLINK("http://x")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-2+3",
  "\t=1+1",
  "\u202Eevil\u202C.exe",
  "a\u200Bb\u200Cc\u200Dd\uFEFF",
  "👩🏽‍⚕️🏥🇳🇱",
  "\uD800",
  "x\uDFFFy",
  "\uDBFF\uD800",
  "a\u0000b",
  "\u0000",
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%00",
  "%zz",
  "\\\\server\\share",
  "__proto__",
  "constructor",
  "",
  "   ",
  "\r\n\r\n",
  "null",
  "NaN",
  "1e309",
] as const;

export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Any text: printable, any code point, lone surrogates and control characters mixed in. */
export const anyText = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), weight: 4 },
    { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 2 },
    { arbitrary: loneSurrogate, weight: 1 },
    { arbitrary: fc.constantFrom("\u0000", "\n", "\r", "\t", "\u202E", "\u200B", '"', "'", ";", ",", "<", "="), weight: 1 },
  ),
  maxLength: 60,
});

/** A hostile string, a random one, a mix of both, or a very long one (up to ~3,000 characters). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
  { arbitrary: anyText, weight: 2 },
  { arbitrary: fc.tuple(anyText, fc.constantFrom(...HOSTILE_STRINGS), anyText).map((parts) => parts.join("")), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_STRINGS, "a", "é", "😀"), fc.integer({ min: 200, max: 3000 }))
      .map(([s, n]) => s.repeat(n).slice(0, n)),
    weight: 1,
  },
);

/** A value of a JSON type a field would not expect. */
export const wrongType: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 2 ** 53, 1e308, -1e308, true, false, null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Any JSON value (fc.anything made JSON-able by a round trip, and fc.jsonValue). */
export const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2, withBoxedValues: false, withMap: false, withSet: false }).map((v) => {
    try {
      return JSON.parse(JSON.stringify(v) ?? "null") as Json;
    } catch {
      return null; // BigInt and friends have no JSON form
    }
  }),
);

/** A key nobody asked for: hostile, random, or one that pollutes prototypes. */
export const unknownKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "id", "role", "admin", "$where"),
  hostileString,
);

/** Request bodies as text that are not (quite) JSON: broken, empty, truncated, deeply nested. */
export const brokenJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "{", "}", "[", '{"a":', '{"a":1,}', "{'a':1}", "undefined", "NaN", "\uFEFF{}", "{}{}", '{"a":1}x', "nul"),
  anyText,
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v).slice(0, -1)),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
  fc.constantFrom('{"__proto__":{"admin":true}}', '{"a":1,"a":2}', '{"n":1e400}', `{"s":"${"x".repeat(100_000)}"}`),
);

type Path = (string | number)[];
type Mutation =
  | { kind: "drop" }
  | { kind: "set"; value: Json }
  | { kind: "addKey"; key: string; value: Json }
  | { kind: "wrap"; in: "array" | "object" };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: "drop" as const }),
  hostileString.map((value) => ({ kind: "set" as const, value })),
  wrongType.map((value) => ({ kind: "set" as const, value })),
  fc.record({ kind: fc.constant("addKey" as const), key: unknownKey, value: anyJson }),
  fc.constantFrom("array" as const, "object" as const).map((how) => ({ kind: "wrap" as const, in: how })),
);

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every place in a JSON value, the root ([]) first. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isObject(value)
      ? Object.entries(value)
      : [];
  return [prefix, ...children.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

/** Sets an own property, even one called `__proto__` (plain assignment would change the prototype). */
function put(target: JsonObject | Json[], key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function changed(value: Json, m: Mutation): Json {
  if (m.kind === "set") return m.value;
  if (m.kind === "wrap") return m.in === "array" ? [value] : { value };
  if (m.kind === "addKey" && isObject(value)) {
    put(value, m.key, m.value);
    return value;
  }
  return m.kind === "addKey" ? { [m.key]: value } : {};
}

/** Applies one mutation at `path`; a path that no longer exists (an earlier mutation moved it) is left alone. */
function applyAt(root: Json, path: Path, m: Mutation): Json {
  if (path.length === 0) return changed(root, m);
  let parent: Json | undefined = root;
  for (const key of path.slice(0, -1))
    parent = Array.isArray(parent) || isObject(parent) ? (parent as Record<string, Json>)[key] : undefined;
  const last = path.at(-1) as string | number;
  if (!(Array.isArray(parent) || isObject(parent)) || !Object.hasOwn(parent, last)) return root;
  const current = (parent as Record<string, Json>)[last] as Json;
  if (m.kind === "drop") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else put(parent, last, changed(current, m));
  return root;
}

/** A valid body with one to three things wrong: a field dropped, added, retyped, made hostile or nested. */
export function mutated(valid: fc.Arbitrary<JsonObject>): fc.Arbitrary<Json> {
  return valid.chain((body) =>
    fc
      .array(fc.tuple(fc.constantFrom(...pathsOf(body)), mutation), { minLength: 1, maxLength: 3 })
      .map((steps) => steps.reduce<Json>((acc, [path, m]) => applyAt(acc, path, m), structuredClone(body))),
  );
}

/** An object with the endpoint's own keys (and perhaps others) holding random JSON. */
export function randomShaped(valid: fc.Arbitrary<JsonObject>): fc.Arbitrary<Json> {
  return valid.chain((body) =>
    fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(body), "x"), unknownKey), fc.oneof(anyJson, hostileString), { maxKeys: 5 }),
  );
}

/** The text of a request body for an endpoint whose valid bodies `valid` makes: mostly near-valid, some garbage. */
export function fuzzBody(valid: fc.Arbitrary<JsonObject>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: valid.map((b) => JSON.stringify(b)), weight: 2 },
    { arbitrary: mutated(valid).map((b) => JSON.stringify(b)), weight: 6 },
    { arbitrary: randomShaped(valid).map((b) => JSON.stringify(b)), weight: 2 },
    { arbitrary: anyJson.map((b) => JSON.stringify(b)), weight: 1 },
    { arbitrary: brokenJsonText, weight: 1 },
  );
}
